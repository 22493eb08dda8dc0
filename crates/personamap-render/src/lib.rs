//! Rendering: a checked [`Spec`] plus the site's current docs.json and llms.txt → every output
//! file in memory (MDX pages, the divider snippet, docs.json, llms.txt) and Markdown exports.
//!
//! Pure: no file system access; the writer crate puts the outputs on disk.

pub mod data_snippet;
pub mod divider;
pub mod docs_json;
pub mod emit;
pub mod export;
pub mod frontmatter;
pub mod inserted;
pub mod links;
pub mod llms;
pub mod mermaid;
pub mod model_json;
pub mod page;
pub mod templates;
pub mod title;

use docs_json::DocsJson;
pub use inserted::{Inserted, NavEntry};
use minijinja::Environment;
use personamap_spec::rules::MAX_TEXT;
use personamap_spec::{Diagnostic, FileId, Page, Span, Spec};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Path of docs.json in the site root.
pub const DOCS_JSON: &str = "docs.json";
/// Path of llms.txt in the site root.
pub const LLMS_TXT: &str = "llms.txt";

/// The site files the compiler reads (and merges into).
#[derive(Clone, Debug, Default)]
pub struct SiteInputs {
    /// Text of docs.json, if the site has one.
    pub docs_json: Option<String>,
    /// Text of llms.txt, if the site has one.
    pub llms_txt: Option<String>,
    /// Ids of the pages on disk (`.mdx`/`.md` files, path without extension), for link checks.
    pub pages_on_disk: BTreeSet<String>,
    /// The entries earlier runs inserted into docs.json and llms.txt (from the lock): those
    /// whose page is gone (or moved) are removed.
    pub inserted: Inserted,
    /// Texts of the hand-written snippets the spec uses (a divider with `generate = false`),
    /// by path from the site root; personamap reads them and never writes them.
    pub snippets: BTreeMap<String, String>,
    /// Heading texts of pages on disk that spec links point into with `#anchor`, by page id
    /// (pages not listed here are not checked for anchors).
    pub headings_on_disk: BTreeMap<String, Vec<String>>,
}

/// What an output is, which decides who owns the file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum OutputKind {
    /// An MDX page, wholly generated.
    Page,
    /// A `.jsx` snippet, wholly generated.
    Snippet,
    /// docs.json: the user's file, with the compiler's pages merged in.
    DocsJson,
    /// llms.txt: the user's file (or a new one), with the compiler's entries merged in.
    LlmsTxt,
    /// The spec's JSON Schema, which spec files name in their `#:schema` comment.
    Schema,
    /// A page's Markdown export, as Mintlify serves it at `/{id}.md`: never written.
    Export,
}

impl OutputKind {
    /// Whether the compiler owns the whole file (else it only merges into a user's file).
    pub fn is_generated(self) -> bool {
        emit::of(self).is_some_and(|e| e.ownership() == emit::Ownership::Whole)
    }
}

/// One output file, in memory.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Output {
    /// Path relative to the site root, `/`-separated.
    pub path: String,
    /// Full contents.
    pub contents: String,
    /// What it is.
    pub kind: OutputKind,
}

/// Every output of a compile, in a stable order.
#[derive(Clone, Debug, Default)]
pub struct Outputs {
    /// The files.
    pub files: Vec<Output>,
    /// The entries personamap owns in the docs.json and llms.txt outputs, for the lock.
    pub inserted: Inserted,
}

/// Renders specs. Holds the template environment, and for repeated compiles (watch) the
/// rendered diagrams and pages ([`Compiler::caching`]).
pub struct Compiler {
    env: &'static Environment<'static>,
    flows: Option<mermaid::FlowCache>,
    pages: Option<page::PageCache>,
}

impl Default for Compiler {
    fn default() -> Self {
        Compiler::new()
    }
}

/// The site-wide facts every page needs, read once per compile.
struct SiteFacts {
    name: String,
    summary: String,
}

impl Compiler {
    /// A compiler with the built-in templates, for one compile: each diagram is rendered once
    /// per compile and nothing is kept.
    pub fn new() -> Self {
        Compiler {
            env: templates::shared(),
            flows: None,
            pages: None,
        }
    }

