//! The watch loop, the IO edge of incremental builds: file events in (debounced), inputs read,
//! the [`Engine`] asked to rebuild, outputs written through the one [`Writer`], one line out.
//!
//! A save is complete when its file is closed after writing (inotify's close-write) or renamed
//! into place: after such an event on an input, the loop waits only [`COALESCE`] for the rest
//! of a burst. After any other event (a plain write or create, from a tool that does not close,
//! or a rename away, as vim's save begins) it waits the debounce. Each event sets the wait from
//! itself; events on paths that are neither inputs nor pages (editor scratch files) set none.
//!
//! No self-triggering: the engine's inputs are compared with the bytes on disk, and after a
//! build the engine holds the docs.json and llms.txt it produced, so an event caused by the
//! tool's own write reads back as "unchanged" and is dropped. A user's edit of those files
//! differs from what the tool wrote and is rebuilt like any other.

use crate::engine::{Engine, Rebuild};
use crate::filter::{Filter, Input};
use notify::event::{AccessKind, AccessMode, ModifyKind, RenameMode};
use notify::{Event, EventKind, RecursiveMode, Watcher as _};
use personamap_render::{DOCS_JSON, Inserted, LLMS_TXT, Output, SiteInputs};
use personamap_spec::{Diagnostic, SPEC_DIR, Severity, Sources, TextFile};
use personamap_write::{Action, FileOut, Writer};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::{Duration, Instant};

/// The default debounce in milliseconds (see the README's "Choosing the debounce").
pub const DEFAULT_DEBOUNCE_MS: u64 = 30;

/// How long the loop waits after a complete save (a close after writing, a rename into place)
/// for more events of the same burst (several files saved at once, vim removing its backup).
pub const COALESCE: Duration = Duration::from_millis(3);

/// What the loop tells its caller.
#[derive(Debug)]
pub enum Report<'a> {
    /// One line for the first build or a rebuild.
    Line(String),
    /// Diagnostics of a build, printed before its line.
    Diagnostics {
        /// The files they point into.
        sources: &'a Sources,
        /// The diagnostics.
        diagnostics: &'a [Diagnostic],
    },
    /// A problem outside the spec (a file that cannot be read or written, a watch error).
    Error(String),
}

enum Message {
    Event(notify::Result<Event>),
    Stop,
}

/// Ends a running [`Watch`] from another thread (a signal handler).
#[derive(Clone)]
pub struct Stopper(Sender<Message>);

impl Stopper {
    /// Asks the loop to return after the rebuild in progress, if any.
    pub fn stop(&self) {
        let _ = self.0.send(Message::Stop);
    }
}

/// Lists the ids of the pages on disk under a site root, as `generate` does (so that links to
/// them resolve).
pub type PageLister = fn(&Path) -> BTreeSet<String>;

/// A watched site.
pub struct Watch {
    root: PathBuf,
    writer: Writer,
    engine: Engine,
    filter: Filter,
    debounce: Duration,
    /// Spec paths skipped at start (not regular files), reported by the first build.
    skipped: Vec<Diagnostic>,
    messages: Receiver<Message>,
    sender: Sender<Message>,
    pages: PageLister,
    /// Folders watched for pages being created or removed.
    page_dirs: BTreeSet<PathBuf>,
    // Held for its watches; dropping it stops the events.
    watcher: notify::RecommendedWatcher,
}

impl Watch {
    /// Starts watching the site at `root` (before the first build, so no save is missed).
    /// `site` holds the site files the compiler reads, as `generate` reads them; `pages` lists
    /// the pages on disk again when a page file or folder is created or removed.
    pub fn start(
        root: &Path,
        debounce: Duration,
        site: SiteInputs,
        pages: PageLister,
    ) -> Result<Self, String> {
        let writer = Writer::new(root).map_err(|e| format!("{}: {e}", root.display()))?;
        let root = writer.root().to_path_buf();
        let spec_dir = root.join(SPEC_DIR);
        let (sources, skipped) = personamap_spec::read_spec_dir_warn(&root)
            .map_err(|e| format!("cannot read the spec in {}: {e}", spec_dir.display()))?;
        let (sender, messages) = channel();
        let events = sender.clone();
        let mut watcher = notify::recommended_watcher(move |r| {
            let _ = events.send(Message::Event(r));
        })
        .map_err(|e| format!("cannot watch {}: {e}", root.display()))?;
        watcher
            .watch(&spec_dir, RecursiveMode::Recursive)
            .map_err(|e| format!("cannot watch {}: {e}", spec_dir.display()))?;
        watcher
            .watch(&root, RecursiveMode::NonRecursive)
            .map_err(|e| format!("cannot watch {}: {e}", root.display()))?;
        let files = sources.iter().map(|(_, f)| f.clone()).collect();
        let mut watch = Watch {
            filter: Filter::new(&root),
            engine: Engine::new(files, site),
            root,
            writer,
            debounce,
            skipped,
            messages,
            sender,
            pages,
            page_dirs: BTreeSet::new(),
            watcher,
        };
        let root = watch.root.clone();
        watch.watch_page_dirs(&root)?;
        Ok(watch)
    }

