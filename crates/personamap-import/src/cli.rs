//! The IO edge of `personamap import`, `init` and `new persona`: read the site files, call the
//! pure core, write the spec files (never over an existing file), report.

use crate::{ImportInput, Scaffold, SpecFile, divider_import, import, scaffold};
use personamap_render::docs_json::DocsJson;
use personamap_render::{DOCS_JSON, LLMS_TXT};
use std::io::Write as _;
use std::path::{Component, Path, PathBuf};

/// `personamap import PAGE [--root DIR] [--out DIR] [--base-url URL] [--adopt]`: into the
/// site's spec when `personas/` holds one, else a new spec (which needs `base_url`). With
/// `adopt`, the page is also recorded as personamap's, once its Markdown export is shown to
/// equal the export of the page the spec compiles to.
pub fn run_import(
    root: &Path,
    page: &Path,
    out: &str,
    base_url: Option<&str>,
    adopt: bool,
) -> Result<(), String> {
    let root = root
        .canonicalize()
        .map_err(|e| format!("{}: {e}", root.display()))?;
    let (page_path, page_id) = locate_page(&root, page)?;
    check_spec_dir(out)?;
    let text = read(&page_path)?;
    let shown = format!("{page_id}.{}", extension(&page_path));
    let at = |e: crate::ImportError| match e.line {
        Some(line) => format!("{shown}:{line}: {}\nnothing was written", e.message),
        None => format!("{shown}: {}\nnothing was written", e.message),
    };
    let snippet_path = divider_import(&text).map_err(at)?;
    let snippet = read(&root.join(&snippet_path))?;
    let docs_text = read(&root.join(DOCS_JSON))?;
    let docs = DocsJson::parse(&docs_text).map_err(|e| e.located(&docs_text))?;
    let (navigation, listed) = match docs.group_path_of(&page_id) {
        Some(path) => (path, true),
        None => (
            docs.first_group_path().ok_or_else(|| {
                format!("{DOCS_JSON} does not list {page_id} and has no group to put it in")
            })?,
            false,
        ),
    };
    let llms = std::fs::read_to_string(root.join(LLMS_TXT)).ok();
    let llms_section = llms.as_deref().and_then(|t| llms_section(t, &navigation));
    let existing = existing_spec(&root)?;
    let base_url = match (&existing, base_url) {
        (Some(spec), _) => spec.site.base_url.clone(),
        (None, Some(url)) => url.to_string(),
        (None, None) => {
            return Err(format!(
                "{shown}: --base-url is needed: {}/ holds no spec whose [site] would give it\nnothing was written",
                personamap_spec::SPEC_DIR
            ));
        }
    };
    let base_url = base_url.as_str();
    let imported = import(&ImportInput {
        page_id: &page_id,
        page: &text,
        snippet: &snippet,
        navigation: &navigation,
        base_url,
        spec_dir: out,
        llms_section: llms_section.as_deref(),
        existing: existing.as_ref(),
    })
    .map_err(at)?;
    let page_rel = format!("{page_id}.{}", extension(&page_path));
    if adopt && let Some(line) = imported.export_differs_at {
        let excerpt = imported.export_diff.as_deref().unwrap_or_default();
        return Err(format!(
            "{shown}: cannot adopt the page: the Markdown export of the page the spec compiles to differs from {shown}'s (at line {line} of the export); in the page source (`-` {shown}, `+` the spec's page):\n--- {shown}\n+++ {shown} (from the spec)\n{excerpt}(run without --adopt to see the spec)\nnothing was written"
        ));
    }
    write_new(&root, &imported.files)?;
    for f in &imported.edits {
        std::fs::write(root.join(&f.path), &f.text).map_err(|e| format!("{}: {e}", f.path))?;
        println!(
            "update {} (its pages keep their personas: `personas = [...]`)",
            f.path
        );
    }
    if adopt {
        personamap_write::adopt(&root, &page_rel, text.as_bytes())
            .map_err(|e| format!("{e}\nthe spec files were written; the page was not adopted"))?;
    }
    let mut err = std::io::stderr().lock();
    if !listed {
        let _ = writeln!(
            err,
            "warning: {DOCS_JSON} does not list {page_id}; its navigation is set to the first group, `{}`: edit `navigation` in {}",
            navigation.join(" › "),
            imported
                .files
                .first()
                .map_or("the page's spec file", |f| f.path.as_str())
        );
    }
    match (imported.page_differs_at, adopt) {
        (Some(_), true) => {
            let _ = writeln!(
                err,
                "note: adopted {shown}: its Markdown export equals the spec's; `personamap generate` rewrites it in personamap's form"
            );
        }
        (Some(line), false) if existing.is_some() => {
            let _ = writeln!(
                err,
                "note: the spec compiles to a page that first differs from {shown} at line {line} (personamap's own formatting, or the spec's divider, palette class names and meanings, which the page now uses); `personamap generate` does not overwrite a page it did not write: move {shown} away, or run `personamap import {shown} --adopt` to hand it over when only the formatting differs"
            );
        }
        (Some(line), false) => {
            let _ = writeln!(
                err,
                "note: the spec compiles to a page that first differs from {shown} at line {line} (personamap's own formatting); `personamap generate` does not overwrite a page it did not write: run `personamap import {shown} --base-url {base_url} --adopt` on a fresh spec to hand the page over, or move {shown} away"
            );
        }
        (None, _) => {}
    }
    if imported.snippet_differs {
        let _ = writeln!(
            err,
            "note: the divider snippet personamap writes differs from {snippet_path}; move it away before generating"
        );
    }
    println!(
        "personamap: imported {page_id} into {} spec file(s); next, run `personamap generate`",
        imported.files.len()
    );
    Ok(())
}

