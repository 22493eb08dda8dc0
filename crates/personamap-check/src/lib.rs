//! Validation of everything the compiler emits, in memory, before anything is written.
//!
//! Every MDX page is parsed as Mintlify reads it (markdown-rs with MDX, frontmatter and GFM
//! tables, swc behind ESM and expressions) and its frontmatter as YAML; every `.jsx` snippet is
//! parsed by swc and held to Mintlify's snippet rules; every Mermaid block is read back by
//! [`personamap_syntax::mermaid::flowchart::read`] and compared with the spec's graph. A failure is a compiler bug
//! (`error[compiler-bug]`). Mermaid's size limits are the spec's and are applied before
//! rendering (`personamap_spec::rules`, `personamap_render::Compiler::compile`).

pub mod js;
pub mod mdx;

use personamap_render::{Compiler, Output, OutputKind, Outputs, SiteInputs};
use personamap_spec::{
    Diagnostic, EdgeKind, EdgeLabels, Failed, LabelStyle, Page, Persona, Span, Spec, diag::Edit,
    same,
};
use personamap_syntax::mermaid::flowchart::{self, Graph, GraphEdge, GraphNode};
use std::collections::HashMap;
use std::sync::Arc;

/// Help of every compiler-bug diagnostic.
const BUG_HELP: &str =
    "this is a bug in personamap, not in your spec: please report it with this spec attached";

/// Checks the outputs of compiling `spec`. Empty when everything is sound.
pub fn validate(spec: &Spec, outputs: &Outputs) -> Vec<Diagnostic> {
    validate_some(spec, &outputs.files, |_| true, &mut Readings::default())
}

/// The checks that need a whole spec, over a spec that loaded with errors (`failed` says what
/// did not load): the compile's links, navigation, diagram sizes, prose and divider checks and
/// the Mermaid misreadings, so that one run reports them with the load errors. A link to a
/// page that did not load is no broken link. The outputs are not validated: nothing is
/// written, and what failed the spec's own checks would only fail there again. A problem
/// already among `reported` (the load's diagnostics: same rule, same place) is left out.
pub fn partial(
    spec: &Spec,
    site: &SiteInputs,
    failed: &Failed,
    reported: &[Diagnostic],
) -> Vec<Diagnostic> {
    let mut site = site.clone();
    site.pages_on_disk.extend(failed.pages.iter().cloned());
    let mut diags = Compiler::new()
        .compile(spec, &site)
        .err()
        .unwrap_or_default();
    diags.extend(misreads(spec));
    diags.retain(|d| {
        let broken_link = d.rule == "broken-link" && (failed.file || failed.unnamed_page);
        let known = reported
            .iter()
            .any(|r| r.rule == d.rule && r.span == d.span);
        !broken_link && !known && !too_long_already(spec, d, reported)
    });
    diags
}

/// Whether `d` says a persona's diagram is too long when the spec's own size check already
/// said so for the persona or one of its nodes.
fn too_long_already(spec: &Spec, d: &Diagnostic, reported: &[Diagnostic]) -> bool {
    let Some(p) = spec.personas.iter().find(|p| Some(p.span) == d.span) else {
        return false;
    };
    d.rule == "diagram-too-long"
        && reported.iter().any(|r| {
            r.rule == d.rule
                && (r.span == Some(p.span) || p.nodes().any(|n| r.span == Some(n.span)))
        })
}

