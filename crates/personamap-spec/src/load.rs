//! Loading: phase one parses each file on its own (TOML syntax, types, unknown keys); phase two
//! resolves the files together into a [`Spec`] and checks every name.

use crate::diag::{Diagnostic, Edit, suggestions};
use crate::edges;
use crate::lints::Lints;
use crate::maps::MapMemo;
use crate::model::*;
use crate::raw::*;
use crate::source::{FileId, SourceFile, Sources, Span, string_value_origin};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::hash::{Hash as _, Hasher as _};
use std::sync::Arc;
use toml::Spanned;

/// One file after phase one. Independent of the file's position in [`Sources`], so a watcher
/// can keep it while other files come and go (the driver memoises it on the file's path and
/// text).
#[derive(Clone, Debug)]
pub struct ParsedFile {
    raw: RawFile,
    /// Problems phase one stepped over (unknown keys, wrong types, missing keys); reported
    /// again by [`resolve`].
    diags: Vec<Diagnostic>,
    /// What phase one took out of the file.
    failed: Failed,
}

/// What failed to load (a value of the wrong type, a table missing a key, a file that is not
/// TOML), so that the rules that would read it stay silent instead of reporting its absence:
/// a class that did not load is not "not in the palette", a page that did not load is not a
/// broken link.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Failed {
    /// A spec file is not TOML: anything may be missing.
    pub file: bool,
    /// `[site]` did not load.
    pub site: bool,
    /// `[divider]` did not load.
    pub divider: bool,
    /// Ids of the `[[page]]`s that did not load.
    pub pages: BTreeSet<String>,
    /// Some `[[page]]` whose id is unknown (it failed too) did not load.
    pub unnamed_page: bool,
    /// Names of the `[[palette]]` classes that did not load.
    pub classes: BTreeSet<String>,
    /// Some `[[palette]]` class whose name is unknown (it failed too) did not load.
    pub unnamed_class: bool,
    /// Numbers of the `[[persona]]`s that did not load.
    pub personas: BTreeSet<u32>,
    /// Some `[[persona]]` whose number is unknown (it failed too) did not load.
    pub unnumbered_persona: bool,
    /// Nodes that did not load, by persona number and node id.
    pub nodes: BTreeSet<(u32, String)>,
    /// Numbers of the personas that lost a node whose id is unknown (it failed too), or a
    /// group of nodes.
    pub unnamed_nodes: BTreeSet<u32>,
    /// The `[[persona.group]]` and node tables whose `class` did not load: their nodes are not
    /// reported classless.
    pub classes_of: Vec<Span>,
}

impl Failed {
    /// Whether a palette class named `name` may be among what did not load.
    pub fn class(&self, name: &str) -> bool {
        self.file || self.unnamed_class || self.classes.contains(name)
    }

    /// Whether a persona numbered `number` may be among what did not load.
    pub fn persona(&self, number: u32) -> bool {
        self.file || self.unnumbered_persona || self.personas.contains(&number)
    }

    /// Whether node `id` of persona `number` may be among what did not load.
    pub fn node(&self, number: u32, id: &str) -> bool {
        self.unnamed_nodes.contains(&number) || self.nodes.contains(&(number, id.to_string()))
    }

    /// Whether the class of the node whose id is at `id` did not load.
    pub fn class_of(&self, id: Span) -> bool {
        self.classes_of
            .iter()
            .any(|t| t.file == id.file && t.start <= id.start && id.end <= t.end)
    }

    /// Whether some node or node class of the spec may not have loaded (so no class is known
    /// to be unused).
    fn any_node(&self) -> bool {
        self.file
            || self.unnumbered_persona
            || !self.personas.is_empty()
            || !self.nodes.is_empty()
            || !self.unnamed_nodes.is_empty()
            || !self.classes_of.is_empty()
    }

    /// Adds what `other` records.
    fn extend(&mut self, other: Failed) {
        self.file |= other.file;
        self.site |= other.site;
        self.divider |= other.divider;
        self.pages.extend(other.pages);
        self.unnamed_page |= other.unnamed_page;
        self.classes.extend(other.classes);
        self.unnamed_class |= other.unnamed_class;
        self.personas.extend(other.personas);
        self.unnumbered_persona |= other.unnumbered_persona;
        self.nodes.extend(other.nodes);
        self.unnamed_nodes.extend(other.unnamed_nodes);
        self.classes_of.extend(other.classes_of);
    }

    /// The same record with its spans in `file`.
    fn in_file(mut self, file: FileId) -> Failed {
        for span in &mut self.classes_of {
            span.file = file;
        }
        self
    }

    /// What the entries phase one took out of file `file` mean for the spec.
    fn from_lost(file: FileId, lost: &[crate::parse::Lost]) -> Failed {
        let mut f = Failed::default();
        for l in lost {
            let whole = l.table && l.keys.len() == 1;
            match l.keys.first().map(String::as_str) {
                Some("site") if whole => f.site = true,
                Some("divider")
                    if whole
                        || l.is(&["divider", "generate"])
                        || l.is(&["divider", "logo"])
                        || l.is(&["divider", "export"]) =>
                {
                    f.divider = true
                }
                Some("page") if whole => match l.owner("id") {
                    Some(id) => {
                        f.pages.insert(id.to_string());
                    }
                    None => f.unnamed_page = true,
                },
                Some("palette") if whole => match l.owner("name") {
                    Some(name) => {
                        f.classes.insert(name.to_string());
                    }
                    None => f.unnamed_class = true,
                },
                Some("persona") => {
                    let number = l.owner("number").and_then(|n| n.parse::<u32>().ok());
                    let keys: Vec<&str> = l.keys.iter().map(String::as_str).collect();
                    match (number, keys.as_slice()) {
                        (Some(n), ["persona"]) if l.table => {
                            f.personas.insert(n);
                        }
                        (None, ["persona"]) if l.table => f.unnumbered_persona = true,
                        (Some(n), ["persona", "group", "nodes"]) if l.table => match l.own("id") {
                            Some(id) => {
                                f.nodes.insert((n, id.to_string()));
                            }
                            None => {
                                f.unnamed_nodes.insert(n);
                            }
                        },
                        (
                            Some(_),
                            ["persona", "group", "class"] | ["persona", "group", "nodes", "class"],
                        ) => {
                            f.classes_of.push(Span::new(file, l.within.clone()));
                        }
                        (Some(n), ["persona", "group"] | ["persona", "group", "nodes"]) => {
                            f.unnamed_nodes.insert(n);
                        }
                        _ => {}
                    }
                }
                _ => {}
            }
        }
        f
    }
}

/// Phase one for one file: TOML syntax, value types, unknown and missing keys, every problem
/// of the file at once. Only a file that is not TOML fails: otherwise what did not load (a
/// value of the wrong type, a table missing a key) is taken out and the rest is kept, the
/// problems reported by [`resolve`], so phase two checks the rest too.
pub fn parse_file(file: FileId, source: &SourceFile) -> Result<ParsedFile, Vec<Diagnostic>> {
    let mut parsed = crate::parse::parse::<RawFile>(file, &source.text);
    parsed.diags.extend(noncharacters(file, &source.text));
    match parsed.value {
        Some(raw) => Ok(ParsedFile {
            raw,
            diags: parsed.diags,
            failed: Failed::from_lost(file, &parsed.lost),
        }),
        None => Err(parsed.diags),
    }
}

/// [`parse_file`] for every file of `sources`, in parallel; results in file order.
pub fn parse_files(sources: &Sources) -> Vec<Result<ParsedFile, Vec<Diagnostic>>> {
    let files: Vec<(FileId, &SourceFile)> = sources.iter().collect();
    crate::parallel::map(&files, |(id, file)| parse_file(*id, file))
}

