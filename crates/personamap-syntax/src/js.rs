//! JavaScript string literals and JSX attribute values (snippets, docs.json, frontmatter).

/// A JSX attribute value: `"text"` when JSX reads it verbatim, else a `{"…"}` expression (JSX
/// decodes `&…;` references in attribute strings and cannot escape `"`). Braces inside the
/// expression are written `\u007B`/`\u007D`, since MDX finds an expression's end by counting
/// braces.
pub fn jsx_attr(s: &str) -> String {
    if s.contains(['"', '&', '\n', '\r']) {
        format!(
            "{{{}}}",
            js_string(s).replace('{', "\\u007B").replace('}', "\\u007D")
        )
    } else {
        format!("\"{s}\"")
    }
}

/// A double-quoted JavaScript (and JSON) string literal.
pub fn js_string(s: &str) -> String {
    serde_json::Value::String(s.to_string()).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jsx_attributes_hold_any_text() {
        assert_eq!(jsx_attr("a {x}"), "\"a {x}\"");
        assert_eq!(jsx_attr("A \"q\" {x}"), "{\"A \\\"q\\\" \\u007Bx\\u007D\"}");
    }
}
