//! markdown-rs's mdast, read behind a guard: it panics on some valid Markdown (a code block left open in a
//! list item that a list of another kind follows: wooorm/markdown-rs#23), and a panic in a
//! library must never end a run.

use markdown::ParseOptions;
use markdown::mdast::Node;
use std::cell::Cell;

thread_local! {
    /// Set while a guarded parse runs on this thread: its panic is caught, so the hook is quiet.
    static QUIET: Cell<bool> = const { Cell::new(false) };
}

/// Why Markdown could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unread {
    /// markdown-rs's message (MDX it cannot parse), with its place.
    Message(String),
    /// markdown-rs panicked on this input (a bug of markdown-rs, not of the text).
    Panicked,
}

impl std::fmt::Display for Unread {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Unread::Message(m) => f.write_str(m),
            Unread::Panicked => f.write_str(
                "markdown-rs cannot read it (it panics on a code block left open in a list item \
                 that a list of another kind follows: wooorm/markdown-rs#23)",
            ),
        }
    }
}

/// [`markdown::to_mdast`], with a panic caught and returned as [`Unread::Panicked`].
pub fn parse(text: &str, options: &ParseOptions) -> Result<Node, Unread> {
    static HOOK: std::sync::Once = std::sync::Once::new();
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !QUIET.with(Cell::get) {
                previous(info);
            }
        }));
    });
    QUIET.with(|q| q.set(true));
    let read = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        markdown::to_mdast(text, options)
    }));
    QUIET.with(|q| q.set(false));
    match read {
        Ok(Ok(tree)) => Ok(tree),
        Ok(Err(message)) => Err(Unread::Message(message.to_string())),
        Err(_) => Err(Unread::Panicked),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_markdown_rs_panic_is_an_error() {
        // markdown-rs 1.0.0 panics on these (found by the prose property test).
        let options = ParseOptions::gfm();
        for text in ["1. ```\n- ", "- ~~~\n1. x", "- a\n\n  ```\n1. x"] {
            assert_eq!(parse(text, &options), Err(Unread::Panicked), "{text:?}");
        }
        assert!(parse("1. a\n- b", &options).is_ok());
        assert!(matches!(
            parse("{", &ParseOptions::mdx()),
            Err(Unread::Message(_))
        ));
    }
}
