//! Reading text inputs from disk without trusting them: FIFOs, sockets, devices and broken
//! symlinks are reported instead of opened (a FIFO never blocks a read), bytes that are not
//! UTF-8 are named with their position, and CRLF line endings (and a UTF-8 byte order mark)
//! are normalised so that a Windows checkout compiles to the same bytes.

use crate::diag::Diagnostic;
use crate::source::{SourceFile, Sources};
use std::io::Read as _;
use std::path::Path;

/// What reading one input file found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TextFile {
    /// Its text, with `\r\n` turned into `\n` and a leading byte order mark dropped.
    Text(String),
    /// Nothing at that path.
    Missing,
    /// Something that is not a regular file (named, e.g. "a FIFO", "a dangling symlink");
    /// not read.
    NotRegular(&'static str),
}

/// Reads the spec file at `path` (named `rel` in errors), normalised: CRLF and LF specs
/// compile alike. Errors name the file; bytes that are not UTF-8 are located.
pub fn read_spec_text(path: &Path, rel: &str) -> std::io::Result<TextFile> {
    read(path, rel, true)
}

/// Reads a site file the compiler merges into (docs.json, llms.txt) at `path`, exactly as
/// it is (its bytes are kept). Errors name the file; bytes that are not UTF-8 are located.
pub fn read_site_text(path: &Path, rel: &str) -> std::io::Result<TextFile> {
    read(path, rel, false)
}

fn read(path: &Path, rel: &str, normalise: bool) -> std::io::Result<TextFile> {
    let named = |e: std::io::Error| std::io::Error::new(e.kind(), format!("{rel}: {e}"));
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        // Opening a FIFO for reading blocks until a writer appears, unless non-blocking.
        options.custom_flags(libc::O_NONBLOCK);
    }
    let mut file = match options.open(path) {
        Ok(f) => f,
        Err(e) => {
            return match std::fs::symlink_metadata(path) {
                Err(_) if e.kind() == std::io::ErrorKind::NotFound => Ok(TextFile::Missing),
                Ok(m) if m.file_type().is_symlink() => {
                    if e.kind() == std::io::ErrorKind::NotFound {
                        Ok(TextFile::NotRegular("a dangling symlink"))
                    } else if is_loop(&e) {
                        Ok(TextFile::NotRegular("a symlink loop"))
                    } else {
                        Err(named(e))
                    }
                }
                _ => Err(named(e)),
            };
        }
    };
    let meta = file.metadata().map_err(named)?;
    if !meta.is_file() {
        return Ok(TextFile::NotRegular(kind(&meta)));
    }
    let mut bytes = Vec::new();
    file.read_to_end(&mut bytes).map_err(named)?;
    let text = utf8(bytes, rel)?;
    Ok(TextFile::Text(if normalise {
        normalised(text)
    } else {
        text
    }))
}

/// The text of `bytes`, or an error naming `rel` and locating the first invalid byte.
fn utf8(bytes: Vec<u8>, rel: &str) -> std::io::Result<String> {
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let bytes = e.as_bytes();
        let before = String::from_utf8_lossy(&bytes[..at]);
        let (line, col) = crate::source::line_col(&before, before.len());
        std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!(
                "{rel}:{line}:{col}: not UTF-8: byte 0x{:02X} at byte offset {at}; save the file as UTF-8",
                bytes[at]
            ),
        )
    })
}

/// `text` with CRLF line endings turned into LF and a leading byte order mark dropped.
pub fn normalised(text: String) -> String {
    let text = match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    };
    if text.contains('\r') {
        text.replace("\r\n", "\n")
    } else {
        text
    }
}

#[cfg(unix)]
fn is_loop(e: &std::io::Error) -> bool {
    e.raw_os_error() == Some(libc::ELOOP)
}

#[cfg(not(unix))]
fn is_loop(_e: &std::io::Error) -> bool {
    false
}

