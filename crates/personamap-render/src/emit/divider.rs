//! The divider snippet the pages import: generated, or hand-written (`generate = false`: read
//! and checked, never written).

use super::{Emission, Emitter, Ownership};
use crate::{Output, OutputKind, SiteInputs};
use personamap_spec::{Diagnostic, Spec};

/// Writes the generated divider, or checks the hand-written one.
pub struct DividerSnippet;

impl Emitter for DividerSnippet {
    fn kind(&self) -> OutputKind {
        OutputKind::Snippet
    }
    fn ownership(&self) -> Ownership {
        Ownership::Whole
    }
    fn paths(&self, spec: &Spec, _site: &SiteInputs) -> Vec<String> {
        if spec.divider.generate {
            vec![spec.divider.path.clone()]
        } else {
            Vec::new()
        }
    }
    fn reads(&self, spec: &Spec) -> Vec<String> {
        if spec.divider.generate {
            Vec::new()
        } else {
            vec![spec.divider.path.clone()]
        }
    }
    fn prepare(&self, cx: &mut Emission) {
        if !cx.spec.divider.generate {
            // Checked, never written: the page imports it as it is.
            let checked = crate::divider::hand_written(&cx.spec.divider, cx.site)
                .and_then(|src| crate::divider::printed(cx.spec, src));
            cx.errors.extend(checked.err());
        }
    }
    fn emit(&self, cx: &mut Emission) -> Result<(), Diagnostic> {
        if cx.spec.divider.generate {
            cx.files.push(Output {
                path: cx.spec.divider.path.clone(),
                contents: cx.compiler.divider(cx.spec)?,
                kind: OutputKind::Snippet,
            });
        } else {
            cx.inserted.used.push(cx.spec.divider.path.clone());
        }
        Ok(())
    }
}
