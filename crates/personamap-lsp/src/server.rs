//! The server's loop and state: initialize, document sync, compiles, diagnostics, shutdown.

use crate::diagnostics::{self, Published};
use crate::handlers;
use crate::text::{LineIndex, apply_change};
use crate::uri;
use crossbeam_channel::Sender;
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::Notification as _;
use lsp_types::{
    CodeActionKind, CodeActionOptions, CodeActionProviderCapability, CompletionOptions,
    DidChangeTextDocumentParams, DidChangeWatchedFilesRegistrationOptions,
    DidCloseTextDocumentParams, DidOpenTextDocumentParams, FileSystemWatcher, GlobPattern,
    HoverProviderCapability, InitializeParams, InitializeResult, OneOf, RelativePattern,
    RenameOptions, SaveOptions, SemanticTokensFullOptions, SemanticTokensOptions,
    SemanticTokensServerCapabilities, ServerCapabilities, ServerInfo, TextDocumentSyncCapability,
    TextDocumentSyncKind, TextDocumentSyncOptions, TextDocumentSyncSaveOptions, Uri,
    WorkDoneProgressOptions,
};
use personamap_driver::{Compilation, Driver, Site, Validate};
use std::collections::{BTreeMap, HashSet, VecDeque};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;
use std::sync::Arc;

/// The files on disk whose changes the server asks the client to report
/// (`workspace/didChangeWatchedFiles`): the spec, docs.json, llms.txt, snippets and pages.
const WATCHED: &[&str] = &[
    "personas/**",
    "docs.json",
    "llms.txt",
    "snippets/**",
    "**/*.mdx",
    "**/*.md",
];

/// One open document, as the editor holds it.
pub(crate) struct Doc {
    /// The buffer's text (not normalised).
    pub text: String,
}

/// The last compile and what was built from it.
pub(crate) struct Compiled {
    /// The driver's result.
    pub compilation: Compilation,
    /// Names, positions and completions over what loaded.
    pub analysis: personamap_ide::Analysis,
    /// The docs.json page ids the analysis was built with.
    nav: Vec<String>,
}

/// The server's state between messages.
pub(crate) struct Server {
    sender: Sender<Message>,
    /// The site root (the workspace folder); `None` until a client names one.
    pub root: Option<PathBuf>,
    site: Site,
    driver: Driver,
    /// Open documents under the root, by site-relative path.
    pub docs: BTreeMap<String, Doc>,
    /// Whether a document or a file on disk changed since the last compile.
    dirty: bool,
    /// The last compile; `None` before the first or when the site could not be read.
    pub compiled: Option<Compiled>,
    /// The last error reading the site (shown once).
    site_error: Option<String>,
    /// What was last published, by URI.
    published: Published,
    /// Whether `shutdown` was received.
    shutdown: bool,
    /// Open documents whose diagnostics must be published at the next compile even if
    /// unchanged (just opened).
    republish: HashSet<String>,
    next_id: i32,
}

/// Runs the server on `connection` until the client's `exit`: the `initialize` handshake,
/// then every message in order. An error when the connection broke or the client exited
/// without `shutdown`.
pub fn run(connection: Connection) -> Result<(), String> {
    let (id, params) = connection
        .initialize_start()
        .map_err(|e| format!("initialize: {e}"))?;
    let params: InitializeParams = match serde_json::from_value(params) {
        Ok(p) => p,
        Err(e) => {
            let message = format!("initialize: {e}");
            let answer = Response::new_err(id, ErrorCode::InvalidParams as i32, message.clone());
            // The client is told; the server cannot go on without its parameters.
            let _ = connection.sender.send(answer.into());
            return Err(message);
        }
    };
    let mut server = Server::new(connection.sender.clone(), root_of(&params));
    let result = InitializeResult {
        capabilities: capabilities(),
        server_info: Some(ServerInfo {
            name: "personamap".into(),
            version: Some(env!("CARGO_PKG_VERSION").into()),
        }),
    };
    server.send(Response::new_ok(id, result).into());
    if watches_dynamically(&params) {
        server.register_watchers(relative_patterns(&params));
    }
    server.serve(&connection)
}

