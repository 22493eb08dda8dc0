//! `file://` URIs and the paths they name.

use lsp_types::Uri;
use std::path::{Path, PathBuf};
use std::str::FromStr as _;

/// The `file://` URI of the absolute path `path` (every byte outside RFC 3986's unreserved set
/// and `/` percent-encoded).
pub fn from_path(path: &Path) -> Uri {
    let mut out = String::from("file://");
    let text = path.to_string_lossy();
    if !text.starts_with('/') {
        out.push('/');
    }
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    // Every byte outside the unreserved set is escaped: always a valid URI.
    Uri::from_str(&out).expect("an escaped file URI parses")
}

/// The path a `file://` URI names (`None` for another scheme or a broken escape).
pub fn to_path(uri: &Uri) -> Option<PathBuf> {
    let rest = uri.as_str().strip_prefix("file://")?;
    let rest = rest.strip_prefix("localhost").unwrap_or(rest);
    let rest = rest.split(['?', '#']).next().unwrap_or("");
    let mut bytes = Vec::with_capacity(rest.len());
    let mut it = rest.bytes();
    while let Some(b) = it.next() {
        if b == b'%' {
            let hex = [it.next()?, it.next()?];
            let hex = std::str::from_utf8(&hex).ok()?;
            bytes.push(u8::from_str_radix(hex, 16).ok()?);
        } else {
            bytes.push(b);
        }
    }
    Some(PathBuf::from(String::from_utf8(bytes).ok()?))
}

/// The path of `uri` relative to `root`, with `/` separators, when the URI names a file under
/// the root.
pub fn relative(root: &Path, uri: &Uri) -> Option<String> {
    let path = to_path(uri)?;
    let rel = path.strip_prefix(root).ok()?;
    let parts: Vec<&str> = rel
        .components()
        .map(|c| match c {
            std::path::Component::Normal(s) => s.to_str(),
            _ => None,
        })
        .collect::<Option<_>>()?;
    (!parts.is_empty()).then(|| parts.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_round_trip_through_escapes() {
        let path = Path::new("/tmp/a b/ü#%.toml");
        let uri = from_path(path);
        assert_eq!(uri.as_str(), "file:///tmp/a%20b/%C3%BC%23%25.toml");
        assert_eq!(to_path(&uri).as_deref(), Some(path));
        let root = Path::new("/tmp/a b");
        assert_eq!(relative(root, &uri).as_deref(), Some("ü#%.toml"));
        assert_eq!(relative(Path::new("/elsewhere"), &uri), None);
        let other = Uri::from_str("untitled:Untitled-1").expect("uri");
        assert_eq!(to_path(&other), None);
        let localhost = Uri::from_str("file://localhost/x/y.toml").expect("uri");
        assert_eq!(
            relative(Path::new("/x"), &localhost).as_deref(),
            Some("y.toml")
        );
    }
}
