use super::*;

fn print(src: &str, name: &str) -> String {
    let snippet = Snippet::parse(src).unwrap_or_else(|e| panic!("{e}"));
    snippet
        .print(name)
        .unwrap_or_else(|e| panic!("{e}"))
        .unwrap_or_else(|| panic!("no export {name}"))
}

#[test]
fn prints_an_arrow_component_without_its_parentheses() {
    assert_eq!(
        print(
            "export const A = ({a = 1, ...rest}) => (<b x=\"1\" {...rest}>{a}</b>);\n",
            "A"
        ),
        "export const A = ({a = 1, ...rest}) => <b x=\"1\" {...rest}>{a}</b>;\n"
    );
}

/// Constructs where astring's output differs from the source: parentheses by precedence,
/// one property per line, entities, comments dropped, `export { … }` resolved.
#[test]
fn tricky_constructs() {
    // Shared with the conformance differential, which checks it against estree-util-to-js.
    let src = include_str!("../../../tests/conformance/cases/printer/tricky.jsx");
    let snippet = Snippet::parse(src).unwrap_or_else(|e| panic!("{:?}: {e}", e.line_col(src)));
    let exports = snippet.exports();
    let mut out = String::new();
    for name in &exports {
        let printed = snippet.print(name).unwrap_or_else(|e| panic!("{e}"));
        out.push_str(&format!(
            "== {name}\n{}\n",
            printed.as_deref().unwrap_or("(not inlined)\n")
        ));
    }
    insta::assert_snapshot!(out);
}

#[test]
fn parse_errors_and_unprintable_constructs_are_located() {
    let src = "export const A = 1;\nexport const B = ;\n";
    let Err(e) = Snippet::parse(src) else {
        panic!("parsed");
    };
    assert_eq!(e.line_col(src), (2, 18));
    let snippet = Snippet::parse("export const A = () => <a>{...b}</a>;\n").expect("parses");
    let e = snippet.print("A").expect_err("spread child");
    assert_eq!(e.message, "a JSX spread child cannot be printed");
    assert_eq!(e.offset, "export const A = () => <a>".len());
    assert_eq!(snippet.print("B"), Ok(None));
}

/// Livepeer's real divider prints exactly as the `CustomDivider` block of the published
/// Markdown export (when the shared reference folder is beside the repository).
#[test]
fn livepeer_divider_prints_as_the_published_export() {
    let shared = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/reference");
    let (Ok(divider), Ok(export)) = (
        std::fs::read_to_string(
            shared.join("livepeer-site/snippets/components/elements/spacing/Divider.jsx"),
        ),
        std::fs::read_to_string(shared.join("000_7dc1021a4be912d1.txt")),
    ) else {
        eprintln!("skipped: ../shared/reference is not present");
        return;
    };
    let snippet = Snippet::parse(&divider).expect("Divider.jsx parses");
    assert_eq!(
        snippet.exports(),
        ["InlineDivider", "CustomDivider", "Spacer"]
    );
    let printed = snippet
        .print("CustomDivider")
        .expect("prints")
        .expect("exported");
    let start = export
        .find("export const CustomDivider")
        .expect("block in the export");
    let block = &export[start..];
    let end = block.find("\n\n").expect("block ends with a blank line");
    assert_eq!(printed, format!("{}\n", &block[..end]));
}
