//! MDX and Markdown, both ways: prose, headings and GFM table cells escaped for MDX as
//! Mintlify reads them (GFM and maths on), plain text escaped to read as written, the pieces
//! both directions share (fences, code spans, JSX comments), and in [`unescape`] the reader
//! that turns what the writer wrote back into the spec's Markdown.

pub mod components;
pub mod unescape;

/// Escapes Markdown prose for MDX: `{`, `}` and `<` outside code and formulas become `\{`, `\}`
/// and `\<`, and a line that starts with `import` or `export` (MDX reads it as ES module code
/// after a blank line, a heading, a rule or a table) gets its first letter as an expression,
/// `{"e"}xport`, which Mintlify's prebuild reprints as it is (a character reference such as
/// `&#101;` comes back as a bare `e`). Code and formulas are found by markdown-rs reading the
/// prose as MDX reads Markdown once those three characters are escaped (GFM and maths on; no
/// raw HTML, angle autolinks or indented code), so they are exactly where MDX sees them. JSX
/// comments stay as written: blocks (`{/* … */}` on lines of their own) and well-formed
/// comments inside a paragraph ([`inline_comment`]). A fence or formula block left open at the
/// end is closed there, inside its blockquote or list item. Everything else is left as the
/// author wrote it.
pub fn mdx_prose(text: &str) -> String {
    if written_as_is(text) {
        return text.to_string();
    }
    escape_prose(text)
}

/// Whether [`mdx_prose`] writes `text` unchanged, whatever code or formulas it holds: it has
/// none of the characters escaped outside them (`{`, `}`, `<`), no fence or formula block that
/// could be left open (```` ``` ````, `~~~`, `$$`), and no line starting with an ES module
/// keyword. Then it is not read as Markdown at all (markdown-rs: most of the time a page's
/// prose takes).
fn written_as_is(text: &str) -> bool {
    !text.contains(['{', '}', '<'])
        && !text.contains("```")
        && !text.contains("~~~")
        && !text.contains("$$")
        && !text
            .split('\n')
            .any(|l| esm_keyword(l.trim_start_matches([' ', '\t'])).is_some())
}

/// [`mdx_prose`] with the code and formulas markdown-rs finds.
fn escape_prose(text: &str) -> String {
    let verbatim = Verbatim::read(text);
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len() + 8);
    let mut spans = verbatim.spans.iter().peekable();
    // Whether only spaces and tabs come before `i` on its line.
    let mut line_start = true;
    let mut i = 0;
    while i < text.len() {
        while spans.next_if(|(s, _)| s.end <= i).is_some() {}
        if let Some((span, kind)) = spans.peek().filter(|(s, _)| s.start <= i) {
            match kind {
                Kind::Inline => inline_code(&text[i..span.end], &mut out),
                // One line: MDX refuses a lazy line (one without its quote's `>` or its list
                // item's indent) in an expression, and tries a line starting with `<` as JSX.
                // On one line in a container: MDX refuses a lazy line (one without its quote's
                // `>` or its item's indent) inside an expression.
                Kind::InlineComment(true) => one_line(&text[i..span.end], &mut out),
                Kind::InlineComment(false) => inline_code(&text[i..span.end], &mut out),
                Kind::Comment => block_comment(&text[i..span.end], &mut out),
                Kind::Flow => out.push_str(&text[i..span.end]),
            }
            line_start = text[i..span.end].ends_with('\n');
            i = span.end;
            continue;
        }
        if line_start && let Some((_, guard)) = esm_keyword(&text[i..]) {
            out.push('{');
            out.push_str(guard);
            out.push('}');
            line_start = false;
            i += 1;
            continue;
        }
        let c = text[i..].chars().next().unwrap_or('\u{fffd}');
        match c {
            '\\' if bytes.get(i + 1).is_some_and(u8::is_ascii_punctuation) => {
                out.push_str(&text[i..i + 2]);
                line_start = false;
                i += 2;
                continue;
            }
            '{' | '}' | '<' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
        line_start = c == '\n' || (line_start && (c == ' ' || c == '\t'));
        i += c.len_utf8();
    }
    if let Some(closer) = verbatim.closer {
        if !out.ends_with('\n') {
            out.push('\n');
        }
        out.push_str(&closer);
    }
    out
}

/// The inline formulas of literal prose that open with a single `$` (`$5 to $` in
/// `Budget: $5 to $10 per seat.`): Mintlify reads them as maths (remark-math), and
/// [`mdx_prose`] keeps every formula as written. Byte ranges, in order; a `$$…$$` formula,
/// which no one writes by accident, is left out.
pub fn inline_maths(text: &str) -> Vec<std::ops::Range<usize>> {
    if !text.contains('$') {
        return Vec::new();
    }
    Verbatim::read(text)
        .spans
        .into_iter()
        .filter(|(span, kind)| {
            *kind == Kind::Inline
                && text[span.clone()].starts_with('$')
                && !text[span.clone()].starts_with("$$")
        })
        .map(|(span, _)| span)
        .collect()
}

