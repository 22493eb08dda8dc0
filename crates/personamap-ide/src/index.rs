//! One spec file indexed from its own text: every name it defines or uses, the tables and
//! arrays it holds (for completion), and its edge strings read by the spec's edge reader.
//!
//! The text is read as toml's spanned tree with recovery, so a half-typed file still yields
//! everything around the typo. Where toml's recovery loses names (a multi-line string left
//! open swallows the rest of the file; a line it cannot read ends the table), the file is
//! also read repaired, offsets mapped back, and the reading that finds more names is kept.

use crate::edge::{self, EdgeString};
use personamap_spec::source::string_value_origin;
use std::ops::Range;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// What a name names. Node ids are scoped to their persona: the file and the persona's place
/// among the file's `[[persona]]` tables.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Key {
    /// A node id of a persona.
    Node {
        file: usize,
        persona: usize,
        id: String,
    },
    /// A palette class.
    Class(String),
    /// A persona number.
    Persona(u32),
    /// A page id (of the spec, or only of docs.json).
    Page(String),
}

/// One place a name is written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Occ {
    /// The name's bytes (for a page in a link: the id without `/` and `#anchor`).
    pub range: Range<usize>,
    /// What it names.
    pub key: Key,
    /// Whether this is the definition.
    pub def: bool,
}

/// A node of a persona.
#[derive(Clone, Debug)]
pub(crate) struct NodeInfo {
    pub id: String,
    pub id_range: Range<usize>,
    pub label: Vec<String>,
    /// Its own class, else its group's.
    pub class: Option<String>,
    pub href: Option<String>,
    /// The inline table.
    pub range: Range<usize>,
}

/// A `[[persona.group]]`.
#[derive(Clone, Debug)]
pub(crate) struct GroupInfo {
    pub class: Option<String>,
    pub range: Range<usize>,
    /// The header `[[persona.group]]`.
    pub header: Range<usize>,
    pub nodes: Vec<NodeInfo>,
}

/// A `[[persona]]`.
#[derive(Clone, Debug)]
pub(crate) struct PersonaInfo {
    pub number: Option<u32>,
    pub number_range: Option<Range<usize>>,
    pub name: Option<String>,
    pub nickname: Option<String>,
    pub range: Range<usize>,
    pub header: Range<usize>,
    pub groups: Vec<GroupInfo>,
    pub edges: Option<EdgeString>,
    /// Class names of `[persona.classes]`.
    pub overrides: Vec<String>,
}

impl PersonaInfo {
    /// Every node, in order.
    pub fn nodes(&self) -> impl Iterator<Item = &NodeInfo> {
        self.groups.iter().flat_map(|g| &g.nodes)
    }

    /// How the persona is called in a list: `Persona 1: AI Persona`.
    pub fn title(&self) -> String {
        let n = self.number.map_or("?".to_string(), |n| n.to_string());
        match &self.name {
            Some(name) => format!("Persona {n}: {name}"),
            None => format!("Persona {n}"),
        }
    }
}

/// A `[[page]]`.
#[derive(Clone, Debug)]
pub(crate) struct PageInfo {
    pub id: Option<String>,
    pub id_range: Option<Range<usize>>,
    pub title: Option<String>,
    pub navigation: Vec<String>,
    /// The persona numbers of `personas = [...]`; `None`: every persona.
    pub personas: Option<Vec<u32>>,
    pub range: Range<usize>,
    pub header: Range<usize>,
}

/// A `[[palette]]` class.
#[derive(Clone, Debug)]
pub(crate) struct ClassInfo {
    pub name: String,
    pub name_range: Range<usize>,
    pub meaning: Option<String>,
    pub fill: Option<String>,
    pub stroke: Option<String>,
    pub color: Option<String>,
    pub dash: Option<String>,
    pub range: Range<usize>,
}

/// A table or array of the file, for completion: its keys from the root (array positions
/// left out) and its extent.
#[derive(Clone, Debug)]
pub(crate) struct Container {
    pub path: Vec<String>,
    pub range: Range<usize>,
    /// Whether it is an array (else a table).
    pub array: bool,
    /// The keys a table holds (none for an array).
    pub keys: Vec<String>,
    /// Whether it is written with a header (`[table]`, `[[array]]`; the root too), whose
    /// keys follow on the next lines, rather than inline.
    pub header: bool,
}

