//! The driver: the one pipeline every consumer of personamap compiles through (`generate`,
//! `generate --check`, `check`, `export`, `estimate`, `model`, `watch`, the fuzz targets, the
//! benches and tests, and the coming `preview` and language server).
//!
//! ```text
//! Site (disk + overlays) ─▶ load (memoised on the spec files' texts) ─▶ Spec
//!   ─▶ site inputs (docs.json, llms.txt, lock, pages, headings, snippets, read as the spec needs)
//!   ─▶ Compiler::compile (diagrams memoised per persona) ─▶ Outputs
//!   ─▶ Writer::plan (against the disk) ─▶ output checks ─▶ Compilation (diagnostics sorted)
//! ```
//!
//! A [`Driver`] keeps only memos keyed on input content, never state to invalidate: compiling
//! the same inputs again gives the same [`Compilation`], whatever was compiled before. Every
//! input a compile reads is noted by the [`Site`]; [`Reads::changes`] tells whether a compile
//! now would read anything different (what `watch` waits for).

mod diagnose;
pub mod site;

pub use site::{Reads, Site};

use personamap_render::docs_json::DocsJson;
use personamap_render::{Compiler, DOCS_JSON, LLMS_TXT, Outputs, SiteInputs};
use personamap_spec::{
    Diagnostic, Failed, FileId, LlmsTxt, ParsedFile, Partial, SourceFile, Sources, Spec, diag,
};
use personamap_write::{FileOut, Plan, Writer};
use std::collections::{BTreeMap, HashMap};
use std::hash::{Hash as _, Hasher as _};
use std::sync::Arc;

/// Which outputs the output checks ([`personamap_check::validate`]) read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Validate {
    /// Every output (`check`, `generate --check`, an editor).
    All,
    /// The outputs the plan writes: a file already on disk with the same bytes was checked
    /// when it was written (`generate`, `watch`). For a site in memory (no plan): no page.
    Written,
}

/// The spec as loaded: the files read, the spec as far as it loaded, and every load
/// diagnostic (paths skipped as not regular files included).
#[derive(Debug)]
pub struct Loaded {
    /// The spec files; every diagnostic's span points into them.
    pub sources: Sources,
    /// Everything that loaded, errors or not (`None` when `[site]` or `[divider]` did not):
    /// only a spec without errors is compiled; the checks of one with errors stay silent about
    /// what failed.
    pub spec: Option<Spec>,
    /// Load diagnostics, sorted.
    pub diagnostics: Vec<Diagnostic>,
    /// What did not load.
    pub failed: Failed,
}

/// Everything one compile found.
#[derive(Debug)]
pub struct Compilation {
    /// The spec as loaded.
    pub loaded: Arc<Loaded>,
    /// The outputs, when the spec compiled.
    pub outputs: Option<Outputs>,
    /// What writing the outputs changes on disk, when the site is on disk and the writer
    /// accepts every output.
    pub plan: Option<Plan>,
    /// Every diagnostic of loading, compiling, planning and checking, sorted.
    pub diagnostics: Vec<Diagnostic>,
    /// Notes for a person at a terminal (not diagnostics: nothing is wrong).
    pub notes: Vec<String>,
    /// The spec files, then the site files of [`personamap_render::site_files`].
    sources: Sources,
}

impl Compilation {
    /// The files the diagnostics point into: the spec files (with the ids of
    /// `loaded.sources`), then, when the spec loaded, the site files a diagnostic may point
    /// into ([`personamap_render::site_files`]: docs.json and a hand-written divider snippet;
    /// empty when the site has none).
    pub fn sources(&self) -> &Sources {
        &self.sources
    }

    /// Whether any diagnostic is an error (then nothing may be written).
    pub fn has_errors(&self) -> bool {
        diag::has_errors(&self.diagnostics)
    }
}

/// Compiles sites. Holds memos keyed on input content: the last load (by the spec files'
/// texts), each spec file's parse (by its path and text), each resolved persona (by its
/// file's parse and the palette it reads), the map rules' results (by persona, palette and
/// page settings) and every rendered diagram (by persona, classes and page options).
pub struct Driver {
    compiler: Compiler,
    /// The last load, by the hash of its spec files' paths and texts (and the paths skipped).
    /// Kept only by a driver that keeps parses.
    loads: Option<(u64, Arc<Loaded>)>,
    /// Phase one of each spec file of the last load, by the hash of its path and text: a load
    /// parses only the files whose text differs. `None` for a one-shot driver.
    parses: Option<HashMap<u64, Parse>>,
    /// The resolved personas and the map rules' results of the last load, by what they read.
    memo: personamap_spec::LoadMemo,
    /// What Mermaid reads in each labelled edge statement of the last compile, by its text.
    readings: personamap_check::Readings,
}

