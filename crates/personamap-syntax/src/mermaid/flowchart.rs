//! A reader for the classic Mermaid flowchart syntax the compiler emits, modelled on what
//! Mermaid 11 itself does with the text (entity codes, `<br/>`, `\n`, icons, keywords, its
//! line-level `style…:…#…;` rewrite), so that a diagram that reads back here to the spec's
//! graph is one Mermaid draws as the spec says.
//!
//! Arrows and their labels are lexed as Mermaid's grammar (`flow.jison`) lexes them: the link
//! rules are tried in its order, an inline label is read one token at a time until the closing
//! link rule matches (so `-.applies to.->` is the label `applies t` and the link `o.->`), and
//! the two halves are combined as its `destructLink` does.

use super::keywords::{prototype_member, reserved_keyword};
use super::{EdgeKind, Ends, Shape, direction_statement, header_direction, style_rewrite};
use crate::LineError;
use crate::entity;
use std::collections::HashMap;

/// A diagram as read back.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Graph {
    /// `LR`, `TD`, …
    pub direction: String,
    /// Nodes in declaration order.
    pub nodes: Vec<GraphNode>,
    /// Single edges in statement order (fan-outs expanded).
    pub edges: Vec<GraphEdge>,
    /// `classDef` lines: name and style text.
    pub class_defs: Vec<(String, String)>,
    /// Ids named by `click` lines.
    pub clicks: Vec<String>,
    /// `click` tooltips, decoded, by node id.
    pub tooltips: Vec<(String, String)>,
}

/// A node as read back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GraphNode {
    /// Id.
    pub id: String,
    /// Label lines, decoded.
    pub label: Vec<String>,
    /// Class (`:::name` or a `class` line).
    pub class: Option<String>,
}

/// An edge as read back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GraphEdge {
    /// Source id.
    pub from: String,
    /// Target id.
    pub to: String,
    /// Line style, ends and length, as Mermaid's `destructLink` makes them.
    pub shape: Shape,
    /// Label text, decoded.
    pub label: Option<String>,
}

/// Reads a flowchart. Anything the compiler never emits, or that Mermaid would misread, is an
/// error.
pub fn read(text: &str) -> Result<Graph, LineError> {
    let mut g = Graph::default();
    // Where each node is in `g.nodes`, by id (a diagram names its nodes again and again).
    let mut at: Nodes = HashMap::new();
    let mut lines = text.lines().enumerate().map(|(i, l)| (i + 1, l));
    let mut in_descr = false;
    let mut started = false;
    for (no, raw) in lines.by_ref() {
        let err = |message: String| LineError { line: no, message };
        let line = raw.trim();
        if in_descr {
            in_descr = !line.ends_with('}');
            continue;
        }
        if line.is_empty() || line.starts_with("%%") {
            continue;
        }
        if !started {
            match header_direction(line) {
                Some(dir) => {
                    g.direction = dir.to_string();
                    started = true;
                    continue;
                }
                None => return Err(err(format!("expected `flowchart DIR`, found `{line}`"))),
            }
        }
        let rewritten = style_rewrite(line);
        let line = rewritten.strip_suffix(';').unwrap_or(&rewritten).trim_end();
        if direction_statement(line) {
            return Err(err(
                "the line holds `direction` and a direction: Mermaid reads it as a direction statement"
                    .into(),
            ));
        }
        if line.starts_with("accTitle:") || line.starts_with("accDescr:") {
            continue;
        }
        if let Some(rest) = line.strip_prefix("accDescr")
            && rest.trim_start().starts_with('{')
        {
            in_descr = !rest.trim_end().ends_with('}');
            continue;
        }
        if let Some(rest) = line.strip_prefix("classDef ") {
            let (name, style) = rest.trim().split_once(' ').unwrap_or((rest.trim(), ""));
            if style.contains(';') {
                return Err(err(format!("`;` in the style of class `{name}`")));
            }
            g.class_defs
                .push((name.to_string(), style.trim().to_string()));
            continue;
        }
        if let Some(rest) = line.strip_prefix("click ") {
            let id = rest.split_whitespace().next().unwrap_or("");
            if !at.contains_key(id) {
                return Err(err(format!(
                    "`click` names `{id}`, which is no node (Mermaid ignores the line)"
                )));
            }
            g.clicks.push(id.to_string());
            // `click ID href "url" "tooltip"`: strings hold no `"`.
            let strings: Vec<&str> = rest.split('"').skip(1).step_by(2).collect();
            if rest.matches('"').count() % 2 == 1 {
                return Err(err(format!(
                    "unbalanced quotes on the `click` line of `{id}`"
                )));
            }
            if let Some(tip) = strings.get(1) {
                g.tooltips
                    .push((id.to_string(), tooltip(tip).map_err(err)?));
            }
            continue;
        }
        if let Some(rest) = line.strip_prefix("class ") {
            let (ids, class) = rest.trim().rsplit_once(' ').unwrap_or(("", ""));
            for id in ids.split(',') {
                match at.get(id.trim()) {
                    Some(&i) => g.nodes[i].class = Some(class.to_string()),
                    None => {
                        return Err(err(format!(
                            "`class` names `{id}`, which is no node (Mermaid ignores it)"
                        )));
                    }
                }
            }
            continue;
        }
        statement(&mut g, &mut at, line).map_err(err)?;
    }
    if !started {
        return Err(LineError {
            line: 1,
            message: "empty diagram".into(),
        });
    }
    for n in &g.nodes {
        if let Some(c) = &n.class
            && !g.class_defs.iter().any(|(name, _)| name == c)
        {
            return Err(LineError {
                line: 0,
                message: format!("node `{}` uses class `{c}`, which has no classDef", n.id),
            });
        }
    }
    Ok(g)
}

