//! Mermaid flowcharts, both ways: the writer's escaping of labels, strings and tooltips (only
//! what Mermaid 11 would misread, as entity codes), the line guards against Mermaid's own
//! `style…:…#…;` rewrite, the line styles and their arrows, and (in [`flowchart`]) the reader
//! that reads a diagram back as Mermaid does.

pub mod flowchart;
pub mod keywords;

use crate::entity;
use std::borrow::Cow;

/// How an edge is drawn: Mermaid's line styles (its `stroke`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EdgeKind {
    /// `-->`, `---` (Mermaid's `normal`)
    Solid,
    /// `-.->`, `-.-`
    Dotted,
    /// `==>`, `===`
    Thick,
    /// `~~~`: laid out, not drawn
    Invisible,
}

impl EdgeKind {
    /// The name the model and the text version use: `solid`, `dotted`, `thick`, `invisible`.
    pub fn name(self) -> &'static str {
        match self {
            EdgeKind::Solid => "solid",
            EdgeKind::Dotted => "dotted",
            EdgeKind::Thick => "thick",
            EdgeKind::Invisible => "invisible",
        }
    }
}

/// The ends of an edge: Mermaid's link `type` (`arrow_open`, `arrow_point`, `arrow_circle`,
/// `arrow_cross` and their `double_` forms).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ends {
    /// No head: `---`, `-.-`, `===`, `~~~`.
    Open,
    /// An arrow head at the target: `-->`.
    Arrow,
    /// A circle at the target: `--o`.
    Circle,
    /// A cross at the target: `--x`.
    Cross,
    /// Arrow heads at both ends: `<-->`.
    BothArrows,
    /// Circles at both ends: `o--o`.
    BothCircles,
    /// Crosses at both ends: `x--x`.
    BothCrosses,
}

impl Ends {
    /// The ends from the characters around a link: the head before its line (`<`, `o`, `x`)
    /// and the one after it (`>`, `o`, `x`); `None` for a pair Mermaid does not draw as
    /// written (a head before the line needs its match after it).
    pub fn from_heads(start: Option<char>, end: Option<char>) -> Option<Ends> {
        Some(match (start, end) {
            (None, None) => Ends::Open,
            (None, Some('>')) => Ends::Arrow,
            (None, Some('o')) => Ends::Circle,
            (None, Some('x')) => Ends::Cross,
            (Some('<'), Some('>')) => Ends::BothArrows,
            (Some('o'), Some('o')) => Ends::BothCircles,
            (Some('x'), Some('x')) => Ends::BothCrosses,
            _ => return None,
        })
    }

    /// The head before the line (`<`, `o`, `x`, or nothing).
    pub fn start(self) -> &'static str {
        match self {
            Ends::BothArrows => "<",
            Ends::BothCircles => "o",
            Ends::BothCrosses => "x",
            _ => "",
        }
    }

    /// The head after the line (`>`, `o`, `x`, or nothing).
    pub fn end(self) -> &'static str {
        match self {
            Ends::Open => "",
            Ends::Arrow | Ends::BothArrows => ">",
            Ends::Circle | Ends::BothCircles => "o",
            Ends::Cross | Ends::BothCrosses => "x",
        }
    }

    /// Mermaid's name for them (`db.getEdges()[i].type`).
    pub fn mermaid_type(self) -> &'static str {
        match self {
            Ends::Open => "arrow_open",
            Ends::Arrow => "arrow_point",
            Ends::Circle => "arrow_circle",
            Ends::Cross => "arrow_cross",
            Ends::BothArrows => "double_arrow_point",
            Ends::BothCircles => "double_arrow_circle",
            Ends::BothCrosses => "double_arrow_cross",
        }
    }

    /// The model's name for them: `none`, `arrow`, `circle`, `cross`, `both-arrows`, …
    pub fn name(self) -> &'static str {
        match self {
            Ends::Open => "none",
            Ends::Arrow => "arrow",
            Ends::Circle => "circle",
            Ends::Cross => "cross",
            Ends::BothArrows => "both-arrows",
            Ends::BothCircles => "both-circles",
            Ends::BothCrosses => "both-crosses",
        }
    }

    /// What they mean, for the text version: `None` for the plain arrow.
    pub fn meaning(self) -> Option<&'static str> {
        match self {
            Ends::Arrow => None,
            Ends::Open => Some("no arrow"),
            Ends::Circle => Some("circle end"),
            Ends::Cross => Some("cross end"),
            Ends::BothArrows => Some("both ways"),
            Ends::BothCircles => Some("circle ends"),
            Ends::BothCrosses => Some("cross ends"),
        }
    }
}

