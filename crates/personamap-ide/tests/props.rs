//! Random offsets over every spec file of the repository and its fixtures, whole, with a
//! snippet typed in, and cut short (buffers being typed): no panic, and every range returned
//! lies within its file, on character boundaries.

mod common;

use common::{analysis, nav_pages, repo, spec_files};
use personamap_ide::Analysis;
use proptest::prelude::*;
use std::ops::Range;

/// Every site of the repository: its own spec, then each fixture's.
fn sites() -> Vec<Vec<(String, String)>> {
    let mut roots = vec![repo()];
    let mut fixtures: Vec<_> = std::fs::read_dir(repo().join("tests/fixtures"))
        .expect("fixtures")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("personas").is_dir())
        .collect();
    fixtures.sort();
    roots.extend(fixtures);
    roots.iter().map(|r| spec_files(r)).collect()
}

fn ok(files: &[(String, String)], file: &str, r: &Range<usize>) -> Result<(), TestCaseError> {
    let text = &files
        .iter()
        .find(|(p, _)| p == file)
        .ok_or_else(|| TestCaseError::fail(format!("unknown file {file}")))?
        .1;
    prop_assert!(r.start <= r.end && r.end <= text.len(), "{file}: {r:?}");
    prop_assert!(
        text.is_char_boundary(r.start) && text.is_char_boundary(r.end),
        "{file}: {r:?}"
    );
    Ok(())
}

/// Every request at `offset` of `file`, every range checked.
fn every_request(
    a: &Analysis,
    files: &[(String, String)],
    file: &str,
    offset: usize,
) -> Result<(), TestCaseError> {
    if let Some(h) = a.hover(file, offset) {
        ok(files, file, &h.range)?;
    }
    for l in a
        .definition(file, offset)
        .iter()
        .chain(&a.references(file, offset, true))
    {
        ok(files, &l.file, &l.range)?;
    }
    if let Ok(l) = a.prepare_rename(file, offset) {
        ok(files, &l.file, &l.range)?;
        for name in ["Renamed", "9", "x/y"] {
            for fe in a.rename(file, offset, name).unwrap_or_default() {
                for w in fe.edits.windows(2) {
                    prop_assert!(w[0].range.end <= w[1].range.start);
                }
                for e in &fe.edits {
                    ok(files, &fe.file, &e.range)?;
                }
            }
        }
    }
    for c in a.completions(file, offset) {
        ok(files, file, &c.replace)?;
        prop_assert!(c.replace.start <= offset && offset <= c.replace.end);
    }
    Ok(())
}

/// Symbols and tokens of `file`, every range checked.
fn whole_file(a: &Analysis, files: &[(String, String)], file: &str) -> Result<(), TestCaseError> {
    fn symbols(
        files: &[(String, String)],
        file: &str,
        s: &[personamap_ide::DocSymbol],
    ) -> Result<(), TestCaseError> {
        for s in s {
            ok(files, file, &s.range)?;
            ok(files, file, &s.selection)?;
            symbols(files, file, &s.children)?;
        }
        Ok(())
    }
    symbols(files, file, &a.document_symbols(file))?;
    let tokens = a.semantic_tokens(file);
    let text = &files.iter().find(|(p, _)| p == file).expect("file").1;
    for t in &tokens {
        ok(files, file, &t.range)?;
        prop_assert!(!text[t.range.clone()].contains('\n'), "{file}: {t:?}");
    }
    for w in tokens.windows(2) {
        prop_assert!(w[0].range.end <= w[1].range.start, "{file}: {w:?}");
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn random_offsets_never_panic_and_stay_in_the_file(
        site in any::<prop::sample::Index>(),
        file in any::<prop::sample::Index>(),
        offsets in prop::collection::vec(any::<prop::sample::Index>(), 16),
        cut in any::<prop::sample::Index>(),
        typed in prop::sample::select(vec!["[", "]]", "'''", "\"", "{ id = ", "=", "é", "\n", " --> ", "|", "&", "#"]),
    ) {
        let sites = sites();
        let mut files = sites[site.index(sites.len())].clone();
        let which = file.index(files.len());
        let path = files[which].0.clone();
        for step in ["whole", "typed", "cut short"] {
            let text = &files[which].1;
            let mut at = cut.index(text.len() + 1);
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            match step {
                "typed" => files[which].1.insert_str(at, typed),
                "cut short" => files[which].1.truncate(at),
                _ => {}
            }
            let a = analysis(&files, nav_pages(&repo()));
            let len = files[which].1.len();
            whole_file(&a, &files, &path)?;
            for o in &offsets {
                every_request(&a, &files, &path, o.index(len + 1))?;
            }
        }
    }
}