/// The site root: the first workspace folder, else the root URI.
fn root_of(params: &InitializeParams) -> Option<PathBuf> {
    if let Some(folder) = params.workspace_folders.as_ref().and_then(|f| f.first()) {
        return uri::to_path(&folder.uri);
    }
    #[allow(deprecated)]
    params.root_uri.as_ref().and_then(uri::to_path)
}

fn watches_dynamically(params: &InitializeParams) -> bool {
    params
        .capabilities
        .workspace
        .as_ref()
        .and_then(|w| w.did_change_watched_files)
        .and_then(|w| w.dynamic_registration)
        .unwrap_or(false)
}

fn relative_patterns(params: &InitializeParams) -> bool {
    params
        .capabilities
        .workspace
        .as_ref()
        .and_then(|w| w.did_change_watched_files)
        .and_then(|w| w.relative_pattern_support)
        .unwrap_or(false)
}

/// What the server offers.
fn capabilities() -> ServerCapabilities {
    ServerCapabilities {
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::INCREMENTAL),
                save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions {
                    include_text: Some(false),
                })),
                ..TextDocumentSyncOptions::default()
            },
        )),
        completion_provider: Some(CompletionOptions {
            trigger_characters: Some(
                [" ", "-", ">", "\"", "=", "[", ",", ":", "|"]
                    .map(String::from)
                    .to_vec(),
            ),
            ..CompletionOptions::default()
        }),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        definition_provider: Some(OneOf::Left(true)),
        references_provider: Some(OneOf::Left(true)),
        rename_provider: Some(OneOf::Right(RenameOptions {
            prepare_provider: Some(true),
            work_done_progress_options: WorkDoneProgressOptions::default(),
        })),
        document_symbol_provider: Some(OneOf::Left(true)),
        workspace_symbol_provider: Some(OneOf::Left(true)),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![CodeActionKind::QUICKFIX]),
            ..CodeActionOptions::default()
        })),
        document_formatting_provider: Some(OneOf::Left(true)),
        semantic_tokens_provider: Some(SemanticTokensServerCapabilities::SemanticTokensOptions(
            SemanticTokensOptions {
                legend: handlers::legend(),
                full: Some(SemanticTokensFullOptions::Bool(true)),
                range: None,
                work_done_progress_options: WorkDoneProgressOptions::default(),
            },
        )),
        ..ServerCapabilities::default()
    }
}

impl Server {
    fn new(sender: Sender<Message>, root: Option<PathBuf>) -> Self {
        let site = match &root {
            Some(root) => Site::on_disk(root),
            None => Site::in_memory(),
        };
        Server {
            sender,
            root,
            site,
            driver: Driver::new(),
            docs: BTreeMap::new(),
            dirty: true,
            compiled: None,
            site_error: None,
            published: Published::default(),
            shutdown: false,
            republish: HashSet::new(),
            next_id: 0,
        }
    }

    pub(crate) fn send(&self, message: Message) {
        // A closed channel means the client is gone; the loop ends at its next receive.
        let _ = self.sender.send(message);
    }

    fn register_watchers(&mut self, relative: bool) {
        let Some(root) = &self.root else {
            return;
        };
        let base = uri::from_path(root);
        let watchers = WATCHED
            .iter()
            .map(|glob| FileSystemWatcher {
                glob_pattern: if relative {
                    GlobPattern::Relative(RelativePattern {
                        base_uri: OneOf::Right(base.clone()),
                        pattern: glob.to_string(),
                    })
                } else if glob.starts_with("**/") {
                    GlobPattern::String(glob.to_string())
                } else {
                    GlobPattern::String(format!("**/{glob}"))
                },
                kind: None,
            })
            .collect();
        let options = DidChangeWatchedFilesRegistrationOptions { watchers };
        let params = lsp_types::RegistrationParams {
            registrations: vec![lsp_types::Registration {
                id: "personamap-watched-files".into(),
                method: lsp_types::notification::DidChangeWatchedFiles::METHOD.into(),
                register_options: serde_json::to_value(options).ok(),
            }],
        };
        self.next_id += 1;
        let request = Request::new(
            RequestId::from(format!("personamap-{}", self.next_id)),
            "client/registerCapability".into(),
            params,
        );
        self.send(request.into());
    }

