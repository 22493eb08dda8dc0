//! The writer's refusals as diagnostics, located at the spec table that produces the file.

use personamap_spec::{Diagnostic, Spec};
use personamap_write::WriteError;

/// A file the writer refuses, as a diagnostic at the spec table that produces it, with the
/// way out.
pub(crate) fn write_error(spec: &Spec, e: &WriteError) -> Diagnostic {
    let path = e.path();
    let page = spec.pages.iter().find(|p| path == format!("{}.mdx", p.id));
    let span = match page {
        Some(p) => Some(p.span),
        None if path == spec.divider.path => spec.divider.span,
        None if spec.site.data_snippet.as_deref() == Some(path) => spec.site.data_snippet_span,
        None => None,
    };
    let (rule, help) = match (e, page) {
        (WriteError::NotGenerated(path), Some(_)) => (
            "not-generated",
            Some(format!(
                "a hand-written page is at `{path}`: hand it over with `personamap import {path} --base-url {} --adopt` (it writes a new spec, so move the spec files holding this page away first), or move the page away, or choose another page id",
                spec.site.base_url
            )),
        ),
        (WriteError::NotGenerated(path), None) => (
            "not-generated",
            Some(format!(
                "a hand-written file is at `{path}`: move it away, choose another path, or, for the divider, use it as it is with `generate = false` and `export = \"Name\"` in `[divider]`"
            )),
        ),
        (WriteError::OutsideRoot(_), _) => (
            "outside-root",
            Some("keep every output path inside the site root".to_string()),
        ),
        (WriteError::Edited { .. }, _) => ("edited", None),
        (WriteError::Unverified { .. }, _) => ("unverified", None),
        (WriteError::NotRegular(_), _) => ("not-regular", None),
        (WriteError::CaseTwin { .. }, _) => ("path-collision", None),
        (WriteError::Lock { .. }, _) => ("lock", None),
        (WriteError::Busy { .. }, _) => ("busy", None),
        (WriteError::Io(..), _) => ("write-io", Some("check the file's permissions".to_string())),
    };
    let d = Diagnostic::error(rule, span, e.to_string());
    match help {
        Some(help) => d.with_help(help),
        None => d,
    }
}
