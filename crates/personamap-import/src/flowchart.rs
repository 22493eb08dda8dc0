//! The Mermaid reader: the classic flowchart syntax the compiler writes (`flowchart DIR`, node
//! lines in blank-line groups, edge statements, `accTitle`/`accDescr`, `click` and `classDef`
//! lines). Everything else is an error naming the page line.

use crate::ImportError;
use personamap_spec::{FileId, Span};
use personamap_syntax::entity::decode_mermaid;
use personamap_syntax::mermaid::flowchart::tooltip;
use personamap_syntax::mermaid::{header_direction, label_text, style_rewrite};

/// A flowchart as read.
pub(crate) struct Chart {
    /// `LR`, `TD`, …
    pub direction: String,
    /// Node groups, in order.
    pub groups: Vec<Vec<ChartNode>>,
    /// The edges in the spec's mini-language: statements, blank lines between groups.
    pub edges: String,
    /// `classDef` lines, in order.
    pub class_defs: Vec<ClassDef>,
    /// Whether the diagram has `click` lines.
    pub clicks: bool,
    /// Whether the diagram has `accTitle`/`accDescr`.
    pub accessible: bool,
    /// The `%%{init: …}%%` line's settings: Mintlify's ELK renderer, node padding.
    pub elk: bool,
    pub padding: Option<u32>,
    /// The `accTitle` text, decoded.
    pub acc_title: Option<String>,
    /// The one-line `accDescr { … }` text, decoded.
    pub acc_descr: Option<String>,
}

/// A node as read.
pub(crate) struct ChartNode {
    pub id: String,
    pub label: Vec<String>,
    pub class: String,
    pub href: Option<String>,
    pub tooltip: Option<String>,
    pub line: usize,
    /// The node's item in the map's text version (Markdown), when the page has one.
    pub text: Option<String>,
}

/// A `classDef` line.
pub(crate) struct ClassDef {
    pub name: String,
    pub fill: String,
    pub stroke: String,
    pub color: String,
    pub dash: Option<String>,
    pub line: usize,
}