/// [`validate`] for the pages `check` selects (the outputs whose bytes are new, say: the
/// others were checked when they were written). The spec's own warnings always run; a snippet
/// is checked when `check` selects it or any page (pages are checked against what the snippets
/// export). The Mermaid readings are taken from `readings` where it holds them.
pub fn validate_some(
    spec: &Spec,
    outputs: &[Output],
    check: impl Fn(&Output) -> bool,
    readings: &mut Readings,
) -> Vec<Diagnostic> {
    let pages: Vec<(&Page, &Output)> = outputs
        .iter()
        .filter(|o| o.kind == OutputKind::Page && check(o))
        .filter_map(|out| {
            let page = spec
                .pages
                .iter()
                .find(|p| out.path.strip_suffix(".mdx") == Some(p.id.as_str()))?;
            Some((page, out))
        })
        .collect();
    let mut diags = misreads_with(spec, readings);
    let mut exports: Vec<(String, Vec<String>)> = Vec::new();
    // A snippet is read when it is checked itself, or when a checked page imports from it.
    let snippets = outputs
        .iter()
        .filter(|o| o.kind == OutputKind::Snippet && (check(o) || !pages.is_empty()));
    for out in snippets {
        match js::snippet(&out.contents) {
            Ok(names) => exports.push((out.path.clone(), names)),
            Err(message) => diags.push(bug(
                spec.divider.span,
                format!(
                    "the generated snippet `{}` breaks Mintlify's rules: {message}",
                    out.path
                ),
            )),
        }
    }
    if !spec.divider.generate {
        // A hand-written divider is no output: the compile checked that it exports the
        // component the pages import.
        exports.push((
            spec.divider.path.clone(),
            vec![spec.divider.component.clone()],
        ));
    }
    // Pages are checked in parallel; the diagnostics are sorted after. A diagram read back
    // before, from the same inputs, is not read again.
    let kept = std::mem::take(&mut readings.diagrams);
    let checked = personamap_spec::parallel::map(&pages, |(page, out)| {
        let mut found = Checks {
            diags: Vec::new(),
            kept: &kept,
            keep: readings.keep,
            read: None,
        };
        page_checks(spec, page, &out.path, &out.contents, &exports, &mut found);
        (found.diags, found.read)
    });
    for ((page, _), (page_diags, read)) in pages.iter().zip(checked) {
        diags.extend(page_diags);
        if let Some(read) = read {
            readings.diagrams.insert(page.id.clone(), read);
        }
    }
    personamap_spec::diag::sort(&mut diags);
    diags
}

fn bug(span: Option<Span>, message: String) -> Diagnostic {
    Diagnostic::error("compiler-bug", span, message).with_help(BUG_HELP)
}

/// What one page's checks found, and the diagrams they read back.
struct Checks<'a> {
    diags: Vec<Diagnostic>,
    /// The pages' diagrams the last compile read back, by page id ([`Readings`]).
    kept: &'a HashMap<String, PageReadBacks>,
    /// Whether this compile's read-backs are kept.
    keep: bool,
    /// This page's read-backs, when they are kept.
    read: Option<PageReadBacks>,
}

/// A page's diagrams read back and compared, with what every comparison read besides its
/// diagram and persona ([`expected_on`]): the page and the palette.
#[derive(Debug)]
struct PageReadBacks {
    page: Page,
    palette: Vec<personamap_spec::Class>,
    /// By persona number.
    diagrams: HashMap<u32, ReadBack>,
}

/// One diagram read back: its text, its persona and the compiler bug found, if any.
#[derive(Debug)]
struct ReadBack {
    text: String,
    persona: Arc<Persona>,
    found: Option<Diagnostic>,
}

fn page_checks(
    spec: &Spec,
    page: &Page,
    path: &str,
    text: &str,
    exports: &[(String, Vec<String>)],
    checks: &mut Checks,
) {
    let diags = &mut checks.diags;
    let at = Some(page.span);
    let parts = match mdx::parse(text) {
        Ok(parts) => parts,
        Err(message) => {
            diags.push(bug(
                at,
                format!("the generated page `{path}` is not valid MDX: {message}"),
            ));
            return;
        }
    };
    for (line, code) in &parts.code_expressions {
        diags.push(bug(
            at,
            format!("prose became JavaScript in `{path}` at line {line}: `{{{code}}}`"),
        ));
    }
    match &parts.frontmatter {
        Some(yaml) => {
            if let Err(message) =
                mdx::frontmatter(yaml, &page.title, &page.description, &page.frontmatter)
            {
                diags.push(bug(at, format!("`{path}`: {message}")));
            }
        }
        None => diags.push(bug(at, format!("`{path}` has no frontmatter"))),
    }
    for block in &parts.esm {
        if !block
            .lines()
            .all(|l| l.trim().is_empty() || l.trim_start().starts_with("import "))
        {
            diags.push(bug(
                at,
                format!(
                    "prose became ES module code in `{path}`: `{}`",
                    block.trim()
                ),
            ));
        }
        for (names, source) in js::imports(block) {
            let target = source.strip_prefix('/').unwrap_or(&source);
            match exports.iter().find(|(p, _)| p == target) {
                Some((_, exported)) => {
                    for n in names.iter().filter(|n| !exported.contains(n)) {
                        diags.push(bug(
                            at,
                            format!("`{path}` imports `{n}`, which `{target}` does not export"),
                        ));
                    }
                }
                None => diags.push(bug(
                    at,
                    format!("`{path}` imports from `{source}`, which is no generated snippet"),
                )),
            }
        }
    }
    let personas: Vec<&Arc<Persona>> = page
        .personas
        .iter()
        .filter_map(|n| spec.shared_persona(*n))
        .collect();
    if parts.mermaid.len() != personas.len() {
        diags.push(bug(
            at,
            format!(
                "`{path}` holds {} Mermaid blocks for {} personas",
                parts.mermaid.len(),
                personas.len()
            ),
        ));
        return;
    }
    // Each diagram read back and compared in parallel (most of a page's checks), unless the
    // last compile read back this very diagram for an equal persona, page and palette.
    let pairs: Vec<(&Arc<Persona>, &String)> = personas.into_iter().zip(&parts.mermaid).collect();
    let kept = checks
        .kept
        .get(&page.id)
        .filter(|k| k.page == *page && k.palette == spec.palette);
    let read = personamap_spec::parallel::map(&pairs, |(persona, text)| {
        let same_diagram = kept
            .and_then(|k| k.diagrams.get(&persona.number))
            .filter(|d| d.text == **text && same(&d.persona, persona));
        match same_diagram {
            Some(d) => d.found.clone(),
            None => diagram_check(spec, page, persona, text),
        }
    });
    let mut diagrams = HashMap::new();
    for (found, (persona, text)) in read.into_iter().zip(pairs) {
        diags.extend(found.clone());
        if checks.keep {
            let persona = Arc::clone(persona);
            let text = text.clone();
            diagrams.insert(
                persona.number,
                ReadBack {
                    text,
                    persona,
                    found,
                },
            );
        }
    }
    if checks.keep {
        checks.read = Some(PageReadBacks {
            page: page.clone(),
            palette: spec.palette.clone(),
            diagrams,
        });
    }
}

