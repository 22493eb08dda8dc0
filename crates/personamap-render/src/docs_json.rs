//! docs.json: reading site settings, and putting a page into its navigation group by editing
//! only the bytes of that group's `pages` array.

use jsonc_parser::ast::{Array, Object, Value};
use jsonc_parser::{CollectOptions, ParseOptions, parse_to_ast};
use personamap_spec::CodeTheme;
use personamap_syntax::js::js_string;
use std::ops::Range;

/// The navigation keys that hold child lists, and the key naming each child.
/// The help of a docs.json that is not strict JSON.
const JSON_HELP: &str =
    "Mintlify reads docs.json with JSON.parse, which rejects this; fix the file";

/// The byte offset of 1-based `line` and byte `column` in `text` (as serde_json counts them),
/// on a character boundary.
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    let mut at = (start + column.saturating_sub(1)).min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

const LEVELS: [(&str, &str); 8] = [
    ("products", "product"),
    ("versions", "version"),
    ("languages", "language"),
    ("tabs", "tab"),
    ("dropdowns", "dropdown"),
    ("anchors", "anchor"),
    ("menu", "item"),
    ("groups", "group"),
];

/// A problem with docs.json or a navigation path, with a hint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NavError {
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub help: Option<String>,
    /// Where in docs.json, as a byte range, when the problem is at a place in it.
    pub at: Option<Range<usize>>,
    /// Another place in docs.json it is about (where a key given twice is first given, where
    /// a page is already listed), with what is there.
    pub related: Option<(Range<usize>, String)>,
    /// For a navigation path docs.json does not hold: the position in the path of the first
    /// name it lacks, and the names there nearest to it.
    pub missing: Option<(usize, Vec<String>)>,
    /// For a page already listed in another group: that group's navigation path.
    pub listed_under: Option<Vec<String>>,
}

impl NavError {
    /// A problem with no place in docs.json.
    fn new(message: impl Into<String>, help: Option<String>) -> Self {
        NavError {
            message: message.into(),
            help,
            at: None,
            related: None,
            missing: None,
            listed_under: None,
        }
    }

    /// The message prefixed with `docs.json:LINE:COLUMN` of its place in `text` (docs.json's
    /// text), or with `docs.json` alone, for a message on its own line.
    pub fn located(&self, text: &str) -> String {
        match &self.at {
            Some(at) => {
                let (line, col) = personamap_spec::source::line_col(text, at.start);
                format!("docs.json:{line}:{col}: {}", self.message)
            }
            None => format!("docs.json: {}", self.message),
        }
    }
}

/// A page entry of the navigation: its id, the byte range of its string in docs.json, and
/// the bytes that removing it removes (the string and one separator).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageEntry {
    /// The page id as written.
    pub id: String,
    /// The string, quotes included.
    pub range: Range<usize>,
    /// The string and one separator: what removing the entry removes.
    pub removal: Range<usize>,
}

/// A parsed docs.json, borrowed from its text.
pub struct DocsJson<'a> {
    text: &'a str,
    root: Object<'a>,
}

