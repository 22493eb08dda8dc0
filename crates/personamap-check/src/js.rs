//! JavaScript through swc: the ESM and expression callbacks markdown-rs needs to parse MDX
//! properly, and Mintlify's rules for `.jsx` snippets.

use markdown::{MdxExpressionKind, MdxSignal};
use swc_common::BytePos;
use swc_common::Spanned as _;
use swc_ecma_ast::{Decl, Expr, ImportSpecifier, ModuleDecl, ModuleExportName, ModuleItem, Pat};
use swc_ecma_parser::error::SyntaxError;
use swc_ecma_parser::{EsSyntax, Parser, StringInput, Syntax};

/// swc positions start at 1 (0 is its "no position").
const BASE: u32 = 1;

fn parser(src: &str) -> Parser<swc_ecma_parser::Lexer<'_>> {
    let syntax = Syntax::Es(EsSyntax {
        jsx: true,
        ..EsSyntax::default()
    });
    let end = BytePos(BASE + src.len() as u32);
    Parser::new(syntax, StringInput::new(src, BytePos(BASE), end), None)
}

/// A swc error as (byte offset in the source, message, whether it is "unexpected end").
fn describe(e: &swc_ecma_parser::error::Error) -> (usize, String, bool) {
    let at = e.span().lo.0.saturating_sub(BASE) as usize;
    (
        at,
        e.kind().msg().to_string(),
        matches!(e.kind(), SyntaxError::Eof),
    )
}

/// Parses `src` as an ES module with JSX.
pub fn module(src: &str) -> Result<swc_ecma_ast::Module, (usize, String, bool)> {
    let mut p = parser(src);
    let m = p.parse_module().map_err(|e| describe(&e))?;
    if let Some(e) = p.take_errors().first() {
        return Err(describe(e));
    }
    Ok(m)
}

fn signal(at: usize, message: String, eof: bool, src_len: usize) -> MdxSignal {
    let source = Box::new("swc".to_string());
    let rule = Box::new("swc".to_string());
    if eof || at >= src_len {
        MdxSignal::Eof(message, source, rule)
    } else {
        MdxSignal::Error(message, at, source, rule)
    }
}

/// The `mdx_esm_parse` callback: the block must be a module holding only imports and exports.
pub fn esm(src: &str) -> MdxSignal {
    match module(src) {
        Ok(m) => match m.body.iter().find(|i| matches!(i, ModuleItem::Stmt(_))) {
            Some(stmt) => MdxSignal::Error(
                "an ESM block may only hold import and export statements".into(),
                stmt.span().lo.0.saturating_sub(BASE) as usize,
                Box::new("swc".into()),
                Box::new("esm-statement".into()),
            ),
            None => MdxSignal::Ok,
        },
        Err((at, message, eof)) => signal(at, message, eof, src.len()),
    }
}

/// The `mdx_expression_parse` callback: an expression (or nothing but comments), a spread
/// attribute `{...x}`, or an attribute value.
pub fn expression(src: &str, kind: &MdxExpressionKind) -> MdxSignal {
    if matches!(kind, MdxExpressionKind::Expression) && only_comments(src) {
        return MdxSignal::Ok;
    }
    // Wrap so swc sees one expression; offsets shift by the prefix.
    let (prefix, suffix) = match kind {
        MdxExpressionKind::AttributeExpression => ("({", "})"),
        _ => ("(", "\n)"),
    };
    let wrapped = format!("{prefix}{src}{suffix}");
    let mut p = parser(&wrapped);
    let result = p.parse_expr();
    let error = match result {
        Ok(e) => p
            .take_errors()
            .into_iter()
            .next()
            .map(|e| describe(&e))
            .or_else(|| {
                let inner = match &*e {
                    Expr::Paren(p) => &*p.expr,
                    other => other,
                };
                let ok = match (inner, kind) {
                    (Expr::Object(o), MdxExpressionKind::AttributeExpression) => {
                        o.props.len() == 1 && o.props[0].is_spread()
                    }
                    (_, MdxExpressionKind::AttributeExpression) => false,
                    _ => true,
                };
                (!ok).then(|| (0, "expected one spread `{...value}`".to_string(), false))
            }),
        Err(e) => Some(describe(&e)),
    };
    match error {
        None => MdxSignal::Ok,
        Some((at, message, eof)) => {
            let at = at.saturating_sub(prefix.len());
            signal(at, message, eof, src.len())
        }
    }
}

/// Whether `src` holds only whitespace and JavaScript comments.
pub fn only_comments(src: &str) -> bool {
    let mut rest = src.trim_start();
    loop {
        if rest.is_empty() {
            return true;
        }
        if let Some(r) = rest.strip_prefix("/*") {
            match r.find("*/") {
                Some(end) => rest = r[end + 2..].trim_start(),
                None => return false,
            }
        } else if let Some(r) = rest.strip_prefix("//") {
            rest = r
                .split_once('\n')
                .map_or("", |(_, after)| after)
                .trim_start();
        } else {
            return false;
        }
    }
}

