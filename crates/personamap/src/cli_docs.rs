//! Shell completions and man pages, generated from the command line's definition.

use std::path::Path;
use std::process::ExitCode;

/// `personamap completions SHELL`: prints the completion script for `shell` on stdout.
pub fn completions(mut cli: clap::Command, shell: clap_complete::Shell) -> ExitCode {
    let name = cli.get_name().to_string();
    clap_complete::generate(shell, &mut cli, name, &mut std::io::stdout());
    ExitCode::SUCCESS
}

/// `personamap man --out-dir DIR`: writes `personamap.1` and one page per command
/// (`personamap-generate.1`, …) into `dir`. The pages carry the crate's version without the
/// commit, so that the committed pages change only with a release.
pub fn man(cli: clap::Command, dir: &Path) -> Result<ExitCode, String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let cli = cli.version(env!("CARGO_PKG_VERSION"));
    clap_mangen::generate_to(cli, dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    Ok(ExitCode::SUCCESS)
}
