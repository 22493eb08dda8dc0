//! llms.txt: the compiler owns one entry line per compiled page and keeps every other line.

/// One owned entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// `## Section` it belongs to.
    pub section: String,
    /// Link target, `{base}/{id}.md`.
    pub url: String,
    /// The full line, `- [Title](url): description`.
    pub line: String,
}

impl Entry {
    /// The entry for a page.
    pub fn new(section: &str, base_url: &str, id: &str, title: &str, description: &str) -> Self {
        let one_line = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        // The llms.txt reference parser reads `[title](url)` with `[^\]]+` and `[^\)]+`: a
        // title needs text and no square brackets, a URL no parentheses or spaces.
        let url = format!("{base_url}/{id}.md")
            .replace(' ', "%20")
            .replace('(', "%28")
            .replace(')', "%29");
        // A backslash is doubled so that it cannot escape the closing `]` (Markdown shows one).
        let mut title = one_line(title)
            .replace('[', "(")
            .replace(']', ")")
            .replace('\\', "\\\\");
        if title.is_empty() {
            title = id.to_string();
        }
        let description = one_line(description);
        let line = if description.is_empty() {
            format!("- [{title}]({url})")
        } else {
            format!("- [{title}]({url}): {description}")
        };
        Entry {
            section: one_line(section),
            url,
            line,
        }
    }
}

/// What a new llms.txt starts with.
pub struct Header<'a> {
    /// H1: the site name.
    pub name: &'a str,
    /// `>` summary.
    pub summary: &'a str,
}

/// The URL of a list entry line `- [Title](url)…`.
fn entry_url(line: &str) -> Option<&str> {
    let rest = line.trim_start().strip_prefix("- [")?;
    let close = find_label_end(rest)?;
    let after = rest[close..].strip_prefix("](")?;
    after.find(')').map(|i| &after[..i])
}

/// Index of the `]` ending a link label, skipping backslash escapes.
fn find_label_end(s: &str) -> Option<usize> {
    let mut escaped = false;
    for (i, c) in s.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            ']' => return Some(i),
            _ => {}
        }
    }
    None
}

fn section_name(line: &str) -> Option<&str> {
    line.strip_prefix("## ").map(str::trim)
}

/// Merges the owned entries into an existing llms.txt (or makes a new one): each entry's line
/// replaces the first line linking to its URL inside its section, other lines linking to that
/// URL are dropped, and missing entries are appended to their section (created at the end if
/// needed). Every other line stays as it was.
pub fn merge(existing: Option<&str>, entries: &[Entry], header: &Header) -> String {
    let Some(existing) = existing else {
        let mut out = format!(
            "# {}\n\n> {}\n\nEach entry links to the page's Markdown export.\n",
            header.name, header.summary
        );
        let mut sections: Vec<&str> = Vec::new();
        for e in entries {
            if !sections.contains(&e.section.as_str()) {
                sections.push(&e.section);
            }
        }
        for s in sections {
            out.push_str(&format!("\n## {s}\n\n"));
            for e in entries.iter().filter(|e| e.section == s) {
                out.push_str(&e.line);
                out.push('\n');
            }
        }
        return out;
    };
    let newline = if existing.contains("\r\n") {
        "\r\n"
    } else {
        "\n"
    };
    let mut lines: Vec<String> = existing.lines().map(str::to_string).collect();
    for e in entries {
        let mut section = None;
        let mut placed = false;
        let mut i = 0;
        while i < lines.len() {
            if let Some(s) = section_name(&lines[i]) {
                section = Some(s.to_string());
            } else if entry_url(&lines[i]) == Some(e.url.as_str()) {
                if !placed && section.as_deref() == Some(e.section.as_str()) {
                    lines[i] = e.line.clone();
                    placed = true;
                } else {
                    lines.remove(i);
                    continue;
                }
            }
            i += 1;
        }
        if !placed {
            insert_in_section(&mut lines, e);
        }
    }
    let mut out = lines.join(newline);
    out.push_str(newline);
    out
}

fn insert_in_section(lines: &mut Vec<String>, e: &Entry) {
    let Some(head) = lines
        .iter()
        .position(|l| section_name(l) == Some(e.section.as_str()))
    else {
        while lines.last().is_some_and(|l| l.trim().is_empty()) {
            lines.pop();
        }
        lines.extend([
            String::new(),
            format!("## {}", e.section),
            String::new(),
            e.line.clone(),
        ]);
        return;
    };
    let end = lines[head + 1..]
        .iter()
        .position(|l| l.starts_with("# ") || section_name(l).is_some())
        .map_or(lines.len(), |i| head + 1 + i);
    match (head + 1..end)
        .rev()
        .find(|&i| lines[i].trim_start().starts_with("- "))
    {
        Some(last) => lines.insert(last + 1, e.line.clone()),
        None => {
            lines.insert(head + 1, String::new());
            lines.insert(head + 2, e.line.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(id: &str) -> Entry {
        Entry::new("Docs", "https://x.org", id, "T [1]", "D")
    }

    const HEADER: Header = Header {
        name: "Site",
        summary: "About",
    };

    #[test]
    fn new_file_has_the_order_the_parser_needs() {
        let out = merge(None, &[entry("a")], &HEADER);
        assert_eq!(
            out,
            "# Site\n\n> About\n\nEach entry links to the page's Markdown export.\n\n## Docs\n\n- [T (1)](https://x.org/a.md): D\n"
        );
    }

    #[test]
    fn keeps_foreign_lines_and_replaces_in_place() {
        let old = "# S\n\n> s\n\n## Docs\n\n- [A](https://x.org/a.md): old\n- [Other](https://y)\n\n## Optional\n\n- [A](https://x.org/a.md): dup\n";
        let out = merge(Some(old), &[entry("a"), entry("b")], &HEADER);
        assert_eq!(
            out,
            "# S\n\n> s\n\n## Docs\n\n- [T (1)](https://x.org/a.md): D\n- [Other](https://y)\n- [T (1)](https://x.org/b.md): D\n\n## Optional\n\n"
        );
        assert_eq!(merge(Some(&out), &[entry("a"), entry("b")], &HEADER), out);
    }

    #[test]
    fn a_title_ending_in_a_backslash_is_merged_once() {
        let e = Entry::new("Docs", "https://x.org", "a", "Map \\", "D");
        assert_eq!(e.line, "- [Map \\\\](https://x.org/a.md): D");
        let once = merge(Some("# S\n\n> s\n"), std::slice::from_ref(&e), &HEADER);
        assert_eq!(merge(Some(&once), &[e], &HEADER), once);
    }

    #[test]
    fn creates_a_missing_section() {
        let out = merge(Some("# S\n\n> s\n\ntext\n"), &[entry("a")], &HEADER);
        assert_eq!(
            out,
            "# S\n\n> s\n\ntext\n\n## Docs\n\n- [T (1)](https://x.org/a.md): D\n"
        );
    }
}
