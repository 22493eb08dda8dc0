//! Requests: each converts its positions to byte offsets, asks the analysis (or the
//! formatter, or the compile's fixes) and converts the answer back.

use crate::server::Server;
use crate::text::LineIndex;
use lsp_server::{ErrorCode, Request, ResponseError};
use lsp_types::request::{
    CodeActionRequest, Completion, DocumentSymbolRequest, Formatting, GotoDefinition, HoverRequest,
    PrepareRenameRequest, References, Rename, Request as _, SemanticTokensFullRequest,
    WorkspaceSymbolRequest,
};
use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CodeActionParams, CompletionItem,
    CompletionItemKind, CompletionParams, CompletionTextEdit, DocumentFormattingParams,
    DocumentSymbol, DocumentSymbolParams, Documentation, GotoDefinitionParams, Hover,
    HoverContents, HoverParams, Location, MarkupContent, MarkupKind, OneOf, Position,
    PrepareRenameResponse, Range, ReferenceParams, RenameParams, SemanticToken, SemanticTokenType,
    SemanticTokens, SemanticTokensLegend, SemanticTokensParams, TextDocumentPositionParams,
    TextEdit, WorkspaceEdit, WorkspaceSymbolParams,
};
use personamap_ide::{CompletionKind, SymbolKind, TokenKind};
use serde::de::DeserializeOwned;
use serde_json::Value;
use std::collections::BTreeMap;

type Answer = Result<Value, ResponseError>;

/// A request handler.
pub type Handler = fn(&mut Server, Request) -> Answer;

/// The answer to `request`.
pub fn dispatch(server: &mut Server, request: Request) -> Answer {
    let params = request.params;
    match request.method.as_str() {
        HoverRequest::METHOD => hover(server, parse(params)?),
        GotoDefinition::METHOD => definition(server, parse(params)?),
        References::METHOD => references(server, parse(params)?),
        PrepareRenameRequest::METHOD => prepare_rename(server, parse(params)?),
        Rename::METHOD => rename(server, parse(params)?),
        Completion::METHOD => completion(server, parse(params)?),
        DocumentSymbolRequest::METHOD => document_symbols(server, parse(params)?),
        WorkspaceSymbolRequest::METHOD => workspace_symbols(server, parse(params)?),
        SemanticTokensFullRequest::METHOD => semantic_tokens(server, parse(params)?),
        CodeActionRequest::METHOD => code_actions(server, parse(params)?),
        Formatting::METHOD => formatting(server, parse(params)?),
        method => Err(error(
            ErrorCode::MethodNotFound,
            format!("personamap lsp does not handle {method}"),
        )),
    }
}

fn parse<P: DeserializeOwned>(params: Value) -> Result<P, ResponseError> {
    serde_json::from_value(params).map_err(|e| error(ErrorCode::InvalidParams, e.to_string()))
}

fn error(code: ErrorCode, message: String) -> ResponseError {
    ResponseError {
        code: code as i32,
        message,
        data: None,
    }
}

fn ok<T: serde::Serialize>(value: T) -> Answer {
    serde_json::to_value(value).map_err(|e| error(ErrorCode::InternalError, e.to_string()))
}

/// The file and normalised offset of a position, after compiling what changed; `None` for a
/// file outside the root or not compiled.
fn at(server: &mut Server, p: &TextDocumentPositionParams) -> Option<(String, usize)> {
    server.refresh();
    server.compiled.as_ref()?;
    let rel = server.relative(&p.text_document.uri)?;
    let offset = server.index(&rel)?.normalised_offset(p.position);
    Some((rel, offset))
}

/// The LSP range of a normalised byte range of `rel`.
fn range(server: &Server, rel: &str, r: std::ops::Range<usize>) -> Range {
    match server.index(rel) {
        Some(index) => index.range_of_normalised(r),
        None => Range::default(),
    }
}

fn location(server: &Server, l: &personamap_ide::Location) -> Option<Location> {
    Some(Location::new(
        server.uri(&l.file)?,
        range(server, &l.file, l.range.clone()),
    ))
}

