//! The resolved spec as JSON (`personamap model`): what the author wrote, per page and persona,
//! for checks outside the compiler (the differential conformance stage compares it with what
//! Mermaid, MDX and Mintlify show readers). Texts are the spec's own: Markdown fields stay
//! Markdown source, labels stay plain text; nothing here is escaped for an output language.
//! A node's `text` is its label on one line (`personamap_syntax::mermaid::label_text`), as text versions, link
//! lists, cards and default tooltips show it; its `lines` are the label lines the map draws
//! (wrapped and marked as the page's `[page.maps]` asks). A linked node's `tooltip` is the text
//! its tooltip shows (`mermaid::tooltip`), null when blank.

use personamap_spec::{Banner, Class, EdgeLabels, Layout, Links, Page, Persona, Spec};
use serde_json::{Value, json};

/// The model of `spec`: `{ "divider": component name, "pages": [...] }`, each page with its
/// personas resolved.
pub fn model(spec: &Spec) -> Value {
    json!({
        "divider": spec.divider.component,
        "pages": spec.pages.iter().map(|p| page(spec, p)).collect::<Vec<_>>(),
    })
}

fn page(spec: &Spec, page: &Page) -> Value {
    let personas: Vec<&Persona> = page
        .personas
        .iter()
        .filter_map(|n| spec.persona(*n))
        .collect();
    let legend_rows: Vec<Value> = spec
        .palette
        .iter()
        .filter(|c| {
            personas
                .iter()
                .any(|p| p.nodes().any(|n| n.class == c.name))
        })
        .map(|c| {
            json!({
                "class": c.name,
                "meaning": c.meaning,
                "fill": c.fill,
                "stroke": c.stroke,
                "dashed": c.dash.as_deref().is_some_and(|d| !d.trim().is_empty()),
            })
        })
        .collect();
    let related: Vec<Value> = page
        .related
        .iter()
        .map(|r| {
            json!({
                "title": r.title,
                "href": r.href,
                "icon": r.icon,
                "description": non_empty(r.description.as_deref()),
            })
        })
        .collect();
    json!({
        "id": page.id,
        "title": page.title,
        "description": page.description,
        "layout": match page.layout { Layout::Sections => "sections", Layout::Tabs => "tabs" },
        "links": match page.links {
            Links::None => "none",
            Links::Click => "click",
            Links::List => "list",
            Links::Cards => "cards",
        },
        "accessible": page.accessible,
        "edge_labels": match page.edge_labels {
            EdgeLabels::Safe => "safe",
            EdgeLabels::Verbatim => "verbatim",
        },
        "banner": match page.banner {
            Banner::None => "none",
            Banner::Comment => "comment",
            Banner::Livepeer => "livepeer",
        },
        "prose": page.prose.name(),
        "intro": non_empty(page.intro.as_deref()),
        "legend": page.legend,
        "legend_rows": legend_rows,
        "swatches": page.maps.swatches,
        "link_note": crate::page::link_note(page),
        "listed_links": match crate::page::listed_links(page) {
            Links::List => "list",
            Links::Cards => "cards",
            _ => "none",
        },
        "mark_links": page.maps.mark_links,
        "personas": personas.iter().map(|p| persona(spec, page, p)).collect::<Vec<_>>(),
        "closing": non_empty(page.closing.as_deref()),
        "related": related,
    })
}

fn persona(spec: &Spec, page: &Page, p: &Persona) -> Value {
    let used = p.used_classes(&spec.palette);
    let style = |name: &str| used.iter().find(|c| c.name == name).map(|c| class_style(c));
    let nodes: Vec<Value> = p
        .nodes()
        .map(|n| {
            json!({
                "id": n.id,
                "label": n.label,
                "lines": page.maps.label(n, page.links != Links::None),
                "text": personamap_syntax::mermaid::label_text(&n.label),
                "class": n.class,
                "style": style(&n.class),
                "href": n.href,
                "tooltip": n.href.as_ref().and_then(|_| crate::mermaid::tooltip(n)),
            })
        })
        .collect();
    let edges: Vec<Value> = p
        .edges
        .iter()
        .flatten()
        .flat_map(|chain| chain.edges())
        .map(|(a, b, link)| {
            json!({
                "from": a.id,
                "to": b.id,
                "kind": link.shape.kind.name(),
                "ends": link.shape.ends.name(),
                "length": link.shape.length,
                "label": link.label.as_ref().map(|(text, _)| text),
            })
        })
        .collect();
    let accessible = page.accessible.then(|| {
        json!({
            "title": crate::mermaid::acc_title(p, page.shown_number(p.number)),
            "descr": crate::mermaid::acc_descr(p, page.shown_number(p.number)),
        })
    });
    let mut persona = json!({
        "number": p.number,
        "name": p.name,
        "nickname": p.nickname,
        "icon": p.icon,
        // As drawn: `[page.maps] direction` overrides the persona's own.
        "direction": personamap_spec::maps::direction(&page.maps, page.links != Links::None, p).as_str(),
        "prose": p.prose.name(),
        "intro": non_empty(p.intro.as_deref()),
        "nodes": nodes,
        "edges": edges,
        "classes": used.iter().map(|c| json!({ "name": c.name, "style": class_style(c) })).collect::<Vec<_>>(),
        "accessible": accessible,
    });
    // Only where set, so that the model of a page without them reads as before.
    let shown = page.shown_number(p.number);
    if shown != p.number {
        persona["shown"] = json!(shown);
    }
    if let Some(t) = &p.tab_title {
        persona["tab_title"] = json!(t);
    }
    persona
}

/// The CSS declarations of a class, as `classDef` gives them to Mermaid.
fn class_style(c: &Class) -> Vec<String> {
    let mut style = vec![
        format!("fill:{}", c.fill),
        format!("stroke:{}", c.stroke),
        format!("color:{}", c.color),
    ];
    if let Some(dash) = &c.dash {
        style.push(format!("stroke-dasharray:{dash}"));
    }
    style
}

/// A Markdown field as the page shows it: absent when it holds only whitespace.
fn non_empty(text: Option<&str>) -> Option<&str> {
    text.filter(|t| !t.trim().is_empty())
}
