//! The fuzz harness: one function per `cargo fuzz` target (fuzz_targets/*.rs call them), also
//! replayed by `cargo test` over every input kept in tests/fuzz-regressions/TARGET/
//! (crates/personamap/tests/fuzz_regressions.rs includes this file).
//!
//! Each function must never panic, whatever the bytes. Inputs holding several texts separate
//! them with NUL bytes (which no spec, page or site file uses).

use personamap_driver::{Driver, Site, Validate};
use personamap_render::docs_json::DocsJson;
use personamap_render::{DOCS_JSON, llms};
use personamap_spec::{SourceFile, Sources, Span};

/// The text parts of an input: invalid UTF-8 is replaced, parts are split at NUL bytes.
fn parts(data: &[u8]) -> Vec<String> {
    String::from_utf8_lossy(data)
        .split('\0')
        .map(str::to_string)
        .collect()
}

/// Spec files from texts, named as `read_spec_dir` names them.
fn sources(texts: &[String]) -> Sources {
    Sources::new(
        texts
            .iter()
            .enumerate()
            .map(|(i, text)| SourceFile {
                path: format!("personas/f{i}.toml"),
                text: text.clone(),
            })
            .collect(),
    )
}

/// A diagnostic's span must lie on character boundaries of its file, and rendering it (which
/// quotes the source line) must work.
fn render_diagnostics(sources: &Sources, diags: &[personamap_spec::Diagnostic]) {
    for d in diags {
        if let Some(span) = d.span {
            assert_span(sources, span);
        }
        let _ = d.render(sources);
    }
}

fn assert_span(sources: &Sources, span: Span) {
    let text = &sources.file(span.file).text;
    let (start, end) = (span.start as usize, span.end as usize);
    assert!(
        start <= end && end <= text.len(),
        "span {span:?} outside its file"
    );
    assert!(
        text.is_char_boundary(start) && text.is_char_boundary(end),
        "span {span:?} splits a character"
    );
}

/// Spec files (NUL-separated) → `load`, and every diagnostic rendered.
pub fn spec_load(data: &[u8]) {
    let sources = sources(&parts(data));
    let (spec, diags) = personamap_spec::load(sources.clone());
    render_diagnostics(&sources, &diags);
    if let Some(spec) = spec {
        render_diagnostics(&spec.sources, &diags);
    }
}

/// One `edges` text → the edge parser; every error range on character boundaries.
pub fn edges(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let file = personamap_spec::FileId(0);
    let fallback = Span::new(file, 0..0);
    let (_, errors) = personamap_spec::edges::parse(&text, file, Some(0), fallback);
    for (e, _) in errors {
        assert!(e.range.start <= e.range.end && e.range.end <= text.len());
        assert!(text.is_char_boundary(e.range.start) && text.is_char_boundary(e.range.end));
    }
}

/// docs.json, then spec files (NUL-separated) → a site in memory compiled through the driver
/// (load, compile: pages, snippets, docs.json and llms.txt merging; with `Validate::All` the
/// output checks too) and every page's Markdown export; every diagnostic rendered.
fn compiled(data: &[u8], validate: Validate) {
    let mut texts = parts(data);
    if texts.len() < 2 {
        return;
    }
    let mut site = Site::in_memory().with_overlay(DOCS_JSON, texts.remove(0));
    for (i, text) in texts.into_iter().enumerate() {
        site.set_overlay(&format!("personas/f{i}.toml"), Some(text));
    }
    let mut driver = Driver::new();
    let Ok(c) = driver.compile(&site, validate) else {
        return;
    };
    render_diagnostics(c.sources(), &c.diagnostics);
    if let (Some(spec), Some(_)) = (&c.loaded.spec, &c.outputs) {
        for page in &spec.pages {
            if let Ok(Err((sources, diags))) = driver.export(&site, spec, &page.id) {
                render_diagnostics(&sources, &diags);
            }
        }
    }
}

/// docs.json, then spec files → load + compile.
pub fn render(data: &[u8]) {
    compiled(data, Validate::Written);
}

/// docs.json, then spec files → load + compile + the output checks.
pub fn check(data: &[u8]) {
    compiled(data, Validate::All);
}

/// docs.json, navigation path (`/`-separated), page id, page to insert after → every reader
/// of docs.json and the insertion; an inserted page must then be listed where it was put.
pub fn docs_json(data: &[u8]) {
    let texts = parts(data);
    let field = |i: usize| texts.get(i).map(String::as_str).unwrap_or("");
    let Ok(docs) = DocsJson::parse(field(0)) else {
        return;
    };
    let path: Vec<String> = field(1).split('/').map(str::to_string).collect();
    let page = field(2);
    let after = texts.get(3).map(String::as_str);
    let _ = docs.string("name");
    let _ = docs.code_theme();
    let _ = docs.pages();
    let _ = docs.group_path_of(page);
    let _ = docs.first_group_path();
    if let Ok(Some(updated)) = docs.with_page(&path, page, after) {
        let again = DocsJson::parse(&updated).expect("docs.json with the page inserted parses");
        assert!(
            again.pages().iter().any(|p| p == page),
            "inserted page is listed"
        );
    }
}

/// Existing llms.txt (empty part: none), then entries as 4 parts each (section, base URL
/// and id, title, description) → `llms::merge`.
pub fn llms(data: &[u8]) {
    let texts = parts(data);
    let existing = texts.first().filter(|t| !t.is_empty()).map(String::as_str);
    let entries: Vec<llms::Entry> = texts
        .get(1..)
        .unwrap_or_default()
        .chunks(4)
        .map(|c| {
            let field = |i: usize| c.get(i).map(String::as_str).unwrap_or("");
            let (base, id) = field(1)
                .split_once(' ')
                .unwrap_or(("https://x.org", field(1)));
            // A section path: `Developers / Concepts` is `## Developers` then `### Concepts`.
            let section: Vec<String> = field(0).split(" / ").map(str::to_string).collect();
            llms::Entry::new(&section, base, id, field(2), field(3))
        })
        .collect();
    let header = llms::Header {
        name: "Site",
        summary: "Summary",
    };
    let merged = llms::merge(existing, &entries, &header, &llms::Neighbours::default());
    let lines: Vec<String> = entries.iter().map(|e| e.line.clone()).collect();
    let _ = llms::remove_gone(&merged, &lines, entries.get(1..).unwrap_or_default());
}

/// Page text, then the divider snippet's text → `import` (page text → spec, loaded and
/// rendered back in memory).
pub fn import(data: &[u8]) {
    let texts = parts(data);
    let page = texts.first().map(String::as_str).unwrap_or("");
    let snippet = texts.get(1).map(String::as_str).unwrap_or("");
    let _ = personamap_import::divider_import(page);
    let navigation = ["Docs".to_string(), "Concepts".to_string()];
    let input = personamap_import::ImportInput {
        page_id: "docs/concepts/map",
        page,
        snippet,
        navigation: &navigation,
        base_url: "https://docs.example.org",
        spec_dir: "personas",
        llms_section: None,
        existing: None,
    };
    let _ = personamap_import::import(&input);
}

/// Runs the harness function of `target` (a fuzz target's name) on `data`.
pub fn replay(target: &str, data: &[u8]) {
    match target {
        "spec_load" => spec_load(data),
        "edges" => edges(data),
        "render" => render(data),
        "check" => check(data),
        "docs_json" => docs_json(data),
        "llms" => llms(data),
        "import" => import(data),
        other => panic!("no fuzz target `{other}`"),
    }
}
