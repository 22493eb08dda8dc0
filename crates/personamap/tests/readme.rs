//! The README's complete small example is a working spec.

mod common;

use common::*;

#[test]
fn readme_example_spec_generates() {
    let readme = std::fs::read_to_string(repo().join("README.md")).unwrap();
    let start = readme
        .find("A complete small spec")
        .expect("README has the example");
    let block = &readme[start..];
    let open = block.find("```toml\n").expect("a toml block") + "```toml\n".len();
    let spec = &block[open..open + block[open..].find("\n```").expect("closed block")];
    let site = tempfile::tempdir().unwrap();
    std::fs::create_dir(site.path().join("personas")).unwrap();
    std::fs::write(site.path().join("personas/spec.toml"), spec).unwrap();
    std::fs::write(
        site.path().join("docs.json"),
        r##"{"name": "Example", "theme": "mint", "colors": {"primary": "#000000"},
  "navigation": {"tabs": [{"tab": "Guides", "groups": [{"group": "Concepts", "pages": ["guides/overview"]}]}]}}
"##,
    )
    .unwrap();
    let out = run_in(site.path(), &["generate"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let page = std::fs::read_to_string(site.path().join("guides/personas.mdx")).unwrap();
    assert!(page.contains("P1 -.graduate.-> G_SDK"), "{page}");
    assert!(page.contains("classDef guide fill:#fef3c7"), "{page}");
    let docs = std::fs::read_to_string(site.path().join("docs.json")).unwrap();
    assert!(
        docs.contains(r#"["guides/overview", "guides/personas"]"#),
        "{docs}"
    );
}
