//! The edge mini-language: Mermaid's arrow syntax, one statement per line, blank lines between
//! edge groups, `%%` comment lines.
//!
//! ```text
//! P1 --> G_QS --> CG            chain
//! G_SDK --> AIJS & AIPY         fan-out (and `A & B --> C` fan-in)
//! P1 -.graduate.-> SelfGW       dotted, inline label
//! GoLP -.->|charges| Pay        dotted, pipe label (`|"any text"|` when quoted)
//! A ==> B, A -- text --> B      thick, solid with inline label
//! A --- B, A -.- B, A === B     no arrow head (`----`, `-..-`, `====`: longer, one more rank)
//! A ~~~ B                       invisible (laid out, not drawn)
//! A --o B, A --x B              circle and cross ends
//! A <--> B, A o--o B, A x--x B  both ends (`<-- text -->` inline)
//! ```

use crate::model::{EdgeChain, EdgeKind, LabelStyle, Link, NodeRef};
use crate::source::{FileId, Span};
use personamap_syntax::mermaid::{Ends, Shape};

/// A syntax error in an edge statement, with the byte range (relative to the parsed text).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EdgeSyntaxError {
    /// What is wrong.
    pub message: String,
    /// Where, relative to the parsed text.
    pub range: std::ops::Range<usize>,
    /// How to fix it.
    pub help: Option<String>,
}

/// Parses an `edges` text into groups of statements. `origin` is the file offset of the
/// text's first byte (spans point there), or `None` if the text does not appear verbatim in
/// the file, in which case every span is `fallback`.
pub fn parse(
    text: &str,
    file: FileId,
    origin: Option<usize>,
    fallback: Span,
) -> (Vec<Vec<EdgeChain>>, Vec<(EdgeSyntaxError, Span)>) {
    let span_of = |r: std::ops::Range<usize>| match origin {
        Some(o) => Span::new(file, o + r.start..o + r.end),
        None => fallback,
    };
    let mut groups: Vec<Vec<EdgeChain>> = vec![Vec::new()];
    let mut errors = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let body = line.trim_end_matches(['\n', '\r']);
        let trimmed = body.trim();
        if trimmed.is_empty() {
            if !groups.last().is_some_and(Vec::is_empty) {
                groups.push(Vec::new());
            }
            continue;
        }
        if trimmed.starts_with("%%") {
            continue;
        }
        match parse_line(body) {
            Ok(stmt) => {
                let chain = EdgeChain {
                    sets: stmt
                        .sets
                        .into_iter()
                        .map(|set| {
                            set.into_iter()
                                .map(|(id, r)| NodeRef {
                                    id,
                                    span: span_of(start + r.start..start + r.end),
                                })
                                .collect()
                        })
                        .collect(),
                    links: stmt.links,
                    span: span_of(start..start + body.len()),
                };
                if let Some(group) = groups.last_mut() {
                    group.push(chain);
                }
            }
            Err(mut e) => {
                e.range = start + e.range.start..start + e.range.end;
                let span = span_of(e.range.clone());
                errors.push((e, span));
            }
        }
    }
    if groups.last().is_some_and(Vec::is_empty) {
        groups.pop();
    }
    (groups, errors)
}

struct Stmt {
    sets: Vec<Vec<(String, std::ops::Range<usize>)>>,
    links: Vec<Link>,
}

struct Cursor<'a> {
    s: &'a str,
    i: usize,
}

impl Cursor<'_> {
    fn rest(&self) -> &str {
        &self.s[self.i..]
    }
    /// Whether a `"` follows, after the spaces and tabs [`Cursor::skip_ws`] skips (other
    /// white space, such as U+0085, is label text: skipping it would land inside a character).
    fn quote_after_ws(&self) -> bool {
        self.rest().trim_start_matches([' ', '\t']).starts_with('"')
    }
    fn skip_ws(&mut self) {
        while self.rest().starts_with([' ', '\t']) {
            self.i += 1;
        }
    }
    fn eat(&mut self, tok: &str) -> bool {
        if self.rest().starts_with(tok) {
            self.i += tok.len();
            true
        } else {
            false
        }
    }
    fn err(&self, len: usize, message: impl Into<String>) -> EdgeSyntaxError {
        let end = (self.i + len.max(1)).min(self.s.len()).max(self.i);
        let mut end = end;
        while !self.s.is_char_boundary(end) {
            end += 1;
        }
        EdgeSyntaxError {
            message: message.into(),
            range: self.i..end,
            help: None,
        }
    }
}

