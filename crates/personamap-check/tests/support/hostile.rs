//! Hostile sample sites for property tests and conformance runs: valid specs whose every piece
//! of text (labels, prose, titles, frontmatter) is drawn from Unicode plus the characters and
//! words that break MDX, YAML and Mermaid. Shared by `tests/properties.rs` and
//! `examples/hostile_sites.rs` (`#[path]` include).

use proptest::prelude::*;

/// Fragments that have broken, or could break, one of the target languages.
const NASTY: &[&str] = &[
    "\"",
    "'",
    "{",
    "}",
    "<",
    ">",
    "`",
    "```",
    "~~~",
    "-->",
    "-.->",
    "==>",
    "%%",
    "%%{init}%%",
    "#",
    "#35;",
    "#quot;",
    "&amp;",
    "&#123;",
    "&",
    ";",
    ":",
    "style:#1;",
    "classDef",
    "end",
    "End",
    "$$",
    "|",
    "\\",
    "\\{",
    "[",
    "]",
    "(",
    ")",
    "<br/>",
    ":::",
    "---",
    "***",
    "* ",
    "- ",
    "1. ",
    "> ",
    "## ",
    "import x from \"y\"",
    "export const a = 1",
    "import",
    "export",
    "<Tab>",
    "{/* c */}",
    "    ",
    "\t",
    "\n",
    "\r\n",
    "\n\n",
    " ",
    "yes",
    "null",
    "~",
    "@",
    "!",
    "?",
    "é",
    "漢字",
    "🦀",
    "\u{200b}",
    "\u{2028}",
    "\u{feff}",
    "\u{0}",
];

/// Any text: fragments from [`NASTY`] mixed with arbitrary Unicode, possibly empty.
pub fn text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => proptest::sample::select(NASTY).prop_map(str::to_string),
        2 => any::<String>().prop_map(|s| s.chars().take(6).collect()),
        1 => "[a-zA-Z ]{1,8}",
    ];
    proptest::collection::vec(piece, 0..6).prop_map(|v| v.concat())
}

/// One line of text (no line breaks).
pub fn line() -> impl Strategy<Value = String> {
    text().prop_map(|t| t.replace(['\n', '\r'], " "))
}

/// A hostile persona: labels, edge labels and prose.
#[derive(Clone, Debug)]
pub struct Persona {
    /// Name (a heading).
    pub name: String,
    /// Nickname.
    pub nickname: String,
    /// Markdown intro.
    pub intro: String,
    /// Label lines of each node (ids are `N0`, `N1`, …).
    pub labels: Vec<Vec<String>>,
    /// Edges: (from, to, kind 0..3, label).
    pub edges: Vec<(usize, usize, u8, Option<String>)>,
}

/// A hostile site.
#[derive(Clone, Debug)]
pub struct Site {
    /// Page title.
    pub title: String,
    /// Page description.
    pub description: String,
    /// Intro and closing Markdown.
    pub prose: (String, String),
    /// Legend heading.
    pub legend: String,
    /// Meanings of the two palette classes.
    pub meanings: (String, String),
    /// Extra frontmatter: (key, value).
    pub frontmatter: Vec<(String, String)>,
    /// Personas.
    pub personas: Vec<Persona>,
}

fn persona() -> impl Strategy<Value = Persona> {
    (
        line(),
        line(),
        text(),
        proptest::collection::vec(proptest::collection::vec(line(), 1..3), 1..5),
    )
        .prop_flat_map(|(name, nickname, intro, labels)| {
            let n = labels.len();
            let edge = (0..n, 0..n, 0u8..3, proptest::option::of(line()));
            proptest::collection::vec(edge, 0..6).prop_map(move |edges| Persona {
                name: name.clone(),
                nickname: nickname.clone(),
                intro: intro.clone(),
                labels: labels.clone(),
                edges,
            })
        })
}

/// Strategy for a whole site.
pub fn site() -> impl Strategy<Value = Site> {
    (
        line(),
        line(),
        (text(), text()),
        line(),
        (line(), line()),
        proptest::collection::vec((line(), line()), 0..3),
        proptest::collection::vec(persona(), 1..3),
    )
        .prop_map(
            |(title, description, prose, legend, meanings, frontmatter, personas)| Site {
                title,
                description,
                prose,
                legend,
                meanings,
                frontmatter,
                personas,
            },
        )
}