/// The look of one link: line style, ends and length (Mermaid's `length`: 1 for `-->`, 2 for
/// `--->`, …; each extra unit makes the edge span one more rank of the layout).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shape {
    /// Line style.
    pub kind: EdgeKind,
    /// Heads.
    pub ends: Ends,
    /// Length, at least 1.
    pub length: usize,
}

impl Shape {
    /// The plain arrow of a line style: `-->`, `-.->`, `==>` (`~~~` for the invisible link).
    pub fn arrow_of(kind: EdgeKind) -> Shape {
        let ends = if kind == EdgeKind::Invisible {
            Ends::Open
        } else {
            Ends::Arrow
        };
        Shape {
            kind,
            ends,
            length: 1,
        }
    }

    /// The link without an inline label (a pipe label may follow it): `-->`, `---`, `<-.->`,
    /// `===>`, `~~~`, … as Mermaid's link rules read it back to this shape.
    pub fn arrow(self) -> String {
        let (start, end) = (self.ends.start(), self.ends.end());
        let n = self.length.max(1);
        match self.kind {
            EdgeKind::Solid | EdgeKind::Thick | EdgeKind::Invisible => {
                let ch = match self.kind {
                    EdgeKind::Solid => "-",
                    EdgeKind::Thick => "=",
                    _ => "~",
                };
                // The last line character stands for the head when there is none.
                let line = ch.repeat(if end.is_empty() { n + 2 } else { n + 1 });
                format!("{start}{line}{end}")
            }
            EdgeKind::Dotted => format!("{start}-{}-{end}", ".".repeat(n)),
        }
    }

    /// The two halves of the link around an inline label: `--`/`-->`, `-.`/`.->`, `<==`/`==>`,
    /// … (`None` for the invisible link, which has no inline form).
    pub fn inline_halves(self) -> Option<(String, String)> {
        let start = self.ends.start();
        let full = self.arrow();
        let tail = &full[start.len()..];
        match self.kind {
            EdgeKind::Solid => Some((format!("{start}--"), tail.to_string())),
            EdgeKind::Thick => Some((format!("{start}=="), tail.to_string())),
            EdgeKind::Dotted => Some((format!("{start}-."), tail[1..].to_string())),
            EdgeKind::Invisible => None,
        }
    }
}

/// The directions of a flowchart header, as Mermaid's lexer spells them.
pub const DIRECTIONS: [&str; 5] = ["LR", "RL", "TD", "TB", "BT"];

/// The direction of a flowchart header line (`flowchart LR`, `graph TD`; spaces trimmed).
pub fn header_direction(line: &str) -> Option<&str> {
    let mut words = line.split_whitespace();
    match (words.next(), words.next(), words.next()) {
        (Some("flowchart" | "graph"), Some(dir), None) if DIRECTIONS.contains(&dir) => Some(dir),
        _ => None,
    }
}

/// Escapes the text of a quoted Mermaid label with Mermaid's entity codes, touching only what
/// Mermaid would misread: `"`, backticks, `<`, `>`, a `#` or `&` that would start an entity,
/// `$$` (maths) and `%%` (directives). Line breaks are the caller's business.
pub fn mermaid_text(text: &str) -> String {
    if written_as_is(text) {
        return text.to_string();
    }
    escape_text(text)
}

