//! How big a map comes out, estimated from the spec alone (ranks and label lengths), and the
//! rules that read maps as a visitor would: labels too small in Mintlify's content column,
//! classes too close in colour to tell apart.
//!
//! The estimate models Mermaid's layered layouts (dagre and ELK): nodes are ranked along the
//! edges, a rank is as wide as its widest node (left-right) or as its nodes side by side
//! (top-down), and edge labels sit between ranks. The browser stage of the conformance tests
//! (`tests/conformance/browser.mjs`) measures every map in Chromium and reports how far this
//! estimate is from the drawn width; the constants below are tuned against those measurements.

use crate::diag::Diagnostic;
use crate::lints::{Level, Lints};
use crate::model::{Class, Direction, Links, MapDirection, Maps, Page, Persona, same};

use crate::colour::{ciede2000, lab, rgb};
use std::collections::HashMap;
use std::sync::Arc;

/// Width of Mintlify's content column, px.
pub const COLUMN: f64 = 720.0;
/// Mermaid's label font size, px.
pub const FONT: f64 = 16.0;
/// Labels drawn smaller than this in the content column are hard to read.
pub const MIN_LABEL: f64 = 9.0;
/// Two classes whose fills differ by less than this (CIEDE2000) are hard to tell apart.
pub const MIN_DELTA_E: f64 = 10.0;

/// Average advance of a label character at 16 px, px (measured in Chromium).
const CHAR: f64 = 7.6;
/// Mermaid's default node padding, px.
const PADDING: f64 = 15.0;
/// Space between ranks and between nodes of a rank: dagre (Mermaid's 50) and ELK (40).
const GAP_DAGRE: f64 = 50.0;
const GAP_ELK: f64 = 40.0;
/// How many rows the nodes of a top-down map fold into, on average (measured).
const TD_FOLD: f64 = 2.6;
/// A rank of more nodes than this is crowded (top-down)...
const CROWDED: usize = 4;
/// ...and the layouts stagger it: its share of the width.
const ROW_SHARE: f64 = 0.75;
/// Width of an edge passing through a rank (top-down), in gaps.
const DUMMY: f64 = 1.0;
/// Margin around the drawing, px (both sides).
const MARGIN: f64 = 16.0;

/// The direction `persona`'s map takes on a page with these settings.
/// `linked` says whether the page makes node links clickable (the link marker widens labels).
pub fn direction(maps: &Maps, linked: bool, persona: &Persona) -> Direction {
    // Only `auto` needs the estimates (ranks and label widths: a map's worth of work).
    settled_direction(maps, persona)
        .unwrap_or_else(|| Estimates::new(persona, linked).direction(maps))
}

/// The direction the settings fix without estimating: the persona's own, the page's fixed
/// one, or for `auto` the persona's `map_direction`; `None` when the widths must decide.
fn settled_direction(maps: &Maps, persona: &Persona) -> Option<Direction> {
    match maps.direction {
        None => Some(persona.direction),
        Some(MapDirection::Fixed(d)) => Some(d),
        Some(MapDirection::Auto) => persona.map_direction,
    }
}

/// The estimated natural width of `persona`'s map on a page with these settings, px.
pub fn estimate_width(maps: &Maps, linked: bool, persona: &Persona) -> f64 {
    Estimates::new(persona, linked).width(maps)
}

/// An edge for the estimate: from, to (node indexes), label width, and its length in ranks
/// (Mermaid's link length: `--->` spans two).
type Edge = (usize, usize, f64, usize);

/// The page settings that change label lines: `wrap` and `mark_links`.
type LabelSettings = (Option<usize>, bool);

/// Width estimates of one persona's map under several page settings, sharing what the
/// settings do not change (the ranks, the edge labels) and the label widths per `wrap`.
struct Estimates<'a> {
    persona: &'a Persona,
    linked: bool,
    /// Edges as (from, to, label width, length in ranks), by node index.
    edges: Vec<Edge>,
    /// The rank of each node.
    rank: Vec<usize>,
    /// The widest label line of each node, by the settings that change labels.
    longest: Vec<(LabelSettings, Vec<f64>)>,
}

