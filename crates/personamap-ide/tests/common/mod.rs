//! Analyses of in-memory sites, of the repository's spec and of its fixtures, loaded through
//! the driver, and readable renderings of results for snapshots.

#![allow(dead_code)]

use personamap_driver::{Driver, Site};
use personamap_ide::{Analysis, FileEdit, Location, Token};
use std::path::{Path, PathBuf};

/// The repository's root.
pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A site root's spec files (path, text), as the driver reads them.
pub fn spec_files(root: &Path) -> Vec<(String, String)> {
    personamap_spec::read_spec_dir(root)
        .expect("spec folder")
        .iter()
        .map(|(_, f)| (f.path.clone(), f.text.clone()))
        .collect()
}

/// docs.json's page ids of a site root.
pub fn nav_pages(root: &Path) -> Vec<String> {
    let docs = std::fs::read_to_string(root.join("docs.json")).expect("docs.json");
    personamap_render::docs_json::DocsJson::parse(&docs)
        .expect("docs.json parses")
        .pages()
}

/// The analysis of spec files given as (path, text), loaded through the driver in memory.
pub fn analysis(files: &[(String, String)], nav: Vec<String>) -> Analysis {
    let mut site = Site::in_memory();
    for (path, text) in files {
        site = site.with_overlay(path, text.clone());
    }
    let loaded = Driver::one_shot().load(&site).expect("spec files");
    Analysis::new(&loaded, nav)
}

/// The analysis of a site root's spec (the repository, or a fixture).
pub fn site(root: &Path) -> (Analysis, Vec<(String, String)>) {
    let files = spec_files(root);
    (analysis(&files, nav_pages(root)), files)
}

/// The analysis of files written inline: `personas/NAME` → text.
pub fn inline(files: &[(&str, &str)]) -> Analysis {
    let files: Vec<(String, String)> = files
        .iter()
        .map(|(p, t)| (format!("personas/{p}"), t.to_string()))
        .collect();
    analysis(&files, vec!["guides/intro".to_string()])
}

/// The text of `path` among `files`.
pub fn text<'a>(files: &'a [(String, String)], path: &str) -> &'a str {
    &files
        .iter()
        .find(|(p, _)| p == path)
        .unwrap_or_else(|| panic!("no file {path}"))
        .1
}

/// The offset of the first `needle` in `text`, plus `plus`.
pub fn at(text: &str, needle: &str, plus: usize) -> usize {
    text.find(needle)
        .unwrap_or_else(|| panic!("`{needle}` not in the text"))
        + plus
}

/// `path:line:col `text`` of each location.
pub fn places(files: &[(String, String)], locations: &[Location]) -> Vec<String> {
    locations
        .iter()
        .map(|l| {
            let t = text(files, &l.file);
            let (line, col) = personamap_spec::source::line_col(t, l.range.start);
            format!("{}:{line}:{col} `{}`", l.file, &t[l.range.clone()])
        })
        .collect()
}

/// One line per token: `line:col Kind `text``.
pub fn tokens(text: &str, tokens: &[Token]) -> String {
    tokens
        .iter()
        .map(|t| {
            let (line, col) = personamap_spec::source::line_col(text, t.range.start);
            format!("{line}:{col} {:?} `{}`\n", t.kind, &text[t.range.clone()])
        })
        .collect()
}

/// `files` with `edits` applied.
pub fn apply(files: &[(String, String)], edits: &[FileEdit]) -> Vec<(String, String)> {
    files
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
        .collect()
}

/// Asserts that `files` load through the driver without an error.
pub fn assert_loads(files: &[(String, String)]) {
    let mut site = Site::in_memory();
    for (path, text) in files {
        site = site.with_overlay(path, text.clone());
    }
    let loaded = Driver::one_shot().load(&site).expect("spec files");
    assert!(
        !personamap_spec::diag::has_errors(&loaded.diagnostics),
        "{:?}",
        loaded.diagnostics
    );
}