fn is_id_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

fn parse_line(line: &str) -> Result<Stmt, EdgeSyntaxError> {
    let mut c = Cursor { s: line, i: 0 };
    let mut sets = vec![parse_set(&mut c)?];
    let mut links = Vec::new();
    loop {
        c.skip_ws();
        if c.rest().is_empty() {
            break;
        }
        links.push(parse_link(&mut c)?);
        sets.push(parse_set(&mut c)?);
    }
    if links.is_empty() {
        c.i = 0;
        return Err(EdgeSyntaxError {
            help: Some("write an edge such as `A --> B`".into()),
            ..c.err(
                line.trim_end().len(),
                "an edge statement needs at least one arrow",
            )
        });
    }
    Ok(Stmt { sets, links })
}

fn parse_set(c: &mut Cursor) -> Result<Vec<(String, std::ops::Range<usize>)>, EdgeSyntaxError> {
    let mut set = vec![parse_id(c)?];
    loop {
        let save = c.i;
        c.skip_ws();
        if c.eat("&") {
            c.skip_ws();
            set.push(parse_id(c)?);
        } else {
            c.i = save;
            return Ok(set);
        }
    }
}

fn parse_id(c: &mut Cursor) -> Result<(String, std::ops::Range<usize>), EdgeSyntaxError> {
    c.skip_ws();
    let start = c.i;
    let len: usize = c
        .rest()
        .chars()
        .take_while(|ch| is_id_char(*ch))
        .map(char::len_utf8)
        .sum();
    let after = &c.rest()[len..];
    let bad = after.starts_with(|ch: char| !ch.is_whitespace() && ch != '&')
        && !["--", "-.", "==", "~~", "<-", "<="]
            .iter()
            .any(|a| after.starts_with(a));
    if len == 0 || bad {
        let word: usize = c
            .rest()
            .chars()
            .take_while(|ch| !ch.is_whitespace() && *ch != '&')
            .map(char::len_utf8)
            .sum();
        // At least the first character, so an unexpected space such as U+00A0 is shown.
        let word = word.max(c.rest().chars().next().map_or(0, char::len_utf8));
        let message = if c.rest().is_empty() {
            "expected a node id at the end of the line".to_string()
        } else if len == 0 {
            format!("expected a node id, found {}", shown(&c.rest()[..word]))
        } else {
            format!(
                "node id `{}` contains characters outside [A-Za-z0-9_]",
                &c.rest()[..word]
            )
        };
        return Err(EdgeSyntaxError {
            help: Some("node ids use only letters, digits and `_`".into()),
            ..c.err(word, message)
        });
    }
    c.i += len;
    Ok((c.s[start..c.i].to_string(), start..c.i))
}

/// A link's line as written: style, the head before it, the head after it, and its length.
struct Lexed {
    kind: EdgeKind,
    start: Option<char>,
    end: Option<char>,
    length: usize,
    len: usize,
}

/// The link without an inline label at the start of `s`, lexed as `flow.jison`'s link rules
/// lex it: `[xo<]?--+[-xo>]`, `[xo<]?==+[=xo>]`, `[xo<]?-?.+-[xo>]?`, `~~~+`.
fn lex_arrow(s: &str) -> Option<Lexed> {
    let b = s.as_bytes();
    let start = match b.first() {
        Some(h @ (b'<' | b'o' | b'x')) => Some(char::from(*h)),
        _ => None,
    };
    let body = usize::from(start.is_some());
    lex_close(&s[body..], None).map(|l| Lexed {
        start,
        len: l.len + body,
        ..l
    })
}

