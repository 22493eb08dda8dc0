//! The MDX page and the divider snippet, rendered through the templates.

use crate::frontmatter::frontmatter;
use crate::templates;
use minijinja::{Environment, Value, context};
use personamap_spec::{
    Banner, Class, Divider, EdgeKind, Layout, Links, Node, Page, Persona, Prose, Shape, Spec, same,
};
use personamap_syntax::mdx::{markdown_text, mdx_inline, mdx_prose, table_cell};
use personamap_syntax::mermaid::label_text;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::sync::{Arc, Mutex};

/// The rendered pages of earlier compiles, each with everything [`page`] read to render it
/// (the page, the personas it shows, the palette, the divider's import, the diagrams): a page
/// none of which changed is not rendered again (a watch rebuild after editing one persona
/// renders that persona's page only).
#[derive(Default)]
pub struct PageCache {
    entries: Mutex<HashMap<String, Rendered>>,
}

/// One page's inputs and text.
struct Rendered {
    page: Page,
    personas: Vec<Arc<Persona>>,
    palette: Vec<Class>,
    divider: (String, String),
    diagrams: Vec<String>,
    text: String,
}

impl Rendered {
    fn read_the_same(&self, spec: &Spec, page: &Page, diagrams: &[String]) -> bool {
        let mut shown = page.personas.iter().filter_map(|n| spec.shared_persona(*n));
        self.page == *page
            && self.diagrams == diagrams
            && self.palette == spec.palette
            && (self.divider.0 == spec.divider.component && self.divider.1 == spec.divider.path)
            && self
                .personas
                .iter()
                .all(|p| shown.next().is_some_and(|q| same(p, q)))
            && shown.next().is_none()
    }
}

impl PageCache {
    /// [`page`], from the cache when nothing it reads changed.
    pub fn page(
        &self,
        env: &Environment,
        diagrams: &[String],
        spec: &Spec,
        page: &Page,
    ) -> Result<String, minijinja::Error> {
        if let Ok(entries) = self.entries.lock()
            && let Some(r) = entries.get(&page.id)
            && r.read_the_same(spec, page, diagrams)
        {
            return Ok(r.text.clone());
        }
        // Rendered without the lock: pages render in parallel.
        let text = self::page(env, diagrams, spec, page)?;
        if let Ok(mut entries) = self.entries.lock() {
            entries.insert(
                page.id.clone(),
                Rendered {
                    page: page.clone(),
                    personas: page
                        .personas
                        .iter()
                        .filter_map(|n| spec.shared_persona(*n))
                        .cloned()
                        .collect(),
                    palette: spec.palette.clone(),
                    divider: (spec.divider.component.clone(), spec.divider.path.clone()),
                    diagrams: diagrams.to_vec(),
                    text: text.clone(),
                },
            );
        }
        Ok(text)
    }
}

/// Renders the MDX page for `page`; `diagrams` are the flowcharts of its personas, in order
/// (see [`crate::Compiler::page`]).
pub fn page(
    env: &Environment,
    diagrams: &[String],
    spec: &Spec,
    page: &Page,
) -> Result<String, minijinja::Error> {
    let personas: Vec<&Persona> = page
        .personas
        .iter()
        .filter_map(|n| spec.persona(*n))
        .collect();
    let used = spec.palette.iter().filter(|c| {
        personas
            .iter()
            .any(|p| p.nodes().any(|n| n.class == c.name))
    });
    let table_text = if page.maps.swatches {
        let rows: Vec<[String; 3]> = used
            .map(|c| [format!("`{}`", c.name), swatch(c), table_cell(&c.meaning)])
            .collect();
        table(&["Class", "Sample", "Meaning"], &rows)
    } else {
        let rows: Vec<[String; 2]> = used
            .map(|c| [format!("`{}`", c.name), table_cell(&c.meaning)])
            .collect();
        table(&["Class", "Meaning"], &rows)
    };
    let personas: Vec<Value> = personas
        .iter()
        .zip(diagrams)
        .map(|(p, diagram)| persona_context(diagram, page, p))
        .collect();
    let related: Vec<Value> = page
        .related
        .iter()
        .map(|r| {
            context! {
                title => &r.title,
                href => &r.href,
                icon => &r.icon,
                description => prose(r.description.as_deref()),
            }
        })
        .collect();
    env.get_template(templates::PAGE)?.render(context! {
        frontmatter => frontmatter(page),
        banner => banner(page.banner),
        divider => context! { component => &spec.divider.component, path => &spec.divider.path },
        intro => page_prose(page, page.intro.as_deref()),
        legend => context! {
            title => mdx_inline(&page.legend),
            table => table_text,
            link_note => link_note(page),
        },
        layout => match page.layout { Layout::Sections => "sections", Layout::Tabs => "tabs" },
        links => match listed_links(page) {
            Links::List => "list",
            Links::Cards => "cards",
            _ => "none",
        },
        personas => personas,
        closing => page_prose(page, page.closing.as_deref()),
        related => related,
    })
}

