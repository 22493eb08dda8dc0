//! A persona's title, `Persona N – name ("nickname")`: as a heading (inline MDX) and as a tab
//! title (plain text, since a JSX attribute shows its text as it is). The name and nickname
//! are inline Markdown, each read on its own: a lone `*` in the name never pairs with one in
//! the nickname, and a nickname ending in `\` keeps it.

use markdown::mdast::Node;
use markdown::{Constructs, ParseOptions};
use personamap_syntax::mdx::{Inline, inline_pieces, mdx_inline_after};

/// The heading text (after `## `) for persona `number`, as MDX.
pub fn heading(number: u32, name: &str, nickname: Option<&str>) -> String {
    let mut out = format!("Persona {number} – {}", isolated(name));
    // A blank nickname is none.
    if let Some(nick) = nickname.filter(|n| !n.trim_matches([' ', '\t', '\n', '\r']).is_empty()) {
        out.push_str(&format!(" (\"{}\")", isolated(nick)));
    }
    out
}

/// The tab title: what a reader sees of [`heading`], as plain text.
pub fn tab_title(number: u32, name: &str, nickname: Option<&str>) -> String {
    let heading = heading(number, name, nickname);
    if !heading.contains(MARKUP) {
        return heading;
    }
    match personamap_syntax::mdast::parse(&for_parse(&heading), &options()) {
        Ok(tree) => {
            let mut text = String::new();
            plain_text(&tree, &heading, &mut text);
            text.trim_matches([' ', '\t']).to_string()
        }
        Err(_) => heading,
    }
}

/// Characters that can make inline Markdown read other than as written (`{`, `}` and `<` are
/// escaped by [`mdx_inline_after`], so they count too).
const MARKUP: [char; 12] = ['\\', '*', '_', '~', '[', ']', '`', '$', '&', '{', '}', '<'];

/// Delimiters that could pair with one outside the text: written `\x` where they are literal.
const DELIMITERS: [char; 7] = ['*', '_', '~', '[', ']', '`', '$'];

/// Inline MDX as Mintlify reads it, formulas (`$x$`, remark-math) included.
fn options() -> ParseOptions {
    ParseOptions {
        constructs: Constructs {
            gfm_table: false,
            math_text: true,
            ..Constructs::mdx()
        },
        ..ParseOptions::default()
    }
}

