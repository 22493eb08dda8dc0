//! Hostile sample sites for property tests and conformance runs: whole random specs (every
//! field: several pages with every option, personas with every edge form, class overrides,
//! nested frontmatter, CRLF files) whose text is drawn from Unicode plus the characters and
//! words that break MDX, YAML, Mermaid and Mintlify's reprint. Shared by `tests/properties.rs`
//! and `examples/hostile_sites.rs` (`#[path]` include).

use proptest::prelude::*;

/// Fragments that have broken, or could break, one of the target languages.
const NASTY: &[&str] = &[
    "\"",
    "'",
    "{",
    "}",
    "<",
    ">",
    "`",
    "```",
    "~~~",
    "-->",
    "-.->",
    "==>",
    "%%",
    "%%{init}%%",
    "#",
    " #",
    "#35;",
    "#quot;",
    "&amp;",
    "&#123;",
    "&",
    ";",
    ":",
    "style:#1;",
    "mode:\"fast\"",
    "classDef",
    "end",
    "End",
    "$$",
    "|",
    "\\",
    "\\{",
    "\\n",
    "C:\\new",
    "fa:fa-x",
    "fab:fa-github",
    "[",
    "]",
    "(",
    ")",
    "<br/>",
    ":::",
    "---",
    "***",
    "* ",
    "- ",
    "1. ",
    "> ",
    "## ",
    "**b**",
    "_i_",
    "import x from \"y\"",
    "export const a = 1",
    "import",
    "export",
    "<Tab>",
    "{/* c */}",
    "    ",
    "\t",
    "\n",
    "\r\n",
    "\n\n",
    " ",
    "yes",
    "null",
    "~",
    "@",
    "!",
    "?",
    "é",
    "漢字",
    "🦀",
    "\u{200b}",
    "\u{2028}",
    "\u{feff}",
    "\u{0}",
    "o",
    "x",
    " o",
    " x",
    "applies to",
    "opts into",
    "constructor",
    "__proto__",
    "toString",
];

/// Whole Markdown blocks that MDX, remark's reprint or Mermaid have misread.
const NASTY_BLOCKS: &[&str] = &[
    "## Heading\nexport const a = 1",
    "## Heading\nimport x from \"y\"",
    "| a | b |\n| - | - |\n| 1 | 2 |\nexport default 3",
    "***\nimport {a} from 'b'",
    "export is a word here",
    "import is a word here",
    "> ~~~\n> code {x} <y>\n> ~~~",
    "> quote with {braces}\n> and <tags>",
    "~~~js\nconst a = {b};\n~~~",
    "```\n{x}\n```",
    "    indented {code}",
    "- **bold** item\n- &amp; entity\n1. x",
    "Text ending with a hash #",
    "Trailing backslash\\",
    "A line\\\nbroken by a backslash",
    "<div>html {block}</div>",
    "Setext heading\n---",
    "[link](https://example.com/a_b) and <https://example.com>",
    "![image](/logo.svg)",
    "- [ ] task\n- [x] done",
    "~~strike~~ and `code {x}`",
    "$$ math $$ and %% comment",
];

/// Node ids: plain and Mermaid-troubling (`Object.prototype` names are in [`RARE_IDS`]).
const IDS: &[&str] = &[
    "N", "A", "B_2", "o", "x", "ox", "Ox", "end2", "End", "mystyle", "styleA", "_", "9lives",
    "click2",
];

/// Edge label texts Mermaid's lexer is known to misread.
const EDGE_LABELS: &[&str] = &[
    "applies to",
    "opts into",
    "o",
    "x",
    "box",
    "to",
    "a|b",
    "yes/no",
    "1. x",
    "**b**",
    "#35;",
    "fa:fa-x",
    "C:\\new",
    "a -- b",
    "== c",
    "-> d",
    "\"q\"",
    "e ;",
    "end",
    "%% x",
];

/// Tooltips: every character Mermaid's click grammar or entity pass treats specially.
const TOOLTIPS: &[&str] = &[
    "\"",
    "#",
    "<",
    ">",
    "{",
    "}",
    "%",
    ";",
    "`",
    "#35;",
    "&amp;",
    "a \"b\" #c <d> {e} %f ;g `h`",
    "%%",
    "\\",
    "fa:fa-x",
];