fn kind(meta: &std::fs::Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt as _;
        let t = meta.file_type();
        if t.is_fifo() {
            return "a FIFO";
        }
        if t.is_socket() {
            return "a socket";
        }
        if t.is_block_device() || t.is_char_device() {
            return "a device";
        }
    }
    if meta.is_dir() {
        "a folder"
    } else {
        "not a regular file"
    }
}

/// The warning for a spec path that is not a regular file.
pub fn skipped(rel: &str, what: &str) -> Diagnostic {
    Diagnostic::warning(
        "spec-file-skipped",
        None,
        format!("{rel} is {what}, not a regular file; skipped"),
    )
    .with_help("spec files must be regular files; remove it or replace it with the file")
}

/// Reads every `*.toml` file under `root/personas` (recursively, in path order), with a
/// warning for each one that is not a regular file (skipped).
pub fn read_spec_dir_warn(root: &Path) -> std::io::Result<(Sources, Vec<Diagnostic>)> {
    let dir = root.join(crate::SPEC_DIR);
    // The `*.toml` files found, with their site-relative paths, in walk order.
    let mut found = Vec::new();
    let mut stack = vec![dir];
    while let Some(d) = stack.pop() {
        let rel_of = |path: &Path| {
            path.strip_prefix(root)
                .unwrap_or(path)
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/")
        };
        let named =
            |e: std::io::Error| std::io::Error::new(e.kind(), format!("{}: {e}", rel_of(&d)));
        for entry in std::fs::read_dir(&d).map_err(named)? {
            let entry = entry.map_err(named)?;
            let path = entry.path();
            let name = entry.file_name();
            let name = name.to_string_lossy();
            if name.starts_with('.') {
                continue;
            }
            if entry.file_type().map_err(named)?.is_dir() {
                stack.push(path);
            } else if name.ends_with(".toml") {
                let rel = rel_of(&path);
                found.push((path, rel));
            }
        }
    }
    // Read on the machine's cores (a thousand files are a thousand opens and reads); the
    // first error in walk order is the one reported, as a serial read would.
    let read = crate::parallel::map(&found, |(path, rel)| read_spec_text(path, rel));
    let mut files = Vec::with_capacity(found.len());
    let mut warnings = Vec::new();
    for ((_, rel), text) in found.into_iter().zip(read) {
        match text? {
            TextFile::Text(text) => files.push(SourceFile { path: rel, text }),
            TextFile::Missing => {}
            TextFile::NotRegular(what) => warnings.push(skipped(&rel, what)),
        }
    }
    Ok((Sources::new(files), warnings))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crlf_and_bom_normalise_and_bad_bytes_are_located() {
        assert_eq!(
            normalised("\u{feff}a = 1\r\nb = '\r'\r\n".into()),
            "a = 1\nb = '\r'\n"
        );
        let e = utf8(b"a = 1\nb = \"\xc3\x28\"\n".to_vec(), "personas/x.toml").unwrap_err();
        assert_eq!(
            e.to_string(),
            "personas/x.toml:2:6: not UTF-8: byte 0xC3 at byte offset 11; save the file as UTF-8"
        );
    }

    #[cfg(unix)]
    #[test]
    fn special_files_are_named_not_read() {
        let dir = tempfile::tempdir().unwrap();
        let p = |n: &str| dir.path().join(n);
        std::os::unix::fs::symlink(p("nowhere"), p("dangling.toml")).unwrap();
        std::os::unix::fs::symlink(p("loop.toml"), p("loop.toml")).unwrap();
        std::fs::create_dir(p("dir.toml")).unwrap();
        let fifo = std::ffi::CString::new(p("fifo.toml").to_str().unwrap()).unwrap();
        // SAFETY: a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o644) }, 0);
        for (name, what) in [
            ("dangling.toml", "a dangling symlink"),
            ("loop.toml", "a symlink loop"),
            ("dir.toml", "a folder"),
            ("fifo.toml", "a FIFO"),
        ] {
            assert_eq!(
                read_spec_text(&p(name), name).unwrap(),
                TextFile::NotRegular(what)
            );
        }
        assert_eq!(
            read_site_text(&p("none"), "none").unwrap(),
            TextFile::Missing
        );
    }
}
