//! The preview's one compile step: the spec on disk → the MDX pages `generate` would write and
//! every diagnostic `generate` would print (load, compile, the writer's plan, output checks).
//! With `write`, the outputs also go to disk through the one writer, as `generate` writes them.
//!
//! The only module that compiles, through the shared driver (`personamap_driver`), as every
//! command does: the preview shows what `generate` writes and `check` reports, by construction.

use personamap_driver::{Driver, Site, Validate};
use personamap_render::OutputKind;
use personamap_spec::{Diagnostic, Severity, Sources, Spec};
use personamap_write::Writer;
use std::path::Path;

/// One diagnostic, located and ready to show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diag {
    /// An error (else a warning).
    pub error: bool,
    /// The rule, e.g. `unknown-node`.
    pub rule: String,
    /// `file:line:col` in the spec, when located.
    pub place: Option<String>,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub help: Option<String>,
    /// The persona whose map the diagnostic concerns: it is shown beside that map.
    pub persona: Option<u32>,
    /// The page it concerns, when it is about one page's map of the persona.
    pub page: Option<String>,
}

/// A page as `generate` would write it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Page {
    /// Page id, e.g. `v2/developers/concepts/infra-stack`.
    pub id: String,
    /// Frontmatter title.
    pub title: String,
    /// Frontmatter description.
    pub description: String,
    /// The MDX text.
    pub mdx: String,
    /// The personas whose maps the page shows, in order.
    pub personas: Vec<u32>,
    /// The divider component's name.
    pub divider: String,
}

/// What one compile produced.
#[derive(Clone, Debug, Default)]
pub struct Snapshot {
    /// Every page, in spec order; empty when the compile failed.
    pub pages: Vec<Page>,
    /// Every diagnostic, sorted by file and position.
    pub diagnostics: Vec<Diag>,
    /// The writes done (with `write`), as `generate` prints them: `update PATH`.
    pub written: Vec<String>,
}

impl Snapshot {
    /// Whether the compile failed (its pages are not to be shown).
    pub fn failed(&self) -> bool {
        self.diagnostics.iter().any(|d| d.error)
    }
}

/// The compile state kept between rebuilds: the driver (its memos) and the site on disk.
pub struct Builder {
    driver: Driver,
    site: Site,
    /// The site-relative files the last compile read.
    read: Vec<String>,
}

impl Builder {
    /// A builder for the site at `root`.
    pub fn new(root: &Path) -> Self {
        Builder {
            driver: Driver::new(),
            site: Site::on_disk(root),
            read: Vec::new(),
        }
    }

    /// The site-relative files the last compile read (what a watcher must follow).
    pub fn read_files(&self) -> impl Iterator<Item = &str> {
        self.read.iter().map(String::as_str)
    }

    /// Compiles the site; with `write`, writes the outputs that changed.
    pub fn compile(&mut self, write: bool) -> Snapshot {
        let snapshot = self.compile_once(write);
        self.read = self.site.take_reads().files().map(str::to_string).collect();
        snapshot
    }

    fn compile_once(&mut self, write: bool) -> Snapshot {
        match self.try_compile(write) {
            Ok(snapshot) => snapshot,
            Err(message) => Snapshot {
                diagnostics: vec![Diag {
                    error: true,
                    rule: "io".into(),
                    place: None,
                    message,
                    help: None,
                    persona: None,
                    page: None,
                }],
                ..Snapshot::default()
            },
        }
    }

    fn try_compile(&mut self, write: bool) -> Result<Snapshot, String> {
        // What `generate` checks: the outputs it would write.
        let compiled = self.driver.compile(&self.site, Validate::Written)?;
        let mut written = Vec::new();
        if write
            && !compiled.has_errors()
            && let (Some(plan), Some(root)) = (&compiled.plan, self.site.root())
            && !plan.is_empty()
        {
            let writer = Writer::new(root).map_err(|e| format!("{}: {e}", root.display()))?;
            let wait = std::time::Duration::from_millis(personamap_write::run_lock::wait_ms());
            let _run = writer.acquire(wait).map_err(|e| e.to_string())?;
            writer.apply(plan).map_err(|e| e.to_string())?;
            written = plan
                .iter()
                .map(|c| format!("{} {}", verb(&c.action), c.path))
                .collect();
        }
        let spec = compiled.loaded.spec.as_ref();
        let pages = match (&compiled.outputs, spec) {
            (Some(outputs), Some(spec)) if !compiled.has_errors() => {
                page_views(spec, &outputs.files)
            }
            _ => Vec::new(),
        };
        let diagnostics = compiled
            .diagnostics
            .iter()
            .map(|d| diag(compiled.sources(), spec, d))
            .collect();
        Ok(Snapshot {
            pages,
            diagnostics,
            written,
        })
    }
}

