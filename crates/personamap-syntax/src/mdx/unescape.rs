//! Undoing the MDX escaping of [`super`] (`personamap import` reads a page back with it), and
//! refusing the MDX the spec cannot hold (JSX, expressions, ESM) in what must be plain Markdown.

use super::{Inline, comment_block, fence_marker, inline_comment, inline_pieces};
use crate::LineError;

/// Prose lines of the page (`first` is the 1-based number of the first) back to the Markdown
/// the spec holds: `\{`, `\}`, `\<` outside code become `{`, `}`, `<`, and a block's
/// `&#105;mport`/`&#101;xport` becomes `import`/`export`, JSX comment blocks (`{/* … */}`
/// on lines of their own) stay as written. Other JSX tags, `{…}` expressions and ESM
/// lines are errors naming their line. Surrounding blank lines are dropped; `None` when empty.
pub fn prose(lines: &[&str], first: usize) -> Result<Option<String>, LineError> {
    let start = lines.iter().position(|l| !l.trim().is_empty());
    let end = lines.iter().rposition(|l| !l.trim().is_empty());
    let (Some(start), Some(end)) = (start, end) else {
        return Ok(None);
    };
    let lines = &lines[start..=end];
    let first = first + start;
    let mut out = String::new();
    let mut fence: Option<(char, usize)> = None;
    let mut block_start = true;
    let mut para = String::new();
    let mut para_line = first;
    let mut comment_until = 0;
    for (i, line) in lines.iter().enumerate() {
        let no = first + i;
        if i < comment_until {
            out.push_str(line);
            out.push('\n');
            continue;
        }
        let trimmed = line.trim_start_matches(' ');
        let indent = line.len() - trimmed.len();
        // As the compiler escapes: a fence may sit in a blockquote or be indented.
        let marker = fence_marker(line.trim_start_matches([' ', '\t', '>']));
        if let Some((ch, n)) = fence {
            out.push_str(line);
            out.push('\n');
            if marker.is_some_and(|(c, m, rest)| c == ch && m >= n && rest.trim().is_empty()) {
                fence = None;
                block_start = true;
            }
            continue;
        }
        if let Some((ch, n, _)) = marker {
            out.push_str(&inline(&std::mem::take(&mut para), para_line, true)?);
            out.push_str(line);
            out.push('\n');
            fence = Some((ch, n));
            continue;
        }
        if line.trim().is_empty() {
            out.push_str(&inline(&std::mem::take(&mut para), para_line, true)?);
            out.push('\n');
            block_start = true;
            continue;
        }
        if block_start && line.trim_start().starts_with("{/*") {
            // A JSX comment block is carried into the spec as written (the compiler keeps it).
            let rest = lines[i..].join("\n");
            if let Some(len) = comment_block(&rest) {
                comment_until = i + rest[..len].trim_end_matches('\n').matches('\n').count() + 1;
                out.push_str(line);
                out.push('\n');
                continue;
            }
        }
        if para.is_empty() {
            para_line = no;
        }
        if block_start && (trimmed.starts_with("import ") || trimmed.starts_with("export ")) {
            return Err(LineError::at(
                no,
                "an ESM `import`/`export` statement in the prose is not supported (only the divider import is)",
            ));
        }
        {
            // `{"e"}xport` (and the older `&#101;xport`) at the start of any line.
            let restored = [
                ("{\"i\"}mport", 'i'),
                ("{\"e\"}xport", 'e'),
                ("&#105;mport", 'i'),
                ("&#101;xport", 'e'),
            ]
            .iter()
            .find(|(reference, _)| trimmed.starts_with(reference));
            if let Some((reference, letter)) = restored {
                para.push_str(&line[..indent]);
                para.push(*letter);
                para.push_str(&trimmed[reference.len() - "mport".len()..]);
                para.push('\n');
                block_start = false;
                continue;
            }
        }
        para.push_str(line);
        para.push('\n');
        block_start = false;
    }
    out.push_str(&inline(&para, para_line, true)?);
    let text = out.trim_end_matches('\n').to_string();
    Ok(Some(text))
}

