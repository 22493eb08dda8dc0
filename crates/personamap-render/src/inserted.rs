//! The entries personamap inserted into the user's docs.json and llms.txt. The writer keeps
//! them in the lock, so that an entry is removed when its page goes and never otherwise.

use serde::{Deserialize, Serialize};

/// A page personamap listed in a docs.json navigation group.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NavEntry {
    /// Page id, e.g. `v2/developers/concepts/infra-stack`.
    pub page: String,
    /// Names of the navigation levels down to the group whose `pages` list holds it.
    pub navigation: Vec<String>,
}

/// What personamap inserted into docs.json and llms.txt.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Inserted {
    /// docs.json navigation entries of the pages personamap generates: those it added, and those
    /// it found already in place (it owns a generated page's entry, whoever wrote it).
    pub docs_json: Vec<NavEntry>,
    /// llms.txt entry lines personamap wrote, exactly as written (without the line ending).
    pub llms_txt: Vec<String>,
    /// Hand-written files the outputs use (a divider with `generate = false`): personamap never
    /// writes or deletes them, and a lock that lists them forgets them. Not kept in the lock.
    pub used: Vec<String>,
}
