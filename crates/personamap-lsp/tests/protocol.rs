//! The language server over an in-process connection: every feature on a copy of this
//! repository's spec (Livepeer's) and on a fixture.

mod common;

use common::{Client, find, pos};
use lsp_server::ErrorCode;
use serde_json::{Value, json};

const P1: &str = "personas/p1-ai.toml";

fn at(client: &Client, rel: &str, p: (u32, u32)) -> Value {
    json!({ "textDocument": { "uri": client.uri(rel) }, "position": pos(p) })
}

/// The rules of the errors among `diags`.
fn errors(diags: &[lsp_types::Diagnostic]) -> Vec<String> {
    diags
        .iter()
        .filter(|d| d.severity == Some(lsp_types::DiagnosticSeverity::ERROR))
        .map(|d| match &d.code {
            Some(lsp_types::NumberOrString::String(s)) => s.clone(),
            other => format!("{other:?}"),
        })
        .collect()
}

#[test]
fn diagnostics_come_on_open_on_typing_and_on_a_palette_change_on_disk() {
    let site = common::repo_site();
    let mut client = Client::start(site.path());
    let text = client.open(P1);
    let before = client.diagnostics(P1);
    assert!(
        errors(&before).is_empty(),
        "the repository's spec has no error"
    );
    // Type an unknown id into an edge: the error is located on it, with its rule and help.
    let at = find(&text, "-.applies to.-> Pay", "-.applies to.-> ".len());
    client.change(P1, at, (at.0, at.1 + 3), "Pya");
    let diags = client.diagnostics(P1);
    assert_eq!(errors(&diags), ["unknown-node"], "{diags:?}");
    let d = diags
        .iter()
        .find(|d| d.severity == Some(lsp_types::DiagnosticSeverity::ERROR))
        .expect("the error");
    assert_eq!(
        (d.range.start.line, d.range.start.character),
        (at.0, at.1),
        "{d:?}"
    );
    assert_eq!(d.range.end.character, at.1 + 3);
    assert_eq!(d.severity, Some(lsp_types::DiagnosticSeverity::ERROR));
    assert!(d.message.contains("`Pya`"), "{}", d.message);
    assert!(
        d.message.contains("help: did you mean `Pay`?"),
        "{}",
        d.message
    );
    // Back to the text on disk: the error goes (its warnings are published again).
    client.change(P1, at, (at.0, at.1 + 3), "Pay");
    assert_eq!(client.diagnostics(P1), before);
    // The palette changes on disk: the open persona's use of the class is an error now.
    let site_toml = site.path().join("personas/site.toml");
    let palette = std::fs::read_to_string(&site_toml).expect("read");
    std::fs::write(
        &site_toml,
        palette.replace("name = \"chain\"", "name = \"chains\""),
    )
    .expect("write");
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": [{ "uri": client.uri("personas/site.toml"), "type": 2 }] }),
    );
    let diags = client.diagnostics(P1);
    assert!(
        errors(&diags).contains(&"unknown-class".to_string()),
        "{diags:?}"
    );
    let class = find(&text, "class = \"chain\"", "class = \"".len());
    assert!(
        diags.iter().any(|d| d.range.start.line == class.0),
        "{diags:?}"
    );
    client.shutdown();
}

#[test]
fn a_diagnostic_without_a_span_is_shown_in_the_file_it_names() {
    let site = common::repo_site();
    // docs.json that is not JSON: the compile reports it without a span, naming the file.
    std::fs::write(site.path().join("docs.json"), "{").expect("write");
    let mut client = Client::start(site.path());
    client.open(P1);
    let mut seen = Vec::new();
    loop {
        let n = client.inbox.pop_front();
        let n = match n {
            Some(n) => n,
            None => {
                // Nothing queued: a request makes the server finish its compile first.
                client.request("workspace/symbol", json!({ "query": "" }));
                if client.inbox.is_empty() {
                    break;
                }
                continue;
            }
        };
        if n.method == "textDocument/publishDiagnostics" {
            let p: lsp_types::PublishDiagnosticsParams =
                serde_json::from_value(n.params).expect("params");
            if !p.diagnostics.is_empty() {
                seen.push((p.uri.as_str().to_string(), p.diagnostics));
            }
        }
    }
    let json: Vec<&(String, Vec<lsp_types::Diagnostic>)> = seen
        .iter()
        .filter(|(_, d)| errors(d).contains(&"docs-json".to_string()))
        .collect();
    assert_eq!(
        json.len(),
        1,
        "the broken docs.json is reported once: {seen:?}"
    );
    assert!(json[0].0.ends_with("/docs.json"), "{json:?}");
    client.shutdown();
}