/// Undoes the escapes of inline text (`\{`, `\}`, `\<` outside code spans), refusing JSX and
/// expressions; with `comments` (paragraphs, where the compiler keeps them), well-formed
/// `{/* … */}` comments are carried as written. `first` is the line of the text's first character.
fn inline(text: &str, first: usize, comments: bool) -> Result<String, LineError> {
    let mut out = String::with_capacity(text.len());
    let bytes = text.as_bytes();
    let line_at = |i: usize| first + text[..i].matches('\n').count();
    let mut start = 0;
    'text: while start < text.len() {
        let base = start;
        let pieces = inline_pieces(&text[base..])
            .into_iter()
            .map(move |p| match p {
                Inline::Char(i, c) => Inline::Char(base + i, c),
                p => p,
            });
        for piece in pieces {
            match piece {
                Inline::Char(i, '{') if comments && inline_comment(&text[i..]).is_some() => {
                    let len = inline_comment(&text[i..]).unwrap_or(0);
                    out.push_str(&text[i..i + len]);
                    start = i + len;
                    continue 'text;
                }
                Inline::Escape(e) if matches!(e.as_bytes()[1], b'{' | b'}' | b'<') => {
                    out.push_str(&e[1..])
                }
                Inline::Code(s) | Inline::Escape(s) => out.push_str(s),
                Inline::Char(i, '{' | '}') => {
                    let snippet: String = text[i..]
                        .chars()
                        .take(24)
                        .take_while(|c| *c != '\n')
                        .collect();
                    return Err(LineError::at(
                        line_at(i),
                        format!(
                            "a JSX expression or comment (`{snippet}`) is not supported in the prose"
                        ),
                    ));
                }
                Inline::Char(i, '<')
                    if bytes.get(i + 1).is_some_and(|b| {
                        b.is_ascii_alphabetic() || matches!(b, b'/' | b'>' | b'!')
                    }) =>
                {
                    let tag: String = text[i..]
                        .chars()
                        .take_while(|c| !c.is_whitespace() && *c != '>')
                        .collect();
                    return Err(LineError::at(
                        line_at(i),
                        format!(
                            "unsupported JSX/HTML element `{tag}>`: personamap import reads Markdown prose, the legend, persona sections and dividers only"
                        ),
                    ));
                }
                Inline::Char(_, c) => out.push(c),
            }
        }
        break;
    }
    Ok(out)
}

/// Undoes `mdx_inline` (a heading or one line of text): the escaped leading marker and the
/// inline escapes.
pub fn heading_text(text: &str, line: usize) -> Result<String, LineError> {
    let text = text.trim();
    let text = match text.strip_prefix('\\') {
        Some(rest) if rest.starts_with(['#', '>', '-', '+', '=', '|']) => rest,
        _ => text,
    };
    inline(text, line, false)
}

/// Undoes `table_cell`: `\|` back to `|`, then [`heading_text`].
pub fn table_cell(text: &str, line: usize) -> Result<String, LineError> {
    heading_text(&text.trim().replace("\\|", "|"), line)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mdx::{mdx_inline, mdx_prose, table_cell as cell};

    fn roundtrip(text: &str) {
        let escaped = mdx_prose(text);
        let lines: Vec<&str> = escaped.split('\n').collect();
        let back = prose(&lines, 1).unwrap().unwrap();
        assert_eq!(mdx_prose(&back), escaped);
        if !text.contains('\\') {
            assert_eq!(back, text);
        }
    }

    #[test]
    fn prose_round_trips_the_compilers_escapes() {
        roundtrip("a {b} <c> `{d}` e");
        roundtrip("```js\n{x}\n```\n{y}");
        roundtrip("export it\nimport this\n\nimportant: yes");
        roundtrip("already \\{ok and \\* stays");
    }

    #[test]
    fn prose_keeps_jsx_comment_blocks() {
        roundtrip("{/* note {x}\n   <b> */}\n\n\ntext {y}");
        let lines = ["a", "", "{/* one */}", "{/* two", "*/}", "b"];
        assert_eq!(
            prose(&lines, 1).unwrap().as_deref(),
            Some("a\n\n{/* one */}\n{/* two\n*/}\nb")
        );
        // A comment inside a paragraph is carried as written; one that is not well formed
        // (`*/` in its text, or no `}` right after `*/`) is a located error.
        assert_eq!(
            prose(&["a", "{/* x */}"], 4).unwrap().as_deref(),
            Some("a\n{/* x */}")
        );
        roundtrip("a {/* x `y */} `{z}` b {/* c\nd */} e");
        assert_eq!(prose(&["a {/* x */ */}"], 4).unwrap_err().line, 4);
        assert_eq!(prose(&["a", "{/* x */ }"], 4).unwrap_err().line, 5);
        // Headings and table cells do not keep comments (the compiler escapes them there).
        assert!(heading_text("a {/* x */}", 1).is_err());
    }

    #[test]
    fn prose_refuses_jsx_naming_the_line() {
        let e = prose(&["fine", "", "<Tabs>"], 10).unwrap_err();
        assert_eq!(e.line, 12);
        assert!(e.message.contains("`<Tabs>`"), "{}", e.message);
        assert_eq!(prose(&["a {x}"], 3).unwrap_err().line, 3);
        assert_eq!(prose(&["", "import x from 'y'"], 1).unwrap_err().line, 2);
        assert_eq!(prose(&["a < b"], 1).unwrap().as_deref(), Some("a < b"));
    }

    #[test]
    fn inline_and_cells_round_trip() {
        for t in [
            "# not a heading",
            "a | b",
            "x {y} <z>",
            "- dash",
            "*em* x",
            "\\*lit* x",
        ] {
            assert_eq!(table_cell(&cell(t), 1).unwrap(), t);
            assert_eq!(heading_text(&mdx_inline(t), 1).unwrap(), t);
        }
    }
}
