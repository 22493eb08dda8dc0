//! The commands' IO edge: read the spec and site files, compile in memory, report, write.

use personamap_render::{Compiler, DOCS_JSON, LLMS_TXT, Outputs, SiteInputs};
use personamap_spec::{
    Diagnostic, Failed, LlmsTxt, Partial, Severity, Sources, Spec, TextFile, diag,
};
use personamap_write::{Action, FileOut, Plan, WriteError, Writer};
use std::io::{IsTerminal as _, Write as _};
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

/// Reads an optional site file; a missing file is `None`; a FIFO, folder or broken symlink
/// there, unreadable or non-UTF-8 bytes are an error naming the file.
fn read_optional(root: &Path, rel: &str) -> Result<Option<String>, String> {
    match personamap_spec::read_site_text(&root.join(rel), rel) {
        Ok(TextFile::Text(t)) => Ok(Some(t)),
        Ok(TextFile::Missing) => Ok(None),
        Ok(TextFile::NotRegular(what)) => Err(format!("{rel} is {what}, not a regular file")),
        Err(e) => Err(e.to_string()),
    }
}

/// Reads the site files the compiler merges into, and lists the pages on disk.
pub(crate) fn site_inputs(root: &Path) -> Result<SiteInputs, String> {
    let mut site = site_files(root)?;
    site.pages_on_disk = pages_on_disk(root);
    Ok(site)
}

/// Reads the site files the compiler merges into; the pages on disk are not listed.
fn site_files(root: &Path) -> Result<SiteInputs, String> {
    let docs_json = read_optional(root, DOCS_JSON)?;
    let lock = personamap_write::read_lock(root).map_err(|e| e.to_string())?;
    Ok(SiteInputs {
        inserted: lock.owned(docs_json.as_deref()),
        docs_json,
        llms_txt: read_optional(root, LLMS_TXT)?,
        pages_on_disk: Default::default(),
        snippets: Default::default(),
        headings_on_disk: Default::default(),
    })
}

/// Lists the pages on disk into `site` when `all` (for `check`), or else only when a link of
/// `spec` names a page that neither docs.json nor the spec holds (listing walks the whole
/// site). Returns whether it listed them.
fn pages_for_links(root: &Path, spec: &Spec, site: &mut SiteInputs, all: bool) -> bool {
    let nav = site
        .docs_json
        .as_deref()
        .and_then(|t| personamap_render::docs_json::DocsJson::parse(t).ok());
    let known = nav
        .map(|docs| docs.pages())
        .unwrap_or_default()
        .into_iter()
        .chain(spec.pages.iter().map(|p| p.id.clone()))
        .collect();
    let listed = all || personamap_render::links::unresolved(spec, &known);
    if listed {
        site.pages_on_disk = pages_on_disk(root);
    }
    listed
}