impl<'a> Estimates<'a> {
    fn new(persona: &'a Persona, linked: bool) -> Self {
        let index: HashMap<&str, usize> = persona
            .nodes()
            .enumerate()
            .map(|(i, n)| (n.id.as_str(), i))
            .collect();
        let mut edges: Vec<Edge> = Vec::new();
        for chain in persona.edges.iter().flatten() {
            for (a, b, link) in chain.edges() {
                if let (Some(&x), Some(&y)) = (index.get(a.id.as_str()), index.get(b.id.as_str())) {
                    let label = link.label.as_ref().map_or(0.0, |(t, _)| text_width(t));
                    edges.push((x, y, label, link.shape.length.max(1)));
                }
            }
        }
        let rank = ranks(persona.nodes().count(), &edges);
        Estimates {
            persona,
            linked,
            edges,
            rank,
            longest: Vec::new(),
        }
    }

    /// The direction the map takes with these settings.
    fn direction(&mut self, maps: &Maps) -> Direction {
        settled_direction(maps, self.persona).unwrap_or_else(|| {
            let lr = self.width_in(maps, Direction::LR);
            let td = self.width_in(maps, Direction::TD);
            if td < lr {
                Direction::TD
            } else {
                Direction::LR
            }
        })
    }

    /// The estimated natural width with these settings, px.
    fn width(&mut self, maps: &Maps) -> f64 {
        let dir = self.direction(maps);
        self.width_in(maps, dir)
    }

    fn width_in(&mut self, maps: &Maps, dir: Direction) -> f64 {
        let key = (maps.wrap, maps.mark_links);
        let at = match self.longest.iter().position(|(k, _)| *k == key) {
            Some(at) => at,
            None => {
                let longest = self
                    .persona
                    .nodes()
                    .map(|n| {
                        maps.label(n, self.linked)
                            .iter()
                            .map(|l| text_width(l))
                            .fold(0.0, f64::max)
                    })
                    .collect();
                self.longest.push((key, longest));
                self.longest.len() - 1
            }
        };
        estimate_in(maps, &self.longest[at].1, &self.edges, &self.rank, dir)
    }
}

/// The drawn width of `text`, px: wide characters (CJK, emoji) count twice, and characters
/// outside Latin-1 a third more (they come from fallback fonts, mostly wider).
fn text_width(text: &str) -> f64 {
    text.chars()
        .map(
            |c| match unicode_width::UnicodeWidthChar::width(c).unwrap_or(0) {
                0 => 0.0,
                1 if u32::from(c) < 0x250 => CHAR,
                1 => CHAR * 1.35,
                _ => CHAR * 2.0,
            },
        )
        .sum()
}

