//! Incremental rebuilds for `personamap watch`: a pure [`engine`] that re-parses only changed
//! spec files and re-renders only the outputs they affect, and the [`watcher`] that feeds it
//! file events and writes its outputs.

pub mod engine;
pub mod filter;
pub mod synth;
pub mod watcher;
