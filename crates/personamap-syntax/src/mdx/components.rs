//! MDX prose (`prose = "mdx"`): Markdown with Mintlify's own components, checked against the
//! one table of the components and props Mintlify documents. Expressions (other than JSX
//! comments) and `import`/`export` stay refused: a page's prose holds no code.

use markdown::mdast::{AttributeContent, AttributeValue, Node};

/// Where [`COMPONENTS`] comes from: Mintlify's component reference, read on the date given.
pub const SOURCE: &str = "https://www.mintlify.com/docs/components (the index, and one page per component: callouts, cards, columns, steps, accordions, expandables, frames, tooltips, tabs, code-groups, fields, icons, update, badge, panel, visibility), read 2026-12-07";

/// One Mintlify component: its name and the props its documentation lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Component {
    /// The name, as written in MDX (`Note`).
    pub name: &'static str,
    /// The props Mintlify documents for it.
    pub props: &'static [&'static str],
}

/// The props of Mintlify's icons (`icon` and how it is drawn), shared by several components.
const ICON: [&str; 2] = ["icon", "iconType"];

/// The components Mintlify provides without an import, with their documented props
/// (source: [`SOURCE`]). Callouts take no props but their content.
pub const COMPONENTS: &[Component] = &[
    Component {
        name: "Note",
        props: &[],
    },
    Component {
        name: "Tip",
        props: &[],
    },
    Component {
        name: "Warning",
        props: &[],
    },
    Component {
        name: "Info",
        props: &[],
    },
    Component {
        name: "Check",
        props: &[],
    },
    Component {
        name: "Danger",
        props: &[],
    },
    Component {
        name: "Callout",
        props: &[ICON[0], ICON[1], "color"],
    },
    Component {
        name: "Card",
        props: &[
            "title",
            ICON[0],
            ICON[1],
            "color",
            "href",
            "horizontal",
            "img",
            "cta",
            "arrow",
        ],
    },
    Component {
        name: "CardGroup",
        props: &["cols"],
    },
    Component {
        name: "Columns",
        props: &["cols"],
    },
    Component {
        name: "Steps",
        props: &["titleSize"],
    },
    Component {
        name: "Step",
        props: &["title", ICON[0], ICON[1], "stepNumber", "titleSize"],
    },
    Component {
        name: "Accordion",
        props: &[
            "title",
            "description",
            "defaultOpen",
            "id",
            ICON[0],
            ICON[1],
        ],
    },
    Component {
        name: "AccordionGroup",
        props: &[],
    },
    Component {
        name: "Expandable",
        props: &["title", "defaultOpen"],
    },
    Component {
        name: "Frame",
        props: &["caption", "hint"],
    },
    Component {
        name: "Tooltip",
        props: &["tip", "headline", "cta", "href"],
    },
    Component {
        name: "Tabs",
        props: &[],
    },
    Component {
        name: "Tab",
        props: &["title", ICON[0], ICON[1]],
    },
    Component {
        name: "CodeGroup",
        props: &["dropdown"],
    },
    Component {
        name: "ResponseField",
        props: &[
            "name",
            "type",
            "default",
            "required",
            "deprecated",
            "pre",
            "post",
        ],
    },
    Component {
        name: "ParamField",
        props: &[
            "query",
            "path",
            "body",
            "header",
            "type",
            "required",
            "default",
            "placeholder",
            "deprecated",
        ],
    },
    Component {
        name: "Icon",
        props: &[ICON[0], ICON[1], "color", "size"],
    },
    Component {
        name: "Update",
        props: &["label", "description", "tags", "rss"],
    },
    Component {
        name: "Panel",
        props: &[],
    },
    Component {
        name: "Visibility",
        props: &["for"],
    },
    Component {
        name: "Badge",
        props: &["color", "size", "shape", ICON[0], "stroke", "disabled"],
    },
];

/// The component of [`COMPONENTS`] named `name`.
pub fn component(name: &str) -> Option<&'static Component> {
    COMPONENTS.iter().find(|c| c.name == name)
}

/// What is wrong in MDX prose.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// MDX cannot read the prose (an unclosed tag, a stray `<`): markdown-rs's reason.
    Unreadable(String),
    /// An element that is no Mintlify component (`<Noet>`, `<div>`, a fragment `<>`).
    UnknownComponent(String),
    /// A prop the component does not document.
    UnknownProp {
        /// The component.
        component: &'static Component,
        /// The prop as written.
        prop: String,
    },
    /// A `{…}` expression (in text or as a prop value other than a number or boolean).
    Expression,
    /// An `import` or `export` statement.
    Esm,
}

/// A [`Problem`] at a byte offset of the prose.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    /// Byte offset in the prose.
    pub offset: usize,
    /// What is wrong there.
    pub problem: Problem,
}

/// What [`check`] finds in MDX prose: its problems and the `href` props (with the offset of
/// their value), for the link checks.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Checked {
    /// Problems, in order.
    pub problems: Vec<Found>,
    /// `href` prop values and where they are, in order.
    pub links: Vec<(usize, String)>,
}