/// Reads the hand-written snippets `spec` uses (a divider with `generate = false`) into
/// `site`. A missing file stays absent (the compile reports it at the spec's `path`); one
/// that resolves outside the root, through a symlink, is an error.
pub(crate) fn read_snippets(root: &Path, spec: &Spec, site: &mut SiteInputs) -> Result<(), String> {
    let d = &spec.divider;
    if d.generate {
        return Ok(());
    }
    match root.join(&d.path).canonicalize() {
        Ok(real) => {
            let base = root
                .canonicalize()
                .map_err(|e| format!("{}: {e}", root.display()))?;
            if !real.starts_with(&base) {
                return Err(format!(
                    "{}: the divider snippet resolves outside the site root ({})",
                    d.path,
                    real.display()
                ));
            }
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(format!("{}: {e}", d.path)),
    }
    if let Some(text) = read_optional(root, &d.path)? {
        site.snippets.insert(d.path.clone(), text);
    }
    Ok(())
}

/// The site inputs for `watch`: [`site_inputs`] plus the hand-written snippets of the spec as
/// it is when the watch starts.
pub(crate) fn watch_inputs(root: &Path) -> Result<SiteInputs, String> {
    let mut site = site_inputs(root)?;
    if let Ok((_, Some(spec), _)) = load(root) {
        read_snippets(root, &spec, &mut site)?;
    }
    Ok(site)
}

/// The headings of the hand-written pages that `spec` links into with `#anchor` (only those
/// pages are read), for the anchor check.
fn anchored_headings(root: &Path, spec: &Spec) -> std::collections::BTreeMap<String, Vec<String>> {
    let hrefs = spec
        .personas
        .iter()
        .flat_map(|p| p.nodes().filter_map(|n| n.href.as_deref()))
        .chain(
            spec.pages
                .iter()
                .flat_map(|p| p.related.iter().map(|r| r.href.as_str())),
        );
    let mut out = std::collections::BTreeMap::new();
    for href in hrefs {
        let Some((page, _)) = href.strip_prefix('/').and_then(|p| p.split_once('#')) else {
            continue;
        };
        let id = page.split('?').next().unwrap_or("").trim_end_matches('/');
        if out.contains_key(id) || spec.page(id).is_some() {
            continue;
        }
        let text = ["mdx", "md"]
            .iter()
            .find_map(|ext| std::fs::read_to_string(root.join(format!("{id}.{ext}"))).ok());
        if let Some(text) = text {
            out.insert(id.to_string(), personamap_render::links::headings(&text));
        }
    }
    out
}

/// What Mintlify leaves out of every build besides the root `.mintignore` (its documentation:
/// `.git`, `.github`, `.claude`, `.agents`, `.idea`, `node_modules` and the four usual
/// Markdown files), as gitignore lines.
const MINTLIFY_IGNORES: &[&str] = &[
    ".git",
    ".github",
    ".claude",
    ".agents",
    ".idea",
    "node_modules",
    "README.md",
    "LICENSE.md",
    "CHANGELOG.md",
    "CONTRIBUTING.md",
];

/// The root `.mintignore` (gitignore syntax) with Mintlify's own ignores. An unreadable or
/// malformed file is read as far as it goes: the walk only feeds link checks.
fn mintignore(root: &Path) -> ignore::gitignore::Gitignore {
    let mut builder = ignore::gitignore::GitignoreBuilder::new(root);
    for line in MINTLIFY_IGNORES {
        let _ = builder.add_line(None, line);
    }
    let file = root.join(".mintignore");
    if file.is_file() {
        let _ = builder.add(file);
    }
    builder
        .build()
        .unwrap_or_else(|_| ignore::gitignore::Gitignore::empty())
}

/// Page ids of the `.mdx`/`.md` files under `root`, honouring `.gitignore`, `.mintignore`
/// (with Mintlify's default ignores) and skipping `snippets/` (never pages) and hidden folders.
/// Ignored folders are not entered.
pub(crate) fn pages_on_disk(root: &Path) -> std::collections::BTreeSet<String> {
    let mut pages = std::collections::BTreeSet::new();
    let ignored = mintignore(root);
    let snippets = root.join("snippets");
    let walk = ignore::WalkBuilder::new(root)
        .filter_entry(move |e| {
            let dir = e.file_type().is_some_and(|t| t.is_dir());
            e.path() != snippets && !ignored.matched(e.path(), dir).is_ignore()
        })
        .build();
    for entry in walk.flatten() {
        let path = entry.path();
        let Some(ext) = path.extension().and_then(|e| e.to_str()) else {
            continue;
        };
        if ext != "mdx" && ext != "md" {
            continue;
        }
        let Ok(rel) = path
            .with_extension("")
            .strip_prefix(root)
            .map(Path::to_path_buf)
        else {
            continue;
        };
        let id: Vec<String> = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        if id
            .first()
            .is_some_and(|c| c == "snippets" || c == "node_modules")
        {
            continue;
        }
        pages.insert(id.join("/"));
    }
    pages
}

/// How diagnostics are printed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// rustc-style text on stderr, coloured on a terminal unless `NO_COLOR` is set.
    Human,
    /// One JSON object per diagnostic per line on stdout.
    Json,
    /// One GitHub Actions annotation per diagnostic per line on stdout
    /// (`::error file=…,line=…,col=…,title=RULE::message`).
    Github,
}

