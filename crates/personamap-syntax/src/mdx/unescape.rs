//! Undoing the MDX escaping of [`super`] (`personamap import` reads a page back with it), and
//! refusing the MDX the spec cannot hold (JSX, expressions, ESM) in what must be plain Markdown.

use super::{ESM_GUARDS, Inline, Kind, Verbatim, inline_pieces};
use crate::LineError;

/// Prose lines of the page (`first` is the 1-based number of the first) back to the Markdown
/// the spec holds, reading code, formulas and JSX comments where the writer finds them
/// ([`super::mdx_prose`]): outside them `\{`, `\}`, `\<` become `{`, `}`, `<`, and
/// `{"i"}mport`/`{"e"}xport` (or the older `&#105;mport`/`&#101;xport`) at the start of a line
/// becomes `import`/`export`; code, formulas and comments stay as written. Other JSX tags,
/// `{…}` expressions and ESM lines are errors naming their line. Surrounding blank lines are
/// dropped; `None` when empty.
pub fn prose(lines: &[&str], first: usize) -> Result<Option<String>, LineError> {
    // Blank as Markdown reads it: spaces and tabs only (a U+2028 line is text). Only empty lines
    // go before the prose: a first line of spaces is the prose's own (the writer keeps it).
    let blank = |l: &&str| l.trim_matches([' ', '\t', '\r']).is_empty();
    let start = lines
        .iter()
        .position(|l| !l.trim_end_matches('\r').is_empty())
        .filter(|_| lines.iter().any(|l| !blank(l)));
    let end = lines.iter().rposition(|l| !blank(l));
    let (Some(start), Some(end)) = (start, end) else {
        return Ok(None);
    };
    let text = lines[start..=end].join("\n");
    let line_at = |i: usize| first + start + text[..i].matches('\n').count();
    let verbatim = Verbatim::read(&text);
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut spans = verbatim.spans.iter().peekable();
    // Whether only spaces and tabs come before `i` on its line, whether that line starts a
    // block (the first line, or one after a blank line, a fence or a comment block), and
    // whether a fence or comment block ended on it.
    let (mut line_start, mut block_start, mut after_block) = (true, true, false);
    let mut i = 0;
    while i < text.len() {
        while spans.next_if(|(s, _)| s.end <= i).is_some() {}
        if let Some((span, kind)) = spans.peek().filter(|(s, _)| s.start <= i) {
            out.push_str(&text[i..span.end]);
            line_start = text[i..span.end].ends_with('\n');
            after_block = matches!(kind, Kind::Flow | Kind::Comment);
            block_start = line_start && after_block;
            i = span.end;
            continue;
        }
        let rest = &text[i..];
        let c = rest.chars().next().unwrap_or('\u{fffd}');
        if line_start && c != ' ' && c != '\t' {
            let esm = ESM_GUARDS
                .iter()
                .any(|(k, _)| rest.strip_prefix(k).is_some_and(|r| r.starts_with(' ')));
            if block_start && esm {
                return Err(LineError::at(
                    line_at(i),
                    "an ESM `import`/`export` statement in the prose is not supported (only the divider import is)",
                ));
            }
            // The guard's expression, or the character reference older versions wrote.
            let restored = ESM_GUARDS.iter().find_map(|(keyword, guard)| {
                let (letter, tail) = keyword.split_at(1);
                let reference = letter.chars().next().map(crate::entity::code)?;
                [format!("{{{guard}}}"), format!("&{reference}")]
                    .into_iter()
                    .find(|r| {
                        rest.strip_prefix(r.as_str())
                            .is_some_and(|r| r.starts_with(tail))
                    })
                    .map(|r| (r.len(), letter))
            });
            if let Some((len, letter)) = restored {
                out.push_str(letter);
                i += len;
                line_start = false;
                continue;
            }
        }
        match c {
            '\\' if bytes.get(i + 1).is_some_and(u8::is_ascii_punctuation) => {
                // `\{/*` stays: unescaped, it would open a JSX comment the writer keeps.
                let comment = rest.starts_with("\\{/*");
                if !matches!(bytes[i + 1], b'{' | b'}' | b'<') || comment {
                    out.push('\\');
                }
                out.push(char::from(bytes[i + 1]));
                i += 2;
                line_start = false;
                continue;
            }
            '{' | '}' => return Err(expression(rest, line_at(i))),
            '<' if starts_tag(rest) => return Err(element(rest, line_at(i))),
            _ => out.push(c),
        }
        if c == '\n' {
            // The next line starts a block when this one is blank or ended a block.
            let line = text[..i].rsplit('\n').next().unwrap_or("");
            block_start = after_block || line.trim().is_empty();
        } else if !c.is_whitespace() {
            after_block = false;
        }
        line_start = c == '\n' || (line_start && (c == ' ' || c == '\t'));
        i += c.len_utf8();
    }
    Ok(Some(out.trim_end_matches('\n').to_string()))
}

