//! The TOML shape of one spec file, as serde reads it (phase one: syntax and types).

use serde::Deserialize;
use toml::Spanned;

/// Everything one spec file may hold. Every key is optional so that a spec can be split across
/// files freely (`site.toml` plus one file per persona, for example).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawFile {
    pub site: Option<Spanned<RawSite>>,
    pub divider: Option<Spanned<RawDivider>>,
    #[serde(default)]
    pub page: Vec<Spanned<RawPage>>,
    #[serde(default)]
    pub palette: Vec<Spanned<RawClass>>,
    #[serde(default)]
    pub persona: Vec<Spanned<RawPersona>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawSite {
    pub name: Option<String>,
    pub description: Option<String>,
    pub base_url: Spanned<String>,
    pub code_theme: Option<RawCodeTheme>,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub(crate) enum RawCodeTheme {
    Single(String),
    Pair { light: String, dark: String },
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawDivider {
    pub path: Spanned<String>,
    pub component: Option<Spanned<String>>,
    pub logo: String,
    pub color: Option<String>,
    pub line_color: Option<String>,
    pub gap: Option<String>,
    pub spacing: Option<toml::Table>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawPage {
    pub id: Spanned<String>,
    pub title: String,
    pub description: String,
    pub navigation: Spanned<Vec<String>>,
    pub after: Option<String>,
    pub llms_section: Option<String>,
    pub intro: Option<String>,
    pub legend: Option<String>,
    pub closing: Option<String>,
    pub personas: Option<Vec<Spanned<u32>>>,
    #[serde(default)]
    pub frontmatter: toml::Table,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawClass {
    pub name: Spanned<String>,
    pub meaning: String,
    pub fill: Spanned<String>,
    pub stroke: Spanned<String>,
    pub color: Spanned<String>,
    pub dash: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawOverride {
    pub fill: Option<Spanned<String>>,
    pub stroke: Option<Spanned<String>>,
    pub color: Option<Spanned<String>>,
    pub dash: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawPersona {
    pub number: Spanned<u32>,
    pub name: String,
    pub nickname: Option<String>,
    pub direction: Option<Spanned<String>>,
    pub intro: Option<String>,
    pub edges: Option<Spanned<String>>,
    #[serde(default)]
    pub group: Vec<RawGroup>,
    #[serde(default)]
    pub classes: std::collections::BTreeMap<Spanned<String>, Spanned<RawOverride>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawGroup {
    pub class: Option<Spanned<String>>,
    pub nodes: Vec<RawNode>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawNode {
    pub id: Spanned<String>,
    pub label: RawLabel,
    pub class: Option<Spanned<String>>,
}

/// A label: one string (lines split at `\n`) or a list of lines.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub(crate) enum RawLabel {
    Text(String),
    Lines(Vec<String>),
}

impl RawLabel {
    pub fn into_lines(self) -> Vec<String> {
        match self {
            RawLabel::Text(t) => t.split('\n').map(str::to_string).collect(),
            RawLabel::Lines(l) => l,
        }
    }
}
