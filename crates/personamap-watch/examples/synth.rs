//! Writes a synthetic site for benchmarks and manual timing.
//!
//! `cargo run --release -p personamap-watch --example synth -- DIR [PERSONAS] [NODES] [PAGES]`
//! (defaults: 1000 personas, 40 nodes, 1 page).

use personamap_watch::synth::{Shape, write_site};
use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(dir) = args
        .first()
        .filter(|a| !a.starts_with('-'))
        .map(PathBuf::from)
    else {
        eprintln!("usage: synth DIR [PERSONAS] [NODES] [PAGES]");
        return ExitCode::FAILURE;
    };
    let number = |i: usize, default: usize| -> Result<usize, String> {
        args.get(i).map_or(Ok(default), |s| {
            s.parse().map_err(|e| format!("`{s}`: {e}"))
        })
    };
    let shape = match (number(1, 1000), number(2, 40), number(3, 1)) {
        (Ok(personas), Ok(nodes), Ok(pages)) => Shape {
            personas,
            nodes,
            pages,
        },
        (Err(e), _, _) | (_, Err(e), _) | (_, _, Err(e)) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    if let Err(e) = write_site(&dir, shape) {
        eprintln!("error: {}: {e}", dir.display());
        return ExitCode::FAILURE;
    }
    println!(
        "wrote {} personas x {} nodes on {} page(s) to {}",
        shape.personas,
        shape.nodes,
        shape.pages,
        dir.display()
    );
    ExitCode::SUCCESS
}