/// The llms.txt section for a page in navigation group `navigation` when the file is laid
/// out by navigation (`## Tab` then `### Group / Subgroup`, as Livepeer's is): the first
/// navigation name the file has a `## ` heading for, then the rest joined by ` / `.
fn llms_section(llms: &str, navigation: &[String]) -> Option<Vec<String>> {
    let k = navigation.iter().position(|n| {
        llms.lines()
            .any(|l| l.strip_prefix("## ").map(str::trim) == Some(n))
    })?;
    let rest = &navigation[k + 1..];
    let mut section = vec![navigation[k].clone()];
    if !rest.is_empty() {
        section.push(rest.join(" / "));
    }
    Some(section)
}

/// `personamap init [--root DIR] --base-url URL`.
pub fn run_init(root: &Path, base_url: &str, nav: Option<&str>) -> Result<(), String> {
    let docs_text = read(&root.join(DOCS_JSON)).map_err(|e| {
        format!(
            "{e}\ninit needs the site's docs.json (run it in a Mintlify site root, or pass --root)"
        )
    })?;
    let docs = DocsJson::parse(&docs_text).map_err(|e| e.located(&docs_text))?;
    let navigation = match nav {
        Some(nav) => crate::scaffold::choose_group(&docs.group_paths(), nav)
            .map_err(|e| format!("{DOCS_JSON}: {e}"))?,
        None => docs.first_group_path().ok_or_else(|| {
            format!(
                "{DOCS_JSON} has no navigation group with a `pages` list to put the new page in"
            )
        })?,
    };
    let listed = docs.pages();
    let page_id = ["personas".to_string(), "persona-maps".to_string()]
        .into_iter()
        .chain((2..100).map(|n| format!("persona-maps-{n}")))
        .find(|id| {
            !listed.contains(id)
                && !root.join(format!("{id}.mdx")).exists()
                && !root.join(format!("{id}.md")).exists()
        })
        .ok_or("every candidate page id (personas, persona-maps, …) is taken")?;
    let divider_path = std::iter::once("snippets/personamap/Divider.jsx".to_string())
        .chain((2..100).map(|n| format!("snippets/personamap/Divider{n}.jsx")))
        .find(|p| !root.join(p).exists())
        .ok_or("every candidate divider snippet path is taken")?;
    let files = scaffold(&Scaffold {
        navigation: &navigation,
        page_id: &page_id,
        divider_path: &divider_path,
        base_url,
    });
    write_new(root, &files)?;
    write_schema(root)?;
    println!(
        "personamap: new spec for page {page_id} in group `{}`; edit it, then run `personamap generate`",
        navigation.join(" › ")
    );
    Ok(())
}