/// The compiler bug in the diagram `text` of `persona` on `page`, if any: it must read back to
/// the graph the spec asks for.
fn diagram_check(spec: &Spec, page: &Page, persona: &Persona, text: &str) -> Option<Diagnostic> {
    match flowchart::read(text) {
        Ok(graph) => {
            let mut want = expected_on(spec, page, persona);
            if page.edge_labels == EdgeLabels::Verbatim {
                as_mermaid_reads_verbatim(persona, &mut want);
            }
            difference(&want, &graph).map(|diff| {
                bug(
                    Some(persona.span),
                    format!(
                        "the diagram of persona {} reads back wrong: {diff}",
                        persona.number
                    ),
                )
            })
        }
        Err(e) => Some(bug(
            Some(persona.span),
            format!(
                "the diagram of persona {} does not read back (diagram line {}): {}",
                persona.number, e.line, e.message
            ),
        )),
    }
}

/// On a page that keeps edge labels as written, the labels Mermaid misreads (already reported
/// as `mermaid-misread` warnings) are expected as Mermaid reads them.
fn as_mermaid_reads_verbatim(persona: &Persona, want: &mut Graph) {
    let links = persona
        .edges
        .iter()
        .flatten()
        .flat_map(|c| c.edges().map(|(_, _, l)| l));
    for (edge, link) in want.edges.iter_mut().zip(links) {
        if let Some((text, LabelStyle::Inline)) = &link.label
            && link.shape.kind == EdgeKind::Dotted
            && let Some((open, close)) = link.shape.inline_halves()
            && let Ok((shape, Some(read))) = flowchart::read_link(&format!("{open}{text}{close}"))
        {
            edge.label = Some(read);
            edge.shape = shape;
        }
    }
}

/// The graph the spec asks for on `page`: the page's map settings decide the direction and
/// how labels are wrapped and marked.
pub fn expected_on(spec: &Spec, page: &Page, persona: &Persona) -> Graph {
    let linked = page.links != personamap_spec::Links::None;
    let mut g = expected(spec, persona);
    g.direction = personamap_spec::maps::direction(&page.maps, linked, persona)
        .as_str()
        .to_string();
    for (node, n) in g.nodes.iter_mut().zip(persona.nodes()) {
        node.label = page.maps.label(n, linked).into_owned();
    }
    if linked {
        // A tooltip is one line: runs of ASCII whitespace show as one space.
        g.tooltips = persona
            .nodes()
            .filter(|n| n.href.is_some())
            .filter_map(|n| {
                let tip = personamap_render::mermaid::tooltip(n)?;
                let words: Vec<&str> = tip
                    .split(|c: char| c.is_ascii_whitespace())
                    .filter(|w| !w.is_empty())
                    .collect();
                Some((n.id.clone(), words.join(" ")))
            })
            .collect();
    }
    g
}