#[test]
fn formatting_is_one_whole_document_edit_and_none_when_formatted() {
    let site = common::repo_site();
    let mut client = Client::start(site.path());
    let text = client.open(P1);
    client.diagnostics(P1);
    let params = json!({
        "textDocument": { "uri": client.uri(P1) },
        "options": { "tabSize": 2, "insertSpaces": true }
    });
    assert_eq!(
        client.request("textDocument/formatting", params.clone()),
        json!([])
    );
    // Misalign an arrow: fmt aligns it again.
    let at = find(&text, "P1    --> G_SDK", 2);
    client.change(P1, at, (at.0, at.1 + 4), "");
    let edits: Vec<lsp_types::TextEdit> =
        serde_json::from_value(client.request("textDocument/formatting", params)).expect("edits");
    assert_eq!(edits.len(), 1, "{edits:?}");
    assert_eq!(edits[0].range.start, lsp_types::Position::new(0, 0));
    assert_eq!(edits[0].new_text, text, "fmt restores the file on disk");
    client.shutdown();
}

#[test]
fn completion_in_an_edge_string_offers_the_personas_node_ids() {
    let site = common::repo_site();
    let mut client = Client::start(site.path());
    let text = client.open(P1);
    client.diagnostics(P1);
    // A new edge statement, half typed: `REST --> ` then ask.
    let at = find(&text, "REST  --> CG\n", "REST  --> CG\n".len());
    client.change(P1, at, at, "REST --> A\n");
    let list = client.request(
        "textDocument/completion",
        at_pos(&client, (at.0, "REST --> A".len() as u32)),
    );
    let items: Vec<lsp_types::CompletionItem> = serde_json::from_value(list).expect("items");
    let labels: Vec<&str> = items.iter().map(|i| i.label.as_str()).collect();
    for id in ["AIJS", "AIPY", "AIRunner", "AIWorker"] {
        assert!(labels.contains(&id), "{id} in {labels:?}");
    }
    assert!(
        !labels.contains(&"Broadcaster"),
        "only persona 1's nodes: {labels:?}"
    );
    let aijs = items.iter().find(|i| i.label == "AIJS").expect("AIJS");
    assert_eq!(aijs.kind, Some(lsp_types::CompletionItemKind::VARIABLE));
    client.shutdown();
}

fn at_pos(client: &Client, p: (u32, u32)) -> Value {
    at(client, P1, p)
}

#[test]
fn hover_on_a_class_gives_its_meaning() {
    let site = common::repo_site();
    let mut client = Client::start(site.path());
    let text = client.open(P1);
    client.diagnostics(P1);
    let class = find(&text, "class = \"gw\"", "class = \"".len() + 1);
    let hover = client.request("textDocument/hover", at_pos(&client, class));
    let hover: lsp_types::Hover = serde_json::from_value(hover).expect("hover");
    let lsp_types::HoverContents::Markup(m) = hover.contents else {
        panic!("markdown hover: {hover:?}");
    };
    assert!(
        m.value
            .contains("Gateways (community, self-hosted, alternative)"),
        "{}",
        m.value
    );
    client.shutdown();
}

#[test]
fn definition_references_and_rename_follow_an_id_across_its_uses() {
    let site = common::repo_site();
    let mut client = Client::start(site.path());
    let text = client.open(P1);
    client.diagnostics(P1);
    // `Pay` in `GoLP -.->|charges| Pay`: defined in the chain group.
    let used = find(&text, "|charges| Pay", "|charges| ".len() + 1);
    let def = client.request("textDocument/definition", at_pos(&client, used));
    let defs: Vec<lsp_types::Location> = serde_json::from_value(def).expect("locations");
    let declared = find(&text, "{ id = \"Pay\"", "{ id = \"".len());
    assert_eq!(defs.len(), 1, "{defs:?}");
    assert_eq!(defs[0].uri, client.uri(P1));
    assert_eq!(
        (defs[0].range.start.line, defs[0].range.start.character),
        declared
    );
    let mut params = at_pos(&client, used);
    params["context"] = json!({ "includeDeclaration": true });
    let refs: Vec<lsp_types::Location> =
        serde_json::from_value(client.request("textDocument/references", params))
            .expect("locations");
    // Declared once, used in two edges.
    assert_eq!(refs.len(), 3, "{refs:?}");
    // Rename: every use changes.
    let mut params = at_pos(&client, used);
    params["newName"] = json!("Payments");
    let edit: lsp_types::WorkspaceEdit =
        serde_json::from_value(client.request("textDocument/rename", params)).expect("edit");
    let edits = &edit.changes.expect("changes")[&client.uri(P1)];
    assert_eq!(edits.len(), 3, "{edits:?}");
    assert!(edits.iter().all(|e| e.new_text == "Payments"));
    // A rename onto an existing id is refused with a sentence.
    let mut params = at_pos(&client, used);
    params["newName"] = json!("CG");
    let id = client.send_request("textDocument/rename", params);
    let response = client.response(id);
    let error = response.error.expect("refused");
    assert_eq!(error.code, ErrorCode::RequestFailed as i32);
    assert!(error.message.contains("CG"), "{}", error.message);
    // prepareRename gives the id's range.
    let prepared = client.request("textDocument/prepareRename", at_pos(&client, used));
    let range: lsp_types::Range = serde_json::from_value(prepared).expect("range");
    assert_eq!(range.start.character + 3, range.end.character);
    client.shutdown();
}

