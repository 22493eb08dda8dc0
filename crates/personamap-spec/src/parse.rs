//! Phase one for one file: TOML syntax, then value types and keys, reporting every problem of
//! the file rather than the first, and keeping everything else of the file.
//!
//! serde stops at the first error, so the file is read as a spanned TOML tree first and then
//! deserialised repeatedly: after each error the offending entry is taken out of the tree (an
//! unknown key, a value of the wrong type, or the table that misses a required key) and the
//! next attempt finds the next problem. What a type or missing-key error took out is recorded
//! as [`Lost`], so that the rules that would read it stay silent.

use crate::diag::Diagnostic;
use crate::source::{FileId, Span};
use serde::Deserialize;
use std::borrow::Cow;
use std::ops::Range;
use toml::Spanned;
use toml::de::{DeArray, DeTable, DeValue};

/// At most this many problems are collected from one file.
const MAX_ATTEMPTS: usize = 64;

/// Stand-ins tried, in order, for a missing key until serde accepts one.
const STAND_INS: [&str; 5] = ["\"\"", "[]", "0", "{}", "false"];

/// The outcome of phase one: the value (everything that loaded) and the diagnostics, with
/// spans in `file`.
pub(crate) struct Parsed<T> {
    /// The value; `None` after a syntax error, or when the problems could not be stepped over.
    pub value: Option<T>,
    /// Every problem found, in file order.
    pub diags: Vec<Diagnostic>,
    /// What the value lacks because it failed to load.
    pub lost: Vec<Lost>,
}

/// An entry taken out of a file because it failed to load: a value of the wrong type, or a
/// table that misses a required key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Lost {
    /// The keys from the file's root down to the entry (array positions left out), e.g.
    /// `["persona", "group", "nodes"]` for a node, `["page", "banner"]` for a page's banner.
    pub keys: Vec<String>,
    /// Whether the entry is a whole table (it missed a required key).
    pub table: bool,
    /// The string and integer values of the top-level table that held the entry (its
    /// `[[page]]`, `[[persona]]`, …) without the failed ones: what names it, if anything does.
    pub owner: Vec<(String, String)>,
    /// For a whole table, its own string and integer values (a node's `id`, say).
    pub own: Vec<(String, String)>,
    /// The span of the table that held the entry.
    pub within: Range<usize>,
}

impl Lost {
    /// The value of `key` in the top-level table that held the entry, if it loaded.
    pub fn owner(&self, key: &str) -> Option<&str> {
        value_of(&self.owner, key)
    }

    /// The value of `key` in the table taken out, if it loaded.
    pub fn own(&self, key: &str) -> Option<&str> {
        value_of(&self.own, key)
    }

    /// Whether the entry is at `keys`.
    pub fn is(&self, keys: &[&str]) -> bool {
        self.keys
            .iter()
            .map(String::as_str)
            .eq(keys.iter().copied())
    }
}

/// The value of `key` among `values`.
fn value_of<'v>(values: &'v [(String, String)], key: &str) -> Option<&'v str> {
    values
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
}

