//! The Markdown export: the page as Mintlify serves it at `/{id}.md` to LLM readers.
//!
//! Like Mintlify, it is derived from the MDX page itself: frontmatter, ESM imports and
//! comment-only expressions (`{/* … */}`) go,
//! the imported snippets' exports are inlined, code fences get the site's theme as meta,
//! tables are re-printed with padded columns, and runs of blank lines outside code become one.

use crate::page::{Align, table_lines};
use markdown::ParseOptions;
use markdown::mdast::{AlignKind, Node};
use personamap_spec::CodeTheme;

/// What the export needs besides the page text.
pub struct ExportInput<'a> {
    /// Site base URL (no trailing slash).
    pub base_url: &'a str,
    /// Frontmatter title.
    pub title: &'a str,
    /// Frontmatter description.
    pub description: &'a str,
    /// Texts of the snippets the page imports, in import order.
    pub snippets: &'a [&'a str],
    /// Code block theme, if the site has one.
    pub theme: Option<&'a CodeTheme>,
}

/// Options that parse the MDX the compiler writes as Mintlify does: MDX, frontmatter, GFM
/// tables and maths.
pub fn mdx_options() -> ParseOptions {
    ParseOptions {
        constructs: personamap_syntax::mdx::page_constructs(),
        // Accept any ESM block; it is only removed here (validation parses it properly).
        mdx_esm_parse: Some(Box::new(|_| markdown::MdxSignal::Ok)),
        ..ParseOptions::default()
    }
}

/// The fence meta Mintlify adds to code blocks: `theme={…}`.
pub fn theme_meta(theme: &CodeTheme) -> String {
    let value = match theme {
        CodeTheme::Single(name) => serde_json::json!({ "theme": name }),
        CodeTheme::Pair { light, dark } => {
            serde_json::json!({ "theme": { "light": light, "dark": dark } })
        }
    };
    format!("theme={value}")
}

/// Builds the Markdown export of an MDX page. Fails only if the page is not valid MDX.
pub fn export(mdx: &str, input: &ExportInput) -> Result<String, String> {
    let tree = personamap_syntax::mdast::parse(mdx, &mdx_options()).map_err(|m| m.to_string())?;
    let mut edits: Vec<(usize, usize, String)> = Vec::new();
    collect_edits(&tree, mdx, input, &mut edits);
    edits.sort_by_key(|e| e.0);
    let mut body = String::with_capacity(mdx.len());
    let mut at = 0;
    for (start, end, text) in edits {
        body.push_str(&mdx[at..start]);
        body.push_str(&text);
        at = end;
    }
    body.push_str(&mdx[at..]);
    let mut out = format!(
        "> ## Documentation Index\n> Fetch the complete documentation index at: {}/llms.txt\n> Use this file to discover all available pages before exploring further.\n\n# {}\n\n> {}\n\n",
        input.base_url, input.title, input.description
    );
    for snippet in input.snippets {
        out.push_str(snippet.trim_end());
        out.push_str("\n\n");
    }
    out.push_str(&single_blank_lines(body.trim_start()));
    Ok(out)
}

/// Runs of blank lines outside fenced code become one, as in Mintlify's re-serialised Markdown
/// (a hand-written page may leave several, around a dropped comment say).
fn single_blank_lines(body: &str) -> String {
    let mut out = String::with_capacity(body.len());
    let mut fence: Option<(char, usize)> = None;
    let mut blank = false;
    for line in body.split_inclusive('\n') {
        let trimmed = line.trim_start_matches(' ');
        let marker = personamap_syntax::mdx::fence_marker(trimmed);
        match (fence, marker) {
            (Some((ch, n)), Some((c, m, rest))) if c == ch && m >= n && rest.trim().is_empty() => {
                fence = None
            }
            (Some(_), _) => {}
            (None, Some((c, m, _))) => fence = Some((c, m)),
            (None, None) => {
                let is_blank = line.trim().is_empty();
                if is_blank && blank {
                    continue;
                }
                blank = is_blank;
                out.push_str(line);
                continue;
            }
        }
        blank = false;
        out.push_str(line);
    }
    out
}

fn collect_edits(
    node: &Node,
    src: &str,
    input: &ExportInput,
    edits: &mut Vec<(usize, usize, String)>,
) {
    let Some(pos) = node.position() else {
        return visit_children(node, src, input, edits);
    };
    let (start, end) = (pos.start.offset, pos.end.offset);
    match node {
        Node::MdxFlowExpression(e) if !is_comment(&e.value) => {}
        // A comment inside a paragraph goes, the text around it stays as written.
        Node::MdxTextExpression(e) if is_comment(&e.value) => {
            edits.push((start, end, String::new()))
        }
        Node::Yaml(_) | Node::Toml(_) | Node::MdxjsEsm(_) | Node::MdxFlowExpression(_) => {
            let end = end + src[end..].len() - src[end..].trim_start_matches(['\n', '\r']).len();
            edits.push((start, end, String::new()));
        }
        Node::Code(code) => {
            let line_end = src[start..end].find('\n').map_or(end, |i| start + i);
            let fence = &src[start..line_end];
            if let Some(theme) = input.theme.filter(|_| fence.starts_with(['`', '~'])) {
                let meta = code
                    .meta
                    .as_deref()
                    .map_or(String::new(), |m| format!(" {m}"));
                let marker: String = fence
                    .chars()
                    .take_while(|c| *c == '`' || *c == '~')
                    .collect();
                let lang = code.lang.as_deref().unwrap_or("");
                edits.push((
                    start,
                    line_end,
                    format!("{marker}{lang}{meta} {}", theme_meta(theme)),
                ));
            }
        }
        Node::Table(table) => {
            let rows: Vec<Vec<&str>> = table
                .children
                .iter()
                .map(|row| {
                    row.children()
                        .map(|cells| cells.iter().map(|c| cell_text(c, src)).collect())
                        .unwrap_or_default()
                })
                .collect();
            let align: Vec<Align> = table
                .align
                .iter()
                .map(|a| match a {
                    AlignKind::Left => Align::Left,
                    AlignKind::Right => Align::Right,
                    AlignKind::Center => Align::Center,
                    AlignKind::None => Align::None,
                })
                .collect();
            if !rows.is_empty() {
                edits.push((start, end, table_lines(&rows, &align)));
            }
        }
        _ => visit_children(node, src, input, edits),
    }
}

/// Whether an MDX expression holds only a comment (`{/* … */}`), which renders nothing.
fn is_comment(expression: &str) -> bool {
    let e = expression.trim();
    e.len() >= 4 && e.starts_with("/*") && e.ends_with("*/") && !e[2..e.len() - 2].contains("*/")
}

fn visit_children(
    node: &Node,
    src: &str,
    input: &ExportInput,
    edits: &mut Vec<(usize, usize, String)>,
) {
    for child in node.children().into_iter().flatten() {
        collect_edits(child, src, input, edits);
    }
}

/// The source text of a table cell: from its first to its last inline child.
fn cell_text<'a>(cell: &Node, src: &'a str) -> &'a str {
    let children = cell.children().map(Vec::as_slice).unwrap_or_default();
    match (
        children.first().and_then(Node::position),
        children.last().and_then(Node::position),
    ) {
        (Some(first), Some(last)) => &src[first.start.offset..last.end.offset],
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::is_comment;

    #[test]
    fn comment_expressions_are_told_apart_without_panicking() {
        assert!(is_comment(" /* note */ "));
        assert!(is_comment("/**/"));
        assert!(!is_comment("/*/"));
        assert!(!is_comment("/* a */ x /* b */"));
        assert!(!is_comment("a"));
    }
}
