//! Loading a personamap spec: TOML files under `personas/` → a typed, checked [`Spec`] with
//! source positions for every diagnostic.
//!
//! This crate is pure: it never touches the file system except in [`read_spec_dir`].

pub mod diag;
pub mod edges;
pub mod load;
pub mod maps;
pub mod model;
mod parse;
mod raw;
pub mod rules;
pub mod source;

pub use diag::{Diagnostic, Severity};
pub use load::{ParsedFile, load, parse_file, resolve, resolve_personas};
pub use model::*;
pub use source::{FileId, SourceFile, Sources, Span};

use std::path::Path;

/// The JSON Schema of a spec file (for Taplo / Even Better TOML via a `#:schema` comment),
/// generated from the types the loader reads.
pub fn json_schema() -> String {
    raw::schema()
}

/// Site-relative path where `generate` keeps the spec's JSON Schema.
pub const SCHEMA_FILE: &str = "personamap.schema.json";

/// The folder under the site root that holds the spec.
pub const SPEC_DIR: &str = "personas";

/// Reads every `*.toml` file under `root/personas` (recursively, in path order).
pub fn read_spec_dir(root: &Path) -> std::io::Result<Sources> {
    let dir = root.join(SPEC_DIR);
    let mut files = Vec::new();
    let mut stack = vec![dir.clone()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d)? {
            let entry = entry?;
            let path = entry.path();
            let name = entry.file_name();
            let name = name.to_string_lossy();
            if name.starts_with('.') {
                continue;
            }
            if entry.file_type()?.is_dir() {
                stack.push(path);
            } else if name.ends_with(".toml") {
                let rel = path
                    .strip_prefix(root)
                    .unwrap_or(&path)
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy())
                    .collect::<Vec<_>>()
                    .join("/");
                files.push(SourceFile {
                    path: rel,
                    text: std::fs::read_to_string(&path)?,
                });
            }
        }
    }
    Ok(Sources::new(files))
}
