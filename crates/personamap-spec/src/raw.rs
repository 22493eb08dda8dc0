//! The TOML shape of one spec file, as serde reads it (phase one: syntax and types). The same
//! types generate the spec's JSON Schema (`personamap schema`), so the doc comments here are
//! what editors show while authors type.

use crate::lints::RawLints;
use crate::model::{Banner, EdgeLabels, Layout, Links, LlmsTxt, Numbering, Placement, Prose};
use schemars::JsonSchema;
use serde::Deserialize;
use std::collections::BTreeMap;
use toml::Spanned;

/// One personamap spec file. Every key is optional so that a spec can be split across files
/// freely (`site.toml` plus one file per persona, for example); `[site]` and `[divider]`
/// appear once in the whole spec.
#[derive(Clone, Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "personamap spec file")]
pub(crate) struct RawFile {
    /// Site-wide settings.
    #[schemars(with = "Option<RawSite>")]
    pub site: Option<Spanned<RawSite>>,
    /// The divider component, written as a `.jsx` snippet and placed between sections.
    #[schemars(with = "Option<RawDivider>")]
    pub divider: Option<Spanned<RawDivider>>,
    /// Pages to compile.
    #[serde(default)]
    #[schemars(with = "Vec<RawPage>")]
    pub page: Vec<Spanned<RawPage>>,
    /// Colour classes, in legend order.
    #[serde(default)]
    #[schemars(with = "Vec<RawClass>")]
    pub palette: Vec<Spanned<RawClass>>,
    /// Personas and their maps.
    #[serde(default)]
    #[schemars(with = "Vec<RawPersona>")]
    pub persona: Vec<Spanned<RawPersona>>,
    /// Lint levels for the whole site: `small-labels = "allow"`; pages and personas can set
    /// their own in `[page.lints]` and `[persona.lints]` (the nearest level wins).
    #[schemars(with = "Option<RawLints>")]
    pub lints: Option<Spanned<RawLints>>,
}

/// Site-wide settings.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawSite {
    /// Site name (llms.txt H1); docs.json `name` wins when present.
    pub name: Option<String>,
    /// One-line summary for a new llms.txt; docs.json `description` wins when present.
    pub description: Option<String>,
    /// Base URL of the published site, e.g. `https://docs.livepeer.org`.
    #[schemars(with = "String")]
    pub base_url: Spanned<String>,
    /// Code block theme of the Markdown export; docs.json `styling.codeblocks.theme` wins.
    pub code_theme: Option<RawCodeTheme>,
    /// Where to write personas, palette and links as a `.jsx` data snippet, e.g.
    /// `snippets/data/personas.jsx`.
    #[schemars(with = "Option<String>")]
    pub data_snippet: Option<Spanned<String>>,
    /// `merge` (default): add the pages' entries to an existing root llms.txt and create none
    /// (Mintlify then serves its own complete index); `create`: also create one when missing.
    pub llms_txt: Option<LlmsTxt>,
}

/// An llms.txt section: one `##` name, or the names of nested `##`, `###`, … headings.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(untagged)]
pub(crate) enum RawSection {
    /// A `##` section.
    One(String),
    /// Nested sections, outermost first.
    Nested(Vec<String>),
}

/// A code block theme: one name, or a light and a dark one.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(untagged)]
pub(crate) enum RawCodeTheme {
    /// One theme for both modes.
    Single(String),
    /// Light and dark themes.
    Pair {
        /// Light mode theme, e.g. `github-light`.
        light: String,
        /// Dark mode theme, e.g. `dark-plus`.
        dark: String,
    },
}

