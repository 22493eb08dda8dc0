//! `personamap fmt`: the canonical layout of a spec file, keeping every comment (toml_edit).
//!
//! The layout (the README's "Formatting" section says the same):
//! - Top-level tables in the order `[site]`, `[divider]`, `[lints]`, `[[page]]`, `[[palette]]`,
//!   `[[persona]]` (any other table after them); pages, palette classes and personas keep their
//!   order (it is meaningful).
//! - Each table's subtables right after it: a page's `[page.maps]`, `[page.lints]`,
//!   `[page.frontmatter]`; a persona's `[persona.lints]`, `[[persona.group]]`,
//!   `[persona.classes.*]` (others after them, as written).
//! - Every comment moves with the table header it stands above; the file's opening comment block
//!   (up to its last blank line) stays first, and a `#:schema` first line is followed by a blank
//!   line (Tombi reads it only so).
//! - In an `edges = '''…'''` text: one statement per line, without indentation or trailing
//!   spaces; within a group (statements between blank lines) the first arrows aligned, by
//!   padding what comes before them; one blank line between groups, none at the start or end.
//!   Everything from the first arrow on is kept as written, and `%%` comment lines stay.
//!
//! Keys inside a table, values and their quoting are left as written.

use toml_edit::{DocumentMut, Item, Table, Value};

/// Top-level tables in canonical order.
const TOP: &[&str] = &["site", "divider", "lints", "page", "palette", "persona"];

/// Canonical order of the subtables of a top-level table.
fn sub_order(parent: &str) -> &'static [&'static str] {
    match parent {
        "divider" => &["spacing"],
        "page" => &["maps", "lints", "frontmatter"],
        "persona" => &["lints", "group", "classes"],
        _ => &[],
    }
}

/// `text` (a spec file) in the canonical layout; an error when it is not TOML.
pub fn format(text: &str) -> Result<String, String> {
    let mut doc: DocumentMut = text
        .parse()
        .map_err(|e: toml_edit::TomlError| e.to_string().trim_end().to_string())?;
    let first_before = first_table_key(&doc);
    let mut position = 0;
    let root = doc.as_table_mut();
    for key in ordered_keys(root, TOP) {
        let order = sub_order(&key);
        if let Some(item) = root.get_mut(&key) {
            place(item, order, &mut position);
        }
    }
    let first_after = first_table_key(&doc);
    if first_before != first_after
        && let (Some(before), Some(after)) = (first_before, first_after)
    {
        move_file_comment(&mut doc, &before, &after);
    }
    format_edges(doc.as_table_mut());
    Ok(blank_after_schema(doc.to_string()))
}

/// `text` with a blank line after its first line when that is a `#:schema` comment: Tombi
/// reads `#:schema` only as a file's first line followed by a blank line.
fn blank_after_schema(text: String) -> String {
    match text.split_once('\n') {
        Some((first, rest))
            if first.starts_with("#:schema") && !rest.is_empty() && !rest.starts_with('\n') =>
        {
            format!("{first}\n\n{rest}")
        }
        _ => text,
    }
}

/// The keys of `table`, those in `order` first (in that order), then the rest as written.
fn ordered_keys(table: &Table, order: &[&str]) -> Vec<String> {
    let mut keys: Vec<(usize, usize, String)> = table
        .iter()
        .enumerate()
        .map(|(i, (k, _))| {
            let rank = order.iter().position(|o| *o == k).unwrap_or(order.len());
            (rank, i, k.to_string())
        })
        .collect();
    keys.sort();
    keys.into_iter().map(|(.., k)| k).collect()
}

/// Gives the tables of `item` (a table or an array of tables) and their subtables consecutive
/// positions from `position`, subtables in `order`.
fn place(item: &mut Item, order: &[&str], position: &mut isize) {
    match item {
        Item::Table(t) => place_table(t, order, position),
        Item::ArrayOfTables(a) => {
            for t in a.iter_mut() {
                place_table(t, order, position);
            }
        }
        _ => {}
    }
}

fn place_table(table: &mut Table, order: &[&str], position: &mut isize) {
    if !table.is_dotted() {
        table.set_position(Some(*position));
        *position += 1;
    }
    for key in ordered_keys(table, order) {
        if let Some(item) = table.get_mut(&key) {
            place(item, &[], position);
        }
    }
}

/// Path of the table printed first (`None` for a file without tables).
fn first_table_key(doc: &DocumentMut) -> Option<(String, usize)> {
    doc.as_table()
        .iter()
        .flat_map(|(k, item)| match item {
            Item::Table(t) => vec![(t.position(), (k.to_string(), 0))],
            Item::ArrayOfTables(a) => a
                .iter()
                .enumerate()
                .map(|(i, t)| (t.position(), (k.to_string(), i)))
                .collect(),
            _ => Vec::new(),
        })
        .filter_map(|(p, k)| Some((p?, k)))
        .min()
        .map(|(_, k)| k)
}

fn table_at<'a>(doc: &'a mut DocumentMut, at: &(String, usize)) -> Option<&'a mut Table> {
    match doc.as_table_mut().get_mut(&at.0)? {
        Item::Table(t) => Some(t),
        Item::ArrayOfTables(a) => a.get_mut(at.1),
        _ => None,
    }
}