/// `dash` values.
const DASHES: &[&str] = &["4 2", "3 3", "5,5", "2"];

/// Rare fragments (about one in 600 pieces), some of which personamap rejects with a located
/// error; most are valid (a private-use character, a symbol): about one spec in 25 is rejected.
const RARE: &[&str] = &["\u{fffe}", "\u{e000}", "\u{1d11e}", "\u{fffd}"];

/// Rare node ids (about one in 200 nodes): `Object.prototype` names, which personamap rejects
/// with a located error, and ids that only look like them.
const RARE_IDS: &[&str] = &[
    "constructor",
    "toString",
    "__proto__",
    "hasOwnProperty",
    "valueOf",
    "constructor_",
    "toStrings",
    "_proto_",
    "hasOwn",
    "valueOf2",
];

/// Any text: fragments from [`NASTY`] mixed with arbitrary Unicode, possibly empty.
pub fn text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        600 => proptest::sample::select(NASTY).prop_map(str::to_string),
        1 => proptest::sample::select(RARE).prop_map(str::to_string),
        400 => any::<String>().prop_map(|s| s.chars().take(6).collect()),
        200 => "[a-zA-Z ]{1,8}",
    ];
    proptest::collection::vec(piece, 0..6).prop_map(|v| v.concat())
}

/// One line of text (no line breaks).
pub fn line() -> impl Strategy<Value = String> {
    text().prop_map(|t| t.replace(['\n', '\r', '\u{2028}'], " "))
}

/// Markdown prose: hostile blocks and text, joined by single or double line breaks.
pub fn prose() -> impl Strategy<Value = String> {
    let block = prop_oneof![
        2 => proptest::sample::select(NASTY_BLOCKS).prop_map(str::to_string),
        2 => text(),
    ];
    let sep = proptest::sample::select(&["\n", "\n\n"][..]);
    proptest::collection::vec((block, sep), 1..4).prop_map(|v| {
        v.into_iter()
            .map(|(b, s)| format!("{b}{s}"))
            .collect::<String>()
    })
}

fn pick<T: Clone + std::fmt::Debug>(items: &'static [T]) -> impl Strategy<Value = T> {
    proptest::sample::select(items)
}

/// A frontmatter value, nested up to two levels.
#[derive(Clone, Debug)]
pub enum Fm {
    /// A string.
    Str(String),
    /// An integer.
    Int(i64),
    /// A boolean.
    Bool(bool),
    /// A float.
    Float(f64),
    /// A list.
    Array(Vec<Fm>),
    /// A table.
    Table(Vec<(String, Fm)>),
}

fn fm() -> impl Strategy<Value = Fm> {
    let leaf = prop_oneof![
        3 => line().prop_map(Fm::Str),
        1 => any::<i32>().prop_map(|i| Fm::Int(i.into())),
        1 => any::<bool>().prop_map(Fm::Bool),
        1 => (-1000i32..1000).prop_map(|i| Fm::Float(f64::from(i) / 8.0)),
    ];
    leaf.prop_recursive(2, 8, 3, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..3).prop_map(Fm::Array),
            proptest::collection::vec((key(), inner), 0..3).prop_map(Fm::Table),
        ]
    })
}

fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        pick(
            &[
                "keywords",
                "og:image",
                "sidebarTitle",
                "x y",
                "mode",
                "icon",
                "tag",
                "a.b",
                "'q'",
                "\"dq\"",
                "é"
            ][..]
        )
        .prop_map(str::to_string),
        "[a-z][a-zA-Z0-9_-]{0,8}",
    ]
}

/// A diagram node.
#[derive(Clone, Debug)]
pub struct Node {
    /// Id (made unique by a suffix when taken).
    pub id: &'static str,
    /// Label lines.
    pub label: Vec<String>,
    /// Write the label as one string with `\n` instead of a list.
    pub label_as_string: bool,
    /// Class (index into the palette); `None` takes the group's.
    pub class: Option<usize>,
    /// Link: index into the site's link targets.
    pub href: Option<usize>,
    /// Tooltip.
    pub tooltip: Option<String>,
}

