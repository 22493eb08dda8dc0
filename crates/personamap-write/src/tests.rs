use super::*;

fn out<'a>(path: &'a str, contents: &'a str) -> FileOut<'a> {
    FileOut {
        path,
        contents,
        generated: true,
    }
}

fn site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("personas")).unwrap();
    dir
}

fn read(dir: &tempfile::TempDir, p: &str) -> String {
    std::fs::read_to_string(dir.path().join(p)).unwrap()
}

#[test]
fn writes_only_changes_and_records_what_it_wrote() {
    let dir = site();
    let w = Writer::new(dir.path()).unwrap();
    let plan = w.plan(&[out("a/b.mdx", "x")]).unwrap();
    assert_eq!(plan.len(), 2);
    w.apply(&plan).unwrap();
    assert_eq!(read(&dir, "a/b.mdx"), "x");
    assert!(read(&dir, MANIFEST).contains(&sha256(b"x")));
    assert!(w.plan(&[out("a/b.mdx", "x")]).unwrap().is_empty());
    assert_eq!(
        w.plan(&[out("a/b.mdx", "y")]).unwrap()[0].action,
        Action::Update("y".into())
    );
    // A file dropped from the outputs is deleted, because its bytes are what was written.
    let plan = w.plan(&[]).unwrap();
    assert_eq!(
        plan[0],
        Change {
            path: "a/b.mdx".into(),
            action: Action::Delete
        }
    );
    w.apply(&plan).unwrap();
    assert!(!dir.path().join("a/b.mdx").exists());
}

#[test]
fn an_edited_file_is_neither_replaced_nor_deleted() {
    let dir = site();
    let w = Writer::new(dir.path()).unwrap();
    w.apply(&w.plan(&[out("a.mdx", "x")]).unwrap()).unwrap();
    std::fs::write(dir.path().join("a.mdx"), "mine").unwrap();
    let errs = w.plan(&[out("a.mdx", "y")]).unwrap_err();
    assert!(
        matches!(&errs[0], WriteError::Edited { path, line, delete: false } if path == "a.mdx" && *line > 0),
        "{errs:?}"
    );
    let errs = w.plan(&[]).unwrap_err();
    assert!(matches!(&errs[0], WriteError::Edited { delete: true, .. }));
    assert!(
        errs[0].to_string().contains("generated.lock:"),
        "{}",
        errs[0]
    );
    assert_eq!(read(&dir, "a.mdx"), "mine");
}

#[test]
fn refuses_foreign_files_and_escapes() {
    let dir = site();
    std::fs::write(dir.path().join("mine.mdx"), "hand-written").unwrap();
    let w = Writer::new(dir.path()).unwrap();
    let errs = w
        .plan(&[
            out("mine.mdx", "generated"),
            out("../x.mdx", "x"),
            out("/etc/x", "x"),
        ])
        .unwrap_err();
    assert!(matches!(errs[0], WriteError::NotGenerated(_)));
    assert!(matches!(errs[1], WriteError::OutsideRoot(_)));
    assert!(matches!(errs[2], WriteError::OutsideRoot(_)));
    // Identical content is adopted; merged files may be updated.
    assert!(w.plan(&[out("mine.mdx", "hand-written")]).is_ok());
    let merged = FileOut {
        path: "mine.mdx",
        contents: "merged",
        generated: false,
    };
    assert!(w.plan(&[merged]).is_ok());
}

#[test]
fn garbage_and_empty_locks_are_errors() {
    let dir = site();
    let w = Writer::new(dir.path()).unwrap();
    for garbage in [
        &b""[..],
        b"hello world\n",
        b"version = 2\n[[file]]\npath = 1\n",
        b"\xff\xfe",
    ] {
        std::fs::write(dir.path().join(MANIFEST), garbage).unwrap();
        let errs = w.plan(&[]).unwrap_err();
        assert!(matches!(errs[0], WriteError::Lock { .. }), "{errs:?}");
    }
    std::fs::write(
        dir.path().join(MANIFEST),
        format!(
            "version = 2\n\n[[file]]\npath = \"a.mdx\"\nsha256 = \"{}\"\n",
            "A".repeat(64)
        ),
    )
    .unwrap();
    let e = &w.plan(&[]).unwrap_err()[0];
    assert!(e.to_string().contains("generated.lock:3:1"), "{e}");
}

