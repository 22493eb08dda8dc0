//! `personamap lsp` as an editor starts it: LSP messages over stdin and stdout.

mod common;

use std::io::{BufRead as _, BufReader, Read as _, Write as _};
use std::process::{Command, Stdio};

/// One message with its `Content-Length` header.
fn frame(json: &str) -> String {
    format!("Content-Length: {}\r\n\r\n{json}", json.len())
}

/// Runs `personamap lsp` on the repository's site with `messages` on stdin; its exit code and
/// the JSON messages it wrote.
fn serve(messages: &[String]) -> (Option<i32>, Vec<serde_json::Value>) {
    let site = common::repo_site();
    let root = site.path().to_str().expect("utf-8");
    let mut child = Command::new(env!("CARGO_BIN_EXE_personamap"))
        .arg("lsp")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("starts");
    let mut stdin = child.stdin.take().expect("stdin");
    let init = format!(
        r#"{{"jsonrpc":"2.0","id":1,"method":"initialize","params":{{"capabilities":{{}},"rootUri":"file://{root}"}}}}"#
    );
    stdin.write_all(frame(&init).as_bytes()).expect("write");
    stdin
        .write_all(frame(r#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#).as_bytes())
        .expect("write");
    for m in messages {
        stdin.write_all(m.as_bytes()).expect("write");
    }
    drop(stdin);
    let mut out = BufReader::new(child.stdout.take().expect("stdout"));
    let mut seen = Vec::new();
    loop {
        let mut header = String::new();
        if out.read_line(&mut header).expect("read") == 0 {
            break;
        }
        let Some(len) = header.trim().strip_prefix("Content-Length: ") else {
            continue;
        };
        let mut blank = String::new();
        out.read_line(&mut blank).expect("read");
        let mut body = vec![0; len.parse().expect("length")];
        out.read_exact(&mut body).expect("body");
        seen.push(serde_json::from_slice(&body).expect("json"));
    }
    (child.wait().expect("exits").code(), seen)
}

#[test]
fn lsp_answers_over_stdio_and_exits_0_after_shutdown() {
    let (code, seen) = serve(&[
        frame(r#"{"jsonrpc":"2.0","id":2,"method":"shutdown"}"#),
        frame(r#"{"jsonrpc":"2.0","method":"exit"}"#),
    ]);
    assert_eq!(code, Some(0), "{seen:?}");
    let init = seen
        .iter()
        .find(|m| m["id"] == 1)
        .expect("initialize answered");
    assert_eq!(init["result"]["serverInfo"]["name"], "personamap");
    assert!(init["result"]["capabilities"]["completionProvider"].is_object());
    assert!(seen.iter().any(|m| m["id"] == 2 && m["result"].is_null()));
}

#[test]
fn lsp_exits_1_on_exit_without_shutdown() {
    let (code, _) = serve(&[frame(r#"{"jsonrpc":"2.0","method":"exit"}"#)]);
    assert_eq!(code, Some(1));
}

#[test]
fn lsp_answers_a_malformed_initialize_with_an_error_and_exits_1() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_personamap"))
        .arg("lsp")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("starts");
    let init = r#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":3}}"#;
    let mut stdin = child.stdin.take().expect("stdin");
    stdin.write_all(frame(init).as_bytes()).expect("write");
    drop(stdin);
    let out = child.wait_with_output().expect("exits");
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains(r#""code":-32602"#), "{stdout}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("error: initialize:"), "{stderr}");
}
