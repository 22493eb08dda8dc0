//! `personamap new persona`: a persona file with the next number and an example node and
//! edge, and the page's `personas = [...]` list extended (keeping every comment).

use crate::toml_out::{schema_line, string};
use toml_edit::{DocumentMut, Item, Value};

/// What [`persona_file`] writes.
#[derive(Clone, Debug)]
pub struct NewPersona<'a> {
    /// The file's id: `ai` gives `p6-ai.toml` and the name "Ai".
    pub id: &'a str,
    /// The persona number: one above the largest in the spec.
    pub number: u32,
    /// Class of the persona node (the palette's first).
    pub persona_class: &'a str,
    /// Class of the example node it points to (the palette's second, else its first).
    pub node_class: &'a str,
}

/// Whether `id` can name a persona file: ASCII letters, digits and `-`, not starting with `-`.
pub fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

/// The spec-relative file name and text of the new persona.
pub fn persona_file(p: &NewPersona) -> (String, String) {
    let n = p.number;
    let name: String =
        p.id.split('-')
            .filter(|w| !w.is_empty())
            .map(|w| {
                let mut c = w.chars();
                c.next()
                    .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
                    .unwrap_or_default()
            })
            .collect::<Vec<_>>()
            .join(" ");
    let text = format!(
        r##"{schema}# Persona {n}: {name}. Edit, then run `personamap generate`.

[[persona]]
number = {n}
name = {name_s}
edges = '''
P{n} --> FIRST
'''

[[persona.group]]
class = {persona_class}
nodes = [
  {{ id = "P{n}", label = ["Persona {n}", {name_s}] }},
]

[[persona.group]]
class = {node_class}
nodes = [
  {{ id = "FIRST", label = ["Where they start"] }},
]
"##,
        schema = schema_line(personamap_spec::SPEC_DIR),
        name_s = string(&name),
        persona_class = string(p.persona_class),
        node_class = string(p.node_class),
    );
    (format!("p{n}-{}.toml", p.id), text)
}

/// `text` (a spec file) with `number` appended to the `personas = [...]` list of page
/// `page_id`; `None` when the page has no list (it shows every persona) or is not in `text`.
pub fn add_to_page(text: &str, page_id: &str, number: u32) -> Result<Option<String>, String> {
    let mut doc: DocumentMut = text.parse().map_err(|e| format!("{e}"))?;
    let Some(pages) = doc.get_mut("page").and_then(Item::as_array_of_tables_mut) else {
        return Ok(None);
    };
    let Some(page) = pages
        .iter_mut()
        .find(|t| t.get("id").and_then(Item::as_str) == Some(page_id))
    else {
        return Ok(None);
    };
    let Some(list) = page.get_mut("personas").and_then(Item::as_array_mut) else {
        return Ok(None);
    };
    // A list written one number per line keeps that shape.
    let multiline = list
        .iter()
        .next()
        .and_then(|v| v.decor().prefix())
        .and_then(|p| p.as_str())
        .is_some_and(|p| p.contains('\n'));
    let mut value = Value::from(i64::from(number));
    if let Some(last) = list.iter().last() {
        let prefix = last
            .decor()
            .prefix()
            .and_then(|p| p.as_str())
            .unwrap_or(" ");
        value.decor_mut().set_prefix(if multiline {
            prefix.to_string()
        } else {
            " ".to_string()
        });
    }
    list.push_formatted(value);
    Ok(Some(doc.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_number_joins_the_list_and_comments_stay() {
        let text =
            "# top\n[[page]]\nid = \"a\"\npersonas = [1, 2]   # the two\n\n[[page]]\nid = \"b\"\n";
        let got = add_to_page(text, "a", 3)
            .expect("parses")
            .expect("has a list");
        assert_eq!(
            got,
            "# top\n[[page]]\nid = \"a\"\npersonas = [1, 2, 3]   # the two\n\n[[page]]\nid = \"b\"\n"
        );
        assert_eq!(add_to_page(text, "b", 3).expect("parses"), None);
        let lines = "[[page]]\nid = \"a\"\npersonas = [\n  1,\n  2,\n]\n";
        let got = add_to_page(lines, "a", 3).expect("parses").expect("list");
        assert_eq!(
            got,
            "[[page]]\nid = \"a\"\npersonas = [\n  1,\n  2,\n  3,\n]\n"
        );
    }

    #[test]
    fn ids_are_file_name_safe() {
        assert!(valid_id("ai-builder"));
        assert!(!valid_id("../x") && !valid_id("") && !valid_id("-a") && !valid_id("a b"));
    }
}
