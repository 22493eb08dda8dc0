//! Change → diagnostics, in process, on a copy of this repository's spec (Livepeer's): the
//! time from a `didChange` of `personas/p1-ai.toml` to the diagnostics that follow it
//! (`cargo bench -p personamap-lsp`; README "Performance").

#[path = "../tests/common/mod.rs"]
mod common;

use common::{Client, find};
use serde_json::json;

const P1: &str = "personas/p1-ai.toml";

fn main() {
    divan::main();
}

/// A server on a copy of the repository's site with p1-ai.toml open and compiled: the site,
/// the client and the file's text.
fn session() -> (tempfile::TempDir, Client, String) {
    let site = common::repo_site();
    let mut client = Client::start(site.path());
    let text = client.open(P1);
    client.diagnostics(P1);
    (site, client, text)
}

/// An unknown id typed into an edge (a new one each time), then fixed: each change publishes
/// new diagnostics (waited for behind a request, whose answer follows them).
#[divan::bench(sample_count = 40)]
fn type_an_unknown_id(bencher: divan::Bencher) {
    let (_site, mut client, text) = session();
    let at = find(&text, "|charges| Pay", "|charges| ".len());
    let mut id = "Pay".to_string();
    let mut n = 0;
    bencher.bench_local(|| {
        n += 1;
        let next = if n % 2 == 1 {
            format!("Py{n}")
        } else {
            "Pay".to_string()
        };
        client.change(P1, at, (at.0, at.1 + id.len() as u32), &next);
        id = next;
        client.diagnostics(P1);
    });
}

/// A label edited, never the same twice (the spec stays valid: a full compile, every output
/// checked): the change, then the answer of a request queued behind it (the diagnostics are
/// the same, so nothing new is published; the answer comes once they are computed).
#[divan::bench(sample_count = 40)]
fn edit_a_label(bencher: divan::Bencher) {
    let (_site, mut client, text) = session();
    let at = find(&text, "\"go-livepeer\"", 1);
    let mut label = "go-livepeer".to_string();
    let mut n = 0;
    bencher.bench_local(|| {
        n += 1;
        let next = format!("go-livepeer {n}");
        client.change(P1, at, (at.0, at.1 + label.len() as u32), &next);
        label = next;
        client.request("workspace/symbol", json!({ "query": "zzz" }));
    });
}