/// The graph the spec asks for.
pub fn expected(spec: &Spec, persona: &Persona) -> Graph {
    Graph {
        direction: persona.direction.as_str().to_string(),
        nodes: persona
            .nodes()
            .map(|n| GraphNode {
                id: n.id.clone(),
                label: n.label.clone(),
                class: Some(n.class.clone()),
            })
            .collect(),
        edges: persona
            .edges
            .iter()
            .flatten()
            .flat_map(|c| c.edges())
            .map(|(a, b, l)| GraphEdge {
                from: a.id.clone(),
                to: b.id.clone(),
                shape: l.shape,
                label: l.label.as_ref().map(|(t, _)| t.clone()),
            })
            .collect(),
        class_defs: persona
            .used_classes(&spec.palette)
            .iter()
            .map(|c| (c.name.clone(), String::new()))
            .collect(),
        clicks: Vec::new(),
        tooltips: Vec::new(),
    }
}

/// The first difference between the expected graph and the one read back (class styles and
/// click targets are not compared: they are checked when read).
pub fn difference(want: &Graph, got: &Graph) -> Option<String> {
    if want.direction != got.direction {
        return Some(format!(
            "direction {} instead of {}",
            got.direction, want.direction
        ));
    }
    if want.nodes.len() != got.nodes.len() {
        return Some(format!(
            "{} nodes instead of {}",
            got.nodes.len(),
            want.nodes.len()
        ));
    }
    for (w, g) in want.nodes.iter().zip(&got.nodes) {
        if w != g {
            return Some(format!("node {g:?} instead of {w:?}"));
        }
    }
    if want.edges.len() != got.edges.len() {
        return Some(format!(
            "{} edges instead of {}",
            got.edges.len(),
            want.edges.len()
        ));
    }
    for (w, g) in want.edges.iter().zip(&got.edges) {
        if w != g {
            return Some(format!("edge {g:?} instead of {w:?}"));
        }
    }
    let names = |g: &Graph| {
        g.class_defs
            .iter()
            .map(|(n, _)| n.clone())
            .collect::<Vec<_>>()
    };
    if names(want) != names(got) {
        return Some(format!(
            "classDefs {:?} instead of {:?}",
            names(got),
            names(want)
        ));
    }
    if want.tooltips != got.tooltips {
        return Some(format!(
            "tooltips {:?} instead of {:?}",
            got.tooltips, want.tooltips
        ));
    }
    None
}

/// The `mermaid-misread` warnings of each persona, kept across compiles by
/// [`misreads_with`]: a persona's are found again only when it is not the very persona of the
/// last compile (the load hands out the same one for the same inputs: same file text, so the
/// same statements). Nothing to invalidate; it holds only the last compile's personas. The
/// default keeps nothing (one compile).
/// It also keeps each diagram the output checks read back, by page and persona, with what
/// the comparison read (the persona, compared with [`personamap_spec::same`], the page, the palette).
#[derive(Debug, Default)]
pub struct Readings {
    keep: bool,
    personas: HashMap<u32, (Arc<Persona>, Vec<Diagnostic>)>,
    diagrams: HashMap<String, PageReadBacks>,
}

impl Readings {
    /// Readings kept for repeated compiles (watch, preview, an editor).
    pub fn keeping() -> Self {
        Readings {
            keep: true,
            ..Readings::default()
        }
    }
}

/// `warning[mermaid-misread]` for every edge label an author wrote in a form Mermaid reads
/// differently (the inline dotted `-.applies to.->` draws "applies t": its lexer takes the last
/// `o` or `x` as the arrow's end), pointing at the link in the spec file, with the fix.
pub fn misreads(spec: &Spec) -> Vec<Diagnostic> {
    misreads_with(spec, &mut Readings::default())
}