/// Parses `text` as `T`, collecting every syntax, type, unknown-key and missing-key problem.
pub(crate) fn parse<T: for<'de> Deserialize<'de>>(file: FileId, text: &str) -> Parsed<T> {
    let (table, errors) = DeTable::parse_recoverable(text);
    if !errors.is_empty() {
        return Parsed {
            value: None,
            diags: syntax_errors(file, text, &errors),
            lost: Vec::new(),
        };
    }
    // The usual case: the whole file loads, and the table is read without a copy. Otherwise it
    // is parsed again, for the attempts below to change.
    if let Ok(value) = T::deserialize(toml::de::Deserializer::from(table)) {
        return Parsed {
            value: Some(value),
            diags: Vec::new(),
            lost: Vec::new(),
        };
    }
    let (mut table, _) = DeTable::parse_recoverable(text);
    let mut diags = Vec::new();
    let mut lost = Vec::new();
    // A table missing a key gets stand-ins until serde accepts it, so that the problems
    // further in are found too; it is taken out at the end.
    let mut incomplete: Vec<Range<usize>> = Vec::new();
    let mut stand_in: Option<(Range<usize>, String, usize)> = None;
    // Entries taken out after a type error: their absence is not a missing key.
    let mut removed: Vec<(Range<usize>, String)> = Vec::new();
    for _ in 0..MAX_ATTEMPTS {
        let attempt = T::deserialize(toml::de::Deserializer::from(table.clone()));
        let err = match attempt {
            Ok(value) if incomplete.is_empty() => {
                return Parsed {
                    value: Some(value),
                    diags,
                    lost,
                };
            }
            Ok(_) => {
                // Innermost first (the later start), so that no table is taken out with the
                // one around it before its turn.
                incomplete.sort_by_key(|r| std::cmp::Reverse(r.start));
                for range in std::mem::take(&mut incomplete) {
                    let Some(l) = take_lost(&mut table, &Target::Table(range)) else {
                        // Nothing to take it out of (the file itself): nothing loads.
                        return Parsed {
                            value: None,
                            diags,
                            lost,
                        };
                    };
                    lost.push(l);
                }
                continue;
            }
            Err(e) => e,
        };
        let message = err.message().trim_end().to_string();
        let range = err.span().unwrap_or(0..0);
        if let Some(name) = quoted_after(&message, "unknown field `") {
            let expected = expected_fields(&message);
            let mut d = Diagnostic::error(
                "unknown-key",
                Some(Span::new(file, range.clone())),
                format!("unknown key `{name}`"),
            );
            let near: Vec<String> = crate::diag::suggestions(name, expected.iter().copied())
                .into_iter()
                .map(str::to_string)
                .collect();
            d = match near.as_slice() {
                [_, ..] => d.with_suggestions(text, name, &near),
                [] if expected.is_empty() => d,
                [] => d.with_help(format!("expected one of: {}", expected.join(", "))),
            };
            diags.push(d);
            if !remove_key(&mut table, &range) {
                break;
            }
            continue;
        }
        if let Some(name) = quoted_after(&message, "missing field `") {
            let next = match &stand_in {
                Some((r, n, i)) if *r == range && n == name => i + 1,
                _ if removed.iter().any(|(r, n)| *r == range && n == name) => 0,
                _ => {
                    diags.push(
                        Diagnostic::error(
                            "missing-key",
                            Some(Span::new(file, header(text, range.clone()))),
                            format!("missing key `{name}`"),
                        )
                        .with_help(format!("add `{name} = …` to this table")),
                    );
                    0
                }
            };
            if !incomplete.contains(&range) {
                incomplete.push(range.clone());
            }
            let Some(value) = STAND_INS.get(next) else {
                break;
            };
            if !insert_key(&mut table, &range, name, value) {
                break;
            }
            stand_in = Some((range, name.to_string(), next));
            continue;
        }
        // A type error at a stand-in: try the next stand-in.
        if let Some((r, n, i)) = &stand_in
            && *r == range
        {
            let (r, n, i) = (r.clone(), n.clone(), *i);
            let Some(value) = STAND_INS.get(i + 1) else {
                break;
            };
            if !insert_key(&mut table, &r, &n, value) {
                break;
            }
            stand_in = Some((r, n, i + 1));
            continue;
        }
        let choices = (message == "wanted string or table")
            .then(|| choices::<T>(&table, &range))
            .flatten();
        let message = match choices {
            Some(choices) => format!("invalid type: expected one of {choices}"),
            None => type_message(&message),
        };
        diags.push(Diagnostic::error(
            "toml-type",
            Some(Span::new(file, range.clone())),
            message,
        ));
        let Some(taken) = take_lost(&mut table, &Target::Value(range)) else {
            break;
        };
        if let Some(key) = taken.keys.last() {
            removed.push((taken.within.clone(), key.clone()));
        }
        lost.push(taken);
    }
    Parsed {
        value: None,
        diags,
        lost,
    }
}

/// The names a key of a named-choice type (such as `banner`) accepts, as serde lists them:
/// what it says when the value at `range` is an empty string instead.
fn choices<T: for<'de> Deserialize<'de>>(
    table: &Spanned<DeTable<'_>>,
    range: &Range<usize>,
) -> Option<String> {
    let mut probe = table.clone();
    let mut replaced = false;
    probe.get_mut().iter_mut().for_each(|(_, v)| {
        replaced |= replace(v, range);
    });
    if !replaced {
        return None;
    }
    let err = T::deserialize(toml::de::Deserializer::from(probe)).err()?;
    let message = err.message();
    message
        .strip_prefix("unknown variant")
        .and_then(|rest| rest.split_once("expected one of "))
        .map(|(_, choices)| choices.trim_end().to_string())
}

/// Replaces the value spanning `range` in `value` (or inside it) with an empty string.
fn replace(value: &mut Spanned<DeValue<'_>>, range: &Range<usize>) -> bool {
    if value.span() == *range {
        *value.get_mut() = DeValue::String(Cow::Borrowed(""));
        return true;
    }
    match value.get_mut() {
        DeValue::Table(t) => t.iter_mut().any(|(_, v)| replace(v, range)),
        DeValue::Array(a) => a.iter_mut().any(|v| replace(v, range)),
        _ => false,
    }
}

