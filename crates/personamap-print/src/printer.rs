//! The astring generator (astring 1.9, as `estree-util-to-js` 2 runs it), ported to the swc AST.
//!
//! Each method mirrors the astring handler of the ESTree node the swc node stands for, with
//! the same indentation state, parentheses rules and quirks (a tagged template's member tag
//! is parenthesised, objects break one property per line, patterns stay on one line, literals
//! keep their source text). swc keeps parentheses as nodes; acorn does not, so they are
//! looked through everywhere.

use crate::Error;
use swc_common::{Span, Spanned as _};
use swc_ecma_ast::*;

/// astring's default indentation unit.
const INDENT: &str = "  ";

/// astring's `NEEDS_PARENTHESES`.
const NEEDS_PARENTHESES: u8 = 17;

pub(crate) type Res = Result<(), Error>;

/// An error for a construct the printer does not handle.
pub(crate) fn unsupported(span: Span, what: &str) -> Error {
    Error::at(span, format!("{what} cannot be printed"))
}

/// astring's `State`: the output and the indentation level.
#[derive(Default)]
pub(crate) struct Printer {
    out: String,
    level: usize,
}

/// The ESTree parent an expression is formatted under: its precedence and operator.
#[derive(Clone, Copy)]
struct Parent {
    precedence: Option<u8>,
    operator: Option<&'static str>,
}

impl Parent {
    fn of(e: &Expr) -> Parent {
        Parent {
            precedence: precedence(e),
            operator: operator(e),
        }
    }

    fn new(precedence: u8) -> Parent {
        Parent {
            precedence: Some(precedence),
            operator: None,
        }
    }
}

/// The expression under any number of parentheses (acorn keeps none).
pub(crate) fn strip(mut e: &Expr) -> &Expr {
    while let Expr::Paren(p) = e {
        e = &p.expr;
    }
    e
}

/// astring's `EXPRESSIONS_PRECEDENCE` for the ESTree type `e` stands for; `None` where the
/// table has no entry (JSX, `import(…)`, meta properties), which compares false both ways.
fn precedence(e: &Expr) -> Option<u8> {
    Some(match strip(e) {
        Expr::Array(_)
        | Expr::TaggedTpl(_)
        | Expr::This(_)
        | Expr::Ident(_)
        | Expr::PrivateName(_)
        | Expr::Tpl(_)
        | Expr::Seq(_) => 20,
        Expr::Lit(_) => 18,
        Expr::Call(c) if matches!(c.callee, Callee::Import(_)) => return None,
        Expr::Member(_) | Expr::SuperProp(_) | Expr::OptChain(_) | Expr::Call(_) | Expr::New(_) => {
            19
        }
        Expr::Arrow(_) | Expr::Class(_) | Expr::Fn(_) | Expr::Object(_) => NEEDS_PARENTHESES,
        Expr::Update(_) => 16,
        Expr::Unary(_) | Expr::Await(_) => 15,
        Expr::Bin(b) if b.op.may_short_circuit() => 13,
        Expr::Bin(_) => 14,
        Expr::Cond(_) => 4,
        Expr::Assign(_) => 3,
        Expr::Yield(_) => 2,
        _ => return None,
    })
}

/// The operator of a binary or logical expression.
fn operator(e: &Expr) -> Option<&'static str> {
    match strip(e) {
        Expr::Bin(b) => Some(b.op.as_str()),
        _ => None,
    }
}

/// astring's `OPERATOR_PRECEDENCE`.
fn operator_precedence(op: Option<&str>) -> Option<u8> {
    Some(match op? {
        "||" => 2,
        "??" => 3,
        "&&" => 4,
        "|" => 5,
        "^" => 6,
        "&" => 7,
        "==" | "!=" | "===" | "!==" => 8,
        "<" | ">" | "<=" | ">=" | "in" | "instanceof" => 9,
        "<<" | ">>" | ">>>" => 10,
        "+" | "-" => 11,
        "*" | "%" | "/" => 12,
        "**" => 13,
        _ => return None,
    })
}

/// JavaScript's `a < b` where `undefined` compares false.
fn lt(a: Option<u8>, b: Option<u8>) -> bool {
    matches!((a, b), (Some(a), Some(b)) if a < b)
}

