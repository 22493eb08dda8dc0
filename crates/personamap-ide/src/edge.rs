//! An `edges` string read by the spec's edge reader ([`personamap_spec::edges::parse`], the
//! one `check` uses): the ids it names, its tokens (ids, `&`, arrows, labels, comments) and
//! each link with the place it is written. A line the reader rejects (half-typed) still gives
//! the declared ids it names, outside labels.

use crate::{Token, TokenKind};
use personamap_spec::model::{LabelStyle, Link};
use personamap_spec::{FileId, Span};
use std::ops::Range;

/// A link of an edge statement and where it is written (arrow and label).
#[derive(Clone, Debug)]
pub(crate) struct LinkSite {
    pub range: Range<usize>,
    pub link: Link,
}

/// What an `edges` string holds, in file offsets.
#[derive(Clone, Debug, Default)]
pub(crate) struct EdgeString {
    /// The value's bytes in the file (`None` when it is not written verbatim: escapes).
    pub value: Option<Range<usize>>,
    /// Every node id written, with its place.
    pub refs: Vec<(Range<usize>, String)>,
    /// Sorted, non-overlapping, each on one line.
    pub tokens: Vec<Token>,
    pub links: Vec<LinkSite>,
}

/// Reads `text`, written in the file from `origin` (`None`: not verbatim, nothing located);
/// `ids` are the persona's declared node ids (for the lines the reader rejects).
pub(crate) fn read(text: &str, origin: Option<usize>, ids: &[&str]) -> EdgeString {
    let Some(origin) = origin else {
        return EdgeString::default();
    };
    let fallback = Span::new(FileId(0), 0..0);
    let (groups, _) = personamap_spec::edges::parse(text, FileId(0), Some(0), fallback);
    let chains: Vec<_> = groups.into_iter().flatten().collect();
    let mut out = EdgeString {
        value: Some(origin..origin + text.len()),
        ..EdgeString::default()
    };
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let start = at;
        at += line.len();
        let body = line.trim_end_matches(['\n', '\r']);
        let trimmed = body.trim_start();
        if trimmed.trim_end().is_empty() {
            continue;
        }
        let lead = body.len() - trimmed.len();
        if trimmed.starts_with("%%") {
            out.tokens
                .push(token(start + lead..start + body.len(), TokenKind::Comment));
            continue;
        }
        match chains.iter().find(|c| c.span.start as usize == start) {
            Some(chain) => statement(text, chain, &mut out),
            None => guess(body, start, ids, &mut out),
        }
    }
    for t in &mut out.tokens {
        t.range = t.range.start + origin..t.range.end + origin;
    }
    for (r, _) in &mut out.refs {
        *r = r.start + origin..r.end + origin;
    }
    for l in &mut out.links {
        l.range = l.range.start + origin..l.range.end + origin;
    }
    out
}

fn token(range: Range<usize>, kind: TokenKind) -> Token {
    Token { range, kind }
}

fn span(s: Span) -> Range<usize> {
    s.start as usize..s.end as usize
}

/// The tokens of a statement the reader accepted.
fn statement(text: &str, chain: &personamap_spec::model::EdgeChain, out: &mut EdgeString) {
    for (i, set) in chain.sets.iter().enumerate() {
        let mut prev: Option<usize> = None;
        for r in set {
            let range = span(r.span);
            if let Some(p) = prev
                && let Some(amp) = text.get(p..range.start).and_then(|s| s.find('&'))
            {
                out.tokens
                    .push(token(p + amp..p + amp + 1, TokenKind::Punctuation));
            }
            out.tokens.push(token(range.clone(), TokenKind::Node));
            out.refs.push((range.clone(), r.id.clone()));
            prev = Some(range.end);
        }
        let (Some(link), Some(next)) = (chain.links.get(i), chain.sets.get(i + 1)) else {
            continue;
        };
        let (Some(from), Some(to)) = (set.last(), next.first()) else {
            continue;
        };
        let region = span(from.span).end..span(to.span).start;
        if let Some(written) = text.get(region.clone()) {
            link_tokens(written, region.start, link, out);
        }
    }
}

/// The tokens of one link written as `written` at `at`: its arrow (or the two halves around
/// an inline label), the label, and the `|` around a pipe label.
fn link_tokens(written: &str, at: usize, link: &Link, out: &mut EdgeString) {
    let s = written.trim_matches([' ', '\t']);
    let at = at + (written.len() - written.trim_start_matches([' ', '\t']).len());
    out.links.push(LinkSite {
        range: at..at + s.len(),
        link: link.clone(),
    });
    let parts = match &link.label {
        None => None,
        Some((_, LabelStyle::Pipe)) => pipe_parts(s),
        Some((label, LabelStyle::Inline)) => inline_parts(s, label),
    };
    match parts {
        Some(parts) => out.tokens.extend(
            parts
                .into_iter()
                .filter(|(r, _)| !r.is_empty())
                .map(|(r, k)| token(at + r.start..at + r.end, k)),
        ),
        None => out.tokens.push(token(at..at + s.len(), TokenKind::Arrow)),
    }
}

