//! The lock file `personas/generated.lock`: what personamap wrote, by SHA-256, and what it
//! inserted into docs.json and llms.txt.
//!
//! Format 2 is TOML:
//!
//! ```toml
//! version = 2
//!
//! [[file]]
//! path = "v2/guides/map.mdx"
//! sha256 = "…"
//!
//! [[docs_json]]
//! page = "v2/guides/map"
//! navigation = ["Guides", "Concepts"]
//!
//! [[llms_txt]]
//! line = "- [Map](https://docs.example.com/v2/guides/map.md): …"
//! ```
//!
//! The old format (a header comment, then one path a line, no hashes) is still read: such an
//! entry lets personamap replace its file only when the file already holds what it generates
//! now, and never delete it.

use crate::{MANIFEST, WriteError, sha256};
use personamap_render::docs_json::DocsJson;
use personamap_render::{Inserted, NavEntry};
use personamap_spec::source::toml_basic_string as quote;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Component, Path};
use std::time::Duration;

/// The folder holding the lock.
pub(crate) const LOCK_DIR: &str = "personas";

/// The first line of a lock in the old, path-per-line format.
const OLD_HEADER: &str =
    "# Files written by `personamap generate`. Do not edit: personamap keeps this list.";

const HEADER: &str = "# Written by personamap: the files it generated, with the SHA-256 of the bytes it wrote, and the
# entries it inserted into docs.json and llms.txt. personamap replaces or deletes only a file whose
# bytes still match, and removes an entry only when its page goes. Do not edit by hand.
";

/// What the lock says about one file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileRecord {
    /// SHA-256 of the bytes written; `None` for an entry of the old format (kept as such by
    /// [`adopt`] until the next write records a hash).
    pub sha256: Option<String>,
    /// The file's previous hash, while a run replaces it (accepted too).
    pub previous: Option<String>,
    /// Line of the entry in the lock (1-based; 0 when not read from disk).
    pub line: usize,
}

impl FileRecord {
    pub(crate) fn new(sha256: String, previous: Option<String>) -> Self {
        FileRecord {
            sha256: Some(sha256),
            previous,
            line: 0,
        }
    }

    /// Whether a file with this hash is what personamap wrote.
    pub fn accepts(&self, hash: &str) -> bool {
        self.sha256.as_deref() == Some(hash) || self.previous.as_deref() == Some(hash)
    }
}

