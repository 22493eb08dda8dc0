//! `import(generate(spec))` gives a spec that generates the same page, byte for byte: over every
//! page of every fixture under `tests/fixtures/` and of this repository's own spec (map settings:
//! samples, link markers, wrapping, ELK, padding), and over random hostile sites (the generator
//! `tests/conformance` and the property tests use).

#[path = "../../personamap-check/tests/support/hostile.rs"]
mod hostile;

use personamap_import::{ImportInput, import};
use personamap_render::Compiler;
use personamap_spec::{SourceFile, Sources, Spec};
use proptest::prelude::*;
use std::path::{Path, PathBuf};

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Every page of `spec`, imported from its generated text: `Err` names the page and what went
/// wrong (the import failed, or the imported spec generates other bytes).
fn round_trip(spec: &Spec) -> Result<usize, String> {
    let compiler = Compiler::new();
    let snippet = if spec.divider.generate {
        compiler.divider(spec).map_err(|d| d.message)?
    } else {
        String::new()
    };
    for page in &spec.pages {
        let text = compiler.page(spec, page).map_err(|d| d.message)?;
        let imported = import(&ImportInput {
            page_id: &page.id,
            page: &text,
            snippet: &snippet,
            navigation: &page.navigation,
            base_url: &spec.site.base_url,
            spec_dir: "personas",
            llms_section: Some(&page.llms_section),
            existing: None,
        })
        .map_err(|e| format!("{}: import failed: {e}\n{text}", page.id))?;
        if let Some(line) = imported.page_differs_at {
            let sources = Sources::new(
                imported
                    .files
                    .iter()
                    .map(|f| SourceFile {
                        path: f.path.clone(),
                        text: f.text.clone(),
                    })
                    .collect(),
            );
            let again = personamap_spec::load(sources)
                .0
                .and_then(|s| compiler.page(&s, s.page(&page.id)?).ok())
                .unwrap_or_default();
            let at = |t: &str| t.split('\n').nth(line - 1).unwrap_or("").to_string();
            return Err(format!(
                "{}: the imported spec's page differs at line {line}:\n  generated {:?}\n  imported  {:?}\n{text}",
                page.id,
                at(&text),
                at(&again)
            ));
        }
    }
    Ok(spec.pages.len())
}

#[test]
fn every_fixture_and_repository_page_imports_back_to_itself() {
    let dir = workspace().join("tests/fixtures");
    let mut names: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/fixtures exists")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.join("personas").is_dir())
        .collect();
    names.sort();
    names.push(workspace());
    let mut pages = 0;
    for root in names {
        let sources = personamap_spec::read_spec_dir(&root).expect("readable spec");
        let (spec, diags) = personamap_spec::load(sources);
        let spec = spec.unwrap_or_else(|| panic!("{}: {diags:?}", root.display()));
        pages += round_trip(&spec).unwrap_or_else(|e| panic!("{}: {e}", root.display()));
    }
    assert!(pages >= 12, "only {pages} fixture pages");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn hostile_sites_import_back_to_themselves(site in hostile::site()) {
        let files = hostile::files(&site);
        let sources = Sources::new(
            files
                .iter()
                .filter(|(p, _)| p.ends_with(".toml"))
                .map(|(path, text)| SourceFile { path: path.clone(), text: text.clone() })
                .collect(),
        );
        let (spec, _) = personamap_spec::load(sources);
        // A spec rejected with a located error has no page to import.
        prop_assume!(spec.is_some());
        let spec = spec.expect("assumed");
        if let Err(e) = round_trip(&spec) {
            let toml: Vec<&str> = files.iter().filter(|(p, _)| p.ends_with(".toml")).map(|(_, t)| t.as_str()).collect();
            prop_assert!(false, "{}\nSPEC:\n{}", e, toml.join("\n"));
        }
    }
}
