//! The data snippet: personas, palette and links as plain `.jsx` exports, so other pages import
//! one source instead of retyping it (Mintlify forbids JSON imports).

use personamap_spec::Spec;
use serde_json::{Value, json};

/// The snippet text: `export const palette = …;` and `export const personas = …;`.
pub fn data_snippet(spec: &Spec) -> String {
    let palette: Vec<Value> = spec
        .palette
        .iter()
        .map(|c| {
            json!({
                "name": c.name, "meaning": c.meaning, "fill": c.fill,
                "stroke": c.stroke, "color": c.color, "dash": c.dash,
            })
        })
        .collect();
    let personas: Vec<Value> = spec
        .personas
        .iter()
        .map(|p| {
            let nodes: Vec<Value> = p
                .nodes()
                .map(|n| json!({ "id": n.id, "label": n.label, "class": n.class, "href": n.href }))
                .collect();
            let edges: Vec<Value> = p
                .edges
                .iter()
                .flatten()
                .flat_map(|c| c.edges())
                .map(|(a, b, l)| {
                    json!({
                        "from": a.id,
                        "to": b.id,
                        "kind": l.shape.kind.name(),
                        "ends": l.shape.ends.name(),
                        "length": l.shape.length,
                        "label": l.label.as_ref().map(|(t, _)| t),
                    })
                })
                .collect();
            let links: Vec<Value> = p
                .nodes()
                .filter_map(|n| Some(json!({ "title": n.label.join(" "), "href": n.href.as_ref()? })))
                .collect();
            json!({
                "number": p.number, "name": p.name, "nickname": p.nickname, "icon": p.icon,
                "intro": p.intro.as_deref().map(str::trim), "nodes": nodes, "edges": edges, "links": links,
            })
        })
        .collect();
    let pretty = |v: &Value| serde_json::to_string_pretty(v).unwrap_or_default();
    format!(
        "export const palette = {};\n\nexport const personas = {};\n",
        pretty(&Value::Array(palette)),
        pretty(&Value::Array(personas))
    )
}
