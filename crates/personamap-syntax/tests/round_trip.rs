//! Round trips: what a writer of this crate writes, its reader reads back as the text it was
//! given. Labels and strings go through Mermaid's escaping and back through the flowchart
//! reader (which reads as Mermaid 11 does), prose through MDX escaping and back through
//! `mdx::unescape`, and every entity code decodes to its character.

use personamap_syntax::entity::decode_mermaid;
use personamap_syntax::mdx::{self, mdx_inline, mdx_prose, table_cell, unescape};
use personamap_syntax::mermaid::{
    EdgeKind, Ends, Shape, dotted_inline_misread, flowchart, guard_line, is_plain_edge_label,
    mermaid_label, mermaid_string, mermaid_text, mermaid_tooltip,
};
use proptest::prelude::*;

/// Fragments that Mermaid, HTML or Markdown read as syntax, with plain words and any character.
fn mermaid_text_strategy() -> impl Strategy<Value = String> {
    const PIECES: &[&str] = &[
        "\"",
        "'",
        "{",
        "}",
        "<",
        ">",
        "`",
        "-->",
        "-.->",
        "==>",
        "%%",
        "#",
        "#35;",
        "#quot;",
        "&amp;",
        "&#123;",
        "&",
        ";",
        ":",
        "style:#1;",
        "classDef",
        "end",
        "$$",
        "|",
        "\\",
        "\\n",
        "C:\\new",
        "fa:fa-x",
        "fab:fa-github",
        "[",
        "]",
        "<br/>",
        ":::",
        "direction TB",
        " ",
        "  ",
        "\t",
        "a",
        "word",
        "o",
        "x",
        "\u{a0}",
        "\u{3000}",
        "\u{feff}",
        "\u{2028}",
        "é",
        "🇵",
    ];
    let piece = prop_oneof![
        4 => proptest::sample::select(PIECES).prop_map(str::to_string),
        1 => any::<char>().prop_map(|c| c.to_string()),
    ];
    proptest::collection::vec(piece, 0..12).prop_map(|v| v.concat())
}

/// A one-node diagram as the compiler writes it, with `label` as the node's label.
fn diagram(label: &str, edge: &str) -> String {
    let node = guard_line(&format!("  A[\"{label}\"]:::c"), true).into_owned();
    let edge = guard_line(&format!("  A {edge} A"), true).into_owned();
    format!("flowchart LR\n{node}\n\n{edge}\n  classDef c fill:#fff\n")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, failure_persistence: None, ..ProptestConfig::default() })]

    /// Any label, escaped for Mermaid, reads back line for line.
    #[test]
    fn node_labels_read_back(lines in proptest::collection::vec(mermaid_text_strategy(), 1..4)) {
        // An empty label (`[""]`) is refused by the spec before anything is written.
        prop_assume!(!(lines.len() == 1 && lines[0].is_empty()));
        let text = diagram(&mermaid_label(&lines), "-->");
        let read = flowchart::read(&text);
        prop_assert!(read.is_ok(), "{text:?}: {read:?}");
        let graph = read.expect("checked");
        prop_assert_eq!(&graph.nodes[0].label, &lines, "{:?}", text);
    }

    /// Any edge label reads back: quoted in the pipe form, or bare where the writer writes it
    /// bare (plain words, inline or after the arrow).
    #[test]
    fn edge_labels_read_back(label in mermaid_text_strategy()) {
        let mut arrows = vec![(EdgeKind::Solid, format!("-->|\"{}\"|", mermaid_text(&label)))];
        if is_plain_edge_label(&label) {
            arrows.push((EdgeKind::Thick, format!("==>|{label}|")));
            arrows.push((EdgeKind::Solid, format!("-- {label} -->")));
            arrows.push((EdgeKind::Thick, format!("== {label} ==>")));
            arrows.push((EdgeKind::Dotted, if dotted_inline_misread(&label) {
                format!("-. {label} .->")
            } else {
                format!("-.{label}.->")
            }));
        }
        for (kind, arrow) in arrows {
            let text = diagram("a", &arrow);
            let read = flowchart::read(&text);
            prop_assert!(read.is_ok(), "{text:?}: {read:?}");
            let graph = read.expect("checked");
            prop_assert_eq!(graph.edges[0].shape, Shape::arrow_of(kind));
            prop_assert_eq!(graph.edges[0].label.as_deref(), Some(label.as_str()), "{:?}", text);
        }
    }

    /// Every link shape the writer can write, bare, with a pipe label and with an inline label
    /// (spaces inside), reads back to itself.
    #[test]
    fn link_shapes_read_back(
        label in mermaid_text_strategy(),
        kind in prop::sample::select(vec![EdgeKind::Solid, EdgeKind::Dotted, EdgeKind::Thick, EdgeKind::Invisible]),
        ends in prop::sample::select(vec![Ends::Open, Ends::Arrow, Ends::Circle, Ends::Cross, Ends::BothArrows, Ends::BothCircles, Ends::BothCrosses]),
        length in 1usize..4,
    ) {
        let ends = if kind == EdgeKind::Invisible { Ends::Open } else { ends };
        let shape = Shape { kind, ends, length };
        let mut arrows = vec![(shape.arrow(), None)];
        if kind != EdgeKind::Invisible {
            arrows.push((format!("{}|\"{}\"|", shape.arrow(), mermaid_text(&label)), Some(label.clone())));
        }
        if let Some((open, close)) = shape.inline_halves().filter(|_| is_plain_edge_label(&label)) {
            arrows.push((format!("{open} {label} {close}"), Some(label.clone())));
        }
        for (arrow, want) in arrows {
            let text = diagram("a", &arrow);
            let read = flowchart::read(&text);
            prop_assert!(read.is_ok(), "{text:?}: {read:?}");
            let graph = read.expect("checked");
            prop_assert_eq!(graph.edges[0].shape, shape, "{:?}", text);
            prop_assert_eq!(graph.edges[0].label.as_ref(), want.as_ref(), "{:?}", text);
        }
    }

    /// Entity codes written for any text decode back to it; strings (accessibility text) and
    /// tooltips come back on one line, as Mermaid shows them.
    #[test]
    fn entity_codes_decode_back(text in mermaid_text_strategy()) {
        prop_assert_eq!(decode_mermaid(&mermaid_text(&text)), text.clone());
        let one_line: Vec<&str> = text
            .split([' ', '\t', '\n', '\r', '\x0c'])
            .filter(|w| !w.is_empty())
            .collect();
        let one_line = one_line.join(" ");
        prop_assert_eq!(decode_mermaid(&mermaid_string(&text)), one_line.clone());
        let tooltip = flowchart::tooltip(&mermaid_tooltip(&text));
        prop_assert_eq!(tooltip, Ok(one_line));
    }
}

