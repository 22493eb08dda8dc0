//! What readers see is what the author wrote (issue 10): Livepeer's truncated labels are
//! reported and fixed on the linked page, and the hostile fixture (one of each case the
//! compiler once got wrong) generates without a compiler bug, twice to a fixed point, from LF
//! and CRLF spec files alike.

mod common;

use common::{copy_tree, repo, repo_site, run_in, stderr, stdout};
use std::path::Path;

/// The Mermaid blocks of a page, in order.
fn mermaid_blocks(page: &str) -> Vec<String> {
    page.split("```mermaid\n")
        .skip(1)
        .filter_map(|b| b.split("```").next().map(str::to_string))
        .collect()
}

fn read(root: &Path, rel: &str) -> String {
    std::fs::read_to_string(root.join(rel)).expect(rel)
}

#[test]
fn check_warns_about_livepeers_truncated_labels_and_the_linked_page_fixes_them() {
    let site = repo_site();
    let out = run_in(site.path(), &["check"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    let warnings: Vec<&str> = err
        .lines()
        .filter(|l| l.starts_with("warning[mermaid-misread]"))
        .collect();
    assert_eq!(warnings.len(), 2, "{err}");
    assert!(warnings[0].contains("`applies to`") && warnings[0].contains("`applies t`"));
    assert!(warnings[1].contains("`opts into`") && warnings[1].contains("`opts int`"));
    assert!(err.contains("--> personas/p1-ai.toml:29:11"), "{err}");
    assert!(
        err.contains(
            "help: write `G_PRICE -. applies to .-> Pay` or `G_PRICE -.->|applies to| Pay`"
        )
    );
    // The reproduction keeps the published bytes; the linked page reads right.
    let root = repo();
    let published = read(&root, "v2/developers/concepts/infra-stack.mdx");
    assert!(published.contains("G_PRICE -.applies to.-> Pay"));
    assert!(published.contains("GoLP -.opts into.-> AISR"));
    let linked = read(&root, "v2/developers/concepts/infra-stack-linked.mdx");
    assert!(linked.contains("G_PRICE -. applies to .-> Pay"));
    assert!(linked.contains("GoLP -. opts into .-> AISR"));
    assert!(!linked.contains("-.applies to.->") && !linked.contains("-.opts into.->"));
    // Labels joined as they read, edge kinds kept in the text version.
    assert!(linked.contains("- muxionlabs/livepeer-app-pipelines (reference impls)"));
    assert!(linked.contains("(dotted: applies to)"));
}

#[test]
fn the_hostile_fixture_generates_to_a_fixed_point_without_compiler_bugs() {
    let fixture = repo().join("tests/fixtures/hostile-readers");
    for crlf in [false, true] {
        let dir = tempfile::tempdir().expect("tempdir");
        copy_tree(&fixture, dir.path());
        if crlf {
            let spec = dir.path().join("personas/spec.toml");
            let text = read(dir.path(), "personas/spec.toml").replace('\n', "\r\n");
            std::fs::write(spec, text).expect("write");
        }
        let out = run_in(dir.path(), &["generate"]);
        assert!(out.status.success(), "crlf={crlf}: {}", stderr(&out));
        assert!(!stderr(&out).contains("compiler-bug"), "{}", stderr(&out));
        let again = run_in(dir.path(), &["generate"]);
        assert!(stdout(&again).contains("0 written"), "{}", stdout(&again));
        assert!(
            run_in(dir.path(), &["generate", "--check"])
                .status
                .success()
        );
        let page = read(dir.path(), "map.mdx");
        let blocks = mermaid_blocks(&page);
        assert_eq!(blocks.len(), 1);
        let m = &blocks[0];
        // Class 1: dotted labels Mermaid would cut are written with spaces inside.
        assert!(
            m.contains("P -. o .-> B") && m.contains("P -. applies to .-> C"),
            "{m}"
        );
        // Class 2: `\n` and `fa:fa-` neutralised; `direction LR` is no statement. The label's
        // lines are joined with `\n`: a `<br/>` would make Mermaid decode the codes early.
        assert!(
            m.contains("C[\"muxionlabs/\\nlivepeer-app-pipelines\\nC:#92;new fa#58;fa-car\"]"),
            "{m}"
        );
        // Class 9: a CRLF multi-line label has the same lines as an LF one.
        assert!(m.contains("D[\"Two<br/>lines, direction#32;LR\"]"), "{m}");
        // Class 4: the tooltip keeps every character as an entity code, and is HTML to
        // Mermaid: `<` is a character reference.
        assert!(
            m.contains("\"a #quot;b#quot; #35;1 #38;lt#59;c#38;gt#59; #123;d#125; 50#37; x#59;y #96;z#96; direction#32;TB\""),
            "{m}"
        );
        // Class 7: `style` in an id with `:` and `"` in the label; `dash = "4,2"`.
        assert!(
            m.contains("style_a[\"mode#58;#quot;fast#quot;\"]:::n"),
            "{m}"
        );
        assert!(m.contains("stroke-dasharray:4 2"), "{m}");
        // A `style` id, a link with `:…#` and a tooltip entity: a `;` for the rewrite to cut.
        assert!(
            m.contains("click style_b href \"https://example.com/#a\" \"t#59;x\";"),
            "{m}"
        );
        if crlf {
            // Prose from a CRLF file keeps its `\r` until spec files are normalised when read
            // (issue 11); the diagrams must already be the same.
            let lf = dir.path().join("lf");
            copy_tree(&fixture, &lf);
            assert!(run_in(&lf, &["generate"]).status.success());
            assert_eq!(mermaid_blocks(&read(&lf, "map.mdx")), blocks);
            continue;
        }
        // Class 6: ESM lines after a heading, a rule and a table stay prose; a blockquote's
        // fence is left alone; a trailing ` #` is kept; Markdown in the name is not escaped.
        assert!(
            page.contains("## Heading\n{\"e\"}xport const a = 1"),
            "{page}"
        );
        assert!(page.contains("***\n{\"i\"}mport x from \"y\""), "{page}");
        assert!(page.contains("| 1 | 2 |\n{\"e\"}xport default 3"), "{page}");
        assert!(page.contains("> ~~~\n> {x}\n> ~~~"), "{page}");
        assert!(page.contains("## Legend \\#"), "{page}");
        // Class 9: the tabs layout keeps the nickname; the tab title shows the name's Markdown
        // as a reader sees it (a JSX attribute is plain text).
        assert!(page.contains("<Tab title={\"Persona 7 – Every one # (\\\"nick\\\")\"}>"));
        // Class 5: plain-text labels read as plain text, edge kinds named.
        let list = read(dir.path(), "map-list.mdx");
        assert!(
            list.contains("## Persona 7 – **Every** one \\# (\"nick\")"),
            "{list}"
        );
        assert!(
            list.contains("- [\\*\\*b\\*\\* \\&amp; 1. x \\\\](/faq)"),
            "{list}"
        );
        assert!(list.contains("(thick)") && list.contains("(dotted: applies to)"));
        // Class 7: nested frontmatter arrays keep their items.
        assert!(
            page.contains("nested:\n  - [1, 2]\n  - [\"a, b\"]\n"),
            "{page}"
        );
        // Class 8: a title ending in `\` is one llms.txt line, run after run.
        let llms = read(dir.path(), "llms.txt");
        assert_eq!(llms.matches("https://tiny.dev/map.md").count(), 1, "{llms}");
    }
}

#[test]
fn spec_errors_replace_compiler_bugs() {
    let fixture = repo().join("tests/fixtures/hostile-readers");
    let cases: [(&str, &str, &str); 7] = [
        ("dash = \"4,2\"", "dash = \"4;2\"", "error[dash]"),
        (
            "base_url = \"https://tiny.dev\"",
            "base_url = \"tiny.dev\"",
            "error[base-url]",
        ),
        (
            "nested = [[1, 2], [\"a, b\"]]",
            "title = \"Other\"",
            "error[frontmatter-key]",
        ),
        ("id = \"D\"", "id = \"constructor\"", "error[reserved-id]"),
        (
            "title = \"Map list\"",
            "title = \"Map \\uFFFE\"",
            "error[noncharacter]",
        ),
        // Written as themselves: in the Arabic forms block and in plane 1.
        (
            "title = \"Map list\"",
            "title = \"Map \u{fdd0}\"",
            "error[noncharacter]",
        ),
        (
            "title = \"Map list\"",
            "title = \"Map \u{1fffe}\"",
            "error[noncharacter]",
        ),
    ];
    for (from, to, rule) in cases {
        let dir = tempfile::tempdir().expect("tempdir");
        copy_tree(&fixture, dir.path());
        let spec = dir.path().join("personas/spec.toml");
        let text = read(dir.path(), "personas/spec.toml");
        assert!(text.contains(from), "{from}");
        std::fs::write(&spec, text.replacen(from, to, 1)).expect("write");
        let out = run_in(dir.path(), &["check"]);
        assert!(!out.status.success(), "{to}");
        let err = stderr(&out);
        assert!(err.contains(rule), "{to}: {err}");
        assert!(!err.contains("compiler-bug"), "{to}: {err}");
        assert!(err.contains("--> personas/spec.toml:"), "{to}: {err}");
    }
}
