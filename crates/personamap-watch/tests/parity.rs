//! Parity: `watch` equals a fresh run by construction. For every fixture under tests/fixtures
//! and a seeded sample of hostile sites, a scripted sequence of edits (spec saves, an invalid
//! save and its fix, a deleted spec file, nav entries removed from docs.json by hand, llms.txt
//! entries removed, a generated page edited by hand and restored, headings added to hand-written
//! pages) is stepped through the watch loop's own rebuild ([`Watch::update`]) on a temporary
//! copy. After each step the files on disk must equal, byte for byte, what a fresh `generate`
//! writes into a copy of the same tree, and the diagnostics `watch` printed for its last build
//! must be, as a set, those a fresh `check` prints.

#[path = "../../personamap-check/tests/support/hostile.rs"]
#[allow(dead_code)]
mod hostile;

use personamap_driver::{Driver, Site, Validate};
use personamap_watch::watcher::{Report, Watch};
use personamap_write::Writer;
use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// How many hostile sites are sampled, and from which seed.
const HOSTILE_SITES: usize = 10;
const SEED: u64 = 18;

/// Every file under `root` by site-relative path (the run lock aside: it exists only during a
/// run).
fn files(root: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("read_dir").flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let rel = path
                .strip_prefix(root)
                .expect("under the root")
                .to_string_lossy()
                .replace('\\', "/");
            if rel != personamap_write::RUN_LOCK {
                out.insert(rel, std::fs::read(&path).expect("read"));
            }
        }
    }
    out
}

/// Writes `files` under `root`.
fn write_all(root: &Path, files: &BTreeMap<String, Vec<u8>>) {
    for (rel, bytes) in files {
        let path = root.join(rel);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, bytes).expect("write");
    }
}

/// An error outside the spec as printed, with the root (which differs between the watched
/// tree and its fresh copy) written `ROOT`.
fn error(root: &Path, message: &str) -> String {
    let canonical = root.canonicalize().expect("root");
    let message = message.replace(&canonical.display().to_string(), "ROOT");
    format!(
        "error: {}",
        message.replace(&root.display().to_string(), "ROOT")
    )
}

/// The diagnostics of a compile as `watch` and `check` print them.
fn rendered(
    root: &Path,
    result: &Result<personamap_driver::Compilation, String>,
) -> BTreeSet<String> {
    match result {
        Ok(c) => c
            .diagnostics
            .iter()
            .map(|d| d.render(c.sources()))
            .collect(),
        Err(e) => BTreeSet::from([error(root, e)]),
    }
}

/// A fresh `check` and `generate` of a copy of `root`: the diagnostics of the check, the files
/// after the generate, and the paths the generate wrote.
fn fresh(root: &Path) -> (BTreeSet<String>, BTreeMap<String, Vec<u8>>, Vec<String>) {
    let dir = tempfile::tempdir().expect("temp dir");
    write_all(dir.path(), &files(root));
    let site = Site::on_disk(dir.path());
    let check = rendered(dir.path(), &Driver::new().compile(&site, Validate::All));
    let mut written = Vec::new();
    if let Ok(c) = Driver::new().compile(&site, Validate::Written)
        && !c.has_errors()
        && let Some(plan) = c.plan
    {
        Writer::new(dir.path())
            .expect("writer")
            .apply(&plan)
            .expect("generate writes");
        written = plan.iter().map(|c| c.path.clone()).collect();
    }
    (check, files(dir.path()), written)
}

/// A site under test: the watch on it and the diagnostics of its last build.
struct Watched {
    root: PathBuf,
    watch: Watch,
    diagnostics: BTreeSet<String>,
    name: String,
}

impl Watched {
    fn start(root: &Path, name: &str) -> Self {
        let mut w = Watched {
            root: root.to_path_buf(),
            watch: Watch::start(root, Duration::from_millis(30)).expect("watch starts"),
            diagnostics: BTreeSet::new(),
            name: name.to_string(),
        };
        w.step("first build", |_| {});
        w
    }

    /// Applies `edit` to the tree, steps the watch, and compares with a fresh run. Returns the
    /// paths the fresh generate wrote.
    fn step(&mut self, what: &str, edit: impl FnOnce(&Path)) -> Vec<String> {
        edit(&self.root);
        let (check, expected, written) = fresh(&self.root);
        let mut printed: Option<BTreeSet<String>> = None;
        let line = self.watch.update(&mut |r| match r {
            Report::Diagnostics {
                sources,
                diagnostics,
            } => printed
                .get_or_insert_default()
                .extend(diagnostics.iter().map(|d| d.render(sources))),
            Report::Error(e) => {
                printed
                    .get_or_insert_default()
                    .insert(error(&self.root, &e));
            }
            Report::Line(_) => {}
        });
        if line.is_some() {
            self.diagnostics = printed.unwrap_or_default();
        }
        let on_disk = files(&self.root);
        let differing: BTreeSet<&String> = expected
            .keys()
            .chain(on_disk.keys())
            .filter(|p| expected.get(*p) != on_disk.get(*p))
            .collect();
        assert!(
            differing.is_empty(),
            "{}, {what}: watch ({line:?}) left {differing:?} different from a fresh generate",
            self.name
        );
        assert_eq!(
            self.diagnostics, check,
            "{}, {what}: watch ({line:?}) printed other diagnostics than a fresh check",
            self.name
        );
        written
    }
}

fn read(root: &Path, rel: &str) -> Option<String> {
    std::fs::read_to_string(root.join(rel)).ok()
}