    /// Watches `dir` and every folder under it that can hold pages (one non-recursive watch
    /// each, skipping what `.gitignore` excludes, hidden folders, `node_modules`, `snippets/`
    /// and the spec folder, which has its own watch).
    fn watch_page_dirs(&mut self, dir: &Path) -> Result<(), String> {
        let root = self.root.clone();
        let walk = ignore::WalkBuilder::new(dir)
            .filter_entry(move |e| {
                let rel = e.path().strip_prefix(&root).unwrap_or(e.path());
                !matches!(
                    rel.components().next().and_then(|c| c.as_os_str().to_str()),
                    Some(SPEC_DIR | "snippets" | "node_modules")
                ) && e.file_name() != "node_modules"
            })
            .build();
        for entry in walk.flatten() {
            let path = entry.path();
            if !entry.file_type().is_some_and(|t| t.is_dir()) || path == self.root {
                continue;
            }
            if self.page_dirs.insert(path.to_path_buf()) {
                self.watcher
                    .watch(path, RecursiveMode::NonRecursive)
                    .map_err(|e| format!("cannot watch {}: {e}", path.display()))?;
            }
        }
        Ok(())
    }

    /// After events on `paths`: when a page file appeared or went, or a folder did, watches
    /// new folders and lists the pages again. Returns a note for the rebuild line when the
    /// pages on disk changed what a build can produce.
    fn refresh_pages(
        &mut self,
        paths: &BTreeSet<PathBuf>,
        report: &mut dyn FnMut(Report),
    ) -> Option<String> {
        let mut relist = false;
        for path in paths {
            let Ok(rel) = path.strip_prefix(&self.root) else {
                continue;
            };
            if rel.starts_with(SPEC_DIR) || rel.components().count() == 0 {
                continue;
            }
            let is_dir = path.is_dir();
            if is_dir {
                let dir = path.clone();
                if let Err(e) = self.watch_page_dirs(&dir) {
                    report(Report::Error(e));
                }
                relist = true;
                continue;
            }
            match path.extension().and_then(|e| e.to_str()) {
                Some("mdx" | "md") => {
                    let id = rel
                        .with_extension("")
                        .components()
                        .map(|c| c.as_os_str().to_string_lossy().into_owned())
                        .collect::<Vec<_>>()
                        .join("/");
                    relist |= path.exists() != self.engine.site().pages_on_disk.contains(&id);
                }
                // A folder that was removed (its watches go with it).
                None => relist |= self.page_dirs.remove(path.as_path()),
                Some(_) => {}
            }
        }
        if !relist {
            return None;
        }
        let pages = (self.pages)(&self.root);
        let before = self.engine.site().pages_on_disk.len();
        let after = pages.len();
        self.engine
            .set_pages_on_disk(pages)
            .then(|| format!("pages on disk ({before} -> {after})"))
    }

    /// A handle that stops [`Watch::run`].
    pub fn stopper(&self) -> Stopper {
        Stopper(self.sender.clone())
    }

