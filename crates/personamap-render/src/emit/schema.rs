//! The spec's JSON Schema, which spec files name in their `#:schema` comment.

use super::{Emission, Emitter, Ownership};
use crate::{Output, OutputKind, SiteInputs};
use personamap_spec::{Diagnostic, SCHEMA_FILE, Spec};

/// Writes `personamap.schema.json`.
pub struct Schema;

impl Emitter for Schema {
    fn kind(&self) -> OutputKind {
        OutputKind::Schema
    }
    fn ownership(&self) -> Ownership {
        Ownership::Whole
    }
    fn paths(&self, _spec: &Spec, _site: &SiteInputs) -> Vec<String> {
        vec![SCHEMA_FILE.into()]
    }
    fn emit(&self, cx: &mut Emission) -> Result<(), Diagnostic> {
        cx.files.push(Output {
            path: SCHEMA_FILE.into(),
            contents: personamap_spec::json_schema(),
            kind: OutputKind::Schema,
        });
        Ok(())
    }
}