/// Removes every string equal to one of `ids` from every array of `value`.
fn drop_pages(value: &mut serde_json::Value, ids: &[String]) {
    match value {
        serde_json::Value::Array(items) => {
            items.retain(|v| !v.as_str().is_some_and(|s| ids.iter().any(|id| id == s)));
            items.iter_mut().for_each(|v| drop_pages(v, ids));
        }
        serde_json::Value::Object(map) => map.values_mut().for_each(|v| drop_pages(v, ids)),
        _ => {}
    }
}

/// Runs the script on the site at `root`.
fn script(root: &Path, name: &str) {
    let spec = Driver::new()
        .load(&Site::on_disk(root))
        .expect("the spec reads");
    let pages: Vec<String> = spec
        .spec
        .as_ref()
        .map(|s| s.pages.iter().map(|p| p.id.clone()).collect())
        .unwrap_or_default();
    let persona_file = spec
        .sources
        .iter()
        .map(|(_, f)| f)
        .find(|f| f.text.contains("[[persona]]"))
        .map(|f| f.path.clone())
        .expect("a persona file");
    let original = read(root, &persona_file).expect("persona file");
    let mut w = Watched::start(root, name);
    w.step("a save that changes nothing", |r| {
        std::fs::write(r.join(&persona_file), format!("{original}\n# saved\n")).expect("write")
    });
    let edited = match original.find("label = [\"") {
        Some(at) if !original[at + 10..].starts_with("\"\"") => {
            format!("{}Edited {}", &original[..at + 10], &original[at + 10..])
        }
        _ => format!("{original}\n# no label to edit\n"),
    };
    w.step("a label edited", |r| {
        std::fs::write(r.join(&persona_file), &edited).expect("write")
    });
    w.step("an invalid save", |r| {
        std::fs::write(
            r.join(&persona_file),
            format!("{edited}\n[[persona]]\nnumber = \"x\"\n"),
        )
        .expect("write")
    });
    w.step("the fix", |r| {
        std::fs::write(r.join(&persona_file), &edited).expect("write")
    });
    w.step("a spec file deleted", |r| {
        std::fs::remove_file(r.join(&persona_file)).expect("remove")
    });
    w.step("the file back", |r| {
        std::fs::write(r.join(&persona_file), &edited).expect("write")
    });
    let written = w.step("nav entries removed from docs.json by hand", |r| {
        let text = read(r, "docs.json").expect("docs.json");
        let mut docs: serde_json::Value = serde_json::from_str(&text).expect("docs.json parses");
        drop_pages(&mut docs, &pages);
        let text = serde_json::to_string_pretty(&docs).expect("json");
        std::fs::write(r.join("docs.json"), format!("{text}\n")).expect("write");
    });
    if !pages.is_empty() && !w.diagnostics.iter().any(|d| d.starts_with("error")) {
        assert!(
            written.iter().any(|p| p == "docs.json"),
            "{name}: a fresh generate restores the nav entries ({written:?})"
        );
    }
    w.step("llms.txt entries removed by hand", |r| {
        if let Some(text) = read(r, "llms.txt") {
            let kept: String = text
                .split_inclusive('\n')
                .filter(|l| !pages.iter().any(|id| l.contains(&format!("/{id}.md"))))
                .collect();
            std::fs::write(r.join("llms.txt"), kept).expect("write");
        }
    });
    let page = pages.first().map(|id| format!("{id}.mdx"));
    let before = page.as_deref().and_then(|p| read(root, p));
    w.step("a generated page edited by hand", |r| {
        if let (Some(page), Some(text)) = (&page, &before) {
            std::fs::write(r.join(page), format!("{text}\nhand edit\n")).expect("write");
        }
    });
    w.step("the page restored", |r| {
        if let (Some(page), Some(text)) = (&page, &before) {
            std::fs::write(r.join(page), text).expect("write");
        }
    });
    w.step("headings added to hand-written pages", |r| {
        for (rel, bytes) in files(r) {
            let generated = pages.iter().any(|id| rel == format!("{id}.mdx"));
            if rel.ends_with(".mdx") && !generated && !rel.starts_with("snippets/") {
                let text = String::from_utf8_lossy(&bytes);
                std::fs::write(r.join(&rel), format!("{text}\n## Added heading\n")).expect("write");
            }
        }
    });
}

#[test]
fn watch_equals_a_fresh_run_on_every_fixture() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures");
    let mut names: Vec<PathBuf> = std::fs::read_dir(&fixtures)
        .expect("fixtures")
        .flatten()
        .map(|e| e.path())
        .collect();
    names.sort();
    assert!(names.len() >= 5, "{names:?}");
    for fixture in names {
        let dir = tempfile::tempdir().expect("temp dir");
        write_all(dir.path(), &files(&fixture));
        let name = fixture.file_name().expect("name").to_string_lossy();
        script(dir.path(), &name);
    }
}

#[test]
fn watch_equals_a_fresh_run_on_hostile_sites() {
    let mut bytes = [0u8; 32];
    bytes[..8].copy_from_slice(&SEED.to_le_bytes());
    let rng = TestRng::from_seed(RngAlgorithm::ChaCha, &bytes);
    let mut runner = TestRunner::new_with_rng(Config::default(), rng);
    let strategy = hostile::site();
    for i in 0..HOSTILE_SITES {
        let site = strategy.new_tree(&mut runner).expect("a site").current();
        let dir = tempfile::tempdir().expect("temp dir");
        let files: BTreeMap<String, Vec<u8>> = hostile::files(&site)
            .into_iter()
            .map(|(p, t)| (p, t.into_bytes()))
            .collect();
        write_all(dir.path(), &files);
        script(dir.path(), &format!("hostile site {i}"));
    }
}
