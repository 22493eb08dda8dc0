//! Phase-two rules that look at the resolved spec as a whole: Mermaid hazards in ids, classes
//! that are never used or drawn against the legend, contrast, diagram limits and output paths.
//!
//! They run on whatever resolved, even when other errors were found, so that one run reports
//! as much as possible.

use crate::colour::{contrast, rgb};
use crate::diag::{Diagnostic, Edit};
use crate::model::{Class, Divider, EdgeChain, Link, Page, Persona, Site};
use crate::source::{Sources, Span};
use personamap_syntax::mermaid::keywords::{prototype_member, reserved_keyword};
use std::sync::Arc;

/// Mermaid's default `maxEdges`: past it the diagram shows an error.
pub const MAX_EDGES: usize = 500;

/// Mermaid's default `maxTextSize`, in UTF-16 code units of diagram text.
pub const MAX_TEXT: usize = 50_000;

/// Mintlify cuts descriptions in llms.txt at this many characters.
pub const MAX_DESCRIPTION: usize = 300;

/// WCAG AA minimum contrast for normal text.
pub const MIN_CONTRAST: f64 = 4.5;

/// Runs the whole-spec rules (each persona's own, [`persona_checks`], run as it resolves).
/// `complete` is false when a file failed phase one, so that a class is not called unused
/// because the file using it did not load. The map rules are [`crate::maps::check`], run
/// beside these.
pub(crate) fn check(
    sources: &Sources,
    complete: bool,
    divider: Option<&Divider>,
    palette: &[Class],
    personas: &[Arc<Persona>],
) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    // The palette's classes no node uses, in palette order: the nodes are read only until
    // every class has been seen (most sites use all of theirs within a few maps).
    let mut unused: Vec<&Class> = palette.iter().filter(|_| complete).collect();
    for n in personas.iter().flat_map(|p| p.nodes()) {
        if unused.is_empty() {
            break;
        }
        unused.retain(|c| c.name != n.class);
    }
    for c in unused {
        let mut d = Diagnostic::warning(
            "unused-class",
            Some(c.span),
            format!("class `{}` is defined but no node uses it", c.name),
        )
        .with_help("remove it from the palette, or give it to a node");
        if let Some(table) = palette_table(sources, c.span) {
            d = d.with_fix(
                format!("remove `{}` from the palette", c.name),
                vec![Edit::new(table, "")],
            );
        }
        diags.push(d);
    }
    for c in palette
        .iter()
        .chain(personas.iter().flat_map(|p| &p.overrides))
    {
        low_contrast(c, &mut diags);
    }
    if let Some(d) = divider
        && let Some(problem) = snippet_path_problem(&d.path)
    {
        diags.push(snippet_path_error(sources, &d.path, d.span, problem));
    }
    diags
}

/// The rules of one persona: its nodes, self-loops, size, edge count and class overrides. They
/// read the persona, its file's text and the palette: the load runs them as it resolves the
/// persona, and keeps their diagnostics with it ([`crate::load::LoadMemo`]).
pub(crate) fn persona_checks(
    sources: &Sources,
    palette: &[Class],
    p: &Persona,
    diags: &mut Vec<Diagnostic>,
) {
    node_checks(sources, p, diags);
    self_loops(p, diags);
    diagram_size(p, diags);
    let edges: usize = p.edges.iter().flatten().map(|c| c.edge_count()).sum();
    if edges > MAX_EDGES {
        diags.push(
            Diagnostic::error(
                "too-many-edges",
                Some(p.span),
                format!(
                    "persona {} draws {edges} edges; Mermaid shows an error past {MAX_EDGES}",
                    p.number
                ),
            )
            .with_help("split the persona, or drop edges (`A & B --> C & D` counts as 4)"),
        );
    }
    for o in &p.overrides {
        if let Some(base) = palette.iter().find(|c| c.name == o.name) {
            contradiction(p.number, base, o, diags);
        }
    }
}