/// Prints diagnostics (sorted by file and position) in `format`, for the site at `root`; true
/// if any is an error.
fn report(root: &Path, sources: &Sources, diags: &mut [Diagnostic], format: Format) -> bool {
    diag::sort(diags);
    let errors = diags
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let warnings = diags.len() - errors;
    if format == Format::Json {
        let mut out = std::io::stdout().lock();
        for d in diags.iter() {
            let _ = writeln!(out, "{}", json(sources, d));
        }
        return errors > 0;
    }
    if format == Format::Github {
        let root = root.to_string_lossy();
        let mut out = std::io::stdout().lock();
        for d in diags.iter() {
            let _ = writeln!(out, "{}", d.github(sources, &root));
        }
        return errors > 0;
    }
    let mut err = std::io::stderr().lock();
    let colour = std::io::stderr().is_terminal()
        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    for d in diags.iter() {
        let _ = writeln!(err, "{}", d.render_styled(sources, colour));
    }
    if errors > 0 {
        let _ = writeln!(
            err,
            "error: {errors} error(s), {warnings} warning(s); nothing was written"
        );
    } else if warnings > 0 {
        let _ = writeln!(err, "warning: {warnings} warning(s)");
    }
    errors > 0
}

/// One diagnostic as a JSON object on one line.
fn json(sources: &Sources, d: &Diagnostic) -> String {
    let (file, line, column) = match d.span {
        Some(span) => {
            let (line, column) = sources.line_col(span);
            (
                Some(sources.file(span.file).path.clone()),
                Some(line),
                Some(column),
            )
        }
        None => (None, None, None),
    };
    serde_json::json!({
        "rule": d.rule,
        "severity": match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        },
        "file": file,
        "line": line,
        "column": column,
        "message": d.message,
        "help": d.help,
    })
    .to_string()
}

/// Reads and loads the spec under `root/personas`: the files, the spec when it has no error,
/// and every load diagnostic.
fn load(root: &Path) -> Result<(Sources, Option<Spec>, Vec<Diagnostic>), String> {
    let (
        sources,
        Partial {
            spec, mut diags, ..
        },
    ) = load_partial(root)?;
    if let Some(spec) = &spec {
        personamap_spec::lints::apply(spec, &mut diags);
    }
    Ok((sources, spec.filter(|_| !diag::has_errors(&diags)), diags))
}

/// Reads and loads the spec under `root/personas` as far as it loads.
fn load_partial(root: &Path) -> Result<(Sources, Partial), String> {
    let (sources, skipped) = personamap_spec::read_spec_dir_warn(root).map_err(|e| {
        format!(
            "cannot read the spec in {}: {e}",
            root.join(personamap_spec::SPEC_DIR).display()
        )
    })?;
    if sources.is_empty() {
        return Err(format!(
            "no *.toml spec files under {}",
            root.join(personamap_spec::SPEC_DIR).display()
        ));
    }
    let mut partial = personamap_spec::load_partial(sources.clone());
    partial.diags.extend(skipped);
    Ok((sources, partial))
}

/// The compile-time checks over a spec that loaded with errors
/// ([`personamap_check::partial`]), with the site files they read, so that one run reports
/// everything; nothing is written.
fn partial_checks(
    root: &Path,
    spec: &Spec,
    failed: &Failed,
    reported: &[Diagnostic],
    all: bool,
) -> Result<Vec<Diagnostic>, String> {
    let mut site = site_files(root)?;
    let mut diags = nav_checks(root, spec, &mut site, all);
    read_snippets(root, spec, &mut site)?;
    site.headings_on_disk = anchored_headings(root, spec);
    diags.extend(personamap_check::partial(spec, &site, failed, reported));
    Ok(diags)
}

/// Lists the pages on disk into `site` as [`pages_for_links`] does and, when it did, warns
/// about every docs.json navigation entry that names no page (`nav-no-page`).
fn nav_checks(root: &Path, spec: &Spec, site: &mut SiteInputs, all: bool) -> Vec<Diagnostic> {
    if pages_for_links(root, spec, site, all)
        && let Some(docs) = site.docs_json.as_deref()
        && let Ok(docs) = personamap_render::docs_json::DocsJson::parse(docs)
    {
        return personamap_render::links::nav_without_page(&docs, spec, &site.pages_on_disk);
    }
    Vec::new()
}

