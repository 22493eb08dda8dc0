//! Spec source files and byte spans into them.

use std::sync::{Arc, OnceLock};

/// Index of a file in [`Sources`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FileId(pub u32);

/// A byte range in one spec file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    /// The file the range is in.
    pub file: FileId,
    /// First byte.
    pub start: u32,
    /// One past the last byte.
    pub end: u32,
}

impl Span {
    /// A span of `range` in `file`.
    pub fn new(file: FileId, range: std::ops::Range<usize>) -> Self {
        Span {
            file,
            start: range.start as u32,
            end: range.end as u32,
        }
    }
}

/// One spec file: its path relative to the site root (with `/` separators) and its text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceFile {
    /// Path relative to the site root, e.g. `personas/p1.toml`.
    pub path: String,
    /// Full text of the file.
    pub text: String,
}

/// All files of a spec, in load order (sorted by path), then any files added with
/// [`Sources::push`]. Each file is shared: a clone (a compile adding the site files to the
/// load's, every rebuild of `watch`) copies no text.
#[derive(Clone, Debug, Default)]
pub struct Sources {
    files: Vec<Arc<SourceFile>>,
    /// What is worked out of each file on first use, shared by every clone.
    derived: Vec<Arc<Derived>>,
}

/// What [`Sources`] works out of one file the first time it is asked.
#[derive(Debug, Default)]
struct Derived {
    /// Where the file's lines start (byte offsets): a thousand diagnostics in a long docs.json
    /// each find their line by a binary search, not by counting the lines before them.
    line_starts: OnceLock<Vec<u32>>,
    /// [`content_hash`] of the text: the load memo, the parse memo and `watch`'s change check
    /// all key on it, and a rebuild hashes a thousand files once, not once for each.
    hash: OnceLock<u64>,
}

/// A hash of `bytes` (SipHash with fixed keys: the same on every run and machine): how the
/// memos and `watch`'s change check tell that a text changed.
pub fn content_hash(bytes: &[u8]) -> u64 {
    use std::hash::{Hash as _, Hasher as _};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    bytes.hash(&mut h);
    h.finish()
}

impl Sources {
    /// Builds the set from files in any order; they are sorted by path so that load order
    /// never depends on the file system.
    pub fn new(mut files: Vec<SourceFile>) -> Self {
        files.sort_by(|a, b| a.path.cmp(&b.path));
        let derived = files.iter().map(|_| Default::default()).collect();
        let files = files.into_iter().map(Arc::new).collect();
        Sources { files, derived }
    }

    /// The files with their ids, in load order.
    pub fn iter(&self) -> impl Iterator<Item = (FileId, &SourceFile)> {
        self.files
            .iter()
            .enumerate()
            .map(|(i, f)| (FileId(i as u32), &**f))
    }

    /// The file with this id.
    pub fn file(&self, id: FileId) -> &SourceFile {
        &self.files[id.0 as usize]
    }

    /// Number of files.
    pub fn len(&self) -> usize {
        self.files.len()
    }

    /// Whether there are no files.
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// Adds `file` after the others (not sorted in, so every id stays), and returns its id: how
    /// a compile adds the site files its diagnostics point into (docs.json, …) after the spec
    /// files.
    pub fn push(&mut self, file: SourceFile) -> FileId {
        self.files.push(Arc::new(file));
        self.derived.push(Default::default());
        FileId(self.files.len() as u32 - 1)
    }

    /// 1-based line and column (in characters) of the start of `span`: as [`line_col`], found
    /// with the file's line index.
    pub fn line_col(&self, span: Span) -> (usize, usize) {
        let text = &self.file(span.file).text;
        let offset = floor_char_boundary(text, (span.start as usize).min(text.len()));
        let starts = self.line_starts(span.file);
        let line = starts.partition_point(|&s| s as usize <= offset);
        let start = starts[line - 1] as usize;
        (line, text[start..offset].chars().count() + 1)
    }

    /// Line `line` (1-based) of file `id` without its line ending, as `str::lines` gives it;
    /// empty past the end.
    pub fn line(&self, id: FileId, line: usize) -> &str {
        let text = &self.file(id).text;
        let starts = self.line_starts(id);
        let Some(&start) = starts.get(line.wrapping_sub(1)) else {
            return "";
        };
        let end = starts
            .get(line)
            .map_or(text.len(), |&next| next as usize - 1);
        let l = &text[start as usize..end];
        // `lines` strips a `\r` before a `\n` only.
        if end < text.len() {
            l.strip_suffix('\r').unwrap_or(l)
        } else {
            l
        }
    }

