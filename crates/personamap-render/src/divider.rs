//! The divider as Mintlify inlines it into the Markdown export, and the checks on a
//! hand-written divider snippet (`generate = false`), which personamap reads but never writes.

use crate::SiteInputs;
use personamap_print::Snippet;
use personamap_spec::{Diagnostic, Divider, Span, Spec};

/// The text of the hand-written divider snippet, or a diagnostic at `path` when the site has
/// no such file.
pub fn hand_written<'a>(d: &Divider, site: &'a SiteInputs) -> Result<&'a str, Diagnostic> {
    site.snippets
        .get(&d.path)
        .map(String::as_str)
        .ok_or_else(|| {
            Diagnostic::error(
                "divider-snippet",
                d.span,
                format!(
                    "the hand-written divider snippet `{}` does not exist",
                    d.path
                ),
            )
            .with_help(
                "fix `path`, or remove `generate = false` to have personamap write the divider",
            )
        })
}

/// The divider's export printed as Mintlify inlines it (see `personamap_print`), from the
/// snippet text `src`. For a hand-written snippet, a file that does not parse or lacks the
/// export is a diagnostic at `path` or `export`, listing the exports it has; for a generated
/// one, any failure is a compiler bug. A problem inside a hand-written snippet is located in
/// it (the snippet is among a compile's files, see [`crate::site_file`]), its `path` related.
pub fn printed(spec: &Spec, src: &str) -> Result<String, Diagnostic> {
    let d = &spec.divider;
    let sources = &spec.sources;
    let fail = |span, message: String| {
        if d.generate {
            Diagnostic::error(
                "compiler-bug",
                None,
                format!("the generated divider: {message}"),
            )
        } else {
            Diagnostic::error("divider-snippet", span, message)
        }
    };
    // A problem at a place in the snippet: there, with the spec's `path` related.
    let inside = |e: personamap_print::Error, what: String| {
        let (line, column) = e.line_col(src);
        let file = crate::site_file(spec, &d.path).filter(|_| !d.generate);
        let Some(file) = file else {
            return fail(d.span, format!("{what}: {}:{line}:{column}: {e}", d.path));
        };
        let at = e.offset.min(src.len());
        let diag = fail(Some(Span::new(file, at..at)), format!("{what}: {e}"));
        match d.span {
            Some(span) => diag.with_related(span, "the divider snippet, named here"),
            None => diag,
        }
    };
    let snippet = Snippet::parse(src).map_err(|e| {
        inside(e, "the divider snippet does not parse".to_string())
            .with_help("Mintlify cannot import it either; fix the snippet")
    })?;
    match snippet.print(&d.component) {
        Ok(Some(text)) => Ok(text),
        Ok(None) => {
            let exports = snippet.exports();
            let mut diag = fail(
                d.export_span,
                format!(
                    "`{}` has no export `{}` that Mintlify can inline (a declared `export const`, `function` or `class`, or `export {{ … }}` of one)",
                    d.path, d.component
                ),
            );
            let names: Vec<&str> = exports.iter().map(String::as_str).collect();
            let near: Vec<String> =
                personamap_spec::diag::suggestions(&d.component, names.iter().copied())
                    .into_iter()
                    .map(str::to_string)
                    .collect();
            diag = match (&near[..], diag.span) {
                ([_, ..], Some(span)) => {
                    let text = &sources.file(span.file).text;
                    let diag = diag.with_suggestions(text, &d.component, &near);
                    let help = format!(
                        "{} it exports: {}",
                        diag.help.as_deref().unwrap_or_default(),
                        names.join(", ")
                    );
                    diag.with_help(help)
                }
                _ if names.is_empty() => diag.with_help("it has no named exports"),
                _ => diag.with_help(format!("it exports: {}", names.join(", "))),
            };
            Err(diag)
        }
        Err(e) => Err(inside(
            e,
            format!("export `{}` cannot be printed", d.component),
        )),
    }
}
