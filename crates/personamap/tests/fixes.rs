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

/// Compiles `files` in memory through the driver, as `check` would.
fn compile(files: &BTreeMap<String, String>) -> Compilation {
    let mut site = Site::in_memory();
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
    let mut fixes = 0;
    for root in sites() {
        let name = root.display().to_string();
        let files = files(&root);
        let before = compile(&files);
        for d in &before.diagnostics {
            for fix in &d.fixes {
                assert!(
                    !fix.edits.is_empty(),
                    "{name}: `{}` edits nothing",
                    fix.title
                );
                let after = compile(&apply(&before, &files, fix));
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
    ] {
        assert!(
            fixed_rules.contains(rule),
            "no fix of `{rule}` was tried: {fixed_rules:?}"
        );
    }
    assert!(fixes >= 20, "{fixes} fixes tried");
}
