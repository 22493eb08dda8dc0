//! Synthetic sites for benchmarks: a docs.json, an llms.txt and a spec of N personas with M
//! nodes and about M edges each, with labels, intros and edge labels shaped like the real
//! Livepeer spec (multi-line labels, `Guide:` nodes, `&` fan-outs, dotted and piped labels).
//!
//! Generation is deterministic: the same [`Shape`] always gives the same bytes.

use std::fmt::Write as _;
use std::path::Path;

/// What to generate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shape {
    /// Number of personas.
    pub personas: usize,
    /// Nodes per persona (edges per persona are about the same number).
    pub nodes: usize,
    /// Number of pages the personas are spread over (at least one).
    pub pages: usize,
}

impl Default for Shape {
    fn default() -> Self {
        Shape {
            personas: 100,
            nodes: 40,
            pages: 1,
        }
    }
}

/// One generated file: site-relative path and contents.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SynthFile {
    /// Site-relative, `/`-separated path.
    pub path: String,
    /// File contents.
    pub contents: String,
}

/// The palette classes personas draw from, with their legend text and colours.
const CLASSES: [(&str, &str, &str, &str, &str); 8] = [
    (
        "persona",
        "The persona node itself",
        "#0b66ff",
        "#0a4cc6",
        "#fff",
    ),
    (
        "gw",
        "Gateways (community, self-hosted, alternative)",
        "#e1f5ee",
        "#0f6e56",
        "#04342c",
    ),
    (
        "sdk",
        "SDKs and client libraries",
        "#faeeda",
        "#854f0b",
        "#412402",
    ),
    (
        "trans",
        "Transport layer (ingest, playback, trickle, data channels)",
        "#fffae6",
        "#8a7a0a",
        "#3d3a0a",
    ),
    (
        "proto",
        "Protocol-layer code (go-livepeer, ai-runner, lpms)",
        "#faece7",
        "#993c1d",
        "#4a1b0c",
    ),
    (
        "chain",
        "On-chain components (TicketBroker, contracts, payments)",
        "#fbeaf0",
        "#993556",
        "#4b1528",
    ),
    (
        "guide",
        "Documentation pages (lavender, dashed)",
        "#eeedfe",
        "#3c3489",
        "#26215c",
    ),
    (
        "routing",
        "Cross-tab routing (grey, dashed)",
        "#f1efe8",
        "#5f5e5a",
        "#2c2c2a",
    ),
];

const NAMES: [&str; 24] = [
    "go-livepeer",
    "ai-runner",
    "ai-worker",
    "lpms",
    "TicketBroker",
    "BondingManager",
    "Community Gateway",
    "Self-hosted Gateway",
    "@livepeer/ai",
    "livepeer-ai-python",
    "@livepeer/react",
    "webrtmp-sdk",
    "pytrickle",
    "ComfyStream",
    "trickle protocol",
    "RTMP / WebRTC ingest",
    "HLS / LL-HLS / DASH",
    "H.264 · H.265 · AV1",
    "BYOC container",
    "NaaP plugin platform",
    "Subgraph",
    "Explorer",
    "Treasury",
    "catalyst",
];

const QUALIFIERS: [&str; 12] = [
    "(Orchestrator)",
    "(JS/TS)",
    "(Python GPU)",
    "(free, off-chain)",
    "(on-chain broadcaster)",
    "(server-side)",
    "(transport)",
    "(reference impls)",
    "(opt-in / transitional)",
    "(ETH on Arbitrum)",
    "(media library)",
    "(12 plugins live)",
];

const GUIDES: [&str; 12] = [
    "AI Jobs Quickstart",
    "Pipelines & models",
    "Authentication",
    "SDKs Overview",
    "Pricing & rate limits",
    "Ingest Setup",
    "ABR Configuration",
    "Low-Latency Tuning",
    "Gateway Decision",
    "BYOC Architecture",
    "Per-second pricing",
    "Building a Plugin",
];

const VERBS: [&str; 10] = [
    "charges",
    "runs on",
    "load on",
    "guards",
    "applies to",
    "emits",
    "indexes",
    "graduate",
    "alt path",
    "fork",
];

/// A small deterministic generator (xorshift64*), so the crate needs no `rand`.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

/// The page id of page `index` (0-based) of a synthetic site.
pub fn page_id(index: usize) -> String {
    format!("v2/synth/personas-{:02}", index + 1)
}

/// Site-relative path of persona `number`'s spec file.
pub fn persona_path(number: usize) -> String {
    format!("personas/p{number:04}.toml")
}

