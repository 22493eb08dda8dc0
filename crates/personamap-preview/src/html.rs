//! A generated page as HTML: the MDX `generate` writes, read back as mdast (MDX, GFM tables,
//! maths: as Mintlify reads it), with the JSX personamap emits drawn by HTML stand-ins close to
//! Mintlify's (divider, callouts, tabs, accordions, cards and columns, swatches) and each
//! ```` ```mermaid ```` fence as a diagram the browser draws with the embedded Mermaid.
//!
//! Pure: text in, HTML out. Nothing here names a file or URL outside the page's own links, so
//! nothing the browser loads from it leaves the preview server.

use crate::compile::{Diag, Page};
use markdown::mdast::{AttributeContent, AttributeValue, MdxJsxAttribute, Node};
use std::fmt::Write as _;

/// One part of a page, replaced as a whole when it changes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Section {
    /// Stable within a page: `head`, then the position of the block (`b1`, `b2`, …).
    pub key: String,
    /// A digest of `html`: equal hashes, equal sections.
    pub hash: String,
    /// The HTML.
    pub html: String,
}

/// A page as the preview shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct View {
    /// The page id (`""` for the index).
    pub id: String,
    /// The title, for the browser tab.
    pub title: String,
    /// The sections, in order.
    pub sections: Vec<Section>,
}

/// HTML-escapes text for element content and double-quoted attributes.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// FNV-1a (64 bit) of `text`, in hex: the same everywhere, for every run.
fn digest(text: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

fn section(key: String, html: String) -> Section {
    Section {
        key,
        hash: digest(&html),
        html,
    }
}

/// The index: every generated page, linked, with its description and number of maps.
pub fn index(pages: &[Page]) -> View {
    let mut list = String::from("<ul class=\"pm-index\">");
    for p in pages {
        let maps = p.personas.len();
        let _ = write!(
            list,
            "<li><a href=\"/{id}\">{title}</a> <code>{id}</code> <span class=\"pm-count\">{maps} map{s}</span><p>{desc}</p></li>",
            id = escape(&p.id),
            title = escape(&p.title),
            desc = escape(&p.description),
            s = if maps == 1 { "" } else { "s" },
        );
    }
    list.push_str("</ul>");
    if pages.is_empty() {
        list = "<p class=\"pm-empty\">No page compiled yet.</p>".into();
    }
    View {
        id: String::new(),
        title: "personamap preview".into(),
        sections: vec![
            section(
                "head".into(),
                "<h1>Generated pages</h1><p class=\"pm-description\">Every page the spec generates, as <code>personamap generate</code> would write it.</p>".into(),
            ),
            section("b1".into(), list),
        ],
    }
}

/// The page `page`, with `warnings` (those of its personas) beside the maps they concern.
pub fn page(page: &Page, warnings: &[Diag]) -> View {
    let mut ctx = Ctx {
        page,
        warnings,
        maps: 0,
    };
    let mut sections = vec![section(
        "head".into(),
        format!(
            "<h1>{}</h1><p class=\"pm-description\">{}</p>",
            escape(&page.title),
            escape(&page.description)
        ),
    )];
    match personamap_syntax::mdast::parse(&page.mdx, &personamap_render::export::mdx_options()) {
        Ok(Node::Root(root)) => {
            for child in &root.children {
                let mut html = String::new();
                ctx.node(child, &mut html);
                if !html.is_empty() {
                    let key = format!("b{}", sections.len());
                    sections.push(section(key, html));
                }
            }
        }
        Ok(_) => {}
        Err(e) => sections.push(section(
            "b1".into(),
            format!(
                "<p class=\"pm-unreadable\">The page cannot be read back as MDX: {}</p>",
                escape(&e.to_string())
            ),
        )),
    }
    View {
        id: page.id.clone(),
        title: page.title.clone(),
        sections,
    }
}

struct Ctx<'a> {
    page: &'a Page,
    warnings: &'a [Diag],
    /// Mermaid fences seen so far.
    maps: usize,
}

