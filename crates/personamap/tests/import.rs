//! `personamap import` and `personamap init`, run as the real binary on temporary sites.

mod common;

use common::{copy_tree, repo, repo_site, run_in, stderr, stdout};
use std::path::Path;

const REFERENCE: &str = "v2/developers/concepts/infra-stack.mdx";
const DIVIDER: &str = "snippets/components/elements/spacing/Divider.jsx";
const BASE: &str = "https://docs.example.com";

/// Copies `rel` from `from` to `to`, creating folders.
fn copy(from: &Path, to: &Path, rel: &str) {
    let target = to.join(rel);
    std::fs::create_dir_all(target.parent().expect("parent")).expect("mkdir");
    std::fs::copy(from.join(rel), target).expect("copy");
}

/// A site holding only docs.json, one page and its divider snippet, copied from `from`.
fn page_site(from: &Path, page: &str, snippet: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    for rel in ["docs.json", page, snippet] {
        copy(from, dir.path(), rel);
    }
    dir
}

/// Imports `page` in `site`, regenerates, and checks the page comes back byte for byte.
fn assert_round_trip(site: &Path, page: &str) {
    let original = std::fs::read(site.join(page)).expect("page");
    let out = run_in(site, &["import", page, "--base-url", BASE]);
    assert!(out.status.success(), "import: {}", stderr(&out));
    assert!(
        stdout(&out).contains("personamap generate"),
        "{}",
        stdout(&out)
    );
    assert!(
        !stderr(&out).contains("note:"),
        "the page should compile back unchanged: {}",
        stderr(&out)
    );
    let out = run_in(site, &["generate"]);
    assert!(out.status.success(), "generate: {}", stderr(&out));
    let regenerated = std::fs::read(site.join(page)).expect("page");
    assert!(
        regenerated == original,
        "{page} changed:\n{}",
        String::from_utf8_lossy(&regenerated)
    );
    let out = run_in(site, &["generate", "--check"]);
    assert!(
        out.status.success(),
        "check: {}{}",
        stdout(&out),
        stderr(&out)
    );
}

#[test]
fn the_reference_page_imports_and_regenerates_byte_for_byte() {
    let site = page_site(&repo(), REFERENCE, DIVIDER);
    assert_round_trip(site.path(), REFERENCE);
    let spec = std::fs::read_to_string(site.path().join("personas/site.toml")).expect("spec");
    assert!(
        spec.starts_with("#:schema ../personamap.schema.json\n"),
        "{spec}"
    );
    assert!(spec.contains("navigation = [\"v2\", \"en\", \"Developers\", \"Concepts\"]"));
    let p1 = std::fs::read_to_string(site.path().join("personas/p1-ai.toml")).expect("p1");
    assert!(p1.contains("edges = '''\nP1 --> G_QS --> CG\n"), "{p1}");
    assert!(p1.contains("  { id = \"P1\", label = [\"Persona 1\", \"AI Persona\"] },"));
}