/// Phase one's result for one spec file, shared with the memo.
type Parse = Result<Arc<ParsedFile>, Vec<Diagnostic>>;

impl Default for Driver {
    fn default() -> Self {
        Driver::new()
    }
}

impl Driver {
    /// A driver for repeated compiles (watch, preview, an editor): memos start empty and keep
    /// what later compiles can reuse.
    pub fn new() -> Self {
        Driver {
            compiler: Compiler::caching(),
            loads: None,
            parses: Some(HashMap::new()),
            memo: personamap_spec::LoadMemo::keeping(),
            readings: personamap_check::Readings::keeping(),
        }
    }

    /// A driver for one compile (a command that exits after it): no parse or diagram is kept,
    /// which saves the memory (and the copies) a memo of every file and diagram takes.
    pub fn one_shot() -> Self {
        Driver {
            compiler: Compiler::new(),
            loads: None,
            parses: None,
            memo: Default::default(),
            readings: Default::default(),
        }
    }

    /// Reads and loads the spec of `site`. An error when the spec folder cannot be read or
    /// holds no spec file.
    pub fn load(&mut self, site: &Site) -> Result<Arc<Loaded>, String> {
        let (sources, skipped) = site.spec_files()?;
        if sources.is_empty() {
            let dir = site
                .root()
                .unwrap_or(std::path::Path::new(""))
                .join(personamap_spec::SPEC_DIR);
            return Err(format!("no *.toml spec files under {}", dir.display()));
        }
        // Each file is hashed once, for both memos; a one-shot driver keeps neither.
        let keys = self.parses.is_some().then(|| {
            sources
                .iter()
                .map(|(id, f)| {
                    let mut h = std::collections::hash_map::DefaultHasher::new();
                    (&f.path, sources.text_hash(id)).hash(&mut h);
                    h.finish()
                })
                .collect::<Vec<u64>>()
        });
        let key = keys.as_ref().map(|keys| {
            let mut h = std::collections::hash_map::DefaultHasher::new();
            keys.hash(&mut h);
            for d in &skipped {
                d.message.hash(&mut h);
            }
            h.finish()
        });
        if let (Some(key), Some((k, loaded))) = (key, &self.loads)
            && *k == key
        {
            return Ok(loaded.clone());
        }
        let Partial {
            spec,
            diags: mut diagnostics,
            failed,
        } = {
            let parsed = self.parse(&sources, keys);
            personamap_spec::load_parsed_with(sources.clone(), parsed, &mut self.memo)
        };
        diagnostics.extend(skipped);
        if let Some(spec) = &spec {
            personamap_spec::lints::apply(spec, &mut diagnostics);
        }
        diag::sort(&mut diagnostics);
        let loaded = Arc::new(Loaded {
            sources,
            spec,
            diagnostics,
            failed,
        });
        if let Some(key) = key {
            self.loads = Some((key, loaded.clone()));
        }
        Ok(loaded)
    }

    /// Phase one for every file of `sources`, in order: the files parsed by an earlier load
    /// (same path, same text: `keys`, each file's hash of both) are taken from the memo, the
    /// others parsed in parallel. The memo then holds the files of `sources` only. Without
    /// keys or a memo (a one-shot driver), every file is parsed.
    fn parse(&mut self, sources: &Sources, keys: Option<Vec<u64>>) -> Vec<Parse> {
        let (Some(memo), Some(keys)) = (&mut self.parses, keys) else {
            return personamap_spec::parse_files(sources)
                .into_iter()
                .map(|p| p.map(Arc::new))
                .collect();
        };
        let missing: Vec<(FileId, &SourceFile)> = sources
            .iter()
            .zip(&keys)
            .filter(|(_, k)| !memo.contains_key(*k))
            .map(|(f, _)| f)
            .collect();
        let parsed = personamap_spec::parallel::map(&missing, |(id, f)| {
            personamap_spec::parse_file(*id, f).map(Arc::new)
        });
        let mut old = std::mem::take(memo);
        let mut parsed = parsed.into_iter();
        let mut out = Vec::with_capacity(keys.len());
        for key in keys {
            // Paths are unique in `sources`, so each key is too: the missing ones come in order.
            let p = match old.remove(&key) {
                Some(p) => p,
                None => parsed.next().expect("one parse per missing file"),
            };
            memo.insert(key, p.clone());
            out.push(p);
        }
        out
    }