/// Where each node of the graph being read is in its `nodes`, by id.
type Nodes = HashMap<String, usize>;

/// A position in one statement line, read from the left as Mermaid's lexer reads it.
struct LineScanner<'a> {
    /// The statement.
    s: &'a str,
    /// Byte offset of the next unread character.
    i: usize,
}

impl LineScanner<'_> {
    /// What is left to read.
    fn rest(&self) -> &str {
        &self.s[self.i..]
    }
    /// Steps over spaces and tabs; how many.
    fn ws(&mut self) -> usize {
        let n = self.rest().len() - self.rest().trim_start_matches([' ', '\t']).len();
        self.i += n;
        n
    }
    /// Steps over `t` if it comes next; whether it did.
    fn eat(&mut self, t: &str) -> bool {
        let ok = self.rest().starts_with(t);
        if ok {
            self.i += t.len();
        }
        ok
    }
}

/// A node or edge statement.
fn statement(g: &mut Graph, at: &mut Nodes, line: &str) -> Result<(), String> {
    let mut c = LineScanner { s: line, i: 0 };
    let mut sets: Vec<Vec<String>> = vec![vertex_set(g, at, &mut c)?];
    let mut links: Vec<(Shape, Option<String>)> = Vec::new();
    loop {
        if c.ws() == 0 && !c.rest().is_empty() {
            return Err(format!("expected a space before `{}`", c.rest()));
        }
        if c.rest().is_empty() {
            break;
        }
        links.push(link(&mut c)?);
        if c.ws() == 0 {
            return Err(format!(
                "expected a space after the arrow, before `{}`",
                c.rest()
            ));
        }
        sets.push(vertex_set(g, at, &mut c)?);
    }
    if links.is_empty() && sets[0].len() > 1 {
        return Err("`&` outside an edge".into());
    }
    for (w, (shape, label)) in sets.windows(2).zip(links) {
        for a in &w[0] {
            for b in &w[1] {
                g.edges.push(GraphEdge {
                    from: a.clone(),
                    to: b.clone(),
                    shape,
                    label: label.clone(),
                });
            }
        }
    }
    Ok(())
}

fn vertex_set(g: &mut Graph, at: &mut Nodes, c: &mut LineScanner) -> Result<Vec<String>, String> {
    let mut set = vec![vertex(g, at, c)?];
    loop {
        let save = c.i;
        c.ws();
        if c.eat("&") {
            c.ws();
            set.push(vertex(g, at, c)?);
        } else {
            c.i = save;
            return Ok(set);
        }
    }
}

/// `ID`, `ID["label"]`, with an optional `:::class`. A bare id must name a declared node.
fn vertex(g: &mut Graph, at: &mut Nodes, c: &mut LineScanner) -> Result<String, String> {
    let len = c
        .rest()
        .find(|ch: char| !(ch.is_ascii_alphanumeric() || ch == '_'))
        .unwrap_or(c.rest().len());
    if len == 0 {
        return Err(format!("expected a node id, found `{}`", c.rest()));
    }
    let id = c.rest()[..len].to_string();
    c.i += len;
    if let Some(k) = reserved_keyword(&id) {
        return Err(format!("node id `{id}` is the Mermaid keyword `{k}`"));
    }
    if prototype_member(&id).is_some() {
        return Err(format!(
            "node id `{id}` names an `Object.prototype` member: Mermaid cannot draw it"
        ));
    }
    let label = if c.eat("[\"") {
        let end = c
            .rest()
            .find('"')
            .ok_or_else(|| format!("unterminated label of `{id}`"))?;
        let raw = c.rest()[..end].to_string();
        c.i += end + 1;
        if !c.eat("]") {
            return Err(format!(
                "the label of `{id}` ends before `]` (a `\"` inside it?)"
            ));
        }
        if raw.is_empty() {
            return Err(format!(
                "empty label `[\"\"]` of `{id}`: Mermaid cannot parse it"
            ));
        }
        Some(label_lines(&raw)?)
    } else {
        None
    };
    let class = if c.eat(":::") {
        let n = c
            .rest()
            .find(|ch: char| !(ch.is_ascii_alphanumeric() || ch == '_' || ch == '-'))
            .unwrap_or(c.rest().len());
        let name = c.rest()[..n].to_string();
        c.i += n;
        Some(name)
    } else {
        None
    };
    match label {
        Some(label) => {
            if at.contains_key(&id) {
                return Err(format!(
                    "node `{id}` is declared twice (Mermaid keeps the last label)"
                ));
            }
            at.insert(id.clone(), g.nodes.len());
            g.nodes.push(GraphNode {
                id: id.clone(),
                label,
                class,
            });
        }
        None => match at.get(&id) {
            Some(&i) => {
                if class.is_some() {
                    g.nodes[i].class = class;
                }
            }
            None => {
                return Err(format!(
                    "`{id}` is used before it is declared (Mermaid would draw a new box)"
                ));
            }
        },
    }
    Ok(id)
}