    /// Builds everything, then rebuilds on every change until stopped.
    pub fn run(mut self, report: &mut dyn FnMut(Report)) {
        let start = Instant::now();
        if !self.skipped.is_empty() {
            report(Report::Diagnostics {
                sources: &Sources::default(),
                diagnostics: &self.skipped,
            });
        }
        let built = self.build(report);
        report(Report::Line(format!(
            "watch: {built} ({} ms); watching {SPEC_DIR}/, {DOCS_JSON} and {LLMS_TXT} (debounce {} ms)",
            start.elapsed().as_millis(),
            self.debounce.as_millis()
        )));
        while let Some(paths) = self.next_burst(report) {
            let start = Instant::now();
            let mut changed = self.read_inputs(&paths, report);
            changed.extend(self.refresh_pages(&paths, report));
            if changed.is_empty() {
                continue;
            }
            let built = self.build(report);
            report(Report::Line(format!(
                "rebuild: {} changed -> {built} ({} ms)",
                changed.join(", "),
                start.elapsed().as_millis()
            )));
        }
    }

    /// Waits for the next burst of events and returns the paths they name; `None` once
    /// stopped. The burst ends when no event came for the wait the last one set (see the
    /// module's documentation).
    fn next_burst(&mut self, report: &mut dyn FnMut(Report)) -> Option<BTreeSet<PathBuf>> {
        let mut paths = BTreeSet::new();
        let mut deadline: Option<Instant> = None;
        loop {
            let message = match deadline {
                None => self.messages.recv().ok()?,
                Some(at) => {
                    match self
                        .messages
                        .recv_timeout(at.saturating_duration_since(Instant::now()))
                    {
                        Ok(m) => m,
                        Err(_) => return Some(paths),
                    }
                }
            };
            let event = match message {
                Message::Stop => return None,
                Message::Event(Err(e)) => {
                    report(Report::Error(format!("watch: {e}")));
                    continue;
                }
                Message::Event(Ok(event)) => event,
            };
            let wait = if self.completes_save(&event) {
                COALESCE
            } else if matches!(event.kind, EventKind::Access(_)) {
                // Opens, reads and other closes (the tool's own reads among them).
                continue;
            } else if self.is_relevant(&event) || deadline.is_none() {
                self.debounce
            } else {
                // Scratch files (vim removing its backup) do not stretch a burst.
                paths.extend(event.paths);
                continue;
            };
            paths.extend(event.paths);
            deadline = Some(Instant::now() + wait);
        }
    }

    /// Whether `event` ends a save of an input: the file closed after writing, or renamed into
    /// place (the new name is the last path).
    fn completes_save(&self, event: &Event) -> bool {
        let done = matches!(
            event.kind,
            EventKind::Access(AccessKind::Close(AccessMode::Write))
                | EventKind::Modify(ModifyKind::Name(RenameMode::To | RenameMode::Both))
        );
        done && event
            .paths
            .last()
            .and_then(|p| p.strip_prefix(&self.root).ok())
            .is_some_and(|rel| self.filter.classify(rel).is_some())
    }

    /// Whether `event` touches an input, a page or a folder (what a rebuild or the page list
    /// reads), rather than only scratch files.
    fn is_relevant(&self, event: &Event) -> bool {
        event.paths.iter().any(|p| {
            let Ok(rel) = p.strip_prefix(&self.root) else {
                return false;
            };
            self.filter.classify(rel).is_some()
                || p.is_dir()
                || self.page_dirs.contains(p)
                || matches!(
                    p.extension().and_then(|e| e.to_str()),
                    Some("mdx" | "md") | None
                )
        })
    }