/// The imports of an ESM block: (imported names, source).
pub fn imports(src: &str) -> Vec<(Vec<String>, String)> {
    let Ok(m) = module(src) else {
        return Vec::new();
    };
    m.body
        .iter()
        .filter_map(|item| match item {
            ModuleItem::ModuleDecl(ModuleDecl::Import(i)) => Some((
                i.specifiers
                    .iter()
                    .map(|s| match s {
                        ImportSpecifier::Named(n) => match &n.imported {
                            Some(ModuleExportName::Ident(id)) => id.sym.to_string(),
                            Some(ModuleExportName::Str(s)) => {
                                s.value.to_string_lossy().into_owned()
                            }
                            None => n.local.sym.to_string(),
                        },
                        ImportSpecifier::Default(_) => "default".into(),
                        ImportSpecifier::Namespace(_) => "*".into(),
                    })
                    .collect(),
                i.src.value.to_string_lossy().into_owned(),
            )),
            _ => None,
        })
        .collect()
}

/// Checks a `.jsx` snippet against Mintlify's rules and returns its exported names: only
/// named `export const` declarations, components as arrow functions with capitalised names,
/// no imports, no `function` anywhere at the top level, no default export.
pub fn snippet(src: &str) -> Result<Vec<String>, String> {
    let m = module(src).map_err(|(at, message, _)| {
        let (line, col) = personamap_spec::source::line_col(src, at);
        format!("{message} at {line}:{col}")
    })?;
    let mut names = Vec::new();
    for item in &m.body {
        let (line, _) =
            personamap_spec::source::line_col(src, item.span().lo.0.saturating_sub(BASE) as usize);
        let decl = match item {
            ModuleItem::ModuleDecl(ModuleDecl::ExportDecl(d)) => &d.decl,
            ModuleItem::ModuleDecl(ModuleDecl::Import(_)) => {
                return Err(format!("line {line}: snippets cannot import"));
            }
            ModuleItem::ModuleDecl(
                ModuleDecl::ExportDefaultDecl(_) | ModuleDecl::ExportDefaultExpr(_),
            ) => return Err(format!("line {line}: snippets use named exports only")),
            _ => {
                return Err(format!(
                    "line {line}: a snippet holds only `export const` declarations"
                ));
            }
        };
        let Decl::Var(var) = decl else {
            return Err(format!(
                "line {line}: only `export const NAME = …` is allowed (no `function`, no `class`)"
            ));
        };
        for d in &var.decls {
            let Pat::Ident(name) = &d.name else {
                return Err(format!("line {line}: export a plain name"));
            };
            let name = name.id.sym.to_string();
            match d.init.as_deref() {
                Some(Expr::Arrow(_)) if !name.starts_with(|c: char| c.is_ascii_uppercase()) => {
                    return Err(format!(
                        "line {line}: component `{name}` must start with a capital letter"
                    ));
                }
                Some(Expr::Fn(_)) => {
                    return Err(format!(
                        "line {line}: `{name}` uses the `function` keyword; write an arrow function"
                    ));
                }
                _ => {}
            }
            names.push(name);
        }
    }
    Ok(names)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippets_follow_mintlify_rules() {
        assert_eq!(
            snippet("export const A = () => <div />;\nexport const data = {a: 1};\n").unwrap(),
            vec!["A", "data"]
        );
        assert!(
            snippet("import x from 'y';")
                .unwrap_err()
                .contains("import")
        );
        assert!(
            snippet("export default () => 1;")
                .unwrap_err()
                .contains("named")
        );
        assert!(
            snippet("export function A() {}")
                .unwrap_err()
                .contains("function")
        );
        assert!(
            snippet("export const a = () => 1;")
                .unwrap_err()
                .contains("capital")
        );
        assert!(
            snippet("export const A = function () {};")
                .unwrap_err()
                .contains("function")
        );
        assert!(snippet("export const A = () => <div>;").is_err());
    }

    #[test]
    fn callbacks_report_incomplete_code_as_eof() {
        assert!(matches!(
            esm("import { A } from \"/a.jsx\";"),
            MdxSignal::Ok
        ));
        assert!(matches!(esm("import { A"), MdxSignal::Eof(..)));
        assert!(matches!(
            esm("export const a = 1;\na + 1"),
            MdxSignal::Error(..)
        ));
        assert!(matches!(
            expression(" /* c */ ", &MdxExpressionKind::Expression),
            MdxSignal::Ok
        ));
        assert!(matches!(
            expression("a +", &MdxExpressionKind::Expression),
            MdxSignal::Eof(..)
        ));
        assert!(matches!(
            expression("...a", &MdxExpressionKind::AttributeExpression),
            MdxSignal::Ok
        ));
    }
}