/// The divider component: a snippet personamap generates, or (`generate = false`) a
/// hand-written one the page imports by name.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawDivider {
    /// Snippet path from the site root, under `snippets/`, ending in `.jsx`.
    #[schemars(with = "String")]
    pub path: Spanned<String>,
    /// Whether personamap writes the snippet (default `true`); `false` uses the hand-written
    /// file at `path`, which personamap never writes, and its export named by `export`.
    #[schemars(with = "Option<bool>")]
    pub generate: Option<Spanned<bool>>,
    /// With `generate = false`: the name of the hand-written snippet's export to use.
    #[schemars(with = "Option<String>")]
    pub export: Option<Spanned<String>>,
    /// Exported component name (capitalised); default `CustomDivider`.
    #[schemars(with = "Option<String>")]
    pub component: Option<Spanned<String>>,
    /// Icon shown at both ends of the rule (required when personamap generates the divider).
    #[schemars(with = "Option<String>")]
    pub logo: Option<Spanned<String>>,
    /// Default colour of the middle text; default `currentColor`.
    #[schemars(with = "Option<String>")]
    pub color: Option<Spanned<String>>,
    /// Colour of the rule lines; default `currentColor`.
    #[schemars(with = "Option<String>")]
    pub line_color: Option<Spanned<String>>,
    /// Space between the logos and the rule; default `8px`.
    #[schemars(with = "Option<String>")]
    pub gap: Option<Spanned<String>>,
    /// Margin presets of the `spacing` prop, by name; the first is the default.
    #[schemars(with = "Option<BTreeMap<String, String>>")]
    pub spacing: Option<Spanned<toml::Table>>,
}

/// One compiled page.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawPage {
    /// Page id: the file path from the site root without extension or leading slash.
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    /// Frontmatter title.
    pub title: String,
    /// Frontmatter description (Mintlify cuts it at 300 characters in llms.txt).
    #[schemars(with = "String")]
    pub description: Spanned<String>,
    /// Names of the docs.json navigation levels (version, language, tab, groups) down to the
    /// group that lists the page.
    #[schemars(with = "Vec<String>")]
    pub navigation: Spanned<Vec<String>>,
    /// Page id after which the page is inserted when missing from its group.
    pub after: Option<String>,
    /// The llms.txt section listing the page; default `Docs`. A list names nested sections:
    /// `["Developers", "Concepts"]` is `### Concepts` under `## Developers`.
    pub llms_section: Option<RawSection>,
    /// Markdown before the legend.
    #[schemars(with = "Option<String>")]
    pub intro: Option<Spanned<String>>,
    /// Heading of the legend section; default `Legend`.
    pub legend: Option<String>,
    /// Markdown after the last persona.
    #[schemars(with = "Option<String>")]
    pub closing: Option<Spanned<String>>,
    /// How `intro` and `closing` are written: `literal` (default; Markdown shown as written)
    /// or `mdx` (Markdown with Mintlify's components, such as `<Note>` and `<Card>`).
    pub prose: Option<Prose>,
    /// Persona numbers on the page, in order; default: all.
    #[schemars(with = "Option<Vec<u32>>")]
    pub personas: Option<Vec<Spanned<u32>>>,
    /// Which number the page shows for each persona: `global` (default; its own `number`) or
    /// `page` (its place on the page: Persona 1, 2, … in the page's order).
    pub numbering: Option<Numbering>,
    /// Further frontmatter keys, in order; `title = true` / `description = true` place the
    /// page's own `title` / `description` at that point (by default they come first).
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, serde_json::Value>")]
    pub frontmatter: toml::Table,
    /// `sections` (default) or `tabs`.
    pub layout: Option<Layout>,
    /// What node links become: `none` (default), `click`, `list` or `cards`.
    pub links: Option<Links>,
    /// Add `accTitle`/`accDescr` and a text version of every map.
    pub accessible: Option<bool>,
    /// Banner after the frontmatter: `comment` (default), `livepeer` or `none`.
    pub banner: Option<Banner>,
    /// Inline edge labels Mermaid would misread (`-.applies to.->` draws "applies t"): `safe`
    /// (default) writes them in a form Mermaid reads right, `verbatim` as the author wrote them.
    pub edge_labels: Option<EdgeLabels>,
    /// Cards of the "Related Pages" footer.
    #[serde(default)]
    pub related: Vec<RawRelated>,
    /// How the page draws its maps (layout and reading aids; all off by default).
    #[schemars(with = "Option<RawMaps>")]
    pub maps: Option<Spanned<RawMaps>>,
    /// Lint levels for warnings on this page, over `[lints]`.
    pub lints: Option<RawLints>,
}

