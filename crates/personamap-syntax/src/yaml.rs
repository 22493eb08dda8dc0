//! YAML scalars and keys for frontmatter: plain when YAML reads them as written, else quoted.

use crate::js::js_string;

/// A YAML scalar for a frontmatter string: plain when unambiguous, else double-quoted
/// (a JSON string is a valid YAML double-quoted scalar).
pub fn yaml_string(s: &str) -> String {
    const RESERVED: [&str; 22] = [
        "true", "false", "yes", "no", "on", "off", "null", "y", "n", "True", "False", "Yes", "No",
        "On", "Off", "Null", "TRUE", "FALSE", "YES", "NO", "NULL", "~",
    ];
    let plain = s.starts_with(|c: char| c.is_alphabetic() || c == '/' || c == '_')
        && !s.ends_with(' ')
        && !RESERVED.contains(&s)
        && s.chars().all(|c| {
            c.is_alphanumeric()
                || " _./-,()'?!".contains(c)
                || (!c.is_ascii()
                    && !c.is_control()
                    && c != '\u{feff}'
                    && c != '\u{2028}'
                    && c != '\u{2029}'
                    && c != '\u{85}')
        });
    if plain { s.to_string() } else { js_string(s) }
}

/// A YAML mapping key: plain when it is a simple name, else single-quoted (`'og:image'`).
pub fn yaml_key(k: &str) -> String {
    if !k.is_empty()
        && k.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    {
        k.to_string()
    } else if k
        .chars()
        .any(|c| c.is_control() || matches!(c, '\u{feff}' | '\u{2028}' | '\u{2029}' | '\u{85}'))
    {
        // Single quotes cannot hold line breaks or control characters; JSON escapes them.
        js_string(k)
    } else {
        format!("'{}'", k.replace('\'', "''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_quotes_when_needed() {
        assert_eq!(yaml_string("Infra Stack"), "Infra Stack");
        assert_eq!(yaml_string("a: b"), "\"a: b\"");
        assert_eq!(yaml_string("yes"), "\"yes\"");
        assert_eq!(yaml_string("#x"), "\"#x\"");
        assert_eq!(yaml_key("og:image"), "'og:image'");
        assert_eq!(yaml_key("a\nb"), "\"a\\nb\"");
    }
}