/// Whether `text` (at a `<`) starts what MDX reads as a JSX or HTML tag.
fn starts_tag(text: &str) -> bool {
    text.as_bytes()
        .get(1)
        .is_some_and(|b| b.is_ascii_alphabetic() || matches!(b, b'/' | b'>' | b'!'))
}

/// The error for a `{…}` expression (or a comment the writer would not keep) at `text`.
fn expression(text: &str, line: usize) -> LineError {
    let snippet: String = text.chars().take(24).take_while(|c| *c != '\n').collect();
    LineError::at(
        line,
        format!("a JSX expression or comment (`{snippet}`) is not supported in the prose"),
    )
}

/// The error for a JSX or HTML element at `text`.
fn element(text: &str, line: usize) -> LineError {
    let tag: String = text
        .chars()
        .take_while(|c| !c.is_whitespace() && *c != '>')
        .collect();
    LineError::at(
        line,
        format!(
            "unsupported JSX/HTML element `{tag}>`: personamap import reads Markdown prose, the legend, persona sections and dividers only"
        ),
    )
}

/// Undoes the escapes of inline text (`\{`, `\}`, `\<` outside code spans), refusing JSX and
/// expressions. `first` is the line of the text's first character.
fn inline(text: &str, first: usize) -> Result<String, LineError> {
    let mut out = String::with_capacity(text.len());
    let line_at = |i: usize| first + text[..i].matches('\n').count();
    for piece in inline_pieces(text) {
        match piece {
            Inline::Escape(e) if matches!(e.as_bytes()[1], b'{' | b'}' | b'<') => {
                out.push_str(&e[1..])
            }
            Inline::Code(s) | Inline::Escape(s) => out.push_str(s),
            Inline::Char(i, '{' | '}') => return Err(expression(&text[i..], line_at(i))),
            Inline::Char(i, '<') if starts_tag(&text[i..]) => {
                return Err(element(&text[i..], line_at(i)));
            }
            Inline::Char(_, c) => out.push(c),
        }
    }
    Ok(out)
}

/// Undoes `mdx_inline` (a heading or one line of text): the escaped leading marker and the
/// inline escapes.
pub fn heading_text(text: &str, line: usize) -> Result<String, LineError> {
    // Markdown strips spaces and tabs around a heading's text or a cell, no other white space.
    let text = text.trim_matches([' ', '\t', '\r']);
    let text = match text.strip_prefix('\\') {
        Some(rest) if rest.starts_with(['#', '>', '-', '+', '=', '|']) => rest,
        _ => text,
    };
    // A closing run of `#` after a space was escaped: a heading would drop it.
    let run = text.len() - text.trim_end_matches('#').len();
    let before = &text[..text.len() - run];
    match before.strip_suffix('\\') {
        Some(kept) if run > 0 && kept.ends_with([' ', '\t']) => {
            inline(&format!("{kept}{}", &text[before.len()..]), line)
        }
        _ => inline(text, line),
    }
}

/// Undoes `table_cell`: `\|` back to `|`, then [`heading_text`].
pub fn table_cell(text: &str, line: usize) -> Result<String, LineError> {
    heading_text(&text.replace("\\|", "|"), line)
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
        // ESM starts a block: after a fence too, but not a paragraph's next line.
        assert_eq!(
            prose(&["```", "x", "```", "import y"], 1).unwrap_err().line,
            4
        );
        assert_eq!(
            prose(&["a", "import b"], 1).unwrap().as_deref(),
            Some("a\nimport b")
        );
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
