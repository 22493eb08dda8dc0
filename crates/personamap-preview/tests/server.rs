//! The preview server in process, on loopback: routing, the Host check, path traversal, live
//! updates and reconnects. Every read has a timeout, and stopping a server waits a bounded time,
//! so a hang fails instead of blocking.

use personamap_preview::{Options, Running};
use std::io::{Read as _, Write as _};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const TIMEOUT: Duration = Duration::from_secs(60);
const PAGE: &str = "maps/who-uses-orbit";

fn copy(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read_dir") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("type").is_dir() {
            copy(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).expect("copy");
        }
    }
}

/// The tabs-cards fixture in a temporary folder, served on a free port.
fn serve() -> (tempfile::TempDir, Running) {
    let dir = tempfile::tempdir().expect("tempdir");
    let fixture = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/tabs-cards");
    copy(&fixture, dir.path());
    let running = personamap_preview::start(Options {
        root: dir.path().to_path_buf(),
        port: 0,
        write: false,
    })
    .expect("the server starts");
    (dir, running)
}

fn connect(running: &Running) -> TcpStream {
    let stream = TcpStream::connect(running.addr()).expect("connect");
    stream.set_read_timeout(Some(TIMEOUT)).expect("timeout");
    stream
}

/// Sends a raw request and reads the whole response (the server closes after it).
fn raw(running: &Running, request: &str) -> String {
    let mut stream = connect(running);
    stream.write_all(request.as_bytes()).expect("write");
    let mut out = Vec::new();
    stream.read_to_end(&mut out).expect("read");
    String::from_utf8_lossy(&out).into_owned()
}

fn get(running: &Running, path: &str) -> String {
    let host = running.addr().to_string();
    raw(
        running,
        &format!("GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"),
    )
}

fn status(response: &str) -> &str {
    response.split(' ').nth(1).unwrap_or("")
}

/// An open event stream of `page`.
struct Events {
    stream: TcpStream,
    seen: String,
}

impl Events {
    fn open(running: &Running, page: &str) -> Events {
        let mut stream = connect(running);
        let host = running.addr().to_string();
        write!(
            stream,
            "GET /_personamap/events/{page} HTTP/1.1\r\nHost: {host}\r\nAccept: text/event-stream\r\n\r\n"
        )
        .expect("write");
        Events {
            stream,
            seen: String::new(),
        }
    }

    /// Reads until the `n`-th `update` event holding `needle` has arrived; its data.
    fn until(&mut self, needle: &str) -> String {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            if let Some(event) = self
                .seen
                .split("event: update\n")
                .skip(1)
                .find(|e| e.contains(needle))
            {
                let data = event
                    .lines()
                    .find(|l| l.starts_with("data: "))
                    .unwrap_or("");
                let data = data.to_string();
                // Later reads look past this event.
                let at = self.seen.find(&data).unwrap_or(0) + data.len();
                self.seen.drain(..at);
                return data;
            }
            assert!(
                Instant::now() < deadline,
                "no event with {needle:?}: {}",
                self.seen
            );
            let mut buf = [0u8; 65536];
            let n = self.stream.read(&mut buf).expect("read an event");
            assert!(n > 0, "the stream ended: {}", self.seen);
            self.seen.push_str(&String::from_utf8_lossy(&buf[..n]));
        }
    }
}