/// Unicode noncharacters (U+FDD0–U+FDEF and U+xFFFE/U+xFFFF of every plane), written as
/// themselves or as TOML `\u`/`\U` escapes: Mintlify rejects a page holding one.
fn noncharacters(file: FileId, text: &str) -> Vec<Diagnostic> {
    let is_non = |c: u32| (0xFDD0..=0xFDEF).contains(&c) || c & 0xFFFE == 0xFFFE;
    let mut out = Vec::new();
    let mut report = |range: std::ops::Range<usize>, c: u32| {
        out.push(
            Diagnostic::error(
                "noncharacter",
                Some(Span::new(file, range.clone())),
                format!("U+{c:04X} is a Unicode noncharacter, which Mintlify rejects"),
            )
            .with_help("remove it; it is invisible and has no meaning in text")
            .with_fix("remove it", vec![Edit::new(Span::new(file, range), "")]),
        );
    };
    let bytes = text.as_bytes();
    // A noncharacter is written with a lead byte 0xEF (U+FDD0–U+FFFF) or 0xF0–0xF4 (the other
    // planes), or as a `\u`/`\U` escape: a text with neither needs no walk (most files).
    if !bytes.iter().any(|&b| b >= 0xEF) && !text.contains("\\u") && !text.contains("\\U") {
        return out;
    }
    for (i, ch) in text.char_indices() {
        if is_non(u32::from(ch)) {
            report(i..i + ch.len_utf8(), u32::from(ch));
        }
        if ch == '\\' && matches!(bytes.get(i + 1), Some(b'u' | b'U')) {
            let backslashes = bytes[..i].iter().rev().take_while(|b| **b == b'\\').count();
            let n = if bytes[i + 1] == b'u' { 4 } else { 8 };
            let hex = text.get(i + 2..i + 2 + n).unwrap_or("");
            if backslashes % 2 == 0
                && let Ok(c) = u32::from_str_radix(hex, 16)
                && hex.len() == n
                && is_non(c)
            {
                report(i..i + 2 + n, c);
            }
        }
    }
    out
}

/// Loads a spec from its files: both phases, every problem reported.
///
/// Returns the spec when there is no error, and all diagnostics (warnings included).
pub fn load(sources: Sources) -> (Option<Spec>, Vec<Diagnostic>) {
    let Partial { spec, diags, .. } = load_partial(sources);
    (spec.filter(|_| !crate::diag::has_errors(&diags)), diags)
}

/// A spec as far as it loaded: what the checks that need a whole spec (the compile's links,
/// navigation, Mermaid readings, …) run on in the same round as the load errors.
#[derive(Debug)]
pub struct Partial {
    /// Everything that loaded, errors or not; `None` when `[site]` or `[divider]` did not.
    pub spec: Option<Spec>,
    /// Every diagnostic of loading, sorted.
    pub diags: Vec<Diagnostic>,
    /// What did not load, so that the checks reading it stay silent.
    pub failed: Failed,
}

/// [`load`], keeping the spec as far as it loaded.
pub fn load_partial(sources: Sources) -> Partial {
    let parsed = parse_files(&sources);
    load_parsed(sources, parsed)
}

/// [`load_partial`] from phase one's results, one per file of `sources` in order, whatever
/// file id they were parsed under (a memo keeps them across loads): every diagnostic is
/// located in the file's place in `sources`.
pub fn load_parsed(sources: Sources, results: Vec<Result<ParsedFile, Vec<Diagnostic>>>) -> Partial {
    let results = results.into_iter().map(|r| r.map(Arc::new)).collect();
    load_parsed_with(sources, results, &mut LoadMemo::default())
}

/// [`load_parsed`] from shared parses (a memo keeps them across loads: nothing is copied), the
/// resolved personas and the map rules taking what `memo` kept from an earlier load for equal
/// inputs (see [`LoadMemo`]), and keeping what this load found.
pub fn load_parsed_with(
    sources: Sources,
    results: Vec<Result<Arc<ParsedFile>, Vec<Diagnostic>>>,
    memo: &mut LoadMemo,
) -> Partial {
    let mut diags = Vec::new();
    let mut parsed = Vec::new();
    for ((id, _), result) in sources.iter().zip(results) {
        match result {
            Ok(p) => parsed.push(Some(p)),
            Err(d) => {
                diags.extend(d.into_iter().map(|mut d| {
                    if let Some(span) = &mut d.span {
                        span.file = id;
                    }
                    d
                }));
                parsed.push(None);
            }
        }
    }
    let mut partial = resolve_with(sources, parsed, memo);
    diags.append(&mut partial.diags);
    crate::diag::sort(&mut diags);
    partial.diags = diags;
    partial
}

/// Phase two: merges the parsed files (one entry per file of `sources`, `None` for a file that
/// failed phase one) and checks every reference. The spec only when there is no error.
pub fn resolve(
    sources: Sources,
    parsed: Vec<Option<ParsedFile>>,
) -> (Option<Spec>, Vec<Diagnostic>) {
    let Partial { spec, diags, .. } = resolve_partial(sources, parsed);
    (spec.filter(|_| !crate::diag::has_errors(&diags)), diags)
}

/// [`resolve`], keeping the spec as far as it loaded.
pub fn resolve_partial(sources: Sources, parsed: Vec<Option<ParsedFile>>) -> Partial {
    let parsed = parsed.into_iter().map(|p| p.map(Arc::new)).collect();
    resolve_with(sources, parsed, &mut LoadMemo::default())
}

/// What a load keeps for the next one, keyed on everything each result read (nothing is
/// invalidated: an entry is used only when its key is equal, and the memo keeps only the last
/// load's entries): each resolved persona (shared: the next load hands out this very one)
/// with its diagnostics and those of its own rules, by its file's place, the hash
/// of the file's path and text, its place in the file and a hash of the site-level inputs
/// resolving a persona reads (the palette, the last `[[palette]]` table and its file's text,
/// what failed to load); and the map rules' results ([`MapMemo`]). The default memo keeps
/// nothing (one load).
#[derive(Debug, Default)]
pub struct LoadMemo {
    keep: bool,
    personas: HashMap<PersonaKey, Resolved>,
    pub(crate) maps: MapMemo,
}

impl LoadMemo {
    /// A memo for repeated loads (watch, preview, an editor).
    pub fn keeping() -> Self {
        LoadMemo {
            keep: true,
            personas: HashMap::new(),
            maps: MapMemo::keeping(),
        }
    }
}

/// A `[[persona]]` table's key: its file's id, a hash of the file's path and text (from
/// [`Sources::text_hash`]), its index among the file's personas, and the hash of the
/// site-level inputs ([`LoadMemo`]).
type PersonaKey = (FileId, u64, usize, u64);

/// A resolved persona (`None`: it did not resolve) and the diagnostics resolving it gave.
type Resolved = (Option<Arc<Persona>>, Vec<Diagnostic>);

/// One `[[persona]]` table, shared with its parse: its file, the parse, its index in the file.
type PersonaAt = (FileId, Arc<ParsedFile>, usize);