#[test]
fn symbols_and_semantic_tokens() {
    let site = common::repo_site();
    let mut client = Client::start(site.path());
    let text = client.open(P1);
    client.diagnostics(P1);
    let symbols: Vec<lsp_types::DocumentSymbol> = serde_json::from_value(client.request(
        "textDocument/documentSymbol",
        json!({ "textDocument": { "uri": client.uri(P1) } }),
    ))
    .expect("symbols");
    let persona = symbols
        .iter()
        .find(|s| s.kind == lsp_types::SymbolKind::MODULE)
        .expect("the persona");
    let groups = persona.children.as_ref().expect("groups");
    assert!(!groups.is_empty());
    let nodes: Vec<&str> = groups
        .iter()
        .flat_map(|g| g.children.iter().flatten())
        .map(|n| n.name.as_str())
        .collect();
    assert!(nodes.contains(&"AIRunner"), "{nodes:?}");
    let found: Vec<lsp_types::WorkspaceSymbol> =
        serde_json::from_value(client.request("workspace/symbol", json!({ "query": "AIRunner" })))
            .expect("symbols");
    assert!(found.iter().any(|s| s.name == "AIRunner"), "{found:?}");
    let tokens: lsp_types::SemanticTokens = serde_json::from_value(client.request(
        "textDocument/semanticTokens/full",
        json!({ "textDocument": { "uri": client.uri(P1) } }),
    ))
    .expect("tokens");
    // Decode: the first token of the edges is `P1` on the line after `edges = '''`.
    let edges_line = find(&text, "edges = '''", 0).0 + 1;
    let mut line = 0;
    let mut col = 0;
    let mut first = None;
    for t in tokens.data.chunks(1).flatten() {
        line += t.delta_line;
        col = if t.delta_line == 0 {
            col + t.delta_start
        } else {
            t.delta_start
        };
        if line == edges_line && first.is_none() {
            first = Some((col, t.length, t.token_type));
        }
    }
    assert_eq!(first, Some((0, 2, 0)), "P1, a variable (node id)");
    client.shutdown();
}

#[test]
fn a_cancelled_request_is_answered_cancelled_and_unknown_methods_not_found() {
    let site = common::repo_site();
    let mut queued = None;
    let mut client = Client::start_with(site.path(), |c| {
        // Queued with its cancel before the server reads either.
        let id = c.send_request("workspace/symbol", json!({ "query": "" }));
        // The handshake's `initialize` was request 1.
        c.notify("$/cancelRequest", json!({ "id": 2 }));
        queued = Some(id);
    });
    let response = client.response(queued.expect("sent"));
    let error = response.error.expect("cancelled");
    assert_eq!(error.code, ErrorCode::RequestCanceled as i32);
    let id = client.send_request("personamap/nothing", json!({}));
    let error = client.response(id).error.expect("not found");
    assert_eq!(error.code, ErrorCode::MethodNotFound as i32);
    // Parameters of the wrong shape: an error, and the server goes on.
    let id = client.send_request("textDocument/hover", json!({ "position": 3 }));
    let error = client.response(id).error.expect("invalid");
    assert_eq!(error.code, ErrorCode::InvalidParams as i32);
    assert_eq!(
        client.request("workspace/symbol", json!({ "query": "zzzzzz" })),
        json!([])
    );
    client.shutdown();
}

