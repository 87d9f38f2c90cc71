//! What the anchored reading works with: a template row found in the text, the figure
//! tokens, and a row as read.

use crate::read::grid::{RawCell, Row};
use crate::schema::Indicator;
use crate::segment::Document;
use std::ops::Range;

/// A template row found in the text.
#[derive(Debug, Clone)]
pub struct Anchor {
    pub indicator: &'static Indicator,
    /// The Han characters matched (normalized byte range, first to last).
    pub core: Range<usize>,
    /// The label as printed around the match (numbering included).
    pub label: Range<usize>,
    /// Whether the label was found in the text; a row read by the arithmetic alone (its
    /// label too broken up to find) stands at its first figure.
    pub found: bool,
    /// Other cells' characters stand between the label's own: it is shown in the
    /// template's wording.
    pub broken: bool,
    /// The label as printed is none of the row's wordings: found by its place.
    pub variant: bool,
}

impl Anchor {
    /// The label as a person reads it: the numbering before the wording, the wording's own
    /// characters (without the figures of other cells printed between its fragments), and
    /// the words after it.
    pub fn printed(&self, text: &str) -> String {
        let before = &text[self.label.start..self.core.start.max(self.label.start)];
        let inside = &text[self.core.clone()];
        // a note wrapped onto later lines has the row's figures between its lines
        let after: String = text[self.core.end.min(self.label.end)..self.label.end]
            .split(|c: char| c.is_whitespace() || c == '|')
            .filter(|w| !w.bytes().all(|b| b.is_ascii_digit() || b"+-.".contains(&b)))
            .collect();
        before
            .chars()
            .chain(inside.chars().filter(|c| !c.is_ascii_digit()))
            .chain(after.chars())
            .filter(|c| !c.is_whitespace() && *c != '|')
            .collect()
    }
}

/// What a figure token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tok {
    /// A number or a not-applicable mark standing on its own.
    Value,
    /// An empty cell between two tabs.
    Blank,
    /// Digits run into the neighbouring text: maybe several cells glued together.
    Glued,
}

#[derive(Debug, Clone)]
pub struct Token {
    pub range: Range<usize>,
    pub kind: Tok,
}

/// One row as read: a token per column, or a glued run standing for the whole row.
#[derive(Debug, Clone)]
pub struct ReadRow {
    pub anchor: Anchor,
    pub columns: &'static [&'static str],
    /// Per column: the cell read (empty text for a blank cell), or `None` when not read.
    pub cells: Vec<Option<RawCell>>,
    /// A run of glued digits that could not be split in one way only.
    pub unreadable: Option<RawCell>,
    /// A run of glued digits split by the table's arithmetic.
    pub reconstructed: Option<(RawCell, Vec<String>)>,
}

impl ReadRow {
    /// Leaves every cell of the row unread: a doubt over the row rather than over one cell.
    pub fn leave_unread(&mut self) {
        self.cells.iter_mut().for_each(|c| *c = None);
    }

    pub fn read_count(&self) -> usize {
        self.cells.iter().filter(|c| c.is_some()).count()
    }

    /// The row in the grid's terms, for the steps that work on rows.
    pub fn as_row(&self, doc: &Document) -> Row {
        let label = RawCell {
            text: doc.text()[self.anchor.label.clone()].to_string(),
            range: self.anchor.label.clone(),
        };
        Row {
            label_parts: vec![label],
            unit: None,
            values: self.cells.iter().flatten().cloned().collect(),
        }
    }
}

pub fn raw(text: &str, tok: &Token) -> RawCell {
    RawCell {
        text: match tok.kind {
            Tok::Blank => String::new(),
            _ => text[tok.range.clone()].to_string(),
        },
        range: tok.range.clone(),
    }
}
