//! MDX pages: parsed by markdown-rs as MDX (with frontmatter and GFM tables) with swc as the
//! ESM and expression parser, then taken apart for the other checks.

use crate::js;
use markdown::ParseOptions;
use markdown::mdast::Node;
use personamap_spec::Value;
use personamap_syntax::mdx::{ESM_GUARDS, fence_marker};
use saphyr::{LoadableYamlNode, Scalar, Yaml};

/// What the checks need from a page that parsed.
#[derive(Debug, Default, PartialEq)]
pub struct PageParts {
    /// The YAML between the `---` lines.
    pub frontmatter: Option<String>,
    /// Texts of the `mermaid` code blocks, in order.
    pub mermaid: Vec<String>,
    /// Texts of the ESM blocks, in order.
    pub esm: Vec<String>,
    /// Expressions that hold code (prose that became JavaScript), with their line.
    pub code_expressions: Vec<(usize, String)>,
}

/// Parse options equal to what Mintlify's MDX pipeline reads (maths included: remark-math),
/// with swc behind ESM and expressions (without the ESM callback markdown-rs turns an import
/// into text).
pub fn options() -> ParseOptions {
    ParseOptions {
        constructs: personamap_syntax::mdx::page_constructs(),
        mdx_esm_parse: Some(Box::new(js::esm)),
        mdx_expression_parse: Some(Box::new(js::expression)),
        ..ParseOptions::default()
    }
}

/// Parses a page; the error is markdown-rs's message with its position.
///
/// markdown-rs spends time quadratic in the number of lines of one document (its edit map
/// scans linearly), so a long page is parsed in chunks cut at top-level block boundaries: a
/// blank line outside any fence and any open JSX element, followed by an unindented line. A
/// chunk that ends inside a code block markdown-rs did not see closed is a bug, reported as
/// such, so cutting can never hide a fence that swallows the rest of the page.
///
/// The bodies of Mermaid fences need no Markdown tokenizer (most of a page's bytes): each
/// chunk is first parsed with them taken out ([`masked`]), and their texts put back as the
/// blocks' values. Only when that parse is clean and holds every masked fence as a Mermaid code
/// block where it was is it used; otherwise (an error, code in prose, an unclosed block, a
/// fence markdown-rs did not read as one) the chunk is parsed again whole, so the result is
/// always the whole chunk's.
pub fn parse(text: &str) -> Result<PageParts, String> {
    let mut parts = PageParts::default();
    // Chunks are parsed in parallel; the first error in page order is the page's.
    let chunks = chunks(text, CHUNK_LINES);
    let parsed = personamap_spec::parallel::map(&chunks, |(first_line, chunk)| {
        parse_masked(chunk).map_or_else(|| parse_chunk(chunk, *first_line), Ok)
    });
    for (chunk_parts, (first_line, _)) in parsed.into_iter().zip(chunks) {
        let chunk_parts = chunk_parts?;
        parts.frontmatter = parts.frontmatter.or(chunk_parts.frontmatter);
        parts.mermaid.extend(chunk_parts.mermaid);
        parts.esm.extend(chunk_parts.esm);
        parts.code_expressions.extend(
            chunk_parts
                .code_expressions
                .into_iter()
                .map(|(l, c)| (l + first_line, c)),
        );
    }
    Ok(parts)
}

/// One chunk parsed whole.
fn parse_chunk(chunk: &str, first_line: usize) -> Result<PageParts, String> {
    let tree = personamap_syntax::mdast::parse(chunk, &options())
        .map_err(|m| at_line(&m.to_string(), first_line))?;
    if let Some(line) = unclosed_code(&tree, chunk) {
        return Err(format!(
            "a code block opened at line {} is never closed",
            first_line + line
        ));
    }
    let mut parts = PageParts::default();
    walk(&tree, &mut parts, &[]);
    Ok(parts)
}

/// One chunk parsed with its Mermaid bodies masked; `None` unless that is certainly what
/// parsing it whole gives (see [`parse`]).
fn parse_masked(chunk: &str) -> Option<PageParts> {
    let (text, bodies) = masked(chunk)?;
    let tree = personamap_syntax::mdast::parse(&text, &options()).ok()?;
    if unclosed_code(&tree, &text).is_some() {
        return None;
    }
    let mut parts = PageParts::default();
    let restored = walk(&tree, &mut parts, &bodies);
    (restored == bodies.len() && parts.code_expressions.is_empty()).then_some(parts)
}

/// A Mermaid fence whose body [`masked`] took out.
#[derive(Debug, PartialEq)]
struct Body<'a> {
    /// Line (from 1, in the masked text) of the opening fence; the closing one follows it.
    open: usize,
    /// The body as markdown-rs gives a code block's value: without its last line ending.
    value: &'a str,
}

