//! The one writer: puts outputs on disk only when their bytes change, never outside the site
//! root, and never over (or deleting) a file whose bytes are not the bytes personamap wrote.
//!
//! - The lock (`personas/generated.lock`) records, for every file personamap wrote, the
//!   SHA-256 of the bytes written, and the entries it inserted into docs.json and llms.txt.
//! - [`Writer::apply`] records the intent in the lock, then writes every new file to an
//!   exclusively created temp file in its folder and syncs it, then renames the temp files over
//!   their targets one by one, deletes, and records the result. A failure names the files replaced
//!   and those not replaced; the lock accepts either state of a file caught in between.
//! - Runs on one root are serialised by an advisory lock ([`Writer::acquire`]).

mod lock;
pub mod run_lock;

pub use lock::{FileRecord, Lock, adopt, producible, read_lock};
pub use run_lock::{RUN_LOCK, RunLock};

use personamap_render::Inserted;
use sha2::{Digest as _, Sha256};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::io::Write as _;
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

/// Site-relative path of the lock: the files personamap wrote and the entries it inserted.
pub const MANIFEST: &str = "personas/generated.lock";

/// The suffix of the writer's temp files (`.NAME.PID-N.personamap-tmp`, next to their target).
pub const TEMP_SUFFIX: &str = ".personamap-tmp";

/// One file the caller wants on disk.
#[derive(Clone, Copy, Debug)]
pub struct FileOut<'a> {
    /// Site-relative, `/`-separated path.
    pub path: &'a str,
    /// Full contents.
    pub contents: &'a str,
    /// Whether the tool generates the whole file (pages, snippets). Merged user files such as
    /// docs.json are not generated: they may always be updated, never deleted.
    pub generated: bool,
}

impl<'a> FileOut<'a> {
    /// The compiler's outputs as the writer takes them.
    pub fn all(outputs: &'a [personamap_render::Output]) -> Vec<Self> {
        outputs
            .iter()
            .map(|o| FileOut {
                path: &o.path,
                contents: &o.contents,
                generated: o.kind.is_generated(),
            })
            .collect()
    }
}

/// What applying a plan does to one file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// Create the file.
    Create(String),
    /// Replace its contents.
    Update(String),
    /// Remove a generated file the spec no longer produces.
    Delete,
}

/// One change to one file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// Site-relative path.
    pub path: String,
    /// What happens to it.
    pub action: Action,
}

/// Why a file cannot be written (every variant names the file: see [`WriteError::path`]).
#[derive(Debug)]
pub enum WriteError {
    /// The path would leave the site root.
    OutsideRoot(String),
    /// A file exists there that the tool did not generate.
    NotGenerated(String),
    /// The file's bytes are not those the lock records: someone changed or replaced it.
    Edited {
        /// The file.
        path: String,
        /// Line of its entry in the lock.
        line: usize,
        /// Whether the plan wanted to delete it (else replace it).
        delete: bool,
    },
    /// An entry of an old lock (no hash) whose file is not what personamap generates now.
    Unverified {
        /// The file.
        path: String,
        /// Line of its entry in the lock.
        line: usize,
    },
    /// A symlink, folder or other non-regular file where a generated file should be.
    NotRegular(String),
    /// A file or folder on disk whose path differs from an output's only in case: one file on
    /// case-insensitive file systems (macOS, Windows).
    CaseTwin {
        /// The output.
        path: String,
        /// The file or folder on disk, site-relative.
        twin: String,
    },
    /// The lock cannot be read or does not parse.
    Lock {
        /// 1-based line and column, when known.
        at: Option<(usize, usize)>,
        /// What is wrong.
        message: String,
    },
    /// Another run holds the site's run lock.
    Busy {
        /// What the holder wrote into the run lock (pid and command), if anything.
        holder: String,
        /// How long this run waited.
        waited: Duration,
    },
    /// The file system refused.
    Io(String, std::io::Error),
}

