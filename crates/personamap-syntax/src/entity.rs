//! Character references, in one table: Mermaid's entity codes (`#quot;`, `#35;`) and HTML's
//! character references (`&quot;`, `&#35;`) name characters alike. The writers in
//! [`crate::mermaid`] write them; the readers here decode them.

/// The named references personamap reads (and writes the first four of), with their characters.
pub const NAMED: [(&str, char); 6] = [
    ("quot", '"'),
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("apos", '\''),
    ("nbsp", '\u{a0}'),
];

/// The character `name` stands for in [`NAMED`].
pub fn named(name: &str) -> Option<char> {
    NAMED.iter().find(|(n, _)| *n == name).map(|(_, c)| *c)
}

/// The character of a decimal code point written as ASCII digits (`35` → `#`).
pub fn decimal(digits: &str) -> Option<char> {
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse::<u32>().ok().and_then(char::from_u32)
}

/// The Mermaid entity code for `c` by its code point: `#35;` for `#`.
pub fn code(c: char) -> String {
    format!("#{};", u32::from(c))
}

/// The Mermaid entity code `#name;` or `#123;` that `text` starts with: its character (`None`
/// for a name personamap does not know) and the code's length in bytes.
pub fn mermaid_code(text: &str) -> Option<(Option<char>, usize)> {
    let body = text.strip_prefix('#')?;
    let len = body
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(body.len());
    (len > 0 && body[len..].starts_with(';')).then(|| {
        let name = &body[..len];
        (decimal(name).or_else(|| named(name)), len + 2)
    })
}

/// Decodes the Mermaid entity codes of `text`; a `#` that starts no known code stays as it is.
pub fn decode_mermaid(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('#') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        match mermaid_code(rest) {
            Some((Some(c), len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            _ => {
                out.push('#');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The HTML character reference `text` starts with (`&amp;` and the other names of [`NAMED`],
/// or `&#123;`): the character and the reference's length in bytes.
pub fn html_reference(text: &str) -> Option<(char, usize)> {
    let body = text.strip_prefix('&')?;
    let end = body.find(';')?;
    let name = &body[..end];
    let c = match name.strip_prefix('#') {
        Some(digits) => decimal(digits)?,
        None => named(name)?,
    };
    Some((c, end + 2))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_references_share_the_table() {
        assert_eq!(mermaid_code("#quot;x"), Some((Some('"'), 6)));
        assert_eq!(mermaid_code("#35;"), Some((Some('#'), 4)));
        assert_eq!(mermaid_code("#unknown;"), Some((None, 9)));
        assert_eq!(mermaid_code("#;"), None);
        assert_eq!(html_reference("&amp;amp;"), Some(('&', 5)));
        assert_eq!(html_reference("&#60;"), Some(('<', 5)));
        assert_eq!(html_reference("&60;"), None);
        assert_eq!(html_reference("&#;"), None);
        assert_eq!(
            decode_mermaid("Queue #35;1; #unknown; #amp; #"),
            "Queue #1; #unknown; & #"
        );
        assert_eq!(code('#'), "#35;");
    }
}
