//! Diagnostics: problems found in a spec, with the place they point at.

use crate::source::{Sources, Span};
use std::fmt::Write as _;

/// How bad a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Stops generation.
    Error,
    /// Reported; generation goes on.
    Warning,
}

/// Another place a diagnostic points at (e.g. where a duplicate id was first defined).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Related {
    /// Where.
    pub span: Span,
    /// What is there, e.g. "first defined here".
    pub message: String,
}

/// One replacement: the text at `span` becomes `text` (an empty span inserts).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edit {
    /// The text replaced.
    pub span: Span,
    /// What replaces it.
    pub text: String,
}

impl Edit {
    /// Replaces the text at `span` with `text`.
    pub fn new(span: Span, text: impl Into<String>) -> Self {
        Edit {
            span,
            text: text.into(),
        }
    }

    /// Replaces the value `current` at `span` in `text` (its file's text) with `value`: bare
    /// when the span covers `current` itself (text inside a string; only a `value` with no
    /// quote, backslash or line break, which would need escaping there), or as a TOML string in
    /// the same quotes when it covers a string literal holding `current` verbatim (`"…"`, or
    /// `'…'` when `value` can be one). `None` when the span covers anything else (a string with
    /// escapes, say).
    pub fn value(text: &str, span: Span, current: &str, value: &str) -> Option<Self> {
        let covered = text.get(span.start as usize..span.end as usize)?;
        if covered == current {
            let plain = !value.contains(['"', '\'', '\\', '\n', '\r']);
            return plain.then(|| Edit::new(span, value));
        }
        let quote = covered.chars().next().filter(|q| matches!(q, '"' | '\''))?;
        covered
            .strip_prefix(quote)
            .and_then(|c| c.strip_suffix(quote))
            .filter(|inner| *inner == current && !inner.contains('\\'))?;
        let literal = if quote == '\'' && !value.contains(['\'', '\n', '\r']) {
            format!("'{value}'")
        } else {
            crate::source::toml_basic_string(value)
        };
        Some(Edit::new(span, literal))
    }
}

/// A machine-applicable fix, from the diagnostic's help line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fix {
    /// What it does, e.g. "replace with `CommGW`".
    pub title: String,
    /// The replacements, in any files; sorted, non-overlapping within a file.
    pub edits: Vec<Edit>,
}

/// One problem, with a stable rule id, a position and an optional fix.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// Stable rule id, e.g. `unknown-node`.
    pub rule: &'static str,
    /// What is wrong.
    pub message: String,
    /// Where; `None` for problems outside the spec files (e.g. a missing folder).
    pub span: Option<Span>,
    /// How to fix it.
    pub help: Option<String>,
    /// The persona it is about when its span does not point into it (lint levels).
    pub persona: Option<u32>,
    /// Other places it points at.
    pub related: Vec<Related>,
    /// Machine-applicable fixes, each on its own.
    pub fixes: Vec<Fix>,
}