#[test]
fn old_locks_migrate_only_files_holding_todays_output() {
    let dir = site();
    std::fs::write(
        dir.path().join(MANIFEST),
        "# Files written by `personamap generate`. Do not edit: personamap keeps this list.\na.mdx\nb.mdx\nc.mdx\nREADME.md\n",
    )
    .unwrap();
    for (p, t) in [
        ("a.mdx", "same"),
        ("b.mdx", "other"),
        ("c.mdx", "gone"),
        ("README.md", "r"),
    ] {
        std::fs::write(dir.path().join(p), t).unwrap();
    }
    let w = Writer::new(dir.path()).unwrap();
    let errs = w
        .plan(&[out("a.mdx", "same"), out("b.mdx", "new")])
        .unwrap_err();
    let paths: Vec<&str> = errs.iter().map(WriteError::path).collect();
    assert_eq!(paths, ["b.mdx", "c.mdx"]);
    assert!(matches!(errs[0], WriteError::Unverified { line: 3, .. }));
    std::fs::remove_file(dir.path().join("c.mdx")).unwrap();
    let plan = w
        .plan(&[out("a.mdx", "same"), out("b.mdx", "other")])
        .unwrap();
    assert!(
        plan.warnings[0].contains("README.md"),
        "{:?}",
        plan.warnings
    );
    assert_eq!(plan.len(), 1, "only the lock changes: {plan:?}");
    w.apply(&plan).unwrap();
    assert!(read(&dir, MANIFEST).contains(&sha256(b"other")));
    assert_eq!(read(&dir, "README.md"), "r");
}

#[test]
fn adopting_with_an_old_lock_keeps_its_unverified_entries_readable() {
    let dir = site();
    std::fs::write(
        dir.path().join(MANIFEST),
        "# Files written by `personamap generate`. Do not edit: personamap keeps this list.\na.mdx\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("a.mdx"), "old").unwrap();
    std::fs::write(dir.path().join("p.mdx"), "hand").unwrap();
    adopt(dir.path(), "p.mdx", b"hand").unwrap();
    let lock = read_lock(dir.path()).unwrap();
    assert_eq!(lock.files["a.mdx"].sha256, None);
    assert!(lock.files["p.mdx"].accepts(&sha256(b"hand")));
    let w = Writer::new(dir.path()).unwrap();
    let errs = w
        .plan(&[out("a.mdx", "new"), out("p.mdx", "x")])
        .unwrap_err();
    assert_eq!(errs.len(), 1);
    assert!(matches!(errs[0], WriteError::Unverified { .. }));
}

#[test]
fn a_failed_rename_names_what_was_replaced() {
    let dir = site();
    let w = Writer::new(dir.path()).unwrap();
    w.apply(
        &w.plan(&[out("a.mdx", "1"), out("b.mdx", "1"), out("c.mdx", "1")])
            .unwrap(),
    )
    .unwrap();
    let plan = w
        .plan(&[out("a.mdx", "2"), out("b.mdx", "2"), out("c.mdx", "2")])
        .unwrap();
    // Between plan and apply, b.mdx becomes a folder that is not empty: its rename fails.
    std::fs::remove_file(dir.path().join("b.mdx")).unwrap();
    std::fs::create_dir_all(dir.path().join("b.mdx/x")).unwrap();
    let e = w.apply(&plan).unwrap_err();
    assert_eq!(e.done, ["a.mdx"]);
    assert_eq!(e.not_done, ["b.mdx", "c.mdx"]);
    assert!(e.lock_accepts_both);
    assert!(e.to_string().contains("applied: a.mdx"), "{e}");
    assert_eq!(read(&dir, "a.mdx"), "2");
    assert_eq!(read(&dir, "c.mdx"), "1");
    // No temp file is left, and the lock accepts both states: the next run proceeds.
    let temps: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .filter(|e| is_temp_name(&e.file_name().to_string_lossy()))
        .collect();
    assert!(temps.is_empty(), "{temps:?}");
    std::fs::remove_dir_all(dir.path().join("b.mdx")).unwrap();
    w.apply(
        &w.plan(&[out("a.mdx", "2"), out("b.mdx", "2"), out("c.mdx", "2")])
            .unwrap(),
    )
    .unwrap();
    assert_eq!(read(&dir, "c.mdx"), "2");
    assert!(!read(&dir, MANIFEST).contains("previous"));
}

#[cfg(unix)]
#[test]
fn temp_files_are_created_exclusively_and_stale_ones_removed() {
    let outside = tempfile::tempdir().unwrap();
    let victim = outside.path().join("victim");
    std::fs::write(&victim, "keep").unwrap();
    let dir = site();
    // Symlinks at the next temp names this process would pick.
    let next = TEMP_COUNTER.load(Ordering::Relaxed);
    for n in next..next + 50 {
        let name = format!(".a.mdx.{}-{n}{TEMP_SUFFIX}", std::process::id());
        std::os::unix::fs::symlink(&victim, dir.path().join(name)).unwrap();
    }
    let tmp = stage(&dir.path().join("a.mdx"), b"x").unwrap();
    assert!(
        std::fs::symlink_metadata(&tmp)
            .unwrap()
            .file_type()
            .is_file()
    );
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep");
    std::fs::remove_file(&tmp).unwrap();
    // A killed run's temp file (and the planted links) go on the next run; other files stay.
    std::fs::write(dir.path().join(".b.mdx.99999-0.personamap-tmp"), "stale").unwrap();
    std::fs::write(dir.path().join("notes.personamap-tmp.txt"), "mine").unwrap();
    let w = Writer::new(dir.path()).unwrap();
    w.apply(&w.plan(&[out("a.mdx", "x")]).unwrap()).unwrap();
    let left: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n != "personas")
        .collect();
    let mut left = left;
    left.sort();
    assert_eq!(left, ["a.mdx", "notes.personamap-tmp.txt"]);
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep");
}

