//! Soak benchmark of `personamap watch` (not part of `cargo test`):
//!
//! ```sh
//! cargo bench -p personamap --bench soak            # 1,000 saves
//! SOAK_SAVES=90 cargo bench -p personamap --bench soak
//! ```
//!
//! The real binary watches a synthetic site (6 personas on 2 pages) while this program saves
//! persona files the way editors do, in turn: in place (truncate and write), temp-then-rename,
//! and vim's backup-rename (the file moved to `name~`, a new one written, the backup removed).
//! Saves come in threes: a valid edit of one persona, an invalid edit of another (an unknown
//! node, or a TOML error), then its fix. After each save it waits for the rebuild line and
//! checks:
//! - **missed rebuilds**: no rebuild line naming the saved file within 30 s;
//! - **wrong outputs**: a page or snippet on disk differs from a fresh compile of the last
//!   valid spec (an invalid save must leave them as they were, and say so);
//! - **self-triggers**: rebuild lines that name no spec file (the tool reacting to its own
//!   writes), counted over the whole run and a quiet second at the end;
//! - **memory**: the watcher's resident set (VmRSS in /proc/PID/status) every 50 saves.
//!
//! Exits non-zero when any count is not 0 or the resident set grew by more than 25% after the
//! first 100 saves.

use personamap_driver::{Driver, Site, Validate};
use personamap_render::OutputKind;
use personamap_watch::synth::{self, Shape};
use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, ExitCode, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const SHAPE: Shape = Shape {
    personas: 6,
    nodes: 12,
    pages: 2,
};
const DEBOUNCE_MS: &str = "30";

/// How a file is saved.
#[derive(Clone, Copy, Debug)]
enum Style {
    InPlace,
    TempRename,
    VimBackup,
}

fn save(root: &Path, rel: &str, text: &str, style: Style) -> std::io::Result<()> {
    let path = root.join(rel);
    match style {
        Style::InPlace => std::fs::write(&path, text),
        Style::TempRename => {
            let tmp = path.with_extension("toml.tmp");
            std::fs::write(&tmp, text)?;
            std::fs::rename(&tmp, &path)
        }
        Style::VimBackup => {
            let backup = path.with_extension("toml~");
            std::fs::rename(&path, &backup)?;
            std::fs::write(&path, text)?;
            std::fs::remove_file(&backup)
        }
    }
}

/// Pages and snippets a fresh compile of `files` produces, by path.
fn expected(
    root: &Path,
    files: &BTreeMap<String, String>,
) -> Result<Vec<(String, String)>, String> {
    let mut site = Site::in_memory();
    for (path, text) in files {
        site.set_overlay(path, Some(text.clone()));
    }
    for rel in ["docs.json", "llms.txt"] {
        if let Ok(text) = std::fs::read_to_string(root.join(rel)) {
            site.set_overlay(rel, Some(text));
        }
    }
    let c = Driver::new().compile(&site, Validate::All)?;
    let failed = c.has_errors();
    let outputs = c
        .outputs
        .filter(|_| !failed)
        .ok_or_else(|| format!("the last valid spec does not compile: {:?}", c.diagnostics))?;
    Ok(outputs
        .files
        .into_iter()
        .filter(|o| matches!(o.kind, OutputKind::Page | OutputKind::Snippet))
        .map(|o| (o.path, o.contents))
        .collect())
}