impl Diagnostic {
    /// An error for `rule` at `span`.
    pub fn error(rule: &'static str, span: Option<Span>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            rule,
            message: message.into(),
            span,
            help: None,
            persona: None,
            related: Vec::new(),
            fixes: Vec::new(),
        }
    }

    /// A warning for `rule` at `span`.
    pub fn warning(rule: &'static str, span: Option<Span>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(rule, span, message)
        }
    }

    /// The same diagnostic with a help line.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// The same diagnostic, pointing at `span` too, with what is there.
    pub fn with_related(mut self, span: Span, message: impl Into<String>) -> Self {
        self.related.push(Related {
            span,
            message: message.into(),
        });
        self
    }

    /// The same diagnostic with one more fix: `edits` applied together, described by `title`.
    pub fn with_fix(mut self, title: impl Into<String>, mut edits: Vec<Edit>) -> Self {
        edits.sort_by_key(|e| (e.span.file, e.span.start, e.span.end));
        self.fixes.push(Fix {
            title: title.into(),
            edits,
        });
        self
    }

    /// The same diagnostic with a did-you-mean help naming each of `replacements`, and one fix
    /// per replacement putting it in place of `current` at the diagnostic's span in `text`, its
    /// file's text (see [`Edit::value`]; no fix when the span does not cover `current`). With
    /// no replacement, the diagnostic as it is.
    pub fn with_suggestions(mut self, text: &str, current: &str, replacements: &[String]) -> Self {
        if replacements.is_empty() {
            return self;
        }
        let names: Vec<String> = replacements.iter().map(|r| format!("`{r}`")).collect();
        self = self.with_help(format!("did you mean {}?", names.join(" or ")));
        for r in replacements {
            if let Some(edit) = self
                .span
                .and_then(|span| Edit::value(text, span, current, r))
            {
                self = self.with_fix(format!("replace with `{r}`"), vec![edit]);
            }
        }
        self
    }

    /// The same diagnostic with the fix `title` putting `new` in place of the value `current`
    /// at its span in `text`, its file's text (see [`Edit::value`]); as it is when the span
    /// does not cover `current`.
    pub fn with_replacement(
        self,
        text: &str,
        current: &str,
        new: &str,
        title: impl Into<String>,
    ) -> Self {
        match self
            .span
            .and_then(|span| Edit::value(text, span, current, new))
        {
            Some(edit) => self.with_fix(title, vec![edit]),
            None => self,
        }
    }

    /// The same diagnostic, about persona `number` (whose `[persona.lints]` then applies).
    pub fn about_persona(mut self, number: u32) -> Self {
        self.persona = Some(number);
        self
    }

    /// Renders the diagnostic in rustc's style: header, `-->` position, the source line with a
    /// caret under the span, and the help line. No colours.
    pub fn render(&self, sources: &Sources) -> String {
        self.render_styled(sources, false)
    }

    /// [`Diagnostic::render`], with ANSI colours when `colour` is true (the caller decides:
    /// a terminal, and no `NO_COLOR`).
    pub fn render_styled(&self, sources: &Sources, colour: bool) -> String {
        let paint = |code: &str, text: &str| {
            if colour {
                format!("\x1b[{code}m{text}\x1b[0m")
            } else {
                text.to_string()
            }
        };
        let (level, level_colour) = match self.severity {
            Severity::Error => ("error", "1;31"),
            Severity::Warning => ("warning", "1;33"),
        };
        let mut out = format!(
            "{}{}\n",
            paint(level_colour, &format!("{level}[{}]", self.rule)),
            paint("1", &format!(": {}", self.message))
        );
        let blue = |t: &str| paint("1;34", t);
        // The gutter is as wide as the widest line number shown, as rustc aligns it.
        let gutter = std::iter::once(self.span)
            .chain(self.related.iter().map(|r| Some(r.span)))
            .flatten()
            .map(|span| sources.line_col(span).0.to_string().len())
            .max()
            .unwrap_or(0);
        let pad = " ".repeat(gutter);
        if let Some(span) = self.span {
            snippet(
                &mut out,
                sources,
                span,
                gutter,
                &blue,
                &|t| paint(level_colour, t),
                '^',
            );
            if let Some(help) = &self.help {
                let _ = writeln!(out, "{pad} {} {help}", blue("= help:"));
            }
        } else if let Some(help) = &self.help {
            let _ = writeln!(out, "  {} {help}", blue("= help:"));
        }
        for related in &self.related {
            let _ = writeln!(
                out,
                "{}{}",
                paint("1;32", "note"),
                paint("1", &format!(": {}", related.message))
            );
            snippet(
                &mut out,
                sources,
                related.span,
                gutter,
                &blue,
                &|t| paint("1;32", t),
                '-',
            );
        }
        out
    }

    /// The diagnostic as a GitHub Actions workflow command, which GitHub shows as an
    /// annotation on the diff: `::error file=…,line=…,col=…,title=RULE::message` (or
    /// `::warning`), the help on a line of its own after the message. `root` is the site root
    /// as given on the command line, prefixed to the file path so that it is relative to the
    /// repository when the site is in a folder of it.
    pub fn github(&self, sources: &Sources, root: &str) -> String {
        let place = self.span.map(|span| {
            let (line, col) = sources.line_col(span);
            (in_root(root, &sources.file(span.file).path), line, col)
        });
        let mut message = self.message.clone();
        if let Some(help) = &self.help {
            let _ = write!(message, "\nhelp: {help}");
        }
        for related in &self.related {
            let (line, col) = sources.line_col(related.span);
            let file = in_root(root, &sources.file(related.span.file).path);
            let _ = write!(message, "\nnote: {} ({file}:{line}:{col})", related.message);
        }
        let place = place
            .as_ref()
            .map(|(file, line, col)| (file.as_str(), *line, *col));
        annotation(self.severity, place, self.rule, &message)
    }
}

