//! The typed model a spec resolves to. Every name in it has been checked: edges name declared
//! nodes, nodes name palette classes, persona numbers and page ids are unique.

use crate::source::{Sources, Span};

/// A whole, resolved spec.
#[derive(Clone, Debug)]
pub struct Spec {
    /// The files it was loaded from.
    pub sources: Sources,
    /// Site-wide settings.
    pub site: Site,
    /// The divider snippet.
    pub divider: Divider,
    /// Pages to compile, in load order.
    pub pages: Vec<Page>,
    /// Colour classes, in legend order.
    pub palette: Vec<Class>,
    /// Personas, sorted by number.
    pub personas: Vec<Persona>,
}

impl Spec {
    /// The palette class called `name`.
    pub fn class(&self, name: &str) -> Option<&Class> {
        self.palette.iter().find(|c| c.name == name)
    }

    /// The persona numbered `number`.
    pub fn persona(&self, number: u32) -> Option<&Persona> {
        self.personas.iter().find(|p| p.number == number)
    }

    /// The page with id `id`.
    pub fn page(&self, id: &str) -> Option<&Page> {
        self.pages.iter().find(|p| p.id == id)
    }
}

/// Site-wide settings.
#[derive(Clone, Debug, PartialEq)]
pub struct Site {
    /// Site name; when absent the docs.json `name` is used.
    pub name: Option<String>,
    /// One-line summary for a new llms.txt; when absent the docs.json `description` is used.
    pub description: Option<String>,
    /// Base URL without a trailing slash, e.g. `https://docs.livepeer.org`.
    pub base_url: String,
    /// Code-fence theme for the Markdown export, used when docs.json has no
    /// `styling.codeblocks.theme`.
    pub code_theme: Option<CodeTheme>,
    /// Where to write the personas, palette and links as a `.jsx` data snippet, if anywhere.
    pub data_snippet: Option<String>,
}

/// A code block theme: one name, or a light and a dark one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CodeTheme {
    /// One theme for both modes.
    Single(String),
    /// Light and dark themes.
    Pair {
        /// Light mode theme.
        light: String,
        /// Dark mode theme.
        dark: String,
    },
}

/// The divider component written to a `.jsx` snippet and placed between sections.
#[derive(Clone, Debug, PartialEq)]
pub struct Divider {
    /// Snippet file path relative to the site root, under `snippets/`.
    pub path: String,
    /// Exported component name.
    pub component: String,
    /// Icon shown at both ends.
    pub logo: String,
    /// Default colour of the middle text.
    pub color: String,
    /// Colour of the rule lines.
    pub line_color: String,
    /// Space between the logos and the rule lines.
    pub gap: String,
    /// Named spacing presets (name, CSS margin), in order; the first is the default.
    pub spacing: Vec<(String, String)>,
    /// Where `path` was given, for diagnostics.
    pub span: Option<Span>,
}

/// One compiled page.
#[derive(Clone, Debug, PartialEq)]
pub struct Page {
    /// Page id: path from the site root without extension or leading slash.
    pub id: String,
    /// Frontmatter title.
    pub title: String,
    /// Frontmatter description.
    pub description: String,
    /// Further frontmatter keys, in spec order.
    pub frontmatter: Vec<(String, Value)>,
    /// Names of the navigation levels (version, language, tab, group, …) down to the group that
    /// lists the page in docs.json.
    pub navigation: Vec<String>,
    /// Page id after which the page is inserted when missing from its group.
    pub after: Option<String>,
    /// The llms.txt section that lists the page.
    pub llms_section: String,
    /// Markdown before the legend.
    pub intro: Option<String>,
    /// Heading of the legend section.
    pub legend: String,
    /// Markdown after the last persona.
    pub closing: Option<String>,
    /// Persona numbers on the page, in order.
    pub personas: Vec<u32>,
    /// How the personas are laid out.
    pub layout: Layout,
    /// What the nodes' `href` links become on this page.
    pub links: Links,
    /// Whether each diagram gets `accTitle`/`accDescr` and a text equivalent.
    pub accessible: bool,
    /// The banner right after the frontmatter.
    pub banner: Banner,
    /// How inline edge labels that Mermaid would misread are written.
    pub edge_labels: EdgeLabels,
    /// The "Related Pages" footer cards, in order.
    pub related: Vec<Related>,
    /// The `[[page]]` table, for diagnostics.
    pub span: Span,
    /// The `navigation` value, for diagnostics.
    pub navigation_span: Span,
}

/// How a page lays out its personas.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Layout {
    /// One section per persona, divided by the divider.
    Sections,
    /// One `<Tab>` per persona inside `<Tabs>`.
    Tabs,
}

/// What the nodes' `href` links become on a page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Links {
    /// Nothing: the diagrams stay as they are.
    None,
    /// `click` lines make the nodes clickable.
    Click,
    /// `click` lines, and a bulleted list of the links under each diagram.
    List,
    /// `click` lines, and `<Card>`s of the links in two `<Columns>` under each diagram.
    Cards,
}

/// How a page writes inline edge labels that Mermaid would misread (a dotted label ending in
/// `o` or `x`: `-.applies to.->` draws "applies t").
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum EdgeLabels {
    /// In a form Mermaid reads as written: `-. applies to .->`.
    #[default]
    Safe,
    /// Exactly as the author wrote them (a published page's bytes); `check` warns about each.
    Verbatim,
}

/// The generated-file banner after the frontmatter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Banner {
    /// No banner.
    None,
    /// A JSX comment naming the spec and the command.
    Comment,
    /// Livepeer's `generated-file-banner:v1`: a hidden comment block and a visible `<Note>`.
    Livepeer,
}