/// [`misreads`], reading again only the personas `readings` does not hold (see [`Readings`]).
pub fn misreads_with(spec: &Spec, readings: &mut Readings) -> Vec<Diagnostic> {
    let mut old = std::mem::take(&mut readings.personas);
    let kept: Vec<Option<Vec<Diagnostic>>> = spec
        .personas
        .iter()
        .map(|p| match old.remove(&p.number) {
            Some((k, diags)) if Arc::ptr_eq(&k, p) => Some(diags),
            _ => None,
        })
        .collect();
    // The other personas read on the machine's cores.
    let missing: Vec<&Arc<Persona>> = spec
        .personas
        .iter()
        .zip(&kept)
        .filter(|(_, k)| k.is_none())
        .map(|(p, _)| p)
        .collect();
    let mut fresh =
        personamap_spec::parallel::map(&missing, |p| persona_misreads(spec, p)).into_iter();
    let mut out = Vec::new();
    for (p, kept) in spec.personas.iter().zip(kept) {
        let diags = match kept {
            Some(diags) => diags,
            None => fresh.next().expect("one reading per missing persona"),
        };
        out.extend(diags.iter().cloned());
        if readings.keep {
            readings.personas.insert(p.number, (Arc::clone(p), diags));
        }
    }
    out
}