fn resolve_with(
    sources: Sources,
    parsed: Vec<Option<Arc<ParsedFile>>>,
    memo: &mut LoadMemo,
) -> Partial {
    // What failed to load, from every file, before anything resolves: each check asks it.
    let mut failed = Failed::default();
    let mut diags = Vec::new();
    let files: Vec<(FileId, Arc<ParsedFile>)> = sources
        .iter()
        .zip(parsed)
        .filter_map(|((id, _), p)| {
            let Some(p) = p else {
                failed.file = true;
                return None;
            };
            failed.extend(p.failed.clone().in_file(id));
            diags.extend(p.diags.iter().cloned().map(|mut d| {
                if let Some(span) = &mut d.span {
                    span.file = id;
                }
                d
            }));
            Some((id, p))
        })
        .collect();
    let mut r = Resolver {
        sources: &sources,
        failed: &failed,
        diags,
        last_class: None,
    };
    let mut site = None;
    let mut divider = None;
    let mut pages = Vec::new();
    let mut palette = Vec::new();
    let mut personas = Vec::new();
    let mut site_lints = None;
    for (id, parse) in files {
        let raw = &parse.raw;
        if let Some(l) = &raw.lints {
            site_lints = r.single(site_lints, id, l.clone(), "lints");
        }
        if let Some(s) = &raw.site {
            site = r.single(site, id, s.clone(), "site");
        }
        if let Some(d) = &raw.divider {
            divider = r.single(divider, id, d.clone(), "divider");
        }
        pages.extend(raw.page.iter().map(|p| (id, p.clone())));
        palette.extend(raw.palette.iter().map(|c| (id, c.clone())));
        personas.extend((0..raw.persona.len()).map(|i| (id, parse.clone(), i)));
    }
    let site = site.map(|(id, s)| r.site(id, s.into_inner()));
    let divider_given = divider.is_some();
    let divider = divider
        .filter(|_| !r.failed.divider)
        .and_then(|(id, d)| r.divider(id, d));
    let lints = Lints {
        site: site_lints.map_or_else(Default::default, |(_, l)| l.get_ref().levels()),
        pages: pages
            .iter_mut()
            .filter_map(|(_, p)| {
                let p = p.get_mut();
                Some((p.id.get_ref().clone(), p.lints.take()?.levels()))
            })
            .collect(),
        personas: personas
            .iter()
            .filter_map(|(_, parse, i)| {
                let p = parse.raw.persona[*i].get_ref();
                Some((*p.number.get_ref(), p.lints.as_ref()?.levels()))
            })
            .collect(),
    };
    let palette = r.palette(palette);
    let personas = r.personas(personas, &palette, memo);
    let pages = r.pages(pages, &personas);
    r.diags.extend(crate::rules::check(
        &sources,
        !r.failed.any_node(),
        divider.as_ref(),
        &palette,
        &personas,
    ));
    r.diags.extend(crate::maps::check(
        &palette,
        &personas,
        &pages,
        &lints,
        &mut memo.maps,
    ));
    r.diags.extend(crate::rules::collisions(
        site.as_ref(),
        divider.as_ref(),
        &pages,
    ));
    if !r.failed.file {
        if site.is_none() && !r.failed.site {
            r.diags.push(
                Diagnostic::error("missing-site", None, "the spec has no `[site]` table")
                    .with_help("add `[site]` with `base_url = \"https://docs.example.com\"` to personas/site.toml"),
            );
        }
        if !divider_given && !r.failed.divider {
            r.diags.push(
                Diagnostic::error("missing-divider", None, "the spec has no `[divider]` table")
                    .with_help("add `[divider]` with `path = \"snippets/Divider.jsx\"` and `logo = \"/logo.svg\"`"),
            );
        }
        if pages.is_empty() && r.failed.pages.is_empty() && !r.failed.unnamed_page {
            r.diags.push(
                Diagnostic::error("missing-page", None, "the spec has no `[[page]]`")
                    .with_help("add a `[[page]]` with id, title, description and navigation"),
            );
        }
    }
    let diags = r.diags;
    let spec = match (site, divider) {
        (Some(site), Some(divider)) => Some(Spec {
            sources,
            site,
            divider,
            pages,
            palette,
            personas,
            lints,
        }),
        _ => None,
    };
    Partial {
        spec,
        diags,
        failed,
    }
}

struct Resolver<'a> {
    sources: &'a Sources,
    /// What did not load: the checks that would read it stay silent.
    failed: &'a Failed,
    diags: Vec<Diagnostic>,
    /// The last `[[palette]]` table, the model of an entry the fix of an unknown class adds.
    last_class: Option<ClassTable>,
}

/// Where a `[[palette]]` table and its `name` and `meaning` values are, in its file.
#[derive(Clone)]
struct ClassTable {
    file: FileId,
    table: std::ops::Range<usize>,
    name: std::ops::Range<usize>,
    meaning: std::ops::Range<usize>,
}

const HEX: &str = "a hex colour like `#0b66ff` or `#fff`";

