//! Which paths are inputs: spec files under `personas/`, docs.json and llms.txt; never editor
//! temp and backup files, the writer's own temp files, or paths `.gitignore`/`.ignore` exclude.

use ignore::gitignore::{Gitignore, GitignoreBuilder};
use personamap_render::{DOCS_JSON, LLMS_TXT};
use personamap_spec::SPEC_DIR;
use std::path::{Component, Path};

/// What a watched path is to the compiler.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Input {
    /// A spec file (`personas/**/*.toml`), by site-relative `/`-separated path.
    Spec(String),
    /// A path under `personas/` that may be a folder (created, moved or removed): the spec
    /// files in or under it are inputs.
    SpecDir(String),
    /// docs.json.
    DocsJson,
    /// llms.txt.
    LlmsTxt,
}

/// Whether a file name is an editor's or the writer's scratch file: backups (`*~`, `*.bak`),
/// swap and lock files (`.*.swp`, `.#*`), vim's write test `4913`, temp files (`*.tmp`,
/// JetBrains' `*___jb_tmp___`/`*___jb_old___`) and the writer's `.*.personamap-tmp`.
pub fn is_scratch(name: &str) -> bool {
    name.ends_with('~')
        || name.starts_with(".#")
        || name == "4913"
        || name.ends_with(".tmp")
        || name.ends_with(".bak")
        || name.ends_with("___jb_tmp___")
        || name.ends_with("___jb_old___")
        || name.ends_with(".personamap-tmp")
        || (name.starts_with('.')
            && [".swp", ".swo", ".swx"]
                .iter()
                .any(|ext| name.ends_with(ext)))
}

/// Classifies paths under one site root.
pub struct Filter {
    ignore: Gitignore,
}

impl Filter {
    /// A filter for the site at `root`, reading `.gitignore` and `.ignore` in the root and in
    /// `personas/`. Unreadable ignore files are skipped.
    pub fn new(root: &Path) -> Self {
        let mut builder = GitignoreBuilder::new(root);
        for dir in [root.to_path_buf(), root.join(SPEC_DIR)] {
            for name in [".gitignore", ".ignore"] {
                let file = dir.join(name);
                if file.is_file() {
                    // A malformed line is skipped; the rest of the file still applies.
                    let _ = builder.add(file);
                }
            }
        }
        Filter {
            ignore: builder.build().unwrap_or_else(|_| Gitignore::empty()),
        }
    }

    /// What `rel` (relative to the root) is, or `None` for a path that is not an input.
    pub fn classify(&self, rel: &Path) -> Option<Input> {
        let parts: Vec<&str> = rel
            .components()
            .map(|c| match c {
                Component::Normal(s) => s.to_str(),
                _ => None,
            })
            .collect::<Option<_>>()?;
        let name = *parts.last()?;
        if is_scratch(name) || parts.iter().any(|p| p.starts_with('.')) {
            return None;
        }
        let joined = parts.join("/");
        match parts.as_slice() {
            [f] if *f == DOCS_JSON => return Some(Input::DocsJson),
            [f] if *f == LLMS_TXT => return Some(Input::LlmsTxt),
            [dir, _, ..] if *dir == SPEC_DIR => {}
            _ => return None,
        }
        let is_toml = name.ends_with(".toml");
        if self
            .ignore
            .matched_path_or_any_parents(rel, !is_toml)
            .is_ignore()
        {
            return None;
        }
        Some(if is_toml {
            Input::Spec(joined)
        } else {
            Input::SpecDir(joined)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_inputs_and_skips_scratch_files() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(
            dir.path().join(".gitignore"),
            "personas/drafts/\n*.local.toml\n",
        )
        .expect("write .gitignore");
        let f = Filter::new(dir.path());
        let c = |p: &str| f.classify(Path::new(p));
        assert_eq!(c("docs.json"), Some(Input::DocsJson));
        assert_eq!(c("llms.txt"), Some(Input::LlmsTxt));
        assert_eq!(
            c("personas/p1.toml"),
            Some(Input::Spec("personas/p1.toml".into()))
        );
        assert_eq!(
            c("personas/new/p9.toml"),
            Some(Input::Spec("personas/new/p9.toml".into()))
        );
        assert_eq!(
            c("personas/new"),
            Some(Input::SpecDir("personas/new".into()))
        );
        for noise in [
            "personas/p1.toml~",
            "personas/.p1.toml.swp",
            "personas/.#p1.toml",
            "personas/4913",
            "personas/p1.toml.tmp",
            "personas/p1.toml___jb_tmp___",
            "personas/.p1.toml.123.personamap-tmp",
            "personas/drafts/p2.toml",
            "personas/x.local.toml",
            "v2/page.mdx",
            "sub/docs.json",
            ".docs.json.1.personamap-tmp",
        ] {
            assert_eq!(c(noise), None, "{noise}");
        }
    }
}
