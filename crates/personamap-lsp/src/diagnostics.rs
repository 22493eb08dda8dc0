//! The driver's diagnostics as LSP diagnostics, by the file they point into.

use crate::server::Server;
use lsp_server::{Message, Notification};
use lsp_types::notification::Notification as _;
use lsp_types::{
    DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString,
    PublishDiagnosticsParams, Range, Uri,
};
use personamap_driver::Compilation;
use personamap_spec::{Diagnostic, Severity, Span};
use std::collections::BTreeMap;

/// Diagnostics by site-relative path (URIs are made when they are sent).
pub type Published = BTreeMap<String, Vec<lsp_types::Diagnostic>>;

/// A `textDocument/publishDiagnostics` notification.
pub fn notification(uri: Uri, diagnostics: Vec<lsp_types::Diagnostic>) -> Message {
    let params = PublishDiagnosticsParams {
        uri,
        diagnostics,
        version: None,
    };
    Notification::new(
        lsp_types::notification::PublishDiagnostics::METHOD.into(),
        params,
    )
    .into()
}

/// Every diagnostic of `compilation`, by its file. A diagnostic without a span goes
/// to the file it is about: its persona's, else a spec file, docs.json or llms.txt its message
/// names, else `personas/site.toml` (else the first spec file), at the file's start.
pub fn by_file(server: &Server, compilation: &Compilation) -> Published {
    let mut out = Published::new();
    for d in &compilation.diagnostics {
        let (rel, lsp) = convert(server, compilation, d);
        out.entry(rel).or_default().push(lsp);
    }
    out
}

/// One diagnostic, with the site-relative path of its file.
pub fn convert(
    server: &Server,
    compilation: &Compilation,
    d: &Diagnostic,
) -> (String, lsp_types::Diagnostic) {
    let (rel, range) = match d.span {
        Some(span) => located(server, compilation, span),
        None => (home(compilation, d), Range::default()),
    };
    let message = match &d.help {
        Some(help) => format!("{}\nhelp: {help}", d.message),
        None => d.message.clone(),
    };
    let related = d
        .related
        .iter()
        .filter_map(|r| {
            let (rel, range) = located(server, compilation, r.span);
            Some(DiagnosticRelatedInformation {
                location: Location::new(server.uri(&rel)?, range),
                message: r.message.clone(),
            })
        })
        .collect::<Vec<_>>();
    let lsp = lsp_types::Diagnostic {
        range,
        severity: Some(match d.severity {
            Severity::Error => DiagnosticSeverity::ERROR,
            Severity::Warning => DiagnosticSeverity::WARNING,
        }),
        code: Some(NumberOrString::String(d.rule.to_string())),
        source: Some("personamap".into()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        ..lsp_types::Diagnostic::default()
    };
    (rel, lsp)
}

/// The file and LSP range of `span`.
pub fn located(server: &Server, compilation: &Compilation, span: Span) -> (String, Range) {
    let sources = compilation.sources();
    let file = sources.file(span.file);
    let range = span.start as usize..span.end as usize;
    let range = match server.index(&file.path) {
        Some(index) => index.range_of_normalised(range),
        None => crate::text::LineIndex::new(&file.text).range(range),
    };
    (file.path.clone(), range)
}

/// The file a diagnostic without a span is shown in.
fn home(compilation: &Compilation, d: &Diagnostic) -> String {
    let sources = compilation.sources();
    if let Some(number) = d.persona
        && let Some(spec) = &compilation.loaded.spec
        && let Some(persona) = spec.persona(number)
    {
        return sources.file(persona.span.file).path.clone();
    }
    let mut named: Vec<&str> = sources.iter().map(|(_, f)| f.path.as_str()).collect();
    // The longest first: `personas/a.toml` before a file named `a.toml`.
    named.sort_by_key(|p| std::cmp::Reverse(p.len()));
    named.extend([personamap_render::DOCS_JSON, personamap_render::LLMS_TXT]);
    if let Some(path) = named.iter().find(|p| d.message.contains(**p)) {
        return path.to_string();
    }
    let site = format!("{}/site.toml", personamap_spec::SPEC_DIR);
    if sources.iter().any(|(_, f)| f.path == site) {
        return site;
    }
    sources.iter().next().map_or(site, |(_, f)| f.path.clone())
}
