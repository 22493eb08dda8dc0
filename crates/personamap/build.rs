//! Records the commit the binary is built from, for `personamap --version`: the
//! `PERSONAMAP_COMMIT` environment variable when set (a build outside a git checkout, e.g. a
//! release job), else `git rev-parse --short=9 HEAD`, else `unknown commit`.
//!
//! On Linux with glibc it also links the binary at a fixed address (`-no-pie`): a
//! position-independent binary makes the dynamic loader apply about 20,000 relocations at every
//! start, touching about 70 pages, a tenth of the page faults of a `generate` with nothing to
//! write (see README "Performance"). Not with musl: Rust links a static musl binary as
//! static-pie, and `-no-pie` on top of it gives a binary that crashes at start. With glibc it
//! also links the unwinder statically, so that `libgcc_s.so.1` is not loaded at all (see
//! [`static_unwinder_dir`]).

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
        if let Some(dir) = static_unwinder_dir() {
            println!("cargo:rustc-link-search=native={}", dir.display());
            println!("cargo:rustc-link-lib=static=gcc_eh");
        }
    }
}

/// The folder holding the C compiler's static unwinder (`libgcc_eh.a`), for a native build
/// (host and target alike) whose linker (`cc`, or `RUSTC_LINKER`) names one.
///
/// Linked before the `-lgcc_s` that Rust's standard library asks for, it provides the unwinder
/// (`_Unwind_*`), and the linker (`--as-needed`) then drops `libgcc_s.so.1`: its constructor
/// probes the CPU with about ten `cpuid` instructions, each a trap to the hypervisor under KVM
/// (9 µs here), a quarter of a millisecond at every start (see README "Performance"). Static
/// musl builds already link this unwinder.
fn static_unwinder_dir() -> Option<std::path::PathBuf> {
    println!("cargo:rerun-if-env-changed=RUSTC_LINKER");
    if std::env::var("HOST").ok()? != std::env::var("TARGET").ok()? {
        return None;
    }
    let linker = std::env::var("RUSTC_LINKER").unwrap_or_else(|_| "cc".into());
    let out = Command::new(linker)
        .arg("-print-file-name=libgcc_eh.a")
        .output()
        .ok()?;
    let path = std::path::PathBuf::from(String::from_utf8(out.stdout).ok()?.trim());
    // Without it the compiler prints the bare name back.
    (out.status.success() && path.is_absolute() && path.exists())
        .then(|| path.parent().map(Path::to_path_buf))
        .flatten()
}
