//! Records the commit the binary is built from, for `personamap --version`: the
//! `PERSONAMAP_COMMIT` environment variable when set (a build outside a git checkout, e.g. a
//! release job), else `git rev-parse --short=9 HEAD`, else `unknown commit`.
//!
//! On Linux with glibc it also links the binary at a fixed address (`-no-pie`): a
//! position-independent binary makes the dynamic loader apply about 20,000 relocations at every
//! start, touching about 70 pages, a tenth of the page faults of a `generate` with nothing to
//! write (see README "Performance"). Not with musl: Rust links a static musl binary as
//! static-pie, and `-no-pie` on top of it gives a binary that crashes at start.

use std::path::Path;
use std::process::Command;

/// `git ARGS` run in this crate's folder: its trimmed output, or `None` when git is missing,
/// fails (not a checkout) or prints nothing.
fn git(dir: &Path, args: &[&str]) -> Option<String> {
    let out = Command::new("git")
        .args(args)
        .current_dir(dir)
        .output()
        .ok()?;
    let text = String::from_utf8(out.stdout).ok()?.trim().to_string();
    (out.status.success() && !text.is_empty()).then_some(text)
}

fn main() {
    let dir = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| ".".into());
    let dir = Path::new(&dir);
    println!("cargo:rerun-if-env-changed=PERSONAMAP_COMMIT");
    println!("cargo:rerun-if-changed=build.rs");
    let commit = std::env::var("PERSONAMAP_COMMIT")
        .ok()
        .filter(|c| !c.is_empty())
        .or_else(|| git(dir, &["rev-parse", "--short=9", "HEAD"]))
        .unwrap_or_else(|| "unknown commit".into());
    // Built again when HEAD moves: a checkout (HEAD) or a commit (the branch's ref, loose or
    // packed). Only files that exist are named: cargo reruns for a missing one every time.
    let branch = git(dir, &["symbolic-ref", "-q", "HEAD"]);
    let watched = ["HEAD", "packed-refs"]
        .into_iter()
        .chain(branch.as_deref())
        .filter_map(|name| git(dir, &["rev-parse", "--git-path", name]));
    for path in watched {
        let path = dir.join(path);
        if path.exists() {
            println!("cargo:rerun-if-changed={}", path.display());
        }
    }
    println!("cargo:rustc-env=PERSONAMAP_COMMIT={commit}");
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("linux")
        && std::env::var("CARGO_CFG_TARGET_ENV").as_deref() == Ok("gnu")
    {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
}
