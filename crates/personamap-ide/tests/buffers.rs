//! Specs written inline: half-typed buffers, files that do not parse, multi-byte labels,
//! persona numbers, renames across files and their collisions.

mod common;

use common::{at, inline};
use personamap_ide::{CompletionKind, TokenKind};

const SITE: &str = r##"[site]
base_url = "https://x.example"

[divider]
path = "snippets/D.jsx"
logo = "/l.svg"

[[page]]
id = "maps"
title = "Maps"
description = "D"
navigation = ["Docs"]
personas = [1, 2]
layout = "tabs"

[[palette]]
name = "person"
meaning = "Who"
fill = "#1e88e5"
stroke = "#0d47a1"
color = "#ffffff"

[[palette]]
name = "step"
meaning = "What they do"
fill = "#ffffff"
stroke = "#000000"
color = "#000000"
"##;

const ONE: &str = r#"[[persona]]
number = 1
name = "Builder"
edges = '''
Me --> Cafe & Thé
Cafe -- « ça va » --> Thé
'''

[[persona.group]]
class = "person"
nodes = [{ id = "Me", label = "Moi" }]

[[persona.group]]
class = "step"
nodes = [
  { id = "Cafe", label = "x" },
]
"#;

/// A persona with multi-byte labels before and inside its edges.
const TWO: &str = r#"[[persona]]
number = 2
name = "Équipe — ops"
edges = """
Ops -.→ café.-> Run
Run -->|"naïve | ok"| Ops
"""

[[persona.group]]
class = "person"
nodes = [{ id = "Ops", label = ["Opérations", "日本語"] }]

[[persona.group]]
class = "step"
nodes = [{ id = "Run", label = "Exécuter 🚀" }]
"#;

fn two_files() -> personamap_ide::Analysis {
    inline(&[("site.toml", SITE), ("two.toml", TWO)])
}