    /// Loads, compiles in memory, works out the writer's plan (which refuses files personamap
    /// does not own; only for a site on disk), and runs the output checks `validate` selects.
    /// An error only for a site that cannot be read at all; every problem of the spec or the
    /// outputs is a diagnostic.
    pub fn compile(&mut self, site: &Site, validate: Validate) -> Result<Compilation, String> {
        let loaded = self.load(site)?;
        let mut diags = loaded.diagnostics.clone();
        let mut notes = Vec::new();
        let (mut outputs, mut plan) = (None, None);
        let mut sources = loaded.sources.clone();
        // `check` lists the pages on disk (and checks nav entries) always.
        let all = validate == Validate::All;
        if let Some(spec) = &loaded.spec
            && diag::has_errors(&loaded.diagnostics)
        {
            // The compile-time checks over what loaded, so that one run reports everything;
            // nothing is compiled.
            let mut inputs = site_inputs(site, spec, Needs::Compile)?;
            add_site_files(&mut sources, spec, &inputs);
            diags.extend(nav_checks(site, spec, &mut inputs, all));
            diags.extend(personamap_check::partial(
                spec,
                &inputs,
                &loaded.failed,
                &loaded.diagnostics,
            ));
        } else if let Some(spec) = &loaded.spec {
            let mut inputs = site_inputs(site, spec, Needs::Compile)?;
            add_site_files(&mut sources, spec, &inputs);
            diags.extend(nav_checks(site, spec, &mut inputs, all));
            if inputs.llms_txt.is_none() && spec.site.llms_txt == LlmsTxt::Merge {
                notes.push(format!(
                    "the site has no root {LLMS_TXT}, so personamap creates none: Mintlify then serves its own index of every page (a {LLMS_TXT} listing only personamap's pages would hide the others); set `[site] llms_txt = \"create\"` to have one made"
                ));
            }
            match self.compiler.compile(spec, &inputs) {
                Ok(out) => {
                    match site.root() {
                        Some(root) => {
                            let writer = Writer::new(root)
                                .map_err(|e| format!("{}: {e}", root.display()))?;
                            // The plan reads every output on disk: what it found is noted,
                            // and only the outputs it did not read (a path it refused, one
                            // that is not a regular file) are read again for the record.
                            let mut noted = std::collections::HashSet::new();
                            let planned = writer.plan_with(
                                &FileOut::all(&out.files),
                                &out.inserted,
                                &mut |path, bytes| {
                                    site.note_bytes_read(path, bytes);
                                    noted.insert(path.to_string());
                                },
                            );
                            for f in out.files.iter().filter(|f| !noted.contains(&f.path)) {
                                site.note_bytes(&f.path);
                            }
                            match planned {
                                Ok(p) => {
                                    diags.extend(personamap_check::validate_some(
                                        spec,
                                        &out.files,
                                        |o| {
                                            validate == Validate::All
                                                || p.iter().any(|c| c.path == o.path)
                                        },
                                        &mut self.readings,
                                    ));
                                    diags.extend(
                                        p.warnings
                                            .iter()
                                            .map(|w| Diagnostic::warning("lock", None, w.clone())),
                                    );
                                    plan = Some(p);
                                }
                                Err(errors) => {
                                    diags.extend(personamap_check::validate(spec, &out));
                                    diags.extend(
                                        errors.iter().map(|e| diagnose::write_error(spec, e)),
                                    );
                                }
                            }
                        }
                        // In memory nothing is written: `Written` checks no page.
                        None => diags.extend(personamap_check::validate_some(
                            spec,
                            &out.files,
                            |_| validate == Validate::All,
                            &mut self.readings,
                        )),
                    }
                    outputs = Some(out);
                }
                Err(more) => {
                    // The outputs are not validated, but the spec's Mermaid readings are, in
                    // this same round.
                    diags.extend(more);
                    diags.extend(personamap_check::misreads_with(spec, &mut self.readings));
                }
            }
        }
        // `[lints]` levels, nearest first: allowed warnings go, denied ones become errors (the
        // load's own diagnostics, first in `diags`, were leveled as they loaded).
        if let Some(spec) = &loaded.spec {
            let mut found = diags.split_off(loaded.diagnostics.len());
            personamap_spec::lints::apply(spec, &mut found);
            diags.extend(found);
        }
        diag::sort(&mut diags);
        Ok(Compilation {
            loaded,
            outputs,
            plan,
            diagnostics: diags,
            notes,
            sources,
        })
    }

