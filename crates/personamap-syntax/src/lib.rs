//! The syntax of the languages personamap writes, in both directions: each writer beside the
//! reader that undoes it, so that one place knows how Mermaid, MDX and Markdown read a text.
//!
//! - [`mermaid`]: labels, strings and tooltips escaped for Mermaid 11, its line styles and
//!   keywords, and [`mermaid::flowchart`], the reader that reads a diagram as Mermaid does.
//! - [`mdx`]: prose, headings and table cells escaped for MDX, and [`mdx::unescape`] back.
//! - [`entity`]: the one table of character references, Mermaid's and HTML's.
//! - [`mdast`]: markdown-rs, with its panics caught.
//! - [`yaml`] and [`js`]: frontmatter scalars and JavaScript string literals.
//!
//! The crate is pure: no file system, no global state beyond a panic hook.

pub mod entity;
pub mod js;
pub mod mdast;
pub mod mdx;
pub mod mermaid;
pub mod yaml;

/// Why a text does not read: a 1-based line number and what is wrong there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineError {
    /// 1-based line (of the diagram or of the lines read; 0 for the whole text).
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl LineError {
    /// An error at `line`.
    pub fn at(line: usize, message: impl Into<String>) -> Self {
        LineError {
            line,
            message: message.into(),
        }
    }
}
