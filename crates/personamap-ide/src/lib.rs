//! The analysis behind `personamap lsp`: an index of every name in a spec (node ids, classes,
//! personas, pages) with its definition and uses, and the editor features built on it.
//!
//! Pure and IO-free, with no protocol types: positions are byte offsets into a spec file's
//! text, files are named by their path as in [`personamap_spec::Sources`]. Every file is indexed
//! from its own text, so a spec that does not load, or a half-typed buffer, still completes and
//! navigates.

mod complete;
mod edge;
mod hover;
mod index;
mod nav;
mod schema;
mod symbols;

use index::{FileIndex, PageInfo, PersonaInfo};
use personamap_spec::SourceFile;
use std::ops::Range;

/// A range in one spec file.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Location {
    /// Path relative to the site root, as in [`personamap_spec::Sources`].
    pub file: String,
    /// Byte range in the file's text.
    pub range: Range<usize>,
}

/// One replacement: the text at `range` becomes `text`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextEdit {
    /// Byte range replaced.
    pub range: Range<usize>,
    /// The new text.
    pub text: String,
}

/// The edits of one file, sorted and non-overlapping.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileEdit {
    /// Path relative to the site root.
    pub file: String,
    /// The edits, in file order.
    pub edits: Vec<TextEdit>,
}

/// What hovering shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hover {
    /// The range hovered (the name or arrow).
    pub range: Range<usize>,
    /// The text shown, Markdown.
    pub markdown: String,
}

/// What a completion names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CompletionKind {
    /// A node id of the persona.
    Node,
    /// A palette class.
    Class,
    /// A persona number.
    Persona,
    /// A page id of the spec.
    Page,
    /// A page id of docs.json's navigation.
    NavPage,
    /// A key of the table the cursor is in.
    Field,
    /// An enum value of the key.
    Value,
    /// A lint name.
    Lint,
}

/// One completion item.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Completion {
    /// What the list shows.
    pub label: String,
    /// What it names.
    pub kind: CompletionKind,
    /// One line beside the label.
    pub detail: Option<String>,
    /// Longer text, Markdown.
    pub documentation: Option<String>,
    /// The range `insert` replaces: the partial word under the cursor.
    pub replace: Range<usize>,
    /// The text inserted.
    pub insert: String,
}

/// What a symbol is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SymbolKind {
    /// A `[[page]]`.
    Page,
    /// A `[[persona]]`.
    Persona,
    /// A node group.
    Group,
    /// A node.
    Node,
    /// A palette class.
    Class,
    /// Another table (`[site]`, `[divider]`, `[lints]`, …).
    Table,
}

/// A symbol of one file, with the symbols inside it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocSymbol {
    /// Its name.
    pub name: String,
    /// One line beside the name.
    pub detail: Option<String>,
    /// What it is.
    pub kind: SymbolKind,
    /// The whole definition.
    pub range: Range<usize>,
    /// The name within it.
    pub selection: Range<usize>,
    /// The symbols inside, in file order.
    pub children: Vec<DocSymbol>,
}

/// A symbol of the whole spec.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WorkspaceSymbol {
    /// Its name.
    pub name: String,
    /// What it is.
    pub kind: SymbolKind,
    /// Where it is defined.
    pub location: Location,
    /// The symbol it belongs to (a node's persona).
    pub container: Option<String>,
}

/// What a semantic token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// A node id.
    Node,
    /// An arrow (a link's line and heads).
    Arrow,
    /// An edge label.
    Label,
    /// A class name.
    Class,
    /// `&`, and the `|` around a pipe label.
    Punctuation,
    /// A `%%` comment line.
    Comment,
}

/// A semantic token: sorted, non-overlapping, on one line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// Byte range.
    pub range: Range<usize>,
    /// What it is.
    pub kind: TokenKind,
}

/// The analysis of one state of a spec.
#[derive(Debug)]
pub struct Analysis {
    files: Vec<SourceFile>,
    index: Vec<FileIndex>,
    nav_pages: Vec<String>,
    schema: &'static schema::Schema,
}

