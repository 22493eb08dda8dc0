//! Go to definition, references and rename, over every file.

use crate::index::{Key, Occ};
use crate::{Analysis, FileEdit, Location, TextEdit};
use personamap_syntax::mermaid::keywords::{prototype_member, reserved_keyword};

impl Analysis {
    /// The name at `offset` of file number `f`.
    pub(crate) fn key_at(&self, f: usize, offset: usize) -> Option<&Occ> {
        let occs = &self.index[f].occs;
        occs.iter()
            .find(|o| o.range.start <= offset && offset < o.range.end)
            .or_else(|| occs.iter().find(|o| o.range.end == offset))
    }

    /// Every place `key` is written: (file number, occurrence), in file order.
    pub(crate) fn occurrences(&self, key: &Key) -> Vec<(usize, &Occ)> {
        let mut out: Vec<(usize, &Occ)> = self
            .index
            .iter()
            .enumerate()
            .flat_map(|(f, ix)| {
                ix.occs
                    .iter()
                    .filter(|o| o.key == *key)
                    .map(move |o| (f, o))
            })
            .collect();
        out.sort_by_key(|(f, o)| (*f, o.range.start));
        out.dedup_by_key(|(f, o)| (*f, o.range.clone()));
        out
    }

    /// The places of the name at `offset` of `file` that `keep` accepts (by whether each is
    /// the definition).
    fn places_of(&self, file: &str, offset: usize, keep: impl Fn(bool) -> bool) -> Vec<Location> {
        let Some(occ) = self.file_no(file).and_then(|f| self.key_at(f, offset)) else {
            return Vec::new();
        };
        self.occurrences(&occ.key)
            .into_iter()
            .filter(|(_, o)| keep(o.def))
            .map(|(f, o)| self.location(f, o.range.clone()))
            .collect()
    }

    pub(crate) fn definition_of(&self, file: &str, offset: usize) -> Vec<Location> {
        self.places_of(file, offset, |def| def)
    }

    pub(crate) fn references_of(&self, file: &str, offset: usize, decl: bool) -> Vec<Location> {
        self.places_of(file, offset, |def| decl || !def)
    }

    pub(crate) fn prepare(&self, file: &str, offset: usize) -> Result<(usize, &Occ), String> {
        let nothing = || {
            "nothing to rename here: put the cursor on a node id, a class, a persona number or a page id"
                .to_string()
        };
        let f = self.file_no(file).ok_or_else(nothing)?;
        let occ = self.key_at(f, offset).ok_or_else(nothing)?;
        if let Key::Page(id) = &occ.key
            && !self.occurrences(&occ.key).iter().any(|(_, o)| o.def)
        {
            return Err(format!(
                "page `{id}` is not a page of the spec (docs.json or a hand-written page has it), so it cannot be renamed here"
            ));
        }
        Ok((f, occ))
    }

    pub(crate) fn rename_to(
        &self,
        file: &str,
        offset: usize,
        new: &str,
    ) -> Result<Vec<FileEdit>, String> {
        let (_, occ) = self.prepare(file, offset)?;
        let key = occ.key.clone();
        self.check_name(&key, new)?;
        let mut out: Vec<FileEdit> = Vec::new();
        for (f, o) in self.occurrences(&key) {
            let path = &self.files[f].path;
            let edit = TextEdit {
                range: o.range.clone(),
                text: new.to_string(),
            };
            match out.last_mut() {
                Some(fe) if fe.file == *path => fe.edits.push(edit),
                _ => out.push(FileEdit {
                    file: path.clone(),
                    edits: vec![edit],
                }),
            }
        }
        Ok(out)
    }

    /// Whether `new` may replace the name `key`: valid as check reads it, and not already
    /// taken in the name's scope.
    fn check_name(&self, key: &Key, new: &str) -> Result<(), String> {
        let taken = |k: Key, what: String| -> Result<(), String> {
            if k == *key {
                return Ok(());
            }
            match self.occurrences(&k).into_iter().find(|(_, o)| o.def) {
                Some((f, o)) => Err(format!(
                    "{what} is already defined at {}",
                    self.place(f, o.range.start)
                )),
                None => Ok(()),
            }
        };
        match key {
            Key::Node { file, persona, .. } => {
                if !personamap_spec::load::is_node_id(new) {
                    return Err(format!(
                        "`{new}` is not a valid node id: node ids use only letters, digits and `_`"
                    ));
                }
                if let Some(k) = reserved_keyword(new) {
                    return Err(format!(
                        "`{new}` collides with the Mermaid keyword `{k}`: Mermaid could not parse the diagram"
                    ));
                }
                if let Some(m) = prototype_member(new) {
                    return Err(format!(
                        "`{new}` is the name of the JavaScript `Object.prototype` member `{m}`: Mermaid could not draw the diagram"
                    ));
                }
                let k = Key::Node {
                    file: *file,
                    persona: *persona,
                    id: new.to_string(),
                };
                taken(k, format!("node id `{new}` of this persona"))
            }
            Key::Class(_) => {
                if !personamap_spec::load::is_class_name(new) {
                    return Err(format!(
                        "`{new}` is not a valid class name: a letter, then letters, digits and `_`"
                    ));
                }
                taken(Key::Class(new.to_string()), format!("class `{new}`"))
            }
            Key::Persona(_) => {
                let n: u32 = new
                    .parse()
                    .ok()
                    .filter(|_| new.bytes().all(|b| b.is_ascii_digit()))
                    .ok_or_else(|| {
                        format!("`{new}` is not a valid persona number: write a whole number")
                    })?;
                taken(Key::Persona(n), format!("persona {n}"))
            }
            Key::Page(_) => {
                if let Some(problem) = personamap_spec::load::page_id_problem(new) {
                    return Err(format!("`{new}` is not a valid page id: it {problem}"));
                }
                taken(Key::Page(new.to_string()), format!("page `{new}`"))
            }
        }
    }

    /// `path:line:column` of `offset` in file number `f`.
    pub(crate) fn place(&self, f: usize, offset: usize) -> String {
        let file = &self.files[f];
        let (line, col) = personamap_spec::source::line_col(&file.text, offset);
        format!("{}:{line}:{col}", file.path)
    }
}
