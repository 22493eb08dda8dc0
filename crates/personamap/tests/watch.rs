//! `personamap watch` end to end: the real binary on a temporary site, files changed the way
//! editors change them, outputs polled for with generous timeouts (never a fixed sleep used as
//! an assertion).

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime};

const DEBOUNCE_MS: u64 = 40;
const PAGE: &str = "guides/personas.mdx";
const SNIPPET: &str = "snippets/Divider.jsx";

const DOCS_JSON: &str = r#"{
  "$schema": "https://mintlify.com/docs.json",
  "theme": "palm",
  "name": "Watch Docs",
  "description": "A site for the watch tests.",
  "navigation": {
    "groups": [
      {
        "group": "Guides",
        "pages": [
          "guides/intro",
          "guides/personas"
        ]
      }
    ]
  }
}
"#;

const SITE_TOML: &str = r##"[site]
base_url = "https://docs.example.org"

[divider]
path = "snippets/Divider.jsx"
logo = "/logo.svg"

[[page]]
id = "guides/personas"
title = "Persona maps"
description = "What each persona touches, drawn as one map per persona for the watch tests."
navigation = ["Guides"]
after = "guides/intro"

[[palette]]
name = "persona"
meaning = "The persona"
fill = "#0b66ff"
stroke = "#0a4cc6"
color = "#ffffff"

[[palette]]
name = "infra"
meaning = "Infrastructure"
fill = "#e1f5ee"
stroke = "#0f6e56"
color = "#04342c"
"##;

fn persona(number: u32, name: &str) -> String {
    format!(
        r#"[[persona]]
number = {number}
name = "{name}"
intro = "Looking for an API."
edges = "P{number} --> Gw{number}"

[[persona.group]]
class = "persona"
nodes = [{{ id = "P{number}", label = ["Persona {number}"] }}]

[[persona.group]]
class = "infra"
nodes = [{{ id = "Gw{number}", label = ["Gateway {number}"] }}]
"#
    )
}

/// A temporary site with two personas, generated once.
fn site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    std::fs::create_dir_all(root.join("personas")).expect("mkdir");
    std::fs::write(root.join("docs.json"), DOCS_JSON).expect("write");
    std::fs::write(
        root.join("llms.txt"),
        "# Watch Docs\n\n> A site.\n\n## Docs\n",
    )
    .expect("write");
    std::fs::write(root.join("personas/site.toml"), SITE_TOML).expect("write");
    std::fs::write(root.join("personas/p1.toml"), persona(1, "Alpha Persona")).expect("write");
    std::fs::write(root.join("personas/p2.toml"), persona(2, "Beta Persona")).expect("write");
    dir
}

/// A running `personamap watch` and the lines it printed.
struct Watcher {
    child: Child,
    lines: Arc<Mutex<Vec<String>>>,
    root: PathBuf,
}

impl Watcher {
    fn start(root: &Path) -> Self {
        Watcher::start_debounced(root, DEBOUNCE_MS)
    }

    fn start_debounced(root: &Path, debounce_ms: u64) -> Self {
        let mut child = Command::new(env!("CARGO_BIN_EXE_personamap"))
            .args(["watch", "--debounce", &debounce_ms.to_string(), "--root"])
            .arg(root)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn personamap watch");
        let lines = Arc::new(Mutex::new(Vec::new()));
        for stream in [
            child
                .stdout
                .take()
                .map(|s| Box::new(s) as Box<dyn std::io::Read + Send>),
            child
                .stderr
                .take()
                .map(|s| Box::new(s) as Box<dyn std::io::Read + Send>),
        ]
        .into_iter()
        .flatten()
        {
            let lines = lines.clone();
            std::thread::spawn(move || {
                for line in BufReader::new(stream).lines().map_while(Result::ok) {
                    lines.lock().expect("lock").push(line);
                }
            });
        }
        let w = Watcher {
            child,
            lines,
            root: root.to_path_buf(),
        };
        w.wait_for("the first build", |w| w.count("watch: ") == 1);
        w
    }