impl WriteError {
    /// The site-relative path of the file the error is about.
    pub fn path(&self) -> &str {
        match self {
            WriteError::OutsideRoot(p)
            | WriteError::NotGenerated(p)
            | WriteError::NotRegular(p)
            | WriteError::Io(p, _) => p,
            WriteError::Edited { path, .. }
            | WriteError::Unverified { path, .. }
            | WriteError::CaseTwin { path, .. } => path,
            WriteError::Lock { .. } => MANIFEST,
            WriteError::Busy { .. } => RUN_LOCK,
        }
    }
}

impl fmt::Display for WriteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WriteError::OutsideRoot(p) => {
                write!(f, "`{p}` is outside the site root; refusing to write it")
            }
            WriteError::NotGenerated(p) => write!(
                f,
                "`{p}` exists and was not generated by personamap; refusing to overwrite it (move it away, or choose another page id or snippet path)"
            ),
            WriteError::Edited { path, line, delete } => write!(
                f,
                "`{path}` changed since personamap wrote it ({MANIFEST}:{line} records the SHA-256 of what was written); refusing to {} it. To keep your version, delete that `[[file]]` entry from {MANIFEST}{}; to let personamap {} it, delete the file (after saving what you need) and run again",
                if *delete { "delete" } else { "replace" },
                if *delete {
                    ""
                } else {
                    " and give the page another id"
                },
                if *delete { "remove" } else { "regenerate" },
            ),
            WriteError::Unverified { path, line } => write!(
                f,
                "`{path}` is listed by an old lock without a hash ({MANIFEST}:{line}) and its bytes differ from what personamap generates now, so it cannot tell your edits from its own output; refusing to touch it. If it holds nothing of yours, delete it and run again; to keep it, delete its line from {MANIFEST}"
            ),
            WriteError::NotRegular(p) => write!(
                f,
                "`{p}` is a symlink, folder or special file, not a file personamap wrote; refusing to replace or delete it (move it away)"
            ),
            WriteError::CaseTwin { path, twin } => write!(
                f,
                "`{path}` differs only in case from `{twin}`, which is on disk: on macOS and Windows they are one file, so writing it would replace `{twin}` there (and a clone would hold only one of them); refusing to write it. Rename or remove `{twin}` (if personamap wrote it, delete it and run again), or choose another path"
            ),
            WriteError::Lock { at, message } => match at {
                Some((line, col)) => write!(
                    f,
                    "{MANIFEST}:{line}:{col}: {message}; fix or delete the lock (without it, personamap replaces only files whose bytes are already what it generates)"
                ),
                None => write!(
                    f,
                    "{MANIFEST}: {message}; fix or delete the lock (without it, personamap replaces only files whose bytes are already what it generates)"
                ),
            },
            WriteError::Busy { holder, waited } => write!(
                f,
                "another personamap run is writing this site (held by {}; {RUN_LOCK}); waited {:.1} s. Run again when it ends (`PERSONAMAP_LOCK_WAIT_MS` sets the wait)",
                if holder.is_empty() {
                    "a process that has not said who it is"
                } else {
                    holder
                },
                waited.as_secs_f64()
            ),
            WriteError::Io(p, e) => write!(f, "{p}: {e}"),
        }
    }
}

impl std::error::Error for WriteError {}

/// A checked plan: the changes, the lock to record, and what was noticed on the way.
#[derive(Debug, Default)]
pub struct Plan {
    /// The changes, in the order they are applied (files, then deletions, then the lock).
    pub changes: Vec<Change>,
    /// Lock entries ignored (not files personamap could have produced, or leaving the root).
    pub warnings: Vec<String>,
    /// The lock accepting both the old and the new bytes of every changed file, written before
    /// the first temp file when anything changes.
    intent: Option<String>,
    /// Folders where outputs live, searched for stale temp files.
    dirs: BTreeSet<PathBuf>,
    /// Folders of the files the lock lists that the spec no longer produces: removed after the
    /// deletions if nothing is left in them (nor in their parents, up to the root).
    vacated: BTreeSet<PathBuf>,
}