/// A TOML basic string.
fn toml_str(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() || c == '\u{feff}' => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The files of `site`: `docs.json`, its existing `index.mdx` and `personas/*.toml`, as (path, text).
pub fn files(site: &Site) -> Vec<(String, String)> {
    let mut spec = format!(
        "[site]\nbase_url = \"https://docs.example.com\"\n\n[divider]\npath = \"snippets/Divider.jsx\"\nlogo = \"/logo.svg\"\n\n[[page]]\nid = \"guides/map\"\ntitle = {}\ndescription = {}\nnavigation = [\"Guides\"]\nintro = {}\nclosing = {}\nlegend = {}\n",
        toml_str(&site.title),
        toml_str(&site.description),
        toml_str(&site.prose.0),
        toml_str(&site.prose.1),
        toml_str(&site.legend),
    );
    let mut keys = Vec::new();
    for (k, v) in &site.frontmatter {
        let k = format!("x{}", k.trim());
        if ["title", "description"].contains(&k.as_str()) || keys.contains(&k) {
            continue;
        }
        if keys.is_empty() {
            spec.push_str("\n[page.frontmatter]\n");
        }
        spec.push_str(&format!("{} = {}\n", toml_str(&k), toml_str(v)));
        keys.push(k);
    }
    for (name, meaning, fill, stroke, color) in [
        ("a", &site.meanings.0, "#0b66ff", "#0a4cc6", "#ffffff"),
        ("b", &site.meanings.1, "#e1f5ee", "#0f6e56", "#04342c"),
    ] {
        spec.push_str(&format!(
            "\n[[palette]]\nname = \"{name}\"\nmeaning = {}\nfill = \"{fill}\"\nstroke = \"{stroke}\"\ncolor = \"{color}\"\n",
            toml_str(meaning)
        ));
    }
    let mut out = vec![("personas/site.toml".to_string(), spec)];
    for (i, p) in site.personas.iter().enumerate() {
        let mut edges = String::new();
        for (a, b, kind, label) in &p.edges {
            let arrow = ["-->", "-.->", "==>"][usize::from(*kind) % 3];
            let label = label
                .as_deref()
                .map(|l| format!("|\"{}\"|", l.replace('\\', "\\\\").replace('"', "\\\"")))
                .filter(|l| l != "|\"\"|")
                .unwrap_or_default();
            edges.push_str(&format!("N{a} {arrow}{label} N{b}\n"));
        }
        let mut t = format!(
            "[[persona]]\nnumber = {}\nname = {}\nnickname = {}\nintro = {}\nedges = {}\n",
            i + 1,
            toml_str(&p.name),
            toml_str(&p.nickname),
            toml_str(&p.intro),
            toml_str(&edges),
        );
        for (n, label) in p.labels.iter().enumerate() {
            let mut lines: Vec<String> = label.iter().map(|l| toml_str(l)).collect();
            if label.concat().is_empty() && label.len() < 2 {
                lines = vec![toml_str("x")];
            }
            t.push_str(&format!(
                "\n[[persona.group]]\nclass = \"{}\"\nnodes = [{{ id = \"N{n}\", label = [{}] }}]\n",
                if n % 2 == 0 { "a" } else { "b" },
                lines.join(", ")
            ));
        }
        out.push((format!("personas/p{}.toml", i + 1), t));
    }
    out.push((
        "docs.json".to_string(),
        "{\n  \"name\": \"Hostile\",\n  \"theme\": \"mint\",\n  \"colors\": { \"primary\": \"#0b66ff\" },\n  \"navigation\": { \"groups\": [ { \"group\": \"Guides\", \"pages\": [\"index\"] } ] }\n}\n".to_string(),
    ));
    // The site's own page, which its navigation already lists.
    out.push((
        "index.mdx".to_string(),
        "---\ntitle: Home\ndescription: The page that was here before personamap.\n---\n\nWelcome.\n".to_string(),
    ));
    out
}
