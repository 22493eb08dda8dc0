//! The commands, run as a user runs them: the real binary on temporary copies of the site.

mod common;

use common::*;

const PAGE: &str = "v2/developers/concepts/infra-stack";

#[test]
fn export_reproduces_the_published_reference() {
    let Some(reference) = shared("reference/000_7dc1021a4be912d1.txt") else {
        eprintln!("skipped: ../shared/reference is not on this machine");
        return;
    };
    let out = run_in(&repo(), &["export", PAGE]);
    assert!(out.status.success(), "{}", stderr(&out));
    let expected = std::fs::read(reference).expect("reference");
    assert!(
        out.stdout == expected,
        "export differs from the reference:\n{}",
        stdout(&out)
    );
}

#[test]
fn check_passes_on_the_committed_tree() {
    let out = run_in(&repo(), &["generate", "--check"]);
    assert!(out.status.success(), "{}{}", stdout(&out), stderr(&out));
}

#[test]
fn check_fails_after_a_spec_edit_and_writes_nothing() {
    let site = repo_site();
    let spec = site.path().join("personas/p2-video-platform.toml");
    let text = std::fs::read_to_string(&spec).unwrap();
    std::fs::write(&spec, text.replace("\"Live Events\"", "\"Live events\"")).unwrap();
    let before = snapshot(site.path());
    let out = run_in(site.path(), &["generate", "--check"]);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    assert!(
        stdout(&out).contains(&format!("would update {PAGE}.mdx")),
        "{}",
        stdout(&out)
    );
    assert_eq!(before, snapshot(site.path()), "--check wrote something");
}

#[test]
fn generating_twice_changes_nothing_the_second_time() {
    let site = repo_site();
    std::fs::remove_file(site.path().join(format!("{PAGE}.mdx"))).unwrap();
    let first = run_in(site.path(), &["generate"]);
    assert!(first.status.success(), "{}", stderr(&first));
    assert!(stdout(&first).contains(&format!("create {PAGE}.mdx")));
    let before = snapshot(site.path());
    let second = run_in(site.path(), &["generate"]);
    assert!(second.status.success(), "{}", stderr(&second));
    assert!(stdout(&second).contains("0 written"), "{}", stdout(&second));
    assert_eq!(
        before,
        snapshot(site.path()),
        "bytes or modification times changed"
    );
}

/// Each malformed spec fails with the position of the problem and leaves every file as it was.
#[test]
fn malformed_specs_fail_with_positions_and_touch_nothing() {
    let cases = [
        // (find, replace, expected rule, expected position)
        (
            "direction = \"LR\"\n",
            "direction = \"LR\n",
            "error[toml-syntax]",
            "personas/p1-ai.toml:9:16",
        ),
        (
            "P1    --> G_SDK\n",
            "P1    --> G_SKD\n",
            "error[unknown-node]",
            "personas/p1-ai.toml:16:11",
        ),
        (
            "class = \"chain\"",
            "class = \"chian\"",
            "error[unknown-class]",
            "personas/p1-ai.toml:69:9",
        ),
    ];
    for (find, replace, rule, position) in cases {
        let site = repo_site();
        let spec = site.path().join("personas/p1-ai.toml");
        let text = std::fs::read_to_string(&spec).unwrap();
        assert!(text.contains(find), "fixture text `{find}` not found");
        std::fs::write(&spec, text.replacen(find, replace, 1)).unwrap();
        let before = snapshot(site.path());
        let out = run_in(site.path(), &["generate"]);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{err}");
        assert!(err.contains(rule), "missing {rule} in:\n{err}");
        assert!(err.contains(position), "missing {position} in:\n{err}");
        assert_eq!(
            before,
            snapshot(site.path()),
            "a failed generate touched files"
        );
    }
}

