//! The incremental engine: pure and in memory. It keeps the spec files' texts, the last good
//! spec and outputs, and which persona numbers each persona-only file held; the watcher feeds it
//! changed inputs and writes what it returns.
//!
//! A rebuild takes one of three paths:
//! - **persona edit** (every changed file held only personas and still holds the same persona
//!   numbers): only those files are parsed and resolved ([`personamap_spec::resolve_personas`]),
//!   their personas replace the old ones in the spec, and only the pages showing them are
//!   rendered, with every non-page output (snippets, docs.json, llms.txt, schema), in one
//!   [`Compiler::compile`] over the spec restricted to those pages;
//! - **site edit** (docs.json or llms.txt changed, no spec file did): the last good spec is
//!   compiled again;
//! - **anything else** (a file added or removed, a site-wide table or persona numbers changed,
//!   or no good build yet): every file is parsed and resolved as `personamap generate` does, and
//!   everything is compiled.
//!
//! The output checks `generate` runs (`personamap_check::validate`, which catch compiler bugs
//! rather than spec errors) run on the first build, full rebuilds and site edits, over the
//! outputs that changed; a persona edit skips them, as they cost several times the rebuild
//! (they parse the whole page as Markdown).
//!
//! Outputs are only ever returned whole; which bytes reach the disk is the writer's business.

use personamap_render::{Compiler, Inserted, Output, OutputKind, SiteInputs};
use personamap_spec::diag::{has_errors, sort};
use personamap_spec::{
    Diagnostic, Persona, SourceFile, Sources, Spec, parse_file, parse_files, resolve_partial,
    resolve_personas,
};
use std::collections::{BTreeMap, BTreeSet};

/// How a rebuild went.
#[derive(Debug)]
pub enum Rebuild<'a> {
    /// No input changed since the last good build.
    Nothing,
    /// A new set of outputs.
    Built(Built<'a>),
    /// The spec or the site is invalid; the last good outputs stand.
    Failed {
        /// The files the diagnostics point into.
        sources: &'a Sources,
        /// Every diagnostic, errors first within each position.
        diagnostics: Vec<Diagnostic>,
    },
}

/// A successful rebuild.
#[derive(Debug)]
pub struct Built<'a> {
    /// Every output, in the compiler's order. All of them go to the writer, which also
    /// removes generated files that are no longer produced.
    pub outputs: &'a [Output],
    /// The entries the outputs hold in docs.json and llms.txt that personamap inserted (for
    /// the lock).
    pub inserted: &'a Inserted,
    /// Paths of outputs whose contents differ from the previous build (all of them after the
    /// first build).
    pub changed: Vec<String>,
    /// How many pages were rendered.
    pub pages_rendered: usize,
    /// Warnings, to print as `generate` does.
    pub warnings: Vec<Diagnostic>,
    /// The files the warnings point into.
    pub sources: &'a Sources,
}

/// The last good build.
struct Good {
    spec: Spec,
    outputs: Vec<Output>,
    /// What the outputs hold that personamap inserted into docs.json and llms.txt.
    inserted: Inserted,
    /// For each spec file of the build: its persona numbers if it held nothing but personas.
    numbers: BTreeMap<String, Option<Vec<u32>>>,
}

/// The incremental compiler state.
pub struct Engine {
    compiler: Compiler,
    /// Current text of every spec file, by site-relative path.
    files: BTreeMap<String, String>,
    site: SiteInputs,
    good: Option<Good>,
    /// Spec files changed (edited, added or removed) since the last good build.
    dirty_files: BTreeSet<String>,
    /// Whether docs.json or llms.txt changed since the last good build.
    dirty_site: bool,
    /// Sources of the last failed full rebuild, for its diagnostics.
    failed: Option<Sources>,
}

impl Engine {
    /// An engine over the given spec files and site inputs; nothing is built until
    /// [`Engine::rebuild`].
    pub fn new(files: Vec<SourceFile>, site: SiteInputs) -> Self {
        Engine {
            compiler: Compiler::caching(),
            dirty_files: files.iter().map(|f| f.path.clone()).collect(),
            files: files.into_iter().map(|f| (f.path, f.text)).collect(),
            site,
            good: None,
            dirty_site: true,
            failed: None,
        }
    }

