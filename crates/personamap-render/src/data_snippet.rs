//! The data snippet: personas, palette and links as plain `.jsx` exports, so other pages import
//! one source instead of retyping it (Mintlify forbids JSON imports).
//!
//! The records are borrowed views serialised straight to JSON (no intermediate `Value` tree):
//! the field order below is the key order of the snippet.

use personamap_spec::Spec;
use serde::Serialize;

/// One palette class.
#[derive(Serialize)]
struct Class<'a> {
    name: &'a str,
    meaning: &'a str,
    fill: &'a str,
    stroke: &'a str,
    color: &'a str,
    dash: Option<&'a str>,
}

/// One node of a persona's map.
#[derive(Serialize)]
struct Node<'a> {
    id: &'a str,
    label: &'a [String],
    class: &'a str,
    href: Option<&'a str>,
}

/// One link of a persona's map.
#[derive(Serialize)]
struct Edge<'a> {
    from: &'a str,
    to: &'a str,
    kind: &'a str,
    ends: &'a str,
    length: usize,
    label: Option<&'a str>,
}

/// A node's link, titled by its label.
#[derive(Serialize)]
struct Link<'a> {
    title: String,
    href: &'a str,
}

/// One persona.
#[derive(Serialize)]
struct Persona<'a> {
    number: u32,
    name: &'a str,
    nickname: Option<&'a str>,
    icon: Option<&'a str>,
    intro: Option<&'a str>,
    nodes: Vec<Node<'a>>,
    edges: Vec<Edge<'a>>,
    links: Vec<Link<'a>>,
}

/// The snippet text: `export const palette = …;` and `export const personas = …;`.
pub fn data_snippet(spec: &Spec) -> String {
    let palette: Vec<Class> = spec
        .palette
        .iter()
        .map(|c| Class {
            name: &c.name,
            meaning: &c.meaning,
            fill: &c.fill,
            stroke: &c.stroke,
            color: &c.color,
            dash: c.dash.as_deref(),
        })
        .collect();
    let personas: Vec<Persona> = spec
        .personas
        .iter()
        .map(|p| Persona {
            number: p.number,
            name: &p.name,
            nickname: p.nickname.as_deref(),
            icon: p.icon.as_deref(),
            intro: p.intro.as_deref().map(str::trim),
            nodes: p
                .nodes()
                .map(|n| Node {
                    id: &n.id,
                    label: &n.label,
                    class: &n.class,
                    href: n.href.as_deref(),
                })
                .collect(),
            edges: p
                .edges
                .iter()
                .flatten()
                .flat_map(|c| c.edges())
                .map(|(a, b, l)| Edge {
                    from: &a.id,
                    to: &b.id,
                    kind: l.shape.kind.name(),
                    ends: l.shape.ends.name(),
                    length: l.shape.length,
                    label: l.label.as_ref().map(|(t, _)| t.as_str()),
                })
                .collect(),
            links: p
                .nodes()
                .filter_map(|n| {
                    Some(Link {
                        title: n.label.join(" "),
                        href: n.href.as_deref()?,
                    })
                })
                .collect(),
        })
        .collect();
    let mut out = String::from("export const palette = ");
    out.push_str(&serde_json::to_string_pretty(&palette).unwrap_or_default());
    out.push_str(";\n\nexport const personas = ");
    out.push_str(&serde_json::to_string_pretty(&personas).unwrap_or_default());
    out.push_str(";\n");
    out
}