/// Every file of a synthetic site: docs.json, llms.txt, `personas/site.toml` and one
/// `personas/pNNNN.toml` per persona.
pub fn site(shape: Shape) -> Vec<SynthFile> {
    let pages = shape.pages.max(1);
    let mut files = vec![
        SynthFile {
            path: "docs.json".into(),
            contents: docs_json(pages),
        },
        SynthFile {
            path: "llms.txt".into(),
            contents: "# Synthetic Docs\n\n> A generated site for personamap benchmarks.\n\n## Docs\n\n- [Home](https://docs.example.org/index.md): Start here.\n".into(),
        },
        SynthFile {
            path: "personas/site.toml".into(),
            contents: site_toml(shape.personas, pages),
        },
    ];
    for number in 1..=shape.personas {
        files.push(SynthFile {
            path: persona_path(number),
            contents: persona(number, shape.nodes, 0),
        });
    }
    files
}

/// Writes [`site`] under `root`, creating folders as needed.
pub fn write_site(root: &Path, shape: Shape) -> std::io::Result<()> {
    for f in site(shape) {
        let path = root.join(&f.path);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        std::fs::write(path, f.contents)?;
    }
    Ok(())
}

fn docs_json(pages: usize) -> String {
    let ids: Vec<String> = (0..pages)
        .map(|i| format!("                      \"{}\"", page_id(i)))
        .collect();
    format!(
        r##"{{
  "$schema": "https://mintlify.com/docs.json",
  "theme": "palm",
  "name": "Synthetic Docs",
  "description": "A generated site for personamap benchmarks.",
  "colors": {{ "primary": "#3CB540" }},
  "navigation": {{
    "versions": [
      {{
        "version": "v2",
        "languages": [
          {{
            "language": "en",
            "tabs": [
              {{
                "tab": "Developers",
                "groups": [
                  {{
                    "group": "Personas",
                    "pages": [
                      "v2/synth/index",
{}
                    ]
                  }}
                ]
              }}
            ]
          }}
        ]
      }}
    ]
  }}
}}
"##,
        ids.join(",\n")
    )
}

fn site_toml(personas: usize, pages: usize) -> String {
    let mut out = String::from(
        r#"# Synthetic site settings, divider, pages and palette.

[site]
base_url = "https://docs.example.org"
code_theme = { light = "github-light", dark = "dark-plus" }

[divider]
path = "snippets/components/Divider.jsx"
logo = "/snippets/assets/logo.svg"
color = "var(--border)"
line_color = "var(--border)"
gap = "8px"

[divider.spacing]
default = "24px 0"
tight = "0 0 -1rem 0"
"#,
    );
    let per_page = personas.div_ceil(pages).max(1);
    for p in 0..pages {
        let first = p * per_page + 1;
        let last = ((p + 1) * per_page).min(personas);
        let numbers: Vec<String> = (first..=last).map(|n| n.to_string()).collect();
        let _ = write!(
            out,
            r#"
[[page]]
id = "{id}"
title = "Persona maps, part {part}"
description = "Infrastructure maps for personas {first} to {last}: what each persona touches and the guides each needs."
navigation = ["v2", "en", "Developers", "Personas"]
legend = "Colour convention"
personas = [{numbers}]
intro = '''
**Purpose:** map the infrastructure and the guides for each persona.

Each map shows what the persona touches (infra) and what docs they need (guides).
'''
closing = '''
## Observations

Personas that share infrastructure should share pages; see `gateway-decision.mdx`.
'''

[page.frontmatter]
sidebarTitle = "Part {part}"
keywords = ["personas", "infrastructure", "mermaid"]
"#,
            id = page_id(p),
            part = p + 1,
            numbers = numbers.join(", "),
        );
    }
    for (name, meaning, fill, stroke, color) in CLASSES {
        let _ = write!(
            out,
            "\n[[palette]]\nname = \"{name}\"\nmeaning = \"{meaning}\"\nfill = \"{fill}\"\nstroke = \"{stroke}\"\ncolor = \"{color}\"\n"
        );
        if name == "guide" || name == "routing" {
            out.push_str("dash = \"4 2\"\n");
        }
    }
    out
}

