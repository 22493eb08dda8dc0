//! Writes N hostile sample sites (docs.json + personas/) for an external conformance run:
//! `cargo run -p personamap-check --example hostile_sites -- OUT_DIR N [SEED]`.
//! The same seed gives the same sites (site-000 … under OUT_DIR). Each is a whole random spec:
//! several pages with every option, personas with every edge form, class overrides, nested
//! frontmatter, CRLF files, and text from every character class known to break MDX, Mermaid or
//! Mintlify's reprint. Run `personamap generate --root OUT_DIR/site-000` to compile one.

#[path = "../tests/support/hostile.rs"]
mod hostile;

use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(out), Some(Ok(n))) = (args.first(), args.get(1).map(|n| n.parse::<usize>())) else {
        eprintln!("usage: hostile_sites OUT_DIR N [SEED]");
        return ExitCode::FAILURE;
    };
    let seed: u64 = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(4);
    let mut bytes = [0u8; 32];
    bytes[..8].copy_from_slice(&seed.to_le_bytes());
    let rng = TestRng::from_seed(RngAlgorithm::ChaCha, &bytes);
    let mut runner = TestRunner::new_with_rng(Config::default(), rng);
    let strategy = hostile::site();
    for i in 0..n {
        let site = match strategy.new_tree(&mut runner) {
            Ok(tree) => tree.current(),
            Err(e) => {
                eprintln!("cannot generate site {i}: {e}");
                return ExitCode::FAILURE;
            }
        };
        let dir = PathBuf::from(out).join(format!("site-{i:03}"));
        for (path, text) in hostile::files(&site) {
            let file = dir.join(&path);
            let written = file
                .parent()
                .map_or(Ok(()), std::fs::create_dir_all)
                .and_then(|()| std::fs::write(&file, text));
            if let Err(e) = written {
                eprintln!("{}: {e}", file.display());
                return ExitCode::FAILURE;
            }
        }
    }
    println!("wrote {n} sites under {out}");
    ExitCode::SUCCESS
}
