//! The page reader: the MDX page the compiler writes, taken apart into frontmatter, banner,
//! divider import, intro, legend, persona sections and closing prose; then resolved into the
//! spec's palette and personas.

use crate::ImportError;
use crate::flowchart::{self, Chart, ClassDef};
use personamap_spec::{Banner, Links, Placement, Value};
use personamap_syntax::mdx::{comment_block, fence_marker, unescape};
use saphyr::{LoadableYamlNode, Scalar, Yaml};

/// The frontmatter, banner and divider import.
pub(crate) struct Header {
    pub title: String,
    pub description: String,
    pub frontmatter: Vec<(String, Value)>,
    /// Positions of `title` and `description` among all the frontmatter keys, as written.
    pub own_at: [usize; 2],
    pub banner: Banner,
    pub divider_component: String,
    pub divider_path: String,
    /// Index (0-based) of the first line after the import.
    pub body: usize,
    /// JSX comment blocks between the frontmatter and the import, as written (they move into
    /// the intro: the export drops them either way).
    pub comments: Vec<String>,
}

/// A page as read.
pub(crate) struct Model {
    pub header: Header,
    pub intro: Option<String>,
    pub legend_title: String,
    /// (class, meaning, line).
    pub legend: Vec<(String, String, usize)>,
    /// The legend samples' looks, row by row (with `swatches`).
    pub samples: Vec<Option<Sample>>,
    pub personas: Vec<PersonaModel>,
    pub closing: Option<String>,
    pub options: PageOptions,
    pub related: Vec<Card>,
}

/// The page settings a page shows (everything else is in its parts).
#[derive(Default)]
pub(crate) struct PageOptions {
    /// `layout = "tabs"`.
    pub tabs: bool,
    /// `[page.maps] swatches`: the legend has a Sample column.
    pub swatches: bool,
    /// `[page.maps] mark_links`: the legend's note on linked nodes.
    pub mark_links: bool,
    /// `links = "list"` or `"cards"`: the links listed under a map.
    pub listed: Option<Links>,
    /// `prose = "mdx"`: the intro or closing holds Mintlify components.
    pub mdx: bool,
    /// The fence options after ```` ```mermaid ````.
    pub placement: Option<Placement>,
    pub actions: Option<bool>,
}

/// A card of the "Related Pages" footer.
pub(crate) struct Card {
    pub title: String,
    pub href: String,
    pub icon: Option<String>,
    pub description: Option<String>,
}

/// A persona section as read.
pub(crate) struct PersonaModel {
    pub number: u32,
    pub name: String,
    pub nickname: Option<String>,
    pub intro: Option<String>,
    /// `prose = "mdx"`: the intro holds Mintlify components.
    pub mdx: bool,
    /// The tab icon and, when the title is not the heading's text, the tab title.
    pub icon: Option<String>,
    pub tab_title: Option<String>,
    pub line: usize,
    pub chart: Chart,
    /// The fence options of its diagram, and what its links are listed as under it.
    pub fence: (Option<Placement>, Option<bool>),
    pub listed: Option<Links>,
}

/// A palette class.
pub(crate) struct PaletteClass {
    pub name: String,
    /// The legend row's page line.
    pub line: usize,
    pub meaning: String,
    pub fill: String,
    pub stroke: String,
    pub color: String,
    pub dash: Option<String>,
}

/// A persona's override of a palette class: only the fields that differ.
pub(crate) struct Override {
    pub name: String,
    pub fill: Option<String>,
    pub stroke: Option<String>,
    pub color: Option<String>,
    pub dash: Option<String>,
}

/// Everything the spec files hold.
pub(crate) struct ImportedSpec {
    pub header: Header,
    pub divider: personamap_spec::Divider,
    pub intro: Option<String>,
    pub legend_title: String,
    pub palette: Vec<PaletteClass>,
    pub personas: Vec<(PersonaModel, Vec<Override>)>,
    pub closing: Option<String>,
    /// Whether the diagrams carry `click` lines.
    pub links: bool,
    /// Whether the diagrams carry `accTitle`/`accDescr`.
    pub accessible: bool,
    pub options: PageOptions,
    pub related: Vec<Card>,
    /// `numbering = "page"` (set when composing into an existing spec).
    pub page_numbering: bool,
    /// `[page.maps] wrap`, when the text versions show labels the maps wrapped.
    pub wrap: Option<usize>,
}

/// The page's lines, split at `\n` only: a `\r` before it stays (prose may hold one, and the
/// page's structure is read through trimmed lines).
fn lines(text: &str) -> Vec<&str> {
    text.split('\n').collect()
}

/// Reads the frontmatter, the optional banner and the divider import.
pub(crate) fn read_header(text: &str) -> Result<Header, ImportError> {
    let lines = lines(text);
    if lines.first().map(|l| l.trim_end()) != Some("---") {
        return Err(ImportError::at(
            1,
            "the page does not start with `---` YAML frontmatter",
        ));
    }
    let close = lines
        .iter()
        .skip(1)
        .position(|l| l.trim_end() == "---")
        .map(|i| i + 1)
        .ok_or_else(|| ImportError::at(1, "the frontmatter has no closing `---`"))?;
    let (title, description, frontmatter, own_at) = read_frontmatter(&lines[1..close].join("\n"))?;
    let mut i = skip_blank(&lines, close + 1);
    let mut banner = Banner::None;
    if lines
        .get(i)
        .is_some_and(|l| l.trim_start().starts_with("{/*"))
    {
        let start = i;
        while i < lines.len() && !lines[i].contains("*/}") {
            i += 1;
        }
        if i == lines.len() {
            return Err(ImportError::at(
                start + 1,
                "unterminated `{/* … */}` comment",
            ));
        }
        let comment = lines[start].trim_start();
        if comment.starts_with("{/* generated-file-banner") {
            let note = skip_blank(&lines, i + 1);
            if lines.get(note).map(|l| l.trim()) != Some("<Note>") {
                return Err(ImportError::at(
                    note + 1,
                    "a `generated-file-banner` comment must be followed by its `<Note>`",
                ));
            }
            i = note;
            while i < lines.len() && lines[i].trim() != "</Note>" {
                i += 1;
            }
            if i == lines.len() {
                return Err(ImportError::at(note + 1, "unterminated `<Note>`"));
            }
            banner = Banner::Livepeer;
        } else if comment.starts_with("{/* Generated by personamap") {
            banner = Banner::Comment;
        } else {
            i = start;
        }
        if banner != Banner::None {
            i = skip_blank(&lines, i + 1);
        }
    }
    let (comments, after) = comment_blocks(&lines, i);
    i = after;
    let no = i + 1;
    let line = lines.get(i).copied().unwrap_or("").trim();
    let import = parse_import(line).ok_or_else(|| {
        ImportError::at(
            no,
            format!(
                "expected the divider import `import {{ Divider }} from \"/snippets/….jsx\";`, found `{line}`"
            ),
        )
    })?;
    Ok(Header {
        title,
        description,
        frontmatter,
        own_at,
        banner,
        divider_component: import.0,
        divider_path: import.1,
        body: i + 1,
        comments,
    })
}