/// How a page draws its maps. Every setting is off by default.
#[derive(Clone, Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawMaps {
    /// `elk` for Mintlify's ELK layout (fewer edges under unrelated nodes), `dagre` (default).
    #[schemars(with = "Option<String>")]
    pub renderer: Option<Spanned<String>>,
    /// Direction of every map on this page: `LR`, `RL`, `TD`, `TB`, `BT`, or `auto` (the
    /// narrower of `LR` and `TD` by the width estimate); default: each persona's own.
    #[schemars(with = "Option<String>")]
    pub direction: Option<Spanned<String>>,
    /// Wrap label lines longer than this many characters at spaces (narrower maps).
    pub wrap: Option<usize>,
    /// Padding between a node's label and its border, in px (Mermaid's default: 15).
    pub padding: Option<u32>,
    /// Where Mintlify puts the zoom/pan controls: `top-left`, `top-right`, `bottom-left`,
    /// `bottom-right`.
    pub placement: Option<Placement>,
    /// Show Mintlify's zoom/pan controls (`false` hides them).
    pub actions: Option<bool>,
    /// Show a sample of each class's fill, stroke and dash in the legend.
    pub swatches: Option<bool>,
    /// Start linked nodes with `↗` and list the links with their tooltips under each map.
    pub mark_links: Option<bool>,
}

/// A card of the "Related Pages" footer.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawRelated {
    /// Card title.
    pub title: String,
    /// A site path (`/v2/...`) or an absolute URL.
    #[schemars(with = "String")]
    pub href: Spanned<String>,
    /// Card icon.
    pub icon: Option<String>,
    /// Card text (Markdown).
    pub description: Option<String>,
}

/// A colour class.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawClass {
    /// Class name used by nodes (`[A-Za-z][A-Za-z0-9_]*`).
    #[schemars(with = "String")]
    pub name: Spanned<String>,
    /// Legend text (Markdown).
    #[schemars(with = "String")]
    pub meaning: Spanned<String>,
    /// Fill colour, hex.
    #[schemars(with = "String")]
    pub fill: Spanned<String>,
    /// Stroke colour, hex.
    #[schemars(with = "String")]
    pub stroke: Spanned<String>,
    /// Text colour, hex.
    #[schemars(with = "String")]
    pub color: Spanned<String>,
    /// `stroke-dasharray`, e.g. `4 2`.
    #[schemars(with = "Option<String>")]
    pub dash: Option<Spanned<String>>,
}

/// A persona's override of a palette class.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawOverride {
    /// Fill colour, hex.
    #[schemars(with = "Option<String>")]
    pub fill: Option<Spanned<String>>,
    /// Stroke colour, hex.
    #[schemars(with = "Option<String>")]
    pub stroke: Option<Spanned<String>>,
    /// Text colour, hex.
    #[schemars(with = "Option<String>")]
    pub color: Option<Spanned<String>>,
    /// `stroke-dasharray`.
    #[schemars(with = "Option<String>")]
    pub dash: Option<Spanned<String>>,
}