#[cfg(unix)]
#[test]
fn refuses_symlinked_folders_leaving_the_root_and_symlinked_outputs() {
    let outside = tempfile::tempdir().unwrap();
    let dir = site();
    std::os::unix::fs::symlink(outside.path(), dir.path().join("link")).unwrap();
    std::os::unix::fs::symlink(outside.path().join("f"), dir.path().join("f.mdx")).unwrap();
    let w = Writer::new(dir.path()).unwrap();
    let errs = w
        .plan(&[out("link/x.mdx", "x"), out("f.mdx", "x")])
        .unwrap_err();
    assert!(matches!(errs[0], WriteError::OutsideRoot(_)));
    assert!(matches!(errs[1], WriteError::NotRegular(_)));
}

#[test]
fn the_run_lock_names_its_holder_and_is_released() {
    let dir = site();
    let w = Writer::new(dir.path()).unwrap();
    let held = w.acquire(Duration::ZERO).unwrap();
    let e = w.acquire(Duration::from_millis(60)).unwrap_err();
    assert!(
        matches!(&e, WriteError::Busy { holder, .. } if holder.starts_with(&format!("pid {}:", std::process::id()))),
        "{e}"
    );
    drop(held);
    assert!(!dir.path().join(RUN_LOCK).exists());
    drop(w.acquire(Duration::ZERO).unwrap());
}

#[test]
fn the_run_lock_replaces_what_a_killed_holder_left() {
    let dir = site();
    let stale = format!("pid 1: {}\n", "personamap generate --root x ".repeat(20));
    std::fs::write(dir.path().join(RUN_LOCK), &stale).unwrap();
    let held = Writer::new(dir.path())
        .unwrap()
        .acquire(Duration::ZERO)
        .unwrap();
    let text = std::fs::read_to_string(dir.path().join(RUN_LOCK)).unwrap();
    assert!(
        text.starts_with(&format!("pid {}:", std::process::id())) && text.lines().count() == 1,
        "{text:?}"
    );
    drop(held);
}

#[test]
fn adopt_records_the_file_and_refuses_others() {
    let dir = site();
    std::fs::write(dir.path().join("p.mdx"), "hand").unwrap();
    std::fs::write(dir.path().join("README.md"), "r").unwrap();
    adopt(dir.path(), "p.mdx", b"hand").unwrap();
    assert!(adopt(dir.path(), "README.md", b"r").is_err());
    assert!(adopt(dir.path(), "p.mdx", b"other").is_err());
    let w = Writer::new(dir.path()).unwrap();
    let plan = w.plan(&[out("p.mdx", "generated")]).unwrap();
    assert_eq!(plan[0].action, Action::Update("generated".into()));
}
