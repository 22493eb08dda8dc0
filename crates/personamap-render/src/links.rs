//! Link checks for node `href`s and related-page cards: a site path must name a page that is
//! in docs.json navigation, on disk, or compiled by the spec; an external link must be an
//! absolute `http(s)`/`mailto` URL.

use personamap_spec::diag::Edit;
use personamap_spec::diag::{suggest, suggestions};
use personamap_spec::{Diagnostic, Span, Spec};
use std::collections::{BTreeMap, BTreeSet, HashMap};

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

/// A `nav-no-page` warning for every page entry of docs.json's navigation (`docs`) that names
/// no page: none of `pages_on_disk` (listed as `generate` lists them, `.mintignore` honoured)
/// and none the spec generates. Mintlify shows such an entry as a broken link. Entries with a
/// space (OpenAPI operations such as `GET /users`) and URLs are not pages and are skipped.
pub fn nav_without_page(
    docs: &crate::docs_json::DocsJson,
    spec: &Spec,
    pages_on_disk: &BTreeSet<String>,
) -> Vec<Diagnostic> {
    let file = crate::site_file(spec, crate::DOCS_JSON);
    docs.page_entries()
        .into_iter()
        .filter(|e| !e.id.contains(char::is_whitespace) && !e.id.contains("://"))
        .filter_map(|e| {
            let entry = &e.id;
            let id = entry.trim_start_matches('/');
            let id = id
                .strip_suffix(".mdx")
                .or_else(|| id.strip_suffix(".md"))
                .unwrap_or(id);
            if pages_on_disk.contains(id) || spec.page(id).is_some() {
                return None;
            }
            let d = Diagnostic::warning(
                "nav-no-page",
                file.map(|f| Span::new(f, e.range.clone())),
                format!(
                    "the navigation lists page `{entry}`, but there is no `{id}.mdx` or `{id}.md` (or it is ignored) and the spec generates none"
                ),
            )
            .with_help(format!(
                "create the page, or remove `{entry}` from docs.json's navigation"
            ));
            Some(match file {
                Some(f) => d.with_fix(
                    format!("remove `{entry}` from docs.json's navigation"),
                    vec![Edit::new(Span::new(f, e.removal), "")],
                ),
                None => d,
            })
        })
        .collect()
}

/// Every link of the spec: node `href`s and the `href` props of MDX prose (persona by persona),
/// then the related cards and MDX prose links of each page.
pub fn hrefs(spec: &Spec) -> impl Iterator<Item = &str> {
    let personas = spec.personas.iter().flat_map(|p| {
        p.nodes()
            .filter_map(|n| n.href.as_deref())
            .chain(p.prose_links.iter().map(|(href, _)| href.as_str()))
    });
    let pages = spec.pages.iter().flat_map(|p| {
        p.related
            .iter()
            .map(|r| r.href.as_str())
            .chain(p.prose_links.iter().map(|(href, _)| href.as_str()))
    });
    personas.chain(pages)
}

/// Whether some site link of the spec names a page outside `known` (so the pages on disk must
/// be listed to check it).
pub fn unresolved(spec: &Spec, known: &BTreeSet<String>) -> bool {
    hrefs(spec)
        .any(|href| matches!(target(href), Ok(Target::Page(id)) if !id.is_empty() && !known.contains(id)))
}

/// Checks every node link, related card and MDX prose link of the spec against the `known` page ids.
pub fn check(spec: &Spec, known: &BTreeSet<String>) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut visit = |href: &str, span: Span| {
        let text = &spec.sources.file(span.file).text;
        match target(href) {
            Err(problem) => {
                let d = Diagnostic::error("link", Some(span), format!("link `{href}` {problem}"));
                // A site path without its `/`: `guides/intro` for `/guides/intro`.
                let id = href.split(['#', '?']).next().unwrap_or("");
                out.push(if known.contains(id) {
                    d.with_suggestions(text, href, &[format!("/{href}")])
                } else {
                    d.with_help("write a site path such as `/guides/intro` or a full URL")
                });
            }
            Ok(Target::Page(id)) if !id.is_empty() && !known.contains(id) => {
                let d = Diagnostic::error(
                    "broken-link",
                    Some(span),
                    format!(
                        "link `{href}` names no page of this site (not in docs.json navigation nor on disk)"
                    ),
                );
                // The page id replaced; a `/` it ended with, its query and anchor kept.
                let rest = &href[1 + id.len()..];
                let near: Vec<String> = suggestions(id, known.iter().map(String::as_str))
                    .into_iter()
                    .map(|s| format!("/{s}{rest}"))
                    .collect();
                out.push(if near.is_empty() {
                    d.with_help("create the page, or link to an existing one")
                } else {
                    d.with_suggestions(text, href, &near)
                });
            }
            Ok(_) => {}
        }
    };
    for p in &spec.personas {
        for n in p.nodes() {
            if let (Some(href), Some(span)) = (&n.href, n.href_span) {
                visit(href, span);
            }
        }
        for (href, span) in &p.prose_links {
            visit(href, *span);
        }
    }
    for page in &spec.pages {
        for r in &page.related {
            visit(&r.href, r.span);
        }
        for (href, span) in &page.prose_links {
            visit(href, *span);
        }
    }
    out
}

