//! The JSX handlers of `estree-util-to-js`, ported to the swc AST.
//!
//! Attribute strings and text are written from their decoded values, re-encoded so that no
//! character reference appears that was not there (`&` before a letter or `#` becomes
//! `&amp;`), with `"` as `&quot;` in attributes and `< > { }` as references in text.

use crate::printer::{Printer, Res, unsupported};
use swc_common::Spanned as _;
use swc_ecma_ast::{
    JSXAttrName, JSXAttrOrSpread, JSXAttrValue, JSXElement, JSXElementChild, JSXElementName,
    JSXExpr, JSXExprContainer, JSXFragment, JSXNamespacedName, JSXObject,
};

/// `encodeJsx`: `&` that could start a character reference becomes `&amp;`.
fn encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '&'
            && chars
                .peek()
                .is_some_and(|n| *n == '#' || n.is_ascii_alphabetic())
        {
            out.push_str("&amp;");
        } else {
            out.push(c);
        }
    }
    out
}

/// `jsxText`: the encoded value with `< > { }` as character references.
fn text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in encode(value).chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '{' => out.push_str("&#123;"),
            '}' => out.push_str("&#125;"),
            c => out.push(c),
        }
    }
    out
}

impl Printer {
    /// `JSXElement`: opening element, children, closing element.
    pub(crate) fn jsx_element(&mut self, el: &JSXElement) -> Res {
        let opening = &el.opening;
        self.write("<");
        self.jsx_name(&opening.name);
        for attr in &opening.attrs {
            self.write(" ");
            match attr {
                JSXAttrOrSpread::JSXAttr(a) => {
                    match &a.name {
                        JSXAttrName::Ident(i) => self.write(&i.sym),
                        JSXAttrName::JSXNamespacedName(n) => self.jsx_namespaced(n),
                    }
                    if let Some(value) = &a.value {
                        self.write("=");
                        match value {
                            JSXAttrValue::Str(s) => {
                                let value = encode(&s.value.to_string_lossy());
                                self.write("\"");
                                self.write(&value.replace('"', "&quot;"));
                                self.write("\"");
                            }
                            JSXAttrValue::JSXExprContainer(c) => self.jsx_container(c)?,
                            JSXAttrValue::JSXElement(e) => self.jsx_element(e)?,
                            JSXAttrValue::JSXFragment(f) => self.jsx_fragment(f)?,
                        }
                    }
                }
                JSXAttrOrSpread::SpreadElement(s) => {
                    self.write("{...");
                    self.expr(&s.expr)?;
                    self.write("}");
                }
            }
        }
        self.write(if opening.self_closing { " />" } else { ">" });
        self.jsx_children(&el.children)?;
        if let Some(closing) = &el.closing {
            self.write("</");
            self.jsx_name(&closing.name);
            self.write(">");
        }
        Ok(())
    }

    /// `JSXFragment`: `<>`, children, `</>`.
    pub(crate) fn jsx_fragment(&mut self, f: &JSXFragment) -> Res {
        self.write("<>");
        self.jsx_children(&f.children)?;
        self.write("</>");
        Ok(())
    }

    fn jsx_children(&mut self, children: &[JSXElementChild]) -> Res {
        for child in children {
            match child {
                // acorn-jsx normalises CRLF in JSX text to LF.
                JSXElementChild::JSXText(t) => {
                    self.write(&text(&t.value.to_string_lossy().replace("\r\n", "\n")));
                }
                JSXElementChild::JSXExprContainer(c) => self.jsx_container(c)?,
                JSXElementChild::JSXElement(e) => self.jsx_element(e)?,
                JSXElementChild::JSXFragment(f) => self.jsx_fragment(f)?,
                JSXElementChild::JSXSpreadChild(s) => {
                    return Err(unsupported(s.span(), "a JSX spread child"));
                }
            }
        }
        Ok(())
    }

    /// `JSXExpressionContainer`; an empty expression (a comment only) prints as `{}`.
    fn jsx_container(&mut self, c: &JSXExprContainer) -> Res {
        self.write("{");
        if let JSXExpr::Expr(e) = &c.expr {
            self.expr(e)?;
        }
        self.write("}");
        Ok(())
    }

    fn jsx_name(&mut self, name: &JSXElementName) {
        match name {
            JSXElementName::Ident(i) => self.write(&i.sym),
            JSXElementName::JSXMemberExpr(m) => {
                self.jsx_object(&m.obj);
                self.write(".");
                self.write(&m.prop.sym);
            }
            JSXElementName::JSXNamespacedName(n) => self.jsx_namespaced(n),
        }
    }

    fn jsx_object(&mut self, o: &JSXObject) {
        match o {
            JSXObject::Ident(i) => self.write(&i.sym),
            JSXObject::JSXMemberExpr(m) => {
                self.jsx_object(&m.obj);
                self.write(".");
                self.write(&m.prop.sym);
            }
        }
    }

    fn jsx_namespaced(&mut self, n: &JSXNamespacedName) {
        self.write(&n.ns.sym);
        self.write(":");
        self.write(&n.name.sym);
    }
}
