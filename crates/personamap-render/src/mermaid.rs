//! Mermaid flowcharts: one per persona, in the classic syntax every Mermaid 11 renderer reads.

use personamap_spec::{
    Class, EdgeChain, EdgeKind, LabelStyle, Link, Links, Maps, Node, Page, Persona, same,
};
use personamap_syntax::mermaid::{
    dotted_inline_misread, guard_line, is_plain_edge_label, label_text, mermaid_label,
    mermaid_string, mermaid_text, mermaid_tooltip,
};
use std::collections::HashMap;
use std::fmt::Write as _;
use std::sync::{Arc, Mutex};

/// Page-level choices that change a diagram.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct FlowOptions {
    /// Emit `click ID href` lines for nodes with links.
    pub clicks: bool,
    /// Emit `accTitle` and `accDescr` for screen readers.
    pub accessible: bool,
    /// Write inline edge labels exactly as the author did, even where Mermaid misreads them
    /// (`-.applies to.->`); otherwise such labels get spaces inside (`-. applies to .->`).
    pub verbatim_labels: bool,
    /// The page's map settings (layout, wrapping, link markers).
    pub maps: Maps,
    /// The number the page shows for the persona, when not its own (`numbering = "page"`).
    pub number: Option<u32>,
}

impl FlowOptions {
    /// The options `page` asks for.
    pub fn of(page: &Page) -> Self {
        FlowOptions {
            clicks: page.links != Links::None,
            accessible: page.accessible,
            verbatim_labels: page.edge_labels == personamap_spec::EdgeLabels::Verbatim,
            maps: page.maps,
            number: None,
        }
    }

    /// The options `page` asks for in the diagram of persona `number`.
    pub fn of_persona(page: &Page, number: u32) -> Self {
        let shown = page.shown_number(number);
        FlowOptions {
            number: (shown != number).then_some(shown),
            ..FlowOptions::of(page)
        }
    }
}

/// The flowchart text for `persona` (no fence, ends with a newline): direction, node groups,
/// edge groups, then a `classDef` for each class the diagram uses, in palette order. Options add
/// accessibility lines after the direction and `click` lines before the class definitions.
pub fn flowchart(persona: &Persona, palette: &[Class], options: FlowOptions) -> String {
    let maps = &options.maps;
    let mut out = String::new();
    if let Some(init) = maps.init_line() {
        let _ = writeln!(out, "{init}");
    }
    let direction = personamap_spec::maps::direction(maps, options.clicks, persona);
    let _ = writeln!(out, "flowchart {}", direction.as_str());
    if options.accessible {
        let number = options.number.unwrap_or(persona.number);
        let _ = writeln!(
            out,
            "  accTitle: {}",
            mermaid_string(&acc_title(persona, number))
        );
        let _ = writeln!(
            out,
            "  accDescr {{ {} }}",
            mermaid_string(&acc_descr(persona, number))
        );
    }
    // Blocks of statements, a blank line between two; each line is built in `line`, guarded,
    // and written straight into `out`.
    let mut blocks = 0;
    let mut block = |out: &mut String| {
        if blocks > 0 {
            out.push('\n');
        }
        blocks += 1;
    };
    let mut line = String::new();
    let put = |out: &mut String, line: &str, labels: bool| {
        out.push_str(&guard_line(line, labels));
        out.push('\n');
    };
    for group in persona.groups.iter().filter(|g| !g.is_empty()) {
        block(&mut out);
        for n in group {
            line.clear();
            let label = mermaid_label(&maps.label(n, options.clicks));
            let _ = write!(line, "  {}[\"{label}\"]:::{}", n.id, n.class);
            put(&mut out, &line, true);
        }
    }
    for group in &persona.edges {
        block(&mut out);
        for chain in group {
            line.clear();
            line.push_str("  ");
            edge_statement(&mut line, chain, options.verbatim_labels);
            put(&mut out, &line, true);
        }
    }
    if options.clicks && persona.nodes().any(|n| n.href.is_some()) {
        block(&mut out);
        for n in persona.nodes() {
            if let Some(href) = &n.href {
                let href = href.replace('"', "%22");
                line.clear();
                let _ = match tooltip(n) {
                    Some(tip) => write!(
                        line,
                        "  click {} href \"{href}\" \"{}\"",
                        n.id,
                        mermaid_tooltip(&tip)
                    ),
                    None => write!(line, "  click {} href \"{href}\"", n.id),
                };
                put(&mut out, &line, false);
            }
        }
    }
    let classes = persona.used_classes(palette);
    if !classes.is_empty() {
        block(&mut out);
        for class in classes {
            let _ = writeln!(out, "  {}", class_def(class));
        }
    }
    out
}

