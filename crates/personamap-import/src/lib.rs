//! The adoption path: `personamap import` reads an existing persona map page (the format the
//! compiler writes: frontmatter, banner, divider import, prose, legend table, persona sections
//! with one Mermaid flowchart each, dividers) back into a spec that regenerates it, and
//! `personamap init` scaffolds a new site's spec with one example persona.
//!
//! The core is pure: [`import`] and [`scaffold`] take texts and return spec files as
//! `(path, text)`. The [`cli`] module is the IO edge the command line calls.

pub mod cli;
mod compose;
mod flowchart;
mod jsx;
pub mod layout;
mod new;
mod page;
mod scaffold;
mod snippet;
mod toml_out;

pub use scaffold::{Scaffold, scaffold};

use personamap_spec::{SourceFile, Sources, Spec};
use std::fmt;

/// A page that cannot be imported: the 1-based line of the page it concerns (when there is
/// one) and what is wrong or unsupported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportError {
    /// 1-based line in the page.
    pub line: Option<usize>,
    /// What is wrong.
    pub message: String,
}

impl ImportError {
    pub(crate) fn at(line: usize, message: impl Into<String>) -> Self {
        ImportError {
            line: Some(line),
            message: message.into(),
        }
    }
}

impl From<personamap_syntax::LineError> for ImportError {
    fn from(e: personamap_syntax::LineError) -> Self {
        ImportError::at(e.line, e.message)
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "line {line}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for ImportError {}

/// What [`import`] reads.
#[derive(Clone, Debug)]
pub struct ImportInput<'a> {
    /// Page id: the page's path from the site root without extension.
    pub page_id: &'a str,
    /// The page's text.
    pub page: &'a str,
    /// The text of the divider snippet the page imports (see [`divider_import`]).
    pub snippet: &'a str,
    /// Names of the docs.json navigation levels down to the group listing the page.
    pub navigation: &'a [String],
    /// `[site] base_url`.
    pub base_url: &'a str,
    /// Folder the spec files go to, relative to the site root (`personas` or under it).
    pub spec_dir: &'a str,
    /// The llms.txt section for the page's entry (nested names), when not the default.
    pub llms_section: Option<&'a [String]>,
    /// The site's spec, when it has one: the page joins it (its `[site]`, `[divider]` and
    /// palette are reused, and `base_url` and `snippet` are not read).
    pub existing: Option<&'a Spec>,
}

/// One spec file to write.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpecFile {
    /// Path relative to the site root, `/`-separated.
    pub path: String,
    /// Full contents.
    pub text: String,
}

/// The result of an import.
#[derive(Clone, Debug)]
pub struct Imported {
    /// The new spec files: `site.toml` (into an existing spec, `<page>.toml`), then one file
    /// per persona.
    pub files: Vec<SpecFile>,
    /// Existing spec files to rewrite (into an existing spec: pages that showed every persona
    /// get their `personas = [...]`, so the imported personas do not join them).
    pub edits: Vec<SpecFile>,
    /// The first line (1-based) where the page the spec compiles to differs from the imported
    /// page, if it does (a hand-written page formatted differently, say).
    pub page_differs_at: Option<usize>,
    /// Whether the divider snippet the spec compiles to differs from the imported one (never
    /// for a hand-written divider, which the spec only imports).
    pub snippet_differs: bool,
    /// The first line (1-based) where the Markdown export of the page the spec compiles to
    /// differs from the export of the imported page (what Mintlify serves for each), if it does.
    pub export_differs_at: Option<usize>,
    /// When the exports differ: a unified diff excerpt of the page source (`-` the imported
    /// page, `+` the page the spec compiles to, with their line numbers) around the difference.
    pub export_diff: Option<String>,
}

/// Finds the page's divider import (`import { X } from "/snippets/….jsx";`) and returns the
/// snippet's path relative to the site root, so the caller can read it.
pub fn divider_import(page: &str) -> Result<String, ImportError> {
    page::read_header(page).map(|h| h.divider_path)
}