impl<'a> DocsJson<'a> {
    /// Parses docs.json strictly, as Mintlify reads it (`JSON.parse`): no comments, trailing
    /// or missing commas, single quotes or unquoted keys. A key given twice in one object is an
    /// error too (`JSON.parse` keeps the last silently). Errors are `docs.json:LINE:COLUMN: …`.
    pub fn parse(text: &'a str) -> Result<Self, NavError> {
        let strict = ParseOptions {
            allow_comments: false,
            allow_loose_object_property_names: false,
            allow_trailing_commas: false,
            allow_missing_commas: false,
            allow_single_quoted_strings: false,
            allow_hexadecimal_numbers: false,
            allow_unary_plus_numbers: false,
            allow_bare_decimal_point_numbers: false,
            allow_non_finite_numbers: false,
            allow_extended_string_escapes: false,
        };
        let parsed =
            parse_to_ast(text, &CollectOptions::default(), &strict).map_err(|e| NavError {
                at: Some(e.range().start..e.range().end),
                ..NavError::new(
                    format!("not valid JSON: {}", e.kind()),
                    Some(JSON_HELP.into()),
                )
            })?;
        // What the lenient-capable parser lets through even when strict (raw control characters
        // in strings), serde_json's RFC 8259 reader catches, as JSON.parse does.
        if let Err(e) = serde_json::from_str::<serde::de::IgnoredAny>(text) {
            let full = e.to_string();
            let message = full
                .rfind(" at line ")
                .map_or(full.as_str(), |i| &full[..i]);
            let at = offset_of(text, e.line(), e.column());
            return Err(NavError {
                at: Some(at..at),
                ..NavError::new(format!("not valid JSON: {message}"), Some(JSON_HELP.into()))
            });
        }
        let root = match parsed.value {
            Some(Value::Object(root)) => root,
            _ => {
                return Err(NavError::new("docs.json does not hold a JSON object", None));
            }
        };
        no_duplicate_keys(text, &root)?;
        Ok(DocsJson { text, root })
    }

    /// Top-level string `key` (e.g. `name`, `description`).
    pub fn string(&self, key: &str) -> Option<String> {
        self.root.get_string(key).map(|s| s.value.to_string())
    }

    /// `styling.codeblocks.theme`: a name or `{ "light": …, "dark": … }`.
    pub fn code_theme(&self) -> Option<CodeTheme> {
        let theme = self
            .root
            .get_object("styling")?
            .get_object("codeblocks")?
            .get("theme")?;
        match &theme.value {
            Value::StringLit(s) => Some(CodeTheme::Single(s.value.to_string())),
            Value::Object(o) => Some(CodeTheme::Pair {
                light: o.get_string("light")?.value.to_string(),
                dark: o.get_string("dark")?.value.to_string(),
            }),
            _ => None,
        }
    }

    /// Every page id listed anywhere in the navigation, in navigation order.
    pub fn pages(&self) -> Vec<String> {
        self.page_entries().into_iter().map(|e| e.id).collect()
    }

    /// Every page entry of the navigation, in navigation order.
    pub fn page_entries(&self) -> Vec<PageEntry> {
        let mut out = Vec::new();
        if let Some(nav) = self.root.get_object("navigation") {
            collect_pages(nav, &mut out);
        }
        out
    }

    /// The names of the navigation levels down to the group whose `pages` list holds `page`
    /// (the `navigation` a spec gives for it), or `None` when no named group lists it.
    pub fn group_path_of(&self, page: &str) -> Option<Vec<String>> {
        fn find(node: &Object, page: &str, path: &mut Vec<String>) -> bool {
            let listed = node.get_array("pages").is_some_and(|a| {
                a.elements
                    .iter()
                    .any(|v| v.as_string_lit().is_some_and(|s| s.value == page))
            });
            if listed && !path.is_empty() {
                return true;
            }
            for (child, name) in children(node) {
                path.push(name);
                if find(child, page, path) {
                    return true;
                }
                path.pop();
            }
            false
        }
        let mut path = Vec::new();
        let nav = self.root.get_object("navigation")?;
        find(nav, page, &mut path).then_some(path)
    }

    /// The path (names of the navigation levels) of the first group with a `pages` list, depth
    /// first in the order `with_page` resolves names; `None` when docs.json has no such group.
    pub fn first_group_path(&self) -> Option<Vec<String>> {
        fn find(node: &Object, path: &mut Vec<String>) -> bool {
            if node.get_array("pages").is_some() && !path.is_empty() {
                return true;
            }
            for (child, name) in children(node) {
                path.push(name);
                if find(child, path) {
                    return true;
                }
                path.pop();
            }
            false
        }
        let mut path = Vec::new();
        let nav = self.root.get_object("navigation")?;
        find(nav, &mut path).then_some(path)
    }

