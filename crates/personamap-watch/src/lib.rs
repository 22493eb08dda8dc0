//! `personamap watch`: the [`watcher`] loop that compiles the site again through the driver
//! (`personamap-driver`) when an input changes and writes what changed; the [`filter`] of
//! paths that are inputs; and the [`synth`]etic-site generator of the benchmarks.

pub mod filter;
pub mod synth;
pub mod watcher;
