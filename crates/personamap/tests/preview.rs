//! `personamap preview` as a process: by default it writes nothing; with `--write` it writes
//! exactly what `generate` writes; SIGTERM ends it with exit 0. Loopback only, every wait
//! bounded.
#![cfg(unix)]

mod common;

use common::{copy_tree, repo, run_in, snapshot};
use std::io::{BufRead as _, BufReader, Read as _, Write as _};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const TIMEOUT: Duration = Duration::from_secs(30);

fn fixture() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    copy_tree(&repo().join("tests/fixtures/tabs-cards"), dir.path());
    dir
}

/// Starts the preview on a free port; returns it and its address once it prints its URL
/// (after the first compile, and its writes with `--write`).
fn preview(root: &Path, extra: &[&str]) -> (Child, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_personamap"))
        .args(["preview", "--port", "0", "--root"])
        .arg(root)
        .args(extra)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("preview starts");
    let stdout = child.stdout.take().expect("stdout");
    let mut lines = BufReader::new(stdout).lines();
    let addr = loop {
        let line = lines
            .next()
            .expect("preview prints its URL")
            .expect("a line");
        if let Some(rest) = line.strip_prefix("personamap preview: http://") {
            break rest.split('/').next().unwrap_or("").to_string();
        }
    };
    // Keep reading stdout so the server never blocks on a full pipe.
    std::thread::spawn(move || for _ in lines {});
    (child, addr)
}

fn get(addr: &str, path: &str) -> String {
    let mut stream = TcpStream::connect(addr).expect("connect");
    stream.set_read_timeout(Some(TIMEOUT)).expect("timeout");
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .expect("write");
    let mut out = String::new();
    stream.read_to_string(&mut out).expect("read");
    out
}

/// SIGTERM, then the exit status within the timeout.
fn terminate(mut child: Child) -> std::process::ExitStatus {
    let pid = child.id().to_string();
    let sent = Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .expect("kill runs");
    assert!(sent.success());
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait().expect("wait") {
            return status;
        }
        assert!(
            started.elapsed() < TIMEOUT,
            "preview did not stop on SIGTERM"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn bytes(root: &Path) -> Vec<(std::path::PathBuf, Vec<u8>)> {
    snapshot(root)
        .into_iter()
        .map(|(path, (bytes, _))| {
            let rel = path
                .strip_prefix(root)
                .expect("under the root")
                .to_path_buf();
            (rel, bytes)
        })
        .collect()
}

#[test]
fn preview_writes_nothing_by_default_and_stops_on_sigterm() {
    let site = fixture();
    let before = snapshot(site.path());
    let (child, addr) = preview(site.path(), &[]);
    let index = get(&addr, "/");
    assert!(index.starts_with("HTTP/1.1 200"), "{index}");
    assert!(index.contains("Who uses Orbit"), "{index}");
    let page = get(&addr, "/maps/who-uses-orbit");
    assert!(page.contains("class=\"pm-map\""), "{page}");
    let status = terminate(child);
    assert!(status.success(), "{status}");
    assert!(snapshot(site.path()) == before, "preview wrote to the site");
}

#[test]
fn preview_write_writes_what_generate_writes() {
    let previewed = fixture();
    let generated = fixture();
    let (child, _) = preview(previewed.path(), &["--write"]);
    let status = terminate(child);
    assert!(status.success(), "{status}");
    let out = run_in(generated.path(), &["generate"]);
    assert!(out.status.success());
    let written = bytes(previewed.path());
    assert!(
        written
            .iter()
            .any(|(p, _)| p.ends_with("maps/who-uses-orbit.mdx")),
        "nothing written: {:?}",
        written.iter().map(|(p, _)| p).collect::<Vec<_>>()
    );
    assert!(
        written == bytes(generated.path()),
        "preview --write and generate differ"
    );
}