impl std::ops::Deref for Plan {
    type Target = [Change];
    fn deref(&self) -> &[Change] {
        &self.changes
    }
}

impl<'a> IntoIterator for &'a Plan {
    type Item = &'a Change;
    type IntoIter = std::slice::Iter<'a, Change>;
    fn into_iter(self) -> Self::IntoIter {
        self.changes.iter()
    }
}

/// A plan that failed part way: which files were replaced (or deleted) and which not.
#[derive(Debug)]
pub struct ApplyError {
    /// What failed.
    pub error: WriteError,
    /// Changes applied before the failure (new bytes on disk, or file deleted).
    pub done: Vec<String>,
    /// Changes not applied (the file keeps its previous bytes, or still exists).
    pub not_done: Vec<String>,
    /// Whether the lock was already updated to accept the previous and the new bytes of every
    /// file in the plan (so that running again finishes the job).
    pub lock_accepts_both: bool,
}

impl fmt::Display for ApplyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let list = |v: &[String]| {
            if v.is_empty() {
                "none".to_string()
            } else {
                v.join(", ")
            }
        };
        write!(
            f,
            "{}\n  applied: {}\n  not applied (previous bytes kept): {}",
            self.error,
            list(&self.done),
            list(&self.not_done)
        )?;
        if self.lock_accepts_both {
            write!(
                f,
                "\n  {MANIFEST} accepts the previous and the new bytes of each; run again to finish"
            )?;
        }
        Ok(())
    }
}

impl std::error::Error for ApplyError {}

/// Writes into one site root.
pub struct Writer {
    root: PathBuf,
}

impl Writer {
    /// A writer for the site at `root` (which must exist).
    pub fn new(root: &Path) -> std::io::Result<Self> {
        Ok(Writer {
            root: root.canonicalize()?,
        })
    }

    /// The canonical site root.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Takes the site's run lock, waiting up to `wait` for another run to release it.
    pub fn acquire(&self, wait: Duration) -> Result<RunLock, WriteError> {
        RunLock::acquire(&self.root, wait)
    }

    /// The lock as recorded on disk (an empty lock when there is none).
    pub fn lock(&self) -> Result<Lock, WriteError> {
        read_lock(&self.root)
    }

    /// Works out which files must change, checking every path first, and keeping the docs.json
    /// and llms.txt entries the lock records. Writes nothing.
    pub fn plan(&self, files: &[FileOut]) -> Result<Plan, Vec<WriteError>> {
        let lock = self.lock().map_err(|e| vec![e])?;
        let inserted = lock.inserted.clone();
        self.plan_lock(&lock, files, &inserted, &mut |_, _| {})
    }

    /// [`Writer::plan`], recording `inserted` as the entries the outputs hold in docs.json and
    /// llms.txt. `seen` is told what the plan found on disk at each output's path (its bytes,
    /// or `None` when there is no file), so a caller need not read the outputs again.
    pub fn plan_with(
        &self,
        files: &[FileOut],
        inserted: &Inserted,
        seen: &mut dyn FnMut(&str, Option<&[u8]>),
    ) -> Result<Plan, Vec<WriteError>> {
        let lock = self.lock().map_err(|e| vec![e])?;
        self.plan_lock(&lock, files, inserted, seen)
    }

