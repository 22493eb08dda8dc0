//! The site: every input a compile reads, from disk or from in-memory overlays (an editor's
//! unsaved buffers), and the record of what was read.
//!
//! All inputs pass through here: the spec files (`personas/**/*.toml`, hostile files skipped
//! with a warning), docs.json, llms.txt, the lock, the pages on disk (honouring `.mintignore`)
//! and their headings, and hand-written snippets. Each read is noted in the site's [`Reads`],
//! so a caller can later ask which of them changed ([`Reads::changes`]): `watch` rebuilds only
//! when one did, and a rebuild is a fresh compile of the new inputs.

use personamap_render::Inserted;
use personamap_spec::source::content_hash as hash;
use personamap_spec::{Diagnostic, FileId, SPEC_DIR, SourceFile, Sources, TextFile};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// A site's inputs: a root on disk (or none, for a site held wholly in memory) and overlays,
/// texts by site-relative `/`-separated path that take the place of the files on disk.
#[derive(Debug, Default)]
pub struct Site {
    root: Option<PathBuf>,
    overlays: BTreeMap<String, String>,
    reads: Mutex<Reads>,
    /// Whether reads go unrecorded ([`Site::unrecorded`]).
    unrecorded: bool,
    /// The spec files as [`Reads::changes_reading`] just read them, for the next
    /// [`Site::spec_files`] to take ([`Site::give_spec_files`]).
    given: Mutex<Option<SpecFiles>>,
}

/// One input a compile read.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Input {
    /// A spec file, read normalised (CRLF and a byte order mark dropped).
    Spec(String),
    /// The list of spec files under `personas/`.
    SpecFiles,
    /// A site file read as text, exactly (docs.json, llms.txt, a snippet, a page's headings).
    Text(String),
    /// A file's bytes as the writer sees them (an output on disk, the lock).
    Bytes(String),
    /// The list of pages on disk.
    Pages,
}

/// What reading one input found, reduced to what tells a change.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Seen {
    /// A hash of the text or bytes read.
    Hash(u64),
    /// Nothing there.
    Missing,
    /// Not readable as a file: what was there, or the error.
    Other(String),
    /// A list of paths or page ids.
    List(BTreeSet<String>),
}

/// The inputs a compile read, with what each held. Compare with the site later to know what
/// changed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Reads(BTreeMap<Input, Seen>);

fn seen_text(read: &std::io::Result<TextFile>) -> Seen {
    match read {
        Ok(TextFile::Text(t)) => Seen::Hash(hash(t.as_bytes())),
        Ok(TextFile::Missing) => Seen::Missing,
        Ok(TextFile::NotRegular(what)) => Seen::Other((*what).to_string()),
        Err(e) => Seen::Other(e.to_string()),
    }
}

/// The spec files under a site: their texts, and a warning for each path skipped.
pub type SpecFiles = (Sources, Vec<Diagnostic>);

impl Site {
    /// The site at `root` on disk, without overlays.
    pub fn on_disk(root: &Path) -> Self {
        Site {
            root: Some(root.to_path_buf()),
            ..Site::default()
        }
    }

    /// A site held wholly in memory (fuzzing, tests, benches): only its overlays exist; it has
    /// no lock and no pages but those among the overlays.
    pub fn in_memory() -> Self {
        Site::default()
    }

    /// Sets the overlay at `path` (site-relative, `/`-separated) to `text`, or removes it
    /// (`None`: the file on disk shows again). An overlay takes the place of the file on disk
    /// for every read of the compiler; the writer's plan still compares with the disk.
    pub fn set_overlay(&mut self, path: &str, text: Option<String>) {
        match text {
            Some(text) => self.overlays.insert(path.to_string(), text),
            None => self.overlays.remove(path),
        };
    }

    /// [`Site::set_overlay`] by value, for building a site.
    pub fn with_overlay(mut self, path: &str, text: impl Into<String>) -> Self {
        self.set_overlay(path, Some(text.into()));
        self
    }

