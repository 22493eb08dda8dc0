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
    // The map settings (`[page.maps]`: legend samples and note, `%%{init: …}%%` lines) are
    // beyond what import reads: refused with the page line.
    let site = page_site(&repo(), page, DIVIDER);
    let out = run_in(site.path(), &["import", page, "--base-url", BASE]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains(&format!("{page}:")),
        "{}",
        stderr(&out)
    );
    // The same page generated without them.
    let plain = repo_site();
    let linked = plain.path().join("personas/infra-stack-linked.toml");
    let spec = std::fs::read_to_string(&linked).expect("spec");
    let start = spec.find("[page.maps]").expect("maps");
    let end = spec.find("[page.frontmatter]").expect("frontmatter");
    std::fs::write(&linked, format!("{}{}", &spec[..start], &spec[end..])).expect("write");
    let out = run_in(plain.path(), &["generate"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let site = page_site(plain.path(), page, DIVIDER);
    let path = site.path().join(page);
    let text = std::fs::read_to_string(&path).expect("page");
    // The related-pages footer (`<Columns>` of cards) is beyond what import reads.
    let out = run_in(site.path(), &["import", page, "--base-url", BASE]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("`<Columns>`"), "{}", stderr(&out));
    let footer = text
        .rfind("<CustomDivider />\n\n## Related Pages")
        .expect("a footer");
    std::fs::write(&path, format!("{}\n", text[..footer].trim_end())).expect("write");
    assert_round_trip(site.path(), page);
    let spec = std::fs::read_to_string(site.path().join("personas/site.toml")).expect("spec");
    for line in [
        "links = \"click\"",
        "accessible = true",
        "banner = \"livepeer\"",
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
fn a_tabs_page_fails_naming_the_line_and_writes_nothing() {
    let generated = generated_fixture("tabs-cards");
    let page = "maps/who-uses-orbit.mdx";
    let site = page_site(generated.path(), page, "snippets/Divider.jsx");
    let text = std::fs::read_to_string(site.path().join(page)).expect("page");
    let line = text
        .lines()
        .position(|l| l == "<Tabs>")
        .expect("a <Tabs> line")
        + 1;
    let out = run_in(site.path(), &["import", page, "--base-url", BASE]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(
        err.contains(&format!("{page}:{line}: ")) && err.contains("`<Tabs>`"),
        "{err}"
    );
    assert!(err.contains("nothing was written"), "{err}");
    assert!(!site.path().join("personas").exists());
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
    assert!(
        stderr(&out).contains("personas/site.toml already exist"),
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
