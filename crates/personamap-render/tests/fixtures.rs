//! Snapshot tests: every spec under `tests/fixtures/` compiles, deterministically, to the
//! snapshotted outputs and Markdown exports.

use personamap_render::{Compiler, OutputKind, SiteInputs};
use std::path::{Path, PathBuf};

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn read(path: &Path) -> Option<String> {
    std::fs::read_to_string(path).ok()
}

#[test]
fn fixtures_compile_to_snapshots() {
    let dir = workspace().join("tests/fixtures");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("tests/fixtures exists")
        .filter_map(|e| e.ok())
        .filter(|e| e.path().join("personas").is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert!(
        names.len() >= 2,
        "expected at least two fixture specs, found {names:?}"
    );
    let compiler = Compiler::new();
    for name in names {
        let root = dir.join(&name);
        let sources = personamap_spec::read_spec_dir(&root).expect("readable spec");
        let (spec, diags) = personamap_spec::load(sources);
        let errors: Vec<_> = diags
            .iter()
            .filter(|d| d.severity == personamap_spec::Severity::Error)
            .collect();
        assert!(errors.is_empty(), "{name}: {errors:?}");
        let spec = spec.expect("no errors, so a spec");
        let site = SiteInputs {
            docs_json: read(&root.join("docs.json")),
            llms_txt: read(&root.join("llms.txt")),
            ..SiteInputs::default()
        };
        let outputs = compiler.compile(&spec, &site).expect("compiles");
        let again = compiler.compile(&spec, &site).expect("compiles");
        assert_eq!(
            outputs.files, again.files,
            "{name}: compile is deterministic"
        );
        // Every output is at a path its emitter declares, and every declared path is written.
        let written: Vec<&str> = outputs.files.iter().map(|f| f.path.as_str()).collect();
        let declared: Vec<String> = personamap_render::emit::EMITTERS
            .iter()
            .flat_map(|e| e.paths(&spec, &site))
            .collect();
        assert_eq!(written, declared, "{name}: the emitters' declared paths");
        for file in outputs
            .files
            .iter()
            .filter(|f| f.kind != OutputKind::Schema)
        {
            insta::assert_snapshot!(
                format!("{name}__{}", file.path.replace('/', "__")),
                file.contents
            );
        }
        for page in &spec.pages {
            let export = compiler.export(&spec, &site, &page.id).expect("exports");
            insta::assert_snapshot!(
                format!("{name}__export__{}", page.id.replace('/', "__")),
                export
            );
        }
    }
}
