//! docs.json: the user's file, with an entry for every page merged into its navigation group.
//! Entries earlier runs inserted (the lock's) whose page is gone or moved leave first, so a
//! moved page is not seen as listed twice.

use super::{Emission, Emitter, Ownership};
use crate::docs_json::{DocsJson, NavError};
use crate::{DOCS_JSON, NavEntry, Output, OutputKind, SiteInputs};
use personamap_spec::{Diagnostic, Spec};

/// Merges the pages into docs.json.
pub struct DocsJsonEntries;

impl Emitter for DocsJsonEntries {
    fn kind(&self) -> OutputKind {
        OutputKind::DocsJson
    }
    fn ownership(&self) -> Ownership {
        Ownership::Entries
    }
    fn paths(&self, _spec: &Spec, _site: &SiteInputs) -> Vec<String> {
        vec![DOCS_JSON.into()]
    }
    fn reads(&self, _spec: &Spec) -> Vec<String> {
        vec![DOCS_JSON.into()]
    }
    fn prepare(&self, cx: &mut Emission) {
        let wanted: Vec<NavEntry> = cx
            .spec
            .pages
            .iter()
            .map(|p| NavEntry {
                page: p.id.clone(),
                navigation: p.navigation.clone(),
            })
            .collect();
        for gone in cx
            .site
            .inserted
            .docs_json
            .iter()
            .filter(|e| !wanted.contains(e))
        {
            if let Ok(Some(updated)) =
                on_current(cx, |d| d.without_page(&gone.navigation, &gone.page))
            {
                cx.docs_out = Some(updated);
            }
        }
        for (page, entry) in cx.spec.pages.iter().zip(wanted) {
            let result = on_current(cx, |d| {
                d.with_page(&page.navigation, &page.id, page.after.as_deref())
            });
            match result {
                Ok(Some(updated)) => {
                    cx.docs_out = Some(updated);
                    cx.inserted.docs_json.push(entry);
                }
                // Already in its group: personamap's entry, whoever wrote it (an entry older
                // than the lock, or one listed by hand), so it goes when the page goes.
                Ok(None) => cx.inserted.docs_json.push(entry),
                Err(e) => cx.errors.push(crate::nav_diag(cx.spec, e, Some(page))),
            }
        }
    }
    fn emit(&self, cx: &mut Emission) -> Result<(), Diagnostic> {
        cx.files.push(Output {
            path: DOCS_JSON.into(),
            contents: cx
                .docs_out
                .clone()
                .unwrap_or_else(|| cx.docs_text.to_string()),
            kind: OutputKind::DocsJson,
        });
        Ok(())
    }
}

/// `f` of docs.json as the entries so far have left it: the site's own, parsed once for every
/// emitter, until an entry changed it.
fn on_current<T>(
    cx: &Emission,
    f: impl FnOnce(&DocsJson) -> Result<T, NavError>,
) -> Result<T, NavError> {
    match cx.docs_out.as_deref() {
        Some(text) => DocsJson::parse(text).and_then(|d| f(&d)),
        None => f(cx.docs),
    }
}
