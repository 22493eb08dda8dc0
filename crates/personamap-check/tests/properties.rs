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
    #![proptest_config(ProptestConfig { cases: 256, max_global_rejects: 1_000_000, failure_persistence: None, ..ProptestConfig::default() })]

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

/// Prose made of the pieces that open or close Markdown and MDX constructs.
fn prose_pieces() -> impl Strategy<Value = String> {
    const PIECES: &[&str] = &[
        "`", "``", "```", "~~~", "$", "$$", "{", "}", "<", "<b", ">", "> ", "\n", "\n\n", " ",
        "    ", "\t", "- ", "1. ", "* ", "# ", "|", "---", "\\", "import", "export", "{/*", "*/}",
        "a", "b c", "\u{feff}", "\r\n",
    ];
    proptest::collection::vec(proptest::sample::select(PIECES), 0..24).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1024, max_global_rejects: 1_000_000, failure_persistence: None, ..ProptestConfig::default() })]

    /// Escaped prose placed in a page is valid MDX (as Mintlify reads it: GFM and maths on) and
    /// ends where it should: the page's next heading is still a heading at the top level.
    /// (Prose that markdown-rs cannot read at all is refused by the compile, and skipped.)
    #[test]
    fn escaped_prose_is_mdx_and_ends_in_place(text in prose_pieces()) {
        // Prose markdown-rs cannot read is refused with a located error (`markdown-unreadable`).
        prop_assume!(personamap_syntax::mdx::prose_unreadable(&text).is_none());
        let page = format!(
            "# Top\n\n{}\n\n## After\n",
            personamap_syntax::mdx::mdx_prose(&text)
        );
        let options = markdown::ParseOptions {
            constructs: markdown::Constructs {
                gfm_autolink_literal: true,
                gfm_footnote_definition: true,
                gfm_label_start_footnote: true,
                gfm_strikethrough: true,
                gfm_table: true,
                gfm_task_list_item: true,
                math_flow: true,
                math_text: true,
                ..markdown::Constructs::mdx()
            },
            ..markdown::ParseOptions::gfm()
        };
        let tree = personamap_syntax::mdast::parse(&page, &options);
        prop_assert!(tree.is_ok(), "{page:?}: {:?}", tree.err());
        let tree = tree.expect("checked");
        let last = tree.children().and_then(|c| c.last()).cloned();
        let after = matches!(&last, Some(markdown::mdast::Node::Heading(h)) if h.depth == 2 && last.as_ref().is_some_and(|n| n.to_string() == "After"));
        prop_assert!(after, "{page:?}: ends with {last:?}");
    }
}
