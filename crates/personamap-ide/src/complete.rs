//! Completion: node ids in edge strings, classes, pages, personas, and the keys and enum
//! values of the spec's JSON Schema.

use crate::hover::{colours, label};
use crate::index::{Container, StringValue};
use crate::{Analysis, Completion, CompletionKind, TokenKind};
use std::ops::Range;

fn is_id(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

fn is_key(c: char) -> bool {
    is_id(c) || c == '-'
}

/// The run of characters `pred` accepts around `offset` (empty at `offset` when none).
fn word(text: &str, offset: usize, pred: impl Fn(char) -> bool) -> Range<usize> {
    let start = text[..offset]
        .char_indices()
        .rev()
        .take_while(|(_, c)| pred(*c))
        .last()
        .map_or(offset, |(i, _)| i);
    let end = text[offset..]
        .char_indices()
        .find(|(_, c)| !pred(*c))
        .map_or(text.len(), |(i, _)| offset + i);
    start..end
}

impl Analysis {
    pub(crate) fn complete(&self, file: &str, offset: usize) -> Vec<Completion> {
        let Some(f) = self.file_no(file) else {
            return Vec::new();
        };
        let text = &self.files[f].text;
        if !text.is_char_boundary(offset) {
            return Vec::new();
        }
        let ix = &self.index[f];
        // Inside an edge string: the persona's node ids (not inside a label or a comment).
        for p in &ix.personas {
            let Some(e) = &p.edges else { continue };
            let Some(value) = &e.value else { continue };
            if !(value.start <= offset && offset <= value.end) {
                continue;
            }
            let in_text = e.tokens.iter().any(|t| {
                matches!(t.kind, TokenKind::Label | TokenKind::Comment)
                    && t.range.start < offset
                    && offset < t.range.end
            });
            if in_text {
                return Vec::new();
            }
            let replace = word(text, offset, is_id);
            return p
                .nodes()
                .map(|n| Completion {
                    label: n.id.clone(),
                    kind: CompletionKind::Node,
                    detail: Some(match &n.class {
                        Some(c) => format!("{} · {c}", label(n)),
                        None => label(n),
                    }),
                    documentation: n.class.as_deref().and_then(|c| {
                        let info = self.class_info(c)?;
                        Some(format!(
                            "`{c}`: {} ({})",
                            info.meaning.as_deref().unwrap_or(""),
                            colours(info)
                        ))
                    }),
                    replace: replace.clone(),
                    insert: n.id.clone(),
                })
                .collect();
        }
        if let Some(s) = ix
            .strings
            .iter()
            .filter(|s| s.value.start <= offset && offset <= s.value.end)
            .max_by_key(|s| s.value.start)
        {
            return self.complete_string(text, s, offset);
        }
        let Some(c) = context(&ix.containers, offset) else {
            return Vec::new();
        };
        if c.array {
            if c.path == ["page", "personas"] {
                let replace = word(text, offset, |c| c.is_ascii_digit());
                return self
                    .personas()
                    .filter_map(|(_, p)| {
                        let n = p.number?.to_string();
                        Some(Completion {
                            label: n.clone(),
                            kind: CompletionKind::Persona,
                            detail: Some(p.title()),
                            documentation: p.nickname.clone(),
                            replace: replace.clone(),
                            insert: n,
                        })
                    })
                    .collect();
            }
            return Vec::new();
        }
        // A value not yet written, after `key =`: the key's values, written as TOML values.
        let line = &text[text[..offset].rfind('\n').map_or(0, |i| i + 1)..offset];
        if let Some(key) = line.trim_end().strip_suffix('=') {
            let key = key.trim_end();
            let name = &key[key.trim_end_matches(is_key).len()..];
            return self.values_after_equals(&c.path, name, offset);
        }
        // A key not yet in the table: at the start of a line of a table, or after `{` or `,` in
        // an inline table.
        let replace = word(text, offset, is_key);
        let before = text[..replace.start].trim_end_matches([' ', '\t']);
        let at_key = if c.header {
            before.is_empty() || before.ends_with('\n')
        } else {
            before.ends_with(['{', ','])
        };
        if !at_key {
            return Vec::new();
        }
        let lints = c.path.last().is_some_and(|k| k == "lints");
        let typed = &text[replace.clone()];
        self.schema
            .fields(&c.path)
            .into_iter()
            // The keys the table already has are not offered again.
            .filter(|(name, _)| name == typed || !c.keys.contains(name))
            .map(|(name, doc)| Completion {
                label: name.clone(),
                kind: if lints {
                    CompletionKind::Lint
                } else {
                    CompletionKind::Field
                },
                detail: doc.as_deref().map(first_sentence),
                documentation: doc,
                replace: replace.clone(),
                insert: name,
            })
            .collect()
    }

    /// The values of key `name` of the table at `path`, inserted at `offset` as TOML values:
    /// the palette's classes for `class`, else the schema's values.
    fn values_after_equals(&self, path: &[String], name: &str, offset: usize) -> Vec<Completion> {
        let (kind, values) = if name == "class" {
            let classes = self.index.iter().flat_map(|ix| &ix.classes);
            let values = classes.map(|c| (c.name.clone(), c.meaning.clone()));
            (CompletionKind::Class, values.collect())
        } else {
            (CompletionKind::Value, self.schema.values(path, name))
        };
        values
            .into_iter()
            .map(|(v, doc)| {
                let written = if v == "true" || v == "false" {
                    v
                } else {
                    format!("\"{v}\"")
                };
                Completion {
                    label: written.clone(),
                    kind,
                    detail: doc.as_deref().map(first_sentence),
                    documentation: doc,
                    replace: offset..offset,
                    insert: written,
                }
            })
            .collect()
    }

    fn complete_string(&self, text: &str, s: &StringValue, offset: usize) -> Vec<Completion> {
        let Some((key, table)) = s.path.split_last() else {
            return Vec::new();
        };
        let value = &text[s.value.clone()];
        match key.as_str() {
            "class" => {
                let replace = word(text, offset, is_id);
                self.index
                    .iter()
                    .flat_map(|ix| &ix.classes)
                    .map(|c| Completion {
                        label: c.name.clone(),
                        kind: CompletionKind::Class,
                        detail: Some(format!(
                            "{} · {}",
                            c.meaning.as_deref().unwrap_or(""),
                            c.fill.as_deref().unwrap_or("")
                        )),
                        documentation: Some(colours(c)),
                        replace: replace.clone(),
                        insert: c.name.clone(),
                    })
                    .collect()
            }
            "after" => self.page_items("", Some(s.value.clone())),
            // A component's link in prose: `<Card href="/…">`.
            "intro" | "closing" => {
                let before = &text[s.value.start..offset];
                let Some(open) = before.rfind("href=\"") else {
                    return Vec::new();
                };
                let start = s.value.start + open + "href=\"".len();
                if text[start..offset].contains('"') {
                    return Vec::new();
                }
                let end = text[offset..s.value.end]
                    .find('"')
                    .map_or(offset, |i| offset + i);
                self.page_items("/", path_part(text, start..end, offset))
            }
            "href" if value.is_empty() || value.starts_with('/') => {
                self.page_items("/", path_part(text, s.value.clone(), offset))
            }
            _ => self
                .schema
                .values(table, key)
                .into_iter()
                .map(|(v, doc)| Completion {
                    label: v.clone(),
                    kind: CompletionKind::Value,
                    detail: doc.as_deref().map(first_sentence),
                    documentation: doc,
                    replace: s.value.clone(),
                    insert: v,
                })
                .collect(),
        }
    }

    /// The spec's pages, then docs.json's others, each written `{prefix}{id}` over `replace`
    /// (none without it).
    fn page_items(&self, prefix: &str, replace: Option<Range<usize>>) -> Vec<Completion> {
        let Some(replace) = replace else {
            return Vec::new();
        };
        let mut out: Vec<Completion> = self
            .pages()
            .filter_map(|(_, p)| {
                let id = p.id.clone()?;
                Some(Completion {
                    label: format!("{prefix}{id}"),
                    kind: CompletionKind::Page,
                    detail: p.title.clone(),
                    documentation: (!p.navigation.is_empty()).then(|| p.navigation.join(" › ")),
                    replace: replace.clone(),
                    insert: format!("{prefix}{id}"),
                })
            })
            .collect();
        for id in &self.nav_pages {
            let label = format!("{prefix}{id}");
            if out.iter().any(|c| c.label == label) {
                continue;
            }
            out.push(Completion {
                label: label.clone(),
                kind: CompletionKind::NavPage,
                detail: Some("docs.json page".to_string()),
                documentation: None,
                replace: replace.clone(),
                insert: label,
            });
        }
        out
    }
}

/// The table or array the cursor is in: the innermost inline one holding `offset`, else the
/// last table header before it.
fn context(containers: &[Container], offset: usize) -> Option<&Container> {
    containers
        .iter()
        .filter(|c| {
            if c.header {
                c.range.start <= offset
            } else {
                c.range.start < offset && offset < c.range.end
            }
        })
        .max_by_key(|c| (c.range.start, !c.array))
}

/// The page part of a link written at `range`: up to its `#anchor` or `?query`; `None` when
/// `offset` is past it.
fn path_part(text: &str, range: Range<usize>, offset: usize) -> Option<Range<usize>> {
    let end = text[range.clone()]
        .find(['#', '?'])
        .map_or(range.end, |i| range.start + i);
    (offset <= end).then_some(range.start..end)
}

/// The first sentence of a doc, for a one-line detail.
fn first_sentence(doc: &str) -> String {
    match doc.find(". ") {
        Some(i) => doc[..=i].to_string(),
        None => doc.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_word_under_the_cursor() {
        let text = "A --> G_Q é";
        assert_eq!(word(text, 8, is_id), 6..9);
        assert_eq!(word(text, 9, is_id), 6..9);
        assert_eq!(word(text, 5, is_id), 5..5);
        assert_eq!(word(text, text.len(), is_id), text.len()..text.len());
        assert_eq!(first_sentence("One. Two."), "One.");
    }
}