/// Reads the lines of a ```mermaid block (with their page line numbers); `fence` is the line
/// of the opening fence.
pub(crate) fn read(body: &[(usize, &str)], fence: usize) -> Result<Chart, ImportError> {
    let mut lines = body.iter().copied();
    let mut direction = None;
    let (mut elk, mut padding) = (false, None);
    for (no, raw) in lines.by_ref() {
        let line = raw.trim();
        if direction.is_none() && line.starts_with("%%{") {
            (elk, padding) = init_line(line, no)?;
            continue;
        }
        if line.is_empty() || (line.starts_with("%%") && !line.starts_with("%%{")) {
            continue;
        }
        if let Some(dir) = header_direction(line) {
            direction = Some(dir.to_string());
            break;
        }
        match line.split_whitespace().next() {
            Some("flowchart" | "graph") => {
                return Err(ImportError::at(
                    no,
                    format!(
                        "unsupported flowchart header `{line}`: write `flowchart LR` (or RL, TD, TB, BT)"
                    ),
                ));
            }
            Some(kind) => {
                return Err(ImportError::at(
                    no,
                    format!(
                        "a `{kind}` Mermaid diagram is not supported: each persona needs a flowchart"
                    ),
                ));
            }
            None => {}
        }
    }
    let direction = direction.ok_or_else(|| ImportError::at(fence, "an empty ```mermaid block"))?;
    let mut chart = Chart {
        direction,
        groups: Vec::new(),
        edges: String::new(),
        class_defs: Vec::new(),
        clicks: false,
        accessible: false,
        elk,
        padding,
        acc_title: None,
        acc_descr: None,
    };
    let mut group: Vec<ChartNode> = Vec::new();
    let mut edge_group: Vec<String> = Vec::new();
    let mut edge_groups: Vec<Vec<String>> = Vec::new();
    let mut clicks: Vec<(String, String, Option<String>, usize)> = Vec::new();
    let mut in_descr = false;
    for (no, raw) in lines {
        // As Mermaid reads the line: its own rewrite first, then `;` ends a statement.
        let rewritten = style_rewrite(raw.trim());
        let line = rewritten.trim_end_matches(';').trim_end();
        if in_descr {
            in_descr = !line.contains('}');
            continue;
        }
        if line.is_empty() {
            if !group.is_empty() {
                chart.groups.push(std::mem::take(&mut group));
            }
            if !edge_group.is_empty() {
                edge_groups.push(std::mem::take(&mut edge_group));
            }
            continue;
        }
        if line.starts_with("%%{") {
            return Err(ImportError::at(
                no,
                "Mermaid directives (`%%{…}%%`) are not supported",
            ));
        }
        if line.starts_with("%%") {
            continue;
        }
        let keyword = line.split_whitespace().next().unwrap_or("");
        let keyword = keyword.split(':').next().unwrap_or(keyword);
        match keyword {
            "accTitle" => {
                chart.accessible = true;
                // The text as written: Mermaid reads it whole, without its `style` rewrite.
                let text = raw.trim().strip_prefix("accTitle").unwrap_or("");
                let text = text.trim_start().strip_prefix(':').unwrap_or(text);
                chart.acc_title = Some(decode_mermaid(text.trim()));
            }
            "accDescr" => {
                chart.accessible = true;
                in_descr = line.contains('{') && !line.contains('}');
                let text = raw.trim().strip_prefix("accDescr").unwrap_or("").trim();
                let text = text.strip_prefix('{').and_then(|t| t.strip_suffix('}'));
                chart.acc_descr = text.map(|t| decode_mermaid(t.trim()));
            }
            "classDef" => chart.class_defs.push(class_def(line, no)?),
            "click" => clicks.push(click(line, no)?),
            "style" | "linkStyle" | "subgraph" | "end" | "class" | "direction" => {
                return Err(ImportError::at(
                    no,
                    format!(
                        "`{keyword}` lines are not supported: personamap draws nodes with `:::class` and colours from the palette, without subgraphs"
                    ),
                ));
            }
            _ => match node(line, no)? {
                Some(n) => group.push(n),
                None => edge_group.push(edge(line, no)?),
            },
        }
    }
    if in_descr {
        return Err(ImportError::at(fence, "unterminated `accDescr {`"));
    }
    if !group.is_empty() {
        chart.groups.push(group);
    }
    if !edge_group.is_empty() {
        edge_groups.push(edge_group);
    }
    chart.edges = edge_groups
        .iter()
        .map(|g| g.iter().map(|l| format!("{l}\n")).collect::<String>())
        .collect::<Vec<_>>()
        .join("\n");
    for (id, href, tip, no) in clicks {
        let node = chart
            .groups
            .iter_mut()
            .flatten()
            .find(|n| n.id == id)
            .ok_or_else(|| {
                ImportError::at(
                    no,
                    format!("`click` names `{id}`, which is not a node of this diagram"),
                )
            })?;
        // The compiler's tooltip is the label on one line unless the spec gives one.
        let tip = tip
            .map(|t| tooltip(&t))
            .transpose()
            .map_err(|m| ImportError::at(no, m))?;
        let label = label_text(&node.label);
        node.tooltip = match tip {
            Some(t) => Some(t).filter(|t| *t != label),
            // No tooltip on a node whose label would give one: the spec's tooltip was blank.
            None if !label
                .trim_matches(|c: char| c.is_ascii_whitespace())
                .is_empty() =>
            {
                Some(String::new())
            }
            None => None,
        };
        node.href = Some(href);
        chart.clicks = true;
    }
    Ok(chart)
}

/// The `%%{init: {'flowchart': {…}}}%%` line personamap writes (`[page.maps]` `renderer =
/// "elk"`, `padding`): whether it asks for ELK, and the padding.
fn init_line(line: &str, no: usize) -> Result<(bool, Option<u32>), ImportError> {
    let unsupported = || {
        ImportError::at(
            no,
            format!(
                "Mermaid directive `{line}` is not supported: personamap writes only `%%{{init: {{'flowchart': {{'defaultRenderer': 'elk', 'padding': N}}}}}}%%`"
            ),
        )
    };
    let inner = line
        .strip_prefix("%%{init: {'flowchart': {")
        .and_then(|l| l.strip_suffix("}}}%%"))
        .ok_or_else(unsupported)?;
    let (mut elk, mut padding) = (false, None);
    for part in inner.split(", ") {
        match part.split_once(": ") {
            Some(("'defaultRenderer'", "'elk'")) if !elk && padding.is_none() => elk = true,
            Some(("'padding'", n)) if padding.is_none() => {
                padding = Some(n.parse().map_err(|_| unsupported())?);
            }
            _ => return Err(unsupported()),
        }
    }
    Ok((elk, padding))
}

