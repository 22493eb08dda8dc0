//! Helpers shared by the CLI tests: temporary copies of sites and running the binary.

#![allow(dead_code)] // each test file uses a different subset

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::SystemTime;

/// The workspace root (this repository, a Mintlify site root).
pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .expect("repo root")
}

/// The shared reference folder beside the repository, when this machine has it.
pub fn shared(rel: &str) -> Option<PathBuf> {
    let p = repo().join("../shared").join(rel);
    p.is_file().then_some(p)
}

/// Copies `from` (recursively) into `to`.
pub fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read_dir") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("type").is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

/// A temporary copy of this repository's site: the spec, docs.json, llms.txt and the
/// generated outputs.
pub fn repo_site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let repo = repo();
    for sub in ["personas", "v2", "snippets"] {
        copy_tree(&repo.join(sub), &dir.path().join(sub));
    }
    for file in ["docs.json", "llms.txt"] {
        std::fs::copy(repo.join(file), dir.path().join(file)).expect("copy");
    }
    dir
}

/// Runs `personamap ARGS` and returns its output.
pub fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_personamap"))
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("personamap runs")
}

/// Runs `personamap ARGS --root ROOT`.
pub fn run_in(root: &Path, args: &[&str]) -> Output {
    let mut all: Vec<&str> = args.to_vec();
    let root = root.to_str().expect("utf-8 path");
    all.extend(["--root", root]);
    run(&all)
}

/// Every file under `root` with its bytes and modification time.
pub fn snapshot(root: &Path) -> BTreeMap<PathBuf, (Vec<u8>, SystemTime)> {
    let mut out = BTreeMap::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("read_dir") {
            let entry = entry.expect("entry");
            let path = entry.path();
            if entry.file_type().expect("type").is_dir() {
                stack.push(path);
            } else {
                let meta = entry.metadata().expect("metadata");
                let bytes = std::fs::read(&path).expect("read");
                out.insert(path, (bytes, meta.modified().expect("mtime")));
            }
        }
    }
    out
}

/// Standard output as text.
pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Standard error as text.
pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}