/// Moves the file's opening comment block (the first table's comment lines up to the last
/// blank line) from the table that was first to the one that now is.
fn move_file_comment(doc: &mut DocumentMut, before: &(String, usize), after: &(String, usize)) {
    let prefix = |t: &Table| {
        t.decor()
            .prefix()
            .and_then(|p| p.as_str())
            .unwrap_or("")
            .to_string()
    };
    let Some(old) = table_at(doc, before) else {
        return;
    };
    let text = prefix(old);
    let Some(cut) = text.rfind("\n\n").map(|i| i + 2) else {
        return;
    };
    let (head, rest) = text.split_at(cut);
    let head = head.to_string();
    old.decor_mut().set_prefix(format!("\n{rest}"));
    if let Some(new) = table_at(doc, after) {
        let own = prefix(new);
        new.decor_mut()
            .set_prefix(format!("{head}{}", own.trim_start_matches('\n')));
    }
}

/// Lays out every `edges` text under `table` (see the module docs).
fn format_edges(table: &mut Table) {
    for (key, item) in table.iter_mut() {
        match item {
            Item::Table(t) => format_edges(t),
            Item::ArrayOfTables(a) => a.iter_mut().for_each(format_edges),
            Item::Value(v) if key == "edges" => format_edges_value(v),
            _ => {}
        }
    }
}

fn format_edges_value(value: &mut Value) {
    let Value::String(s) = value else {
        return;
    };
    // Only a `'''` text is rewritten: its characters need no escaping, so the new text is
    // written the same way.
    let raw = s.display_repr();
    if !raw.starts_with("'''") {
        return;
    }
    let new = layout_edges(s.value());
    if new == *s.value() {
        return;
    }
    let decor = s.decor().clone();
    let Ok(parsed) = format!("x = '''\n{new}'''").parse::<DocumentMut>() else {
        return;
    };
    let Some(Item::Value(fresh)) = parsed.as_table().get("x").cloned() else {
        return;
    };
    *value = fresh;
    *value.decor_mut() = decor;
}

/// The edge text laid out (see the module docs); ends with a newline unless empty.
pub(crate) fn layout_edges(text: &str) -> String {
    let mut groups: Vec<Vec<&str>> = vec![Vec::new()];
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() {
            if !groups.last().is_some_and(Vec::is_empty) {
                groups.push(Vec::new());
            }
        } else if let Some(g) = groups.last_mut() {
            g.push(line);
        }
    }
    groups.retain(|g| !g.is_empty());
    let mut out = String::new();
    for (i, group) in groups.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let split: Vec<Option<(&str, &str)>> = group.iter().map(|l| split_first_arrow(l)).collect();
        let width = split
            .iter()
            .flatten()
            .map(|(head, _)| head.chars().count())
            .max()
            .unwrap_or(0);
        for (line, parts) in group.iter().zip(&split) {
            match parts {
                Some((head, tail)) => {
                    let pad = width - head.chars().count();
                    out.push_str(&format!("{head}{} {tail}\n", " ".repeat(pad)));
                }
                None => {
                    out.push_str(line);
                    out.push('\n');
                }
            }
        }
    }
    out
}

/// An edge statement split before its first arrow: the first node set (trimmed) and the rest
/// as written. `None` for a `%%` comment or a line that is no statement.
fn split_first_arrow(line: &str) -> Option<(&str, &str)> {
    if line.starts_with("%%") {
        return None;
    }
    let file = personamap_spec::FileId(0);
    let fallback = personamap_spec::Span::new(file, 0..0);
    let (groups, errors) = personamap_spec::edges::parse(line, file, Some(0), fallback);
    if !errors.is_empty() {
        return None;
    }
    let chain = groups.into_iter().flatten().next()?;
    let end = chain.sets.first()?.iter().map(|n| n.span.end).max()? as usize;
    let (head, tail) = (line.get(..end)?, line.get(end..)?);
    Some((head.trim_end(), tail.trim_start()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_schema_line_is_followed_by_a_blank_line() {
        let text = "#:schema ../personamap.schema.json\n# P1.\n\n[[persona]]\nnumber = 1\n";
        let once = format(text).expect("toml");
        assert_eq!(
            once,
            "#:schema ../personamap.schema.json\n\n# P1.\n\n[[persona]]\nnumber = 1\n"
        );
        assert_eq!(format(&once).expect("toml"), once);
        let bare = "#:schema x.json\n[site]\n";
        assert_eq!(format(bare).expect("toml"), "#:schema x.json\n\n[site]\n");
        // Only a first-line `#:schema`.
        let other = "# a\n#:schema x.json\n[site]\n";
        assert_eq!(format(other).expect("toml"), other);
    }

    #[test]
    fn edges_are_aligned_per_group() {
        let text = "  P1 --> G_QS --> CG\nP1 -.reads.->   X  \n\n\n\nGoLP & A -.->|charges| Pay\n%% note\nB==>C\n";
        assert_eq!(
            layout_edges(text),
            "P1 --> G_QS --> CG\nP1 -.reads.->   X\n\nGoLP & A -.->|charges| Pay\n%% note\nB        ==>C\n"
        );
    }

    #[test]
    fn tables_take_the_canonical_order_with_their_comments() {
        let text = "#:schema ../personamap.schema.json\n# The file.\n\n# palette first\n[[palette]]\nname = \"a\"\n\n[[page]]\nid = \"p\"\n\n[page.frontmatter]\nx = 1\n\n# its lints\n[page.lints]\nsmall-labels = \"allow\"\n\n[site]\nbase_url = \"u\" # trailing\n";
        let got = format(text).expect("formats");
        assert_eq!(
            got,
            "#:schema ../personamap.schema.json\n\n# The file.\n\n[site]\nbase_url = \"u\" # trailing\n\n[[page]]\nid = \"p\"\n\n# its lints\n[page.lints]\nsmall-labels = \"allow\"\n\n[page.frontmatter]\nx = 1\n\n# palette first\n[[palette]]\nname = \"a\"\n"
        );
        assert_eq!(format(&got).expect("formats"), got);
    }
}