/// Markdown as Mintlify reads a page's MDX (GFM and maths on), without frontmatter.
fn options() -> markdown::ParseOptions {
    markdown::ParseOptions {
        constructs: markdown::Constructs {
            frontmatter: false,
            ..super::page_constructs()
        },
        ..markdown::ParseOptions::mdx()
    }
}

/// Reads `text` as MDX and checks every element against [`COMPONENTS`], refusing expressions
/// (JSX comments `{/* … */}` excepted) and `import`/`export`.
pub fn check(text: &str) -> Checked {
    let mut out = Checked::default();
    match crate::mdast::parse(text, &options()) {
        Ok(tree) => {
            let statements = esm(text, &tree, &mut out);
            visit(text, &tree, &mut out);
            // An `import { X }` statement is one problem, not also an expression.
            out.problems.retain(|f| {
                f.problem != Problem::Expression
                    || !statements.iter().any(|r| r.contains(&f.offset))
            });
            out.problems.sort_by_key(|f| f.offset);
        }
        Err(crate::mdast::Unread::Message(m)) => {
            let (offset, reason) = place(text, &m);
            out.problems.push(Found {
                offset,
                problem: Problem::Unreadable(reason),
            });
        }
        Err(why @ crate::mdast::Unread::Panicked) => out.problems.push(Found {
            offset: 0,
            problem: Problem::Unreadable(why.to_string()),
        }),
    }
    out
}

/// The byte offset of the `line:column` that starts markdown-rs's message `m`, and the reason
/// without its place and its `(source:rule)` suffix.
fn place(text: &str, m: &str) -> (usize, String) {
    let (head, rest) = m.split_once(": ").unwrap_or(("", m));
    let reason = rest.rsplit_once(" (").map_or(rest, |(r, _)| r).to_string();
    let mut numbers = head
        .split(['-', ':'])
        .map(|n| n.parse::<usize>().unwrap_or(0));
    let (line, column) = (numbers.next().unwrap_or(0), numbers.next().unwrap_or(0));
    if line == 0 {
        return (0, m.to_string());
    }
    let start: usize = text
        .split_inclusive('\n')
        .take(line - 1)
        .map(str::len)
        .sum();
    let mut offset = (start + column.saturating_sub(1)).min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    (offset, reason)
}

/// Top-level paragraphs that MDX reads as ES module code: a line starting with `import` or
/// `export` and a space (markdown-rs reads them only with a JavaScript parser, which personamap
/// does not give it; Mintlify's MDX does).
/// Returns their byte ranges.
fn esm(text: &str, root: &Node, out: &mut Checked) -> Vec<std::ops::Range<usize>> {
    let mut ranges = Vec::new();
    for child in root.children().into_iter().flatten() {
        let Some(p) = child.position() else { continue };
        let block = &text[p.start.offset..];
        let esm = ["import", "export"].iter().any(|k| {
            block
                .strip_prefix(k)
                .is_some_and(|rest| rest.starts_with([' ', '\t']))
        });
        if matches!(child, Node::Paragraph(_)) && esm {
            out.problems.push(Found {
                offset: p.start.offset,
                problem: Problem::Esm,
            });
            ranges.push(p.start.offset..p.end.offset);
        }
    }
    ranges
}

/// Checks every element and expression under `node`.
fn visit(text: &str, node: &Node, out: &mut Checked) {
    let at = node.position().map_or(0, |p| p.start.offset);
    match node {
        Node::MdxjsEsm(_) => out.problems.push(Found {
            offset: at,
            problem: Problem::Esm,
        }),
        Node::MdxFlowExpression(e) if !is_comment(&e.value) => out.problems.push(Found {
            offset: at,
            problem: Problem::Expression,
        }),
        Node::MdxTextExpression(e) if !is_comment(&e.value) => out.problems.push(Found {
            offset: at,
            problem: Problem::Expression,
        }),
        Node::MdxJsxFlowElement(e) => element(text, at, e.name.as_deref(), &e.attributes, out),
        Node::MdxJsxTextElement(e) => element(text, at, e.name.as_deref(), &e.attributes, out),
        _ => {}
    }
    for child in node.children().into_iter().flatten() {
        visit(text, child, out);
    }
}

/// Whether an expression's code is only a comment (`/* … */`), which MDX renders as nothing.
fn is_comment(code: &str) -> bool {
    let code = code.trim();
    code.len() >= 4
        && code.starts_with("/*")
        && code.ends_with("*/")
        && !code[2..code.len() - 2].contains("*/")
}

