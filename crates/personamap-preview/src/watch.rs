//! File events: a signal on every change to an input (a spec file under `personas/`,
//! docs.json, llms.txt), using the watch command's filter for what is an input and what is an
//! editor's scratch file, plus every file the last compile read (a hand-written divider
//! snippet). The only module of the preview that watches.
//!
//! Each signal says how long to wait for the rest of the burst, as `watch` does: a save is
//! complete when its file is closed after writing or renamed into place (then only
//! [`COALESCE`]); after any other change, [`QUIET`]. Where the system reports closes (Linux),
//! a file created or written but not yet closed is a save under way: the wait is then
//! [`UNCLOSED`], ended early by the close. So a rebuild does not read a file between the
//! truncate and the write of a save in place, however slow the writer (within [`UNCLOSED`]):
//! an empty persona file is a valid spec without that persona, whose maps would be gone, and
//! kept as the last good ones under the next error.

use notify::event::{AccessKind, AccessMode, CreateKind, EventKind, ModifyKind, RenameMode};
use notify::{RecursiveMode, Watcher as _};
use personamap_watch::filter::Filter;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;
use tokio::sync::mpsc::{UnboundedReceiver, unbounded_channel};

pub use personamap_watch::watcher::COALESCE;

/// How long the files must be quiet after a change that does not complete a save (the first
/// half of a rename, a removal; where closes are not reported, also a truncate or a write)
/// before the rebuild.
pub const QUIET: Duration = Duration::from_millis(12);

/// How long a file created or written must stay open before the rebuild goes ahead without
/// its close (a writer that keeps it open); its close ends the wait at once. Only where the
/// system reports closes; elsewhere [`QUIET`].
pub const UNCLOSED: Duration = if personamap_watch::watcher::REPORTS_CLOSES {
    personamap_watch::watcher::UNCLOSED
} else {
    QUIET
};

/// A running watch of a site; dropping it stops it.
pub struct Watching {
    watcher: notify::RecommendedWatcher,
    root: PathBuf,
    /// Files the last compile read beyond the usual inputs (a hand-written divider snippet),
    /// relative to the root: an event on one is a change.
    followed: Arc<Mutex<BTreeSet<PathBuf>>>,
    /// Folders watched for them.
    folders: BTreeSet<PathBuf>,
}

impl Watching {
    /// Also treats the files `read` (site-relative, what the last compile read) as inputs,
    /// watching their folders: a save of a hand-written snippet the pages import rebuilds too.
    ///
    /// The set is updated under its lock, and the new folders are watched after the lock is
    /// released: adding a watch waits for the watcher's thread, which may be waiting for that
    /// lock in the event handler (a deadlock that hung the server).
    pub fn follow<'a>(&mut self, read: impl IntoIterator<Item = &'a str>) {
        let mut folders = Vec::new();
        {
            let mut followed = self.followed.lock().unwrap_or_else(PoisonError::into_inner);
            for rel in read {
                let rel = PathBuf::from(rel);
                let Some(folder) = self.root.join(&rel).parent().map(Path::to_path_buf) else {
                    continue;
                };
                followed.insert(rel);
                // `personas/` is watched whole already.
                let in_spec = folder.starts_with(self.root.join(personamap_spec::SPEC_DIR));
                if !in_spec && self.folders.insert(folder.clone()) {
                    folders.push(folder);
                }
            }
        }
        for folder in folders {
            // A folder that cannot be watched (gone) is only not followed.
            let _ = self.watcher.watch(&folder, RecursiveMode::NonRecursive);
        }
    }
}