/// The ES module keywords MDX reads at the start of a line, each with the expression
/// [`mdx_prose`] writes in place of its first letter (`{"i"}mport`): Mintlify's prebuild
/// reprints the expression as it is, where a character reference (`&#105;`) would come back as
/// a bare letter.
pub const ESM_GUARDS: [(&str, &str); 2] = [("import", "\"i\""), ("export", "\"e\"")];

/// The keyword of [`ESM_GUARDS`] that `text` starts with, and its guard.
fn esm_keyword(text: &str) -> Option<(&'static str, &'static str)> {
    ESM_GUARDS.into_iter().find(|(k, _)| text.starts_with(k))
}

/// The Markdown constructs of an MDX page as Mintlify reads it: MDX, frontmatter, GFM tables
/// and maths (remark-math).
pub fn page_constructs() -> markdown::Constructs {
    markdown::Constructs {
        frontmatter: true,
        gfm_table: true,
        math_flow: true,
        math_text: true,
        ..markdown::Constructs::mdx()
    }
}

/// Copies an inline code span or formula. When a line inside it starts with `<` or `{`, its
/// lines are joined into its first (a line ending in code shows as a space), since MDX tries
/// such a line as JSX or an expression before it reads the paragraph, and fails; joining into
/// the first line, which starts mid-line, never makes a later line start a block.
fn inline_code(code: &str, out: &mut String) {
    let jsx = code.split('\n').skip(1).any(|l| {
        l.trim_start_matches([' ', '\t', '>'])
            .starts_with(['<', '{'])
    });
    if jsx {
        one_line(code, out);
    } else {
        out.push_str(code);
    }
}

/// Copies a JSX comment block. An indented one (perhaps in a list item) with a later line
/// indented less goes on one line: MDX refuses a lazy line inside an expression in a container.
fn block_comment(comment: &str, out: &mut String) {
    let indent = |l: &str| l.len() - l.trim_start_matches([' ', '\t']).len();
    let body = comment.trim_end_matches(['\n', '\r']);
    let first = indent(body);
    let lazy = first > 0
        && body
            .split('\n')
            .skip(1)
            .any(|l| !l.trim().is_empty() && indent(l) < first);
    if lazy {
        one_line(body, out);
        out.push_str(&comment[body.len()..]);
    } else {
        out.push_str(comment);
    }
}

/// `text` on one line: each line ending, with the next line's container prefix and indent,
/// becomes one space.
fn one_line(text: &str, out: &mut String) {
    let mut lines = text.split('\n');
    out.push_str(lines.next().unwrap_or("").trim_end_matches('\r'));
    for line in lines {
        out.push(' ');
        out.push_str(
            line.trim_start_matches([' ', '\t', '>'])
                .trim_end_matches('\r'),
        );
    }
}

/// Markdown as MDX reads prose whose `{`, `}` and `<` are escaped: GFM and maths, no raw
/// HTML, angle autolinks or indented code.
fn prose_options() -> markdown::ParseOptions {
    markdown::ParseOptions {
        constructs: markdown::Constructs {
            math_flow: true,
            math_text: true,
            html_flow: false,
            html_text: false,
            autolink: false,
            code_indented: false,
            ..markdown::Constructs::gfm()
        },
        ..markdown::ParseOptions::default()
    }
}

/// Whether markdown-rs can read `text` as prose; `None` when it can, else why not. Only a
/// fenced block can make it fail ([`crate::mdast::Unread::Panicked`]).
pub fn prose_unreadable(text: &str) -> Option<crate::mdast::Unread> {
    if !(text.contains("```") || text.contains("~~~") || text.contains("$$")) {
        return None;
    }
    crate::mdast::parse(&as_in_page(text), &prose_options()).err()
}

/// `text` to be read as it is in a page: markdown-rs drops a byte order mark that starts a
/// document, but the prose is mid-page, where it is a character like a letter; it is read as
/// one of the same length.
fn as_in_page(text: &str) -> std::borrow::Cow<'_, str> {
    match text.strip_prefix('\u{feff}') {
        Some(rest) => std::borrow::Cow::Owned(format!("\u{a66e}{rest}")),
        None => std::borrow::Cow::Borrowed(text),
    }
}

/// What [`mdx_prose`] copies as written: code, formulas and JSX comments, in order.
struct Verbatim {
    /// Byte ranges of `text` and what they hold, sorted and disjoint.
    spans: Vec<(std::ops::Range<usize>, Kind)>,
    /// The closing fence (with its container prefix) of a fence or formula block left open at
    /// the end of the text.
    closer: Option<String>,
}

