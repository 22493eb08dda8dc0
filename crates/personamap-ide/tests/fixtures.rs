//! The `links` fixture (every link form of Mermaid 11) and the multi-file `three-personas-td`.

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
    let renamed: Vec<(String, String)> = files
        .iter()
        .map(|(path, text)| {
            let mut text = text.clone();
            if let Some(fe) = edits.iter().find(|fe| fe.file == *path) {
                for e in fe.edits.iter().rev() {
                    text.replace_range(e.range.clone(), &e.text);
                }
            }
            (path.clone(), text)
        })
        .collect();
    let mut site = personamap_driver::Site::in_memory();
    for (p, t) in &renamed {
        site = site.with_overlay(p, t.clone());
    }
    let loaded = personamap_driver::Driver::one_shot()
        .load(&site)
        .expect("load");
    assert!(
        !personamap_spec::diag::has_errors(&loaded.diagnostics),
        "{:?}",
        loaded.diagnostics
    );
    let outline = a.document_symbols("personas/site.toml");
    assert!(
        outline
            .iter()
            .any(|s| s.kind == personamap_ide::SymbolKind::Page)
    );
}
