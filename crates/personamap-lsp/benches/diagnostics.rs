//! Change → diagnostics, in process, on a copy of this repository's spec (Livepeer's): the
//! time from a `didChange` of `personas/p1-ai.toml` to the diagnostics that follow it
//! (`cargo bench -p personamap-lsp`; README "Performance").

use lsp_server::{Connection, Message, Notification, Request, RequestId};
use serde_json::{Value, json};
use std::path::Path;

fn main() {
    divan::main();
}

/// A server on a copy of the repository's site, with `personas/p1-ai.toml` open.
struct Session {
    conn: Connection,
    uri: String,
    text: String,
    next: i32,
    _site: tempfile::TempDir,
}

fn copy_tree(from: &Path, to: &Path) {
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

impl Session {
    fn start() -> Session {
        let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let site = tempfile::tempdir().expect("tempdir");
        for sub in ["personas", "v2", "snippets"] {
            copy_tree(&repo.join(sub), &site.path().join(sub));
        }
        for file in ["docs.json", "llms.txt", ".mintignore"] {
            std::fs::copy(repo.join(file), site.path().join(file)).expect("copy");
        }
        let (server, conn) = Connection::memory();
        std::thread::spawn(move || personamap_lsp::run(server));
        let root = personamap_lsp::uri::from_path(site.path());
        let file = site.path().join("personas/p1-ai.toml");
        let text = std::fs::read_to_string(&file).expect("read");
        let mut s = Session {
            conn,
            uri: personamap_lsp::uri::from_path(&file).as_str().to_string(),
            text,
            next: 0,
            _site: site,
        };
        s.request(
            "initialize",
            json!({ "capabilities": {}, "workspaceFolders": [{ "uri": root, "name": "site" }] }),
        );
        s.notify("initialized", json!({}));
        let open = json!({ "textDocument": {
            "uri": s.uri, "languageId": "toml", "version": 1, "text": s.text
        }});
        s.notify("textDocument/didOpen", open);
        s.request("workspace/symbol", json!({ "query": "" }));
        s
    }

    fn notify(&self, method: &str, params: Value) {
        let n = Notification::new(method.into(), params);
        self.conn.sender.send(n.into()).expect("send");
    }

    /// Sends a request and waits for its answer.
    fn request(&mut self, method: &str, params: Value) {
        self.next += 1;
        let id = RequestId::from(self.next);
        let r = Request::new(id.clone(), method.into(), params);
        self.conn.sender.send(r.into()).expect("send");
        loop {
            if let Message::Response(r) = self.conn.receiver.recv().expect("answer")
                && r.id == id
            {
                return;
            }
        }
    }

    /// Replaces the whole text of p1-ai.toml with `text`.
    fn change(&self, text: &str) {
        self.notify(
            "textDocument/didChange",
            json!({
                "textDocument": { "uri": self.uri, "version": 2 },
                "contentChanges": [{ "text": text }]
            }),
        );
    }

    /// Waits for the next diagnostics published for p1-ai.toml.
    fn published(&self) {
        loop {
            if let Message::Notification(n) = self.conn.receiver.recv().expect("publish")
                && n.method == "textDocument/publishDiagnostics"
                && n.params["uri"] == self.uri.as_str()
            {
                return;
            }
        }
    }
}

/// An unknown id typed into an edge (a new one each time), then fixed: each change publishes
/// new diagnostics.
#[divan::bench(sample_count = 40)]
fn type_an_unknown_id(bencher: divan::Bencher) {
    let s = Session::start();
    let mut n = 0;
    bencher.bench_local(|| {
        n += 1;
        if n % 2 == 1 {
            let id = format!("|charges| Py{n}");
            s.change(&s.text.replacen("|charges| Pay", &id, 1));
        } else {
            s.change(&s.text);
        }
        s.published();
    });
}

/// A label edited (the spec stays valid: a full compile, its outputs checked): the change,
/// then the answer of a request queued behind it (the diagnostics are unchanged, so nothing
/// new is published; the answer comes once they are computed).
#[divan::bench(sample_count = 40)]
fn edit_a_label(bencher: divan::Bencher) {
    let mut s = Session::start();
    let base = s.text.clone();
    let mut n = 0;
    bencher.bench_local(|| {
        // A label never compiled before: no diagram memo holds it.
        n += 1;
        s.change(&base.replacen("\"go-livepeer\"", &format!("\"go-livepeer {n}\""), 1));
        s.request("workspace/symbol", json!({ "query": "zzz" }));
    });
}