/// Checks one element starting at byte `at`: its name, then each prop.
fn element(
    text: &str,
    at: usize,
    name: Option<&str>,
    attributes: &[AttributeContent],
    out: &mut Checked,
) {
    let Some(component) = name.and_then(component) else {
        out.problems.push(Found {
            offset: at,
            problem: Problem::UnknownComponent(name.unwrap_or("").to_string()),
        });
        return;
    };
    let tag = &text[at..];
    for attribute in attributes {
        match attribute {
            AttributeContent::Expression(_) => out.problems.push(Found {
                offset: at + tag.find("{").unwrap_or(0),
                problem: Problem::Expression,
            }),
            AttributeContent::Property(p) => {
                let offset = at + prop_offset(tag, &p.name);
                if !component.props.contains(&p.name.as_str()) {
                    out.problems.push(Found {
                        offset,
                        problem: Problem::UnknownProp {
                            component,
                            prop: p.name.clone(),
                        },
                    });
                }
                match &p.value {
                    Some(AttributeValue::Expression(e)) if !is_plain_literal(&e.value) => {
                        out.problems.push(Found {
                            offset,
                            problem: Problem::Expression,
                        });
                    }
                    Some(AttributeValue::Literal(href)) if p.name == "href" => {
                        // The value's own offset when it is written as it reads (no references).
                        let quoted = text[offset..]
                            .find(['"', '\''])
                            .map(|q| offset + q + 1)
                            .filter(|v| text[*v..].starts_with(href.as_str()));
                        out.links.push((quoted.unwrap_or(offset), href.clone()));
                    }
                    _ => {}
                }
            }
        }
    }
}

/// A prop value expression that is only a number or a boolean (`cols={2}`, `defaultOpen={true}`).
fn is_plain_literal(code: &str) -> bool {
    let code = code.trim();
    matches!(code, "true" | "false")
        || (!code.is_empty() && code.bytes().all(|b| b.is_ascii_digit() || b == b'.'))
}

/// The offset in `tag` (an opening tag and what follows) of prop `name`: the first occurrence
/// after a space that a `=`, a space, `/` or `>` ends.
fn prop_offset(tag: &str, name: &str) -> usize {
    let mut from = 0;
    while let Some(i) = tag[from..].find(name).map(|i| i + from) {
        let before = tag[..i]
            .chars()
            .next_back()
            .is_some_and(char::is_whitespace);
        let after = tag[i + name.len()..]
            .chars()
            .next()
            .is_none_or(|c| c == '=' || c == '/' || c == '>' || c.is_whitespace());
        if before && after {
            return i;
        }
        from = i + name.len();
    }
    0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(text: &str) -> Vec<(usize, Problem)> {
        check(text)
            .problems
            .into_iter()
            .map(|f| (f.offset, f.problem))
            .collect()
    }

    #[test]
    fn the_readme_names_every_component() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../README.md");
        let readme = std::fs::read_to_string(path).expect("the README");
        let start = readme
            .find("**MDX prose.**")
            .expect("README describes MDX prose");
        let section = &readme[start..start + readme[start..].find("```").unwrap_or(0)];
        let words: Vec<&str> = section
            .split(|c: char| !c.is_ascii_alphanumeric())
            .collect();
        for c in COMPONENTS {
            assert!(
                words.contains(&c.name),
                "README's MDX prose section does not name `{}`",
                c.name
            );
        }
    }

    #[test]
    fn known_components_and_props_pass() {
        let text = "Intro.\n\n<Note>Maps are generated.</Note>\n\n<Card title=\"Start\" href=\"/guides/start\" icon=\"rocket\">\n  Read *this*.\n</Card>\n\n<Columns cols={2}>\n<Card title=\"A\" horizontal>a</Card>\n</Columns>\n\n{/* a comment */}\n";
        let checked = check(text);
        assert_eq!(checked.problems, []);
        let at = text.find("/guides").unwrap();
        assert_eq!(checked.links, [(at, "/guides/start".to_string())]);
    }

    #[test]
    fn unknown_components_and_props_are_found_where_they_are() {
        let text = "Text.\n\n<Noet>Hi</Noet>\n\nA <Tooltip tip=\"t\" titel=\"x\">word</Tooltip>.\n";
        assert_eq!(
            problems(text),
            [
                (7, Problem::UnknownComponent("Noet".into())),
                (
                    text.find("titel").unwrap(),
                    Problem::UnknownProp {
                        component: component("Tooltip").unwrap(),
                        prop: "titel".into()
                    }
                ),
            ]
        );
    }

    #[test]
    fn expressions_and_esm_are_refused() {
        let text = "Sum: {1 + 1}.\n\nimport { x } from \"y\"\n\n<Card title={name}>c</Card>\n";
        let found = problems(text);
        assert_eq!(found[0], (5, Problem::Expression));
        assert_eq!(found[1], (text.find("import").unwrap(), Problem::Esm));
        assert_eq!(found[2], (text.find("title").unwrap(), Problem::Expression));
        assert_eq!(found.len(), 3);
    }

    #[test]
    fn unreadable_mdx_is_placed() {
        let text = "Line.\n\n<Note>open\n";
        let found = problems(text);
        assert_eq!(found.len(), 1);
        assert!(
            matches!(&found[0].1, Problem::Unreadable(m) if !m.contains("(markdown-rs")),
            "{found:?}"
        );
        assert!(found[0].0 > 0, "{found:?}");
    }
}