/// The JSX comment blocks (`{/* … */}` on lines of their own) starting at line `i`, each as
/// written, and the first non-blank line after them.
fn comment_blocks(lines: &[&str], mut i: usize) -> (Vec<String>, usize) {
    let mut found = Vec::new();
    while lines
        .get(i)
        .is_some_and(|l| l.trim_start().starts_with("{/*"))
    {
        let rest = lines[i..].join("\n");
        let Some(len) = comment_block(&rest) else {
            break;
        };
        let block = rest[..len].trim_end_matches('\n');
        found.push(block.to_string());
        i = skip_blank(lines, i + block.matches('\n').count() + 1);
    }
    (found, i)
}

/// `comments` (blocks, as written) before `prose`, separated by blank lines.
fn with_comments(comments: Vec<String>, prose: Option<String>) -> Option<String> {
    let all: Vec<String> = comments.into_iter().chain(prose).collect();
    (!all.is_empty()).then(|| all.join("\n\n"))
}

/// Whether a line is blank as Markdown reads it: spaces and tabs only (a U+2028 line is text).
fn blank(line: &str) -> bool {
    line.trim_matches([' ', '\t', '\r']).is_empty()
}

fn skip_blank(lines: &[&str], mut i: usize) -> usize {
    while i < lines.len() && blank(lines[i]) {
        i += 1;
    }
    i
}

/// `import { X } from "/snippets/….jsx";` → (X, `snippets/….jsx`).
fn parse_import(line: &str) -> Option<(String, String)> {
    let rest = line
        .strip_prefix("import")?
        .trim_start()
        .strip_prefix('{')?;
    let (name, rest) = rest.split_once('}')?;
    let name = name.trim();
    if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        return None;
    }
    let rest = rest.trim_start().strip_prefix("from")?.trim();
    let rest = rest.strip_suffix(';').unwrap_or(rest).trim();
    let quote = rest.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let path = rest.strip_prefix(quote)?.strip_suffix(quote)?;
    let path = path.strip_prefix('/').unwrap_or(path);
    (path.starts_with("snippets/") && path.ends_with(".jsx") && !path.contains(".."))
        .then(|| (name.to_string(), path.to_string()))
}

/// Title, description, the further keys in order, and the positions of title and description
/// among all the keys.
type Frontmatter = (String, String, Vec<(String, Value)>, [usize; 2]);

/// The frontmatter YAML → title, description, the further keys in order, and where title and
/// description stand among all the keys.
fn read_frontmatter(yaml: &str) -> Result<Frontmatter, ImportError> {
    let err = |m: String| ImportError::at(1, m);
    let docs = Yaml::load_from_str(yaml)
        .map_err(|e| ImportError::at(e.marker().line() + 1, format!("frontmatter YAML: {e}")))?;
    let map = match docs.as_slice() {
        [Yaml::Mapping(map)] => map,
        _ => return Err(err("the frontmatter is not one YAML mapping".into())),
    };
    let mut title = None;
    let mut description = None;
    let mut extra = Vec::new();
    let mut own_at = [0, 1];
    for (position, (k, v)) in map.iter().enumerate() {
        let Yaml::Value(Scalar::String(key)) = k else {
            return Err(err(format!("frontmatter key {k:?} is not a string")));
        };
        let value = yaml_value(v).map_err(|m| err(format!("frontmatter `{key}`: {m}")))?;
        match (key.as_ref(), value) {
            ("title", Value::String(s)) => (title, own_at[0]) = (Some(s), position),
            ("description", Value::String(s)) => (description, own_at[1]) = (Some(s), position),
            ("title" | "description", _) => {
                return Err(err(format!("frontmatter `{key}` must be a string")));
            }
            (_, value) => extra.push((key.to_string(), value)),
        }
    }
    let title = title.ok_or_else(|| err("the frontmatter has no `title`".into()))?;
    let description =
        description.ok_or_else(|| err("the frontmatter has no `description`".into()))?;
    Ok((title, description, extra, own_at))
}

fn yaml_value(y: &Yaml) -> Result<Value, String> {
    Ok(match y {
        Yaml::Value(Scalar::String(s)) => Value::String(s.to_string()),
        Yaml::Value(Scalar::Integer(i)) => Value::Integer(*i),
        Yaml::Value(Scalar::FloatingPoint(f)) => Value::Float(f.into_inner()),
        Yaml::Value(Scalar::Boolean(b)) => Value::Boolean(*b),
        Yaml::Value(Scalar::Null) => return Err("null values are not supported".into()),
        Yaml::Sequence(items) => {
            Value::Array(items.iter().map(yaml_value).collect::<Result<_, _>>()?)
        }
        Yaml::Mapping(map) => Value::Table(
            map.iter()
                .map(|(k, v)| match k {
                    Yaml::Value(Scalar::String(k)) => Ok((k.to_string(), yaml_value(v)?)),
                    _ => Err(format!("key {k:?} is not a string")),
                })
                .collect::<Result<_, _>>()?,
        ),
        other => return Err(format!("{other:?} is not supported (tags, aliases)")),
    })
}

