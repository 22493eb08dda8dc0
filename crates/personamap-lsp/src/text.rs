//! Positions: LSP's (line, UTF-16 column) in a document's text as the editor holds it, and the
//! byte offsets the compiler and the analysis use, which point into the same text normalised as
//! the spec reader normalises files (no byte-order mark, `\r\n` read as `\n`).

use lsp_types::{Position, Range, TextDocumentContentChangeEvent};

/// A document's text with its line starts, for converting positions both ways.
pub struct LineIndex<'a> {
    text: &'a str,
    /// Byte offset of each line's first character (the first is 0).
    starts: Vec<usize>,
    /// Whether the text differs from its normalised form (a BOM or a `\r\n`).
    raw: bool,
}

impl<'a> LineIndex<'a> {
    /// The index of `text` (as the editor holds it).
    pub fn new(text: &'a str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex {
            text,
            starts,
            raw: text.starts_with('\u{feff}') || text.contains('\r'),
        }
    }

    /// The byte offset in the text of `pos`: a line past the end gives the end, a column past
    /// the line's end gives the line's end (before its `\r\n`), and a column inside a character
    /// gives that character's start.
    pub fn offset(&self, pos: Position) -> usize {
        let Some(&start) = self.starts.get(pos.line as usize) else {
            return self.text.len();
        };
        let line = &self.text[start..];
        let line = line.split('\n').next().unwrap_or("");
        let line = line.strip_suffix('\r').unwrap_or(line);
        let mut units = 0u32;
        for (i, c) in line.char_indices() {
            let next = units + c.len_utf16() as u32;
            if next > pos.character {
                return start + i;
            }
            units = next;
        }
        start + line.len()
    }

    /// The position of byte offset `offset` of the text (clamped to the text and moved back to
    /// a character boundary).
    pub fn position(&self, offset: usize) -> Position {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let start = self.starts[line];
        let character = self.text[start..offset]
            .chars()
            .map(|c| c.len_utf16() as u32)
            .sum();
        Position::new(line as u32, character)
    }

    /// The LSP range of the byte range `range` of the text.
    pub fn range(&self, range: std::ops::Range<usize>) -> Range {
        Range::new(self.position(range.start), self.position(range.end))
    }

    /// The offset in the text of offset `n` of its normalised form.
    pub fn from_normalised(&self, n: usize) -> usize {
        if !self.raw {
            return n;
        }
        let bom = if self.text.starts_with('\u{feff}') {
            3
        } else {
            0
        };
        let mut seen = 0;
        let bytes = self.text.as_bytes();
        let mut i = bom;
        while i < bytes.len() && seen < n {
            if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                i += 1;
                continue;
            }
            i += 1;
            seen += 1;
        }
        i
    }

    /// The offset in the normalised form of offset `o` of the text.
    pub fn to_normalised(&self, o: usize) -> usize {
        if !self.raw {
            return o;
        }
        let mut o = o.min(self.text.len());
        while !self.text.is_char_boundary(o) {
            o -= 1;
        }
        let head = &self.text[..o];
        let bom = usize::from(head.starts_with('\u{feff}')) * 3;
        o - bom - head.matches("\r\n").count()
    }

    /// The position of offset `n` of the normalised text.
    pub fn position_of_normalised(&self, n: usize) -> Position {
        self.position(self.from_normalised(n))
    }

    /// The LSP range of the normalised range `range`.
    pub fn range_of_normalised(&self, range: std::ops::Range<usize>) -> Range {
        Range::new(
            self.position_of_normalised(range.start),
            self.position_of_normalised(range.end),
        )
    }

    /// The normalised offset of `pos`.
    pub fn normalised_offset(&self, pos: Position) -> usize {
        self.to_normalised(self.offset(pos))
    }
}

/// Applies one `didChange` content change to `text`: a whole new text, or a replacement of a
/// range (its ends in either order, clamped as [`LineIndex::offset`] clamps).
pub fn apply_change(text: &mut String, change: TextDocumentContentChangeEvent) {
    match change.range {
        None => *text = change.text,
        Some(range) => {
            let index = LineIndex::new(text);
            let (a, b) = (index.offset(range.start), index.offset(range.end));
            let (start, end) = (a.min(b), a.max(b));
            text.replace_range(start..end, &change.text);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_columns_count_surrogate_pairs_and_clamp() {
        let text = "a😀b\r\nßc\n";
        let index = LineIndex::new(text);
        // 😀 is two UTF-16 units and four bytes.
        assert_eq!(index.offset(Position::new(0, 3)), 5);
        assert_eq!(index.position(5), Position::new(0, 3));
        // Inside the surrogate pair: the character's start.
        assert_eq!(index.offset(Position::new(0, 2)), 1);
        // Past the line's end: before its \r\n.
        assert_eq!(index.offset(Position::new(0, 99)), 6);
        assert_eq!(index.offset(Position::new(1, 1)), 10);
        assert_eq!(index.offset(Position::new(9, 0)), text.len());
        assert_eq!(index.position(text.len()), Position::new(2, 0));
        // Normalised offsets skip each \r of a \r\n.
        assert_eq!(index.to_normalised(8), 7);
        assert_eq!(index.from_normalised(7), 8);
        assert_eq!(index.position_of_normalised(7), Position::new(1, 0));
    }

    #[test]
    fn a_bom_is_not_in_the_normalised_text() {
        let text = "\u{feff}ab";
        let index = LineIndex::new(text);
        assert_eq!(index.from_normalised(0), 3);
        assert_eq!(index.from_normalised(2), 5);
        assert_eq!(index.to_normalised(4), 1);
    }

    #[test]
    fn changes_apply_in_utf16_ranges() {
        let mut text = "x = \"é😀\"\n".to_string();
        apply_change(
            &mut text,
            TextDocumentContentChangeEvent {
                range: Some(Range::new(Position::new(0, 6), Position::new(0, 8))),
                range_length: None,
                text: "!".into(),
            },
        );
        assert_eq!(text, "x = \"é!\"\n");
        // Ends reversed: the same range.
        apply_change(
            &mut text,
            TextDocumentContentChangeEvent {
                range: Some(Range::new(Position::new(0, 7), Position::new(0, 5))),
                range_length: None,
                text: String::new(),
            },
        );
        assert_eq!(text, "x = \"\"\n");
    }
}