    /// The paths (names of the navigation levels) of every group with a `pages` list, depth
    /// first in the order `with_page` resolves names.
    pub fn group_paths(&self) -> Vec<Vec<String>> {
        fn walk(node: &Object, path: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
            if node.get_array("pages").is_some() && !path.is_empty() {
                out.push(path.clone());
            }
            for (child, name) in children(node) {
                path.push(name);
                walk(child, path, out);
                path.pop();
            }
        }
        let mut out = Vec::new();
        if let Some(nav) = self.root.get_object("navigation") {
            walk(nav, &mut Vec::new(), &mut out);
        }
        out
    }

    /// Returns the docs.json text with `page` listed in the group at `path`, inserted after
    /// `after` when that page is in the group, else at the group's end. Returns `None` when the
    /// page is already there (the file stays byte-identical).
    pub fn with_page(
        &self,
        path: &[String],
        page: &str,
        after: Option<&str>,
    ) -> Result<Option<String>, NavError> {
        let pages = self.group_pages(path)?;
        let ids: Vec<Option<&str>> = pages
            .elements
            .iter()
            .map(|v| v.as_string_lit().map(|s| s.value.as_ref()))
            .collect();
        if ids.contains(&Some(page)) {
            return Ok(None);
        }
        if let Some(listed) = self.page_entries().into_iter().find(|e| e.id == page) {
            let group = self.group_path_of(page);
            let other = group
                .as_ref()
                .map_or_else(|| "another level".to_string(), |p| format!("{p:?}"));
            return Err(NavError {
                related: Some((listed.range, format!("`{page}` is listed here"))),
                listed_under: group,
                ..NavError::new(
                    format!(
                        "page `{page}` is already listed in docs.json under {other}; adding it to {path:?} would list it twice"
                    ),
                    Some(format!(
                        "set `navigation = {other}`, or remove the page from that group of docs.json"
                    )),
                )
            });
        }
        let text = self.text;
        let quoted = js_string(page);
        let (at, insert) = match pages.elements.len() {
            0 => {
                let open = pages.range.start;
                let line_start = text[..open].rfind('\n').map_or(0, |i| i + 1);
                let indent: String = text[line_start..open]
                    .chars()
                    .take_while(|c| *c == ' ' || *c == '\t')
                    .collect();
                let close = pages.range.end - 1;
                return Ok(Some(format!(
                    "{}[\n{indent}  {quoted}\n{indent}]{}",
                    &text[..open],
                    &text[close + 1..]
                )));
            }
            n => {
                let anchor = after
                    .and_then(|a| ids.iter().position(|id| *id == Some(a)))
                    .unwrap_or(n - 1);
                let sep = if n >= 2 {
                    let (a, b) = (range(&pages.elements[0]), range(&pages.elements[1]));
                    text[a.end..b.start].to_string()
                } else {
                    let first = range(&pages.elements[0]);
                    let lead = &text[pages.range.start + 1..first.start];
                    if lead.contains('\n') {
                        format!(",{lead}")
                    } else {
                        ", ".to_string()
                    }
                };
                (range(&pages.elements[anchor]).end, format!("{sep}{quoted}"))
            }
        };
        Ok(Some(format!("{}{insert}{}", &text[..at], &text[at..])))
    }

    /// Returns the docs.json text without `page` in the group at `path`, removing only the
    /// bytes of that entry and one separator (the inverse of [`DocsJson::with_page`]). `None`
    /// when the group does not exist or does not list the page.
    pub fn without_page(&self, path: &[String], page: &str) -> Result<Option<String>, NavError> {
        let Ok(pages) = self.group_pages(path) else {
            return Ok(None);
        };
        let els = &pages.elements;
        let Some(i) = els
            .iter()
            .position(|v| v.as_string_lit().is_some_and(|s| s.value == page))
        else {
            return Ok(None);
        };
        let text = self.text;
        let cut = removal(pages, i);
        Ok(Some(format!("{}{}", &text[..cut.start], &text[cut.end..])))
    }