#[test]
fn routes_serve_pages_the_index_and_assets_only() {
    let (_dir, running) = serve();
    let index = get(&running, "/");
    assert_eq!(status(&index), "200", "{index}");
    assert!(
        index.contains(&format!("<a href=\"/{PAGE}\">Who uses Orbit</a>")),
        "{index}"
    );
    assert!(
        index.contains("content-security-policy: default-src 'self'"),
        "{index}"
    );
    let page = get(&running, &format!("/{PAGE}"));
    assert_eq!(status(&page), "200");
    assert_eq!(
        page.matches("<figure class=\"pm-map\"").count(),
        2,
        "{page}"
    );
    assert!(page.contains("data-persona=\"1\"") && page.contains("data-persona=\"2\""));
    assert!(page.contains("<div class=\"pm-tabs\">"));
    assert!(page.contains("/_personamap/vendor/mermaid/mermaid.min.js"));
    let json = get(&running, &format!("/_personamap/page/{PAGE}"));
    assert_eq!(status(&json), "200");
    assert!(json.contains("\"sections\":[{\"key\":\"head\""), "{json}");
    for (path, kind) in [
        ("/_personamap/preview.js", "text/javascript"),
        ("/_personamap/preview.css", "text/css"),
        (
            "/_personamap/vendor/layout-elk/mermaid-layout-elk.esm.min.mjs",
            "text/javascript",
        ),
    ] {
        let r = get(&running, path);
        assert_eq!(status(&r), "200", "{path}");
        assert!(r.contains(&format!("content-type: {kind}")), "{path}: {r}");
    }
    for path in [
        "/no/such/page",
        "/_personamap/nothing.js",
        "/_personamap/page/no/such",
    ] {
        assert_eq!(status(&get(&running, path)), "404", "{path}");
    }
    let host = running.addr().to_string();
    let post = raw(
        &running,
        &format!(
            "POST / HTTP/1.1\r\nHost: {host}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
        ),
    );
    assert_eq!(status(&post), "405", "{post}");
    running.stop().expect("stops");
}

#[test]
fn requests_for_other_hosts_are_refused() {
    let (_dir, running) = serve();
    let port = running.addr().port();
    for host in [
        "evil.example".to_string(),
        format!("evil.example:{port}"),
        format!("127.0.0.1.evil.example:{port}"),
        format!("localhost.evil.example:{port}"),
        "192.168.1.10".to_string(),
    ] {
        let r = raw(
            &running,
            &format!("GET / HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"),
        );
        assert_eq!(status(&r), "403", "{host}: {r}");
        assert!(!r.contains("Who uses Orbit"), "{host}");
    }
    // No Host at all (HTTP/1.0).
    let r = raw(&running, "GET / HTTP/1.0\r\n\r\n");
    assert_eq!(status(&r), "403", "{r}");
    for host in [
        format!("localhost:{port}"),
        format!("127.0.0.1:{port}"),
        format!("[::1]:{port}"),
    ] {
        let r = raw(
            &running,
            &format!("GET / HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"),
        );
        assert_eq!(status(&r), "200", "{host}");
    }
    running.stop().expect("stops");
}

#[test]
fn no_path_reaches_a_file_of_the_site() {
    let (dir, running) = serve();
    let secret = "secret-bytes-of-the-site";
    std::fs::write(dir.path().join("notes.txt"), secret).expect("write");
    for path in [
        "/notes.txt",
        "/docs.json",
        "/personas/spec.toml",
        "/start/install.mdx",
        "/start/install",
        "/../notes.txt",
        "/%2e%2e/notes.txt",
        "/maps/../notes.txt",
        "/_personamap/../notes.txt",
        "/_personamap/%2e%2e/%2e%2e/notes.txt",
        "/_personamap/vendor/../../Cargo.toml",
        "/_personamap/vendor/mermaid/../../../src/lib.rs",
        "/_personamap/vendor/MANIFEST",
        "/_personamap/page/../../notes.txt",
        "/%00",
        "/%ff",
        "//etc/passwd",
    ] {
        let host = running.addr().to_string();
        let r = raw(
            &running,
            &format!("GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"),
        );
        assert!(matches!(status(&r), "404" | "400"), "{path}: {r}");
        for leaked in [
            secret,
            "\"navigation\"",
            "[[persona]]",
            "fn main",
            "root:x:0",
        ] {
            assert!(!r.contains(leaked), "{path} leaked {leaked}");
        }
    }
    running.stop().expect("stops");
}

