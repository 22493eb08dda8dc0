//! Importing into an existing spec: the page reuses the spec's `[site]`, `[divider]` and
//! palette, its personas take free numbers, and existing pages keep showing what they showed.

use crate::page::ImportedSpec;
use crate::{ImportError, SpecFile};
use personamap_spec::{Class, Spec};
use toml_edit::{Array, DocumentMut, Item, Value};

/// Fits `imported` into `existing`: classes that look like a palette class take its name (an
/// imported class whose name the palette has with another look is an error naming both), the
/// personas take the numbers after the spec's largest (the page numbers them 1, 2, … as before
/// when it showed them so), and the spec's divider is used.
pub(crate) fn fit(imported: &mut ImportedSpec, existing: &Spec) -> Result<(), ImportError> {
    let mut renames: Vec<(String, String)> = Vec::new();
    let mut kept = Vec::new();
    for class in std::mem::take(&mut imported.palette) {
        let look = (&class.fill, &class.stroke, &class.color, &class.dash);
        let same = |c: &Class| look == (&c.fill, &c.stroke, &c.color, &c.dash);
        if let Some(c) = existing.class(&class.name) {
            if !same(c) {
                let (line, _) = existing.sources.line_col(c.span);
                let path = &existing.sources.file(c.span.file).path;
                return Err(ImportError::at(
                    class.line,
                    format!(
                        "class `{}` is in the spec's palette ({path}:{line}) with another look (fill {}, stroke {}, color {}{}) than on this page (fill {}, stroke {}, color {}{}): rename one of them",
                        class.name,
                        c.fill,
                        c.stroke,
                        c.color,
                        dash_text(c.dash.as_deref()),
                        class.fill,
                        class.stroke,
                        class.color,
                        dash_text(class.dash.as_deref()),
                    ),
                ));
            }
        } else if let Some(c) = existing.palette.iter().find(|c| same(c)) {
            renames.push((class.name.clone(), c.name.clone()));
        } else {
            kept.push(class);
        }
    }
    imported.palette = kept;
    for (p, overrides) in &mut imported.personas {
        for node in p.chart.groups.iter_mut().flatten() {
            if let Some((_, to)) = renames.iter().find(|(from, _)| *from == node.class) {
                node.class.clone_from(to);
            }
        }
        for o in overrides.iter_mut() {
            if let Some((_, to)) = renames.iter().find(|(from, _)| *from == o.name) {
                o.name.clone_from(to);
            }
        }
    }
    // Free numbers, after the largest; the page shows them as it did when that was 1, 2, ….
    let shown: Vec<u32> = imported.personas.iter().map(|(p, _)| p.number).collect();
    let taken = |n: &u32| existing.persona(*n).is_some();
    if !shown.iter().any(taken) {
        return Ok(());
    }
    let first = existing
        .personas
        .iter()
        .map(|p| p.number)
        .max()
        .unwrap_or(0)
        + 1;
    let counted = (1..).take(shown.len()).eq(shown.iter().copied());
    for (k, (p, _)) in imported.personas.iter_mut().enumerate() {
        p.number = first + u32::try_from(k).unwrap_or(u32::MAX - first);
    }
    imported.page_numbering = counted;
    Ok(())
}

fn dash_text(dash: Option<&str>) -> String {
    dash.map(|d| format!(", dash {d}")).unwrap_or_default()
}

/// The existing spec files whose pages show every persona (no `personas = [...]`), each with
/// the list of the personas it shows now, so that the imported personas do not join them.
pub(crate) fn pin_pages(existing: &Spec) -> Result<Vec<SpecFile>, ImportError> {
    let mut edits: Vec<SpecFile> = Vec::new();
    for page in &existing.pages {
        let file = existing.sources.file(page.span.file);
        let text = match edits.iter().find(|e| e.path == file.path) {
            Some(e) => e.text.clone(),
            None => file.text.clone(),
        };
        let mut doc: DocumentMut = text.parse().map_err(|e| ImportError {
            line: None,
            message: format!("{}: {e}", file.path),
        })?;
        let Some(table) = doc
            .get_mut("page")
            .and_then(Item::as_array_of_tables_mut)
            .and_then(|pages| {
                pages
                    .iter_mut()
                    .find(|t| t.get("id").and_then(Item::as_str) == Some(page.id.as_str()))
            })
        else {
            continue;
        };
        if table.contains_key("personas") {
            continue;
        }
        let list: Array = page.personas.iter().map(|n| i64::from(*n)).collect();
        table.insert("personas", Item::Value(Value::Array(list)));
        let text = doc.to_string();
        match edits.iter_mut().find(|e| e.path == file.path) {
            Some(e) => e.text = text,
            None => edits.push(SpecFile {
                path: file.path.clone(),
                text,
            }),
        }
    }
    Ok(edits)
}
