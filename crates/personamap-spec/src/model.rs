//! The typed model a spec resolves to. Every name in it has been checked: edges name declared
//! nodes, nodes name palette classes, persona numbers and page ids are unique.

use crate::source::{Sources, Span};
use std::borrow::Cow;
use std::sync::Arc;

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
    /// Personas, sorted by number (each number once). Shared: a load that resolves a persona
    /// from the same inputs as the last one hands out the same one ([`same`] compares it in
    /// constant time).
    pub personas: Vec<Arc<Persona>>,
    /// Lint levels set by `[lints]`, `[page.lints]` and `[persona.lints]`.
    pub lints: crate::lints::Lints,
}

impl Spec {
    /// The palette class called `name`.
    pub fn class(&self, name: &str) -> Option<&Class> {
        self.palette.iter().find(|c| c.name == name)
    }

    /// The persona numbered `number`.
    pub fn persona(&self, number: u32) -> Option<&Persona> {
        self.shared_persona(number).map(|p| &**p)
    }

    /// The persona numbered `number`, shared (for a memo to keep).
    pub fn shared_persona(&self, number: u32) -> Option<&Arc<Persona>> {
        let at = self.personas.binary_search_by_key(&number, |p| p.number);
        at.ok().map(|i| &self.personas[i])
    }

    /// The page with id `id`.
    pub fn page(&self, id: &str) -> Option<&Page> {
        self.pages.iter().find(|p| p.id == id)
    }
}

/// Whether two shared values are equal: at once when they are the same value (a memo's
/// entry and this load's, resolved from the same inputs), else compared.
pub fn same<T: PartialEq>(a: &Arc<T>, b: &Arc<T>) -> bool {
    Arc::ptr_eq(a, b) || **a == **b
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
    /// Where `data_snippet` was given.
    pub data_snippet_span: Option<Span>,
    /// Whether a missing root llms.txt is created.
    pub llms_txt: LlmsTxt,
}

/// What personamap does with the root llms.txt.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum LlmsTxt {
    /// Merge the pages' entries into an existing file; create none (Mintlify then serves its
    /// own index, which lists every page).
    #[default]
    Merge,
    /// Merge, and create the file when the site has none.
    Create,
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

/// The divider component placed between sections: written to a `.jsx` snippet, or a
/// hand-written snippet's export.
#[derive(Clone, Debug, PartialEq)]
pub struct Divider {
    /// Snippet file path relative to the site root, under `snippets/`.
    pub path: String,
    /// Whether personamap writes the snippet; `false` for a hand-written one it only imports
    /// (and never writes), where the fields below `component` are unused.
    pub generate: bool,
    /// Exported component name (the hand-written snippet's export when not generated).
    pub component: String,
    /// Where the hand-written snippet's `export` was given, for diagnostics.
    pub export_span: Option<Span>,
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
    /// Position of `title` among all the frontmatter keys (0: first, the default).
    pub title_at: usize,
    /// Position of `description` among all the frontmatter keys (default 1, after `title`).
    pub description_at: usize,
    /// Names of the navigation levels (version, language, tab, group, …) down to the group that
    /// lists the page in docs.json.
    pub navigation: Vec<String>,
    /// Page id after which the page is inserted when missing from its group.
    pub after: Option<String>,
    /// The llms.txt section that lists the page: the `##` name, then nested `###`, … names.
    pub llms_section: Vec<String>,
    /// Markdown before the legend.
    pub intro: Option<String>,
    /// Heading of the legend section.
    pub legend: String,
    /// Markdown after the last persona.
    pub closing: Option<String>,
    /// Persona numbers on the page, in order.
    pub personas: Vec<u32>,
    /// Which number the page shows for each persona: its own, or its place on the page.
    pub numbering: Numbering,
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
    /// How the page draws its maps (`[page.maps]`; all off by default).
    pub maps: Maps,
    /// How the page's `intro` and `closing` are written: literal Markdown (default) or MDX
    /// with Mintlify's components.
    pub prose: Prose,
    /// The `href` props of the components in MDX prose, where each is written, for the link
    /// checks.
    pub prose_links: Vec<(String, Span)>,
    /// The `[[page]]` table, for diagnostics.
    pub span: Span,
    /// The `navigation` value, for diagnostics.
    pub navigation_span: Span,
}

impl Page {
    /// The number the page shows for persona `number`: its own, or (page numbering) its place
    /// on the page counted from 1.
    pub fn shown_number(&self, number: u32) -> u32 {
        match self.numbering {
            Numbering::Global => number,
            Numbering::Page => self
                .personas
                .iter()
                .position(|n| *n == number)
                .and_then(|i| u32::try_from(i + 1).ok())
                .unwrap_or(number),
        }
    }
}

/// How a page draws its maps: layout and reading aids, all opt-in. With the defaults a map is
/// exactly the persona's flowchart.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Maps {
    /// Mintlify's ELK layout (`%%{init: …'defaultRenderer': 'elk'…}%%`) instead of dagre.
    pub elk: bool,
    /// The direction of every map on the page, overriding the personas' own.
    pub direction: Option<MapDirection>,
    /// Label lines longer than this many characters are wrapped at spaces.
    pub wrap: Option<usize>,
    /// Padding between a node's label and its border, in px (Mermaid's default is 15).
    pub padding: Option<u32>,
    /// Mintlify fence option `placement` of the zoom/pan controls.
    pub placement: Option<Placement>,
    /// Mintlify fence option `actions` (zoom/pan controls shown or not).
    pub actions: Option<bool>,
    /// The legend shows a sample of each class's fill, stroke and dash.
    pub swatches: bool,
    /// Nodes with a link start with a visible link marker, and the page lists the links with
    /// their tooltips under each map.
    pub mark_links: bool,
}