    /// The `pages` array of the navigation node at `path`.
    fn group_pages(&self, path: &[String]) -> Result<&Array<'a>, NavError> {
        let mut node = self
            .root
            .get_object("navigation")
            .ok_or_else(|| NavError::new("docs.json has no `navigation`", None))?;
        for (depth, name) in path.iter().enumerate() {
            let children = children(node);
            match children.iter().find(|(_, n)| n == name) {
                Some((child, _)) => node = child,
                None => {
                    let names: Vec<&str> = children.iter().map(|(_, n)| n.as_str()).collect();
                    let at = if depth == 0 {
                        "the top of the navigation".to_string()
                    } else {
                        format!("`{}`", path[..depth].join(" › "))
                    };
                    let near: Vec<String> =
                        personamap_spec::diag::suggestions(name, names.iter().copied())
                            .into_iter()
                            .map(str::to_string)
                            .collect();
                    let quoted: Vec<String> = near.iter().map(|n| format!("`{n}`")).collect();
                    let help = match near.is_empty() {
                        false => format!(
                            "did you mean {}? ({at} has: {})",
                            quoted.join(" or "),
                            names.join(", ")
                        ),
                        true if names.is_empty() => format!("{at} has no named children"),
                        true => format!("{at} has: {}", names.join(", ")),
                    };
                    return Err(NavError {
                        missing: Some((depth, near)),
                        ..NavError::new(
                            format!(
                                "navigation path `{}` does not exist in docs.json: no `{name}` under {at}",
                                path.join(" › ")
                            ),
                            Some(help),
                        )
                    });
                }
            }
        }
        node.get_array("pages").ok_or_else(|| {
            NavError::new(
                format!("`{}` in docs.json has no `pages` list", path.join(" › ")),
                Some("point `navigation` at a group".into()),
            )
        })
    }
}

/// An error for the first key given twice in one object, anywhere in the file.
fn no_duplicate_keys(text: &str, object: &Object) -> Result<(), NavError> {
    use jsonc_parser::common::Ranged;
    let key = |p: &jsonc_parser::ast::ObjectProp| p.name.range().start..p.name.range().end;
    for (i, prop) in object.properties.iter().enumerate() {
        let name = prop.name.as_str();
        if let Some(first) = object.properties[..i]
            .iter()
            .find(|p| p.name.as_str() == name)
        {
            return Err(NavError {
                at: Some(key(prop)),
                related: Some((key(first), format!("`{name}` is first given here"))),
                ..NavError::new(
                    format!("key `{name}` appears twice in one object"),
                    Some(
                        "JSON.parse keeps only the last one and drops the other silently; remove one"
                            .into(),
                    ),
                )
            });
        }
        children_values(&prop.value, text)?;
    }
    Ok(())
}

fn children_values(value: &Value, text: &str) -> Result<(), NavError> {
    match value {
        Value::Object(o) => no_duplicate_keys(text, o),
        Value::Array(a) => a.elements.iter().try_for_each(|v| children_values(v, text)),
        _ => Ok(()),
    }
}

fn range(v: &Value) -> jsonc_parser::common::Range {
    use jsonc_parser::common::Ranged;
    v.range()
}

/// The named child objects of a navigation node, with their names.
fn children<'b, 'a>(node: &'b Object<'a>) -> Vec<(&'b Object<'a>, String)> {
    let mut out = Vec::new();
    for (list, name_key) in LEVELS.iter().chain(&[("pages", "group")]) {
        let Some(array) = node.get_array(list) else {
            continue;
        };
        for el in &array.elements {
            if let Some(obj) = el.as_object()
                && let Some(name) = obj.get_string(name_key)
            {
                out.push((obj, name.value.to_string()));
            }
        }
    }
    out
}