/// The `[[palette]]` table whose `name` is at `name`, with its line break, when the class is
/// such a table (not an inline one).
fn palette_table(sources: &Sources, name: Span) -> Option<Span> {
    const HEADER: &str = "[[palette]]";
    let text = &sources.file(name.file).text;
    let start = text.get(..name.start as usize)?.rfind(HEADER)?;
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    if !text[line_start..start].trim().is_empty() {
        return None;
    }
    let header = Span::new(name.file, start..start + HEADER.len());
    let table = crate::lints::table_extent(text, header, "palette");
    (table.end >= name.end as usize).then(|| Span::new(name.file, table))
}

/// The edits renaming node `id` of persona `p` to `new`, at its declaration and every edge
/// end naming it; `None` when `new` is no node id or is taken, or some place does not hold
/// the id verbatim.
fn rename(sources: &Sources, p: &Persona, id: &str, new: &str) -> Option<Vec<Edit>> {
    let valid = !new.is_empty() && new.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    if !valid || reserved_keyword(new).is_some() || p.nodes().any(|n| n.id == new) {
        return None;
    }
    let ends = p
        .edges
        .iter()
        .flatten()
        .flat_map(|c| c.sets.iter().flatten());
    let spans = p
        .nodes()
        .filter(|n| n.id == id)
        .map(|n| n.span)
        .chain(ends.filter(|r| r.id == id).map(|r| r.span));
    spans
        .map(|span| Edit::value(&sources.file(span.file).text, span, id, new))
        .collect()
}

fn node_checks(sources: &Sources, p: &Persona, diags: &mut Vec<Diagnostic>) {
    for n in p.nodes() {
        if n.label.concat().is_empty() && n.label.len() < 2 {
            diags.push(
                Diagnostic::error(
                    "empty-label",
                    Some(n.span),
                    format!("node `{}` has an empty label", n.id),
                )
                .with_help("Mermaid cannot parse `[\"\"]`; give the node some text"),
            );
        }
        if let Some(m) = prototype_member(&n.id) {
            let new = format!("{m}Node");
            let mut d = Diagnostic::error(
                "reserved-id",
                Some(n.span),
                format!("node id `{m}` is the name of a JavaScript `Object.prototype` member"),
            )
            .with_help(format!(
                "Mermaid parses it but cannot draw the diagram; rename it, e.g. `{new}`"
            ));
            if let Some(edits) = rename(sources, p, &n.id, &new) {
                d = d.with_fix(format!("rename it to `{new}`"), edits);
            }
            diags.push(d);
        }
        if let Some(k) = reserved_keyword(&n.id) {
            let fix = match n.id.chars().next() {
                Some(c) if c.is_ascii_lowercase() => {
                    format!("{}{}", c.to_ascii_uppercase(), &n.id[1..])
                }
                _ => format!("{}Node", n.id.trim_start_matches('_')),
            };
            let mut d = Diagnostic::error(
                "reserved-id",
                Some(n.span),
                format!("node id `{}` collides with the Mermaid keyword `{k}`", n.id),
            )
            .with_help(format!(
                "Mermaid cannot parse the diagram; rename it, e.g. `{fix}`"
            ));
            if let Some(edits) = rename(sources, p, &n.id, &fix) {
                d = d.with_fix(format!("rename it to `{fix}`"), edits);
            }
            diags.push(d);
        }
    }
}