    /// Handles messages until `exit`.
    fn serve(&mut self, connection: &Connection) -> Result<(), String> {
        let mut queue: VecDeque<Message> = VecDeque::new();
        loop {
            if queue.is_empty() {
                if self.dirty {
                    self.refresh_guarded();
                    continue;
                }
                match connection.receiver.recv() {
                    Ok(m) => queue.push_back(m),
                    Err(_) => return Err("the client closed the connection".into()),
                }
            }
            queue.extend(connection.receiver.try_iter());
            let Some(message) = queue.pop_front() else {
                continue;
            };
            match message {
                Message::Request(request) => {
                    let response = if cancelled(&queue, &request.id) {
                        Response::new_err(
                            request.id,
                            ErrorCode::RequestCanceled as i32,
                            "cancelled".into(),
                        )
                    } else {
                        self.request(request)
                    };
                    self.send(response.into());
                }
                Message::Notification(n) if n.method == "exit" => {
                    return if self.shutdown {
                        Ok(())
                    } else {
                        Err("exit before shutdown".into())
                    };
                }
                Message::Notification(n) => self.notification(n),
                // Answers to the server's own requests (registrations): nothing to do.
                Message::Response(_) => {}
            }
        }
    }

    /// The answer to `request`.
    fn request(&mut self, request: Request) -> Response {
        self.answer(request, handlers::dispatch)
    }

    /// The answer of `handler` to `request`, computed under `catch_unwind`: a handler that
    /// panics answers an internal error, and the server starts over from a fresh driver.
    fn answer(&mut self, request: Request, handler: handlers::Handler) -> Response {
        let id = request.id.clone();
        if self.shutdown {
            return Response::new_err(
                id,
                ErrorCode::InvalidRequest as i32,
                format!("{}: the server is shutting down", request.method),
            );
        }
        if request.method == "shutdown" {
            self.shutdown = true;
            return Response::new_ok(id, ());
        }
        let method = request.method.clone();
        match catch_unwind(AssertUnwindSafe(|| handler(self, request))) {
            Ok(Ok(value)) => Response::new_ok(id, value),
            Ok(Err(error)) => Response {
                id,
                result: None,
                error: Some(error),
            },
            Err(panic) => {
                self.reset();
                Response::new_err(
                    id,
                    ErrorCode::InternalError as i32,
                    format!("{method} failed: {}", panic_message(&*panic)),
                )
            }
        }
    }

    /// After a panic: nothing kept from the compile that may have broken off.
    fn reset(&mut self) {
        self.driver = Driver::new();
        self.compiled = None;
        self.dirty = true;
    }

    fn notification(&mut self, n: Notification) {
        let method = n.method.clone();
        if let Err(panic) = catch_unwind(AssertUnwindSafe(|| self.notify(n))) {
            self.reset();
            self.log(&format!("{method} failed: {}", panic_message(&*panic)));
        }
    }

