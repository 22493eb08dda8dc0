//! Embeds the vendored Mermaid and ELK layout files that `vendor/MANIFEST` lists: writes
//! `vendor.rs` (a table of path, bytes and SHA-256 from the manifest) into OUT_DIR.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("vendor");
    let manifest = dir.join("MANIFEST");
    println!("cargo:rerun-if-changed={}", manifest.display());
    let text = std::fs::read_to_string(&manifest).expect("vendor/MANIFEST is readable");
    let mut out = String::from(
        "/// The vendored files: path under vendor/, bytes, SHA-256 (hex) from vendor/MANIFEST.\npub static VENDOR: &[(&str, &[u8], &str)] = &[\n",
    );
    for line in text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let (hash, path) = line
            .split_once("  ")
            .expect("MANIFEST lines are `sha256  path`");
        let file = dir.join(path);
        println!("cargo:rerun-if-changed={}", file.display());
        let _ = writeln!(
            out,
            "    ({path:?}, include_bytes!({:?}), {hash:?}),",
            file.display().to_string()
        );
    }
    out.push_str("];\n");
    let dest = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR is set")).join("vendor.rs");
    std::fs::write(dest, out).expect("OUT_DIR is writable");
}
