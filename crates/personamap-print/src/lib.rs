//! Snippet exports printed exactly as Mintlify inlines them into a page.
//!
//! Mintlify parses a `.jsx` snippet with acorn and acorn-jsx (`getJsxEsmTree` in
//! `@mintlify/common`, which collects no comments) and prints each imported export with
//! `estree-util-to-js` (astring plus its JSX handlers). This crate is a Rust port of that
//! printer on the swc AST: [`Snippet::parse`] reads a snippet, [`Snippet::exports`] lists
//! its named exports and [`Snippet::print`] prints what Mintlify inlines for a name, byte for
//! byte as `toJs` prints it, comments dropped. `tests/conformance/printer.mjs` keeps the port
//! in agreement with the real printer.

mod jsx;
mod printer;

use swc_common::{BytePos, Spanned as _};
use swc_ecma_ast::{
    Decl, ExportSpecifier, Module, ModuleDecl, ModuleExportName, ModuleItem, ObjectPatProp, Pat,
    Stmt,
};
use swc_ecma_parser::{EsSyntax, Parser, StringInput, Syntax};

/// swc positions start at 1 (0 is its "no position").
const BASE: u32 = 1;

/// Why a snippet could not be read or printed, with the byte offset in its source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    /// Byte offset in the snippet source.
    pub offset: usize,
    /// What went wrong.
    pub message: String,
}

impl Error {
    fn at(span: swc_common::Span, message: impl Into<String>) -> Error {
        Error {
            offset: span.lo.0.saturating_sub(BASE) as usize,
            message: message.into(),
        }
    }