    fn notify(&mut self, n: Notification) {
        use lsp_types::notification::{
            DidChangeTextDocument, DidChangeWatchedFiles, DidCloseTextDocument,
            DidOpenTextDocument, DidSaveTextDocument,
        };
        match n.method.as_str() {
            DidOpenTextDocument::METHOD => {
                let Ok(p) = serde_json::from_value::<DidOpenTextDocumentParams>(n.params) else {
                    return;
                };
                if let Some(rel) = self.relative(&p.text_document.uri) {
                    self.site
                        .set_overlay(&rel, Some(p.text_document.text.clone()));
                    self.docs.insert(
                        rel.clone(),
                        Doc {
                            text: p.text_document.text,
                        },
                    );
                    self.republish.insert(rel);
                    self.dirty = true;
                }
            }
            DidChangeTextDocument::METHOD => {
                let Ok(p) = serde_json::from_value::<DidChangeTextDocumentParams>(n.params) else {
                    return;
                };
                let Some(rel) = self.relative(&p.text_document.uri) else {
                    return;
                };
                let Some(doc) = self.docs.get_mut(&rel) else {
                    return;
                };
                for change in p.content_changes {
                    apply_change(&mut doc.text, change);
                }
                self.site.set_overlay(&rel, Some(doc.text.clone()));
                self.dirty = true;
            }
            DidCloseTextDocument::METHOD => {
                let Ok(p) = serde_json::from_value::<DidCloseTextDocumentParams>(n.params) else {
                    return;
                };
                if let Some(rel) = self.relative(&p.text_document.uri)
                    && self.docs.remove(&rel).is_some()
                {
                    self.site.set_overlay(&rel, None);
                    self.dirty = true;
                }
            }
            // The buffer is the overlay already; what else the save wrote (nothing, or a
            // file the watcher reports) is read again by the next compile.
            DidSaveTextDocument::METHOD | DidChangeWatchedFiles::METHOD => self.dirty = true,
            _ => {}
        }
    }

    /// The site-relative path of `uri`, when it names a file under the root.
    pub(crate) fn relative(&self, uri: &Uri) -> Option<String> {
        uri::relative(self.root.as_deref()?, uri)
    }

    /// The URI of the site-relative path `rel`.
    pub(crate) fn uri(&self, rel: &str) -> Option<Uri> {
        Some(uri::from_path(&self.root.as_deref()?.join(rel)))
    }

    /// The text of `rel` as the editor holds it: the open buffer, else the compiled one.
    pub(crate) fn text_of(&self, rel: &str) -> Option<&str> {
        if let Some(doc) = self.docs.get(rel) {
            return Some(&doc.text);
        }
        let compiled = self.compiled.as_ref()?;
        compiled
            .compilation
            .sources()
            .iter()
            .find(|(_, f)| f.path == rel)
            .map(|(_, f)| f.text.as_str())
    }

    /// Compiles if anything changed since the last compile (requests call it first, so that
    /// they answer about what the editor shows).
    pub(crate) fn refresh(&mut self) {
        if !self.dirty {
            return;
        }
        self.dirty = false;
        if self.root.is_none() {
            return;
        }
        match self.driver.compile(&self.site, Validate::All) {
            Ok(compilation) => {
                self.site_error = None;
                let nav = nav_pages(&self.site);
                // The same load (the driver's memo gives the same `Arc`) and navigation: the
                // same analysis.
                let analysis = match self.compiled.take() {
                    Some(old)
                        if Arc::ptr_eq(&old.compilation.loaded, &compilation.loaded)
                            && old.nav == nav =>
                    {
                        old.analysis
                    }
                    _ => personamap_ide::Analysis::new(&compilation.loaded, nav.clone()),
                };
                self.compiled = Some(Compiled {
                    compilation,
                    analysis,
                    nav,
                });
                self.publish();
            }
            Err(e) => {
                self.compiled = None;
                if self.site_error.as_ref() != Some(&e) {
                    self.show_error(&e);
                    self.site_error = Some(e);
                }
                // Nothing compiled: no diagnostic stands.
                let cleared = std::mem::take(&mut self.published);
                for rel in cleared.into_keys() {
                    self.send_diagnostics(&rel, Vec::new());
                }
            }
        }
    }

    fn refresh_guarded(&mut self) {
        if let Err(panic) = catch_unwind(AssertUnwindSafe(|| self.refresh())) {
            self.reset();
            // A compile that panics would panic again: wait for the next change.
            self.dirty = false;
            self.log(&format!("compile failed: {}", panic_message(&*panic)));
        }
    }