    /// A compiler that keeps every rendered diagram and page with what it was rendered from,
    /// so a later compile renders only the diagrams whose persona, classes or page options
    /// changed, and only the pages whose inputs ([`page::PageCache`]) changed.
    pub fn caching() -> Self {
        Compiler {
            flows: Some(mermaid::FlowCache::default()),
            pages: Some(page::PageCache::default()),
            ..Compiler::new()
        }
    }

    /// The flowchart of `persona` with these options and its length in UTF-16 code units (as
    /// Mermaid counts it), from the cache when kept.
    fn flowchart(
        &self,
        persona: &std::sync::Arc<personamap_spec::Persona>,
        spec: &Spec,
        options: mermaid::FlowOptions,
    ) -> (String, usize) {
        match &self.flows {
            Some(flows) => flows.flowchart(persona, &spec.palette, options),
            None => {
                let text = mermaid::flowchart(persona, &spec.palette, options);
                let size = text.encode_utf16().count();
                (text, size)
            }
        }
    }

    /// Compiles every page of `spec` against the site's current files: every emitter's
    /// pass one ([`emit::Emitter::prepare`]), the link checks, then, without errors, every
    /// emitter's pass two.
    pub fn compile(&self, spec: &Spec, site: &SiteInputs) -> Result<Outputs, Vec<Diagnostic>> {
        let docs_text = site.docs_json.as_deref().ok_or_else(|| {
            vec![
                Diagnostic::error("docs-json", None, "the site root has no docs.json")
                    .with_help("run personamap in a Mintlify site root, or pass --root"),
            ]
        })?;
        let docs = DocsJson::parse(docs_text).map_err(|e| vec![nav_diag(spec, e, None)])?;
        let mut cx = self.emission(spec, site, docs_text, &docs, None);
        let known: BTreeSet<String> = docs
            .pages()
            .into_iter()
            .chain(site.pages_on_disk.iter().cloned())
            .chain(spec.pages.iter().map(|p| p.id.clone()))
            .collect();
        cx.errors.extend(links::check(spec, &known));
        cx.errors.extend(unreadable_prose(spec));
        for e in emit::written() {
            e.prepare(&mut cx);
        }
        // A generated page's headings are read from its text, only where an anchor points.
        let generated: HashMap<&str, &str> = cx
            .files
            .iter()
            .filter(|f| f.kind == OutputKind::Page)
            .map(|f| (f.path.trim_end_matches(".mdx"), f.contents.as_str()))
            .collect();
        let broken = links::check_anchors(spec, |id| match generated.get(id) {
            Some(text) => Some(links::headings(text)),
            None => site.headings_on_disk.get(id).cloned(),
        });
        cx.errors.extend(broken);
        if !cx.errors.is_empty() {
            return Err(cx.errors);
        }
        for e in emit::written() {
            e.emit(&mut cx).map_err(|d| vec![d])?;
        }
        Ok(Outputs {
            files: cx.files,
            inserted: cx.inserted,
        })
    }

