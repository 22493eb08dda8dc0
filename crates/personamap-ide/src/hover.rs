//! Hover: what a node id, class, persona number, page id, arrow or key is.

use crate::index::{ClassInfo, Key, NodeInfo, PageInfo, PersonaInfo};
use crate::{Analysis, Hover};
use personamap_spec::model::{EdgeKind, Ends, LabelStyle, Link};

impl Analysis {
    pub(crate) fn hover_at(&self, file: &str, offset: usize) -> Option<Hover> {
        let f = self.file_no(file)?;
        if let Some(occ) = self.key_at(f, offset) {
            let markdown = match &occ.key {
                Key::Node { file, persona, id } => self.hover_node(*file, *persona, id),
                Key::Class(name) => self.hover_class(name),
                Key::Persona(n) => self.hover_persona(*n),
                Key::Page(id) => self.hover_page(id),
            };
            return Some(Hover {
                range: occ.range.clone(),
                markdown,
            });
        }
        let ix = &self.index[f];
        if let Some((path, key, range)) = ix
            .keys
            .iter()
            .find(|(_, _, r)| r.start <= offset && offset < r.end)
        {
            let doc = self.schema.doc(path, key)?;
            return Some(Hover {
                range: range.clone(),
                markdown: format!("**`{key}`** — {doc}"),
            });
        }
        let site = ix
            .personas
            .iter()
            .filter_map(|p| p.edges.as_ref())
            .flat_map(|e| &e.links)
            .find(|l| l.range.start <= offset && offset < l.range.end)?;
        let written = self.files[f].text.get(site.range.clone())?;
        Some(Hover {
            range: site.range.clone(),
            markdown: describe_link(written, &site.link),
        })
    }

    fn hover_node(&self, file: usize, persona: usize, id: &str) -> String {
        let Some(p) = self.index[file].personas.get(persona) else {
            return format!("`{id}`");
        };
        let uses: Vec<String> = self
            .occurrences(&Key::Node {
                file,
                persona,
                id: id.to_string(),
            })
            .into_iter()
            .filter(|(_, o)| !o.def)
            .map(|(f, o)| self.place(f, o.range.start))
            .collect();
        let Some((group, node)) = find_node(p, id) else {
            return format!(
                "**`{id}`**: not a node of {} (no `[[persona.group]]` declares it)\n\nUsed {}",
                p.title(),
                count(&uses)
            );
        };
        let mut md = format!("**`{id}`** — node of {}\n\n", p.title());
        md.push_str(&format!("Label: {}\n\n", label(node)));
        match &node.class {
            Some(c) => md.push_str(&format!("Class: {}\n\n", self.class_line(c))),
            None => md.push_str("Class: none\n\n"),
        }
        md.push_str(&format!("Group: {}", group + 1));
        if let Some(c) = &p.groups[group].class {
            md.push_str(&format!(" (class `{c}`)"));
        }
        md.push_str("\n\n");
        if let Some(href) = &node.href {
            md.push_str(&format!("Link: `{href}`\n\n"));
        }
        md.push_str(&format!("Used {}", count(&uses)));
        md
    }

    /// `` `name` — meaning (fill `#…`, stroke `#…`, text `#…`) ``.
    fn class_line(&self, name: &str) -> String {
        match self.class_info(name) {
            Some(c) => format!(
                "`{name}` — {} ({})",
                c.meaning.as_deref().unwrap_or("no meaning given"),
                colours(c)
            ),
            None => format!("`{name}` (not in the palette)"),
        }
    }

    pub(crate) fn class_info(&self, name: &str) -> Option<&ClassInfo> {
        self.index
            .iter()
            .flat_map(|ix| &ix.classes)
            .find(|c| c.name == name)
    }

    fn hover_class(&self, name: &str) -> String {
        let Some(c) = self.class_info(name) else {
            return format!("**`{name}`**: not a class of the palette (no `[[palette]]` names it)");
        };
        let mut md = format!("**`{name}`** — palette class\n\n");
        if let Some(m) = &c.meaning {
            md.push_str(&format!("{m}\n\n"));
        }
        md.push_str(&format!("{}\n\n", colours(c)));
        let users: Vec<String> = self
            .index
            .iter()
            .flat_map(|ix| &ix.personas)
            .filter(|p| p.nodes().any(|n| n.class.as_deref() == Some(name)))
            .map(PersonaInfo::title)
            .collect();
        if users.is_empty() {
            md.push_str("Used by no persona");
        } else {
            md.push_str(&format!("Used by: {}", users.join(", ")));
        }
        let drawn: Vec<String> = self
            .index
            .iter()
            .flat_map(|ix| &ix.personas)
            .filter(|p| p.overrides.iter().any(|o| o == name))
            .map(PersonaInfo::title)
            .collect();
        if !drawn.is_empty() {
            md.push_str(&format!(
                "\n\nDrawn differently (`[persona.classes]`) by: {}",
                drawn.join(", ")
            ));
        }
        md
    }