/// A string value of the file, for completion: its key path and the value's bytes.
#[derive(Clone, Debug)]
pub(crate) struct StringValue {
    pub path: Vec<String>,
    pub value: Range<usize>,
}

/// Everything known about one file.
#[derive(Clone, Debug, Default)]
pub(crate) struct FileIndex {
    pub personas: Vec<PersonaInfo>,
    pub pages: Vec<PageInfo>,
    pub classes: Vec<ClassInfo>,
    /// `[site]`, `[divider]`, `[lints]`: name, extent, header.
    pub tables: Vec<(String, Range<usize>, Range<usize>)>,
    pub occs: Vec<Occ>,
    pub containers: Vec<Container>,
    pub strings: Vec<StringValue>,
    /// Every key: the path of its table, its name, where it is written.
    pub keys: Vec<(Vec<String>, String, Range<usize>)>,
}

/// At most this many repairs are made to a file that toml cannot read whole.
const REPAIRS: usize = 8;

/// Reads `text`, the file numbered `file`: as toml recovers it, or, when that loses names,
/// repaired.
pub(crate) fn index(file: usize, text: &str) -> FileIndex {
    let (table, errors) = DeTable::parse_recoverable(text);
    let identity: Vec<usize> = (0..=text.len()).collect();
    let recovered = walk(file, text, text, &identity, table);
    if errors.is_empty() {
        return recovered;
    }
    let mut work = text.to_string();
    let mut orig = identity;
    for _ in 0..REPAIRS {
        let repair = {
            let (table, errors) = DeTable::parse_recoverable(&work);
            if errors.is_empty() {
                break;
            }
            plan(&work, &table, &errors)
        };
        let Some(repair) = repair else { break };
        match repair {
            Repair::Insert(at, inserted) => {
                let from = orig[at];
                orig.splice(at..at, std::iter::repeat_n(from, inserted.len()));
                work.insert_str(at, &inserted);
            }
            Repair::Blank(range) => {
                let spaces = " ".repeat(range.len());
                work.replace_range(range, &spaces);
            }
        }
    }
    let (table, _) = DeTable::parse_recoverable(&work);
    let repaired = walk(file, text, &work, &orig, table);
    if repaired.occs.len() > recovered.occs.len() {
        repaired
    } else {
        recovered
    }
}

fn walk(
    file: usize,
    original: &str,
    text: &str,
    orig: &[usize],
    table: Spanned<DeTable>,
) -> FileIndex {
    Walker {
        file,
        original,
        text,
        orig,
        out: FileIndex::default(),
    }
    .run(table)
}

/// One change to a text toml cannot read whole.
enum Repair {
    /// Insert the text at the offset.
    Insert(usize, String),
    /// Replace the bytes by spaces (offsets stay).
    Blank(Range<usize>),
}

/// The repair for the first problem of `text`: a multi-line string left open is closed before
/// the first table header inside it; a table header missing its `]` gets it; another line
/// with an error is blanked. `None` when nothing more can be done.
fn plan(text: &str, table: &Spanned<DeTable>, errors: &[toml::de::Error]) -> Option<Repair> {
    if let Some((cut, delim)) = open_string(text, table) {
        return Some(Repair::Insert(cut, format!("{delim}\n")));
    }
    let at = errors
        .iter()
        .filter_map(|e| e.span())
        .map(|s| s.start)
        .min()?;
    let at = at.min(text.len());
    let start = text.get(..at)?.rfind('\n').map_or(0, |i| i + 1);
    let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    let line = &text[start..end];
    let trimmed = line.trim();
    if trimmed.is_empty() {
        return None;
    }
    if trimmed.starts_with('[') {
        let opened = if trimmed.starts_with("[[") { 2 } else { 1 };
        let name = trimmed[opened..].trim_end_matches(']');
        let closed = trimmed.len() - trimmed.trim_end_matches(']').len();
        let plain = |c: char| c.is_ascii_alphanumeric() || "_-. \"'".contains(c);
        if closed < opened && !name.trim().is_empty() && name.chars().all(plain) {
            let after = start + (line.len() - line.trim_start().len()) + trimmed.len();
            return Some(Repair::Insert(after, "]".repeat(opened - closed)));
        }
    }
    Some(Repair::Blank(start..end))
}