/// The parsed lock.
#[derive(Clone, Debug, Default)]
pub struct Lock {
    /// Files personamap wrote, by site-relative path.
    pub files: BTreeMap<String, FileRecord>,
    /// Entries it inserted into docs.json and llms.txt.
    pub inserted: Inserted,
    /// Entries ignored while reading, one message each.
    pub warnings: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLock {
    version: u32,
    #[serde(default)]
    file: Vec<toml::Spanned<RawFile>>,
    #[serde(default)]
    docs_json: Vec<NavEntry>,
    #[serde(default)]
    llms_txt: Vec<RawLine>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    path: String,
    /// Missing for an entry carried over from the old format.
    sha256: Option<String>,
    previous: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLine {
    line: String,
}

/// Whether personamap could have generated a file at `path`: a `.mdx` page outside
/// `snippets/` and `personas/`, a `.jsx` snippet under `snippets/`, or the spec's JSON Schema;
/// never a hidden path or one that leaves the root. Lock entries for anything else are ignored.
pub fn producible(path: &str) -> bool {
    let p = Path::new(path);
    let parts: Option<Vec<&str>> = p
        .components()
        .map(|c| match c {
            Component::Normal(s) => s.to_str(),
            _ => None,
        })
        .collect();
    let Some(parts) = parts else {
        return false;
    };
    if parts.is_empty()
        || path.contains('\\')
        || parts.iter().any(|s| s.is_empty() || s.starts_with('.'))
    {
        return false;
    }
    if path == personamap_spec::SCHEMA_FILE {
        return true;
    }
    let top = parts[0];
    let stem_ok = |ext: &str| {
        parts
            .last()
            .and_then(|n| n.strip_suffix(ext))
            .is_some_and(|s| !s.is_empty())
    };
    match top {
        "snippets" => parts.len() > 1 && stem_ok(".jsx"),
        "personas" | "node_modules" => false,
        _ => stem_ok(".mdx"),
    }
}

/// Reads the lock of the site at `root`: an empty lock when there is none, an error when it
/// cannot be read or does not parse (never "empty").
pub fn read_lock(root: &Path) -> Result<Lock, WriteError> {
    let bytes = match std::fs::read(root.join(MANIFEST)) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Lock::default()),
        Err(e) => {
            return Err(WriteError::Lock {
                at: None,
                message: format!("cannot be read: {e}"),
            });
        }
    };
    let text = String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let (line, col) = line_col(&String::from_utf8_lossy(&e.as_bytes()[..at]), at);
        WriteError::Lock {
            at: Some((line, col)),
            message: format!("is not UTF-8 (invalid byte at offset {at})"),
        }
    })?;
    let text = text.replace("\r\n", "\n");
    if text.lines().next() == Some(OLD_HEADER) {
        return Ok(read_old(&text));
    }
    let raw: RawLock = toml::from_str(&text).map_err(|e| WriteError::Lock {
        at: e.span().map(|s| line_col(&text, s.start)),
        message: format!("does not parse: {}", e.message()),
    })?;
    if raw.version != 2 {
        return Err(WriteError::Lock {
            at: None,
            message: format!(
                "has format version {}, this personamap reads version 2",
                raw.version
            ),
        });
    }
    let mut lock = Lock::default();
    for entry in raw.file {
        let line = line_col(&text, entry.span().start).0;
        let f = entry.into_inner();
        for hash in f.sha256.iter().chain(&f.previous) {
            if hash.len() != 64 || !hash.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')) {
                return Err(WriteError::Lock {
                    at: Some((line, 1)),
                    message: format!(
                        "the entry for `{}` has `{hash}`, not a SHA-256 (64 lower-case hex digits)",
                        f.path
                    ),
                });
            }
        }
        let record = FileRecord {
            sha256: f.sha256,
            previous: f.previous,
            line,
        };
        add(&mut lock, f.path, record);
    }
    lock.inserted = Inserted {
        docs_json: raw.docs_json,
        llms_txt: raw.llms_txt.into_iter().map(|l| l.line).collect(),
        used: Vec::new(),
    };
    Ok(lock)
}

/// An entry of the old format: a path a line.
fn read_old(text: &str) -> Lock {
    let mut lock = Lock::default();
    for (i, l) in text.lines().enumerate() {
        let l = l.trim();
        if l.is_empty() || l.starts_with('#') {
            continue;
        }
        let record = FileRecord {
            sha256: None,
            previous: None,
            line: i + 1,
        };
        add(&mut lock, l.to_string(), record);
    }
    lock
}

/// Records `path`, or warns that it is ignored.
fn add(lock: &mut Lock, path: String, record: FileRecord) {
    let leaves = !Path::new(&path)
        .components()
        .all(|c| matches!(c, Component::Normal(_)));
    if producible(&path) {
        lock.files.insert(path, record);
    } else if leaves {
        lock.warnings.push(format!(
            "{MANIFEST}:{}: ignoring `{path}`: it leaves the site root, so it is never replaced or deleted",
            record.line
        ));
    } else {
        lock.warnings.push(format!(
            "{MANIFEST}:{}: ignoring `{path}`: personamap never generates such a file (only .mdx pages outside snippets/ and personas/, .jsx snippets under snippets/, and {}), so it is never replaced or deleted",
            record.line,
            personamap_spec::SCHEMA_FILE
        ));
    }
}

fn line_col(text: &str, offset: usize) -> (usize, usize) {
    personamap_spec::source::line_col(text, offset)
}

impl Lock {
    /// The entries personamap owns in docs.json and llms.txt: those the lock records, plus the
    /// docs.json entry of every page the lock lists that has none recorded (an entry older than
    /// the lock's entries, or listed by hand). A page personamap generated is its own, and so is
    /// its place in the navigation: it goes when the page goes. `docs_json` (the site's current
    /// text) is parsed only when such a page exists.
    pub fn owned(&self, docs_json: Option<&str>) -> Inserted {
        let mut owned = self.inserted.clone();
        let unlisted: Vec<&str> = self
            .files
            .keys()
            .filter_map(|p| p.strip_suffix(".mdx"))
            .filter(|id| !owned.docs_json.iter().any(|e| e.page == *id))
            .collect();
        if unlisted.is_empty() {
            return owned;
        }
        let Some(docs) = docs_json.and_then(|t| DocsJson::parse(t).ok()) else {
            return owned;
        };
        for id in unlisted {
            if let Some(navigation) = docs.group_path_of(id) {
                owned.docs_json.push(NavEntry {
                    page: id.to_string(),
                    navigation,
                });
            }
        }
        owned
    }