    fn hover_persona(&self, n: u32) -> String {
        let Some(p) = self.persona_info(n) else {
            return format!("**Persona {n}**: no `[[persona]]` has this number");
        };
        let mut md = format!("**{}**", p.title());
        if let Some(nick) = &p.nickname {
            md.push_str(&format!(" “{nick}”"));
        }
        md.push_str(&format!(
            "\n\n{} nodes in {} groups",
            p.nodes().count(),
            p.groups.len()
        ));
        let pages: Vec<String> = self
            .pages()
            .filter(|(_, pg)| pg.personas.as_ref().is_none_or(|ps| ps.contains(&n)))
            .filter_map(|(_, pg)| pg.id.clone())
            .map(|id| format!("`{id}`"))
            .collect();
        if !pages.is_empty() {
            md.push_str(&format!("\n\nOn pages: {}", pages.join(", ")));
        }
        md
    }

    fn hover_page(&self, id: &str) -> String {
        match self.pages().find(|(_, p)| p.id.as_deref() == Some(id)) {
            Some((_, p)) => page_markdown(id, p),
            None if self.nav_pages.iter().any(|n| n == id) => {
                format!(
                    "**`{id}`** — a page of docs.json's navigation (not compiled by personamap)"
                )
            }
            None => format!("**`{id}`**: neither a page of the spec nor of docs.json's navigation"),
        }
    }
}

fn page_markdown(id: &str, p: &PageInfo) -> String {
    let mut md = format!("**`{id}`**");
    if let Some(t) = &p.title {
        md.push_str(&format!(" — {t}"));
    }
    if !p.navigation.is_empty() {
        md.push_str(&format!("\n\nNavigation: {}", p.navigation.join(" › ")));
    }
    md
}

/// The group number and the node `id` of `p`.
pub(crate) fn find_node<'a>(p: &'a PersonaInfo, id: &str) -> Option<(usize, &'a NodeInfo)> {
    p.groups
        .iter()
        .enumerate()
        .find_map(|(g, group)| group.nodes.iter().find(|n| n.id == id).map(|n| (g, n)))
}

/// A node's label lines, joined by ` / `.
pub(crate) fn label(n: &NodeInfo) -> String {
    if n.label.is_empty() {
        "(none)".to_string()
    } else {
        n.label.join(" / ")
    }
}

/// `fill `#…`, stroke `#…`, text `#…`` (and the dash).
pub(crate) fn colours(c: &ClassInfo) -> String {
    let mut parts = Vec::new();
    for (what, v) in [
        ("fill", &c.fill),
        ("stroke", &c.stroke),
        ("text", &c.color),
        ("dash", &c.dash),
    ] {
        if let Some(v) = v {
            parts.push(format!("{what} `{v}`"));
        }
    }
    parts.join(", ")
}

/// `3 times: a:1:2, …`.
fn count(uses: &[String]) -> String {
    match uses.len() {
        0 => "nowhere in the edges".to_string(),
        1 => format!("once: {}", uses[0]),
        n => format!("{n} times: {}", uses.join(", ")),
    }
}

/// How Mermaid reads a link written as `written`.
pub(crate) fn describe_link(written: &str, link: &Link) -> String {
    let shape = link.shape;
    let kind = shape.kind.name();
    let title = match (shape.kind, shape.ends) {
        (EdgeKind::Invisible, _) => "invisible link: laid out, not drawn".to_string(),
        (_, Ends::Arrow) => format!("{kind} arrow"),
        (_, Ends::BothArrows) => format!("{kind} arrow, both ways"),
        (_, Ends::Open) => format!("{kind} line, no arrow"),
        (_, ends) => format!("{kind} line, {}", ends.meaning().unwrap_or("")),
    };
    let mut md = format!("**{title}**\n\n`{}` as Mermaid reads it", written.trim());
    md.push_str(&format!(
        ": stroke `{kind}`, type `{}`, length {}",
        shape.ends.mermaid_type(),
        shape.length
    ));
    if shape.length > 1 {
        md.push_str(&format!(" ({} more ranks)", shape.length - 1));
    }
    match &link.label {
        Some((text, LabelStyle::Pipe)) => {
            md.push_str(&format!("\n\nLabel: “{text}” (after the arrow, `|…|`)"))
        }
        Some((text, LabelStyle::Inline)) => {
            md.push_str(&format!("\n\nLabel: “{text}” (inside the arrow)"));
            let tight = written.contains(&format!("{text}.-"));
            if shape.kind == EdgeKind::Dotted
                && tight
                && personamap_syntax::mermaid::dotted_inline_misread(text)
            {
                md.push_str(&format!(
                    "\n\nWritten as is, Mermaid ends the arrow at the label's last letter and draws “{}”; pages with `edge_labels = \"safe\"` (the default) write `-. {text} .->`",
                    &text[..text.len() - 1]
                ));
            }
        }
        None => {}
    }
    md
}