impl Verbatim {
    /// Finds code and formulas with markdown-rs, comments by hand; each depends on the other
    /// (a comment may hold a backtick, a code span a `{/*`), so both are read again until they
    /// agree, from the left as MDX reads them.
    fn read(text: &str) -> Verbatim {
        let mut comments: Vec<Comment> = Vec::new();
        // Without these characters there is no code, formula or comment to find.
        if !text.contains(['`', '~', '$', '{']) {
            return Verbatim {
                spans: Vec::new(),
                closer: None,
            };
        }
        let mut code = Code::read(text);
        // A comment inside a paragraph cannot run out of it (MDX splits blocks before it reads
        // expressions): paragraphs as the text without comments masked shows them.
        let blocks = std::mem::take(&mut code.text_blocks);
        for _ in 0..4 {
            let found = find_comments(text, &code, &blocks);
            if found == comments {
                break;
            }
            comments = found;
            code = Code::read(&masked(text, &comments));
        }
        let mut spans = code.spans.clone();
        spans.extend(comments.iter().map(|c| {
            let kind = if c.block {
                Kind::Comment
            } else {
                Kind::InlineComment(c.contained)
            };
            (c.range.clone(), kind)
        }));
        spans.sort_by_key(|(r, _)| r.start);
        // Keep them disjoint (a comment found after the last reading may overlap code).
        let mut disjoint: Vec<(std::ops::Range<usize>, Kind)> = Vec::with_capacity(spans.len());
        for (span, kind) in spans {
            match disjoint.last_mut() {
                Some((last, k)) if span.start < last.end => {
                    last.end = last.end.max(span.end);
                    *k = Kind::Comment;
                }
                _ => disjoint.push((span, kind)),
            }
        }
        Verbatim {
            spans: disjoint,
            closer: code.closer(text),
        }
    }
}

/// What a verbatim range holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// A fenced code or formula block.
    Flow,
    /// A code span or an inline formula.
    Inline,
    /// A JSX comment inside a paragraph, and whether that is in a list item or blockquote.
    InlineComment(bool),
    /// A JSX comment block (or a comment overlapping code).
    Comment,
}

/// A JSX comment: its byte range and whether it is a block (lines of its own).
#[derive(Clone, Debug, PartialEq, Eq)]
struct Comment {
    range: std::ops::Range<usize>,
    block: bool,
    /// An inline comment in a list item or blockquote (whose lines MDX refuses lazy).
    contained: bool,
}

