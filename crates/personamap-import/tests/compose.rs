//! Importing into an existing spec, through the API: a class drawn like a palette class takes
//! its name, free persona numbers are kept, and the page comes back byte for byte.

use personamap_import::{ImportInput, import};
use personamap_render::Compiler;
use personamap_spec::{SourceFile, Sources};
use std::path::Path;

#[test]
fn a_class_with_the_palettes_look_takes_its_name() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/page-numbering");
    let sources = personamap_spec::read_spec_dir(&root).expect("readable spec");
    let (spec, diags) = personamap_spec::load(sources.clone());
    let spec = spec.unwrap_or_else(|| panic!("{diags:?}"));
    let page = spec.page("maps/builders").expect("page");
    // The builders page under another id, its persona class renamed `person` (same colours).
    let original = Compiler::new().page(&spec, page).expect("renders");
    let text = original
        .replace("`who`", "`person`")
        .replace(":::who", ":::person")
        .replace("classDef who ", "classDef person ");
    assert!(text.contains("classDef person "));
    let imported = import(&ImportInput {
        page_id: "maps/copy",
        page: &text,
        snippet: "",
        navigation: &["Maps".to_string()],
        base_url: "https://ignored.example",
        spec_dir: "personas",
        llms_section: None,
        existing: Some(&spec),
    })
    .expect("imports");
    // The page now names the palette's class: its legend row is the first change.
    let row = text
        .lines()
        .position(|l| l.starts_with("| `person`"))
        .expect("row")
        + 1;
    assert_eq!(imported.page_differs_at, Some(row));
    // Both existing pages list their personas already: no edits.
    assert!(imported.edits.is_empty());
    let page_file = &imported.files[0];
    assert_eq!(page_file.path, "personas/maps-copy.toml");
    assert!(
        !page_file.text.contains("[[palette]]"),
        "{}",
        page_file.text
    );
    assert!(!page_file.text.contains("[site]"), "{}", page_file.text);
    // Shown as Persona 1 and 2, numbers the spec does not use: kept.
    assert!(
        page_file.text.contains("personas = [1, 2]"),
        "{}",
        page_file.text
    );
    assert!(!page_file.text.contains("numbering"), "{}", page_file.text);
    for persona in &imported.files[1..] {
        assert!(persona.text.contains("class = \"who\""), "{}", persona.text);
        assert!(!persona.text.contains("person\""), "{}", persona.text);
    }
    // The whole spec loads and every existing page renders as before.
    let mut all: Vec<SourceFile> = sources.iter().map(|(_, f)| f.clone()).collect();
    all.extend(imported.files.iter().map(|f| SourceFile {
        path: f.path.clone(),
        text: f.text.clone(),
    }));
    let (joined, diags) = personamap_spec::load(Sources::new(all));
    let joined = joined.unwrap_or_else(|| panic!("{diags:?}"));
    assert_eq!(joined.personas.len(), 5);
    // The page is the builders page again, under its own class name.
    let copy = Compiler::new()
        .page(&joined, joined.page("maps/copy").expect("imported"))
        .expect("renders");
    assert_eq!(copy, original);
    for p in &spec.pages {
        let before = Compiler::new().page(&spec, p).expect("renders");
        let after = Compiler::new()
            .page(&joined, joined.page(&p.id).expect("kept"))
            .expect("renders");
        assert_eq!(before, after, "{}", p.id);
    }
}