impl Ctx<'_> {
    fn children(&mut self, nodes: &[Node], out: &mut String) {
        for n in nodes {
            self.node(n, out);
        }
    }

    fn wrap(&mut self, tag: &str, attrs: &str, nodes: &[Node], out: &mut String) {
        let _ = write!(out, "<{tag}{attrs}>");
        self.children(nodes, out);
        let _ = write!(out, "</{tag}>");
    }

    fn node(&mut self, node: &Node, out: &mut String) {
        match node {
            Node::Root(n) => self.children(&n.children, out),
            Node::Paragraph(n) => self.wrap("p", "", &n.children, out),
            Node::Heading(n) => {
                let text = plain(node);
                let attrs = format!(" id=\"{}\"", escape(&slug(&text)));
                self.wrap(
                    &format!("h{}", n.depth.clamp(1, 6)),
                    &attrs,
                    &n.children,
                    out,
                );
            }
            Node::Text(n) => out.push_str(&escape(&n.value)),
            Node::Strong(n) => self.wrap("strong", "", &n.children, out),
            Node::Emphasis(n) => self.wrap("em", "", &n.children, out),
            Node::Delete(n) => self.wrap("del", "", &n.children, out),
            Node::InlineCode(n) => {
                let _ = write!(out, "<code>{}</code>", escape(&n.value));
            }
            Node::InlineMath(n) => {
                let _ = write!(out, "<code class=\"pm-math\">{}</code>", escape(&n.value));
            }
            Node::Math(n) => {
                let _ = write!(
                    out,
                    "<pre class=\"pm-math\"><code>{}</code></pre>",
                    escape(&n.value)
                );
            }
            Node::Break(_) => out.push_str("<br>"),
            Node::ThematicBreak(_) => out.push_str("<hr>"),
            Node::Blockquote(n) => self.wrap("blockquote", "", &n.children, out),
            Node::List(n) => {
                let tag = if n.ordered { "ol" } else { "ul" };
                let start = match n.start {
                    Some(s) if n.ordered && s != 1 => format!(" start=\"{s}\""),
                    _ => String::new(),
                };
                self.wrap(tag, &start, &n.children, out);
            }
            Node::ListItem(n) => {
                // A tight item's paragraphs are drawn inline, as Markdown renderers do.
                out.push_str("<li>");
                for child in &n.children {
                    match child {
                        Node::Paragraph(p) if !n.spread => self.children(&p.children, out),
                        other => self.node(other, out),
                    }
                }
                out.push_str("</li>");
            }
            Node::Link(n) => {
                let attrs = format!(" href=\"{}\"", escape(&safe_href(&n.url)));
                self.wrap("a", &attrs, &n.children, out);
            }
            Node::Image(n) => {
                // Images are not fetched: the preview serves no site files.
                let _ = write!(out, "<span class=\"pm-image\">[{}]</span>", escape(&n.alt));
            }
            Node::Table(n) => {
                out.push_str("<div class=\"pm-table\"><table>");
                for (i, row) in n.children.iter().enumerate() {
                    let cell = if i == 0 { "th" } else { "td" };
                    if i == 0 {
                        out.push_str("<thead>");
                    } else if i == 1 {
                        out.push_str("<tbody>");
                    }
                    out.push_str("<tr>");
                    if let Node::TableRow(r) = row {
                        for c in &r.children {
                            if let Node::TableCell(c) = c {
                                self.wrap(cell, "", &c.children, out);
                            }
                        }
                    }
                    out.push_str("</tr>");
                    if i == 0 {
                        out.push_str("</thead>");
                    }
                }
                if n.children.len() > 1 {
                    out.push_str("</tbody>");
                }
                out.push_str("</table></div>");
            }
            Node::Code(n) if n.lang.as_deref() == Some("mermaid") => self.map(&n.value, out),
            Node::Code(n) => {
                let class = n
                    .lang
                    .as_deref()
                    .map(|l| format!(" class=\"language-{}\"", escape(l)))
                    .unwrap_or_default();
                let _ = write!(out, "<pre><code{class}>{}</code></pre>", escape(&n.value));
            }
            Node::MdxJsxFlowElement(n) => {
                self.jsx(n.name.as_deref(), &n.attributes, &n.children, true, out)
            }
            Node::MdxJsxTextElement(n) => {
                self.jsx(n.name.as_deref(), &n.attributes, &n.children, false, out)
            }
            // Frontmatter (shown as the head), imports and `{/* comments */}` draw nothing.
            Node::Yaml(_)
            | Node::Toml(_)
            | Node::MdxjsEsm(_)
            | Node::MdxFlowExpression(_)
            | Node::MdxTextExpression(_)
            | Node::Definition(_) => {}
            Node::Html(n) => out.push_str(&escape(&n.value)),
            other => {
                if let Some(children) = other.children() {
                    self.children(children, out);
                }
            }
        }
    }

    /// A Mermaid fence: the diagram's source for the browser, and the warnings of its persona.
    fn map(&mut self, source: &str, out: &mut String) {
        let persona = self.page.personas.get(self.maps).copied();
        self.maps += 1;
        let data = persona
            .map(|p| format!(" data-persona=\"{p}\""))
            .unwrap_or_default();
        let _ = write!(
            out,
            "<figure class=\"pm-map\"{data}><div class=\"pm-diagram\"></div><pre class=\"pm-source\" hidden>{}</pre>",
            escape(source)
        );
        let warnings: Vec<&Diag> = self
            .warnings
            .iter()
            .filter(|d| {
                persona.is_some()
                    && d.persona == persona
                    && d.page.as_ref().is_none_or(|p| *p == self.page.id)
            })
            .collect();
        if !warnings.is_empty() {
            out.push_str("<ul class=\"pm-warnings\">");
            for w in warnings {
                out.push_str("<li>");
                out.push_str(&diag_html(w));
                out.push_str("</li>");
            }
            out.push_str("</ul>");
        }
        out.push_str("</figure>");
    }

    fn jsx(
        &mut self,
        name: Option<&str>,
        attributes: &[AttributeContent],
        children: &[Node],
        flow: bool,
        out: &mut String,
    ) {
        let name = name.unwrap_or("");
        let attr = |key: &str| attribute(attributes, key);
        let block = if flow { "div" } else { "span" };
        match name {
            n if n == self.page.divider => out.push_str(
                "<div class=\"pm-divider\" role=\"separator\"><span></span><i></i><span></span></div>",
            ),
            "Note" | "Info" | "Tip" | "Warning" | "Check" | "Danger" => {
                let attrs = format!(" class=\"pm-callout pm-{}\"", name.to_lowercase());
                self.wrap(block, &attrs, children, out);
            }
            "Tabs" => {
                out.push_str("<div class=\"pm-tabs\"><div class=\"pm-tablist\" role=\"tablist\">");
                let tabs: Vec<&Node> = children
                    .iter()
                    .filter(|c| matches!(c, Node::MdxJsxFlowElement(e) if e.name.as_deref() == Some("Tab")))
                    .collect();
                for (i, tab) in tabs.iter().enumerate() {
                    let title = match tab {
                        Node::MdxJsxFlowElement(e) => attribute(&e.attributes, "title"),
                        _ => None,
                    };
                    let _ = write!(
                        out,
                        "<button type=\"button\" role=\"tab\" aria-selected=\"{}\">{}</button>",
                        i == 0,
                        escape(&title.unwrap_or_default())
                    );
                }
                out.push_str("</div>");
                for (i, tab) in tabs.iter().enumerate() {
                    if let Node::MdxJsxFlowElement(e) = tab {
                        let class = if i == 0 { "pm-tab pm-active" } else { "pm-tab" };
                        let attrs = format!(" class=\"{class}\" role=\"tabpanel\"");
                        self.wrap("div", &attrs, &e.children, out);
                    }
                }
                out.push_str("</div>");
            }
            "Accordion" => {
                let title = attr("title").unwrap_or_default();
                let _ = write!(
                    out,
                    "<details class=\"pm-accordion\"><summary>{}</summary><div>",
                    escape(&title)
                );
                self.children(children, out);
                out.push_str("</div></details>");
            }
            "Columns" | "CardGroup" => {
                let cols = attr("cols")
                    .and_then(|c| c.trim().parse::<u8>().ok())
                    .unwrap_or(2)
                    .clamp(1, 4);
                let attrs = format!(" class=\"pm-columns pm-cols-{cols}\"");
                self.wrap("div", &attrs, children, out);
            }
            "Card" => {
                let title = escape(&attr("title").unwrap_or_default());
                match attr("href") {
                    Some(href) => {
                        let _ = write!(out, "<a class=\"pm-card\" href=\"{}\">", escape(&safe_href(&href)));
                        let _ = write!(out, "<div class=\"pm-card-title\">{title}</div>");
                        self.children(children, out);
                        out.push_str("</a>");
                    }
                    None => {
                        let _ = write!(out, "<div class=\"pm-card\"><div class=\"pm-card-title\">{title}</div>");
                        self.children(children, out);
                        out.push_str("</div>");
                    }
                }
            }
            "span" | "div" | "sup" | "sub" | "kbd" | "strong" | "em" | "code" | "br" => {
                let mut attrs = String::new();
                if let Some(style) = attr("style").and_then(|s| style(&s)) {
                    let _ = write!(attrs, " style=\"{}\"", escape(&style));
                }
                if attr("aria-hidden").is_some() {
                    attrs.push_str(" aria-hidden=\"true\"");
                }
                if name == "br" {
                    out.push_str("<br>");
                } else {
                    self.wrap(name, &attrs, children, out);
                }
            }
            other => {
                let attrs = format!(" class=\"pm-jsx\" data-component=\"{}\"", escape(other));
                self.wrap(block, &attrs, children, out);
            }
        }
    }
}