impl Resolver<'_> {
    fn span<T>(&self, file: FileId, s: &Spanned<T>) -> Span {
        Span::new(file, s.span())
    }

    /// The header line (`[site]`, `[[page]]`) of the table at `range` in `file`.
    fn header(&self, file: FileId, range: std::ops::Range<usize>) -> Span {
        Span::new(
            file,
            crate::parse::header(&self.sources.file(file).text, range),
        )
    }

    fn single<T>(
        &mut self,
        seen: Option<(FileId, Spanned<T>)>,
        file: FileId,
        new: Spanned<T>,
        what: &str,
    ) -> Option<(FileId, Spanned<T>)> {
        if let Some((first, old)) = &seen {
            let first = self.header(*first, old.span());
            self.diags.push(
                Diagnostic::error(
                    "duplicate-table",
                    Some(self.header(file, new.span())),
                    format!("`[{what}]` is defined twice"),
                )
                .with_related(first, format!("`[{what}]` is first defined here"))
                .with_help("keep one"),
            );
            seen
        } else {
            Some((file, new))
        }
    }

    fn site(&mut self, file: FileId, s: RawSite) -> Site {
        let data_snippet_span = s.data_snippet.as_ref().map(|d| self.span(file, d));
        let data_snippet = s.data_snippet.map(|d| {
            if let Some(problem) = crate::rules::snippet_path_problem(d.get_ref()) {
                self.diags.push(crate::rules::snippet_path_error(
                    self.sources,
                    d.get_ref(),
                    Some(self.span(file, &d)),
                    problem,
                ));
            }
            d.into_inner()
        });
        let url = s.base_url.get_ref();
        let host = url
            .strip_prefix("https://")
            .or_else(|| url.strip_prefix("http://"))
            .unwrap_or("");
        let host = host.split(['/', '?', '#']).next().unwrap_or("");
        if host.is_empty() || url.contains(|c: char| c.is_whitespace() || c.is_control()) {
            let mut d = Diagnostic::error(
                "base-url",
                Some(self.span(file, &s.base_url)),
                format!("`{url}` is not an absolute http(s) URL"),
            )
            .with_help(
                "write the published site's URL with its scheme, e.g. `https://docs.example.com`",
            );
            // A host without its scheme: `docs.example.com`.
            let bare = url.split(['/', '?', '#']).next().unwrap_or("");
            if !url.contains("://")
                && bare.contains('.')
                && !url.contains(|c: char| c.is_whitespace() || c.is_control())
            {
                let text = &self.sources.file(file).text;
                let full = format!("https://{url}");
                d = d.with_replacement(text, url, &full, format!("write `{full}`"));
            }
            self.diags.push(d);
        }
        Site {
            data_snippet,
            data_snippet_span,
            name: s.name,
            description: s.description,
            base_url: s.base_url.into_inner().trim_end_matches('/').to_string(),
            code_theme: s.code_theme.map(|t| match t {
                RawCodeTheme::Single(name) => CodeTheme::Single(name),
                RawCodeTheme::Pair { light, dark } => CodeTheme::Pair { light, dark },
            }),
            llms_txt: s.llms_txt.unwrap_or_default(),
        }
    }

    fn divider(&mut self, file: FileId, d: Spanned<RawDivider>) -> Option<Divider> {
        let table_span = self.span(file, &d);
        let d = d.into_inner();
        let path_span = self.span(file, &d.path);
        let generate = d.generate.as_ref().is_none_or(|g| *g.get_ref());
        if !generate {
            return self.hand_written_divider(file, d, path_span);
        }
        if let Some(export) = &d.export {
            let mut diag = Diagnostic::error(
                "divider-export",
                Some(self.span(file, export)),
                "`export` names the export of a hand-written divider, but personamap generates this one (`generate` is `true` by default)",
            )
            .with_help("set `generate = false` to use the existing snippet at `path`, or name the generated component with `component`");
            let text = &self.sources.file(file).text;
            if let (None, Some(key)) = (&d.component, key_before(text, "export", export.span())) {
                diag = diag.with_fix(
                    "name the generated component with `component`",
                    vec![Edit::new(Span::new(file, key), "component")],
                );
            }
            self.diags.push(diag);
        }
        let Some(logo) = d.logo else {
            self.diags.push(
                Diagnostic::error(
                    "missing-key",
                    Some(table_span),
                    "`[divider]` needs `logo` when personamap generates the divider",
                )
                .with_help("add `logo = \"/logo.svg\"`, or set `generate = false` and `export = \"CustomDivider\"` to use a hand-written snippet"),
            );
            return None;
        };
        let component = match d.component {
            Some(c) => {
                let span = self.span(file, &c);
                self.component_name(c.into_inner(), span)
            }
            None => "CustomDivider".to_string(),
        };
        let mut spacing = Vec::new();
        for (name, value) in d.spacing.map(Spanned::into_inner).unwrap_or_default() {
            match value {
                toml::Value::String(margin) if is_js_ident(&name) => spacing.push((name, margin)),
                _ => self.diags.push(Diagnostic::error(
                    "divider-spacing",
                    Some(path_span),
                    format!(
                        "divider spacing `{name}` must be a CSS margin string under a plain name"
                    ),
                )),
            }
        }
        if spacing.is_empty() {
            spacing.push(("default".to_string(), "24px 0".to_string()));
        }
        let text = |v: Option<Spanned<String>>, default: &str| {
            v.map_or_else(|| default.to_string(), Spanned::into_inner)
        };
        Some(Divider {
            path: d.path.into_inner(),
            generate: true,
            component,
            export_span: None,
            logo: logo.into_inner(),
            color: text(d.color, "currentColor"),
            line_color: text(d.line_color, "currentColor"),
            gap: text(d.gap, "8px"),
            spacing,
            span: Some(path_span),
        })
    }

    /// `[divider]` with `generate = false`: a hand-written snippet's export. The keys that
    /// only shape a generated snippet are warned about, at the key.
    fn hand_written_divider(
        &mut self,
        file: FileId,
        d: RawDivider,
        path_span: Span,
    ) -> Option<Divider> {
        let unused = [
            ("component", d.component.as_ref().map(|v| v.span())),
            ("logo", d.logo.as_ref().map(|v| v.span())),
            ("color", d.color.as_ref().map(|v| v.span())),
            ("line_color", d.line_color.as_ref().map(|v| v.span())),
            ("gap", d.gap.as_ref().map(|v| v.span())),
            ("spacing", d.spacing.as_ref().map(|v| v.span())),
        ];
        for (key, range) in unused {
            let Some(range) = range else { continue };
            let help = if key == "component" {
                "the hand-written snippet's component is named by `export`; remove `component`"
            } else {
                "remove it: the hand-written snippet draws the divider (or set `generate = true` to have personamap write one)"
            };
            let text = &self.sources.file(file).text;
            let at = key_before(text, key, range.clone()).unwrap_or(range.clone());
            let mut d = Diagnostic::warning(
                "divider-unused-key",
                Some(Span::new(file, at)),
                format!("`{key}` has no effect with `generate = false`"),
            )
            .with_help(help);
            if let Some(line) = key_line(text, key, range) {
                d = d.with_fix(
                    format!("remove `{key}`"),
                    vec![Edit::new(Span::new(file, line), "")],
                );
            }
            self.diags.push(d);
        }
        let Some(export) = d.export else {
            let at = d.generate.as_ref().map(|g| self.span(file, g));
            self.diags.push(
                Diagnostic::error(
                    "missing-key",
                    at,
                    "a hand-written divider (`generate = false`) needs `export`, the name of the snippet's component",
                )
                .with_help("add `export = \"CustomDivider\"` (the name the snippet exports)"),
            );
            return None;
        };
        let export_span = self.span(file, &export);
        let component = self.component_name(export.into_inner(), export_span);
        Some(Divider {
            path: d.path.into_inner(),
            generate: false,
            component,
            export_span: Some(export_span),
            logo: String::new(),
            color: String::new(),
            line_color: String::new(),
            gap: String::new(),
            spacing: Vec::new(),
            span: Some(path_span),
        })
    }

    /// Checks a snippet component name (capitalised identifier) and returns it.
    fn component_name(&mut self, c: String, span: Span) -> String {
        if !is_component_name(&c) {
            let mut d = Diagnostic::error(
                "component-name",
                Some(span),
                format!("`{c}` is not a valid snippet component name"),
            )
            .with_help("Mintlify components start with a capital letter and use only letters, digits and `_`");
            let capital: String = c
                .chars()
                .take(1)
                .flat_map(char::to_uppercase)
                .chain(c.chars().skip(1))
                .collect();
            if is_component_name(&capital) {
                let text = &self.sources.file(span.file).text;
                d = d.with_replacement(text, &c, &capital, format!("write `{capital}`"));
            }
            self.diags.push(d);
        }
        c
    }

    fn colour(&mut self, file: FileId, value: &Spanned<String>) {
        if !is_hex_colour(value.get_ref()) {
            let v = value.get_ref();
            let mut d = Diagnostic::error(
                "colour",
                Some(self.span(file, value)),
                format!("`{v}` is not a hex colour"),
            )
            .with_help(format!("Mermaid needs {HEX}"));
            // Hex digits without their `#`.
            let hashed = format!("#{v}");
            if is_hex_colour(&hashed) {
                let text = &self.sources.file(file).text;
                d = d.with_replacement(text, v, &hashed, format!("write `{hashed}`"));
            }
            self.diags.push(d);
        }
    }

    /// A `stroke-dasharray`: lengths (`4`, `2.5px`, `10%`) separated by spaces or commas,
    /// written space-separated (a `,` would end the value in Mermaid's `classDef`, and `;` the
    /// statement). Anything else is a located error.
    fn dash(&mut self, file: FileId, value: Spanned<String>) -> String {
        let parts: Vec<&str> = value
            .get_ref()
            .split(|c: char| c == ',' || c.is_whitespace())
            .filter(|p| !p.is_empty())
            .collect();
        let length = |p: &str| {
            let n = p
                .strip_suffix("px")
                .or_else(|| p.strip_suffix('%'))
                .unwrap_or(p);
            !n.is_empty()
                && n.chars().all(|c| c.is_ascii_digit() || c == '.')
                && n.matches('.').count() <= 1
                && n != "."
        };
        if parts.is_empty() || !parts.iter().all(|p| length(p)) {
            self.diags.push(
                Diagnostic::error(
                    "dash",
                    Some(self.span(file, &value)),
                    format!("`{}` is not a stroke-dasharray", value.get_ref()),
                )
                .with_help("write lengths separated by spaces, e.g. `4 2` or `6px 3px`"),
            );
        }
        parts.join(" ")
    }

    fn palette(&mut self, raw: Vec<(FileId, Spanned<RawClass>)>) -> Vec<Class> {
        let mut out: Vec<Class> = Vec::new();
        for (file, c) in raw {
            let text = &self.sources.file(file).text;
            let table = crate::lints::table_extent(text, Span::new(file, c.span()), "palette");
            let c = c.into_inner();
            self.last_class = Some(ClassTable {
                file,
                table,
                name: c.name.span(),
                meaning: c.meaning.span(),
            });
            for v in [&c.fill, &c.stroke, &c.color] {
                self.colour(file, v);
            }
            let span = self.span(file, &c.name);
            let name = c.name.into_inner();
            if !is_class_name(&name) {
                self.diags.push(Diagnostic::error(
                    "class-name",
                    Some(span),
                    format!("class name `{name}` must use only letters, digits and `_`, starting with a letter"),
                ));
            }
            if let Some(first) = out.iter().find(|o| o.name == name) {
                self.diags.push(
                    Diagnostic::error(
                        "duplicate-class",
                        Some(span),
                        format!("class `{name}` is defined twice in the palette"),
                    )
                    .with_related(first.span, format!("class `{name}` is first defined here"))
                    .with_help("keep one, or rename one"),
                );
                continue;
            }
            out.push(Class {
                name,
                meaning: c.meaning.into_inner(),
                fill: c.fill.into_inner(),
                stroke: c.stroke.into_inner(),
                color: c.color.into_inner(),
                dash: c.dash.map(|d| self.dash(file, d)),
                span,
            });
        }
        out
    }

    fn unknown_class(&mut self, span: Span, name: &str, palette: &[Class]) {
        if self.failed.class(name) {
            return;
        }
        let d = Diagnostic::error(
            "unknown-class",
            Some(span),
            format!("class `{name}` is not in the palette"),
        );
        let near = owned(suggestions(name, palette.iter().map(|c| c.name.as_str())));
        let mut d = match near.is_empty() {
            true => d.with_help(format!("add `{name}` as a `[[palette]]` entry")),
            false => {
                let d = d.with_suggestions(&self.sources.file(span.file).text, name, &near);
                let help = format!(
                    "{} or add `{name}` as a `[[palette]]` entry",
                    d.help.as_deref().unwrap_or_default()
                );
                d.with_help(help)
            }
        };
        if let Some(edit) = self.palette_entry(name) {
            d = d.with_fix(format!("add `{name}` to the palette"), vec![edit]);
        }
        self.diags.push(d);
    }

    /// An edit adding class `name` to the palette: a copy of the last `[[palette]]` table
    /// (so in its file's own layout, and with its colours), named `name` and meaning `name`,
    /// at the end of its file. `None` when the palette has no `[[palette]]` table to copy, or
    /// `name` is no class name.
    fn palette_entry(&self, name: &str) -> Option<Edit> {
        let last = self.last_class.as_ref()?;
        let text = &self.sources.file(last.file).text;
        let table = text.get(last.table.clone())?;
        if !table.starts_with("[[palette]]") || !is_class_name(name) {
            return None;
        }
        let at = |r: &std::ops::Range<usize>| {
            let start = r.start.checked_sub(last.table.start)?;
            let end = r.end.checked_sub(last.table.start)?;
            (end <= table.len()).then_some(start..end)
        };
        let (n, m) = (at(&last.name)?, at(&last.meaning)?);
        if n.end > m.start && m.end > n.start {
            return None;
        }
        let literal = crate::source::toml_basic_string(name);
        // The later value first, so the earlier range still holds.
        let mut entry = table.to_string();
        for range in if n.start > m.start { [n, m] } else { [m, n] } {
            entry.replace_range(range, &literal);
        }
        let end = text.len();
        let sep = if text.ends_with('\n') { "\n" } else { "\n\n" };
        Some(Edit::new(
            Span::new(last.file, end..end),
            format!("{sep}{}\n", entry.trim_end()),
        ))
    }

    /// `d` with fixes to the names among `choices` near the value `v` (did-you-mean), or else
    /// with `help`.
    fn not_one_of(
        &self,
        file: FileId,
        v: &Spanned<String>,
        d: Diagnostic,
        choices: &[&str],
        help: &str,
    ) -> Diagnostic {
        let near = owned(suggestions(v.get_ref(), choices.iter().copied()));
        if near.is_empty() {
            d.with_help(help)
        } else {
            d.with_suggestions(&self.sources.file(file).text, v.get_ref(), &near)
        }
    }

    /// `direction`: `d` is not a flowchart direction.
    fn direction_error(&self, file: FileId, d: &Spanned<String>) -> Diagnostic {
        let names: Vec<&str> = Direction::ALL.iter().map(|(_, s)| *s).collect();
        self.not_one_of(
            file,
            d,
            Diagnostic::error(
                "direction",
                Some(self.span(file, d)),
                format!("`{}` is not a flowchart direction", d.get_ref()),
            ),
            &names,
            "use one of LR, RL, TD, TB, BT",
        )
    }

    /// The personas, each taken from `memo` when its key is equal ([`LoadMemo`]); afterwards
    /// `memo` holds this load's personas when it keeps any.
    fn personas(
        &mut self,
        raw: Vec<PersonaAt>,
        palette: &[Class],
        memo: &mut LoadMemo,
    ) -> Vec<Arc<Persona>> {
        /// A `[[persona]]` table in order: a number used before, or the key it resolves
        /// under, with its result when the memo held it (else it is resolved below).
        enum Entry {
            Duplicate(Diagnostic),
            Persona(PersonaKey, Option<Resolved>),
        }
        let mut numbers: HashMap<u32, Span> = HashMap::new();
        let site = self.persona_inputs(palette);
        let mut old = std::mem::take(&mut memo.personas);
        let mut entries = Vec::with_capacity(raw.len());
        let mut missing = Vec::new();
        for (file, parse, i) in &raw {
            let p = parse.raw.persona[*i].get_ref();
            let number_span = self.span(*file, &p.number);
            let number = *p.number.get_ref();
            if let Some(first) = numbers.get(&number) {
                entries.push(Entry::Duplicate(
                    Diagnostic::error(
                        "duplicate-persona",
                        Some(number_span),
                        format!("persona number {number} is used twice"),
                    )
                    .with_related(*first, format!("persona {number} is first defined here"))
                    .with_help("give one of them another number"),
                ));
                continue;
            }
            numbers.insert(number, number_span);
            // A memo that keeps nothing looks nothing up: its keys need no hash of the file.
            let text = if memo.keep {
                let mut h = std::collections::hash_map::DefaultHasher::new();
                let source = self.sources.file(*file);
                (&source.path, self.sources.text_hash(*file)).hash(&mut h);
                h.finish()
            } else {
                0
            };
            let key = (*file, text, *i, site);
            let kept = old.remove(&key);
            if kept.is_none() {
                missing.push((*file, parse, *i, number));
            }
            entries.push(Entry::Persona(key, kept));
        }
        // The personas the memo did not hold resolve independently of each other, each
        // with its own diagnostics, on the machine's cores.
        let resolved = crate::parallel::map(&missing, |(file, parse, i, number)| {
            let mut worker = Resolver {
                sources: self.sources,
                failed: self.failed,
                diags: Vec::new(),
                last_class: self.last_class.clone(),
            };
            let table = &parse.raw.persona[*i];
            let span = worker.span(*file, table);
            let persona = worker.persona(*file, span, *number, table.get_ref().clone(), palette);
            // The persona's own rules read only what its key holds: kept with it.
            if let Some(p) = &persona {
                crate::rules::persona_checks(worker.sources, palette, p, &mut worker.diags);
            }
            (persona.map(Arc::new), worker.diags)
        });
        // The memo's misses take the fresh results in order.
        let mut resolved = resolved.into_iter();
        let mut out: Vec<Arc<Persona>> = Vec::with_capacity(entries.len());
        for entry in entries {
            match entry {
                Entry::Duplicate(d) => self.diags.push(d),
                Entry::Persona(key, kept) => {
                    let (persona, diags) = kept.unwrap_or_else(|| {
                        resolved.next().expect("one result per persona not kept")
                    });
                    if memo.keep {
                        self.diags.extend(diags.iter().cloned());
                        out.extend(persona.clone());
                        memo.personas.insert(key, (persona, diags));
                    } else {
                        self.diags.extend(diags);
                        out.extend(persona);
                    }
                }
            }
        }
        out.sort_by_key(|p| p.number);
        out
    }

    /// A hash of the site-level inputs resolving a persona reads besides its own file: the
    /// palette, the last `[[palette]]` table (the model of the fix adding an unknown class)
    /// and its file's text, and what failed to load.
    fn persona_inputs(&self, palette: &[Class]) -> u64 {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        format!("{palette:?}\n{:?}", self.failed).hash(&mut h);
        if let Some(last) = &self.last_class {
            (last.file, &last.table, &last.name, &last.meaning).hash(&mut h);
            self.sources.text_hash(last.file).hash(&mut h);
        }
        h.finish()
    }

    fn persona(
        &mut self,
        file: FileId,
        span: Span,
        number: u32,
        p: RawPersona,
        palette: &[Class],
    ) -> Option<Persona> {
        let direction = match &p.direction {
            None => Direction::LR,
            Some(d) => match Direction::ALL.iter().find(|(_, s)| *s == d.get_ref()) {
                Some((dir, _)) => *dir,
                None => {
                    let diag = self.direction_error(file, d);
                    self.diags.push(diag);
                    Direction::LR
                }
            },
        };
        let map_direction = p.map_direction.as_ref().and_then(|d| {
            let found = Direction::ALL.iter().find(|(_, s)| *s == d.get_ref());
            if found.is_none() {
                let diag = self.direction_error(file, d);
                self.diags.push(diag);
            }
            found.map(|(dir, _)| *dir)
        });
        let mut ids: BTreeMap<String, Span> = BTreeMap::new();
        let declared: BTreeSet<String> = p
            .group
            .iter()
            .flat_map(|g| g.nodes.iter().map(|n| n.id.get_ref().clone()))
            .collect();
        let mut groups = Vec::new();
        for g in p.group {
            let mut nodes = Vec::new();
            for n in g.nodes {
                let id_span = self.span(file, &n.id);
                let id = n.id.into_inner();
                if let Some(first) = ids.get(&id) {
                    self.diags.push(
                        Diagnostic::error(
                            "duplicate-node",
                            Some(id_span),
                            format!("node `{id}` is declared twice in persona {number}"),
                        )
                        .with_related(*first, format!("node `{id}` is first declared here"))
                        .with_help("rename one"),
                    );
                    continue;
                }
                if !is_node_id(&id) {
                    let mut d = Diagnostic::error(
                        "node-id",
                        Some(id_span),
                        format!("node id `{id}` contains characters outside [A-Za-z0-9_]"),
                    )
                    .with_help("node ids use only letters, digits and `_`");
                    // Each other character as `_`, when that names no other node (no edge can
                    // name this one: the edge syntax has no such id).
                    let fixed: String = id
                        .chars()
                        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
                        .collect();
                    if !declared.contains(&fixed)
                        && personamap_syntax::mermaid::keywords::reserved_keyword(&fixed).is_none()
                    {
                        let text = &self.sources.file(file).text;
                        d = d.with_replacement(text, &id, &fixed, format!("write `{fixed}`"));
                    }
                    self.diags.push(d);
                }
                ids.insert(id.clone(), id_span);
                let class = match n.class.as_ref().or(g.class.as_ref()) {
                    Some(c) => {
                        if !palette.iter().any(|k| k.name == *c.get_ref()) {
                            self.unknown_class(self.span(file, c), c.get_ref(), palette);
                        }
                        c.get_ref().clone()
                    }
                    None if self.failed.class_of(id_span) => String::new(),
                    None => {
                        self.diags.push(
                            Diagnostic::error(
                                "missing-class",
                                Some(id_span),
                                format!("node `{id}` has no class"),
                            )
                            .with_help("set `class` on the node or on its group"),
                        );
                        String::new()
                    }
                };
                let href_span = n.href.as_ref().map(|h| self.span(file, h));
                nodes.push(Node {
                    id,
                    label: n.label.into_lines(),
                    class,
                    href: n.href.map(Spanned::into_inner),
                    tooltip: n.tooltip,
                    span: id_span,
                    href_span,
                });
            }
            groups.push(nodes);
        }
        let edges = match &p.edges {
            Some(e) => {
                let literal = e.span();
                let origin =
                    string_value_origin(&self.sources.file(file).text, literal, e.get_ref());
                let (groups, errors) = edges::parse(e.get_ref(), file, origin, self.span(file, e));
                for (err, span) in errors {
                    let mut d = Diagnostic::error("edge-syntax", Some(span), err.message);
                    d.help = err.help;
                    self.diags.push(d);
                }
                for chain in groups.iter().flatten() {
                    for r in chain.sets.iter().flatten() {
                        if !ids.contains_key(&r.id) && !self.failed.node(number, &r.id) {
                            let d = Diagnostic::error(
                                "unknown-node",
                                Some(r.span),
                                format!("edge end `{}` names no node of persona {number}", r.id),
                            );
                            let near = owned(suggestions(&r.id, ids.keys().map(String::as_str)));
                            self.diags.push(if near.is_empty() {
                                d.with_help("declare the node in a `[[persona.group]]`")
                            } else {
                                d.with_suggestions(&self.sources.file(file).text, &r.id, &near)
                            });
                        }
                    }
                }
                groups
            }
            None => Vec::new(),
        };
        let mut overrides = Vec::new();
        for (name, o) in p.classes {
            let name_span = self.span(file, &name);
            let name = name.into_inner();
            let o = o.into_inner();
            let Some(base) = palette.iter().find(|c| c.name == name) else {
                self.unknown_class(name_span, &name, palette);
                continue;
            };
            for v in [&o.fill, &o.stroke, &o.color].into_iter().flatten() {
                self.colour(file, v);
            }
            overrides.push(Class {
                name,
                meaning: base.meaning.clone(),
                fill: o
                    .fill
                    .map_or_else(|| base.fill.clone(), Spanned::into_inner),
                stroke: o
                    .stroke
                    .map_or_else(|| base.stroke.clone(), Spanned::into_inner),
                color: o
                    .color
                    .map_or_else(|| base.color.clone(), Spanned::into_inner),
                dash: match o.dash {
                    Some(d) => Some(self.dash(file, d)),
                    None => base.dash.clone(),
                },
                span: name_span,
            });
        }
        let tab_title = p.tab_title.and_then(|t| {
            if t.get_ref().trim().is_empty() || t.get_ref().contains(['\n', '\r']) {
                self.diags.push(
                    Diagnostic::error(
                        "tab-title",
                        Some(self.span(file, &t)),
                        "a tab title is one line of text".to_string(),
                    )
                    .with_help("write a short label such as `tab_title = \"AI\"`, or leave `tab_title` out for `Persona N – name`"),
                );
                return None;
            }
            Some(t.into_inner())
        });
        let prose = p.prose.unwrap_or_default();
        let mut prose_links = Vec::new();
        Some(Persona {
            number,
            name: p.name,
            nickname: p.nickname,
            icon: p.icon,
            tab_title,
            direction,
            map_direction,
            intro: self.prose(
                file,
                &format!("persona {number}'s intro"),
                p.intro,
                prose,
                &mut prose_links,
            ),
            prose,
            prose_links,
            groups,
            edges,
            overrides,
            span,
        })
    }

    fn pages(
        &mut self,
        raw: Vec<(FileId, Spanned<RawPage>)>,
        personas: &[Arc<Persona>],
    ) -> Vec<Page> {
        let mut out: Vec<Page> = Vec::new();
        let mut ids: HashMap<String, Span> = HashMap::new();
        for (file, p) in raw {
            let span = self.span(file, &p);
            let p = p.into_inner();
            let id_span = self.span(file, &p.id);
            let id = p.id.into_inner();
            if let Some(problem) = page_id_problem(&id) {
                let mut d = Diagnostic::error("page-id", Some(id_span), format!("page id `{id}` {problem}"))
                    .with_help("a page id is the file path from the site root without extension or leading slash, e.g. `guides/personas`");
                // The file path it names, or its URL path: without the extension or the `/`.
                let bare = id.trim_start_matches('/');
                let bare = bare
                    .strip_suffix(".mdx")
                    .or_else(|| bare.strip_suffix(".md"))
                    .unwrap_or(bare);
                if page_id_problem(bare).is_none() {
                    let text = &self.sources.file(file).text;
                    d = d.with_replacement(text, &id, bare, format!("write `{bare}`"));
                }
                self.diags.push(d);
            }
            if let Some(first) = ids.get(&id) {
                self.diags.push(
                    Diagnostic::error(
                        "duplicate-page",
                        Some(id_span),
                        format!("page `{id}` is defined twice"),
                    )
                    .with_related(*first, format!("page `{id}` is first defined here"))
                    .with_help("keep one, or give one another id"),
                );
                continue;
            }
            ids.insert(id.clone(), id_span);
            let numbers = match p.personas {
                Some(list) => {
                    let mut numbers = Vec::new();
                    for n in list {
                        if personas.iter().any(|q| q.number == *n.get_ref()) {
                            numbers.push(n.into_inner());
                        } else if !self.failed.persona(*n.get_ref()) {
                            self.diags.push(Diagnostic::error(
                                "unknown-persona",
                                Some(self.span(file, &n)),
                                format!(
                                    "page `{id}` lists persona {} which is not defined",
                                    n.get_ref()
                                ),
                            ));
                        }
                    }
                    numbers
                }
                None => personas.iter().map(|q| q.number).collect(),
            };
            let navigation_span = self.span(file, &p.navigation);
            // `title = true` / `description = true` in `[page.frontmatter]` place the page's own
            // key there; unplaced ones come first, title before description.
            let mut placed = [false; 2];
            for (slot, key) in ["title", "description"].into_iter().enumerate() {
                match p.frontmatter.get(key) {
                    None => {}
                    Some(toml::Value::Boolean(true)) => placed[slot] = true,
                    Some(_) => {
                        let text = &self.sources.file(file).text;
                        let value = frontmatter_value(text, span, key);
                        let mut d = Diagnostic::error(
                            "frontmatter-key",
                            Some(value.clone().map_or(span, |v| Span::new(file, v))),
                            format!("`[page.frontmatter]` of page `{id}` sets `{key}`, which the page's own `{key}` sets"),
                        )
                        .with_help(format!("set `{key} = …` in `[[page]]`; to place it among these keys, write `{key} = true` here"));
                        if let Some(v) = value {
                            d = d.with_fix(
                                format!("write `{key} = true`"),
                                vec![Edit::new(Span::new(file, v), "true")],
                            );
                        }
                        self.diags.push(d);
                    }
                }
            }
            let order: Vec<&str> = ["title", "description"]
                .into_iter()
                .zip(placed)
                .filter(|(_, placed)| !placed)
                .map(|(k, _)| k)
                .chain(p.frontmatter.keys().map(String::as_str))
                .collect();
            let at = |key: &str| order.iter().position(|k| *k == key).unwrap_or(0);
            let (title_at, description_at) = (at("title"), at("description"));
            let maps = p
                .maps
                .map(|m| self.maps(file, m.into_inner()))
                .unwrap_or_default();
            let prose = p.prose.unwrap_or_default();
            let mut prose_links = Vec::new();
            out.push(Page {
                id,
                title: p.title,
                description: {
                    let span = self.span(file, &p.description);
                    self.diags.extend(crate::rules::description_length(
                        p.description.get_ref(),
                        span,
                    ));
                    p.description.into_inner()
                },
                frontmatter: {
                    p.frontmatter
                        .into_iter()
                        .filter(|(k, _)| k != "title" && k != "description")
                        .map(|(k, v)| (k, value(v)))
                        .collect()
                },
                title_at,
                description_at,
                navigation: p.navigation.into_inner(),
                after: p.after,
                llms_section: match p.llms_section {
                    Some(RawSection::One(s)) => vec![s],
                    Some(RawSection::Nested(list)) if !list.is_empty() => list,
                    _ => vec!["Docs".into()],
                },
                intro: self.prose(file, "the page's intro", p.intro, prose, &mut prose_links),
                legend: p.legend.unwrap_or_else(|| "Legend".into()),
                closing: self.prose(
                    file,
                    "the page's closing",
                    p.closing,
                    prose,
                    &mut prose_links,
                ),
                personas: numbers,
                numbering: p.numbering.unwrap_or_default(),
                layout: p.layout.unwrap_or(Layout::Sections),
                links: p.links.unwrap_or(Links::None),
                accessible: p.accessible.unwrap_or(false),
                banner: p.banner.unwrap_or(Banner::Comment),
                edge_labels: p.edge_labels.unwrap_or_default(),
                related: p
                    .related
                    .into_iter()
                    .map(|r| Related {
                        span: self.span(file, &r.href),
                        title: r.title,
                        href: r.href.into_inner(),
                        icon: r.icon,
                        description: r.description,
                    })
                    .collect(),
                maps,
                prose,
                prose_links,
                span,
                navigation_span,
            });
        }
        out
    }

    /// A prose field's text, checked as its `mode` reads it: in MDX, every component and prop
    /// against Mintlify's and no code (the `href` props go to `links`); in literal Markdown, a
    /// warning for each `$…$` Mintlify would read as maths. Each finding is placed at its
    /// character in the spec file when the TOML string holds the text verbatim, else at the
    /// string.
    fn prose(
        &mut self,
        file: FileId,
        field: &str,
        text: Option<Spanned<String>>,
        mode: Prose,
        links: &mut Vec<(String, Span)>,
    ) -> Option<String> {
        let text = text?;
        let literal = text.span();
        let source = &self.sources.file(file).text;
        let origin = string_value_origin(source, literal.clone(), text.get_ref());
        let in_single_quotes = source
            .get(literal.clone())
            .is_some_and(|s| s.starts_with('\''));
        let at = |range: std::ops::Range<usize>| {
            Span::new(
                file,
                origin.map_or(literal.clone(), |o| o + range.start..o + range.end),
            )
        };
        let value = text.get_ref();
        match mode {
            Prose::Literal => {
                for range in personamap_syntax::mdx::inline_maths(value) {
                    let formula = &value[range.clone()];
                    let dollar = if in_single_quotes { "\\$" } else { "\\\\$" };
                    let mut d = Diagnostic::warning(
                        "prose-maths",
                        Some(at(range.clone())),
                        format!("Mintlify reads `{formula}` in {field} as maths (remark-math): it shows a formula, without the dollar signs"),
                    )
                    .with_help(format!("write each dollar sign as `{dollar}`; for maths, write `$${}$$`", formula.trim_matches('$')));
                    if origin.is_some() {
                        d = d.with_fix(
                            format!("write each dollar sign as `{dollar}`"),
                            vec![Edit::new(at(range.clone()), formula.replace('$', dollar))],
                        );
                    }
                    self.diags.push(d);
                }
            }
            Prose::Mdx => {
                use personamap_syntax::mdx::components::{self, COMPONENTS, Problem};
                let checked = components::check(value);
                for (offset, href) in checked.links {
                    links.push((href.clone(), at(offset..offset + href.len())));
                }
                for found in checked.problems {
                    let o = found.offset;
                    let d = match found.problem {
                        Problem::UnknownComponent(name) => {
                            let d = Diagnostic::error(
                                "mdx-component",
                                Some(at(o + 1..o + 1 + name.len())),
                                format!("`<{name}>` in {field} is not a Mintlify component"),
                            );
                            let near = owned(suggestions(&name, COMPONENTS.iter().map(|c| c.name)));
                            match near.is_empty() {
                                false => {
                                    let mut d = d.with_suggestions(source, &name, &near);
                                    // The closing tag is renamed with the opening one.
                                    let close = format!("</{name}>");
                                    if let (Some(_), Some(c)) = (origin, value[o..].find(&close)) {
                                        let c = o + c + 2;
                                        for (fix, n) in d.fixes.iter_mut().zip(&near) {
                                            fix.edits.push(Edit::new(at(c..c + name.len()), n.clone()));
                                        }
                                    }
                                    d
                                }
                                true => d.with_help(format!(
                                    "Mintlify's components: {}",
                                    COMPONENTS.iter().map(|c| c.name).collect::<Vec<_>>().join(", ")
                                )),
                            }
                        }
                        Problem::UnknownProp { component, prop } => {
                            let d = Diagnostic::error(
                                "mdx-component",
                                Some(at(o..o + prop.len())),
                                format!("`{prop}` in {field} is not a prop of `<{}>`", component.name),
                            );
                            let near = owned(suggestions(&prop, component.props.iter().copied()));
                            match near.as_slice() {
                                [_, ..] => d.with_suggestions(source, &prop, &near),
                                [] if component.props.is_empty() => d.with_help(format!("`<{}>` takes no props", component.name)),
                                [] => d.with_help(format!("the props of `<{}>`: {}", component.name, component.props.join(", "))),
                            }
                        }
                        Problem::Expression => {
                            let d = Diagnostic::error(
                                "mdx-code",
                                Some(at(o..o + 1)),
                                format!("an expression `{{…}}` in {field}: MDX prose holds no code"),
                            )
                            .with_help("write `\\{` for a brace; a prop takes a string, a number (`cols={2}`) or a boolean; `{/* … */}` is a comment");
                            // `\{` in the TOML string as it is written.
                            let brace = if in_single_quotes { "\\{" } else { "\\\\{" };
                            match origin {
                                Some(_) => d.with_fix(format!("write `{brace}`"), vec![Edit::new(at(o..o + 1), brace)]),
                                None => d,
                            }
                        }
                        Problem::Esm => Diagnostic::error(
                            "mdx-code",
                            Some(at(o..o + 6)),
                            format!("an `import`/`export` statement in {field}: MDX prose holds no code"),
                        )
                        .with_help("Mintlify's components need no import; to start a line with the word, write it in other words or after other text"),
                        Problem::Unreadable(why) => Diagnostic::error(
                            "mdx-syntax",
                            Some(at(o..o + 1)),
                            format!("{field} does not read as MDX: {why}"),
                        )
                        .with_help("close every component's tag (`<Note>…</Note>`, or `<Icon icon=\"x\" />`); write `\\<` for a literal `<`"),
                    };
                    self.diags.push(d);
                }
            }
        }
        Some(text.into_inner())
    }

    /// `[page.maps]`: the renderer and direction names checked, everything else as given.
    fn maps(&mut self, file: FileId, m: RawMaps) -> Maps {
        let elk = match &m.renderer {
            None => false,
            Some(r) if r.get_ref() == "elk" => true,
            Some(r) if r.get_ref() == "dagre" => false,
            Some(r) => {
                let d = self.not_one_of(
                    file,
                    r,
                    Diagnostic::error(
                        "maps",
                        Some(self.span(file, r)),
                        format!("`{}` is not a renderer", r.get_ref()),
                    ),
                    &["dagre", "elk"],
                    "use `elk` (Mintlify's ELK layout) or `dagre` (Mermaid's default)",
                );
                self.diags.push(d);
                false
            }
        };
        let direction = m.direction.as_ref().and_then(|d| {
            if d.get_ref() == "auto" {
                return Some(MapDirection::Auto);
            }
            match Direction::ALL.iter().find(|(_, s)| *s == d.get_ref()) {
                Some((dir, _)) => Some(MapDirection::Fixed(*dir)),
                None => {
                    let names: Vec<&str> = Direction::ALL
                        .iter()
                        .map(|(_, s)| *s)
                        .chain(["auto"])
                        .collect();
                    let diag = self.not_one_of(
                        file,
                        d,
                        Diagnostic::error(
                            "maps",
                            Some(self.span(file, d)),
                            format!("`{}` is not a map direction", d.get_ref()),
                        ),
                        &names,
                        "use one of LR, RL, TD, TB, BT, auto",
                    );
                    self.diags.push(diag);
                    None
                }
            }
        });
        Maps {
            elk,
            direction,
            wrap: m.wrap.filter(|w| *w > 0),
            padding: m.padding,
            placement: m.placement,
            actions: m.actions,
            swatches: m.swatches.unwrap_or(false),
            mark_links: m.mark_links.unwrap_or(false),
        }
    }
}

