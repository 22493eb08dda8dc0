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
//!
//! After Divan's table, `from_scratch` and `copy_floor` are measured once more in pairs (a copy,
//! then a generate, round after round), and the median of the per-round ratios is printed: on
//! a machine whose disk speed drifts, the two benches alone can disagree on the ratio fivefold.
//! `TMPDIR=/dev/shm` runs all of it on tmpfs, where the copy floor holds still.
//!
//! Last, the two parsers no generate can skip (`toml` over the spec files, markdown-rs over
//! the pages for the MDX check) are timed alone in CPU time (every thread's: the MDX check
//! parses a page's chunks on several), and their best case over the machine's cores is
//! printed against the copy floor: a lower bound on the ratio.

use divan::Bencher;
use personamap_watch::synth::{self, Shape};
use std::path::Path;
use std::process::Command;

fn main() {
    divan::main();
    let (generated, copy_ms) = paired_ratio();
    parser_floor(generated.path(), copy_ms);
}

/// The site of `from_scratch` and `copy_floor`.
const SCRATCH: Shape = Shape {
    personas: 1000,
    nodes: 40,
    pages: 10,
};

/// Rounds of [`paired_ratio`].
const ROUNDS: usize = 9;

/// Prints issue 18's ratio, `from_scratch` over `copy_floor`, measured in pairs: each round copies
/// the generated site (`cp -r`) and then generates a fresh copy of its inputs, each after a
/// `sync`, so that both see the disk in the same state; a generate's CPU time is printed too.
/// Returns the generated site and the copy floor's median in milliseconds.
fn paired_ratio() -> (tempfile::TempDir, f64) {
    let generated = tempfile::tempdir().expect("tempdir");
    synth::write_site(generated.path(), SCRATCH).expect("write the site");
    generate(generated.path());
    let inputs = tempfile::tempdir().expect("tempdir");
    synth::write_site(inputs.path(), SCRATCH).expect("write the site");
    let (mut copies, mut generates, mut ratios) = (Vec::new(), Vec::new(), Vec::new());
    let mut cpus = Vec::new();
    for _ in 0..ROUNDS {
        // Both start with no dirty pages left to write back (`sync`, where there is one): an
        // earlier round's files being flushed slowed a copy fivefold.
        let _ = Command::new("sync").status();
        let into = tempfile::tempdir().expect("tempdir");
        let start = std::time::Instant::now();
        cp_r(generated.path(), &into.path().join("site"));
        let copy_ms = start.elapsed().as_secs_f64() * 1000.0;
        let fresh = tempfile::tempdir().expect("tempdir");
        copy(inputs.path(), fresh.path());
        let _ = Command::new("sync").status();
        let (start, cpu_start) = (std::time::Instant::now(), children_cpu_ms());
        generate(fresh.path());
        let generate_ms = start.elapsed().as_secs_f64() * 1000.0;
        cpus.push(children_cpu_ms() - cpu_start);
        copies.push(copy_ms);
        generates.push(generate_ms);
        ratios.push(generate_ms / copy_ms);
    }
    let median = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    let copy_ms = median(&mut copies);
    println!(
        "from_scratch / copy_floor in {ROUNDS} pairs: median ratio {:.1} (range {:.1}-{:.1}); from_scratch median {:.1} ms ({:.1} ms CPU), copy_floor median {copy_ms:.1} ms",
        median(&mut ratios),
        ratios[0],
        ratios[ROUNDS - 1],
        median(&mut generates),
        median(&mut cpus),
    );
    (generated, copy_ms)
}

