//! What ships around the compiler: GitHub annotations, `--version`, shell completions, the man
//! pages and the npm package's version.

mod common;

use common::*;
use std::path::Path;
use std::process::{Command, Output};

/// Runs `personamap ARGS` in the folder `dir`.
fn run_at(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_personamap"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("personamap runs")
}

/// A site with one error (an edge to an unknown node) and one warning (low contrast), in the
/// folder `site` of a temporary folder.
fn site_with_an_error_and_a_warning() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let site = dir.path().join("site");
    copy_tree(&repo().join("tests/bad/contrast-warning"), &site);
    let spec = site.join("personas/p1.toml");
    let text = std::fs::read_to_string(&spec).expect("p1.toml");
    std::fs::write(&spec, text.replace("P1 --> CommGW", "P1 --> ComGW")).expect("write");
    // The pages docs.json lists, so that `nav-no-page` has nothing to say.
    for page in ["index.mdx", "reference/api.mdx"] {
        let path = site.join(page);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, "---\ntitle: Page\n---\n").expect("write");
    }
    dir
}

const ERROR: &str = "::error file=personas/p1.toml,line=5,col=8,title=unknown-node::edge end `ComGW` names no node of persona 1%0Ahelp: did you mean `CommGW`?";
const WARNING: &str = "::warning file=personas/site.toml,line=22,col=8,title=contrast::class `gw`: text #999999 on fill #e1f5ee has a contrast of 2.50:1, under WCAG AA's 4.5:1%0Ahelp: darken the text or lighten the fill (or the other way round)";

#[test]
fn github_format_prints_one_annotation_per_diagnostic() {
    let dir = site_with_an_error_and_a_warning();
    let out = run_at(&dir.path().join("site"), &["check", "--format", "github"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(stdout(&out), format!("{ERROR}\n{WARNING}\n"));
    assert_eq!(stderr(&out), "");
    // From the repository's root, with the site in a folder of it: paths name the folder.
    let out = run_at(
        dir.path(),
        &["generate", "--format", "github", "--root", "site"],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let prefixed = |a: &str| a.replacen("file=personas/", "file=site/personas/", 1);
    assert_eq!(
        stdout(&out),
        format!("{}\n{}\n", prefixed(ERROR), prefixed(WARNING))
    );
}

#[test]
fn generate_check_in_github_format_annotates_out_of_date_files() {
    let site = repo_site();
    let spec = site.path().join("personas/p2-video-platform.toml");
    let text = std::fs::read_to_string(&spec).expect("spec");
    std::fs::write(&spec, text.replace("\"Live Events\"", "\"Live events\"")).expect("write");
    let out = run_at(site.path(), &["generate", "--check", "--format", "github"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let page = "v2/developers/concepts/infra-stack.mdx";
    let expected = format!(
        "would update {page}\n::error file={page},title=out-of-date::out of date: run `personamap generate` (update it)\n"
    );
    assert!(stdout(&out).contains(&expected), "{}", stdout(&out));
}

#[test]
fn version_names_the_commit() {
    let out = run_at(&repo(), &["--version"]);
    assert!(out.status.success());
    let head = Command::new("git")
        .args(["rev-parse", "--short=9", "HEAD"])
        .current_dir(repo())
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| stdout(&o).trim().to_string());
    let commit = match std::env::var("PERSONAMAP_COMMIT") {
        Ok(c) if !c.is_empty() => c,
        _ => head.unwrap_or_else(|| "unknown commit".into()),
    };
    assert_eq!(
        stdout(&out),
        format!("personamap {} ({commit})\n", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn completions_for_every_shell() {
    for (shell, marker) in [
        ("bash", "complete -F _personamap"),
        ("zsh", "#compdef personamap"),
        ("fish", "complete -c personamap"),
        ("powershell", "Register-ArgumentCompleter"),
    ] {
        let out = run(&["completions", shell]);
        assert!(out.status.success(), "{shell}: {}", stderr(&out));
        let script = stdout(&out);
        assert!(script.contains(marker), "{shell}: no `{marker}`");
        assert!(script.contains("generate"), "{shell}: no subcommands");
    }
    let out = run(&["completions", "tcsh"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn the_committed_man_pages_are_up_to_date() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = run(&["man", "--out-dir", dir.path().to_str().expect("utf-8")]);
    assert!(out.status.success(), "{}", stderr(&out));
    let names = |d: &Path| {
        let mut names: Vec<String> = std::fs::read_dir(d)
            .expect("read_dir")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    };
    let committed = repo().join("man");
    let fresh = names(dir.path());
    assert!(
        fresh.contains(&"personamap-generate.1".to_string()),
        "{fresh:?}"
    );
    assert_eq!(
        names(&committed),
        fresh,
        "man/ is stale: run `cargo run -- man --out-dir man`"
    );
    for name in &fresh {
        assert!(
            std::fs::read(committed.join(name)).expect("committed page")
                == std::fs::read(dir.path().join(name)).expect("fresh page"),
            "man/{name} is stale: run `cargo run -- man --out-dir man`"
        );
    }
}

#[test]
fn the_npm_packages_are_in_lockstep_with_the_crate() {
    let text = std::fs::read_to_string(repo().join("npm/personamap/package.json"))
        .expect("npm/personamap/package.json");
    let manifest: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    let version = env!("CARGO_PKG_VERSION");
    assert_eq!(manifest["version"], version);
    let platforms = manifest["optionalDependencies"]
        .as_object()
        .expect("optionalDependencies");
    assert_eq!(platforms.len(), 7);
    for (name, pinned) in platforms {
        assert_eq!(pinned, version, "{name} is not pinned to {version} exactly");
    }
}