/// Writes the rustc-style excerpt of `span` to `out`: the `-->` position, the source line and a
/// row of `mark` under the span, `gutter` characters wide before the bars.
fn snippet(
    out: &mut String,
    sources: &Sources,
    span: Span,
    gutter: usize,
    blue: &dyn Fn(&str) -> String,
    marked: &dyn Fn(&str) -> String,
    mark: char,
) {
    let file = sources.file(span.file);
    let (line, col) = sources.line_col(span);
    let text = sources.line(span.file, line);
    let width = {
        let start = span.start as usize;
        let end = (span.end as usize).max(start);
        let on_line = file.text.get(start..end).unwrap_or("");
        on_line
            .split('\n')
            .next()
            .unwrap_or("")
            .chars()
            .count()
            .max(1)
    };
    let pad = " ".repeat(gutter);
    let number = format!("{line:>gutter$} |");
    let (shown, caret_col, width) = excerpt(text, col, width);
    let _ = writeln!(out, "{pad}{} {}:{line}:{col}", blue("-->"), file.path);
    let _ = writeln!(out, "{pad} {}", blue("|"));
    let _ = writeln!(out, "{} {shown}", blue(&number));
    let _ = writeln!(
        out,
        "{pad} {} {}{}",
        blue("|"),
        " ".repeat(caret_col - 1),
        marked(&mark.to_string().repeat(width))
    );
}

/// A GitHub Actions annotation: `::error` or `::warning`, then `file`, `line` and `col` when
/// `place` is given (`line` and `col` only when not 0), `title`, and `message`. `%`, CR and LF
/// are escaped in the message, and `:` and `,` too in the properties, as GitHub reads them.
pub fn annotation(
    severity: Severity,
    place: Option<(&str, usize, usize)>,
    title: &str,
    message: &str,
) -> String {
    let level = match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let mut properties = Vec::new();
    if let Some((file, line, col)) = place {
        properties.push(format!("file={}", escape_property(file)));
        if line > 0 {
            properties.push(format!("line={line},col={col}"));
        }
    }
    properties.push(format!("title={}", escape_property(title)));
    format!(
        "::{level} {}::{}",
        properties.join(","),
        escape_data(message)
    )
}

/// `rel`, a path relative to the site root, relative to the folder `root` names instead.
pub fn in_root(root: &str, rel: &str) -> String {
    let root = root.trim_start_matches("./").trim_end_matches('/');
    if root.is_empty() || root == "." {
        rel.to_string()
    } else {
        format!("{root}/{rel}")
    }
}

/// Escapes a workflow command's message: `%`, CR and LF.
fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a workflow command's property value: as a message, and `:` and `,`.
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

/// Characters of a source line shown in a diagnostic; longer lines are cut around the span.
const MAX_SHOWN: usize = 400;