/// Reads the whole page.
pub(crate) fn read(text: &str) -> Result<Model, ImportError> {
    let header = read_header(text)?;
    let lines = lines(text);
    // Divider lines outside code fences split the body into sections.
    let divider = format!("<{} />", header.divider_component);
    let divider_tight = format!("<{}/>", header.divider_component);
    let mut cuts = Vec::new();
    let mut fence: Option<(char, usize)> = None;
    for (i, line) in lines.iter().enumerate().skip(header.body) {
        let trimmed = line.trim_start_matches(' ');
        let marker = fence_marker(trimmed).filter(|_| line.len() - trimmed.len() < 4);
        match (fence, marker) {
            (Some((ch, n)), Some((c, m, rest))) if c == ch && m >= n && rest.trim().is_empty() => {
                fence = None
            }
            (Some(_), _) => {}
            (None, Some((c, m, _))) => fence = Some((c, m)),
            (None, None) if line.trim() == divider || line.trim() == divider_tight => cuts.push(i),
            (None, None) => {}
        }
    }
    let Some(&first_cut) = cuts.first() else {
        return Err(ImportError::at(
            header.body + 1,
            format!("no `{divider}` divider: the page has no persona sections"),
        ));
    };
    let legend = read_legend(&lines, header.body, first_cut)?;
    let mut options = PageOptions {
        swatches: legend.swatches,
        mark_links: legend.link_note,
        ..PageOptions::default()
    };
    // The "Related Pages" footer, when the last section is one.
    let mut related = Vec::new();
    let mut body_end = lines.len();
    if cuts.len() > 1
        && let Some(&last) = cuts.last()
        && let Some(cards) = read_related(&lines, skip_blank(&lines, last + 1))?
    {
        related = cards;
        body_end = last;
        cuts.pop();
    }
    let mut personas = Vec::new();
    let mut closing_lines = None;
    // Comment blocks after the last diagram read, with the line of the first.
    let mut carried: (Vec<String>, usize) = (Vec::new(), 0);
    for (k, &cut) in cuts.iter().enumerate() {
        let end = cuts.get(k + 1).copied().unwrap_or(body_end);
        let first = skip_blank(&lines, cut + 1);
        // Comment blocks between a divider and a persona heading go to the persona's intro.
        let (comments_before, start) = comment_blocks(&lines, first);
        if start >= end {
            return Err(ImportError::at(cut + 1, "a divider followed by nothing"));
        }
        // Markdown trims spaces and tabs around a heading, no other white space.
        let heading = lines[start].trim_matches([' ', '\t', '\r']);
        if heading == "<Tabs>" && k == 0 && comments_before.is_empty() {
            options.tabs = true;
            personas = read_tabs(&lines, start, end)?;
            continue;
        }
        let parsed = if options.tabs {
            None
        } else {
            parse_persona_heading(heading, start + 1)?
        };
        match parsed {
            Some((number, name, nickname)) => {
                if closing_lines.is_some() {
                    return Err(ImportError::at(
                        start + 1,
                        "a persona section after the closing prose",
                    ));
                }
                let (mut persona, trailing, line) =
                    read_persona(&lines, start, end, number, name, nickname)?;
                // The first reading of name and nickname that gives the heading back: the
                // accessible title's name (Mermaid's escapes read back exactly), or the heading's
                // text without the escapes the heading adds to keep delimiters literal.
                let (raw_name, raw_nick) = raw_heading(heading, persona.number);
                let acc = acc_name(&persona);
                let names = [
                    acc.as_deref().map(|a| respaced(a, &persona.name)),
                    acc,
                    Some(unisolated(&persona.name)),
                    Some(persona.name.clone()),
                    raw_name,
                ];
                let nicks = [
                    persona.nickname.as_deref().map(unisolated),
                    persona.nickname.clone(),
                    raw_nick,
                ];
                let found = names.into_iter().flatten().find_map(|name| {
                    nicks.iter().find_map(|nick| {
                        let written = personamap_render::title::heading(
                            persona.number,
                            &name,
                            nick.as_deref(),
                        );
                        (format!("## {written}").trim_end() == heading)
                            .then(|| (name.clone(), nick.clone()))
                    })
                });
                if let Some((name, nick)) = found {
                    (persona.name, persona.nickname) = (name, nick);
                }
                persona.name = with_ends(std::mem::take(&mut persona.name), &persona);
                let comments = std::mem::replace(&mut carried, (trailing, line)).0;
                let intro = persona.intro.take();
                persona.intro =
                    with_comments(comments.into_iter().chain(comments_before).collect(), intro);
                personas.push(persona);
            }
            None if k + 1 == cuts.len() => {
                let comments = std::mem::take(&mut carried).0;
                // From the divider on: a first line of spaces is the prose's own.
                closing_lines = Some((comments, cut + 1, end));
            }
            None => {
                return Err(ImportError::at(
                    start + 1,
                    format!(
                        "expected a persona heading `## Persona N – Name (\"nickname\")`, found `{heading}` (only the last divider may be followed by other prose)"
                    ),
                ));
            }
        }
    }
    if !carried.0.is_empty() {
        return Err(ImportError::at(
            carried.1,
            "a JSX comment after the last persona's diagram needs closing prose after a divider to go with (the spec has no place after a diagram)",
        ));
    }
    // The page's intro and closing share one prose mode: MDX when either holds components.
    let closing_range = closing_lines.as_ref().map(|(_, first, end)| (*first, *end));
    let (intro_text, closing_text, mdx) = page_prose(&lines, legend.intro, closing_range)?;
    options.mdx = mdx;
    let intro = with_comments(header.comments.clone(), intro_text);
    let closing = match closing_lines {
        Some((comments, _, _)) => with_comments(comments, closing_text),
        None => None,
    };
    if let Some(p) = personas.first() {
        (options.placement, options.actions) = p.fence;
    }
    options.listed = personas.iter().find_map(|p| p.listed);
    Ok(Model {
        header,
        intro,
        legend_title: legend.title,
        legend: legend.rows,
        samples: legend.samples,
        personas,
        closing,
        options,
        related,
    })
}