/// The syntax errors of a file, the first of each line (recovery cascades). A multi-line
/// string left open runs to the end of the file: its error points where it opened.
fn syntax_errors(file: FileId, text: &str, errors: &[toml::de::Error]) -> Vec<Diagnostic> {
    let mut diags: Vec<Diagnostic> = Vec::new();
    let mut lines = Vec::new();
    for e in errors {
        let range = e.span().unwrap_or(0..0);
        let line = text[..range.start.min(text.len())].matches('\n').count();
        if lines.contains(&line) {
            continue;
        }
        lines.push(line);
        let message = e.message().trim_end();
        let delimiter = if message.starts_with("invalid multi-line literal string") {
            Some("'''")
        } else if message.starts_with("invalid multi-line basic string") {
            Some("\"\"\"")
        } else {
            None
        };
        let opened = delimiter.and_then(|d| {
            let before = text.get(..range.start.min(text.len()))?;
            before.rfind(d).map(|at| (d, at..at + d.len()))
        });
        diags.push(match opened {
            Some((d, at)) => Diagnostic::error(
                "toml-syntax",
                Some(Span::new(file, at)),
                format!("the multi-line string opened here is never closed with `{d}`"),
            )
            .with_help(format!("end the string with `{d}`")),
            None => Diagnostic::error(
                "toml-syntax",
                Some(Span::new(file, range)),
                message.to_string(),
            ),
        });
    }
    diags
}

/// The name in backticks right after `prefix` at the start of `message`.
fn quoted_after<'m>(message: &'m str, prefix: &str) -> Option<&'m str> {
    let rest = message.strip_prefix(prefix)?;
    rest.find('`').map(|end| &rest[..end])
}

/// The field names serde lists after "expected".
fn expected_fields(message: &str) -> Vec<&str> {
    let Some(i) = message.find("expected") else {
        return Vec::new();
    };
    message[i..].split('`').skip(1).step_by(2).collect()
}

/// serde's messages for the untagged enums, in the spec's words.
fn type_message(message: &str) -> String {
    if message.contains("untagged enum RawLabel") {
        "a label must be a string or a list of strings".into()
    } else if message.contains("untagged enum RawCodeTheme") {
        "`code_theme` must be a theme name or `{ light = \"…\", dark = \"…\" }`".into()
    } else {
        message.to_string()
    }
}

/// The first line of `range` (a table header such as `[[palette]]`, or an inline table).
pub(crate) fn header(text: &str, range: Range<usize>) -> Range<usize> {
    let slice = text.get(range.clone()).unwrap_or("");
    match slice.find('\n') {
        Some(i) => range.start..range.start + slice[..i].trim_end().len(),
        None => range,
    }
}

/// Removes the entry whose key is at `range`. True if found.
fn remove_key(table: &mut Spanned<DeTable>, range: &Range<usize>) -> bool {
    let found = table.get_ref().keys().find(|k| k.span() == *range).cloned();
    if let Some(key) = found {
        table.get_mut().remove(&key);
        return true;
    }
    table
        .get_mut()
        .iter_mut()
        .any(|(_, v)| in_tables(v, &mut |t| remove_key(t, range)))
}

/// Calls `f` on each table in `value` (itself, or the elements of an array) until it returns
/// true.
fn in_tables<'i>(
    value: &mut Spanned<DeValue<'i>>,
    f: &mut dyn FnMut(&mut Spanned<DeTable<'i>>) -> bool,
) -> bool {
    let span = value.span();
    match value.get_mut() {
        DeValue::Table(t) => {
            let mut spanned = Spanned::new(span, std::mem::take(t));
            let done = f(&mut spanned);
            *t = spanned.into_inner();
            done
        }
        DeValue::Array(a) => a.iter_mut().any(|v| in_tables(v, f)),
        _ => false,
    }
}

/// What to take out of the tree after an error.
enum Target {
    /// The innermost table entry whose value holds this range (a value of the wrong type).
    Value(Range<usize>),
    /// The table with exactly this span (it misses a required key).
    Table(Range<usize>),
}

impl Target {
    /// Whether `value` is what to take out (checked innermost first).
    fn is(&self, value: &Spanned<DeValue>) -> bool {
        match self {
            Target::Value(r) => value.span().start <= r.start && r.end <= value.span().end,
            Target::Table(r) => value.span() == *r && value.get_ref().is_table(),
        }
    }