#[test]
fn multi_byte_labels_keep_exact_offsets() {
    let a = two_files();
    let f = "personas/two.toml";
    let tokens = a.semantic_tokens(f);
    insta::assert_snapshot!(common::tokens(TWO, &tokens), @r#"
    5:1 Node `Ops`
    5:5 Arrow `-.`
    5:7 Label `→ café`
    5:13 Arrow `.->`
    5:17 Node `Run`
    6:1 Node `Run`
    6:5 Arrow `-->`
    6:8 Punctuation `|`
    6:9 Label `"naïve | ok"`
    6:21 Punctuation `|`
    6:23 Node `Ops`
    10:10 Class `person`
    14:10 Class `step`
    "#);
    let run = at(TWO, "Run\nRun", 0);
    let h = a.hover(f, run).expect("hover");
    assert_eq!(&TWO[h.range], "Run");
    assert!(h.markdown.contains("Label: Exécuter 🚀"), "{}", h.markdown);
    let h = a.hover(f, at(TWO, "-.→", 1)).expect("an arrow");
    assert!(
        h.markdown.contains("Label: “→ café” (inside the arrow)"),
        "{}",
        h.markdown
    );
    let edits = a.rename(f, run, "Exec").expect("renamed");
    let mut renamed = TWO.to_string();
    for e in edits[0].edits.iter().rev() {
        renamed.replace_range(e.range.clone(), &e.text);
    }
    assert_eq!(renamed.matches("Exec").count(), 3);
    assert!(!renamed.contains("Run"));
}

#[test]
fn half_typed_buffers_still_complete() {
    // An edge line being typed, after an arrow: ids of the persona.
    let typing = ONE.replace("Cafe -- « ça va » --> Thé\n", "Cafe --> T\n");
    let a = inline(&[("site.toml", SITE), ("one.toml", &typing)]);
    let f = "personas/one.toml";
    let offset = at(&typing, "--> T\n", 5);
    let items = a.completions(f, offset);
    let labels: Vec<_> = items.iter().map(|c| c.label.as_str()).collect();
    assert_eq!(labels, ["Me", "Cafe"]);
    assert_eq!(&typing[items[0].replace.clone()], "T");
    // `Thé` is not an id (é): the reader rejects the line, yet declared ids are found.
    assert_eq!(a.references(f, at(&typing, "Me -->", 0), true).len(), 2);
    assert_eq!(a.references(f, at(&typing, "Cafe", 0), true).len(), 3);

    // The edge string left open: the rest of the file is still read.
    let open = "[[persona]]\nnumber = 1\nname = \"B\"\nedges = '''\nMe --> \n\n[[persona.group]]\nclass = \"person\"\nnodes = [{ id = \"Me\", label = \"Moi\" }, { id = \"You\", label = \"Toi\" }]\n";
    let a = inline(&[("site.toml", SITE), ("one.toml", open)]);
    let items = a.completions(f, at(open, "Me --> ", 7));
    let labels: Vec<_> = items.iter().map(|c| c.label.as_str()).collect();
    assert_eq!(labels, ["Me", "You"]);
    assert_eq!(a.definition(f, at(open, "Me --> ", 0)).len(), 1);
    let symbols = a.document_symbols(f);
    assert_eq!(symbols[0].children[0].children.len(), 2);

    // A class being typed, its string not closed.
    let class = "[[persona]]\nnumber = 1\nname = \"B\"\n[[persona.group]]\nclass = \"pe\nnodes = [{ id = \"Me\", label = \"Moi\" }]\n";
    let a = inline(&[("site.toml", SITE), ("one.toml", class)]);
    let items = a.completions(f, at(class, "\"pe\n", 3));
    let labels: Vec<_> = items.iter().map(|c| c.label.as_str()).collect();
    assert_eq!(labels, ["person", "step"]);
    assert_eq!(&class[items[0].replace.clone()], "pe");
    assert_eq!(
        items[0].detail.as_deref(),
        Some("Who · #1e88e5"),
        "the meaning and the colour"
    );

    // A key being typed in an inline node table: the node's keys.
    let key = "[[persona]]\nnumber = 1\nname = \"B\"\n[[persona.group]]\nnodes = [{ id = \"Me\", label = \"Moi\", hr }]\n";
    let a = inline(&[("site.toml", SITE), ("one.toml", key)]);
    let items = a.completions(f, at(key, "hr }", 2));
    let labels: Vec<_> = items.iter().map(|c| c.label.as_str()).collect();
    assert_eq!(labels, ["class", "href", "tooltip"]);
    assert_eq!(&key[items[0].replace.clone()], "hr");

    // Lines toml cannot read (a header missing its `]`, a stray line, an element cut short):
    // the rest of the file is still read, at the same offsets.
    let nodes = "[[persona.group]]\nnodes = [{ id = \"A\", label = \"a\" }, { id = \"B\", label = \"b\" }]\n";
    for broken in [
        format!("[[persona]\nnumber = 1\nedges = '''\nA --> B\n'''\n{nodes}"),
        format!("[[persona]]\nnumber = 1\nedges = \"\"\"\nA --> B\n\"\"\"\nfoo bar\n{nodes}"),
        format!("[[persona]]\nnumber = = 1\nedges = '''\nA --> B\n'''\n{nodes}"),
        "[[persona]]\nnumber = 1\nedges = '''\nA --> B\n'''\n[[persona.group]]\nnodes = [{ id = \"A\", label = \"a\" },\n { id = \"B\", label = [\"b\", }]\n".to_string(),
    ] {
        let a = inline(&[("site.toml", SITE), ("one.toml", &broken)]);
        let edge = at(&broken, "A --> B", 0);
        let items = a.completions(f, edge + 6);
        let labels: Vec<_> = items.iter().map(|c| c.label.as_str()).collect();
        assert_eq!(labels, ["A", "B"], "{broken}");
        let def = a.definition(f, edge);
        assert_eq!(def.len(), 1, "{broken}");
        assert_eq!(&broken[def[0].range.clone()], "A");
        for offset in 0..=broken.len() {
            a.completions(f, offset);
            a.hover(f, offset);
        }
    }
}

#[test]
fn personas_pages_and_values() {
    let a = inline(&[("site.toml", SITE), ("one.toml", ONE), ("two.toml", TWO)]);
    let s = "personas/site.toml";
    // Persona numbers in a page's list.
    let items = a.completions(s, at(SITE, "[1, 2]", 1));
    let got: Vec<_> = items
        .iter()
        .map(|c| format!("{} {:?} {:?}", c.label, c.kind, c.detail))
        .collect();
    insta::assert_debug_snapshot!(got, @r#"
    [
        "1 Persona Some(\"Persona 1: Builder\")",
        "2 Persona Some(\"Persona 2: Équipe — ops\")",
    ]
    "#);
    assert_eq!(&SITE[items[0].replace.clone()], "1");
    let h = a.hover(s, at(SITE, "[1, 2]", 4)).expect("persona 2");
    insta::assert_snapshot!(h.markdown, @r"
    **Persona 2: Équipe — ops**

    2 nodes in 2 groups

    On pages: `maps`
    ");
    assert_eq!(
        common::places(
            &[("personas/two.toml".to_string(), TWO.to_string())],
            &a.definition(s, at(SITE, "[1, 2]", 4))
        ),
        vec!["personas/two.toml:2:10 `2`"]
    );
    // A persona number renamed: its `number` and the page's list, two files.
    let edits = a.rename(s, at(SITE, "[1, 2]", 4), "7").expect("renamed");
    let files: Vec<_> = edits.iter().map(|e| e.file.as_str()).collect();
    assert_eq!(files, ["personas/site.toml", "personas/two.toml"]);
    assert_eq!(
        a.rename(s, at(SITE, "[1, 2]", 4), "1").unwrap_err(),
        "persona 1 is already defined at personas/one.toml:2:10"
    );
    assert!(a.rename(s, at(SITE, "[1, 2]", 4), "x").is_err());
    // An enum value of the page.
    let items = a.completions(s, at(SITE, "\"tabs\"", 1));
    assert!(items.iter().all(|c| c.kind == CompletionKind::Value));
    let values: Vec<_> = items.iter().map(|c| c.label.as_str()).collect();
    assert_eq!(values, ["sections", "tabs"]);
    // A page renamed; another page's id refused.
    let two_pages = format!(
        "{SITE}\n[[page]]\nid = \"other\"\ntitle = \"O\"\ndescription = \"D\"\nnavigation = [\"Docs\"]\nafter = \"maps\"\n"
    );
    let a = inline(&[("site.toml", &two_pages), ("one.toml", ONE)]);
    let id = at(&two_pages, "id = \"maps\"", 6);
    assert_eq!(
        a.rename(s, id, "other").unwrap_err(),
        "page `other` is already defined at personas/site.toml:31:7"
    );
    assert_eq!(
        a.rename(s, id, "a/../b").unwrap_err(),
        "`a/../b` is not a valid page id: it has an empty, `.` or `..` segment and could leave the site root"
    );
    let edits = a.rename(s, id, "guides/maps").expect("renamed");
    assert_eq!(
        edits[0].edits.len(),
        2,
        "its id and the other page's `after`"
    );
    // docs.json's pages: in `after`, and in hover.
    let items = a.completions(s, at(&two_pages, "after = \"maps\"", 9));
    assert!(
        items
            .iter()
            .any(|c| c.kind == CompletionKind::NavPage && c.label == "guides/intro")
    );
}

#[test]
fn rename_collision_names_where() {
    let a = inline(&[("site.toml", SITE), ("one.toml", ONE)]);
    let f = "personas/one.toml";
    let me = at(ONE, "Me -->", 0);
    assert_eq!(
        a.rename(f, me, "Café").unwrap_err(),
        "`Café` is not a valid node id: node ids use only letters, digits and `_`"
    );
    assert_eq!(
        a.rename(f, me, "Cafe").unwrap_err(),
        "node id `Cafe` of this persona is already defined at personas/one.toml:16:11"
    );
    // A class renamed over two files: the palette and the persona.
    let person = at(ONE, "\"person\"", 1);
    let edits = a.rename(f, person, "who").expect("renamed");
    let got: Vec<_> = edits
        .iter()
        .map(|e| format!("{} {:?}", e.file, e.edits))
        .collect();
    insta::assert_debug_snapshot!(got, @r#"
    [
        "personas/one.toml [TextEdit { range: 133..139, text: \"who\" }]",
        "personas/site.toml [TextEdit { range: 221..227, text: \"who\" }]",
    ]
    "#);
    assert_eq!(
        a.rename(f, person, "step").unwrap_err(),
        "class `step` is already defined at personas/site.toml:24:9"
    );
    assert!(
        a.semantic_tokens(f)
            .iter()
            .any(|t| t.kind == TokenKind::Class)
    );
}

#[test]
fn offsets_point_into_the_drivers_text() {
    // The driver reads a CRLF buffer with `\n` line ends: every offset is into that text.
    let crlf = ONE.replace('\n', "\r\n");
    let a = inline(&[("site.toml", SITE), ("one.toml", &crlf)]);
    let f = "personas/one.toml";
    assert_eq!(a.text(f), Some(ONE));
    let me = at(ONE, "Me -->", 0);
    let refs = a.references(f, me, true);
    assert_eq!(refs.len(), 2);
    assert!(refs.iter().all(|l| &ONE[l.range.clone()] == "Me"));
    assert_eq!(a.completions(f, me + 1).len(), 2);
    assert_eq!(a.text("personas/none.toml"), None);
}