/// The site inputs a compile of `spec` reads, as `generate` reads them: the site files, the
/// pages on disk when a link needs them, the hand-written snippets and the headings that links
/// point into (`preview` compiles with it too).
pub(crate) fn site_for(root: &Path, spec: &Spec) -> Result<SiteInputs, String> {
    let mut site = site_files(root)?;
    pages_for_links(root, spec, &mut site, false);
    read_snippets(root, spec, &mut site)?;
    site.headings_on_disk = anchored_headings(root, spec);
    Ok(site)
}

/// A compile that passed every check: the outputs and the writer's plan for them.
struct Compiled {
    outputs: Outputs,
    plan: Plan,
}

/// Which outputs the output checks ([`personamap_check::validate`]) read.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Validate {
    /// Every output (`check`, `generate --check`).
    All,
    /// The outputs the plan writes: a file already on disk with the same bytes was checked
    /// when it was written (`generate`).
    Written,
}

/// Loads and compiles in memory, works out the writer's plan (which refuses files personamap
/// does not own), validates the outputs `validate` selects, and reports every diagnostic of
/// all four steps at once. `None` on errors.
fn compile(root: &Path, format: Format, validate: Validate) -> Result<Option<Compiled>, String> {
    let (
        sources,
        Partial {
            spec,
            mut diags,
            failed,
        },
    ) = load_partial(root)?;
    let mut result = None;
    if let Some(spec) = &spec
        && diag::has_errors(&diags)
    {
        let more = partial_checks(root, spec, &failed, &diags, validate == Validate::All)?;
        diags.extend(more);
    } else if let Some(spec) = &spec {
        let mut site = site_files(root)?;
        // Nav entries are checked wherever the pages on disk are listed: always by `check`.
        diags.extend(nav_checks(root, spec, &mut site, validate == Validate::All));
        read_snippets(root, spec, &mut site)?;
        site.headings_on_disk = anchored_headings(root, spec);
        if site.llms_txt.is_none()
            && spec.site.llms_txt == LlmsTxt::Merge
            && format == Format::Human
        {
            eprintln!(
                "note: the site has no root {LLMS_TXT}, so personamap creates none: Mintlify then serves its own index of every page (a {LLMS_TXT} listing only personamap's pages would hide the others); set `[site] llms_txt = \"create\"` to have one made"
            );
        }
        match Compiler::new().compile(spec, &site) {
            Ok(outputs) => {
                let writer = Writer::new(root).map_err(|e| format!("{}: {e}", root.display()))?;
                match writer.plan_with(&FileOut::all(&outputs.files), &outputs.inserted) {
                    Ok(plan) => {
                        diags.extend(personamap_check::validate_some(spec, &outputs.files, |o| {
                            validate == Validate::All || plan.iter().any(|c| c.path == o.path)
                        }));
                        diags.extend(
                            plan.warnings
                                .iter()
                                .map(|w| Diagnostic::warning("lock", None, w.clone())),
                        );
                        result = Some(Compiled { outputs, plan });
                    }
                    Err(errors) => {
                        diags.extend(personamap_check::validate(spec, &outputs));
                        diags.extend(errors.iter().map(|e| write_diag(spec, e)));
                    }
                }
            }
            Err(more) => {
                // The outputs are not validated, but the spec's Mermaid readings are, in this
                // same round.
                diags.extend(more);
                diags.extend(personamap_check::misreads(spec));
            }
        }
    }
    if let Some(spec) = &spec {
        personamap_spec::lints::apply(spec, &mut diags);
    }
    let failed = report(root, &sources, &mut diags, format);
    Ok(if failed { None } else { result })
}