/// The line styles of Mermaid's link grammar, with their characters.
#[derive(Clone, Copy)]
enum Stroke {
    Solid,
    Thick,
    Dotted,
    Invisible,
}

impl Stroke {
    /// Every line style, in the order of flow.jison's INITIAL-state link rules.
    const ALL: [Stroke; 4] = [
        Stroke::Solid,
        Stroke::Thick,
        Stroke::Dotted,
        Stroke::Invisible,
    ];
}

/// Length of a match of the closing link rule of `stroke` at the start of `s` (leading
/// whitespace included), as `flow.jison` writes them:
/// solid `\s*[xo<]?\-\-+[-xo>]\s*`, thick `\s*[xo<]?\=\=+[=xo>]\s*`,
/// dotted `\s*[xo<]?\-?\.+\-[xo>]?\s*`, invisible `\s*\~\~[\~]+\s*`.
fn link_end(s: &str, stroke: Stroke) -> Option<usize> {
    let b = s.as_bytes();
    let ws = |mut i: usize| {
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        i
    };
    let i = ws(0);
    if let Stroke::Invisible = stroke {
        let run = b[i..].iter().take_while(|c| **c == b'~').count();
        return (run >= 3).then(|| ws(i + run));
    }
    // `[xo<]?` is optional: try with it, then without (the regex backtracks).
    let starts: &[usize] = if matches!(b.get(i), Some(b'x' | b'o' | b'<')) {
        &[1, 0]
    } else {
        &[0]
    };
    for &head in starts {
        let mut j = i + head;
        let end = match stroke {
            Stroke::Solid | Stroke::Thick => {
                let ch = if matches!(stroke, Stroke::Solid) {
                    b'-'
                } else {
                    b'='
                };
                let run = b[j..].iter().take_while(|c| **c == ch).count();
                // `\-\-+[-xo>]`: at least two, then one of the ends; the greedy run gives back
                // its last character when it is itself the end (`---`).
                if run >= 3 {
                    Some(j + run + usize::from(matches!(b.get(j + run), Some(b'x' | b'o' | b'>'))))
                } else if run == 2 && matches!(b.get(j + 2), Some(b'x' | b'o' | b'>')) {
                    Some(j + 3)
                } else {
                    None
                }
            }
            Stroke::Invisible => None,
            Stroke::Dotted => {
                if b.get(j) == Some(&b'-') {
                    j += 1;
                }
                let dots = b[j..].iter().take_while(|c| **c == b'.').count();
                if dots > 0 && b.get(j + dots) == Some(&b'-') {
                    let k = j + dots + 1;
                    Some(k + usize::from(matches!(b.get(k), Some(b'x' | b'o' | b'>'))))
                } else {
                    None
                }
            }
        };
        if let Some(end) = end {
            return Some(ws(end));
        }
    }
    None
}

/// Length of the opening half of an inline-label link (`START_LINK`) of `stroke` at the start
/// of `s`: `[xo<]?\-\-\s*`, `[xo<]?\=\=\s*` or `[xo<]?\-\.\s*` (no leading whitespace: the
/// statement reader has taken it).
fn link_start(s: &str, stroke: Stroke) -> Option<usize> {
    let head = usize::from(s.starts_with(['x', 'o', '<']));
    let open = match stroke {
        Stroke::Solid => "--",
        Stroke::Thick => "==",
        Stroke::Dotted => "-.",
        // The invisible link has no inline-label form.
        Stroke::Invisible => return None,
    };
    s[head..].starts_with(open).then(|| {
        let rest = &s[head + 2..];
        head + 2 + (rest.len() - rest.trim_start().len())
    })
}

