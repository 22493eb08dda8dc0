//! `[lints]`, `[page.lints]` and `[persona.lints]`: allow, warn and deny, nearest level wins.

mod common;

use common::*;

const ALLOW: &str = "\n[page.lints]\nsmall-labels = \"allow\"   # the published maps are as wide as Livepeer drew them\n";

/// `(rule, severity, first line of the message)` of every diagnostic `check` prints as JSON.
fn diagnostics(root: &std::path::Path) -> Vec<(String, String, String)> {
    let out = run_in(root, &["check", "--format", "json"]);
    let mut all: Vec<(String, String, String)> = stdout(&out)
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("json line");
            let s = |k: &str| v[k].as_str().unwrap_or("").to_string();
            (s("rule"), s("severity"), s("message"))
        })
        .collect();
    all.sort();
    all
}

fn edit(root: &std::path::Path, file: &str, from: &str, to: &str) {
    let path = root.join("personas").join(file);
    let text = std::fs::read_to_string(&path).expect("spec");
    assert!(text.contains(from), "{file} has no {from:?}");
    std::fs::write(&path, text.replacen(from, to, 1)).expect("write");
}

#[test]
fn allowing_small_labels_on_the_reproduction_page_silences_those_and_no_others() {
    let repo = repo();
    let site_toml = std::fs::read_to_string(repo.join("personas/site.toml")).expect("site.toml");
    assert!(
        site_toml.contains(ALLOW),
        "the repository's page allows small-labels"
    );
    let with = diagnostics(&repo);
    let site = repo_site();
    edit(site.path(), "site.toml", ALLOW, "");
    let without = diagnostics(site.path());
    let silenced: Vec<_> = without.iter().filter(|d| !with.contains(d)).collect();
    assert!(with.iter().all(|d| without.contains(d)), "{with:?}");
    assert_eq!(silenced.len(), 5, "{silenced:?}");
    assert!(
        silenced
            .iter()
            .all(|(rule, _, message)| rule == "small-labels"
                && message.contains("on page `v2/developers/concepts/infra-stack` ")),
        "{silenced:?}"
    );
    assert!(
        with.iter().any(|(rule, ..)| rule == "small-labels"),
        "the other page still warns"
    );
    // The setting changes no output: the committed tree is up to date.
    let out = run_in(&repo, &["generate", "--check"]);
    assert!(out.status.success(), "{}", stdout(&out));
}

#[test]
fn the_nearest_level_wins_and_deny_is_an_error() {
    let site = repo_site();
    // Site: allow; persona 1: deny its misread label; page: warn small-labels again.
    edit(
        site.path(),
        "site.toml",
        "[divider]",
        "[lints]\nsmall-labels = \"allow\"\ndistinct-classes = \"allow\"\n\n[divider]",
    );
    edit(
        site.path(),
        "site.toml",
        "small-labels = \"allow\"   #",
        "small-labels = \"warn\"   #",
    );
    edit(
        site.path(),
        "p1-ai.toml",
        "[[persona.group]]",
        "[persona.lints]\nmermaid-misread = \"deny\"\ndistinct-classes = \"warn\"\n\n[[persona.group]]",
    );
    let got = diagnostics(site.path());
    let count = |rule: &str, severity: &str| {
        got.iter()
            .filter(|(r, s, _)| r == rule && s == severity)
            .count()
    };
    // The reproduction page warns again (5); the linked page takes the site's allow.
    assert_eq!(count("small-labels", "warning"), 5, "{got:?}");
    assert!(
        got.iter()
            .filter(|(r, ..)| r == "small-labels")
            .all(|(.., m)| m.contains("page `v2/developers/concepts/infra-stack` ")),
        "{got:?}"
    );
    // Persona 1 warns about its classes; the others are allowed by the site.
    assert_eq!(count("distinct-classes", "warning"), 1, "{got:?}");
    assert_eq!(count("mermaid-misread", "error"), 1, "{got:?}");
    assert_eq!(count("mermaid-misread", "warning"), 1, "{got:?}");
    let out = run_in(site.path(), &["check"]);
    assert_eq!(out.status.code(), Some(1), "a denied lint fails the check");
    assert!(
        stderr(&out).contains("error[mermaid-misread]"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_persona_that_warns_of_small_labels_is_warned_on_a_page_that_allows_them() {
    // The page allows small-labels, and its maps are not even estimated for them; persona 3's
    // own level is nearer and asks for its warning on that page too.
    let small_on_reproduction = |root: &std::path::Path| {
        diagnostics(root)
            .into_iter()
            .filter(|(r, _, m)| {
                r == "small-labels" && m.contains("on page `v2/developers/concepts/infra-stack` ")
            })
            .map(|(_, _, m)| m)
            .collect::<Vec<_>>()
    };
    let site = repo_site();
    assert_eq!(small_on_reproduction(site.path()), Vec::<String>::new());
    edit(
        site.path(),
        "p3-compute-primitives.toml",
        "[[persona.group]]",
        "[persona.lints]\nsmall-labels = \"warn\"\n\n[[persona.group]]",
    );
    let warned = small_on_reproduction(site.path());
    assert_eq!(warned.len(), 1, "{warned:?}");
    assert!(warned[0].starts_with("the map of persona 3 "), "{warned:?}");
}

#[test]
fn a_persona_on_two_pages_takes_the_strictest_of_their_levels() {
    let site = repo_site();
    // Every persona is on both pages; only the reproduction page allows distinct-classes.
    edit(
        site.path(),
        "site.toml",
        "small-labels = \"allow\"   #",
        "distinct-classes = \"allow\"\nsmall-labels = \"allow\"   #",
    );
    let distinct = |root: &std::path::Path| {
        diagnostics(root)
            .into_iter()
            .filter(|(r, ..)| r == "distinct-classes")
            .count()
    };
    assert_eq!(distinct(site.path()), 5, "the linked page still warns");
    edit(
        site.path(),
        "infra-stack-linked.toml",
        "[page.maps]",
        "[page.lints]\ndistinct-classes = \"allow\"\n\n[page.maps]",
    );
    assert_eq!(distinct(site.path()), 0, "both pages allow it");
}

#[test]
fn an_unknown_lint_is_a_located_error_with_the_nearest_name() {
    let site = repo_site();
    edit(
        site.path(),
        "site.toml",
        "small-labels = \"allow\"",
        "small-label = \"allow\"",
    );
    let out = run_in(site.path(), &["check"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("error[unknown-key]: unknown key `small-label`"),
        "{err}"
    );
    assert!(err.contains("personas/site.toml:"), "{err}");
    assert!(err.contains("did you mean `small-labels`?"), "{err}");
}

#[test]
fn the_readme_documents_every_lint_in_one_table() {
    let readme = std::fs::read_to_string(repo().join("README.md")).expect("README");
    let table = readme
        .split("| lint | what it reports | level that applies |")
        .nth(1)
        .expect("the lints table");
    let names: Vec<&str> = table
        .lines()
        .skip(2)
        .take_while(|l| l.starts_with("| `"))
        .filter_map(|l| l.split('`').nth(1))
        .collect();
    assert_eq!(names, personamap_spec::lints::LINTS);
}