/// One edge statement: node sets (indices into the persona's nodes) joined by links.
#[derive(Clone, Debug)]
pub struct Stmt {
    /// Node sets, at least two.
    pub sets: Vec<Vec<usize>>,
    /// Links: (kind 0..3, label and its form 0..4).
    pub links: Vec<(u8, Option<(String, u8)>)>,
}

/// A hostile persona.
#[derive(Clone, Debug)]
pub struct Persona {
    /// Name (a heading).
    pub name: String,
    /// Nickname.
    pub nickname: Option<String>,
    /// Tab icon.
    pub icon: Option<String>,
    /// Direction, index into `LR RL TD TB BT`.
    pub direction: Option<usize>,
    /// Markdown intro.
    pub intro: Option<String>,
    /// Node groups: (group class, nodes).
    pub groups: Vec<(usize, Vec<Node>)>,
    /// Edge groups.
    pub edges: Vec<Vec<Stmt>>,
    /// Class overrides: (class, fill, dash).
    pub overrides: Vec<(usize, usize, Option<&'static str>)>,
}

/// A related-pages card.
#[derive(Clone, Debug)]
pub struct Card {
    /// Title.
    pub title: String,
    /// Link, index into the link targets.
    pub href: usize,
    /// Icon.
    pub icon: Option<String>,
    /// Markdown description.
    pub description: Option<String>,
}

/// One page of the spec.
#[derive(Clone, Debug)]
pub struct Page {
    /// Title.
    pub title: String,
    /// Description.
    pub description: String,
    /// Intro Markdown.
    pub intro: Option<String>,
    /// Closing Markdown.
    pub closing: Option<String>,
    /// Legend heading.
    pub legend: Option<String>,
    /// Layout: none given, `sections`, `tabs`.
    pub layout: u8,
    /// Links: none given, `none`, `click`, `list`, `cards`.
    pub links: u8,
    /// `accessible`.
    pub accessible: Option<bool>,
    /// Banner: none given, `none`, `comment`, `livepeer`.
    pub banner: u8,
    /// Related cards.
    pub related: Vec<Card>,
    /// Extra frontmatter.
    pub frontmatter: Vec<(String, Fm)>,
    /// Persona subset (bit mask over the personas; 0 = all).
    pub personas: u8,
}

/// A hostile site.
#[derive(Clone, Debug)]
pub struct Site {
    /// Pages (the first is `guides/map`).
    pub pages: Vec<Page>,
    /// Palette meanings and dashes.
    pub palette: Vec<(String, Option<&'static str>)>,
    /// Personas.
    pub personas: Vec<Persona>,
    /// Write a data snippet.
    pub data_snippet: bool,
    /// Divider component name.
    pub divider: Option<usize>,
    /// Site name and description.
    pub about: (Option<String>, Option<String>),
    /// Spec files with CRLF line ends.
    pub crlf: bool,
}

/// Link targets: the site's pages (docs.json lists `index`) and URLs with awkward characters.
const HREFS: &[&str] = &[
    "/index",
    "/guides/map",
    "/index#anchor",
    "https://example.com/a?b=1&c=2",
    "https://example.com/q%22uote",
    "https://example.com/%7Bx%7D",
    "https://github.com/org/repo",
];
const FILLS: &[&str] = &["#fef3c7", "#e1f5ee", "#ffffff", "#0b66ff"];
const DIRECTIONS: &[&str] = &["LR", "RL", "TD", "TB", "BT"];
const ICONS: &[&str] = &["download", "github", "book-open", "server"];
const DIVIDERS: &[&str] = &["CustomDivider", "Divider", "Rule2"];

fn opt<S: Strategy>(s: S) -> impl Strategy<Value = Option<S::Value>> {
    proptest::option::of(s)
}

fn node(classes: usize) -> impl Strategy<Value = Node> {
    (
        prop_oneof![199 => proptest::sample::select(IDS), 1 => pick(RARE_IDS)],
        proptest::collection::vec(line(), 1..4),
        any::<bool>(),
        opt(0..classes),
        opt(0..HREFS.len()),
        opt(prop_oneof![
            proptest::sample::select(TOOLTIPS).prop_map(str::to_string),
            line()
        ]),
    )
        .prop_map(|(id, label, label_as_string, class, href, tooltip)| Node {
            id,
            label,
            label_as_string,
            class,
            href,
            tooltip,
        })
}

fn stmt(nodes: usize) -> impl Strategy<Value = Stmt> {
    let set = proptest::collection::vec(0..nodes, 1..3);
    let label = opt((
        prop_oneof![2 => proptest::sample::select(EDGE_LABELS).prop_map(str::to_string), 1 => line()],
        0u8..4,
    ));
    (
        proptest::collection::vec(set, 2..4),
        proptest::collection::vec((0u8..3, label), 3),
    )
        .prop_map(|(mut sets, links)| {
            for s in &mut sets {
                s.sort_unstable();
                s.dedup();
            }
            let links = links[..sets.len() - 1].to_vec();
            Stmt { sets, links }
        })
}

/// Keeps the first self-loop of each node and drops the others (personamap refuses a node
/// with several: Mermaid draws only the last), cutting a statement short where a set empties.
fn one_self_loop_per_node(mut edges: Vec<Vec<Stmt>>) -> Vec<Vec<Stmt>> {
    let mut looped = Vec::new();
    for group in &mut edges {
        group.retain_mut(|s| {
            for k in 1..s.sets.len() {
                let (before, after) = s.sets.split_at_mut(k);
                let prev = &before[k - 1];
                after[0].retain(|n| {
                    let again = prev.contains(n) && looped.contains(n);
                    if prev.contains(n) {
                        looped.push(*n);
                    }
                    !again
                });
                if after[0].is_empty() {
                    s.sets.truncate(k);
                    s.links.truncate(k - 1);
                    break;
                }
            }
            s.sets.len() >= 2
        });
    }
    edges
}

fn persona(classes: usize) -> impl Strategy<Value = Persona> {
    (
        line(),
        opt(line()),
        opt(pick(ICONS).prop_map(str::to_string)),
        opt(0..DIRECTIONS.len()),
        opt(prose()),
        proptest::collection::vec(
            (0..classes, proptest::collection::vec(node(classes), 1..4)),
            1..3,
        ),
        proptest::collection::vec(
            (
                0..classes,
                0..FILLS.len(),
                opt(proptest::sample::select(DASHES)),
            ),
            0..2,
        ),
    )
        .prop_flat_map(
            move |(name, nickname, icon, direction, intro, groups, overrides)| {
                let n = groups.iter().map(|g| g.1.len()).sum::<usize>();
                proptest::collection::vec(proptest::collection::vec(stmt(n), 0..4), 0..3)
                    .prop_map(one_self_loop_per_node)
                    .prop_map(move |edges| Persona {
                        name: name.clone(),
                        nickname: nickname.clone(),
                        icon: icon.clone(),
                        direction,
                        intro: intro.clone(),
                        groups: groups.clone(),
                        edges,
                        overrides: overrides.clone(),
                    })
            },
        )
}

fn page() -> impl Strategy<Value = Page> {
    (
        (line(), line(), opt(prose()), opt(prose()), opt(line())),
        (0u8..3, 0u8..5, opt(any::<bool>()), 0u8..4),
        proptest::collection::vec(
            (
                line(),
                0..HREFS.len(),
                opt(pick(ICONS).prop_map(str::to_string)),
                opt(prose()),
            ),
            0..3,
        ),
        proptest::collection::vec((key(), fm()), 0..4),
        any::<u8>(),
    )
        .prop_map(
            |(
                (title, description, intro, closing, legend),
                (layout, links, accessible, banner),
                related,
                frontmatter,
                personas,
            )| Page {
                title,
                description,
                intro,
                closing,
                legend,
                layout,
                links,
                accessible,
                banner,
                related: related
                    .into_iter()
                    .map(|(title, href, icon, description)| Card {
                        title,
                        href,
                        icon,
                        description,
                    })
                    .collect(),
                frontmatter,
                personas,
            },
        )
}

/// Strategy for a whole hostile site.
pub fn site() -> impl Strategy<Value = Site> {
    (
        proptest::collection::vec((line(), opt(proptest::sample::select(DASHES))), 2..4),
        proptest::collection::vec(page(), 1..3),
        any::<bool>(),
        opt(0..DIVIDERS.len()),
        (opt(line()), opt(line())),
        prop_oneof![3 => Just(false), 1 => Just(true)],
    )
        .prop_flat_map(
            move |(palette, pages, data_snippet, divider, about, crlf)| {
                let classes = palette.len();
                proptest::collection::vec(persona(classes), 1..4).prop_map(move |personas| Site {
                    pages: pages.clone(),
                    palette: palette.clone(),
                    personas,
                    data_snippet,
                    divider,
                    about: about.clone(),
                    crlf,
                })
            },
        )
}

/// A TOML basic string.
fn toml_str(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() || c == '\u{feff}' => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A TOML string for Markdown: a multi-line literal string when the text allows it (so a CRLF
/// file puts CRLF inside the value), else a basic string.
fn toml_text(s: &str) -> String {
    let literal_ok = !s.contains("'''")
        && !s.ends_with('\'')
        && !s
            .chars()
            .any(|c| (c.is_control() && c != '\n' && c != '\t') || c == '\u{feff}');
    if literal_ok && s.contains('\n') {
        format!("'''\n{s}'''")
    } else {
        toml_str(s)
    }
}

fn toml_fm(v: &Fm) -> String {
    match v {
        Fm::Str(s) => toml_str(s),
        Fm::Int(i) => i.to_string(),
        Fm::Bool(b) => b.to_string(),
        Fm::Float(f) => format!("{f:?}"),
        Fm::Array(items) => format!(
            "[{}]",
            items.iter().map(toml_fm).collect::<Vec<_>>().join(", ")
        ),
        Fm::Table(entries) => {
            let mut seen = Vec::new();
            let parts: Vec<String> = entries
                .iter()
                .filter(|(k, _)| {
                    let fresh = !seen.contains(k);
                    seen.push(k.clone());
                    fresh
                })
                .map(|(k, v)| format!("{} = {}", toml_str(k), toml_fm(v)))
                .collect();
            format!("{{ {} }}", parts.join(", "))
        }
    }
}

/// The unique node ids of a persona, in node order.
fn node_ids(p: &Persona) -> Vec<String> {
    let mut ids: Vec<String> = Vec::new();
    for n in p.groups.iter().flat_map(|g| &g.1) {
        let base = n.id;
        let mut id = base.to_string();
        let mut k = 1;
        while ids.contains(&id) {
            id = format!("{base}{k}");
            k += 1;
        }
        ids.push(id);
    }
    ids
}

/// One link of an edge statement, in one of the forms the spec reads, falling back to the
/// quoted pipe form when the label cannot be written in the chosen one.
fn arrow(kind: u8, label: Option<&(String, u8)>) -> String {
    let (arrow, open, close) = [
        ("-->", "--", "-->"),
        ("-.->", "-.", ".->"),
        ("==>", "==", "==>"),
    ][usize::from(kind) % 3];
    let Some((text, form)) = label else {
        return arrow.to_string();
    };
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return arrow.to_string();
    }
    let quoted = format!("\"{}\"", trimmed.replace('\\', "\\\\").replace('"', "\\\""));
    // An unquoted label must not merge with the arrow around it (`-.` + `-> d` is `-.->`).
    let edge = ['-', '.', '=', '>', '|', '"'];
    let plain = !trimmed.starts_with(edge) && !trimmed.ends_with(edge);
    match form % 4 {
        1 if plain && !trimmed.contains('|') => format!("{arrow}|{trimmed}|"),
        2 if plain && !trimmed.contains(close) && !trimmed.contains(open) => {
            if kind % 3 == 1 {
                format!("{open}{trimmed}{close}")
            } else {
                format!("{open} {trimmed} {close}")
            }
        }
        3 => format!("{open} {quoted} {close}"),
        _ => format!("{arrow}|{quoted}|"),
    }
}

/// The files of `site`: `docs.json`, its existing `index.mdx` and `personas/*.toml`, as (path, text).
pub fn files(site: &Site) -> Vec<(String, String)> {
    let mut spec = String::from("[site]\nbase_url = \"https://docs.example.com\"\n");
    if let Some(name) = &site.about.0 {
        spec.push_str(&format!("name = {}\n", toml_str(name)));
    }
    if let Some(d) = &site.about.1 {
        spec.push_str(&format!("description = {}\n", toml_str(d)));
    }
    if site.data_snippet {
        spec.push_str("data_snippet = \"snippets/data/personas.jsx\"\n");
    }
    spec.push_str("\n[divider]\npath = \"snippets/Divider.jsx\"\nlogo = \"/logo.svg\"\n");
    if let Some(d) = site.divider {
        spec.push_str(&format!("component = \"{}\"\n", DIVIDERS[d]));
    }
    for (i, page) in site.pages.iter().enumerate() {
        let id = if i == 0 {
            "guides/map".to_string()
        } else {
            format!("guides/map{i}")
        };
        spec.push_str(&format!(
            "\n[[page]]\nid = \"{id}\"\ntitle = {}\ndescription = {}\nnavigation = [\"Guides\"]\n",
            toml_str(&page.title),
            toml_str(&page.description)
        ));
        for (key, value) in [("intro", &page.intro), ("closing", &page.closing)] {
            if let Some(v) = value {
                spec.push_str(&format!("{key} = {}\n", toml_text(v)));
            }
        }
        if let Some(l) = &page.legend {
            spec.push_str(&format!("legend = {}\n", toml_str(l)));
        }
        if let Some(l) = [None, Some("sections"), Some("tabs")][usize::from(page.layout) % 3] {
            spec.push_str(&format!("layout = \"{l}\"\n"));
        }
        if let Some(l) = [
            None,
            Some("none"),
            Some("click"),
            Some("list"),
            Some("cards"),
        ][usize::from(page.links) % 5]
        {
            spec.push_str(&format!("links = \"{l}\"\n"));
        }
        if let Some(a) = page.accessible {
            spec.push_str(&format!("accessible = {a}\n"));
        }
        if let Some(b) =
            [None, Some("none"), Some("comment"), Some("livepeer")][usize::from(page.banner) % 4]
        {
            spec.push_str(&format!("banner = \"{b}\"\n"));
        }
        let chosen: Vec<usize> = (0..site.personas.len())
            .filter(|k| page.personas & (1 << k) != 0)
            .collect();
        if !chosen.is_empty() && page.personas % 3 != 0 {
            let numbers: Vec<String> = chosen.iter().map(|k| (k + 1).to_string()).collect();
            spec.push_str(&format!("personas = [{}]\n", numbers.join(", ")));
        }
        if !page.related.is_empty() {
            spec.push_str("related = [\n");
            for c in &page.related {
                let mut card = format!(
                    "  {{ title = {}, href = {}",
                    toml_str(&c.title),
                    toml_str(HREFS[c.href])
                );
                if let Some(icon) = &c.icon {
                    card.push_str(&format!(", icon = {}", toml_str(icon)));
                }
                if let Some(d) = &c.description {
                    card.push_str(&format!(", description = {}", toml_str(d)));
                }
                spec.push_str(&card);
                spec.push_str(" },\n");
            }
            spec.push_str("]\n");
        }
        let mut keys = Vec::new();
        for (k, v) in &page.frontmatter {
            if ["title", "description"].contains(&k.as_str()) || keys.contains(k) {
                continue;
            }
            if keys.is_empty() {
                spec.push_str("\n[page.frontmatter]\n");
            }
            spec.push_str(&format!("{} = {}\n", toml_str(k), toml_fm(v)));
            keys.push(k.clone());
        }
    }
    let colours = [
        ("#0b66ff", "#0a4cc6", "#ffffff"),
        ("#e1f5ee", "#0f6e56", "#04342c"),
        ("#fef3c7", "#92400e", "#451a03"),
    ];
    for (i, (meaning, dash)) in site.palette.iter().enumerate() {
        let (fill, stroke, color) = colours[i % colours.len()];
        spec.push_str(&format!(
            "\n[[palette]]\nname = \"c{i}\"\nmeaning = {}\nfill = \"{fill}\"\nstroke = \"{stroke}\"\ncolor = \"{color}\"\n",
            toml_str(meaning)
        ));
        if let Some(d) = dash {
            spec.push_str(&format!("dash = \"{d}\"\n"));
        }
    }
    let line_end = |t: String| {
        if site.crlf {
            t.replace('\n', "\r\n")
        } else {
            t
        }
    };
    let mut out = vec![("personas/site.toml".to_string(), line_end(spec))];
    for (i, p) in site.personas.iter().enumerate() {
        let ids = node_ids(p);
        let mut edges = String::new();
        for group in &p.edges {
            for s in group {
                let mut line = String::new();
                for (k, set) in s.sets.iter().enumerate() {
                    if k > 0 {
                        let (kind, label) = &s.links[k - 1];
                        line.push_str(&format!(" {} ", arrow(*kind, label.as_ref())));
                    }
                    let names: Vec<&str> = set.iter().map(|n| ids[*n].as_str()).collect();
                    line.push_str(&names.join(" & "));
                }
                edges.push_str(&line);
                edges.push('\n');
            }
            edges.push('\n');
        }
        let mut t = format!(
            "[[persona]]\nnumber = {}\nname = {}\n",
            i + 1,
            toml_str(&p.name)
        );
        if let Some(n) = &p.nickname {
            t.push_str(&format!("nickname = {}\n", toml_str(n)));
        }
        if let Some(icon) = &p.icon {
            t.push_str(&format!("icon = {}\n", toml_str(icon)));
        }
        if let Some(d) = p.direction {
            t.push_str(&format!("direction = \"{}\"\n", DIRECTIONS[d]));
        }
        if let Some(intro) = &p.intro {
            t.push_str(&format!("intro = {}\n", toml_text(intro)));
        }
        if !edges.trim().is_empty() {
            t.push_str(&format!("edges = {}\n", toml_text(&edges)));
        }
        let mut seen = Vec::new();
        for (class, fill, dash) in &p.overrides {
            if seen.contains(class) {
                continue;
            }
            seen.push(*class);
            t.push_str(&format!(
                "\n[persona.classes.c{class}]\nfill = \"{}\"\n",
                FILLS[*fill]
            ));
            if let Some(d) = dash {
                t.push_str(&format!("dash = \"{d}\"\n"));
            }
        }
        let mut k = 0;
        for (class, nodes) in &p.groups {
            t.push_str(&format!(
                "\n[[persona.group]]\nclass = \"c{class}\"\nnodes = [\n"
            ));
            for n in nodes {
                let mut lines = n.label.clone();
                if lines.concat().trim().is_empty() {
                    lines = vec!["x".to_string()];
                }
                let label = if n.label_as_string {
                    toml_str(&lines.join("\n"))
                } else {
                    format!(
                        "[{}]",
                        lines
                            .iter()
                            .map(|l| toml_str(l))
                            .collect::<Vec<_>>()
                            .join(", ")
                    )
                };
                let mut entry = format!("  {{ id = \"{}\", label = {label}", ids[k]);
                if let Some(c) = n.class {
                    entry.push_str(&format!(", class = \"c{c}\""));
                }
                if let Some(h) = n.href {
                    entry.push_str(&format!(", href = {}", toml_str(HREFS[h])));
                    if let Some(tip) = &n.tooltip {
                        entry.push_str(&format!(", tooltip = {}", toml_str(tip)));
                    }
                }
                t.push_str(&entry);
                t.push_str(" },\n");
                k += 1;
            }
            t.push_str("]\n");
        }
        out.push((format!("personas/p{}.toml", i + 1), line_end(t)));
    }
    out.push((
        "docs.json".to_string(),
        "{\n  \"name\": \"Hostile\",\n  \"theme\": \"mint\",\n  \"colors\": { \"primary\": \"#0b66ff\" },\n  \"navigation\": { \"groups\": [ { \"group\": \"Guides\", \"pages\": [\"index\"] } ] }\n}\n".to_string(),
    ));
    // The site's own page, which its navigation already lists, with the heading links to
    // `/index#anchor` need.
    out.push((
        "index.mdx".to_string(),
        "---\ntitle: Home\ndescription: The page that was here before personamap.\n---\n\nWelcome.\n\n## Anchor\n\nThe section `/index#anchor` links to.\n".to_string(),
    ));
    out
}
