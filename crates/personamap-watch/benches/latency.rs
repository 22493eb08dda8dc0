//! End-to-end watch latency (`cargo bench -p personamap-watch --bench latency`): a synthetic
//! site of 1,000 personas x 40 nodes (10 pages) on disk, the watch loop running, a persona file
//! saved 30 times; each sample is the time from the end of the write to the updated page on
//! disk. Prints median and p95 for several debounce settings, then how long the save styles'
//! own steps take here (the gaps a debounce must cover).

use personamap_watch::synth::{self, Shape};
use personamap_watch::watcher::{Report, Watch};
use std::io::Write as _;
use std::path::Path;
use std::time::{Duration, Instant};

const SAVES: usize = 30;

fn main() {
    let shape = Shape {
        personas: 1000,
        nodes: 40,
        pages: 10,
    };
    for debounce in [10, 30, 50, 100] {
        match run(shape, Duration::from_millis(debounce)) {
            Ok(mut samples) => {
                samples.sort();
                let ms = |d: Duration| d.as_secs_f64() * 1000.0;
                println!(
                    "debounce {debounce:>3} ms: save -> page on disk over {SAVES} saves: median {:.1} ms, p95 {:.1} ms, max {:.1} ms",
                    ms(samples[samples.len() / 2]),
                    ms(samples[(samples.len() * 95).div_ceil(100) - 1]),
                    ms(samples[samples.len() - 1]),
                );
            }
            Err(e) => eprintln!("debounce {debounce} ms: {e}"),
        }
    }
    if let Err(e) = save_steps() {
        eprintln!("save steps: {e}");
    }
}

fn run(shape: Shape, debounce: Duration) -> Result<Vec<Duration>, String> {
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    let root = dir.path();
    synth::write_site(root, shape).map_err(|e| e.to_string())?;
    let watch = Watch::start(root, debounce)?;
    let stopper = watch.stopper();
    let handle = std::thread::spawn(move || watch.run(&mut |_: Report| {}));
    let number = shape.personas / 2;
    let per_page = shape.personas.div_ceil(shape.pages);
    let page = root.join(format!("{}.mdx", synth::page_id((number - 1) / per_page)));
    let persona = root.join(synth::persona_path(number));
    // The first build writes the page.
    wait(&page, "(revision 0)")?;
    let mut samples = Vec::new();
    for revision in 1..=SAVES {
        let text = synth::persona(number, shape.nodes, revision);
        let mut f = std::fs::File::create(&persona).map_err(|e| e.to_string())?;
        f.write_all(text.as_bytes()).map_err(|e| e.to_string())?;
        drop(f);
        let saved = Instant::now();
        wait(&page, &format!("(revision {revision})"))?;
        samples.push(saved.elapsed());
        // Let the debouncer drain before the next save, as between an author's saves.
        std::thread::sleep(debounce * 3);
    }
    stopper.stop();
    handle
        .join()
        .map_err(|_| "the watch thread panicked".to_string())?;
    Ok(samples)
}

/// Polls `path` every 0.5 ms until it contains `marker` (at most 10 s).
fn wait(path: &Path, marker: &str) -> Result<(), String> {
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(10) {
        if std::fs::read_to_string(path).is_ok_and(|t| t.contains(marker)) {
            return Ok(());
        }
        std::thread::sleep(Duration::from_micros(500));
    }
    Err(format!("{} never held {marker}", path.display()))
}

/// Times the steps of the save styles on this disk: an in-place write, a temp write + rename,
/// and vim's rename to backup + write + fsync + backup removal.
fn save_steps() -> Result<(), String> {
    let dir = tempfile::tempdir_in(".").map_err(|e| e.to_string())?;
    let file = dir.path().join("p.toml");
    let text = synth::persona(1, 40, 0);
    std::fs::write(&file, &text).map_err(|e| e.to_string())?;
    let io = |e: std::io::Error| e.to_string();
    let mut worst = [Duration::ZERO; 3];
    for _ in 0..20 {
        let t = Instant::now();
        std::fs::write(&file, &text).map_err(io)?;
        worst[0] = worst[0].max(t.elapsed());
        let t = Instant::now();
        let tmp = dir.path().join("p.toml.tmp");
        std::fs::write(&tmp, &text).map_err(io)?;
        std::fs::rename(&tmp, &file).map_err(io)?;
        worst[1] = worst[1].max(t.elapsed());
        let t = Instant::now();
        let backup = dir.path().join("p.toml~");
        std::fs::rename(&file, &backup).map_err(io)?;
        let mut f = std::fs::File::create(&file).map_err(io)?;
        f.write_all(text.as_bytes()).map_err(io)?;
        f.sync_all().map_err(io)?;
        drop(f);
        std::fs::remove_file(&backup).map_err(io)?;
        worst[2] = worst[2].max(t.elapsed());
    }
    println!(
        "save styles, slowest of 20 (first to last file event): in place {:.2} ms, temp + rename {:.2} ms, vim backup + write + fsync {:.2} ms",
        worst[0].as_secs_f64() * 1000.0,
        worst[1].as_secs_f64() * 1000.0,
        worst[2].as_secs_f64() * 1000.0
    );
    Ok(())
}