impl Analysis {
    /// From what the driver loaded (all spec file texts) and docs.json's page ids (for guide
    /// link completion). Each file is indexed from its own text, so specs with errors and
    /// half-typed buffers work too.
    pub fn new(loaded: &personamap_driver::Loaded, nav_pages: Vec<String>) -> Self {
        let files: Vec<SourceFile> = loaded.sources.iter().map(|(_, f)| f.clone()).collect();
        let index = files
            .iter()
            .enumerate()
            .map(|(i, f)| index::index(i, &f.text))
            .collect();
        Analysis {
            files,
            index,
            nav_pages,
            schema: schema::Schema::get(),
        }
    }

    /// What hovering at `offset` shows: a node, class, persona, page, arrow, or a key's docs.
    pub fn hover(&self, file: &str, offset: usize) -> Option<Hover> {
        self.hover_at(file, offset)
    }

    /// Where the name at `offset` is defined.
    pub fn definition(&self, file: &str, offset: usize) -> Vec<Location> {
        self.definition_of(file, offset)
    }

    /// Every use of the name at `offset`, and its definition when `include_declaration`.
    pub fn references(
        &self,
        file: &str,
        offset: usize,
        include_declaration: bool,
    ) -> Vec<Location> {
        self.references_of(file, offset, include_declaration)
    }

    /// The range of the renamable name at `offset`, or why nothing there can be renamed.
    pub fn prepare_rename(&self, file: &str, offset: usize) -> Result<Location, String> {
        self.prepare(file, offset)
            .map(|(f, occ)| self.location(f, occ.range.clone()))
    }

    /// The edits renaming the name at `offset` to `new_name` in every file; an error (a
    /// sentence) when `new_name` is not a valid name or collides with an existing one.
    pub fn rename(
        &self,
        file: &str,
        offset: usize,
        new_name: &str,
    ) -> Result<Vec<FileEdit>, String> {
        self.rename_to(file, offset, new_name)
    }

    /// The completions at `offset`.
    pub fn completions(&self, file: &str, offset: usize) -> Vec<Completion> {
        self.complete(file, offset)
    }

    /// The outline of `file`: pages, palette classes, personas → groups → nodes, tables.
    pub fn document_symbols(&self, file: &str) -> Vec<DocSymbol> {
        self.outline(file)
    }

    /// The symbols of every file matching `query` (case-insensitive): the exact name, then
    /// names starting with it, containing it, and holding its characters in order.
    pub fn workspace_symbols(&self, query: &str) -> Vec<WorkspaceSymbol> {
        self.search(query)
    }

    /// The semantic tokens of `file`: its edge strings and class names. Sorted,
    /// non-overlapping, single-line.
    pub fn semantic_tokens(&self, file: &str) -> Vec<Token> {
        self.tokens(file)
    }

    /// The text of `file` the offsets of every answer point into: the driver's, whose line
    /// ends are `\n` and which has no byte order mark, whatever the editor's buffer holds.
    pub fn text(&self, file: &str) -> Option<&str> {
        self.file_no(file).map(|f| self.files[f].text.as_str())
    }

    /// The number of file `path`.
    fn file_no(&self, path: &str) -> Option<usize> {
        self.files.iter().position(|f| f.path == path)
    }

    /// Every page of the spec, with its file number.
    fn pages(&self) -> impl Iterator<Item = (usize, &PageInfo)> {
        self.index
            .iter()
            .enumerate()
            .flat_map(|(f, ix)| ix.pages.iter().map(move |p| (f, p)))
    }

    /// Every persona of the spec, with its file number.
    fn personas(&self) -> impl Iterator<Item = (usize, &PersonaInfo)> {
        self.index
            .iter()
            .enumerate()
            .flat_map(|(f, ix)| ix.personas.iter().map(move |p| (f, p)))
    }

    /// The persona numbered `n`.
    fn persona_info(&self, n: u32) -> Option<&PersonaInfo> {
        self.personas()
            .map(|(_, p)| p)
            .find(|p| p.number == Some(n))
    }
}
