//! The analysis behind `personamap lsp`: an index of every name in a spec (node ids, classes,
//! personas, pages) with its definition and uses, and the editor features built on it.
//!
//! Pure and IO-free, with no protocol types: positions are byte offsets into a spec file's
//! text, files are named by their path as in [`personamap_spec::Sources`]. Every file is indexed
//! from its own text, so a spec that does not load, or a half-typed buffer, still completes and
//! navigates.

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
    files: Vec<personamap_spec::SourceFile>,
    nav_pages: Vec<String>,
}

impl Analysis {
    /// From what the driver loaded (all spec file texts) and docs.json's page ids (for guide
    /// link completion). Works on specs with errors and half-typed buffers.
    pub fn new(loaded: &personamap_driver::Loaded, nav_pages: Vec<String>) -> Self {
        Analysis {
            files: loaded.sources.iter().map(|(_, f)| f.clone()).collect(),
            nav_pages,
        }
    }

    /// What hovering at `offset` shows.
    pub fn hover(&self, file: &str, offset: usize) -> Option<Hover> {
        let _ = (file, offset, &self.files, &self.nav_pages);
        None
    }

    /// Where the name at `offset` is defined.
    pub fn definition(&self, file: &str, offset: usize) -> Vec<Location> {
        let _ = (file, offset);
        Vec::new()
    }

    /// Every use of the name at `offset`, and its definition when `include_declaration`.
    pub fn references(
        &self,
        file: &str,
        offset: usize,
        include_declaration: bool,
    ) -> Vec<Location> {
        let _ = (file, offset, include_declaration);
        Vec::new()
    }

    /// The range of the renamable name at `offset`, or why nothing there can be renamed.
    pub fn prepare_rename(&self, file: &str, offset: usize) -> Result<Location, String> {
        let _ = (file, offset);
        Err("nothing to rename here".to_string())
    }

    /// The edits renaming the name at `offset` to `new_name` in every file; an error (a
    /// sentence) when `new_name` is not a valid name or collides with an existing one.
    pub fn rename(
        &self,
        file: &str,
        offset: usize,
        new_name: &str,
    ) -> Result<Vec<FileEdit>, String> {
        let _ = new_name;
        self.prepare_rename(file, offset).map(|_| Vec::new())
    }

    /// The completions at `offset`.
    pub fn completions(&self, file: &str, offset: usize) -> Vec<Completion> {
        let _ = (file, offset);
        Vec::new()
    }

    /// The outline of `file`: personas → groups → nodes, pages, palette classes, tables.
    pub fn document_symbols(&self, file: &str) -> Vec<DocSymbol> {
        let _ = file;
        Vec::new()
    }

    /// The symbols of every file whose name contains `query`'s characters in order.
    pub fn workspace_symbols(&self, query: &str) -> Vec<WorkspaceSymbol> {
        let _ = query;
        Vec::new()
    }

    /// The semantic tokens of `file`'s edge strings: sorted, non-overlapping, single-line.
    pub fn semantic_tokens(&self, file: &str) -> Vec<Token> {
        let _ = file;
        Vec::new()
    }
}