    /// The Markdown export of page `id` of the loaded `spec`, as Mintlify serves it at
    /// `/{id}.md`, or its diagnostics with the files they point into (as
    /// [`Compilation::sources`]). The outer error: a site file that cannot be read.
    pub fn export(
        &self,
        site: &Site,
        spec: &Spec,
        id: &str,
    ) -> Result<Result<String, (Sources, Vec<Diagnostic>)>, String> {
        let inputs = site_inputs(site, spec, Needs::Export)?;
        Ok(self.compiler.export(spec, &inputs, id).map_err(|diags| {
            let mut sources = spec.sources.clone();
            add_site_files(&mut sources, spec, &inputs);
            (sources, diags)
        }))
    }
}

/// Adds the site files of [`personamap_render::site_files`] to `sources`, each with its text
/// in `inputs` (empty when the site has none), so that the ids
/// [`personamap_render::site_file`] gives resolve.
fn add_site_files(sources: &mut Sources, spec: &Spec, inputs: &SiteInputs) {
    for path in personamap_render::site_files(spec) {
        let text = match path {
            DOCS_JSON => inputs.docs_json.clone(),
            _ => inputs.snippets.get(path).cloned(),
        };
        let id = sources.push(SourceFile {
            path: path.to_string(),
            text: text.unwrap_or_default(),
        });
        debug_assert_eq!(Some(id), personamap_render::site_file(spec, path));
    }
}

/// Which site inputs a step reads.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Needs {
    /// Everything a compile reads.
    Compile,
    /// The export checks no links: neither pages on disk nor their headings.
    Export,
}

/// The site inputs `spec` needs from `site`.
fn site_inputs(site: &Site, spec: &Spec, needs: Needs) -> Result<SiteInputs, String> {
    let docs_json = site.optional(DOCS_JSON)?;
    let mut inputs = SiteInputs {
        inserted: site.lock_inserted(docs_json.as_deref())?,
        docs_json,
        llms_txt: site.optional(LLMS_TXT)?,
        ..SiteInputs::default()
    };
    // What the emitters read besides docs.json and llms.txt: hand-written snippets.
    for path in personamap_render::emit::reads(spec) {
        if path == DOCS_JSON || path == LLMS_TXT {
            continue;
        }
        if let Some(text) = site.snippet(&path)? {
            inputs.snippets.insert(path, text);
        }
    }
    if needs == Needs::Compile {
        inputs.headings_on_disk = anchored_headings(site, spec);
    }
    Ok(inputs)
}

/// Lists the pages on disk into `inputs` when `all` (for `check`, on a site on disk), or else
/// only when a link of `spec` names a page that neither docs.json nor the spec holds (listing
/// walks the whole site); when it listed them on disk, warns about every docs.json navigation
/// entry that names no page (`nav-no-page`).
fn nav_checks(site: &Site, spec: &Spec, inputs: &mut SiteInputs, all: bool) -> Vec<Diagnostic> {
    let on_disk = site.root().is_some();
    let list = (all && on_disk) || links_need_pages(spec, inputs);
    if !list {
        return Vec::new();
    }
    inputs.pages_on_disk = site.pages();
    match inputs.docs_json.as_deref().map(DocsJson::parse) {
        Some(Ok(docs)) if on_disk => {
            personamap_render::links::nav_without_page(&docs, spec, &inputs.pages_on_disk)
        }
        _ => Vec::new(),
    }
}

