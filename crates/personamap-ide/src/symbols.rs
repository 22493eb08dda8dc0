//! Document and workspace symbols, and semantic tokens.

use crate::index::{Key, PersonaInfo};
use crate::{Analysis, DocSymbol, Location, SymbolKind, Token, TokenKind, WorkspaceSymbol};

impl Analysis {
    pub(crate) fn outline(&self, file: &str) -> Vec<DocSymbol> {
        let Some(f) = self.file_no(file) else {
            return Vec::new();
        };
        let ix = &self.index[f];
        let mut out = Vec::new();
        for p in &ix.pages {
            out.push(DocSymbol {
                name: p.id.clone().unwrap_or_else(|| "page".to_string()),
                detail: p.title.clone(),
                kind: SymbolKind::Page,
                range: p.range.clone(),
                selection: p.id_range.clone().unwrap_or_else(|| p.header.clone()),
                children: Vec::new(),
            });
        }
        for c in &ix.classes {
            out.push(DocSymbol {
                name: c.name.clone(),
                detail: c.meaning.clone(),
                kind: SymbolKind::Class,
                range: c.range.clone(),
                selection: c.name_range.clone(),
                children: Vec::new(),
            });
        }
        for p in &ix.personas {
            out.push(persona_symbol(p));
        }
        for (name, range, header) in &ix.tables {
            out.push(DocSymbol {
                name: name.clone(),
                detail: None,
                kind: SymbolKind::Table,
                range: range.clone(),
                selection: header.clone(),
                children: Vec::new(),
            });
        }
        out.sort_by_key(|s| s.range.start);
        out
    }

    /// Exact matches first, then prefixes, substrings, and names holding the query's
    /// characters in order.
    pub(crate) fn search(&self, query: &str) -> Vec<WorkspaceSymbol> {
        let q = query.to_lowercase();
        let mut found: Vec<(u8, WorkspaceSymbol)> = Vec::new();
        let mut add = |name: &str, kind, f: usize, range: std::ops::Range<usize>, container| {
            let lower = name.to_lowercase();
            let rank = if lower == q {
                0
            } else if lower.starts_with(&q) {
                1
            } else if lower.contains(&q) {
                2
            } else if subsequence(&q, &lower) {
                3
            } else {
                return;
            };
            found.push((
                rank,
                WorkspaceSymbol {
                    name: name.to_string(),
                    kind,
                    location: self.location(f, range),
                    container,
                },
            ));
        };
        for (f, ix) in self.index.iter().enumerate() {
            for p in &ix.pages {
                if let (Some(id), Some(r)) = (&p.id, &p.id_range) {
                    add(id, SymbolKind::Page, f, r.clone(), None);
                }
            }
            for c in &ix.classes {
                add(&c.name, SymbolKind::Class, f, c.name_range.clone(), None);
            }
            for p in &ix.personas {
                let title = p.title();
                let sel = p.number_range.clone().unwrap_or_else(|| p.header.clone());
                add(&title, SymbolKind::Persona, f, sel, None);
                for n in p.nodes() {
                    add(
                        &n.id,
                        SymbolKind::Node,
                        f,
                        n.id_range.clone(),
                        Some(title.clone()),
                    );
                }
            }
        }
        found.sort_by_key(|(rank, _)| *rank);
        found.into_iter().map(|(_, s)| s).collect()
    }

    pub(crate) fn tokens(&self, file: &str) -> Vec<Token> {
        let Some(f) = self.file_no(file) else {
            return Vec::new();
        };
        let ix = &self.index[f];
        let mut out: Vec<Token> = ix
            .personas
            .iter()
            .filter_map(|p| p.edges.as_ref())
            .flat_map(|e| e.tokens.iter().cloned())
            .collect();
        let text = &self.files[f].text;
        out.extend(
            ix.occs
                .iter()
                .filter(|o| matches!(o.key, Key::Class(_)) && !o.range.is_empty())
                // A token is on one line (a class name never spans lines).
                .filter(|o| !text[o.range.clone()].contains('\n'))
                .map(|o| Token {
                    range: o.range.clone(),
                    kind: TokenKind::Class,
                }),
        );
        out.sort_by_key(|t| (t.range.start, t.range.end));
        let mut end = 0;
        out.retain(|t| {
            let keep = t.range.start >= end && !t.range.is_empty();
            if keep {
                end = t.range.end;
            }
            keep
        });
        out
    }

    pub(crate) fn location(&self, f: usize, range: std::ops::Range<usize>) -> Location {
        Location {
            file: self.files[f].path.clone(),
            range,
        }
    }
}

fn persona_symbol(p: &PersonaInfo) -> DocSymbol {
    let groups = p
        .groups
        .iter()
        .enumerate()
        .map(|(i, g)| DocSymbol {
            name: format!("group {}", i + 1),
            detail: g.class.clone(),
            kind: SymbolKind::Group,
            range: g.range.clone(),
            selection: g.header.clone(),
            children: g
                .nodes
                .iter()
                .map(|n| DocSymbol {
                    name: n.id.clone(),
                    detail: Some(crate::hover::label(n)),
                    kind: SymbolKind::Node,
                    range: n.range.clone(),
                    selection: n.id_range.clone(),
                    children: Vec::new(),
                })
                .collect(),
        })
        .collect();
    DocSymbol {
        name: p.title(),
        detail: p.nickname.clone(),
        kind: SymbolKind::Persona,
        range: p.range.clone(),
        selection: p.number_range.clone().unwrap_or_else(|| p.header.clone()),
        children: groups,
    }
}

/// Whether the characters of `q` appear in `name` in order.
fn subsequence(q: &str, name: &str) -> bool {
    let mut chars = name.chars();
    q.chars().all(|c| chars.any(|n| n == c))
}
