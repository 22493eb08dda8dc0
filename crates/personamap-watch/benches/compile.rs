//! Compile-time benchmarks on synthetic sites (`cargo bench -p personamap-watch --bench
//! compile`): a full load + compile at 10, 100 and 1,000 personas of 40 nodes, and the
//! incremental rebuild after editing one persona at 1,000 personas.
//!
//! Sites hold 100 personas per page at most (1,000 personas: 10 pages of 100).

use divan::Bencher;
use personamap_render::{Compiler, SiteInputs};
use personamap_spec::{SourceFile, Sources};
use personamap_watch::engine::{Engine, Rebuild};
use personamap_watch::synth::{self, Shape};

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

/// One persona edited, the engine rebuilt: parse that file, resolve its personas, render its
/// page and the non-page outputs, validate what changed.
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
