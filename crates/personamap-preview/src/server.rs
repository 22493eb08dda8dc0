//! The HTTP side: routes, the Host check, the page shells and the live updates.
//!
//! Routes (GET and HEAD only):
//! - `/`: the index of every generated page; `/PAGE_ID`: a page.
//! - `/_personamap/page/PAGE_ID` (`/_personamap/page/` for the index): the page's sections as
//!   JSON, for a client that missed updates.
//! - `/_personamap/events/PAGE_ID`: server-sent events; each carries the page's section list
//!   and the HTML of the sections that changed since the stream's last event, with the errors.
//! - `/_personamap/ASSET`: the preview's script and style, and the vendored Mermaid.
//!
//! Nothing else: no file of the site root is ever served.

use crate::assets;
use crate::compile::{Diag, Snapshot};
use crate::html::{self, View, escape};
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use std::collections::BTreeMap;
use std::convert::Infallible;
use std::sync::Arc;
use tokio::sync::watch;

/// What the server shows: the last good pages and the current diagnostics.
#[derive(Debug, Default)]
pub struct Shown {
    /// Rises by one per compile.
    pub version: u64,
    /// The views by page id (`""`: the index). From the last compile without errors.
    pub views: BTreeMap<String, View>,
    /// The errors of the latest compile (shown over the page).
    pub errors: Vec<Diag>,
    /// Its warnings that concern no map (shown above the page).
    pub notes: Vec<Diag>,
}

impl Shown {
    /// What to show after `snapshot`: its pages, or when it failed, the pages of `previous`
    /// under its errors.
    pub fn next(previous: &Shown, snapshot: &Snapshot) -> Shown {
        let (errors, warnings): (Vec<Diag>, Vec<Diag>) =
            snapshot.diagnostics.iter().cloned().partition(|d| d.error);
        let views = if snapshot.failed() {
            previous.views.clone()
        } else {
            let mut views: BTreeMap<String, View> = snapshot
                .pages
                .iter()
                .map(|p| (p.id.clone(), html::page(p, &warnings)))
                .collect();
            views.insert(String::new(), html::index(&snapshot.pages));
            views
        };
        let shown_on_maps = |d: &Diag| {
            d.persona.is_some_and(|n| {
                snapshot.pages.iter().any(|p| {
                    p.personas.contains(&n) && d.page.as_ref().is_none_or(|id| *id == p.id)
                })
            })
        };
        Shown {
            version: previous.version + 1,
            views,
            errors,
            notes: warnings.into_iter().filter(|d| !shown_on_maps(d)).collect(),
        }
    }
}

/// The server's state: the latest [`Shown`].
#[derive(Clone)]
pub struct AppState {
    /// Changes on every compile.
    pub shown: watch::Receiver<Arc<Shown>>,
}

/// The router: one handler for every path.
pub fn router(state: AppState) -> axum::Router {
    axum::Router::new().fallback(handle).with_state(state)
}

/// Whether `host` (a Host header) names this machine by loopback: `127.0.0.1`, `localhost`
/// or `[::1]`, with any port. Any other name may be a DNS-rebinding page reaching in.
pub fn local_host(host: &str) -> bool {
    let name = match host.strip_prefix('[') {
        Some(rest) => match rest.split_once(']') {
            Some((inner, port)) if port.is_empty() || valid_port(port) => {
                return inner == "::1";
            }
            _ => return false,
        },
        None => match host.split_once(':') {
            Some((name, port)) if valid_port(port) => name,
            Some(_) => return false,
            None => host,
        },
    };
    name == "127.0.0.1" || name.eq_ignore_ascii_case("localhost")
}

fn valid_port(port: &str) -> bool {
    port.strip_prefix(':')
        .unwrap_or(port)
        .parse::<u16>()
        .is_ok()
}

fn text(status: StatusCode, body: &str) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        body.to_string(),
    )
        .into_response()
}