/// The closing half of a link (no head before the line) at the start of `s`; `stroke` limits
/// it to one line style (the one an inline label opened).
fn lex_close(s: &str, stroke: Option<EdgeKind>) -> Option<Lexed> {
    let b = s.as_bytes();
    let end_at = |i: usize, ends: &[u8]| {
        b.get(i)
            .filter(|c| ends.contains(c))
            .map(|c| char::from(*c))
    };
    let run = |ch: u8, from: usize| b[from..].iter().take_while(|c| **c == ch).count();
    let lexed = |kind, end: Option<char>, length, len| {
        Some(Lexed {
            kind,
            start: None,
            end,
            length,
            len,
        })
    };
    let allowed = |k: EdgeKind| stroke.is_none_or(|s| s == k);
    // Dotted: an optional `-`, dots, `-`, an optional head.
    let dash = usize::from(b.first() == Some(&b'-'));
    let dots = run(b'.', dash);
    if dots > 0 && b.get(dash + dots) == Some(&b'-') && allowed(EdgeKind::Dotted) {
        let at = dash + dots + 1;
        let end = end_at(at, b">ox");
        return lexed(EdgeKind::Dotted, end, dots, at + usize::from(end.is_some()));
    }
    for (ch, kind) in [
        (b'-', EdgeKind::Solid),
        (b'=', EdgeKind::Thick),
        (b'~', EdgeKind::Invisible),
    ] {
        let n = run(ch, 0);
        if n < 2 || !allowed(kind) {
            continue;
        }
        let end = if kind == EdgeKind::Invisible {
            None
        } else {
            end_at(n, b">ox")
        };
        return match end {
            Some(_) => lexed(kind, end, n - 1, n + 1),
            // The last line character stands for the missing head (`---`, `~~~`).
            None if n >= 3 => lexed(kind, None, n - 2, n),
            None => None,
        };
    }
    None
}

/// The opening half of an inline-label link at the start of `s`: its head (`<`, `o`, `x`),
/// line style and length: `--`, `==`, `-.`, with an optional head before.
fn lex_open(s: &str) -> Option<(Option<char>, EdgeKind, usize)> {
    let (start, body) = match s.chars().next() {
        Some(h @ ('<' | 'o' | 'x')) => (Some(h), &s[1..]),
        _ => (None, s),
    };
    let kind = if body.starts_with("--") {
        EdgeKind::Solid
    } else if body.starts_with("==") {
        EdgeKind::Thick
    } else if body.starts_with("-.") {
        EdgeKind::Dotted
    } else {
        return None;
    };
    Some((start, kind, usize::from(start.is_some()) + 2))
}

/// The plain link nearest to what was written, for a message: `-.->`, `==>`, `~~~` or `-->`.
fn nearest(written: &str) -> &'static str {
    if written.contains('.') {
        "-.->"
    } else if written.contains('=') {
        "==>"
    } else if written.contains('~') {
        "~~~"
    } else {
        "-->"
    }
}

/// The shape of a link with the heads `start` and `end`, or an error at the link (the cursor)
/// that names it and the nearest link Mermaid draws as written.
fn shape_of(
    c: &Cursor,
    len: usize,
    kind: EdgeKind,
    start: Option<char>,
    end: Option<char>,
    length: usize,
) -> Result<Shape, EdgeSyntaxError> {
    let ends = Ends::from_heads(start, end).ok_or_else(|| {
        let written = &c.rest()[..len];
        let both = Shape {
            kind,
            ends: match start {
                Some('o') => Ends::BothCircles,
                Some('x') => Ends::BothCrosses,
                _ => Ends::BothArrows,
            },
            length,
        };
        let one = Shape {
            kind,
            ends: Ends::from_heads(None, end).unwrap_or(Ends::Arrow),
            length,
        };
        EdgeSyntaxError {
            help: Some(format!(
                "write `{}` (the same head at both ends) or `{}`",
                both.arrow(),
                one.arrow()
            )),
            ..c.err(
                len,
                format!(
                    "the link `{written}` has a head before its line but {} after it: Mermaid draws no such link",
                    end.map_or("none".to_string(), |e| format!("`{e}`"))
                ),
            )
        }
    })?;
    Ok(Shape { kind, ends, length })
}