/// The line of `text` that holds only `key = VALUE` (and perhaps a comment), the value at
/// `value`, with its line break: what removing the key removes.
fn key_line(
    text: &str,
    key: &str,
    value: std::ops::Range<usize>,
) -> Option<std::ops::Range<usize>> {
    key_before(text, key, value.clone())?;
    let start = text[..value.start].rfind('\n').map_or(0, |i| i + 1);
    let end = text
        .get(value.end..)?
        .find('\n')
        .map_or(text.len(), |i| value.end + i + 1);
    let after = text[value.end..end].trim();
    (!text[value.clone()].contains('\n') && (after.is_empty() || after.starts_with('#')))
        .then_some(start..end)
}

/// The value of `key` in the `[page.frontmatter]` table of the `[[page]]` whose header is at
/// `page` in `text`, when it is written there as `key = VALUE` on one line.
fn frontmatter_value(text: &str, page: Span, key: &str) -> Option<std::ops::Range<usize>> {
    let extent = crate::lints::table_extent(text, page, "page");
    let mut at = extent.start;
    let mut inside = false;
    for line in text.get(extent)?.split_inclusive('\n') {
        let head = line.trim();
        if head.starts_with('[') {
            inside = head
                .strip_prefix("[page.frontmatter]")
                .is_some_and(|rest| rest.trim().is_empty() || rest.trim_start().starts_with('#'));
        } else if inside
            && let Some((k, v)) = line.split_once('=')
            && k.trim().trim_matches('"') == key
        {
            let start = at + k.len() + 1 + (v.len() - v.trim_start().len());
            return Some(start..start + value_end(v.trim_start()));
        }
        at += line.len();
    }
    None
}

