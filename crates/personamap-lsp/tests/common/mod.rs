//! An in-process LSP client (`Connection::memory()`) for the protocol tests, and copies of
//! sites to serve.

#![allow(dead_code)] // each test file uses a different subset

use lsp_server::{Connection, Message, Notification, Request, RequestId, Response};
use lsp_types::{PublishDiagnosticsParams, Uri};
use serde_json::{Value, json};
use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::thread::JoinHandle;
use std::time::Duration;

/// How long a test waits for one message before failing.
const PATIENCE: Duration = Duration::from_secs(120);

/// The workspace root (this repository, a Mintlify site root).
pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .expect("repo root")
}

/// Copies `from` (recursively) into `to`.
pub fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read_dir") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("type").is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

/// A temporary copy of this repository's site: the spec, docs.json, llms.txt, the lock and
/// the generated outputs.
pub fn repo_site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let repo = repo();
    for sub in ["personas", "v2", "snippets"] {
        copy_tree(&repo.join(sub), &dir.path().join(sub));
    }
    for file in ["docs.json", "llms.txt", ".mintignore"] {
        std::fs::copy(repo.join(file), dir.path().join(file)).expect("copy");
    }
    dir
}

/// A temporary copy of the fixture site `tests/fixtures/NAME`.
pub fn fixture_site(name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    copy_tree(&repo().join("tests/fixtures").join(name), dir.path());
    dir
}

/// The `file://` URI of `path`.
pub fn uri(path: &Path) -> Uri {
    personamap_lsp::uri::from_path(path)
}

/// A client talking to a server thread.
pub struct Client {
    conn: Connection,
    server: Option<JoinHandle<Result<(), String>>>,
    /// Notifications received and not yet taken.
    pub inbox: VecDeque<Notification>,
    next: i32,
    /// The site root.
    pub root: PathBuf,
}

impl Client {
    /// Starts a server on `root` and completes the handshake.
    pub fn start(root: &Path) -> Client {
        Client::start_with(root, |_| {})
    }

    /// Starts a server on `root`, lets `before` queue messages before the server runs (so
    /// that they reach it together), then completes the handshake.
    pub fn start_with(root: &Path, before: impl FnOnce(&mut Client)) -> Client {
        let (server, client) = Connection::memory();
        let mut c = Client {
            conn: client,
            server: None,
            inbox: VecDeque::new(),
            next: 0,
            root: root.to_path_buf(),
        };
        let init = c.send_request(
            "initialize",
            json!({
                "processId": null,
                "rootUri": null,
                "workspaceFolders": [{ "uri": uri(root), "name": "site" }],
                "capabilities": {
                    "workspace": { "didChangeWatchedFiles": { "dynamicRegistration": true } }
                }
            }),
        );
        c.notify("initialized", json!({}));
        before(&mut c);
        c.server = Some(std::thread::spawn(move || personamap_lsp::run(server)));
        let response = c.response(init);
        assert!(response.error.is_none(), "{response:?}");
        c
    }

    /// The URI of the site-relative path `rel`.
    pub fn uri(&self, rel: &str) -> Uri {
        uri(&self.root.join(rel))
    }

    /// Sends a request; its id.
    pub fn send_request(&mut self, method: &str, params: Value) -> RequestId {
        self.next += 1;
        let id = RequestId::from(self.next);
        self.conn
            .sender
            .send(Request::new(id.clone(), method.into(), params).into())
            .expect("send");
        id
    }

    /// Sends a notification.
    pub fn notify(&self, method: &str, params: Value) {
        self.conn
            .sender
            .send(Notification::new(method.into(), params).into())
            .expect("send");
    }

    fn receive(&mut self) -> Message {
        match self.conn.receiver.recv_timeout(PATIENCE) {
            Ok(Message::Request(r)) => {
                // The server's own requests (registrations): accepted.
                self.conn
                    .sender
                    .send(Response::new_ok(r.id, Value::Null).into())
                    .expect("send");
                self.receive()
            }
            Ok(m) => m,
            Err(e) => panic!("no message from the server: {e}"),
        }
    }

    /// Waits for the response to `id`, keeping the notifications that come before it.
    pub fn response(&mut self, id: RequestId) -> Response {
        loop {
            match self.receive() {
                Message::Response(r) if r.id == id => return r,
                Message::Response(r) => panic!("a response to another request: {r:?}"),
                Message::Notification(n) => self.inbox.push_back(n),
                Message::Request(_) => unreachable!("answered in receive"),
            }
        }
    }

    /// Sends a request and returns its result (panics on an error response).
    pub fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.send_request(method, params);
        let r = self.response(id);
        match r.error {
            Some(e) => panic!("{method} failed: {e:?}"),
            None => r.result.unwrap_or(Value::Null),
        }
    }

    /// The diagnostics last published for `rel` once the server has handled every message
    /// sent so far (a request's answer comes after the compile of every change before it);
    /// takes every notification from the inbox. Panics when none were published since the
    /// last call.
    pub fn diagnostics(&mut self, rel: &str) -> Vec<lsp_types::Diagnostic> {
        let uri = self.uri(rel);
        self.request("workspace/symbol", serde_json::json!({ "query": "" }));
        let mut last = None;
        for n in self.inbox.drain(..) {
            if n.method == "textDocument/publishDiagnostics" {
                let p: PublishDiagnosticsParams =
                    serde_json::from_value(n.params).expect("publish params");
                if p.uri == uri {
                    last = Some(p.diagnostics);
                }
            }
        }
        last.unwrap_or_else(|| panic!("no diagnostics published for {rel}"))
    }

    /// Opens the site file `rel` with its text on disk; its text.
    pub fn open(&self, rel: &str) -> String {
        let text = std::fs::read_to_string(self.root.join(rel)).expect("read");
        self.notify(
            "textDocument/didOpen",
            json!({ "textDocument": {
                "uri": self.uri(rel), "languageId": "toml", "version": 1, "text": text
            }}),
        );
        text
    }

    /// Replaces the range (line, UTF-16 column pairs) of `rel` with `text`.
    pub fn change(&self, rel: &str, start: (u32, u32), end: (u32, u32), text: &str) {
        self.notify(
            "textDocument/didChange",
            json!({
                "textDocument": { "uri": self.uri(rel), "version": 2 },
                "contentChanges": [{
                    "range": {
                        "start": { "line": start.0, "character": start.1 },
                        "end": { "line": end.0, "character": end.1 }
                    },
                    "text": text
                }]
            }),
        );
    }

    /// `shutdown`, then `exit`: the server must end cleanly.
    pub fn shutdown(mut self) {
        let result = self.request("shutdown", Value::Null);
        assert_eq!(result, Value::Null);
        self.notify("exit", Value::Null);
        let server = self.server.take().expect("started");
        assert_eq!(server.join().expect("no panic"), Ok(()));
    }
}

/// The (line, UTF-16 column) of the first occurrence of `needle` in `text`, plus `skip`
/// characters.
pub fn find(text: &str, needle: &str, skip: usize) -> (u32, u32) {
    let at = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} in the text"))
        + skip;
    let before = &text[..at];
    let line = before.matches('\n').count() as u32;
    let col = before
        .rsplit('\n')
        .next()
        .unwrap_or("")
        .chars()
        .map(|c| c.len_utf16() as u32)
        .sum();
    (line, col)
}

/// A position as JSON.
pub fn pos(p: (u32, u32)) -> Value {
    json!({ "line": p.0, "character": p.1 })
}