/// The width of a map whose nodes' widest label lines are `longest`, with these edges and
/// ranks, drawn in `dir` with these settings.
fn estimate_in(
    maps: &Maps,
    longest: &[f64],
    edges: &[Edge],
    rank: &[usize],
    dir: Direction,
) -> f64 {
    let padding = maps.padding.map_or(PADDING, f64::from);
    let gap = if maps.elk { GAP_ELK } else { GAP_DAGRE };
    let n = longest.len();
    let widths: Vec<f64> = longest.iter().map(|l| l + 2.0 * padding).collect();
    // Self-loops are drawn around small helper nodes beside their node, with their labels.
    let mut loops = vec![0.0_f64; n];
    for &(a, b, label, _) in edges {
        if a == b {
            loops[a] += if loops[a] == 0.0 {
                2.0 * gap
            } else {
                gap / 2.0
            } + label / 2.0;
        }
    }
    let ranks = rank.iter().copied().max().map_or(0, |r| r + 1);
    let horizontal = matches!(dir, Direction::LR | Direction::RL);
    let width = if horizontal {
        // Ranks side by side: each as wide as its widest node, then the gap to the next rank,
        // widened by the widest edge label crossing it.
        let mut w = 0.0;
        for r in 0..ranks {
            w += (0..n)
                .filter(|&i| rank[i] == r)
                .map(|i| widths[i] + loops[i])
                .fold(0.0, f64::max);
        }
        for r in 0..ranks.saturating_sub(1) {
            let label = edges
                .iter()
                .filter(|(a, ..)| rank[*a] == r)
                .map(|e| e.2)
                .fold(0.0, f64::max);
            w += gap + if label > 0.0 { label + gap / 2.0 } else { 0.0 };
        }
        w
    } else {
        // Ranks stacked: the widest rank, its nodes side by side, plus room for the edges
        // passing through it to lower ranks.
        let mut row = vec![0.0_f64; ranks];
        let mut count = vec![0usize; ranks];
        for i in 0..n {
            row[rank[i]] += widths[i] + loops[i];
            count[rank[i]] += 1;
        }
        for &(a, b, ..) in edges {
            for r in (rank[a].min(rank[b]) + 1)..rank[a].max(rank[b]) {
                row[r] += DUMMY * gap;
                count[r] += 1;
            }
        }
        let widest = (0..ranks)
            .map(|r| {
                let w = row[r] + gap * count[r].saturating_sub(1) as f64;
                if count[r] > CROWDED { w * ROW_SHARE } else { w }
            })
            .fold(0.0, f64::max);
        // The layouts do not pack ranks into rows: nodes line up in columns along their
        // edges, so the drawing is about as wide as all nodes side by side, folded.
        let folded = (widths.iter().sum::<f64>() + gap * n as f64) / TD_FOLD;
        widest.max(folded)
    };
    width + MARGIN
}

/// Layered ranks: cycles broken at back edges (depth-first, in declaration order), each node
/// as many ranks after its latest predecessor as the edge between them is long, and a node
/// without predecessors pulled up to that length before its earliest successor (as the
/// layouts' edge-length minimisation does).
fn ranks(n: usize, edges: &[Edge]) -> Vec<usize> {
    let mut out: Vec<Vec<(usize, usize)>> = vec![Vec::new(); n];
    for &(a, b, _, length) in edges {
        if a != b {
            out[a].push((b, length));
        }
    }
    // Depth-first search from every node in order: an edge to a node on the stack is a back
    // edge and is dropped.
    let mut state = vec![0u8; n]; // 0 new, 1 on stack, 2 done
    let mut forward: Vec<Vec<(usize, usize)>> = vec![Vec::new(); n];
    let mut order: Vec<usize> = Vec::new(); // reverse topological order
    for start in 0..n {
        if state[start] != 0 {
            continue;
        }
        let mut stack = vec![(start, 0usize)];
        state[start] = 1;
        while let Some((v, i)) = stack.pop() {
            if let Some(&(w, length)) = out[v].get(i) {
                stack.push((v, i + 1));
                match state[w] {
                    0 => {
                        forward[v].push((w, length));
                        state[w] = 1;
                        stack.push((w, 0));
                    }
                    2 => forward[v].push((w, length)),
                    _ => {}
                }
            } else {
                state[v] = 2;
                order.push(v);
            }
        }
    }
    let mut rank = vec![0usize; n];
    let mut has_pred = vec![false; n];
    for v in order.iter().rev() {
        for &(w, length) in &forward[*v] {
            rank[w] = rank[w].max(rank[*v] + length);
            has_pred[w] = true;
        }
    }
    for v in 0..n {
        if !has_pred[v]
            && let Some(min) = forward[v]
                .iter()
                .map(|&(w, length)| rank[w].saturating_sub(length))
                .min()
        {
            rank[v] = min;
        }
    }
    rank
}

