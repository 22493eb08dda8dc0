//! YAML frontmatter from the page's title, description and extra keys.

use crate::escape::{yaml_key, yaml_string};
use personamap_spec::{Page, Value};
use std::fmt::Write as _;

/// The YAML between the `---` lines (each line ends with a newline): `title`, `description`,
/// then the page's extra keys in spec order.
pub fn frontmatter(page: &Page) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "title: {}", yaml_string(&page.title));
    let _ = writeln!(out, "description: {}", yaml_string(&page.description));
    for (key, value) in &page.frontmatter {
        entry(&mut out, 0, key, value);
    }
    out
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

fn scalar(v: &Value) -> String {
    match v {
        Value::String(s) => yaml_string(s),
        Value::Integer(i) => i.to_string(),
        Value::Float(f) if f.is_nan() => ".nan".into(),
        Value::Float(f) if f.is_infinite() => if *f > 0.0 { ".inf" } else { "-.inf" }.into(),
        Value::Float(f) => format!("{f:?}"),
        Value::Boolean(b) => b.to_string(),
        Value::Datetime(d) => d.clone(),
        Value::Array(_) => "[]".into(),
        Value::Table(_) => "{}".into(),
    }
}