    fn plan_lock(
        &self,
        lock: &Lock,
        files: &[FileOut],
        inserted: &Inserted,
        seen: &mut dyn FnMut(&str, Option<&[u8]>),
    ) -> Result<Plan, Vec<WriteError>> {
        let mut errors = Vec::new();
        let mut plan = Plan {
            warnings: lock.warnings.clone(),
            ..Plan::default()
        };
        let mut deletions = Vec::new();
        // Path → (new hash, hash of the bytes on disk when they change).
        let mut records: BTreeMap<String, (String, Option<String>)> = BTreeMap::new();
        // Every output path, generated or merged: a path among the outputs is never deleted.
        // Hand-written files the outputs use are never deleted either: the new lock forgets them.
        let produced: BTreeSet<&str> = files
            .iter()
            .map(|f| f.path)
            .chain(inserted.used.iter().map(String::as_str))
            .collect();
        let mut listings = Listings::default();
        for f in files {
            let path = match self.resolve(f.path) {
                Ok(p) => p,
                Err(e) => {
                    errors.push(e);
                    continue;
                }
            };
            if let Some(twin) = listings.case_twin(&self.root, f.path) {
                errors.push(WriteError::CaseTwin {
                    path: f.path.into(),
                    twin,
                });
                continue;
            }
            if let Some(dir) = path.parent() {
                plan.dirs.insert(dir.to_path_buf());
            }
            let current = match read_regular(&path, f.path) {
                Ok(c) => c,
                Err(e) => {
                    errors.push(e);
                    continue;
                }
            };
            seen(f.path, current.as_deref());
            let same = current.as_deref() == Some(f.contents.as_bytes());
            if f.generated {
                let new = sha256(f.contents.as_bytes());
                let mut old = None;
                if let Some(bytes) = current.as_deref().filter(|_| !same) {
                    let hash = sha256(bytes);
                    match lock.files.get(f.path) {
                        None => {
                            errors.push(WriteError::NotGenerated(f.path.into()));
                            continue;
                        }
                        Some(r) if r.sha256.is_none() => {
                            errors.push(WriteError::Unverified {
                                path: f.path.into(),
                                line: r.line,
                            });
                            continue;
                        }
                        Some(r) if !r.accepts(&hash) => {
                            errors.push(WriteError::Edited {
                                path: f.path.into(),
                                line: r.line,
                                delete: false,
                            });
                            continue;
                        }
                        Some(_) => old = Some(hash),
                    }
                }
                records.insert(f.path.to_string(), (new, old));
            }
            if !same {
                let action = match current {
                    Some(_) => Action::Update(f.contents.to_string()),
                    None => Action::Create(f.contents.to_string()),
                };
                plan.changes.push(Change {
                    path: f.path.into(),
                    action,
                });
            }
        }
        for (stale, r) in &lock.files {
            if produced.contains(stale.as_str()) {
                continue;
            }
            let path = match self.resolve(stale) {
                Ok(p) => p,
                Err(_) => {
                    plan.warnings.push(format!(
                        "{MANIFEST}:{}: ignoring `{stale}`: it leaves the site root",
                        r.line
                    ));
                    continue;
                }
            };
            if let Some(dir) = path.parent() {
                plan.dirs.insert(dir.to_path_buf());
                plan.vacated.insert(dir.to_path_buf());
            }
            let current = match read_regular(&path, stale) {
                Ok(Some(c)) => c,
                // Already gone: the new lock simply forgets it.
                Ok(None) => continue,
                Err(e) => {
                    errors.push(e);
                    continue;
                }
            };
            let hash = sha256(&current);
            match &r.sha256 {
                None => errors.push(WriteError::Unverified {
                    path: stale.clone(),
                    line: r.line,
                }),
                Some(_) if !r.accepts(&hash) => errors.push(WriteError::Edited {
                    path: stale.clone(),
                    line: r.line,
                    delete: true,
                }),
                Some(_) => deletions.push((stale.clone(), hash)),
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let fresh = Lock {
            files: records
                .iter()
                .map(|(p, (new, _))| (p.clone(), FileRecord::new(new.clone(), None)))
                .collect(),
            inserted: inserted.clone(),
            warnings: Vec::new(),
        };
        let touched = !plan.changes.is_empty() || !deletions.is_empty();
        if touched {
            let mut intent = fresh.clone();
            for (p, (_, old)) in &records {
                if let (Some(old), Some(r)) = (old, intent.files.get_mut(p)) {
                    r.previous = Some(old.clone());
                }
            }
            for (p, hash) in &deletions {
                intent
                    .files
                    .insert(p.clone(), FileRecord::new(hash.clone(), None));
            }
            intent.inserted = union(&lock.inserted, inserted);
            plan.intent = Some(intent.to_text());
        }
        plan.changes
            .extend(deletions.into_iter().map(|(path, _)| Change {
                path,
                action: Action::Delete,
            }));
        let text = fresh.to_text();
        let on_disk = std::fs::read(self.root.join(MANIFEST)).ok();
        plan.dirs.insert(self.root.join(lock::LOCK_DIR));
        if on_disk.as_deref() != Some(text.as_bytes()) {
            plan.changes.push(Change {
                path: MANIFEST.into(),
                action: if on_disk.is_some() {
                    Action::Update(text)
                } else {
                    Action::Create(text)
                },
            });
        }
        Ok(plan)
    }

    /// Applies a plan: removes stale temp files of killed runs, records the intent in the lock,
    /// writes and syncs every new file to a temp file, renames the temp files over their
    /// targets in order, deletes, then records the result. Take [`Writer::acquire`] first.
    pub fn apply(&self, plan: &Plan) -> Result<(), ApplyError> {
        for dir in &plan.dirs {
            remove_stale_temps(dir);
        }
        let files: Vec<&Change> = plan
            .changes
            .iter()
            .filter(|c| c.path != MANIFEST && c.action != Action::Delete)
            .collect();
        let all: Vec<String> = plan.changes.iter().map(|c| c.path.clone()).collect();
        let fail = |error, done: usize, recorded: bool| {
            let listed = |paths: &[String]| -> Vec<String> {
                paths.iter().filter(|p| *p != MANIFEST).cloned().collect()
            };
            ApplyError {
                error,
                done: listed(&all[..done]),
                not_done: listed(&all[done..]),
                lock_accepts_both: recorded && plan.intent.is_some(),
            }
        };
        // 1. The lock accepts the old and the new bytes of every file about to change, before
        // any new file (a temp file included) appears: whatever a killed run leaves is in a
        // folder the next run cleans, and every file it renamed is listed.
        if let Some(intent) = &plan.intent
            && let Err(e) = self.write_now(MANIFEST, intent.as_bytes())
        {
            return Err(fail(e, 0, false));
        }
        killed_after("intent");
        // 2. Every new file written and synced next to its target.
        let mut temps: Vec<(PathBuf, PathBuf)> = Vec::new();
        for c in &files {
            let (Action::Create(text) | Action::Update(text)) = &c.action else {
                continue;
            };
            let staged = self.resolve(&c.path).and_then(|path| {
                stage(&path, text.as_bytes())
                    .map(|tmp| (tmp, path))
                    .map_err(|e| WriteError::Io(c.path.clone(), e))
            });
            match staged {
                Ok(pair) => temps.push(pair),
                Err(e) => {
                    discard(&temps);
                    return Err(fail(e, 0, true));
                }
            }
        }
        killed_after("stage");
        // 3. Renamed in sequence.
        let mut dirs = BTreeSet::new();
        for (i, (tmp, path)) in temps.iter().enumerate() {
            if let Err(e) = std::fs::rename(tmp, path) {
                discard(&temps[i..]);
                return Err(fail(WriteError::Io(files[i].path.clone(), e), i, true));
            }
            if let Some(dir) = path.parent() {
                dirs.insert(dir.to_path_buf());
            }
            killed_after("rename");
        }
        // 4. Deletions, then the lock.
        for (done, c) in plan.changes.iter().enumerate().skip(temps.len()) {
            let result = match &c.action {
                Action::Delete => self.resolve(&c.path).and_then(|p| {
                    std::fs::remove_file(&p).map_err(|e| WriteError::Io(c.path.clone(), e))
                }),
                Action::Create(text) | Action::Update(text) => {
                    self.write_now(&c.path, text.as_bytes())
                }
            };
            if let Err(e) = result {
                return Err(fail(e, done, true));
            }
            if c.action == Action::Delete {
                killed_after("delete");
            }
        }
        // 5. Folders the deletions (or a killed run's leftovers) left empty, deepest first.
        for dir in plan.vacated.iter().rev() {
            remove_empty(&self.root, dir);
        }
        for dir in dirs {
            sync_dir(&dir);
        }
        Ok(())
    }

    /// Writes one file through a temp file and a rename, now.
    fn write_now(&self, rel: &str, bytes: &[u8]) -> Result<(), WriteError> {
        let path = self.resolve(rel)?;
        let io = |e| WriteError::Io(rel.to_string(), e);
        let tmp = stage(&path, bytes).map_err(io)?;
        std::fs::rename(&tmp, &path).map_err(|e| {
            let _ = std::fs::remove_file(&tmp);
            io(e)
        })?;
        if let Some(dir) = path.parent() {
            sync_dir(dir);
        }
        Ok(())
    }

    /// The absolute path for a site-relative one, refusing anything that leaves the root:
    /// absolute paths, `..`, and symlinked folders pointing elsewhere.
    fn resolve(&self, rel: &str) -> Result<PathBuf, WriteError> {
        let outside = || WriteError::OutsideRoot(rel.to_string());
        let p = Path::new(rel);
        if rel.is_empty() || !p.components().all(|c| matches!(c, Component::Normal(_))) {
            return Err(outside());
        }
        let full = self.root.join(p);
        let mut existing = full.parent();
        while let Some(dir) = existing {
            if dir.exists() {
                let real = dir
                    .canonicalize()
                    .map_err(|e| WriteError::Io(rel.into(), e))?;
                if !real.starts_with(&self.root) {
                    return Err(outside());
                }
                break;
            }
            existing = dir.parent();
        }
        Ok(full)
    }
}

/// Removes `dir` and then its parents while they are empty (or already gone), stopping at the
/// site `root`, at the first folder that holds anything, or at anything that is not a folder.
fn remove_empty(root: &Path, dir: &Path) {
    let mut dir = dir;
    while dir != root && dir.starts_with(root) {
        match std::fs::remove_dir(dir) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(_) => return,
        }
        let Some(parent) = dir.parent() else {
            return;
        };
        dir = parent;
    }
}

/// The environment variable of the kill hook: see [`killed_after`].
pub const KILL_AFTER: &str = "PERSONAMAP_TEST_KILL_AFTER";

/// A test hook: when [`KILL_AFTER`] names `step` (`intent`, `stage`, `rename`, `delete`), the
/// process exits at once with code 137, running no clean-up, as a run killed (`kill -9`) right
/// after that step of [`Writer::apply`] (after the first rename or deletion) would, so that
/// tests can leave exactly what such a run leaves.
fn killed_after(step: &str) {
    if std::env::var_os(KILL_AFTER).is_some_and(|v| v == step) {
        std::process::exit(137);
    }
}

/// Folder listings read while planning, so each folder is listed once.
#[derive(Default)]
struct Listings(BTreeMap<PathBuf, Vec<String>>);

impl Listings {
    /// The site-relative path of a file or folder on disk that differs from `rel` only in case
    /// (its own name, or a folder on the way), if any. Looks only as deep as `rel` exists.
    fn case_twin(&mut self, root: &Path, rel: &str) -> Option<String> {
        let mut dir = root.to_path_buf();
        let mut done = String::new();
        for name in rel.split('/') {
            let names = self.0.entry(dir.clone()).or_insert_with(|| {
                std::fs::read_dir(&dir)
                    .map(|entries| {
                        entries
                            .flatten()
                            .map(|e| e.file_name().to_string_lossy().into_owned())
                            .collect()
                    })
                    .unwrap_or_default()
            });
            let lower = name.to_lowercase();
            if let Some(twin) = names
                .iter()
                .find(|n| *n != name && n.to_lowercase() == lower)
            {
                return Some(format!("{done}{twin}"));
            }
            if !names.iter().any(|n| n == name) {
                return None;
            }
            done.push_str(name);
            done.push('/');
            dir.push(name);
        }
        None
    }
}

/// The entries of `a` and those of `b` not in `a`.
fn union(a: &Inserted, b: &Inserted) -> Inserted {
    let mut out = a.clone();
    for e in &b.docs_json {
        if !out.docs_json.contains(e) {
            out.docs_json.push(e.clone());
        }
    }
    for l in &b.llms_txt {
        if !out.llms_txt.contains(l) {
            out.llms_txt.push(l.clone());
        }
    }
    out
}

/// Lower-case hex SHA-256 of `bytes`.
pub fn sha256(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut out = String::with_capacity(64);
    for b in digest {
        out.push_str(&format!("{b:02x}"));
    }
    out
}

/// The bytes of a regular file; `None` when nothing is there; an error for a symlink, folder
/// or special file (never opened, so a FIFO cannot block).
fn read_regular(path: &Path, rel: &str) -> Result<Option<Vec<u8>>, WriteError> {
    match std::fs::symlink_metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(WriteError::Io(rel.into(), e)),
        Ok(m) if !m.file_type().is_file() => Err(WriteError::NotRegular(rel.into())),
        Ok(_) => std::fs::read(path)
            .map(Some)
            .map_err(|e| WriteError::Io(rel.into(), e)),
    }
}