/// The part of source line `text` to show for a span at 1-based character column `col`,
/// `width` characters wide: the line itself when short, else about [`MAX_SHOWN`] characters
/// around the span's start with `…` where it was cut. Returns the text, the span's column in
/// it and the caret width.
fn excerpt(text: &str, col: usize, width: usize) -> (String, usize, usize) {
    let chars = text.chars().count();
    if chars <= MAX_SHOWN {
        return (text.to_string(), col, width);
    }
    let first = col.saturating_sub(1).saturating_sub(MAX_SHOWN / 4);
    let last = (first + MAX_SHOWN).min(chars);
    let mut shown: String = text.chars().skip(first).take(last - first).collect();
    let mut caret_col = col - first;
    if first > 0 {
        shown.insert(0, '…');
        caret_col += 1;
    }
    if last < chars {
        shown.push('…');
    }
    let visible = (last + 1).saturating_sub(col).max(1);
    (shown, caret_col, width.min(visible))
}

/// Sorts diagnostics by file, position, then severity, for stable output.
pub fn sort(diags: &mut [Diagnostic]) {
    diags.sort_by(|a, b| {
        let key = |d: &Diagnostic| d.span.map(|s| (s.file, s.start, s.end));
        key(a)
            .cmp(&key(b))
            .then(a.severity.cmp(&b.severity))
            .then(a.rule.cmp(b.rule))
    });
}

/// Whether any diagnostic is an error.
pub fn has_errors(diags: &[Diagnostic]) -> bool {
    diags.iter().any(|d| d.severity == Severity::Error)
}

/// The name among `candidates` nearest to `name` by edit distance, if near enough to be a
/// plausible typo (the first by name of [`suggestions`]).
pub fn suggest<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    suggestions(name, candidates).into_iter().next()
}

/// Every name among `candidates` at the least edit distance from `name`, if near enough to be
/// a plausible typo, sorted and without repeats.
pub fn suggestions<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let limit = (name.chars().count() / 3).max(1);
    let mut near: Vec<(usize, &str)> = candidates
        .into_iter()
        .map(|c| (levenshtein(&name.to_lowercase(), &c.to_lowercase()), c))
        .filter(|(d, _)| *d <= limit)
        .collect();
    let Some(best) = near.iter().map(|(d, _)| *d).min() else {
        return Vec::new();
    };
    near.retain(|(d, _)| *d == best);
    let mut out: Vec<&str> = near.into_iter().map(|(_, c)| c).collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Edit distance counting a swap of two neighbours as one edit (optimal string alignment), so