#[test]
fn model_prints_the_resolved_spec_as_json() {
    let out = run_in(&repo(), &["model"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let model: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let page = model["pages"]
        .as_array()
        .and_then(|pages| pages.iter().find(|p| p["id"] == PAGE))
        .expect("the Livepeer page");
    assert_eq!(model["divider"], "CustomDivider");
    let p1 = &page["personas"][0];
    assert_eq!(p1["number"], 1);
    let edge = p1["edges"]
        .as_array()
        .and_then(|edges| edges.iter().find(|e| e["label"] == "applies to"))
        .expect("the dotted edge labelled as the author wrote it");
    assert_eq!(edge["kind"], "dotted");
    let node = &p1["nodes"][0];
    assert_eq!(node["id"], "P1");
    assert_eq!(
        node["label"],
        serde_json::json!(["Persona 1", "AI Persona"])
    );
    assert_eq!(node["style"][0], "fill:#0b66ff");
    assert!(page["legend_rows"][0]["meaning"].is_string());
}

#[test]
fn export_of_an_unknown_page_suggests_the_nearest() {
    let out = run_in(&repo(), &["export", "v2/developers/concepts/infra-stak"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains(&format!("did you mean `{PAGE}`?")),
        "{}",
        stderr(&out)
    );
}

/// Livepeer's real docs.json (268 KB, 600+ redirects) as the site's docs.json.
#[test]
fn livepeer_docs_json_is_left_byte_identical_and_restored_exactly() {
    let Some(real) = shared("reference/livepeer-docs.json") else {
        eprintln!("skipped: ../shared/reference is not on this machine");
        return;
    };
    let original = std::fs::read_to_string(real).unwrap();
    let site = repo_site();
    // Only the reproduction: Livepeer's docs.json does not list the linked page.
    std::fs::remove_file(site.path().join("personas/infra-stack-linked.toml")).unwrap();
    let docs = site.path().join("docs.json");
    std::fs::write(&docs, &original).unwrap();
    let out = run_in(site.path(), &["generate"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!stdout(&out).contains("docs.json"), "{}", stdout(&out));
    assert!(
        std::fs::read_to_string(&docs).unwrap() == original,
        "docs.json changed"
    );

    let line = format!("                      \"{PAGE}\",\n");
    assert_eq!(original.matches(&line).count(), 1);
    std::fs::write(&docs, original.replacen(&line, "", 1)).unwrap();
    let out = run_in(site.path(), &["generate"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("update docs.json"),
        "{}",
        stdout(&out)
    );
    assert!(
        std::fs::read_to_string(&docs).unwrap() == original,
        "docs.json not restored exactly"
    );
}

#[test]
fn a_missing_navigation_group_is_an_error_not_an_insert() {
    let site = repo_site();
    let spec = site.path().join("personas/site.toml");
    let text = std::fs::read_to_string(&spec).unwrap();
    std::fs::write(
        &spec,
        text.replace(
            "\"Developers\", \"Concepts\"]",
            "\"Developers\", \"Concept\"]",
        ),
    )
    .unwrap();
    let before = snapshot(site.path());
    let out = run_in(site.path(), &["generate"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("error[navigation]"), "{err}");
    assert!(err.contains("did you mean `Concepts`?"), "{err}");
    assert!(err.contains("personas/site.toml:"), "{err}");
    assert_eq!(before, snapshot(site.path()));
}

#[test]
fn refuses_to_overwrite_a_hand_written_page() {
    let site = repo_site();
    std::fs::remove_file(site.path().join("personas/generated.lock")).unwrap();
    std::fs::write(site.path().join(format!("{PAGE}.mdx")), "hand-written\n").unwrap();
    let out = run_in(site.path(), &["generate"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("was not generated by personamap"),
        "{}",
        stderr(&out)
    );
    let kept = std::fs::read_to_string(site.path().join(format!("{PAGE}.mdx"))).unwrap();
    assert_eq!(kept, "hand-written\n");
}

#[test]
fn committed_schema_matches_the_spec_types_and_spec_files_name_it() {
    let out = run(&["schema"]);
    assert!(out.status.success());
    let committed = std::fs::read(repo().join("personamap.schema.json")).expect("committed schema");
    assert!(
        out.stdout == committed,
        "personamap.schema.json is stale: run `personamap generate`"
    );
    let schema: serde_json::Value = serde_json::from_slice(&committed).expect("JSON");
    assert!(schema["properties"]["persona"].is_object(), "{schema}");
    for entry in std::fs::read_dir(repo().join("personas")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "toml") {
            let text = std::fs::read_to_string(&path).unwrap();
            assert!(
                text.starts_with("#:schema ../personamap.schema.json\n"),
                "{}",
                path.display()
            );
        }
    }
}

#[test]
fn a_broken_node_link_is_an_error_with_the_nearest_page() {
    let site = repo_site();
    let spec = site.path().join("personas/p5-protocol.toml");
    let text = std::fs::read_to_string(&spec).unwrap();
    std::fs::write(
        &spec,
        text.replace("\"/v2/community/portal\"", "\"/v2/community/portl\""),
    )
    .unwrap();
    let before = snapshot(site.path());
    let out = run_in(site.path(), &["generate"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("error[broken-link]"), "{err}");
    assert!(err.contains("personas/p5-protocol.toml:100:"), "{err}");
    assert!(
        err.contains("did you mean `/v2/community/portal`?"),
        "{err}"
    );
    assert_eq!(before, snapshot(site.path()));
}

#[test]
fn an_anchor_link_is_checked_against_the_target_headings() {
    let site = repo_site();
    let spec = site.path().join("personas/p1-ai.toml");
    let text = std::fs::read_to_string(&spec).unwrap();
    let good = text.replace(
        "href = \"/v2/developers/build/ai-and-agents/ai-jobs-direct-quickstart\" }",
        "href = \"/v2/developers/concepts/infra-stack#persona-2--video-platform-persona-mux-with-ai-bolted-on\" }",
    );
    assert_ne!(good, text);
    std::fs::write(&spec, &good).unwrap();
    let out = run_in(site.path(), &["check"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    std::fs::write(&spec, good.replace("-mux-with-ai-bolted-on\"", "-mux\"")).unwrap();
    let out = run_in(site.path(), &["check"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("error[broken-anchor]"), "{err}");
    assert!(err.contains("personas/p1-ai.toml:77:"), "{err}");
    assert!(
        err.contains("did you mean `/v2/developers/concepts/infra-stack#persona-2--video-platform-persona-mux-with-ai-bolted-on`?"),
        "{err}"
    );
}

#[test]
fn a_link_to_a_page_only_on_disk_resolves_and_breaks_when_it_goes() {
    let site = repo_site();
    let spec = site.path().join("personas/p5-protocol.toml");
    let text = std::fs::read_to_string(&spec).unwrap();
    std::fs::write(
        &spec,
        text.replace("\"/v2/community/portal\"", "\"/guides/off-nav\""),
    )
    .unwrap();
    // Not in docs.json navigation: only listing the pages on disk finds it.
    let page = site.path().join("guides/off-nav.mdx");
    std::fs::create_dir_all(page.parent().unwrap()).unwrap();
    std::fs::write(&page, "---\ntitle: Off nav\n---\n").unwrap();
    let out = run_in(site.path(), &["check"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    std::fs::remove_file(&page).unwrap();
    let out = run_in(site.path(), &["check"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("error[broken-link]"), "{err}");
}

#[test]
fn mdx_prose_renders_components_and_the_model_says_so() {
    let dir = tempfile::tempdir().expect("temp dir");
    copy_tree(&repo().join("tests/fixtures/mdx-prose"), dir.path());
    let out = run_in(dir.path(), &["generate"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let page = std::fs::read_to_string(dir.path().join("maps/who-pays.mdx")).expect("the page");
    // The page's MDX prose is written as it is; the persona's literal prose is escaped.
    assert!(page.contains("\n<Note>Maps are generated"), "{page}");
    assert!(
        page.contains("\n<Card title=\"Set up Ledger\" href=\"/start/setup#connect-a-bank\""),
        "{page}"
    );
    assert!(
        page.contains("Literal prose: \\<Note> stays text"),
        "{page}"
    );
    let out = run_in(dir.path(), &["model"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let model: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(model["pages"][0]["prose"], "mdx");
    let personas = &model["pages"][0]["personas"];
    assert_eq!(
        (personas[0]["prose"].as_str(), personas[1]["prose"].as_str()),
        (Some("literal"), Some("mdx"))
    );
    assert!(
        page.contains("\n<Warning>Approvals are final.</Warning>"),
        "{page}"
    );
    let out = run_in(&repo(), &["model"]);
    let model: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(model["pages"][0]["prose"], "literal", "the default");
}

#[test]
fn an_mdx_prose_link_into_a_hand_written_page_has_its_anchor_checked() {
    let dir = tempfile::tempdir().expect("temp dir");
    copy_tree(&repo().join("tests/fixtures/mdx-prose"), dir.path());
    let out = run_in(dir.path(), &["check"]);
    assert!(out.status.success(), "{}", stderr(&out));
    // `start/setup.mdx` is hand-written; its only heading is `## Connect a bank`.
    let spec = dir.path().join("personas/spec.toml");
    let text = std::fs::read_to_string(&spec).expect("spec");
    let broken = text.replace("/start/setup#connect-a-bank", "/start/setup#connect-a-bnk");
    assert_ne!(text, broken);
    std::fs::write(&spec, broken).expect("write");
    let out = run_in(dir.path(), &["check"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("error[broken-anchor]"), "{err}");
    assert!(
        err.contains("did you mean `/start/setup#connect-a-bank`?"),
        "{err}"
    );
}

#[test]
fn a_misspelt_component_in_mdx_prose_is_a_located_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    copy_tree(&repo().join("tests/bad/mdx-prose-component"), dir.path());
    let before = snapshot(dir.path());
    let out = run_in(dir.path(), &["check"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    for (rule, at, help) in [
        (
            "error[mdx-component]: `<Noet>`",
            "personas/site.toml:19:2",
            "did you mean `Note`?",
        ),
        (
            "error[mdx-component]: `hreff`",
            "personas/site.toml:21:21",
            "did you mean `href`?",
        ),
        (
            "error[broken-link]: link `/guides/strat`",
            "personas/site.toml:21:49",
            "did you mean `/guides/start`?",
        ),
        (
            "error[mdx-code]: an expression",
            "personas/site.toml:24:8",
            "write `\\{` for a brace",
        ),
        (
            "error[mdx-code]: an `import`/`export` statement",
            "personas/site.toml:26:1",
            "need no import",
        ),
        // In a basic string with escapes, at the string.
        (
            "error[mdx-component]: `title` in persona 1's intro",
            "personas/site.toml:40:9",
            "`<Tip>` takes no props",
        ),
        // The hand-written page a prose link points into has its headings read.
        (
            "error[broken-anchor]: link `/guides/start#setup`",
            "personas/site.toml:40:9",
            "`/guides/start` has no headings",
        ),
    ] {
        let found = err
            .find(rule)
            .unwrap_or_else(|| panic!("{rule} missing:\n{err}"));
        let block = &err[found..];
        let block = &block[..block[1..].find("\nerror").map_or(block.len(), |e| e + 1)];
        assert!(
            block.contains(&format!("--> {at}\n")),
            "{rule} not at {at}:\n{err}"
        );
        assert!(block.contains(help), "{rule} without `{help}`:\n{err}");
    }
    assert_eq!(err.matches("error[").count(), 7, "{err}");
    let out = run_in(dir.path(), &["generate"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(snapshot(dir.path()), before, "nothing written");
}
