//! Whole-process benchmarks of `personamap generate` (`cargo bench -p personamap --bench
//! generate`), the release binary run as users run it:
//! - `livepeer_nothing_to_write`: on a copy of this repository's site (Livepeer's spec and its
//!   outputs), where everything is up to date;
//! - `from_scratch`: on a synthetic site of 1,000 personas × 40 nodes on 10 pages holding only
//!   its inputs (a fresh copy for each sample);
//! - `copy_floor`: `cp -r` of that site with its inputs and every output `from_scratch` writes,
//!   into a fresh folder: the least any tool that reads those inputs and writes those outputs
//!   as files can take. Issue 18's target is `from_scratch` at most 4 times this.
//!
//! Divan reports wall time, process start included; for CPU time run
//! `perf stat -r 20 target/release/personamap generate --root DIR` on the same site.

use divan::Bencher;
use personamap_watch::synth::{self, Shape};
use std::path::Path;
use std::process::Command;

fn main() {
    divan::main();
}

/// Runs `personamap generate --root root`; panics unless it succeeds.
fn generate(root: &Path) {
    let out = Command::new(env!("CARGO_BIN_EXE_personamap"))
        .args(["generate", "--root"])
        .arg(root)
        .output()
        .expect("run personamap");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Copies `from` into `to` (files and folders, recursively).
fn copy(from: &Path, to: &Path) {
    if from.is_dir() {
        std::fs::create_dir_all(to).expect("mkdir");
        for entry in std::fs::read_dir(from).expect("read_dir") {
            let entry = entry.expect("entry");
            copy(&entry.path(), &to.join(entry.file_name()));
        }
    } else {
        std::fs::copy(from, to).expect("copy");
    }
}

#[divan::bench(sample_count = 30)]
fn livepeer_nothing_to_write(bencher: Bencher) {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let dir = tempfile::tempdir().expect("tempdir");
    for entry in [
        "personas",
        "snippets",
        "v2",
        "docs.json",
        "llms.txt",
        "personamap.schema.json",
        ".gitignore",
        ".mintignore",
    ] {
        copy(&repo.join(entry), &dir.path().join(entry));
    }
    // Up to date from here on.
    generate(dir.path());
    bencher.bench(|| generate(dir.path()));
}

#[divan::bench(sample_count = 5)]
fn from_scratch(bencher: Bencher) {
    let shape = Shape {
        personas: 1000,
        nodes: 40,
        pages: 10,
    };
    bencher
        .with_inputs(|| {
            let dir = tempfile::tempdir().expect("tempdir");
            synth::write_site(dir.path(), shape).expect("write the site");
            dir
        })
        .bench_local_values(|dir| {
            generate(dir.path());
            dir
        });
}

#[divan::bench(sample_count = 5)]
fn copy_floor(bencher: Bencher) {
    let shape = Shape {
        personas: 1000,
        nodes: 40,
        pages: 10,
    };
    let site = tempfile::tempdir().expect("tempdir");
    synth::write_site(site.path(), shape).expect("write the site");
    generate(site.path());
    bencher
        .with_inputs(|| tempfile::tempdir().expect("tempdir"))
        .bench_local_values(|dir| {
            let out = Command::new("cp")
                .arg("-r")
                .arg(site.path())
                .arg(dir.path().join("site"))
                .output()
                .expect("run cp");
            assert!(out.status.success());
            dir
        });
}