/// `-->|label|`: arrow, `|`, label, `|`.
fn pipe_parts(s: &str) -> Option<Vec<(Range<usize>, TokenKind)>> {
    let open = s.find('|')?;
    let close = s.rfind('|').filter(|c| *c > open)?;
    let inner = s.get(open + 1..close)?;
    let lead = inner.len() - inner.trim_start().len();
    let label = open + 1 + lead..open + 1 + inner.trim_end().len();
    Some(vec![
        (0..open, TokenKind::Arrow),
        (open..open + 1, TokenKind::Punctuation),
        (label, TokenKind::Label),
        (close..close + 1, TokenKind::Punctuation),
    ])
}

/// `-. label .->` (or `-- "label" -->`): the opening half, the label, the closing half.
fn inline_parts(s: &str, label: &str) -> Option<Vec<(Range<usize>, TokenKind)>> {
    let headed =
        s.starts_with(['<', 'o', 'x']) && ["--", "==", "-."].iter().any(|o| s[1..].starts_with(o));
    let open = if headed { 3 } else { 2 };
    let after = s.get(open..)?;
    let label_start = if after.trim_start_matches([' ', '\t']).starts_with('"') {
        open + (after.len() - after.trim_start_matches([' ', '\t']).len())
    } else {
        open + (after.len() - after.trim_start().len())
    };
    let label_end = if s[label_start..].starts_with('"') {
        let mut chars = s[label_start + 1..].char_indices();
        let mut end = None;
        while let Some((i, c)) = chars.next() {
            match c {
                '\\' => {
                    chars.next();
                }
                '"' => {
                    end = Some(label_start + 1 + i + 1);
                    break;
                }
                _ => {}
            }
        }
        end?
    } else {
        let end = label_start + label.len();
        (s.get(label_start..end)? == label).then_some(end)?
    };
    let rest = &s[label_end..];
    let close = label_end + (rest.len() - rest.trim_start().len());
    Some(vec![
        (0..open, TokenKind::Arrow),
        (label_start..label_end, TokenKind::Label),
        (close..s.len(), TokenKind::Arrow),
    ])
}

/// A line the reader rejects: the declared ids it names outside `|…|` and `"…"`.
fn guess(body: &str, at: usize, ids: &[&str], out: &mut EdgeString) {
    let (mut in_pipe, mut in_quote) = (false, false);
    let mut word: Option<usize> = None;
    let is_id = |c: char| c.is_ascii_alphanumeric() || c == '_';
    for (i, c) in body
        .char_indices()
        .chain(std::iter::once((body.len(), ' ')))
    {
        if is_id(c) && !in_pipe && !in_quote {
            word.get_or_insert(i);
            continue;
        }
        if let Some(w) = word.take() {
            let id = &body[w..i];
            if ids.contains(&id) {
                out.tokens.push(token(at + w..at + i, TokenKind::Node));
                out.refs.push((at + w..at + i, id.to_string()));
            }
        }
        match c {
            '"' => in_quote = !in_quote,
            '|' if !in_quote => in_pipe = !in_pipe,
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each token of `text` (read at origin 10) as `Kind text`.
    fn shown(text: &str, ids: &[&str]) -> Vec<String> {
        let padded = format!("{}{text}", " ".repeat(10));
        read(text, Some(10), ids)
            .tokens
            .iter()
            .map(|t| format!("{:?} {}", t.kind, &padded[t.range.clone()]))
            .collect()
    }

    #[test]
    fn labels_split_from_their_arrows() {
        assert_eq!(
            shown("A <-- \"x \\\" y\" --> B & C", &[]),
            [
                "Node A",
                "Arrow <--",
                "Label \"x \\\" y\"",
                "Arrow -->",
                "Node B",
                "Punctuation &",
                "Node C"
            ]
        );
        assert_eq!(
            shown("A ==>| two words | B", &[]),
            [
                "Node A",
                "Arrow ==>",
                "Punctuation |",
                "Label two words",
                "Punctuation |",
                "Node B"
            ]
        );
        assert_eq!(
            shown("  %% note\nA x-. cut .-x B", &[]),
            [
                "Comment %% note",
                "Node A",
                "Arrow x-.",
                "Label cut",
                "Arrow .-x",
                "Node B"
            ]
        );
    }

    #[test]
    fn a_rejected_line_gives_the_declared_ids_outside_labels() {
        let read = read("A -->|B| C -x- D\n", Some(0), &["A", "B", "C"]);
        let ids: Vec<_> = read.refs.iter().map(|(_, id)| id.as_str()).collect();
        assert_eq!(ids, ["A", "C"]);
        assert!(read.links.is_empty());
    }

    #[test]
    fn a_string_not_written_verbatim_is_not_located() {
        let read = read("A --> B", None, &["A"]);
        assert!(read.value.is_none() && read.refs.is_empty() && read.tokens.is_empty());
    }
}