/// The texts of the Markdown headings (`#` to `######`) of an MDX or Markdown page, in order,
/// outside code fences.
pub fn headings(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut fence: Option<&str> = None;
    for line in text.lines() {
        let t = line.trim_start();
        if let Some(f) = fence {
            if t.starts_with(f) {
                fence = None;
            }
            continue;
        }
        if t.starts_with("```") {
            fence = Some("```");
            continue;
        }
        if t.starts_with("~~~") {
            fence = Some("~~~");
            continue;
        }
        let level = t.chars().take_while(|c| *c == '#').count();
        if (1..=6).contains(&level) && t[level..].starts_with(' ') {
            out.push(t[level..].trim().trim_end_matches('#').trim().to_string());
        }
    }
    out
}

/// The anchor slugs of headings as Mintlify makes them (github-slugger): inline Markdown
/// marks dropped, lower case, every character that is not a letter, digit, `-`, `_` or space
/// removed, each space a `-`; a repeated slug gets `-1`, `-2`, ….
pub fn slugs(headings: &[String]) -> Vec<String> {
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    headings
        .iter()
        .map(|h| {
            let text = strip_inline(h);
            let base: String = text
                .to_lowercase()
                .chars()
                .filter(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | ' '))
                .map(|c| if c == ' ' { '-' } else { c })
                .collect();
            let n = seen.entry(base.clone()).or_insert(0);
            let slug = if *n == 0 {
                base.clone()
            } else {
                format!("{base}-{n}")
            };
            *n += 1;
            slug
        })
        .collect()
}

/// Heading text as readers see it: link targets, backslash escapes and emphasis or code marks
/// dropped.
fn strip_inline(h: &str) -> String {
    let mut out = String::new();
    let mut chars = h.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.extend(chars.next()),
            '`' | '*' => {}
            ']' if chars.peek() == Some(&'(') => {
                for d in chars.by_ref() {
                    if d == ')' {
                        break;
                    }
                }
            }
            '[' => {}
            _ => out.push(c),
        }
    }
    out
}

/// Checks every `/page#anchor` link of the spec against the slugs of that page's headings.
/// `headings` gives a page's headings by page id (`None`: a page whose anchors are not
/// checked); it is asked once per page a link points into with an anchor, so pages no anchor
/// points into are never read.
pub fn check_anchors(
    spec: &Spec,
    headings: impl Fn(&str) -> Option<Vec<String>>,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut slugs_of: HashMap<String, Option<Vec<String>>> = HashMap::new();
    let mut visit = |href: &str, span: Span| {
        let Some(path) = href.strip_prefix('/') else {
            return;
        };
        let Some((page, anchor)) = path.split_once('#') else {
            return;
        };
        let page = page.split('?').next().unwrap_or("").trim_end_matches('/');
        let known = slugs_of
            .entry(page.to_string())
            .or_insert_with(|| headings(page).map(|list| slugs(&list)));
        let Some(slugs) = known else {
            return;
        };
        if anchor.is_empty() || slugs.iter().any(|s| s == anchor) {
            return;
        }
        let d = Diagnostic::error(
            "broken-anchor",
            Some(span),
            format!("link `{href}`: page `/{page}` has no heading with the anchor `#{anchor}`"),
        );
        let nearest = slugs
            .iter()
            .find(|s| s.starts_with(anchor) || anchor.starts_with(s.as_str()))
            .cloned()
            .or_else(|| suggest(anchor, slugs.iter().map(String::as_str)).map(str::to_string));
        let text = &spec.sources.file(span.file).text;
        // The anchor replaced, all before it kept.
        let before = &href[..href.len() - anchor.len()];
        out.push(match nearest {
            Some(s) => d.with_suggestions(text, href, &[format!("{before}{s}")]),
            None if slugs.is_empty() => d.with_help(format!("`/{page}` has no headings")),
            None => d.with_help(format!(
                "its anchors: {}",
                slugs
                    .iter()
                    .map(|s| format!("`#{s}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
        });
    };
    for p in &spec.personas {
        for n in p.nodes() {
            if let (Some(href), Some(span)) = (&n.href, n.href_span) {
                visit(href, span);
            }
        }
        for (href, span) in &p.prose_links {
            visit(href, *span);
        }
    }
    for page in &spec.pages {
        for r in &page.related {
            visit(&r.href, r.span);
        }
        for (href, span) in &page.prose_links {
            visit(href, *span);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_follow_github_slugger() {
        let h = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            slugs(&h(&[
                "Persona 1 – AI Persona (\"OpenAI for video AI\")",
                "Colour legend",
                "Colour legend",
                "The `trans` class & [links](/x)",
                "Über_cool 2.0!",
            ])),
            [
                "persona-1--ai-persona-openai-for-video-ai",
                "colour-legend",
                "colour-legend-1",
                "the-trans-class--links",
                "über_cool-20",
            ]
        );
    }

    #[test]
    fn headings_skip_code_fences() {
        assert_eq!(
            headings("# A\n```md\n# not\n```\n## B ##\n#C\n"),
            ["A", "B"]
        );
    }

    #[test]
    fn classifies_links() {
        assert!(matches!(target("/a/b#x"), Ok(Target::Page("a/b"))));
        assert!(matches!(target("https://x.org"), Ok(Target::External)));
        assert!(target("a/b").is_err());
        assert!(target("/a b").is_err());
    }
}
