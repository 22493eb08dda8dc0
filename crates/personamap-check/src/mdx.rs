//! MDX pages: parsed by markdown-rs as MDX (with frontmatter and GFM tables) with swc as the
//! ESM and expression parser, then taken apart for the other checks.

use crate::js;
use markdown::mdast::Node;
use markdown::{Constructs, ParseOptions};
use personamap_spec::Value;
use saphyr::{LoadableYamlNode, Scalar, Yaml};

/// What the checks need from a page that parsed.
#[derive(Debug, Default)]
pub struct PageParts {
    /// The YAML between the `---` lines.
    pub frontmatter: Option<String>,
    /// Texts of the `mermaid` code blocks, in order.
    pub mermaid: Vec<String>,
    /// Texts of the ESM blocks, in order.
    pub esm: Vec<String>,
    /// Expressions that hold code (prose that became JavaScript), with their line.
    pub code_expressions: Vec<(usize, String)>,
}

/// Parse options equal to what Mintlify's MDX pipeline reads, with swc behind ESM and
/// expressions (without the ESM callback markdown-rs turns an import into text).
pub fn options() -> ParseOptions {
    ParseOptions {
        constructs: Constructs {
            frontmatter: true,
            gfm_table: true,
            ..Constructs::mdx()
        },
        mdx_esm_parse: Some(Box::new(js::esm)),
        mdx_expression_parse: Some(Box::new(js::expression)),
        ..ParseOptions::default()
    }
}

/// Parses a page; the error is markdown-rs's message with its position.
pub fn parse(text: &str) -> Result<PageParts, String> {
    let tree = markdown::to_mdast(text, &options()).map_err(|m| m.to_string())?;
    let mut parts = PageParts::default();
    walk(&tree, &mut parts);
    Ok(parts)
}

fn walk(node: &Node, parts: &mut PageParts) {
    let line = |n: &Node| n.position().map_or(0, |p| p.start.line);
    match node {
        Node::Yaml(y) => parts.frontmatter = Some(y.value.clone()),
        Node::Code(c) if c.lang.as_deref() == Some("mermaid") => {
            parts.mermaid.push(c.value.clone())
        }
        Node::MdxjsEsm(e) => parts.esm.push(e.value.clone()),
        Node::MdxFlowExpression(e) if !js::only_comments(&e.value) => {
            parts.code_expressions.push((line(node), e.value.clone()));
        }
        Node::MdxTextExpression(e) if !js::only_comments(&e.value) => {
            parts.code_expressions.push((line(node), e.value.clone()));
        }
        _ => {}
    }
    if let Some(children) = node.children() {
        for c in children {
            walk(c, parts);
        }
    }
}

/// Parses frontmatter YAML and compares it with what the page asked for: `title`,
/// `description`, then the extra keys with their values. Returns the first difference.
pub fn frontmatter(
    yaml: &str,
    title: &str,
    description: &str,
    extra: &[(String, Value)],
) -> Result<(), String> {
    let docs = Yaml::load_from_str(yaml).map_err(|e| format!("frontmatter is not YAML: {e}"))?;
    let [doc] = docs.as_slice() else {
        return Err(format!("frontmatter holds {} YAML documents", docs.len()));
    };
    let Yaml::Mapping(map) = doc else {
        return Err("frontmatter is not a YAML mapping".into());
    };
    let expected = [
        ("title".to_string(), Value::String(title.to_string())),
        (
            "description".to_string(),
            Value::String(description.to_string()),
        ),
    ];
    for (key, value) in expected.iter().chain(extra) {
        let got = map
            .iter()
            .find(|(k, _)| matches!(k, Yaml::Value(Scalar::String(s)) if s == key))
            .map(|(_, v)| v);
        match got {
            Some(y) if same(value, y) => {}
            Some(y) => {
                return Err(format!(
                    "frontmatter `{key}` reads back as {y:?}, not {value:?}"
                ));
            }
            None => return Err(format!("frontmatter `{key}` is missing")),
        }
    }
    Ok(())
}

fn same(v: &Value, y: &Yaml) -> bool {
    match (v, y) {
        (Value::String(a) | Value::Datetime(a), Yaml::Value(Scalar::String(b))) => a == b,
        (Value::Integer(a), Yaml::Value(Scalar::Integer(b))) => a == b,
        (Value::Float(a), Yaml::Value(Scalar::FloatingPoint(b))) => {
            (a.is_nan() && b.is_nan()) || a == &b.into_inner()
        }
        (Value::Boolean(a), Yaml::Value(Scalar::Boolean(b))) => a == b,
        (Value::Array(a), Yaml::Sequence(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|(x, y)| same(x, y))
        }
        (Value::Table(a), Yaml::Mapping(b)) => {
            a.len() == b.len()
                && a.iter().all(|(k, x)| {
                    b.iter().any(|(yk, y)| {
                        matches!(yk, Yaml::Value(Scalar::String(s)) if s == k) && same(x, y)
                    })
                })
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn imports_are_esm_and_braces_are_code() {
        let parts = parse("---\ntitle: a\n---\n\nimport { A } from \"/snippets/A.jsx\";\n\n<A />\n\n{/* note */}\n\nx {y} z\n").unwrap();
        assert_eq!(parts.frontmatter.as_deref(), Some("title: a"));
        assert_eq!(parts.esm.len(), 1);
        assert_eq!(parts.code_expressions, vec![(11, "y".to_string())]);
        assert!(parse("a {b +} c\n").is_err());
        assert!(parse("import { A from \"x\";\n").is_err());
    }

    #[test]
    fn frontmatter_reads_back() {
        let extra = vec![
            (
                "keywords".to_string(),
                Value::Array(vec![Value::String("a b".into())]),
            ),
            ("og:image:width".to_string(), Value::Integer(1200)),
        ];
        assert_eq!(
            frontmatter(
                "title: \"yes\"\ndescription: d\nkeywords:\n  - a b\n'og:image:width': 1200\n",
                "yes",
                "d",
                &extra
            ),
            Ok(())
        );
        assert!(frontmatter("title: a: b\n", "a: b", "", &[]).is_err());
    }
}
