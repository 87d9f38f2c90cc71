//! What a reading gives: the template found, the cells read, the rows found, and what the
//! reading has to say about them.

use super::grid::MatchedRow;
use crate::model::{Cell, Span};
use crate::schema::Template;
use std::ops::Range;

pub struct Extraction {
    pub template: Option<Template>,
    pub cells: Vec<Cell>,
    /// Line ranges of the tables, which prose and heading checks skip.
    pub table_lines: Vec<Range<usize>>,
    /// Rows that matched an indicator, with the indicator, for rules that need the row.
    pub matched: Vec<MatchedRow>,
    /// A statistics table is announced (title or header) at this normalized range.
    pub table_announced: Option<Range<usize>>,
    /// Rows matched by similarity only (misspelled or outdated wording), for a warning.
    pub fuzzy: Vec<(usize, f64)>,
    /// What the extraction itself has to say (a row rebuilt from glued digits, …).
    pub notes: Vec<Note>,
    /// The old template's value columns when it prints a year and a 历年累计 column.
    pub old_columns: &'static [&'static str],
    /// Per table, the cells the template has and the cells read (set once the reading is
    /// chosen; the report and `table-incomplete` both use it).
    pub coverage: Vec<crate::model::Coverage>,
    /// Rows found but not read, and why.
    pub unread: Vec<(&'static str, crate::read::coverage::Why)>,
    /// Whether the tables were read from exact grids (a file's or the clipboard's tables).
    pub exact: bool,
    /// Rows of the text's layout with figures, among the rows matched, that matched no row of
    /// the form (a label printed too garbled to be told): the reading by layout did not read
    /// the table whole, though every row it found was read.
    pub unplaced: usize,
}

/// A remark of the extraction, reported by the rule of the same code.
#[derive(Clone)]
pub struct Note {
    pub code: &'static str,
    pub message: String,
    pub span: Span,
    pub indicator: &'static str,
}

impl Extraction {
    /// What coverage is judged on.
    pub fn tables(&self) -> crate::read::coverage::Tables<'_> {
        crate::read::coverage::Tables {
            template: self.template,
            cells: &self.cells,
            old_columns: self.old_columns,
            found: &self.matched,
            unread: &self.unread,
            exact: self.exact,
        }
    }
}

/// The cells of one indicator, by column.
pub fn cells_for<'c>(cells: &'c [Cell], id: &str) -> impl Iterator<Item = &'c Cell> {
    let id = id.to_string();
    cells.iter().filter(move |c| c.indicator == id)
}

pub fn span_of(cells: &[Cell], id: &str) -> Option<Span> {
    cells_for(cells, id).next().map(|c| c.span)
}