/// Prose built from the pieces that open or close Markdown and MDX constructs.
fn prose_strategy() -> impl Strategy<Value = String> {
    const PIECES: &[&str] = &[
        "`",
        "``",
        "```",
        "~~~",
        "$",
        "$$",
        "{",
        "}",
        "<",
        "<b",
        "a <b>",
        ">",
        "> ",
        "\n",
        "\n\n",
        " ",
        "\t",
        "- ",
        "1. ",
        "* ",
        "# ",
        "|",
        "---",
        "import",
        "export",
        "{/*",
        "*/}",
        "{/* c */}",
        "a",
        "b c",
        "é",
        "\r\n",
    ];
    proptest::collection::vec(proptest::sample::select(PIECES), 0..16).prop_map(|v| v.concat())
}

/// `text` as the spec keeps it once read back: blank lines around it dropped.
fn trimmed(text: &str) -> &str {
    let lines: Vec<&str> = text.split('\n').collect();
    let start = lines.iter().position(|l| !l.trim().is_empty());
    let end = lines.iter().rposition(|l| !l.trim().is_empty());
    match (start, end) {
        (Some(s), Some(e)) => {
            let from: usize = lines[..s].iter().map(|l| l.len() + 1).sum();
            let to: usize = lines[..=e].iter().map(|l| l.len() + 1).sum::<usize>() - 1;
            &text[from..to]
        }
        _ => "",
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1024, failure_persistence: None, ..ProptestConfig::default() })]

    /// Escaped prose reads back, and what it reads back as is a fixed point: escaped and read
    /// again, it comes back unchanged. Prose without backslash escapes, code, formulas or
    /// comments (which the writer may close or join into one line) reads back as written. (The reader drops the blank lines
    /// around prose, so prose is drawn without them.)
    #[test]
    fn prose_reads_back(text in prose_strategy()) {
        let text = trimmed(&text);
        prop_assume!(mdx::prose_unreadable(text).is_none());
        let read = |text: &str| {
            let escaped = mdx_prose(text);
            let lines: Vec<&str> = escaped.split('\n').collect();
            unescape::prose(&lines, 1).map(Option::unwrap_or_default)
        };
        let back = read(text);
        prop_assert!(back.is_ok(), "{:?}: {back:?}", mdx_prose(text));
        let back = back.expect("checked");
        prop_assert_eq!(read(&back), Ok(back.clone()), "{:?}", mdx_prose(&back));
        if !text.contains(['\\', '`', '~', '$']) && !text.contains("{/*") {
            prop_assert_eq!(back.as_str(), text, "{:?}", mdx_prose(text));
        }
    }

    /// A heading and a table cell read back as the one line of text they were written from
    /// (backslash escapes aside: the writer keeps an author's `\{` as Markdown).
    #[test]
    fn headings_and_cells_read_back(text in mermaid_text_strategy().prop_map(|t| t.replace('\\', "/"))) {
        let one_line = text
            .split(['\n', '\r'])
            .map(|l| l.trim_matches([' ', '\t']))
            .collect::<Vec<_>>()
            .join(" ");
        let want = one_line.trim_matches([' ', '\t']).to_string();
        prop_assert_eq!(unescape::heading_text(&mdx_inline(&text), 1), Ok(want.clone()));
        prop_assert_eq!(unescape::table_cell(&table_cell(&text), 1), Ok(want));
    }
}
