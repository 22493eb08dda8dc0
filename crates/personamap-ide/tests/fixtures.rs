//! The `links` fixture (every link form of Mermaid 11), `mdx-prose` (links in MDX prose) and
//! the multi-file `three-personas-td`.

mod common;

use common::{repo, site, text};
use personamap_ide::TokenKind;

#[test]
fn every_link_form_tokenised_and_hovered() {
    let root = repo().join("tests/fixtures/links");
    let (a, files) = site(&root);
    let f = "personas/spec.toml";
    let t = text(&files, f);
    let tokens = a.semantic_tokens(f);
    insta::assert_snapshot!("links_tokens", common::tokens(t, &tokens));
    // Each link's hover: its text, then the first line of what it says.
    let hovers: String = tokens
        .iter()
        .filter(|tok| tok.kind == TokenKind::Arrow)
        .filter_map(|tok| a.hover(f, tok.range.start))
        .map(|h| {
            let (line, _) = personamap_spec::source::line_col(t, h.range.start);
            let first = h.markdown.lines().next().unwrap_or_default().to_string();
            let label = h
                .markdown
                .lines()
                .find(|l| l.starts_with("Label:"))
                .map(|l| format!(" · {l}"))
                .unwrap_or_default();
            format!("{line}: {} → {first}{label}\n", &t[h.range])
        })
        .collect();
    insta::assert_snapshot!("links_hovers", hovers);
    let misread = t.find("-.applies to.->").expect("the misread label");
    let h = a.hover(f, misread).expect("hover");
    assert!(h.markdown.contains("draws “applies t”"), "{}", h.markdown);
}

#[test]
fn a_class_renamed_over_the_files_of_a_split_spec() {
    let root = repo().join("tests/fixtures/three-personas-td");
    let (a, files) = site(&root);
    let f = "personas/a-builder.toml";
    let t = text(&files, f);
    let class = t.find("class = \"").expect("a class") + 9;
    let edits = a.rename(f, class, "renamed").expect("renamed");
    assert!(edits.len() >= 2, "{edits:?}");
    common::assert_loads(&common::apply(&files, &edits));
    let outline = a.document_symbols("personas/site.toml");
    assert!(
        outline
            .iter()
            .any(|s| s.kind == personamap_ide::SymbolKind::Page)
    );
}

#[test]
fn links_in_mdx_prose_name_pages() {
    let root = repo().join("tests/fixtures/mdx-prose");
    let (a, files) = site(&root);
    let f = "personas/spec.toml";
    let t = text(&files, f);
    let node_link = t.find("href = \"/start/setup\"").expect("a node link") + 9;
    let refs = common::places(&files, &a.references(f, node_link, true));
    // Completion in a component's link: site paths.
    let prose = t.find("href=\"/start/setup#").expect("a card") + 8;
    let items = a.completions(f, prose);
    assert!(
        items.iter().any(|c| c.label == "/maps/who-pays"),
        "{items:?}"
    );
    assert!(
        items
            .iter()
            .all(|c| &t[c.replace.clone()] == "/start/setup"),
        "the anchor stays"
    );
    assert!(
        a.completions(f, t.find("<Card title").expect("a card") + 3)
            .is_empty()
    );
    insta::assert_debug_snapshot!(refs, @r#"
    [
        "personas/spec.toml:22:36 `start/setup`",
        "personas/spec.toml:32:39 `start/setup`",
        "personas/spec.toml:77:46 `start/setup`",
        "personas/spec.toml:88:39 `start/setup`",
    ]
    "#);
}