/// A page's own prose field as its `prose` mode writes it.
fn page_prose(page: &Page, text: Option<&str>) -> Option<String> {
    prose_as(page.prose, text)
}

/// A prose field as `mode` writes it: MDX as written (the spec load has checked it), literal
/// Markdown escaped.
fn prose_as(mode: Prose, text: Option<&str>) -> Option<String> {
    match mode {
        Prose::Mdx => trimmed(text, str::to_string),
        Prose::Literal => prose(text),
    }
}

fn persona_context(diagram: &str, page: &Page, p: &Persona) -> Value {
    let links: Vec<Value> = p
        .nodes()
        .filter_map(|n| {
            let href = n.href.as_ref()?;
            let title = label_text(&n.label);
            let mut text = markdown_text(&title);
            // The tooltip, readable without hovering the diagram (when it says more than the label).
            if page.maps.mark_links
                && let Some(tip) = n.tooltip.as_deref().filter(|t| *t != title)
            {
                text = format!("{text}]({href}): {}", markdown_text(tip));
                return Some(context! { title => title, text => text, href => href, raw => true });
            }
            Some(context! { title => title, text => text, href => href })
        })
        .collect();
    let number = page.shown_number(p.number);
    let tab_title = match &p.tab_title {
        Some(t) => t.clone(),
        None => crate::title::tab_title(number, &p.name, p.nickname.as_deref()),
    };
    context! {
        number => number,
        heading => crate::title::heading(number, &p.name, p.nickname.as_deref()),
        tab_title => tab_title,
        icon => &p.icon,
        intro => prose_as(p.prose, p.intro.as_deref()),
        mermaid => diagram,
        fence_meta => page.maps.fence_meta(),
        links => links,
        text => page.accessible.then(|| text_equivalent(p)),
    }
}

/// The legend's note on linked nodes (`mark_links`); `import` reads it back.
pub const LINK_NOTE: &str = "A node starting with ↗ links to a page: select it in the map, or use the links listed under each map.";

/// The note after the legend table, if `page` shows one (linked nodes marked with ↗).
pub fn link_note(page: &Page) -> Option<&'static str> {
    (page.maps.mark_links && page.links != Links::None).then_some(LINK_NOTE)
}

/// How `page` lists each map's links under it: `List`, `Cards` or `None` (clickable maps with
/// `mark_links` list them too).
pub fn listed_links(page: &Page) -> Links {
    match page.links {
        Links::Click if page.maps.mark_links => Links::List,
        Links::Click => Links::None,
        other => other,
    }
}

/// A legend sample of a class: a small box with its fill, stroke and dash, then the same in
/// words (what the Markdown export and screen readers get).
fn swatch(c: &personamap_spec::Class) -> String {
    let dashed = c.dash.as_deref().is_some_and(|d| !d.trim().is_empty());
    format!(
        "<span aria-hidden=\"true\" style={{{{display: \"inline-block\", width: \"2.5em\", height: \"1.2em\", verticalAlign: \"middle\", background: \"{}\", border: \"2px {} {}\"}}}} /> fill {}, {}stroke {}",
        c.fill,
        if dashed { "dashed" } else { "solid" },
        c.stroke,
        c.fill,
        if dashed { "dashed " } else { "" },
        c.stroke
    )
}

/// The map as text, for screen readers and LLM readers: the nodes (with their links), then the
/// edges as `A → B (label)`, saying what a link other than the plain solid arrow means
/// (`A → B (dotted, both ways, spans 2 ranks: label)`: see [`link_meaning`]). Labels are plain
/// text, escaped so that Markdown reads them as written.
fn text_equivalent(p: &Persona) -> String {
    let name = |n: &Node| markdown_text(&label_text(&n.label));
    let mut out = String::from("**Nodes**\n\n");
    for n in p.nodes() {
        match &n.href {
            Some(href) => {
                let _ = writeln!(out, "- [{}]({href})", name(n));
            }
            None => {
                let _ = writeln!(out, "- {}", name(n));
            }
        }
    }
    out.push_str("\n**Edges**\n\n");
    for chain in p.edges.iter().flatten() {
        for (a, b, link) in chain.edges() {
            let label = |id: &str| p.nodes().find(|n| n.id == id).map(name).unwrap_or_default();
            let _ = write!(out, "- {} → {}", label(&a.id), label(&b.id));
            let meaning = link_meaning(link.shape);
            match (meaning.is_empty(), &link.label) {
                (true, Some((text, _))) => {
                    let _ = writeln!(out, " ({})", markdown_text(text));
                }
                (false, Some((text, _))) => {
                    let _ = writeln!(out, " ({meaning}: {})", markdown_text(text));
                }
                (false, None) => {
                    let _ = writeln!(out, " ({meaning})");
                }
                (true, None) => out.push('\n'),
            }
        }
    }
    out.trim_end().to_string()
}