#[test]
fn links_accessibility_and_the_livepeer_banner_import_too() {
    let page = "v2/developers/concepts/infra-stack-linked.mdx";
    // The linked page generated without its map settings: clickable nodes, text versions, the
    // Livepeer banner and the related-pages footer.
    let plain = repo_site();
    let linked = plain.path().join("personas/infra-stack-linked.toml");
    let spec = std::fs::read_to_string(&linked).expect("spec");
    let start = spec.find("[page.maps]").expect("maps");
    let end = spec.find("[page.frontmatter]").expect("frontmatter");
    std::fs::write(&linked, format!("{}{}", &spec[..start], &spec[end..])).expect("write");
    let out = run_in(plain.path(), &["generate"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let site = page_site(plain.path(), page, DIVIDER);
    assert_round_trip(site.path(), page);
    let spec = std::fs::read_to_string(site.path().join("personas/site.toml")).expect("spec");
    for line in [
        "links = \"click\"",
        "accessible = true",
        "banner = \"livepeer\"",
        "related = [",
    ] {
        assert!(spec.contains(line), "{line} in {spec}");
    }
}

/// Generates fixture `name` into a temp site and returns it.
fn generated_fixture(name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    copy_tree(&repo().join("tests/fixtures").join(name), dir.path());
    let out = run_in(dir.path(), &["generate"]);
    assert!(out.status.success(), "generate {name}: {}", stderr(&out));
    dir
}

#[test]
fn fixture_pages_round_trip() {
    for (fixture, page, snippet) in [
        (
            "three-personas-td",
            "architecture/maps/personas.mdx",
            "snippets/acme/Rule.jsx",
        ),
        ("single-file", "map.mdx", "snippets/Divider.jsx"),
    ] {
        let generated = generated_fixture(fixture);
        let site = page_site(generated.path(), page, snippet);
        assert_round_trip(site.path(), page);
    }
}

#[test]
fn tabs_pages_round_trip() {
    for (fixture, page) in [
        ("tabs-cards", "maps/who-uses-orbit.mdx"),
        // Page numbering and short tab titles.
        ("page-numbering", "maps/tabs.mdx"),
    ] {
        let generated = generated_fixture(fixture);
        let site = page_site(generated.path(), page, "snippets/Divider.jsx");
        assert_round_trip(site.path(), page);
    }
}

/// This repository's linked page: swatches, link lists with tooltips, `↗` markers, wrapped
/// labels, ELK and padding, text versions, related pages.
const LINKED: &str = "v2/developers/concepts/infra-stack-linked.mdx";

#[test]
fn the_linked_page_imports_and_regenerates_byte_for_byte() {
    let site = page_site(&repo(), LINKED, DIVIDER);
    assert_round_trip(site.path(), LINKED);
}

#[test]
fn a_page_imported_into_this_repositorys_spec_changes_no_other_output() {
    let site = common::repo_site();
    let root = site.path();
    let out = run_in(root, &["generate"]);
    assert!(out.status.success(), "generate: {}", stderr(&out));
    // The linked page under a new id: its classes are the palette's, its persona numbers taken.
    let page = "v2/developers/concepts/infra-stack-copy.mdx";
    let text = std::fs::read(root.join(LINKED)).expect("page");
    std::fs::write(root.join(page), &text).expect("write");
    let before = common::snapshot(root);
    let out = run_in(root, &["import", page]);
    assert!(out.status.success(), "import: {}", stderr(&out));
    assert!(!stderr(&out).contains("note:"), "{}", stderr(&out));
    // The page goes away, so that `generate` writes it (it never overwrites a page it did not write).
    std::fs::remove_file(root.join(page)).expect("rm");
    let out = run_in(root, &["generate"]);
    assert!(out.status.success(), "generate: {}", stderr(&out));
    assert_eq!(std::fs::read(root.join(page)).expect("page"), text);
    let after = common::snapshot(root);
    let spec = root.join("personas");
    let new_spec = [
        "v2-developers-concepts-infra-stack-copy.toml",
        "p6-ai.toml",
        "p7-video-platform.toml",
        "p8-compute-primitives.toml",
        "p9-live-video-first.toml",
        "p10-protocol.toml",
    ];
    // What changes, and why: the new spec files; the two existing pages get `personas = [...]`
    // (they showed every persona); the lock records the new page; docs.json and llms.txt list
    // it; the data snippet lists every persona of the site.
    let expected_changes: Vec<std::path::PathBuf> = new_spec
        .iter()
        .map(|f| spec.join(f))
        .chain(
            [
                "personas/site.toml",
                "personas/infra-stack-linked.toml",
                "personas/generated.lock",
                "docs.json",
                "llms.txt",
                "snippets/data/developers/personas.jsx",
            ]
            .iter()
            .map(|f| root.join(f)),
        )
        .collect();
    for (path, (bytes, _)) in &before {
        if expected_changes.contains(path) {
            continue;
        }
        let now = after.get(path).map(|(b, _)| b);
        assert!(now == Some(bytes), "{} changed", path.display());
    }
    for path in after.keys() {
        assert!(
            before.contains_key(path) || expected_changes.contains(path),
            "{} is new",
            path.display()
        );
    }
    let pinned = std::fs::read_to_string(spec.join("site.toml")).expect("spec");
    assert!(pinned.contains("personas = [1, 2, 3, 4, 5]"), "{pinned}");
    let page_spec = std::fs::read_to_string(spec.join(new_spec[0])).expect("spec");
    for line in [
        "personas = [6, 7, 8, 9, 10]",
        "numbering = \"page\"",
        "swatches = true",
    ] {
        assert!(page_spec.contains(line), "{line} in {page_spec}");
    }
    assert!(!page_spec.contains("[[palette]]"), "{page_spec}");
    assert!(!page_spec.contains("[site]"), "{page_spec}");
    // The docs.json and llms.txt changes are the new page's entries only.
    let text_of =
        |files: &std::collections::BTreeMap<
            std::path::PathBuf,
            (Vec<u8>, std::time::SystemTime),
        >,
         f: &str| { String::from_utf8_lossy(&files[&root.join(f)].0).into_owned() };
    let entry = ",\n                      \"v2/developers/concepts/infra-stack-copy\"";
    assert_eq!(
        text_of(&after, "docs.json").replacen(entry, "", 1),
        text_of(&before, "docs.json")
    );
    let llms = text_of(&after, "llms.txt");
    let kept: Vec<&str> = llms
        .lines()
        .filter(|l| !l.contains("infra-stack-copy.md)"))
        .collect();
    assert_eq!(kept.len() + 1, llms.lines().count());
    assert_eq!(
        format!("{}\n", kept.join("\n")),
        text_of(&before, "llms.txt")
    );
    let out = run_in(root, &["export", "v2/developers/concepts/infra-stack"]);
    assert!(out.status.success(), "export: {}", stderr(&out));
    if let Some(reference) = common::shared("reference/000_7dc1021a4be912d1.txt") {
        assert!(out.stdout == std::fs::read(reference).expect("reference"));
    }
}

#[test]
fn a_class_the_palette_has_with_another_look_names_both_places() {
    let site = common::repo_site();
    let root = site.path();
    let page = "v2/developers/concepts/infra-stack-copy.mdx";
    let text = std::fs::read_to_string(root.join(LINKED)).expect("page");
    // The page draws `gw` in another fill than the palette's.
    let text = text.replace("classDef gw fill:#e1f5ee", "classDef gw fill:#e1f5ef");
    let text = text.replace(
        "background: \"#e1f5ee\", border: \"2px solid #0f6e56\"}} /> fill #e1f5ee",
        "background: \"#e1f5ef\", border: \"2px solid #0f6e56\"}} /> fill #e1f5ef",
    );
    std::fs::write(root.join(page), &text).expect("write");
    let row = text
        .lines()
        .position(|l| l.starts_with("| `gw`"))
        .expect("a gw row")
        + 1;
    let spec_line = std::fs::read_to_string(root.join("personas/site.toml"))
        .expect("spec")
        .lines()
        .position(|l| l == "name = \"gw\"")
        .expect("gw in the palette")
        + 1;
    let before = common::snapshot(root);
    let out = run_in(root, &["import", page]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(
        err.contains(&format!(
            "{page}:{row}: class `gw` is in the spec's palette (personas/site.toml:{spec_line})"
        )),
        "{err}"
    );
    assert!(err.contains("nothing was written"), "{err}");
    assert!(common::snapshot(root) == before, "something was written");
}

#[test]
fn a_style_line_fails_naming_the_line() {
    let site = page_site(&repo(), REFERENCE, DIVIDER);
    let path = site.path().join(REFERENCE);
    let text = std::fs::read_to_string(&path).expect("page");
    let at = text.find("flowchart LR\n").expect("a flowchart") + "flowchart LR\n".len();
    let line = text[..at].lines().count() + 1;
    let edited = format!("{}  style P1 fill:#f00\n{}", &text[..at], &text[at..]);
    std::fs::write(&path, edited).expect("write");
    let out = run_in(site.path(), &["import", REFERENCE, "--base-url", BASE]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(
        err.contains(&format!(
            "{REFERENCE}:{line}: `style` lines are not supported"
        )),
        "{err}"
    );
    assert!(!site.path().join("personas").exists());
}

#[test]
fn a_comment_after_the_last_diagram_needs_closing_prose() {
    let site = page_site(&repo(), REFERENCE, DIVIDER);
    let path = site.path().join(REFERENCE);
    let text = std::fs::read_to_string(&path).expect("page");
    // The page without its closing prose, a comment block after the last diagram.
    let end = text.rfind("\n<CustomDivider />\n").expect("a last divider");
    let kept = &text[..end];
    let line = kept.lines().count() + 2;
    std::fs::write(&path, format!("{kept}\n{{/* the end */}}\n")).expect("write");
    let out = run_in(site.path(), &["import", REFERENCE, "--base-url", BASE]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(
        err.contains(&format!(
            "{REFERENCE}:{line}: a JSX comment after the last persona's diagram"
        )),
        "{err}"
    );
    assert!(!site.path().join("personas").exists());
}

#[test]
fn an_existing_spec_file_is_never_overwritten() {
    let site = page_site(&repo(), REFERENCE, DIVIDER);
    let spec = site.path().join("personas/site.toml");
    std::fs::create_dir_all(spec.parent().expect("parent")).expect("mkdir");
    std::fs::write(&spec, "# mine\n").expect("write");
    let out = run_in(site.path(), &["import", REFERENCE, "--base-url", BASE]);
    assert!(!out.status.success());
    // A spec that does not load is not joined.
    assert!(
        stderr(&out).contains("the spec in personas/ has 3 error(s); the page would join it"),
        "{}",
        stderr(&out)
    );
    assert_eq!(std::fs::read_to_string(&spec).expect("spec"), "# mine\n");
    assert!(!site.path().join("personas/p1-ai.toml").exists());
}

#[test]
fn init_scaffolds_a_spec_that_generates() {
    let dir = tempfile::tempdir().expect("tempdir");
    let docs = r#"{
  "name": "Tiny",
  "navigation": {
    "tabs": [
      { "tab": "Docs", "groups": [ { "group": "Start", "pages": ["personas", "intro"] } ] }
    ]
  }
}
"#;
    std::fs::write(dir.path().join("docs.json"), docs).expect("docs.json");
    let out = run_in(dir.path(), &["init", "--base-url", BASE]);
    assert!(out.status.success(), "init: {}", stderr(&out));
    let site = std::fs::read_to_string(dir.path().join("personas/site.toml")).expect("site");
    assert!(
        site.contains("navigation = [\"Docs\", \"Start\"]"),
        "{site}"
    );
    assert!(
        site.contains("id = \"persona-maps\""),
        "personas is taken: {site}"
    );
    assert!(dir.path().join("personas/p1-example.toml").is_file());
    let out = run_in(dir.path(), &["generate"]);
    assert!(out.status.success(), "generate: {}", stderr(&out));
    assert!(dir.path().join("persona-maps.mdx").is_file());
    let out = run_in(dir.path(), &["generate", "--check"]);
    assert!(out.status.success(), "check: {}", stdout(&out));
    let out = run_in(dir.path(), &["init", "--base-url", BASE]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("personas/site.toml"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn init_needs_a_docs_json_group() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = run_in(dir.path(), &["init", "--base-url", BASE]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("docs.json"), "{}", stderr(&out));
    std::fs::write(
        dir.path().join("docs.json"),
        "{\"navigation\": {\"pages\": [\"a\"]}}",
    )
    .expect("docs.json");
    let out = run_in(dir.path(), &["init", "--base-url", BASE]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("no navigation group"),
        "{}",
        stderr(&out)
    );
    assert!(!dir.path().join("personas").exists());
}
