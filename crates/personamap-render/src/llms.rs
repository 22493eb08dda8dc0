//! llms.txt: the compiler owns one entry line per compiled page and keeps every other line.

/// One owned entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// The page id.
    pub id: String,
    /// The section it belongs to: the `##` name, then nested `###`, … names.
    pub section: Vec<String>,
    /// Link target, `{base}/{id}.md`.
    pub url: String,
    /// The full line, `- [Title](url): description`.
    pub line: String,
}

impl Entry {
    /// The entry for a page.
    pub fn new(
        section: &[String],
        base_url: &str,
        id: &str,
        title: &str,
        description: &str,
    ) -> Self {
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
            id: id.to_string(),
            section: section.iter().map(|s| one_line(s)).collect(),
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

/// The docs.json navigation order, to place an entry next to the pages around it.
#[derive(Clone, Debug, Default)]
pub struct Neighbours {
    base_url: String,
    order: Vec<String>,
}

impl Neighbours {
    /// The page order of `docs`' navigation; links in llms.txt start with `base_url`.
    pub fn from_docs(docs: &crate::docs_json::DocsJson, base_url: &str) -> Self {
        Neighbours {
            base_url: base_url.to_string(),
            order: docs.pages(),
        }
    }

    /// The pages listed right before and right after `id` in navigation.
    fn around(&self, id: &str) -> (Option<&str>, Option<&str>) {
        match self.order.iter().position(|p| p == id) {
            Some(i) => (
                i.checked_sub(1).map(|j| self.order[j].as_str()),
                self.order.get(i + 1).map(String::as_str),
            ),
            None => (None, None),
        }
    }

    /// Whether `url` links to page `id` (its page URL or its `.md` export).
    fn links_to(&self, url: &str, id: &str) -> bool {
        url.strip_prefix(self.base_url.as_str())
            .and_then(|rest| rest.strip_prefix('/'))
            .map(|rest| rest.strip_suffix(".md").unwrap_or(rest))
            .is_some_and(|rest| rest == id)
    }
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

/// A heading line `#…# name`: its level (1 for `#`) and name.
fn heading(line: &str) -> Option<(usize, &str)> {
    let level = line.bytes().take_while(|b| *b == b'#').count();
    let name = line[level..].strip_prefix(' ')?;
    (level > 0).then(|| (level, name.trim()))
}

/// Merges the owned entries into an existing llms.txt, or into a new one when `existing` is
/// `None`. An entry's line replaces the first line linking to its URL when that line sits in
/// the entry's section or next to a docs.json neighbour; other lines linking to that URL are
/// dropped. A missing entry goes right after its previous navigation neighbour, or right
/// before its next one, when the file lists them; otherwise at the end of its section's
/// entries, creating the section (nested ones inside their parent) when missing. Every other
/// line stays as it was.
pub fn merge(
    existing: Option<&str>,
    entries: &[Entry],
    header: &Header,
    neighbours: &Neighbours,
) -> String {
    let (mut lines, newline) = match existing {
        Some(text) => (
            text.lines().map(str::to_string).collect::<Vec<_>>(),
            if text.contains("\r\n") { "\r\n" } else { "\n" },
        ),
        None => (
            vec![
                format!("# {}", header.name),
                String::new(),
                format!("> {}", header.summary),
                String::new(),
                "Each entry links to the page's Markdown export.".to_string(),
            ],
            "\n",
        ),
    };
    for e in entries {
        place(&mut lines, e, neighbours);
    }
    let mut out = lines.join(newline);
    out.push_str(newline);
    out
}

/// Puts one entry's line into `lines`: keeps (and refreshes) a well-placed one, drops the rest.
fn place(lines: &mut Vec<String>, e: &Entry, neighbours: &Neighbours) {
    let (before, after) = neighbours.around(&e.id);
    let mut path: Vec<String> = Vec::new();
    let mut placed = false;
    let mut i = 0;
    while i < lines.len() {
        if let Some((level, name)) = heading(&lines[i]) {
            path.truncate(level.saturating_sub(2));
            if level >= 2 {
                path.push(name.to_string());
            }
        } else if entry_url(&lines[i]) == Some(e.url.as_str()) {
            let beside = |j: Option<usize>, id: Option<&str>| {
                let url = j.and_then(|j| lines.get(j)).and_then(|l| entry_url(l));
                matches!((url, id), (Some(u), Some(id)) if neighbours.links_to(u, id))
            };
            let well_placed =
                path == e.section || beside(i.checked_sub(1), before) || beside(Some(i + 1), after);
            if !placed && well_placed {
                lines[i] = e.line.clone();
                placed = true;
            } else {
                lines.remove(i);
                continue;
            }
        }
        i += 1;
    }
    if placed {
        return;
    }
    let listed = |id: Option<&str>| {
        let id = id?;
        lines
            .iter()
            .position(|l| entry_url(l).is_some_and(|u| u != e.url && neighbours.links_to(u, id)))
    };
    if let Some(j) = listed(before) {
        lines.insert(j + 1, e.line.clone());
    } else if let Some(j) = listed(after) {
        lines.insert(j, e.line.clone());
    } else {
        insert_in_section(lines, e);
    }
}

/// Appends the entry to its section's own entries, creating missing sections in place: a
/// nested one at the end of its parent, a `##` one at the end of the file.
fn insert_in_section(lines: &mut Vec<String>, e: &Entry) {
    // (start, end) of the current parent: the whole file, then each found section's lines.
    let (mut start, mut end) = (0, lines.len());
    for (depth, name) in e.section.iter().enumerate() {
        let level = depth + 2;
        let found = (start..end).find(|&i| heading(&lines[i]) == Some((level, name.as_str())));
        let Some(head) = found else {
            // Create this section and the deeper ones at the end of the parent.
            let mut at = end;
            while at > start && lines[at - 1].trim().is_empty() {
                at -= 1;
            }
            let mut new = Vec::new();
            for (d, n) in e.section.iter().enumerate().skip(depth) {
                new.extend([
                    String::new(),
                    format!("{} {n}", "#".repeat(d + 2)),
                    String::new(),
                ]);
            }
            new.push(e.line.clone());
            lines.splice(at..at, new);
            return;
        };
        start = head + 1;
        end = (start..end)
            .find(|&i| heading(&lines[i]).is_some_and(|(l, _)| l <= level))
            .unwrap_or(end);
    }
    // The section's own entries end where its first sub-heading starts.
    let own_end = (start..end)
        .find(|&i| heading(&lines[i]).is_some())
        .unwrap_or(end);
    match (start..own_end)
        .rev()
        .find(|&i| lines[i].trim_start().starts_with("- "))
    {
        Some(last) => lines.insert(last + 1, e.line.clone()),
        None => {
            lines.insert(start, String::new());
            lines.insert(start + 1, e.line.clone());
        }
    }
}

/// Removes the lines personamap wrote on an earlier run (`recorded`, exact text) whose page is
/// no longer among `entries` (matched by URL). Every other line, line ending included, keeps
/// its bytes; a recorded line the user edited stays.
pub fn remove_gone(existing: &str, recorded: &[String], entries: &[Entry]) -> String {
    let gone: Vec<&str> = recorded
        .iter()
        .map(String::as_str)
        .filter(|l| entry_url(l).is_some_and(|url| entries.iter().all(|e| e.url != url)))
        .collect();
    if gone.is_empty() {
        return existing.to_string();
    }
    existing
        .split_inclusive('\n')
        .filter(|l| {
            let bare = l.strip_suffix('\n').unwrap_or(l);
            let bare = bare.strip_suffix('\r').unwrap_or(bare);
            !gone.contains(&bare)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(id: &str) -> Entry {
        Entry::new(&["Docs".into()], "https://x.org", id, "T [1]", "D")
    }

    fn merge(existing: Option<&str>, entries: &[Entry], header: &Header) -> String {
        super::merge(existing, entries, header, &Neighbours::default())
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
    fn removes_only_recorded_lines_of_gone_pages() {
        let a = entry("a");
        let b = entry("b");
        let text = format!(
            "# S\r\n\r\n## Docs\r\n\r\n{}\r\n- [Mine](u)\r\n{}\r\n",
            a.line, b.line
        );
        let out = remove_gone(
            &text,
            &[a.line.clone(), b.line.clone()],
            std::slice::from_ref(&b),
        );
        assert_eq!(
            out,
            format!("# S\r\n\r\n## Docs\r\n\r\n- [Mine](u)\r\n{}\r\n", b.line)
        );
        // A line the user edited is theirs now.
        let edited = text.replace(": D\r\n- [Mine]", ": mine\r\n- [Mine]");
        assert_eq!(
            remove_gone(&edited, std::slice::from_ref(&a.line), &[]),
            edited
        );
    }

    #[test]
    fn a_title_ending_in_a_backslash_is_merged_once() {
        let e = Entry::new(&["Docs".to_string()], "https://x.org", "a", "Map \\", "D");
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

    fn nested(id: &str) -> Entry {
        Entry::new(
            &["Developers".into(), "Concepts".into()],
            "https://x.org",
            id,
            "T",
            "D",
        )
    }

    #[test]
    fn creates_a_nested_section_in_place() {
        let old = "# S\n\n## Home\n\n- [H](https://x.org/h)\n\n## Developers\n\n\n## Gateways\n\n- [G](https://x.org/g)\n";
        let out = merge(Some(old), &[nested("a")], &HEADER);
        assert_eq!(
            out,
            "# S\n\n## Home\n\n- [H](https://x.org/h)\n\n## Developers\n\n### Concepts\n\n- [T](https://x.org/a.md): D\n\n\n## Gateways\n\n- [G](https://x.org/g)\n"
        );
        assert_eq!(merge(Some(&out), &[nested("a")], &HEADER), out);
        // An existing nested section gets the entry after its own entries, before subsections.
        let old = "# S\n\n## Developers\n\n### Concepts\n\n- [C](https://x.org/c)\n\n#### Deep\n\n- [D](https://x.org/d)\n\n### Build\n";
        assert_eq!(
            merge(Some(old), &[nested("a")], &HEADER),
            "# S\n\n## Developers\n\n### Concepts\n\n- [C](https://x.org/c)\n- [T](https://x.org/a.md): D\n\n#### Deep\n\n- [D](https://x.org/d)\n\n### Build\n"
        );
    }

    #[test]
    fn goes_next_to_its_navigation_neighbours() {
        let docs = crate::docs_json::DocsJson::parse(
            r#"{"navigation": {"groups": [{"group": "G", "pages": ["p", "a", "n"]}]}}"#,
        )
        .unwrap();
        let neighbours = Neighbours::from_docs(&docs, "https://x.org");
        let old = "# S\n\n## One\n\n- [P](https://x.org/p)\n- [Q](https://x.org/q)\n\n## Two\n\n- [N](https://x.org/n.md)\n";
        let out = super::merge(Some(old), &[nested("a")], &HEADER, &neighbours);
        assert_eq!(
            out,
            "# S\n\n## One\n\n- [P](https://x.org/p)\n- [T](https://x.org/a.md): D\n- [Q](https://x.org/q)\n\n## Two\n\n- [N](https://x.org/n.md)\n"
        );
        assert_eq!(
            super::merge(Some(&out), &[nested("a")], &HEADER, &neighbours),
            out
        );
        // Only the next neighbour listed: right before it.
        let old = "# S\n\n## Two\n\n- [N](https://x.org/n.md)\n";
        assert_eq!(
            super::merge(Some(old), &[nested("a")], &HEADER, &neighbours),
            "# S\n\n## Two\n\n- [T](https://x.org/a.md): D\n- [N](https://x.org/n.md)\n"
        );
    }
}