/// What Mermaid's `destructLink` makes of a link (`end`, and `start` for an inline-label
/// link): line style, ends and length, or why Mermaid marks it `INVALID`.
fn destruct(end: &str, start: Option<&str>) -> Result<Shape, String> {
    let end = end.trim();
    let last = end.chars().last();
    let first = end.chars().next();
    let mut line = &end[..end.len() - last.map_or(0, char::len_utf8)];
    // `destructEndLink`: the last character is the head; a matching first one doubles it.
    let mut ends = match last {
        Some('x') => Ends::Cross,
        Some('>') => Ends::Arrow,
        Some('o') => Ends::Circle,
        _ => Ends::Open,
    };
    let doubled = match (first, ends) {
        (Some('x'), Ends::Cross) => Some(Ends::BothCrosses),
        (Some('<'), Ends::Arrow) => Some(Ends::BothArrows),
        (Some('o'), Ends::Circle) => Some(Ends::BothCircles),
        _ => None,
    };
    if let Some(d) = doubled {
        ends = d;
        line = line.get(1..).unwrap_or("");
    }
    let dots = line.matches('.').count();
    let (kind, length) = if dots > 0 {
        (EdgeKind::Dotted, dots)
    } else if line.starts_with('=') {
        (EdgeKind::Thick, line.len().saturating_sub(1))
    } else if line.starts_with('~') {
        (EdgeKind::Invisible, line.len().saturating_sub(1))
    } else {
        (EdgeKind::Solid, line.len().saturating_sub(1))
    };
    let Some(start) = start else {
        return Ok(Shape { kind, ends, length });
    };
    // `destructStartLink`, then the two halves combined.
    let start = start.trim();
    let start_kind = if start.contains('.') {
        EdgeKind::Dotted
    } else if start.contains('=') {
        EdgeKind::Thick
    } else {
        EdgeKind::Solid
    };
    if start_kind != kind {
        return Err(format!(
            "the link `{start}…{end}` mixes line styles: Mermaid rejects it"
        ));
    }
    let start_head = start
        .chars()
        .next()
        .filter(|c| matches!(c, '<' | 'o' | 'x'));
    let end_head = match ends {
        Ends::Open => None,
        e => e.end().chars().next(),
    };
    let ends = match start_head {
        None => ends,
        Some(h) => Ends::from_heads(Some(h), end_head).ok_or_else(|| {
            format!("the link `{start}…{end}` has different heads at its ends: Mermaid rejects it")
        })?,
    };
    Ok(Shape { kind, ends, length })
}

/// One arrow with its label, lexed as Mermaid lexes it.
fn link(c: &mut LineScanner) -> Result<(Shape, Option<String>), String> {
    // The INITIAL-state rules in flow.jison's order: solid LINK, solid START_LINK, thick LINK,
    // thick START_LINK, dotted LINK, dotted START_LINK, invisible LINK.
    for stroke in Stroke::ALL {
        if let Some(n) = link_end(c.rest(), stroke) {
            // The trailing whitespace of the rule belongs to the statement reader.
            let token = c.rest()[..n].trim_end().to_string();
            c.i += token.len();
            let kind = destruct(&token, None)?;
            if !c.rest().starts_with('|') {
                return Ok((kind, None));
            }
            c.i += 1;
            let end = if c.rest().starts_with('"') {
                c.rest()[1..].find('"').map(|e| e + 2)
            } else {
                c.rest().find(['|', '"', '(', ')', '[', ']', '{', '}'])
            }
            .ok_or("unterminated edge label")?;
            let raw = c.rest()[..end].to_string();
            c.i += end;
            if !c.eat("|") {
                return Err("expected `|` after the edge label".into());
            }
            let text = match raw
                .as_str()
                .strip_prefix('"')
                .and_then(|r| r.strip_suffix('"'))
            {
                Some(quoted) => decode(quoted)?,
                None => plain_label(&raw)?,
            };
            return Ok((kind, Some(text)));
        }
        if let Some(n) = link_start(c.rest(), stroke) {
            let start = c.rest()[..n].to_string();
            c.i += n;
            return inline_label(c, stroke, &start);
        }
    }
    Err(format!("expected an arrow, found `{}`", c.rest()))
}

/// The label of an inline-label link after its opening half, read back as personamap writes
/// it (plain words or a quoted string).
fn inline_label(
    c: &mut LineScanner,
    stroke: Stroke,
    start: &str,
) -> Result<(Shape, Option<String>), String> {
    let from = c.i;
    let (kind, text) = inline_text(c, stroke, start)?;
    let raw = &c.s[from..c.i];
    let text = if raw.trim_start().starts_with('"') {
        decode(&text)?
    } else {
        plain_label(&text)?
    };
    Ok((kind, Some(text)))
}