/// JavaScript's `a <= b` where `undefined` compares false.
fn le(a: Option<u8>, b: Option<u8>) -> bool {
    matches!((a, b), (Some(a), Some(b)) if a <= b)
}

/// astring's `expressionNeedsParenthesis`.
fn needs_parens(node: &Expr, parent: Parent, right: bool) -> bool {
    let own = precedence(node);
    if own == Some(NEEDS_PARENTHESES) {
        return true;
    }
    if own != parent.precedence {
        return (!right
            && own == Some(15)
            && parent.precedence == Some(14)
            && parent.operator == Some("**"))
            || lt(own, parent.precedence);
    }
    if own != Some(13) && own != Some(14) {
        return false;
    }
    let op = operator(node);
    if op == Some("**") && parent.operator == Some("**") {
        return !right;
    }
    if own == Some(13) && (op == Some("??") || parent.operator == Some("??")) {
        return true;
    }
    let (mine, theirs) = (
        operator_precedence(op),
        operator_precedence(parent.operator),
    );
    if right {
        le(mine, theirs)
    } else {
        lt(mine, theirs)
    }
}

/// astring's `hasCallExpression`: a call somewhere down a chain of member objects.
fn has_call(e: &Expr) -> bool {
    match strip(e) {
        Expr::Call(_) => true,
        Expr::Member(m) => has_call(&m.obj),
        _ => false,
    }
}

/// A class or object method, astring's `MethodDefinition`.
struct Method<'a> {
    is_static: bool,
    kind: MethodKind,
    key: Key<'a>,
    function: &'a Function,
}

