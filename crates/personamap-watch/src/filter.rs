//! Which event paths are inputs: spec files under `personas/`, docs.json and llms.txt; never editor
//! temp and backup files, the writer's own temp files, or paths `.gitignore`/`.ignore` exclude.

use ignore::gitignore::{Gitignore, GitignoreBuilder};
use personamap_render::{DOCS_JSON, LLMS_TXT};
use personamap_spec::SPEC_DIR;
use std::path::{Component, Path};

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

    /// Whether `rel` (relative to the root) is an input: docs.json, llms.txt, or a path under
    /// `personas/` (a spec file, or a folder that may hold some) that is neither scratch nor
    /// ignored.
    pub fn is_input(&self, rel: &Path) -> bool {
        let parts: Option<Vec<&str>> = rel
            .components()
            .map(|c| match c {
                Component::Normal(s) => s.to_str(),
                _ => None,
            })
            .collect();
        let Some(parts) = parts else {
            return false;
        };
        let Some(name) = parts.last() else {
            return false;
        };
        if is_scratch(name) || parts.iter().any(|p| p.starts_with('.')) {
            return false;
        }
        match parts.as_slice() {
            [f] => *f == DOCS_JSON || *f == LLMS_TXT,
            [dir, _, ..] if *dir == SPEC_DIR => !self
                .ignore
                .matched_path_or_any_parents(rel, !name.ends_with(".toml"))
                .is_ignore(),
            _ => false,
        }
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
        let c = |p: &str| f.is_input(Path::new(p));
        for input in [
            "docs.json",
            "llms.txt",
            "personas/p1.toml",
            "personas/new/p9.toml",
            "personas/new",
        ] {
            assert!(c(input), "{input}");
        }
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
            assert!(!c(noise), "{noise}");
        }
    }
}