static TEMP_COUNTER: AtomicU64 = AtomicU64::new(0);

/// Writes `bytes` to a new temp file next to `path` and syncs it; returns the temp path. The
/// temp file is created exclusively (`O_EXCL`): an existing file or symlink at that name is
/// never followed or reused, another name is tried.
fn stage(path: &Path, bytes: &[u8]) -> std::io::Result<PathBuf> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    // Short enough that the temp name fits wherever the target name does.
    let mut cut = name.len().min(64);
    while !name.is_char_boundary(cut) {
        cut -= 1;
    }
    let mut attempts = 0;
    loop {
        let n = TEMP_COUNTER.fetch_add(1, Ordering::Relaxed);
        let tmp = dir.join(format!(
            ".{}.{}-{n}{TEMP_SUFFIX}",
            &name[..cut],
            std::process::id()
        ));
        let file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp);
        let mut file = match file {
            Ok(f) => f,
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && attempts < 100 => {
                attempts += 1;
                continue;
            }
            Err(e) => return Err(e),
        };
        let written = file.write_all(bytes).and_then(|()| file.sync_all());
        return match written {
            Ok(()) => Ok(tmp),
            Err(e) => {
                let _ = std::fs::remove_file(&tmp);
                Err(e)
            }
        };
    }
}

/// Removes temp files (`.*.personamap-tmp`, but not folders) in `dir`: left by killed runs,
/// since the caller holds the run lock.
fn remove_stale_temps(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if is_temp_name(&name) && entry.file_type().is_ok_and(|t| !t.is_dir()) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Whether `name` is one of the writer's temp names.
pub fn is_temp_name(name: &str) -> bool {
    name.starts_with('.') && name.ends_with(TEMP_SUFFIX) && name.len() > TEMP_SUFFIX.len() + 1
}

fn discard(temps: &[(PathBuf, PathBuf)]) {
    for (tmp, _) in temps {
        let _ = std::fs::remove_file(tmp);
    }
}

/// Makes renames in `dir` durable (a no-op where folders cannot be opened).
fn sync_dir(dir: &Path) {
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
}

#[cfg(test)]
mod tests;
