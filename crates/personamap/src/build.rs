//! The commands' IO edge: read the spec and site files, compile in memory, report, write.

use personamap_render::{Compiler, DOCS_JSON, LLMS_TXT, Outputs, SiteInputs};
use personamap_spec::{Diagnostic, Severity, Sources, Spec, diag};
use personamap_write::{Action, FileOut, Writer};
use std::io::{IsTerminal as _, Write as _};
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

/// Reads an optional site file; a missing file is `None`, any other failure an error.
fn read_optional(root: &Path, rel: &str) -> Result<Option<String>, String> {
    match std::fs::read_to_string(root.join(rel)) {
        Ok(t) => Ok(Some(t)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(format!("{rel}: {e}")),
    }
}

/// Reads the site files the compiler merges into, and lists the pages on disk.
pub(crate) fn site_inputs(root: &Path) -> Result<SiteInputs, String> {
    Ok(SiteInputs {
        docs_json: read_optional(root, DOCS_JSON)?,
        llms_txt: read_optional(root, LLMS_TXT)?,
        pages_on_disk: pages_on_disk(root),
    })
}

/// Page ids of the `.mdx`/`.md` files under `root`, honouring `.gitignore` and skipping
/// `snippets/` (never pages) and hidden folders.
pub(crate) fn pages_on_disk(root: &Path) -> std::collections::BTreeSet<String> {
    let mut pages = std::collections::BTreeSet::new();
    for entry in ignore::WalkBuilder::new(root).build().flatten() {
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
}

/// Prints diagnostics (sorted by file and position) in `format`; true if any is an error.
fn report(sources: &Sources, diags: &mut [Diagnostic], format: Format) -> bool {
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

/// Reads and loads the spec under `root/personas`: the files and every load diagnostic.
fn load(root: &Path) -> Result<(Sources, Option<Spec>, Vec<Diagnostic>), String> {
    let sources = personamap_spec::read_spec_dir(root).map_err(|e| {
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
    let (spec, diags) = personamap_spec::load(sources.clone());
    Ok((sources, spec, diags))
}

/// Loads, compiles and validates the outputs in memory, then reports every diagnostic of all
/// three steps at once. `None` on errors.
fn compile(root: &Path, format: Format) -> Result<Option<(Spec, Outputs)>, String> {
    let (sources, spec, mut diags) = load(root)?;
    let mut result = None;
    if let Some(spec) = spec {
        let site = site_inputs(root)?;
        match Compiler::new().compile(&spec, &site) {
            Ok(outputs) => {
                diags.extend(personamap_check::validate(&spec, &outputs));
                result = Some((spec, outputs));
            }
            Err(more) => diags.extend(more),
        }
    }
    let failed = report(&sources, &mut diags, format);
    Ok(if failed { None } else { result })
}

/// `personamap check`: everything `generate` checks, writing nothing.
pub fn check(root: &Path, format: Format) -> Result<ExitCode, String> {
    match compile(root, format)? {
        Some((_, outputs)) => {
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
    let Some((_, outputs)) = compile(root, format)? else {
        return Ok(ExitCode::FAILURE);
    };
    let writer = Writer::new(root).map_err(|e| format!("{}: {e}", root.display()))?;
    let files: Vec<FileOut> = outputs
        .files
        .iter()
        .map(|o| FileOut {
            path: &o.path,
            contents: &o.contents,
            generated: o.kind.is_generated(),
        })
        .collect();
    let plan = match writer.plan(&files) {
        Ok(plan) => plan,
        Err(errors) => {
            for e in &errors {
                eprintln!("error[write]: {e}");
            }
            eprintln!("error: nothing was written");
            return Ok(ExitCode::FAILURE);
        }
    };
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
        }
        println!(
            "personamap: {} file(s) out of date; run `personamap generate`",
            plan.len()
        );
        return Ok(ExitCode::FAILURE);
    }
    writer.apply(&plan).map_err(|e| e.to_string())?;
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

/// `personamap export PAGE_ID`.
pub fn export(root: &Path, id: &str) -> Result<ExitCode, String> {
    let (sources, spec, mut diags) = load(root)?;
    let failed = report(&sources, &mut diags, Format::Human);
    let Some(spec) = spec.filter(|_| !failed) else {
        return Ok(ExitCode::FAILURE);
    };
    let site = site_inputs(root)?;
    match Compiler::new().export(&spec, &site, id) {
        Ok(text) => {
            let mut out = std::io::stdout().lock();
            out.write_all(text.as_bytes()).map_err(|e| e.to_string())?;
            Ok(ExitCode::SUCCESS)
        }
        Err(mut diags) => {
            report(&spec.sources, &mut diags, Format::Human);
            Ok(ExitCode::FAILURE)
        }
    }
}
