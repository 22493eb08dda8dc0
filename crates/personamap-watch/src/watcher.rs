//! The watch loop, the IO edge of `watch`: file events in (debounced), the site compiled again
//! through the driver when an input it read changed, the plan written through the one
//! [`Writer`], one line out.
//!
//! A save is complete when its file is closed after writing (inotify's close-write) or renamed
//! into place: after such an event on an input, the loop waits only [`COALESCE`] for the rest
//! of a burst. Where the system reports closes (Linux), an input created, truncated or written
//! but not yet closed is a save under way: the loop waits [`UNCLOSED`] for its close, which
//! ends the wait at once, so the empty file between a save's truncate and its write is never
//! built, however slow the writer. After any other event (a rename away, as vim's save begins,
//! a removal; elsewhere also a write) it waits the debounce. Each event sets the wait from
//! itself; events on paths that are neither inputs nor pages (editor scratch files) set none.
//!
//! A rebuild is a fresh compile: the driver reads every input again and memoises on their
//! contents, so a rebuild equals `personamap generate` by construction. Events only decide
//! when to look: after a burst, the inputs the last compile read ([`Reads`]) are compared with
//! the site, and nothing is built unless one differs. After writing, the written files are
//! recorded as read, so the tool's own writes are no change; a user's edit of any input (a
//! spec file, docs.json, llms.txt, the divider snippet, a page, a generated output) is.

use crate::filter::Filter;
use notify::event::{AccessKind, AccessMode, CreateKind, ModifyKind, RenameMode};
use notify::{Event, EventKind, RecursiveMode, Watcher as _};
use personamap_driver::{Compilation, Driver, Reads, Site, Validate};
use personamap_render::{DOCS_JSON, LLMS_TXT};
use personamap_spec::{Diagnostic, SPEC_DIR, Severity, Sources};
use personamap_write::{Action, Writer};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::{Duration, Instant};

/// The default debounce in milliseconds (see the README's "Choosing the debounce").
pub const DEFAULT_DEBOUNCE_MS: u64 = 30;

/// How long the loop waits after a complete save (a close after writing, a rename into place)
/// for more events of the same burst (several files saved at once, vim removing its backup).
pub const COALESCE: Duration = Duration::from_millis(3);

/// How long the loop waits for the close of an input created or written and still open (a
/// save under way; its close ends the wait) before it builds anyway (a tool that keeps the file
/// open). Used only where the system reports closes ([`REPORTS_CLOSES`]).
pub const UNCLOSED: Duration = Duration::from_secs(3);

/// Whether the system reports a file's close after writing (inotify does).
pub const REPORTS_CLOSES: bool = cfg!(any(target_os = "linux", target_os = "android"));

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

/// A watched site.
pub struct Watch {
    root: PathBuf,
    writer: Writer,
    site: Site,
    driver: Driver,
    /// What the last compile read; `None` before the first build and after a panic (then any
    /// event rebuilds).
    reads: Option<Reads>,
    filter: Filter,
    debounce: Duration,
    messages: Receiver<Message>,
    sender: Sender<Message>,
    /// Folders watched for pages being created or removed.
    page_dirs: BTreeSet<PathBuf>,
    /// The files the last compile read (absolute), and the folders watched for them beyond
    /// `personas/`, the root and the page folders (a hand-written snippet's).
    inputs: BTreeSet<PathBuf>,
    input_dirs: BTreeSet<PathBuf>,
    // Held for its watches; dropping it stops the events.
    watcher: notify::RecommendedWatcher,
}