/// `G_SKD` is one edit from `G_SDK`.
fn levenshtein(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = best;
        }
    }
    d[a.len()][b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_near_names_only() {
        let names = ["CommGW", "SelfGW", "GoLP"];
        assert_eq!(suggest("ComGW", names), Some("CommGW"));
        assert_eq!(suggest("SlefGW", names), Some("SelfGW"));
        assert_eq!(suggest("Pipelines", names), None);
    }

    #[test]
    fn github_annotations_escape_and_locate() {
        use crate::source::{FileId, SourceFile, Sources, Span};
        let sources = Sources::new(vec![SourceFile {
            path: "personas/a.toml".into(),
            text: "[a]\nx = 1\n".into(),
        }]);
        let span = Span::new(FileId(0), 8..9);
        let d = Diagnostic::error("r", Some(span), "50% off\r\nnext").with_help("do: this, then");
        assert_eq!(
            d.github(&sources, "."),
            "::error file=personas/a.toml,line=2,col=5,title=r::50%25 off%0D%0Anext%0Ahelp: do: this, then"
        );
        let w = Diagnostic::warning("lock", None, "m");
        assert_eq!(w.github(&sources, "docs"), "::warning title=lock::m");
        assert_eq!(
            annotation(Severity::Error, Some(("a,b:c%.mdx", 0, 0)), "t", "m"),
            "::error file=a%2Cb%3Ac%25.mdx,title=t::m"
        );
        assert_eq!(
            in_root("./docs/", "personas/a.toml"),
            "docs/personas/a.toml"
        );
        assert_eq!(in_root("./", "personas/a.toml"), "personas/a.toml");
    }

    #[test]
    fn related_places_are_notes_with_their_own_position() {
        use crate::source::{FileId, SourceFile, Sources, Span};
        let sources = Sources::new(vec![SourceFile {
            path: "personas/a.toml".into(),
            text: format!("{}A\nx\nA\n", "\n".repeat(8)),
        }]);
        let d = Diagnostic::error(
            "duplicate-node",
            Some(Span::new(FileId(0), 12..13)),
            "twice",
        )
        .with_help("rename one")
        .with_related(Span::new(FileId(0), 8..9), "first defined here");
        assert_eq!(
            d.render(&sources),
            "error[duplicate-node]: twice\n  --> personas/a.toml:11:1\n   |\n11 | A\n   | ^\n   \
             = help: rename one\nnote: first defined here\n  --> personas/a.toml:9:1\n   |\n 9 | A\n   | -\n"
        );
        assert_eq!(
            d.github(&sources, "site"),
            "::error file=site/personas/a.toml,line=11,col=1,title=duplicate-node::twice%0Ahelp: \
             rename one%0Anote: first defined here (site/personas/a.toml:9:1)"
        );
    }

    #[test]
    fn a_value_is_replaced_in_its_own_quotes_or_bare() {
        use crate::source::{FileId, Span};
        let text = "a = \"x\"\nb = 'x'\nc = \"\\u0078\"\nd = \"P -> x\"\n";
        let at = |needle: &str| {
            let start = text.find(needle).unwrap_or(0);
            Span::new(FileId(0), start..start + needle.len())
        };
        let edit =
            |needle: &str, new: &str| Edit::value(text, at(needle), "x", new).map(|e| e.text);
        assert_eq!(edit("\"x\"", "y"), Some("\"y\"".into()));
        assert_eq!(edit("'x'", "y"), Some("'y'".into()));
        assert_eq!(edit("'x'", "it's"), Some("\"it's\"".into()));
        // An escape: the value is not there as written.
        assert_eq!(edit("\"\\u0078\"", "y"), None);
        // Inside a string: bare, unless it would need escaping.
        let inner = text.rfind('x').unwrap_or(0);
        let span = Span::new(FileId(0), inner..inner + 1);
        assert_eq!(
            Edit::value(text, span, "x", "y").map(|e| e.text),
            Some("y".into())
        );
        assert_eq!(Edit::value(text, span, "x", "a\"b"), None);
    }

    #[test]
    fn long_lines_are_cut_around_the_span() {
        use crate::source::{FileId, SourceFile, Sources, Span};
        let line = format!("label = \"{}\" # é", "x".repeat(5_000_000));
        let at = line.len() - 4;
        let sources = Sources::new(vec![SourceFile {
            path: "personas/a.toml".into(),
            text: format!("[a]\n{line}\n"),
        }]);
        let span = Span::new(FileId(0), 4 + at..4 + at + 1);
        let shown = Diagnostic::error("r", Some(span), "m").render(&sources);
        assert!(shown.len() < 1000, "{} bytes", shown.len());
        let lines: Vec<&str> = shown.lines().collect();
        assert!(lines[3].starts_with("2 | …xxx") && lines[3].ends_with("\" # é"));
        // The caret stands under the `#`.
        let caret = lines[4].find('^').map(|i| lines[4][..i].chars().count());
        let hash = lines[3].find('#').map(|i| lines[3][..i].chars().count());
        assert_eq!(caret, hash);
        // A short line is shown whole.
        let span = Span::new(FileId(0), 1..2);
        assert!(
            Diagnostic::error("r", Some(span), "m")
                .render(&sources)
                .contains("1 | [a]\n")
        );
    }
}
