//! llms.txt: the user's file (or a new one with `llms_txt = "create"`), with an entry for
//! every page merged into its section, next to its docs.json neighbours.

use super::{Emission, Emitter, Ownership};
use crate::docs_json::DocsJson;
use crate::{LLMS_TXT, Output, OutputKind, SiteInputs, llms};
use personamap_spec::{Diagnostic, LlmsTxt, Spec};

/// Merges the pages into llms.txt.
pub struct LlmsTxtEntries;

impl Emitter for LlmsTxtEntries {
    fn kind(&self) -> OutputKind {
        OutputKind::LlmsTxt
    }
    fn ownership(&self) -> Ownership {
        Ownership::Entries
    }
    fn paths(&self, spec: &Spec, site: &SiteInputs) -> Vec<String> {
        if site.llms_txt.is_some() || spec.site.llms_txt == LlmsTxt::Create {
            vec![LLMS_TXT.into()]
        } else {
            Vec::new()
        }
    }
    fn reads(&self, _spec: &Spec) -> Vec<String> {
        vec![LLMS_TXT.into()]
    }
    fn emit(&self, cx: &mut Emission) -> Result<(), Diagnostic> {
        let spec = cx.spec;
        if self.paths(spec, cx.site).is_empty() {
            return Ok(());
        }
        let entries: Vec<llms::Entry> = spec
            .pages
            .iter()
            .map(|p| {
                llms::Entry::new(
                    &p.llms_section,
                    &spec.site.base_url,
                    &p.id,
                    &p.title,
                    &p.description,
                )
            })
            .collect();
        let header = llms::Header {
            name: &cx.name,
            summary: &cx.summary,
        };
        cx.inserted.llms_txt = entries.iter().map(|e| e.line.clone()).collect();
        let llms_in = cx
            .site
            .llms_txt
            .as_deref()
            .map(|t| llms::remove_gone(t, &cx.site.inserted.llms_txt, &entries));
        let after = cx.docs_out.as_deref().and_then(|t| DocsJson::parse(t).ok());
        let neighbours =
            llms::Neighbours::from_docs(after.as_ref().unwrap_or(cx.docs), &spec.site.base_url);
        let contents = llms::merge(llms_in.as_deref(), &entries, &header, &neighbours);
        cx.files.push(Output {
            path: LLMS_TXT.into(),
            contents,
            kind: OutputKind::LlmsTxt,
        });
        Ok(())
    }
}
