//! The spec's JSON Schema ([`personamap_spec::json_schema`], generated from the types the
//! loader reads) as the one list of keys, their docs and their enum values.

use serde_json::Value;

/// The schema, parsed.
#[derive(Debug)]
pub(crate) struct Schema {
    root: Value,
}

impl Schema {
    /// The spec file's schema, parsed once per process.
    pub fn get() -> &'static Schema {
        static SCHEMA: std::sync::OnceLock<Schema> = std::sync::OnceLock::new();
        SCHEMA.get_or_init(Schema::new)
    }

    fn new() -> Self {
        let root = serde_json::from_str(&personamap_spec::json_schema()).unwrap_or(Value::Null);
        Schema { root }
    }

    /// `v` with references, optional wrappers (`anyOf [X, null]`) and arrays looked through.
    fn resolve<'a>(&'a self, mut v: &'a Value) -> &'a Value {
        // The schema is acyclic along these steps (items and references of non-recursive types).
        for _ in 0..16 {
            if let Some(r) = v.get("$ref").and_then(Value::as_str) {
                let Some(name) = r.strip_prefix("#/$defs/") else {
                    return v;
                };
                match self.root.get("$defs").and_then(|d| d.get(name)) {
                    Some(d) => v = d,
                    None => return v,
                }
            } else if let Some(items) = v.get("items") {
                v = items;
            } else if let Some(alt) = v.get("anyOf").and_then(Value::as_array)
                && let [one] = alt
                    .iter()
                    .filter(|a| a.get("type").and_then(Value::as_str) != Some("null"))
                    .collect::<Vec<_>>()[..]
            {
                v = one;
            } else {
                return v;
            }
        }
        v
    }

    /// The schema of the table at `path` (keys from the file's root).
    fn table(&self, path: &[String]) -> Option<&Value> {
        let mut v = self.resolve(&self.root);
        for key in path {
            let next = match v.get("properties").and_then(|p| p.get(key.as_str())) {
                Some(p) => p,
                None => v.get("additionalProperties").filter(|a| a.is_object())?,
            };
            v = self.resolve(next);
        }
        Some(v)
    }

    /// The keys of the table at `path`, with their docs, in schema order.
    pub fn fields(&self, path: &[String]) -> Vec<(String, Option<String>)> {
        let Some(props) = self
            .table(path)
            .and_then(|t| t.get("properties"))
            .and_then(Value::as_object)
        else {
            return Vec::new();
        };
        props
            .iter()
            .map(|(k, v)| (k.clone(), description(v)))
            .collect()
    }

    /// The docs of key `key` of the table at `path`.
    pub fn doc(&self, path: &[String], key: &str) -> Option<String> {
        description(self.table(path)?.get("properties")?.get(key)?)
    }

    /// The values key `key` of the table at `path` takes, when the schema lists them (enums,
    /// booleans), with their docs.
    pub fn values(&self, path: &[String], key: &str) -> Vec<(String, Option<String>)> {
        let Some(prop) = self
            .table(path)
            .and_then(|t| t.get("properties"))
            .and_then(|p| p.get(key))
        else {
            return Vec::new();
        };
        let mut out = Vec::new();
        self.collect_values(prop, &mut out, 0);
        out
    }

    fn collect_values(&self, v: &Value, out: &mut Vec<(String, Option<String>)>, depth: usize) {
        if depth > 8 {
            return;
        }
        if let Some(r) = v.get("$ref").and_then(Value::as_str) {
            let def = r
                .strip_prefix("#/$defs/")
                .and_then(|name| self.root.get("$defs")?.get(name));
            if let Some(def) = def {
                self.collect_values(def, out, depth + 1);
            }
            return;
        }
        if let Some(c) = v.get("const").and_then(Value::as_str) {
            out.push((c.to_string(), description(v)));
        }
        for e in v
            .get("enum")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            if let Some(s) = e.as_str() {
                out.push((s.to_string(), None));
            }
        }
        let types = match v.get("type") {
            Some(Value::String(t)) => vec![t.as_str()],
            Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).collect(),
            _ => Vec::new(),
        };
        if types.contains(&"boolean") {
            out.push(("true".to_string(), None));
            out.push(("false".to_string(), None));
        }
        for key in ["oneOf", "anyOf"] {
            for alt in v.get(key).and_then(Value::as_array).into_iter().flatten() {
                self.collect_values(alt, out, depth + 1);
            }
        }
    }
}

fn description(v: &Value) -> Option<String> {
    v.get("description")
        .and_then(Value::as_str)
        .map(|d| d.replace('\n', " "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path(keys: &[&str]) -> Vec<String> {
        keys.iter().map(|k| k.to_string()).collect()
    }

    #[test]
    fn keys_and_values_come_from_the_schema() {
        let s = Schema::get();
        let node: Vec<_> = s
            .fields(&path(&["persona", "group", "nodes"]))
            .into_iter()
            .map(|(k, _)| k)
            .collect();
        assert_eq!(node, ["id", "label", "class", "href", "tooltip"]);
        let values: Vec<_> = s
            .values(&path(&["persona", "lints"]), "contrast")
            .into_iter()
            .map(|(v, _)| v)
            .collect();
        assert_eq!(values, ["allow", "warn", "deny"]);
        let override_keys = s.fields(&path(&["persona", "classes", "any"]));
        assert_eq!(override_keys.len(), 4, "fill, stroke, color, dash");
        let flags: Vec<_> = s
            .values(&path(&["page", "maps"]), "swatches")
            .into_iter()
            .map(|(v, _)| v)
            .collect();
        assert_eq!(flags, ["true", "false"]);
        assert!(s.fields(&path(&["page", "frontmatter"])).is_empty());
        assert!(s.values(&path(&["nowhere"]), "x").is_empty());
    }
}