    /// The root on disk, if any.
    pub fn root(&self) -> Option<&Path> {
        self.root.as_deref()
    }

    /// This site without the record of what was read, for a compile whose reads nobody takes
    /// (a command that exits after it): no input's bytes are hashed for it, and no output is
    /// read again for it.
    pub fn unrecorded(mut self) -> Self {
        self.unrecorded = true;
        self
    }

    /// Takes the record of what was read since the last call (empty for a site
    /// [`unrecorded`](Site::unrecorded)).
    pub fn take_reads(&self) -> Reads {
        std::mem::take(&mut *self.log())
    }

    fn log(&self) -> std::sync::MutexGuard<'_, Reads> {
        // A panic while the log was held leaves a log that is still whole.
        self.reads.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The record, unless the site is [`unrecorded`](Site::unrecorded).
    fn record(&self) -> Option<std::sync::MutexGuard<'_, Reads>> {
        (!self.unrecorded).then(|| self.log())
    }

    /// Records `input` as read, with what `seen` finds there (not computed when unrecorded).
    fn note(&self, input: Input, seen: impl FnOnce() -> Seen) {
        if let Some(mut record) = self.record() {
            record.0.insert(input, seen());
        }
    }

    /// Reads site file `rel` exactly (docs.json, llms.txt, a snippet, a page).
    pub fn text(&self, rel: &str) -> std::io::Result<TextFile> {
        let read = self.read_text(rel);
        self.note(Input::Text(rel.to_string()), || seen_text(&read));
        read
    }

    fn read_text(&self, rel: &str) -> std::io::Result<TextFile> {
        if let Some(text) = self.overlays.get(rel) {
            return Ok(TextFile::Text(text.clone()));
        }
        match &self.root {
            Some(root) => personamap_spec::read_site_text(&root.join(rel), rel),
            None => Ok(TextFile::Missing),
        }
    }

    /// Reads an optional site file: a missing file is `None`; a FIFO, folder or broken symlink
    /// there, unreadable or non-UTF-8 bytes are an error naming the file.
    pub fn optional(&self, rel: &str) -> Result<Option<String>, String> {
        match self.text(rel) {
            Ok(TextFile::Text(t)) => Ok(Some(t)),
            Ok(TextFile::Missing) => Ok(None),
            Ok(TextFile::NotRegular(what)) => Err(format!("{rel} is {what}, not a regular file")),
            Err(e) => Err(e.to_string()),
        }
    }

    /// Every spec file under `personas/` (recursively, in path order, overlays included), with
    /// a warning for each path that is not a regular file (skipped, never opened).
    pub fn spec_files(&self) -> Result<SpecFiles, String> {
        let given = self.given.lock().unwrap_or_else(|e| e.into_inner()).take();
        let (sources, skipped) = match given {
            Some(files) => files,
            None => self.read_spec_files().map_err(|e| {
                let dir = self.root.as_deref().unwrap_or(Path::new("")).join(SPEC_DIR);
                format!("cannot read the spec in {}: {e}", dir.display())
            })?,
        };
        let Some(mut log) = self.record() else {
            return Ok((sources, skipped));
        };
        let mut names = BTreeSet::new();
        for (id, f) in sources.iter() {
            names.insert(f.path.clone());
            // Hashed once: files handed over by `changes_reading` were hashed there.
            log.0.insert(
                Input::Spec(f.path.clone()),
                Seen::Hash(sources.text_hash(id)),
            );
        }
        for d in &skipped {
            names.insert(d.message.clone());
        }
        log.0.insert(Input::SpecFiles, Seen::List(names));
        Ok((sources, skipped))
    }

    /// Hands the next [`Site::spec_files`] the spec files as they were just read
    /// ([`Reads::changes_reading`]), so that a rebuild reads a thousand files once, not twice
    /// (`None`: it reads them itself). Only for a compile that follows at once: the files are
    /// what the disk held then.
    pub fn give_spec_files(&self, files: Option<SpecFiles>) {
        *self.given.lock().unwrap_or_else(|e| e.into_inner()) = files;
    }

    fn read_spec_files(&self) -> std::io::Result<SpecFiles> {
        let (sources, skipped) = match &self.root {
            Some(root) => personamap_spec::read_spec_dir_warn(root)?,
            None => (Sources::default(), Vec::new()),
        };
        let prefix = format!("{SPEC_DIR}/");
        let overlaid: Vec<(&String, &String)> = self
            .overlays
            .iter()
            .filter(|(p, _)| p.starts_with(&prefix) && p.ends_with(".toml"))
            .collect();
        if overlaid.is_empty() {
            return Ok((sources, skipped));
        }
        let mut files: BTreeMap<String, String> = sources
            .iter()
            .map(|(_, f)| (f.path.clone(), f.text.clone()))
            .collect();
        for (path, text) in overlaid {
            files.insert(
                path.clone(),
                personamap_spec::read::normalised(text.clone()),
            );
        }
        let files = files
            .into_iter()
            .map(|(path, text)| SourceFile { path, text })
            .collect();
        Ok((Sources::new(files), skipped))
    }

    /// The entries earlier runs inserted into docs.json and llms.txt, from the lock, with the
    /// docs.json entries of the pages it records adopted ([`personamap_write::Lock::owned`]);
    /// none for a site in memory.
    pub fn lock_inserted(&self, docs_json: Option<&str>) -> Result<Inserted, String> {
        let Some(root) = &self.root else {
            return Ok(Inserted::default());
        };
        self.note_bytes(personamap_write::MANIFEST);
        personamap_write::read_lock(root)
            .map(|l| l.owned(docs_json))
            .map_err(|e| e.to_string())
    }

    /// Notes the bytes on disk at `rel` as read (the writer's plan reads outputs and the lock).
    pub fn note_bytes(&self, rel: &str) {
        self.note(Input::Bytes(rel.to_string()), || self.read_bytes(rel));
    }

    /// Notes `bytes` as what is on disk at `rel` (`None`: no file there), as the writer's plan
    /// read them: the same record as [`Site::note_bytes`], without reading the file again.
    pub fn note_bytes_read(&self, rel: &str, bytes: Option<&[u8]>) {
        self.note(Input::Bytes(rel.to_string()), || {
            bytes.map_or(Seen::Missing, |b| Seen::Hash(hash(b)))
        });
    }

    fn read_bytes(&self, rel: &str) -> Seen {
        let Some(root) = &self.root else {
            return Seen::Missing;
        };
        match std::fs::read(root.join(rel)) {
            Ok(b) => Seen::Hash(hash(&b)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Seen::Missing,
            Err(e) => Seen::Other(e.to_string()),
        }
    }

    /// Page ids of the `.mdx`/`.md` files on disk and among the overlays (see
    /// [`pages_on_disk`]).
    pub fn pages(&self) -> BTreeSet<String> {
        let mut pages = self.root.as_deref().map(pages_on_disk).unwrap_or_default();
        for path in self.overlays.keys() {
            if let Some(id) = page_id(Path::new(path)) {
                pages.insert(id);
            }
        }
        self.note(Input::Pages, || Seen::List(pages.clone()));
        pages
    }

    /// The text of the page `id` (its `.mdx`, else its `.md` file), if there is one.
    pub fn page_text(&self, id: &str) -> Option<String> {
        ["mdx", "md"]
            .iter()
            .find_map(|ext| match self.text(&format!("{id}.{ext}")) {
                Ok(TextFile::Text(t)) => Some(t),
                _ => None,
            })
    }

    /// The hand-written snippet at `path`: `None` when missing (the compile reports it at the
    /// spec's `path`); an error when it resolves outside the root, through a symlink.
    pub fn snippet(&self, path: &str) -> Result<Option<String>, String> {
        if let Some(root) = &self.root
            && !self.overlays.contains_key(path)
        {
            match root.join(path).canonicalize() {
                Ok(real) => {
                    let base = root
                        .canonicalize()
                        .map_err(|e| format!("{}: {e}", root.display()))?;
                    if !real.starts_with(&base) {
                        return Err(format!(
                            "{path}: the divider snippet resolves outside the site root ({})",
                            real.display()
                        ));
                    }
                }
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                    self.note(Input::Text(path.to_string()), || Seen::Missing);
                    return Ok(None);
                }
                Err(e) => return Err(format!("{path}: {e}")),
            }
        }
        self.optional(path)
    }
}