/// The tooltip a linked node shows, before escaping: the spec's `tooltip`, else the label on
/// one line; `None` when that is blank (Mermaid's grammar has no empty tooltip string, and an
/// empty one would show nothing anyway).
pub fn tooltip(n: &Node) -> Option<String> {
    let tip = n.tooltip.clone().unwrap_or_else(|| label_text(&n.label));
    let blank = tip
        .trim_matches(|c: char| c.is_ascii_whitespace())
        .is_empty();
    (!blank).then_some(tip)
}

/// The diagram's accessible title for `persona` shown as number `number`, before escaping
/// for Mermaid.
pub fn acc_title(persona: &Persona, number: u32) -> String {
    format!("Persona {number} – {} infrastructure map", persona.name)
}

/// The diagram's accessible description for `persona` shown as number `number`, before
/// escaping for Mermaid.
pub fn acc_descr(persona: &Persona, number: u32) -> String {
    let nodes = persona.nodes().count();
    let edges: usize = persona
        .edges
        .iter()
        .flatten()
        .map(EdgeChain::edge_count)
        .sum();
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    format!(
        "Flowchart of the {} persona {} ({}) touches, joined by {}. A text version follows the diagram.",
        plural(nodes, "component and guide node"),
        number,
        persona.name,
        plural(edges, "edge")
    )
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
/// that are not plain words quoted in the pipe form. Unless `verbatim`, an inline dotted label
/// Mermaid would misread gets spaces inside (`-. applies to .->`). Written at the end of `s`.
fn edge_statement(s: &mut String, chain: &EdgeChain, verbatim: bool) {
    for (i, set) in chain.sets.iter().enumerate() {
        if i > 0 {
            let _ = write!(s, " {} ", link(&chain.links[i - 1], verbatim));
        }
        for (j, r) in set.iter().enumerate() {
            if j > 0 {
                s.push_str(" & ");
            }
            s.push_str(&r.id);
        }
    }
}

fn link(l: &Link, verbatim: bool) -> String {
    let arrow = l.shape.arrow();
    let inline = l.shape.inline_halves();
    match (&l.label, inline) {
        (None, _) => arrow,
        (Some((text, LabelStyle::Pipe)), _) if is_plain_edge_label(text) => {
            format!("{arrow}|{text}|")
        }
        (Some((text, LabelStyle::Inline)), Some((open, close))) if is_plain_edge_label(text) => {
            // A dotted label is written tight (`-.label.->`) unless Mermaid would misread it;
            // verbatim keeps a misread form only where Mermaid still parses it.
            let tight = l.shape.kind == EdgeKind::Dotted
                && !(dotted_inline_misread(text) && (!verbatim || text.chars().count() < 2));
            if tight {
                format!("{open}{text}{close}")
            } else {
                format!("{open} {text} {close}")
            }
        }
        (Some((text, _)), _) => format!("{arrow}|\"{}\"|", mermaid_text(text)),
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
    persona: Arc<Persona>,
    classes: Vec<Class>,
    text: String,
    /// The text's length in UTF-16 code units, as Mermaid counts it.
    size: usize,
}

impl FlowCache {
    /// The flowchart of `persona` and its length in UTF-16 code units (as Mermaid counts
    /// it), from the cache when nothing it depends on changed.
    pub fn flowchart(
        &self,
        persona: &Arc<Persona>,
        palette: &[Class],
        options: FlowOptions,
    ) -> (String, usize) {
        let classes = persona.used_classes(palette);
        let key = (persona.number, options);
        if let Ok(entries) = self.entries.lock()
            && let Some(c) = entries.get(&key)
            && same(&c.persona, persona)
            && c.classes.len() == classes.len()
            && c.classes.iter().zip(&classes).all(|(a, b)| a == *b)
        {
            return (c.text.clone(), c.size);
        }
        // Rendered without the lock: pages render in parallel.
        let text = flowchart(persona, palette, options);
        let size = text.encode_utf16().count();
        let Ok(mut entries) = self.entries.lock() else {
            return (text, size);
        };
        entries.insert(
            key,
            Cached {
                persona: Arc::clone(persona),
                classes: classes.into_iter().cloned().collect(),
                text: text.clone(),
                size,
            },
        );
        (text, size)
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
    fn map_settings_change_only_what_they_name() {
        let a = spec("#fff", "a long label to wrap");
        let plain = flowchart(&a.personas[0], &a.palette, FlowOptions::default());
        assert!(plain.starts_with("flowchart LR\n"), "{plain}");
        let mut node = Persona::clone(&a.personas[0]);
        node.groups[0][0].href = Some("/x".into());
        let options = FlowOptions {
            clicks: true,
            maps: Maps {
                elk: true,
                padding: Some(4),
                wrap: Some(8),
                direction: Some(personamap_spec::MapDirection::Fixed(
                    personamap_spec::Direction::TD,
                )),
                mark_links: true,
                ..Maps::default()
            },
            ..FlowOptions::default()
        };
        let text = flowchart(&node, &a.palette, options);
        assert!(
            text.starts_with(
                "%%{init: {'flowchart': {'defaultRenderer': 'elk', 'padding': 4}}}%%\nflowchart TD\n"
            ),
            "{text}"
        );
        assert!(
            text.contains("A[\"↗ a long<br/>label to<br/>wrap\"]:::c"),
            "{text}"
        );
        assert!(text.contains("B[\"b\"]:::c"), "{text}");
    }

    #[test]
    fn an_empty_tooltip_is_left_out_of_the_click_line() {
        let a = spec("#fff", "a");
        let mut node = Persona::clone(&a.personas[0]);
        node.groups[0][0].href = Some("/x".into());
        node.groups[0][0].tooltip = Some(" \t".into());
        let options = FlowOptions {
            clicks: true,
            ..FlowOptions::default()
        };
        let text = flowchart(&node, &a.palette, options);
        // Mermaid rejects `click A href "/x" ""` (found by the hostile sites of issue 10).
        assert!(text.contains("  click A href \"/x\"\n"), "{text}");
        node.groups[0][0].tooltip = Some("tip".into());
        let text = flowchart(&node, &a.palette, options);
        assert!(text.contains("  click A href \"/x\" \"tip\"\n"), "{text}");
    }

    #[test]
    fn the_cache_serves_unchanged_diagrams_and_renders_changed_ones() {
        let cache = FlowCache::default();
        let opts = FlowOptions::default();
        let a = spec("#fff", "a");
        let (first, size) = cache.flowchart(&a.personas[0], &a.palette, opts);
        assert_eq!(first, flowchart(&a.personas[0], &a.palette, opts));
        assert_eq!(size, first.encode_utf16().count());
        assert_eq!(
            cache.flowchart(&a.personas[0], &a.palette, opts),
            (first, size)
        );
        // An equal persona of another load is served too.
        let again = spec("#fff", "a");
        assert!(!Arc::ptr_eq(&again.personas[0], &a.personas[0]));
        assert_eq!(
            cache.flowchart(&again.personas[0], &again.palette, opts).1,
            size
        );
        let relabelled = spec("#fff", "a2");
        let (text, _) = cache.flowchart(&relabelled.personas[0], &relabelled.palette, opts);
        assert!(text.contains("A[\"a2\"]"), "{text}");
        let recoloured = spec("#eee", "a2");
        let (text, _) = cache.flowchart(&recoloured.personas[0], &recoloured.palette, opts);
        assert!(text.contains("fill:#eee"), "{text}");
        let clicks = FlowOptions {
            accessible: true,
            ..opts
        };
        let (text, _) = cache.flowchart(&recoloured.personas[0], &recoloured.palette, clicks);
        assert!(text.contains("accTitle"), "{text}");
    }
}
