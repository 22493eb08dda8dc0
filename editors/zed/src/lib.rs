//! Zed's side of `personamap lsp`: finds `personamap` on the worktree's `PATH` (installed with
//! `npm i -D personamap`, `cargo install`, or a release binary) and starts it over stdio.

use zed_extension_api as zed;

/// The extension; it keeps no state.
struct Personamap;

impl zed::Extension for Personamap {
    fn new() -> Self {
        Personamap
    }

    fn language_server_command(
        &mut self,
        _id: &zed::LanguageServerId,
        worktree: &zed::Worktree,
    ) -> zed::Result<zed::Command> {
        let command = worktree
            .which("personamap")
            .or_else(|| {
                let local = format!("{}/node_modules/.bin/personamap", worktree.root_path());
                worktree.read_text_file("node_modules/.bin/personamap").ok().map(|_| local)
            })
            .ok_or_else(|| {
                "personamap is not on PATH: install it (`npm i -D personamap` or \
                 `cargo install --locked --path crates/personamap`)"
                    .to_string()
            })?;
        Ok(zed::Command {
            command,
            args: vec!["lsp".into()],
            env: worktree.shell_env(),
        })
    }
}

zed::register_extension!(Personamap);