/// A card of the "Related Pages" footer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Related {
    /// Card title.
    pub title: String,
    /// Link: a site path (`/v2/...`) or an external URL.
    pub href: String,
    /// Card icon.
    pub icon: Option<String>,
    /// Card text.
    pub description: Option<String>,
    /// Where `href` was given.
    pub span: Span,
}

/// A frontmatter value.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// A string.
    String(String),
    /// An integer.
    Integer(i64),
    /// A float.
    Float(f64),
    /// A boolean.
    Boolean(bool),
    /// A TOML date, time or datetime, as written.
    Datetime(String),
    /// A list.
    Array(Vec<Value>),
    /// A map, in spec order.
    Table(Vec<(String, Value)>),
}

/// A colour class of the palette (or a persona's override of one).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Class {
    /// Class name used by nodes and classDef.
    pub name: String,
    /// Legend text (Markdown).
    pub meaning: String,
    /// Fill colour (hex).
    pub fill: String,
    /// Stroke colour (hex).
    pub stroke: String,
    /// Text colour (hex).
    pub color: String,
    /// Optional `stroke-dasharray`, e.g. `4 2`.
    pub dash: Option<String>,
    /// Where it was declared.
    pub span: Span,
}

/// Mermaid flowchart direction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    /// Left to right.
    LR,
    /// Right to left.
    RL,
    /// Top down.
    TD,
    /// Top to bottom.
    TB,
    /// Bottom to top.
    BT,
}

impl Direction {
    /// All directions with their Mermaid spelling.
    pub const ALL: [(Direction, &'static str); 5] = [
        (Direction::LR, "LR"),
        (Direction::RL, "RL"),
        (Direction::TD, "TD"),
        (Direction::TB, "TB"),
        (Direction::BT, "BT"),
    ];

    /// Mermaid spelling.
    pub fn as_str(self) -> &'static str {
        Direction::ALL
            .iter()
            .find(|(d, _)| *d == self)
            .map_or("LR", |(_, s)| s)
    }
}

/// One persona and its map.
#[derive(Clone, Debug, PartialEq)]
pub struct Persona {
    /// Persona number (unique).
    pub number: u32,
    /// Name, e.g. `AI Persona`.
    pub name: String,
    /// Nickname shown in quotes after the name.
    pub nickname: Option<String>,
    /// Tab icon (tabs layout).
    pub icon: Option<String>,
    /// Diagram direction.
    pub direction: Direction,
    /// Markdown between the heading and the diagram.
    pub intro: Option<String>,
    /// Node groups, in order (a blank line between groups in the diagram).
    pub groups: Vec<Vec<Node>>,
    /// Edge groups, in order (a blank line between groups in the diagram).
    pub edges: Vec<Vec<EdgeChain>>,
    /// Classes this persona draws differently from the palette.
    pub overrides: Vec<Class>,
    /// The `[[persona]]` table, for diagnostics.
    pub span: Span,
}

impl Persona {
    /// All nodes in order.
    pub fn nodes(&self) -> impl Iterator<Item = &Node> {
        self.groups.iter().flatten()
    }

    /// The class definitions this persona's diagram uses: palette order, overrides applied.
    pub fn used_classes<'a>(&'a self, palette: &'a [Class]) -> Vec<&'a Class> {
        palette
            .iter()
            .filter(|c| self.nodes().any(|n| n.class == c.name))
            .map(|c| {
                self.overrides
                    .iter()
                    .find(|o| o.name == c.name)
                    .unwrap_or(c)
            })
            .collect()
    }
}

/// A diagram node.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Node {
    /// Mermaid id (`[A-Za-z0-9_]`).
    pub id: String,
    /// Label lines (plain text, joined by line breaks in the diagram).
    pub label: Vec<String>,
    /// Palette class.
    pub class: String,
    /// Link target: a site path (`/v2/...`) or an external URL.
    pub href: Option<String>,
    /// Tooltip of the link (defaults to the label).
    pub tooltip: Option<String>,
    /// Where the id was given.
    pub span: Span,
    /// Where `href` was given.
    pub href_span: Option<Span>,
}

/// How an edge is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EdgeKind {
    /// `-->`
    Solid,
    /// `-.->`
    Dotted,
    /// `==>`
    Thick,
}

/// Where an edge label is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LabelStyle {
    /// Inside the arrow: `-.label.->`, `-- label -->`, `== label ==>`.
    Inline,
    /// After the arrow: `-->|label|`.
    Pipe,
}

/// One link of a chain.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Link {
    /// Line style.
    pub kind: EdgeKind,
    /// Label text and how it was written.
    pub label: Option<(String, LabelStyle)>,
}

/// A node reference in an edge statement.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NodeRef {
    /// Node id.
    pub id: String,
    /// Where it was written.
    pub span: Span,
}

/// One edge statement: `A --> B & C -.x.-> D` is the node sets `[A] [B, C] [D]` joined by two
/// links. Every node of one set links to every node of the next.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EdgeChain {
    /// Node sets (`&`-joined), at least two.
    pub sets: Vec<Vec<NodeRef>>,
    /// Links between consecutive sets (`sets.len() - 1`).
    pub links: Vec<Link>,
    /// The statement's line.
    pub span: Span,
}

impl EdgeChain {
    /// Number of Mermaid edges this statement makes.
    pub fn edge_count(&self) -> usize {
        self.sets.windows(2).map(|w| w[0].len() * w[1].len()).sum()
    }

    /// Every single edge: (from, to, link).
    pub fn edges(&self) -> impl Iterator<Item = (&NodeRef, &NodeRef, &Link)> {
        self.sets.windows(2).zip(&self.links).flat_map(|(w, link)| {
            w[0].iter()
                .flat_map(move |a| w[1].iter().map(move |b| (a, b, link)))
        })
    }
}