/// `ID["label"]:::class` (or `ID[label]:::class`); `Ok(None)` when the line is no node
/// definition.
fn node(line: &str, no: usize) -> Result<Option<ChartNode>, ImportError> {
    let id_len = line
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(line.len());
    let (id, rest) = line.split_at(id_len);
    if id.is_empty() || !rest.starts_with(['[', '(', '{', '>']) {
        return Ok(None);
    }
    let shape_error = || {
        ImportError::at(
            no,
            format!(
                "the shape of node `{id}` is not supported: personamap draws rectangles, `{id}[\"label\"]:::class`"
            ),
        )
    };
    let rectangle = rest.starts_with('[')
        && !["[[", "[(", "[/", "[\\"]
            .iter()
            .any(|p| rest.starts_with(p));
    if !rectangle {
        return Err(shape_error());
    }
    let inner = &rest[1..];
    let (raw, after) = if let Some(q) = inner.strip_prefix('"') {
        let end = q
            .find('"')
            .ok_or_else(|| ImportError::at(no, format!("unterminated label of node `{id}`")))?;
        let after = q[end + 1..].strip_prefix(']').ok_or_else(shape_error)?;
        (&q[..end], after)
    } else {
        let end = inner.find(']').ok_or_else(shape_error)?;
        let label = &inner[..end];
        if label.contains('"') {
            return Err(shape_error());
        }
        (label, &inner[end + 1..])
    };
    let after = after.trim_end();
    let after = after.strip_suffix(';').unwrap_or(after);
    let class = after.strip_prefix(":::").ok_or_else(|| {
        if after.is_empty() {
            ImportError::at(no, format!("node `{id}` has no `:::class`: every node needs a palette class"))
        } else {
            ImportError::at(no, format!("`{after}` after node `{id}` is not supported (define nodes on their own lines, edges separately)"))
        }
    })?;
    if class.is_empty() || !class.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        return Err(ImportError::at(
            no,
            format!("`:::{class}` is not a single class name"),
        ));
    }
    if raw.starts_with('`') {
        return Err(ImportError::at(
            no,
            format!("Markdown labels (node `{id}`) are not supported"),
        ));
    }
    let mut label = Vec::new();
    for part in split_breaks(raw) {
        if part.contains('<') || part.contains('>') {
            return Err(ImportError::at(
                no,
                format!(
                    "HTML in the label of node `{id}` is not supported (only `<br/>` line breaks)"
                ),
            ));
        }
        label.push(decode_mermaid(part));
    }
    Ok(Some(ChartNode {
        id: id.to_string(),
        label,
        class: class.to_string(),
        href: None,
        tooltip: None,
        line: no,
        text: None,
    }))
}

/// Splits a label at `<br/>`, `<br />`, `<br>` and `\n` (which the compiler writes where a
/// `<br/>` would make Mermaid decode the label's entity codes early; a literal backslash is
/// written `#92;`).
fn split_breaks(raw: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut rest = raw;
    loop {
        let found = ["<br/>", "<br />", "<br>", "\\n"]
            .iter()
            .filter_map(|b| rest.find(b).map(|i| (i, b.len())))
            .min();
        match found {
            Some((i, len)) => {
                parts.push(&rest[..i]);
                rest = &rest[i + len..];
            }
            None => {
                parts.push(rest);
                return parts;
            }
        }
    }
}