    /// The lock's text (format 2), deterministic: files by path, entries in their order.
    pub fn to_text(&self) -> String {
        let mut out = format!("{HEADER}version = 2\n");
        for (path, r) in &self.files {
            out.push_str(&format!("\n[[file]]\npath = {}\n", quote(path)));
            if let Some(h) = &r.sha256 {
                out.push_str(&format!("sha256 = {}\n", quote(h)));
            }
            if let Some(h) = &r.previous {
                out.push_str(&format!("previous = {}\n", quote(h)));
            }
        }
        for e in &self.inserted.docs_json {
            let nav: Vec<String> = e.navigation.iter().map(|n| quote(n)).collect();
            out.push_str(&format!(
                "\n[[docs_json]]\npage = {}\nnavigation = [{}]\n",
                quote(&e.page),
                nav.join(", ")
            ));
        }
        for l in &self.inserted.llms_txt {
            out.push_str(&format!("\n[[llms_txt]]\nline = {}\n", quote(l)));
        }
        out
    }
}

/// Records `path` (site-relative), whose file currently holds `contents`, as generated by
/// personamap, so that the next `generate` may replace it. Takes the run lock; refuses a path
/// personamap could not have generated, one leaving the root, or a file not holding `contents`.
pub fn adopt(root: &Path, path: &str, contents: &[u8]) -> Result<(), WriteError> {
    let writer = crate::Writer::new(root).map_err(|e| WriteError::Io(path.into(), e))?;
    let full = writer.resolve(path)?;
    if !producible(path) {
        return Err(WriteError::NotGenerated(path.into()));
    }
    std::fs::create_dir_all(writer.root.join(LOCK_DIR))
        .map_err(|e| WriteError::Io(LOCK_DIR.into(), e))?;
    let _run = writer.acquire(Duration::from_millis(crate::run_lock::wait_ms()))?;
    match crate::read_regular(&full, path)? {
        Some(bytes) if bytes == contents => {}
        _ => {
            return Err(WriteError::Io(
                path.into(),
                std::io::Error::other("the file does not hold the contents being adopted"),
            ));
        }
    }
    let mut lock = writer.lock()?;
    lock.warnings.clear();
    lock.files
        .insert(path.to_string(), FileRecord::new(sha256(contents), None));
    writer.write_now(MANIFEST, lock.to_text().as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_pages_and_snippets_are_producible() {
        for ok in [
            "v2/a.mdx",
            "a.mdx",
            "snippets/x/Divider.jsx",
            "personamap.schema.json",
        ] {
            assert!(producible(ok), "{ok}");
        }
        for bad in [
            "README.md",
            "docs.json",
            "llms.txt",
            "personas/site.toml",
            "personas/x.mdx",
            "snippets/x.mdx",
            "v2/x.jsx",
            "../x.mdx",
            "/etc/x.mdx",
            "a/../b.mdx",
            ".hidden/x.mdx",
            "node_modules/x.mdx",
            ".mdx",
            "",
        ] {
            assert!(!producible(bad), "{bad}");
        }
    }

    #[test]
    fn text_round_trips() {
        let mut lock = Lock::default();
        lock.files.insert(
            "a \"q\".mdx".into(),
            FileRecord::new("0".repeat(64), Some("f".repeat(64))),
        );
        lock.inserted.docs_json.push(NavEntry {
            page: "a".into(),
            navigation: vec!["T".into(), "G \\ x".into()],
        });
        lock.inserted.llms_txt.push("- [A](u): \u{1}d".into());
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("personas")).unwrap();
        std::fs::write(dir.path().join(MANIFEST), lock.to_text()).unwrap();
        let back = read_lock(dir.path()).unwrap();
        assert_eq!(back.inserted, lock.inserted);
        assert_eq!(back.files["a \"q\".mdx"].previous, Some("f".repeat(64)));
        assert_eq!(back.to_text(), lock.to_text());
    }
}
