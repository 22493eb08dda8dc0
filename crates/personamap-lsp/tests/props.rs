//! The server under random input (this crate's fuzzing): random edits through `didChange`
//! (random UTF-8 with multi-byte characters and line breaks, over random ranges that may lie
//! past the line's or the file's end or inside a surrogate pair) interleaved with every
//! request at random positions. Every request is answered, none with an internal error (a
//! caught panic), and the server shuts down cleanly.

mod common;

use common::{Client, pos};
use lsp_server::ErrorCode;
use proptest::prelude::*;
use serde_json::{Value, json};

const FILE: &str = "personas/spec.toml";

/// One thing the client does.
#[derive(Clone, Debug)]
enum Op {
    /// Replace the range between two (line, UTF-16 column) positions with `text`.
    Edit((u32, u32), (u32, u32), String),
    /// Send request `METHODS[i]` at a position.
    Request(usize, (u32, u32)),
}

const METHODS: &[&str] = &[
    "textDocument/hover",
    "textDocument/definition",
    "textDocument/references",
    "textDocument/completion",
    "textDocument/prepareRename",
    "textDocument/rename",
    "textDocument/documentSymbol",
    "textDocument/semanticTokens/full",
    "textDocument/formatting",
    "textDocument/codeAction",
    "workspace/symbol",
];

fn position() -> impl Strategy<Value = (u32, u32)> {
    (0u32..90, 0u32..60)
}

fn op() -> impl Strategy<Value = Op> {
    let text = proptest::string::string_regex(
        "[a-zA-Z0-9_ <>.=|&\"'\\[\\]{},:#%()\\-\n\té😀中\u{200B}\u{FEFF}\r]{0,12}",
    )
    .expect("regex");
    prop_oneof![
        (position(), position(), text).prop_map(|(a, b, t)| Op::Edit(a, b, t)),
        (0..METHODS.len(), position()).prop_map(|(m, p)| Op::Request(m, p)),
    ]
}

fn params(client: &Client, method: &str, at: (u32, u32)) -> Value {
    let doc = json!({ "uri": client.uri(FILE) });
    match method {
        "workspace/symbol" => json!({ "query": "P" }),
        "textDocument/documentSymbol" | "textDocument/semanticTokens/full" => {
            json!({ "textDocument": doc })
        }
        "textDocument/formatting" => json!({
            "textDocument": doc, "options": { "tabSize": 2, "insertSpaces": true }
        }),
        "textDocument/codeAction" => json!({
            "textDocument": doc,
            "range": { "start": pos(at), "end": pos((at.0 + 1, 0)) },
            "context": { "diagnostics": [] }
        }),
        _ => json!({
            "textDocument": doc,
            "position": pos(at),
            "context": { "includeDeclaration": true },
            "newName": "Renamed"
        }),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn random_edits_and_requests_are_all_answered(ops in prop::collection::vec(op(), 1..16)) {
        let site = common::fixture_site("single-file");
        let mut client = Client::start(site.path());
        client.open(FILE);
        let mut sent = Vec::new();
        for op in &ops {
            match op {
                Op::Edit(a, b, text) => client.change(FILE, *a, *b, text),
                Op::Request(m, at) => {
                    let method = METHODS[*m];
                    let params = params(&client, method, *at);
                    sent.push((method, client.send_request(method, params)));
                }
            }
        }
        for (method, id) in sent {
            let response = client.response(id);
            if let Some(e) = &response.error {
                prop_assert_ne!(e.code, ErrorCode::InternalError as i32, "{}: {:?}", method, e);
            }
        }
        client.shutdown();
    }
}
