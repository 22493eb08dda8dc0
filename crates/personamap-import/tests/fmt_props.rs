//! `personamap fmt` as properties, over every spec of this repository and its fixtures with
//! random edits a person makes (comments above tables, tables moved to the end, edge lines
//! indented, padded, spread over blank lines): formatting twice changes nothing, every comment
//! survives, and the formatted spec loads to the same model.

use personamap_import::layout::format;
use personamap_spec::{SourceFile, Sources};
use proptest::prelude::*;
use std::path::{Path, PathBuf};

/// Every site (a list of spec files: path, text) of the repository and `tests/fixtures/`.
fn sites() -> Vec<Vec<(String, String)>> {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut roots = vec![repo.join("personas")];
    let mut fixtures: Vec<PathBuf> = std::fs::read_dir(repo.join("tests/fixtures"))
        .expect("fixtures")
        .map(|e| e.expect("entry").path().join("personas"))
        .filter(|p| p.is_dir())
        .collect();
    fixtures.sort();
    roots.extend(fixtures);
    roots
        .iter()
        .map(|dir| {
            let mut files: Vec<(String, String)> = std::fs::read_dir(dir)
                .expect("spec dir")
                .map(|e| e.expect("entry").path())
                .filter(|p| p.extension().is_some_and(|x| x == "toml"))
                .map(|p| {
                    let name = p.file_name().expect("name").to_string_lossy();
                    let text = std::fs::read_to_string(&p).expect("spec file");
                    (format!("personas/{name}"), text)
                })
                .collect();
            files.sort();
            files
        })
        .collect()
}

/// The resolved model of a site as JSON (`personamap model`).
fn model(files: &[(String, String)]) -> serde_json::Value {
    let sources = Sources::new(
        files
            .iter()
            .map(|(path, text)| SourceFile {
                path: path.clone(),
                text: text.clone(),
            })
            .collect(),
    );
    let (spec, diags) = personamap_spec::load(sources);
    let spec = spec.unwrap_or_else(|| panic!("loads: {diags:?}"));
    personamap_render::model_json::model(&spec)
}

/// Every TOML comment of `text` (outside strings), in order.
fn comments(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut in_multi: Option<&str> = None;
    for line in text.lines() {
        let mut rest = line;
        loop {
            if let Some(close) = in_multi {
                match rest.find(close) {
                    Some(i) => {
                        rest = &rest[i + 3..];
                        in_multi = None;
                    }
                    None => break,
                }
                continue;
            }
            let mut quote: Option<char> = None;
            let mut cut = None;
            let mut escaped = false;
            for (i, c) in rest.char_indices() {
                match quote {
                    Some(q) => {
                        if q == '"' && c == '\\' && !escaped {
                            escaped = true;
                            continue;
                        }
                        if c == q && !escaped {
                            quote = None;
                        }
                        escaped = false;
                    }
                    None if rest[i..].starts_with("'''") || rest[i..].starts_with("\"\"\"") => {
                        cut = Some((i, &rest[i..i + 3]));
                        break;
                    }
                    None if c == '"' || c == '\'' => quote = Some(c),
                    None if c == '#' => {
                        out.push(rest[i..].trim_end().to_string());
                        break;
                    }
                    None => {}
                }
            }
            match cut {
                Some((i, delim)) => {
                    in_multi = Some(if delim == "'''" { "'''" } else { "\"\"\"" });
                    rest = &rest[i + 3..];
                }
                None => break,
            }
        }
    }
    out
}

/// One edit a person makes, at a place chosen by its seed.
#[derive(Clone, Debug)]
enum Edit {
    /// A comment line above a table header.
    Comment(usize),
    /// A top-level table (with its subtables) moved to the end of the file.
    MoveToEnd(usize),
    /// An edge line indented and padded.
    Pad(usize, usize),
    /// Blank lines before the first edge line of a group.
    Blank(usize, usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        any::<usize>().prop_map(Edit::Comment),
        any::<usize>().prop_map(Edit::MoveToEnd),
        (any::<usize>(), 1..6usize).prop_map(|(s, n)| Edit::Pad(s, n)),
        (any::<usize>(), 1..4usize).prop_map(|(s, n)| Edit::Blank(s, n)),
    ]
}

