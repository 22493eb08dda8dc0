//! The MDX pages, one per `[[page]]`, wholly generated. Pages render in parallel; a page with
//! a diagram past Mermaid's size limit is not rendered. All in pass one: a page that cannot
//! render rejects the compile.

use super::{Emission, Emitter, Ownership};
use crate::{Output, OutputKind, SiteInputs};
use personamap_spec::{Diagnostic, Spec};
use std::collections::BTreeSet;

/// Writes every page of the spec.
pub struct Pages;

impl Emitter for Pages {
    fn kind(&self) -> OutputKind {
        OutputKind::Page
    }
    fn ownership(&self) -> Ownership {
        Ownership::Whole
    }
    fn paths(&self, spec: &Spec, _site: &SiteInputs) -> Vec<String> {
        spec.pages.iter().map(|p| format!("{}.mdx", p.id)).collect()
    }
    fn prepare(&self, cx: &mut Emission) {
        let (compiler, spec) = (cx.compiler, cx.spec);
        let rendered = personamap_spec::parallel::map(&spec.pages, |page| {
            let (diagrams, sizes) = compiler.diagrams(spec, page);
            let text = sizes
                .is_empty()
                .then(|| compiler.render(spec, page, &diagrams));
            (sizes, text)
        });
        let mut too_long = BTreeSet::new();
        for (page, (sizes, text)) in spec.pages.iter().zip(rendered) {
            // Each persona too long is reported once, on the first page showing it.
            let sizes: Vec<Diagnostic> = sizes
                .into_iter()
                .filter(|(n, _)| too_long.insert(*n))
                .map(|(_, d)| d)
                .collect();
            if !sizes.is_empty() {
                cx.errors.extend(sizes);
                continue;
            }
            match text.unwrap_or_else(|| compiler.page(spec, page)) {
                Ok(text) => cx.files.push(Output {
                    path: format!("{}.mdx", page.id),
                    contents: text,
                    kind: OutputKind::Page,
                }),
                Err(d) => cx.errors.push(d),
            }
        }
    }
}