/// An edge statement in the spec's mini-language: quoted labels' entity codes decoded (and
/// `"`/`\` escaped for the spec), checked with the spec's own parser.
fn edge(line: &str, no: usize) -> Result<String, ImportError> {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(q) = rest.find('"') {
        out.push_str(&rest[..q]);
        let after = &rest[q + 1..];
        let end = after
            .find('"')
            .ok_or_else(|| ImportError::at(no, "unterminated quoted edge label"))?;
        let text = decode_mermaid(&after[..end]);
        out.push('"');
        out.push_str(&text.replace('\\', "\\\\").replace('"', "\\\""));
        out.push('"');
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    let out = out.strip_suffix(';').unwrap_or(&out).to_string();
    let span = Span::new(FileId(0), 0..0);
    let (_, errors) = personamap_spec::edges::parse(&out, FileId(0), Some(0), span);
    if let Some((e, _)) = errors.first() {
        let help = e
            .help
            .as_deref()
            .map(|h| format!(" ({h})"))
            .unwrap_or_default();
        return Err(ImportError::at(
            no,
            format!(
                "`{line}` is neither a node (`ID[\"label\"]:::class`) nor an edge statement personamap reads: {}{help}",
                e.message
            ),
        ));
    }
    Ok(out)
}

/// `classDef name fill:…,stroke:…,color:…[,stroke-dasharray:…]`.
fn class_def(line: &str, no: usize) -> Result<ClassDef, ImportError> {
    let rest = line["classDef".len()..].trim();
    let rest = rest.strip_suffix(';').unwrap_or(rest);
    let (name, props) = rest.split_once(char::is_whitespace).ok_or_else(|| {
        ImportError::at(
            no,
            format!("`{line}` does not parse as `classDef name fill:…,stroke:…,color:…`"),
        )
    })?;
    if name.contains(',') {
        return Err(ImportError::at(
            no,
            "a `classDef` of several classes at once is not supported",
        ));
    }
    let (mut fill, mut stroke, mut color, mut dash) = (None, None, None, None);
    for prop in props.trim().split(',') {
        let (key, value) = prop.split_once(':').ok_or_else(|| {
            ImportError::at(no, format!("`{prop}` in a classDef is not `key:value`"))
        })?;
        let value = Some(value.trim().to_string());
        match key.trim() {
            "fill" => fill = value,
            "stroke" => stroke = value,
            "color" => color = value,
            "stroke-dasharray" => dash = value,
            other => {
                return Err(ImportError::at(
                    no,
                    format!(
                        "`{other}` in `classDef {name}` is not supported: the palette holds fill, stroke, color and stroke-dasharray"
                    ),
                ));
            }
        }
    }
    let missing = |what: &str| ImportError::at(no, format!("`classDef {name}` has no `{what}`"));
    Ok(ClassDef {
        name: name.to_string(),
        fill: fill.ok_or_else(|| missing("fill"))?,
        stroke: stroke.ok_or_else(|| missing("stroke"))?,
        color: color.ok_or_else(|| missing("color"))?,
        dash,
        line: no,
    })
}

/// `click ID href "url" "tooltip"` (or `click ID "url"`) → (id, url, tooltip, line).
fn click(line: &str, no: usize) -> Result<(String, String, Option<String>, usize), ImportError> {
    let unsupported = || {
        ImportError::at(
            no,
            format!("`{line}` is not supported: write `click ID href \"url\" \"tooltip\"`"),
        )
    };
    let rest = line["click".len()..].trim_start();
    let (id, rest) = rest
        .split_once(char::is_whitespace)
        .ok_or_else(unsupported)?;
    let rest = rest.trim_start();
    let rest = rest.strip_prefix("href").map_or(rest, str::trim_start);
    let (url, rest) = quoted(rest).ok_or_else(unsupported)?;
    let rest = rest.trim();
    let tip = if rest.is_empty() {
        None
    } else {
        let (tip, rest) = quoted(rest).ok_or_else(unsupported)?;
        if !rest.trim().is_empty() {
            return Err(unsupported());
        }
        Some(tip.to_string())
    };
    Ok((id.to_string(), url.to_string(), tip, no))
}

/// A leading `"…"` and what follows it.
fn quoted(s: &str) -> Option<(&str, &str)> {
    let inner = s.strip_prefix('"')?;
    let end = inner.find('"')?;
    Some((&inner[..end], &inner[end + 1..]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use personamap_syntax::mermaid::{guard_line, mermaid_label, mermaid_tooltip};

    /// A diagram with one node `id`, its label and tooltip, as the compiler writes it.
    fn chart(id: &str, label: &str, tip: &str) -> Chart {
        let node = format!("  {id}[\"{}\"]:::c", mermaid_label(&[label.to_string()]));
        let click = format!(
            "  click {id} href \"https://x.org/#a\" \"{}\"",
            mermaid_tooltip(tip)
        );
        let lines = [
            "flowchart LR".to_string(),
            guard_line(&node, true).into_owned(),
            String::new(),
            guard_line(&click, false).into_owned(),
            String::new(),
            "  classDef c fill:#fff,stroke:#000,color:#000".to_string(),
        ];
        let body: Vec<(usize, &str)> = lines
            .iter()
            .enumerate()
            .map(|(i, l)| (i + 1, l.as_str()))
            .collect();
        match read(&body, 0) {
            Ok(chart) => chart,
            Err(e) => panic!("{lines:?}: {e}"),
        }
    }

    #[test]
    fn guarded_lines_and_tooltips_read_back() {
        // `style` in the id: the writer guards both lines against Mermaid's rewrite.
        let c = chart("style_b", "mode:\"fast\"", "t;x & <y> #1");
        let node = &c.groups[0][0];
        assert_eq!(node.label, ["mode:\"fast\""]);
        assert_eq!(node.href.as_deref(), Some("https://x.org/#a"));
        assert_eq!(node.tooltip.as_deref(), Some("t;x & <y> #1"));
        // A tooltip that is the label on one line is the compiler's default: not kept.
        let c = chart("B", "a & b", "a & b");
        assert_eq!(c.groups[0][0].tooltip, None);
    }
}