#[test]
fn saves_reach_every_client_and_reconnects_catch_up() {
    let (dir, running) = serve();
    let mut clients: Vec<Events> = (0..4).map(|_| Events::open(&running, PAGE)).collect();
    for c in &mut clients {
        let first = c.until("\"version\":1");
        assert!(
            first.contains("\"html\":{}"),
            "the first event sends no HTML: {first}"
        );
    }
    // A label edit: every client gets the changed section, not the unchanged ones.
    let spec = dir.path().join("personas/spec.toml");
    let text = std::fs::read_to_string(&spec).expect("read");
    std::fs::write(&spec, text.replace("Source code", "Source tree")).expect("write");
    for c in &mut clients {
        let event = c.until("Source tree");
        assert!(event.contains("\"errors\":[]"), "{event}");
        assert!(
            !event.contains("\"head\":"),
            "the unchanged head is not sent: {event}"
        );
    }
    drop(clients);
    // An error: the overlay's diagnostic, located; the last good page stays.
    std::fs::write(
        &spec,
        text.replace("edges = \"AU -.-> SRC\"", "edges = \"AU -.-> NOPE\""),
    )
    .expect("write");
    let mut again = Events::open(&running, PAGE);
    let event = again.until("\"error\":true");
    assert!(event.contains("personas/spec.toml:"), "{event}");
    let page = get(&running, &format!("/{PAGE}"));
    assert!(page.contains("Source tree"), "the last good page is shown");
    assert!(
        page.contains("id=\"pm-overlay\" role=\"alert\">"),
        "the overlay is open: {page}"
    );
    // The fix clears it; reconnecting clients get the latest state at once.
    std::fs::write(&spec, &text).expect("write");
    again.until("Source code");
    for _ in 0..3 {
        let mut c = Events::open(&running, PAGE);
        let event = c.until("\"errors\":[]");
        assert!(event.contains("\"sections\""), "{event}");
    }
    // Stopping ends open streams too.
    let open = Events::open(&running, PAGE);
    let started = Instant::now();
    running.stop().expect("stops");
    assert!(started.elapsed() < TIMEOUT);
    drop(open);
}

#[test]
fn a_slow_save_in_place_is_compiled_once_written() {
    let (dir, running) = serve();
    let mut events = Events::open(&running, PAGE);
    events.until("\"version\":1");
    // An editor's save in place, its writer slowed down (a loaded machine): truncated, written
    // a moment later, then closed. The empty file is never compiled: the next version is the
    // written one.
    let spec = dir.path().join("personas/spec.toml");
    let text = std::fs::read_to_string(&spec).expect("read");
    let mut file = std::fs::File::create(&spec).expect("truncate");
    std::thread::sleep(Duration::from_millis(300));
    file.write_all(text.replace("Source code", "Source tree").as_bytes())
        .expect("write");
    drop(file);
    let event = events.until("Source tree");
    assert!(
        event.contains("\"version\":2") && event.contains("\"errors\":[]"),
        "the half-written file was compiled: {event}"
    );
    running.stop().expect("stops");
}

#[test]
fn a_save_of_a_hand_written_divider_rebuilds() {
    // The tabs-cards fixture with its divider hand-written (`generate = false`).
    let dir = tempfile::tempdir().expect("tempdir");
    let fixture = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/tabs-cards");
    copy(&fixture, dir.path());
    let spec = dir.path().join("personas/spec.toml");
    let text = std::fs::read_to_string(&spec).expect("read");
    let own = text.replace(
        "[divider]\npath = \"snippets/Divider.jsx\"\nlogo = \"/orbit.svg\"\n",
        "[divider]\npath = \"snippets/own/Rule.jsx\"\ngenerate = false\nexport = \"Rule\"\n",
    );
    assert_ne!(own, text, "the fixture's divider table");
    std::fs::write(&spec, own).expect("write");
    let snippet = dir.path().join("snippets/own/Rule.jsx");
    std::fs::create_dir_all(snippet.parent().expect("parent")).expect("mkdir");
    let good = "export const Rule = () => <hr />;\n";
    std::fs::write(&snippet, good).expect("write");
    let running = personamap_preview::start(Options {
        root: dir.path().to_path_buf(),
        port: 0,
        write: false,
    })
    .expect("the server starts");
    let mut events = Events::open(&running, PAGE);
    events.until("\"errors\":[]");
    // The snippet stops exporting the component the page imports: the overlay says so.
    std::fs::write(&snippet, "export const Other = () => <hr />;\n").expect("write");
    let event = events.until("\"error\":true");
    assert!(event.contains("Rule"), "{event}");
    // Put back: the overlay clears.
    std::fs::write(&snippet, good).expect("write");
    events.until("\"errors\":[]");
    running.stop().expect("stops");
}