/// One persona and its map.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawPersona {
    /// Persona number (unique).
    #[schemars(with = "u32")]
    pub number: Spanned<u32>,
    /// Name, e.g. `AI Persona`.
    pub name: String,
    /// Nickname, shown in quotes after the name.
    pub nickname: Option<String>,
    /// Tab icon (tabs layout).
    pub icon: Option<String>,
    /// Short tab label (tabs layout), plain text; default: the heading, `Persona N – name`.
    #[schemars(with = "Option<String>")]
    pub tab_title: Option<Spanned<String>>,
    /// Diagram direction: `LR` (default), `RL`, `TD`, `TB` or `BT`.
    #[schemars(with = "Option<String>")]
    pub direction: Option<Spanned<String>>,
    /// Markdown between the heading and the diagram.
    #[schemars(with = "Option<String>")]
    pub intro: Option<Spanned<String>>,
    /// Direction of this map on pages with `[page.maps] direction = "auto"`, instead of the
    /// narrower one by the width estimate.
    #[schemars(with = "Option<String>")]
    pub map_direction: Option<Spanned<String>>,
    /// How `intro` is written: `literal` (default; Markdown shown as written) or `mdx`
    /// (Markdown with Mintlify's components, such as `<Note>` and `<Card>`).
    pub prose: Option<Prose>,
    /// Edges in Mermaid arrow syntax, one statement per line, a blank line between groups.
    #[schemars(with = "Option<String>")]
    pub edges: Option<Spanned<String>>,
    /// Node groups, in order.
    #[serde(default)]
    pub group: Vec<RawGroup>,
    /// Classes this persona draws differently from the palette.
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, RawOverride>")]
    pub classes: BTreeMap<Spanned<String>, Spanned<RawOverride>>,
    /// Lint levels for warnings about this persona, over its pages' and `[lints]`.
    pub lints: Option<RawLints>,
}

/// A node group (a blank line between groups in the diagram).
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawGroup {
    /// Default class of the group's nodes.
    #[schemars(with = "Option<String>")]
    pub class: Option<Spanned<String>>,
    /// The nodes.
    pub nodes: Vec<RawNode>,
}

/// A diagram node.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawNode {
    /// Mermaid id (`[A-Za-z0-9_]`).
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    /// Label: a list of lines, or one string split at `\n`.
    pub label: RawLabel,
    /// Palette class (overrides the group's).
    #[schemars(with = "Option<String>")]
    pub class: Option<Spanned<String>>,
    /// Link: a site path (`/v2/...`) or an absolute URL.
    #[schemars(with = "Option<String>")]
    pub href: Option<Spanned<String>>,
    /// Tooltip of the link; default: the label.
    pub tooltip: Option<String>,
}

/// A label: one string (lines split at `\n`, `\r\n` or `\r`) or a list of lines.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(untagged)]
pub(crate) enum RawLabel {
    /// One string; `\n` (or `\r\n`) separates lines.
    Text(String),
    /// A list of lines.
    Lines(Vec<String>),
}

impl RawLabel {
    pub fn into_lines(self) -> Vec<String> {
        match self {
            // `\r\n` (a CRLF spec file's multi-line string) and a lone `\r` break lines too.
            RawLabel::Text(t) => t
                .split("\r\n")
                .flat_map(|l| l.split(['\n', '\r']))
                .map(str::to_string)
                .collect(),
            RawLabel::Lines(l) => l,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The JSON Schema of a spec file as derived from these types, pretty-printed with a final
    /// newline.
    fn schema() -> String {
        let schema = schemars::schema_for!(RawFile);
        let mut text = serde_json::to_string_pretty(&schema).expect("a schema serialises");
        text.push('\n');
        text
    }

    #[test]
    fn the_kept_schema_is_the_schema_of_the_types() {
        let derived = schema();
        if derived != crate::json_schema() && std::env::var_os("UPDATE_SCHEMA").is_some() {
            let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/schema.json");
            std::fs::write(&path, &derived).expect("write src/schema.json");
        }
        assert!(
            derived == crate::json_schema(),
            "src/schema.json is not the schema of the spec's types: run \
             `UPDATE_SCHEMA=1 cargo test -p personamap-spec` (it rewrites the file), then run the tests again"
        );
    }

    #[test]
    fn crlf_labels_split_like_lf_labels() {
        let lf = RawLabel::Text("a\nb".into()).into_lines();
        assert_eq!(RawLabel::Text("a\r\nb".into()).into_lines(), lf);
        assert_eq!(lf, vec!["a", "b"]);
    }
}