/// Reads a persona map page and returns spec files that compile back to it. Fails, naming
/// the page line, on anything the spec cannot express; the returned spec always loads.
pub fn import(input: &ImportInput) -> Result<Imported, ImportError> {
    let model = page::read(input.page)?;
    let (component, path) = (&model.header.divider_component, &model.header.divider_path);
    let divider = match input.existing {
        Some(existing) => existing.divider.clone(),
        // A snippet personamap did not write is a hand-written component: the spec points at it.
        None => snippet::read(input.snippet, component, path)
            .unwrap_or_else(|_| snippet::hand_written(component, path)),
    };
    let mut spec = page::resolve(model, divider)?;
    let edits = match input.existing {
        Some(existing) => {
            if existing.page(input.page_id).is_some() {
                return Err(ImportError {
                    line: None,
                    message: format!("the spec already has page `{}`", input.page_id),
                });
            }
            compose::fit(&mut spec, existing)?;
            compose::pin_pages(existing)?
        }
        None => Vec::new(),
    };
    let files = toml_out::write(&spec, input);
    verify(input, files, edits)
}

/// Loads the produced spec and renders the page and the snippet in memory, comparing them
/// with the inputs.
/// Into an existing spec, every other page must render as before: a difference is an error.
fn verify(
    input: &ImportInput,
    files: Vec<SpecFile>,
    edits: Vec<SpecFile>,
) -> Result<Imported, ImportError> {
    let existing_files = input
        .existing
        .map(|s| s.sources.iter().map(|(_, f)| f.clone()));
    let mut all: Vec<SourceFile> = existing_files.into_iter().flatten().collect();
    for f in edits.iter().chain(&files) {
        all.retain(|e| e.path != f.path);
        all.push(SourceFile {
            path: f.path.clone(),
            text: f.text.clone(),
        });
    }
    let sources = Sources::new(all);
    let (spec, diags) = personamap_spec::load(sources.clone());
    let errors: Vec<String> = diags
        .iter()
        .filter(|d| d.severity == personamap_spec::Severity::Error)
        .map(|d| d.render(&sources))
        .collect();
    let spec = match spec {
        Some(spec) if errors.is_empty() => spec,
        _ => {
            return Err(ImportError {
                line: None,
                message: format!(
                    "the page reads, but the spec it gives does not load:\n{}",
                    errors.join("\n")
                ),
            });
        }
    };
    let compiler = personamap_render::Compiler::new();
    if let Some(existing) = input.existing {
        for before in &existing.pages {
            let after = spec.page(&before.id);
            let old = compiler.page(existing, before).ok();
            let new = after.and_then(|p| compiler.page(&spec, p).ok());
            if old != new {
                return Err(ImportError {
                    line: None,
                    message: format!(
                        "importing would change page `{}` of the spec (a bug in personamap import); nothing was written",
                        before.id
                    ),
                });
            }
        }
    }
    let page = spec.page(input.page_id).ok_or_else(|| ImportError {
        line: None,
        message: format!("the imported spec has no page `{}`", input.page_id),
    })?;
    let rendered = compiler
        .page(&spec, page)
        .map_err(|d| render_error(d.message))?;
    let snippet_differs = spec.divider.generate
        && compiler
            .divider(&spec)
            .map_err(|d| render_error(d.message))?
            != input.snippet;
    let page_differs_at = (rendered != input.page).then(|| first_difference(&rendered, input.page));
    // Both pages import the same divider, so its inlined export is left out of both exports.
    let export = |mdx: &str| {
        personamap_render::export::export(
            mdx,
            &personamap_render::export::ExportInput {
                base_url: &spec.site.base_url,
                title: &page.title,
                description: &page.description,
                snippets: &[],
                theme: None,
            },
        )
    };
    let ours = export(&rendered).map_err(render_error)?;
    let theirs = export(input.page).map_err(|m| ImportError {
        line: None,
        message: format!("the page is not valid MDX: {m}"),
    })?;
    Ok(Imported {
        files,
        edits,
        page_differs_at,
        snippet_differs,
        export_differs_at: (ours != theirs).then(|| first_difference(&ours, &theirs)),
        export_diff: (ours != theirs).then(|| {
            let line = first_difference(&ours, &theirs);
            let at = |t: &str| t.split('\n').nth(line - 1).map(str::to_string);
            page_excerpt(input.page, &rendered, [at(&theirs), at(&ours)])
        }),
    })
}