/// The page's intro and closing prose (line ranges), read as literal Markdown, or both as MDX
/// when either holds Mintlify components; and whether they are MDX.
fn page_prose(
    lines: &[&str],
    intro: (usize, usize),
    closing: Option<(usize, usize)>,
) -> Result<(Option<String>, Option<String>, bool), ImportError> {
    let literal = |(a, b): (usize, usize)| unescape::prose(&lines[a..b], a + 1);
    let read_intro = literal(intro);
    let read_closing = closing.map(literal).transpose();
    match (read_intro, read_closing) {
        (Ok(i), Ok(c)) => Ok((i, c.flatten(), false)),
        (Err(e), _) | (_, Err(e)) => {
            let parts = std::iter::once(intro).chain(closing);
            if !parts.clone().any(|(a, b)| has_component(&lines[a..b])) {
                return Err(e.into());
            }
            Ok((
                mdx_prose(&lines[intro.0..intro.1]),
                closing.and_then(|(a, b)| mdx_prose(&lines[a..b])),
                true,
            ))
        }
    }
}

/// Prose lines as MDX, as written: without surrounding blank lines; `None` when blank.
fn mdx_prose(lines: &[&str]) -> Option<String> {
    let start = lines
        .iter()
        .position(|l| !l.trim_end_matches('\r').is_empty())?;
    let end = lines.iter().rposition(|l| !blank(l))?;
    Some(lines[start..=end].join("\n"))
}

/// Whether prose lines hold a JSX component tag (`<Note>`, `<Card …>`): then they are MDX.
fn has_component(lines: &[&str]) -> bool {
    lines.iter().any(|l| {
        l.match_indices('<').any(|(i, _)| {
            let after = &l[i + 1..];
            let after = after.strip_prefix('/').unwrap_or(after);
            after.starts_with(|c: char| c.is_ascii_uppercase())
                && (i == 0 || !l[..i].ends_with('\\'))
        })
    })
}

/// Prose lines read as literal Markdown, or as MDX when they hold Mintlify components; and
/// whether they are MDX.
fn persona_prose(lines: &[&str], first: usize) -> Result<(Option<String>, bool), ImportError> {
    match unescape::prose(lines, first) {
        Ok(text) => Ok((text, false)),
        Err(_) if has_component(lines) => Ok((mdx_prose(lines), true)),
        Err(e) => Err(e.into()),
    }
}

/// The personas of a `<Tabs>` block opening at line `start`: one `<Tab title=… icon=…>` each,
/// holding what a section holds after its heading.
fn read_tabs(lines: &[&str], start: usize, end: usize) -> Result<Vec<PersonaModel>, ImportError> {
    let mut personas = Vec::new();
    let mut i = skip_blank(lines, start + 1);
    loop {
        if i >= end {
            return Err(ImportError::at(start + 1, "unterminated `<Tabs>`"));
        }
        if lines[i].trim() == "</Tabs>" {
            break;
        }
        let (attrs, _) = crate::jsx::tag(lines[i], "Tab")
            .filter(|(_, closed)| !closed)
            .ok_or_else(|| {
                ImportError::at(
                    i + 1,
                    format!(
                        "expected `<Tab title=\"…\">` or `</Tabs>`, found `{}`",
                        lines[i].trim()
                    ),
                )
            })?;
        let title = crate::jsx::attr(&attrs, "title")
            .ok_or_else(|| ImportError::at(i + 1, "a `<Tab>` without a `title`"))?
            .to_string();
        let icon = crate::jsx::attr(&attrs, "icon").map(str::to_string);
        if attrs.iter().any(|(k, _)| k != "title" && k != "icon") {
            return Err(ImportError::at(
                i + 1,
                "a `<Tab>` takes `title` and `icon` only",
            ));
        }
        let open = (i + 1..end)
            .find(|&j| lines[j].trim_end().starts_with("```mermaid"))
            .ok_or_else(|| ImportError::at(i + 1, "a `<Tab>` without a ```mermaid flowchart"))?;
        let close = (open + 1..end)
            .find(|&j| lines[j].trim_end() == "```")
            .ok_or_else(|| ImportError::at(open + 1, "unterminated ```mermaid block"))?;
        let tab_end = (close + 1..end)
            .find(|&j| lines[j].trim() == "</Tab>")
            .ok_or_else(|| ImportError::at(i + 1, "unterminated `<Tab>`"))?;
        let shown = u32::try_from(personas.len() + 1).unwrap_or(u32::MAX);
        let (number, name, nickname) = tab_heading(&title).unwrap_or((shown, title.clone(), None));
        let (mut persona, trailing, line) =
            read_persona(lines, i, tab_end, number, name, nickname)?;
        // The accessible title names the persona as written (the tab title shows it as text).
        if let Some(name) = acc_name(&persona) {
            persona.name = name;
        }
        persona.name = with_ends(std::mem::take(&mut persona.name), &persona);
        if !trailing.is_empty() {
            return Err(ImportError::at(
                line,
                "a JSX comment after a tab's diagram: the spec has no place for it",
            ));
        }
        let heading_text = personamap_render::title::tab_title(
            persona.number,
            &persona.name,
            persona.nickname.as_deref(),
        );
        if heading_text != title {
            persona.tab_title = Some(title);
        }
        persona.icon = icon;
        personas.push(persona);
        i = skip_blank(lines, tab_end + 1);
    }
    if let Some(j) = (i + 1..end).find(|&j| !blank(lines[j])) {
        return Err(ImportError::at(
            j + 1,
            format!(
                "`{}` after `</Tabs>`: a tabs page ends its personas with `</Tabs>`",
                lines[j].trim()
            ),
        ));
    }
    Ok(personas)
}

/// The name and nickname of a persona heading as written (escapes kept).
fn raw_heading(heading: &str, number: u32) -> (Option<String>, Option<String>) {
    let Some(rest) = heading.strip_prefix(&format!("## Persona {number} – ")) else {
        return (None, None);
    };
    match rest.strip_suffix("\")").and_then(|r| r.split_once(" (\"")) {
        Some((name, nick)) => (Some(name.to_string()), Some(nick.to_string())),
        None => (Some(rest.to_string()), None),
    }
}

/// `name` (from Mermaid's text, where every run of white space is one space) with the runs of
/// `heading` (the same words as the heading reads them), when both have as many.
fn respaced(name: &str, heading: &str) -> String {
    let words: Vec<&str> = name.split(' ').collect();
    let trimmed = heading.trim_matches([' ', '\t']);
    let runs: Vec<&str> = trimmed
        .split(|c: char| !c.is_whitespace())
        .filter(|r| !r.is_empty())
        .collect();
    if runs.len() + 1 != words.len() || words.iter().any(|w| w.is_empty()) {
        return name.to_string();
    }
    let mut out = String::from(words[0]);
    for (run, word) in runs.iter().zip(&words[1..]) {
        out.push_str(run);
        out.push_str(word);
    }
    out
}