/// Indices of the lines inside `edges = '''…'''` texts that hold a statement.
fn edge_lines(lines: &[String]) -> Vec<usize> {
    let mut out = Vec::new();
    let mut inside = false;
    for (i, l) in lines.iter().enumerate() {
        if inside {
            if l.contains("'''") {
                inside = false;
            } else if l.contains("--") || l.contains("==") || l.contains("-.") {
                out.push(i);
            }
        } else if l.trim_start().starts_with("edges = '''") {
            inside = l.matches("'''").count() == 1;
        }
    }
    out
}

/// Indices of the table header lines (only top-level ones with `top_only`).
fn headers(lines: &[String], top_only: bool) -> Vec<usize> {
    let mut out = Vec::new();
    let mut inside = false;
    for (i, l) in lines.iter().enumerate() {
        if l.matches("'''").count() % 2 == 1 {
            inside = !inside;
            continue;
        }
        let sub = ["[page.", "[[page.", "[persona.", "[[persona.", "[divider."]
            .iter()
            .any(|p| l.starts_with(p));
        if !inside && l.starts_with('[') && !(top_only && sub) {
            out.push(i);
        }
    }
    out
}

fn apply(text: &str, edits: &[Edit]) -> String {
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    for (n, e) in edits.iter().enumerate() {
        match e {
            Edit::Comment(seed) => {
                let at = headers(&lines, false);
                if !at.is_empty() {
                    lines.insert(at[seed % at.len()], format!("# remark {n}"));
                }
            }
            Edit::MoveToEnd(seed) => {
                let at = headers(&lines, true);
                if at.len() > 1 {
                    let k = seed % at.len();
                    let end = at.get(k + 1).copied().unwrap_or(lines.len());
                    let block: Vec<String> = lines.drain(at[k]..end).collect();
                    lines.push(String::new());
                    lines.extend(block);
                }
            }
            Edit::Pad(seed, width) => {
                let at = edge_lines(&lines);
                if !at.is_empty() {
                    let i = at[seed % at.len()];
                    let pad = " ".repeat(*width);
                    lines[i] = format!("{pad}{}{pad}", lines[i]);
                }
            }
            Edit::Blank(seed, count) => {
                // Before the first statement of a group: more blank lines, the same groups.
                let at: Vec<usize> = edge_lines(&lines)
                    .into_iter()
                    .filter(|&i| lines[i - 1].trim().is_empty() || lines[i - 1].contains("'''"))
                    .collect();
                if !at.is_empty() {
                    let i = at[seed % at.len()];
                    for _ in 0..*count {
                        lines.insert(i, String::new());
                    }
                }
            }
        }
    }
    let mut out = lines.join("\n");
    out.push('\n');
    out
}

/// Whether `text` is in the canonical layout: top-level tables in order, and every edge group
/// without stray whitespace or blank lines, its first arrows in one column.
fn canonical(text: &str) -> Result<(), String> {
    let lines: Vec<String> = text.lines().map(str::to_string).collect();
    let rank = |l: &str| {
        let name = l
            .trim_start_matches('[')
            .split([']', '.'])
            .next()
            .unwrap_or("");
        ["site", "divider", "lints", "page", "palette", "persona"]
            .iter()
            .position(|t| *t == name)
            .unwrap_or(6)
    };
    let ranks: Vec<usize> = headers(&lines, true)
        .iter()
        .map(|&i| rank(&lines[i]))
        .collect();
    if ranks.windows(2).any(|w| w[0] > w[1]) {
        return Err(format!("tables out of order: {ranks:?}"));
    }
    let close = "'''";
    let mut inside = false;
    let mut group: Vec<usize> = Vec::new();
    let mut blank = true;
    for l in &lines {
        if !inside {
            inside = l.trim_start().starts_with("edges = ") && l.matches(close).count() == 1;
            blank = true;
            continue;
        }
        let aligned = |g: &[usize]| g.windows(2).all(|w| w[0] == w[1]);
        if l.is_empty() {
            if blank {
                return Err("a blank line at the start of edges or after another".into());
            }
            if !aligned(&group) {
                return Err(format!("arrows not aligned: {group:?}"));
            }
            group.clear();
            blank = true;
            continue;
        }
        if l.contains(close) {
            if blank || l != close {
                return Err(format!("edges end with a blank line or in {l:?}"));
            }
            if !aligned(&group) {
                return Err(format!("arrows not aligned: {group:?}"));
            }
            group.clear();
            inside = false;
            continue;
        }
        if l.trim() != l {
            return Err(format!("stray whitespace in {l:?}"));
        }
        if !l.starts_with("%%") {
            group.push(arrow_column(l));
        }
        blank = false;
    }
    Ok(())
}