/// A file the writer refuses, as a diagnostic at the spec table that produces it, with the
/// way out.
fn write_diag(spec: &Spec, e: &WriteError) -> Diagnostic {
    let path = e.path();
    let page = spec.pages.iter().find(|p| path == format!("{}.mdx", p.id));
    let span = match page {
        Some(p) => Some(p.span),
        None if path == spec.divider.path => spec.divider.span,
        None if spec.site.data_snippet.as_deref() == Some(path) => spec.site.data_snippet_span,
        None => None,
    };
    let (rule, help) = match (e, page) {
        (WriteError::NotGenerated(path), Some(_)) => (
            "not-generated",
            Some(format!(
                "a hand-written page is at `{path}`: hand it over with `personamap import {path} --base-url {} --adopt` (it writes a new spec, so move the spec files holding this page away first), or move the page away, or choose another page id",
                spec.site.base_url
            )),
        ),
        (WriteError::NotGenerated(path), None) => (
            "not-generated",
            Some(format!(
                "a hand-written file is at `{path}`: move it away, choose another path, or, for the divider, use it as it is with `generate = false` and `export = \"Name\"` in `[divider]`"
            )),
        ),
        (WriteError::OutsideRoot(_), _) => (
            "outside-root",
            Some("keep every output path inside the site root".to_string()),
        ),
        (WriteError::Edited { .. }, _) => ("edited", None),
        (WriteError::Unverified { .. }, _) => ("unverified", None),
        (WriteError::NotRegular(_), _) => ("not-regular", None),
        (WriteError::CaseTwin { .. }, _) => ("path-collision", None),
        (WriteError::Lock { .. }, _) => ("lock", None),
        (WriteError::Busy { .. }, _) => ("busy", None),
        (WriteError::Io(..), _) => ("write-io", Some("check the file's permissions".to_string())),
    };
    let d = Diagnostic::error(rule, span, e.to_string());
    match help {
        Some(help) => d.with_help(help),
        None => d,
    }
}