    /// The current text of spec file `path`, if the engine has it.
    pub fn spec_text(&self, path: &str) -> Option<&str> {
        self.files.get(path).map(String::as_str)
    }

    /// The spec files the engine has, in path order.
    pub fn spec_paths(&self) -> impl Iterator<Item = &str> {
        self.files.keys().map(String::as_str)
    }

    /// The site inputs the next build reads. After a good build they are the docs.json and
    /// llms.txt the build produced, so that the tool's own writes read back as "unchanged".
    pub fn site(&self) -> &SiteInputs {
        &self.site
    }

    /// Sets spec file `path` to `text` (`None`: the file is gone). Returns whether that is a
    /// change.
    pub fn set_spec_file(&mut self, path: &str, text: Option<String>) -> bool {
        let changed = match text {
            Some(text) if self.files.get(path) != Some(&text) => {
                self.files.insert(path.to_string(), text);
                true
            }
            None => self.files.remove(path).is_some(),
            Some(_) => false,
        };
        if changed {
            self.dirty_files.insert(path.to_string());
        }
        changed
    }

    /// Sets the text of docs.json. Returns whether that is a change.
    pub fn set_docs_json(&mut self, text: Option<String>) -> bool {
        let changed = self.site.docs_json != text;
        if changed {
            self.site.docs_json = text;
            self.dirty_site = true;
        }
        changed
    }

    /// Sets the text of llms.txt. Returns whether that is a change.
    pub fn set_llms_txt(&mut self, text: Option<String>) -> bool {
        let changed = self.site.llms_txt != text;
        if changed {
            self.site.llms_txt = text;
            self.dirty_site = true;
        }
        changed
    }

    /// Sets the ids of the pages on disk (links to them resolve). Returns whether that can
    /// change a build: a page the spec itself generates counts as present either way, so the
    /// tool's own page writes are no change.
    pub fn set_pages_on_disk(&mut self, pages: BTreeSet<String>) -> bool {
        let generated: BTreeSet<&str> = self
            .good
            .iter()
            .flat_map(|g| g.spec.pages.iter().map(|p| p.id.as_str()))
            .collect();
        let changed = self
            .site
            .pages_on_disk
            .symmetric_difference(&pages)
            .any(|id| !generated.contains(id.as_str()));
        self.site.pages_on_disk = pages;
        if changed {
            self.dirty_site = true;
        }
        changed
    }

