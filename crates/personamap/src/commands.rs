//! The commands: each compiles through the driver ([`personamap_driver`]), then prints and,
//! for `generate`, writes the plan.

use personamap_driver::{Compilation, Driver, Site, Validate};
use personamap_spec::{Diagnostic, Severity, Sources, diag};
use personamap_write::{Action, FileOut, Writer};
use std::io::{IsTerminal as _, Write as _};
use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Instant;

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
    // Buffered: a site with thousands of warnings would otherwise make a system call for
    // every piece of every line (stderr is unbuffered, stdout flushes every line).
    if format == Format::Json {
        let mut out = std::io::BufWriter::new(std::io::stdout().lock());
        for d in diags.iter() {
            let _ = writeln!(out, "{}", json(sources, d));
        }
        let _ = out.flush();
        return errors > 0;
    }
    if format == Format::Github {
        let root = root.to_string_lossy();
        let mut out = std::io::BufWriter::new(std::io::stdout().lock());
        for d in diags.iter() {
            let _ = writeln!(out, "{}", d.github(sources, &root));
        }
        let _ = out.flush();
        return errors > 0;
    }
    let mut err = std::io::BufWriter::new(std::io::stderr().lock());
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
    let _ = err.flush();
    errors > 0
}

/// One diagnostic as a JSON object on one line: its rule, severity, place, message and help,
/// the places it relates to and its fixes (see README's "Diagnostics").
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
    let related: Vec<_> = d
        .related
        .iter()
        .map(|r| {
            let mut place = json_place(sources, r.span);
            place["message"] = r.message.clone().into();
            place
        })
        .collect();
    let fixes: Vec<_> = d
        .fixes
        .iter()
        .map(|f| {
            let edits: Vec<_> = f
                .edits
                .iter()
                .map(|e| {
                    let mut place = json_place(sources, e.span);
                    place["text"] = e.text.clone().into();
                    place
                })
                .collect();
            serde_json::json!({ "title": f.title, "edits": edits })
        })
        .collect();
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
        "related": related,
        "fixes": fixes,
    })
    .to_string()
}

/// A span as JSON: its file, 1-based start and end line and column (characters), and its byte
/// range `[start, end)`.
fn json_place(sources: &Sources, span: personamap_spec::Span) -> serde_json::Value {
    let (line, column) = sources.line_col(span);
    let end = personamap_spec::Span {
        start: span.end,
        ..span
    };
    let (end_line, end_column) = sources.line_col(end);
    serde_json::json!({
        "file": sources.file(span.file).path,
        "line": line,
        "column": column,
        "end_line": end_line,
        "end_column": end_column,
        "start": span.start,
        "end": span.end,
    })
}

/// Compiles the site at `root` through the driver and prints its notes and diagnostics in
/// `format`. `None` on errors.
fn compile(root: &Path, format: Format, validate: Validate) -> Result<Option<Compilation>, String> {
    let site = Site::on_disk(root).unrecorded();
    let mut c = Driver::one_shot().compile(&site, validate)?;
    if format == Format::Human {
        for note in &c.notes {
            eprintln!("note: {note}");
        }
    }
    let mut diagnostics = std::mem::take(&mut c.diagnostics);
    let failed = report(root, c.sources(), &mut diagnostics, format);
    c.diagnostics = diagnostics;
    Ok((!failed).then_some(c))
}

/// Loads the spec at `root` through the driver and prints its diagnostics; `None` on errors.
fn load(root: &Path) -> Result<Option<(Driver, Site, Arc<personamap_driver::Loaded>)>, String> {
    let mut driver = Driver::one_shot();
    let site = Site::on_disk(root).unrecorded();
    let loaded = driver.load(&site)?;
    let mut diags = loaded.diagnostics.clone();
    if report(root, &loaded.sources, &mut diags, Format::Human) || loaded.spec.is_none() {
        return Ok(None);
    }
    Ok(Some((driver, site, loaded)))
}

/// `personamap check`: everything `generate` checks, writing nothing.
pub fn check(root: &Path, format: Format) -> Result<ExitCode, String> {
    match compile(root, format, Validate::All)? {
        Some(Compilation {
            outputs: Some(outputs),
            ..
        }) => {
            if format == Format::Human {
                eprintln!(
                    "personamap: the spec and its {} outputs are valid",
                    outputs.files.len()
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        _ => Ok(ExitCode::FAILURE),
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
    let Some(Compilation {
        outputs: Some(outputs),
        plan: Some(plan),
        ..
    }) = compile(root, format, validate)?
    else {
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
    let Some((_, _, loaded)) = load(root)? else {
        return Ok(ExitCode::FAILURE);
    };
    let Some(spec) = &loaded.spec else {
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
    let Some((driver, site, loaded)) = load(root)? else {
        return Ok(ExitCode::FAILURE);
    };
    let Some(spec) = &loaded.spec else {
        return Ok(ExitCode::FAILURE);
    };
    match driver.export(&site, spec, id)? {
        Ok(text) => {
            let mut out = std::io::stdout().lock();
            out.write_all(text.as_bytes()).map_err(|e| e.to_string())?;
            Ok(ExitCode::SUCCESS)
        }
        Err((sources, mut diags)) => {
            personamap_spec::lints::apply(spec, &mut diags);
            report(root, &sources, &mut diags, Format::Human);
            Ok(ExitCode::FAILURE)
        }
    }
}

/// `personamap model`: prints the resolved spec as JSON (see `personamap_render::model_json`).
pub fn model(root: &Path) -> Result<ExitCode, String> {
    let Some((_, _, loaded)) = load(root)? else {
        return Ok(ExitCode::FAILURE);
    };
    let Some(spec) = &loaded.spec else {
        return Ok(ExitCode::FAILURE);
    };
    let json = serde_json::to_string_pretty(&personamap_render::model_json::model(spec))
        .map_err(|e| e.to_string())?;
    let mut out = std::io::stdout().lock();
    writeln!(out, "{json}").map_err(|e| e.to_string())?;
    Ok(ExitCode::SUCCESS)
}