/// A diagnostic as HTML: `error[rule] file:line:col message` and its help.
pub fn diag_html(d: &Diag) -> String {
    let mut out = format!(
        "<span class=\"pm-sev\">{}[{}]</span> ",
        if d.error { "error" } else { "warning" },
        escape(&d.rule)
    );
    if let Some(place) = &d.place {
        let _ = write!(out, "<code class=\"pm-place\">{}</code> ", escape(place));
    }
    let _ = write!(
        out,
        "<span class=\"pm-message\">{}</span>",
        escape(&d.message)
    );
    if let Some(help) = &d.help {
        let _ = write!(out, "<div class=\"pm-help\">help: {}</div>", escape(help));
    }
    out
}

/// The value of attribute `key`: a string literal, or an expression's source text.
fn attribute(attributes: &[AttributeContent], key: &str) -> Option<String> {
    attributes.iter().find_map(|a| match a {
        AttributeContent::Property(MdxJsxAttribute { name, value }) if name == key => {
            Some(match value {
                Some(AttributeValue::Literal(s)) => s.clone(),
                Some(AttributeValue::Expression(e)) => e.value.clone(),
                None => "true".into(),
            })
        }
        _ => None,
    })
}

/// A JSX `style={{key: "value", …}}` object as CSS, keeping only plain values (colours,
/// lengths, keywords): no `url(`, no escapes, nothing that loads or breaks out.
fn style(expr: &str) -> Option<String> {
    let body = expr.trim().strip_prefix('{')?.strip_suffix('}')?;
    let mut css = String::new();
    for part in split_top(body) {
        let Some((key, value)) = part.split_once(':') else {
            continue;
        };
        let key = key.trim().trim_matches(|c| c == '"' || c == '\'');
        let value = value.trim().trim_matches(|c| c == '"' || c == '\'');
        let plain_key = !key.is_empty() && key.chars().all(|c| c.is_ascii_alphabetic());
        let plain_value = !value.is_empty()
            && !value.to_ascii_lowercase().contains("url")
            && value
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || " #.%-(),".contains(c));
        if !plain_key || !plain_value {
            continue;
        }
        for c in key.chars() {
            if c.is_ascii_uppercase() {
                css.push('-');
                css.push(c.to_ascii_lowercase());
            } else {
                css.push(c);
            }
        }
        let _ = write!(css, ": {value}; ");
    }
    (!css.is_empty()).then(|| css.trim_end().to_string())
}