/// Parses one arrow with its optional label.
fn parse_link(c: &mut Cursor) -> Result<Link, EdgeSyntaxError> {
    if let Some(l) = lex_arrow(c.rest()) {
        let shape = shape_of(c, l.len, l.kind, l.start, l.end, l.length)?;
        c.i += l.len;
        let label = if c.rest().starts_with('|') {
            if shape.kind == EdgeKind::Invisible {
                return Err(EdgeSyntaxError {
                    help: Some(format!(
                        "drop the label, or draw the link with no arrow: `{}|label|`",
                        Shape {
                            kind: EdgeKind::Solid,
                            ..shape
                        }
                        .arrow()
                    )),
                    ..c.err(1, "an invisible link `~~~` cannot carry a label")
                });
            }
            Some((parse_pipe_label(c)?, LabelStyle::Pipe))
        } else {
            None
        };
        return Ok(Link { shape, label });
    }
    if let Some((start_head, kind, open_len)) = lex_open(c.rest()) {
        let start = c.i;
        let open = c.rest()[..open_len].to_string();
        c.i += open_len;
        let (label, close) = if c.quote_after_ws() {
            c.skip_ws();
            let text = parse_quoted(c)?;
            c.skip_ws();
            let Some(close) = lex_close(c.rest(), Some(kind)) else {
                return Err(c.err(
                    1,
                    format!("expected the end of the `{open}` link after the quoted edge label"),
                ));
            };
            (text, close)
        } else {
            let found = c
                .rest()
                .char_indices()
                .find_map(|(i, _)| lex_close(&c.rest()[i..], Some(kind)).map(|l| (i, l)));
            let Some((end, close)) = found else {
                c.i = start;
                let plain = Shape::arrow_of(kind);
                let (o, e) = plain.inline_halves().unwrap_or_default();
                return Err(EdgeSyntaxError {
                    help: Some(format!(
                        "close the label, e.g. `A {o} label {e} B`, or write a link without one: `{}`",
                        plain.arrow()
                    )),
                    ..c.err(
                        open.len(),
                        format!(
                            "`{open}` opens a link with a label, but no `{e}` (or another {} link end) closes it",
                            kind.name()
                        ),
                    )
                });
            };
            let text = c.rest()[..end].trim().to_string();
            c.i += end;
            (text, close)
        };
        if label.is_empty() {
            c.i = start;
            return Err(c.err(open_len, "empty edge label"));
        }
        let shape = shape_of(c, close.len, kind, start_head, close.end, close.length)?;
        c.i += close.len;
        return Ok(Link {
            shape,
            label: Some((label, LabelStyle::Inline)),
        });
    }
    let found: usize = c
        .rest()
        .chars()
        .take_while(|ch| !ch.is_whitespace())
        .map(char::len_utf8)
        .sum();
    let found = found.max(c.rest().chars().next().map_or(0, char::len_utf8));
    let written = &c.rest()[..found];
    Err(EdgeSyntaxError {
        help: Some(format!(
            "the nearest Mermaid link is `{}`; links are `-->`, `---`, `-.->`, `-.-`, `==>`, `===`, `~~~`, `--o`, `--x`, `<-->`, `o--o`, `x--x` (longer for a longer edge: `--->`), optionally with a label",
            nearest(written)
        )),
        ..c.err(
            found,
            format!("expected an arrow, found {}", shown(written)),
        )
    })
}

/// Quotes `text` for a message: in backticks, or by code point when it is a single
/// whitespace character other than a space or tab (U+00A0, U+2028, U+3000, …), which a
/// reader could not see.
fn shown(text: &str) -> String {
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (Some(ch), None) if ch.is_whitespace() && ch != ' ' && ch != '\t' => format!(
            "the invisible space U+{:04X} (only spaces and tabs separate ids and arrows)",
            u32::from(ch)
        ),
        _ => format!("`{text}`"),
    }
}

fn parse_pipe_label(c: &mut Cursor) -> Result<String, EdgeSyntaxError> {
    let start = c.i;
    c.i += 1; // `|`
    let text = if c.quote_after_ws() {
        c.skip_ws();
        let t = parse_quoted(c)?;
        c.skip_ws();
        t
    } else {
        let Some(end) = c.rest().find('|') else {
            c.i = start;
            return Err(c.err(1, "unterminated edge label: missing closing `|`"));
        };
        let t = c.rest()[..end].trim().to_string();
        c.i += end;
        t
    };
    if !c.eat("|") {
        return Err(c.err(1, "expected `|` after the edge label"));
    }
    if text.is_empty() {
        c.i = start;
        return Err(c.err(2, "empty edge label"));
    }
    Ok(text)
}

