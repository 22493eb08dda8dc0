//! The run lock: an advisory lock (`flock`/`LockFileEx` through std's `File::lock`) on
//! `personas/.personamap-run.lock`, so that two runs on one site never interleave their reads
//! and writes. The holder writes its pid and command into the file; a waiting run names it.

use crate::WriteError;
use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read as _, Seek as _, Write as _};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Site-relative path of the run lock (present only while a run holds it).
pub const RUN_LOCK: &str = "personas/.personamap-run.lock";

/// How long a run waits for another by default, in milliseconds.
const DEFAULT_WAIT_MS: u64 = 10_000;

/// The wait in milliseconds: `PERSONAMAP_LOCK_WAIT_MS` if set to a number, else 10 s.
pub fn wait_ms() -> u64 {
    std::env::var("PERSONAMAP_LOCK_WAIT_MS")
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(DEFAULT_WAIT_MS)
}

/// A held run lock; released (and its file removed) when dropped.
#[derive(Debug)]
pub struct RunLock {
    file: File,
    path: PathBuf,
}

impl RunLock {
    /// Takes the run lock of the site at `root` (whose `personas/` must exist), waiting up to
    /// `wait` for its holder.
    pub fn acquire(root: &Path, wait: Duration) -> Result<RunLock, WriteError> {
        let path = root.join(RUN_LOCK);
        let io = |e| WriteError::Io(RUN_LOCK.into(), e);
        let start = Instant::now();
        loop {
            let mut file = OpenOptions::new()
                .read(true)
                .write(true)
                .create(true)
                .truncate(false)
                .open(&path)
                .map_err(io)?;
            match file.try_lock() {
                Ok(()) => {
                    // The holder before us may have removed the file after we opened it: then
                    // our lock is on a name nobody else sees; start again.
                    if !same_file(&file, &path) {
                        continue;
                    }
                    let holder = format!(
                        "pid {}: {}\n",
                        std::process::id(),
                        std::env::args().collect::<Vec<_>>().join(" ")
                    );
                    // Written over what a killed holder left, then cut to its length: cutting
                    // the file to nothing first would make ext4 write it to disk when it is
                    // closed (`auto_da_alloc`), a tenth of a millisecond a run.
                    file.write_all(holder.as_bytes()).map_err(io)?;
                    file.set_len(holder.len() as u64).map_err(io)?;
                    return Ok(RunLock { file, path });
                }
                Err(TryLockError::WouldBlock) => {
                    let waited = start.elapsed();
                    if waited >= wait {
                        let mut holder = String::new();
                        let _ = file.rewind();
                        let _ = file.read_to_string(&mut holder);
                        return Err(WriteError::Busy {
                            holder: holder.trim().to_string(),
                            waited,
                        });
                    }
                    std::thread::sleep(Duration::from_millis(25));
                }
                Err(TryLockError::Error(e)) => return Err(io(e)),
            }
        }
    }
}

impl Drop for RunLock {
    fn drop(&mut self) {
        // Removed while still locked, so a waiter that opened it starts again on a new file.
        let _ = std::fs::remove_file(&self.path);
        let _ = self.file.unlock();
    }
}

#[cfg(unix)]
fn same_file(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt as _;
    match (file.metadata(), std::fs::metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_file(_file: &File, path: &Path) -> bool {
    path.exists()
}