/// `body` split at the commas outside quotes and parentheses.
fn split_top(body: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let (mut depth, mut quote, mut start) = (0i32, None, 0);
    for (i, c) in body.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '(') => depth += 1,
            (None, ')') => depth -= 1,
            (None, ',') if depth == 0 => {
                parts.push(&body[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&body[start..]);
    parts
}

/// A link target the preview keeps: site paths, anchors, http(s) and mailto; else `#`.
fn safe_href(url: &str) -> String {
    let lower = url.trim().to_ascii_lowercase();
    let ok = ["/", "#", "http://", "https://", "mailto:"]
        .iter()
        .any(|p| lower.starts_with(p))
        || !lower.contains(':');
    if ok { url.to_string() } else { "#".into() }
}

/// The text of a node and its descendants.
fn plain(node: &Node) -> String {
    match node {
        Node::Text(t) => t.value.clone(),
        Node::InlineCode(c) => c.value.clone(),
        other => other
            .children()
            .map(|c| c.iter().map(plain).collect())
            .unwrap_or_default(),
    }
}

/// A heading's anchor, as Mintlify makes it: lower case, spaces to `-`, other punctuation gone.
fn slug(text: &str) -> String {
    text.trim()
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page_of(mdx: &str) -> Page {
        Page {
            id: "p".into(),
            title: "T".into(),
            description: "D".into(),
            mdx: mdx.into(),
            personas: vec![3],
            divider: "CustomDivider".into(),
        }
    }

    #[test]
    fn jsx_and_fences_become_their_stand_ins() {
        let mdx = "---\ntitle: T\n---\n\nimport { CustomDivider } from \"/snippets/d.jsx\";\n\n{/* hidden */}\n\n<CustomDivider />\n\n| A | B |\n| - | - |\n| <span aria-hidden=\"true\" style={{background: \"#0b66ff\", border: \"2px solid #0a4cc6\", backgroundImage: \"url(http://x)\"}} /> x | y |\n\n```mermaid\nflowchart TD\n  A[\"<b>\"]\n```\n\n<Accordion title=\"Text version\">\n\n- a\n\n</Accordion>\n\n<Columns cols={2}>\n  <Card title=\"C\" href=\"javascript:alert(1)\" />\n</Columns>\n";
        let warn = Diag {
            error: false,
            rule: "small-labels".into(),
            place: Some("personas/p3.toml:1:1".into()),
            message: "small".into(),
            help: None,
            persona: Some(3),
            page: None,
        };
        let view = page(&page_of(mdx), &[warn]);
        let html: Vec<&str> = view.sections.iter().map(|s| s.html.as_str()).collect();
        assert_eq!(view.sections[0].key, "head");
        assert!(html[1].starts_with("<div class=\"pm-divider\""), "{html:?}");
        assert!(
            html[2].contains("style=\"background: #0b66ff; border: 2px solid #0a4cc6;\""),
            "{}",
            html[2]
        );
        assert!(!html[2].contains("url"), "{}", html[2]);
        assert!(html[3].contains("data-persona=\"3\""));
        assert!(html[3].contains("A[&quot;&lt;b&gt;&quot;]"));
        assert!(html[3].contains("warning[small-labels]"));
        assert!(
            html[4].starts_with("<details class=\"pm-accordion\"><summary>Text version</summary>")
        );
        assert!(
            html[5].contains("<a class=\"pm-card\" href=\"#\">"),
            "{}",
            html[5]
        );
        assert_eq!(view.sections.len(), 6);
    }

    #[test]
    fn tabs_show_the_first_panel_and_a_button_each() {
        let mdx = "<Tabs>\n<Tab title=\"One\">\n\n```mermaid\nflowchart TD\n```\n</Tab>\n<Tab title=\"Two\">\n\ntext\n</Tab>\n</Tabs>\n";
        let view = page(&page_of(mdx), &[]);
        let html = &view.sections[1].html;
        assert!(
            html.contains(
                "<button type=\"button\" role=\"tab\" aria-selected=\"true\">One</button>"
            ),
            "{html}"
        );
        assert!(html.contains("aria-selected=\"false\">Two</button>"));
        assert!(html.contains("class=\"pm-tab pm-active\""));
        assert_eq!(html.matches("class=\"pm-tab\"").count(), 1);
    }

    #[test]
    fn an_unchanged_block_keeps_its_hash() {
        let a = page(&page_of("# A\n\nx\n"), &[]);
        let b = page(&page_of("# A\n\ny\n"), &[]);
        assert_eq!(a.sections[1], b.sections[1]);
        assert_ne!(a.sections[2].hash, b.sections[2].hash);
    }
}