/// A `"…"` label: `\"` and `\\` are the only escapes.
fn parse_quoted(c: &mut Cursor) -> Result<String, EdgeSyntaxError> {
    let start = c.i;
    c.i += 1;
    let mut out = String::new();
    let mut chars = c.rest().char_indices();
    while let Some((i, ch)) = chars.next() {
        match ch {
            '"' => {
                c.i += i + 1;
                return Ok(out);
            }
            '\\' => match chars.next() {
                Some((_, e @ ('"' | '\\'))) => out.push(e),
                Some((_, e)) => {
                    out.push('\\');
                    out.push(e);
                }
                None => break,
            },
            _ => out.push(ch),
        }
    }
    c.i = start;
    Err(c.err(1, "unterminated quoted edge label"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(line: &str) -> EdgeChain {
        let span = Span::new(FileId(0), 0..0);
        let (groups, errors) = parse(line, FileId(0), Some(0), span);
        assert!(errors.is_empty(), "{errors:?}");
        groups[0][0].clone()
    }

    fn err(line: &str) -> EdgeSyntaxError {
        let span = Span::new(FileId(0), 0..0);
        parse(line, FileId(0), Some(0), span).1.remove(0).0
    }

    #[test]
    fn chains_and_fanouts() {
        let c = one("P1 --> G_QS --> CG");
        assert_eq!(c.sets.len(), 3);
        assert_eq!(c.edge_count(), 2);
        let c = one("A & B --> C & D & E");
        assert_eq!(c.edge_count(), 6);
        assert_eq!(c.sets[1][2].span, Span::new(FileId(0), 18..19));
    }

    #[test]
    fn label_styles() {
        let c = one("P1 -.graduate.-> SelfGW");
        assert_eq!(
            c.links[0],
            Link {
                shape: Shape::arrow_of(EdgeKind::Dotted),
                label: Some(("graduate".into(), LabelStyle::Inline))
            }
        );
        let c = one(r#"GoLP -.->|charges| Pay --> X ==>|"a | b"| Y -- c d --> Z == e ==> W"#);
        let labels: Vec<_> = c
            .links
            .iter()
            .map(|l| (l.shape.kind, l.label.clone()))
            .collect();
        assert_eq!(labels[0].1, Some(("charges".into(), LabelStyle::Pipe)));
        assert_eq!(labels[1], (EdgeKind::Solid, None));
        assert_eq!(labels[2].1, Some(("a | b".into(), LabelStyle::Pipe)));
        assert_eq!(labels[3].1, Some(("c d".into(), LabelStyle::Inline)));
        assert_eq!(
            labels[4],
            (EdgeKind::Thick, Some(("e".into(), LabelStyle::Inline)))
        );
    }

    #[test]
    fn every_mermaid_link() {
        let shape = |line: &str| {
            let c = one(line);
            let s = c.links[0].shape;
            let label = c.links[0].label.as_ref().map(|(t, _)| t.clone());
            (s.kind.name(), s.ends.name(), s.length, label)
        };
        let l = |t: &str| Some(t.to_string());
        for (line, want) in [
            ("A --- B", ("solid", "none", 1, None)),
            ("A ---- B", ("solid", "none", 2, None)),
            ("A --> B", ("solid", "arrow", 1, None)),
            ("A ---> B", ("solid", "arrow", 2, None)),
            ("A -.- B", ("dotted", "none", 1, None)),
            ("A -..- B", ("dotted", "none", 2, None)),
            ("A -.-> B", ("dotted", "arrow", 1, None)),
            ("A -..-> B", ("dotted", "arrow", 2, None)),
            ("A === B", ("thick", "none", 1, None)),
            ("A ==> B", ("thick", "arrow", 1, None)),
            ("A ===> B", ("thick", "arrow", 2, None)),
            ("A ~~~ B", ("invisible", "none", 1, None)),
            ("A --o B", ("solid", "circle", 1, None)),
            ("A --x B", ("solid", "cross", 1, None)),
            ("A <--> B", ("solid", "both-arrows", 1, None)),
            ("A o--o B", ("solid", "both-circles", 1, None)),
            ("A x--x B", ("solid", "both-crosses", 1, None)),
            ("A <-.-> B", ("dotted", "both-arrows", 1, None)),
            ("A <==> B", ("thick", "both-arrows", 1, None)),
            ("A -- go --- B", ("solid", "none", 1, l("go"))),
            ("A <-- go --> B", ("solid", "both-arrows", 1, l("go"))),
            ("A x-. go .-x B", ("dotted", "both-crosses", 1, l("go"))),
            ("A == go ===> B", ("thick", "arrow", 2, l("go"))),
            ("A -. go ..-> B", ("dotted", "arrow", 2, l("go"))),
            ("A ---|go| B", ("solid", "none", 1, l("go"))),
            ("A --o|go| B", ("solid", "circle", 1, l("go"))),
        ] {
            assert_eq!(shape(line), want, "{line}");
        }
        // The written link is the shape's own arrow.
        for line in ["A ---- B", "A -..-> B", "A o--o B", "A ~~~~ B", "A <===> B"] {
            let arrow = line.split(' ').nth(1).unwrap_or_default();
            assert_eq!(one(line).links[0].shape.arrow(), arrow);
        }
    }

    #[test]
    fn groups_split_on_blank_lines_and_skip_comments() {
        let span = Span::new(FileId(0), 0..0);
        let (g, e) = parse(
            "A --> B\n%% note\nB --> C\n\n\nC --> D\n",
            FileId(0),
            Some(0),
            span,
        );
        assert!(e.is_empty());
        assert_eq!(g.iter().map(Vec::len).collect::<Vec<_>>(), vec![2, 1]);
    }

    #[test]
    fn errors_point_at_the_problem() {
        assert_eq!(err("A --> B-x").range, 6..9);
        assert_eq!(err("A ->> B").message, "expected an arrow, found `->>`");
        assert_eq!(
            err("A").message,
            "an edge statement needs at least one arrow"
        );
        assert!(err("A -.oops B").message.contains("no `.->`"));
        let e = err("A <--o B");
        assert!(e.message.contains("`<--o`"), "{}", e.message);
        assert!(
            e.help
                .unwrap()
                .contains("`<-->` (the same head at both ends) or `--o`")
        );
        let e = err("A ~~~|x| B");
        assert!(e.message.contains("invisible"), "{}", e.message);
        let e = err("A ~~ x ~~~ B");
        assert!(e.help.unwrap().contains("`~~~`"));
        let e = err("A ->> B");
        assert!(e.help.unwrap().contains("nearest Mermaid link is `-->`"));
        assert_eq!(
            err("A -->").message,
            "expected a node id at the end of the line"
        );
    }

    #[test]
    fn unicode_spaces_are_located_errors_not_panics() {
        for space in ['\u{a0}', '\u{85}', '\u{2028}', '\u{3000}', '\u{feff}'] {
            for line in [
                format!("A -->{space}B"),
                format!("A{space}--> B"),
                format!("A --> B{space}"),
                format!("A -->{space}"),
                format!("{space}A --> B"),
                format!("A -.{space}.-> B"),
                format!("A -->|{space}| B"),
                // Found by fuzzing: white space other than spaces and tabs before a quote.
                format!("A --{space}\"x\" --> B"),
                format!("A -->|{space}\"x\"| B"),
            ] {
                let span = Span::new(FileId(0), 0..0);
                let (_, errors) = parse(&line, FileId(0), Some(0), span);
                for (e, _) in errors {
                    assert!(line.is_char_boundary(e.range.start), "{line:?}: {e:?}");
                    assert!(line.is_char_boundary(e.range.end), "{line:?}: {e:?}");
                }
            }
        }
        let e = err("A -->\u{a0}B");
        assert_eq!(e.range, 5..7);
        assert!(e.message.contains("U+00A0"), "{}", e.message);
        assert!(err("A\u{3000}--> B").message.contains("U+3000"));
    }
}