/// `chunk` without the bodies of the fences that open with ```` ```mermaid ```` (or `~~~`) at
/// column 0, each up to its first closing fence line as MDX reads it (see [`closes`]). `None`
/// when there is nothing to take out, or the chunk holds a `\r` (a line ending this scan does
/// not count).
fn masked(chunk: &str) -> Option<(String, Vec<Body<'_>>)> {
    if chunk.contains('\r') || !chunk.contains("mermaid") {
        return None;
    }
    let mut text = String::with_capacity(chunk.len() / 4);
    let mut bodies = Vec::new();
    // The fence the scan is inside (character, length), and whether it is a masked one.
    let mut fence: Option<(char, usize, bool)> = None;
    let mut body_start = 0;
    let (mut masked_line, mut offset) = (0, 0);
    for line in chunk.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        match fence {
            Some((c, n, mask)) => {
                if !closes(line, c, n) {
                    if !mask {
                        text.push_str(line);
                        masked_line += 1;
                    }
                    continue;
                }
                fence = None;
                if mask {
                    let body = &chunk[body_start..start];
                    bodies.push(Body {
                        open: masked_line,
                        value: body.strip_suffix('\n').unwrap_or(body),
                    });
                }
            }
            None => {
                let trimmed = line.trim_start_matches([' ', '\t']);
                if let Some((c, n, rest)) = fence_marker(trimmed.trim_end()) {
                    let info = rest.trim_start();
                    let mermaid = trimmed.len() == line.len()
                        && info.strip_prefix("mermaid").is_some_and(|after| {
                            after.is_empty() || after.starts_with([' ', '\t'])
                        });
                    fence = Some((c, n, mermaid));
                    body_start = offset;
                }
            }
        }
        text.push_str(line);
        masked_line += 1;
    }
    (!bodies.is_empty()).then_some((text, bodies))
}

/// Whether `line` closes a fence of `n` × `c`: at least `n` of `c` after any indent (MDX has
/// no indented code, so a fence may be indented any amount), then only spaces and tabs.
fn closes(line: &str, c: char, n: usize) -> bool {
    let trimmed = line.trim_start_matches([' ', '\t']);
    let run = trimmed.chars().take_while(|x| *x == c).count();
    run >= n
        && trimmed[run..]
            .trim_end_matches('\n')
            .trim_matches([' ', '\t'])
            .is_empty()
}

/// Lines per chunk, at least (a chunk ends at the first boundary after this many lines).
const CHUNK_LINES: usize = 200;

/// Splits `text` into chunks of at least `min_lines` lines at top-level block boundaries, with
/// the number of lines before each chunk.
fn chunks(text: &str, min_lines: usize) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let (mut start, mut start_line, mut line_no, mut offset) = (0, 0, 0, 0);
    let mut fence: Option<(char, usize)> = None;
    let mut depth: i64 = 0;
    let mut previous_blank = false;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim();
        let unindented = !line.starts_with([' ', '\t']);
        if fence.is_none()
            && depth == 0
            && previous_blank
            && unindented
            && !trimmed.is_empty()
            && line_no - start_line >= min_lines
        {
            out.push((start_line, &text[start..offset]));
            start = offset;
            start_line = line_no;
        }
        let marker = fence_marker(trimmed);
        match (fence, marker) {
            (Some((c, n)), Some((m, k, rest))) if c == m && k >= n && rest.trim().is_empty() => {
                fence = None
            }
            (None, Some((m, k, _))) => fence = Some((m, k)),
            _ => {}
        }
        if fence.is_none() && marker.is_none() {
            depth += jsx_depth_change(trimmed);
        }
        previous_blank = trimmed.is_empty();
        offset += line.len();
        line_no += 1;
    }
    out.push((start_line, &text[start..]));
    out
}

/// How a line changes the nesting of JSX flow elements: `<Tabs>` opens, `</Tabs>` closes,
/// `<Card … />` and `<X>…</X>` on one line do neither.
fn jsx_depth_change(line: &str) -> i64 {
    if line.starts_with("</") {
        -1
    } else if line.starts_with('<')
        && line[1..].starts_with(|c: char| c.is_ascii_alphabetic())
        && !line.ends_with("/>")
        && !line.contains("</")
    {
        1
    } else {
        0
    }
}

/// The line (in the chunk) of a top-level code block that runs to the end of the chunk without
/// a closing fence.
fn unclosed_code(tree: &Node, chunk: &str) -> Option<usize> {
    let last = tree.children()?.last()?;
    let Node::Code(_) = last else { return None };
    let pos = last.position()?;
    let source = &chunk[pos.start.offset..pos.end.offset];
    let open = fence_marker(source.lines().next()?.trim())?;
    let closed = source.lines().count() > 1
        && source
            .lines()
            .last()
            .and_then(|l| fence_marker(l.trim()))
            .is_some_and(|(c, n, rest)| c == open.0 && n >= open.1 && rest.trim().is_empty());
    (!closed).then_some(pos.start.line)
}

