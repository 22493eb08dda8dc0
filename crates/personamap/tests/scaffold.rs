//! Scaffolding: `new persona`, `init --nav`, the schema `init` writes, `export /PAGE`.

mod common;

use common::*;

const BASE: &str = "https://docs.example.com";
const PAGE: &str = "v2/developers/concepts/infra-stack";

const DOCS: &str = r#"{
  "name": "Tiny",
  "navigation": {
    "tabs": [
      { "tab": "Docs", "groups": [
        { "group": "Start", "pages": ["intro"] },
        { "group": "Concepts", "pages": ["concepts/a"] }
      ] }
    ]
  }
}
"#;

#[test]
fn new_persona_takes_the_next_number_and_joins_the_page_list() {
    let site = repo_site();
    // The reproduction page lists its personas (the linked page shows all of them).
    let site_toml = site.path().join("personas/site.toml");
    let text = std::fs::read_to_string(&site_toml).expect("site.toml");
    let listed = text.replacen(
        "after = \"v2/developers/concepts/landscape\"\n",
        "after = \"v2/developers/concepts/landscape\"\npersonas = [1, 2, 3, 4, 5]   # in reading order\n",
        1,
    );
    std::fs::write(&site_toml, &listed).expect("write");
    let out = run_in(
        site.path(),
        &["new", "persona", "ai-builder", "--page", PAGE],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let file = site.path().join("personas/p6-ai-builder.toml");
    let persona = std::fs::read_to_string(&file).expect("the new persona file");
    assert!(
        persona.starts_with("#:schema ../personamap.schema.json\n"),
        "{persona}"
    );
    assert!(
        persona.contains("number = 6\nname = \"Ai Builder\"\n"),
        "{persona}"
    );
    assert!(persona.contains("P6 --> FIRST"), "{persona}");
    let after = std::fs::read_to_string(&site_toml).expect("site.toml");
    assert_eq!(
        after,
        listed.replacen(
            "personas = [1, 2, 3, 4, 5]   #",
            "personas = [1, 2, 3, 4, 5, 6]   #",
            1
        ),
        "only the list changed, its comment kept"
    );
    let out = run_in(site.path(), &["check"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = run_in(site.path(), &["export", PAGE]);
    assert!(
        stdout(&out).contains("Ai Builder"),
        "the page shows persona 6"
    );
    // The same again: the next number; a taken file is never overwritten.
    let out = run_in(
        site.path(),
        &["new", "persona", "ai-builder", "--page", PAGE],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(site.path().join("personas/p7-ai-builder.toml").is_file());
}

/// Runs `personamap ARGS --root ROOT`, which must fail saying `needle`.
fn fails_with(root: &std::path::Path, args: &[&str], needle: &str) {
    let out = run_in(root, args);
    assert_eq!(out.status.code(), Some(1), "{args:?}");
    assert!(stderr(&out).contains(needle), "{}", stderr(&out));
}

#[test]
fn new_persona_refuses_unknown_pages_and_bad_ids_writing_nothing() {
    let site = repo_site();
    let root = site.path();
    std::fs::write(root.join("personas/p6-taken.toml"), "# empty\n").expect("write");
    let before = snapshot(root);
    let new = |id, page| ["new", "persona", id, "--page", page];
    fails_with(
        root,
        &new("taken", PAGE),
        "personas/p6-taken.toml already exists",
    );
    fails_with(
        root,
        &new("x", "v2/developers/concepts/infra-stak"),
        &format!("did you mean `{PAGE}`?"),
    );
    fails_with(root, &new("../x", PAGE), "persona id `../x`");
    assert_eq!(before, snapshot(root));
    // A page without a list shows every persona: the file alone is written.
    let linked = root.join("personas/infra-stack-linked.toml");
    let text = std::fs::read(&linked).expect("linked page");
    let out = run_in(
        root,
        &new("x", "/v2/developers/concepts/infra-stack-linked"),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(std::fs::read(&linked).expect("linked page"), text);
    assert!(root.join("personas/p6-x.toml").is_file());
}

#[test]
fn init_nav_chooses_the_group_and_init_writes_the_schema() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("docs.json"), DOCS).expect("docs.json");
    let out = run_in(
        dir.path(),
        &["init", "--base-url", BASE, "--nav", "Docs/Concepts"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let site = std::fs::read_to_string(dir.path().join("personas/site.toml")).expect("site");
    assert!(
        site.contains("navigation = [\"Docs\", \"Concepts\"]"),
        "{site}"
    );
    let schema =
        std::fs::read_to_string(dir.path().join("personamap.schema.json")).expect("schema");
    assert_eq!(schema, stdout(&run(&["schema"])));
    let out = run_in(dir.path(), &["generate"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = run_in(dir.path(), &["generate", "--check"]);
    assert!(out.status.success(), "{}", stdout(&out));
}

#[test]
fn init_nav_names_the_nearest_group_and_never_overwrites_a_schema() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("docs.json"), DOCS).expect("docs.json");
    fails_with(
        dir.path(),
        &["init", "--base-url", BASE, "--nav", "Docs/Concept"],
        "did you mean `Docs/Concepts`?",
    );
    assert!(!dir.path().join("personas").exists());
    std::fs::write(dir.path().join("personamap.schema.json"), "{}\n").expect("schema");
    let out = run_in(dir.path(), &["init", "--base-url", BASE]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("left as it is"), "{}", stderr(&out));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("personamap.schema.json")).expect("schema"),
        "{}\n"
    );
}

#[test]
fn export_accepts_a_leading_slash() {
    let plain = run_in(&repo(), &["export", PAGE]);
    let slash = run_in(&repo(), &["export", &format!("/{PAGE}")]);
    assert!(slash.status.success(), "{}", stderr(&slash));
    assert_eq!(plain.stdout, slash.stdout);
}

#[test]
fn fmt_check_passes_on_the_repository() {
    let out = run_in(&repo(), &["fmt", "--check"]);
    assert!(out.status.success(), "{}{}", stdout(&out), stderr(&out));
    assert_eq!(stdout(&out), "");
}

#[test]
fn fmt_check_lists_what_fmt_then_lays_out_without_changing_an_output() {
    let site = repo_site();
    std::fs::copy(
        repo().join("personamap.schema.json"),
        site.path().join("personamap.schema.json"),
    )
    .expect("schema");
    let p1 = site.path().join("personas/p1-ai.toml");
    let text = std::fs::read_to_string(&p1).expect("p1");
    let messy = text
        .replacen("P1    --> G_SDK", "   P1 -->   G_SDK  ", 1)
        .replacen("[[persona]]", "# the persona\n[[persona]]", 1);
    assert_ne!(messy, text);
    std::fs::write(&p1, &messy).expect("write");
    let before = snapshot(site.path());
    let out = run_in(site.path(), &["fmt", "--check"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stdout(&out), "would format personas/p1-ai.toml\n");
    assert_eq!(before, snapshot(site.path()), "--check wrote something");
    let out = run_in(site.path(), &["fmt"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out), "format personas/p1-ai.toml\n");
    let formatted = std::fs::read_to_string(&p1).expect("p1");
    assert!(
        formatted.contains("# the persona\n[[persona]]"),
        "{formatted}"
    );
    assert!(formatted.contains("\nP1    -->   G_SDK\n"), "{formatted}");
    let out = run_in(site.path(), &["fmt", "--check"]);
    assert!(out.status.success(), "{}", stdout(&out));
    let out = run_in(site.path(), &["generate", "--check"]);
    assert!(out.status.success(), "{}", stdout(&out));
}

#[test]
fn fmt_names_a_file_that_is_not_toml_and_writes_nothing() {
    let site = repo_site();
    std::fs::write(site.path().join("personas/broken.toml"), "[site\n").expect("write");
    let before = snapshot(site.path());
    let out = run_in(site.path(), &["fmt"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("personas/broken.toml"),
        "{}",
        stderr(&out)
    );
    assert_eq!(before, snapshot(site.path()));
}