    /// Builds what the changes since the last good build affect.
    ///
    /// A panic inside the build (a compiler bug) is caught: it becomes a `compiler-bug`
    /// diagnostic, nothing is returned to write, and the next rebuild starts over from the
    /// files, so `watch` goes on and the last good outputs stay on disk.
    pub fn rebuild(&mut self) -> Rebuild<'_> {
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.build()))
            .unwrap_or_else(|payload| self.panicked(payload.as_ref()));
        match outcome {
            Outcome::Nothing => Rebuild::Nothing,
            Outcome::Failed(diagnostics) => Rebuild::Failed {
                sources: self.failed.get_or_insert_with(|| Sources::new(Vec::new())),
                diagnostics,
            },
            Outcome::Built {
                changed,
                pages_rendered,
                warnings,
            } => match &self.good {
                Some(good) => Rebuild::Built(Built {
                    outputs: &good.outputs,
                    inserted: &good.inserted,
                    changed,
                    pages_rendered,
                    warnings,
                    sources: &good.spec.sources,
                }),
                None => Rebuild::Nothing,
            },
        }
    }

    /// What a panicking rebuild returns; the state it may have left half-updated is dropped.
    fn panicked(&mut self, payload: &(dyn std::any::Any + Send)) -> Outcome {
        let what = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "a panic without a message".into());
        self.good = None;
        let sources = self.sources();
        let diagnostic = Diagnostic::error(
            "compiler-bug",
            None,
            format!("personamap panicked while rebuilding: {what}"),
        )
        .with_help(
            "this is a bug in personamap, not in your spec: please report it with this spec attached; \
             the last good outputs are kept and watching goes on",
        );
        self.fail(sources, vec![diagnostic])
    }

    /// [`Engine::rebuild`] without the panic guard.
    fn build(&mut self) -> Outcome {
        #[cfg(test)]
        tests::PLANTED_PANIC.with(|planted| {
            if planted.get() {
                panic!("planted by a test");
            }
        });
        if self.dirty_files.is_empty() && !self.dirty_site {
            return Outcome::Nothing;
        }
        let fast = match &self.good {
            Some(good) if !self.dirty_files.is_empty() && !self.dirty_site => {
                self.dirty_files.iter().all(|p| {
                    self.files.contains_key(p) && matches!(good.numbers.get(p), Some(Some(_)))
                })
            }
            Some(_) => self.dirty_files.is_empty(),
            None => false,
        };
        if !fast {
            return self.full();
        }
        if self.dirty_files.is_empty() {
            return self.site_only();
        }
        self.personas_only()
    }

    /// Every file parsed and resolved, everything compiled.
    fn full(&mut self) -> Outcome {
        let sources = self.sources();
        let mut diags = Vec::new();
        let mut parsed = Vec::new();
        let mut numbers = BTreeMap::new();
        // As `personamap_spec::load` does, keeping each file's persona numbers on the way.
        for ((_, file), result) in sources.iter().zip(parse_files(&sources)) {
            match result {
                Ok(p) => {
                    numbers.insert(file.path.clone(), p.persona_numbers());
                    parsed.push(Some(p));
                }
                Err(d) => {
                    diags.extend(d);
                    parsed.push(None);
                }
            }
        }
        let partial = resolve_partial(sources.clone(), parsed);
        diags.extend(partial.diags);
        sort(&mut diags);
        let spec = match partial.spec {
            Some(spec) if !has_errors(&diags) => spec,
            Some(spec) => {
                // As `check` does: the compile's checks over what loaded, in the same round.
                let more = personamap_check::partial(&spec, &self.site, &partial.failed, &diags);
                diags.extend(more);
                personamap_spec::lints::apply(&spec, &mut diags);
                sort(&mut diags);
                return self.fail(sources, diags);
            }
            None => return self.fail(sources, diags),
        };
        let (outputs, inserted) = match self.compiler.compile(&spec, &self.site) {
            Ok(o) => (o.files, o.inserted),
            Err(d) => return self.fail(sources, d),
        };
        let pages = spec.pages.len();
        let previous = self.good.take().map(|g| g.outputs);
        let changed = changed(&outputs, previous.as_deref());
        self.succeed(
            Good {
                spec,
                outputs,
                inserted,
                numbers,
            },
            changed,
            pages,
            diags,
            true,
        )
    }

    /// The last good spec compiled again against new site inputs.
    fn site_only(&mut self) -> Outcome {
        let Some(mut good) = self.good.take() else {
            return self.full();
        };
        match self.compiler.compile(&good.spec, &self.site) {
            Ok(o) => {
                let pages = good.spec.pages.len();
                let changed = changed(&o.files, Some(&good.outputs));
                good.outputs = o.files;
                good.inserted = o.inserted;
                self.succeed(good, changed, pages, Vec::new(), true)
            }
            Err(d) => {
                let sources = good.spec.sources.clone();
                self.good = Some(good);
                self.fail(sources, d)
            }
        }
    }

    /// Only the changed persona-only files resolved, only the pages showing them rendered.
    fn personas_only(&mut self) -> Outcome {
        let Some(mut good) = self.good.take() else {
            return self.full();
        };
        // The kept sources with the new texts (no file came or went), not a copy of every file.
        let mut sources = std::mem::take(&mut good.spec.sources);
        for path in &self.dirty_files {
            let id = sources
                .iter()
                .find(|(_, f)| f.path == *path)
                .map(|(id, _)| id);
            match (id, self.files.get(path)) {
                (Some(id), Some(text)) => sources.set_text(id, text.clone()),
                _ => {
                    good.spec.sources = sources;
                    self.good = Some(good);
                    return self.full();
                }
            }
        }
        // Only some pages are compiled: none of the others is gone, so nothing is removed from
        // docs.json or llms.txt (persona files cannot add, remove or move a page).
        let inserted = std::mem::take(&mut self.site.inserted);
        let patch = patch(
            &self.compiler,
            &self.site,
            &self.dirty_files,
            &mut good,
            sources,
        );
        self.site.inserted = inserted;
        match patch {
            Patch::Full => {
                self.good = Some(good);
                self.full()
            }
            Patch::Failed(diagnostics) => {
                let sources = good.spec.sources.clone();
                self.good = Some(good);
                self.fail(sources, diagnostics)
            }
            Patch::Done {
                changed,
                rendered,
                warnings,
            } => self.succeed(good, changed, rendered, warnings, false),
        }
    }

    /// The current spec files as [`Sources`].
    fn sources(&self) -> Sources {
        Sources::new(
            self.files
                .iter()
                .map(|(path, text)| SourceFile {
                    path: path.clone(),
                    text: text.clone(),
                })
                .collect(),
        )
    }

    fn fail(&mut self, sources: Sources, diagnostics: Vec<Diagnostic>) -> Outcome {
        self.failed = Some(sources);
        Outcome::Failed(diagnostics)
    }

    /// Keeps `good` (whose outputs at the paths `changed` differ from the last build's).
    fn succeed(
        &mut self,
        good: Good,
        changed: Vec<String>,
        pages: usize,
        mut warnings: Vec<Diagnostic>,
        validate: bool,
    ) -> Outcome {
        // The output checks `generate` runs (they catch compiler bugs, not spec errors), on the
        // outputs that changed and the snippets pages import.
        if validate {
            warnings.extend(personamap_check::validate_some(
                &good.spec,
                &good.outputs,
                |o| changed.contains(&o.path),
            ));
        }
        personamap_spec::lints::apply(&good.spec, &mut warnings);
        sort(&mut warnings);
        if has_errors(&warnings) {
            // Outputs that fail their checks are never written; the next build starts over.
            self.good = None;
            return self.fail(good.spec.sources, warnings);
        }
        // The merged files as built are what the site holds once they are written.
        for o in &good.outputs {
            match o.kind {
                OutputKind::DocsJson => self.site.docs_json = Some(o.contents.clone()),
                OutputKind::LlmsTxt => self.site.llms_txt = Some(o.contents.clone()),
                _ => {}
            }
        }
        self.site.inserted = good.inserted.clone();
        self.dirty_files.clear();
        self.dirty_site = false;
        self.failed = None;
        self.good = Some(good);
        Outcome::Built {
            changed,
            pages_rendered: pages,
            warnings,
        }
    }
}