/// Refuses a node with several self-loops: Mermaid's default layout draws a self-loop through
/// two helper nodes named after the node, so every loop of a node after the first replaces
/// it, and only the last loop and its label are drawn.
fn self_loops(p: &Persona, diags: &mut Vec<Diagnostic>) {
    let mut loops: Vec<(&str, Vec<(&EdgeChain, &Link)>)> = Vec::new();
    for chain in p.edges.iter().flatten() {
        for (a, _, link) in chain.edges().filter(|(a, b, _)| a.id == b.id) {
            match loops.iter_mut().find(|(id, _)| *id == a.id) {
                Some((_, found)) => found.push((chain, link)),
                None => loops.push((&a.id, vec![(chain, link)])),
            }
        }
    }
    for (id, found) in loops.iter().filter(|(_, f)| f.len() > 1) {
        let labels: Vec<&str> = found
            .iter()
            .filter_map(|(_, l)| l.label.as_ref().map(|(t, _)| t.as_str()))
            .collect();
        let fix = if labels.is_empty() {
            format!("{id} --> {id}")
        } else {
            format!(
                "{id} -->|\"{}\"| {id}",
                labels
                    .join(" / ")
                    .replace('\\', "\\\\")
                    .replace('"', "\\\"")
            )
        };
        let mut d = Diagnostic::error(
            "self-loops",
            Some(found[1].0.span),
            format!(
                "node `{id}` has {} self-loops; Mermaid draws only the last one",
                found.len()
            ),
        )
        .with_help(format!("draw one self-loop with all the labels: `{fix}`"))
        .with_related(found[0].0.span, format!("the first self-loop of `{id}`"));
        // When each loop is a statement of its own and the labels need no quotes: the first
        // statement becomes the one loop, the others go.
        let alone = found
            .iter()
            .all(|(c, _)| c.links.len() == 1 && c.sets.iter().all(|s| s.len() == 1));
        let plain = labels.iter().all(|l| {
            l.chars()
                .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '/' | '-' | '.' | ','))
        });
        if alone && plain {
            let one = if labels.is_empty() {
                format!("{id} --> {id}")
            } else {
                format!("{id} -->|{}| {id}", labels.join(" / "))
            };
            let edits = found
                .iter()
                .enumerate()
                .map(|(i, (c, _))| Edit::new(c.span, if i == 0 { one.as_str() } else { "" }))
                .collect();
            d = d.with_fix(format!("write `{one}`"), edits);
        }
        diags.push(d);
    }
}

/// Rejects a diagram whose text is bound to pass [`MAX_TEXT`] before anything is rendered:
/// each node's id and label lines and each edge label appear at least once in the diagram, so
/// their sum (in UTF-16 units, as Mermaid counts) is a lower bound of its size. A single label
/// that long is reported at its node; the exact size is checked again when rendering.
fn diagram_size(p: &Persona, diags: &mut Vec<Diagnostic>) {
    let units = |s: &str| s.encode_utf16().count();
    let mut total = 0usize;
    for n in p.nodes() {
        let label: usize = n.label.iter().map(|l| units(l)).sum();
        if label > MAX_TEXT {
            diags.push(
                Diagnostic::error(
                    "diagram-too-long",
                    Some(n.span),
                    format!(
                        "the label of node `{}` is {label} characters long; Mermaid shows an error for a diagram past {MAX_TEXT}",
                        n.id
                    ),
                )
                .with_help("shorten the label; put long text in the persona's intro or a linked page"),
            );
            return;
        }
        total += n.id.len() + label;
    }
    total += p
        .edges
        .iter()
        .flatten()
        .flat_map(|c| &c.links)
        .filter_map(|l| l.label.as_ref())
        .map(|(text, _)| units(text))
        .sum::<usize>();
    if total > MAX_TEXT {
        diags.push(
            Diagnostic::error(
                "diagram-too-long",
                Some(p.span),
                format!(
                    "the diagram of persona {} is at least {total} characters long (its ids and labels alone); Mermaid shows an error past {MAX_TEXT}",
                    p.number
                ),
            )
            .with_help("split the persona, or shorten labels"),
        );
    }
}