/// [`mermaid_text`] character by character.
fn escape_text(text: &str) -> String {
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
            // `\n` is a line break to Mermaid, `\` an escape to its Markdown strings.
            '\\' => out.push_str("#92;"),
            // `fa:fa-name` becomes a Font Awesome icon.
            ':' if chars[i + 1..].starts_with(&['f', 'a', '-']) => out.push_str("#58;"),
            // `direction TB` anywhere on a line is read as a direction statement.
            c if c.is_whitespace() && direction_before(&chars[..i]) => {
                out.push_str(&entity::code(c));
            }
            c if needs_code(c) => out.push_str(&entity::code(c)),
            _ => out.push(c),
        }
    }
    guard_style_rewrite(&out)
}

/// Whether [`mermaid_text`] writes `text` unchanged: spaces, printable ASCII other than the
/// characters it may write as codes (`"` `` ` `` `<` `>` `#` `&` `$` `%` `\\` `:`), and any
/// other character [`needs_code`] leaves; never the word `direction`. Most labels are such, and
/// need neither the character walk nor the `style` guard (which acts on a `:` only).
fn written_as_is(text: &str) -> bool {
    text.chars().all(|c| {
        c == ' '
            || (c.is_ascii_graphic()
                && !matches!(
                    c,
                    '"' | '`' | '<' | '>' | '#' | '&' | '$' | '%' | '\\' | ':'
                ))
            || (!c.is_ascii() && !needs_code(c))
    }) && !text.contains("direction")
}

/// Characters written as entity codes wherever Mermaid text goes: control characters, line
/// separators, and whitespace other than ASCII (JavaScript's `trim` takes U+FEFF and Unicode
/// spaces from a label's or tooltip's ends, where the author wrote them).
fn needs_code(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{2028}' | '\u{2029}' | '\u{feff}')
        || (c.is_whitespace() && !c.is_ascii())
}

/// Whether `before` ends with the word `direction`: Mermaid's lexer reads any line holding
/// `direction`, spaces and `TB`/`BT`/`RL`/`LR`/`TD` as a direction statement, so the space
/// after it is written as an entity code.
fn direction_before(before: &[char]) -> bool {
    before.ends_with(&['d', 'i', 'r', 'e', 'c', 't', 'i', 'o', 'n'])
}

/// Text for `accTitle` or `accDescr`, where Mermaid decodes entity codes: one line (runs of
/// ASCII whitespace become one space), with every character its grammar, entity pass or HTML
/// would misread written as an entity code (`"`, `#`, `<`, `>`, `{`, `}`, `%`, `;`, `&`, `\\`,
/// backticks, non-ASCII whitespace).
pub fn mermaid_string(text: &str) -> String {
    let one_line = text
        .split([' ', '\t', '\n', '\r', '\x0c'])
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    let mut out = String::with_capacity(one_line.len() + 8);
    let chars: Vec<char> = one_line.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '"' => out.push_str("#quot;"),
            '#' | '<' | '>' | '{' | '}' | '%' | ';' | '&' | '\\' | '`' => {
                out.push_str(&entity::code(c));
            }
            ':' if chars[i + 1..].starts_with(&['f', 'a', '-']) => out.push_str("#58;"),
            ' ' if direction_before(&chars[..i]) => out.push_str("#32;"),
            c if needs_code(c) => out.push_str(&entity::code(c)),
            _ => out.push(c),
        }
    }
    out
}

/// Text for a `click` tooltip. Mermaid shows a tooltip as HTML (its `title` attribute, put
/// through DOMPurify, becomes the tooltip's inner HTML); DOMPurify drops the whole attribute
/// when it holds `-->`, `]>` or `</style`, and trims it as JavaScript does (U+FEFF and Unicode
/// spaces too). So the text is written as HTML (`&`, `<`, `>`, non-ASCII whitespace and the
/// vertical tab, which `trim` also takes, as character references), then as [`mermaid_string`].
pub fn mermaid_tooltip(text: &str) -> String {
    let mut html = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => html.push_str("&amp;"),
            '<' => html.push_str("&lt;"),
            '>' => html.push_str("&gt;"),
            c if c == '\u{b}' || (!c.is_ascii() && needs_code(c)) => {
                html.push_str(&format!("&#{};", u32::from(c)));
            }
            c => html.push(c),
        }
    }
    mermaid_string(&html)
}