/// Percent-decodes a request path; `None` if it is not UTF-8 or malformed.
fn decode(path: &str) -> Option<String> {
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

async fn handle(State(state): State<AppState>, request: Request) -> Response {
    let host = request
        .headers()
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("");
    if !local_host(host) {
        return text(
            StatusCode::FORBIDDEN,
            "personamap preview answers only requests for 127.0.0.1 or localhost\n",
        );
    }
    if request.method() != Method::GET && request.method() != Method::HEAD {
        return text(StatusCode::METHOD_NOT_ALLOWED, "only GET and HEAD\n");
    }
    let Some(path) = decode(request.uri().path()) else {
        return text(StatusCode::BAD_REQUEST, "malformed path\n");
    };
    let shown = state.shown.borrow().clone();
    let mut response = if let Some(id) = path.strip_prefix("/_personamap/events/") {
        events(state.shown.clone(), id.to_string()).into_response()
    } else if let Some(id) = path.strip_prefix("/_personamap/page/") {
        match shown.views.get(id) {
            Some(view) => json(page_json(&shown, Some(view), true)),
            None => text(StatusCode::NOT_FOUND, "no such page\n"),
        }
    } else if let Some(asset) = path.strip_prefix(assets::PREFIX) {
        match assets::get(asset) {
            Some((bytes, kind)) => ([(header::CONTENT_TYPE, kind)], bytes).into_response(),
            None => text(StatusCode::NOT_FOUND, "no such asset\n"),
        }
    } else {
        let id = path.trim_start_matches('/').trim_end_matches('/');
        match shown.views.get(id) {
            Some(view) => page_shell(&shown, view),
            None => not_found(&shown, id),
        }
    };
    // The pages load only from this server, and only what the preview serves.
    response.headers_mut().insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'",
        ),
    );
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

fn json(value: serde_json::Value) -> Response {
    (
        [(header::CONTENT_TYPE, "application/json")],
        value.to_string(),
    )
        .into_response()
}

fn diag_json(d: &Diag) -> serde_json::Value {
    serde_json::json!({
        "error": d.error,
        "rule": d.rule,
        "place": d.place,
        "message": d.message,
        "help": d.help,
    })
}

/// A page's state as JSON: version, errors, notes, and its sections (keys and hashes, with the
/// HTML of every section when `all`). `view` is `None` when the page is gone.
fn page_json(shown: &Shown, view: Option<&View>, all: bool) -> serde_json::Value {
    let page = view.map(|v| {
        serde_json::json!({
            "title": v.title,
            "sections": v.sections.iter().map(|s| serde_json::json!({"key": s.key, "hash": s.hash})).collect::<Vec<_>>(),
            "html": if all {
                v.sections.iter().map(|s| (s.key.clone(), serde_json::Value::from(s.html.clone()))).collect::<serde_json::Map<_, _>>()
            } else {
                serde_json::Map::new()
            },
        })
    });
    serde_json::json!({
        "version": shown.version,
        "page": page,
        "errors": shown.errors.iter().map(diag_json).collect::<Vec<_>>(),
        "notes": shown.notes.iter().map(diag_json).collect::<Vec<_>>(),
    })
}

/// The event for a client of page `id` that last saw `last`: the sections, with the HTML of
/// those whose hash `last` did not have.
fn update(shown: &Shown, last: Option<&Shown>, id: &str) -> serde_json::Value {
    let view = shown.views.get(id);
    let mut value = page_json(shown, view, false);
    if let (Some(view), Some(page)) = (view, value.get_mut("page")) {
        let before: Vec<&str> = last
            .and_then(|l| l.views.get(id))
            .map(|v| v.sections.iter().map(|s| s.hash.as_str()).collect())
            .unwrap_or_default();
        let changed: serde_json::Map<String, serde_json::Value> = view
            .sections
            .iter()
            .filter(|s| last.is_some() && !before.contains(&s.hash.as_str()))
            .map(|s| (s.key.clone(), s.html.clone().into()))
            .collect();
        page["html"] = changed.into();
    }
    value
}

