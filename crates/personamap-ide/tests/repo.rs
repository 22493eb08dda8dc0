//! Every feature on this repository's own spec (`personas/`, docs.json's navigation).

mod common;

use common::{at, places, repo, site, text};
use personamap_ide::{CompletionKind, SymbolKind, TokenKind};

const P1: &str = "personas/p1-ai.toml";
const SITE: &str = "personas/site.toml";
const LINKED: &str = "personas/infra-stack-linked.toml";

#[test]
fn hover_shows_nodes_classes_pages_and_arrows() {
    let (a, files) = site(&repo());
    let p1 = text(&files, P1);
    let use_of = |needle: &str, plus: usize| {
        a.hover(P1, at(p1, needle, plus))
            .map(|h| format!("{} {}", &p1[h.range.clone()], h.markdown))
    };
    insta::assert_snapshot!(use_of("G_QS --> CG", 2).unwrap_or_default(), @r"
    G_QS **`G_QS`** — node of Persona 1: AI Persona

    Label: Guide: / AI Jobs Quickstart

    Class: `guide` — Documentation pages (lavender, dashed) (fill `#eeedfe`, stroke `#3c3489`, text `#26215c`, dash `4 2`)

    Group: 7 (class `guide`)

    Link: `/v2/developers/build/ai-and-agents/ai-jobs-direct-quickstart`

    Used once: personas/p1-ai.toml:15:11
    ");
    // The definition hovers the same, at its own range.
    let def = a.hover(P1, at(p1, "id = \"G_QS\"", 6)).expect("hover");
    assert_eq!(&p1[def.range], "G_QS");
    insta::assert_snapshot!(use_of("\"gw\"", 1).unwrap_or_default(), @r"
    gw **`gw`** — palette class

    Gateways (community, self-hosted, alternative)

    fill `#e1f5ee`, stroke `#0f6e56`, text `#04342c`

    Used by: Persona 1: AI Persona, Persona 2: Video Platform Persona, Persona 3: Compute Primitives Persona, Persona 4: Live-Video-First Persona
    ");
    insta::assert_snapshot!(use_of("-.graduate.->", 3).unwrap_or_default(), @r"
    -.graduate.-> **dotted arrow**

    `-.graduate.->` as Mermaid reads it: stroke `dotted`, type `arrow_point`, length 1

    Label: “graduate” (inside the arrow)
    ");
    insta::assert_snapshot!(use_of("-.->|charges|", 1).unwrap_or_default(), @r"
    -.->|charges| **dotted arrow**

    `-.->|charges|` as Mermaid reads it: stroke `dotted`, type `arrow_point`, length 1

    Label: “charges” (after the arrow, `|…|`)
    ");
    // A label word is not an id; the space between is nothing.
    assert_eq!(use_of("P1    --> G_QS", 3), None);

    let linked = text(&files, LINKED);
    let h = a
        .hover(LINKED, at(linked, "after = \"", 12))
        .expect("a page id");
    assert_eq!(&linked[h.range], "v2/developers/concepts/infra-stack");
    insta::assert_snapshot!(h.markdown, @r"
    **`v2/developers/concepts/infra-stack`** — Persona infrastructure maps

    Navigation: v2 › en › Developers › Concepts
    ");
    let site_text = text(&files, SITE);
    let h = a
        .hover(SITE, at(site_text, "v2/developers/concepts/landscape", 3))
        .expect("a docs.json page");
    insta::assert_snapshot!(h.markdown, @"**`v2/developers/concepts/landscape`**: neither a page of the spec nor of docs.json's navigation");
    // A key: its docs, from the JSON Schema.
    let h = a
        .hover(SITE, at(site_text, "small-labels = ", 2))
        .expect("a key");
    assert_eq!(&site_text[h.range], "small-labels");
    insta::assert_snapshot!(h.markdown, @"**`small-labels`** — A map so wide that Mintlify's column shrinks its labels below a readable size.");
    let h = a.hover(P1, at(p1, "nickname = ", 0)).expect("a key");
    insta::assert_snapshot!(h.markdown, @"**`nickname`** — Nickname, shown in quotes after the name.");
    // A class a persona draws differently says so.
    let h = a
        .hover(SITE, at(site_text, "name = \"trans\"", 9))
        .expect("class");
    assert!(
        h.markdown
            .contains("Drawn differently (`[persona.classes]`) by: Persona 3"),
        "{}",
        h.markdown
    );
}

#[test]
fn definition_and_references_cross_files() {
    let (a, files) = site(&repo());
    let p1 = text(&files, P1);
    let at_use = at(p1, "G_PRICE   -.applies", 2);
    insta::assert_debug_snapshot!(places(&files, &a.definition(P1, at_use)), @r#"
    [
        "personas/p1-ai.toml:81:11 `G_PRICE`",
    ]
    "#);
    insta::assert_debug_snapshot!(places(&files, &a.references(P1, at_use, true)), @r#"
    [
        "personas/p1-ai.toml:29:1 `G_PRICE`",
        "personas/p1-ai.toml:81:11 `G_PRICE`",
    ]
    "#);
    assert_eq!(a.references(P1, at_use, false).len(), 1);
    // A node id with a longer name containing it is another node.
    let golp = at(p1, "GoLP --> AIWorker", 0);
    assert_eq!(a.references(P1, golp, false).len(), 2);

    // A class: its palette entry in site.toml, its uses in every persona file.
    let gw = at(p1, "class = \"gw\"", 10);
    insta::assert_debug_snapshot!(places(&files, &a.definition(P1, gw)), @r#"
    [
        "personas/site.toml:81:9 `gw`",
    ]
    "#);
    let refs = places(&files, &a.references(P1, gw, false));
    insta::assert_debug_snapshot!(refs, @r#"
    [
        "personas/p1-ai.toml:39:10 `gw`",
        "personas/p2-video-platform.toml:43:10 `gw`",
        "personas/p3-compute-primitives.toml:52:10 `gw`",
        "personas/p4-live-video-first.toml:52:10 `gw`",
    ]
    "#);
    // `[persona.classes.trans]` names a class.
    let p3 = text(&files, "personas/p3-compute-primitives.toml");
    let trans = at(p3, "[persona.classes.trans]", 18);
    assert_eq!(
        places(
            &files,
            &a.definition("personas/p3-compute-primitives.toml", trans)
        ),
        vec!["personas/site.toml:95:9 `trans`"]
    );

    // A page: `after` names the other page; a node's link names a page of docs.json only.
    let linked = text(&files, LINKED);
    let after = at(linked, "after = \"", 12);
    assert_eq!(
        places(&files, &a.definition(LINKED, after)),
        vec!["personas/site.toml:27:7 `v2/developers/concepts/infra-stack`"]
    );
    let href = at(p1, "href = \"/v2", 10);
    assert!(a.definition(P1, href).is_empty());
    assert_eq!(
        a.references(P1, href, true).len(),
        2,
        "the node and the related card"
    );
}

#[test]
fn completion_in_edges_classes_pages_fields_and_values() {
    let (a, files) = site(&repo());
    let p1 = text(&files, P1);
    // In an edge string, after an arrow: the persona's node ids, the partial id replaced.
    let offset = at(p1, "G_QS --> CG", 2);
    let items = a.completions(P1, offset);
    assert_eq!(items.len(), 17, "every node of persona 1");
    let g_qs = items.iter().find(|c| c.label == "G_QS").expect("G_QS");
    assert_eq!(&p1[g_qs.replace.clone()], "G_QS");
    assert_eq!(g_qs.kind, CompletionKind::Node);
    insta::assert_snapshot!(format!("{:?}\n{:?}", g_qs.detail, g_qs.documentation), @r#"
    Some("Guide: / AI Jobs Quickstart · guide")
    Some("`guide`: Documentation pages (lavender, dashed) (fill `#eeedfe`, stroke `#3c3489`, text `#26215c`, dash `4 2`)")
    "#);
    // Inside a label: nothing.
    assert!(a.completions(P1, at(p1, "-.graduate", 4)).is_empty());

    // `class = "…"`: the palette, with meaning and colour.
    let items = a.completions(P1, at(p1, "class = \"gw\"", 10));
    let labels: Vec<_> = items.iter().map(|c| c.label.as_str()).collect();
    insta::assert_debug_snapshot!(labels, @r#"
    [
        "persona",
        "gw",
        "sdk",
        "trans",
        "ref",
        "proto",
        "chain",
        "plugin",
        "ecosystem",
        "entry",
        "repo",
        "contract",
        "observ",
        "gov",
        "guide",
        "routing",
    ]
    "#);
    assert_eq!(
        items[1].detail.as_deref(),
        Some("Gateways (community, self-hosted, alternative) · #e1f5ee")
    );

    // `after = "…"`: the spec's pages, then docs.json's.
    let linked = text(&files, LINKED);
    let items = a.completions(LINKED, at(linked, "after = \"", 9));
    assert_eq!(items[0].kind, CompletionKind::Page);
    assert!(items.iter().any(
        |c| c.kind == CompletionKind::NavPage && c.label == "v2/about/concepts/about-livepeer"
    ));
    assert!(
        !items
            .iter()
            .any(|c| c.kind == CompletionKind::NavPage && c.label == items[0].label),
        "a page of both is listed once"
    );
    // A node's link: site paths.
    let items = a.completions(P1, at(p1, "href = \"/v2", 9));
    assert!(items.iter().all(|c| c.label.starts_with('/')));
    assert!(
        items
            .iter()
            .any(|c| c.label == "/v2/about/concepts/about-livepeer")
    );

    // Keys of the table the cursor is in, from the JSON Schema.
    let line = at(p1, "nickname = ", 0);
    let items = a.completions(P1, line);
    assert!(items.iter().all(|c| c.kind == CompletionKind::Field));
    let keys: Vec<_> = items.iter().map(|c| c.label.as_str()).collect();
    assert_eq!(
        keys,
        [
            "nickname",
            "icon",
            "tab_title",
            "map_direction",
            "prose",
            "classes",
            "lints"
        ],
        "the keys persona 1 does not have yet (and the one under the cursor)"
    );
    assert!(items.iter().any(
        |c| c.label == "icon" && c.documentation.as_deref() == Some("Tab icon (tabs layout).")
    ));
    let site_text = text(&files, SITE);
    // A lint table: lint names; their values: the levels.
    let items = a.completions(SITE, at(site_text, "small-labels = ", 0));
    assert!(items.iter().all(|c| c.kind == CompletionKind::Lint));
    assert!(items.iter().any(|c| c.label == "unused-class"));
    let items = a.completions(SITE, at(site_text, "\"allow\"", 1));
    let values: Vec<_> = items.iter().map(|c| c.label.as_str()).collect();
    assert_eq!(values, ["allow", "warn", "deny"]);
    // After `key =`, before any quote: the values, quoted.
    let mut typing = site_text.replace("banner = \"none\"", "banner =");
    typing.push_str("\n[[persona]]\n[[persona.group]]\nclass = ");
    let a2 = common::analysis(&[(SITE.to_string(), typing.clone())], Vec::new());
    let items = a2.completions(SITE, at(&typing, "banner =", 8));
    let values: Vec<_> = items.iter().map(|c| c.insert.as_str()).collect();
    assert_eq!(values, ["\"none\"", "\"comment\"", "\"livepeer\""]);
    let items = a2.completions(SITE, typing.len());
    assert_eq!(items[0].insert, "\"persona\"");
    assert_eq!(items[0].kind, CompletionKind::Class);
    // An enum value.
    let items = a.completions(SITE, at(site_text, "banner = \"none\"", 10));
    let values: Vec<_> = items.iter().map(|c| c.label.as_str()).collect();
    assert_eq!(values, ["none", "comment", "livepeer"]);
    assert!(items.iter().all(|c| c.kind == CompletionKind::Value));
}

#[test]
fn rename_a_class_across_files_and_refuse_collisions() {
    let (a, files) = site(&repo());
    let p1 = text(&files, P1);
    let gw = at(p1, "class = \"gw\"", 9);
    let range = a.prepare_rename(P1, gw).expect("renamable");
    assert_eq!(&p1[range.range], "gw");
    let edits = a.rename(P1, gw, "gateway").expect("renamed");
    let summary: Vec<_> = edits
        .iter()
        .map(|fe| format!("{} {}", fe.file, fe.edits.len()))
        .collect();
    insta::assert_debug_snapshot!(summary, @r#"
    [
        "personas/p1-ai.toml 1",
        "personas/p2-video-platform.toml 1",
        "personas/p3-compute-primitives.toml 1",
        "personas/p4-live-video-first.toml 1",
        "personas/site.toml 1",
    ]
    "#);
    // The renamed spec loads without errors.
    common::assert_loads(&common::apply(&files, &edits));

    assert_eq!(
        a.rename(P1, gw, "sdk").unwrap_err(),
        "class `sdk` is already defined at personas/site.toml:88:9"
    );
    assert_eq!(
        a.rename(P1, gw, "9gw").unwrap_err(),
        "`9gw` is not a valid class name: a letter, then letters, digits and `_`"
    );
    // A node id: the same persona's ids are taken; Mermaid's keywords refused.
    let g_qs = at(p1, "G_QS --> CG", 0);
    assert_eq!(
        a.rename(P1, g_qs, "CG").unwrap_err(),
        "node id `CG` of this persona is already defined at personas/p1-ai.toml:41:11"
    );
    assert!(
        a.rename(P1, g_qs, "end")
            .unwrap_err()
            .contains("Mermaid keyword")
    );
    assert!(
        a.rename(P1, g_qs, "G-QS")
            .unwrap_err()
            .contains("not a valid node id")
    );
    // The same id in another persona is no collision.
    assert!(a.rename(P1, g_qs, "G_PROD").is_ok());
    // A page of docs.json only is not the spec's to rename.
    let href = at(p1, "href = \"/v2", 10);
    assert!(
        a.prepare_rename(P1, href)
            .unwrap_err()
            .contains("not a page of the spec")
    );
    assert!(a.prepare_rename(P1, at(p1, "nickname", 0)).is_err());
}

#[test]
fn rename_a_node_everywhere_in_its_persona() {
    let (a, files) = site(&repo());
    let p1 = text(&files, P1);
    let edits = a
        .rename(P1, at(p1, "GoLP --> AIWorker", 1), "Orch")
        .expect("renamed");
    assert_eq!(edits.len(), 1, "node ids are the persona's own");
    let spans: Vec<_> = edits[0]
        .edits
        .iter()
        .map(|e| &p1[e.range.clone()])
        .collect();
    assert_eq!(spans, ["GoLP", "GoLP", "GoLP"]);
}

#[test]
fn symbols_outline_and_search() {
    let (a, files) = site(&repo());
    let p1 = text(&files, P1);
    let outline = a.document_symbols(P1);
    assert_eq!(outline.len(), 1);
    let persona = &outline[0];
    assert_eq!(persona.kind, SymbolKind::Persona);
    assert_eq!(&p1[persona.selection.clone()], "1");
    let tree: Vec<String> = persona
        .children
        .iter()
        .map(|g| {
            let nodes: Vec<_> = g.children.iter().map(|n| n.name.as_str()).collect();
            format!("{} {:?}: {}", g.name, g.detail, nodes.join(" "))
        })
        .collect();
    insta::assert_debug_snapshot!(tree, @r#"
    [
        "group 1 Some(\"persona\"): P1",
        "group 2 Some(\"gw\"): CG SelfGW",
        "group 3 Some(\"sdk\"): AIJS AIPY REST",
        "group 4 Some(\"ref\"): Pipelines Models",
        "group 5 Some(\"proto\"): GoLP AIWorker AIRunner",
        "group 6 Some(\"chain\"): Pay",
        "group 7 Some(\"guide\"): G_QS G_PIPE G_AUTH G_SDK G_PRICE",
    ]
    "#);
    for g in &persona.children {
        assert!(persona.range.start <= g.range.start && g.range.end <= persona.range.end);
        for n in &g.children {
            assert!(g.range.start <= n.range.start && n.range.end <= g.range.end);
            assert_eq!(&p1[n.selection.clone()], n.name);
        }
    }
    let site_outline: Vec<_> = a
        .document_symbols(SITE)
        .iter()
        .map(|s| format!("{:?} {}", s.kind, s.name))
        .collect();
    insta::assert_debug_snapshot!(site_outline, @r#"
    [
        "Table site",
        "Table divider",
        "Page v2/developers/concepts/infra-stack",
        "Class persona",
        "Class gw",
        "Class sdk",
        "Class trans",
        "Class ref",
        "Class proto",
        "Class chain",
        "Class plugin",
        "Class ecosystem",
        "Class entry",
        "Class repo",
        "Class contract",
        "Class observ",
        "Class gov",
        "Class guide",
        "Class routing",
    ]
    "#);

    let found: Vec<_> = a
        .workspace_symbols("gprice")
        .iter()
        .map(|s| format!("{:?} {} {:?}", s.kind, s.name, s.container))
        .collect();
    insta::assert_debug_snapshot!(found, @r#"
    [
        "Node G_PRICE Some(\"Persona 1: AI Persona\")",
    ]
    "#);
    let gw: Vec<_> = a
        .workspace_symbols("GW")
        .iter()
        .map(|s| s.name.clone())
        .collect();
    assert_eq!(gw[0], "gw", "an exact match comes first");
    assert_eq!(gw[1], "SelfGW");
    assert_eq!(a.workspace_symbols("").len(), a.workspace_symbols("").len());
    assert!(a.workspace_symbols("").len() > 80);
}

#[test]
fn semantic_tokens_read_edges_as_code() {
    let (a, files) = site(&repo());
    let p1 = text(&files, P1);
    let tokens = a.semantic_tokens(P1);
    let edges_end = at(p1, "[[persona.group]]", 0);
    let in_edges: Vec<_> = tokens
        .iter()
        .filter(|t| t.range.start < edges_end)
        .cloned()
        .collect();
    insta::assert_snapshot!(common::tokens(p1, &in_edges));
    assert!(tokens.iter().any(|t| t.kind == TokenKind::Class));
    for w in tokens.windows(2) {
        assert!(w[0].range.end <= w[1].range.start);
    }
}