fn rss_kb(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn main() -> ExitCode {
    // `cargo bench` passes `--bench`; nothing else is read from the command line.
    let saves: usize = std::env::var("SOAK_SAVES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1000);
    match run(saves) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("soak: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(saves: usize) -> Result<bool, String> {
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    let root = dir.path();
    synth::write_site(root, SHAPE).map_err(|e| e.to_string())?;
    let mut files: BTreeMap<String, String> = synth::site(SHAPE)
        .into_iter()
        .filter(|f| f.path.ends_with(".toml"))
        .map(|f| (f.path, f.contents))
        .collect();
    let mut child = Command::new(env!("CARGO_BIN_EXE_personamap"))
        .args(["watch", "--debounce", DEBOUNCE_MS, "--root"])
        .arg(root)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("cannot start personamap watch: {e}"))?;
    let pid = child.id();
    let lines = Arc::new(Mutex::new(Vec::<String>::new()));
    if let Some(out) = child.stdout.take() {
        let lines = lines.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(out).lines().map_while(Result::ok) {
                if let Ok(mut l) = lines.lock() {
                    l.push(line);
                }
            }
        });
    }
    // The lines printed from line `from` on.
    let since = |from: usize| {
        lines
            .lock()
            .map(|l| l[from.min(l.len())..].to_vec())
            .unwrap_or_default()
    };
    let count = || lines.lock().map(|l| l.len()).unwrap_or(0);
    let wait = |what: &str, from: usize, done: &dyn Fn(&String) -> bool| -> Option<String> {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(30) {
            if let Some(line) = since(from).into_iter().find(|l| done(l)) {
                return Some(line);
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        eprintln!("soak: timed out waiting for {what}");
        None
    };
    if wait("the first build", 0, &|l| l.starts_with("watch: ")).is_none() {
        let _ = child.kill();
        return Err("the first build never finished".into());
    }
    let mut good = expected(root, &files)?;
    let (mut missed, mut wrong, mut invalid) = (0usize, 0usize, 0usize);
    let mut latencies = Vec::with_capacity(saves);
    let mut rss = vec![(0usize, rss_kb(pid).unwrap_or(0))];
    let start = Instant::now();
    for i in 0..saves {
        let step = i % 3;
        let number = if step == 0 {
            1 + (i / 3) % SHAPE.personas
        } else {
            1 + (i / 3 + 3) % SHAPE.personas
        };
        let rel = synth::persona_path(number);
        let valid = synth::persona(number, SHAPE.nodes, i + 1);
        let text = match (step, (i / 3) % 2) {
            (1, 0) => valid.replacen("-->", "--> Nowhere -->", 1),
            (1, _) => format!("{valid}\nname = \n"),
            _ => valid.clone(),
        };
        let style = [Style::InPlace, Style::TempRename, Style::VimBackup][(i + i / 3) % 3];
        let seen = count();
        let saved = Instant::now();
        save(root, &rel, &text, style).map_err(|e| format!("{rel}: {e}"))?;
        let names_file = |l: &String| {
            l.starts_with("rebuild: ")
                && l.split(" -> ").next().is_some_and(|c| {
                    c.split(", ")
                        .any(|p| p.trim_start_matches("rebuild: ").split(' ').next() == Some(&rel))
                        && !c.contains(&format!("{rel} (deleted)"))
                })
        };
        let Some(line) = wait(
            &format!("the rebuild after save {i} of {rel}"),
            seen,
            &names_file,
        ) else {
            missed += 1;
            continue;
        };
        latencies.push(saved.elapsed());
        if step == 1 {
            invalid += 1;
            if !line.contains("error(s); kept the last good outputs") {
                eprintln!("soak: save {i} (invalid) was not reported as an error: {line}");
                wrong += 1;
            }
        } else {
            files.insert(rel.clone(), text);
            good = expected(root, &files)?;
        }
        for (path, contents) in &good {
            if std::fs::read_to_string(root.join(path)).ok().as_deref() != Some(contents) {
                eprintln!("soak: after save {i} ({style:?}) {path} differs from a fresh compile");
                wrong += 1;
            }
        }
        if (i + 1) % 50 == 0 {
            rss.push((i + 1, rss_kb(pid).unwrap_or(0)));
        }
    }
    let elapsed = start.elapsed();
    if rss.last().is_some_and(|(n, _)| *n != saves) {
        rss.push((saves, rss_kb(pid).unwrap_or(0)));
    }
    // A quiet second: the tool's own writes must not start rebuilds.
    std::thread::sleep(Duration::from_secs(1));
    let all = since(0);
    let rebuilds: Vec<&String> = all.iter().filter(|l| l.starts_with("rebuild: ")).collect();
    let self_triggers = rebuilds
        .iter()
        .filter(|l| {
            !l.split(" -> ")
                .next()
                .is_some_and(|c| c.contains("personas/"))
        })
        .count();
    let _ = child.kill();
    let _ = child.wait();
    latencies.sort();
    let pct = |p: usize| {
        latencies
            .get((latencies.len() * p / 100).min(latencies.len().saturating_sub(1)))
            .map_or(0, |d| d.as_millis())
    };
    let after_warmup = rss
        .iter()
        .find(|(n, _)| *n >= 100.min(saves))
        .map_or(0, |r| r.1);
    let last = rss.last().map_or(0, |r| r.1);
    let peak = rss.iter().map(|r| r.1).max().unwrap_or(0);
    println!(
        "soak: {saves} saves ({invalid} invalid) in {:.1} s, {} rebuild lines",
        elapsed.as_secs_f64(),
        rebuilds.len()
    );
    println!(
        "soak: missed rebuilds {missed}, wrong outputs {wrong}, self-triggers {self_triggers}"
    );
    println!(
        "soak: save -> rebuild line: median {} ms, p99 {} ms, max {} ms",
        pct(50),
        pct(99),
        latencies.last().map_or(0, |d| d.as_millis())
    );
    println!(
        "soak: watcher RSS {} KB at start, {after_warmup} KB after {} saves, {last} KB at the end, peak {peak} KB",
        rss[0].1,
        100.min(saves)
    );
    let flat = last * 4 <= after_warmup * 5;
    Ok(missed == 0 && wrong == 0 && self_triggers == 0 && flat)
}
