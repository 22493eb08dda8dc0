//! Spec files in the repository's own style: `#:schema` first, one table per concern, prose
//! as `'''` literal strings, nodes as inline tables with `label = [...]` lists.

use crate::page::{ImportedSpec, Override, PersonaModel};
use crate::{ImportInput, SpecFile};
pub(crate) use personamap_spec::source::toml_basic_string as string;
use personamap_spec::{Banner, Links, Value};
use std::fmt::Write as _;

/// The `#:schema` line for a file in `spec_dir` (relative to the site root), and the blank line
/// after it (Tombi reads `#:schema` only as a file's first line followed by a blank line).
pub(crate) fn schema_line(spec_dir: &str) -> String {
    let depth = spec_dir.split('/').filter(|s| !s.is_empty()).count();
    format!(
        "#:schema {}{}\n\n",
        "../".repeat(depth),
        personamap_spec::SCHEMA_FILE
    )
}

/// `site.toml` (or, into an existing spec, `<page>.toml` with the page and the palette classes
/// the spec lacks) and one `pN-slug.toml` per persona.
pub(crate) fn write(spec: &ImportedSpec, input: &ImportInput) -> Vec<SpecFile> {
    let dir = input.spec_dir.trim_end_matches('/');
    let first = match input.existing {
        None => SpecFile {
            path: format!("{dir}/site.toml"),
            text: site(spec, input),
        },
        Some(_) => {
            let slug = input.page_id.replace('/', "-");
            let mut text = schema_line(input.spec_dir);
            let _ = writeln!(
                text,
                "# Page and its palette classes, imported by `personamap import` from {}.mdx.",
                input.page_id
            );
            page_tables(spec, input, &mut text);
            SpecFile {
                path: format!("{dir}/{slug}.toml"),
                text,
            }
        }
    };
    let mut files = vec![first];
    for (p, overrides) in &spec.personas {
        files.push(SpecFile {
            path: format!("{dir}/{}", persona_file_name(p.number, &p.name)),
            text: persona(p, overrides, input),
        });
    }
    files
}

/// `pN-slug.toml`: the name lowercased, words joined by `-`, a trailing `persona` dropped.
pub(crate) fn persona_file_name(number: u32, name: &str) -> String {
    let words: Vec<String> = name
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect();
    let words = match words.split_last() {
        Some((last, rest)) if last == "persona" => rest.to_vec(),
        _ => words,
    };
    if words.is_empty() {
        format!("p{number}.toml")
    } else {
        format!("p{number}-{}.toml", words.join("-"))
    }
}

fn site(spec: &ImportedSpec, input: &ImportInput) -> String {
    let d = &spec.divider;
    let mut out = schema_line(input.spec_dir);
    let _ = writeln!(
        out,
        "# Site, divider, page and colour palette, imported by `personamap import` from {}.mdx.",
        input.page_id
    );
    out.push_str("\n[site]\n");
    kv(&mut out, "base_url", &string(input.base_url));
    out.push_str("\n[divider]\n");
    kv(&mut out, "path", &string(&d.path));
    if !d.generate {
        out.push_str("generate = false   # a hand-written snippet: imported, never written\n");
        kv(&mut out, "export", &string(&d.component));
    } else if d.component != "CustomDivider" {
        kv(&mut out, "component", &string(&d.component));
    }
    if d.generate {
        kv(&mut out, "logo", &string(&d.logo));
    }
    for (key, value, default) in [
        ("color", &d.color, "currentColor"),
        ("line_color", &d.line_color, "currentColor"),
        ("gap", &d.gap, "8px"),
    ] {
        if d.generate && value != default {
            kv(&mut out, key, &string(value));
        }
    }
    let default_spacing = [("default".to_string(), "24px 0".to_string())];
    if d.generate && d.spacing != default_spacing && !d.spacing.is_empty() {
        out.push_str("\n[divider.spacing]   # margin presets of the `spacing` prop; the first is the default\n");
        for (name, margin) in &d.spacing {
            kv(&mut out, &key(name), &string(margin));
        }
    }
    page_tables(spec, input, &mut out);
    out
}