/// Mermaid cuts the last `;` of a line matching `/style.*:\S*#.*;/` (or `classDef…`) before
/// it decodes entity codes: whether `line` is such a line. Linear in the line's length.
pub fn style_rewrite_hazard(line: &str) -> bool {
    // Without a `:`, a `#` and a `;` there is nothing to match (most lines: no keyword search).
    let has = |b: u8| line.as_bytes().contains(&b);
    has(b':')
        && has(b'#')
        && has(b';')
        && keyword_end(line).is_some_and(|end| hazard_after(line, end))
}

/// Whether `line` has, at or after byte `keyword_end`, a `:` whose run of non-space characters
/// holds a `#` that has a `;` somewhere after it.
fn hazard_after(line: &str, keyword_end: usize) -> bool {
    let (mut semi_after, mut run_ok) = (false, false);
    for (i, c) in line.char_indices().rev() {
        if c.is_whitespace() {
            run_ok = false;
        }
        if c == '#' && semi_after {
            run_ok = true;
        }
        if c == ':' && run_ok && i >= keyword_end {
            return true;
        }
        if c == ';' {
            semi_after = true;
        }
    }
    false
}

/// The line as Mermaid's `encodeEntities` leaves it: `/style.*:\S*#.*;/g`, then
/// `/classDef.*:\S*#.*;/g`, each cutting the last `;` of the line when it matches. What
/// [`guard_line`] wrote comes back without its added separators.
pub fn style_rewrite(line: &str) -> Cow<'_, str> {
    // Without a `:`, a `#` and a `;` neither rewrite matches (most lines): nothing to copy.
    let has = |b: u8| line.as_bytes().contains(&b);
    if !(has(b':') && has(b'#') && has(b';')) {
        return Cow::Borrowed(line);
    }
    let mut out = line.to_string();
    for word in ["style", "classDef"] {
        if let Some(at) = find_short(&out, word)
            && hazard_after(&out, at + word.len())
            && let Some(last) = out.rfind(';')
        {
            out.remove(last);
        }
    }
    Cow::Owned(out)
}

/// Where the first `style` or `classDef` of `line` ends, if it holds one.
fn keyword_end(line: &str) -> Option<usize> {
    ["style", "classDef"]
        .iter()
        .filter_map(|k| find_short(line, k).map(|i| i + k.len()))
        .min()
}

/// `hay.find(needle)` for an ASCII `needle`, made for a diagram's short lines: a scan for the
/// needle's first byte, then a comparison there (`str::find` sets up a two-way searcher on
/// every call, most of the cost of a search in a line this short).
pub(crate) fn find_short(hay: &str, needle: &str) -> Option<usize> {
    let (hay, needle) = (hay.as_bytes(), needle.as_bytes());
    let first = *needle.first()?;
    (0..hay.len()).find(|&i| hay[i] == first && hay[i..].starts_with(needle))
}

/// Makes one diagram line safe from Mermaid's `style…:…#…;` rewrite (the keyword may be in a
/// node id): with `labels`, a `:` inside a quoted label that starts the hazard is written as
/// `#58;`; if the line is still hazardous (a `:` in a link, say), `;` statement separators
/// are appended for the rewrites to cut instead (one each for `style` and `classDef`).
pub fn guard_line(line: &str, labels: bool) -> Cow<'_, str> {
    if !style_rewrite_hazard(line) {
        return Cow::Borrowed(line);
    }
    let keyword_end = keyword_end(line).unwrap_or(line.len());
    // hash_ahead[i]: a `#` follows position i within its run of non-space characters.
    let mut hash_ahead = vec![false; line.len() + 1];
    let mut seen = false;
    for (i, c) in line.char_indices().rev() {
        hash_ahead[i] = seen;
        if c.is_whitespace() {
            seen = false;
            hash_ahead[i] = false;
        } else if c == '#' {
            seen = true;
        }
    }
    let mut out = String::with_capacity(line.len() + 8);
    let mut quoted = false;
    for (i, c) in line.char_indices() {
        if c == '"' {
            quoted = !quoted;
        }
        if labels && c == ':' && quoted && hash_ahead[i] && i >= keyword_end {
            out.push_str("#58;");
        } else {
            out.push(c);
        }
    }
    let content = out.clone();
    while style_rewrite(&out).trim_end_matches(';') != content && out.len() < content.len() + 2 {
        out.push(';');
    }
    Cow::Owned(out)
}