/// A multi-line string that runs to the end of the file: where to close it (the first table
/// header inside it) and its delimiter.
fn open_string(text: &str, table: &Spanned<DeTable>) -> Option<(usize, &'static str)> {
    fn find(v: &Spanned<DeValue>, text: &str) -> Option<(usize, &'static str)> {
        match v.get_ref() {
            DeValue::Table(t) => t.iter().find_map(|(_, v)| find(v, text)),
            DeValue::Array(a) => a.iter().find_map(|v| find(v, text)),
            DeValue::String(_) => {
                let span = v.span();
                let raw = text.get(span.clone())?;
                let delim = ["'''", "\"\"\""].into_iter().find(|d| raw.starts_with(d))?;
                let closed = raw.len() >= 6 && raw.ends_with(delim);
                if closed || span.end < text.trim_end().len() {
                    return None;
                }
                let mut at = span.start + 3;
                for line in text[at..].split_inclusive('\n') {
                    if line.trim_start().starts_with('[') && at > span.start + 3 {
                        return Some((at, delim));
                    }
                    at += line.len();
                }
                None
            }
            _ => None,
        }
    }
    table.get_ref().iter().find_map(|(_, v)| find(v, text))
}

/// The value of `key` in `t`.
pub(crate) fn field<'a, 'i>(t: &'a DeTable<'i>, key: &str) -> Option<&'a Spanned<DeValue<'i>>> {
    t.iter().find(|(k, _)| k.get_ref() == key).map(|(_, v)| v)
}

/// The string value of `key` in `t`.
fn string<'a>(t: &'a DeTable, key: &str) -> Option<&'a str> {
    field(t, key).and_then(|v| v.get_ref().as_str())
}

/// The last byte of everything in `v`.
fn end_of(v: &Spanned<DeValue>) -> usize {
    let own = v.span().end;
    match v.get_ref() {
        DeValue::Table(t) => t
            .iter()
            .map(|(k, v)| k.span().end.max(end_of(v)))
            .max()
            .unwrap_or(own)
            .max(own),
        DeValue::Array(a) => a.iter().map(end_of).max().unwrap_or(own).max(own),
        _ => own,
    }
}

struct Walker<'t> {
    file: usize,
    /// The file's text.
    original: &'t str,
    /// The text read (the file's, or its repair).
    text: &'t str,
    /// For each byte of `text` (and its end), the offset in the file it came from.
    orig: &'t [usize],
    out: FileIndex,
}