/// The `mermaid-misread` warnings of one persona's labelled edge statements.
fn persona_misreads(spec: &Spec, persona: &Persona) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    // Only a label can be misread: a chain without one is not read again.
    let labelled = persona
        .edges
        .iter()
        .flatten()
        .filter(|chain| chain.links.iter().any(|link| link.label.is_some()));
    for chain in labelled {
        let text = &spec.sources.file(chain.span.file).text;
        let start = chain.span.start as usize;
        let Some(statement) = text.get(start..chain.span.end as usize) else {
            continue;
        };
        let read = flowchart::statement_links(statement);
        if read.len() != chain.links.len() {
            continue;
        }
        for (i, ((range, got), link)) in read.iter().zip(&chain.links).enumerate() {
            let Some((want, _)) = &link.label else {
                continue;
            };
            let (from, to) = (&chain.sets[i][0].id, &chain.sets[i + 1][0].id);
            let written = &statement[range.clone()];
            let problem = match got {
                Ok(Some((_, text))) if text != want && want.ends_with(['o', 'x']) => format!(
                    "Mermaid reads the label `{want}` of `{}` as `{text}`: its lexer takes a last `o` or `x` as the arrow's end",
                    written.trim()
                ),
                Ok(Some((_, text))) if text != want => format!(
                    "Mermaid reads the label `{want}` of `{}` as `{text}`",
                    written.trim()
                ),
                Err(e) => format!("Mermaid cannot parse `{}` as written: {e}", written.trim()),
                _ => continue,
            };
            // The link as written, without the spaces around it.
            let lead = written.len() - written.trim_start().len();
            let at = start + range.start + lead..start + range.start + lead + written.trim().len();
            let span = Span::new(chain.span.file, at);
            let arrow = link.shape.arrow();
            let piped = format!("{arrow}|{want}|");
            let forms: Vec<String> = match link.shape.inline_halves() {
                Some((open, close)) if link.shape.kind == EdgeKind::Dotted => {
                    vec![format!("{open} {want} {close}"), piped]
                }
                _ => vec![piped],
            };
            let shown: Vec<String> = forms.iter().map(|f| format!("`{from} {f} {to}`")).collect();
            let mut d = Diagnostic::warning("mermaid-misread", Some(span), problem)
                .with_help(format!(
                    "write {}; personamap writes a form Mermaid reads, except on pages with `edge_labels = \"verbatim\"`",
                    shown.join(" or ")
                ))
                .about_persona(persona.number);
            // In the TOML string as it is: a label needing no escape in it or in Mermaid.
            if !want.contains(['"', '\\', '\'', '|', '\n']) {
                for form in forms {
                    d = d.with_fix(format!("write `{form}`"), vec![Edit::new(span, form)]);
                }
            }
            out.push(d);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use personamap_render::{Compiler, SiteInputs};
    use personamap_spec::{SourceFile, Sources};

    const FIXTURE: &str = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/single-file"
    );

    #[test]
    fn kept_readings_find_what_a_fresh_reading_finds() {
        let spec_with = |edges: &str| {
            let text = format!(
                "[site]\nbase_url = \"https://x\"\n[divider]\npath = \"snippets/D.jsx\"\nlogo = \"/l.svg\"\n\
                 [[page]]\nid = \"p\"\ntitle = \"T\"\ndescription = \"D\"\nnavigation = [\"G\"]\npersonas = [1]\n\
                 [[palette]]\nname = \"c\"\nmeaning = \"m\"\nfill = \"#fff\"\nstroke = \"#000\"\ncolor = \"#000\"\n\
                 [[persona]]\nnumber = 1\nname = \"N\"\nedges = '''\n{edges}\n'''\n\
                 [[persona.group]]\nclass = \"c\"\nnodes = [{{ id = \"A\", label = \"a\" }}, {{ id = \"B\", label = \"b\" }}]\n"
            );
            let sources = Sources::new(vec![SourceFile {
                path: "personas/s.toml".into(),
                text,
            }]);
            personamap_spec::load_partial(sources)
                .spec
                .expect("the spec loads")
        };
        let mut kept = Readings::keeping();
        // A misread label, the same again, one read right, a second misread line, back.
        for (i, edges) in [
            "A -.applies to.-> B",
            "A -.applies to.-> B",
            "A -. applies to .-> B",
            "A -.applies to.-> B\nB -.opts into.-> A",
            "A -.applies to.-> B",
        ]
        .iter()
        .enumerate()
        {
            let spec = spec_with(edges);
            // The first round reads the new load's persona; the second takes it from `kept`.
            for round in 0..2 {
                let again = format!("{:?}", misreads_with(&spec, &mut kept));
                assert_eq!(again, format!("{:?}", misreads(&spec)), "step {i}.{round}");
                assert_eq!(
                    kept.personas.len(),
                    1,
                    "step {i}.{round}: only this compile's"
                );
                assert!(Arc::ptr_eq(&kept.personas[&1].0, &spec.personas[0]));
            }
        }
        assert!(
            format!("{:?}", misreads(&spec_with("A -.applies to.-> B"))).contains("applies t`")
        );
    }

    /// The single-file fixture's spec, and its site inputs.
    fn fixture() -> (Spec, SiteInputs) {
        let read = |p: &str| std::fs::read_to_string(format!("{FIXTURE}/{p}")).expect("fixture");
        let sources = Sources::new(vec![SourceFile {
            path: "personas/spec.toml".into(),
            text: read("personas/spec.toml"),
        }]);
        let spec = personamap_spec::load(sources).0.expect("the fixture loads");
        let site = SiteInputs {
            docs_json: Some(read("docs.json")),
            ..SiteInputs::default()
        };
        (spec, site)
    }

    #[test]
    fn only_the_selected_pages_are_checked() {
        let (spec, site) = fixture();
        let mut outputs = Compiler::new().compile(&spec, &site).expect("it compiles");
        let bug = |d: &[Diagnostic]| d.iter().filter(|d| d.rule == "compiler-bug").count();
        assert_eq!(bug(&validate(&spec, &outputs)), 0);
        // A page whose diagram went missing, as a compiler bug would leave it.
        let page = outputs
            .files
            .iter_mut()
            .find(|o| o.kind == OutputKind::Page)
            .expect("a page");
        page.contents = page.contents.replace("```mermaid", "```text");
        assert_eq!(bug(&validate(&spec, &outputs)), 1);
        assert_eq!(
            bug(&validate_some(
                &spec,
                &outputs.files,
                |_| false,
                &mut Readings::default()
            )),
            0
        );
    }

    #[test]
    fn a_kept_read_back_never_hides_a_changed_diagram() {
        let (spec, site) = fixture();
        let good = Compiler::new().compile(&spec, &site).expect("it compiles");
        let check = |outputs: &Outputs, kept: &mut Readings| {
            let found = validate_some(&spec, &outputs.files, |_| true, kept);
            found.iter().filter(|d| d.rule == "compiler-bug").count()
        };
        let mut kept = Readings::keeping();
        assert_eq!(check(&good, &mut kept), 0);
        let diagrams = kept.diagrams.len();
        assert!(diagrams > 0, "every diagram is kept");
        // Served from `kept` this time, and the same.
        assert_eq!(check(&good, &mut kept), 0);
        assert_eq!(kept.diagrams.len(), diagrams);
        // One node of one diagram drawn twice, as a compiler bug would: read back again, the
        // bug is found, with or without what was kept.
        let mut bad = Compiler::new().compile(&spec, &site).expect("it compiles");
        let page = bad
            .files
            .iter_mut()
            .find(|o| o.kind == OutputKind::Page)
            .expect("a page");
        let at = page.contents.find("```mermaid\n").expect("a diagram") + "```mermaid\n".len();
        let header = page.contents[at..].find('\n').expect("a header line") + at + 1;
        let first = page.contents[header..].find('\n').expect("a first line") + header + 1;
        let line = page.contents[header..first].to_string();
        page.contents.insert_str(first, &line);
        assert_eq!(check(&bad, &mut Readings::default()), 1);
        assert_eq!(check(&bad, &mut kept), 1);
        // And the good outputs read clean again after it.
        assert_eq!(check(&good, &mut kept), 0);
    }
}