/// markdown-rs's message with line numbers shifted by the lines before the chunk.
fn at_line(message: &str, lines_before: usize) -> String {
    if lines_before == 0 {
        message.to_string()
    } else {
        format!("{message} (in the part of the page after line {lines_before})")
    }
}

/// Collects the parts of `node`; a Mermaid block standing where a masked body was (its
/// fences on that body's two lines, empty) gets that body as its text. Returns how many bodies
/// were put back.
fn walk(node: &Node, parts: &mut PageParts, bodies: &[Body]) -> usize {
    let line = |n: &Node| n.position().map_or(0, |p| p.start.line);
    let mut restored = 0;
    match node {
        Node::Yaml(y) => parts.frontmatter = Some(y.value.clone()),
        Node::Code(c) if c.lang.as_deref() == Some("mermaid") => {
            let at = c.position.as_ref().map(|p| (p.start.line, p.end.line));
            let body = bodies
                .iter()
                .find(|b| c.value.is_empty() && at == Some((b.open, b.open + 1)));
            match body {
                Some(b) => {
                    restored += 1;
                    parts.mermaid.push(b.value.to_string());
                }
                None => parts.mermaid.push(c.value.clone()),
            }
        }
        Node::MdxjsEsm(e) => parts.esm.push(e.value.clone()),
        Node::MdxFlowExpression(e) if !js::only_comments(&e.value) => {
            parts.code_expressions.push((line(node), e.value.clone()));
        }
        // `{"e"}xport`: how prose escapes a line that would start ES module code.
        Node::MdxTextExpression(e)
            if !js::only_comments(&e.value)
                && !ESM_GUARDS.iter().any(|(_, guard)| *guard == e.value) =>
        {
            parts.code_expressions.push((line(node), e.value.clone()));
        }
        _ => {}
    }
    if let Some(children) = node.children() {
        for c in children {
            restored += walk(c, parts, bodies);
        }
    }
    restored
}

/// Parses frontmatter YAML and compares it with what the page asked for: `title`,
/// `description`, then the extra keys with their values. Returns the first difference.
pub fn frontmatter(
    yaml: &str,
    title: &str,
    description: &str,
    extra: &[(String, Value)],
) -> Result<(), String> {
    let docs = Yaml::load_from_str(yaml).map_err(|e| format!("frontmatter is not YAML: {e}"))?;
    let [doc] = docs.as_slice() else {
        return Err(format!("frontmatter holds {} YAML documents", docs.len()));
    };
    let Yaml::Mapping(map) = doc else {
        return Err("frontmatter is not a YAML mapping".into());
    };
    let expected = [
        ("title".to_string(), Value::String(title.to_string())),
        (
            "description".to_string(),
            Value::String(description.to_string()),
        ),
    ];
    for (key, value) in expected.iter().chain(extra) {
        let got = map
            .iter()
            .find(|(k, _)| matches!(k, Yaml::Value(Scalar::String(s)) if s == key))
            .map(|(_, v)| v);
        match got {
            Some(y) if same(value, y) => {}
            Some(y) => {
                return Err(format!(
                    "frontmatter `{key}` reads back as {y:?}, not {value:?}"
                ));
            }
            None => return Err(format!("frontmatter `{key}` is missing")),
        }
    }
    Ok(())
}