fn contradiction(number: u32, base: &Class, o: &Class, diags: &mut Vec<Diagnostic>) {
    let pairs = [
        ("fill", Some(&base.fill), Some(&o.fill)),
        ("stroke", Some(&base.stroke), Some(&o.stroke)),
        ("color", Some(&base.color), Some(&o.color)),
        ("dash", base.dash.as_ref(), o.dash.as_ref()),
    ];
    let changed: Vec<String> = pairs
        .iter()
        .filter(|(_, a, b)| a.map(|s| s.to_ascii_lowercase()) != b.map(|s| s.to_ascii_lowercase()))
        .map(|(k, a, b)| {
            let show = |v: &Option<&String>| v.map_or("none".to_string(), |s| s.to_string());
            format!("{k} {} instead of {}", show(b), show(a))
        })
        .collect();
    if !changed.is_empty() {
        diags.push(
            Diagnostic::warning(
                "override-contradicts-legend",
                Some(o.span),
                format!(
                    "persona {number} draws class `{}` differently from the legend: {}",
                    o.name,
                    changed.join(", ")
                ),
            )
            .with_help(
                "the legend shows one look per class; add a palette class with its own meaning instead",
            ),
        );
    }
}

fn low_contrast(c: &Class, diags: &mut Vec<Diagnostic>) {
    let (Some(text), Some(fill)) = (rgb(&c.color), rgb(&c.fill)) else {
        return;
    };
    let ratio = contrast(text, fill);
    if ratio < MIN_CONTRAST {
        diags.push(
            Diagnostic::warning(
                "contrast",
                Some(c.span),
                format!(
                    "class `{}`: text {} on fill {} has a contrast of {:.2}:1, under WCAG AA's {MIN_CONTRAST}:1",
                    c.name, c.color, c.fill, (ratio * 100.0).floor() / 100.0
                ),
            )
            .with_help("darken the text or lighten the fill (or the other way round)"),
        );
    }
}

/// `snippet-path`: `path`, at `span`, is no snippet path (`problem` says why); with a fix when
/// dropping a leading `/` or writing `.js` as `.jsx` makes it one.
pub(crate) fn snippet_path_error(
    sources: &Sources,
    path: &str,
    span: Option<Span>,
    problem: &str,
) -> Diagnostic {
    let d = Diagnostic::error(
        "snippet-path",
        span,
        format!("snippet path `{path}` {problem}"),
    )
    .with_help("write snippets as `snippets/<folder>/<Name>.jsx`");
    let mut fixed = path.trim_start_matches('/').to_string();
    if fixed.ends_with(".js") {
        fixed.push('x');
    }
    match span {
        Some(span) if snippet_path_problem(&fixed).is_none() => {
            let text = &sources.file(span.file).text;
            d.with_replacement(text, path, &fixed, format!("write `{fixed}`"))
        }
        _ => d,
    }
}

/// Why `path` is not a valid snippet path, if it is not.
pub fn snippet_path_problem(path: &str) -> Option<&'static str> {
    if path.starts_with('/') {
        Some("starts with `/`; write it relative to the site root")
    } else if path.contains('\\') || path.chars().any(|c| c.is_control()) {
        Some("contains a backslash or a control character")
    } else if path
        .split('/')
        .any(|s| s.is_empty() || s == "." || s == "..")
    {
        Some("has an empty, `.` or `..` segment and could leave the site root")
    } else if !path.starts_with("snippets/") {
        Some("is not under `snippets/`")
    } else if !path.ends_with(".jsx") {
        Some("does not end in `.jsx`")
    } else {
        None
    }
}

/// A description longer than Mintlify keeps in llms.txt.
pub(crate) fn description_length(text: &str, span: Span) -> Option<Diagnostic> {
    let n = text.chars().count();
    (n > MAX_DESCRIPTION).then(|| {
        Diagnostic::warning(
            "description-length",
            Some(span),
            format!("the description has {n} characters; Mintlify cuts llms.txt descriptions at {MAX_DESCRIPTION}"),
        )
        .with_help("shorten it to one or two sentences")
    })
}