/// What the map rules found for each persona, kept across loads by [`MapMemo`] and keyed on
/// everything they read: the resolved persona itself (compared whole, spans included), and for
/// widths the page's map settings and whether its nodes link; for classes the palette.
#[derive(Debug)]
struct Kept {
    persona: Arc<Persona>,
    /// The estimated width, and the help of a `small-labels` warning when labels are too small,
    /// by page settings.
    widths: Vec<(WidthKey, f64, Option<String>)>,
    /// The pairs of classes readers cannot tell apart, under [`MapMemo`]'s palette.
    classes: Vec<String>,
}

/// The page settings a width estimate reads: the map settings and whether nodes link.
type WidthKey = (Maps, bool);

/// One map's width as a page shows it: the persona, the page's settings, the width and the
/// help of a `small-labels` warning.
type Width<'a> = (&'a Arc<Persona>, WidthKey, f64, Option<String>);

/// The map rules' results of the last load, by persona (see [`Kept`] for the key): a load
/// estimates only the maps of personas that differ from the last load's, or that a page now
/// shows with other settings, and compares class colours only for them (or for every persona
/// when the palette differs). Nothing is invalidated: an entry is used only when its key is
/// equal, and the memo keeps only the personas of the last load. The default memo keeps
/// nothing (one load: no copy of the personas is made).
#[derive(Debug, Default)]
pub struct MapMemo {
    keep: bool,
    palette: Vec<Class>,
    personas: HashMap<u32, Vec<Kept>>,
}

impl MapMemo {
    /// A memo for repeated loads (watch, preview, an editor).
    pub fn keeping() -> Self {
        MapMemo {
            keep: true,
            ..MapMemo::default()
        }
    }

    /// The entry kept for a persona equal to `p`.
    fn kept(&self, p: &Arc<Persona>) -> Option<&Kept> {
        self.personas
            .get(&p.number)?
            .iter()
            .find(|k| same(&k.persona, p))
    }
}