fn hover(server: &mut Server, p: HoverParams) -> Answer {
    let Some((rel, offset)) = at(server, &p.text_document_position_params) else {
        return Ok(Value::Null);
    };
    let Some(compiled) = &server.compiled else {
        return Ok(Value::Null);
    };
    let Some(h) = compiled.analysis.hover(&rel, offset) else {
        return Ok(Value::Null);
    };
    ok(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: h.markdown,
        }),
        range: Some(range(server, &rel, h.range)),
    })
}

fn definition(server: &mut Server, p: GotoDefinitionParams) -> Answer {
    let Some((rel, offset)) = at(server, &p.text_document_position_params) else {
        return Ok(Value::Null);
    };
    let Some(compiled) = &server.compiled else {
        return Ok(Value::Null);
    };
    let found: Vec<Location> = compiled
        .analysis
        .definition(&rel, offset)
        .iter()
        .filter_map(|l| location(server, l))
        .collect();
    if found.is_empty() {
        return Ok(Value::Null);
    }
    ok(found)
}

fn references(server: &mut Server, p: ReferenceParams) -> Answer {
    let Some((rel, offset)) = at(server, &p.text_document_position) else {
        return Ok(Value::Null);
    };
    let Some(compiled) = &server.compiled else {
        return Ok(Value::Null);
    };
    let found: Vec<Location> = compiled
        .analysis
        .references(&rel, offset, p.context.include_declaration)
        .iter()
        .filter_map(|l| location(server, l))
        .collect();
    ok(found)
}

fn prepare_rename(server: &mut Server, p: TextDocumentPositionParams) -> Answer {
    let Some((rel, offset)) = at(server, &p) else {
        return Ok(Value::Null);
    };
    let Some(compiled) = &server.compiled else {
        return Ok(Value::Null);
    };
    match compiled.analysis.prepare_rename(&rel, offset) {
        Ok(l) => ok(PrepareRenameResponse::Range(range(
            server, &l.file, l.range,
        ))),
        Err(why) => Err(error(ErrorCode::RequestFailed, why)),
    }
}

fn rename(server: &mut Server, p: RenameParams) -> Answer {
    let Some((rel, offset)) = at(server, &p.text_document_position) else {
        return Ok(Value::Null);
    };
    let Some(compiled) = &server.compiled else {
        return Ok(Value::Null);
    };
    let edits = compiled
        .analysis
        .rename(&rel, offset, &p.new_name)
        .map_err(|why| error(ErrorCode::RequestFailed, why))?;
    let mut changes = BTreeMap::new();
    for file in edits {
        let edits = file
            .edits
            .into_iter()
            .map(|e| TextEdit::new(range(server, &file.file, e.range), e.text))
            .collect();
        changes.insert(file.file, edits);
    }
    ok(workspace_edit(server, changes))
}

fn completion(server: &mut Server, p: CompletionParams) -> Answer {
    let Some((rel, offset)) = at(server, &p.text_document_position) else {
        return Ok(Value::Null);
    };
    let Some(compiled) = &server.compiled else {
        return Ok(Value::Null);
    };
    let items: Vec<CompletionItem> = compiled
        .analysis
        .completions(&rel, offset)
        .into_iter()
        .map(|c| CompletionItem {
            kind: Some(completion_kind(c.kind)),
            detail: c.detail,
            documentation: c.documentation.map(|value| {
                Documentation::MarkupContent(MarkupContent {
                    kind: MarkupKind::Markdown,
                    value,
                })
            }),
            text_edit: Some(CompletionTextEdit::Edit(TextEdit::new(
                range(server, &rel, c.replace),
                c.insert,
            ))),
            label: c.label,
            ..CompletionItem::default()
        })
        .collect();
    ok(items)
}