/// `[[page]]` (with its subtables) and the `[[palette]]` classes.
fn page_tables(spec: &ImportedSpec, input: &ImportInput, target: &mut String) {
    let h = &spec.header;
    let mut out = std::mem::take(target);
    out.push_str("\n[[page]]\n");
    kv(&mut out, "id", &string(input.page_id));
    kv(&mut out, "title", &string(&h.title));
    kv(&mut out, "description", &string(&h.description));
    let nav: Vec<String> = input.navigation.iter().map(|n| string(n)).collect();
    kv(&mut out, "navigation", &format!("[{}]", nav.join(", ")));
    if let Some(section) = input.llms_section {
        let names: Vec<String> = section.iter().map(|n| string(n)).collect();
        kv(&mut out, "llms_section", &format!("[{}]", names.join(", ")));
    }
    if spec.legend_title != "Legend" {
        kv(&mut out, "legend", &string(&spec.legend_title));
    }
    let numbers: Vec<u32> = spec.personas.iter().map(|(p, _)| p.number).collect();
    if !numbers.is_sorted() || input.existing.is_some() {
        let list: Vec<String> = numbers.iter().map(u32::to_string).collect();
        kv(&mut out, "personas", &format!("[{}]", list.join(", ")));
    }
    if spec.page_numbering {
        kv(&mut out, "numbering", "\"page\"");
    }
    let o = &spec.options;
    if o.tabs {
        kv(&mut out, "layout", "\"tabs\"");
    }
    match o.listed {
        Some(Links::List) => kv(&mut out, "links", "\"list\""),
        Some(Links::Cards) => kv(&mut out, "links", "\"cards\""),
        _ if spec.links => kv(&mut out, "links", "\"click\""),
        _ => {}
    }
    if spec.accessible {
        kv(&mut out, "accessible", "true");
    }
    let banner = match h.banner {
        Banner::None => "none",
        Banner::Comment => "comment",
        Banner::Livepeer => "livepeer",
    };
    kv(&mut out, "banner", &string(banner));
    // A dotted label written tight and ending in `o`/`x` (`-.applies to.->`, which Mermaid
    // reads as "applies t") comes back only if the page keeps edge labels as written.
    if spec
        .personas
        .iter()
        .any(|(p, _)| p.chart.edges.contains("o.->") || p.chart.edges.contains("x.->"))
    {
        kv(&mut out, "edge_labels", "\"verbatim\"");
    }
    if o.mdx {
        kv(&mut out, "prose", "\"mdx\"");
    }
    if let Some(intro) = &spec.intro {
        kv(&mut out, "intro", &prose(intro));
    }
    if let Some(closing) = &spec.closing {
        kv(&mut out, "closing", &prose(closing));
    }
    if !spec.related.is_empty() {
        out.push_str("related = [\n");
        for c in &spec.related {
            let _ = write!(
                out,
                "  {{ title = {}, href = {}",
                string(&c.title),
                string(&c.href)
            );
            inline_keys(
                &mut out,
                &[
                    ("icon", c.icon.as_deref()),
                    ("description", c.description.as_deref()),
                ],
            );
        }
        out.push_str("]\n");
    }
    page_maps(&mut out, spec);
    // `title` / `description` stand first by default; elsewhere a `true` placeholder keeps
    // the page's key order.
    let placed = match h.own_at {
        [0, 1] => [false, false],
        [0, _] => [false, true],
        _ => [true, true],
    };
    if !h.frontmatter.is_empty() || placed.contains(&true) {
        out.push_str("\n[page.frontmatter]\n");
        let mut keys: Vec<(String, String)> = h
            .frontmatter
            .iter()
            .map(|(k, v)| (key(k), value(v)))
            .collect();
        let mut own = [
            (h.own_at[0], "title", placed[0]),
            (h.own_at[1], "description", placed[1]),
        ];
        own.sort_by_key(|(at, _, _)| *at);
        // Unplaced keys stand before everything and take no place in `[page.frontmatter]`.
        let unplaced = placed.iter().filter(|p| !**p).count();
        for (at, name, placed) in own {
            if placed {
                let at = at.saturating_sub(unplaced).min(keys.len());
                keys.insert(at, (name.to_string(), "true".into()));
            }
        }
        for (k, v) in &keys {
            kv(&mut out, k, v);
        }
    }
    for c in &spec.palette {
        out.push_str("\n[[palette]]\n");
        kv(&mut out, "name", &string(&c.name));
        kv(&mut out, "meaning", &string(&c.meaning));
        kv(&mut out, "fill", &string(&c.fill));
        kv(&mut out, "stroke", &string(&c.stroke));
        kv(&mut out, "color", &string(&c.color));
        if let Some(dash) = &c.dash {
            kv(&mut out, "dash", &string(dash));
        }
    }
    *target = out;
}

