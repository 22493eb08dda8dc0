//! Mermaid's reserved words: the flowchart lexer's keywords, and the `Object.prototype` names
//! Mermaid cannot keep a node under. The spec refuses them as ids, the writer never writes
//! them as bare edge labels, and the flowchart reader refuses them.

/// Words Mermaid's flowchart lexer reads as keywords (case-sensitive: `End` and `END` are fine).
pub const MERMAID_KEYWORDS: [&str; 17] = [
    "end",
    "graph",
    "flowchart",
    "flowchart-elk",
    "subgraph",
    "class",
    "classDef",
    "style",
    "linkStyle",
    "interpolate",
    "click",
    "call",
    "href",
    "_self",
    "_blank",
    "_parent",
    "_top",
];

/// Names of `Object.prototype` members: Mermaid keeps nodes in plain objects, so an id equal
/// to one parses but breaks the render.
pub const PROTOTYPE_MEMBERS: [&str; 12] = [
    "constructor",
    "toString",
    "toLocaleString",
    "valueOf",
    "hasOwnProperty",
    "isPrototypeOf",
    "propertyIsEnumerable",
    "__proto__",
    "__defineGetter__",
    "__defineSetter__",
    "__lookupGetter__",
    "__lookupSetter__",
];

/// The `Object.prototype` member an id is named like, if any.
pub fn prototype_member(id: &str) -> Option<&'static str> {
    PROTOTYPE_MEMBERS.into_iter().find(|m| *m == id)
}

/// The keyword an id collides with: equal to it, or starting with it followed by `.`, `-`
/// or `/`.
pub fn reserved_keyword(id: &str) -> Option<&'static str> {
    MERMAID_KEYWORDS.into_iter().find(|k| {
        id.strip_prefix(k)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(['.', '-', '/']))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reserved_ids_follow_mermaid() {
        assert_eq!(reserved_keyword("end"), Some("end"));
        assert_eq!(reserved_keyword("end-x"), Some("end"));
        assert_eq!(reserved_keyword("flowchart-elk"), Some("flowchart"));
        assert_eq!(reserved_keyword("End"), None);
        assert_eq!(reserved_keyword("endpoint"), None);
        assert_eq!(reserved_keyword("_self"), Some("_self"));
    }
}