/// Lines of context around the change [`page_excerpt`] shows.
const EXCERPT_CONTEXT: usize = 3;

/// A unified diff excerpt of two page sources (`-` `theirs`, `+` `ours`, numbered as in each
/// page): the run of changed lines holding either of the `lines` where their exports differ
/// (the exports leave out comments, padding and quoting, so that is the change that matters),
/// or else the first run, with a few lines around it.
fn page_excerpt(theirs: &str, ours: &str, lines: [Option<String>; 2]) -> String {
    use similar::{ChangeTag, TextDiff};
    let diff = TextDiff::from_lines(theirs, ours);
    let changes: Vec<_> = diff.iter_all_changes().collect();
    let wanted: Vec<&str> = lines
        .iter()
        .flatten()
        .map(|l| l.trim())
        .filter(|l| !l.is_empty())
        .collect();
    let changed = |k: usize| changes[k].tag() != ChangeTag::Equal;
    let matches = |k: usize| {
        let text = changes[k].value().trim();
        !text.is_empty() && wanted.iter().any(|w| text.contains(w) || w.contains(text))
    };
    let Some(at) = (0..changes.len())
        .find(|&k| changed(k) && matches(k))
        .or_else(|| (0..changes.len()).find(|&k| changed(k)))
    else {
        return String::new();
    };
    let (mut start, mut end) = (at, at + 1);
    while start > 0 && changed(start - 1) {
        start -= 1;
    }
    while end < changes.len() && changed(end) {
        end += 1;
    }
    let start = start.saturating_sub(EXCERPT_CONTEXT);
    let end = (end + EXCERPT_CONTEXT).min(changes.len());
    let window = &changes[start..end];
    // 1-based first lines: the first line of each side in the window, or the line it follows.
    let first = |side: fn(&similar::Change<&str>) -> Option<usize>| {
        window
            .iter()
            .find_map(side)
            .or_else(|| changes[..start].iter().rev().find_map(side).map(|i| i + 1))
            .map_or(1, |i| i + 1)
    };
    let count = |tag: ChangeTag| window.iter().filter(|c| c.tag() != tag).count();
    let mut out = format!(
        "@@ -{},{} +{},{} @@\n",
        first(|c| c.old_index()),
        count(ChangeTag::Insert),
        first(|c| c.new_index()),
        count(ChangeTag::Delete)
    );
    for change in window {
        out.push(match change.tag() {
            ChangeTag::Delete => '-',
            ChangeTag::Insert => '+',
            ChangeTag::Equal => ' ',
        });
        out.push_str(change.value().trim_end_matches(['\n', '\r']));
        out.push('\n');
    }
    out
}

fn render_error(e: impl fmt::Display) -> ImportError {
    ImportError {
        line: None,
        message: format!("cannot render the imported spec: {e}"),
    }
}

/// 1-based number of the first line where `a` and `b` differ.
fn first_difference(a: &str, b: &str) -> usize {
    let mut la = a.split('\n');
    let mut lb = b.split('\n');
    let mut line = 1;
    loop {
        match (la.next(), lb.next()) {
            (Some(x), Some(y)) if x == y => line += 1,
            _ => return line,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_excerpt_is_the_change_that_matters_numbered_as_the_pages() {
        let theirs = "a\n|x|y|\nb\nc\nd\ne\nf\nLatency < 1 s.\ng\nh\n";
        let ours = "a\n| x | y |\nb\nc\nd\ne\nf\nLatency \\< 1 s.\ng\nh\n";
        let excerpt = page_excerpt(theirs, ours, [Some("Latency < 1 s.".into()), None]);
        assert_eq!(
            excerpt,
            "@@ -5,6 +5,6 @@\n d\n e\n f\n-Latency < 1 s.\n+Latency \\< 1 s.\n g\n h\n"
        );
        // Without a line to look for, the first change.
        let first = page_excerpt(theirs, ours, [None, None]);
        assert!(
            first.starts_with("@@ -1,5 +1,5 @@\n a\n-|x|y|\n+| x | y |\n"),
            "{first}"
        );
    }
}