    /// Whether `value` holds the value of the wrong type (so it names nothing).
    fn holds(&self, value: &Spanned<DeValue>) -> bool {
        matches!(self, Target::Value(_)) && self.is(value)
    }
}

/// Puts `name = value` (TOML text) into the table at `range`, key and value spanned like the
/// table. True if the table was found.
fn insert_key(
    table: &mut Spanned<DeTable>,
    range: &Range<usize>,
    name: &str,
    value: &'static str,
) -> bool {
    if table.span() == *range {
        let Ok(parsed) = DeValue::parse(value) else {
            return false;
        };
        table.get_mut().insert(
            Spanned::new(range.clone(), Cow::Owned(name.to_string())),
            Spanned::new(range.clone(), parsed.into_inner()),
        );
        return true;
    }
    table
        .get_mut()
        .iter_mut()
        .any(|(_, v)| in_tables(v, &mut |t| insert_key(t, range, name, value)))
}

/// The string and integer values of `table`, by key, without the one holding the failed
/// value and without stand-ins (spanned like their table).
fn scalars(table: &DeTable<'_>, target: &Target) -> Vec<(String, String)> {
    table
        .iter()
        .filter(|(k, v)| !target.holds(v) && k.span() != v.span())
        .filter_map(|(k, v)| {
            let text = match v.get_ref() {
                DeValue::String(s) => s.to_string(),
                DeValue::Integer(i) => i.as_str().to_string(),
                _ => return None,
            };
            Some((k.get_ref().to_string(), text))
        })
        .collect()
}

/// Whether `value` or anything inside it is `target`.
fn contains(value: &Spanned<DeValue<'_>>, target: &Target) -> bool {
    let inside = |v: &Spanned<DeValue<'_>>| target.is(v) || contains(v, target);
    match value.get_ref() {
        DeValue::Table(t) => t.values().any(inside),
        DeValue::Array(a) => a.iter().any(inside),
        _ => false,
    }
}

/// The top-level table that holds `target` (a root table such as `[site]`, or an element of
/// a root array such as a `[[page]]`), as [`scalars`].
fn owner(root: &DeTable<'_>, target: &Target) -> Vec<(String, String)> {
    for v in root.values() {
        let candidates: Vec<&Spanned<DeValue<'_>>> = match v.get_ref() {
            DeValue::Array(a) => a.iter().collect(),
            _ => vec![v],
        };
        for c in candidates {
            if let DeValue::Table(t) = c.get_ref()
                && (matches!(target, Target::Table(_)) && target.is(c) || contains(c, target))
            {
                return scalars(t, target);
            }
        }
    }
    Vec::new()
}

/// Takes `target` out of `root` and says what was lost.
fn take_lost(root: &mut Spanned<DeTable<'_>>, target: &Target) -> Option<Lost> {
    let owner = owner(root.get_ref(), target);
    let span = root.span();
    let (keys, own, within) = take(root.get_mut(), span, target)?;
    let table = matches!(target, Target::Table(_));
    Some(Lost {
        keys,
        table,
        owner,
        own,
        within,
    })
}

/// What [`take`] found: the keys down to the entry, the entry's own values (a table's) and
/// the span of the table that held it.
type Taken = (Vec<String>, Vec<(String, String)>, Range<usize>);

/// The string and integer values of `value` when it is a table.
fn own(value: &Spanned<DeValue<'_>>, target: &Target) -> Vec<(String, String)> {
    match value.get_ref() {
        DeValue::Table(t) => scalars(t, target),
        _ => Vec::new(),
    }
}

/// Takes `target` out of `table` (whose span is `span`).
fn take(table: &mut DeTable<'_>, span: Range<usize>, target: &Target) -> Option<Taken> {
    let keys: Vec<_> = table.keys().cloned().collect();
    for key in keys {
        let Some(v) = table.get_mut(&key) else {
            continue;
        };
        let name = key.get_ref().to_string();
        let v_span = v.span();
        let inner = match v.get_mut() {
            DeValue::Table(t) => take(t, v_span, target),
            DeValue::Array(a) => take_in_array(a, &span, target),
            _ => None,
        };
        if let Some((mut keys, values, within)) = inner {
            keys.insert(0, name);
            return Some((keys, values, within));
        }
        if target.is(v) {
            let values = own(v, target);
            table.remove(&key);
            return Some((vec![name], values, span));
        }
    }
    None
}

