//! The flowchart reader's link lexing against Mermaid's own answers. `data/mermaid_links.tsv`
//! was recorded with Mermaid 11.17.2 (`getDiagramFromText("flowchart LR\n  A ARROW B")` in
//! jsdom, then `db.getEdges()`): per arrow as an author could write it, the edge's stroke and
//! label, or `error` (no parse), `head …` (an edge that is not `-->`-headed, e.g. `INVALID`) or
//! `shape …` (Mermaid made other nodes or edges of it).

use personamap_syntax::mermaid::EdgeKind;
use personamap_syntax::mermaid::flowchart::statement_links;

#[test]
fn inline_labels_read_as_mermaid_reads_them() {
    let data = include_str!("data/mermaid_links.tsv");
    let mut checked = 0;
    for row in data.lines() {
        let mut cols = row.split('\t');
        let arrow = cols.next().unwrap_or("");
        let verdict = cols.next().unwrap_or("");
        if arrow.contains('|') {
            continue; // pipe labels: not lexed by `statement_links`
        }
        let got = statement_links(&format!("A {arrow} B"));
        let ours = match got.as_slice() {
            [(_, Ok(Some((shape, text))))] => {
                let stroke = match shape.kind {
                    EdgeKind::Solid => "normal",
                    EdgeKind::Dotted => "dotted",
                    EdgeKind::Thick => "thick",
                    EdgeKind::Invisible => "invisible",
                };
                Some(format!("{stroke}\t{text}"))
            }
            _ => None,
        };
        match verdict {
            "normal" | "dotted" | "thick" => {
                let want = format!("{verdict}\t{}", cols.next().unwrap_or(""));
                assert_eq!(ours.as_deref(), Some(want.as_str()), "`{arrow}`: {got:?}");
            }
            _ => assert!(
                ours.is_none(),
                "`{arrow}`: Mermaid says {verdict}, we read {ours:?}"
            ),
        }
        checked += 1;
    }
    assert!(checked > 200, "{checked} rows");
}
