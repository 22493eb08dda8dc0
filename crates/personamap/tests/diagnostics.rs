//! The bad-spec corpus under `tests/bad/`: every folder is a small site whose diagnostics (load,
//! compile and output validation, rendered without colours) are an insta snapshot. Plus the CLI's
//! exit codes and JSON output for diagnostics.

mod common;

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
        "mdx-component",
        "mdx-code",
        "prose-maths",
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
        .map(|l| serde_json::from_str::<serde_json::Value>(l).expect("each line is JSON"))
        .filter(|o| o["rule"] != "nav-no-page")
        .collect();
    assert_eq!(objects.len(), 3, "{stdout}");
    for o in &objects {
        for key in [
            "rule", "severity", "file", "line", "column", "message", "help", "related", "fixes",
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

/// The bad-spec corpus shares one docs.json whose pages (`index`, `reference/api`) are not on
/// disk: `check` rightly warns about them in every case, which says nothing about the case.
const NAV_NO_PAGE: &str = "warning[nav-no-page]";

/// The sorted `error[…]`/`warning[…]` header lines of `stderr`, `nav-no-page` aside.
fn headers(stderr: &str) -> Vec<&str> {
    let mut lines: Vec<&str> = stderr
        .lines()
        .filter(|l| l.starts_with("error[") || l.starts_with("warning["))
        .filter(|l| !l.starts_with(NAV_NO_PAGE))
        .collect();
    lines.sort();
    lines
}

#[test]
fn a_wrong_type_in_this_repositorys_spec_is_one_error_and_the_rest_still_checks() {
    let site = common::repo_site();
    let before = personamap(&["check"], site.path());
    assert_eq!(before.status.code(), Some(0), "{}", common::stderr(&before));
    let spec = site.path().join("personas/site.toml");
    let text = std::fs::read_to_string(&spec).expect("site.toml");
    let line = text
        .lines()
        .find(|l| l.starts_with("banner = "))
        .expect("site.toml sets a banner");
    std::fs::write(&spec, text.replace(line, "banner = 3")).expect("write");
    let after = personamap(&["check"], site.path());
    let stderr = common::stderr(&after);
    assert_eq!(after.status.code(), Some(1), "{stderr}");
    let errors: Vec<&str> = headers(&stderr)
        .into_iter()
        .filter(|l| l.starts_with("error["))
        .collect();
    assert_eq!(
        errors,
        ["error[toml-type]: invalid type: expected one of `none`, `comment`, `livepeer`"],
        "{stderr}"
    );
    assert!(
        stderr.contains("--> personas/site.toml:33:10\n"),
        "{stderr}"
    );
    // Every other rule still ran over the whole spec: the same warnings as before the edit.
    let warnings = |s: &str| -> Vec<String> {
        headers(s)
            .into_iter()
            .filter(|l| l.starts_with("warning["))
            .map(str::to_string)
            .collect()
    };
    assert_eq!(warnings(&stderr), warnings(&common::stderr(&before)));
}

#[test]
fn a_type_error_a_broken_link_and_a_misread_label_are_reported_in_one_run() {
    for (case, expected) in [
        (
            "toml-type-and-broken-link",
            &[
                "error[broken-link",
                "error[toml-type",
                "warning[mermaid-misread",
            ][..],
        ),
        (
            "broken-link-and-misread",
            &["error[broken-link", "warning[mermaid-misread"][..],
        ),
    ] {
        let out = personamap(&["check"], &corpus().join(case));
        let stderr = common::stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{case}: {stderr}");
        let rules: Vec<&str> = headers(&stderr)
            .into_iter()
            .map(|l| l.split(']').next().unwrap_or(l))
            .collect();
        assert_eq!(rules, expected, "{case}: {stderr}");
    }
}

#[test]
fn a_wrong_type_in_each_table_is_exactly_one_error() {
    for (case, at) in [
        ("toml-type-in-site", "personas/site.toml:2:12"),
        ("toml-type-in-divider", "personas/site.toml:6:12"),
        ("toml-type-in-page", "personas/site.toml:14:10"),
        ("toml-type-in-page-maps", "personas/site.toml:16:8"),
        ("toml-type-in-palette", "personas/site.toml:28:8"),
        ("toml-type-in-persona", "personas/p2.toml:2:10"),
    ] {
        let out = personamap(&["check"], &corpus().join(case));
        let stderr = common::stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{case}: {stderr}");
        let found = headers(&stderr);
        assert_eq!(found.len(), 1, "{case}: {stderr}");
        assert!(found[0].starts_with("error[toml-type]"), "{case}: {stderr}");
        assert!(stderr.contains(&format!("--> {at}\n")), "{case}: {stderr}");
    }
}

/// `check --format FORMAT` on the site at `root`: its stdout and stderr.
fn check_as(format: &str, root: &Path) -> (String, String) {
    let out = personamap(&["check", "--format", format], root);
    (common::stdout(&out), common::stderr(&out))
}

/// The first diagnostic of `rule` that `check --format json` prints for the site at `root`.
fn json_of(rule: &str, root: &Path) -> serde_json::Value {
    let (json, _) = check_as("json", root);
    json.lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).expect("JSON"))
        .find(|o| o["rule"] == rule)
        .unwrap_or_else(|| panic!("no `{rule}` in {json}"))
}

