//! The data snippet (`[site] data_snippet`): the spec's personas as JavaScript exports.

use super::{Emission, Emitter, Ownership};
use crate::{Output, OutputKind, SiteInputs};
use personamap_spec::{Diagnostic, Spec};

/// Writes the data snippet, when the spec asks for one.
pub struct DataSnippet;

impl Emitter for DataSnippet {
    fn kind(&self) -> OutputKind {
        OutputKind::Snippet
    }
    fn ownership(&self) -> Ownership {
        Ownership::Whole
    }
    fn paths(&self, spec: &Spec, _site: &SiteInputs) -> Vec<String> {
        spec.site.data_snippet.iter().cloned().collect()
    }
    fn emit(&self, cx: &mut Emission) -> Result<(), Diagnostic> {
        if let Some(path) = &cx.spec.site.data_snippet {
            cx.files.push(Output {
                path: path.clone(),
                contents: crate::data_snippet::data_snippet(cx.spec),
                kind: OutputKind::Snippet,
            });
        }
        Ok(())
    }
}
