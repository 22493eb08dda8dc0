//! Outputs as emitters: each output kind is one module behind [`Emitter`], which declares the
//! paths it writes, who owns them, and which site files it reads, and produces the outputs in
//! two passes over one [`Emission`]:
//!
//! 1. [`Emitter::prepare`]: everything that can reject the compile (pages rendered, nav entries
//!    merged, a hand-written divider checked), every emitter's problems at once;
//! 2. [`Emitter::emit`]: the remaining outputs, only when no emitter found an error.
//!
//! A compile runs the emitters of written outputs; a [`Ownership::Served`] one (the Markdown
//! export) runs only on request, for the page [`Emission::request`] names
//! (`Compiler::export`).
//!
//! Adding an output kind: a module here, one line in [`EMITTERS`], and an [`OutputKind`]
//! variant in `lib.rs` (three files). The writer, the lock and `watch` follow from the
//! declarations.

mod data_snippet;
mod divider;
mod docs_json;
mod export;
mod llms_txt;
mod page;
mod schema;

use crate::docs_json::DocsJson;
use crate::{Compiler, Inserted, Output, OutputKind, SiteInputs};
use personamap_spec::{Diagnostic, Spec};

/// Who owns an output's file, which decides what the lock records and what the writer may do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ownership {
    /// personamap writes the whole file: the lock records its SHA-256; the writer replaces or
    /// deletes it only while it holds the bytes written.
    Whole,
    /// personamap merges entries into the user's file: the lock records the entries
    /// ([`Inserted`]), never the file, which is never deleted.
    Entries,
    /// Never written: Mintlify serves it (the Markdown export at `/{id}.md`), and personamap
    /// emits it on request for one page. No path on disk, nothing in the lock.
    Served,
}

/// One output kind.
pub trait Emitter: Sync {
    /// The kind of the outputs it produces.
    fn kind(&self) -> OutputKind;
    /// Who owns the files it writes.
    fn ownership(&self) -> Ownership;
    /// Site-relative paths it writes for `spec` on `site`.
    fn paths(&self, spec: &Spec, site: &SiteInputs) -> Vec<String>;
    /// Site files it reads for `spec` besides the spec itself (the driver reads them, and
    /// `watch` rebuilds when one changes).
    fn reads(&self, _spec: &Spec) -> Vec<String> {
        Vec::new()
    }
    /// Pass one: work that can reject the compile, with every problem pushed to
    /// [`Emission::errors`].
    fn prepare(&self, _cx: &mut Emission) {}
    /// Pass two, after a pass one without errors: the remaining outputs.
    fn emit(&self, _cx: &mut Emission) -> Result<(), Diagnostic> {
        Ok(())
    }
}

/// Every output kind, in the order its outputs are listed.
pub static EMITTERS: &[&dyn Emitter] = &[
    &page::Pages,
    &divider::DividerSnippet,
    &data_snippet::DataSnippet,
    &docs_json::DocsJsonEntries,
    &llms_txt::LlmsTxtEntries,
    &schema::Schema,
    &export::MarkdownExport,
];

/// The emitters a compile runs: those of written outputs, in [`EMITTERS`] order.
pub fn written() -> impl Iterator<Item = &'static dyn Emitter> {
    EMITTERS
        .iter()
        .copied()
        .filter(|e| e.ownership() != Ownership::Served)
}

/// The emitters run on request for one page ([`Ownership::Served`]).
pub fn served() -> impl Iterator<Item = &'static dyn Emitter> {
    EMITTERS
        .iter()
        .copied()
        .filter(|e| e.ownership() == Ownership::Served)
}

/// The emitter of outputs of `kind` (the first, for kinds several emitters share).
pub fn of(kind: OutputKind) -> Option<&'static dyn Emitter> {
    EMITTERS.iter().copied().find(|e| e.kind() == kind)
}

/// Every site file the emitters read for `spec`, in emitter order, without repeats.
pub fn reads(spec: &Spec) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for path in EMITTERS.iter().flat_map(|e| e.reads(spec)) {
        if !out.contains(&path) {
            out.push(path);
        }
    }
    out
}

/// One compile in progress: its inputs, and what the emitters produced so far.
pub struct Emission<'a> {
    /// The compiler (templates, diagram memo).
    pub compiler: &'a Compiler,
    /// The spec compiled.
    pub spec: &'a Spec,
    /// The page a served output is requested for (`None` in a compile).
    pub request: Option<&'a str>,
    /// The site files read.
    pub site: &'a SiteInputs,
    /// docs.json as the site holds it.
    pub docs_text: &'a str,
    /// The same, parsed.
    pub docs: &'a DocsJson<'a>,
    /// docs.json once the nav entries are merged (`None`: unchanged).
    pub docs_out: Option<String>,
    /// The site's name (docs.json's, else the spec's).
    pub name: String,
    /// The site's one-line summary (docs.json's, else the spec's).
    pub summary: String,
    /// The outputs so far.
    pub files: Vec<Output>,
    /// Problems that reject the compile.
    pub errors: Vec<Diagnostic>,
    /// What the outputs hold in users' files, for the lock.
    pub inserted: Inserted,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_kind_has_one_owner_and_generated_kinds_are_whole_files() {
        for e in EMITTERS {
            let whole = e.ownership() == Ownership::Whole;
            assert_eq!(whole, e.kind().is_generated(), "{:?}", e.kind());
            assert!(of(e.kind()).is_some_and(|o| o.ownership() == e.ownership()));
        }
    }
}