/// `text` with its comments hidden from Markdown, offsets kept: a block becomes blank lines,
/// an inline comment a punctuation character (U+2E4F, then commas), as MDX shows neither.
fn masked(text: &str, comments: &[Comment]) -> String {
    if comments.is_empty() {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for c in comments {
        out.push_str(&text[at..c.range.start]);
        let body = &text[c.range.clone()];
        if c.block {
            out.extend(body.bytes().map(|b| if b == b'\n' { '\n' } else { ' ' }));
        } else {
            // A comment is at least `{/**/}`: six bytes.
            out.push('\u{2e4f}');
            out.extend(std::iter::repeat_n(',', body.len() - '\u{2e4f}'.len_utf8()));
        }
        at = c.range.end;
    }
    out.push_str(&text[at..]);
    out
}

/// The comments of `text` outside `code`, from the left: a block when it stands on lines of
/// its own (MDX reads it as a flow expression even right after a paragraph's line, which it
/// ends), else a well-formed comment inside a paragraph.
fn find_comments(text: &str, code: &Code, blocks: &[TextBlock]) -> Vec<Comment> {
    let inline = |start: usize, len: usize| {
        let i = blocks.partition_point(|b| b.range.start <= start);
        (i > 0 && blocks[i - 1].range.end >= start + len).then(|| Comment {
            range: start..start + len,
            block: false,
            contained: blocks[i - 1].contained,
        })
    };
    let bytes = text.as_bytes();
    let mut out: Vec<Comment> = Vec::new();
    let mut spans = code.spans.iter().peekable();
    // The start of `i`'s line, and whether only spaces and tabs come before `i` on it.
    let mut line = 0;
    let mut blank = true;
    let mut i = 0;
    while i < text.len() {
        while spans.next_if(|(s, _)| s.end <= i).is_some() {}
        if let Some((span, _)) = spans.peek().filter(|(s, _)| s.start <= i) {
            if let Some(n) = text[i..span.end].rfind('\n') {
                line = i + n + 1;
            }
            blank = line == span.end;
            i = span.end;
            continue;
        }
        let found = match bytes[i] {
            b'\\' if bytes.get(i + 1).is_some_and(u8::is_ascii_punctuation) => {
                blank = false;
                i += 2;
                continue;
            }
            b'{' if blank => comment_block(&text[line..])
                .map(|len| Comment {
                    range: line..line + len,
                    block: true,
                    contained: false,
                })
                .or_else(|| inline_comment(&text[i..]).and_then(|len| inline(i, len))),
            b'{' => inline_comment(&text[i..]).and_then(|len| inline(i, len)),
            _ => None,
        };
        if let Some(comment) = found {
            let end = comment.range.end;
            out.push(comment);
            if let Some(n) = text[i..end].rfind('\n') {
                line = i + n + 1;
            }
            blank = line == end;
            i = end;
            continue;
        }
        match bytes[i] {
            b'\n' => {
                line = i + 1;
                blank = true;
            }
            b' ' | b'\t' => {}
            _ => blank = false,
        }
        i += 1;
    }
    out
}

/// Works around markdown-rs ending a list item or blockquote at a lazy line that is only a
/// run of one or two backticks or tildes, or one `$` (micromark, which MDX uses, reads it as the
/// paragraph's next line, and such a line can be nothing else): the line break before each
/// such line right after a paragraph in a container becomes spaces, offsets kept. Whether any
/// was joined.
fn join_lazy_runs(text: &mut String, blocks: &[TextBlock]) -> bool {
    let mut breaks = Vec::new();
    for block in blocks.iter().filter(|b| b.contained && b.paragraph) {
        let rest = &text[block.range.end..];
        let eol = if rest.starts_with("\r\n") {
            2
        } else if rest.starts_with(['\n', '\r']) {
            1
        } else {
            continue;
        };
        let line = rest[eol..].split(['\n', '\r']).next().unwrap_or("");
        let run = line.trim_matches([' ', '\t']);
        let lone_run = matches!(run, "`" | "``" | "~" | "~~" | "$");
        if lone_run {
            breaks.push(block.range.end..block.range.end + eol);
        }
    }
    for range in &breaks {
        text.replace_range(range.clone(), &" ".repeat(range.len()));
    }
    !breaks.is_empty()
}

/// Code and formulas as markdown-rs reads them, in order.
#[derive(Default)]
struct Code {
    spans: Vec<(std::ops::Range<usize>, Kind)>,
    /// Paragraphs, headings and table cells: where inline comments may be.
    text_blocks: Vec<TextBlock>,
}

/// A paragraph, heading or table cell.
struct TextBlock {
    range: std::ops::Range<usize>,
    /// Whether it is in a list item or blockquote.
    contained: bool,
    /// Whether it is a paragraph (the only block a lazy line continues).
    paragraph: bool,
}

impl Code {
    /// Reads `text` (comments masked) as MDX reads Markdown whose `{`, `}` and `<` are escaped.
    fn read(text: &str) -> Code {
        let options = prose_options();
        let mut text = as_in_page(text).into_owned();
        let mut code = Code::default();
        for _ in 0..8 {
            code = Code::default();
            // Without MDX constructs, markdown-rs reads any text, unless it panics (then the
            // compile has refused the text: see [`prose_unreadable`]) and all of it is escaped.
            if let Ok(tree) = crate::mdast::parse(&text, &options) {
                code.collect(&tree, false);
            }
            code.spans.sort_by_key(|(r, _)| r.start);
            code.text_blocks.sort_by_key(|b| b.range.start);
            if !join_lazy_runs(&mut text, &code.text_blocks) {
                break;
            }
        }
        code
    }

    fn collect(&mut self, node: &markdown::mdast::Node, contained: bool) {
        use markdown::mdast::Node;
        let kind = match node {
            Node::Code(_) | Node::Math(_) => Kind::Flow,
            Node::InlineCode(_) | Node::InlineMath(_) => Kind::Inline,
            _ => {
                if let (Node::Paragraph(_) | Node::Heading(_) | Node::TableCell(_), Some(p)) =
                    (node, node.position())
                {
                    self.text_blocks.push(TextBlock {
                        range: p.start.offset..p.end.offset,
                        contained,
                        paragraph: matches!(node, Node::Paragraph(_)),
                    });
                }
                let contained = contained
                    || matches!(
                        node,
                        Node::ListItem(_) | Node::Blockquote(_) | Node::FootnoteDefinition(_)
                    );
                for child in node.children().into_iter().flatten() {
                    self.collect(child, contained);
                }
                return;
            }
        };
        if let Some(p) = node.position() {
            self.spans.push((p.start.offset..p.end.offset, kind));
        }
    }

    /// The closing fence for a fence or formula block that runs to the end of `text`: the
    /// opening run, after the opening line's container prefix (`>` kept, list markers and
    /// indents as spaces).
    fn closer(&self, text: &str) -> Option<String> {
        let (span, _) = self.spans.iter().rev().find(|(_, k)| *k == Kind::Flow)?;
        let line = text[..span.start].rfind('\n').map_or(0, |n| n + 1);
        let prefix = &text[line..span.start];
        let quotes = |s: &str| s.chars().filter(|c| *c == '>').count();
        let rest = &text[span.end..];
        // A blockquote ends at a line without `>`; other fences run through blank lines.
        let open_at_end = if quotes(prefix) > 0 {
            rest.is_empty() || rest == "\n"
        } else {
            rest.trim().is_empty()
        };
        let body = &text[span.start..span.end];
        let opening = body.lines().next().unwrap_or("");
        let (ch, n, _) = fence_marker(opening.trim_start_matches([' ', '\t']))?;
        let last = body.lines().last().unwrap_or("");
        let last_text = last.trim_start_matches([' ', '\t', '>']);
        let closed = body.lines().count() > 1
            && quotes(&last[..last.len() - last_text.len()]) == quotes(prefix)
            && fence_marker(last_text)
                .is_some_and(|(c, m, rest)| c == ch && m >= n && rest.trim().is_empty());
        if closed || !open_at_end {
            return None;
        }
        // A `>` with no space after it gets one: the first space after a `>` belongs to the
        // quote, so list markers turned into spaces keep their width inside it.
        let mut closer = String::with_capacity(prefix.len() + n + 2);
        let mut chars = prefix.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '>' => {
                    closer.push('>');
                    if !chars.peek().is_some_and(|n| matches!(n, ' ' | '\t')) {
                        closer.push(' ');
                    }
                }
                '\t' => closer.push('\t'),
                _ => closer.push(' '),
            }
        }
        closer.extend(std::iter::repeat_n(ch, n));
        Some(closer)
    }
}

