//! Fixes and exact places: every fix a diagnostic of the bad-spec corpus (`tests/bad/`) and the
//! fixtures (`tests/fixtures/`) offers, applied to the text and compiled again through the
//! driver, removes that diagnostic and brings no new error; spans cover exactly the offending
//! text; duplicates point at the first definition.

use personamap_driver::{Compilation, Driver, Site, Validate};
use personamap_spec::{Diagnostic, Severity};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn tests_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests")
}

/// The site at `root` as overlays: its spec files, docs.json and llms.txt, by path.
fn files(root: &Path) -> BTreeMap<String, String> {
    let sources = personamap_spec::read_spec_dir(root).expect("the site reads");
    let mut out: BTreeMap<String, String> = sources
        .iter()
        .map(|(_, f)| (f.path.clone(), f.text.clone()))
        .collect();
    for extra in ["docs.json", "llms.txt"] {
        if let Ok(text) = std::fs::read_to_string(root.join(extra)) {
            out.insert(extra.to_string(), text);
        }
    }
    out
}

/// Compiles the site at `root` with `files` over its own through the driver, as `check`
/// would (on disk, so that docs.json's entries are checked against the pages; nothing is
/// written).
fn compile(root: &Path, files: &BTreeMap<String, String>) -> Compilation {
    let mut site = Site::on_disk(root);
    for (path, text) in files {
        site.set_overlay(path, Some(text.clone()));
    }
    Driver::one_shot()
        .compile(&site, Validate::All)
        .expect("the site reads")
}

/// What identifies a diagnostic across edits that move it: rule, file and message.
fn key(c: &Compilation, d: &Diagnostic) -> (String, Option<String>, String) {
    let file = d.span.map(|s| c.sources().file(s.file).path.clone());
    (d.rule.to_string(), file, d.message.clone())
}

/// `files` with the edits of `fix` applied (each file's edits from the last, so that the
/// earlier offsets hold).
fn apply(
    c: &Compilation,
    files: &BTreeMap<String, String>,
    fix: &personamap_spec::diag::Fix,
) -> BTreeMap<String, String> {
    let mut out = files.clone();
    for edit in fix.edits.iter().rev() {
        let path = &c.sources().file(edit.span.file).path;
        let text = out.get_mut(path).expect("an edit in a file of the site");
        text.replace_range(edit.span.start as usize..edit.span.end as usize, &edit.text);
    }
    out
}

/// Every site of the corpus and the fixtures.
fn sites() -> Vec<PathBuf> {
    let mut out = Vec::new();
    for dir in ["bad", "fixtures"] {
        let mut names: Vec<PathBuf> = std::fs::read_dir(tests_dir().join(dir))
            .expect("the folder exists")
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .filter(|p| p.join("personas").is_dir())
            .collect();
        names.sort();
        out.extend(names);
    }
    out
}

#[test]
fn every_fix_removes_its_diagnostic_and_adds_no_error() {
    let mut fixed_rules = BTreeSet::new();
    let mut titles = BTreeSet::new();
    let mut fixes = 0;
    for root in sites() {
        let name = root.display().to_string();
        let files = files(&root);
        let before = compile(&root, &files);
        for d in &before.diagnostics {
            for fix in &d.fixes {
                assert!(
                    !fix.edits.is_empty(),
                    "{name}: `{}` edits nothing",
                    fix.title
                );
                let after = compile(&root, &apply(&before, &files, fix));
                let count = |c: &Compilation, k: &(String, Option<String>, String)| {
                    c.diagnostics.iter().filter(|d| key(c, d) == *k).count()
                };
                let k = key(&before, d);
                assert!(
                    count(&after, &k) < count(&before, &k),
                    "{name}: the fix `{}` leaves {k:?}",
                    fix.title
                );
                let known: BTreeSet<_> =
                    before.diagnostics.iter().map(|d| key(&before, d)).collect();
                for e in after
                    .diagnostics
                    .iter()
                    .filter(|e| e.severity == Severity::Error)
                {
                    assert!(
                        known.contains(&key(&after, e)),
                        "{name}: the fix `{}` of {k:?} brings {}",
                        fix.title,
                        e.render(after.sources())
                    );
                }
                fixed_rules.insert(d.rule);
                titles.insert(fix.title.clone());
                fixes += 1;
            }
        }
    }
    for rule in [
        "unknown-node",
        "unknown-class",
        "unknown-key",
        "mdx-component",
        "prose-maths",
        "reserved-id",
        "broken-link",
        "mermaid-misread",
        "divider-unused-key",
        "direction",
        "nav-no-page",
        "navigation",
        "frontmatter-key",
        "colour",
        "node-id",
        "page-id",
        "snippet-path",
        "unused-class",
        "self-loops",
    ] {
        assert!(
            fixed_rules.contains(rule),
            "no fix of `{rule}` was tried: {fixed_rules:?}"
        );
    }
    assert!(fixes >= 20, "{fixes} fixes tried");
    for title in [
        "add `gws` to the palette",
        "rename it to `End`",
        "write `-. applies to .->`",
        "write `-.->|applies to|`",
        "remove `index` from docs.json's navigation",
        "replace with `Guides`",
        "write `#0f6e56`",
        "write `Divider`",
        "write `comm_gw`",
        "write `guides/map`",
        "write `snippets/Divider.jsx`",
        "write `https://docs.example.com`",
        "remove `spare` from the palette",
        "name the generated component with `component`",
        "write `\\{`",
        "write `navigation = [\"Reference\"]`",
        "write `CommGW -->|retries / gateway / relay| CommGW`",
    ] {
        assert!(titles.contains(title), "no fix `{title}`: {titles:#?}");
    }
}