/// The map rules of one page: labels under [`MIN_LABEL`] in the content column, and classes
/// drawn in one map that readers cannot tell apart. What `memo` holds for equal inputs is
/// taken from it; afterwards it holds what this load found.
pub(crate) fn check(
    palette: &[Class],
    personas: &[Arc<Persona>],
    pages: &[Page],
    lints: &Lints,
    memo: &mut MapMemo,
) -> Vec<Diagnostic> {
    // Each persona by number, the first of a number winning, as a search of `personas` would.
    let mut by_number: HashMap<u32, &Arc<Persona>> = HashMap::with_capacity(personas.len());
    for p in personas {
        by_number.entry(p.number).or_insert(p);
    }
    let old = &*memo;
    // Estimating widths is the costly part: pages in parallel, each map estimated only when
    // the memo holds no equal one.
    let found: Vec<(Vec<Diagnostic>, Vec<Width>)> = crate::parallel::map(pages, |page| {
        let mut diags = Vec::new();
        let mut widths = Vec::new();
        let linked = page.links != Links::None;
        let key = (page.maps, linked);
        // A map whose `small-labels` warning is allowed is not estimated at all.
        for p in page
            .personas
            .iter()
            .filter_map(|n| by_number.get(n).copied())
            .filter(|p| lints.for_map("small-labels", p.number, &page.id) != Level::Allow)
        {
            let kept = old
                .kept(p)
                .and_then(|k| k.widths.iter().find(|w| w.0 == key));
            let (width, help) = match kept {
                Some((_, width, help)) => (*width, help.clone()),
                None => {
                    let mut estimates = Estimates::new(p, linked);
                    let width = estimates.width(&page.maps);
                    let small = FONT * (COLUMN / width).min(1.0) < MIN_LABEL;
                    (width, small.then(|| help(page, &mut estimates)))
                }
            };
            if let Some(help) = &help {
                let label = FONT * (COLUMN / width).min(1.0);
                diags.push(
                        Diagnostic::warning(
                            "small-labels",
                            Some(page.span),
                            format!(
                                "the map of persona {} on page `{}` is about {:.0} px wide: in Mintlify's {COLUMN:.0} px column its labels shrink to about {label:.1} px",
                                p.number, page.id, width
                            ),
                        )
                        .with_help(help.clone())
                        .about_persona(p.number),
                    );
            }
            widths.push((p, key, width, help));
        }
        (diags, widths)
    });
    let same_palette = memo.palette == palette;
    let mut old = std::mem::take(&mut memo.personas);
    let mut kept: HashMap<u32, Vec<Kept>> = HashMap::with_capacity(personas.len());
    let mut classes = Vec::new();
    if !memo.keep {
        // One load: every persona's colours compared, on the machine's cores.
        let found = crate::parallel::map(personas, |p| {
            let pairs = distinct(p, palette);
            (!pairs.is_empty()).then(|| distinct_classes(p, &pairs))
        });
        classes.extend(found.into_iter().flatten());
    }
    for p in personas.iter().filter(|_| memo.keep) {
        // The entry of an equal persona moves over; a persona that differs starts afresh.
        let reused = old.get_mut(&p.number).and_then(|ks| {
            let at = ks.iter().position(|k| same(&k.persona, p))?;
            Some(ks.swap_remove(at))
        });
        // Its widths are those of this load, added below (the memo holds only this load's).
        let entry = match reused {
            Some(k) if same_palette => Kept {
                widths: Vec::new(),
                ..k
            },
            Some(k) => Kept {
                widths: Vec::new(),
                classes: distinct(&k.persona, palette),
                ..k
            },
            None => Kept {
                persona: p.clone(),
                widths: Vec::new(),
                classes: distinct(p, palette),
            },
        };
        if !entry.classes.is_empty() {
            classes.push(distinct_classes(p, &entry.classes));
        }
        kept.entry(p.number).or_default().push(entry);
    }
    let mut diags = Vec::new();
    for (page_diags, widths) in found {
        for (p, key, width, help) in widths {
            let entry = kept
                .get_mut(&p.number)
                .and_then(|ks| ks.iter_mut().find(|k| same(&k.persona, p)));
            if let Some(entry) = entry
                && !entry.widths.iter().any(|w| w.0 == key)
            {
                entry.widths.push((key, width, help));
            }
        }
        diags.extend(page_diags);
    }
    diags.extend(classes);
    if memo.keep {
        memo.palette = palette.to_vec();
        memo.personas = kept;
    }
    diags
}

/// `warning[distinct-classes]` for persona `p`, whose classes `pairs` readers cannot tell
/// apart.
fn distinct_classes(p: &Persona, pairs: &[String]) -> Diagnostic {
    Diagnostic::warning(
        "distinct-classes",
        Some(p.span),
        format!(
            "persona {} draws classes readers cannot tell apart: {}",
            p.number,
            pairs.join(", ")
        ),
    )
    .with_help(format!(
        "give one class of each pair a fill at least {MIN_DELTA_E:.0} apart (CIEDE2000), or a `dash` where the other has none"
    ))
    .about_persona(p.number)
}

/// The pairs of classes `p` draws that readers cannot tell apart, described.
fn distinct(p: &Persona, palette: &[Class]) -> Vec<String> {
    let used = p.used_classes(palette);
    // Each fill converted once, not once per pair.
    let labs: Vec<Option<[f64; 3]>> = used.iter().map(|c| rgb(&c.fill).map(lab)).collect();
    let mut pairs = Vec::new();
    for (i, a) in used.iter().enumerate() {
        for (j, b) in used.iter().enumerate().skip(i + 1) {
            if let Some(d) = too_close(a, b, labs[i], labs[j]) {
                pairs.push(format!(
                    "`{}` and `{}` (fills {} and {}, CIEDE2000 {d:.1})",
                    a.name, b.name, a.fill, b.fill
                ));
            }
        }
    }
    pairs
}