/// Starts watching the site at `root`. The watcher sends on the receiver after each event on
/// an input (see [`Watching::follow`] for the files a compile read besides): how long to wait
/// for more events of the same burst.
pub fn start(root: &Path) -> Result<(Watching, UnboundedReceiver<Duration>), String> {
    let root = root
        .canonicalize()
        .map_err(|e| format!("{}: {e}", root.display()))?;
    let filter = Filter::new(&root);
    let (tx, rx) = unbounded_channel();
    let base = root.clone();
    let followed: Arc<Mutex<BTreeSet<PathBuf>>> = Arc::default();
    let seen = followed.clone();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        let input = |p: &PathBuf| {
            p.strip_prefix(&base).is_ok_and(|rel| {
                filter.is_input(rel)
                    || seen
                        .lock()
                        .unwrap_or_else(PoisonError::into_inner)
                        .contains(rel)
            })
        };
        let wait = match event {
            // Reads (the compile's own included) are not changes.
            Ok(event) if is_read(&event.kind) => None,
            // The new name is the last path.
            Ok(event) if completes_save(&event.kind) && event.paths.last().is_some_and(input) => {
                Some(COALESCE)
            }
            Ok(event) if opens_save(&event.kind) => {
                event.paths.iter().any(input).then_some(UNCLOSED)
            }
            Ok(event) => event.paths.iter().any(input).then_some(QUIET),
            // A lost event (queue overflow): rebuild to be sure.
            Err(_) => Some(QUIET),
        };
        if let Some(wait) = wait {
            let _ = tx.send(wait);
        }
    })
    .map_err(|e| format!("cannot watch {}: {e}", root.display()))?;
    let spec_dir = root.join(personamap_spec::SPEC_DIR);
    for (dir, mode) in [
        (&spec_dir, RecursiveMode::Recursive),
        (&root, RecursiveMode::NonRecursive),
    ] {
        watcher
            .watch(dir, mode)
            .map_err(|e| format!("cannot watch {}: {e}", dir.display()))?;
    }
    let folders = [spec_dir, root.clone()].into_iter().collect();
    Ok((
        Watching {
            watcher,
            root,
            followed,
            folders,
        },
        rx,
    ))
}

/// Whether an event ends a save: the file closed after writing, or renamed into place.
fn completes_save(kind: &EventKind) -> bool {
    matches!(
        kind,
        EventKind::Access(AccessKind::Close(AccessMode::Write))
            | EventKind::Modify(ModifyKind::Name(RenameMode::To | RenameMode::Both))
    )
}

/// Whether an event starts or continues a save that its close will complete: a file created,
/// truncated or written.
fn opens_save(kind: &EventKind) -> bool {
    matches!(
        kind,
        EventKind::Create(CreateKind::File) | EventKind::Modify(ModifyKind::Data(_))
    )
}

/// Whether an event only reports a read: an open, or a close without writing.
fn is_read(kind: &EventKind) -> bool {
    matches!(kind, EventKind::Access(a) if *a != AccessKind::Close(AccessMode::Write))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::mpsc;

    /// Following new folders while the watcher's thread handles a stream of events on files
    /// that are not inputs (each checked against the followed set) finishes.
    #[test]
    fn following_folders_during_events_does_not_deadlock() {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path().to_path_buf();
        std::fs::create_dir_all(root.join(personamap_spec::SPEC_DIR)).expect("mkdir");
        let folders: Vec<String> = (0..200).map(|i| format!("own{i}/Rule.jsx")).collect();
        for f in &folders {
            std::fs::create_dir_all(root.join(f).parent().expect("parent")).expect("mkdir");
        }
        let (mut watching, _events) = start(&root).expect("watch");
        let stop = Arc::new(AtomicBool::new(false));
        let noise = {
            let (stop, file) = (stop.clone(), root.join("notes.txt"));
            std::thread::spawn(move || {
                while !stop.load(Ordering::Relaxed) {
                    std::fs::write(&file, "not an input").expect("write");
                }
            })
        };
        let (done, finished) = mpsc::channel();
        std::thread::spawn(move || {
            for f in &folders {
                watching.follow([f.as_str()]);
            }
            let _ = done.send(());
        });
        let result = finished.recv_timeout(Duration::from_secs(60));
        stop.store(true, Ordering::Relaxed);
        noise.join().expect("the writer ends");
        assert!(
            result.is_ok(),
            "following 200 folders took over 60 s: the watcher deadlocked"
        );
    }
}