/// `text` without a backslash before each Markdown delimiter (`*`, `_`, `~`, `[`, `]`, `` ` ``,
/// `$`): the escapes a persona heading adds where they are literal.
fn unisolated(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, chars.peek()) {
            ('\\', Some('*' | '_' | '~' | '[' | ']' | '`' | '$')) => {}
            ('\\', Some('\\')) => {
                out.push('\\');
                chars.next();
            }
            _ => out.push(c),
        }
    }
    out
}

/// The persona's name as its diagram's `accTitle` gives it, if it has one.
fn acc_name(persona: &PersonaModel) -> Option<String> {
    let prefix = format!("Persona {} – ", persona.number);
    let title = persona.chart.acc_title.as_deref()?;
    let name = title
        .strip_prefix(&prefix)?
        .strip_suffix(" infrastructure map")?;
    (!name.is_empty()).then(|| name.to_string())
}

/// `name` with the space at either end that headings and the accessible title drop and the
/// accessible description keeps (one, for any run: Mermaid's text collapses them), when the
/// description names the persona as `name` reads.
fn with_ends(name: String, persona: &PersonaModel) -> String {
    let collapse = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
    let Some(descr) = persona.chart.acc_descr.as_deref().and_then(|d| {
        let (_, rest) = d.split_once(&format!(" persona {} (", persona.number))?;
        Some(rest.split_once(") touches, joined by ")?.0)
    }) else {
        return name;
    };
    if collapse(descr) != collapse(&name) {
        return name;
    }
    let lead = descr.starts_with(' ') && !name.starts_with(char::is_whitespace);
    let trail = descr.ends_with(' ') && !name.ends_with(char::is_whitespace);
    match (lead, trail) {
        _ if descr.trim().is_empty() && name.is_empty() => descr.to_string(),
        (true, true) => format!(" {name} "),
        (true, false) => format!(" {name}"),
        (false, true) => format!("{name} "),
        (false, false) => name,
    }
}

/// A tab title `Persona N – Name ("nickname")` read as plain text: number, name, nickname.
fn tab_heading(title: &str) -> Option<(u32, String, Option<String>)> {
    let rest = title.strip_prefix("Persona ")?;
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    let number: u32 = digits.parse().ok()?;
    let rest = rest[digits.len()..].strip_prefix(" – ")?;
    let (name, nickname) = match rest.strip_suffix("\")").and_then(|r| r.split_once(" (\"")) {
        Some((name, nick)) => (name, Some(nick.to_string())),
        None => (rest, None),
    };
    Some((number, name.to_string(), nickname))
}

/// The "Related Pages" footer starting at line `start` (`## Related Pages`, then
/// `<Columns cols={2}>` of cards): its cards, or `None` when the section is no such footer.
fn read_related(lines: &[&str], start: usize) -> Result<Option<Vec<Card>>, ImportError> {
    if lines.get(start).map(|l| l.trim()) != Some("## Related Pages") {
        return Ok(None);
    }
    let open = skip_blank(lines, start + 1);
    if lines.get(open).map(|l| l.trim()) != Some("<Columns cols={2}>") {
        return Ok(None);
    }
    let mut cards = Vec::new();
    let mut i = open + 1;
    loop {
        let Some(line) = lines.get(i) else {
            return Ok(None);
        };
        if line.trim() == "</Columns>" {
            break;
        }
        let Some((attrs, closed)) = crate::jsx::tag(line, "Card") else {
            return Ok(None);
        };
        let title = crate::jsx::attr(&attrs, "title");
        let href = crate::jsx::attr(&attrs, "href");
        let (Some(title), Some(href)) = (title, href) else {
            return Ok(None);
        };
        let mut description = None;
        if !closed {
            let end = (i + 1..lines.len()).find(|&j| lines[j].trim_end() == "</Card>");
            let Some(end) = end else {
                return Ok(None);
            };
            description = unescape::prose(&lines[i + 1..end], i + 2)?;
            i = end;
        }
        cards.push(Card {
            title: title.to_string(),
            href: href.to_string(),
            icon: crate::jsx::attr(&attrs, "icon").map(str::to_string),
            description,
        });
        i += 1;
    }
    let rest = skip_blank(lines, i + 1);
    Ok((rest >= lines.len() && !cards.is_empty()).then_some(cards))
}

/// The legend as read.
struct Legend {
    /// The intro's lines (before the legend heading), as a range.
    intro: (usize, usize),
    title: String,
    /// (class, meaning, line).
    rows: Vec<(String, String, usize)>,
    /// The Sample column's look of each row's class: (fill, stroke, dashed).
    samples: Vec<Option<Sample>>,
    /// A Sample column (`[page.maps] swatches`).
    swatches: bool,
    /// The note on linked nodes after the table (`mark_links`).
    link_note: bool,
}

