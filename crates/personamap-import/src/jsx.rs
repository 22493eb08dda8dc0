//! The few JSX tags personamap writes around its maps, read back: `<Tab title=… icon=…>`,
//! `<Card title=… href=… icon=… />`, their attribute values in both forms the writer uses
//! (`"text"`, or a `{"…"}` JavaScript string where JSX could not hold the text verbatim).

/// The attributes of the opening tag `line` (trimmed) named `name`, in order, and whether it
/// closes itself (`/>`); `None` when the line is no such tag or an attribute does not read.
pub(crate) fn tag(line: &str, name: &str) -> Option<(Vec<(String, String)>, bool)> {
    let mut rest = line.trim().strip_prefix('<')?.strip_prefix(name)?;
    let mut attrs = Vec::new();
    loop {
        let trimmed = rest.trim_start();
        if trimmed == "/>" {
            return Some((attrs, true));
        }
        if trimmed == ">" {
            return Some((attrs, false));
        }
        if trimmed.len() == rest.len() {
            return None; // attributes are separated by spaces
        }
        let (key, after) = trimmed.split_once('=')?;
        if key.is_empty() || !key.chars().all(|c| c.is_ascii_alphanumeric()) {
            return None;
        }
        let (value, after) = value(after)?;
        attrs.push((key.to_string(), value));
        rest = after;
    }
}

/// One attribute value at the start of `text`, decoded, and what follows it.
fn value(text: &str) -> Option<(String, &str)> {
    if let Some(q) = text.strip_prefix('"') {
        let end = q.find('"')?;
        return Some((q[..end].to_string(), &q[end + 1..]));
    }
    let (decoded, after) = json_string(text.strip_prefix('{')?)?;
    Some((decoded, after.strip_prefix('}')?))
}

/// The JSON (JavaScript) string literal at the start of `text`, decoded, and what follows it.
pub(crate) fn json_string(text: &str) -> Option<(String, &str)> {
    let body = text.strip_prefix('"')?;
    let mut escaped = false;
    let end = body.char_indices().find_map(|(i, c)| match c {
        _ if escaped => {
            escaped = false;
            None
        }
        '\\' => {
            escaped = true;
            None
        }
        '"' => Some(i),
        _ => None,
    })?;
    let decoded = serde_json::from_str(&text[..end + 2]).ok()?;
    Some((decoded, &text[end + 2..]))
}

/// The value of attribute `key`.
pub(crate) fn attr<'a>(attrs: &'a [(String, String)], key: &str) -> Option<&'a str> {
    attrs
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;
    use personamap_syntax::js::jsx_attr;

    #[test]
    fn attributes_read_back_in_both_forms() {
        for text in ["plain {x}", "A \"q\" {x} & y", "line\nbreak", "\\u007B"] {
            let line = format!("<Tab title={} icon=\"server\">", jsx_attr(text));
            let (attrs, closed) = tag(&line, "Tab").expect("reads");
            assert!(!closed);
            assert_eq!(attr(&attrs, "title"), Some(text));
            assert_eq!(attr(&attrs, "icon"), Some("server"));
        }
        let (attrs, closed) = tag("  <Card title=\"a\" href=\"/b\" />", "Card").expect("reads");
        assert!(closed);
        assert_eq!(attrs.len(), 2);
        assert!(tag("<Tabs>", "Tab").is_none());
    }
}
