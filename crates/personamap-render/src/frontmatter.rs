//! YAML frontmatter from the page's title, description and extra keys.

use personamap_spec::{Page, Value};
use personamap_syntax::js::js_string;
use personamap_syntax::yaml::{yaml_key, yaml_string};
use std::fmt::Write as _;

/// The YAML between the `---` lines (each line ends with a newline): the page's extra keys in
/// spec order, with `title` and `description` at their places (by default first, in that order).
pub fn frontmatter(page: &Page) -> String {
    let mut entries: Vec<String> = page
        .frontmatter
        .iter()
        .map(|(key, value)| {
            let mut out = String::new();
            entry(&mut out, 0, key, value);
            out
        })
        .collect();
    let mut own = [
        (page.title_at, "title", &page.title),
        (page.description_at, "description", &page.description),
    ];
    own.sort_by_key(|(at, _, _)| *at);
    for (at, key, value) in own {
        let line = format!("{key}: {}\n", yaml_string(value));
        entries.insert(at.min(entries.len()), line);
    }
    entries.concat()
}

fn entry(out: &mut String, indent: usize, key: &str, value: &Value) {
    let pad = " ".repeat(indent);
    match value {
        Value::Array(items) if !items.is_empty() => {
            let _ = writeln!(out, "{pad}{}:", yaml_key(key));
            for item in items {
                match item {
                    Value::Table(t) if !t.is_empty() => {
                        let mut nested = String::new();
                        for (k, v) in t {
                            entry(&mut nested, indent + 4, k, v);
                        }
                        let _ = write!(out, "{pad}  - {}", &nested[indent + 4..]);
                    }
                    _ => {
                        let _ = writeln!(out, "{pad}  - {}", scalar(item));
                    }
                }
            }
        }
        Value::Table(t) if !t.is_empty() => {
            let _ = writeln!(out, "{pad}{}:", yaml_key(key));
            for (k, v) in t {
                entry(out, indent + 2, k, v);
            }
        }
        _ => {
            let _ = writeln!(out, "{pad}{}: {}", yaml_key(key), scalar(value));
        }
    }
}

/// A value on one line: plain scalars, and arrays or tables nested in a list in YAML's flow
/// style (strings quoted as JSON, which YAML reads as double-quoted scalars).
fn scalar(v: &Value) -> String {
    match v {
        Value::String(s) => yaml_string(s),
        Value::Array(items) => {
            let items: Vec<String> = items.iter().map(flow).collect();
            format!("[{}]", items.join(", "))
        }
        Value::Table(t) => {
            let items: Vec<String> = t
                .iter()
                .map(|(k, v)| format!("{}: {}", js_string(k), flow(v)))
                .collect();
            format!("{{{}}}", items.join(", "))
        }
        other => flow(other),
    }
}

/// A value inside a flow collection, where `,`, `[`, `]`, `{` and `}` are syntax.
fn flow(v: &Value) -> String {
    match v {
        Value::String(s) => js_string(s),
        Value::Array(_) | Value::Table(_) => scalar(v),
        Value::Integer(i) => i.to_string(),
        Value::Float(f) if f.is_nan() => ".nan".into(),
        Value::Float(f) if f.is_infinite() => if *f > 0.0 { ".inf" } else { "-.inf" }.into(),
        Value::Float(f) => format!("{f:?}"),
        Value::Boolean(b) => b.to_string(),
        Value::Datetime(d) => d.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_lists_and_tables_keep_their_items() {
        let v = Value::Array(vec![
            Value::Array(vec![Value::Integer(1), Value::String("a, b".into())]),
            Value::Table(vec![("k".into(), Value::Array(vec![]))]),
        ]);
        let mut out = String::new();
        entry(&mut out, 0, "nested", &v);
        assert_eq!(out, "nested:\n  - [1, \"a, b\"]\n  - k: []\n");
    }
}
