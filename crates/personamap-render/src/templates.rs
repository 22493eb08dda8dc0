//! The template environment: built-in templates for the page and the divider snippet, in a
//! Jinja syntax whose delimiters (`[[ ]]`, `[% %]`, `[# #]`) cannot collide with JSX's `{{`.

use minijinja::Environment;
use minijinja::syntax::SyntaxConfig;
use personamap_syntax::js::{js_string, jsx_attr};

/// Name of the page template.
pub const PAGE: &str = "page.mdx";
/// Name of the divider snippet template.
pub const DIVIDER: &str = "divider.jsx";

/// The built-in templates, by name.
pub const BUILTIN: [(&str, &str); 2] = [
    (PAGE, include_str!("templates/page.mdx")),
    (DIVIDER, include_str!("templates/divider.jsx")),
];

/// The environment of the built-in templates, set up on first use and shared.
pub fn shared() -> &'static Environment<'static> {
    static SHARED: std::sync::OnceLock<Environment<'static>> = std::sync::OnceLock::new();
    SHARED.get_or_init(environment)
}

/// A template environment holding the built-in templates.
pub fn environment() -> Environment<'static> {
    let mut env = Environment::new();
    let syntax = SyntaxConfig::builder()
        .block_delimiters("[%", "%]")
        .variable_delimiters("[[", "]]")
        .comment_delimiters("[#", "#]")
        .trim_blocks(true)
        .keep_trailing_newline(true)
        .build();
    match syntax {
        Ok(syntax) => env.set_syntax(syntax),
        Err(e) => unreachable!("the built-in syntax is valid: {e}"),
    }
    env.add_filter("js", |s: String| js_string(&s));
    env.add_filter("attr", |s: String| jsx_attr(&s));
    for (name, source) in BUILTIN {
        if let Err(e) = env.add_template(name, source) {
            unreachable!("built-in template {name} is valid: {e}");
        }
    }
    env
}
