//! `personamap watch`: a full build, then incremental rebuilds on every save until SIGINT or
//! SIGTERM. The loop lives in `personamap-watch`; this is its terminal.

use personamap_spec::Severity;
use personamap_watch::watcher::{Report, Watch};
use std::io::{IsTerminal as _, Write as _};
use std::path::Path;
use std::process::ExitCode;
use std::time::Duration;

/// `personamap watch [--root DIR] [--debounce MS]`.
pub fn watch(root: &Path, debounce_ms: u64) -> Result<ExitCode, String> {
    let watch = Watch::start(root, Duration::from_millis(debounce_ms))?;
    let stopper = watch.stopper();
    // SIGINT and SIGTERM (and Ctrl-Break on Windows) end the loop; the process exits 0.
    ctrlc::set_handler(move || stopper.stop())
        .map_err(|e| format!("cannot handle SIGINT/SIGTERM: {e}"))?;
    let colour = std::io::stderr().is_terminal()
        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    watch.run(&mut |report| match report {
        Report::Line(line) => {
            let mut out = std::io::stdout().lock();
            let _ = writeln!(out, "{line}");
            let _ = out.flush();
        }
        Report::Diagnostics {
            sources,
            diagnostics,
        } => {
            // Buffered: thousands of warnings are one write, not one per piece of a line.
            let mut err = std::io::BufWriter::new(std::io::stderr().lock());
            for d in diagnostics {
                let _ = writeln!(err, "{}", d.render_styled(sources, colour));
            }
            let errors = diagnostics
                .iter()
                .filter(|d| d.severity == Severity::Error)
                .count();
            let _ = writeln!(
                err,
                "{}: {errors} error(s), {} warning(s)",
                if errors > 0 { "error" } else { "warning" },
                diagnostics.len() - errors
            );
            let _ = err.flush();
        }
        Report::Error(message) => eprintln!("error: {message}"),
    });
    Ok(ExitCode::SUCCESS)
}
