//! Mermaid flowcharts: one per persona, in the classic syntax every Mermaid 11 renderer reads.

use crate::escape::{is_plain_edge_label, mermaid_label, mermaid_text};
use personamap_spec::{Class, EdgeChain, EdgeKind, LabelStyle, Link, Persona};
use std::fmt::Write as _;

/// Page-level choices that change a diagram.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FlowOptions {
    /// Emit `click ID href` lines for nodes with links.
    pub clicks: bool,
    /// Emit `accTitle` and `accDescr` for screen readers.
    pub accessible: bool,
}

/// The flowchart text for `persona` (no fence, ends with a newline): direction, node groups,
/// edge groups, then a `classDef` for each class the diagram uses, in palette order. Options add
/// accessibility lines after the direction and `click` lines before the class definitions.
pub fn flowchart(persona: &Persona, palette: &[Class], options: FlowOptions) -> String {
    let mut out = format!("flowchart {}\n", persona.direction.as_str());
    if options.accessible {
        let _ = writeln!(
            out,
            "  accTitle: {}",
            one_line(&format!(
                "Persona {} – {} infrastructure map",
                persona.number, persona.name
            ))
        );
        let nodes = persona.nodes().count();
        let edges: usize = persona
            .edges
            .iter()
            .flatten()
            .map(EdgeChain::edge_count)
            .sum();
        let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
        let descr = format!(
            "Flowchart of the {} persona {} ({}) touches, joined by {}. A text version follows the diagram.",
            plural(nodes, "component and guide node"),
            persona.number,
            persona.name,
            plural(edges, "edge")
        );
        let _ = writeln!(out, "  accDescr {{ {} }}", one_line(&descr));
    }
    let mut blocks: Vec<String> = Vec::new();
    for group in persona.groups.iter().filter(|g| !g.is_empty()) {
        let mut block = String::new();
        for n in group {
            let _ = writeln!(
                block,
                "  {}[\"{}\"]:::{}",
                n.id,
                mermaid_label(&n.label),
                n.class
            );
        }
        blocks.push(block);
    }
    for group in &persona.edges {
        let mut block = String::new();
        for chain in group {
            let _ = writeln!(block, "  {}", edge_statement(chain));
        }
        blocks.push(block);
    }
    if options.clicks {
        let mut block = String::new();
        for n in persona.nodes() {
            if let Some(href) = &n.href {
                let tip = n.tooltip.clone().unwrap_or_else(|| n.label.join(" "));
                let _ = writeln!(
                    block,
                    "  click {} href \"{}\" \"{}\"",
                    n.id,
                    href.replace('"', "%22"),
                    one_line(&tip)
                );
            }
        }
        if !block.is_empty() {
            blocks.push(block);
        }
    }
    let mut defs = String::new();
    for class in persona.used_classes(palette) {
        let _ = writeln!(defs, "  {}", class_def(class));
    }
    if !defs.is_empty() {
        blocks.push(defs);
    }
    out.push_str(&blocks.join("\n"));
    out
}

/// Text safe in an `accTitle`, `accDescr` or click tooltip, where Mermaid decodes no entity
/// codes: one line, without the characters its grammar or entity pass would misread.
fn one_line(text: &str) -> String {
    text.replace(['"', '#', '<', '>', '{', '}', '%', ';', '`'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// `classDef name fill:…,stroke:…,color:…[,stroke-dasharray:…]`.
pub fn class_def(c: &Class) -> String {
    let mut s = format!(
        "classDef {} fill:{},stroke:{},color:{}",
        c.name, c.fill, c.stroke, c.color
    );
    if let Some(dash) = &c.dash {
        let _ = write!(s, ",stroke-dasharray:{dash}");
    }
    s
}

/// One edge statement: node sets joined by `&`, links written as the author wrote them, labels
/// that are not plain words quoted in the pipe form.
pub fn edge_statement(chain: &EdgeChain) -> String {
    let mut s = String::new();
    for (i, set) in chain.sets.iter().enumerate() {
        if i > 0 {
            let _ = write!(s, " {} ", link(&chain.links[i - 1]));
        }
        let ids: Vec<&str> = set.iter().map(|r| r.id.as_str()).collect();
        s.push_str(&ids.join(" & "));
    }
    s
}

fn link(l: &Link) -> String {
    let arrow = match l.kind {
        EdgeKind::Solid => "-->",
        EdgeKind::Dotted => "-.->",
        EdgeKind::Thick => "==>",
    };
    match &l.label {
        None => arrow.to_string(),
        Some((text, style)) if is_plain_edge_label(text) => match (style, l.kind) {
            (LabelStyle::Pipe, _) => format!("{arrow}|{text}|"),
            (LabelStyle::Inline, EdgeKind::Solid) => format!("-- {text} -->"),
            (LabelStyle::Inline, EdgeKind::Dotted) => format!("-.{text}.->"),
            (LabelStyle::Inline, EdgeKind::Thick) => format!("== {text} ==>"),
        },
        Some((text, _)) => format!("{arrow}|\"{}\"|", mermaid_text(text)),
    }
}
