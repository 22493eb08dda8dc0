//! Escaping for every target language the compiler writes into: MDX prose, GFM table cells,
//! Mermaid labels, YAML frontmatter and JavaScript strings.

/// Escapes Markdown prose for MDX: `{`, `}` and `<` outside code spans and fenced code blocks
/// become `\{`, `\}` and `\<`, and a block that would start with `import`/`export` (MDX would
/// read it as ESM) gets its first letter written as a character reference. Everything else is
/// left as the author wrote it.
pub fn mdx_prose(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut fence: Option<(char, usize)> = None;
    let mut block_start = true;
    let mut para = String::new();
    let mut comment_end = 0;
    for (at, line) in text
        .split_inclusive('\n')
        .scan(0, |at, l| Some((std::mem::replace(at, *at + l.len()), l)))
    {
        if at < comment_end {
            out.push_str(line);
            continue;
        }
        let trimmed = line.trim_start_matches([' ', '\t']);
        let indent = line.len() - trimmed.len();
        // MDX has no indented code, so a fence may be indented any amount.
        let marker = fence_marker(trimmed);
        if let Some((ch, n)) = fence {
            out.push_str(line);
            if marker.is_some_and(|(c, m, rest)| c == ch && m >= n && rest.trim().is_empty()) {
                fence = None;
                block_start = true;
            }
            continue;
        }
        if let Some((ch, n, _)) = marker {
            out.push_str(&escape_inline(&std::mem::take(&mut para)));
            out.push_str(line);
            fence = Some((ch, n));
            continue;
        }
        if line.trim().is_empty() {
            out.push_str(&escape_inline(&std::mem::take(&mut para)));
            out.push_str(line);
            block_start = true;
            continue;
        }
        if let Some(len) = comment_block(&text[at..]).filter(|_| block_start) {
            // A JSX comment block (`{/* … */}` on lines of its own) stays as written.
            comment_end = at + len;
            out.push_str(line);
            continue;
        }
        if block_start && (trimmed.starts_with("import") || trimmed.starts_with("export")) {
            let reference = if trimmed.starts_with('i') {
                "&#105;"
            } else {
                "&#101;"
            };
            para.push_str(&line[..indent]);
            para.push_str(reference);
            para.push_str(&trimmed[1..]);
        } else {
            para.push_str(line);
        }
        block_start = false;
    }
    out.push_str(&escape_inline(&para));
    // A fence left open would swallow the rest of the page: close it where the prose ends.
    if let Some((ch, n)) = fence {
        if !out.ends_with('\n') {
            out.push('\n');
        }
        out.extend(std::iter::repeat_n(ch, n));
    }
    out
}

/// The length of the JSX comment block `{/* … */}` that `text` starts with (indent allowed),
/// through the end of its last line: the comment must end a line and hold no other `*/`.
pub fn comment_block(text: &str) -> Option<usize> {
    let body = text.trim_start_matches([' ', '\t']).strip_prefix("{/*")?;
    let close = body.find("*/")?;
    let after = body[close + 2..].strip_prefix('}')?;
    let rest = after.find('\n').map_or(after, |n| &after[..n]);
    if !rest.trim().is_empty() {
        return None;
    }
    let end = text.len() - after.len() + rest.len();
    Some(text[end..].find('\n').map_or(end, |_| end + 1))
}

/// A fence opening/closing: (character, run length, rest of line). A backtick fence's info
/// string cannot hold a backtick.
pub fn fence_marker(line: &str) -> Option<(char, usize, &str)> {
    let ch = line.chars().next().filter(|c| *c == '`' || *c == '~')?;
    let n = line.chars().take_while(|c| *c == ch).count();
    let rest = &line[n..];
    (n >= 3 && !(ch == '`' && rest.contains('`'))).then_some((ch, n, rest))
}