/// The spec file of persona `number` with `nodes` nodes; `revision` varies the intro so that
/// benchmarks can make real edits.
pub fn persona(number: usize, nodes: usize, revision: usize) -> String {
    let mut rng = Rng::new(number as u64);
    let nodes = nodes.max(2);
    let mut out = format!(
        "# Persona {number}: generated for benchmarks.\n\n[[persona]]\nnumber = {number}\nname = \"Persona {number} {}\"\nnickname = \"{} for {}\"\ndirection = \"LR\"\n",
        rng.pick(&NAMES),
        rng.pick(&NAMES),
        rng.pick(&GUIDES),
    );
    let _ = write!(
        out,
        "intro = '''\nLooking for {}, {} and {}. Endpoint, key, schema, SDK, pricing.\nActivation: first successful call through `{}` (revision {revision}).\n\nBoundary: this persona arrives expecting **{}**-shaped infra; see the routing nodes.\n'''\n",
        rng.pick(&NAMES),
        rng.pick(&NAMES),
        rng.pick(&GUIDES),
        rng.pick(&NAMES),
        rng.pick(&NAMES),
    );
    // Node ids: the persona node, then guides, then infrastructure.
    let ids: Vec<String> = (0..nodes)
        .map(|i| match i {
            0 => format!("P{number}"),
            i if i % 5 == 1 => format!("G_{i}"),
            i => format!("N{i}"),
        })
        .collect();
    out.push_str("edges = '''\n");
    // About one edge per node: a spine of chains, fan-outs and labelled links, in groups.
    let mut i = 1;
    let mut made = 0;
    while made < nodes {
        let a = &ids[rng.below(i.min(nodes))];
        let b = &ids[i % nodes];
        let c = &ids[(i + 1) % nodes];
        let line = match rng.below(5) {
            0 => format!("{a} --> {b} --> {c}\n"),
            1 => format!("{a} --> {b} & {c}\n"),
            2 => format!("{a} -.{}.-> {b}\n", rng.pick(&VERBS).replace(' ', "_")),
            3 => format!("{a} -.->|{}| {b}\n", rng.pick(&VERBS)),
            _ => format!("{a} --> {b}\n"),
        };
        out.push_str(&line);
        made +=
            if line.matches("-->").count() + line.matches("-.").count() > 1 || line.contains('&') {
                2
            } else {
                1
            };
        i += 2;
        if i >= nodes {
            i = 1;
        }
        if rng.below(8) == 0 {
            out.push('\n');
        }
    }
    out.push_str("'''\n");
    // Groups by class, in palette order.
    let classes: Vec<&str> = CLASSES.iter().map(|c| c.0).collect();
    let mut by_class: Vec<Vec<usize>> = vec![Vec::new(); classes.len()];
    for (i, id) in ids.iter().enumerate() {
        let class = if i == 0 {
            0
        } else if id.starts_with("G_") {
            6
        } else {
            1 + rng.below(5) + usize::from(rng.below(10) == 0) * 6
        };
        by_class[class.min(classes.len() - 1)].push(i);
    }
    for (class, members) in classes.iter().zip(&by_class) {
        if members.is_empty() {
            continue;
        }
        let _ = write!(out, "\n[[persona.group]]\nclass = \"{class}\"\nnodes = [\n");
        for &i in members {
            let label = match (i, *class) {
                (0, _) => format!("\"Persona {number}\", \"Synthetic\""),
                (_, "guide") => format!("\"Guide:\", \"{}\"", rng.pick(&GUIDES)),
                (_, "routing") => format!("\"Routes to:\", \"{} tab\"", rng.pick(&NAMES)),
                _ if rng.below(2) == 0 => format!("\"{}\"", rng.pick(&NAMES)),
                _ => format!("\"{}\", \"{}\"", rng.pick(&NAMES), rng.pick(&QUALIFIERS)),
            };
            let _ = writeln!(out, "  {{ id = \"{}\", label = [{label}] }},", ids[i]);
        }
        out.push_str("]\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_synthetic_site_loads_without_diagnostics() {
        let shape = Shape {
            personas: 12,
            nodes: 40,
            pages: 3,
        };
        let files = site(shape);
        let sources = personamap_spec::Sources::new(
            files
                .iter()
                .filter(|f| f.path.ends_with(".toml"))
                .map(|f| personamap_spec::SourceFile {
                    path: f.path.clone(),
                    text: f.contents.clone(),
                })
                .collect(),
        );
        let (spec, diags) = personamap_spec::load(sources);
        // Livepeer's palette and map sizes: the map-reading warnings are expected.
        let diags: Vec<_> = diags
            .into_iter()
            .filter(|d| !["small-labels", "distinct-classes"].contains(&d.rule))
            .collect();
        let rendered: Vec<String> = diags
            .iter()
            .map(|d| format!("{}: {}", d.rule, d.message))
            .collect();
        assert!(diags.is_empty(), "{rendered:#?}");
        let spec = spec.expect("the synthetic spec resolves");
        assert_eq!(spec.personas.len(), 12);
        assert_eq!(spec.pages.len(), 3);
        assert!(spec.personas.iter().all(|p| p.nodes().count() == 40));
        assert_eq!(site(shape), files, "generation is deterministic");
    }
}