/// [`take`] for the elements of an array held by the table at `span`; an element that is the
/// target table leaves the array.
fn take_in_array(a: &mut DeArray<'_>, span: &Range<usize>, target: &Target) -> Option<Taken> {
    for i in 0..a.len() {
        let element = a[i].span();
        if let Some(DeValue::Table(t)) = a.get_mut(i).map(Spanned::get_mut)
            && let Some(found) = take(t, element, target)
        {
            return Some(found);
        }
        if matches!(target, Target::Table(_)) && target.is(&a[i]) {
            let values = own(&a[i], target);
            let kept = std::mem::replace(a, DeArray::new())
                .into_iter()
                .enumerate()
                .filter(|(j, _)| *j != i)
                .map(|(_, e)| e)
                .collect();
            *a = kept;
            return Some((Vec::new(), values, span.clone()));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct P {
        number: u32,
        name: String,
        #[serde(default)]
        nodes: Vec<N>,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct N {
        id: String,
        label: String,
    }

    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct F {
        persona: Vec<P>,
    }

    fn rules(text: &str) -> Vec<(&'static str, String)> {
        parse::<F>(FileId(0), text)
            .diags
            .into_iter()
            .map(|d| (d.rule, d.message))
            .collect()
    }

    #[test]
    fn every_problem_of_a_file_is_reported() {
        let got = rules(
            "[[persona]]\nnumber = -1\nnodes = [{ id = \"a\", lable = \"x\" }, { id = 5, label = \"y\" }]\n",
        );
        let mut rules: Vec<&str> = got.iter().map(|(r, _)| *r).collect();
        rules.sort();
        assert_eq!(
            rules,
            vec![
                "missing-key",
                "missing-key",
                "toml-type",
                "toml-type",
                "unknown-key"
            ],
            "{got:?}"
        );
    }
    #[test]
    fn a_wrong_value_is_taken_out_and_the_rest_of_the_file_loads() {
        let text = "[[persona]]\nnumber = 1\nname = \"P\"\nnodes = [{ id = \"a\", label = 3 }, { id = \"b\", label = \"y\" }]\n\n[[persona]]\nnumber = 2\nname = \"Q\"\n";
        let parsed = parse::<F>(FileId(0), text);
        let rules: Vec<&str> = parsed.diags.iter().map(|d| d.rule).collect();
        assert_eq!(rules, ["toml-type"]);
        let value = parsed.value.expect("the rest loads");
        assert_eq!(value.persona.len(), 2);
        let ids: Vec<&str> = value.persona[0]
            .nodes
            .iter()
            .map(|n| n.id.as_str())
            .collect();
        assert_eq!(ids, ["b"], "the node without its label is left out");
        let lost: Vec<(Vec<String>, bool, Option<&str>)> = parsed
            .lost
            .iter()
            .map(|l| (l.keys.clone(), l.table, l.owner("number")))
            .collect();
        let keys = |k: &[&str]| k.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            lost,
            [
                (keys(&["persona", "nodes", "label"]), false, Some("1")),
                (keys(&["persona", "nodes"]), true, Some("1")),
            ]
        );
        assert_eq!(
            parsed.lost[1].own("id"),
            Some("a"),
            "the node left out is named"
        );
    }

    #[test]
    fn a_table_missing_a_key_is_left_out_named_by_what_loaded() {
        let text = "[[persona]]\nnumber = \"one\"\nname = \"P\"\n\n[[persona]]\nnumber = 2\n";
        let parsed = parse::<F>(FileId(0), text);
        let rules: Vec<&str> = parsed.diags.iter().map(|d| d.rule).collect();
        assert_eq!(rules, ["toml-type", "missing-key"], "{:?}", parsed.diags);
        assert!(parsed.value.expect("the file loads").persona.is_empty());
        let whole: Vec<(Option<&str>, Option<&str>)> = parsed
            .lost
            .iter()
            .filter(|l| l.table)
            .map(|l| (l.owner("number"), l.owner("name")))
            .collect();
        assert_eq!(whole, [(Some("2"), None), (None, Some("P"))]);
    }

    #[test]
    fn an_unclosed_multi_line_string_points_where_it_opens() {
        for (text, at) in [
            ("a = 1\nb = '''\nx\n\nc = 2\n", 10..13),
            ("a = \"\"\"\nx\n", 4..7),
        ] {
            let diags = parse::<toml::Table>(FileId(0), text).diags;
            assert_eq!(diags.len(), 1, "{diags:?}");
            assert_eq!(diags[0].rule, "toml-syntax");
            let span = diags[0].span.expect("located");
            assert_eq!(span.start as usize..span.end as usize, at, "{text}");
        }
    }
}
