//! Loading a personamap spec: TOML files under `personas/` → a typed, checked [`Spec`] with
//! source positions for every diagnostic.
//!
//! This crate is pure: it never touches the file system except in [`read_spec_dir`].

pub mod colour;
pub mod diag;
pub mod edges;
pub mod lints;
pub mod load;
pub mod maps;
pub mod model;
pub mod parallel;
mod parse;
mod raw;
pub mod read;
pub mod rules;
pub mod source;

// `diag::Related` stays in `diag`: `Related` at the root is the page's related card.
pub use diag::{Diagnostic, Edit, Fix, Severity};
pub use load::{
    Failed, LoadMemo, ParsedFile, Partial, load, load_parsed, load_parsed_with, load_partial,
    parse_file, parse_files, resolve, resolve_partial,
};
pub use model::*;
pub use read::{TextFile, read_site_text, read_spec_dir_warn, read_spec_text};
pub use source::{FileId, SourceFile, Sources, Span};

use std::path::Path;

/// The JSON Schema of a spec file (for Taplo / Even Better TOML via a `#:schema` comment): the
/// schema of the types the loader reads, kept in `src/schema.json` so that no run spends time
/// deriving it (a test keeps the two equal; `UPDATE_SCHEMA=1 cargo test -p personamap-spec`
/// rewrites the file).
pub fn json_schema() -> String {
    include_str!("schema.json").to_string()
}

/// Site-relative path where `generate` keeps the spec's JSON Schema.
pub const SCHEMA_FILE: &str = "personamap.schema.json";

/// The folder under the site root that holds the spec.
pub const SPEC_DIR: &str = "personas";

/// Reads every `*.toml` file under `root/personas` (recursively, in path order). Files that
/// are not regular files are skipped; [`read_spec_dir_warn`] also returns a warning for each.
pub fn read_spec_dir(root: &Path) -> std::io::Result<Sources> {
    read_spec_dir_warn(root).map(|(sources, _)| sources)
}