/// Lexes an inline label as Mermaid does: `EDGE_TEXT` tokens (or one quoted string) until the
/// closing link rule of the same state matches; returns the line style and the label as
/// Mermaid keeps it (trimmed; a quoted string without its quotes, still encoded).
fn inline_text(
    c: &mut LineScanner,
    stroke: Stroke,
    start: &str,
) -> Result<(Shape, String), String> {
    let from = c.i;
    let mut quoted: Option<String> = None;
    loop {
        if c.rest().is_empty() {
            return Err(format!("unterminated arrow `{}`", start.trim()));
        }
        if let Some(n) = link_end(c.rest(), stroke) {
            let text_raw = c.s[from..c.i].to_string();
            let token = c.rest()[..n].trim_end().to_string();
            c.i += token.len();
            let kind = destruct(&token, Some(start))?;
            let text = match quoted {
                Some(q) if text_raw.trim().ends_with('"') => q,
                Some(_) => return Err("text after a quoted edge label".into()),
                None if text_raw.trim().is_empty() => {
                    return Err(format!(
                        "`{}{}{}` leaves an empty label once Mermaid's lexer has taken the arrow's end `{}`",
                        start.trim(),
                        text_raw,
                        token.trim(),
                        token.trim()
                    ));
                }
                None => text_raw.trim().to_string(),
            };
            return Ok((kind, text));
        }
        if c.rest().starts_with('"') {
            // `<*>["]` pushes the string state: the label is one `STR`.
            if quoted.is_some() || !c.s[from..c.i].trim().is_empty() {
                return Err("a quote inside an inline edge label".into());
            }
            let end = c.rest()[1..]
                .find('"')
                .ok_or("unterminated quoted edge label")?;
            quoted = Some(c.rest()[1..1 + end].to_string());
            c.i += end + 2;
            continue;
        }
        // One EDGE_TEXT token. flow.jison writes `[^-]|\-(?!\-)+` (solid), `[^=]|\=(?!=)`
        // (thick) and `[^\.]|\.(?!-)` (dotted), but Mermaid 11.17.2 rejects every `=` in a
        // thick label and every `.` in a dotted one ("Lexical error", recorded in
        // tests/data/mermaid_links.tsv): only the solid lookahead alternative works.
        let ch = c.rest().chars().next().unwrap_or(' ');
        let next = c.rest()[ch.len_utf8()..].chars().next();
        let ok = match stroke {
            Stroke::Solid => ch != '-' || next != Some('-'),
            Stroke::Thick => ch != '=',
            Stroke::Dotted | Stroke::Invisible => ch != '.',
        };
        if !ok {
            return Err(format!(
                "the inline edge label ends in `{}`, which is no link Mermaid reads",
                c.rest()
            ));
        }
        c.i += ch.len_utf8();
    }
}

/// What Mermaid reads from one link as written: its line style and inline label (`None`
/// without one), or why it does not parse.
pub type LinkReading = Result<Option<(Shape, String)>, String>;

/// What Mermaid reads from the single link `arrow` (for example `-.applies to.->`): its line
/// style and label, or why it does not parse.
pub fn read_link(arrow: &str) -> Result<(Shape, Option<String>), String> {
    let mut c = LineScanner { s: arrow, i: 0 };
    let got = link(&mut c)?;
    if !c.rest().trim().is_empty() {
        return Err(format!("`{}` is left after the link", c.rest()));
    }
    Ok(got)
}

/// What Mermaid reads from the inline-label links of an edge statement as an author wrote it
/// (node ids, `&`, arrows): for each link, in order, its byte range in `statement` and the
/// label Mermaid reads (trimmed), `Ok(None)` for a link without an inline label, or why
/// Mermaid cannot parse it. Pipe labels are skipped over unread.
pub fn statement_links(statement: &str) -> Vec<(std::ops::Range<usize>, LinkReading)> {
    let mut c = LineScanner { s: statement, i: 0 };
    let mut out = Vec::new();
    while !c.rest().is_empty() {
        c.ws();
        let rest = c.rest();
        if rest.is_empty() {
            break;
        }
        // Node ids are lexed greedily (`NODE_STRING`), before any link rule gets a chance.
        let id = rest
            .find(|ch: char| !(ch.is_ascii_alphanumeric() || ch == '_'))
            .unwrap_or(rest.len());
        if id > 0 {
            c.i += id;
            continue;
        }
        if rest.starts_with('&') {
            c.i += 1;
            continue;
        }
        let from = c.i;
        let mut got = None;
        for stroke in Stroke::ALL {
            if let Some(n) = link_end(c.rest(), stroke) {
                c.i += c.rest()[..n].trim_end().len();
                if c.rest().starts_with('|') {
                    let body = &c.rest()[1..];
                    let skip = if body.trim_start().starts_with('"') {
                        let q = body.find('"').unwrap_or(0);
                        body[q + 1..].find('"').map(|e| q + 1 + e + 1)
                    } else {
                        Some(0)
                    };
                    let close = skip.and_then(|k| body[k..].find('|').map(|e| k + e + 2));
                    c.i += close.unwrap_or(c.rest().len());
                }
                got = Some(Ok(None));
                break;
            }
            if let Some(n) = link_start(c.rest(), stroke) {
                let start = c.rest()[..n].to_string();
                c.i += n;
                got = Some(inline_text(&mut c, stroke, &start).map(Some));
                break;
            }
        }
        match got {
            Some(result) => out.push((from..c.i, result)),
            None => {
                // Not an arrow this lexer knows: the spec's own parser reports it.
                c.i += c.rest().chars().next().map_or(1, char::len_utf8);
            }
        }
    }
    out
}