#[test]
fn a_fixture_site_in_one_file_is_served_too() {
    let site = common::fixture_site("single-file");
    let rel = "personas/spec.toml";
    let mut client = Client::start(site.path());
    let text = client.open(rel);
    assert_eq!(client.diagnostics(rel), Vec::new());
    let at = find(&text, "P --> A", "P --> ".len());
    client.change(rel, at, (at.0, at.1 + 1), "Q");
    let diags = client.diagnostics(rel);
    assert_eq!(errors(&diags), ["unknown-node"], "{diags:?}");
    assert_eq!(diags[0].range.start, lsp_types::Position::new(at.0, at.1));
    // Fixed again: the file became clean, and its diagnostics are cleared.
    client.change(rel, at, (at.0, at.1 + 1), "A");
    assert_eq!(client.diagnostics(rel), Vec::new());
    // Broken, then closed unsaved: the file on disk is what counts again.
    client.change(rel, at, (at.0, at.1 + 1), "Q");
    assert_eq!(errors(&client.diagnostics(rel)), ["unknown-node"]);
    client.notify(
        "textDocument/didClose",
        json!({ "textDocument": { "uri": client.uri(rel) } }),
    );
    assert_eq!(client.diagnostics(rel), Vec::new());
    // Files outside the root are ignored: no answer about them, no error.
    let outside = json!({
        "textDocument": { "uri": "file:///elsewhere/x.toml" },
        "position": { "line": 0, "character": 0 }
    });
    assert_eq!(client.request("textDocument/hover", outside), Value::Null);
    client.shutdown();
}

#[test]
fn a_did_you_mean_is_a_quick_fix_and_a_duplicate_points_at_the_first() {
    let site = common::repo_site();
    let mut client = Client::start(site.path());
    let text = client.open(P1);
    client.diagnostics(P1);
    let at = find(&text, "|charges| Pay", "|charges| ".len());
    client.change(P1, at, (at.0, at.1 + 3), "Pya");
    let diags = client.diagnostics(P1);
    let d = diags
        .iter()
        .find(|d| d.severity == Some(lsp_types::DiagnosticSeverity::ERROR))
        .expect("the error");
    let actions = client.request(
        "textDocument/codeAction",
        json!({
            "textDocument": { "uri": client.uri(P1) },
            "range": d.range,
            "context": { "diagnostics": [d] }
        }),
    );
    let actions: Vec<lsp_types::CodeAction> = serde_json::from_value(actions).expect("actions");
    let fix = actions
        .iter()
        .find(|a| a.title.contains("`Pay`"))
        .unwrap_or_else(|| panic!("a fix to `Pay`: {actions:?}"));
    assert_eq!(fix.kind, Some(lsp_types::CodeActionKind::QUICKFIX));
    assert_eq!(fix.diagnostics.as_deref(), Some(std::slice::from_ref(d)));
    let edits = &fix
        .edit
        .as_ref()
        .expect("edit")
        .changes
        .as_ref()
        .expect("changes")[&client.uri(P1)];
    assert_eq!(
        edits,
        &[lsp_types::TextEdit::new(d.range, "Pay".into())],
        "{fix:?}"
    );
    // Elsewhere in the file: no action.
    let none = client.request(
        "textDocument/codeAction",
        json!({
            "textDocument": { "uri": client.uri(P1) },
            "range": { "start": pos((0, 0)), "end": pos((0, 1)) },
            "context": { "diagnostics": [] }
        }),
    );
    assert_eq!(none, json!([]));
    // Declare `CG` twice: the error's related information is the first declaration.
    let second = find(&text, "{ id = \"SelfGW\"", "{ id = \"".len());
    client.change(P1, at, (at.0, at.1 + 3), "Pay");
    client.change(P1, second, (second.0, second.1 + 6), "CG");
    let diags = client.diagnostics(P1);
    let dup = diags
        .iter()
        .find(|d| d.code == Some(lsp_types::NumberOrString::String("duplicate-node".into())))
        .unwrap_or_else(|| panic!("duplicate-node: {diags:?}"));
    // The span is the id's string, quotes included.
    assert_eq!(
        dup.range.start,
        lsp_types::Position::new(second.0, second.1 - 1)
    );
    let related = dup.related_information.as_ref().expect("related");
    let first = find(&text, "{ id = \"CG\"", "{ id = \"".len());
    assert_eq!(related.len(), 1, "{related:?}");
    assert_eq!(related[0].location.uri, client.uri(P1));
    assert_eq!(
        related[0].location.range.start,
        lsp_types::Position::new(first.0, first.1 - 1)
    );
    assert!(related[0].message.contains("first declared"), "{related:?}");
    client.shutdown();
}