#[test]
fn docs_json_diagnostics_name_docs_json_line_and_column_in_every_format() {
    // The corpus's docs.json lists `index` (line 13, column 11), a page that is not on disk.
    let root = corpus().join("several-errors-at-once");
    let (_, human) = check_as("human", &root);
    let block = &human[human.find("warning[nav-no-page]").expect("the warning")..];
    assert!(
        block.starts_with(
            "warning[nav-no-page]: the navigation lists page `index`, but there is no `index.mdx` or `index.md` (or it is ignored) and the spec generates none\n  --> docs.json:13:11\n   |\n13 |           \"index\"\n   |           ^^^^^^^\n"
        ),
        "{human}"
    );
    let warning = json_of("nav-no-page", &root);
    assert_eq!(
        (&warning["file"], &warning["line"], &warning["column"]),
        (&"docs.json".into(), &13.into(), &11.into())
    );
    // Its fix removes the entry.
    let edit = &warning["fixes"][0]["edits"][0];
    assert_eq!(
        (&edit["file"], &edit["text"]),
        (&"docs.json".into(), &"".into())
    );
    let (github, _) = check_as("github", &root);
    let root_arg = root.to_string_lossy().to_string();
    let expected = format!(
        "::warning file={}/docs.json,line=13,col=11,title=nav-no-page::",
        root_arg
            .trim_end_matches('/')
            .replace(':', "%3A")
            .replace(',', "%2C")
    );
    assert!(
        github.lines().any(|l| l.starts_with(&expected)),
        "{expected}\n{github}"
    );

    // A key given twice: an error at the second, the first related, in every format.
    let dir = tempfile::tempdir().expect("tempdir");
    common::copy_tree(&corpus().join("unknown-class"), dir.path());
    std::fs::write(
        dir.path().join("docs.json"),
        "{\n  \"name\": \"A\",\n  \"name\": \"B\",\n  \"navigation\": {\"groups\": [{\"group\": \"Guides\", \"pages\": []}]}\n}\n",
    )
    .expect("write");
    let (_, human) = check_as("human", dir.path());
    assert!(
        human.contains(
            "error[docs-json]: key `name` appears twice in one object\n --> docs.json:3:3\n"
        ) && human.contains("note: `name` is first given here\n --> docs.json:2:3\n"),
        "{human}"
    );
    let error = json_of("docs-json", dir.path());
    assert_eq!(
        (&error["file"], &error["line"], &error["column"]),
        (&"docs.json".into(), &3.into(), &3.into())
    );
    assert_eq!(
        (&error["related"][0]["line"], &error["related"][0]["column"]),
        (&2.into(), &3.into())
    );
    let (github, _) = check_as("github", dir.path());
    assert!(
        github
            .lines()
            .any(|l| l.contains("/docs.json,line=3,col=3,title=docs-json::")
                && l.contains("%0Anote: `name` is first given here (")),
        "{github}"
    );
}
