//! A reader for the classic Mermaid flowchart syntax the compiler emits, modelled on what
//! Mermaid 11 itself does with the text (entity codes, `<br/>`, keywords, its line-level
//! `style…:…#…;` rewrite), so that a diagram that reads back here to the spec's graph is one
//! Mermaid draws as the spec says.

use personamap_spec::EdgeKind;
use personamap_spec::rules::reserved_keyword;

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
    /// Line style.
    pub kind: EdgeKind,
    /// Label text, decoded.
    pub label: Option<String>,
}

/// Why a diagram does not read: 1-based line of the diagram text and a message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReadError {
    /// 1-based line in the diagram.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

/// Reads a flowchart. Anything the compiler never emits, or that Mermaid would misread, is an
/// error.
pub fn read(text: &str) -> Result<Graph, ReadError> {
    let mut g = Graph::default();
    let mut lines = text.lines().enumerate().map(|(i, l)| (i + 1, l));
    let mut in_descr = false;
    let mut started = false;
    for (no, raw) in lines.by_ref() {
        let err = |message: String| ReadError { line: no, message };
        let line = raw.trim();
        if in_descr {
            in_descr = !line.ends_with('}');
            continue;
        }
        if line.is_empty() || line.starts_with("%%") {
            continue;
        }
        if !started {
            let mut words = line.split_whitespace();
            match (words.next(), words.next(), words.next()) {
                (Some("flowchart" | "graph"), Some(dir), None)
                    if ["LR", "RL", "TD", "TB", "BT"].contains(&dir) =>
                {
                    g.direction = dir.to_string();
                    started = true;
                    continue;
                }
                _ => return Err(err(format!("expected `flowchart DIR`, found `{line}`"))),
            }
        }
        if let Some(problem) = entity_pass_hazard(line) {
            return Err(err(problem));
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
            if !g.nodes.iter().any(|n| n.id == id) {
                return Err(err(format!(
                    "`click` names `{id}`, which is no node (Mermaid ignores the line)"
                )));
            }
            g.clicks.push(id.to_string());
            continue;
        }
        if let Some(rest) = line.strip_prefix("class ") {
            let (ids, class) = rest.trim().rsplit_once(' ').unwrap_or(("", ""));
            for id in ids.split(',') {
                match g.nodes.iter_mut().find(|n| n.id == id.trim()) {
                    Some(n) => n.class = Some(class.to_string()),
                    None => {
                        return Err(err(format!(
                            "`class` names `{id}`, which is no node (Mermaid ignores it)"
                        )));
                    }
                }
            }
            continue;
        }
        statement(&mut g, line).map_err(err)?;
    }
    if !started {
        return Err(ReadError {
            line: 1,
            message: "empty diagram".into(),
        });
    }
    for n in &g.nodes {
        if let Some(c) = &n.class
            && !g.class_defs.iter().any(|(name, _)| name == c)
        {
            return Err(ReadError {
                line: 0,
                message: format!("node `{}` uses class `{c}`, which has no classDef", n.id),
            });
        }
    }
    Ok(g)
}

/// Mermaid runs `/style.*:\S*#.*;/` and `/classDef.*:\S*#.*;/` over every line before it
/// decodes entity codes, and cuts the last `;` of a match, which breaks an entity code.
fn entity_pass_hazard(line: &str) -> Option<String> {
    for word in ["style", "classDef"] {
        for (s, _) in line.match_indices(word) {
            let after = &line[s + word.len()..];
            for (j, _) in after.match_indices(':') {
                let run = after[j + 1..]
                    .split(char::is_whitespace)
                    .next()
                    .unwrap_or("");
                if let Some(k) = run.find('#')
                    && after[j + 1 + k..].contains(';')
                {
                    return Some(format!(
                        "the line matches Mermaid's `{word}…:…#…;` rewrite, which drops its last `;`"
                    ));
                }
            }
        }
    }
    None
}

struct Cur<'a> {
    s: &'a str,
    i: usize,
}

impl Cur<'_> {
    fn rest(&self) -> &str {
        &self.s[self.i..]
    }
    fn ws(&mut self) -> usize {
        let n = self.rest().len() - self.rest().trim_start_matches([' ', '\t']).len();
        self.i += n;
        n
    }
    fn eat(&mut self, t: &str) -> bool {
        let ok = self.rest().starts_with(t);
        if ok {
            self.i += t.len();
        }
        ok
    }
}

