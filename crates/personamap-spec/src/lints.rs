//! Lint levels, the way Cargo's `[lints]` works: every warning rule can be set to `allow`
//! (silenced), `warn` (the default) or `deny` (an error) in `[lints]` (the site),
//! `[page.lints]` or `[persona.lints]`; the nearest level wins.
//!
//! Which level applies to a warning: the persona's, when the warning is about a persona (it
//! points into a `[[persona]]`, or names one, like `small-labels`) and the persona sets it;
//! then the page's, when the warning points into a `[[page]]`; then, for a persona's warning,
//! the pages that show the persona: the strictest of their levels (each page's own, else the
//! site's), so that no page silences a warning another page still asks for; then the site's.

use crate::diag::{Diagnostic, Severity};
use crate::model::Spec;
use crate::source::Span;
use schemars::JsonSchema;
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};

/// What a lint does: silence its warnings, report them, or make them errors.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// Silenced.
    Allow,
    /// Reported as a warning (the default).
    #[default]
    Warn,
    /// Reported as an error: generation stops.
    Deny,
}

/// Declares the lints once: the `[lints]` table's type (whose field docs the JSON Schema
/// shows) and [`LINTS`], the names in order.
macro_rules! lints {
    ($($(#[doc = $doc:literal])+ $field:ident = $name:literal,)+) => {
        /// Lint levels by warning rule: `allow`, `warn` (default) or `deny`.
        #[derive(Clone, Debug, Default, Deserialize, JsonSchema)]
        #[serde(deny_unknown_fields)]
        pub(crate) struct RawLints {
            $(
                $(#[doc = $doc])+
                #[serde(rename = $name)]
                pub $field: Option<Level>,
            )+
        }

        impl RawLints {
            /// The levels it sets, by lint name.
            pub(crate) fn levels(&self) -> Levels {
                let mut out = Levels::new();
                $(
                    if let Some(level) = self.$field {
                        out.insert($name, level);
                    }
                )+
                out
            }
        }

        /// Every lint (warning rule) a `[lints]` table can set, in the README's order.
        pub const LINTS: &[&str] = &[$($name),+];
    };
}

lints! {
    /// A map so wide that Mintlify's column shrinks its labels below a readable size.
    small_labels = "small-labels",
    /// A persona draws two classes readers cannot tell apart.
    distinct_classes = "distinct-classes",
    /// A palette class no node uses.
    unused_class = "unused-class",
    /// A persona's class override draws a class differently from the legend.
    override_contradicts_legend = "override-contradicts-legend",
    /// A class's text colour on its fill is under WCAG AA's contrast.
    contrast = "contrast",
    /// A page description longer than Mintlify keeps in llms.txt.
    description_length = "description-length",
    /// A `[divider]` key that has no effect with `generate = false`.
    divider_unused_key = "divider-unused-key",
    /// An edge label Mermaid reads differently from the spec.
    mermaid_misread = "mermaid-misread",
    /// A spec path that is not a regular file, skipped.
    spec_file_skipped = "spec-file-skipped",
    /// A problem with the lock file of generated outputs.
    lock = "lock",
    /// A `$…$` in literal prose that Mintlify reads as maths.
    prose_maths = "prose-maths",
    /// A docs.json navigation entry that names no page.
    nav_no_page = "nav-no-page",
}

/// Levels set at one place, by lint name.
pub type Levels = BTreeMap<&'static str, Level>;

/// Every lint level the spec sets.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Lints {
    /// `[lints]`.
    pub site: Levels,
    /// `[page.lints]`, by page id.
    pub pages: BTreeMap<String, Levels>,
    /// `[persona.lints]`, by persona number.
    pub personas: BTreeMap<u32, Levels>,
}

impl Lints {
    /// The level of lint `rule` for a warning about persona `persona` that points into the
    /// table of page `page` (a map's warning): the persona's level, else the page's, as
    /// [`apply`] finds it.
    pub(crate) fn for_map(&self, rule: &str, persona: u32, page: &str) -> Level {
        self.personas
            .get(&persona)
            .and_then(|l| l.get(rule))
            .copied()
            .unwrap_or_else(|| self.page_level(rule, page))
    }

    /// The level of lint `rule` on page `page`: the page's own, else the site's.
    fn page_level(&self, rule: &str, page: &str) -> Level {
        let site = self.site.get(rule).copied().unwrap_or_default();
        self.pages
            .get(page)
            .and_then(|l| l.get(rule))
            .copied()
            .unwrap_or(site)
    }
}

/// Applies the spec's lint levels to `diags`: drops the allowed warnings and turns the denied
/// ones into errors. Errors, and warnings of rules that are not lints, stay as they are.
pub fn apply(spec: &Spec, diags: &mut Vec<Diagnostic>) {
    let mut tables = None;
    diags.retain_mut(|d| {
        if d.severity != Severity::Warning || !LINTS.contains(&d.rule) {
            return true;
        }
        let tables = tables.get_or_insert_with(|| Tables::new(spec));
        match level(spec, tables, d) {
            Level::Allow => false,
            Level::Warn => true,
            Level::Deny => {
                d.severity = Severity::Error;
                d.message.push_str(&format!(" (`{} = \"deny\"`)", d.rule));
                true
            }
        }
    });
}

/// Where each `[[persona]]` and `[[page]]` table is in its file. A persona table's end is
/// found when a diagnostic first falls after its header (a site has a thousand personas and
/// a handful of warnings without a persona of their own).
struct Tables<'a> {
    spec: &'a Spec,
    /// Each persona table's header and its persona's number, by file and position.
    personas: Vec<(Span, u32)>,
    /// The end of the persona tables found so far, by index in `personas`.
    ends: HashMap<usize, u32>,
    /// Each page's table's extent, in the order of `spec.pages`.
    pages: Vec<Span>,
}

impl<'a> Tables<'a> {
    fn new(spec: &'a Spec) -> Tables<'a> {
        let mut personas: Vec<(Span, u32)> =
            spec.personas.iter().map(|p| (p.span, p.number)).collect();
        personas.sort_by_key(|(header, _)| (header.file, header.start));
        Tables {
            spec,
            personas,
            ends: HashMap::new(),
            pages: spec
                .pages
                .iter()
                .map(|p| Span {
                    end: table_end(&spec.sources.file(p.span.file).text, p.span, "page"),
                    ..p.span
                })
                .collect(),
        }
    }

    /// The number of the persona whose table holds `span`: the last table to start at or
    /// before it, when it reaches that far (tables do not overlap).
    fn persona_at(&mut self, span: Span) -> Option<u32> {
        let after = self
            .personas
            .partition_point(|(h, _)| (h.file, h.start) <= (span.file, span.start));
        let at = after.checked_sub(1)?;
        let (header, number) = self.personas[at];
        if header.file != span.file {
            return None;
        }
        let text = &self.spec.sources.file(header.file).text;
        let end = *self
            .ends
            .entry(at)
            .or_insert_with(|| table_end(text, header, "persona"));
        (span.end <= end).then_some(number)
    }
}

/// The level that applies to `d` (see the module docs).
fn level(spec: &Spec, tables: &mut Tables, d: &Diagnostic) -> Level {
    let lints = &spec.lints;
    let rule = d.rule;
    let within = |table: &Span| {
        d.span
            .is_some_and(|s| s.file == table.file && table.start <= s.start && s.end <= table.end)
    };
    let site = lints.site.get(rule).copied().unwrap_or_default();
    let page_level = |id: &str| lints.page_level(rule, id);
    let persona = d
        .persona
        .or_else(|| d.span.and_then(|s| tables.persona_at(s)));
    if let Some(level) = persona.and_then(|n| lints.personas.get(&n)?.get(rule)) {
        return *level;
    }
    if let Some(i) = tables.pages.iter().position(within) {
        return page_level(&spec.pages[i].id);
    }
    match persona {
        Some(n) => spec
            .pages
            .iter()
            .filter(|p| p.personas.contains(&n))
            .map(|p| page_level(&p.id))
            .max()
            .unwrap_or(site),
        None => site,
    }
}

/// Where the `[[table]]` whose header is at `header` ends in `text`: at the next header that
/// is not one of its subtables (`[table.…]`, `[[table.…]]`), or the end of the file.
pub(crate) fn table_end(text: &str, header: Span, table: &str) -> u32 {
    let start = header.end as usize;
    let mut at = start;
    for line in text.get(start..).unwrap_or("").split_inclusive('\n') {
        // Only a header line can end it (most lines are not: they cost one look at their start).
        let head = line.trim_start();
        if at > start && head.starts_with('[') {
            let name = head.trim_start_matches('[').trim_start();
            let sub = name
                .strip_prefix(table)
                .is_some_and(|rest| rest.trim_start().starts_with('.'));
            if !sub {
                break;
            }
        }
        at += line.len();
    }
    u32::try_from(at).unwrap_or(u32::MAX)
}

/// [`table_end`], without the blank and comment lines that end the table (they come before the
/// next table, and belong to it): what copying or removing the table takes.
pub(crate) fn table_extent(text: &str, header: Span, table: &str) -> std::ops::Range<usize> {
    let start = header.start as usize;
    let end = table_end(text, header, table) as usize;
    let lines: Vec<&str> = text
        .get(start..end)
        .unwrap_or("")
        .split_inclusive('\n')
        .collect();
    let kept = lines
        .iter()
        .rposition(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
        .map_or(0, |i| lines[..=i].iter().map(|l| l.len()).sum::<usize>());
    start..start + kept
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_table_ends_at_the_next_header_that_is_not_its_own() {
        let text = "[[persona]]\nnumber = 1\n[[persona.group]]\nx = 1\n[persona.lints]\n[[palette]]\nname = 1\n";
        let header = Span::new(crate::source::FileId(0), 0..11);
        let end = table_end(text, header, "persona") as usize;
        assert_eq!(&text[end..], "[[palette]]\nname = 1\n");
        let page = Span::new(crate::source::FileId(0), 0..8);
        assert_eq!(table_end("[[page]]\nid = 1\n", page, "page"), 16);
    }

    #[test]
    fn the_schema_lists_every_lint_with_its_doc() {
        let schema = serde_json::to_value(schemars::schema_for!(RawLints)).expect("json");
        let props = schema["properties"].as_object().expect("properties");
        let names: Vec<&str> = props.keys().map(String::as_str).collect();
        let mut want = LINTS.to_vec();
        want.sort_unstable();
        let mut names = names;
        names.sort_unstable();
        assert_eq!(names, want);
        assert!(props.values().all(|p| p["description"].is_string()));
    }
}