    /// One-based line and column of the error in `src`.
    pub fn line_col(&self, src: &str) -> (usize, usize) {
        let before = &src[..floor_boundary(src, self.offset)];
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        (line, column)
    }
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

fn floor_boundary(s: &str, mut at: usize) -> usize {
    at = at.min(s.len());
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// A parsed `.jsx` snippet.
pub struct Snippet {
    module: Module,
}

impl Snippet {
    /// Parses `src` as an ES module with JSX (what Mintlify accepts in a snippet).
    pub fn parse(src: &str) -> Result<Snippet, Error> {
        let syntax = Syntax::Es(EsSyntax {
            jsx: true,
            ..EsSyntax::default()
        });
        let end = BytePos(BASE + src.len() as u32);
        let mut parser = Parser::new(syntax, StringInput::new(src, BytePos(BASE), end), None);
        let module = parser
            .parse_module()
            .map_err(|e| Error::at(e.span(), e.kind().msg()))?;
        if let Some(e) = parser.take_errors().first() {
            return Err(Error::at(e.span(), e.kind().msg()));
        }
        Ok(Snippet { module })
    }

    /// Every named export, in source order (default exports are not named exports).
    pub fn exports(&self) -> Vec<String> {
        self.module
            .body
            .iter()
            .flat_map(|item| names(item).into_iter().map(|(name, _)| name))
            .collect()
    }

    /// The code Mintlify inlines into a page that imports `name`, as `estree-util-to-js`
    /// prints it as the only statement of a program (so it ends with a line feed), following
    /// Mintlify's `findExport`: an exported declaration prints whole (every declarator of an
    /// `export const a = …, b = …`); a name exported by `export { name }` prints its local
    /// declaration with `export ` put in front. `Ok(None)` when Mintlify finds nothing to
    /// inline: `name` is not exported, is re-exported without a local declaration, or is
    /// bound by a destructuring pattern.
    pub fn print(&self, name: &str) -> Result<Option<String>, Error> {
        let body = &self.module.body;
        for item in body {
            let ModuleItem::ModuleDecl(decl) = item else {
                continue;
            };
            match decl {
                ModuleDecl::ExportDecl(e) if declares(&e.decl, name) => {
                    let mut p = printer::Printer::default();
                    p.write("export ");
                    p.decl(&e.decl)?;
                    p.write("\n");
                    return Ok(Some(p.finish()));
                }
                ModuleDecl::ExportNamed(n) => {
                    for s in &n.specifiers {
                        let ExportSpecifier::Named(s) = s else {
                            continue;
                        };
                        let exported = s.exported.as_ref().unwrap_or(&s.orig);
                        if export_name(exported) != name {
                            continue;
                        }
                        let ModuleExportName::Ident(local) = &s.orig else {
                            return Ok(None);
                        };
                        let local_decl = body.iter().find_map(|item| match item {
                            ModuleItem::Stmt(Stmt::Decl(d)) if declares(d, &local.sym) => Some(d),
                            _ => None,
                        });
                        let Some(local_decl) = local_decl else {
                            return Ok(None);
                        };
                        let mut p = printer::Printer::default();
                        p.write("export ");
                        p.decl(local_decl)?;
                        p.write("\n");
                        return Ok(Some(p.finish()));
                    }
                }
                _ => {}
            }
        }
        Ok(None)
    }
}

/// Whether `decl` declares `name` the way Mintlify's `findExport` looks for it: a function or
/// class name, or a variable declarator whose target is that identifier.
fn declares(decl: &Decl, name: &str) -> bool {
    match decl {
        Decl::Fn(f) => &*f.ident.sym == name,
        Decl::Class(c) => &*c.ident.sym == name,
        Decl::Var(v) => v
            .decls
            .iter()
            .any(|d| matches!(&d.name, Pat::Ident(i) if &*i.id.sym == name)),
        _ => false,
    }
}

/// The names a module item exports, with their spans.
fn names(item: &ModuleItem) -> Vec<(String, swc_common::Span)> {
    let mut out = Vec::new();
    match item {
        ModuleItem::ModuleDecl(ModuleDecl::ExportDecl(e)) => match &e.decl {
            Decl::Fn(f) => out.push((f.ident.sym.to_string(), f.ident.span)),
            Decl::Class(c) => out.push((c.ident.sym.to_string(), c.ident.span)),
            Decl::Var(v) => v.decls.iter().for_each(|d| bindings(&d.name, &mut out)),
            Decl::Using(u) => u.decls.iter().for_each(|d| bindings(&d.name, &mut out)),
            _ => {}
        },
        ModuleItem::ModuleDecl(ModuleDecl::ExportNamed(n)) => {
            for s in &n.specifiers {
                let name = match s {
                    ExportSpecifier::Named(s) => s.exported.as_ref().unwrap_or(&s.orig),
                    ExportSpecifier::Namespace(s) => &s.name,
                    ExportSpecifier::Default(s) => {
                        out.push((s.exported.sym.to_string(), s.exported.span));
                        continue;
                    }
                };
                out.push((export_name(name), name.span()));
            }
        }
        _ => {}
    }
    out
}

fn export_name(name: &ModuleExportName) -> String {
    match name {
        ModuleExportName::Ident(i) => i.sym.to_string(),
        ModuleExportName::Str(s) => s.value.to_string_lossy().into_owned(),
    }
}

/// The identifiers a binding pattern declares.
fn bindings(pat: &Pat, out: &mut Vec<(String, swc_common::Span)>) {
    match pat {
        Pat::Ident(i) => out.push((i.id.sym.to_string(), i.id.span)),
        Pat::Array(a) => a.elems.iter().flatten().for_each(|p| bindings(p, out)),
        Pat::Rest(r) => bindings(&r.arg, out),
        Pat::Object(o) => {
            for prop in &o.props {
                match prop {
                    ObjectPatProp::KeyValue(kv) => bindings(&kv.value, out),
                    ObjectPatProp::Assign(a) => out.push((a.key.id.sym.to_string(), a.key.span)),
                    ObjectPatProp::Rest(r) => bindings(&r.arg, out),
                }
            }
        }
        Pat::Assign(a) => bindings(&a.left, out),
        Pat::Expr(_) | Pat::Invalid(_) => {}
    }
}

#[cfg(test)]
mod tests;