/// An unquoted edge label: plain words only.
fn plain_label(raw: &str) -> Result<String, String> {
    let words: Vec<&str> = raw.split(' ').collect();
    let plain = words
        .iter()
        .all(|w| !w.is_empty() && w.chars().all(|ch| ch.is_ascii_alphanumeric() || ch == '_'));
    if !plain {
        return Err(format!("unquoted edge label `{raw}` is not plain words"));
    }
    if let Some(k) = words.iter().find_map(|w| reserved_keyword(w)) {
        return Err(format!(
            "unquoted edge label `{raw}` holds the keyword `{k}`"
        ));
    }
    Ok(raw.to_string())
}

/// The lines of a quoted node label: Mermaid breaks lines at `<br/>` and at `\n` (a backslash
/// then `n`). A `<br/>` also makes Mermaid put the label through DOMPurify, which decodes every
/// entity code before the label is drawn: then a decoded `\n`, `fa:fa-` or `$$` is read too.
fn label_lines(raw: &str) -> Result<Vec<String>, String> {
    // Without a `<` or a `\` there is one line (no `<br/>`, no `\n`): nothing to split or join.
    if !raw.bytes().any(|b| b == b'<' || b == b'\\') {
        return Ok(vec![decode(raw)?]);
    }
    let lines = raw
        .split("<br/>")
        .flat_map(|p| p.split("\\n"))
        .map(decode)
        .collect::<Result<Vec<_>, _>>()?;
    // Mermaid looks for maths in the whole label, across line breaks.
    let early = raw.contains("<br/>");
    let drawn = if early {
        lines.join("<br/>")
    } else {
        raw.replace("\\n", "<br/>")
    };
    match render_trap(&drawn) {
        Some(trap) if early => Err(format!(
            "{trap} once a `<br/>` has made Mermaid decode the entity codes"
        )),
        Some(trap) => Err(format!("raw {trap}")),
        None => Ok(lines),
    }
}

/// Decodes a `click` tooltip as the reader sees it: entity codes, then HTML (Mermaid shows the
/// `title` attribute through DOMPurify as inner HTML). A `-->`, `]>` or `</style` in the
/// attribute makes DOMPurify drop it; a tag would vanish.
pub fn tooltip(raw: &str) -> Result<String, String> {
    let mut attr = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(ch) = rest.chars().next() {
        if let Some((c, len)) = entity_code(rest) {
            attr.push(c?);
            rest = &rest[len..];
            continue;
        }
        if ch.is_control() {
            return Err(format!(
                "raw control character U+{:04X} in a tooltip",
                u32::from(ch)
            ));
        }
        attr.push(ch);
        rest = &rest[ch.len_utf8()..];
    }
    // DOMPurify trims the attribute as JavaScript's `trim` does.
    let attr = attr.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    let lower = attr.to_lowercase();
    if ["-->", "--!>", "]>", "</"]
        .iter()
        .any(|b| lower.contains(b))
    {
        return Err(format!(
            "the tooltip `{attr}` holds markup DOMPurify drops the whole tooltip for"
        ));
    }
    if attr.contains('<') {
        return Err(format!("raw `<` in the tooltip `{attr}` is read as HTML"));
    }
    let mut out = String::with_capacity(attr.len());
    let mut rest = attr;
    while let Some(ch) = rest.chars().next() {
        match entity::html_reference(rest) {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None if ch == '&'
                && rest[1..].starts_with(|c: char| c.is_ascii_alphanumeric() || c == '#') =>
            {
                return Err(format!(
                    "`&` in the tooltip `{attr}` may start an HTML character reference"
                ));
            }
            None => {
                out.push(ch);
                rest = &rest[ch.len_utf8()..];
            }
        }
    }
    Ok(out)
}

/// The Mermaid entity code `#name;`/`#123;` that `text` starts with: the character (or why it
/// is unknown) and the code's length.
fn entity_code(text: &str) -> Option<(Result<char, String>, usize)> {
    entity::mermaid_code(text).map(|(c, len)| {
        let known = c.ok_or_else(|| format!("unknown entity code `{}`", &text[..len]));
        (known, len)
    })
}

/// Decodes the text of a quoted label (one line): Mermaid entity codes `#name;`/`#123;`;
/// anything HTML or Mermaid would read as markup is an error.
pub fn decode(raw: &str) -> Result<String, String> {
    if let Some(trap) = render_trap(raw) {
        return Err(format!("raw {trap}"));
    }
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(ch) = rest.chars().next() {
        match ch {
            '#' => {
                if let Some((c, len)) = entity_code(rest) {
                    out.push(c?);
                    rest = &rest[len..];
                    continue;
                }
                out.push('#');
            }
            '&' => {
                // `&#…;` is safe: Mermaid's entity pass takes the `#…;` first.
                let body = rest[1..]
                    .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                    .map_or(rest.len() - 1, |n| n);
                if body > 0 && rest[1 + body..].starts_with(';') {
                    return Err(format!(
                        "`{}` in a label is an HTML character reference",
                        &rest[..body + 2]
                    ));
                }
                out.push('&');
            }
            '<' | '>' => return Err(format!("raw `{ch}` in a label is read as HTML")),
            '`' => return Err("raw backtick in a label (Mermaid's Markdown strings)".into()),
            '%' if rest[1..].starts_with('%') => {
                return Err("raw `%%` in a label is read as a comment or directive".into());
            }
            c if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}') => {
                return Err(format!(
                    "raw control character U+{:04X} in a label",
                    u32::from(c)
                ));
            }
            _ => out.push(ch),
        }
        rest = &rest[ch.len_utf8()..];
    }
    Ok(out)
}