/// Whether Mermaid misreads the inline dotted label `-.text.->`: its lexer takes a last `o`
/// or `x` as the arrow's end (`-.applies to.->` draws "applies t"; a label that is just `o`
/// fails the parse). `-. text .->` reads right.
pub fn dotted_inline_misread(text: &str) -> bool {
    text.ends_with(['o', 'x'])
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
///
/// A `<br/>` makes Mermaid put the label through DOMPurify, which decodes every entity code
/// before the label is drawn: `#92;n` then becomes a line break, `fa#58;fa-x` an icon and
/// `#36;#36;` maths. A label with such a line joins its lines with `\n` instead, the other
/// line break Mermaid reads, which keeps the codes until the label is HTML.
pub fn mermaid_label(lines: &[String]) -> String {
    // Plain lines: no code to decode early, no `:` for the guard, and `<br/>` adds none.
    if lines.iter().all(|l| written_as_is(l)) {
        return lines.join("<br/>");
    }
    escape_label(lines)
}

/// [`mermaid_label`] line by line.
fn escape_label(lines: &[String]) -> String {
    let escaped: Vec<String> = lines.iter().map(|l| mermaid_text(l)).collect();
    let decoded_early = escaped
        .iter()
        .any(|l| ["#92;", "#36;", "#58;"].iter().any(|code| l.contains(code)));
    guard_style_rewrite(&escaped.join(if decoded_early { "\\n" } else { "<br/>" }))
}

/// Whether an edge label can be written bare (`-.label.->`, `|label|`): plain ASCII words, none
/// of them a Mermaid keyword such as `end`, and no `direction` before a direction (found by the
/// round-trip property test).
pub fn is_plain_edge_label(text: &str) -> bool {
    !text.is_empty()
        && text.split(' ').all(|w| {
            !w.is_empty()
                && w.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
                && keywords::reserved_keyword(w).is_none()
        })
        && !direction_statement(text)
}

/// Whether Mermaid's lexer reads `line` as a direction statement: it reads a whole line holding
/// `direction`, whitespace and `TB`/`BT`/`RL`/`LR`/`TD` so (`.*direction\s+TB[^\n]*`),
/// wherever the words are.
fn direction_statement(line: &str) -> bool {
    const WORD: &str = "direction";
    let mut from = 0;
    // Each `direction` in the line (the word cannot overlap itself).
    while let Some(i) = line.get(from..).and_then(|rest| find_short(rest, WORD)) {
        let rest = &line[from + i + WORD.len()..];
        let trimmed = rest.trim_start();
        if trimmed.len() < rest.len() && DIRECTIONS.iter().any(|d| trimmed.starts_with(d)) {
            return true;
        }
        from += i + WORD.len();
    }
    false
}

/// A label's lines as one line of plain text, joined the way the label reads: with a space,
/// except after a line ending in `/`, `_`, `(`, `[` or a hyphen inside a word, and before a
/// line starting with `)`, `]`, `,`, `.`, `;`, `:` or `/` (`muxionlabs/` and
/// `livepeer-app-pipelines` give `muxionlabs/livepeer-app-pipelines`).
pub fn label_text(lines: &[String]) -> String {
    let mut out = String::new();
    for line in lines.iter().map(|l| l.trim()).filter(|l| !l.is_empty()) {
        let glued = out.ends_with(['/', '_', '(', '['])
            || (out.ends_with('-') && !out.ends_with(" -") && out.len() > 1)
            || line.starts_with([')', ']', ',', '.', ';', ':', '/']);
        if !out.is_empty() && !glued {
            out.push(' ');
        }
        out.push_str(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2048, failure_persistence: None, ..ProptestConfig::default() })]

        /// The shortcut for text written as is agrees with the character walk.
        #[test]
        fn text_written_as_is_is_what_the_walk_writes(
            lines in proptest::collection::vec(
                proptest::collection::vec(
                    prop_oneof![
                        4 => proptest::char::range(' ', '~').prop_map(String::from),
                        1 => proptest::sample::select(vec!["é", "\u{a0}", "\u{2028}", "\u{feff}", "\t", "🇵", "ß"]).prop_map(String::from),
                        // The words and pieces the shortcut must leave to the walk.
                        1 => proptest::sample::select(vec![":fa-", "fa-x", "direction", " TB", "style", "classDef", ":#1;", "$$", "%%", "&amp;", "#35;"]).prop_map(String::from),
                    ],
                    0..16,
                )
                .prop_map(|v| v.concat()),
                1..4,
            )
        ) {
            for line in &lines {
                prop_assert_eq!(mermaid_text(line), escape_text(line));
            }
            prop_assert_eq!(mermaid_label(&lines), escape_label(&lines));
        }

        /// The short-line searches agree with `str`'s own: `find_short` with `str::find`, and
        /// the rewrite and direction tests with their definitions over `str::find` and
        /// `match_indices`.
        #[test]
        fn short_searches_are_strs_searches(
            line in proptest::collection::vec(
                prop_oneof![
                    3 => proptest::char::range(' ', '~').prop_map(String::from),
                    1 => proptest::sample::select(vec!["é", "🇵", "\t"]).prop_map(String::from),
                    2 => proptest::sample::select(vec!["style", "styl", "classDef", "direction", "directiondirection", " TB", "\tLR", ":", "#", ";", ":#1;"]).prop_map(String::from),
                ],
                0..24,
            )
            .prop_map(|v| v.concat())
        ) {
            for needle in ["style", "classDef", "direction", "d", ";"] {
                prop_assert_eq!(find_short(&line, needle), line.find(needle));
            }
            let mut rewritten = line.clone();
            for word in ["style", "classDef"] {
                if let Some(at) = rewritten.find(word)
                    && hazard_after(&rewritten, at + word.len())
                    && let Some(last) = rewritten.rfind(';')
                {
                    rewritten.remove(last);
                }
            }
            prop_assert_eq!(style_rewrite(&line), rewritten);
            let direction = line.match_indices("direction").any(|(i, w)| {
                let rest = &line[i + w.len()..];
                let trimmed = rest.trim_start();
                trimmed.len() < rest.len() && DIRECTIONS.iter().any(|d| trimmed.starts_with(d))
            });
            prop_assert_eq!(direction_statement(&line), direction);
        }
    }

    #[test]
    fn guard_line_steps_over_multibyte_characters() {
        // Found by the hostile generator (seed 4): `line[i + 1..]` sliced inside `🇵`.
        let line = "  mystyle[\"🇵 é:#1;\"]:::c0";
        assert!(style_rewrite_hazard(line));
        assert_eq!(guard_line(line, true), "  mystyle[\"🇵 é#58;#1;\"]:::c0");
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
    fn mermaid_traps_are_neutralised() {
        // `\n` would be a line break, `fa:fa-` an icon, `direction TB` a statement.
        assert_eq!(mermaid_text("C:\\new"), "C:#92;new");
        assert_eq!(mermaid_text("fa:fa-car"), "fa#58;fa-car");
        assert_eq!(mermaid_text("set direction TB"), "set direction#32;TB");
        // Tooltips and accessibility text keep every character, as entity codes.
        assert_eq!(
            mermaid_string("a \"b\" #1 <c> {d} 50% x;y `z` & \\"),
            "a #quot;b#quot; #35;1 #60;c#62; #123;d#125; 50#37; x#59;y #96;z#96; #38; #92;"
        );
        // An id holding `style` makes the whole line subject to the `;` rewrite.
        assert_eq!(
            guard_line("  style_x[\"mode:#quot;fast#quot;\"]:::c", true),
            "  style_x[\"mode#58;#quot;fast#quot;\"]:::c"
        );
        assert_eq!(
            guard_line("  click style_x href \"https://x.org/#a\" \"t#59;\"", false),
            "  click style_x href \"https://x.org/#a\" \"t#59;\";"
        );
        assert_eq!(guard_line("  A --> B", true), "  A --> B");
        assert!(dotted_inline_misread("applies to") && dotted_inline_misread("fix"));
        assert!(!dotted_inline_misread("graduate"));
    }

    #[test]
    fn labels_keep_their_codes_until_mermaid_draws_them() {
        // `<br/>` joins lines, except where Mermaid's DOMPurify pass (which a `<br/>` triggers)
        // would decode `#92;n` into a line break, `fa#58;fa-` into an icon or `#36;#36;` into
        // maths: there the lines are joined with `\n` (found by the differential, issue 10).
        assert_eq!(mermaid_label(&["a".into(), "b".into()]), "a<br/>b");
        assert_eq!(
            mermaid_label(&["<br/> C:\\new".into(), String::new()]),
            "#lt;br/#gt; C:#92;new\\n"
        );
        assert_eq!(
            mermaid_label(&["x".into(), "fab:fa-github".into()]),
            "x\\nfab#58;fa-github"
        );
        assert_eq!(mermaid_label(&["$$".into(), "y".into()]), "#36;#36;\\ny");
        // JavaScript's `trim` would take a byte order mark or an ideographic space off the ends.
        assert_eq!(mermaid_text("\u{feff}a\u{3000}"), "#65279;a#12288;");
    }

    #[test]
    fn tooltips_are_html_mermaid_shows_as_written() {
        // The tooltip is shown as HTML after DOMPurify: `<c>` would vanish, `&amp;` show `&`,
        // and `-->` would make DOMPurify drop the whole title.
        assert_eq!(
            mermaid_tooltip("a <c> &amp; --> ]>"),
            "a #38;lt#59;c#38;gt#59; #38;amp#59;amp#59; --#38;gt#59; ]#38;gt#59;"
        );
        // DOMPurify trims the attribute: a byte order mark at the end is a reference.
        assert_eq!(
            mermaid_tooltip("$$ \\n\t\u{feff}"),
            "$$ #92;n #38;#35;65279#59;"
        );
    }

    #[test]
    fn a_line_with_both_rewrites_gets_two_separators() {
        // `style` and `classDef` each cut one `;`: the click line of a node `style_a` whose
        // tooltip holds `classDef` needs two separators.
        let line = "  click style_a href \"https://x.org/#a\" \"classDef:#38;\"";
        assert_eq!(guard_line(line, false), format!("{line};;"));
        assert_eq!(style_rewrite(&format!("{line};;")), line);
    }

    #[test]
    fn hazards_found_by_the_property_tests() {
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
    }

    #[test]
    fn label_lines_join_as_they_read() {
        assert_eq!(
            label_text(&["muxionlabs/".into(), "livepeer-app-pipelines".into()]),
            "muxionlabs/livepeer-app-pipelines"
        );
        assert_eq!(
            label_text(&["Guide:".into(), "Quickstart".into()]),
            "Guide: Quickstart"
        );
        assert_eq!(label_text(&["opt-".into(), "in".into()]), "opt-in");
        assert_eq!(label_text(&["a -".into(), "b".into()]), "a - b");
    }

    #[test]
    fn entity_codes_decode_back() {
        for t in [
            "Queue #1; #priority; &amp; co",
            "\"q\" `b` <i> $$x$$ %%{",
            "a:#b",
        ] {
            assert_eq!(entity::decode_mermaid(&mermaid_text(t)), t);
        }
        assert_eq!(entity::decode_mermaid("#unknown; #"), "#unknown; #");
    }
}