/// The length of the JSX comment block `{/* … */}` that `text` starts with (indent allowed),
/// through the end of its last line: the comment must end a line and hold no other `*/`.
pub fn comment_block(text: &str) -> Option<usize> {
    let body = text.trim_start_matches([' ', '\t']).strip_prefix("{/*")?;
    let close = body.find("*/")?;
    if !balanced(&body[..close]) {
        return None;
    }
    let after = body[close + 2..].strip_prefix('}')?;
    let rest = after.find('\n').map_or(after, |n| &after[..n]);
    if !rest.trim().is_empty() {
        return None;
    }
    let end = text.len() - after.len() + rest.len();
    Some(text[end..].find('\n').map_or(end, |_| end + 1))
}

/// A fence opening/closing: (character, run length, rest of line). A backtick fence's info
/// string cannot hold a backtick. Mintlify reads Markdown with maths (remark-math), so `$$` or
/// more, with no `$` after, fences a formula the same way.
pub fn fence_marker(line: &str) -> Option<(char, usize, &str)> {
    let ch = line
        .chars()
        .next()
        .filter(|c| matches!(c, '`' | '~' | '$'))?;
    let n = line.chars().take_while(|c| *c == ch).count();
    let rest = &line[n..];
    let min = if ch == '$' { 2 } else { 3 };
    (n >= min && !(matches!(ch, '`' | '$') && rest.contains(ch))).then_some((ch, n, rest))
}

