//! File events: a signal on every change to an input (a spec file under `personas/`,
//! docs.json, llms.txt), using the watch command's filter for what is an input and what is an
//! editor's scratch file. The only module that watches: it is swapped for the shared driver's
//! watcher when that lands.

use notify::event::{AccessKind, AccessMode, EventKind};
use notify::{RecursiveMode, Watcher as _};
use personamap_watch::filter::Filter;
use std::path::Path;
use tokio::sync::mpsc::{UnboundedReceiver, unbounded_channel};

/// Starts watching the site at `root`. The watcher sends on the receiver after each event on
/// an input; dropping the watcher stops it.
pub fn start(root: &Path) -> Result<(notify::RecommendedWatcher, UnboundedReceiver<()>), String> {
    let root = root
        .canonicalize()
        .map_err(|e| format!("{}: {e}", root.display()))?;
    let filter = Filter::new(&root);
    let (tx, rx) = unbounded_channel();
    let base = root.clone();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        let relevant = match event {
            // Reads (the compile's own included) are not changes.
            Ok(event) if is_read(&event.kind) => false,
            Ok(event) => event
                .paths
                .iter()
                .any(|p| p.strip_prefix(&base).is_ok_and(|rel| filter.is_input(rel))),
            // A lost event (queue overflow): rebuild to be sure.
            Err(_) => true,
        };
        if relevant {
            let _ = tx.send(());
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
    Ok((watcher, rx))
}

/// Whether an event only reports a read: an open, or a close without writing.
fn is_read(kind: &EventKind) -> bool {
    matches!(kind, EventKind::Access(a) if *a != AccessKind::Close(AccessMode::Write))
}