/// Prints the CPU time the two parsers `generate` cannot do without take on the generated
/// site `root` (median of five rounds; the process's CPU time, so the threads the MDX check
/// starts count too): `toml` reading every spec file into a table (the least reading a spec
/// takes), and the MDX check of every page (markdown-rs over each page, its Mermaid bodies
/// masked: what promises a page Mintlify can read). Shared perfectly over the machine's cores,
/// with nothing else done, they are this many times `copy_ms`.
fn parser_floor(root: &Path, copy_ms: f64) {
    let texts = |dir: &Path, ext: &str| -> Vec<String> {
        let mut out = Vec::new();
        let mut stack = vec![dir.to_path_buf()];
        while let Some(d) = stack.pop() {
            for entry in std::fs::read_dir(&d).expect("read_dir") {
                let path = entry.expect("entry").path();
                if path.is_dir() {
                    stack.push(path);
                } else if path.extension().is_some_and(|e| e == ext) {
                    out.push(std::fs::read_to_string(&path).expect("read"));
                }
            }
        }
        out
    };
    let specs = texts(&root.join("personas"), "toml");
    let pages = texts(&root.join("v2"), "mdx");
    let time = |f: &dyn Fn() -> usize| {
        let mut ms: Vec<f64> = (0..5)
            .map(|_| {
                let start = cpu_ms();
                assert!(divan::black_box(f()) > 0);
                cpu_ms() - start
            })
            .collect();
        ms.sort_by(f64::total_cmp);
        ms[2]
    };
    let toml_ms = time(&|| {
        specs
            .iter()
            .map(|s| toml::de::DeTable::parse_recoverable(s).0.get_ref().len())
            .sum()
    });
    let mdx_ms = time(&|| {
        pages
            .iter()
            .map(|p| {
                personamap_check::mdx::parse(p)
                    .expect("valid page")
                    .mermaid
                    .len()
            })
            .sum()
    });
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let best = (toml_ms + mdx_ms) / cores as f64;
    println!(
        "parsers alone, CPU time: toml {toml_ms:.1} ms ({} spec files), MDX check {mdx_ms:.1} ms ({} pages); over {cores} core(s) at best {best:.1} ms = {:.1}x the copy floor",
        specs.len(),
        pages.len(),
        best / copy_ms,
    );
}

/// The CPU time this process has used so far, every thread's, in milliseconds.
fn cpu_ms() -> f64 {
    let mut t = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `t` is a valid, writable timespec; the clock id is a constant the kernel knows.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_PROCESS_CPUTIME_ID, &mut t) };
    assert_eq!(rc, 0, "clock_gettime");
    t.tv_sec as f64 * 1000.0 + t.tv_nsec as f64 / 1e6
}

/// The CPU time (user and system) of this process's waited-for children so far, in
/// milliseconds.
fn children_cpu_ms() -> f64 {
    // SAFETY: `rusage` is plain data, valid when zeroed; `getrusage` only writes it.
    let mut u: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: `u` is a valid, writable rusage.
    let rc = unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &mut u) };
    assert_eq!(rc, 0, "getrusage");
    let ms = |t: libc::timeval| t.tv_sec as f64 * 1000.0 + t.tv_usec as f64 / 1000.0;
    ms(u.ru_utime) + ms(u.ru_stime)
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
    bencher
        .with_inputs(|| {
            let dir = tempfile::tempdir().expect("tempdir");
            synth::write_site(dir.path(), SCRATCH).expect("write the site");
            dir
        })
        .bench_local_values(|dir| {
            generate(dir.path());
            dir
        });
}

#[divan::bench(sample_count = 5)]
fn copy_floor(bencher: Bencher) {
    let site = tempfile::tempdir().expect("tempdir");
    synth::write_site(site.path(), SCRATCH).expect("write the site");
    generate(site.path());
    bencher
        .with_inputs(|| tempfile::tempdir().expect("tempdir"))
        .bench_local_values(|dir| {
            cp_r(site.path(), &dir.path().join("site"));
            dir
        });
}

/// `cp -r from to`; panics unless it succeeds.
fn cp_r(from: &Path, to: &Path) {
    let out = Command::new("cp")
        .arg("-r")
        .arg(from)
        .arg(to)
        .output()
        .expect("run cp");
    assert!(out.status.success());
}