/// The intro prose and the legend (`## Title`, its table and note) before the first divider.
fn read_legend(lines: &[&str], start: usize, end: usize) -> Result<Legend, ImportError> {
    let expected = "expected the legend (`## Title`, a blank line and a `Class | Meaning` table of `` `class` `` rows) right before the first divider";
    let mut last = end;
    while last > start && blank(lines[last - 1]) {
        last -= 1;
    }
    let link_note = last > start && lines[last - 1].trim() == personamap_render::page::LINK_NOTE;
    if link_note {
        last -= 1;
        while last > start && blank(lines[last - 1]) {
            last -= 1;
        }
    }
    let mut first_row = last;
    while first_row > start && lines[first_row - 1].trim_start().starts_with('|') {
        first_row -= 1;
    }
    if last - first_row < 2 {
        return Err(ImportError::at(last.max(start + 1), expected));
    }
    let heading_at = skip_blank_back(lines, start, first_row);
    // An empty title leaves `##` alone on its line (the space after it is trimmed).
    let heading = heading_at
        .and_then(|h| {
            let line = lines[h].trim_matches([' ', '\t', '\r']);
            let title = if line == "##" {
                Some("")
            } else {
                line.strip_prefix("## ")
            };
            title.map(|t| (h, t))
        })
        .ok_or_else(|| ImportError::at(first_row, expected))?;
    let title = unescape::heading_text(heading.1, heading.0 + 1)?;
    let header: Vec<&str> = split_row(lines[first_row])
        .iter()
        .map(|c| c.trim())
        .collect();
    let swatches = header == ["Class", "Sample", "Meaning"];
    let columns = if swatches { 3 } else { 2 };
    let mut rows = Vec::new();
    let mut samples = Vec::new();
    for (i, row) in lines.iter().enumerate().take(last).skip(first_row) {
        let cells = split_row(row);
        if cells.len() != columns {
            return Err(ImportError::at(
                i + 1,
                format!(
                    "the legend table must have two columns (`class` | meaning), or three with samples (`class` | sample | meaning); this row has {}",
                    cells.len()
                ),
            ));
        }
        if i == first_row || i == first_row + 1 {
            continue; // header and delimiter row
        }
        let class = cells[0]
            .trim()
            .strip_prefix('`')
            .and_then(|c| c.strip_suffix('`'))
            .filter(|c| {
                !c.is_empty() && c.chars().all(|ch| ch.is_ascii_alphanumeric() || ch == '_')
            })
            .ok_or_else(|| {
                ImportError::at(
                    i + 1,
                    format!(
                        "a legend row must name a class in backticks, found `{}`",
                        cells[0].trim()
                    ),
                )
            })?;
        rows.push((
            class.to_string(),
            unescape::table_cell(cells[columns - 1], i + 1)?,
            i + 1,
        ));
        samples.push(swatches.then(|| sample(cells[1])).flatten());
    }
    Ok(Legend {
        intro: (start, heading.0),
        title,
        rows,
        samples,
        swatches,
        link_note,
    })
}

/// A class's look as its legend sample says it in words: (fill, stroke, dashed).
type Sample = (String, String, bool);

/// The words at the end of a Sample cell: `fill #…, [dashed ]stroke #…`.
fn sample(cell: &str) -> Option<Sample> {
    let words = cell.trim().rsplit_once("/> ")?.1;
    let (fill, stroke) = words.strip_prefix("fill ")?.split_once(", ")?;
    let (dashed, stroke) = match stroke.strip_prefix("dashed ") {
        Some(s) => (true, s),
        None => (false, stroke),
    };
    Some((
        fill.to_string(),
        stroke.strip_prefix("stroke ")?.to_string(),
        dashed,
    ))
}

/// The index of the last non-blank line in `start..before`.
fn skip_blank_back(lines: &[&str], start: usize, before: usize) -> Option<usize> {
    (start..before).rev().find(|&i| !blank(lines[i]))
}