/// Output paths that collide: the same path twice, or paths (or folders on the way to them)
/// that differ only in case, which are one file on case-insensitive file systems (macOS,
/// Windows). Covers the divider (written, or hand-written and imported: a data snippet there
/// would replace it), the data snippet and every page, in that order; each clash is reported
/// at the later table. Two pages with one id are left to `duplicate-page`.
pub(crate) fn collisions(
    site: Option<&Site>,
    divider: Option<&Divider>,
    pages: &[Page],
) -> Vec<Diagnostic> {
    let outputs = divider
        .map(|d| (d.path.clone(), d.span, false))
        .into_iter()
        .chain(site.and_then(|s| {
            let path = s.data_snippet.clone()?;
            Some((path, s.data_snippet_span, false))
        }))
        .chain(
            pages
                .iter()
                .map(|p| (format!("{}.mdx", p.id), Some(p.span), true)),
        );
    let mut diags = Vec::new();
    // Lower-cased path or folder → (its spelling, the output it leads to, whether a page, the
    // output's table).
    type Seen = (String, String, bool, Option<Span>);
    let mut seen: std::collections::BTreeMap<String, Seen> = Default::default();
    for (path, span, page) in outputs {
        let ends = path.match_indices('/').map(|(i, _)| i).chain([path.len()]);
        let mut clash = None;
        for end in ends.clone() {
            let prefix = &path[..end];
            match seen.get(&prefix.to_lowercase()) {
                Some((spelt, other, _, at)) if spelt != prefix => {
                    clash = Some((
                        *at,
                        other.clone(),
                        if end == path.len() {
                            format!("output `{path}` collides with `{other}`")
                        } else {
                            format!(
                                "output `{path}` is in folder `{prefix}`, and `{other}` in `{spelt}`: one folder on macOS and Windows"
                            )
                        },
                    ));
                    break;
                }
                Some((_, other, other_page, at)) if end == path.len() && !(page && *other_page) => {
                    clash = Some((
                        *at,
                        other.clone(),
                        format!(
                            "output `{path}` is also the path of `{other}`: one would replace the other"
                        ),
                    ));
                    break;
                }
                _ => {}
            }
        }
        if let Some((at, other, message)) = clash {
            let mut d = Diagnostic::error("path-collision", span, message).with_help(
                "paths that differ only in case overwrite each other on macOS and Windows; rename one",
            );
            if let Some(at) = at {
                d = d.with_related(at, format!("`{other}` is written by this table"));
            }
            diags.push(d);
        }
        for end in ends {
            seen.entry(path[..end].to_lowercase())
                .or_insert_with(|| (path[..end].to_string(), path.clone(), page, span));
        }
    }
    diags
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The `snippet-path` messages of a spec whose divider and data snippet are both `path`.
    fn snippet_path_messages(path: &str) -> Vec<String> {
        let path = crate::source::toml_basic_string(path);
        let text = format!(
            "[site]\nbase_url = \"https://x.org\"\ndata_snippet = {path}\n[divider]\npath = {path}\nlogo = \"/l.svg\"\n"
        );
        let file = crate::SourceFile {
            path: "personas/site.toml".into(),
            text,
        };
        let (_, diags) = crate::load(crate::Sources::new(vec![file]));
        diags
            .into_iter()
            .filter(|d| d.rule == "snippet-path")
            .map(|d| d.message)
            .collect()
    }

    #[test]
    fn the_divider_and_the_data_snippet_follow_one_snippet_path_rule() {
        for bad in [
            "/snippets/D.jsx",
            "snippets/a\u{7}b.jsx",
            "snippets/../D.jsx",
            "snippets\\D.jsx",
            "components/D.jsx",
            "snippets/D.js",
        ] {
            let messages = snippet_path_messages(bad);
            assert_eq!(messages.len(), 2, "{bad}: {messages:?}");
            assert_eq!(messages[0], messages[1], "{bad}");
            assert!(snippet_path_problem(bad).is_some(), "{bad}");
        }
        assert!(snippet_path_messages("snippets/D.jsx").is_empty());
    }
}