    /// The Markdown export of page `id`, as Mintlify serves it at `/{id}.md`.
    pub fn export(
        &self,
        spec: &Spec,
        site: &SiteInputs,
        id: &str,
    ) -> Result<String, Vec<Diagnostic>> {
        let page = spec.page(id).ok_or_else(|| {
            let ids = spec.pages.iter().map(|p| p.id.as_str());
            let mut d =
                Diagnostic::error("unknown-page", None, format!("the spec has no page `{id}`"));
            d = match personamap_spec::diag::suggest(id, ids) {
                Some(s) => d.with_help(format!("did you mean `{s}`?")),
                None => d.with_help(format!(
                    "pages in the spec: {}",
                    spec.pages
                        .iter()
                        .map(|p| p.id.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                )),
            };
            vec![d]
        })?;
        // Without docs.json, no theme: read as an empty one.
        let docs_text = site.docs_json.as_deref().unwrap_or("{}");
        let docs = DocsJson::parse(docs_text).map_err(|e| vec![nav_diag(spec, e, None)])?;
        let mut cx = self.emission(spec, site, docs_text, &docs, Some(&page.id));
        for e in emit::served() {
            e.prepare(&mut cx);
        }
        if !cx.errors.is_empty() {
            return Err(cx.errors);
        }
        for e in emit::served() {
            e.emit(&mut cx).map_err(|d| vec![d])?;
        }
        let export = cx.files.into_iter().find(|f| f.kind == OutputKind::Export);
        export.map(|f| f.contents).ok_or_else(|| {
            vec![Diagnostic::error(
                "compiler-bug",
                None,
                format!("no export of page `{id}` was emitted"),
            )]
        })
    }

    /// A new emission of `spec` on `site` (docs.json as `docs_text`, parsed as `docs`), for a
    /// compile, or for the served outputs of page `request`.
    fn emission<'a>(
        &'a self,
        spec: &'a Spec,
        site: &'a SiteInputs,
        docs_text: &'a str,
        docs: &'a DocsJson<'a>,
        request: Option<&'a str>,
    ) -> emit::Emission<'a> {
        let facts = self.facts(spec, docs);
        emit::Emission {
            compiler: self,
            spec,
            request,
            site,
            docs_text,
            docs,
            docs_out: None,
            name: facts.name,
            summary: facts.summary,
            files: Vec::new(),
            errors: Vec::new(),
            inserted: Inserted::default(),
        }
    }

    /// The diagrams of `page` (one per persona shown, in order), and Mermaid's size limit
    /// applied to them before the page is rendered (and validated, which costs more): a
    /// `diagram-too-long` error per persona past it, with the persona's number.
    pub(crate) fn diagrams(
        &self,
        spec: &Spec,
        page: &Page,
    ) -> (Vec<String>, Vec<(u32, Diagnostic)>) {
        let mut diags = Vec::new();
        let mut diagrams = Vec::new();
        for persona in page.personas.iter().filter_map(|n| spec.shared_persona(*n)) {
            let options = mermaid::FlowOptions::of_persona(page, persona.number);
            let (text, size) = self.flowchart(persona, spec, options);
            if size > MAX_TEXT {
                diags.push((
                    persona.number,
                    Diagnostic::error(
                        "diagram-too-long",
                        Some(persona.span),
                        format!(
                            "the diagram of persona {} is {size} characters long; Mermaid shows an error past {MAX_TEXT}",
                            persona.number
                        ),
                    )
                    .with_help("split the persona, or shorten labels"),
                ));
            }
            diagrams.push(text);
        }
        (diagrams, diags)
    }

    /// The divider snippet of `spec`.
    pub fn divider(&self, spec: &Spec) -> Result<String, Diagnostic> {
        page::divider(self.env, &spec.divider).map_err(template_diag)
    }

    /// The MDX text of one page of `spec`.
    pub fn page(&self, spec: &Spec, page: &Page) -> Result<String, Diagnostic> {
        self.render(spec, page, &self.diagrams(spec, page).0)
    }

    /// The MDX text of `page` with its diagrams already rendered.
    pub(crate) fn render(
        &self,
        spec: &Spec,
        page: &Page,
        diagrams: &[String],
    ) -> Result<String, Diagnostic> {
        match &self.pages {
            Some(pages) => pages.page(self.env, diagrams, spec, page),
            None => page::page(self.env, diagrams, spec, page),
        }
        .map_err(template_diag)
    }

    fn facts(&self, spec: &Spec, docs: &DocsJson) -> SiteFacts {
        let name = docs
            .string("name")
            .or_else(|| spec.site.name.clone())
            .unwrap_or_else(|| "Documentation".into());
        let summary = docs
            .string("description")
            .or_else(|| spec.site.description.clone())
            .unwrap_or_else(|| format!("Documentation for {name}."));
        SiteFacts { name, summary }
    }
}