/// A property or method key.
enum Key<'a> {
    Prop(&'a PropName),
    Private(&'a PrivateName),
}

impl Printer {
    /// Appends `s` to the output.
    pub(crate) fn write(&mut self, s: &str) {
        self.out.push_str(s);
    }

    /// The printed text.
    pub(crate) fn finish(self) -> String {
        self.out
    }

    fn indent(&self, level: usize) -> String {
        INDENT.repeat(level)
    }

    pub(crate) fn decl(&mut self, decl: &Decl) -> Res {
        match decl {
            Decl::Fn(f) => self.function(Some(&f.ident), &f.function),
            Decl::Class(c) => self.class(Some(&c.ident), &c.class),
            Decl::Var(v) => {
                self.var_decl(v)?;
                self.write(";");
                Ok(())
            }
            Decl::Using(u) => {
                self.using_decl(u)?;
                self.write(";");
                Ok(())
            }
            other => Err(unsupported(other.span(), "a TypeScript declaration")),
        }
    }

    /// astring's `formatVariableDeclaration`.
    fn var_decl(&mut self, v: &VarDecl) -> Res {
        self.write(v.kind.as_str());
        self.write(" ");
        self.declarators(&v.decls)
    }

    fn using_decl(&mut self, u: &UsingDecl) -> Res {
        self.write(if u.is_await { "await using " } else { "using " });
        self.declarators(&u.decls)
    }

    fn declarators(&mut self, decls: &[VarDeclarator]) -> Res {
        for (i, d) in decls.iter().enumerate() {
            if i > 0 {
                self.write(", ");
            }
            self.pat(&d.name)?;
            if let Some(init) = &d.init {
                self.write(" = ");
                self.expr(init)?;
            }
        }
        Ok(())
    }

    /// `BlockStatement` (also the body of functions, classes' static blocks and `try`).
    fn block(&mut self, stmts: &[Stmt]) -> Res {
        let indent = self.indent(self.level);
        self.level += 1;
        let inner = format!("{indent}{INDENT}");
        self.write("{");
        if !stmts.is_empty() {
            self.write("\n");
            for s in stmts {
                self.write(&inner);
                self.stmt(s)?;
                self.write("\n");
            }
            self.write(&indent);
        }
        self.write("}");
        self.level -= 1;
        Ok(())
    }

    fn stmt(&mut self, s: &Stmt) -> Res {
        match s {
            Stmt::Block(b) => self.block(&b.stmts),
            Stmt::Empty(_) => {
                self.write(";");
                Ok(())
            }
            Stmt::Debugger(_) => {
                self.write("debugger;");
                Ok(())
            }
            Stmt::With(w) => {
                self.write("with (");
                self.expr(&w.obj)?;
                self.write(") ");
                self.stmt(&w.body)
            }
            Stmt::Return(r) => {
                self.write("return");
                if let Some(arg) = &r.arg {
                    self.write(" ");
                    self.expr(arg)?;
                }
                self.write(";");
                Ok(())
            }
            Stmt::Labeled(l) => {
                self.write(&l.label.sym);
                self.write(": ");
                self.stmt(&l.body)
            }
            Stmt::Break(b) => self.jump("break", b.label.as_ref()),
            Stmt::Continue(c) => self.jump("continue", c.label.as_ref()),
            Stmt::If(i) => {
                self.write("if (");
                self.expr(&i.test)?;
                self.write(") ");
                self.stmt(&i.cons)?;
                if let Some(alt) = &i.alt {
                    self.write(" else ");
                    self.stmt(alt)?;
                }
                Ok(())
            }
            Stmt::Switch(s) => self.switch(s),
            Stmt::Throw(t) => {
                self.write("throw ");
                self.expr(&t.arg)?;
                self.write(";");
                Ok(())
            }
            Stmt::Try(t) => {
                self.write("try ");
                self.block(&t.block.stmts)?;
                if let Some(handler) = &t.handler {
                    match &handler.param {
                        None => self.write(" catch "),
                        Some(param) => {
                            self.write(" catch (");
                            self.pat(param)?;
                            self.write(") ");
                        }
                    }
                    self.block(&handler.body.stmts)?;
                }
                if let Some(finalizer) = &t.finalizer {
                    self.write(" finally ");
                    self.block(&finalizer.stmts)?;
                }
                Ok(())
            }
            Stmt::While(w) => {
                self.write("while (");
                self.expr(&w.test)?;
                self.write(") ");
                self.stmt(&w.body)
            }
            Stmt::DoWhile(d) => {
                self.write("do ");
                self.stmt(&d.body)?;
                self.write(" while (");
                self.expr(&d.test)?;
                self.write(");");
                Ok(())
            }
            Stmt::For(f) => {
                self.write("for (");
                match &f.init {
                    Some(VarDeclOrExpr::VarDecl(v)) => self.var_decl(v)?,
                    Some(VarDeclOrExpr::Expr(e)) => self.expr(e)?,
                    None => {}
                }
                self.write("; ");
                if let Some(test) = &f.test {
                    self.expr(test)?;
                }
                self.write("; ");
                if let Some(update) = &f.update {
                    self.expr(update)?;
                }
                self.write(") ");
                self.stmt(&f.body)
            }
            Stmt::ForIn(f) => self.for_in_of(false, &f.left, " in ", &f.right, &f.body),
            Stmt::ForOf(f) => self.for_in_of(f.is_await, &f.left, " of ", &f.right, &f.body),
            Stmt::Decl(d) => self.decl(d),
            Stmt::Expr(e) => {
                let inner = strip(&e.expr);
                let object_pattern_assignment = matches!(
                    inner,
                    Expr::Assign(a) if matches!(a.left, AssignTarget::Pat(AssignTargetPat::Object(_)))
                );
                if precedence(inner) == Some(NEEDS_PARENTHESES) || object_pattern_assignment {
                    self.write("(");
                    self.expr(inner)?;
                    self.write(")");
                } else {
                    self.expr(inner)?;
                }
                self.write(";");
                Ok(())
            }
        }
    }

    fn jump(&mut self, keyword: &str, label: Option<&Ident>) -> Res {
        self.write(keyword);
        if let Some(label) = label {
            self.write(" ");
            self.write(&label.sym);
        }
        self.write(";");
        Ok(())
    }

    fn switch(&mut self, s: &SwitchStmt) -> Res {
        let indent = self.indent(self.level);
        self.level += 2;
        let case_indent = format!("{indent}{INDENT}");
        let statement_indent = format!("{case_indent}{INDENT}");
        self.write("switch (");
        self.expr(&s.discriminant)?;
        self.write(") {\n");
        for case in &s.cases {
            match &case.test {
                Some(test) => {
                    self.write(&case_indent);
                    self.write("case ");
                    self.expr(test)?;
                    self.write(":\n");
                }
                None => {
                    self.write(&case_indent);
                    self.write("default:\n");
                }
            }
            for statement in &case.cons {
                self.write(&statement_indent);
                self.stmt(statement)?;
                self.write("\n");
            }
        }
        self.level -= 2;
        self.write(&indent);
        self.write("}");
        Ok(())
    }

    fn for_in_of(
        &mut self,
        is_await: bool,
        left: &ForHead,
        keyword: &str,
        right: &Expr,
        body: &Stmt,
    ) -> Res {
        self.write(if is_await { "for await (" } else { "for (" });
        match left {
            ForHead::VarDecl(v) => self.var_decl(v)?,
            ForHead::UsingDecl(u) => self.using_decl(u)?,
            ForHead::Pat(p) => self.pat(p)?,
        }
        self.write(keyword);
        self.expr(right)?;
        self.write(") ");
        self.stmt(body)
    }

    /// `FunctionDeclaration` and `FunctionExpression`.
    fn function(&mut self, name: Option<&Ident>, f: &Function) -> Res {
        if f.is_async {
            self.write("async ");
        }
        self.write(if f.is_generator {
            "function* "
        } else {
            "function "
        });
        if let Some(name) = name {
            self.write(&name.sym);
        }
        self.params(&f.params)?;
        self.write(" ");
        self.function_body(f)
    }

    fn function_body(&mut self, f: &Function) -> Res {
        match &f.body {
            Some(body) => self.block(&body.stmts),
            None => Err(unsupported(f.span, "a function without a body")),
        }
    }

    fn params(&mut self, params: &[Param]) -> Res {
        self.write("(");
        for (i, p) in params.iter().enumerate() {
            if i > 0 {
                self.write(", ");
            }
            self.pat(&p.pat)?;
        }
        self.write(")");
        Ok(())
    }

    /// `ClassDeclaration` and `ClassExpression`.
    fn class(&mut self, name: Option<&Ident>, class: &Class) -> Res {
        self.write("class ");
        if let Some(name) = name {
            self.write(&name.sym);
            self.write(" ");
        }
        if let Some(sup) = &class.super_class {
            self.write("extends ");
            let p = precedence(sup);
            let is_class = matches!(strip(sup), Expr::Class(_));
            if !is_class && (p == Some(NEEDS_PARENTHESES) || lt(p, Some(NEEDS_PARENTHESES))) {
                self.write("(");
                self.expr(sup)?;
                self.write(")");
            } else {
                self.expr(sup)?;
            }
            self.write(" ");
        }
        // `ClassBody` is printed like a block; acorn drops empty members (`;`).
        let members: Vec<&ClassMember> = class
            .body
            .iter()
            .filter(|m| !matches!(m, ClassMember::Empty(_)))
            .collect();
        let indent = self.indent(self.level);
        self.level += 1;
        let inner = format!("{indent}{INDENT}");
        self.write("{");
        if !members.is_empty() {
            self.write("\n");
            for m in members {
                self.write(&inner);
                self.class_member(m)?;
                self.write("\n");
            }
            self.write(&indent);
        }
        self.write("}");
        self.level -= 1;
        Ok(())
    }

    fn class_member(&mut self, m: &ClassMember) -> Res {
        match m {
            ClassMember::Constructor(c) => {
                self.write("constructor");
                self.write("(");
                for (i, p) in c.params.iter().enumerate() {
                    if i > 0 {
                        self.write(", ");
                    }
                    match p {
                        ParamOrTsParamProp::Param(p) => self.pat(&p.pat)?,
                        ParamOrTsParamProp::TsParamProp(t) => {
                            return Err(unsupported(t.span, "a TypeScript parameter property"));
                        }
                    }
                }
                self.write(") ");
                match &c.body {
                    Some(body) => self.block(&body.stmts),
                    None => Err(unsupported(c.span, "a constructor without a body")),
                }
            }
            ClassMember::Method(m) => self.method(&Method {
                is_static: m.is_static,
                kind: m.kind,
                key: Key::Prop(&m.key),
                function: &m.function,
            }),
            ClassMember::PrivateMethod(m) => self.method(&Method {
                is_static: m.is_static,
                kind: m.kind,
                key: Key::Private(&m.key),
                function: &m.function,
            }),
            ClassMember::ClassProp(p) => {
                self.property_definition(p.is_static, Key::Prop(&p.key), p.value.as_deref())
            }
            ClassMember::PrivateProp(p) => {
                self.property_definition(p.is_static, Key::Private(&p.key), p.value.as_deref())
            }
            ClassMember::StaticBlock(b) => {
                self.write("static ");
                self.block(&b.body.stmts)
            }
            other => Err(unsupported(other.span(), "this class member")),
        }
    }

    /// `PropertyDefinition`.
    fn property_definition(&mut self, is_static: bool, key: Key, value: Option<&Expr>) -> Res {
        if is_static {
            self.write("static ");
        }
        self.key(&key)?;
        if let Some(value) = value {
            self.write(" = ");
            self.expr(value)?;
        }
        self.write(";");
        Ok(())
    }

    /// `MethodDefinition` (and a `Property` that is a method, getter or setter).
    fn method(&mut self, m: &Method) -> Res {
        if m.is_static {
            self.write("static ");
        }
        match m.kind {
            MethodKind::Getter => self.write("get "),
            MethodKind::Setter => self.write("set "),
            MethodKind::Method => {}
        }
        if m.function.is_async {
            self.write("async ");
        }
        if m.function.is_generator {
            self.write("*");
        }
        self.key(&m.key)?;
        self.params(&m.function.params)?;
        self.write(" ");
        self.function_body(m.function)
    }

    fn key(&mut self, key: &Key) -> Res {
        match key {
            Key::Prop(p) => self.prop_name(p),
            Key::Private(p) => {
                self.write("#");
                self.write(&p.name);
                Ok(())
            }
        }
    }

    fn prop_name(&mut self, p: &PropName) -> Res {
        match p {
            PropName::Ident(i) => {
                self.write(&i.sym);
                Ok(())
            }
            PropName::Str(s) => self.str_lit(s),
            PropName::Num(n) => self.num(n),
            PropName::BigInt(b) => self.bigint(b),
            PropName::Computed(c) => {
                self.write("[");
                self.expr(&c.expr)?;
                self.write("]");
                Ok(())
            }
        }
    }

    /// astring's `formatExpression`.
    fn format_expression(&mut self, node: &Expr, parent: Parent, right: bool) -> Res {
        if needs_parens(node, parent, right) {
            self.write("(");
            self.expr(node)?;
            self.write(")");
            Ok(())
        } else {
            self.expr(node)
        }
    }

    /// astring's `formatSequence`: `(a, b, …)`.
    fn sequence(&mut self, items: &[Box<Expr>]) -> Res {
        self.write("(");
        for (i, e) in items.iter().enumerate() {
            if i > 0 {
                self.write(", ");
            }
            self.expr(e)?;
        }
        self.write(")");
        Ok(())
    }

    fn arguments(&mut self, args: &[ExprOrSpread]) -> Res {
        self.write("(");
        for (i, a) in args.iter().enumerate() {
            if i > 0 {
                self.write(", ");
            }
            self.expr_or_spread(a)?;
        }
        self.write(")");
        Ok(())
    }

    fn expr_or_spread(&mut self, a: &ExprOrSpread) -> Res {
        if a.spread.is_some() {
            self.write("...");
        }
        self.expr(&a.expr)
    }

    pub(crate) fn expr(&mut self, e: &Expr) -> Res {
        match e {
            Expr::Paren(p) => self.expr(&p.expr),
            Expr::This(_) => {
                self.write("this");
                Ok(())
            }
            Expr::Ident(i) => {
                self.write(&i.sym);
                Ok(())
            }
            Expr::PrivateName(p) => {
                self.write("#");
                self.write(&p.name);
                Ok(())
            }
            Expr::Lit(l) => self.lit(l),
            Expr::Array(a) => {
                self.write("[");
                let len = a.elems.len();
                for (i, el) in a.elems.iter().enumerate() {
                    if let Some(el) = el {
                        self.expr_or_spread(el)?;
                    }
                    if i + 1 < len || el.is_none() {
                        self.write(", ");
                    }
                }
                self.write("]");
                Ok(())
            }
            Expr::Object(o) => self.object(o),
            Expr::Fn(f) => self.function(f.ident.as_ref(), &f.function),
            Expr::Class(c) => self.class(c.ident.as_ref(), &c.class),
            Expr::Arrow(a) => self.arrow(a),
            Expr::Unary(u) => self.unary(u),
            Expr::Update(u) => {
                let op = u.op.as_str();
                if u.prefix {
                    self.write(op);
                    self.expr(&u.arg)
                } else {
                    self.expr(&u.arg)?;
                    self.write(op);
                    Ok(())
                }
            }
            Expr::Bin(b) => {
                let parent = Parent::of(e);
                let is_in = b.op == BinaryOp::In;
                if is_in {
                    self.write("(");
                }
                self.format_expression(&b.left, parent, false)?;
                self.write(" ");
                self.write(b.op.as_str());
                self.write(" ");
                self.format_expression(&b.right, parent, true)?;
                if is_in {
                    self.write(")");
                }
                Ok(())
            }
            Expr::Assign(a) => {
                self.assign_target(&a.left)?;
                self.write(" ");
                self.write(a.op.as_str());
                self.write(" ");
                self.expr(&a.right)
            }
            Expr::Cond(c) => {
                let p = precedence(&c.test);
                if p == Some(NEEDS_PARENTHESES) || le(p, Some(4)) {
                    self.write("(");
                    self.expr(&c.test)?;
                    self.write(")");
                } else {
                    self.expr(&c.test)?;
                }
                self.write(" ? ");
                self.expr(&c.cons)?;
                self.write(" : ");
                self.expr(&c.alt)
            }
            Expr::Member(m) => self.member(m, false),
            Expr::SuperProp(s) => {
                self.write("super");
                match &s.prop {
                    SuperProp::Ident(i) => {
                        self.write(".");
                        self.write(&i.sym);
                        Ok(())
                    }
                    SuperProp::Computed(c) => {
                        self.write("[");
                        self.expr(&c.expr)?;
                        self.write("]");
                        Ok(())
                    }
                }
            }
            Expr::Call(c) => match &c.callee {
                Callee::Import(_) => {
                    // `ImportExpression`: astring prints the source only.
                    self.write("import(");
                    if let Some(source) = c.args.first() {
                        self.expr(&source.expr)?;
                    }
                    self.write(")");
                    Ok(())
                }
                Callee::Super(_) => {
                    self.write("super");
                    self.arguments(&c.args)
                }
                Callee::Expr(callee) => self.call(callee, &c.args, false),
            },
            Expr::New(n) => {
                self.write("new ");
                let p = precedence(&n.callee);
                if p == Some(NEEDS_PARENTHESES) || lt(p, Some(19)) || has_call(&n.callee) {
                    self.write("(");
                    self.expr(&n.callee)?;
                    self.write(")");
                } else {
                    self.expr(&n.callee)?;
                }
                self.arguments(n.args.as_deref().unwrap_or_default())
            }
            Expr::OptChain(o) => match &*o.base {
                OptChainBase::Member(m) => self.member(m, o.optional),
                OptChainBase::Call(c) => self.call(&c.callee, &c.args, o.optional),
            },
            Expr::Seq(s) => self.sequence(&s.exprs),
            Expr::Tpl(t) => self.template(t),
            Expr::TaggedTpl(t) => {
                self.format_expression(&t.tag, Parent::new(20), false)?;
                self.template(&t.tpl)
            }
            Expr::Yield(y) => {
                self.write(if y.delegate { "yield*" } else { "yield" });
                if let Some(arg) = &y.arg {
                    self.write(" ");
                    self.expr(arg)?;
                }
                Ok(())
            }
            Expr::Await(a) => {
                self.write("await ");
                self.format_expression(&a.arg, Parent::new(15), false)
            }
            Expr::MetaProp(m) => {
                self.write(match m.kind {
                    MetaPropKind::NewTarget => "new.target",
                    MetaPropKind::ImportMeta => "import.meta",
                });
                Ok(())
            }
            Expr::JSXElement(el) => self.jsx_element(el),
            Expr::JSXFragment(f) => self.jsx_fragment(f),
            other => Err(unsupported(other.span(), "this expression")),
        }
    }

    fn call(&mut self, callee: &Expr, args: &[ExprOrSpread], optional: bool) -> Res {
        let p = precedence(callee);
        if p == Some(NEEDS_PARENTHESES) || lt(p, Some(19)) {
            self.write("(");
            self.expr(callee)?;
            self.write(")");
        } else {
            self.expr(callee)?;
        }
        if optional {
            self.write("?.");
        }
        self.arguments(args)
    }

    fn member(&mut self, m: &MemberExpr, optional: bool) -> Res {
        let p = precedence(&m.obj);
        if p == Some(NEEDS_PARENTHESES) || lt(p, Some(19)) {
            self.write("(");
            self.expr(&m.obj)?;
            self.write(")");
        } else {
            self.expr(&m.obj)?;
        }
        match &m.prop {
            MemberProp::Computed(c) => {
                if optional {
                    self.write("?.");
                }
                self.write("[");
                self.expr(&c.expr)?;
                self.write("]");
            }
            MemberProp::Ident(i) => {
                self.write(if optional { "?." } else { "." });
                self.write(&i.sym);
            }
            MemberProp::PrivateName(n) => {
                self.write(if optional { "?." } else { "." });
                self.write("#");
                self.write(&n.name);
            }
        }
        Ok(())
    }

    fn unary(&mut self, u: &UnaryExpr) -> Res {
        let op = u.op.as_str();
        self.write(op);
        let arg = strip(&u.arg);
        let needs = needs_parens(arg, Parent::new(15), false);
        let repeated_sign = (op == "+" || op == "-")
            && match arg {
                Expr::Unary(inner) => inner.op.as_str().starts_with(op),
                Expr::Update(inner) => inner.prefix && inner.op.as_str().starts_with(op),
                _ => false,
            };
        if !needs && (op.len() > 1 || repeated_sign) {
            self.write(" ");
        }
        if needs {
            self.write(if op.len() > 1 { " (" } else { "(" });
            self.expr(arg)?;
            self.write(")");
            Ok(())
        } else {
            self.expr(arg)
        }
    }

    fn arrow(&mut self, a: &ArrowExpr) -> Res {
        if a.is_async {
            self.write("async ");
        }
        match a.params.as_slice() {
            [Pat::Ident(i)] => self.write(&i.id.sym),
            params => {
                self.write("(");
                for (i, p) in params.iter().enumerate() {
                    if i > 0 {
                        self.write(", ");
                    }
                    self.pat(p)?;
                }
                self.write(")");
            }
        }
        self.write(" => ");
        match &*a.body {
            ArrowFunctionBody::FunctionBody(b) => self.block(&b.stmts),
            ArrowFunctionBody::Expr(body) => match strip(body) {
                Expr::Object(o) => {
                    self.write("(");
                    self.object(o)?;
                    self.write(")");
                    Ok(())
                }
                body => self.expr(body),
            },
        }
    }

    fn object(&mut self, o: &ObjectLit) -> Res {
        let indent = self.indent(self.level);
        self.level += 1;
        let inner = format!("{indent}{INDENT}");
        self.write("{");
        if !o.props.is_empty() {
            self.write("\n");
            for (i, prop) in o.props.iter().enumerate() {
                if i > 0 {
                    self.write(",\n");
                }
                self.write(&inner);
                self.prop(prop)?;
            }
            self.write("\n");
            self.write(&indent);
        }
        self.write("}");
        self.level -= 1;
        Ok(())
    }

    /// `Property` (or `SpreadElement`) of an object literal.
    fn prop(&mut self, p: &PropOrSpread) -> Res {
        let prop = match p {
            PropOrSpread::Spread(s) => {
                self.write("...");
                return self.expr(&s.expr);
            }
            PropOrSpread::Prop(prop) => prop,
        };
        match &**prop {
            Prop::Shorthand(i) => {
                self.write(&i.sym);
                Ok(())
            }
            Prop::KeyValue(kv) => {
                self.prop_name(&kv.key)?;
                self.write(": ");
                self.expr(&kv.value)
            }
            Prop::Assign(a) => {
                self.write(&a.key.sym);
                self.write(" = ");
                self.expr(&a.value)
            }
            Prop::Getter(g) => self.method(&Method {
                is_static: false,
                kind: MethodKind::Getter,
                key: Key::Prop(&g.key),
                function: &g.function,
            }),
            Prop::Setter(s) => self.method(&Method {
                is_static: false,
                kind: MethodKind::Setter,
                key: Key::Prop(&s.key),
                function: &s.function,
            }),
            Prop::Method(m) => self.method(&Method {
                is_static: false,
                kind: MethodKind::Method,
                key: Key::Prop(&m.key),
                function: &m.function,
            }),
        }
    }

    fn template(&mut self, t: &Tpl) -> Res {
        self.write("`");
        for (i, quasi) in t.quasis.iter().enumerate() {
            // acorn's raw template text has its line ends normalised to `\n`.
            let raw = quasi.raw.replace("\r\n", "\n").replace('\r', "\n");
            self.write(&raw);
            if let Some(e) = t.exprs.get(i) {
                self.write("${");
                self.expr(e)?;
                self.write("}");
            }
        }
        self.write("`");
        Ok(())
    }

    fn assign_target(&mut self, t: &AssignTarget) -> Res {
        match t {
            AssignTarget::Simple(s) => match s {
                SimpleAssignTarget::Ident(i) => {
                    self.write(&i.id.sym);
                    Ok(())
                }
                SimpleAssignTarget::Member(m) => self.member(m, false),
                SimpleAssignTarget::SuperProp(s) => self.expr(&Expr::SuperProp(s.clone())),
                SimpleAssignTarget::Paren(p) => self.expr(&p.expr),
                SimpleAssignTarget::OptChain(o) => self.expr(&Expr::OptChain(o.clone())),
                other => Err(unsupported(other.span(), "this assignment target")),
            },
            AssignTarget::Pat(p) => match p {
                AssignTargetPat::Array(a) => self.array_pat(a),
                AssignTargetPat::Object(o) => self.object_pat(o),
                AssignTargetPat::Invalid(i) => Err(unsupported(i.span, "an invalid target")),
            },
        }
    }

    pub(crate) fn pat(&mut self, p: &Pat) -> Res {
        match p {
            Pat::Ident(i) => {
                self.write(&i.id.sym);
                Ok(())
            }
            Pat::Array(a) => self.array_pat(a),
            Pat::Rest(r) => {
                self.write("...");
                self.pat(&r.arg)
            }
            Pat::Object(o) => self.object_pat(o),
            Pat::Assign(a) => {
                self.pat(&a.left)?;
                self.write(" = ");
                self.expr(&a.right)
            }
            Pat::Expr(e) => self.expr(e),
            Pat::Invalid(i) => Err(unsupported(i.span, "an invalid pattern")),
        }
    }

    fn array_pat(&mut self, a: &ArrayPat) -> Res {
        self.write("[");
        let len = a.elems.len();
        for (i, el) in a.elems.iter().enumerate() {
            if let Some(el) = el {
                self.pat(el)?;
            }
            if i + 1 < len || el.is_none() {
                self.write(", ");
            }
        }
        self.write("]");
        Ok(())
    }

    fn object_pat(&mut self, o: &ObjectPat) -> Res {
        self.write("{");
        for (i, prop) in o.props.iter().enumerate() {
            if i > 0 {
                self.write(", ");
            }
            match prop {
                ObjectPatProp::KeyValue(kv) => {
                    self.prop_name(&kv.key)?;
                    self.write(": ");
                    self.pat(&kv.value)?;
                }
                ObjectPatProp::Assign(a) => {
                    self.write(&a.key.id.sym);
                    if let Some(value) = &a.value {
                        self.write(" = ");
                        self.expr(value)?;
                    }
                }
                ObjectPatProp::Rest(r) => {
                    self.write("...");
                    self.pat(&r.arg)?;
                }
            }
        }
        self.write("}");
        Ok(())
    }

    fn lit(&mut self, l: &Lit) -> Res {
        match l {
            Lit::Str(s) => self.str_lit(s),
            Lit::Bool(b) => {
                self.write(if b.value { "true" } else { "false" });
                Ok(())
            }
            Lit::Null(_) => {
                self.write("null");
                Ok(())
            }
            Lit::Num(n) => self.num(n),
            Lit::BigInt(b) => self.bigint(b),
            Lit::Regex(r) => {
                self.write("/");
                self.write(&r.exp);
                self.write("/");
                self.write(&r.flags);
                Ok(())
            }
            Lit::JSXText(t) => Err(unsupported(t.span, "JSX text outside JSX")),
        }
    }

    /// A literal prints its source text (`raw`), as acorn gives it to astring.
    fn raw(&mut self, raw: Option<&str>, span: Span) -> Res {
        let raw = raw.ok_or_else(|| unsupported(span, "a literal without source text"))?;
        self.write(raw);
        Ok(())
    }

    fn str_lit(&mut self, s: &Str) -> Res {
        self.raw(s.raw.as_deref(), s.span)
    }

    fn num(&mut self, n: &Number) -> Res {
        self.raw(n.raw.as_deref(), n.span)
    }

    fn bigint(&mut self, b: &BigInt) -> Res {
        self.raw(b.raw.as_deref(), b.span)
    }
}
