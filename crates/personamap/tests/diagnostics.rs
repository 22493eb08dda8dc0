//! The bad-spec corpus under `tests/bad/`: every folder is a small site whose diagnostics (load,
//! compile and output validation, rendered without colours) are an insta snapshot. Plus the CLI's
//! exit codes and JSON output for diagnostics.

use personamap_driver::{Driver, Site, Validate};
use personamap_spec::{Diagnostic, Severity};
use std::path::{Path, PathBuf};
use std::process::Command;

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/bad")
}

/// What `personamap check` reports for the spec files and docs.json of the site at `root`,
/// compiled in memory through the driver (no lock, no pages on disk).
fn diagnostics(root: &Path) -> (String, Vec<Diagnostic>) {
    let sources = personamap_spec::read_spec_dir(root).expect("the corpus folder reads");
    let mut site = Site::in_memory();
    for (_, f) in sources.iter() {
        site.set_overlay(&f.path, Some(f.text.clone()));
    }
    if let Ok(docs) = std::fs::read_to_string(root.join("docs.json")) {
        site.set_overlay("docs.json", Some(docs));
    }
    let c = Driver::new()
        .compile(&site, Validate::All)
        .expect("the corpus site reads");
    let text = c
        .diagnostics
        .iter()
        .map(|d| d.render(c.sources()))
        .collect::<Vec<_>>()
        .join("\n");
    (text, c.diagnostics)
}

#[test]
fn bad_specs_report_what_is_wrong() {
    let mut names: Vec<String> = std::fs::read_dir(corpus())
        .expect("tests/bad exists")
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert!(names.len() >= 40, "the corpus has {} specs", names.len());
    let mut rules = std::collections::BTreeSet::new();
    for name in &names {
        let (text, diags) = diagnostics(&corpus().join(name));
        assert!(!diags.is_empty(), "{name} reports nothing");
        assert!(
            diags.iter().all(|d| d.rule != "compiler-bug"),
            "{name}: {text}"
        );
        rules.extend(diags.iter().map(|d| d.rule));
        insta::assert_snapshot!(name.as_str(), text);
    }
    for rule in [
        "toml-syntax",
        "toml-type",
        "unknown-key",
        "missing-key",
        "duplicate-node",
        "unknown-node",
        "unknown-class",
        "unused-class",
        "duplicate-persona",
        "duplicate-page",
        "colour",
        "override-contradicts-legend",
        "contrast",
        "reserved-id",
        "node-id",
        "empty-label",
        "too-many-edges",
        "diagram-too-long",
        "page-id",
        "snippet-path",
        "path-collision",
        "description-length",
        "navigation",
        "frontmatter-key",
    ] {
        assert!(rules.contains(rule), "no corpus spec covers `{rule}`");
    }
}

fn personamap(args: &[&str], root: &Path) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_personamap"))
        .args(args)
        .arg("--root")
        .arg(root)
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs")
}

#[test]
fn check_reports_three_errors_with_positions_and_exits_1() {
    let out = personamap(&["check"], &corpus().join("several-errors-at-once"));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    let headers: Vec<&str> = stderr.lines().filter(|l| l.starts_with("error[")).collect();
    assert_eq!(headers.len(), 3, "{stderr}");
    for (rule, at) in [
        ("error[colour]", "personas/site.toml:24:8"),
        ("error[unknown-node]", "personas/p1.toml:5:8"),
        ("error[duplicate-node]", "personas/p1.toml:14:70"),
    ] {
        assert!(stderr.contains(rule), "{rule} missing:\n{stderr}");
        assert!(
            stderr.contains(&format!("--> {at}\n")),
            "{at} missing:\n{stderr}"
        );
    }
    assert!(stderr.contains("did you mean `CommGW`?"), "{stderr}");
    assert!(!stderr.contains('\u{1b}'), "no colours without a terminal");
}

#[test]
fn warnings_alone_exit_0() {
    let out = personamap(&["check"], &corpus().join("warnings-only"));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("warning[contrast]"), "{stderr}");
    assert!(!stderr.contains("error["), "{stderr}");
}

#[test]
fn json_format_prints_one_object_per_line() {
    let out = personamap(
        &["check", "--format", "json"],
        &corpus().join("several-errors-at-once"),
    );
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let objects: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect();
    assert_eq!(objects.len(), 3, "{stdout}");
    for o in &objects {
        for key in [
            "rule", "severity", "file", "line", "column", "message", "help",
        ] {
            assert!(o.get(key).is_some(), "{key} missing in {o}");
        }
        assert_eq!(o["severity"], "error");
    }
    assert_eq!(objects[0]["file"], "personas/p1.toml");
    assert_eq!(objects[0]["line"], 5);
    assert_eq!(objects[0]["column"], 8);
}

#[test]
fn severities_sort_within_a_position() {
    let (_, diags) = diagnostics(&corpus().join("warnings-only"));
    assert!(diags.iter().all(|d| d.severity == Severity::Warning));
}