/// What a link means beyond "from → to", for the text version: its line style unless solid,
/// its ends unless one arrow head (`no arrow`, `both ways`, `circle end`, …), and its span
/// when longer than one rank; empty for the plain `-->`.
pub fn link_meaning(shape: Shape) -> String {
    let kind = (shape.kind != EdgeKind::Solid).then(|| shape.kind.name().to_string());
    // An invisible link has no heads to speak of.
    let ends = shape
        .ends
        .meaning()
        .filter(|_| shape.kind != EdgeKind::Invisible)
        .map(str::to_string);
    let span = (shape.length > 1).then(|| format!("spans {} ranks", shape.length));
    [kind, ends, span]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(", ")
}

/// The banner after the frontmatter.
fn banner(kind: Banner) -> Option<&'static str> {
    match kind {
        Banner::None => None,
        Banner::Comment => Some(
            "{/* Generated by personamap from the spec in personas/. Do not edit by hand: edit the spec, then run `personamap generate`. */}",
        ),
        Banner::Livepeer => Some(concat!(
            "{/* generated-file-banner: generated-file-banner:v1\n",
            "Generation Script: personamap generate\n",
            "Purpose: Compile this page's persona maps, legend and links from the spec in personas/.\n",
            "Run when: Any file under personas/ changes.\n",
            "Run command: personamap generate */}\n\n",
            "<Note>\n",
            "Generated file: `personamap generate` compiles this page from the spec in `personas/`. Do not manually edit; edit the spec and run `personamap generate`.\n",
            "</Note>",
        )),
    }
}

/// Prose escaped for MDX, without surrounding blank lines; `None` when empty.
fn prose(text: Option<&str>) -> Option<String> {
    trimmed(text, mdx_prose)
}

/// `text` without its blank first and last lines, written by `write`; `None` when blank.
fn trimmed(text: Option<&str>, write: impl Fn(&str) -> String) -> Option<String> {
    let t = text?.trim_matches(['\n', '\r']);
    // Only what Markdown strips: a trailing U+2028 or no-break space is text.
    (!t.trim().is_empty()).then(|| {
        write(t)
            .trim_end_matches([' ', '\t', '\n', '\r'])
            .to_string()
    })
}

/// Renders the divider snippet.
pub fn divider(env: &Environment, d: &Divider) -> Result<String, minijinja::Error> {
    let spacing: Vec<_> = d
        .spacing
        .iter()
        .map(|(name, margin)| context! { name => name, margin => margin })
        .collect();
    env.get_template(templates::DIVIDER)?.render(context! {
        component => &d.component,
        color => &d.color,
        line_color => &d.line_color,
        gap => &d.gap,
        logo => &d.logo,
        default_spacing => d.spacing.first().map(|(n, _)| n.as_str()).unwrap_or("default"),
        spacing => spacing,
    })
}

/// A GFM table with every column padded to its widest cell, as Mintlify's Markdown export
/// prints it (widths counted in UTF-16 units, like remark). No trailing newline.
pub fn table<const N: usize>(header: &[&str; N], rows: &[[String; N]]) -> String {
    let cells: Vec<Vec<&str>> = std::iter::once(header.to_vec())
        .chain(rows.iter().map(|r| r.iter().map(String::as_str).collect()))
        .collect();
    table_lines(&cells, &vec![Align::None; N])
}

/// Column alignment of a GFM table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    /// `---`
    None,
    /// `:--`
    Left,
    /// `:-:`
    Center,
    /// `--:`
    Right,
}