/// Writes the JSON Schema the spec files' `#:schema` line names (`personamap.schema.json` at
/// the root, as `generate` keeps it), unless a file is there: the same bytes are left alone, a
/// different file is never overwritten (a note says so).
fn write_schema(root: &Path) -> Result<(), String> {
    let rel = personamap_spec::SCHEMA_FILE;
    let path = root.join(rel);
    let schema = personamap_spec::json_schema();
    match std::fs::read(&path) {
        Ok(old) if old == schema.as_bytes() => Ok(()),
        Ok(_) => {
            eprintln!(
                "note: {rel} exists and is not personamap's schema; it is left as it is (remove it and run `personamap generate` to have it written)"
            );
            Ok(())
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let mut file = std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&path)
                .map_err(|e| format!("{rel}: {e}"))?;
            file.write_all(schema.as_bytes())
                .map_err(|e| format!("{rel}: {e}"))?;
            println!("create {rel}");
            Ok(())
        }
        Err(e) => Err(format!("{rel}: {e}")),
    }
}

/// `personamap new persona ID --page PAGE [--root DIR]`: writes `personas/pN-ID.toml` with the
/// next persona number and an example node and edge, and adds N to the page's
/// `personas = [...]` list when it has one (keeping the file's comments).
pub fn run_new_persona(root: &Path, id: &str, page: &str) -> Result<(), String> {
    if !crate::new::valid_id(id) {
        return Err(format!(
            "persona id `{id}` must be ASCII letters, digits and `-` (it names the file), e.g. `ai-builder`"
        ));
    }
    let dir = personamap_spec::SPEC_DIR;
    let sources = personamap_spec::read_spec_dir(root)
        .map_err(|e| format!("cannot read the spec in {}: {e}", root.join(dir).display()))?;
    let (spec, diags) = personamap_spec::load(sources);
    let Some(spec) = spec else {
        let errors = diags
            .iter()
            .filter(|d| d.severity == personamap_spec::Severity::Error)
            .count();
        return Err(format!(
            "the spec has {errors} error(s); run `personamap check` and fix them first. Nothing was written"
        ));
    };
    let page = page.strip_prefix('/').unwrap_or(page);
    let Some(target) = spec.page(page) else {
        let ids = spec.pages.iter().map(|p| p.id.as_str());
        let hint = match personamap_spec::diag::suggest(page, ids) {
            Some(s) => format!("; did you mean `{s}`?"),
            None => String::new(),
        };
        return Err(format!(
            "the spec has no page `{page}`{hint}. Nothing was written"
        ));
    };
    let number = spec.personas.iter().map(|p| p.number).max().unwrap_or(0) + 1;
    let mut classes = spec.palette.iter().map(|c| c.name.as_str());
    let persona_class = classes
        .next()
        .ok_or("the spec has no palette class for the persona's nodes")?;
    let node_class = classes.next().unwrap_or(persona_class);
    let (name, text) = crate::new::persona_file(&crate::new::NewPersona {
        id,
        number,
        persona_class,
        node_class,
    });
    let path = format!("{dir}/{name}");
    if root.join(&path).exists() {
        return Err(format!(
            "{path} already exists; personamap never overwrites a spec file. Nothing was written"
        ));
    }
    let page_file = spec.sources.file(target.span.file);
    let listed = crate::new::add_to_page(&page_file.text, page, number)
        .map_err(|e| format!("{}: {e}", page_file.path))?;
    write_new(root, &[SpecFile { path, text }])?;
    if let Some(edited) = listed {
        std::fs::write(root.join(&page_file.path), edited)
            .map_err(|e| format!("{}: {e}", page_file.path))?;
        println!(
            "update {} (persona {number} added to page `{page}`)",
            page_file.path
        );
    }
    println!(
        "personamap: persona {number} on page {page}; edit {dir}/{name}, then run `personamap generate`"
    );
    Ok(())
}