/// The length of the TOML value that starts `v`: a string to its closing quote, anything
/// else to a comment or the line's end (spaces trimmed).
fn value_end(v: &str) -> usize {
    match v.chars().next() {
        Some(q @ ('"' | '\'')) => v[1..].find(q).map_or(v.trim_end().len(), |i| i + 2),
        _ => v.split('#').next().unwrap_or("").trim_end().len(),
    }
}

/// The range of `key` when the line of the value at `value` is `key = VALUE` up to it.
fn key_before(
    text: &str,
    key: &str,
    value: std::ops::Range<usize>,
) -> Option<std::ops::Range<usize>> {
    let start = text.get(..value.start)?.rfind('\n').map_or(0, |i| i + 1);
    let before = &text[start..value.start];
    let lead = before.len() - before.trim_start().len();
    let is_key = before
        .trim()
        .strip_suffix('=')
        .is_some_and(|k| k.trim() == key);
    is_key.then(|| start + lead..start + lead + key.len())
}

/// The names of `names`, owned.
fn owned(names: Vec<&str>) -> Vec<String> {
    names.into_iter().map(str::to_string).collect()
}

fn value(v: toml::Value) -> Value {
    match v {
        toml::Value::String(s) => Value::String(s),
        toml::Value::Integer(i) => Value::Integer(i),
        toml::Value::Float(f) => Value::Float(f),
        toml::Value::Boolean(b) => Value::Boolean(b),
        toml::Value::Datetime(d) => Value::Datetime(d.to_string()),
        toml::Value::Array(a) => Value::Array(a.into_iter().map(value).collect()),
        toml::Value::Table(t) => Value::Table(t.into_iter().map(|(k, v)| (k, value(v))).collect()),
    }
}