impl Reads {
    /// The inputs among these whose contents on `site` now differ from what was read, each as
    /// a short description (`personas/p1.toml`, `personas/p2.toml (deleted)`, `pages on disk
    /// (3 -> 4)`), in a stable order. Empty when a compile now would read the same inputs.
    pub fn changes(&self, site: &Site) -> Vec<String> {
        self.changes_reading(site).0
    }

    /// [`Reads::changes`], with the spec files it read to find them (when it read them), for
    /// [`Site::give_spec_files`].
    pub fn changes_reading(&self, site: &Site) -> (Vec<String>, Option<SpecFiles>) {
        let mut out = BTreeSet::new();
        let spec_now = self
            .0
            .keys()
            .any(|i| matches!(i, Input::Spec(_) | Input::SpecFiles))
            .then(|| site.read_spec_files().ok());
        // The spec files now, by path (one lookup per spec file read, not a scan).
        let spec_files: BTreeMap<&str, (&Sources, FileId)> = spec_now
            .iter()
            .flatten()
            .flat_map(|(sources, _)| sources.iter().map(move |(id, f)| (sources, id, f)))
            .map(|(sources, id, f)| (f.path.as_str(), (sources, id)))
            .collect();
        for (input, seen) in &self.0 {
            let now = match input {
                Input::Spec(path) => spec_files
                    .get(path.as_str())
                    .map_or(Seen::Missing, |(s, id)| Seen::Hash(s.text_hash(*id))),
                Input::SpecFiles => {
                    let mut names = BTreeSet::new();
                    if let Some(Some((sources, skipped))) = &spec_now {
                        names.extend(sources.iter().map(|(_, f)| f.path.clone()));
                        names.extend(skipped.iter().map(|d| d.message.clone()));
                    }
                    Seen::List(names)
                }
                Input::Text(path) => seen_text(&site.read_text(path)),
                Input::Bytes(path) => site.read_bytes(path),
                Input::Pages => Seen::List(
                    site.root
                        .as_deref()
                        .map(pages_on_disk)
                        .unwrap_or_default()
                        .into_iter()
                        .chain(site.overlays.keys().filter_map(|p| page_id(Path::new(p))))
                        .collect(),
                ),
            };
            if now == *seen {
                continue;
            }
            match (input, seen, &now) {
                (Input::SpecFiles, Seen::List(before), Seen::List(after)) => {
                    // Files that came (those that went show as deleted below).
                    out.extend(after.difference(before).cloned());
                }
                (Input::Pages, Seen::List(before), Seen::List(after)) => {
                    out.insert(format!(
                        "pages on disk ({} -> {})",
                        before.len(),
                        after.len()
                    ));
                }
                (Input::Spec(p) | Input::Text(p) | Input::Bytes(p), _, Seen::Missing) => {
                    out.insert(format!("{p} (deleted)"));
                }
                (Input::Spec(p) | Input::Text(p) | Input::Bytes(p), _, _) => {
                    out.insert(p.clone());
                }
                _ => {}
            }
        }
        drop(spec_files);
        (out.into_iter().collect(), spec_now.flatten())
    }