fn same(v: &Value, y: &Yaml) -> bool {
    match (v, y) {
        (Value::String(a) | Value::Datetime(a), Yaml::Value(Scalar::String(b))) => a == b,
        (Value::Integer(a), Yaml::Value(Scalar::Integer(b))) => a == b,
        (Value::Float(a), Yaml::Value(Scalar::FloatingPoint(b))) => {
            (a.is_nan() && b.is_nan()) || a == &b.into_inner()
        }
        (Value::Boolean(a), Yaml::Value(Scalar::Boolean(b))) => a == b,
        (Value::Array(a), Yaml::Sequence(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|(x, y)| same(x, y))
        }
        (Value::Table(a), Yaml::Mapping(b)) => {
            a.len() == b.len()
                && a.iter().all(|(k, x)| {
                    b.iter().any(|(yk, y)| {
                        matches!(yk, Yaml::Value(Scalar::String(s)) if s == k) && same(x, y)
                    })
                })
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunks_cut_only_at_top_level_boundaries() {
        let text = "a\n\n```\nx\n\ny\n```\n\n<Tabs>\n\nz\n\n</Tabs>\n\nb\n\n  c\n\nd\n";
        let cuts: Vec<&str> = chunks(text, 0).into_iter().map(|(_, c)| c).collect();
        assert_eq!(
            cuts,
            [
                "a\n\n",
                "```\nx\n\ny\n```\n\n",
                "<Tabs>\n\nz\n\n</Tabs>\n\n",
                "b\n\n  c\n\n",
                "d\n"
            ]
        );
        assert_eq!(chunks(text, 0).last().map(|(l, _)| *l), Some(18));
        assert_eq!(chunks(text, 1000).len(), 1);
    }

    #[test]
    fn a_long_page_parses_in_chunks_with_every_part() {
        let block = "```mermaid\nflowchart LR\n  A --> B\n```\n\n{/* c */}\n\n";
        let page = format!(
            "---\ntitle: T\n---\n\nimport {{ X }} from \"/snippets/x.jsx\";\n\n{}",
            block.repeat(300)
        );
        let parts = parse(&page).unwrap();
        assert_eq!(parts.mermaid.len(), 300);
        assert_eq!(parts.esm.len(), 1);
        assert!(parts.frontmatter.is_some());
        assert!(chunks(&page, CHUNK_LINES).len() > 1);
    }

    /// Pages whose Mermaid bodies hold everything that could make masking them wrong.
    const TRICKY: [&str; 13] = [
        "---\ntitle: a\n---\n\nimport { D } from \"/snippets/d.jsx\";\n\n## P\n\n```mermaid\nflowchart LR\n  A[\"{x} <b>\"] --> B\n  import x\n    ``` x\n``a\n\t~~~\n```\n\n<D />\n\n<Tabs>\n<Tab title=\"t\">\n\n```mermaid title\nflowchart TD\n  A\n```\n</Tab>\n</Tabs>\n",
        "```mermaid\nA\n ```\n{x}\n```\n",
        "```mermaid\nA\n   ````  \t\n{x}\n",
        "```mermaid\nA\n\t```\n{x}\n```mermaid\nB\n        ```\n{y}\n",
        "````mermaid\n```\n{\n````\n",
        "~~~mermaid\n```\n~~\n~~~\n{1}\n",
        "````md\n```mermaid\n{x}\n```\n````\n",
        "{\n```mermaid\n}\n```\n",
        "import { a } from \"b\";\n```mermaid\n{\n```\n",
        "> q\n```mermaid\n{\n```\n",
        "- a\n\n  ```mermaid\n  {\n  ```\n",
        "```mermaid\n\u{0}\u{feff}é\n\n```\n```mermaid\n```\n",
        "<Card\n  title=\"\n```mermaid\n\"\n/>\n```mermaid\n<\n```\n",
    ];

    #[test]
    fn masked_mermaid_bodies_parse_as_the_whole_page_does() {
        for page in TRICKY {
            let whole = parse_chunk(page, 0);
            let fast = parse_masked(page);
            if let Some(parts) = &fast {
                assert_eq!(Ok(parts), whole.as_ref(), "{page:?}");
            }
            assert_eq!(parse(page), whole, "{page:?}");
        }
        // The usual pages take the fast path.
        assert!(parse_masked(TRICKY[0]).is_some());
        assert!(parse_masked(TRICKY[4]).is_some());
        assert!(parse_masked(TRICKY[11]).is_some());
        let (text, bodies) = masked(TRICKY[1]).expect("a mermaid fence");
        assert_eq!(text, "```mermaid\n ```\n{x}\n```\n");
        assert_eq!(
            bodies,
            [Body {
                open: 1,
                value: "A"
            }]
        );
    }

    #[test]
    fn an_unclosed_fence_at_a_chunk_end_is_reported() {
        let page = format!("{}```js\nopen\n", "para\n\n".repeat(150));
        assert!(parse(&page).unwrap_err().contains("never closed"));
    }

    #[test]
    fn imports_are_esm_and_braces_are_code() {
        let parts = parse("---\ntitle: a\n---\n\nimport { A } from \"/snippets/A.jsx\";\n\n<A />\n\n{/* note */}\n\nx {y} z\n").unwrap();
        assert_eq!(parts.frontmatter.as_deref(), Some("title: a"));
        assert_eq!(parts.esm.len(), 1);
        assert_eq!(parts.code_expressions, vec![(11, "y".to_string())]);
        assert!(parse("a {b +} c\n").is_err());
        assert!(parse("import { A from \"x\";\n").is_err());
    }

    #[test]
    fn frontmatter_reads_back() {
        let extra = vec![
            (
                "keywords".to_string(),
                Value::Array(vec![Value::String("a b".into())]),
            ),
            ("og:image:width".to_string(), Value::Integer(1200)),
        ];
        assert_eq!(
            frontmatter(
                "title: \"yes\"\ndescription: d\nkeywords:\n  - a b\n'og:image:width': 1200\n",
                "yes",
                "d",
                &extra
            ),
            Ok(())
        );
        assert!(frontmatter("title: a: b\n", "a: b", "", &[]).is_err());
    }
}