/// Why `id` is not a valid page id, if it is not.
pub fn page_id_problem(id: &str) -> Option<&'static str> {
    if id.is_empty() {
        Some("is empty")
    } else if id.starts_with('/') {
        Some("starts with `/`")
    } else if id.ends_with('/') {
        Some("ends with `/`")
    } else if id.split('/').any(|s| s.is_empty() || s == "." || s == "..") {
        Some("has an empty, `.` or `..` segment and could leave the site root")
    } else if id.rsplit('/').next().is_some_and(|last| last.contains('.')) {
        Some("carries a file extension")
    } else if id.contains('\\') || id.chars().any(|c| c.is_control() || c == ' ') {
        Some("contains a backslash, a space or a control character")
    } else if id.split('/').next() == Some("snippets") {
        Some("is under `snippets/`, which Mintlify never serves as pages")
    } else {
        None
    }
}

fn is_hex_colour(s: &str) -> bool {
    s.strip_prefix('#').is_some_and(|h| {
        matches!(h.len(), 3 | 4 | 6 | 8) && h.chars().all(|c| c.is_ascii_hexdigit())
    })
}

/// Whether `s` is a valid node id: `[A-Za-z0-9_]+`.
pub fn is_node_id(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// Whether `s` is a valid class name: `[A-Za-z][A-Za-z0-9_]*`.
pub fn is_class_name(s: &str) -> bool {
    s.starts_with(|c: char| c.is_ascii_alphabetic()) && is_node_id(s)
}

fn is_js_ident(s: &str) -> bool {
    s.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_') && is_node_id(s)
}

fn is_component_name(s: &str) -> bool {
    s.starts_with(|c: char| c.is_ascii_uppercase()) && is_node_id(s)
}
