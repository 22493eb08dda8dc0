//! The files the preview serves besides its pages: its own script and style, and the pinned
//! Mermaid and ELK layout builds under `vendor/` (listed with their SHA-256 in
//! `vendor/MANIFEST`, embedded by the build script). Nothing is read from disk at run time.

include!(concat!(env!("OUT_DIR"), "/vendor.rs"));

/// Where the assets are served: `/_personamap/` then the asset's path.
pub const PREFIX: &str = "/_personamap/";

/// The preview's own files: path under [`PREFIX`], contents.
const OWN: &[(&str, &[u8])] = &[
    ("preview.js", include_bytes!("client/preview.js")),
    ("preview.css", include_bytes!("client/preview.css")),
];

/// The asset at `path` (under [`PREFIX`]): its bytes and content type. Vendored files are
/// under `vendor/`.
pub fn get(path: &str) -> Option<(&'static [u8], &'static str)> {
    let bytes = match path.strip_prefix("vendor/") {
        Some(rest) => VENDOR.iter().find(|(p, ..)| *p == rest).map(|(_, b, _)| *b),
        None => OWN.iter().find(|(p, _)| *p == path).map(|(_, b)| *b),
    }?;
    Some((bytes, content_type(path)))
}

fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next() {
        Some("js" | "mjs") => "text/javascript; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        _ => "text/plain; charset=utf-8",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sha2::{Digest as _, Sha256};

    #[test]
    fn every_vendored_file_matches_the_manifest() {
        assert!(VENDOR.len() > 100, "{} files", VENDOR.len());
        for (path, bytes, hash) in VENDOR {
            let actual: String = Sha256::digest(bytes)
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect();
            assert_eq!(&actual, hash, "vendor/{path} differs from vendor/MANIFEST");
        }
        let manifest = include_str!("../vendor/MANIFEST");
        assert!(manifest.contains("# mermaid@11.17.2 sha512-"));
        assert!(manifest.contains("# @mermaid-js/layout-elk@0.2.3 sha512-"));
    }

    #[test]
    fn the_entry_points_are_served() {
        for path in [
            "vendor/mermaid/mermaid.min.js",
            "vendor/layout-elk/mermaid-layout-elk.esm.min.mjs",
            "preview.js",
            "preview.css",
        ] {
            assert!(get(path).is_some(), "{path}");
        }
        assert!(get("vendor/MANIFEST").is_none());
        assert!(get("vendor/../src/lib.rs").is_none());
    }
}