/// Renders table rows (the first is the header) padded to equal widths.
pub fn table_lines(cells: &[Vec<&str>], align: &[Align]) -> String {
    let cols = cells.iter().map(Vec::len).max().unwrap_or(0);
    let width = |s: &str| s.encode_utf16().count();
    let widths: Vec<usize> = (0..cols)
        .map(|c| {
            cells
                .iter()
                .map(|r| r.get(c).map_or(0, |s| width(s)))
                .max()
                .unwrap_or(0)
                .max(3)
        })
        .collect();
    let line = |row: &[&str]| {
        let parts: Vec<String> = (0..cols)
            .map(|c| {
                let s = row.get(c).copied().unwrap_or("");
                let pad = widths[c] - width(s);
                match align.get(c).copied().unwrap_or(Align::None) {
                    Align::Right => format!("{}{s}", " ".repeat(pad)),
                    Align::Center => {
                        format!("{}{s}{}", " ".repeat(pad / 2), " ".repeat(pad - pad / 2))
                    }
                    _ => format!("{s}{}", " ".repeat(pad)),
                }
            })
            .collect();
        format!("| {} |", parts.join(" | "))
    };
    let rule: Vec<String> = widths
        .iter()
        .enumerate()
        .map(
            |(c, w)| match align.get(c).copied().unwrap_or(Align::None) {
                Align::None => "-".repeat(*w),
                Align::Left => format!(":{}", "-".repeat(w - 1)),
                Align::Right => format!("{}:", "-".repeat(w - 1)),
                Align::Center => format!(":{}:", "-".repeat(w - 2)),
            },
        )
        .collect();
    let mut out = vec![line(&cells[0]), format!("| {} |", rule.join(" | "))];
    out.extend(cells[1..].iter().map(|r| line(r)));
    out.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use personamap_spec::{SourceFile, Sources};

    fn spec(persona: &str, meaning: &str, component: &str) -> Spec {
        let text = format!(
            "[site]\nbase_url = \"https://x\"\n[divider]\npath = \"snippets/D.jsx\"\nlogo = \"/l.svg\"\ncomponent = \"{component}\"\n\
             [[page]]\nid = \"p\"\ntitle = \"T\"\ndescription = \"D\"\nnavigation = [\"G\"]\n\
             [[palette]]\nname = \"c\"\nmeaning = \"{meaning}\"\nfill = \"#fff\"\nstroke = \"#000\"\ncolor = \"#000\"\n\
             [[persona]]\nnumber = 1\nname = \"{persona}\"\nedges = \"A --> B\"\n\
             [[persona.group]]\nclass = \"c\"\nnodes = [{{ id = \"A\", label = \"a\" }}, {{ id = \"B\", label = \"b\" }}]\n"
        );
        let sources = Sources::new(vec![SourceFile {
            path: "personas/site.toml".into(),
            text,
        }]);
        let (spec, diags) = personamap_spec::load(sources);
        spec.unwrap_or_else(|| panic!("{diags:?}"))
    }

    #[test]
    fn the_page_cache_gives_what_rendering_gives_whatever_changed() {
        let env = templates::shared();
        let cache = PageCache::default();
        let diagrams = |d: &str| vec![d.to_string()];
        let steps = [
            (spec("N", "m", "Divider"), diagrams("flowchart LR")),
            (spec("N", "m", "Divider"), diagrams("flowchart LR")),
            (spec("Renamed", "m", "Divider"), diagrams("flowchart LR")),
            (
                spec("Renamed", "new meaning", "Divider"),
                diagrams("flowchart LR"),
            ),
            (
                spec("Renamed", "new meaning", "Rule"),
                diagrams("flowchart LR"),
            ),
            (
                spec("Renamed", "new meaning", "Rule"),
                diagrams("flowchart TD"),
            ),
            (spec("N", "m", "Divider"), diagrams("flowchart LR")),
        ];
        let mut texts = Vec::new();
        for (spec, diagrams) in &steps {
            let cached = cache
                .page(env, diagrams, spec, &spec.pages[0])
                .expect("renders");
            let fresh = page(env, diagrams, spec, &spec.pages[0]).expect("renders");
            assert_eq!(cached, fresh);
            texts.push(fresh);
        }
        // Each change shows in the page, so a stale text would have failed above.
        for (a, b) in [(1, 2), (2, 3), (3, 4), (4, 5)] {
            assert_ne!(texts[a], texts[b], "steps {a} and {b}");
        }
    }

    #[test]
    fn a_swatch_shows_fill_stroke_and_dash_and_says_them() {
        let class = |dash: Option<&str>| personamap_spec::Class {
            name: "guide".into(),
            meaning: "m".into(),
            fill: "#eeedfe".into(),
            stroke: "#3c3489".into(),
            color: "#000".into(),
            dash: dash.map(str::to_string),
            span: personamap_spec::Span::new(personamap_spec::FileId(0), 0..0),
        };
        let dashed = swatch(&class(Some("4 2")));
        assert!(dashed.contains("background: \"#eeedfe\", border: \"2px dashed #3c3489\""));
        assert!(dashed.ends_with("/> fill #eeedfe, dashed stroke #3c3489"));
        assert!(swatch(&class(None)).ends_with("/> fill #eeedfe, stroke #3c3489"));
    }
}
