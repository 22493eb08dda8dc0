//! Property tests: hostile text anywhere in a valid spec never breaks the outputs. The
//! generated MDX parses (markdown-rs + swc), the frontmatter reads back, the snippet follows
//! Mintlify's rules, every Mermaid block reads back to the spec's graph, and nothing panics.
//! Both draw whole hostile sites ([`hostile::site`]); the first skips the few specs rejected
//! with a located error, the second requires that every spec compiles or is rejected so.

mod support {
    pub mod hostile;
}

use personamap_render::{Compiler, SiteInputs};
use personamap_spec::{SourceFile, Sources, diag};
use proptest::prelude::*;
use support::hostile;

/// A generated site's spec files and its docs.json text.
fn spec_and_docs(site: &hostile::Site) -> (Sources, Option<String>) {
    let files = hostile::files(site);
    let docs = files
        .iter()
        .find(|(p, _)| p == "docs.json")
        .map(|(_, t)| t.clone());
    let sources = Sources::new(
        files
            .iter()
            .filter(|(p, _)| p.ends_with(".toml"))
            .map(|(path, text)| SourceFile {
                path: path.clone(),
                text: text.clone(),
            })
            .collect(),
    );
    (sources, docs)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn hostile_text_never_breaks_the_outputs(site in hostile::site()) {
        let (sources, docs) = spec_and_docs(&site);
        let (spec, diags) = personamap_spec::load(sources.clone());
        let shown = |d: &[personamap_spec::Diagnostic]| {
            d.iter().map(|d| d.render(&sources)).collect::<Vec<_>>().join("\n")
        };
        // A spec rejected with a located error (a rare character, a reserved id) is fine.
        prop_assume!(!diag::has_errors(&diags));
        let spec = spec.expect("a spec without errors");
        let site_inputs = SiteInputs { docs_json: docs, ..SiteInputs::default() };
        let compiler = Compiler::new();
        let outputs = compiler.compile(&spec, &site_inputs);
        prop_assert!(outputs.is_ok(), "{}", shown(outputs.as_ref().err().map_or(&[], |v| v)));
        let outputs = outputs.expect("checked");
        let problems = personamap_check::validate(&spec, &outputs);
        // Warnings (a label Mermaid misreads as the author wrote it) are the spec's business.
        prop_assert!(!diag::has_errors(&problems), "{}", shown(&problems));
        prop_assert!(compiler.export(&spec, &site_inputs, "guides/map").is_ok());
    }

    #[test]
    fn every_hostile_spec_compiles_or_fails_with_diagnostics(site in hostile::site()) {
        let (sources, docs) = spec_and_docs(&site);
        let (spec, diags) = personamap_spec::load(sources);
        prop_assert!(spec.is_some() || diag::has_errors(&diags));
        if let Some(spec) = spec {
            let site_inputs = SiteInputs { docs_json: docs, ..SiteInputs::default() };
            if let Ok(outputs) = Compiler::new().compile(&spec, &site_inputs) {
                let _ = personamap_check::validate(&spec, &outputs);
            }
        }
    }
}
