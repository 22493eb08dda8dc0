//! Link checks for node `href`s and related-page cards: a site path must name a page that is
//! in docs.json navigation, on disk, or compiled by the spec; an external link must be an
//! absolute `http(s)`/`mailto` URL.

use personamap_spec::{Diagnostic, Span, Spec, diag::suggest};
use std::collections::BTreeSet;

/// What a link points at.
enum Target<'a> {
    /// A page of this site, by page id.
    Page(&'a str),
    /// Somewhere else.
    External,
}

/// Classifies `href`, or says why it cannot be used.
fn target(href: &str) -> Result<Target<'_>, &'static str> {
    if href.is_empty() || href.contains(|c: char| c.is_whitespace() || c == '"' || c.is_control()) {
        return Err("contains a space, a quote or a control character");
    }
    if let Some(path) = href.strip_prefix('/') {
        let id = path
            .split(['#', '?'])
            .next()
            .unwrap_or("")
            .trim_end_matches('/');
        return Ok(Target::Page(id));
    }
    if ["https://", "http://", "mailto:"]
        .iter()
        .any(|p| href.starts_with(p))
    {
        return Ok(Target::External);
    }
    Err("is neither a site path starting with `/` nor an absolute http(s) or mailto URL")
}

/// Checks every node link and related card of the spec against the `known` page ids.
pub fn check(spec: &Spec, known: &BTreeSet<String>) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut visit = |href: &str, span: Span| match target(href) {
        Err(problem) => out.push(
            Diagnostic::error("link", Some(span), format!("link `{href}` {problem}"))
                .with_help("write a site path such as `/guides/intro` or a full URL"),
        ),
        Ok(Target::Page(id)) if !id.is_empty() && !known.contains(id) => {
            let mut d = Diagnostic::error(
                "broken-link",
                Some(span),
                format!(
                    "link `{href}` names no page of this site (not in docs.json navigation nor on disk)"
                ),
            );
            d = match suggest(id, known.iter().map(String::as_str)) {
                Some(s) => d.with_help(format!("did you mean `/{s}`?")),
                None => d.with_help("create the page, or link to an existing one"),
            };
            out.push(d);
        }
        Ok(_) => {}
    };
    for p in &spec.personas {
        for n in p.nodes() {
            if let (Some(href), Some(span)) = (&n.href, n.href_span) {
                visit(href, span);
            }
        }
    }
    for page in &spec.pages {
        for r in &page.related {
            visit(&r.href, r.span);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_links() {
        assert!(matches!(target("/a/b#x"), Ok(Target::Page("a/b"))));
        assert!(matches!(target("https://x.org"), Ok(Target::External)));
        assert!(target("a/b").is_err());
        assert!(target("/a b").is_err());
    }
}
