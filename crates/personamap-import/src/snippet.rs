//! The divider snippet read back: the values the template `divider.jsx` was filled with.

use crate::ImportError;
use personamap_spec::Divider;

/// A hand-written divider snippet at `path` exporting `component`: the spec imports it and
/// never writes it.
pub(crate) fn hand_written(component: &str, path: &str) -> Divider {
    Divider {
        path: path.to_string(),
        component: component.to_string(),
        generate: false,
        export_span: None,
        logo: String::new(),
        color: String::new(),
        line_color: String::new(),
        gap: String::new(),
        spacing: Vec::new(),
        span: None,
    }
}

/// Reads the divider snippet `text` (at `path`, exporting `component`).
pub(crate) fn read(text: &str, component: &str, path: &str) -> Result<Divider, ImportError> {
    let err = |what: &str| ImportError {
        line: None,
        message: format!("the divider snippet {path} is not in the form personamap writes: {what}"),
    };
    let head = format!("export const {component} = (");
    let Some(start) = text.find(&head) else {
        return Err(err(&format!("no `{head}`")));
    };
    let text = &text[start..];
    let color = js_after(text, "{color = ").ok_or_else(|| err("no `color = \"…\"` default"))?;
    let default =
        js_after(text, "spacing = ").ok_or_else(|| err("no `spacing = \"…\"` default"))?;
    let presets_at = text
        .find("const spacingPresets = {")
        .ok_or_else(|| err("no `spacingPresets`"))?;
    let presets_end = text[presets_at..]
        .find("};")
        .map(|e| presets_at + e)
        .ok_or_else(|| err("unterminated `spacingPresets`"))?;
    let mut spacing = Vec::new();
    let mut name: Option<String> = None;
    for line in text[presets_at..presets_end].lines().skip(1) {
        let line = line.trim();
        if let Some(n) = line.strip_suffix(": {") {
            name = Some(n.trim().to_string());
        } else if line.starts_with("margin:") {
            let margin = js_after(line, "margin: ")
                .ok_or_else(|| err("a preset's margin is not a string"))?;
            let n = name
                .take()
                .ok_or_else(|| err("a margin outside a preset"))?;
            spacing.push((n, margin));
        }
    }
    if let Some(i) = spacing.iter().position(|(n, _)| *n == default) {
        let preset = spacing.remove(i);
        spacing.insert(0, preset);
    }
    let gap = js_after(text, "marginRight: ").ok_or_else(|| err("no `marginRight`"))?;
    let line_color = js_after(text, "background: ").ok_or_else(|| err("no `background`"))?;
    let logo = js_after(text, "<Icon icon=").ok_or_else(|| err("no `<Icon icon=\"…\" />` logo"))?;
    Ok(Divider {
        path: path.to_string(),
        generate: true,
        component: component.to_string(),
        export_span: None,
        logo,
        color,
        line_color,
        gap,
        spacing,
        span: None,
    })
}

/// The JavaScript string literal right after the first `key` in `text`.
fn js_after(text: &str, key: &str) -> Option<String> {
    let rest = &text[text.find(key)? + key.len()..];
    // A JSX attribute written as an expression, `{"…"}`, holds the same JSON string.
    let rest = rest.strip_prefix('{').unwrap_or(rest);
    crate::jsx::json_string(rest).map(|(s, _)| s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_template_back() {
        let env = personamap_render::templates::environment();
        let divider = personamap_spec::Divider {
            path: "snippets/D.jsx".into(),
            generate: true,
            component: "Rule".into(),
            export_span: None,
            logo: "/logo \"x\".svg".into(),
            color: "#888".into(),
            line_color: "var(--line)".into(),
            gap: "8px".into(),
            spacing: vec![
                ("tight".into(), "0 0 -1rem 0".into()),
                ("wide".into(), "2rem 0".into()),
            ],
            span: None,
        };
        let text = personamap_render::page::divider(&env, &divider).unwrap();
        let d = read(&text, "Rule", "snippets/D.jsx").unwrap();
        assert_eq!(d.logo, divider.logo);
        assert_eq!(d.color, "#888");
        assert_eq!(d.line_color, "var(--line)");
        assert_eq!(d.gap, "8px");
        assert_eq!(d.spacing, divider.spacing);
        assert!(read("const x = 1;", "Rule", "snippets/D.jsx").is_err());
    }
}
