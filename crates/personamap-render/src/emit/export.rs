//! The Markdown export of a page, as Mintlify serves it at `/{id}.md`: served, never written,
//! so emitted only for the page a request names ([`Emission::request`]), never by a compile.

use super::{Emission, Emitter, Ownership};
use crate::{DOCS_JSON, Output, OutputKind, SiteInputs};
use personamap_spec::{Diagnostic, Spec};

/// The Markdown export of the requested page.
pub struct MarkdownExport;

impl Emitter for MarkdownExport {
    fn kind(&self) -> OutputKind {
        OutputKind::Export
    }
    fn ownership(&self) -> Ownership {
        Ownership::Served
    }
    fn paths(&self, _spec: &Spec, _site: &SiteInputs) -> Vec<String> {
        Vec::new()
    }
    /// docs.json's code theme; the divider snippet, which the export inlines, when it is
    /// hand-written.
    fn reads(&self, spec: &Spec) -> Vec<String> {
        let divider = (!spec.divider.generate).then(|| spec.divider.path.clone());
        std::iter::once(DOCS_JSON.to_string())
            .chain(divider)
            .collect()
    }
    fn emit(&self, cx: &mut Emission) -> Result<(), Diagnostic> {
        let Some(page) = cx.request.and_then(|id| cx.spec.page(id)) else {
            return Ok(());
        };
        let (spec, compiler) = (cx.spec, cx.compiler);
        let mdx = compiler.page(spec, page)?;
        let generated;
        let source = if spec.divider.generate {
            generated = compiler.divider(spec)?;
            generated.as_str()
        } else {
            crate::divider::hand_written(&spec.divider, cx.site)?
        };
        // Mintlify reprints the imported export; so does the export, generated or not.
        let snippet = crate::divider::printed(spec, source)?;
        let theme = cx
            .docs
            .code_theme()
            .or_else(|| spec.site.code_theme.clone());
        let input = crate::export::ExportInput {
            base_url: &spec.site.base_url,
            title: &page.title,
            description: &page.description,
            snippets: &[&snippet],
            theme: theme.as_ref(),
        };
        let contents = crate::export::export(&mdx, &input).map_err(|m| {
            Diagnostic::error(
                "compiler-bug",
                None,
                format!("the generated page `{}` is not valid MDX: {m}", page.id),
            )
        })?;
        cx.files.push(Output {
            path: format!("{}.md", page.id),
            contents,
            kind: OutputKind::Export,
        });
        Ok(())
    }
}