/// A piece of inline Markdown, as far as MDX escaping cares.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Inline<'a> {
    /// A code span (backticks included) or a run of backticks that opens none: verbatim.
    Code(&'a str),
    /// A backslash escape of ASCII punctuation, e.g. `\{`.
    Escape(&'a str),
    /// One character of text, at this byte offset.
    Char(usize, char),
}

/// Splits inline Markdown into code spans, backslash escapes and single characters.
pub fn inline_pieces(text: &str) -> Vec<Inline<'_>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < text.len() {
        match bytes[i] {
            b'\\' if i + 1 < text.len() && bytes[i + 1].is_ascii_punctuation() => {
                out.push(Inline::Escape(&text[i..i + 2]));
                i += 2;
            }
            b'`' => {
                let n = bytes[i..].iter().take_while(|b| **b == b'`').count();
                let stop = find_run(&bytes[i + n..], n).map_or(i + n, |end| i + n + end + n);
                out.push(Inline::Code(&text[i..stop]));
                i = stop;
            }
            _ => {
                let c = text[i..].chars().next().unwrap_or('\u{fffd}');
                out.push(Inline::Char(i, c));
                i += c.len_utf8();
            }
        }
    }
    out
}

/// Escapes `{`, `}`, `<` outside inline code spans, keeping backslash escapes as written.
fn escape_inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for piece in inline_pieces(text) {
        match piece {
            Inline::Code(s) | Inline::Escape(s) => out.push_str(s),
            Inline::Char(_, c @ ('{' | '}' | '<')) => {
                out.push('\\');
                out.push(c);
            }
            Inline::Char(_, c) => out.push(c),
        }
    }
    out
}

/// Offset of the next run of exactly `n` backticks in `bytes`.
fn find_run(bytes: &[u8], n: usize) -> Option<usize> {
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'`' {
            let run = bytes[i..].iter().take_while(|b| **b == b'`').count();
            if run == n {
                return Some(i);
            }
            i += run;
        } else {
            i += 1;
        }
    }
    None
}

/// Escapes one line of inline Markdown (a heading or a table cell): `{`, `}` and `<` outside
/// code spans as in [`mdx_prose`], line breaks turned into spaces and leading `#`/`>`/list
/// markers made literal.
pub fn mdx_inline(text: &str) -> String {
    let one_line = text
        .split(['\n', '\r'])
        .map(str::trim)
        .collect::<Vec<_>>()
        .join(" ");
    // Inline text never starts a block, so fences and ESM keywords mean nothing here.
    let escaped = escape_inline(&one_line);
    match escaped.chars().next() {
        Some(c @ ('#' | '>' | '-' | '+' | '*' | '=' | '|')) => format!("\\{c}{}", &escaped[1..]),
        _ => escaped,
    }
}

/// Escapes a GFM table cell: [`mdx_inline`] plus `|` → `\|`.
pub fn table_cell(text: &str) -> String {
    let inline = mdx_inline(text);
    let mut out = String::with_capacity(inline.len());
    let mut prev_backslash = false;
    for c in inline.chars() {
        if c == '|' && !prev_backslash {
            out.push('\\');
        }
        prev_backslash = c == '\\' && !prev_backslash;
        out.push(c);
    }
    out
}

/// Escapes the text of a quoted Mermaid label with Mermaid's entity codes, touching only what
/// Mermaid would misread: `"`, backticks, `<`, `>`, a `#` or `&` that would start an entity,
/// `$$` (maths) and `%%` (directives). Line breaks are the caller's business.
pub fn mermaid_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let next = chars.get(i + 1).copied();
        let prev = i.checked_sub(1).map(|p| chars[p]);
        match c {
            '"' => out.push_str("#quot;"),
            '`' => out.push_str("#96;"),
            '<' => out.push_str("#lt;"),
            '>' => out.push_str("#gt;"),
            '#' if starts_entity(&chars[i + 1..], false) => out.push_str("#35;"),
            '&' if starts_entity(&chars[i + 1..], true) => out.push_str("#amp;"),
            '$' if next == Some('$') || prev == Some('$') => out.push_str("#36;"),
            '%' if next == Some('%') || prev == Some('%') => out.push_str("#37;"),
            c if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}') => {
                out.push_str(&format!("#{};", u32::from(c)));
            }
            _ => out.push(c),
        }
    }
    guard_style_rewrite(&out)
}