/// `personamap fmt [--check] [--root DIR]`: lays out every spec file under `personas/` in the
/// canonical layout ([`crate::layout`]). With `check`, writes nothing. Returns the paths
/// (site-relative) that changed, or would change; an error names a file that is not TOML.
pub fn run_fmt(root: &Path, check: bool) -> Result<Vec<String>, String> {
    let sources = personamap_spec::read_spec_dir(root).map_err(|e| {
        format!(
            "cannot read the spec in {}: {e}",
            root.join(personamap_spec::SPEC_DIR).display()
        )
    })?;
    let mut changed = Vec::new();
    for (_, file) in sources.iter() {
        let formatted = crate::layout::format(&file.text)
            .map_err(|e| format!("{}: {e}\nnothing was formatted", file.path))?;
        if formatted != file.text {
            changed.push((file.path.clone(), formatted));
        }
    }
    for (path, text) in &changed {
        if check {
            println!("would format {path}");
        } else {
            std::fs::write(root.join(path), text).map_err(|e| format!("{path}: {e}"))?;
            println!("format {path}");
        }
    }
    Ok(changed.into_iter().map(|(path, _)| path).collect())
}

/// The page file and its id (path from the root without extension). `page` is tried under
/// the root, then as given.
fn locate_page(root: &Path, page: &Path) -> Result<(PathBuf, String), String> {
    let candidate = [root.join(page), page.to_path_buf()]
        .into_iter()
        .find(|p| p.is_file())
        .ok_or_else(|| format!("{}: no such page", page.display()))?;
    let path = candidate
        .canonicalize()
        .map_err(|e| format!("{}: {e}", page.display()))?;
    let ext = extension(&path);
    if ext != "mdx" && ext != "md" {
        return Err(format!("{}: not an .mdx page", page.display()));
    }
    let rel = path.with_extension("");
    let rel = rel.strip_prefix(root).map_err(|_| {
        format!(
            "{} is not inside the site root {}",
            page.display(),
            root.display()
        )
    })?;
    let id: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    Ok((path, id.join("/")))
}

fn extension(path: &Path) -> String {
    path.extension()
        .map(|e| e.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// `--out` must be `personas` or a folder under it: `generate` reads `personas/**/*.toml`.
fn check_spec_dir(out: &str) -> Result<(), String> {
    let path = Path::new(out);
    let inside = path.components().all(|c| matches!(c, Component::Normal(_)));
    let first = path
        .components()
        .next()
        .map(|c| c.as_os_str().to_os_string());
    if inside && first.as_deref() == Some(std::ffi::OsStr::new(personamap_spec::SPEC_DIR)) {
        Ok(())
    } else {
        Err(format!(
            "--out {out}: the spec must go to `{0}` or a folder under it (generate reads {0}/**/*.toml)",
            personamap_spec::SPEC_DIR
        ))
    }
}

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

/// The site's spec, when `personas/` holds spec files: the page joins it. A spec that does not
/// load is an error (the import would not know what it joins).
fn existing_spec(root: &Path) -> Result<Option<personamap_spec::Spec>, String> {
    let sources = match personamap_spec::read_spec_dir(root) {
        Ok(sources) if !sources.is_empty() => sources,
        _ => return Ok(None),
    };
    let (spec, diags) = personamap_spec::load(sources);
    let errors = diags
        .iter()
        .filter(|d| d.severity == personamap_spec::Severity::Error)
        .count();
    match spec {
        Some(spec) if errors == 0 => Ok(Some(spec)),
        _ => Err(format!(
            "the spec in {}/ has {errors} error(s); the page would join it: run `personamap check` and fix them first. Nothing was written",
            personamap_spec::SPEC_DIR
        )),
    }
}

/// Writes every file, or none when any of them exists already.
fn write_new(root: &Path, files: &[SpecFile]) -> Result<(), String> {
    let taken: Vec<&str> = files
        .iter()
        .filter(|f| root.join(&f.path).exists())
        .map(|f| f.path.as_str())
        .collect();
    if !taken.is_empty() {
        return Err(format!(
            "{} already exist(s); personamap never overwrites a spec file (move it away, or pass --out {}/another-folder). Nothing was written",
            taken.join(", "),
            personamap_spec::SPEC_DIR
        ));
    }
    for f in files {
        let path = root.join(&f.path);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
            .map_err(|e| format!("{}: {e}", f.path))?;
        file.write_all(f.text.as_bytes())
            .map_err(|e| format!("{}: {e}", f.path))?;
        println!("create {}", f.path);
    }
    Ok(())
}