/// What would make this page's map narrower, as settings to try.
fn help(page: &Page, estimates: &mut Estimates) -> String {
    let mut tips: Vec<String> = Vec::new();
    let m = &page.maps;
    let now = estimates.width(m);
    let mut try_with = |tip: &str, maps: Maps| {
        let w = estimates.width(&maps);
        if w < now * 0.95 {
            tips.push(format!("{tip} (about {w:.0} px)"));
        }
    };
    if m.wrap.is_none() {
        try_with(
            "`wrap = 12`",
            Maps {
                wrap: Some(12),
                ..*m
            },
        );
    }
    if m.padding.is_none() {
        try_with(
            "`padding = 4`",
            Maps {
                padding: Some(4),
                ..*m
            },
        );
    }
    if m.direction.is_none() {
        try_with(
            "`direction = \"auto\"`",
            Maps {
                direction: Some(MapDirection::Auto),
                ..*m
            },
        );
    }
    let all = Maps {
        wrap: m.wrap.or(Some(12)),
        padding: m.padding.or(Some(4)),
        direction: m.direction.or(Some(MapDirection::Auto)),
        elk: true,
        ..*m
    };
    let w = estimates.width(&all);
    let mut text = String::from("in the page's `[page.maps]`, try ");
    if tips.is_empty() {
        text.push_str("splitting the persona into smaller maps");
    } else {
        text.push_str(&tips.join(", "));
        text.push_str(&format!(
            "; together with `renderer = \"elk\"` (no edges under unrelated nodes) about {w:.0} px"
        ));
    }
    text
}