/// Mermaid cuts the last `;` of any line matching `/style.*:\S*#.*;/` (or `classDef…`) before
/// it decodes entity codes. Within a label, that takes `style`/`classDef`, then a `:` followed
/// without a space by a `#`: write such a `:` as `#58;` (scanning from the end, since each
/// `#58;` adds a `#`). A node id holding `style` is caught by the output check instead.
fn guard_style_rewrite(escaped: &str) -> String {
    let keyword_end = ["style", "classDef"]
        .iter()
        .filter_map(|k| escaped.find(k).map(|i| i + k.len()))
        .min();
    let Some(keyword_end) = keyword_end else {
        return escaped.to_string();
    };
    let mut out: Vec<String> = Vec::with_capacity(escaped.len());
    let mut hash_ahead = false;
    for (i, c) in escaped.char_indices().rev() {
        if c.is_whitespace() {
            hash_ahead = false;
        }
        if c == ':' && hash_ahead && i >= keyword_end {
            out.push("#58;".into());
            continue;
        }
        if c == '#' {
            hash_ahead = true;
        }
        out.push(c.to_string());
    }
    out.reverse();
    out.concat()
}

/// Whether `rest` (after a `#` or `&`) reads as an entity body: word characters (and `#` for
/// HTML's numeric references) then `;`.
fn starts_entity(rest: &[char], html: bool) -> bool {
    let body = rest
        .iter()
        .enumerate()
        .take_while(|(i, c)| {
            c.is_ascii_alphanumeric() || **c == '_' || (html && *i == 0 && **c == '#')
        })
        .count();
    body > 0 && rest.get(body) == Some(&';')
}

/// A Mermaid label from lines: each line escaped, joined with `<br/>` (the `style` guard of
/// [`mermaid_text`] applied again across the joins).
pub fn mermaid_label(lines: &[String]) -> String {
    guard_style_rewrite(
        &lines
            .iter()
            .map(|l| mermaid_text(l))
            .collect::<Vec<_>>()
            .join("<br/>"),
    )
}

/// Whether an edge label can be written bare (`-.label.->`, `|label|`): plain ASCII words, none
/// of them a Mermaid keyword such as `end`.
pub fn is_plain_edge_label(text: &str) -> bool {
    !text.is_empty()
        && text.split(' ').all(|w| {
            !w.is_empty()
                && w.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
                && personamap_spec::rules::reserved_keyword(w).is_none()
        })
}

/// A YAML scalar for a frontmatter string: plain when unambiguous, else double-quoted
/// (a JSON string is a valid YAML double-quoted scalar).
pub fn yaml_string(s: &str) -> String {
    const RESERVED: [&str; 22] = [
        "true", "false", "yes", "no", "on", "off", "null", "y", "n", "True", "False", "Yes", "No",
        "On", "Off", "Null", "TRUE", "FALSE", "YES", "NO", "NULL", "~",
    ];
    let plain = s.starts_with(|c: char| c.is_alphabetic() || c == '/' || c == '_')
        && !s.ends_with(' ')
        && !RESERVED.contains(&s)
        && s.chars().all(|c| {
            c.is_alphanumeric()
                || " _./-,()'?!".contains(c)
                || (!c.is_ascii()
                    && !c.is_control()
                    && c != '\u{feff}'
                    && c != '\u{2028}'
                    && c != '\u{2029}'
                    && c != '\u{85}')
        });
    if plain { s.to_string() } else { js_string(s) }
}

/// A YAML mapping key: plain when it is a simple name, else single-quoted (`'og:image'`).
pub fn yaml_key(k: &str) -> String {
    if !k.is_empty()
        && k.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    {
        k.to_string()
    } else if k
        .chars()
        .any(|c| c.is_control() || matches!(c, '\u{feff}' | '\u{2028}' | '\u{2029}' | '\u{85}'))
    {
        // Single quotes cannot hold line breaks or control characters; JSON escapes them.
        js_string(k)
    } else {
        format!("'{}'", k.replace('\'', "''"))
    }
}

/// A JSX attribute value: `"text"` when JSX reads it verbatim, else a `{"…"}` expression (JSX
/// decodes `&…;` references in attribute strings and cannot escape `"`).
pub fn jsx_attr(s: &str) -> String {
    if s.contains(['"', '&', '\n', '\r']) {
        format!("{{{}}}", js_string(s))
    } else {
        format!("\"{s}\"")
    }
}