    fn count(&self, prefix: &str) -> usize {
        let lines = self.lines.lock().expect("lock");
        lines.iter().filter(|l| l.starts_with(prefix)).count()
    }

    fn rebuilds(&self) -> Vec<String> {
        let lines = self.lines.lock().expect("lock");
        lines
            .iter()
            .filter(|l| l.starts_with("rebuild: "))
            .cloned()
            .collect()
    }

    fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.root.join(rel)).unwrap_or_default()
    }

    /// Polls `done` every 50 ms for up to 30 s.
    fn wait_for(&self, what: &str, done: impl Fn(&Self) -> bool) {
        let start = Instant::now();
        while !done(self) {
            assert!(
                start.elapsed() < Duration::from_secs(30),
                "timed out waiting for {what}; output so far:\n{}",
                self.lines.lock().expect("lock").join("\n")
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Sends SIGTERM (on unix) and checks the clean exit.
    fn stop(mut self) {
        #[cfg(unix)]
        {
            let status = Command::new("kill")
                .args(["-TERM", &self.child.id().to_string()])
                .status()
                .expect("kill");
            assert!(status.success());
            let code = self.child.wait().expect("wait");
            assert_eq!(code.code(), Some(0), "watch exits 0 on SIGTERM");
        }
        #[cfg(not(unix))]
        {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

impl Drop for Watcher {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn edit(root: &Path, rel: &str, from: &str, to: &str) {
    let path = root.join(rel);
    let text = std::fs::read_to_string(&path).expect("read");
    assert!(text.contains(from), "{rel} holds {from}");
    std::fs::write(path, text.replace(from, to)).expect("write");
}

fn mtime(root: &Path, rel: &str) -> SystemTime {
    std::fs::metadata(root.join(rel))
        .and_then(|m| m.modified())
        .expect("mtime")
}

#[test]
fn an_edit_rewrites_the_page() {
    let dir = site();
    let w = Watcher::start(dir.path());
    assert!(w.read(PAGE).contains("Alpha Persona"));
    edit(
        dir.path(),
        "personas/p1.toml",
        "Alpha Persona",
        "Gamma Persona",
    );
    w.wait_for("the new name", |w| w.read(PAGE).contains("Gamma Persona"));
    w.wait_for("the rebuild line", |w| {
        w.rebuilds()
            .iter()
            .any(|l| l.contains("personas/p1.toml") && l.contains(PAGE) && l.ends_with(" ms)"))
    });
    w.stop();
}

#[test]
fn an_invalid_edit_keeps_the_outputs_and_the_fix_recovers() {
    let dir = site();
    let w = Watcher::start(dir.path());
    let before = w.read(PAGE);
    edit(
        dir.path(),
        "personas/p1.toml",
        "P1 --> Gw1",
        "P1 --> Nowhere",
    );
    w.wait_for("the error", |w| {
        w.rebuilds().iter().any(|l| l.contains("error(s)"))
            && w.lines
                .lock()
                .expect("lock")
                .iter()
                .any(|l| l.contains("unknown-node"))
    });
    assert_eq!(w.read(PAGE), before, "the last good page stays");
    edit(
        dir.path(),
        "personas/p1.toml",
        "P1 --> Nowhere",
        "Gw1 --> P1",
    );
    w.wait_for("the fixed page", |w| w.read(PAGE).contains("Gw1 --> P1"));
    w.stop();
}

#[test]
fn an_atomic_rename_save_is_picked_up() {
    let dir = site();
    let w = Watcher::start(dir.path());
    let tmp = dir.path().join("personas/.p2.toml.swx.tmp");
    std::fs::write(&tmp, persona(2, "Renamed Persona")).expect("write temp");
    std::fs::rename(&tmp, dir.path().join("personas/p2.toml")).expect("rename");
    w.wait_for("the renamed save", |w| {
        w.read(PAGE).contains("Renamed Persona")
    });
    // vim's style: the old file moved to a backup, a new one written.
    let p2 = dir.path().join("personas/p2.toml");
    std::fs::rename(&p2, dir.path().join("personas/p2.toml~")).expect("backup");
    std::fs::write(&p2, persona(2, "Vim Persona")).expect("write");
    w.wait_for("the vim save", |w| w.read(PAGE).contains("Vim Persona"));
    assert!(!w.read(PAGE).contains("Renamed Persona"));
    w.stop();
}

#[test]
fn a_save_closed_or_renamed_into_place_does_not_wait_the_debounce() {
    let dir = site();
    // Longer than `wait_for` waits: only a save seen as complete can be built in time.
    let w = Watcher::start_debounced(dir.path(), 60_000);
    edit(
        dir.path(),
        "personas/p2.toml",
        "Looking for an API.",
        "Closed.",
    );
    w.wait_for("the closed save", |w| w.read(PAGE).contains("Closed."));
    let tmp = dir.path().join("personas/p2.toml.tmp");
    std::fs::write(&tmp, persona(2, "Renamed Persona")).expect("write temp");
    std::fs::rename(&tmp, dir.path().join("personas/p2.toml")).expect("rename");
    w.wait_for("the renamed save", |w| {
        w.read(PAGE).contains("Renamed Persona")
    });
    w.stop();
}

#[test]
fn a_slow_save_in_place_is_built_once_written() {
    use std::io::Write as _;
    let dir = site();
    let w = Watcher::start(dir.path());
    // An editor's save in place, its writer slowed down (a loaded machine): truncated, written
    // well after the debounce, then closed. The empty file (a valid spec without persona 2)
    // is never built: the one rebuild is of the written file.
    let mut file = std::fs::File::create(dir.path().join("personas/p2.toml")).expect("truncate");
    let slow = Instant::now();
    w.wait_for("a slow writer", |_| {
        slow.elapsed() > Duration::from_millis(DEBOUNCE_MS * 8)
    });
    file.write_all(persona(2, "Slow Persona").as_bytes())
        .expect("write");
    drop(file);
    w.wait_for("the written save", |w| {
        w.read(PAGE).contains("Slow Persona")
    });
    let rebuilds = w.rebuilds();
    assert_eq!(rebuilds.len(), 1, "the empty file was built: {rebuilds:#?}");
    w.stop();
}

#[test]
fn a_write_to_a_file_kept_open_is_built_without_its_close() {
    use std::io::Write as _;
    let dir = site();
    let w = Watcher::start(dir.path());
    let mut file = std::fs::File::create(dir.path().join("personas/p2.toml")).expect("open");
    file.write_all(persona(2, "Open Persona").as_bytes())
        .expect("write");
    file.flush().expect("flush");
    w.wait_for("the build of the open file", |w| {
        w.read(PAGE).contains("Open Persona")
    });
    drop(file);
    w.stop();
}

#[test]
fn a_new_file_in_a_new_folder_and_a_deleted_file() {
    let dir = site();
    let w = Watcher::start(dir.path());
    let sub = dir.path().join("personas/more/deeper");
    std::fs::create_dir_all(&sub).expect("mkdir");
    std::fs::write(sub.join("p3.toml"), persona(3, "Delta Persona")).expect("write");
    w.wait_for("the new persona", |w| {
        w.read(PAGE).contains("Delta Persona")
    });
    std::fs::remove_file(dir.path().join("personas/p2.toml")).expect("remove");
    w.wait_for("the deleted persona gone", |w| {
        !w.read(PAGE).contains("Beta Persona")
    });
    assert!(w.read(PAGE).contains("Delta Persona"));
    w.wait_for("the deletion line", |w| {
        w.rebuilds()
            .iter()
            .any(|l| l.contains("personas/p2.toml (deleted)"))
    });
    w.stop();
}

#[test]
fn a_user_edit_of_docs_json_is_rebuilt() {
    let dir = site();
    let w = Watcher::start(dir.path());
    // The user drops the page from the navigation (and changes the site name).
    let edited = DOCS_JSON
        .replace(",\n          \"guides/personas\"", "")
        .replace("Watch Docs", "Renamed Docs");
    std::fs::write(dir.path().join("docs.json"), &edited).expect("write");
    w.wait_for("the page back in the navigation", |w| {
        let docs = w.read("docs.json");
        docs.contains("Renamed Docs") && docs.contains("\"guides/personas\"")
    });
    w.wait_for("the rebuild line", |w| {
        w.rebuilds()
            .iter()
            .any(|l| l.starts_with("rebuild: docs.json changed -> wrote docs.json"))
    });
    w.stop();
}

#[test]
fn a_nav_entry_removed_by_hand_is_restored_in_that_rebuild() {
    let dir = site();
    let w = Watcher::start(dir.path());
    // Only the entry goes: the build's own docs.json is unchanged, the disk's is not.
    let edited = DOCS_JSON.replace(",\n          \"guides/personas\"", "");
    std::fs::write(dir.path().join("docs.json"), &edited).expect("write");
    w.wait_for("the rebuild line", |w| {
        w.rebuilds()
            .iter()
            .any(|l| l.starts_with("rebuild: docs.json changed -> wrote docs.json"))
    });
    assert!(w.read("docs.json").contains("\"guides/personas\""));
    let check = Command::new(env!("CARGO_BIN_EXE_personamap"))
        .args(["generate", "--check", "--root"])
        .arg(dir.path())
        .output()
        .expect("run generate --check");
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
    w.stop();
}

#[test]
fn a_hand_written_divider_is_read_again_when_it_changes() {
    let dir = site();
    let root = dir.path();
    edit(
        root,
        "personas/site.toml",
        "path = \"snippets/Divider.jsx\"\nlogo = \"/logo.svg\"",
        "path = \"snippets/hand/Divider.jsx\"\ngenerate = false\nexport = \"CustomDivider\"",
    );
    std::fs::create_dir_all(root.join("snippets/hand")).expect("mkdir");
    let snippet = "export const CustomDivider = () => <hr />;\n";
    std::fs::write(root.join("snippets/hand/Divider.jsx"), snippet).expect("write");
    let w = Watcher::start(root);
    assert!(
        w.read(PAGE).contains("CustomDivider"),
        "the page imports it"
    );
    // The snippet no longer exports the component: watch says what check says.
    std::fs::write(
        root.join("snippets/hand/Divider.jsx"),
        snippet.replace("CustomDivider", "OtherDivider"),
    )
    .expect("write");
    w.wait_for("the error", |w| {
        w.rebuilds()
            .iter()
            .any(|l| l.contains("snippets/hand/Divider.jsx") && l.contains("error(s)"))
    });
    let check = Command::new(env!("CARGO_BIN_EXE_personamap"))
        .args(["check", "--root"])
        .arg(root)
        .output()
        .expect("run check");
    assert!(!check.status.success());
    std::fs::write(root.join("snippets/hand/Divider.jsx"), snippet).expect("write");
    w.wait_for("the recovery", |w| {
        w.rebuilds()
            .last()
            .is_some_and(|l| l.contains("snippets/hand/Divider.jsx") && !l.contains("error"))
    });
    w.stop();
}

#[test]
fn one_edit_is_one_rebuild_and_untouched_outputs_keep_their_mtimes() {
    let dir = site();
    let w = Watcher::start(dir.path());
    let snippet = mtime(dir.path(), SNIPPET);
    let llms = mtime(dir.path(), "llms.txt");
    let docs = mtime(dir.path(), "docs.json");
    edit(
        dir.path(),
        "personas/p2.toml",
        "Looking for an API.",
        "Looking for SDKs.",
    );
    w.wait_for("the rebuild line", |w| !w.rebuilds().is_empty());
    // The page write (and its manifest check) must not trigger another rebuild: wait well past
    // the debounce, then count.
    let settle = Instant::now();
    w.wait_for("a quiet period", |_| {
        settle.elapsed() > Duration::from_millis(DEBOUNCE_MS * 20)
    });
    let rebuilds = w.rebuilds();
    assert_eq!(rebuilds.len(), 1, "{rebuilds:#?}");
    assert!(
        rebuilds[0].contains(&format!("wrote {PAGE} (")),
        "{}",
        rebuilds[0]
    );
    assert_eq!(mtime(dir.path(), SNIPPET), snippet);
    assert_eq!(mtime(dir.path(), "llms.txt"), llms);
    assert_eq!(mtime(dir.path(), "docs.json"), docs);
    w.stop();
}

#[test]
fn a_page_added_then_removed_while_watching_leaves_no_entries() {
    let dir = site();
    let root = dir.path();
    let w = Watcher::start(root);
    let docs = w.read("docs.json");
    let llms = w.read("llms.txt");
    std::fs::write(
        root.join("personas/extra.toml"),
        "[[page]]\nid = \"guides/extra\"\ntitle = \"Extra maps\"\ndescription = \"A second page of the same personas, added while watching.\"\nnavigation = [\"Guides\"]\n",
    )
    .expect("write");
    w.wait_for("the new page listed", |w| {
        w.read("docs.json").contains("\"guides/extra\"")
            && w.read("llms.txt").contains("guides/extra.md")
    });
    // A persona-only save compiles only the pages showing it: the other entries stay.
    edit(root, "personas/p1.toml", "Alpha Persona", "Gamma Persona");
    w.wait_for("the persona edit", |w| {
        w.read(PAGE).contains("Gamma Persona")
    });
    assert!(w.read("docs.json").contains("\"guides/extra\""));
    assert!(w.read("llms.txt").contains("guides/extra.md"));
    std::fs::remove_file(root.join("personas/extra.toml")).expect("remove");
    w.wait_for("the page and its entries gone", |w| {
        w.read("docs.json") == docs
            && w.read("llms.txt") == llms
            && !root.join("guides/extra.mdx").exists()
    });
    w.stop();
}

#[test]
fn a_page_created_after_start_resolves_links_and_a_removed_one_breaks_them() {
    let dir = site();
    let root = dir.path();
    std::fs::write(
        root.join("personas/p1.toml"),
        persona(1, "Alpha Persona").replace(
            "label = [\"Gateway 1\"] }",
            "label = [\"Gateway 1\"], href = \"/notes/later\" }",
        ),
    )
    .expect("write");
    let w = Watcher::start(root);
    let broken = |w: &Watcher| {
        w.lines
            .lock()
            .expect("lock")
            .iter()
            .filter(|l| l.contains("error[broken-link]"))
            .count()
    };
    assert_eq!(broken(&w), 1, "the link is broken at start");
    assert!(w.read(PAGE).is_empty(), "nothing was written");
    // A new folder holding the page: the link resolves on the next rebuild.
    std::fs::create_dir_all(root.join("notes")).expect("mkdir");
    std::fs::write(root.join("notes/later.mdx"), "# Later\n").expect("write");
    w.wait_for("the page written", |w| {
        w.read(PAGE).contains("Alpha Persona")
    });
    w.wait_for("the rebuild line", |w| {
        w.rebuilds()
            .iter()
            .any(|l| l.contains("pages on disk") && l.contains(&format!("wrote {PAGE}")))
    });
    // The page goes: the link breaks again, and the last good outputs stay.
    std::fs::remove_file(root.join("notes/later.mdx")).expect("remove");
    w.wait_for("the broken link", |w| broken(w) == 2);
    assert!(w.read(PAGE).contains("Alpha Persona"));
    // A page in an existing, already watched folder.
    std::fs::write(root.join("notes/later.md"), "# Later\n").expect("write");
    w.wait_for("the link resolved again", |w| {
        w.rebuilds()
            .last()
            .is_some_and(|l| l.contains("pages on disk") && !l.contains("error"))
    });
    w.stop();
}