/// The CIEDE2000 difference of two classes' fills (their CIELAB values given, `None` for a
/// fill that is not a colour) when it is under [`MIN_DELTA_E`] and their
/// dashes do not tell them apart either.
fn too_close(
    a: &Class,
    b: &Class,
    lab_a: Option<[f64; 3]>,
    lab_b: Option<[f64; 3]>,
) -> Option<f64> {
    let d = ciede2000(lab_a?, lab_b?);
    let dashed = |c: &Class| c.dash.as_deref().is_some_and(|d| !d.trim().is_empty());
    (d < MIN_DELTA_E && dashed(a) == dashed(b)).then_some(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules(fill_b: &str, nodes: usize) -> Vec<String> {
        let text = spec_text(fill_b, nodes, "");
        let file = crate::SourceFile {
            path: "personas/s.toml".into(),
            text,
        };
        let (_, diags) = crate::load(crate::Sources::new(vec![file]));
        diags
            .iter()
            .map(|d| format!("{}: {}", d.rule, d.message))
            .collect()
    }

    /// The spec text of [`rules`].
    fn spec_text(fill_b: &str, nodes: usize, maps: &str) -> String {
        let ids: Vec<String> = (0..nodes).map(|i| format!("N{i}")).collect();
        let list: Vec<String> = ids
            .iter()
            .map(|id| format!("{{ id = \"{id}\", label = \"A long label for {id}\" }}"))
            .collect();
        format!(
            "[site]\nbase_url = \"https://x\"\n[divider]\npath = \"snippets/D.jsx\"\nlogo = \"/l.svg\"\n\
             [[page]]\nid = \"p\"\ntitle = \"T\"\ndescription = \"D\"\nnavigation = [\"G\"]\n{maps}\
             [[palette]]\nname = \"a\"\nmeaning = \"m\"\nfill = \"#fbeaf0\"\nstroke = \"#000\"\ncolor = \"#000\"\n\
             [[palette]]\nname = \"b\"\nmeaning = \"m\"\nfill = \"{fill_b}\"\nstroke = \"#000\"\ncolor = \"#000\"\n\
             [[persona]]\nnumber = 1\nname = \"N\"\nedges = \"{} --> Z\"\n\
             [[persona.group]]\nclass = \"a\"\nnodes = [{}]\n\
             [[persona.group]]\nclass = \"b\"\nnodes = [{{ id = \"Z\", label = \"z\" }}]\n",
            ids.join(" --> "),
            list.join(", ")
        )
    }

    #[test]
    fn a_kept_memo_finds_what_a_fresh_load_finds() {
        let load = |text: &str, memo: &mut crate::LoadMemo| {
            let sources = crate::Sources::new(vec![crate::SourceFile {
                path: "personas/s.toml".into(),
                text: text.to_string(),
            }]);
            let parsed = crate::parse_files(&sources)
                .into_iter()
                .map(|p| p.map(std::sync::Arc::new))
                .collect();
            format!("{:?}", crate::load_parsed_with(sources, parsed, memo).diags)
        };
        let mut memo = crate::LoadMemo::keeping();
        // The persona, the palette and the page's map settings change in turn, and back.
        let steps = [
            spec_text("#faece7", 12, ""),
            spec_text("#faece7", 13, ""),
            spec_text("#0b66ff", 13, ""),
            spec_text("#0b66ff", 13, "[page.maps]\nwrap = 12\n"),
            spec_text("#faece7", 12, ""),
            spec_text("#faece7", 12, ""),
        ];
        for (i, text) in steps.iter().enumerate() {
            let kept = load(text, &mut memo);
            let fresh = load(text, &mut crate::LoadMemo::default());
            assert_eq!(kept, fresh, "step {i}");
            assert!(kept.contains("small-labels"), "step {i}: {kept}");
        }
        assert_eq!(
            memo.maps.personas.len(),
            1,
            "only the last load's personas are kept"
        );
    }

    #[test]
    fn close_fills_are_reported_with_both_classes_and_the_persona() {
        let close = rules("#faece7", 1);
        assert!(
            close
                .iter()
                .any(|d| d.starts_with("distinct-classes: persona 1") && d.contains("`a` and `b`")),
            "{close:?}"
        );
        assert!(
            rules("#0b66ff", 1)
                .iter()
                .all(|d| !d.starts_with("distinct-classes"))
        );
    }

    #[test]
    fn wide_maps_warn_about_small_labels() {
        let wide = rules("#0b66ff", 12);
        assert!(
            wide.iter()
                .any(|d| d.starts_with("small-labels: the map of persona 1 on page `p`")),
            "{wide:?}"
        );
        assert!(
            rules("#0b66ff", 2)
                .iter()
                .all(|d| !d.starts_with("small-labels"))
        );
    }

    #[test]
    fn ranks_follow_edges_and_survive_cycles() {
        // 0 -> 1 -> 2, 3 -> 2 (pulled next to 2), 2 -> 0 (a cycle, broken).
        let e = |a, b| (a, b, 0.0, 1);
        let r = ranks(4, &[e(0, 1), e(1, 2), e(3, 2), e(2, 0)]);
        assert_eq!(r, vec![0, 1, 2, 1]);
        // A longer link (`--->`) spans more ranks: 0 ---> 1 puts 1 two ranks on; 2 is pulled up
        // to one rank before 1.
        let r = ranks(3, &[(0, 1, 0.0, 2), e(2, 1)]);
        assert_eq!(r, vec![0, 2, 1]);
    }

    #[test]
    fn fence_options_and_init_line_appear_only_when_set() {
        use crate::model::Placement;
        assert_eq!(Maps::default().fence_meta(), "");
        assert_eq!(Maps::default().init_line(), None);
        let m = Maps {
            placement: Some(Placement::TopRight),
            actions: Some(false),
            elk: true,
            ..Maps::default()
        };
        assert_eq!(m.fence_meta(), " placement=\"top-right\" actions={false}");
        assert_eq!(
            m.init_line().as_deref(),
            Some("%%{init: {'flowchart': {'defaultRenderer': 'elk'}}}%%")
        );
    }

    #[test]
    fn wrapping_breaks_at_spaces_only() {
        use crate::model::wrap_line;
        assert_eq!(
            wrap_line("Guide: ComfyStream + RunPod", 12),
            ["Guide:", "ComfyStream", "+ RunPod"]
        );
        assert_eq!(
            wrap_line("livepeer/comfystream", 12),
            ["livepeer/comfystream"]
        );
        assert_eq!(wrap_line("short", 12), ["short"]);
    }
}
