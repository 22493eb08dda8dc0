//! Compile-time benchmarks on synthetic sites (`cargo bench -p personamap-watch --bench
//! compile`), all through the driver: a full load + compile at 10, 100 and 1,000 personas of 40
//! nodes, everything `generate` does from scratch at 1,000 personas (in process), and the
//! rebuild after editing one persona at 1,000 personas (what `watch` does: a compile of the new
//! inputs, memoised on their contents).
//!
//! Sites hold 100 personas per page at most (1,000 personas: 10 pages of 100). The allocator is
//! the CLI's (mimalloc).

use divan::Bencher;
use personamap_driver::{Driver, Site, Validate};
use personamap_watch::synth::{self, Shape};
use personamap_write::Writer;
use std::path::Path;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    divan::main();
}

fn shape(personas: usize) -> Shape {
    Shape {
        personas,
        nodes: 40,
        pages: personas.div_ceil(100),
    }
}

/// The synthetic site held in memory.
fn site(shape: Shape) -> Site {
    synth::site(shape)
        .into_iter()
        .fold(Site::in_memory(), |site, f| {
            site.with_overlay(&f.path, f.contents)
        })
}

/// Everything `generate` does in memory: parse, resolve, render, check.
#[divan::bench(args = [10, 100, 1000], sample_count = 10)]
fn full_compile(bencher: Bencher, personas: usize) {
    let site = site(shape(personas));
    bencher.bench_local(|| {
        // A new driver each time: a cold run, nothing memoised from the previous one.
        let c = Driver::new()
            .compile(&site, Validate::All)
            .expect("the site reads");
        assert!(!c.has_errors(), "{:?}", c.diagnostics);
        c.outputs.map(|o| o.files.len())
    });
}

/// `personamap generate` from scratch, in process: read the spec, load, compile, validate
/// the outputs, plan and write them into a site that holds only its inputs.
#[divan::bench(args = [1000], sample_count = 10)]
fn full_generate(bencher: Bencher, personas: usize) {
    bencher
        .with_inputs(|| {
            let dir = tempfile::tempdir().expect("tempdir");
            synth::write_site(dir.path(), shape(personas)).expect("write the site");
            dir
        })
        .bench_local_values(|dir| {
            generate(dir.path());
            dir
        });
}

/// What `generate` does, without printing: panics on any error.
fn generate(root: &Path) {
    let c = Driver::new()
        .compile(&Site::on_disk(root), Validate::Written)
        .expect("the site reads");
    assert!(!c.has_errors(), "{:?}", c.diagnostics);
    let plan = c.plan.expect("a plan");
    Writer::new(root)
        .expect("writer")
        .apply(&plan)
        .expect("written");
}

/// One persona edited (an editor's buffer), the site compiled again by the same driver.
#[divan::bench(args = [1000], sample_count = 50)]
fn incremental_one_persona(bencher: Bencher, personas: usize) {
    let shape = shape(personas);
    let mut site = site(shape);
    let mut driver = Driver::new();
    assert!(
        !driver
            .compile(&site, Validate::Written)
            .expect("reads")
            .has_errors()
    );
    let path = synth::persona_path(personas / 2);
    let mut revision = 0;
    bencher.bench_local(|| {
        revision += 1;
        let text = synth::persona(personas / 2, shape.nodes, revision);
        site.set_overlay(&path, Some(text));
        let c = driver.compile(&site, Validate::Written).expect("reads");
        assert!(!c.has_errors());
    });
}
