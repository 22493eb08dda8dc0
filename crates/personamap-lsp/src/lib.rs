//! `personamap lsp`: the language server of spec files, over stdio.
//!
//! A protocol layer only: every diagnostic comes from the driver
//! ([`personamap_driver::Driver::compile`] of the site on disk with the open buffers as
//! overlays, so an unsaved buffer is checked exactly as `check` checks the file), every answer
//! about the spec's names from `personamap-ide`, formatting from `personamap fmt`'s layout.
//! This crate converts positions (LSP's UTF-16 columns ↔ byte offsets), URIs and kinds, and
//! keeps the loop: requests are answered in order, each under `catch_unwind`; changes are
//! compiled once the queue of messages is empty (or before a request reads the result).

mod diagnostics;
mod handlers;
mod server;
pub mod text;
pub mod uri;

pub use server::run;

/// Runs the server on stdin and stdout until the client's `exit`. An error when the
/// connection broke or the client exited without `shutdown`.
pub fn stdio() -> Result<(), String> {
    let (connection, threads) = lsp_server::Connection::stdio();
    let result = run(connection);
    threads.join().map_err(|e| format!("stdio: {e}"))?;
    result
}