/// What Mermaid's label drawing reads into `text` (`createText`): `\n` as a line break,
/// `fa:fa-name` (also `fab:`, `fak:`, `fal:`, `far:`, `fas:`) as an icon, `$$…$$` as maths.
fn render_trap(text: &str) -> Option<&'static str> {
    // Each trap holds a `\`, a `$` or a `:`; most labels hold none.
    if !text.bytes().any(|b| matches!(b, b'\\' | b'$' | b':')) {
        return None;
    }
    if text.contains("\\n") {
        return Some("`\\n` in a label is read as a line break");
    }
    if text.matches("$$").count() >= 2 {
        return Some("`$$…$$` in a label is read as maths");
    }
    let icon = text.match_indices(":fa-").any(|(i, _)| {
        let before = &text[..i];
        let prefixed = ["fa", "fab", "fak", "fal", "far", "fas"]
            .iter()
            .any(|p| before.ends_with(p));
        let named =
            text[i + 4..].starts_with(|c: char| c.is_alphanumeric() || c == '_' || c == '-');
        prefixed && named
    });
    icon.then_some("`fa:fa-` in a label is read as a Font Awesome icon")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_the_compiler_writes() {
        let g = read(
            "flowchart LR\n  P1[\"Persona 1<br/>AI #amp;amp; #quot;x#quot;\"]:::persona\n  GoLP[\"go\"]:::p\n\n  P1 --> GoLP & P1 -.alt path.-> GoLP\n  GoLP -.->|\"a #lt; b\"| P1\n  classDef persona fill:#fff,stroke:#000,color:#000\n  classDef p fill:#fff,stroke:#000,color:#000\n",
        )
        .unwrap();
        assert_eq!(g.nodes[0].label, vec!["Persona 1", "AI &amp; \"x\""]);
        assert_eq!(g.edges.len(), 5);
        assert_eq!(g.edges[2].label.as_deref(), Some("alt path"));
        assert_eq!(g.edges[4].label.as_deref(), Some("a < b"));
        assert_eq!(g.edges[4].shape.kind, EdgeKind::Dotted);
    }

    #[test]
    fn applies_mermaids_style_rewrite_before_reading() {
        // The line matches `style.*:\S*#.*;`: Mermaid cuts its last `;`, so the entity breaks.
        let g = read("flowchart LR\n  B[\"style:#35;\"]:::c\n  classDef c fill:#fff\n").unwrap();
        assert_eq!(g.nodes[0].label, vec!["style:#35"]);
        // A trailing `;` separator is what the rewrite cuts instead.
        let g = read("flowchart LR\n  style_b[\"m:#quot;f#quot;\"]:::c;\n  classDef c fill:#fff\n")
            .unwrap();
        assert_eq!(g.nodes[0].label, vec!["m:\"f\""]);
    }

    #[test]
    fn links_are_lexed_as_flow_jison_lexes_them() {
        let label = |arrow: &str| read_link(arrow).map(|(_, l)| l.unwrap_or_default());
        // The inline dotted label loses a last `o`/`x` to the arrow's end.
        assert_eq!(label("-.applies to.->").unwrap(), "applies t");
        assert_eq!(label("-.opts into.->").unwrap(), "opts int");
        assert_eq!(label("-.fix.->").unwrap(), "fi");
        assert!(label("-.o.->").unwrap_err().contains("empty label"));
        assert!(label("-.x.->").unwrap_err().contains("empty label"));
        // Spaces inside, the pipe form and the other strokes read right.
        assert_eq!(label("-. applies to .->").unwrap(), "applies to");
        assert_eq!(label("-. o .->").unwrap(), "o");
        assert_eq!(label("-.->|applies to|").unwrap(), "applies to");
        assert_eq!(label("-- go to -->").unwrap(), "go to");
        assert_eq!(label("== x ==>").unwrap(), "x");
        assert_eq!(label("-.xo.->").unwrap(), "x");
        assert_eq!(read_link("==>").unwrap().0.kind, EdgeKind::Thick);
        assert_eq!(read_link("-.->").unwrap().0.kind, EdgeKind::Dotted);
        assert!(read_link("-- a -.->").unwrap_err().contains("unterminated"));
        assert!(read_link("-- a ==>").is_err());
        assert!(
            read_link("<-- a --o")
                .unwrap_err()
                .contains("different heads")
        );
        // Every link of Mermaid 11, as `destructLink` makes it.
        let shape = |arrow: &str| {
            let s = read_link(arrow).unwrap().0;
            (s.kind.name(), s.ends.mermaid_type(), s.length)
        };
        for (arrow, want) in [
            ("---", ("solid", "arrow_open", 1)),
            ("----", ("solid", "arrow_open", 2)),
            ("--->", ("solid", "arrow_point", 2)),
            ("-.-", ("dotted", "arrow_open", 1)),
            ("-..-", ("dotted", "arrow_open", 2)),
            ("-..->", ("dotted", "arrow_point", 2)),
            ("===", ("thick", "arrow_open", 1)),
            ("===>", ("thick", "arrow_point", 2)),
            ("~~~", ("invisible", "arrow_open", 1)),
            ("~~~~", ("invisible", "arrow_open", 2)),
            ("--o", ("solid", "arrow_circle", 1)),
            ("--x", ("solid", "arrow_cross", 1)),
            ("<-->", ("solid", "double_arrow_point", 1)),
            ("o--o", ("solid", "double_arrow_circle", 1)),
            ("x--x", ("solid", "double_arrow_cross", 1)),
            ("<-.->", ("dotted", "double_arrow_point", 1)),
            ("<==>", ("thick", "double_arrow_point", 1)),
            ("<-- a -->", ("solid", "double_arrow_point", 1)),
            ("x-. a .-x", ("dotted", "double_arrow_cross", 1)),
            ("-- a ---", ("solid", "arrow_open", 1)),
            ("-- go-->", ("solid", "arrow_point", 2)),
        ] {
            assert_eq!(shape(arrow), want, "{arrow}");
        }
    }

    #[test]
    fn finds_the_links_an_author_wrote() {
        let got = statement_links("P3 -.applies to.-> X & Y -. opts into .-> Z -->|a| W");
        assert_eq!(got.len(), 3);
        assert_eq!(got[0].0, 3..18);
        let dotted = Shape::arrow_of(EdgeKind::Dotted);
        assert_eq!(got[0].1, Ok(Some((dotted, "applies t".into()))));
        assert_eq!(got[1].1, Ok(Some((dotted, "opts into".into()))));
        assert_eq!(got[2].1, Ok(None));
        assert!(statement_links("A -.o.-> B")[0].1.is_err());
    }

    #[test]
    fn reads_labels_and_tooltips_as_mermaid_draws_them() {
        let g = read(
            "flowchart LR\n  A[\"C:\\new\"]:::c\n  B[\"C:#92;new\\nfa#58;fa-x #36;#36;y#36;#36;\"]:::c\n  C[\"C:#92;<br/>n\"]:::c\n  click B href \"/b\" \"a #38;lt#59;c#38;gt#59; #38;amp#59;amp#59; $$x$$ --#38;gt#59; #38;#35;65279#59;\"\n  classDef c fill:#fff\n",
        )
        .unwrap();
        // `\n` breaks a line; the entity codes hold until the label is HTML, without `<br/>`.
        assert_eq!(g.nodes[0].label, ["C:", "ew"]);
        assert_eq!(g.nodes[1].label, ["C:\\new", "fa:fa-x $$y$$"]);
        assert_eq!(g.nodes[2].label, ["C:\\", "n"]);
        // A tooltip is HTML: its references are the characters; `$$` is no maths there.
        assert_eq!(
            g.tooltips,
            [(
                "B".to_string(),
                "a <c> &amp; $$x$$ --> \u{feff}".to_string()
            )]
        );
    }

    #[test]
    fn refuses_what_mermaid_misreads() {
        let bad = |t: &str| {
            read(&format!(
                "flowchart LR\n  A[\"a\"]:::c\n{t}\n  classDef c fill:#fff"
            ))
            .unwrap_err()
            .message
        };
        assert!(bad("  end[\"x\"]:::c").contains("keyword"));
        assert!(bad("  A --> B").contains("before it is declared"));
        assert!(bad("  B[\"a <b>\"]:::c").contains("HTML"));
        assert!(bad("  B[\"x\"y\"]:::c").contains("ends before"));
        assert!(bad("  B[\"x direction TB\"]:::c").contains("direction"));
        assert!(bad("  B[\"C:#92;new<br/>x\"]:::c").contains("line break once a `<br/>`"));
        assert!(bad("  B[\"fab#58;fa-github<br/>x\"]:::c").contains("icon once"));
        assert!(bad("  B[\"#36;#36;<br/>#36;#36;\"]:::c").contains("maths once"));
        assert!(bad("  B[\"$$a\\nb$$\"]:::c").contains("maths"));
        assert!(bad("  click A href \"/x\" \"a --#62; b\"").contains("drops"));
        assert!(bad("  click A href \"/x\" \"a #60;b#62;\"").contains("HTML"));
        assert!(bad("  B[\"fa:fa-car\"]:::c").contains("icon"));
        assert!(bad("  constructor[\"x\"]:::c").contains("prototype"));
        assert!(bad("  A-->A").contains("space"));
    }
}