    /// Records the bytes now on `site` at `paths` (files just written), so that the tool's own
    /// writes read back as no change.
    pub fn refresh(&mut self, site: &Site, paths: &[&str]) {
        for path in paths {
            let bytes = Input::Bytes(path.to_string());
            if self.0.contains_key(&bytes) {
                self.0.insert(bytes, site.read_bytes(path));
            }
            let text = Input::Text(path.to_string());
            if self.0.contains_key(&text) {
                self.0.insert(text, seen_text(&site.read_text(path)));
            }
        }
    }

    /// The site-relative paths of the files read (what a watcher must watch).
    pub fn files(&self) -> impl Iterator<Item = &str> {
        self.0.keys().filter_map(|i| match i {
            Input::Spec(p) | Input::Text(p) | Input::Bytes(p) => Some(p.as_str()),
            Input::SpecFiles | Input::Pages => None,
        })
    }
}

/// What Mintlify leaves out of every build besides the root `.mintignore` (its documentation:
/// `.git`, `.github`, `.claude`, `.agents`, `.idea`, `node_modules` and the four usual
/// Markdown files), as gitignore lines.
const MINTLIFY_IGNORES: &[&str] = &[
    ".git",
    ".github",
    ".claude",
    ".agents",
    ".idea",
    "node_modules",
    "README.md",
    "LICENSE.md",
    "CHANGELOG.md",
    "CONTRIBUTING.md",
];

