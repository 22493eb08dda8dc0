//! The commands' IO edge: read the spec and site files, compile in memory, report, write.

use personamap_render::{Compiler, DOCS_JSON, LLMS_TXT, Outputs, SiteInputs};
use personamap_spec::{Diagnostic, Severity, Sources, Spec, diag};
use personamap_write::{Action, FileOut, Writer};
use std::io::Write as _;
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
fn site_inputs(root: &Path) -> Result<SiteInputs, String> {
    Ok(SiteInputs {
        docs_json: read_optional(root, DOCS_JSON)?,
        llms_txt: read_optional(root, LLMS_TXT)?,
        pages_on_disk: pages_on_disk(root),
    })
}

/// Page ids of the `.mdx`/`.md` files under `root`, honouring `.gitignore` and skipping
/// `snippets/` (never pages) and hidden folders.
fn pages_on_disk(root: &Path) -> std::collections::BTreeSet<String> {
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

/// Prints diagnostics to stderr; true if any is an error.
fn report(sources: &Sources, diags: &[Diagnostic]) -> bool {
    let mut err = std::io::stderr().lock();
    for d in diags {
        let _ = writeln!(err, "{}", d.render(sources));
    }
    let errors = diags
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let warnings = diags.len() - errors;
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

/// Loads the spec under `root/personas`, printing diagnostics. `None` on errors.
fn load(root: &Path) -> Result<Option<Spec>, String> {
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
    let (spec, mut diags) = personamap_spec::load(sources.clone());
    diag::sort(&mut diags);
    let failed = report(&sources, &diags);
    Ok(if failed { None } else { spec })
}

fn compile(root: &Path) -> Result<Option<(Spec, Outputs)>, String> {
    let Some(spec) = load(root)? else {
        return Ok(None);
    };
    let site = site_inputs(root)?;
    match Compiler::new().compile(&spec, &site) {
        Ok(outputs) => Ok(Some((spec, outputs))),
        Err(diags) => {
            report(&spec.sources, &diags);
            Ok(None)
        }
    }
}

/// `personamap generate [--check]`.
pub fn generate(root: &Path, check: bool) -> Result<ExitCode, String> {
    let start = Instant::now();
    let Some((_, outputs)) = compile(root)? else {
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
    let Some(spec) = load(root)? else {
        return Ok(ExitCode::FAILURE);
    };
    let site = site_inputs(root)?;
    match Compiler::new().export(&spec, &site, id) {
        Ok(text) => {
            let mut out = std::io::stdout().lock();
            out.write_all(text.as_bytes()).map_err(|e| e.to_string())?;
            Ok(ExitCode::SUCCESS)
        }
        Err(diags) => {
            report(&spec.sources, &diags);
            Ok(ExitCode::FAILURE)
        }
    }
}