/// `[page.maps]`, when the page shows any of its settings.
fn page_maps(out: &mut String, spec: &ImportedSpec) {
    let o = &spec.options;
    let chart = spec.personas.first().map(|(p, _)| &p.chart);
    let mut keys = Vec::new();
    if chart.is_some_and(|c| c.elk) {
        keys.push(("renderer", "\"elk\"".to_string()));
    }
    if let Some(w) = spec.wrap {
        keys.push(("wrap", w.to_string()));
    }
    if let Some(p) = chart.and_then(|c| c.padding) {
        keys.push(("padding", p.to_string()));
    }
    if let Some(p) = o.placement {
        keys.push(("placement", string(p.as_str())));
    }
    if let Some(a) = o.actions {
        keys.push(("actions", a.to_string()));
    }
    if o.swatches {
        keys.push(("swatches", "true".into()));
    }
    if o.mark_links {
        keys.push(("mark_links", "true".into()));
    }
    if !keys.is_empty() {
        out.push_str("\n[page.maps]\n");
        for (k, v) in keys {
            kv(out, k, &v);
        }
    }
}

fn persona(p: &PersonaModel, overrides: &[Override], input: &ImportInput) -> String {
    let mut out = schema_line(input.spec_dir);
    let _ = writeln!(
        out,
        "# Persona {}: {}, imported by `personamap import` from {}.mdx.",
        p.number,
        p.name.replace(|c: char| c.is_control(), " "),
        input.page_id
    );
    out.push_str("\n[[persona]]\n");
    kv(&mut out, "number", &p.number.to_string());
    kv(&mut out, "name", &string(&p.name));
    if let Some(nick) = &p.nickname {
        kv(&mut out, "nickname", &string(nick));
    }
    if let Some(icon) = &p.icon {
        kv(&mut out, "icon", &string(icon));
    }
    if let Some(title) = &p.tab_title {
        kv(&mut out, "tab_title", &string(title));
    }
    if p.mdx {
        kv(&mut out, "prose", "\"mdx\"");
    }
    kv(&mut out, "direction", &string(&p.chart.direction));
    if let Some(intro) = &p.intro {
        kv(&mut out, "intro", &prose(intro));
    }
    if !p.chart.edges.is_empty() {
        kv(
            &mut out,
            "edges",
            &prose(p.chart.edges.trim_end_matches('\n')),
        );
    }
    for group in &p.chart.groups {
        let class = group_class(group.iter().map(|n| n.class.as_str()));
        out.push_str("\n[[persona.group]]\n");
        kv(&mut out, "class", &string(class));
        out.push_str("nodes = [\n");
        for n in group {
            let label: Vec<String> = n.label.iter().map(|l| string(l)).collect();
            let _ = write!(
                out,
                "  {{ id = {}, label = [{}]",
                string(&n.id),
                label.join(", ")
            );
            let own_class = (n.class != class).then_some(n.class.as_str());
            inline_keys(
                &mut out,
                &[
                    ("class", own_class),
                    ("href", n.href.as_deref()),
                    ("tooltip", n.tooltip.as_deref()),
                ],
            );
        }
        out.push_str("]\n");
    }
    for o in overrides {
        let _ = write!(out, "\n[persona.classes.{}]\n", key(&o.name));
        for (k, v) in [
            ("fill", &o.fill),
            ("stroke", &o.stroke),
            ("color", &o.color),
            ("dash", &o.dash),
        ] {
            if let Some(v) = v {
                kv(&mut out, k, &string(v));
            }
        }
    }
    out
}

