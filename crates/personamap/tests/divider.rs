//! A hand-written divider (`[divider]` with `generate = false`): the repository's Livepeer spec
//! pointed at Livepeer's real `Divider.jsx`, and the located diagnostics around it.

mod common;

use common::*;
use std::path::Path;

const PAGE: &str = "v2/developers/concepts/infra-stack";
const DIVIDER: &str = "snippets/components/elements/spacing/Divider.jsx";

/// Replaces the `[divider]` table (and its `[divider.…]` subtables) of `personas/site.toml`
/// with `table`.
fn set_divider(root: &Path, table: &str) {
    let path = root.join("personas/site.toml");
    let text = std::fs::read_to_string(&path).expect("site.toml");
    let start = text.find("[divider]").expect("a [divider] table");
    let rest = &text[start + 1..];
    let end = rest
        .match_indices("\n[")
        .find(|(i, _)| !rest[i + 1..].starts_with("[divider"))
        .map_or(text.len(), |(i, _)| start + 1 + i + 1);
    let updated = format!("{}{table}\n{}", &text[..start], &text[end..]);
    std::fs::write(&path, updated).expect("write site.toml");
}

const HAND_WRITTEN: &str = "[divider]\npath = \"snippets/components/elements/spacing/Divider.jsx\"\ngenerate = false\nexport = \"CustomDivider\"\n";

#[test]
fn the_livepeer_spec_with_the_real_divider_exports_the_reference() {
    let (Some(divider), Some(reference)) = (
        shared("reference/livepeer-site/snippets/components/elements/spacing/Divider.jsx"),
        shared("reference/000_7dc1021a4be912d1.txt"),
    ) else {
        eprintln!("skipped: ../shared/reference is not on this machine");
        return;
    };
    let site = repo_site();
    let root = site.path();
    std::fs::copy(&divider, root.join(DIVIDER)).expect("copy Divider.jsx");
    set_divider(root, HAND_WRITTEN);
    let before = std::fs::read(root.join(DIVIDER)).expect("read");

    let check = run_in(root, &["check"]);
    assert!(check.status.success(), "{}", stderr(&check));
    let export = run_in(root, &["export", PAGE]);
    assert!(export.status.success(), "{}", stderr(&export));
    assert!(
        export.stdout == std::fs::read(reference).expect("reference"),
        "export differs from the reference:\n{}",
        stdout(&export)
    );

    // generate imports it, never writes it, and releases it from the lock it was in.
    let generate = run_in(root, &["generate"]);
    assert!(generate.status.success(), "{}", stderr(&generate));
    assert!(
        !stdout(&generate).contains(DIVIDER),
        "{}",
        stdout(&generate)
    );
    assert_eq!(std::fs::read(root.join(DIVIDER)).expect("read"), before);
    let lock = std::fs::read_to_string(root.join("personas/generated.lock")).expect("lock");
    assert!(!lock.contains(DIVIDER), "{lock}");
    let page = std::fs::read_to_string(root.join(format!("{PAGE}.mdx"))).expect("page");
    assert!(page.contains(&format!("import {{ CustomDivider }} from \"/{DIVIDER}\";")));
    let again = run_in(root, &["generate", "--check"]);
    assert!(again.status.success(), "{}", stdout(&again));
}

/// `check --format json`, keeping the divider's diagnostics.
fn divider_diagnostics(root: &Path) -> String {
    let out = run_in(root, &["check", "--format", "json"]);
    stdout(&out)
        .lines()
        .filter(|l| l.contains("\"rule\":\"divider") || l.contains("\"rule\":\"missing-key\""))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn hand_written_divider_problems_are_located() {
    let site = repo_site();
    let root = site.path();
    let mut report = String::new();
    let cases = [
        (
            "wrong export name, generator keys",
            "[divider]\npath = \"snippets/components/elements/spacing/Divider.jsx\"\ngenerate = false\nexport = \"CustomDividr\"\nlogo = \"/x.svg\"\ncomponent = \"X\"\n\n[divider.spacing]\ndefault = \"0\"\n",
        ),
        (
            "missing file",
            "[divider]\npath = \"snippets/elsewhere/Divider.jsx\"\ngenerate = false\nexport = \"CustomDivider\"\n",
        ),
        (
            "no export key",
            "[divider]\npath = \"snippets/components/elements/spacing/Divider.jsx\"\ngenerate = false\n",
        ),
        (
            "export on a generated divider",
            "[divider]\npath = \"snippets/components/elements/spacing/Divider.jsx\"\nlogo = \"/x.svg\"\nexport = \"CustomDivider\"\n",
        ),
        (
            "generated divider without logo",
            "[divider]\npath = \"snippets/components/elements/spacing/Divider.jsx\"\n",
        ),
    ];
    for (name, table) in cases {
        set_divider(root, table);
        report.push_str(&format!("== {name}\n{}\n", divider_diagnostics(root)));
    }
    insta::assert_snapshot!(report);
}

#[test]
fn a_snippet_that_does_not_parse_is_located() {
    let site = repo_site();
    let root = site.path();
    set_divider(root, HAND_WRITTEN);
    std::fs::write(
        root.join(DIVIDER),
        "export const CustomDivider = () => <div>;\n",
    )
    .expect("write");
    let out = run_in(root, &["check"]);
    assert!(!out.status.success());
    let err = stderr(&out);
    // In the snippet, where it fails, with the spec's `path` related.
    assert!(
        err.contains("error[divider-snippet]: the divider snippet does not parse: ")
            && err.contains("--> snippets/components/elements/spacing/Divider.jsx:2:1\n")
            && err.contains("note: the divider snippet, named here\n"),
        "{err}"
    );
}

#[cfg(unix)]
#[test]
fn a_divider_snippet_outside_the_root_is_refused() {
    let site = repo_site();
    let root = site.path();
    let outside = tempfile::tempdir().expect("tempdir");
    let target = outside.path().join("Divider.jsx");
    std::fs::copy(root.join(DIVIDER), &target).expect("copy");
    std::fs::remove_file(root.join(DIVIDER)).expect("remove");
    std::os::unix::fs::symlink(&target, root.join(DIVIDER)).expect("symlink");
    set_divider(root, HAND_WRITTEN);
    let out = run_in(root, &["check"]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("the divider snippet resolves outside the site root"),
        "{}",
        stderr(&out)
    );
}