/// The cells of a GFM table row, split at unescaped `|` outside code spans.
fn split_row(row: &str) -> Vec<&str> {
    let row = row.trim();
    let row = row.strip_prefix('|').unwrap_or(row);
    let row = row
        .strip_suffix('|')
        .filter(|r| !r.ends_with('\\'))
        .unwrap_or(row);
    let mut cells = Vec::new();
    let bytes = row.as_bytes();
    let mut start = 0;
    let mut i = 0;
    let mut code = false;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 1,
            b'`' => code = !code,
            b'|' if !code => {
                cells.push(&row[start..i]);
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    cells.push(&row[start..]);
    cells
}

/// `## Persona N – Name ("nickname")` → number, name, nickname. `Ok(None)` when the line is
/// not a persona heading at all; an error when it starts like one but does not parse.
fn parse_persona_heading(
    line: &str,
    no: usize,
) -> Result<Option<(u32, String, Option<String>)>, ImportError> {
    let Some(rest) = line.strip_prefix("## Persona ") else {
        return Ok(None);
    };
    let bad = || {
        ImportError::at(
            no,
            format!(
                "persona heading `{line}` does not parse: write `## Persona N – Name` or `## Persona N – Name (\"nickname\")`"
            ),
        )
    };
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    let number: u32 = digits.parse().map_err(|_| bad())?;
    let rest = &rest[digits.len()..];
    // A blank name leaves the dash last (the heading's trailing space is trimmed).
    if rest == " –" {
        return Ok(Some((number, String::new(), None)));
    }
    let rest = [" – ", " - ", " — "]
        .iter()
        .find_map(|sep| rest.strip_prefix(sep))
        .ok_or_else(bad)?;
    let (name, nickname) = match rest.strip_suffix("\")").and_then(|r| r.split_once(" (\"")) {
        Some((name, nick)) => (name, Some(unescape::heading_text(nick, no)?)),
        None => (rest, None),
    };
    let name = unescape::heading_text(name, no)?;
    Ok(Some((number, name, nickname)))
}

/// A persona section: heading at `start`, intro prose, the flowchart, optionally the text
/// version accordion, up to `end`.
/// A persona section as read, the comment blocks after its diagram and the line of the first.
type ReadPersona = (PersonaModel, Vec<String>, usize);

fn read_persona(
    lines: &[&str],
    start: usize,
    end: usize,
    number: u32,
    name: String,
    nickname: Option<String>,
) -> Result<ReadPersona, ImportError> {
    let open = (start + 1..end)
        .find(|&i| lines[i].trim_end().starts_with("```mermaid"))
        .ok_or_else(|| {
            ImportError::at(
                start + 1,
                format!("Persona {number} has no ```mermaid flowchart"),
            )
        })?;
    let fence = fence_options(&lines[open].trim_end()["```mermaid".len()..]).ok_or_else(|| {
        ImportError::at(
            open + 1,
            "a ```mermaid fence with info text other than `placement=\"…\"` and `actions={…}` is not supported",
        )
    })?;
    let close = (open + 1..end)
        .find(|&i| lines[i].trim_end() == "```")
        .ok_or_else(|| ImportError::at(open + 1, "unterminated ```mermaid block"))?;
    let (intro, mdx) = persona_prose(&lines[start + 1..open], start + 2)?;
    let body: Vec<(usize, &str)> = (open + 1..close).map(|i| (i + 1, lines[i])).collect();
    let mut chart = flowchart::read(&body, open + 1)?;
    let mut i = skip_blank(lines, close + 1);
    // The node links listed under the map (`links = "list"` or `"cards"`): the spec's links
    // give them back.
    let mut listed = None;
    if i < end && lines[i].starts_with("- [") {
        while i < end && lines[i].starts_with("- [") {
            i += 1;
        }
        listed = Some(Links::List);
        i = skip_blank(lines, i);
    } else if i < end && lines[i].trim() == "<Columns cols={2}>" {
        let opened = i;
        while i < end && lines[i].trim() != "</Columns>" {
            i += 1;
        }
        if i == end {
            return Err(ImportError::at(opened + 1, "unterminated `<Columns>`"));
        }
        listed = Some(Links::Cards);
        i = skip_blank(lines, i + 1);
    }
    if i < end && chart.accessible {
        let title = format!("<Accordion title=\"Text version of the Persona {number} map\">");
        if lines[i].trim() == title {
            let opened = i;
            while i < end && lines[i].trim() != "</Accordion>" {
                i += 1;
            }
            if i == end {
                return Err(ImportError::at(opened + 1, "unterminated `<Accordion>`"));
            }
            text_version_links(&lines[opened..i], &mut chart);
            i = skip_blank(lines, i + 1);
        }
    }
    // Comment blocks after the diagram move to the start of the next section's prose (the
    // export drops them either way).
    let trailing_line = i + 1;
    let (trailing, after) = comment_blocks(&lines[..end], i);
    let i = after;
    if i < end {
        let what = lines[i].trim();
        let detail = if what.starts_with('<') {
            format!("unsupported JSX `{what}`")
        } else {
            format!("`{what}`")
        };
        return Err(ImportError::at(
            i + 1,
            format!(
                "{detail} after Persona {number}'s diagram: a persona section ends with its flowchart (put prose before the diagram, or after the last divider)"
            ),
        ));
    }
    let persona = PersonaModel {
        number,
        name,
        nickname,
        intro,
        mdx,
        icon: None,
        tab_title: None,
        line: start + 1,
        chart,
        fence,
        listed,
    };
    Ok((persona, trailing, trailing_line))
}

/// The links of a map whose page draws none (`links = "none"`) but lists them in the text
/// version: its **Nodes** list has one item per node, in order, `- [label](href)` for a linked
/// one.
fn text_version_links(accordion: &[&str], chart: &mut Chart) {
    let items: Vec<&str> = accordion
        .iter()
        .skip_while(|l| l.trim_end() != "**Nodes**")
        .take_while(|l| l.trim_end() != "**Edges**")
        .filter_map(|l| l.strip_prefix("- "))
        .collect();
    let nodes: Vec<&mut flowchart::ChartNode> = chart.groups.iter_mut().flatten().collect();
    if items.len() != nodes.len() {
        return;
    }
    for (item, node) in items.into_iter().zip(nodes) {
        let item = item.trim_end();
        let link = item
            .strip_prefix('[')
            .and_then(|i| i.strip_suffix(')'))
            .and_then(|i| i.rsplit_once("]("));
        match link {
            Some((text, href)) => {
                if node.href.is_none() {
                    node.href = Some(href.to_string());
                }
                node.text = Some(text.to_string());
            }
            None => node.text = Some(item.to_string()),
        }
    }
}

/// The Mintlify fence options after ```` ```mermaid ```` (`placement="top-right"`,
/// `actions={false}`, in that order, as the compiler writes them); `None` for other text.
fn fence_options(meta: &str) -> Option<(Option<Placement>, Option<bool>)> {
    let mut rest = meta;
    let mut placement = None;
    if let Some(p) = rest.strip_prefix(" placement=\"") {
        let (value, after) = p.split_once('"')?;
        placement = Some(
            [
                Placement::TopLeft,
                Placement::TopRight,
                Placement::BottomLeft,
                Placement::BottomRight,
            ]
            .into_iter()
            .find(|p| p.as_str() == value)?,
        );
        rest = after;
    }
    let actions = match rest {
        "" => None,
        " actions={true}" => Some(true),
        " actions={false}" => Some(false),
        _ => return None,
    };
    Some((placement, actions))
}

/// Builds the palette (legend order, colours from each class's first `classDef`) and each
/// persona's overrides.
pub(crate) fn resolve(
    model: Model,
    divider: personamap_spec::Divider,
) -> Result<ImportedSpec, ImportError> {
    let mut numbers = std::collections::BTreeSet::new();
    for p in &model.personas {
        if !numbers.insert(p.number) {
            return Err(ImportError::at(
                p.line,
                format!("Persona {} appears twice", p.number),
            ));
        }
    }
    let mut palette = Vec::new();
    for (k, (name, meaning, line)) in model.legend.iter().enumerate() {
        let sample = model.samples.get(k).and_then(Option::as_ref);
        if palette.iter().any(|c: &PaletteClass| &c.name == name) {
            return Err(ImportError::at(
                *line,
                format!("class `{name}` is listed twice in the legend"),
            ));
        }
        // The first definition, or the first without a dash when some lack one (an override
        // can add a dash, not drop one).
        let defs = || {
            model
                .personas
                .iter()
                .flat_map(|p| &p.chart.class_defs)
                .filter(|d| &d.name == name)
        };
        // With samples, the legend shows the palette's own look.
        let shown = sample.and_then(|(fill, stroke, dashed)| {
            defs().find(|d| {
                (
                    &d.fill,
                    &d.stroke,
                    d.dash.as_deref().is_some_and(|x| !x.trim().is_empty()),
                ) == (fill, stroke, *dashed)
            })
        });
        let undashed = defs().find(|d| d.dash.is_none());
        let def = shown
            .or(undashed)
            .or_else(|| defs().next())
            .ok_or_else(|| {
                ImportError::at(
                    *line,
                    format!("class `{name}` has no `classDef` in any diagram"),
                )
            })?;
        palette.push(PaletteClass {
            name: name.clone(),
            line: *line,
            meaning: meaning.clone(),
            fill: def.fill.clone(),
            stroke: def.stroke.clone(),
            color: def.color.clone(),
            dash: def.dash.clone(),
        });
    }
    let mut personas = Vec::new();
    for p in model.personas {
        for node in p.chart.groups.iter().flatten() {
            if !palette.iter().any(|c| c.name == node.class) {
                return Err(ImportError::at(
                    node.line,
                    format!(
                        "node `{}` has class `{}`, which the legend does not list",
                        node.id, node.class
                    ),
                ));
            }
        }
        let mut overrides = Vec::new();
        for def in &p.chart.class_defs {
            let used = p.chart.groups.iter().flatten().any(|n| n.class == def.name);
            let Some(class) = palette.iter().find(|c| c.name == def.name) else {
                if used {
                    return Err(ImportError::at(
                        def.line,
                        format!("class `{}` is not in the legend", def.name),
                    ));
                }
                continue;
            };
            if let Some(o) = override_of(class, def)? {
                overrides.push(o);
            }
        }
        personas.push((p, overrides));
    }
    let links = personas.iter().any(|(p, _)| p.chart.clicks);
    let accessible = personas.iter().any(|(p, _)| p.chart.accessible);
    // Linked nodes start with the link marker where the legend explains it.
    if model.options.mark_links {
        let marker = format!("{} ", personamap_spec::LINK_MARKER);
        for node in personas
            .iter_mut()
            .flat_map(|(p, _)| p.chart.groups.iter_mut().flatten())
            .filter(|n| n.href.is_some())
        {
            if let Some(first) = node.label.first_mut()
                && let Some(rest) = first.strip_prefix(&marker)
            {
                *first = rest.to_string();
            }
        }
    }
    let wrap = unwrap_labels(&mut personas);
    Ok(ImportedSpec {
        header: model.header,
        divider,
        intro: model.intro,
        legend_title: model.legend_title,
        palette,
        personas,
        closing: model.closing,
        links,
        accessible,
        options: model.options,
        related: model.related,
        page_numbering: false,
        wrap,
    })
}

/// Labels the maps show wrapped (`[page.maps] wrap`): a node whose text-version item is not
/// the text of its drawn lines, but is that of some of them joined, had fewer lines, wrapped.
/// Finds the width that wraps such labels as drawn (and leaves every other line as it is),
/// joins their lines back, and returns the width; `None` when no label was wrapped or no
/// width fits.
fn unwrap_labels(personas: &mut [(PersonaModel, Vec<Override>)]) -> Option<usize> {
    use personamap_syntax::mdx::markdown_text;
    use personamap_syntax::mermaid::label_text;
    let nodes = || {
        personas
            .iter()
            .flat_map(|(p, _)| p.chart.groups.iter().flatten())
    };
    // Nodes whose item differs, with every regrouping of their lines the item reads as.
    let mut wrapped: Vec<(usize, Vec<Vec<Vec<String>>>)> = Vec::new();
    for (k, n) in nodes().enumerate() {
        let Some(text) = &n.text else { continue };
        if n.label.len() < 2 || n.label.len() > 12 || markdown_text(&label_text(&n.label)) == *text
        {
            continue;
        }
        let fitting: Vec<Vec<Vec<String>>> = groupings(&n.label)
            .into_iter()
            .filter(|g| {
                let joined: Vec<String> = g.iter().map(|l| l.join(" ")).collect();
                markdown_text(&label_text(&joined)) == *text
            })
            .collect();
        if !fitting.is_empty() {
            wrapped.push((k, fitting));
        }
    }
    if wrapped.is_empty() {
        return None;
    }
    let wraps =
        |lines: &[String], w: usize| personamap_spec::wrap_line(&lines.join(" "), w) == lines;
    let low = nodes()
        .flat_map(|n| &n.label)
        .filter(|l| l.contains(' '))
        .map(|l| l.chars().count())
        .max()
        .unwrap_or(1);
    let (width, chosen) = (low..low + 200).find_map(|w| {
        let others_stay = nodes().enumerate().all(|(k, n)| {
            wrapped.iter().any(|(j, _)| *j == k)
                || n.label.iter().all(|l| wraps(std::slice::from_ref(l), w))
        });
        let chosen: Option<Vec<&Vec<Vec<String>>>> = wrapped
            .iter()
            .map(|(_, gs)| gs.iter().find(|g| g.iter().all(|lines| wraps(lines, w))))
            .collect();
        chosen.filter(|_| others_stay).map(|c| (w, c))
    })?;
    let joined: Vec<(usize, Vec<String>)> = wrapped
        .iter()
        .zip(chosen)
        .map(|((k, _), g)| (*k, g.iter().map(|l| l.join(" ")).collect()))
        .collect();
    for (k, n) in personas
        .iter_mut()
        .flat_map(|(p, _)| p.chart.groups.iter_mut().flatten())
        .enumerate()
    {
        if let Some((_, label)) = joined.iter().find(|(j, _)| *j == k) {
            n.label.clone_from(label);
        }
    }
    Some(width)
}

/// Every way to cut `lines` into runs of consecutive lines, the most cuts first.
fn groupings(lines: &[String]) -> Vec<Vec<Vec<String>>> {
    let gaps = lines.len() - 1;
    let mut all: Vec<Vec<Vec<String>>> = (0..1u32 << gaps)
        .map(|cuts| {
            let mut groups = vec![vec![lines[0].clone()]];
            for (i, line) in lines.iter().enumerate().skip(1) {
                if cuts & (1 << (i - 1)) != 0 {
                    groups.push(Vec::new());
                }
                if let Some(last) = groups.last_mut() {
                    last.push(line.clone());
                }
            }
            groups
        })
        .collect();
    // More groups first: the fewest lines joined that read as the item.
    all.sort_by_key(|g| std::cmp::Reverse(g.len()));
    all
}

fn override_of(class: &PaletteClass, def: &ClassDef) -> Result<Option<Override>, ImportError> {
    let differ = |a: &str, b: &str| (a != b).then(|| b.to_string());
    if class.dash.is_some() && def.dash.is_none() {
        return Err(ImportError::at(
            def.line,
            format!(
                "this `classDef {}` drops the palette's stroke-dasharray, which a persona override cannot express",
                def.name
            ),
        ));
    }
    let o = Override {
        name: def.name.clone(),
        fill: differ(&class.fill, &def.fill),
        stroke: differ(&class.stroke, &def.stroke),
        color: differ(&class.color, &def.color),
        dash: match (&class.dash, &def.dash) {
            (Some(a), Some(b)) => differ(a, b),
            (None, b) => b.clone(),
            (Some(_), None) => None,
        },
    };
    let any = o.fill.is_some() || o.stroke.is_some() || o.color.is_some() || o.dash.is_some();
    Ok(any.then_some(o))
}
