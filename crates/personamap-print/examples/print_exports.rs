//! Prints every named export of each `.jsx` file given, as personamap prints it for a page's
//! Markdown export, as one JSON object: `{"FILE": {"exports": {"EXPORT": "printed text", …}}, …}`
//! (`null` for an export Mintlify would not inline), or
//! `{"FILE": {"error": "LINE:COL: message"}}` when the file does not parse or an export does
//! not print. `tests/conformance/printer.mjs` compares it with `estree-util-to-js`.
//!
//!   cargo run -p personamap-print --example print_exports -- FILE.jsx [FILE.jsx …]

use personamap_print::Snippet;
use serde_json::{Map, Value, json};

fn main() -> std::process::ExitCode {
    let mut files = Map::new();
    for path in std::env::args().skip(1) {
        let result = match std::fs::read_to_string(&path) {
            Ok(src) => exports(&src),
            Err(e) => json!({ "error": e.to_string() }),
        };
        files.insert(path, result);
    }
    println!("{}", Value::Object(files));
    std::process::ExitCode::SUCCESS
}

fn exports(src: &str) -> Value {
    let located = |e: personamap_print::Error| {
        let (line, column) = e.line_col(src);
        json!({ "error": format!("{line}:{column}: {e}") })
    };
    let snippet = match Snippet::parse(src) {
        Ok(s) => s,
        Err(e) => return located(e),
    };
    let mut out = Map::new();
    for name in snippet.exports() {
        match snippet.print(&name) {
            Ok(text) => {
                out.insert(name, text.map_or(Value::Null, Value::String));
            }
            Err(e) => return located(e),
        }
    }
    json!({ "exports": out })
}
