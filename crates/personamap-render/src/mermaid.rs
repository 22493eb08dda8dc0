//! Mermaid flowcharts: one per persona, in the classic syntax every Mermaid 11 renderer reads.

use crate::escape::{is_plain_edge_label, mermaid_label, mermaid_text};
use personamap_spec::{Class, EdgeChain, EdgeKind, LabelStyle, Link, Links, Page, Persona};
use std::collections::HashMap;
use std::fmt::Write as _;
use std::sync::Mutex;

/// Page-level choices that change a diagram.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct FlowOptions {
    /// Emit `click ID href` lines for nodes with links.
    pub clicks: bool,
    /// Emit `accTitle` and `accDescr` for screen readers.
    pub accessible: bool,
}

impl FlowOptions {
    /// The options `page` asks for.
    pub fn of(page: &Page) -> Self {
        FlowOptions {
            clicks: page.links != Links::None,
            accessible: page.accessible,
        }
    }
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

/// Rendered flowcharts kept between compiles: a persona whose content, used classes and page
/// options are unchanged is not rendered again (a watch rebuild after editing one persona
/// renders one diagram, not every diagram of its page).
#[derive(Default)]
pub struct FlowCache {
    entries: Mutex<HashMap<(u32, FlowOptions), Cached>>,
}

struct Cached {
    persona: Persona,
    classes: Vec<Class>,
    text: String,
}

impl FlowCache {
    /// The flowchart of `persona`, from the cache when nothing it depends on changed.
    pub fn flowchart(&self, persona: &Persona, palette: &[Class], options: FlowOptions) -> String {
        let classes = persona.used_classes(palette);
        let key = (persona.number, options);
        let Ok(mut entries) = self.entries.lock() else {
            return flowchart(persona, palette, options);
        };
        if let Some(c) = entries.get(&key)
            && c.persona == *persona
            && c.classes.len() == classes.len()
            && c.classes.iter().zip(&classes).all(|(a, b)| a == *b)
        {
            return c.text.clone();
        }
        let text = flowchart(persona, palette, options);
        entries.insert(
            key,
            Cached {
                persona: persona.clone(),
                classes: classes.into_iter().cloned().collect(),
                text: text.clone(),
            },
        );
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use personamap_spec::{SourceFile, Sources, Spec};

    fn spec(fill: &str, label: &str) -> Spec {
        let text = format!(
            "[site]\nbase_url = \"https://x\"\n[divider]\npath = \"snippets/D.jsx\"\nlogo = \"/l.svg\"\n\
             [[page]]\nid = \"p\"\ntitle = \"T\"\ndescription = \"D\"\nnavigation = [\"G\"]\n\
             [[palette]]\nname = \"c\"\nmeaning = \"m\"\nfill = \"{fill}\"\nstroke = \"#000\"\ncolor = \"#000\"\n\
             [[persona]]\nnumber = 1\nname = \"N\"\nedges = \"A --> B\"\n\
             [[persona.group]]\nclass = \"c\"\nnodes = [{{ id = \"A\", label = \"{label}\" }}, {{ id = \"B\", label = \"b\" }}]\n"
        );
        let file = SourceFile {
            path: "personas/s.toml".into(),
            text,
        };
        personamap_spec::load(Sources::new(vec![file]))
            .0
            .expect("valid spec")
    }

    #[test]
    fn the_cache_serves_unchanged_diagrams_and_renders_changed_ones() {
        let cache = FlowCache::default();
        let opts = FlowOptions::default();
        let a = spec("#fff", "a");
        let first = cache.flowchart(&a.personas[0], &a.palette, opts);
        assert_eq!(first, flowchart(&a.personas[0], &a.palette, opts));
        assert_eq!(cache.flowchart(&a.personas[0], &a.palette, opts), first);
        let relabelled = spec("#fff", "a2");
        assert!(
            cache
                .flowchart(&relabelled.personas[0], &relabelled.palette, opts)
                .contains("A[\"a2\"]")
        );
        let recoloured = spec("#eee", "a2");
        assert!(
            cache
                .flowchart(&recoloured.personas[0], &recoloured.palette, opts)
                .contains("fill:#eee")
        );
        let clicks = FlowOptions {
            accessible: true,
            ..opts
        };
        assert!(
            cache
                .flowchart(&recoloured.personas[0], &recoloured.palette, clicks)
                .contains("accTitle")
        );
    }
}