/// A located error for every prose field markdown-rs cannot read (it would fail the page's
/// check as a bug of personamap): the author can close the code block that trips it.
fn unreadable_prose(spec: &Spec) -> Vec<Diagnostic> {
    let pages = spec.pages.iter().flat_map(|page| {
        [("intro", &page.intro), ("closing", &page.closing)]
            .into_iter()
            .map(move |(field, text)| (format!("the page's {field}"), text, page.span))
            .chain(page.related.iter().map(|r| {
                (
                    "a related card's description".to_string(),
                    &r.description,
                    r.span,
                )
            }))
    });
    let personas = spec
        .personas
        .iter()
        .map(|p| (format!("persona {}'s intro", p.number), &p.intro, p.span));
    pages
        .chain(personas)
        .filter_map(|(field, text, span)| {
            let why = personamap_syntax::mdx::prose_unreadable(text.as_deref()?)?;
            Some(
                Diagnostic::error("markdown-unreadable", Some(span), format!("{field}: {why}"))
                    .with_help(
                        "close each code block (``` or ~~~ on its own line, indented like the item's text) before the list item it is in ends",
                    ),
            )
        })
        .collect()
}

/// The site files a compile's diagnostics may point into besides the spec files, in the
/// order their ids follow the spec files' (see [`site_file`]): docs.json, and the divider
/// snippet when it is hand-written. (No diagnostic points into llms.txt or a page.)
pub fn site_files(spec: &Spec) -> Vec<&str> {
    let divider = (!spec.divider.generate).then_some(spec.divider.path.as_str());
    std::iter::once(DOCS_JSON).chain(divider).collect()
}

/// The id of site file `path` among a compile's files: after the spec's files, in the order of
/// [`site_files`] (the driver's `Compilation::sources` holds them so).
pub fn site_file(spec: &Spec, path: &str) -> Option<FileId> {
    let i = site_files(spec).iter().position(|p| *p == path)?;
    Some(FileId((spec.sources.len() + i) as u32))
}

/// A docs.json problem as a diagnostic: `navigation` at the page's `navigation` when it is
/// about a page's navigation path, else `docs-json` at its place in docs.json.
pub(crate) fn nav_diag(spec: &Spec, e: docs_json::NavError, page: Option<&Page>) -> Diagnostic {
    let docs = site_file(spec, DOCS_JSON);
    let in_docs = |range: std::ops::Range<usize>| docs.map(|f| Span::new(f, range));
    let (rule, mut span) = match page {
        Some(p) => ("navigation", Some(p.navigation_span)),
        None => ("docs-json", e.at.clone().and_then(in_docs)),
    };
    // A name the navigation path lacks: at its string in `navigation`, with a fix per near
    // name.
    let missing = page.zip(e.missing.as_ref()).and_then(|(p, (depth, near))| {
        let text = &spec.sources.file(p.navigation_span.file).text;
        let array = p.navigation_span.start as usize..p.navigation_span.end as usize;
        let element = personamap_spec::source::string_elements(text, array)
            .get(*depth)?
            .clone();
        Some((
            text,
            Span::new(p.navigation_span.file, element),
            p.navigation.get(*depth)?,
            near,
        ))
    });
    if let Some((_, at, _, _)) = &missing {
        span = Some(*at);
    }
    let mut d = Diagnostic::error(rule, span, e.message);
    d.help = e.help;
    if let Some((text, at, name, near)) = missing {
        for n in near {
            if let Some(edit) = personamap_spec::diag::Edit::value(text, at, name, n) {
                d = d.with_fix(format!("replace with `{n}`"), vec![edit]);
            }
        }
    }
    if let Some((range, message)) = e.related
        && let Some(span) = in_docs(range)
    {
        d = d.with_related(span, message);
    }
    // Already listed in another group: `navigation` names that one.
    if let (Some(p), Some(group)) = (page, e.listed_under) {
        let names: Vec<String> = group
            .iter()
            .map(|n| personamap_spec::source::toml_basic_string(n))
            .collect();
        let array = format!("[{}]", names.join(", "));
        d = d.with_fix(
            format!("write `navigation = {array}`"),
            vec![personamap_spec::Edit::new(p.navigation_span, array)],
        );
    }
    d
}

fn template_diag(e: minijinja::Error) -> Diagnostic {
    Diagnostic::error("template", None, format!("template error: {e:#}"))
}