    /// Reads the inputs behind `paths` into the engine; returns those that changed.
    fn read_inputs(
        &mut self,
        paths: &BTreeSet<PathBuf>,
        report: &mut dyn FnMut(Report),
    ) -> Vec<String> {
        let mut inputs = BTreeSet::new();
        for path in paths {
            let Ok(rel) = path.strip_prefix(&self.root) else {
                continue;
            };
            match self.filter.classify(rel) {
                Some(Input::SpecDir(dir)) => {
                    // A folder created, moved or removed: every spec file in or under it.
                    let prefix = format!("{dir}/");
                    inputs.extend(
                        self.engine
                            .spec_paths()
                            .filter(|p| p.starts_with(&prefix))
                            .map(|p| Input::Spec(p.to_string())),
                    );
                    if path.is_dir() {
                        for entry in ignore::WalkBuilder::new(path).build().flatten() {
                            if let Ok(rel) = entry.path().strip_prefix(&self.root)
                                && let Some(input @ Input::Spec(_)) = self.filter.classify(rel)
                            {
                                inputs.insert(input);
                            }
                        }
                    }
                }
                Some(input) => {
                    inputs.insert(input);
                }
                None => {}
            }
        }
        let mut changed = Vec::new();
        for input in inputs {
            let rel = match &input {
                Input::Spec(p) => p.as_str(),
                Input::DocsJson => DOCS_JSON,
                Input::LlmsTxt => LLMS_TXT,
                Input::SpecDir(_) => continue,
            };
            let path = self.root.join(rel);
            let read = match &input {
                Input::Spec(_) => personamap_spec::read_spec_text(&path, rel),
                _ => personamap_spec::read_site_text(&path, rel),
            };
            let text = match read {
                Ok(TextFile::Text(t)) => Some(t),
                Ok(TextFile::Missing) => None,
                // Never opened for reading (a FIFO would block): a spec file is skipped.
                Ok(TextFile::NotRegular(what)) if matches!(input, Input::Spec(_)) => {
                    report(Report::Diagnostics {
                        sources: &Sources::default(),
                        diagnostics: &[personamap_spec::read::skipped(rel, what)],
                    });
                    None
                }
                Ok(TextFile::NotRegular(what)) => {
                    report(Report::Error(format!(
                        "{rel} is {what}, not a regular file"
                    )));
                    continue;
                }
                Err(e) => {
                    report(Report::Error(e.to_string()));
                    continue;
                }
            };
            let gone = text.is_none();
            let did = match &input {
                Input::Spec(p) => self.engine.set_spec_file(p, text),
                Input::DocsJson => self.engine.set_docs_json(text),
                _ => self.engine.set_llms_txt(text),
            };
            if did {
                changed.push(if gone {
                    format!("{rel} (deleted)")
                } else {
                    rel.to_string()
                });
            }
        }
        changed
    }

    /// Rebuilds and writes; returns the second half of the line.
    fn build(&mut self, report: &mut dyn FnMut(Report)) -> String {
        match self.engine.rebuild() {
            Rebuild::Nothing => "nothing to do".into(),
            Rebuild::Failed {
                sources,
                diagnostics,
            } => {
                report(Report::Diagnostics {
                    sources,
                    diagnostics: &diagnostics,
                });
                let errors = diagnostics
                    .iter()
                    .filter(|d| d.severity == Severity::Error)
                    .count();
                format!("{errors} error(s); kept the last good outputs")
            }
            Rebuild::Built(built) => {
                if !built.warnings.is_empty() {
                    report(Report::Diagnostics {
                        sources: built.sources,
                        diagnostics: &built.warnings,
                    });
                }
                let rendered = built.pages_rendered;
                // Nothing new in memory: the disk already holds these outputs.
                if built.changed.is_empty() {
                    return format!("rendered {rendered} page(s), no output changed");
                }
                match write(&self.writer, built.outputs, built.inserted) {
                    Ok(line) => line,
                    Err(e) => {
                        report(Report::Error(e));
                        "nothing was written".into()
                    }
                }
            }
        }
    }
}

/// Writes every output that differs from the disk; describes what was written.
fn write(writer: &Writer, outputs: &[Output], inserted: &Inserted) -> Result<String, String> {
    let files = FileOut::all(outputs);
    // Held while planning and writing, so that a `generate` on the same root waits.
    let wait = std::time::Duration::from_millis(personamap_write::run_lock::wait_ms());
    let _run = writer
        .acquire(wait)
        .map_err(|e| format!("error[write]: {e}"))?;
    let plan = writer.plan_with(&files, inserted).map_err(|errors| {
        errors
            .iter()
            .map(|e| format!("error[write]: {e}"))
            .collect::<Vec<_>>()
            .join("\n")
    })?;
    writer
        .apply(&plan)
        .map_err(|e| format!("error[write]: {e}"))?;
    let (deleted, written): (Vec<_>, Vec<_>) = plan
        .iter()
        .filter(|c| c.path != personamap_write::MANIFEST)
        .partition(|c| c.action == Action::Delete);
    let list = |cs: &[&personamap_write::Change]| {
        cs.iter()
            .map(|c| c.path.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    Ok(match (written.is_empty(), deleted.is_empty()) {
        (true, true) => "no output changed".into(),
        (false, true) => format!("wrote {}", list(&written)),
        (true, false) => format!("deleted {}", list(&deleted)),
        (false, false) => format!("wrote {}; deleted {}", list(&written), list(&deleted)),
    })
}