/// Whether a link of `spec` names a page that neither docs.json nor the spec holds.
fn links_need_pages(spec: &Spec, inputs: &SiteInputs) -> bool {
    let nav = inputs
        .docs_json
        .as_deref()
        .and_then(|t| DocsJson::parse(t).ok());
    let known = nav
        .map(|docs| docs.pages())
        .unwrap_or_default()
        .into_iter()
        .chain(spec.pages.iter().map(|p| p.id.clone()))
        .collect();
    personamap_render::links::unresolved(spec, &known)
}

/// The headings of the hand-written pages that `spec` links into with `#anchor` (node links,
/// related cards and MDX prose links; only those pages are read), for the anchor check.
fn anchored_headings(site: &Site, spec: &Spec) -> BTreeMap<String, Vec<String>> {
    let hrefs = personamap_render::links::hrefs(spec);
    let mut out = BTreeMap::new();
    for href in hrefs {
        let Some((page, _)) = href.strip_prefix('/').and_then(|p| p.split_once('#')) else {
            continue;
        };
        let id = page.split('?').next().unwrap_or("").trim_end_matches('/');
        if out.contains_key(id) || spec.page(id).is_some() {
            continue;
        }
        if let Some(text) = site.page_text(id) {
            out.insert(id.to_string(), personamap_render::links::headings(&text));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const SITE: &str = "[site]\nbase_url = \"https://x\"\n[divider]\npath = \"snippets/D.jsx\"\nlogo = \"/l.svg\"\n\
        [[page]]\nid = \"p\"\ntitle = \"T\"\ndescription = \"D\"\nnavigation = [\"G\"]\npersonas = [1]\n\
        [[palette]]\nname = \"c\"\nmeaning = \"m\"\nfill = \"#fff\"\nstroke = \"#000\"\ncolor = \"#000\"\n";

    fn persona(label: &str) -> String {
        format!(
            "[[persona]]\nnumber = 1\nname = \"N\"\nedges = \"A --> B\"\n\
             [[persona.group]]\nclass = \"c\"\nnodes = [{{ id = \"A\", label = \"{label}\" }}, {{ id = \"B\", label = \"b\" }}]\n"
        )
    }

    /// Diagnostics and outputs, comparable.
    fn seen(c: &Compilation) -> String {
        format!(
            "{:?}\n{:?}",
            c.diagnostics,
            c.outputs.as_ref().map(|o| &o.files)
        )
    }

    #[test]
    fn a_driver_that_kept_parses_compiles_as_a_fresh_one() {
        let mut site = Site::in_memory()
            .with_overlay(
                DOCS_JSON,
                r#"{"name":"S","navigation":{"groups":[{"group":"G","pages":[]}]}}"#,
            )
            .with_overlay("personas/site.toml", SITE)
            .with_overlay("personas/p1.toml", persona("a"));
        let mut kept = Driver::new();
        let steps: [(&str, Option<String>); 8] = [
            ("personas/p1.toml", Some(persona("a2"))),
            // The palette changes under a persona that did not: its class is now unknown.
            (
                "personas/site.toml",
                Some(SITE.replace("name = \"c\"", "name = \"k\"")),
            ),
            // The last `[[palette]]` table moves (the model of the fix adding a class).
            (
                "personas/site.toml",
                Some(
                    SITE.replace("name = \"c\"", "name = \"k\"")
                        .replace("[[palette]]", "\n[[palette]]"),
                ),
            ),
            ("personas/site.toml", Some(SITE.to_string())),
            // A file before the others: every file's id moves; its error is located in it.
            (
                "personas/0.toml",
                Some("[[palette]]\nname = 3\n".to_string()),
            ),
            // Not TOML: phase one fails, its error located in the file.
            ("personas/p1.toml", Some("[[persona]\n".to_string())),
            // The ids move back: the kept failure is located in the file's new place.
            ("personas/0.toml", None),
            ("personas/p1.toml", Some(persona("a3"))),
        ];
        let first = kept.compile(&site, Validate::All).expect("reads");
        assert!(first.outputs.is_some(), "{:?}", first.diagnostics);
        for (path, text) in steps {
            site.set_overlay(path, text);
            let again = kept.compile(&site, Validate::All).expect("reads");
            let fresh = Driver::one_shot()
                .compile(&site, Validate::All)
                .expect("reads");
            assert_eq!(seen(&again), seen(&fresh), "after {path}");
        }
    }
}
