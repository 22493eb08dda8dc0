//! Never lose a byte: the real binary on temporary copies of the site, each hostile scenario a
//! test — tampered, copied and garbage locks; hand-written files at paths the lock lists;
//! symlinks and stale files at temp names; concurrent runs; I/O errors mid-write; FIFOs,
//! CRLF and non-UTF-8 spec files; lenient docs.json; entries of removed pages.

mod common;

use common::*;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const PAGE: &str = "v2/developers/concepts/infra-stack";
const LINKED: &str = "v2/developers/concepts/infra-stack-linked";
const LOCK: &str = "personas/generated.lock";

fn read(root: &Path, rel: &str) -> String {
    std::fs::read_to_string(root.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn write(root: &Path, rel: &str, text: impl AsRef<[u8]>) {
    std::fs::write(root.join(rel), text).unwrap_or_else(|e| panic!("{rel}: {e}"));
}

/// Runs `generate` once so that the copy's lock records the copy's files, and returns the copy.
fn generated_site() -> tempfile::TempDir {
    let site = repo_site();
    let out = run_in(site.path(), &["generate"]);
    assert!(out.status.success(), "{}", stderr(&out));
    site
}

/// Edits a persona label used by both pages, so that both must be rewritten.
fn edit_spec(root: &Path) {
    let rel = "personas/p2-video-platform.toml";
    let text = read(root, rel);
    assert!(text.contains("\"Live Events\""));
    write(
        root,
        rel,
        text.replace("\"Live Events\"", "\"Live events\""),
    );
}

#[test]
fn a_tampered_lock_protects_the_page_it_no_longer_matches() {
    let site = generated_site();
    let root = site.path();
    // The recorded hash of the page no longer matches its bytes.
    let lock = read(root, LOCK);
    let page_entry = format!("path = \"{PAGE}.mdx\"\nsha256 = \"");
    let at = lock.find(&page_entry).expect("page entry") + page_entry.len();
    let mut tampered = lock.clone();
    tampered.replace_range(at..at + 64, &"0".repeat(64));
    write(root, LOCK, &tampered);
    edit_spec(root);
    let before = read(root, &format!("{PAGE}.mdx"));
    let out = run_in(root, &["generate"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains(&format!("`{PAGE}.mdx` changed since personamap wrote it"))
            && err.contains("personas/generated.lock:"),
        "{err}"
    );
    assert_eq!(before, read(root, &format!("{PAGE}.mdx")));
    // A hash that is not a SHA-256 is a located error, not a lock that says nothing.
    write(
        root,
        LOCK,
        tampered.replacen(&"0".repeat(64), "not-a-hash", 1),
    );
    let out = run_in(root, &["generate"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("not a SHA-256"), "{}", stderr(&out));
}

#[test]
fn a_copied_lock_deletes_and_replaces_nothing_it_did_not_write() {
    let site = generated_site();
    let root = site.path();
    // The lock of another site: its pages, its bytes; here they are hand-written.
    let other = generated_site();
    let mut lock = read(other.path(), LOCK);
    lock.push_str(&format!(
        "\n[[file]]\npath = \"v2/theirs.mdx\"\nsha256 = \"{}\"\n",
        "a".repeat(64)
    ));
    write(root, LOCK, &lock);
    write(root, "v2/theirs.mdx", "hand-written\n");
    write(root, &format!("{LINKED}.mdx"), "also hand-written\n");
    let out = run_in(root, &["generate"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("`v2/theirs.mdx` changed since"), "{err}");
    assert!(
        err.contains(&format!("`{LINKED}.mdx` changed since")),
        "{err}"
    );
    assert_eq!(read(root, "v2/theirs.mdx"), "hand-written\n");
    assert_eq!(read(root, &format!("{LINKED}.mdx")), "also hand-written\n");
}

#[test]
fn a_garbage_lock_is_an_error_never_an_empty_lock() {
    for garbage in [
        &b"hello\x00world \xff\n"[..],
        b"",
        b"version = 2\n[[file]]\n",
    ] {
        let site = generated_site();
        let root = site.path();
        write(root, LOCK, garbage);
        edit_spec(root);
        let before = snapshot(root);
        let out = run_in(root, &["generate"]);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{err}");
        assert!(err.contains("personas/generated.lock"), "{err}");
        assert_eq!(before, snapshot(root), "a garbage lock let generate write");
    }
}

#[test]
fn a_hand_written_page_at_a_renamed_pages_old_path_is_not_deleted() {
    let site = generated_site();
    let root = site.path();
    let spec = "personas/infra-stack-linked.toml";
    write(
        root,
        spec,
        read(root, spec).replace(
            &format!("id = \"{LINKED}\""),
            "id = \"v2/developers/concepts/infra-stack-renamed\"",
        ),
    );
    write(root, &format!("{LINKED}.mdx"), "my own page now\n");
    let out = run_in(root, &["generate"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains(&format!("`{LINKED}.mdx` changed since personamap wrote it"))
            && err.contains("refusing to delete it"),
        "{err}"
    );
    assert_eq!(read(root, &format!("{LINKED}.mdx")), "my own page now\n");
}

#[test]
fn lock_entries_personamap_could_not_have_written_are_ignored_with_a_warning() {
    let site = generated_site();
    let root = site.path();
    write(root, "README.md", "readme\n");
    write(root, "v2/hand.mdx", "hand-written page\n");
    let spec_before = read(root, "personas/site.toml");
    let docs_before = read(root, "docs.json");
    // The old, path-per-line format, as a copied or merged lock would have it.
    let old =
        "# Files written by `personamap generate`. Do not edit: personamap keeps this list.\n";
    let listed = "README.md\ndocs.json\npersonas/site.toml\n../outside.mdx\n";
    write(root, LOCK, format!("{old}{listed}"));
    let out = run_in(root, &["generate"]);
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    for p in [
        "README.md",
        "docs.json",
        "personas/site.toml",
        "../outside.mdx",
    ] {
        assert!(
            err.contains("warning[lock]: personas/generated.lock:")
                && err.contains(&format!("ignoring `{p}`")),
            "{p}: {err}"
        );
    }
    assert_eq!(read(root, "README.md"), "readme\n");
    assert_eq!(read(root, "personas/site.toml"), spec_before);
    assert_eq!(read(root, "docs.json"), docs_before);
    // A hand-written page the lock lists (without a hash) is named, and kept.
    write(root, LOCK, format!("{old}{listed}v2/hand.mdx\n"));
    let out = run_in(root, &["generate"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("`v2/hand.mdx` is listed by an old lock without a hash"),
        "{err}"
    );
    assert_eq!(read(root, "v2/hand.mdx"), "hand-written page\n");
}

#[cfg(target_os = "linux")]
#[test]
fn a_symlink_at_a_temp_name_is_never_written_through() {
    let site = generated_site();
    let root = site.path();
    let outside = tempfile::tempdir().unwrap();
    let victim = outside.path().join("victim");
    std::fs::write(&victim, "outside the root\n").unwrap();
    // Symlinks at the temp names the next processes would use (the old writer named them
    // `.NAME.PID.personamap-tmp`, created without O_EXCL, and wrote through the link).
    let last: u32 = std::fs::read_to_string("/proc/sys/kernel/ns_last_pid")
        .ok()
        .and_then(|t| t.trim().parse().ok())
        .unwrap_or(0);
    for pid in last..last + 300 {
        for name in ["llms.txt", "docs.json"] {
            let link = root.join(format!(".{name}.{pid}.personamap-tmp"));
            std::os::unix::fs::symlink(&victim, link).unwrap();
            let link = root.join(format!(".{name}.{pid}-0.personamap-tmp"));
            std::os::unix::fs::symlink(&victim, link).unwrap();
        }
    }
    let llms = read(root, "llms.txt");
    let lines: Vec<&str> = llms
        .lines()
        .filter(|l| !l.contains("infra-stack.md"))
        .collect();
    write(root, "llms.txt", lines.join("\n") + "\n");
    let out = run_in(root, &["generate"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        std::fs::read_to_string(&victim).unwrap(),
        "outside the root\n"
    );
    assert_eq!(read(root, "llms.txt").len(), llms.len());
}

#[test]
fn stale_temp_files_of_killed_runs_are_removed_and_nothing_else() {
    let site = generated_site();
    let root = site.path();
    let dir = Path::new(PAGE).parent().unwrap();
    let stale = [
        dir.join(".infra-stack.mdx.4242-0.personamap-tmp"),
        Path::new(".docs.json.4242-3.personamap-tmp").to_path_buf(),
        Path::new("personas/.generated.lock.77-1.personamap-tmp").to_path_buf(),
    ];
    for s in &stale {
        write(root, s.to_str().unwrap(), "half a file");
    }
    let mine = ["notes.personamap-tmp.txt", "x.tmp", "personamap-tmp"];
    for m in mine {
        write(root, m, "mine");
    }
    let out = run_in(root, &["generate"]);
    assert!(out.status.success(), "{}", stderr(&out));
    for s in &stale {
        assert!(!root.join(s).exists(), "{} left behind", s.display());
    }
    for m in mine {
        assert_eq!(read(root, m), "mine");
    }
}

#[test]
fn a_second_run_waits_for_the_first_then_names_it() {
    let site = generated_site();
    let root = site.path();
    let writer = personamap_write::Writer::new(root).unwrap();
    let held = writer.acquire(Duration::ZERO).expect("run lock");
    let bin = env!("CARGO_BIN_EXE_personamap");
    let out = Command::new(bin)
        .args(["generate", "--root", root.to_str().unwrap()])
        .env("PERSONAMAP_LOCK_WAIT_MS", "300")
        .output()
        .unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("another personamap run is writing this site")
            && err.contains(&format!("pid {}", std::process::id())),
        "{err}"
    );
    // A run that starts while the lock is held reads the site only once it has the lock:
    // the spec edited meanwhile is what it compiles.
    let child = Command::new(bin)
        .args(["generate", "--root", root.to_str().unwrap()])
        .env("PERSONAMAP_LOCK_WAIT_MS", "30000")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(500));
    edit_spec(root);
    drop(held);
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(read(root, &format!("{PAGE}.mdx")).contains("Live events"));
    assert!(!root.join(personamap_write::RUN_LOCK).exists());
}

#[test]
fn concurrent_runs_are_serialised_and_orphan_nothing() {
    let site = repo_site();
    let root = site.path();
    // Two runs at once, each with pages to create: both succeed, one after the other, and the
    // lock records every page on disk.
    for round in 0..3 {
        std::fs::remove_file(root.join(format!("{PAGE}.mdx"))).ok();
        std::fs::remove_file(root.join(format!("{LINKED}.mdx"))).ok();
        let spawn = || {
            Command::new(env!("CARGO_BIN_EXE_personamap"))
                .args(["generate", "--root", root.to_str().unwrap()])
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        };
        let (a, b) = (spawn(), spawn());
        let (a, b) = (a.wait_with_output().unwrap(), b.wait_with_output().unwrap());
        assert!(
            a.status.success() && b.status.success(),
            "{}{}",
            stderr(&a),
            stderr(&b)
        );
        let created = [&a, &b]
            .iter()
            .filter(|o| stdout(o).contains(&format!("create {PAGE}.mdx")))
            .count();
        assert_eq!(created, 1, "round {round}: {}\n{}", stdout(&a), stdout(&b));
        let lock = read(root, LOCK);
        for p in [PAGE, LINKED] {
            let bytes = std::fs::read(root.join(format!("{p}.mdx"))).unwrap();
            let sum = personamap_write::sha256(&bytes);
            assert!(
                lock.contains(&sum),
                "round {round}: {p} not recorded as written"
            );
        }
    }
}

/// Makes `rel` impossible to replace: an immutable file (root ignores permissions) or, for
/// other users, a read-only folder. Returns how to undo it.
fn block(root: &Path, rel: &str) -> Box<dyn Fn()> {
    let file = root.join(rel);
    let is_root = Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0");
    if is_root {
        let ok = Command::new("chattr")
            .arg("+i")
            .arg(&file)
            .status()
            .is_ok_and(|s| s.success());
        assert!(
            ok,
            "as root, this test needs `chattr +i` to make a file unreplaceable"
        );
        return Box::new(move || {
            let _ = Command::new("chattr").arg("-i").arg(&file).status();
        });
    }
    use std::os::unix::fs::PermissionsExt as _;
    let dir = file.parent().unwrap().to_path_buf();
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o555)).unwrap();
    Box::new(move || {
        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).unwrap();
    })
}

#[cfg(unix)]
#[test]
fn an_io_error_mid_write_names_what_was_replaced_and_what_was_not() {
    let site = generated_site();
    let root = site.path();
    edit_spec(root);
    let check = run_in(root, &["generate", "--check"]);
    let planned: Vec<String> = stdout(&check)
        .lines()
        .filter_map(|l| l.strip_prefix("would "))
        .filter_map(|l| l.split_once(' ').map(|(_, p)| p.to_string()))
        .filter(|p| p != LOCK)
        .collect();
    assert!(planned.len() >= 3, "{planned:?}");
    let before = snapshot(root);
    let undo = block(root, &planned[1]);
    let out = run_in(root, &["generate"]);
    undo();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    let list = |label: &str| -> Vec<String> {
        let line = err
            .lines()
            .find_map(|l| l.trim().strip_prefix(label))
            .unwrap_or_else(|| panic!("no `{label}` in {err}"));
        if line.trim() == "none" {
            Vec::new()
        } else {
            line.split(", ").map(|s| s.trim().to_string()).collect()
        }
    };
    let applied = list("applied: ");
    let not_applied = list("not applied (previous bytes kept): ");
    assert!(not_applied.contains(&planned[1]), "{err}");

    assert_eq!(applied.len() + not_applied.len(), planned.len(), "{err}");
    if !applied.is_empty() {
        assert!(
            err.contains("accepts the previous and the new bytes"),
            "{err}"
        );
    }
    // The report is the truth about the disk.
    for p in &applied {
        let old = before.get(&root.join(p)).map(|(b, _)| b);
        assert_ne!(
            old,
            std::fs::read(root.join(p)).ok().as_ref(),
            "{p} reported applied"
        );
    }
    for p in &not_applied {
        let old = before.get(&root.join(p)).map(|(b, _)| b.clone());
        assert_eq!(
            old,
            std::fs::read(root.join(p)).ok(),
            "{p} reported not applied"
        );
    }
    // No temp file is left, and the next run finishes the job: the lock accepted both states.
    let temps = snapshot(root)
        .keys()
        .filter(|p| p.to_string_lossy().ends_with(".personamap-tmp"))
        .count();
    assert_eq!(temps, 0);
    let out = run_in(root, &["generate"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(read(root, &format!("{PAGE}.mdx")).contains("Live events"));
}

/// Runs `personamap ARGS --root ROOT`, killing it after `limit`.
fn run_with_timeout(root: &Path, args: &[&str], limit: Duration) -> std::process::Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_personamap"))
        .args(args)
        .args(["--root", root.to_str().unwrap()])
        .env("NO_COLOR", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > limit {
            child.kill().unwrap();
            let _ = child.wait();
            panic!("personamap {args:?} hung for {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

#[cfg(unix)]
#[test]
fn a_fifo_named_toml_never_hangs_and_is_named() {
    let site = generated_site();
    let root = site.path();
    let ok = Command::new("mkfifo")
        .arg(root.join("personas/evil.toml"))
        .status()
        .is_ok_and(|s| s.success());
    assert!(ok, "mkfifo");
    for cmd in [&["check"][..], &["generate"]] {
        let out = run_with_timeout(root, cmd, Duration::from_secs(30));
        let err = stderr(&out);
        assert!(out.status.success(), "{cmd:?}: {err}");
        assert!(
            err.contains("personas/evil.toml is a FIFO, not a regular file; skipped"),
            "{cmd:?}: {err}"
        );
    }
}

#[cfg(unix)]
#[test]
fn dangling_symlinks_and_symlink_loops_in_personas_are_skipped_with_their_names() {
    let site = generated_site();
    let root = site.path();
    std::os::unix::fs::symlink(root.join("nowhere"), root.join("personas/dangling.toml")).unwrap();
    std::os::unix::fs::symlink("loop.toml", root.join("personas/loop.toml")).unwrap();
    let out = run_in(root, &["generate"]);
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    for (name, what) in [
        ("dangling.toml", "a dangling symlink"),
        ("loop.toml", "a symlink loop"),
    ] {
        assert!(
            err.contains(&format!(
                "personas/{name} is {what}, not a regular file; skipped"
            )),
            "{err}"
        );
    }
}

#[test]
fn crlf_and_lf_specs_give_identical_outputs_and_positions() {
    let lf = repo_site();
    let crlf = repo_site();
    for entry in std::fs::read_dir(crlf.path().join("personas")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "toml") {
            let text = std::fs::read_to_string(&path).unwrap();
            std::fs::write(&path, text.replace('\n', "\r\n")).unwrap();
        }
    }
    for site in [&lf, &crlf] {
        let out = run_in(site.path(), &["generate"]);
        assert!(out.status.success(), "{}", stderr(&out));
    }
    let outputs = |root: &Path| {
        snapshot(root)
            .into_iter()
            .filter(|(p, _)| !p.strip_prefix(root).unwrap().starts_with("personas"))
            .map(|(p, (bytes, _))| (p.strip_prefix(root).unwrap().to_path_buf(), bytes))
            .collect::<Vec<_>>()
    };
    let (a, b) = (outputs(lf.path()), outputs(crlf.path()));
    assert_eq!(a.len(), b.len());
    for ((pa, ba), (pb, bb)) in a.iter().zip(&b) {
        assert_eq!(pa, pb);
        assert!(
            ba == bb,
            "{} differs between LF and CRLF specs",
            pa.display()
        );
    }
    // A diagnostic points at the same line and column.
    let located = |site: &tempfile::TempDir, newline: &str| {
        let rel = "personas/p2-video-platform.toml";
        let text = read(site.path(), rel);
        write(
            site.path(),
            rel,
            text.replacen(
                &format!("{newline}[["),
                &format!("{newline}bogus = 1{newline}[["),
                1,
            ),
        );
        let out = run_in(site.path(), &["check", "--format", "json"]);
        stdout(&out)
    };
    let (x, y) = (located(&lf, "\n"), located(&crlf, "\r\n"));
    assert!(x.contains("\"line\""), "{x}");
    assert_eq!(x, y);
}

#[test]
fn a_non_utf8_spec_file_is_named_with_the_byte_position() {
    let site = repo_site();
    let root = site.path();
    let rel = "personas/p2-video-platform.toml";
    let mut bytes = std::fs::read(root.join(rel)).unwrap();
    let text = String::from_utf8(bytes.clone()).unwrap();
    let at = text.find("\"Live Events\"").unwrap() + 1;
    bytes[at] = 0xFF;
    std::fs::write(root.join(rel), &bytes).unwrap();
    let line = text[..at].matches('\n').count() + 1;
    let col = at - text[..at].rfind('\n').map_or(0, |i| i + 1) + 1;
    let before = snapshot(root);
    let out = run_in(root, &["generate"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains(&format!(
            "{rel}:{line}:{col}: not UTF-8: byte 0xFF at byte offset {at}"
        )),
        "{err}"
    );
    assert_eq!(before, snapshot(root));
    // docs.json too (its bytes are kept, so it is not normalised, only checked).
    std::fs::write(root.join(rel), text).unwrap();
    let mut docs = std::fs::read(root.join("docs.json")).unwrap();
    docs[1] = 0xC3;
    std::fs::write(root.join("docs.json"), &docs).unwrap();
    let out = run_in(root, &["generate"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("docs.json:1:2: not UTF-8: byte 0xC3 at byte offset 1"),
        "{err}"
    );
}

#[test]
fn a_lenient_docs_json_is_rejected_with_its_location() {
    let cases = [
        // A missing comma, a single-quoted string, an unquoted key, a trailing comma.
        ("\"$schema\"", "\"x\": 1\n  \"$schema\"", "not valid JSON"),
        ("\"$schema\"", "'x': 1,\n  \"$schema\"", "not valid JSON"),
        ("\"$schema\"", "x: 1,\n  \"$schema\"", "not valid JSON"),
        (
            "\"$schema\"",
            "\"x\": [1,],\n  \"$schema\"",
            "not valid JSON",
        ),
        (
            "\"$schema\"",
            "\"navigation\": {},\n  \"$schema\"",
            "key `navigation` appears twice",
        ),
    ];
    for (anchor, with, message) in cases {
        let site = repo_site();
        let root = site.path();
        let docs = read(root, "docs.json");
        assert!(docs.contains(anchor));
        // Each case is on line 2; a repeated key is reported where it repeats.
        let line = match message {
            "not valid JSON" => 2,
            _ => {
                docs[..docs.find("\"navigation\"").unwrap()]
                    .matches('\n')
                    .count()
                    + 2
            }
        };
        write(root, "docs.json", docs.replacen(anchor, with, 1));
        let before = snapshot(root);
        let out = run_in(root, &["generate"]);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{with}: {err}");
        assert!(
            err.contains(&format!("docs.json:{line}:")) && err.contains(message),
            "{with}: {err}"
        );
        assert_eq!(before, snapshot(root), "{with}");
    }
}

#[test]
fn removing_a_page_removes_its_docs_json_and_llms_txt_entries() {
    let site = generated_site();
    let root = site.path();
    let docs = read(root, "docs.json");
    let llms = read(root, "llms.txt");
    let copy = read(root, "personas/infra-stack-linked.toml")
        .replace(
            &format!("id = \"{LINKED}\""),
            "id = \"v2/developers/concepts/infra-stack-copy\"",
        )
        .replace(
            "title = \"Persona infrastructure maps (linked)\"",
            "title = \"Copy\"",
        );
    write(root, "personas/copy.toml", copy);
    let out = run_in(root, &["generate"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(read(root, "docs.json").contains("infra-stack-copy"));
    assert!(read(root, "llms.txt").contains("infra-stack-copy.md"));
    // Moved to another group: its entry leaves the old group.
    let copy = read(root, "personas/copy.toml");
    let nav = "navigation = [\"v2\", \"en\", \"Developers\", \"Concepts\"]";
    assert!(copy.contains(nav));
    let about = "navigation = [\"v2\", \"en\", \"About\", \"Concepts\"]";
    write(root, "personas/copy.toml", copy.replace(nav, about));
    let out = run_in(root, &["generate"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let moved = read(root, "docs.json");
    assert_eq!(moved.matches("infra-stack-copy").count(), 1, "{moved}");
    let docs_json = personamap_render::docs_json::DocsJson::parse(&moved).unwrap();
    assert_eq!(
        docs_json.group_path_of("v2/developers/concepts/infra-stack-copy"),
        Some(vec![
            "v2".into(),
            "en".into(),
            "About".into(),
            "Concepts".into()
        ])
    );
    std::fs::remove_file(root.join("personas/copy.toml")).unwrap();
    let out = run_in(root, &["generate"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("delete v2/developers/concepts/infra-stack-copy.mdx"));
    assert_eq!(
        read(root, "docs.json"),
        docs,
        "docs.json keeps an entry of a removed page"
    );
    assert_eq!(
        read(root, "llms.txt"),
        llms,
        "llms.txt keeps an entry of a removed page"
    );
}

/// A copy of the linked page's spec as a new page `id` titled `title`.
fn page_copy(root: &Path, id: &str, title: &str) -> String {
    read(root, "personas/infra-stack-linked.toml")
        .replace(&format!("id = \"{LINKED}\""), &format!("id = \"{id}\""))
        .replace(
            "title = \"Persona infrastructure maps (linked)\"",
            &format!("title = \"{title}\""),
        )
}

/// Every file under `root` but the run lock, by site-relative path, with its bytes, and every
/// folder (as `path/`, without bytes).
fn files(root: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    let mut out: std::collections::BTreeMap<String, Vec<u8>> = snapshot(root)
        .into_iter()
        .map(|(p, (bytes, _))| {
            let rel = p.strip_prefix(root).unwrap().to_string_lossy().into_owned();
            (rel, bytes)
        })
        .filter(|(rel, _)| rel != personamap_write::RUN_LOCK)
        .collect();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            if entry.file_type().unwrap().is_dir() {
                let rel = entry
                    .path()
                    .strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned();
                out.insert(format!("{rel}/"), Vec::new());
                stack.push(entry.path());
            }
        }
    }
    out
}

/// The site before the killed run: generated with one more page, `v2/gone/page`, which the
/// killed run deletes.
fn site_with_a_page_to_delete() -> tempfile::TempDir {
    let site = generated_site();
    let root = site.path();
    write(
        root,
        "personas/gone.toml",
        page_copy(root, "v2/gone/page", "Gone"),
    );
    let out = run_in(root, &["generate"]);
    assert!(out.status.success(), "{}", stderr(&out));
    site
}

/// The killed run's spec change: the page to delete goes, a page in a new folder comes, both
/// existing pages change.
fn change_for_the_killed_run(root: &Path, with_new_page: bool) {
    std::fs::remove_file(root.join("personas/gone.toml")).unwrap();
    if with_new_page {
        write(
            root,
            "personas/new.toml",
            page_copy(root, "v2/killed/new", "New"),
        );
    }
    edit_spec(root);
}

#[test]
fn a_run_killed_at_any_step_is_finished_or_cleaned_up_by_the_next() {
    // What a clean run makes of each spec: with the new page, and without it.
    let expected = |with_new_page: bool| {
        let site = site_with_a_page_to_delete();
        change_for_the_killed_run(site.path(), with_new_page);
        let out = run_in(site.path(), &["generate"]);
        assert!(out.status.success(), "{}", stderr(&out));
        files(site.path())
    };
    let (finished, abandoned) = (expected(true), expected(false));
    let mut wrong = Vec::new();
    for step in ["stage", "intent", "rename", "delete"] {
        for keep_new_page in [true, false] {
            let site = site_with_a_page_to_delete();
            let root = site.path();
            change_for_the_killed_run(root, true);
            let killed = Command::new(env!("CARGO_BIN_EXE_personamap"))
                .args(["generate", "--root", root.to_str().unwrap()])
                .env(personamap_write::KILL_AFTER, step)
                .output()
                .unwrap();
            assert_eq!(
                killed.status.code(),
                Some(137),
                "{step}: {}",
                stderr(&killed)
            );
            if !keep_new_page {
                // The author takes the new page back before the next run.
                std::fs::remove_file(root.join("personas/new.toml")).unwrap();
            }
            let out = run_in(root, &["generate"]);
            assert!(out.status.success(), "{step}: {}", stderr(&out));
            let want = if keep_new_page { &finished } else { &abandoned };
            let got = files(root);
            let differ: Vec<&String> = want
                .keys()
                .chain(got.keys())
                .filter(|p| want.get(*p) != got.get(*p))
                .collect();
            if !differ.is_empty() {
                wrong.push(format!(
                    "killed after `{step}`, new page {}: {differ:?}",
                    if keep_new_page { "kept" } else { "taken back" }
                ));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "files that differ from a clean run:\n{}",
        wrong.join("\n")
    );
}

/// `personamap check` and `generate` both refuse the site with `error[path-collision]` located
/// at `at` (a spec file; the line is checked when given), naming `names`, and write nothing.
fn refused_as_collision(root: &Path, at: &str, line: Option<usize>, names: &[&str]) {
    let before = snapshot(root);
    for cmd in ["check", "generate"] {
        let out = run_in(root, &[cmd]);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{cmd}: {err}");
        let located = match line {
            Some(line) => format!("--> {at}:{line}:"),
            None => format!("--> {at}:"),
        };
        assert!(
            err.contains("error[path-collision]") && err.contains(&located),
            "{cmd}: {err}"
        );
        for name in names {
            assert!(err.contains(&format!("`{name}`")), "{cmd}: {name}: {err}");
        }
    }
    assert_eq!(before, snapshot(root), "a collision let generate write");
}

/// The 1-based line of the first line of `rel` starting with `start`.
fn line_of(root: &Path, rel: &str, start: &str) -> usize {
    read(root, rel)
        .lines()
        .position(|l| l.starts_with(start))
        .unwrap_or_else(|| panic!("no `{start}` in {rel}"))
        + 1
}

const DIVIDER: &str = "snippets/components/elements/spacing/Divider.jsx";
const DATA: &str = "snippets/data/developers/personas.jsx";

#[test]
fn a_data_snippet_at_the_hand_written_dividers_path_is_refused() {
    let site = generated_site();
    let root = site.path();
    // The divider (written by personamap, so the lock accepts it) becomes hand-written and
    // imported; the data snippet is pointed at it.
    let spec = read(root, "personas/site.toml")
        .replace(
            &format!("data_snippet = \"{DATA}\""),
            &format!("data_snippet = \"{DIVIDER}\""),
        )
        .replace(
            &format!("[divider]\npath = \"{DIVIDER}\""),
            &format!(
                "[divider]\npath = \"{DIVIDER}\"\ngenerate = false\nexport = \"CustomDivider\""
            ),
        );
    write(root, "personas/site.toml", spec);
    let line = line_of(root, "personas/site.toml", "data_snippet");
    refused_as_collision(root, "personas/site.toml", Some(line), &[DIVIDER]);
    assert!(read(root, DIVIDER).contains("export const CustomDivider"));
}

#[test]
fn outputs_whose_paths_differ_only_in_case_are_refused() {
    // A data snippet `divider.jsx` beside the divider `Divider.jsx`.
    let site = generated_site();
    let root = site.path();
    let lower = DIVIDER.replace("Divider.jsx", "divider.jsx");
    write(
        root,
        "personas/site.toml",
        read(root, "personas/site.toml").replace(
            &format!("data_snippet = \"{DATA}\""),
            &format!("data_snippet = \"{lower}\""),
        ),
    );
    let line = line_of(root, "personas/site.toml", "data_snippet");
    refused_as_collision(root, "personas/site.toml", Some(line), &[&lower, DIVIDER]);

    // Two pages.
    let site = generated_site();
    let root = site.path();
    let upper = "v2/developers/concepts/Infra-stack";
    write(root, "personas/new.toml", page_copy(root, upper, "Upper"));
    let line = line_of(root, "personas/new.toml", "[[page]]");
    refused_as_collision(
        root,
        "personas/new.toml",
        Some(line),
        &[&format!("{upper}.mdx"), &format!("{PAGE}.mdx")],
    );

    // A page and a snippet: the page's folder `Snippets` is the snippets' folder on macOS.
    let site = generated_site();
    let root = site.path();
    write(
        root,
        "personas/new.toml",
        page_copy(root, "Snippets/maps", "Maps"),
    );
    let line = line_of(root, "personas/new.toml", "[[page]]");
    refused_as_collision(
        root,
        "personas/new.toml",
        Some(line),
        &["Snippets", "snippets"],
    );
}

#[test]
fn an_output_differing_only_in_case_from_a_file_on_disk_is_refused() {
    // A hand-written page whose name differs only in case.
    let site = generated_site();
    let root = site.path();
    let mine = "v2/developers/concepts/Infra-stack-new.mdx";
    write(root, mine, "my own page\n");
    write(
        root,
        "personas/new.toml",
        page_copy(root, "v2/developers/concepts/infra-stack-new", "New"),
    );
    let line = line_of(root, "personas/new.toml", "[[page]]");
    refused_as_collision(root, "personas/new.toml", Some(line), &[mine]);
    assert_eq!(read(root, mine), "my own page\n");

    // A folder on the way to an output.
    let site = generated_site();
    let root = site.path();
    std::fs::create_dir(root.join("v2/Guides")).unwrap();
    write(root, "v2/Guides/mine.mdx", "my own page\n");
    write(
        root,
        "personas/new.toml",
        page_copy(root, "v2/guides/new", "New"),
    );
    let line = line_of(root, "personas/new.toml", "[[page]]");
    refused_as_collision(root, "personas/new.toml", Some(line), &["v2/Guides"]);

    // A hand-written snippet beside the data snippet.
    let site = generated_site();
    let root = site.path();
    let twin = DATA.replace("personas.jsx", "Personas.jsx");
    write(root, &twin, "export const Mine = 1;\n");
    std::fs::remove_file(root.join(DATA)).unwrap();
    let line = line_of(root, "personas/site.toml", "data_snippet");
    refused_as_collision(root, "personas/site.toml", Some(line), &[&twin]);
}

/// The lock without its `[[docs_json]]` entries, as locks written before entries were adopted
/// (this repository's own, until then) have it.
fn lock_without_docs_json_entries(root: &Path) {
    let lock = read(root, LOCK);
    let kept: Vec<&str> = lock
        .split("\n\n")
        .filter(|block| !block.starts_with("[[docs_json]]"))
        .collect();
    write(root, LOCK, kept.join("\n\n"));
    assert!(!read(root, LOCK).contains("docs_json"));
}

#[test]
fn docs_json_entries_older_than_the_lock_go_when_their_page_goes() {
    for generate_first in [false, true] {
        let site = repo_site();
        let root = site.path();
        lock_without_docs_json_entries(root);
        let docs = read(root, "docs.json");
        let entry = format!(",\n                      \"{LINKED}\"");
        assert!(docs.contains(&entry), "{docs}");
        if generate_first {
            // The entries are adopted into the lock; docs.json keeps its bytes.
            let out = run_in(root, &["generate"]);
            assert!(out.status.success(), "{}", stderr(&out));
            assert_eq!(read(root, "docs.json"), docs);
            let lock = read(root, LOCK);
            for page in [PAGE, LINKED] {
                assert!(
                    lock.contains(&format!("[[docs_json]]\npage = \"{page}\"")),
                    "{page}: {lock}"
                );
            }
        }
        std::fs::remove_file(root.join("personas/infra-stack-linked.toml")).unwrap();
        let out = run_in(root, &["generate"]);
        assert!(out.status.success(), "{}", stderr(&out));
        assert!(stdout(&out).contains(&format!("delete {LINKED}.mdx")));
        assert_eq!(
            read(root, "docs.json"),
            docs.replace(&entry, ""),
            "generate first: {generate_first}"
        );
        assert!(!read(root, "llms.txt").contains(LINKED));
    }
}

#[test]
fn check_warns_about_a_nav_entry_that_names_no_page() {
    let site = generated_site();
    let root = site.path();
    let docs = read(root, "docs.json");
    let listed = "\"v2/about/concepts/about-livepeer\"";
    let at = docs.find(listed).expect("the About page is listed");
    let line = docs[..at].matches('\n').count() + 1;
    let column = at - docs[..at].rfind('\n').map_or(0, |i| i + 1) + 1;
    // A page that does not exist, one that .mintignore hides, and an OpenAPI operation.
    let entries = format!(
        "{listed},\n                      \"v2/about/concepts/nowhere\",\n                      \"v2/about/concepts/hidden\",\n                      \"GET /users\""
    );
    write(root, "docs.json", docs.replacen(listed, &entries, 1));
    write(
        root,
        "v2/about/concepts/hidden.mdx",
        "---\ntitle: Hidden\n---\n",
    );
    write(root, ".mintignore", "v2/about/concepts/hidden.mdx\n");
    let warned = |root: &Path| -> Vec<String> {
        let out = run_in(root, &["check"]);
        assert!(out.status.success(), "{}", stderr(&out));
        stderr(&out)
            .lines()
            .filter(|l| l.starts_with("warning[nav-no-page]"))
            .map(String::from)
            .collect()
    };
    let warnings = warned(root);
    assert_eq!(warnings.len(), 2, "{warnings:?}");
    // Each located at its entry in docs.json.
    let err = stderr(&run_in(root, &["check"]));
    for (i, page) in ["nowhere", "hidden"].iter().enumerate() {
        let header =
            format!("warning[nav-no-page]: the navigation lists page `v2/about/concepts/{page}`");
        assert!(warnings[i].starts_with(&header), "{warnings:?}");
        let block = &err[err.find(&header).expect("the warning")..];
        let place = block.lines().nth(1).unwrap_or_default();
        assert_eq!(
            place.trim_start(),
            format!("--> docs.json:{}:23", line + 1 + i),
            "{err}"
        );
    }
    assert_eq!(column, 23);
    // `generate --check` warns too; `generate`, whose links all resolve here, does not list the
    // pages, so it does not.
    let out = run_in(root, &["generate", "--check"]);
    assert_eq!(stderr(&out).matches("warning[nav-no-page]").count(), 2);
    let out = run_in(root, &["generate"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!stderr(&out).contains("nav-no-page"), "{}", stderr(&out));
    // The page appears, the ignore goes: no warning.
    write(
        root,
        "v2/about/concepts/nowhere.mdx",
        "---\ntitle: Nowhere\n---\n",
    );
    std::fs::remove_file(root.join(".mintignore")).unwrap();
    assert_eq!(warned(root), Vec::<String>::new());
}