/// The most frequent class of a group (the first of equals), so the fewest nodes need their
/// own `class`.
fn group_class<'a>(classes: impl Iterator<Item = &'a str> + Clone) -> &'a str {
    let mut best = ("", 0);
    for c in classes.clone() {
        let n = classes.clone().filter(|x| *x == c).count();
        if n > best.1 {
            best = (c, n);
        }
    }
    best.0
}

/// The optional string keys that are set, then the end of an inline table item (` },`).
fn inline_keys(out: &mut String, keys: &[(&str, Option<&str>)]) {
    for (key, value) in keys {
        if let Some(value) = value {
            let _ = write!(out, ", {key} = {}", string(value));
        }
    }
    out.push_str(" },\n");
}

fn kv(out: &mut String, key: &str, value: &str) {
    let _ = writeln!(out, "{key} = {value}");
}

/// A bare key when it is one, else a quoted one.
fn key(k: &str) -> String {
    if !k.is_empty()
        && k.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    {
        k.to_string()
    } else {
        string(k)
    }
}

/// Multi-line text as a `'''` literal string (the value gets a final newline, which the
/// compiler trims) when TOML allows it, else a basic string.
pub(crate) fn prose(text: &str) -> String {
    let literal = !text.contains("'''")
        && !text.ends_with('\'')
        && !text
            .chars()
            .any(|c| c.is_control() && c != '\n' && c != '\t');
    if literal {
        format!("'''\n{text}\n'''")
    } else {
        string(&format!("{text}\n"))
    }
}

/// A frontmatter value as an inline TOML value.
fn value(v: &Value) -> String {
    match v {
        Value::String(s) | Value::Datetime(s) => string(s),
        Value::Integer(i) => i.to_string(),
        Value::Float(f) if f.is_nan() => "nan".into(),
        Value::Float(f) if f.is_infinite() => if *f > 0.0 { "inf" } else { "-inf" }.into(),
        Value::Float(f) => format!("{f:?}"),
        Value::Boolean(b) => b.to_string(),
        Value::Array(items) => {
            let items: Vec<String> = items.iter().map(value).collect();
            format!("[{}]", items.join(", "))
        }
        Value::Table(entries) if entries.is_empty() => "{}".into(),
        Value::Table(entries) => {
            let entries: Vec<String> = entries
                .iter()
                .map(|(k, v)| format!("{} = {}", key(k), value(v)))
                .collect();
            format!("{{ {} }}", entries.join(", "))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_strings() {
        assert_eq!(
            persona_file_name(2, "Video Platform Persona"),
            "p2-video-platform.toml"
        );
        assert_eq!(persona_file_name(3, "日本"), "p3.toml");
        assert_eq!(string("a \"b\"\\\n"), "\"a \\\"b\\\"\\\\\\n\"");
        assert_eq!(prose("x\ny"), "'''\nx\ny\n'''");
        assert_eq!(prose("it's '''"), "\"it's '''\\n\"");
        assert_eq!(
            schema_line("personas/imported"),
            "#:schema ../../personamap.schema.json\n\n"
        );
        assert_eq!(
            value(&Value::Table(vec![("og:x".into(), Value::Float(1.0))])),
            "{ \"og:x\" = 1.0 }"
        );
    }
}