/// Paths of the `outputs` not among the `previous` ones (all of them without a previous build).
fn changed(outputs: &[Output], previous: Option<&[Output]>) -> Vec<String> {
    outputs
        .iter()
        .filter(|o| previous.is_none_or(|prev| !prev.contains(o)))
        .map(|o| o.path.clone())
        .collect()
}

/// How a rebuild went, before it is lent out as a [`Rebuild`].
enum Outcome {
    Nothing,
    Built {
        changed: Vec<String>,
        pages_rendered: usize,
        warnings: Vec<Diagnostic>,
    },
    Failed(Vec<Diagnostic>),
}

/// What [`patch`] made of a persona edit.
enum Patch {
    /// The edit is not a persona edit after all: rebuild everything.
    Full,
    /// The changed files are invalid.
    Failed(Vec<Diagnostic>),
    /// The outputs were updated in place.
    Done {
        /// Paths of the outputs whose contents changed.
        changed: Vec<String>,
        rendered: usize,
        warnings: Vec<Diagnostic>,
    },
}

/// Applies the persona-only files in `dirty` to `good.spec` (whose sources become `sources`)
/// and renders the pages showing their personas, plus every non-page output.
fn patch(
    compiler: &Compiler,
    site: &SiteInputs,
    dirty: &BTreeSet<String>,
    good: &mut Good,
    sources: Sources,
) -> Patch {
    let mut diags = Vec::new();
    let mut personas: Vec<Persona> = Vec::new();
    for path in dirty {
        let Some((id, file)) = sources.iter().find(|(_, f)| f.path == *path) else {
            good.spec.sources = sources;
            return Patch::Full;
        };
        match parse_file(id, file) {
            Ok(p) => {
                if good.numbers.get(path) != Some(&p.persona_numbers()) {
                    // The kept spec stays whole for the next persona edit.
                    good.spec.sources = sources;
                    return Patch::Full;
                }
                let (mut ps, d) = resolve_personas(&sources, id, p, &good.spec.palette);
                personas.append(&mut ps);
                diags.extend(d);
            }
            Err(d) => diags.extend(d),
        }
    }
    sort(&mut diags);
    good.spec.sources = sources;
    if has_errors(&diags) {
        // A full rebuild reports what `check` reports: the compile's checks too.
        return Patch::Full;
    }
    let numbers: BTreeSet<u32> = personas.iter().map(|p| p.number).collect();
    for p in personas {
        match good
            .spec
            .personas
            .binary_search_by_key(&p.number, |q| q.number)
        {
            Ok(i) => good.spec.personas[i] = p,
            Err(_) => return Patch::Full,
        }
    }
    let affected: Vec<_> = good
        .spec
        .pages
        .iter()
        .filter(|p| p.personas.iter().any(|n| numbers.contains(n)))
        .cloned()
        .collect();
    let rendered = affected.len();
    let all_pages = std::mem::replace(&mut good.spec.pages, affected);
    let result = compiler.compile(&good.spec, site);
    good.spec.pages = all_pages;
    let fresh = match result {
        Ok(o) => o.files,
        Err(d) => return Patch::Failed(d),
    };
    if !fresh
        .iter()
        .all(|o| good.outputs.iter().any(|old| old.path == o.path))
    {
        return Patch::Full;
    }
    let mut changed = Vec::new();
    for o in fresh {
        if let Some(old) = good.outputs.iter_mut().find(|old| old.path == o.path)
            && *old != o
        {
            changed.push(o.path.clone());
            *old = o;
        }
    }
    Patch::Done {
        changed,
        rendered,
        warnings: diags,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::synth::{self, Shape};

    const SHAPE: Shape = Shape {
        personas: 12,
        nodes: 12,
        pages: 3,
    };

    fn engine() -> Engine {
        let files = synth::site(SHAPE);
        let spec = files
            .iter()
            .filter(|f| f.path.ends_with(".toml"))
            .map(|f| SourceFile {
                path: f.path.clone(),
                text: f.contents.clone(),
            })
            .collect();
        let site = SiteInputs {
            docs_json: Some(files[0].contents.clone()),
            llms_txt: Some(files[1].contents.clone()),
            ..SiteInputs::default()
        };
        Engine::new(spec, site)
    }

    /// What `generate` would produce from the engine's current inputs.
    fn from_scratch(e: &Engine) -> Vec<Output> {
        let (spec, diags) = personamap_spec::load(e.sources());
        let spec = spec.unwrap_or_else(|| panic!("{diags:?}"));
        Compiler::new()
            .compile(&spec, e.site())
            .expect("compiles")
            .files
    }

    fn built(r: Rebuild) -> (Vec<String>, usize) {
        match r {
            Rebuild::Built(b) => (b.changed, b.pages_rendered),
            other => panic!("expected a build, got {other:?}"),
        }
    }

    #[test]
    fn a_persona_edit_renders_only_its_page_and_matches_a_full_build() {
        let mut e = engine();
        assert_eq!(built(e.rebuild()).1, 3);
        assert!(matches!(e.rebuild(), Rebuild::Nothing));
        let path = synth::persona_path(5);
        assert!(e.set_spec_file(&path, Some(synth::persona(5, SHAPE.nodes, 1))));
        let (changed, rendered) = built(e.rebuild());
        assert_eq!(rendered, 1);
        assert_eq!(changed, vec![format!("{}.mdx", synth::page_id(1))]);
        let outputs = e.good.as_ref().map(|g| g.outputs.clone());
        assert_eq!(outputs, Some(from_scratch(&e)));
        // Saving the same bytes again is no change.
        assert!(!e.set_spec_file(&path, Some(synth::persona(5, SHAPE.nodes, 1))));
    }

    #[test]
    fn an_invalid_edit_keeps_the_last_outputs_and_the_fix_recovers() {
        let mut e = engine();
        built(e.rebuild());
        let path = synth::persona_path(2);
        e.set_spec_file(&path, Some("[[persona]]\nnumber = 2\nname = 3\n".into()));
        assert!(matches!(e.rebuild(), Rebuild::Failed { .. }));
        let broken = synth::persona(2, SHAPE.nodes, 0).replace("-->", "--> Nowhere -->");
        e.set_spec_file(&path, Some(broken));
        match e.rebuild() {
            Rebuild::Failed { diagnostics, .. } => {
                assert!(diagnostics.iter().any(|d| d.rule == "unknown-node"))
            }
            other => panic!("{other:?}"),
        }
        e.set_spec_file(&path, Some(synth::persona(2, SHAPE.nodes, 7)));
        let (changed, rendered) = built(e.rebuild());
        assert_eq!((changed.len(), rendered), (1, 1));
        assert_eq!(
            e.good.as_ref().map(|g| g.outputs.clone()),
            Some(from_scratch(&e))
        );
    }

    #[test]
    fn removed_files_and_site_edits_rebuild_everything_that_changed() {
        let mut e = engine();
        built(e.rebuild());
        // A deleted persona leaves its page; the spec's page lists it, so that is an error.
        e.set_spec_file(&synth::persona_path(12), None);
        assert!(matches!(e.rebuild(), Rebuild::Failed { .. }));
        e.set_spec_file(
            &synth::persona_path(12),
            Some(synth::persona(12, SHAPE.nodes, 0)),
        );
        assert!(built(e.rebuild()).0.is_empty());
        // The user drops the pages from docs.json: they come back, docs.json alone changes.
        let docs = e.site().docs_json.clone().unwrap_or_default();
        let without = docs.replace(&format!("\"{}\"", synth::page_id(0)), "\"other\"");
        assert!(e.set_docs_json(Some(without)));
        let (changed, _) = built(e.rebuild());
        assert_eq!(changed, vec![DOCS_JSON_PATH.to_string()]);
        let docs = e.site().docs_json.clone().unwrap_or_default();
        assert!(docs.contains(&synth::page_id(0)));
        assert_eq!(
            e.good.as_ref().map(|g| g.outputs.clone()),
            Some(from_scratch(&e))
        );
    }

    const DOCS_JSON_PATH: &str = personamap_render::DOCS_JSON;

    thread_local! {
        /// Makes the next rebuilds on this thread panic, as a compiler bug would.
        pub(super) static PLANTED_PANIC: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }

    #[test]
    fn a_panicking_rebuild_is_a_compiler_bug_and_the_next_one_starts_over() {
        let mut e = engine();
        built(e.rebuild());
        let path = synth::persona_path(3);
        assert!(e.set_spec_file(&path, Some(synth::persona(3, SHAPE.nodes, 1))));
        PLANTED_PANIC.with(|p| p.set(true));
        let result = e.rebuild();
        PLANTED_PANIC.with(|p| p.set(false));
        match result {
            Rebuild::Failed { diagnostics, .. } => {
                assert_eq!(diagnostics.len(), 1);
                assert_eq!(diagnostics[0].rule, "compiler-bug");
                assert!(diagnostics[0].message.contains("planted by a test"));
            }
            other => panic!("expected a failed rebuild, got {other:?}"),
        }
        // Nothing was lost: the next rebuild builds everything from the files.
        let (changed, rendered) = built(e.rebuild());
        assert_eq!(rendered, SHAPE.pages);
        assert!(changed.contains(&format!("{}.mdx", synth::page_id(0))));
        assert_eq!(
            e.good.as_ref().map(|g| g.outputs.clone()),
            Some(from_scratch(&e))
        );
    }

    #[test]
    fn pages_on_disk_changes_rebuild_unless_the_page_is_generated() {
        let mut e = engine();
        built(e.rebuild());
        let generated: BTreeSet<String> = (0..SHAPE.pages).map(synth::page_id).collect();
        assert!(!e.set_pages_on_disk(generated.clone()));
        assert!(matches!(e.rebuild(), Rebuild::Nothing));
        let mut more = generated.clone();
        more.insert("guides/new".into());
        assert!(e.set_pages_on_disk(more.clone()));
        assert!(!e.set_pages_on_disk(more));
        assert!(matches!(e.rebuild(), Rebuild::Built(_)));
        assert!(e.set_pages_on_disk(generated));
    }
}