/// The root `.mintignore` (gitignore syntax) with Mintlify's own ignores. An unreadable or
/// malformed file is read as far as it goes: the walk only feeds link checks.
fn mintignore(root: &Path) -> ignore::gitignore::Gitignore {
    let mut builder = ignore::gitignore::GitignoreBuilder::new(root);
    for line in MINTLIFY_IGNORES {
        let _ = builder.add_line(None, line);
    }
    let file = root.join(".mintignore");
    if file.is_file() {
        let _ = builder.add(file);
    }
    builder
        .build()
        .unwrap_or_else(|_| ignore::gitignore::Gitignore::empty())
}

/// The page id of a site-relative path: a `.mdx`/`.md` file outside `snippets/` and
/// `node_modules/`, without its extension.
fn page_id(rel: &Path) -> Option<String> {
    let ext = rel.extension().and_then(|e| e.to_str())?;
    if ext != "mdx" && ext != "md" {
        return None;
    }
    let id: Vec<String> = rel
        .with_extension("")
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if id
        .first()
        .is_none_or(|c| c == "snippets" || c == "node_modules")
    {
        return None;
    }
    Some(id.join("/"))
}

/// Page ids of the `.mdx`/`.md` files under `root`, honouring `.gitignore`, `.mintignore`
/// (with Mintlify's default ignores) and skipping `snippets/` (never pages) and hidden folders.
/// Ignored folders are not entered.
fn pages_on_disk(root: &Path) -> BTreeSet<String> {
    let ignored = mintignore(root);
    let snippets = root.join("snippets");
    let walk = ignore::WalkBuilder::new(root)
        .filter_entry(move |e| {
            let dir = e.file_type().is_some_and(|t| t.is_dir());
            e.path() != snippets && !ignored.matched(e.path(), dir).is_ignore()
        })
        .build();
    walk.flatten()
        .filter_map(|entry| page_id(entry.path().strip_prefix(root).ok()?))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_walk_honours_mintignore_and_mintlifys_defaults() {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path();
        for file in [
            "a.mdx",
            "guide/b.md",
            "guide/keep.md",
            "drafts/c.mdx",
            "v2/x-archived/d.mdx",
            "README.md",
            "CHANGELOG.md",
            "node_modules/pkg/e.mdx",
            "snippets/f.mdx",
            "docs/README.md",
        ] {
            let path = root.join(file);
            std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
            std::fs::write(path, "---\ntitle: x\n---\n").expect("write");
        }
        let expected = ["a", "drafts/c", "guide/b", "guide/keep", "v2/x-archived/d"];
        let found: Vec<String> = pages_on_disk(root).into_iter().collect();
        assert_eq!(found, expected);
        std::fs::write(
            root.join(".mintignore"),
            "# drafts\ndrafts/\n/v2/**/x-archived/**\n**/*.md\n!/guide/keep.md\n",
        )
        .expect("write");
        let found: Vec<String> = pages_on_disk(root).into_iter().collect();
        assert_eq!(found, ["a", "guide/keep"]);
    }

    /// A site of one spec file with a CRLF line ending (`a = 1`) and an empty docs.json.
    fn one_spec_file() -> tempfile::TempDir {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::create_dir_all(dir.path().join("personas")).expect("mkdir");
        std::fs::write(dir.path().join("personas/a.toml"), "a = 1\r\n").expect("write");
        std::fs::write(dir.path().join("docs.json"), "{}").expect("write");
        dir
    }

    #[test]
    fn an_unrecorded_site_reads_the_same_and_records_nothing() {
        let dir = one_spec_file();
        let root = dir.path();
        let (recorded, unrecorded) = (Site::on_disk(root), Site::on_disk(root).unrecorded());
        for site in [&recorded, &unrecorded] {
            let (sources, _) = site.spec_files().expect("spec");
            assert_eq!(sources.file(personamap_spec::FileId(0)).text, "a = 1\n");
            assert_eq!(site.optional("docs.json"), Ok(Some("{}".into())));
            site.note_bytes("docs.json");
            site.note_bytes_read("llms.txt", Some(b"x"));
        }
        assert_ne!(recorded.take_reads(), Reads::default());
        assert_eq!(unrecorded.take_reads(), Reads::default());
    }

    #[test]
    fn overlays_take_the_place_of_the_disk_and_reads_tell_changes() {
        let dir = one_spec_file();
        let root = dir.path();
        let mut site = Site::on_disk(root);
        let (sources, _) = site.spec_files().expect("spec");
        assert_eq!(sources.file(personamap_spec::FileId(0)).text, "a = 1\n");
        assert_eq!(site.optional("docs.json"), Ok(Some("{}".into())));
        let reads = site.take_reads();
        assert!(reads.changes(&site).is_empty());
        // An unsaved buffer: what the compiler reads, and a change to what was read.
        site.set_overlay("personas/a.toml", Some("a = 2\r\n".into()));
        site.set_overlay("personas/b.toml", Some("b = 1\n".into()));
        site.set_overlay("guide/new.mdx", Some("# New\n".into()));
        assert_eq!(reads.changes(&site), ["personas/a.toml", "personas/b.toml"]);
        let (sources, _) = site.spec_files().expect("spec");
        assert_eq!(sources.len(), 2);
        assert_eq!(sources.file(personamap_spec::FileId(0)).text, "a = 2\n");
        assert!(site.pages().contains("guide/new"));
        std::fs::remove_file(root.join("docs.json")).expect("remove");
        assert!(
            reads
                .changes(&site)
                .contains(&"docs.json (deleted)".to_string())
        );
    }

    #[test]
    fn the_spec_files_changes_read_are_compiled_once_then_the_disk_again() {
        let dir = one_spec_file();
        let root = dir.path();
        let site = Site::on_disk(root);
        let _ = site.spec_files().expect("spec");
        let reads = site.take_reads();
        std::fs::write(root.join("personas/a.toml"), "a = 2\n").expect("write");
        let (changed, read) = reads.changes_reading(&site);
        assert_eq!(changed, ["personas/a.toml"]);
        site.give_spec_files(read);
        // The disk moves on after the changes were read: the compile that follows takes the
        // files as they were read, and records them so, and the next one reads the disk.
        std::fs::write(root.join("personas/a.toml"), "a = 3\n").expect("write");
        let text = |site: &Site| {
            let (sources, _) = site.spec_files().expect("spec");
            sources.file(personamap_spec::FileId(0)).text.clone()
        };
        assert_eq!(text(&site), "a = 2\n");
        assert_eq!(site.take_reads().changes(&site), ["personas/a.toml"]);
        assert_eq!(text(&site), "a = 3\n");
        // `None` leaves the next compile to read the disk.
        site.give_spec_files(None);
        assert_eq!(text(&site), "a = 3\n");
    }
}