fn completion_kind(kind: CompletionKind) -> CompletionItemKind {
    match kind {
        CompletionKind::Node => CompletionItemKind::VARIABLE,
        CompletionKind::Class => CompletionItemKind::CLASS,
        CompletionKind::Persona => CompletionItemKind::MODULE,
        CompletionKind::Page => CompletionItemKind::FILE,
        CompletionKind::NavPage => CompletionItemKind::REFERENCE,
        CompletionKind::Field => CompletionItemKind::PROPERTY,
        CompletionKind::Value => CompletionItemKind::ENUM_MEMBER,
        CompletionKind::Lint => CompletionItemKind::KEYWORD,
    }
}

fn symbol_kind(kind: SymbolKind) -> lsp_types::SymbolKind {
    match kind {
        SymbolKind::Page => lsp_types::SymbolKind::FILE,
        SymbolKind::Persona => lsp_types::SymbolKind::MODULE,
        SymbolKind::Group => lsp_types::SymbolKind::NAMESPACE,
        SymbolKind::Node => lsp_types::SymbolKind::VARIABLE,
        SymbolKind::Class => lsp_types::SymbolKind::CLASS,
        SymbolKind::Table => lsp_types::SymbolKind::STRUCT,
    }
}

fn document_symbols(server: &mut Server, p: DocumentSymbolParams) -> Answer {
    server.refresh();
    let (Some(rel), Some(compiled)) = (server.relative(&p.text_document.uri), &server.compiled)
    else {
        return Ok(Value::Null);
    };
    let Some(index) = server.index(&rel) else {
        return Ok(Value::Null);
    };
    let symbols: Vec<DocumentSymbol> = compiled
        .analysis
        .document_symbols(&rel)
        .into_iter()
        .map(|s| document_symbol(&index, s))
        .collect();
    ok(symbols)
}

fn document_symbol(index: &LineIndex, s: personamap_ide::DocSymbol) -> DocumentSymbol {
    #[allow(deprecated)] // `deprecated` is a field every DocumentSymbol must have.
    DocumentSymbol {
        name: s.name,
        detail: s.detail,
        kind: symbol_kind(s.kind),
        tags: None,
        deprecated: None,
        range: index.range_of_normalised(s.range),
        selection_range: index.range_of_normalised(s.selection),
        children: Some(
            s.children
                .into_iter()
                .map(|c| document_symbol(index, c))
                .collect(),
        ),
    }
}

fn workspace_symbols(server: &mut Server, p: WorkspaceSymbolParams) -> Answer {
    server.refresh();
    let Some(compiled) = &server.compiled else {
        return Ok(Value::Null);
    };
    let symbols: Vec<lsp_types::WorkspaceSymbol> = compiled
        .analysis
        .workspace_symbols(&p.query)
        .into_iter()
        .filter_map(|s| {
            Some(lsp_types::WorkspaceSymbol {
                location: OneOf::Left(location(server, &s.location)?),
                name: s.name,
                kind: symbol_kind(s.kind),
                tags: None,
                container_name: s.container,
                data: None,
            })
        })
        .collect();
    ok(symbols)
}

/// The semantic token types, in the order of their legend indices.
const TOKEN_TYPES: [SemanticTokenType; 5] = [
    SemanticTokenType::VARIABLE,
    SemanticTokenType::OPERATOR,
    SemanticTokenType::STRING,
    SemanticTokenType::CLASS,
    SemanticTokenType::COMMENT,
];

/// The legend of `textDocument/semanticTokens`.
pub fn legend() -> SemanticTokensLegend {
    SemanticTokensLegend {
        token_types: TOKEN_TYPES.to_vec(),
        token_modifiers: Vec::new(),
    }
}

/// The legend index of a token kind: node ids as variables, arrows and punctuation as
/// operators, labels as strings, classes as classes, `%%` lines as comments.
fn token_type(kind: TokenKind) -> u32 {
    match kind {
        TokenKind::Node => 0,
        TokenKind::Arrow | TokenKind::Punctuation => 1,
        TokenKind::Label => 2,
        TokenKind::Class => 3,
        TokenKind::Comment => 4,
    }
}