    /// Publishes the diagnostics of the last compile: every file that has some, every file
    /// that had some and became clean, and every spec file just opened.
    fn publish(&mut self) {
        let Some(compiled) = &self.compiled else {
            return;
        };
        let next = diagnostics::by_file(self, &compiled.compilation);
        let republish = std::mem::take(&mut self.republish);
        let mut out: Vec<(String, Vec<lsp_types::Diagnostic>)> = next
            .iter()
            .filter(|(rel, diags)| {
                self.published.get(*rel) != Some(*diags) || republish.contains(*rel)
            })
            .map(|(rel, diags)| (rel.clone(), diags.clone()))
            .collect();
        let cleared: std::collections::BTreeSet<&String> = self
            .published
            .keys()
            .chain(&republish)
            .filter(|rel| !next.contains_key(*rel))
            .collect();
        out.extend(cleared.into_iter().map(|rel| (rel.clone(), Vec::new())));
        self.published = next;
        for (rel, diags) in out {
            self.send_diagnostics(&rel, diags);
        }
    }

    fn send_diagnostics(&self, rel: &str, diags: Vec<lsp_types::Diagnostic>) {
        if let Some(uri) = self.uri(rel) {
            self.send(diagnostics::notification(uri, diags));
        }
    }

    fn show_error(&self, message: &str) {
        let params = lsp_types::ShowMessageParams {
            typ: lsp_types::MessageType::ERROR,
            message: format!("personamap: {message}"),
        };
        self.send(
            Notification::new(lsp_types::notification::ShowMessage::METHOD.into(), params).into(),
        );
    }

    fn log(&self, message: &str) {
        let params = lsp_types::LogMessageParams {
            typ: lsp_types::MessageType::ERROR,
            message: format!("personamap: {message}"),
        };
        self.send(
            Notification::new(lsp_types::notification::LogMessage::METHOD.into(), params).into(),
        );
    }

    /// The line index of `rel` as the editor holds it.
    pub(crate) fn index(&self, rel: &str) -> Option<LineIndex<'_>> {
        self.text_of(rel).map(LineIndex::new)
    }
}

/// The docs.json page ids of `site` (for guide-link completion); none when it has no readable
/// docs.json.
fn nav_pages(site: &Site) -> Vec<String> {
    site.optional(personamap_render::DOCS_JSON)
        .ok()
        .flatten()
        .and_then(|text| {
            personamap_render::docs_json::DocsJson::parse(&text)
                .ok()
                .map(|docs| docs.pages())
        })
        .unwrap_or_default()
}

/// Whether a `$/cancelRequest` for `id` waits in `queue`.
fn cancelled(queue: &VecDeque<Message>, id: &RequestId) -> bool {
    queue.iter().any(|m| match m {
        Message::Notification(n) if n.method == "$/cancelRequest" => serde_json::from_value::<
            lsp_types::CancelParams,
        >(n.params.clone())
        .is_ok_and(|p| match p.id {
            lsp_types::NumberOrString::Number(n) => *id == RequestId::from(n),
            lsp_types::NumberOrString::String(s) => *id == RequestId::from(s),
        }),
        _ => false,
    })
}

/// The message of a caught panic.
fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_handler_that_panics_answers_an_error_and_the_server_goes_on() {
        let (sender, receiver) = crossbeam_channel::unbounded();
        let mut server = Server::new(sender, None);
        server.dirty = false;
        let request = |id: i32, method: &str| {
            Request::new(RequestId::from(id), method.into(), serde_json::Value::Null)
        };
        let response = server.answer(request(1, "textDocument/hover"), |_, _| panic!("a bug"));
        let error = response.error.expect("an error");
        assert_eq!(error.code, ErrorCode::InternalError as i32);
        assert_eq!(error.message, "textDocument/hover failed: a bug");
        assert!(server.dirty, "the next request compiles afresh");
        let response = server.request(request(2, "workspace/symbol"));
        assert!(response.error.is_some(), "null params: {response:?}");
        let response = server.request(request(3, "shutdown"));
        assert_eq!(response.result, Some(serde_json::Value::Null));
        drop(server);
        assert!(
            receiver.try_recv().is_err(),
            "nothing sent besides the answers"
        );
    }
}