/// The page entries under `node`, each with the byte offset of its string.
fn collect_pages(node: &Object, out: &mut Vec<PageEntry>) {
    for (list, _) in LEVELS.iter().chain(&[("pages", "group")]) {
        let Some(array) = node.get_array(list) else {
            continue;
        };
        for (i, el) in array.elements.iter().enumerate() {
            match el {
                Value::StringLit(s) if *list == "pages" => out.push(PageEntry {
                    id: s.value.to_string(),
                    range: range(el).start..range(el).end,
                    removal: removal(array, i),
                }),
                Value::Object(o) => collect_pages(o, out),
                _ => {}
            }
        }
    }
}

/// The bytes removing element `i` of `array` removes: the element and one separator (the
/// next element's, or else the one before), or everything inside the brackets when it is the
/// only element.
fn removal(array: &Array, i: usize) -> Range<usize> {
    let els = &array.elements;
    if els.len() == 1 {
        array.range.start + 1..array.range.end - 1
    } else if i + 1 < els.len() {
        range(&els[i]).start..range(&els[i + 1]).start
    } else {
        range(&els[i - 1]).end..range(&els[i]).end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn insert(text: &str, path: &[&str], after: Option<&str>) -> Result<Option<String>, NavError> {
        let path: Vec<String> = path.iter().map(|s| s.to_string()).collect();
        DocsJson::parse(text)?.with_page(&path, "new", after)
    }

    #[test]
    fn inserts_with_the_neighbours_formatting() {
        let pretty = "{\"navigation\": {\"groups\": [{\"group\": \"G\", \"pages\": [\n    \"a\",\n    \"b\"\n  ]}]}}\n";
        assert_eq!(
            insert(pretty, &["G"], Some("a")).unwrap().unwrap(),
            "{\"navigation\": {\"groups\": [{\"group\": \"G\", \"pages\": [\n    \"a\",\n    \"new\",\n    \"b\"\n  ]}]}}\n"
        );
        let one =
            "{\"navigation\": {\"groups\": [{\"group\": \"G\", \"pages\": [\n    \"a\"\n  ]}]}}";
        assert_eq!(
            insert(one, &["G"], None).unwrap().unwrap(),
            "{\"navigation\": {\"groups\": [{\"group\": \"G\", \"pages\": [\n    \"a\",\n    \"new\"\n  ]}]}}"
        );
        let empty = "{\"navigation\": {\"groups\": [{\"group\": \"G\", \"pages\": []}]}}";
        assert_eq!(
            insert(empty, &["G"], None).unwrap().unwrap(),
            "{\"navigation\": {\"groups\": [{\"group\": \"G\", \"pages\": [\n  \"new\"\n]}]}}"
        );
    }

    #[test]
    fn lenient_json_and_duplicate_keys_are_located_errors() {
        for (text, at) in [
            (
                "{\"a\": 1\n \"b\": 2}",
                "docs.json:1:8: not valid JSON: Expected comma",
            ),
            ("{\"a\": 'x'}", "docs.json:1:7:"),
            ("{a: 1}", "docs.json:1:2:"),
            ("{\"a\": [1,]}", "docs.json:1:9:"),
            ("{\"a\": 1, // c\n}", "docs.json:1:10:"),
            (
                "{\"navigation\": {},\n  \"navigation\": {\"pages\": []}}",
                "docs.json:2:3: key `navigation` appears twice in one object",
            ),
            ("{\"x\": [{\"k\": 1, \"k\": 2}]}", "docs.json:1:17: key `k`"),
            (
                "{\"a\": \"x\ty\"}",
                "docs.json:1:8: not valid JSON: control character",
            ),
            ("\u{feff}{}", "docs.json:1:1: not valid JSON"),
        ] {
            let e = DocsJson::parse(text).err().expect(text);
            assert!(
                e.located(text).starts_with(at),
                "{text}: {}",
                e.located(text)
            );
        }
        // A key given twice: the first is the related place.
        let text = "{\"navigation\": {},\n  \"navigation\": {\"pages\": []}}";
        let e = DocsJson::parse(text).err().expect("a duplicate key");
        let (first, what) = e.related.expect("the first key");
        assert_eq!(
            (&text[first], what.as_str()),
            ("\"navigation\"", "`navigation` is first given here")
        );
        assert_eq!(e.at.map(|at| &text[at]), Some("\"navigation\""));
    }

    #[test]
    fn removal_undoes_insertion_byte_for_byte() {
        let path = vec!["G".to_string()];
        for text in [
            "{\"navigation\": {\"groups\": [{\"group\": \"G\", \"pages\": [\n    \"a\",\n    \"b\"\n  ]}]}}\n",
            "{\"navigation\": {\"groups\": [{\"group\": \"G\", \"pages\": [\"a\"]}]}}",
            "{\"navigation\": {\"groups\": [{\"group\": \"G\", \"pages\": []}]}}",
        ] {
            for after in [None, Some("a")] {
                let with = insert(text, &["G"], after).unwrap().unwrap();
                let back = DocsJson::parse(&with).unwrap().without_page(&path, "new");
                assert_eq!(back.unwrap().as_deref(), Some(text), "{with}");
            }
        }
        let docs = DocsJson::parse("{\"navigation\": {\"groups\": []}}").unwrap();
        assert_eq!(docs.without_page(&path, "new").unwrap(), None);
    }

    #[test]
    fn present_pages_leave_the_file_alone_and_nested_groups_resolve() {
        let text = "{\"navigation\": {\"tabs\": [{\"tab\": \"T\", \"groups\": [{\"group\": \"G\", \"pages\": [\"x\", {\"group\": \"Sub\", \"pages\": [\"new\"]}]}]}]}}";
        assert_eq!(insert(text, &["T", "G", "Sub"], None).unwrap(), None);
        assert_eq!(DocsJson::parse(text).unwrap().pages(), vec!["x", "new"]);
    }

    #[test]
    fn finds_the_group_listing_a_page_and_the_first_group() {
        let text = "{\"navigation\": {\"tabs\": [{\"tab\": \"T\", \"groups\": [{\"group\": \"G\", \"pages\": [\"x\", {\"group\": \"Sub\", \"pages\": [\"new\"]}]}]}]}}";
        let docs = DocsJson::parse(text).unwrap();
        assert_eq!(docs.group_path_of("new").unwrap(), vec!["T", "G", "Sub"]);
        assert_eq!(docs.group_path_of("x").unwrap(), vec!["T", "G"]);
        assert_eq!(docs.group_path_of("missing"), None);
        // A page listed in another group is not listed a second time.
        let err = docs
            .with_page(&["T".into(), "G".into(), "Sub".into()], "x", None)
            .unwrap_err();
        assert!(err.message.contains("already listed"), "{}", err.message);
        assert_eq!(docs.first_group_path().unwrap(), vec!["T", "G"]);
        let empty = DocsJson::parse("{\"navigation\": {\"pages\": [\"a\"]}}").unwrap();
        assert_eq!(empty.first_group_path(), None);
        assert_eq!(empty.group_path_of("a"), None);
    }

    #[test]
    fn a_missing_path_is_an_error_with_a_suggestion() {
        let text = "{\"navigation\": {\"tabs\": [{\"tab\": \"Guides\", \"groups\": [{\"group\": \"Concepts\", \"pages\": []}]}]}}";
        let e = insert(text, &["Guides", "Concept"], None).unwrap_err();
        assert!(
            e.message.contains("no `Concept` under `Guides`"),
            "{}",
            e.message
        );
        assert_eq!(
            e.help.as_deref(),
            Some("did you mean `Concepts`? (`Guides` has: Concepts)")
        );
    }
}