fn semantic_tokens(server: &mut Server, p: SemanticTokensParams) -> Answer {
    server.refresh();
    let (Some(rel), Some(compiled)) = (server.relative(&p.text_document.uri), &server.compiled)
    else {
        return Ok(Value::Null);
    };
    let Some(text) = server.text_of(&rel) else {
        return Ok(Value::Null);
    };
    let index = LineIndex::new(text);
    let mut data = Vec::new();
    let mut last = Position::new(0, 0);
    for token in compiled.analysis.semantic_tokens(&rel) {
        let start = index.from_normalised(token.range.start);
        let end = index.from_normalised(token.range.end);
        let Some(slice) = text.get(start..end) else {
            continue;
        };
        let pos = index.position(start);
        let length = slice.chars().map(|c| c.len_utf16() as u32).sum();
        // Sorted and single-line by the analysis' contract; a token that is not is left out
        // rather than sent with a negative delta.
        if pos < last || slice.contains('\n') || length == 0 {
            continue;
        }
        let delta_line = pos.line - last.line;
        let delta_start = if delta_line == 0 {
            pos.character - last.character
        } else {
            pos.character
        };
        data.push(SemanticToken {
            delta_line,
            delta_start,
            length,
            token_type: token_type(token.kind),
            token_modifiers_bitset: 0,
        });
        last = pos;
    }
    ok(SemanticTokens {
        result_id: None,
        data,
    })
}

fn code_actions(server: &mut Server, p: CodeActionParams) -> Answer {
    server.refresh();
    let (Some(file), Some(compiled)) = (server.relative(&p.text_document.uri), &server.compiled)
    else {
        return Ok(Value::Null);
    };
    let mut actions = Vec::new();
    for d in &compiled.compilation.diagnostics {
        if d.fixes.is_empty() {
            continue;
        }
        let (at, lsp) = crate::diagnostics::convert(server, &compiled.compilation, d);
        if at != file || !overlaps(lsp.range, p.range) {
            continue;
        }
        for fix in &d.fixes {
            let mut changes: BTreeMap<String, Vec<TextEdit>> = BTreeMap::new();
            for edit in &fix.edits {
                let (rel, range) =
                    crate::diagnostics::located(server, &compiled.compilation, edit.span);
                changes
                    .entry(rel)
                    .or_default()
                    .push(TextEdit::new(range, edit.text.clone()));
            }
            actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                title: fix.title.clone(),
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![lsp.clone()]),
                edit: Some(workspace_edit(server, changes)),
                is_preferred: Some(d.fixes.len() == 1),
                ..CodeAction::default()
            }));
        }
    }
    ok(actions)
}

/// The edits of each site-relative file as a workspace edit.
fn workspace_edit(server: &Server, changes: BTreeMap<String, Vec<TextEdit>>) -> WorkspaceEdit {
    WorkspaceEdit::new(
        changes
            .into_iter()
            .filter_map(|(rel, edits)| Some((server.uri(&rel)?, edits)))
            .collect(),
    )
}

/// Whether two ranges touch (an empty range at a diagnostic's edge counts).
fn overlaps(a: Range, b: Range) -> bool {
    a.start <= b.end && b.start <= a.end
}

fn formatting(server: &mut Server, p: DocumentFormattingParams) -> Answer {
    let Some(rel) = server.relative(&p.text_document.uri) else {
        return Ok(Value::Null);
    };
    if !rel.starts_with(&format!("{}/", personamap_spec::SPEC_DIR)) || !rel.ends_with(".toml") {
        return Ok(Value::Null);
    }
    let Some(text) = server.text_of(&rel) else {
        return Ok(Value::Null);
    };
    let normalised = personamap_spec::read::normalised(text.to_string());
    let formatted = personamap_import::layout::format(&normalised)
        .map_err(|e| error(ErrorCode::RequestFailed, format!("{rel}: {e}")))?;
    if formatted == normalised {
        return ok(Vec::<TextEdit>::new());
    }
    // Keep the buffer's line endings.
    let formatted = if text.contains("\r\n") {
        formatted.replace('\n', "\r\n")
    } else {
        formatted
    };
    let index = LineIndex::new(text);
    let whole = Range::new(Position::new(0, 0), index.position(text.len()));
    ok(vec![TextEdit::new(whole, formatted)])
}