impl Watch {
    /// Starts watching the site at `root` (before the first build, so no save is missed).
    pub fn start(root: &Path, debounce: Duration) -> Result<Self, String> {
        let writer = Writer::new(root).map_err(|e| format!("{}: {e}", root.display()))?;
        let root = writer.root().to_path_buf();
        let spec_dir = root.join(SPEC_DIR);
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
        let mut watch = Watch {
            filter: Filter::new(&root),
            site: Site::on_disk(&root),
            driver: Driver::new(),
            reads: None,
            root,
            writer,
            debounce,
            messages,
            sender,
            page_dirs: BTreeSet::new(),
            inputs: BTreeSet::new(),
            input_dirs: BTreeSet::new(),
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

    /// After events on `paths`: watches the folders among them that are new, so pages created
    /// in them are seen, and forgets those that went (their watches went with them).
    fn watch_new_dirs(&mut self, paths: &BTreeSet<PathBuf>, report: &mut dyn FnMut(Report)) {
        for path in paths {
            let Ok(rel) = path.strip_prefix(&self.root) else {
                continue;
            };
            if rel.starts_with(SPEC_DIR) || rel.components().count() == 0 {
                continue;
            }
            if path.is_dir() {
                let dir = path.clone();
                if let Err(e) = self.watch_page_dirs(&dir) {
                    report(Report::Error(e));
                }
            } else if !path.exists() {
                self.page_dirs.remove(path.as_path());
            }
        }
    }

    /// Watches the folder of every file in `reads` that no watch covers yet, so that an edit
    /// of any input the compile read (a hand-written divider snippet under `snippets/`, say)
    /// is seen.
    fn watch_inputs(&mut self, reads: &Reads, report: &mut dyn FnMut(Report)) {
        self.inputs = reads.files().map(|p| self.root.join(p)).collect();
        let spec_dir = self.root.join(SPEC_DIR);
        let dirs: BTreeSet<PathBuf> = self
            .inputs
            .iter()
            .filter_map(|p| p.parent())
            .filter(|d| *d != self.root && !d.starts_with(&spec_dir) && d.is_dir())
            .filter(|d| !self.page_dirs.contains(*d) && !self.input_dirs.contains(*d))
            .map(Path::to_path_buf)
            .collect();
        for dir in dirs {
            match self.watcher.watch(&dir, RecursiveMode::NonRecursive) {
                Ok(()) => {
                    self.input_dirs.insert(dir);
                }
                Err(e) => report(Report::Error(format!(
                    "cannot watch {}: {e}",
                    dir.display()
                ))),
            }
        }
    }

    /// A handle that stops [`Watch::run`].
    pub fn stopper(&self) -> Stopper {
        Stopper(self.sender.clone())
    }

    /// Builds everything, then rebuilds on every change until stopped.
    pub fn run(mut self, report: &mut dyn FnMut(Report)) {
        let start = Instant::now();
        let built = self.build(report);
        report(Report::Line(format!(
            "watch: {built} ({} ms); watching {SPEC_DIR}/, {DOCS_JSON} and {LLMS_TXT} (debounce {} ms)",
            start.elapsed().as_millis(),
            self.debounce.as_millis()
        )));
        while let Some(paths) = self.next_burst(report) {
            self.watch_new_dirs(&paths, report);
            if let Some(line) = self.update(report) {
                report(Report::Line(line));
            }
        }
    }

    /// What the loop does after a burst of events: compiles and writes when an input the last
    /// compile read changed (or there was no good compile to compare with), and returns the
    /// rebuild line; `None` when nothing changed. Tests call it to step the loop without events.
    pub fn update(&mut self, report: &mut dyn FnMut(Report)) -> Option<String> {
        let start = Instant::now();
        let changed = match &self.reads {
            Some(reads) => {
                let (changed, read) = reads.changes_reading(&self.site);
                // The rebuild below compiles the spec files just read, not a second reading.
                if !changed.is_empty() {
                    self.site.give_spec_files(read);
                }
                changed
            }
            None => vec!["(after a failed rebuild) the site".to_string()],
        };
        if changed.is_empty() {
            return None;
        }
        let built = self.build(report);
        Some(format!(
            "rebuild: {} changed -> {built} ({} ms)",
            changed.join(", "),
            start.elapsed().as_millis()
        ))
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
            } else if REPORTS_CLOSES && self.opens_save(&event) {
                UNCLOSED
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
        done && event.paths.last().is_some_and(|p| self.is_input(p))
    }

    /// Whether `event` starts or continues a save of an input that its close will complete:
    /// the file created, truncated or written.
    fn opens_save(&self, event: &Event) -> bool {
        let open = matches!(
            event.kind,
            EventKind::Create(CreateKind::File) | EventKind::Modify(ModifyKind::Data(_))
        );
        open && event.paths.last().is_some_and(|p| self.is_input(p))
    }

    /// Whether `path` is an input: read by the last compile, or a spec file, docs.json or
    /// llms.txt.
    fn is_input(&self, path: &Path) -> bool {
        self.inputs.contains(path)
            || path
                .strip_prefix(&self.root)
                .is_ok_and(|rel| self.filter.is_input(rel))
    }

    /// Whether `event` touches an input, a page or a folder (what a rebuild or the page list
    /// reads), rather than only scratch files.
    fn is_relevant(&self, event: &Event) -> bool {
        event.paths.iter().any(|p| {
            let Ok(rel) = p.strip_prefix(&self.root) else {
                return false;
            };
            self.inputs.contains(p)
                || self.filter.is_input(rel)
                || p.is_dir()
                || self.page_dirs.contains(p)
                || matches!(
                    p.extension().and_then(|e| e.to_str()),
                    Some("mdx" | "md") | None
                )
        })
    }

    /// Compiles the site as `generate` does and writes the plan; returns the second half of
    /// the line.
    fn build(&mut self, report: &mut dyn FnMut(Report)) -> String {
        // Held while compiling and writing, so that a `generate` on the same root waits.
        let _run = if self.root.join(SPEC_DIR).is_dir() {
            let wait = Duration::from_millis(personamap_write::run_lock::wait_ms());
            match self.writer.acquire(wait) {
                Ok(lock) => Some(lock),
                Err(e) => {
                    report(Report::Error(format!("error[write]: {e}")));
                    return "nothing was written".into();
                }
            }
        } else {
            None
        };
        let compiled = self.compile();
        let reads = self.site.take_reads();
        let c = match compiled {
            Ok(Ok(c)) => c,
            Ok(Err(message)) => {
                self.reads = Some(reads);
                report(Report::Error(message));
                return "nothing was written".into();
            }
            Err(bug) => {
                // The next event rebuilds, whatever it changed.
                self.reads = None;
                report(Report::Diagnostics {
                    sources: &Sources::default(),
                    diagnostics: std::slice::from_ref(&bug),
                });
                return "1 error(s); kept the last good outputs".into();
            }
        };
        self.watch_inputs(&reads, report);
        self.reads = Some(reads);
        if !c.diagnostics.is_empty() {
            report(Report::Diagnostics {
                sources: c.sources(),
                diagnostics: &c.diagnostics,
            });
        }
        let plan = match c.plan {
            Some(plan) if !diagnostic_errors(&c.diagnostics) => plan,
            _ => {
                let errors = c
                    .diagnostics
                    .iter()
                    .filter(|d| d.severity == Severity::Error)
                    .count();
                return format!("{errors} error(s); kept the last good outputs");
            }
        };
        if let Err(e) = self.writer.apply(&plan) {
            report(Report::Error(format!("error[write]: {e}")));
            // What is on disk now is unknown: the next event rebuilds.
            self.reads = None;
            return "nothing was written".into();
        }
        let paths: Vec<&str> = plan.iter().map(|c| c.path.as_str()).collect();
        if let Some(reads) = &mut self.reads {
            reads.refresh(&self.site, &paths);
        }
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
        match (written.is_empty(), deleted.is_empty()) {
            (true, true) => "no output changed".into(),
            (false, true) => format!("wrote {}", list(&written)),
            (true, false) => format!("deleted {}", list(&deleted)),
            (false, false) => format!("wrote {}; deleted {}", list(&written), list(&deleted)),
        }
    }

    /// One compile through the driver. A panic inside it (a compiler bug) is caught: it becomes
    /// a `compiler-bug` diagnostic (the `Err`), nothing is written, the driver's memos are
    /// dropped, and the next event rebuilds, so `watch` goes on and the last good outputs stay
    /// on disk.
    fn compile(&mut self) -> Result<Result<Compilation, String>, Diagnostic> {
        let site = &self.site;
        let driver = &mut self.driver;
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            #[cfg(test)]
            tests::PLANTED_PANIC.with(|planted| {
                if planted.get() {
                    panic!("planted by a test");
                }
            });
            driver.compile(site, Validate::Written)
        }));
        match outcome {
            Ok(result) => Ok(result),
            Err(payload) => {
                let what = payload
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| payload.downcast_ref::<String>().cloned())
                    .unwrap_or_else(|| "a panic without a message".into());
                self.driver = Driver::new();
                Err(Diagnostic::error(
                    "compiler-bug",
                    None,
                    format!("personamap panicked while rebuilding: {what}"),
                )
                .with_help(
                    "this is a bug in personamap, not in your spec: please report it with this spec attached; \
                     the last good outputs are kept and watching goes on",
                ))
            }
        }
    }
}