    /// [`content_hash`] of file `id`'s text, computed once for these sources and their clones.
    pub fn text_hash(&self, id: FileId) -> u64 {
        *self.derived[id.0 as usize]
            .hash
            .get_or_init(|| content_hash(self.file(id).text.as_bytes()))
    }

    fn line_starts(&self, id: FileId) -> &[u32] {
        self.derived[id.0 as usize].line_starts.get_or_init(|| {
            let text = &self.file(id).text;
            std::iter::once(0)
                .chain(text.match_indices('\n').map(|(i, _)| i as u32 + 1))
                .collect()
        })
    }
}

/// 1-based line and column (in characters) of byte `offset` in `text`.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = floor_char_boundary(text, offset.min(text.len()));
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = before[line_start..].chars().count() + 1;
    (line, col)
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Where the value of a TOML string literal starts in the file, if the literal holds the value
/// verbatim (no escapes), so that offsets inside the value map to file offsets.
///
/// `literal` is the byte range of the whole literal, quotes included.
pub fn string_value_origin(
    text: &str,
    literal: std::ops::Range<usize>,
    value: &str,
) -> Option<usize> {
    let raw = text.get(literal.clone())?;
    let quote_len = if raw.starts_with("'''") || raw.starts_with("\"\"\"") {
        3
    } else {
        1
    };
    let mut start = literal.start + quote_len;
    if quote_len == 3 {
        // TOML trims a newline right after the opening delimiter.
        if text[start..].starts_with("\r\n") {
            start += 2;
        } else if text[start..].starts_with('\n') {
            start += 1;
        }
    }
    (text.get(start..start + value.len()) == Some(value)).then_some(start)
}

/// The byte ranges of the string literals (quotes included) of the TOML array of strings at
/// `array` in `text`, in order; empty when it holds anything else (a nested array, a number).
pub fn string_elements(text: &str, array: std::ops::Range<usize>) -> Vec<std::ops::Range<usize>> {
    let Some(inner) = text
        .get(array.clone())
        .and_then(|a| a.strip_prefix('[')?.strip_suffix(']'))
    else {
        return Vec::new();
    };
    let base = array.start + 1;
    let bytes = inner.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b' ' | b'\t' | b'\r' | b'\n' | b',' => i += 1,
            b'#' => i = inner[i..].find('\n').map_or(bytes.len(), |n| i + n),
            q @ (b'"' | b'\'')
                if !inner[i..].starts_with("\"\"\"") && !inner[i..].starts_with("\'\'\'") =>
            {
                let start = i;
                i += 1;
                while i < bytes.len() && bytes[i] != q && bytes[i] != b'\n' {
                    // A basic string's escape takes the next byte with it.
                    i += if q == b'"' && bytes[i] == b'\\' { 2 } else { 1 };
                }
                if bytes.get(i) != Some(&q) {
                    return Vec::new();
                }
                i += 1;
                out.push(base + start..base + i);
            }
            _ => return Vec::new(),
        }
    }
    out
}

/// `s` as a TOML basic string (`"…"`), escaping quotes, backslashes and control characters; the
/// one TOML string writer of the lock and of `import`.
pub fn toml_basic_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_line_index_agrees_with_counting_lines() {
        let texts = [
            "",
            "a",
            "a\n",
            "a\r\nb\r\n",
            "\n\n",
            "é\nü😀x\r\ny\r",
            "x\ry\n\nz",
        ];
        for text in texts {
            let sources = Sources::new(vec![SourceFile {
                path: "f".into(),
                text: text.into(),
            }]);
            for offset in 0..=text.len() + 1 {
                let span = Span::new(FileId(0), offset..offset);
                assert_eq!(
                    sources.line_col(span),
                    line_col(text, offset),
                    "{text:?} at {offset}"
                );
            }
            for line in 0..=text.lines().count() + 2 {
                let want = line
                    .checked_sub(1)
                    .and_then(|n| text.lines().nth(n))
                    .unwrap_or("");
                assert_eq!(sources.line(FileId(0), line), want, "{text:?} line {line}");
            }
        }
    }

    #[test]
    fn string_elements_of_an_array() {
        let text = "n = [\"a\", 'b\"', # c\n  \"d\\\"e\",]\n";
        let array = text.find('[').unwrap_or(0)..text.rfind(']').map_or(0, |i| i + 1);
        let found: Vec<&str> = string_elements(text, array)
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(found, ["\"a\"", "'b\"'", "\"d\\\"e\""]);
        assert!(string_elements("n = [1]", 4..7).is_empty());
        assert!(string_elements("n = [[\"a\"]]", 4..11).is_empty());
    }
}