/// The event stream of page `id`: the state now, then one event per compile until the server
/// stops (the sender is dropped).
fn events(
    shown: watch::Receiver<Arc<Shown>>,
    id: String,
) -> Sse<impl futures_util::Stream<Item = Result<Event, Infallible>>> {
    let stream = futures_util::stream::unfold(
        (shown, id, None::<Arc<Shown>>),
        |(mut rx, id, last)| async move {
            if last.is_some() && rx.changed().await.is_err() {
                return None;
            }
            let now = rx.borrow_and_update().clone();
            let data = update(&now, last.as_deref(), &id).to_string();
            let event = Event::default().event("update").data(data);
            Some((Ok(event), (rx, id, Some(now))))
        },
    );
    Sse::new(stream).keep_alive(KeepAlive::default())
}

/// The HTML page around a view: the sections, the notes, the error overlay, the width toggle.
fn page_shell(shown: &Shown, view: &View) -> Response {
    let mut body = String::new();
    for s in &view.sections {
        body.push_str(&format!(
            "<section data-key=\"{}\" data-hash=\"{}\">{}</section>",
            escape(&s.key),
            escape(&s.hash),
            s.html
        ));
    }
    let list = |diags: &[Diag]| -> String {
        diags
            .iter()
            .map(|d| format!("<li>{}</li>", html::diag_html(d)))
            .collect()
    };
    let page = format!(
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{title}</title><link rel=\"icon\" href=\"data:,\"><link rel=\"stylesheet\" href=\"/_personamap/preview.css\"><script src=\"/_personamap/vendor/mermaid/mermaid.min.js\"></script><script type=\"module\" src=\"/_personamap/preview.js\"></script></head>\n<body class=\"pm-column\" data-page=\"{id}\" data-version=\"{version}\"><header class=\"pm-bar\"><a href=\"/\">personamap preview</a><span class=\"pm-id\">{id}</span><button type=\"button\" id=\"pm-width\" aria-pressed=\"false\">Natural width</button><span id=\"pm-status\" aria-live=\"polite\"></span></header><ul id=\"pm-notes\"{notes_hidden}>{notes}</ul><main id=\"pm-content\">{body}</main><div id=\"pm-overlay\" role=\"alert\"{errors_hidden}><h2>The spec has errors: the last good maps are shown</h2><ul>{errors}</ul></div></body></html>\n",
        title = escape(&view.title),
        id = escape(&view.id),
        version = shown.version,
        notes = list(&shown.notes),
        notes_hidden = if shown.notes.is_empty() {
            " hidden"
        } else {
            ""
        },
        errors = list(&shown.errors),
        errors_hidden = if shown.errors.is_empty() {
            " hidden"
        } else {
            ""
        },
    );
    ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], page).into_response()
}

fn not_found(shown: &Shown, id: &str) -> Response {
    let view = View {
        id: id.to_string(),
        title: "Not a generated page".into(),
        sections: vec![html::Section {
            key: "head".into(),
            hash: String::new(),
            html: format!(
                "<h1>Not a generated page</h1><p><code>/{}</code> is not a page the spec generates; the preview shows only those (<a href=\"/\">all pages</a>).</p>",
                escape(id)
            ),
        }],
    };
    let mut response = page_shell(shown, &view);
    *response.status_mut() = StatusCode::NOT_FOUND;
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_loopback_names_are_local() {
        for host in [
            "127.0.0.1",
            "127.0.0.1:8080",
            "localhost",
            "LOCALHOST:3000",
            "[::1]",
            "[::1]:80",
        ] {
            assert!(local_host(host), "{host}");
        }
        for host in [
            "",
            "evil.example",
            "evil.example:80",
            "127.0.0.1.evil.example",
            "localhost.evil",
            "[::2]:80",
            "127.0.0.1:x",
            "localhost:99999",
            "0.0.0.0",
            "[::1]x",
        ] {
            assert!(!local_host(host), "{host}");
        }
    }

    #[test]
    fn paths_are_percent_decoded() {
        assert_eq!(decode("/a%2F..%2fb").as_deref(), Some("/a/../b"));
        assert_eq!(decode("/%zz"), None);
        assert_eq!(decode("/%ff"), None);
    }
}