/// A piece of inline Markdown, as far as MDX escaping cares.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Inline<'a> {
    /// A code span (backticks included), a formula (`$…$`, `$$…$$`: Mintlify reads maths with
    /// remark-math), or a run of backticks or `$` that opens none: verbatim.
    Code(&'a str),
    /// A backslash escape of ASCII punctuation, e.g. `\{`.
    Escape(&'a str),
    /// One character of text, at this byte offset.
    Char(usize, char),
}

/// Splits inline Markdown into code spans and formulas, backslash escapes and single
/// characters.
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
            b @ (b'`' | b'$') => {
                let n = bytes[i..].iter().take_while(|c| **c == b).count();
                let stop = find_run(&bytes[i + n..], b, n).map_or(i + n, |end| i + n + end + n);
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

/// The length of the well-formed JSX comment `{/* … */}` that `text` starts with: its text
/// holds no `*/` and balanced braces, and `*/}` closes it (on the same line or a later one of
/// the paragraph).
pub fn inline_comment(text: &str) -> Option<usize> {
    let body = text.strip_prefix("{/*")?;
    let close = body.find("*/")?;
    (balanced(&body[..close]) && body[close + 2..].starts_with('}'))
        .then_some("{/*".len() + close + "*/}".len())
}

/// Whether a comment's text keeps MDX's count of braces: MDX ends an expression at the `}`
/// that balances its `{` without reading comments, so `{/* { */}` never ends and `{/* } */}`
/// ends early; both fail to compile.
fn balanced(text: &str) -> bool {
    let mut depth = 0usize;
    for b in text.bytes() {
        match b {
            b'{' => depth += 1,
            b'}' => match depth.checked_sub(1) {
                Some(d) => depth = d,
                None => return false,
            },
            _ => {}
        }
    }
    depth == 0
}

/// Escapes `{`, `}`, `<` outside inline code spans and formulas, keeping backslash escapes as
/// written.
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

/// Offset of the next run of exactly `n` bytes `b` in `bytes`.
fn find_run(bytes: &[u8], b: u8, n: usize) -> Option<usize> {
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b {
            let run = bytes[i..].iter().take_while(|c| **c == b).count();
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
/// code spans as in [`mdx_prose`], line breaks turned into spaces, leading `#`/`>`/`-`/`+`
/// made literal (a leading `*` is left alone: it may open emphasis, and both places read it
/// mid-line) and a trailing ` #` kept (a heading would drop it as a closing sequence).
pub fn mdx_inline(text: &str) -> String {
    let escaped = mdx_inline_after(text);
    match escaped.chars().next() {
        Some(c @ ('#' | '>' | '-' | '+' | '=' | '|')) => format!("\\{c}{}", &escaped[1..]),
        _ => escaped,
    }
}

/// [`mdx_inline`] for text that does not start its line (a name inside a heading): no block
/// markers to escape, so Markdown such as `**bold**` at its start is kept.
pub fn mdx_inline_after(text: &str) -> String {
    // Markdown strips spaces and tabs around a heading's text or a cell, no other white space.
    let one_line = text
        .split(['\n', '\r'])
        .map(|l| l.trim_matches([' ', '\t']))
        .collect::<Vec<_>>()
        .join(" ");
    // Inline text never starts a block, so fences and ESM keywords mean nothing here.
    let mut escaped = escape_inline(&one_line);
    let run = escaped.len() - escaped.trim_end_matches('#').len();
    let start = escaped.len() - run;
    if run > 0 && (start == 0 || escaped[..start].ends_with([' ', '\t'])) {
        escaped.insert(start, '\\');
    }
    escaped
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

/// Plain text (a label, a title) as inline Markdown that reads back as exactly that text:
/// what Markdown, GFM, MDX or Mintlify's maths (remark-math) could read as syntax is
/// backslash-escaped (`\\`, backticks, `*`, `[`, `]`, `<`, `{`, `}`, `~`, `|`, `$`, an `&`
/// starting a character reference; `_` and `!` where they could open something; `#`,
/// `>`, `+`, `-`, `=` and `1.`-style list markers at the start), and line breaks become spaces.
pub fn markdown_text(text: &str) -> String {
    let one_line = text
        .split(['\n', '\r'])
        .map(str::trim)
        .collect::<Vec<_>>()
        .join(" ");
    let chars: Vec<char> = one_line.chars().collect();
    let leading_digits = chars.iter().take_while(|c| c.is_ascii_digit()).count();
    let mut out = String::with_capacity(one_line.len() + 8);
    for (i, &c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).map(|p| chars[p]);
        let at_start = i == 0;
        let escape = match c {
            '\\' | '`' | '*' | '[' | ']' | '<' | '{' | '}' | '~' | '|' | '$' => true,
            '&' => {
                let body = chars[i + 1..]
                    .iter()
                    .take_while(|c| c.is_ascii_alphanumeric() || **c == '#')
                    .count();
                body > 0 && chars.get(i + 1 + body) == Some(&';')
            }
            '_' => !prev.is_some_and(char::is_alphanumeric),
            '!' => chars.get(i + 1) == Some(&'['),
            '#' | '>' | '+' | '-' | '=' => at_start,
            '.' | ')' => i > 0 && i == leading_digits,
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2048, failure_persistence: None, ..ProptestConfig::default() })]

        /// The shortcut for prose written as is agrees with the walk over what markdown-rs finds.
        #[test]
        fn prose_written_as_is_is_what_the_walk_writes(
            text in proptest::collection::vec(
                proptest::sample::select(vec![
                    "a", "word ", " ", "\n", "\n\n", "\t", "`", "``", "```", "~", "~~~", "$", "$$",
                    "\\", "\\`", "*", "_", "> ", "- ", "1. ", "    ", "import", "export", "important",
                    "{", "}", "<", "<br/>", "{/* c */}", "&amp;", "#", "[x](/y)", "é", "\r\n",
                ]),
                0..24,
            ).prop_map(|v| v.concat())
        ) {
            if written_as_is(&text) {
                prop_assert_eq!(escape_prose(&text), text.clone());
            }
            prop_assert_eq!(mdx_prose(&text), escape_prose(&text));
        }
    }

    #[test]
    fn single_dollar_formulas_are_found() {
        let text = "Budget: $5 to $10 per seat.\n\n`$x$` and $$y$$ and \\$5 to \\$10.";
        assert_eq!(
            inline_maths(text),
            vec![std::ops::Range { start: 8, end: 15 }]
        );
        assert_eq!(&text[8..15], "$5 to $");
        assert_eq!(inline_maths("no maths"), []);
    }

    #[test]
    fn prose_keeps_jsx_comment_blocks() {
        let text = "a {b}\n\n{/* note {x}\n  more */}\n\n\nc {d}\n{/* x */} y";
        assert_eq!(
            mdx_prose(text),
            "a \\{b\\}\n\n{/* note {x}\n  more */}\n\n\nc \\{d\\}\n{/* x */} y"
        );
        // Inside a paragraph a well-formed comment stays; other braces are escaped.
        assert_eq!(
            mdx_prose("a {/* x {y} */} `{/*` {/* */ */} {/* z\nw */}{}"),
            "a {/* x {y} */} `{/*` \\{/* */ */\\} {/* z\nw */}\\{\\}"
        );
        assert_eq!(mdx_inline("a {/* x */}"), "a \\{/* x */\\}");
        assert_eq!(inline_comment("{/* a */} b"), Some(9));
        assert_eq!(inline_comment("{/**/}"), Some(6));
        assert_eq!(inline_comment("{/* a */ }"), None);
        // MDX counts braces without reading comments (found by the prose property test).
        assert_eq!(inline_comment("{/* {a} */}"), Some(11));
        assert_eq!(inline_comment("{/*{*/}"), None);
        assert_eq!(inline_comment("{/* } { */}"), None);
        assert_eq!(comment_block("{/* { */}"), None);
        assert_eq!(mdx_prose("{/*{*/}"), "\\{/*\\{*/\\}");
        // Nor does a comment run out of its paragraph (a heading line interrupts it).
        assert_eq!(mdx_prose("a {/*\n# b */}"), "a \\{/*\n# b */\\}");
        assert_eq!(mdx_prose("a {/*\nb */}"), "a {/*\nb */}");
        assert_eq!(mdx_prose("- {/*\r\n*/}"), "- {/* */}");
        assert_eq!(mdx_prose("{{/*\n<`*/}"), "\\{{/* <`*/}");
        assert_eq!(inline_comment("{/* a"), None);
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
            "{\"e\"}xport it\n{\"i\"}mport this"
        );
        // After a heading, a rule or a table too, and never in a blockquote's fence.
        assert_eq!(
            mdx_prose("## H\nexport const a = {1}\n***\nimport x"),
            "## H\n{\"e\"}xport const a = \\{1\\}\n***\n{\"i\"}mport x"
        );
        // A formula or code span runs across an `import` line of its paragraph (found by the
        // property test over every hostile fragment), but never out of a heading.
        assert_eq!(
            mdx_prose("$a\n\timport$l)<U`\"t$"),
            "$a\n\timport$l)\\<U`\"t$"
        );
        assert_eq!(mdx_prose("`a\nimport b` <c"), "`a\nimport b` \\<c");
        assert_eq!(mdx_prose("# a $b\nc <x $"), "# a $b\nc \\<x $");
        assert_eq!(
            mdx_prose("# `h\nimport x` <y"),
            "# `h\n{\"i\"}mport x` \\<y"
        );
        // The quote's end closes its fence (found by the property test).
        assert_eq!(mdx_prose("> ~~~i\n\n<y  iL \n"), "> ~~~i\n\n\\<y  iL \n");
        assert_eq!(mdx_prose("> ```\n> {x}\n{y}"), "> ```\n> {x}\n\\{y\\}");
        assert_eq!(
            mdx_prose("> ~~~\n> {x}\n> ~~~\n{y}"),
            "> ~~~\n> {x}\n> ~~~\n\\{y\\}"
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
    }

    #[test]
    fn plain_text_reads_as_written_in_markdown() {
        assert_eq!(markdown_text("**b**"), "\\*\\*b\\*\\*");
        assert_eq!(markdown_text("&amp; & x"), "\\&amp; & x");
        assert_eq!(markdown_text("1. x"), "1\\. x");
        assert_eq!(markdown_text("- x"), "\\- x");
        assert_eq!(markdown_text("C:\\"), "C:\\\\");
        // Mintlify reads `$…$` and `$$…$$` as maths; `\$` is a dollar sign with or without it.
        assert_eq!(markdown_text("$5 or $$x$$"), "\\$5 or \\$\\$x\\$\\$");
        assert_eq!(
            markdown_text("a_b _c_ [d](e) <f> {g}"),
            "a_b \\_c_ \\[d\\](e) \\<f> \\{g\\}"
        );
        // A heading keeps a trailing ` #`; Markdown inside a name is not escaped.
        assert_eq!(mdx_inline("C #"), "C \\#");
        assert_eq!(mdx_inline_after("**Bold** name"), "**Bold** name");
    }

    #[test]
    fn table_cells_escape_pipes() {
        assert_eq!(table_cell("a | b"), "a \\| b");
        assert_eq!(table_cell("# x"), "\\# x");
        // Emphasis at the start of a cell or heading stays emphasis.
        assert_eq!(table_cell("*s*/x"), "*s*/x");
    }

    #[test]
    fn an_open_fence_in_a_blockquote_is_closed_inside_it() {
        assert_eq!(mdx_prose(">```\n"), ">```\n> ```");
        assert_eq!(mdx_prose("> ~~~\n> a {b}"), "> ~~~\n> a {b}\n> ~~~");
    }

    #[test]
    fn code_is_where_markdown_reads_it() {
        // A fence opened outside a blockquote is not closed by a fence inside one (found by
        // the property test over every hostile fragment): it runs to the end and is closed there.
        assert_eq!(
            mdx_prose("~~~\n\n> ~~~\n> code {x} <y>\n> ~~~\n"),
            "~~~\n\n> ~~~\n> code {x} <y>\n> ~~~\n~~~"
        );
        // A quote's fence ends with the quote, even at the end of the prose.
        assert_eq!(mdx_prose("> ```\n> x\n\n"), "> ```\n> x\n\n");
        assert_eq!(mdx_prose("> ```\n> x\n"), "> ```\n> x\n> ```");
        // A top-level fence runs through blank lines; a list item's is closed inside the item.
        assert_eq!(mdx_prose("```\nx\n\n"), "```\nx\n\n```");
        assert_eq!(mdx_prose("- ```\n  {x}"), "- ```\n  {x}\n  ```");
        assert_eq!(mdx_prose("1. ~~~\n   {x}"), "1. ~~~\n   {x}\n   ~~~");
        // The first space after `>` is the quote's (found by the differential on random prose).
        assert_eq!(mdx_prose("\t>- $$~~~"), "\t>- $$~~~\n\t>   $$");
        // A lazy line of one backtick continues the item's paragraph (markdown-rs ends the item
        // there; micromark does not: found by the differential on random prose).
        assert_eq!(
            mdx_prose("1. a\n<$$\r\n`{/*\r\n`"),
            "1. a\n\\<$$\r\n`{/*\r\n`"
        );
        assert_eq!(mdx_prose("> a\n`{\n`"), "> a\n`{\n`");
        // Never after a heading, which no line continues (found by the prose property test).
        assert_eq!(mdx_prose("- # ${\r\n$"), "- # $\\{\r\n$");
        // An indented comment block with a lazy line goes on one line.
        assert_eq!(mdx_prose("- {\n    {/*\n*/}"), "- \\{\n    {/* */}");
        // A comment on a line of its own ends the paragraph before it, as in MDX.
        assert_eq!(
            mdx_prose("a\\\n{/* `b */}\n`{c}`"),
            "a\\\n{/* `b */}\n`{c}`"
        );
        // A backtick on a later line is not part of the opening fence's info string (found by
        // the property test).
        assert_eq!(
            mdx_prose("```\n  va Mc&#123;`endexport\n"),
            "```\n  va Mc&#123;`endexport\n```"
        );
        // A byte order mark starting the prose is a character in the page, not dropped as
        // markdown-rs drops it at the start of a document (found by the property test).
        assert_eq!(mdx_prose("\u{feff}~~~x\n\n"), "\u{feff}~~~x\n\n");
        assert_eq!(mdx_prose("\u{feff}`a\n{b`"), "\u{feff}`a {b`");
        // Inside raw HTML or an angle autolink as CommonMark reads them (MDX has neither).
        assert_eq!(
            mdx_prose("<a title=\"`\">`{x}`"),
            "\\<a title=\"`\">`\\{x\\}`"
        );
        assert_eq!(mdx_prose("<http://a`b>`{x}"), "\\<http://a`b>`\\{x\\}");
        // A comment holding a backtick hides it from code spans, as MDX reads the comment first.
        assert_eq!(mdx_prose("{/* ` */} `{x}`"), "{/* ` */} `{x}`");
        assert_eq!(mdx_prose("`{/* ` */} {x}"), "`{/* ` */\\} \\{x\\}");
    }

    #[test]
    fn a_code_line_starting_like_jsx_is_joined_to_the_line_before() {
        // MDX tries a line starting with `<` or `{` as JSX or an expression even inside a code
        // span, and fails (found by the property test): a line ending in code shows as a space.
        assert_eq!(mdx_prose("`𝒻.?\n<Ｎf.${…`%v"), "`𝒻.? <Ｎf.${…`%v");
        assert_eq!(mdx_prose("a\n`b\n  <c`"), "a\n`b <c`");
        // Into the span's first line: an empty list item joined to text would start a list.
        assert_eq!(mdx_prose("``\n1. \n{/*``"), "`` 1.  {/*``");
        assert_eq!(mdx_prose("> `a\n> {b`"), "> `a {b`");
        assert_eq!(mdx_prose("$a\r\n<b$"), "$a <b$");
        assert_eq!(mdx_prose("`a\nb`"), "`a\nb`");
    }

    #[test]
    fn a_formula_block_is_fenced_like_code() {
        // Mintlify (remark-math) reads `$$` on its own line as a formula up to the next `$$`:
        // left open, it would swallow the rest of the page.
        assert_eq!(mdx_prose("$$\n\\frac{a}{b}"), "$$\n\\frac{a}{b}\n$$");
        assert_eq!(mdx_prose("$$ x $$ {y}"), "$$ x $$ \\{y\\}");
        assert_eq!(fence_marker("$$ x $$"), None);
        assert_eq!(fence_marker("$ x"), None);
    }

    #[test]
    fn a_formula_is_kept_as_written_like_code() {
        // Inside `$…$` braces are maths (remark-math reads no expression there).
        assert_eq!(mdx_inline("$\\frac{a}{b}$ {c}"), "$\\frac{a}{b}$ \\{c\\}");
        assert_eq!(mdx_inline("$$x<{y}$$ <"), "$$x<{y}$$ \\<");
        // A run closes only a run of its own length; `\$` opens none.
        assert_eq!(mdx_inline("$${a}$ {b}"), "$$\\{a\\}$ \\{b\\}");
        assert_eq!(mdx_inline("\\${a}$"), "\\$\\{a\\}$");
    }
}