impl Walker<'_> {
    /// A position of the text read → the file's (on a character boundary).
    fn pos(&self, p: usize) -> usize {
        let mut at = self
            .orig
            .get(p)
            .copied()
            .unwrap_or(self.original.len())
            .min(self.original.len());
        while !self.original.is_char_boundary(at) {
            at -= 1;
        }
        at
    }

    fn map(&self, r: Range<usize>) -> Range<usize> {
        self.pos(r.start)..self.pos(r.end)
    }

    /// The bytes of a string value in the file, if it holds the value verbatim.
    fn value_range(&self, v: &Spanned<DeValue>) -> Option<Range<usize>> {
        let s = v.get_ref().as_str()?;
        let origin = string_value_origin(self.text, v.span(), s)?;
        Some(self.map(origin..origin + s.len()))
    }

    /// The extent of a table from its header (or inline braces) to its last value.
    fn extent(&self, v: &Spanned<DeValue>) -> Range<usize> {
        self.map(v.span().start..end_of(v))
    }

    /// The bytes of a key's name in the file (inside the quotes of a quoted key).
    fn key_range(&self, span: Range<usize>) -> Range<usize> {
        let r = self.map(span.clone());
        match self.text.get(span) {
            Some(raw) if raw.len() >= 2 && raw.starts_with(['"', '\'']) => r.start + 1..r.end - 1,
            _ => r,
        }
    }

    /// Whether a table is written with a header.
    fn headed(&self, v: &Spanned<DeValue>) -> bool {
        self.text.get(v.span()).is_some_and(|t| t.starts_with('['))
    }

    fn occ(&mut self, range: Range<usize>, key: Key, def: bool) {
        self.out.occs.push(Occ { range, key, def });
    }

    fn run(mut self, root: Spanned<DeTable>) -> FileIndex {
        let root = Spanned::new(0..0, DeValue::Table(root.into_inner()));
        self.containers(&root, &mut Vec::new());
        let Some(t) = root.get_ref().as_table() else {
            return self.out;
        };
        for (key, v) in t.iter() {
            match (&**key.get_ref(), v.get_ref()) {
                ("page", DeValue::Array(a)) => a.iter().for_each(|p| self.page(p)),
                ("palette", DeValue::Array(a)) => a.iter().for_each(|c| self.class(c)),
                ("persona", DeValue::Array(a)) => {
                    for p in a.iter() {
                        self.persona(p);
                    }
                }
                (name @ ("site" | "divider" | "lints"), DeValue::Table(_)) => {
                    let range = self.extent(v);
                    let header = self.map(v.span());
                    self.out.tables.push((name.to_string(), range, header));
                }
                _ => {}
            }
        }
        self.out
    }

    /// Records every table, array and string under `v`, at `path`.
    fn containers(&mut self, v: &Spanned<DeValue>, path: &mut Vec<String>) {
        match v.get_ref() {
            DeValue::Table(t) => {
                let range = self.extent(v);
                let header = path.is_empty() || self.headed(v);
                self.out.containers.push(Container {
                    path: path.clone(),
                    range,
                    array: false,
                    header,
                    keys: t.iter().map(|(k, _)| k.get_ref().to_string()).collect(),
                });
                for (k, v) in t.iter() {
                    let range = self.key_range(k.span());
                    self.out
                        .keys
                        .push((path.clone(), k.get_ref().to_string(), range));
                    path.push(k.get_ref().to_string());
                    self.containers(v, path);
                    path.pop();
                }
            }
            DeValue::Array(a) => {
                let range = self.extent(v);
                let header = a
                    .iter()
                    .next()
                    .is_some_and(|t| t.get_ref().is_table() && self.headed(t));
                self.out.containers.push(Container {
                    path: path.clone(),
                    range,
                    array: true,
                    header,
                    keys: Vec::new(),
                });
                for v in a.iter() {
                    self.containers(v, path);
                }
            }
            DeValue::String(_) => {
                let Some(value) = self.value_range(v) else {
                    return;
                };
                self.out.strings.push(StringValue {
                    path: path.clone(),
                    value,
                });
            }
            _ => {}
        }
    }

    fn page(&mut self, v: &Spanned<DeValue>) {
        let Some(t) = v.get_ref().as_table() else {
            return;
        };
        let id = field(t, "id").and_then(|v| Some((v.get_ref().as_str()?, self.value_range(v)?)));
        if let Some((id, r)) = &id {
            self.occ(r.clone(), Key::Page(id.to_string()), true);
        }
        if let Some(after) = field(t, "after")
            && let (Some(s), Some(r)) = (after.get_ref().as_str(), self.value_range(after))
        {
            self.occ(r, Key::Page(s.to_string()), false);
        }
        if let Some(DeValue::Array(related)) = field(t, "related").map(|v| v.get_ref()) {
            for card in related.iter() {
                if let Some(href) = card.get_ref().as_table().and_then(|c| field(c, "href")) {
                    self.href(href);
                }
            }
        }
        let mut personas = None;
        if let Some(DeValue::Array(numbers)) = field(t, "personas").map(|v| v.get_ref()) {
            let mut listed = Vec::new();
            for n in numbers.iter() {
                if let Some(num) = number(n.get_ref()) {
                    let r = self.map(n.span());
                    self.occ(r, Key::Persona(num), false);
                    listed.push(num);
                }
            }
            personas = Some(listed);
        }
        self.prose_links(t, &["intro", "closing"]);
        let navigation = match field(t, "navigation").map(|v| v.get_ref()) {
            Some(DeValue::Array(a)) => a
                .iter()
                .filter_map(|v| v.get_ref().as_str().map(str::to_string))
                .collect(),
            _ => Vec::new(),
        };
        let page = PageInfo {
            id: id.as_ref().map(|(s, _)| s.to_string()),
            id_range: id.map(|(_, r)| r),
            title: string(t, "title").map(str::to_string),
            navigation,
            personas,
            range: self.extent(v),
            header: self.map(v.span()),
        };
        self.out.pages.push(page);
    }

    /// A link `/page-id#anchor`: a use of the page.
    fn href(&mut self, v: &Spanned<DeValue>) {
        let (Some(s), Some(r)) = (v.get_ref().as_str(), self.value_range(v)) else {
            return;
        };
        if let Some((id, within)) = page_of_href(s) {
            let start = r.start + within.start;
            self.occ(start..start + within.len(), Key::Page(id), false);
        }
    }

    /// The links of a table's MDX prose (`prose = "mdx"`), found as `check` finds them: uses
    /// of the pages they name.
    fn prose_links(&mut self, t: &DeTable, keys: &[&str]) {
        if string(t, "prose") != Some("mdx") {
            return;
        }
        for key in keys {
            let Some(v) = field(t, key) else { continue };
            let (Some(s), Some(r)) = (v.get_ref().as_str(), self.value_range(v)) else {
                continue;
            };
            for (offset, href) in personamap_syntax::mdx::components::check(s).links {
                if let Some((id, within)) = page_of_href(&href) {
                    let start = r.start + offset + within.start;
                    self.occ(start..start + within.len(), Key::Page(id), false);
                }
            }
        }
    }

    fn class(&mut self, v: &Spanned<DeValue>) {
        let Some(t) = v.get_ref().as_table() else {
            return;
        };
        let Some(name) = field(t, "name") else {
            return;
        };
        let (Some(s), Some(r)) = (name.get_ref().as_str(), self.value_range(name)) else {
            return;
        };
        self.occ(r.clone(), Key::Class(s.to_string()), true);
        let get = |k: &str| string(t, k).map(str::to_string);
        let class = ClassInfo {
            name: s.to_string(),
            name_range: r,
            meaning: get("meaning"),
            fill: get("fill"),
            stroke: get("stroke"),
            color: get("color"),
            dash: get("dash"),
            range: self.extent(v),
        };
        self.out.classes.push(class);
    }

    /// A `class = "…"` value: a use of the class.
    fn class_use(&mut self, v: &Spanned<DeValue>) -> Option<String> {
        let s = v.get_ref().as_str()?;
        if let Some(r) = self.value_range(v) {
            self.occ(r, Key::Class(s.to_string()), false);
        }
        Some(s.to_string())
    }

    fn persona(&mut self, v: &Spanned<DeValue>) {
        let Some(t) = v.get_ref().as_table() else {
            return;
        };
        let ordinal = self.out.personas.len();
        self.prose_links(t, &["intro"]);
        let num = field(t, "number").and_then(|n| Some((number(n.get_ref())?, self.map(n.span()))));
        if let Some((n, r)) = &num {
            self.occ(r.clone(), Key::Persona(*n), true);
        }
        let mut groups = Vec::new();
        if let Some(DeValue::Array(a)) = field(t, "group").map(|v| v.get_ref()) {
            for g in a.iter() {
                if let Some(group) = self.group(g, ordinal) {
                    groups.push(group);
                }
            }
        }
        let mut overrides = Vec::new();
        if let Some(DeValue::Table(classes)) = field(t, "classes").map(|v| v.get_ref()) {
            for (k, _) in classes.iter() {
                let name = k.get_ref().to_string();
                let r = self.key_range(k.span());
                self.occ(r, Key::Class(name.clone()), false);
                overrides.push(name);
            }
        }
        let mut persona = PersonaInfo {
            number: num.as_ref().map(|(n, _)| *n),
            number_range: num.map(|(_, r)| r),
            name: string(t, "name").map(str::to_string),
            nickname: string(t, "nickname").map(str::to_string),
            range: self.extent(v),
            header: self.map(v.span()),
            groups,
            edges: None,
            overrides,
        };
        if let Some(e) = field(t, "edges")
            && let Some(text) = e.get_ref().as_str()
        {
            let origin = string_value_origin(self.text, e.span(), text).map(|o| self.pos(o));
            let ids: Vec<&str> = persona.nodes().map(|n| n.id.as_str()).collect();
            let read = edge::read(text, origin, &ids);
            for (range, id) in &read.refs {
                self.occ(
                    range.clone(),
                    Key::Node {
                        file: self.file,
                        persona: ordinal,
                        id: id.clone(),
                    },
                    false,
                );
            }
            persona.edges = Some(read);
        }
        self.out.personas.push(persona);
    }

    fn group(&mut self, g: &Spanned<DeValue>, persona: usize) -> Option<GroupInfo> {
        let t = g.get_ref().as_table()?;
        let class = field(t, "class").and_then(|c| self.class_use(c));
        let mut nodes = Vec::new();
        if let Some(DeValue::Array(a)) = field(t, "nodes").map(|v| v.get_ref()) {
            for n in a.iter() {
                let Some(nt) = n.get_ref().as_table() else {
                    continue;
                };
                let Some(idv) = field(nt, "id") else { continue };
                let (Some(id), Some(id_range)) = (idv.get_ref().as_str(), self.value_range(idv))
                else {
                    continue;
                };
                self.occ(
                    id_range.clone(),
                    Key::Node {
                        file: self.file,
                        persona,
                        id: id.to_string(),
                    },
                    true,
                );
                let own = field(nt, "class").and_then(|c| self.class_use(c));
                if let Some(href) = field(nt, "href") {
                    self.href(href);
                }
                let label = match field(nt, "label").map(|v| v.get_ref()) {
                    Some(DeValue::String(s)) => s.lines().map(str::to_string).collect(),
                    Some(DeValue::Array(a)) => a
                        .iter()
                        .filter_map(|v| v.get_ref().as_str().map(str::to_string))
                        .collect(),
                    _ => Vec::new(),
                };
                nodes.push(NodeInfo {
                    id: id.to_string(),
                    id_range,
                    label,
                    class: own.or_else(|| class.clone()),
                    href: string(nt, "href").map(str::to_string),
                    range: self.extent(n),
                });
            }
        }
        Some(GroupInfo {
            class,
            range: self.extent(g),
            header: self.map(g.span()),
            nodes,
        })
    }
}

