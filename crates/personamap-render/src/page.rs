//! The MDX page and the divider snippet, rendered through the templates.

use crate::escape::{mdx_inline, mdx_prose, table_cell};
use crate::frontmatter::frontmatter;
use crate::mermaid::flowchart;
use crate::templates;
use minijinja::{Environment, context};
use personamap_spec::{Divider, Page, Spec};

/// Renders the MDX page for `page`.
pub fn page(env: &Environment, spec: &Spec, page: &Page) -> Result<String, minijinja::Error> {
    let personas: Vec<_> = page
        .personas
        .iter()
        .filter_map(|n| spec.persona(*n))
        .collect();
    let used = spec.palette.iter().filter(|c| {
        personas
            .iter()
            .any(|p| p.nodes().any(|n| n.class == c.name))
    });
    let rows: Vec<[String; 2]> = used
        .map(|c| [format!("`{}`", c.name), table_cell(&c.meaning)])
        .collect();
    let personas: Vec<_> = personas
        .iter()
        .map(|p| {
            context! {
                number => p.number,
                name => mdx_inline(&p.name),
                nickname => p.nickname.as_deref().map(mdx_inline),
                intro => prose(p.intro.as_deref()),
                mermaid => flowchart(p, &spec.palette),
            }
        })
        .collect();
    env.get_template(templates::PAGE)?.render(context! {
        frontmatter => frontmatter(page),
        divider => context! { component => &spec.divider.component, path => &spec.divider.path },
        intro => prose(page.intro.as_deref()),
        legend => context! {
            title => mdx_inline(&page.legend),
            table => table(&["Class", "Meaning"], &rows),
        },
        personas => personas,
        closing => prose(page.closing.as_deref()),
    })
}

/// Prose escaped for MDX, without surrounding blank lines; `None` when empty.
fn prose(text: Option<&str>) -> Option<String> {
    let t = text?.trim_matches(['\n', '\r']);
    (!t.trim().is_empty()).then(|| mdx_prose(t).trim_end().to_string())
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