/// A double-quoted JavaScript (and JSON) string literal.
pub fn js_string(s: &str) -> String {
    serde_json::Value::String(s.to_string()).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prose_keeps_jsx_comment_blocks() {
        let text = "a {b}\n\n{/* note {x}\n  more */}\n\n\nc {d}\n{/* x */} y";
        assert_eq!(
            mdx_prose(text),
            "a \\{b\\}\n\n{/* note {x}\n  more */}\n\n\nc \\{d\\}\n\\{/* x */\\} y"
        );
        assert_eq!(comment_block("{/* a */}\nb"), Some(10));
        assert_eq!(comment_block("  {/* a */}"), Some(11));
        assert_eq!(comment_block("{/* a */ x}"), None);
        assert_eq!(comment_block("{/* a */} b"), None);
        assert_eq!(comment_block("{/* a"), None);
    }

    #[test]
    fn prose_escapes_outside_code_only() {
        assert_eq!(mdx_prose("a {b} <c> `{d}` e"), "a \\{b\\} \\<c> `{d}` e");
        assert_eq!(mdx_prose("``a ` {``"), "``a ` {``");
        assert_eq!(mdx_prose("`open {"), "`open \\{");
        assert_eq!(
            mdx_prose("```js\n{x}\n```\n{y}\n"),
            "```js\n{x}\n```\n\\{y\\}\n"
        );
        assert_eq!(mdx_prose("already \\{ok"), "already \\{ok");
        assert_eq!(
            mdx_prose("export it\nimport this"),
            "&#101;xport it\nimport this"
        );
    }

    #[test]
    fn mermaid_escapes_only_what_breaks() {
        assert_eq!(
            mermaid_text("Pricing & rate limits"),
            "Pricing & rate limits"
        );
        assert_eq!(mermaid_text("(post-#3641)"), "(post-#3641)");
        assert_eq!(
            mermaid_text("#35; &amp; \"q\" `b` <i> $$x$$ %%{"),
            "#35;35; #amp;amp; #quot;q#quot; #96;b#96; #lt;i#gt; #36;#36;x#36;#36; #37;#37;{"
        );
    }

    #[test]
    fn hazards_found_by_the_property_tests() {
        // An unclosed fence is closed where the prose ends; any indent opens a fence in MDX.
        assert_eq!(mdx_prose("```\n{x}"), "```\n{x}\n```");
        assert_eq!(
            mdx_prose("    ```\n{x}\n    ```\n{y}"),
            "    ```\n{x}\n    ```\n\\{y\\}"
        );
        assert_eq!(mdx_prose("```a`b {x}"), "```a`b \\{x\\}");
        assert_eq!(mdx_inline("```"), "```");
        // Mermaid's `style…:…#…;` rewrite, control characters, keywords and non-ASCII words.
        assert_eq!(mermaid_text("style a:<b"), "style a#58;#lt;b");
        assert_eq!(mermaid_text("a:<b"), "a:#lt;b");
        assert_eq!(
            mermaid_label(&["style x:".into(), "<".into()]),
            "style x#58;<br/>#lt;"
        );
        assert_eq!(mermaid_text("a\tb"), "a#9;b");
        assert!(!is_plain_edge_label("end"));
        assert!(!is_plain_edge_label("café"));
        assert_eq!(yaml_key("a\nb"), "\"a\\nb\"");
    }

    #[test]
    fn yaml_quotes_when_needed() {
        assert_eq!(yaml_string("Infra Stack"), "Infra Stack");
        assert_eq!(yaml_string("a: b"), "\"a: b\"");
        assert_eq!(yaml_string("yes"), "\"yes\"");
        assert_eq!(yaml_string("#x"), "\"#x\"");
        assert_eq!(yaml_key("og:image"), "'og:image'");
    }

    #[test]
    fn table_cells_escape_pipes() {
        assert_eq!(table_cell("a | b"), "a \\| b");
        assert_eq!(table_cell("# x"), "\\# x");
    }
}