/// An integer value as a persona number.
fn number(v: &DeValue) -> Option<u32> {
    let i = v.as_integer()?;
    u32::from_str_radix(&i.as_str().replace('_', ""), i.radix()).ok()
}

/// The page a site link names: its id and where the id is within the link (`/a/b#c` → `a/b`
/// at 1..4); `None` for an external link.
pub(crate) fn page_of_href(href: &str) -> Option<(String, Range<usize>)> {
    let rest = href.strip_prefix('/')?;
    if rest.starts_with('/') {
        return None;
    }
    let end = rest.find(['#', '?']).unwrap_or(rest.len());
    let id = rest[..end].trim_end_matches('/');
    (!id.is_empty()).then(|| (id.to_string(), 1..1 + id.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_name_pages() {
        assert_eq!(page_of_href("/a/b#c"), Some(("a/b".to_string(), 1..4)));
        assert_eq!(page_of_href("/a/b/?q"), Some(("a/b".to_string(), 1..4)));
        assert_eq!(page_of_href("//cdn.example/x"), None);
        assert_eq!(page_of_href("https://x.example/a"), None);
        assert_eq!(page_of_href("/"), None);
    }

    #[test]
    fn an_open_edge_string_ends_before_the_next_header() {
        let text = "[[persona]]\nnumber = 1\nedges = '''\nA --> B\n[[persona.group]]\nnodes = [{ id = \"A\", label = \"a\" }]\n[lints]\n";
        let ix = index(0, text);
        let p = &ix.personas[0];
        assert_eq!(p.groups[0].nodes[0].id, "A");
        assert_eq!(&text[p.groups[0].nodes[0].id_range.clone()], "A");
        let value = p
            .edges
            .as_ref()
            .and_then(|e| e.value.clone())
            .expect("located");
        assert_eq!(&text[value], "A --> B\n");
        assert_eq!(&text[ix.tables[0].2.clone()], "[lints]");
    }

    #[test]
    fn every_name_is_indexed_with_its_kind() {
        let text = "[[page]]\nid = \"p\"\nafter = \"q\"\npersonas = [0x2]\nrelated = [{ title = \"t\", href = \"/q#h\" }]\n\
                    [[palette]]\nname = \"c\"\n[[persona]]\nnumber = 2\n[persona.classes.'c']\nfill = \"#fff\"\n";
        let ix = index(3, text);
        let got: Vec<String> = ix
            .occs
            .iter()
            .map(|o| format!("{:?} {} {}", o.key, &text[o.range.clone()], o.def))
            .collect();
        assert_eq!(
            got,
            [
                "Page(\"p\") p true",
                "Page(\"q\") q false",
                "Page(\"q\") q false",
                "Persona(2) 0x2 false",
                "Class(\"c\") c true",
                "Persona(2) 2 true",
                "Class(\"c\") c false",
            ]
        );
    }
}