fn diagnostic_errors(diags: &[Diagnostic]) -> bool {
    personamap_spec::diag::has_errors(diags)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::synth::{self, Shape};

    thread_local! {
        /// Makes the next compiles on this thread panic, as a compiler bug would.
        pub(super) static PLANTED_PANIC: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }

    #[test]
    fn a_panicking_rebuild_is_a_compiler_bug_and_the_next_event_rebuilds() {
        let dir = tempfile::tempdir().expect("temp dir");
        let shape = Shape {
            personas: 3,
            nodes: 4,
            pages: 1,
        };
        synth::write_site(dir.path(), shape).expect("write the site");
        let mut watch = Watch::start(dir.path(), Duration::from_millis(30)).expect("start");
        let diagnostics = std::cell::RefCell::new(Vec::new());
        let mut report = |r: Report| {
            if let Report::Diagnostics { diagnostics: d, .. } = r {
                diagnostics.borrow_mut().extend(d.iter().map(|d| d.rule));
            }
        };
        assert!(watch.build(&mut report).starts_with("wrote "));
        diagnostics.borrow_mut().clear();
        PLANTED_PANIC.with(|p| p.set(true));
        let line = watch.build(&mut report);
        PLANTED_PANIC.with(|p| p.set(false));
        assert_eq!(line, "1 error(s); kept the last good outputs");
        assert_eq!(*diagnostics.borrow(), ["compiler-bug"]);
        assert!(watch.reads.is_none(), "any event rebuilds");
        assert_eq!(watch.build(&mut report), "no output changed");
        let reads = watch.reads.as_ref().expect("read");
        assert!(reads.changes(&watch.site).is_empty());
    }
}
