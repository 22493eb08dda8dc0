//! Every input under `tests/fuzz-regressions/TARGET/` once crashed the fuzz target TARGET;
//! replayed through the fuzz harness itself, none may panic.

#[path = "../../../fuzz/src/lib.rs"]
mod harness;

use std::path::Path;

#[test]
fn fuzz_crashes_stay_fixed() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fuzz-regressions");
    let mut replayed = 0;
    let mut targets: Vec<_> = std::fs::read_dir(&corpus)
        .expect("tests/fuzz-regressions exists")
        .flatten()
        .filter(|e| e.path().is_dir())
        .collect();
    targets.sort_by_key(|e| e.file_name());
    for target in targets {
        let name = target.file_name().to_string_lossy().into_owned();
        let mut inputs: Vec<_> = std::fs::read_dir(target.path())
            .expect("readable folder")
            .flatten()
            .map(|e| e.path())
            .collect();
        inputs.sort();
        for input in inputs {
            let data = std::fs::read(&input).expect("readable input");
            let result = std::panic::catch_unwind(|| harness::replay(&name, &data));
            assert!(result.is_ok(), "{} panics again", input.display());
            replayed += 1;
        }
    }
    assert!(replayed > 0, "no regression inputs found");
}