/// A node or edge statement.
fn statement(g: &mut Graph, line: &str) -> Result<(), String> {
    let mut c = Cur { s: line, i: 0 };
    let mut sets: Vec<Vec<String>> = vec![vertex_set(g, &mut c)?];
    let mut links: Vec<(EdgeKind, Option<String>)> = Vec::new();
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
        sets.push(vertex_set(g, &mut c)?);
    }
    if links.is_empty() && sets[0].len() > 1 {
        return Err("`&` outside an edge".into());
    }
    for (w, (kind, label)) in sets.windows(2).zip(links) {
        for a in &w[0] {
            for b in &w[1] {
                g.edges.push(GraphEdge {
                    from: a.clone(),
                    to: b.clone(),
                    kind,
                    label: label.clone(),
                });
            }
        }
    }
    Ok(())
}

fn vertex_set(g: &mut Graph, c: &mut Cur) -> Result<Vec<String>, String> {
    let mut set = vec![vertex(g, c)?];
    loop {
        let save = c.i;
        c.ws();
        if c.eat("&") {
            c.ws();
            set.push(vertex(g, c)?);
        } else {
            c.i = save;
            return Ok(set);
        }
    }
}

/// `ID`, `ID["label"]`, with an optional `:::class`. A bare id must name a declared node.
fn vertex(g: &mut Graph, c: &mut Cur) -> Result<String, String> {
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
        Some(
            raw.split("<br/>")
                .map(decode)
                .collect::<Result<Vec<_>, _>>()?,
        )
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
            if g.nodes.iter().any(|n| n.id == id) {
                return Err(format!(
                    "node `{id}` is declared twice (Mermaid keeps the last label)"
                ));
            }
            g.nodes.push(GraphNode {
                id: id.clone(),
                label,
                class,
            });
        }
        None => match g.nodes.iter_mut().find(|n| n.id == id) {
            Some(n) => {
                if class.is_some() {
                    n.class = class;
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

/// One arrow with its label.
fn link(c: &mut Cur) -> Result<(EdgeKind, Option<String>), String> {
    for (arrow, kind) in [
        ("-.->", EdgeKind::Dotted),
        ("-->", EdgeKind::Solid),
        ("==>", EdgeKind::Thick),
    ] {
        if c.eat(arrow) {
            if !c.eat("|") {
                return Ok((kind, None));
            }
            let end = if c.rest().starts_with('"') {
                c.rest()[1..].find('"').map(|e| e + 2)
            } else {
                c.rest().find('|')
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
    }
    for (open, close, kind) in [
        ("-.", ".->", EdgeKind::Dotted),
        ("-- ", " -->", EdgeKind::Solid),
        ("== ", " ==>", EdgeKind::Thick),
    ] {
        if c.eat(open) {
            let end = c
                .rest()
                .find(close)
                .ok_or_else(|| format!("unterminated arrow `{open}`"))?;
            let text = plain_label(&c.rest()[..end])?;
            c.i += end + close.len();
            return Ok((kind, Some(text)));
        }
    }
    Err(format!("expected an arrow, found `{}`", c.rest()))
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

/// Decodes the text of a quoted label (one line): Mermaid entity codes `#name;`/`#123;`;
/// anything HTML or Mermaid would read as markup is an error.
pub fn decode(raw: &str) -> Result<String, String> {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(ch) = rest.chars().next() {
        match ch {
            '#' => {
                let body = rest[1..]
                    .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                    .map_or(rest.len() - 1, |n| n);
                if body > 0 && rest[1 + body..].starts_with(';') {
                    let name = &rest[1..1 + body];
                    out.push(
                        entity(name).ok_or_else(|| format!("unknown entity code `#{name};`"))?,
                    );
                    rest = &rest[body + 2..];
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
            '$' if rest[1..].starts_with('$') => {
                return Err("raw `$$` in a label is read as maths".into());
            }
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

fn entity(name: &str) -> Option<char> {
    if name.bytes().all(|b| b.is_ascii_digit()) {
        return name.parse::<u32>().ok().and_then(char::from_u32);
    }
    Some(match name {
        "quot" => '"',
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        _ => return None,
    })
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
        assert_eq!(g.edges[4].kind, EdgeKind::Dotted);
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
        assert!(bad("  B[\"style:#35;\"]:::c").contains("rewrite"));
        assert!(bad("  A-->A").contains("space"));
    }
}
