//! `personamap init`: a new site's spec with one example persona, ready to compile.

use crate::SpecFile;
use crate::toml_out::{schema_line, string};

/// What [`scaffold`] needs to know about the site.
#[derive(Clone, Debug)]
pub struct Scaffold<'a> {
    /// Names of the docs.json navigation levels down to the group that will list the page.
    pub navigation: &'a [String],
    /// Id of the new page (not yet taken).
    pub page_id: &'a str,
    /// Where the divider snippet goes (under `snippets/`, `.jsx`, not yet taken).
    pub divider_path: &'a str,
    /// `[site] base_url`.
    pub base_url: &'a str,
}

/// `personas/site.toml` and `personas/p1-example.toml`.
pub fn scaffold(s: &Scaffold) -> Vec<SpecFile> {
    let dir = personamap_spec::SPEC_DIR;
    let schema = schema_line(dir);
    let nav: Vec<String> = s.navigation.iter().map(|n| string(n)).collect();
    let site = format!(
        r##"{schema}# Site, divider, page and colour palette. Edit, then run `personamap generate`.

[site]
base_url = {base_url}

[divider]
path = {divider}
logo = "diagram-project"   # an icon name or an image path, shown at both ends of the rule

[[page]]
id = {id}
title = "Persona maps"
description = "Who our developers are, what each of them touches and the guides they need."
navigation = [{nav}]
legend = "Colour legend"
intro = '''
One map per persona: what they touch (infrastructure) and the docs they read on the way.
'''

[[palette]]
name = "persona"
meaning = "The persona"
fill = "#0b66ff"
stroke = "#0a4cc6"
color = "#fff"

[[palette]]
name = "service"
meaning = "Services and APIs they call"
fill = "#e1f5ee"
stroke = "#0f6e56"
color = "#04342c"

[[palette]]
name = "guide"
meaning = "Documentation pages (dashed)"
fill = "#eeedfe"
stroke = "#3c3489"
color = "#26215c"
dash = "4 2"
"##,
        base_url = string(s.base_url),
        divider = string(s.divider_path),
        id = string(s.page_id),
        nav = nav.join(", "),
    );
    let persona = format!(
        r##"{schema}# Persona 1: an example. Copy this file for each further persona.

[[persona]]
number = 1
name = "Example Persona"
nickname = "ships a first integration"
direction = "LR"
intro = '''
Wants an API key and a working request within ten minutes.
Activation: first successful API call.
'''
edges = '''
P1 --> G_QS --> API
P1 -.reads.-> G_REF
G_REF -.documents.-> API
'''

[[persona.group]]
class = "persona"
nodes = [
  {{ id = "P1", label = ["Persona 1", "Example Persona"] }},
]

[[persona.group]]
class = "service"
nodes = [
  {{ id = "API", label = ["Public API"] }},
]

[[persona.group]]
class = "guide"
nodes = [
  {{ id = "G_QS", label = ["Guide:", "Quickstart"] }},
  {{ id = "G_REF", label = ["Guide:", "API reference"] }},
]
"##
    );
    vec![
        SpecFile {
            path: format!("{dir}/site.toml"),
            text: site,
        },
        SpecFile {
            path: format!("{dir}/p1-example.toml"),
            text: persona,
        },
    ]
}

/// The navigation path of the group `nav` names among `groups` (docs.json's group paths):
/// its level names separated by `/`, the last ones of a path (`Developers/Concepts`) or all
/// of them; the first match wins. Not found: the nearest path and every choice.
pub(crate) fn choose_group(groups: &[Vec<String>], nav: &str) -> Result<Vec<String>, String> {
    let want: Vec<&str> = nav.split('/').map(str::trim).collect();
    if let Some(found) = groups.iter().find(|g| {
        g.len() >= want.len()
            && g[g.len() - want.len()..]
                .iter()
                .zip(&want)
                .all(|(a, b)| a == b)
    }) {
        return Ok(found.clone());
    }
    let shown: Vec<String> = groups.iter().map(|g| g.join("/")).collect();
    let hint = match personamap_spec::diag::suggest(nav, shown.iter().map(String::as_str)) {
        Some(s) => format!("did you mean `{s}`? "),
        None => String::new(),
    };
    Err(format!(
        "no navigation group `{nav}`; {hint}the groups with pages are: {}",
        shown.join(", ")
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_group_is_named_by_its_last_levels_or_all_of_them() {
        let groups = vec![
            vec!["Docs".to_string(), "Start".to_string()],
            vec![
                "Docs".to_string(),
                "Guides".to_string(),
                "Concepts".to_string(),
            ],
        ];
        assert_eq!(
            choose_group(&groups, "Guides/Concepts"),
            Ok(groups[1].clone())
        );
        assert_eq!(choose_group(&groups, "Docs/Start"), Ok(groups[0].clone()));
        assert_eq!(choose_group(&groups, "Concepts"), Ok(groups[1].clone()));
        let err = choose_group(&groups, "Docs/Strat").expect_err("no such group");
        assert!(err.contains("did you mean `Docs/Start`?"), "{err}");
    }

    #[test]
    fn the_scaffold_loads() {
        let nav = vec!["Guides".to_string(), "Concepts".to_string()];
        let files = scaffold(&Scaffold {
            navigation: &nav,
            page_id: "personas",
            divider_path: "snippets/personamap/Divider.jsx",
            base_url: "https://docs.example.com",
        });
        let sources = personamap_spec::Sources::new(
            files
                .iter()
                .map(|f| personamap_spec::SourceFile {
                    path: f.path.clone(),
                    text: f.text.clone(),
                })
                .collect(),
        );
        let (spec, diags) = personamap_spec::load(sources);
        assert!(spec.is_some(), "{diags:?}");
        assert!(!personamap_spec::diag::has_errors(&diags), "{diags:?}");
    }
}