/// Where the first link of edge statement `line` starts (in characters): after its first node
/// set as the spec's edge reader ends it (`A & B`), and the white space after that. Every link
/// of Mermaid's vocabulary (`-->`, `~~~`, `<-->`, `o--o`, …) starts there.
fn arrow_column(line: &str) -> usize {
    let file = personamap_spec::FileId(0);
    let fallback = personamap_spec::Span::new(file, 0..0);
    let (groups, _) = personamap_spec::edges::parse(line, file, Some(0), fallback);
    let end = groups
        .into_iter()
        .flatten()
        .next()
        .and_then(|chain| chain.sets.first()?.iter().map(|n| n.span.end).max())
        .map_or(0, |end| end as usize);
    let rest = line.get(end..).unwrap_or("");
    let start = end + (rest.len() - rest.trim_start().len());
    line.get(..start).map_or(0, |head| head.chars().count())
}

/// Comments sorted, for comparing as multisets.
fn sorted(mut c: Vec<String>) -> Vec<String> {
    c.sort();
    c
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn fmt_is_idempotent_keeps_every_comment_and_the_model(
        site in any::<usize>(),
        file in any::<usize>(),
        edits in proptest::collection::vec(edit(), 0..8),
    ) {
        let sites = sites();
        let files = &sites[site % sites.len()];
        let k = file % files.len();
        let edited = apply(&files[k].1, &edits);
        let mut before = files.clone();
        before[k].1 = edited.clone();
        let once = format(&edited).expect("formats");
        let twice = format(&once).expect("formats again");
        prop_assert_eq!(&twice, &once, "fmt twice changes nothing");
        prop_assert_eq!(canonical(&once), Ok(()));
        if edits.iter().all(|e| matches!(e, Edit::Pad(..) | Edit::Blank(..))) {
            prop_assert_eq!(&once, &format(&files[k].1).expect("formats"), "layout only");
        }
        prop_assert_eq!(sorted(comments(&once)), sorted(comments(&edited)), "every comment survives");
        let mut after = before.clone();
        after[k].1 = once;
        prop_assert_eq!(model(&after), model(&before), "the same model");
    }
}

#[test]
fn every_spec_of_the_repository_and_its_fixtures_formats_to_the_same_model() {
    for files in sites() {
        let formatted: Vec<(String, String)> = files
            .iter()
            .map(|(p, t)| (p.clone(), format(t).expect("formats")))
            .collect();
        assert_eq!(model(&formatted), model(&files), "{:?}", files[0].0);
        for (path, text) in &formatted {
            assert_eq!(canonical(text), Ok(()), "{path}");
        }
        for ((_, a), (_, b)) in files.iter().zip(&formatted) {
            assert_eq!(comments(b), comments(a), "{}", a.len());
        }
    }
}

#[test]
fn the_comment_reader_finds_comments_outside_strings_only() {
    let text = "# a\nx = \"#no\" # b\ny = '''\n# no\n''' # c\nz = 'it' # d\n";
    assert_eq!(comments(text), ["# a", "# b", "# c", "# d"]);
}