/// `text` as inline MDX ([`mdx_inline_after`]) that reads the same next to other text: every
/// delimiter it shows as a literal character is backslash-escaped, and a trailing lone `\`
/// is doubled (before a `"` it would escape the quote).
fn isolated(text: &str) -> String {
    // Readers are shown U+FFFD for NUL (Markdown's rule), and it counts as a symbol next to
    // a delimiter.
    // Line ends at its edges are blank lines of Markdown: they go, like spaces there.
    let text = text.trim_matches([' ', '\t', '\n', '\r']);
    let escaped = mdx_inline_after(&text.replace('\0', "\u{fffd}"));
    if !escaped.contains(MARKUP) {
        return escaped;
    }
    // Read in the middle of a paragraph, so that line-start syntax (`# `, `- `) stays text.
    const LEAD: &str = "a ";
    let source = format!("{LEAD}{escaped}");
    let mut literal: Vec<(usize, usize)> = Vec::new();
    match personamap_syntax::mdast::parse(&for_parse(&source), &options()) {
        Ok(tree) => text_ranges(&tree, &mut literal),
        Err(_) => return escaped,
    }
    let is_literal = |at: usize| {
        literal
            .iter()
            .any(|(s, e)| (*s..*e).contains(&(at + LEAD.len())))
    };
    let mut out = String::with_capacity(escaped.len() + 4);
    let mut chars = escaped.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if c == '\\' {
            match chars.peek() {
                Some(&(_, next)) if next.is_ascii_punctuation() => {
                    out.push(c);
                    out.push(next);
                    chars.next();
                }
                Some(_) => out.push(c),
                None => out.push_str("\\\\"),
            }
            continue;
        }
        if DELIMITERS.contains(&c) && is_literal(at) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// `source` as markdown-rs must see it to pair delimiters as MDX (micromark) does: after an
/// escaped `*`, `_` or `~` markdown-rs misjudges the next run (`\\**b**` gets no emphasis), so
/// each such escape becomes `..`, which flanks alike and keeps every offset.
fn for_parse(source: &str) -> String {
    let mut out = String::with_capacity(source.len());
    for piece in inline_pieces(source) {
        match piece {
            Inline::Escape("\\*" | "\\_" | "\\~") => out.push_str(".."),
            Inline::Code(s) | Inline::Escape(s) => out.push_str(s),
            Inline::Char(_, c) => out.push(c),
        }
    }
    out
}

/// The source ranges of the text nodes under `node`, except in links (delimiters in a link's
/// text pair only inside it; an autolink's text is its address).
fn text_ranges(node: &Node, out: &mut Vec<(usize, usize)>) {
    match node {
        Node::Text(t) => {
            if let Some(p) = &t.position {
                out.push((p.start.offset, p.end.offset));
            }
            return;
        }
        Node::Link(_) => return,
        _ => {}
    }
    for child in node.children().into_iter().flatten() {
        text_ranges(child, out);
    }
}

/// The text a reader sees of `node` (parsed from [`for_parse`] of `source`): text, code,
/// image descriptions; breaks as spaces. Text comes from `source` itself, its backslash
/// escapes and character references decoded.
fn plain_text(node: &Node, source: &str, out: &mut String) {
    match node {
        Node::Text(t) => match &t.position {
            Some(p) => decode(&source[p.start.offset..p.end.offset], out),
            None => out.push_str(&t.value),
        },
        Node::InlineCode(c) => out.push_str(&c.value),
        // A formula shows in a plain-text title as written, its `$`s included.
        Node::InlineMath(m) => match &m.position {
            Some(p) => out.push_str(&source[p.start.offset..p.end.offset]),
            None => out.push_str(&m.value),
        },
        Node::Image(i) => out.push_str(&i.alt),
        Node::Break(_) => out.push(' '),
        // Comments and expressions show nothing; footnote calls gather at the page's end.
        Node::MdxTextExpression(_) | Node::FootnoteReference(_) => {}
        _ => {
            for child in node.children().into_iter().flatten() {
                plain_text(child, source, out);
            }
        }
    }
}

/// Text as Markdown shows it: `\\*` is `*`, `&amp;` is `&`, `&#35;` is `#`.
fn decode(text: &str, out: &mut String) {
    let mut rest = text;
    while let Some(at) = rest.find(['\\', '&']) {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        if let Some(c) = rest[1..].chars().next().filter(|_| rest.starts_with('\\'))
            && c.is_ascii_punctuation()
        {
            out.push(c);
            rest = &rest[2..];
        } else if let Some((decoded, len)) = reference(rest) {
            out.push_str(&decoded);
            rest = &rest[len..];
        } else {
            out.push_str(&rest[..1]);
            rest = &rest[1..];
        }
    }
    out.push_str(rest);
}

/// The character reference `text` starts with (`&name;`, `&#123;`, `&#x7B;`): its text and
/// length.
fn reference(text: &str) -> Option<(String, usize)> {
    let body = text.strip_prefix('&')?;
    let end = body.find(';')?;
    let name = &body[..end];
    let decoded = if let Some(hex) = name
        .strip_prefix(['#'])
        .and_then(|n| n.strip_prefix(['x', 'X']))
    {
        (!hex.is_empty() && hex.len() <= 6 && hex.chars().all(|c| c.is_ascii_hexdigit()))
            .then(|| markdown::decode_numeric(hex, 16))
    } else if let Some(dec) = name.strip_prefix('#') {
        (!dec.is_empty() && dec.len() <= 7 && dec.chars().all(|c| c.is_ascii_digit()))
            .then(|| markdown::decode_numeric(dec, 10))
    } else {
        (!name.is_empty() && name.len() <= 31 && name.chars().all(|c| c.is_ascii_alphanumeric()))
            .then(|| markdown::decode_named(name, true))
            .flatten()
    }?;
    Some((decoded, end + 2))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_and_nickname_never_pair_their_delimiters() {
        // A lone `*` in each would make one emphasis across the `("`.
        assert_eq!(
            heading(2, "a *b", Some("c *d")),
            "Persona 2 – a \\*b (\"c \\*d\")"
        );
        assert_eq!(
            tab_title(2, "a *b", Some("c *d")),
            "Persona 2 – a *b (\"c *d\")"
        );
        // Markdown that pairs within its own text stays Markdown.
        assert_eq!(heading(1, "**b**j `x`", None), "Persona 1 – **b**j `x`");
        assert_eq!(
            heading(1, "[a", Some("](x)")),
            "Persona 1 – \\[a (\"\\](x)\")"
        );
    }

    #[test]
    fn delimiters_pair_as_mdx_pairs_them() {
        // After an escaped `*`, and next to NUL (U+FFFD to readers, a symbol).
        assert_eq!(heading(2, "\\**b**@", None), "Persona 2 – \\**b*\\*@");
        assert_eq!(tab_title(2, "\\**b**@", None), "Persona 2 – *b*@");
        assert_eq!(heading(1, "_i_\0", None), "Persona 1 – _i_\u{fffd}");
        assert_eq!(tab_title(1, "_i_\0", None), "Persona 1 – i\u{fffd}");
        assert_eq!(
            tab_title(1, "&#35; &#x7B; &copy; &bogus; `\\*`", None),
            "Persona 1 – # { © &bogus; \\*"
        );
    }

    #[test]
    fn a_trailing_backslash_is_kept() {
        assert_eq!(heading(1, "n", Some("C:\\")), "Persona 1 – n (\"C:\\\\\")");
        assert_eq!(tab_title(1, "n", Some("C:\\")), "Persona 1 – n (\"C:\\\")");
    }

    #[test]
    fn formulas_stay_as_written() {
        // Mintlify reads `$…$` as maths: nothing inside is escaped, and the tab shows it.
        assert_eq!(heading(1, "$a*b$ {c}", None), "Persona 1 – $a*b$ \\{c\\}");
        assert_eq!(tab_title(1, "$a*b*${c}", None), "Persona 1 – $a*b*${c}");
        // A lone `$` in the name never pairs with one in the nickname.
        assert_eq!(heading(1, "a$", Some("b$")), "Persona 1 – a\\$ (\"b\\$\")");
    }

    #[test]
    fn tab_titles_show_what_the_heading_shows() {
        assert_eq!(
            tab_title(3, "**b**j", Some("$+`x`")),
            "Persona 3 – bj (\"$+x\")"
        );
        assert_eq!(
            tab_title(1, "&amp; a\\]", Some(" #%%\n")),
            "Persona 1 – & a] (\"#%%\")"
        );
        assert_eq!(
            tab_title(1, "QH\\{/* c */}", None),
            "Persona 1 – QH{/* c */}"
        );
        assert_eq!(tab_title(1, "a_b_ c", None), "Persona 1 – a_b_ c");
        assert_eq!(tab_title(7, "Every one #", None), "Persona 7 – Every one #");
        assert_eq!(tab_title(1, "a", Some(" \n")), "Persona 1 – a");
        // Markdown strips spaces and tabs around a heading's text, not other white space.
        assert_eq!(
            tab_title(1, "a\u{a0}", Some("\u{3000}b ")),
            "Persona 1 – a\u{a0} (\"\u{3000}b\")"
        );
    }
}
