//! Compile-time benchmarks on synthetic sites (`cargo bench -p personamap-watch --bench
//! compile`): a full load + compile at 10, 100 and 1,000 personas of 40 nodes, everything
//! `generate` does from scratch at 1,000 personas (in process), and the incremental rebuild
//! after editing one persona at 1,000 personas.
//!
//! Sites hold 100 personas per page at most (1,000 personas: 10 pages of 100). The allocator is
//! the CLI's (mimalloc).

use divan::Bencher;
use personamap_render::{Compiler, SiteInputs};
use personamap_spec::{SourceFile, Sources};
use personamap_watch::engine::{Engine, Rebuild};
use personamap_watch::synth::{self, Shape};
use personamap_write::{FileOut, Writer};
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

fn inputs(shape: Shape) -> (Vec<SourceFile>, SiteInputs) {
    let files = synth::site(shape);
    let site = SiteInputs {
        docs_json: Some(files[0].contents.clone()),
        llms_txt: Some(files[1].contents.clone()),
        ..SiteInputs::default()
    };
    let spec = files
        .into_iter()
        .filter(|f| f.path.ends_with(".toml"))
        .map(|f| SourceFile {
            path: f.path,
            text: f.contents,
        })
        .collect();
    (spec, site)
}

/// Everything `generate` does in memory: parse, resolve, render.
#[divan::bench(args = [10, 100, 1000], sample_count = 10)]
fn full_compile(bencher: Bencher, personas: usize) {
    let (files, site) = inputs(shape(personas));
    bencher.bench_local(|| {
        let (spec, _) = personamap_spec::load(Sources::new(files.clone()));
        let spec = spec.expect("the synthetic spec loads");
        // A new compiler each time: a cold run, no diagram cached from the previous one.
        Compiler::new()
            .compile(&spec, &site)
            .expect("it compiles")
            .files
            .len()
    });
}

/// `personamap generate` from scratch, in process: read the spec, load, compile, validate
/// every output, plan and write them into a site that holds only its inputs.
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
    let (sources, _) = personamap_spec::read_spec_dir_warn(root).expect("read the spec");
    let (spec, _) = personamap_spec::load(sources);
    let spec = spec.expect("the synthetic spec loads");
    let read = |rel: &str| std::fs::read_to_string(root.join(rel)).ok();
    let site = SiteInputs {
        docs_json: read("docs.json"),
        llms_txt: read("llms.txt"),
        ..SiteInputs::default()
    };
    let outputs = Compiler::new().compile(&spec, &site).expect("it compiles");
    let diags = personamap_check::validate(&spec, &outputs);
    assert!(!personamap_spec::diag::has_errors(&diags));
    let writer = Writer::new(root).expect("writer");
    let files = FileOut::all(&outputs.files);
    let plan = writer.plan_with(&files, &outputs.inserted).expect("a plan");
    writer.apply(&plan).expect("written");
}

/// One persona edited, the engine rebuilt: parse that file, resolve its personas, render its
/// page and the non-page outputs.
#[divan::bench(args = [1000], sample_count = 50)]
fn incremental_one_persona(bencher: Bencher, personas: usize) {
    let shape = shape(personas);
    let (files, site) = inputs(shape);
    let mut engine = Engine::new(files, site);
    assert!(matches!(engine.rebuild(), Rebuild::Built(_)));
    let path = synth::persona_path(personas / 2);
    let mut revision = 0;
    bencher.bench_local(|| {
        revision += 1;
        let text = synth::persona(personas / 2, shape.nodes, revision);
        engine.set_spec_file(&path, Some(text));
        match engine.rebuild() {
            Rebuild::Built(b) => b.pages_rendered,
            other => panic!("{other:?}"),
        }
    });
}
