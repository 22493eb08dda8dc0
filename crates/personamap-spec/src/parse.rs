//! Phase one for one file: TOML syntax, then value types and keys, reporting every problem of
//! the file rather than the first.
//!
//! serde stops at the first error, so the file is read as a spanned TOML tree first and then
//! deserialised repeatedly: after each error the offending entry is taken out of the tree (an
//! unknown key, a value of the wrong type) or a stand-in is put in (a missing key), and the
//! next attempt finds the next problem.

use crate::diag::Diagnostic;
use crate::source::{FileId, Span};
use serde::Deserialize;
use std::borrow::Cow;
use std::ops::Range;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// At most this many problems are collected from one file.
const MAX_ATTEMPTS: usize = 64;

/// Stand-ins tried, in order, for a missing key until serde accepts one.
const STAND_INS: [&str; 5] = ["\"\"", "[]", "0", "{}", "false"];

/// The outcome of phase one: the value (if every problem could be stepped over without
/// inventing data) and the diagnostics, with spans in `file`.
pub(crate) struct Parsed<T> {
    /// The value; `None` when a syntax, type or missing-key error made the file unusable.
    pub value: Option<T>,
    /// Every problem found, in file order.
    pub diags: Vec<Diagnostic>,
}

/// Parses `text` as `T`, collecting every syntax, type, unknown-key and missing-key problem.
pub(crate) fn parse<T: for<'de> Deserialize<'de>>(file: FileId, text: &str) -> Parsed<T> {
    let (mut table, errors) = DeTable::parse_recoverable(text);
    if !errors.is_empty() {
        let mut diags: Vec<Diagnostic> = Vec::new();
        let mut lines = Vec::new();
        for e in &errors {
            let range = e.span().unwrap_or(0..0);
            // Recovery cascades: keep the first problem of each line.
            let line = text[..range.start.min(text.len())].matches('\n').count();
            if lines.contains(&line) {
                continue;
            }
            lines.push(line);
            diags.push(Diagnostic::error(
                "toml-syntax",
                Some(Span::new(file, range)),
                e.message().trim_end().to_string(),
            ));
        }
        return Parsed { value: None, diags };
    }
    let mut diags = Vec::new();
    let mut usable = true;
    let mut stand_in: Option<(Range<usize>, String, usize)> = None;
    // Entries taken out after a type error: their absence is not a missing key.
    let mut removed: Vec<(Range<usize>, String)> = Vec::new();
    for _ in 0..MAX_ATTEMPTS {
        let attempt = T::deserialize(toml::de::Deserializer::from(table.clone()));
        let err = match attempt {
            Ok(value) => {
                return Parsed {
                    value: usable.then_some(value),
                    diags,
                };
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
            d = match crate::diag::suggest(name, expected.iter().copied()) {
                Some(s) => d.with_help(format!("did you mean `{s}`?")),
                None if expected.is_empty() => d,
                None => d.with_help(format!("expected one of: {}", expected.join(", "))),
            };
            diags.push(d);
            if !remove_key(&mut table, &range) {
                break;
            }
            continue;
        }
        if let Some(name) = quoted_after(&message, "missing field `") {
            usable = false;
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
        usable = false;
        diags.push(Diagnostic::error(
            "toml-type",
            Some(Span::new(file, range.clone())),
            type_message(&message),
        ));
        match remove_value(&mut table, &range) {
            Some(entry) => removed.push(entry),
            None => break,
        }
    }
    Parsed { value: None, diags }
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
fn header(text: &str, range: Range<usize>) -> Range<usize> {
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

/// Removes the innermost table entry whose value holds `range`; returns the table's span and
/// the entry's key.
fn remove_value(
    table: &mut Spanned<DeTable>,
    range: &Range<usize>,
) -> Option<(Range<usize>, String)> {
    let keys: Vec<_> = table.get_ref().keys().cloned().collect();
    for key in keys {
        let Some(v) = table.get_mut().get_mut(&key) else {
            continue;
        };
        let mut inner = None;
        in_tables(v, &mut |t| {
            inner = remove_value(t, range);
            inner.is_some()
        });
        if inner.is_some() {
            return inner;
        }
        if v.span().start <= range.start && range.end <= v.span().end {
            table.get_mut().remove(&key);
            return Some((table.span(), key.get_ref().to_string()));
        }
    }
    None
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

/// Puts `name = value` (TOML text) into the table at `range`. True if the table was found.
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
}