/// `personamap check`: everything `generate` checks, writing nothing.
pub fn check(root: &Path, format: Format) -> Result<ExitCode, String> {
    match compile(root, format, Validate::All)? {
        Some(Compiled { outputs, .. }) => {
            if format == Format::Human {
                eprintln!(
                    "personamap: the spec and its {} outputs are valid",
                    outputs.files.len()
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        None => Ok(ExitCode::FAILURE),
    }
}

/// `personamap generate [--check]`.
pub fn generate(root: &Path, check: bool, format: Format) -> Result<ExitCode, String> {
    let start = Instant::now();
    let writer = Writer::new(root).map_err(|e| format!("{}: {e}", root.display()))?;
    // Held until the end: another run on this root waits, then says who holds it. (Without
    // `personas/` there is no spec: loading reports that, and nothing is created.)
    let _run = if check || !root.join(personamap_spec::SPEC_DIR).is_dir() {
        None
    } else {
        let wait = std::time::Duration::from_millis(personamap_write::run_lock::wait_ms());
        Some(writer.acquire(wait).map_err(|e| e.to_string())?)
    };
    let validate = if check {
        Validate::All
    } else {
        Validate::Written
    };
    let Some(Compiled { outputs, plan }) = compile(root, format, validate)? else {
        return Ok(ExitCode::FAILURE);
    };
    let files = FileOut::all(&outputs.files);
    let verb = |a: &Action| match a {
        Action::Create(_) => "create",
        Action::Update(_) => "update",
        Action::Delete => "delete",
    };
    if check {
        if plan.is_empty() {
            println!("personamap: {} outputs up to date", files.len());
            return Ok(ExitCode::SUCCESS);
        }
        for c in &plan {
            println!("would {} {}", verb(&c.action), c.path);
            if format == Format::Github {
                let file = diag::in_root(&root.to_string_lossy(), &c.path);
                let message = format!(
                    "out of date: run `personamap generate` ({} it)",
                    verb(&c.action)
                );
                let place = Some((file.as_str(), 0, 0));
                println!(
                    "{}",
                    diag::annotation(Severity::Error, place, "out-of-date", &message)
                );
            }
        }
        println!(
            "personamap: {} file(s) out of date; run `personamap generate`",
            plan.len()
        );
        return Ok(ExitCode::FAILURE);
    }
    if let Err(e) = writer.apply(&plan) {
        eprintln!("error[write]: {e}");
        return Ok(ExitCode::FAILURE);
    }
    for c in &plan {
        println!("{} {}", verb(&c.action), c.path);
    }
    let rewritten = files
        .iter()
        .filter(|f| plan.iter().any(|c| c.path == f.path))
        .count();
    println!(
        "personamap: {} written, {} unchanged ({} ms)",
        plan.len(),
        files.len() - rewritten,
        start.elapsed().as_millis()
    );
    Ok(ExitCode::SUCCESS)
}

/// `personamap estimate`: one JSON line per map of every page, in page order: the page id,
/// the map's position on the page (from 1), the persona, the direction it is drawn in and its
/// estimated natural width in px.
pub fn estimate(root: &Path) -> Result<ExitCode, String> {
    let (sources, spec, mut diags) = load(root)?;
    let failed = report(root, &sources, &mut diags, Format::Human);
    let Some(spec) = spec.filter(|_| !failed) else {
        return Ok(ExitCode::FAILURE);
    };
    let mut out = String::new();
    for page in &spec.pages {
        let linked = page.links != personamap_spec::Links::None;
        let personas = page.personas.iter().filter_map(|n| spec.persona(*n));
        for (i, p) in personas.enumerate() {
            let line = serde_json::json!({
                "page": page.id,
                "block": i + 1,
                "persona": p.number,
                "direction": personamap_spec::maps::direction(&page.maps, linked, p).as_str(),
                "width": personamap_spec::maps::estimate_width(&page.maps, linked, p).round(),
            });
            out.push_str(&line.to_string());
            out.push('\n');
        }
    }
    std::io::stdout()
        .lock()
        .write_all(out.as_bytes())
        .map_err(|e| e.to_string())?;
    Ok(ExitCode::SUCCESS)
}

/// `personamap export PAGE_ID`.
pub fn export(root: &Path, id: &str) -> Result<ExitCode, String> {
    // `/concepts/personas`, as the page's URL path, names the page too.
    let id = id.strip_prefix('/').unwrap_or(id);
    let (sources, spec, mut diags) = load(root)?;
    let failed = report(root, &sources, &mut diags, Format::Human);
    let Some(spec) = spec.filter(|_| !failed) else {
        return Ok(ExitCode::FAILURE);
    };
    // The export checks no links: the pages on disk are not listed.
    let mut site = site_files(root)?;
    read_snippets(root, &spec, &mut site)?;
    match Compiler::new().export(&spec, &site, id) {
        Ok(text) => {
            let mut out = std::io::stdout().lock();
            out.write_all(text.as_bytes()).map_err(|e| e.to_string())?;
            Ok(ExitCode::SUCCESS)
        }
        Err(mut diags) => {
            personamap_spec::lints::apply(&spec, &mut diags);
            report(root, &spec.sources, &mut diags, Format::Human);
            Ok(ExitCode::FAILURE)
        }
    }
}

/// `personamap model`: prints the resolved spec as JSON (see `personamap_render::model_json`).
pub fn model(root: &Path) -> Result<ExitCode, String> {
    let (sources, spec, mut diags) = load(root)?;
    let failed = report(root, &sources, &mut diags, Format::Human);
    let Some(spec) = spec.filter(|_| !failed) else {
        return Ok(ExitCode::FAILURE);
    };
    let json = serde_json::to_string_pretty(&personamap_render::model_json::model(&spec))
        .map_err(|e| e.to_string())?;
    let mut out = std::io::stdout().lock();
    writeln!(out, "{json}").map_err(|e| e.to_string())?;
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_walk_honours_mintignore_and_mintlifys_defaults() {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path();
        for file in [
            "a.mdx",
            "guide/b.md",
            "guide/keep.md",
            "drafts/c.mdx",
            "v2/x-archived/d.mdx",
            "README.md",
            "CHANGELOG.md",
            "node_modules/pkg/e.mdx",
            "snippets/f.mdx",
            "docs/README.md",
        ] {
            let path = root.join(file);
            std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
            std::fs::write(path, "---\ntitle: x\n---\n").expect("write");
        }
        let expected = ["a", "drafts/c", "guide/b", "guide/keep", "v2/x-archived/d"];
        let found: Vec<String> = pages_on_disk(root).into_iter().collect();
        assert_eq!(found, expected);
        std::fs::write(
            root.join(".mintignore"),
            "# drafts\ndrafts/\n/v2/**/x-archived/**\n**/*.md\n!/guide/keep.md\n",
        )
        .expect("write");
        let found: Vec<String> = pages_on_disk(root).into_iter().collect();
        assert_eq!(found, ["a", "guide/keep"]);
    }
}