/// The link marker put before the first label line of a linked node (`mark_links`; first
/// lines are mostly short, so the node does not get wider).
pub const LINK_MARKER: &str = "↗";

impl Maps {
    /// The Mintlify fence options after ```` ```mermaid ````, with a leading space, or "".
    pub fn fence_meta(&self) -> String {
        let mut meta = String::new();
        if let Some(p) = self.placement {
            meta.push_str(&format!(" placement=\"{}\"", p.as_str()));
        }
        if let Some(a) = self.actions {
            meta.push_str(&format!(" actions={{{a}}}"));
        }
        meta
    }

    /// Whether the diagram text needs an `%%{init: …}%%` line.
    pub fn has_init(&self) -> bool {
        self.elk || self.padding.is_some()
    }

    /// The `%%{init: …}%%` line (without newline), if any setting needs one.
    pub fn init_line(&self) -> Option<String> {
        if !self.has_init() {
            return None;
        }
        let mut parts = Vec::new();
        if self.elk {
            parts.push("'defaultRenderer': 'elk'".to_string());
        }
        if let Some(p) = self.padding {
            parts.push(format!("'padding': {p}"));
        }
        Some(format!(
            "%%{{init: {{'flowchart': {{{}}}}}}}%%",
            parts.join(", ")
        ))
    }

    /// The label lines of `node` as drawn on this page: long lines wrapped, the link marker
    /// added when `linked` (the page makes links clickable). The node's own lines, not a copy,
    /// when the page changes neither.
    pub fn label<'a>(&self, node: &'a Node, linked: bool) -> Cow<'a, [String]> {
        let may_mark = self.mark_links && linked && node.href.is_some();
        if self.wrap.is_none() && !may_mark {
            return Cow::Borrowed(&node.label);
        }
        let mut lines: Vec<String> = match self.wrap {
            Some(width) => node
                .label
                .iter()
                .flat_map(|l| wrap_line(l, width))
                .collect(),
            None => node.label.clone(),
        };
        if may_mark && let Some(first) = lines.first_mut() {
            first.insert_str(0, &format!("{LINK_MARKER} "));
        }
        Cow::Owned(lines)
    }
}

/// `line` broken at spaces into lines of at most `width` characters (a longer word stays whole).
/// A line that fits, or has no space, is returned as it is.
pub fn wrap_line(line: &str, width: usize) -> Vec<String> {
    if line.chars().count() <= width || !line.contains(' ') {
        return vec![line.to_string()];
    }
    let mut out: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in line.split(' ').filter(|w| !w.is_empty()) {
        let len = current.chars().count();
        if len > 0 && len + 1 + word.chars().count() > width {
            out.push(std::mem::take(&mut current));
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(word);
    }
    if !current.is_empty() || out.is_empty() {
        out.push(current);
    }
    out
}

/// The direction a page gives its maps.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MapDirection {
    /// One direction for every map.
    Fixed(Direction),
    /// For each map, the narrower of left-right and top-down by the width estimate.
    Auto,
}

/// Where Mintlify puts a diagram's zoom/pan controls.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Placement {
    /// Top left.
    TopLeft,
    /// Top right.
    TopRight,
    /// Bottom left.
    BottomLeft,
    /// Bottom right.
    BottomRight,
}

impl Placement {
    /// Mintlify's spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Placement::TopLeft => "top-left",
            Placement::TopRight => "top-right",
            Placement::BottomLeft => "bottom-left",
            Placement::BottomRight => "bottom-right",
        }
    }
}

/// Which number a page shows for a persona (in its heading, tab title, text version and
/// accessible title).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Numbering {
    /// The persona's own `number` (default).
    #[default]
    Global,
    /// Its place on the page: the page's personas are Persona 1, 2, … in its order.
    Page,
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

/// How a page's own prose (`intro`, `closing`) is written into the page.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Prose {
    /// Markdown shown as written: `{`, `}` and `<` escaped, so a `<Note>` is text.
    #[default]
    Literal,
    /// MDX: Markdown with Mintlify's components (checked against the components and props
    /// Mintlify documents), written as it is; no expressions, no `import`/`export`.
    Mdx,
}

impl Prose {
    /// The name a spec writes (`literal`, `mdx`).
    pub fn name(self) -> &'static str {
        match self {
            Prose::Literal => "literal",
            Prose::Mdx => "mdx",
        }
    }
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
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
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
    /// Short tab label (tabs layout), plain text; default: the heading as plain text.
    pub tab_title: Option<String>,
    /// Diagram direction.
    pub direction: Direction,
    /// Direction on pages whose maps choose theirs (`[page.maps] direction = "auto"`).
    pub map_direction: Option<Direction>,
    /// Markdown between the heading and the diagram.
    pub intro: Option<String>,
    /// How `intro` is written: literal Markdown (default) or MDX with Mintlify's components.
    pub prose: Prose,
    /// The `href` props of the components in an MDX `intro`, where each is written, for the
    /// link checks.
    pub prose_links: Vec<(String, Span)>,
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

/// How an edge is drawn: Mermaid's line styles, with their arrows.
pub use personamap_syntax::mermaid::EdgeKind;

/// Where an edge label is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LabelStyle {
    /// Inside the arrow: `-.label.->`, `-- label -->`, `== label ==>`.
    Inline,
    /// After the arrow: `-->|label|`.
    Pipe,
}

/// The look of a link: line style, ends and length.
pub use personamap_syntax::mermaid::{Ends, Shape};

/// One link of a chain.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Link {
    /// Line style, ends and length.
    pub shape: Shape,
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