fn verb(action: &personamap_write::Action) -> &'static str {
    match action {
        personamap_write::Action::Create(_) => "create",
        personamap_write::Action::Update(_) => "update",
        personamap_write::Action::Delete => "delete",
    }
}

/// The pages among `files`, with what the preview shows around them.
fn page_views(spec: &Spec, files: &[personamap_render::Output]) -> Vec<Page> {
    spec.pages
        .iter()
        .filter_map(|p| {
            let path = format!("{}.mdx", p.id);
            let file = files
                .iter()
                .find(|f| f.kind == OutputKind::Page && f.path == path)?;
            Some(Page {
                id: p.id.clone(),
                title: p.title.clone(),
                description: p.description.clone(),
                mdx: file.contents.clone(),
                personas: p.personas.clone(),
                divider: spec.divider.component.clone(),
            })
        })
        .collect()
}

/// `d` located: its place, and the map it concerns: the persona whose table holds it, or
/// for a page's warning about one map ("the map of persona N on page `ID`"), that map.
fn diag(sources: &Sources, spec: Option<&Spec>, d: &Diagnostic) -> Diag {
    let place = d.span.map(|span| {
        let (line, col) = sources.line_col(span);
        format!("{}:{line}:{col}", sources.file(span.file).path)
    });
    let in_table = d.span.and_then(|span| persona_at(spec?, span));
    let (persona, page) = match (in_table, map_of(&d.message)) {
        (Some(n), _) => (Some(n), None),
        (None, Some((n, page))) => (Some(n), Some(page)),
        (None, None) => (d.persona, None),
    };
    Diag {
        error: d.severity == Severity::Error,
        rule: d.rule.to_string(),
        place,
        message: d.message.clone(),
        help: d.help.clone(),
        persona,
        page,
    }
}

/// The persona whose table holds `span`: the last `[[persona]]` header before it in its file,
/// with no `[[page]]` header between them.
fn persona_at(spec: &Spec, span: personamap_spec::Span) -> Option<u32> {
    let before = |start: u32, file| file == span.file && start <= span.start;
    let persona = spec
        .personas
        .iter()
        .filter(|p| before(p.span.start, p.span.file))
        .max_by_key(|p| p.span.start)?;
    let page_between = spec
        .pages
        .iter()
        .any(|p| before(p.span.start, p.span.file) && p.span.start > persona.span.start);
    (!page_between).then_some(persona.number)
}

/// The persona and page of a message about one page's map: "the map of persona N on page
/// `ID`".
fn map_of(message: &str) -> Option<(u32, String)> {
    let rest = message.split_once("the map of persona ")?.1;
    let (number, rest) = rest.split_once(" on page `")?;
    let (page, _) = rest.split_once('`')?;
    Some((number.parse().ok()?, page.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn warnings_name_the_map_they_concern() {
        // This repository's site, read only (nothing is written without `write`).
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let snapshot = Builder::new(&root).compile(false);
        assert!(!snapshot.failed(), "{:?}", snapshot.diagnostics);
        assert_eq!(snapshot.pages.len(), 2);
        let find = |rule: &str, place: &str| {
            snapshot
                .diagnostics
                .iter()
                .find(|d| {
                    d.rule == rule && d.place.as_deref().is_some_and(|p| p.starts_with(place))
                })
                .unwrap_or_else(|| panic!("no {rule} at {place}: {:?}", snapshot.diagnostics))
        };
        // In a persona's edges, far below its `[[persona]]` header.
        let misread = find("mermaid-misread", "personas/p1-ai.toml:");
        assert_eq!((misread.persona, misread.page.as_deref()), (Some(1), None));
        let classes = find("distinct-classes", "personas/p5-protocol.toml:");
        assert_eq!(classes.persona, Some(5));
        // At a `[[page]]` table, about one of its maps.
        let small = find("small-labels", "personas/infra-stack-linked.toml:");
        assert!(small.persona.is_some());
        assert_eq!(
            small.page.as_deref(),
            Some("v2/developers/concepts/infra-stack-linked")
        );
        assert!(snapshot.written.is_empty());
    }

    #[test]
    fn a_page_warning_names_its_map() {
        assert_eq!(
            super::map_of("the map of persona 3 on page `a/b` is about 1353 px wide"),
            Some((3, "a/b".to_string()))
        );
        assert_eq!(super::map_of("persona 3 draws classes"), None);
    }
}