/// The text `span` covers.
fn covered(c: &Compilation, span: personamap_spec::Span) -> &str {
    &c.sources().file(span.file).text[span.start as usize..span.end as usize]
}

#[test]
fn spans_cover_exactly_the_offending_text() {
    // (corpus case, rule, the text its span covers, the text its related place covers)
    let cases: [(&str, &str, &str, Option<&str>); 25] = [
        (
            "bad/navigation-listed-elsewhere",
            "navigation",
            "[\"Guides\"]",
            Some("\"guides/map\""),
        ),
        (
            "bad/frontmatter-key-not-a-placeholder",
            "frontmatter-key",
            "\"Other\"",
            None,
        ),
        ("bad/divider-unused-key", "divider-unused-key", "logo", None),
        (
            "bad/navigation-missing-group",
            "navigation",
            "\"Guide\"",
            None,
        ),
        ("bad/unknown-edge-end", "unknown-node", "ComGW", None),
        ("bad/unknown-class", "unknown-class", "\"gws\"", None),
        (
            "bad/unknown-class-in-override",
            "unknown-class",
            "persna",
            None,
        ),
        ("bad/unknown-key-typo", "unknown-key", "nickame", None),
        ("bad/unknown-key-in-node", "unknown-key", "klass", None),
        (
            "bad/duplicate-node",
            "duplicate-node",
            "\"CommGW\"",
            Some("\"CommGW\""),
        ),
        ("bad/duplicate-persona", "duplicate-persona", "1", Some("1")),
        (
            "bad/duplicate-page-id",
            "duplicate-page",
            "\"guides/map\"",
            Some("\"guides/map\""),
        ),
        (
            "bad/duplicate-palette-class",
            "duplicate-class",
            "\"persona\"",
            Some("\"persona\""),
        ),
        (
            "bad/duplicate-site-table",
            "duplicate-table",
            "[site]",
            Some("[site]"),
        ),
        (
            "bad/path-collision-case",
            "path-collision",
            "[[page]]",
            Some("[[page]]"),
        ),
        ("bad/mdx-prose-component", "mdx-component", "Noet", None),
        ("bad/mdx-prose-component", "mdx-code", "import", None),
        ("bad/prose-maths-warning", "prose-maths", "$5 to $", None),
        (
            "bad/broken-link-and-misread",
            "mermaid-misread",
            "-.applies to.->",
            None,
        ),
        (
            "bad/broken-link-and-misread",
            "broken-link",
            "\"/guides/nowhere\"",
            None,
        ),
        ("bad/did-you-mean-fixes", "noncharacter", "\\uFFFE", None),
        ("bad/did-you-mean-fixes", "direction", "\"LRR\"", None),
        ("bad/reserved-id-end", "reserved-id", "\"end\"", None),
        (
            "bad/toml-syntax-unclosed-multiline-string",
            "toml-syntax",
            "'''",
            None,
        ),
        ("bad/unknown-class", "nav-no-page", "\"index\"", None),
    ];
    for (case, rule, text, related) in cases {
        let root = tests_dir().join(case);
        let c = compile(&root, &files(&root));
        let d = c
            .diagnostics
            .iter()
            .find(|d| d.rule == rule && d.span.is_some_and(|s| covered(&c, s) == text));
        let Some(d) = d else {
            let found: Vec<_> = c
                .diagnostics
                .iter()
                .filter(|d| d.rule == rule)
                .map(|d| d.span.map(|s| covered(&c, s)))
                .collect();
            panic!("{case}: no `{rule}` at `{text}`: {found:?}");
        };
        let places: Vec<&str> = d.related.iter().map(|r| covered(&c, r.span)).collect();
        assert_eq!(places.first().copied(), related, "{case}: `{rule}`");
        // The related place is another place than the diagnostic's.
        assert!(d.related.iter().all(|r| Some(r.span) != d.span), "{case}");
    }
}
