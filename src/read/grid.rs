//! Table grid: finds the table regions of a document, detects each one's layout and turns it
//! into rows of cells (label, optional unit, values).
//!
//! Pasted tables arrive flattened in many ways; each region is read by the layout it shows,
//! never by what file it came from. Stream layouts (one cell per line, `|` lines, ` |` suffixes)
//! carry no row breaks, so rows are rebuilt from what each cell is: a label, a unit or a value.

use crate::schema::Indicator;
use crate::segment::Document;
use std::ops::Range;

/// One cell as printed: normalized text (trimmed) and its normalized byte range.
/// An empty cell has an empty text and the range of its separator, if any.
#[derive(Debug, Clone)]
pub struct RawCell {
    pub text: String,
    pub range: Range<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// `\tcell` lines, one cell per line, rows separated by blank lines (Word → text).
    TabBlock,
    /// Cells separated by tabs on one line per row.
    TabRow,
    /// Cells separated by lines holding only `|`.
    PipeLine,
    /// Every cell on its own line ending in ` |`.
    PipeSuffix,
    /// `| a | b |` rows.
    Markdown,
    /// One row per line, columns separated by runs of spaces (PDF text).
    Spaces,
    /// One cell per line, nothing else.
    CellPerLine,
}

impl Layout {
    /// Whether rows must be rebuilt from a stream of cells.
    fn is_stream(self) -> bool {
        matches!(
            self,
            Layout::PipeLine | Layout::PipeSuffix | Layout::CellPerLine
        )
    }
}

/// A row of the text matched to a template row.
#[derive(Clone)]
pub struct MatchedRow {
    pub indicator: &'static Indicator,
    pub row: Row,
    pub score: f64,
}

#[derive(Debug, Clone, Default)]
pub struct Row {
    pub label_parts: Vec<RawCell>,
    pub unit: Option<RawCell>,
    pub values: Vec<RawCell>,
}

impl Row {
    /// The label's cells as one text, white space taken out (in one pass: labels are asked
    /// for often while rows are matched).
    pub fn label(&self) -> String {
        let label: String = self
            .label_parts
            .iter()
            .flat_map(|c| c.text.chars())
            .filter(|c| !c.is_whitespace())
            .collect();
        without_serial(label)
    }
    pub fn label_range(&self) -> Range<usize> {
        match (self.label_parts.first(), self.label_parts.last()) {
            (Some(a), Some(b)) => a.range.start..b.range.end,
            _ => self.values.first().map_or(0..0, |v| v.range.clone()),
        }
    }
    fn is_empty(&self) -> bool {
        self.label_parts.is_empty() && self.unit.is_none() && self.values.is_empty()
    }
    fn width(&self) -> usize {
        usize::from(!self.label_parts.is_empty())
            + usize::from(self.unit.is_some())
            + self.values.len()
    }
}

#[derive(Debug, Clone)]
pub struct Table {
    /// Line indices of the region.
    pub lines: Range<usize>,
    pub layout: Layout,
    pub rows: Vec<Row>,
}

/// What a cell's text is, for rebuilding rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CellClass {
    Empty,
    Value,
    Unit,
    Text,
}

pub use crate::schema::UNITS;
const NOT_APPLICABLE: &[&str] = &["/", "—", "——", "-", "--", "–", "无", "不适用", "×", "\\"];

pub fn is_not_applicable(t: &str) -> bool {
    NOT_APPLICABLE.contains(&t)
}

pub fn classify(text: &str) -> CellClass {
    let t = text.trim();
    if t.is_empty() {
        CellClass::Empty
    } else if UNITS.contains(&t) {
        CellClass::Unit
    } else if is_not_applicable(t) || looks_numeric(t) {
        CellClass::Value
    } else {
        CellClass::Text
    }
}

/// A number, maybe signed, with decimals, a percent sign or a unit glued on (`975`, `0元`, `1.5`).
fn looks_numeric(t: &str) -> bool {
    let body = UNITS.iter().find_map(|u| t.strip_suffix(u)).unwrap_or(t);
    let body = body.strip_suffix('%').unwrap_or(body);
    let body = body.strip_prefix(['-', '+']).unwrap_or(body);
    !body.is_empty()
        && body.starts_with(|c: char| c.is_ascii_digit())
        && body
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == 'e' || c == 'E')
}

/// Header words of the statistics tables; a row made only of these is a header row.
const HEADER_WORDS: &[&str] = &[
    "统计指标",
    "指标名称",
    "指标",
    "单位",
    "计量单位",
    "统计数",
    "数量",
    "数值",
    "本年度",
    "项目",
    "内容",
    // 2019/2021 national tables
    "信息内容",
    "本年制发件数",
    "本年废止件数",
    "现行有效件数",
    "本年处理决定数量",
    "本年收费金额",
    "本年新制作数量",
    "本年新公开数量",
    "对外公开总数量",
    "上一年项目数量",
    "本年增/减",
    "处理决定数量",
    "采购项目数量",
    "采购总金额",
    "申请人情况",
    "自然人",
    "法人或其他组织",
    "商业企业",
    "科研机构",
    "社会公益组织",
    "法律服务机构",
    "其他",
    "总计",
    "行政复议",
    "行政诉讼",
    "结果维持",
    "结果纠正",
    "其他结果",
    "尚未审结",
    "未经复议直接起诉",
    "复议后起诉",
];

/// The 2008 header (`统计指标 | 单位 | 统计数`) gives a stream its row width.
const WIDTH_HEADERS: &[&str] = &["统计指标", "指标名称", "指标"];

pub fn is_header_word(text: &str) -> bool {
    // most cells hold no white space: copied only when some is to be taken out
    let t: std::borrow::Cow<str> = if text.contains(char::is_whitespace) {
        text.chars().filter(|c| !c.is_whitespace()).collect()
    } else {
        text.into()
    };
    HEADER_WORDS.contains(&t.as_ref())
        || (t.ends_with("年度") && t.len() <= 14)
        || (t.starts_with("第二十条") && t.ends_with('项'))
        || t.contains("勾稽关系")
        || (t.starts_with("本年收费金额") && t.len() <= 40)
}

/// More header cells than any statistics table prints: past this a run of header words is
/// not a header row, which also keeps rebuilding rows linear on text made of header words.
const MAX_HEADER_CELLS: usize = 64;

fn is_header_row(row: &Row) -> bool {
    (2..=MAX_HEADER_CELLS).contains(&row.label_parts.len())
        && row.values.iter().all(|v| v.text.trim().is_empty())
        && row.label_parts.iter().all(|p| is_header_word(&p.text))
}

/// Tables of the document: regions of table-like lines, each read in its own layout.
pub fn tables(doc: &Document) -> Vec<Table> {
    regions(doc)
        .into_iter()
        .map(|lines| {
            let layout = detect_layout(doc, lines.clone());
            let mut b = RowBuilder::new(layout);
            pieces(doc, lines.clone(), layout, &mut |p| b.take(p));
            let rows = b.finish();
            Table {
                lines,
                layout,
                rows,
            }
        })
        .filter(|t| t.rows.iter().any(|r| !r.values.is_empty()))
        .collect()
}

/// Prose lines are long sentences; table lines are short, or carry separators.
fn is_prose_line(t: &str) -> bool {
    let n = t.chars().count();
    if t.contains('\t') || t.trim_end().ends_with('|') || t.trim_start().starts_with('|') {
        return false;
    }
    n > 90 || (n > 40 && (t.contains('。') || t.contains(';') || t.contains('；')))
}

fn regions(doc: &Document) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for i in 0..=doc.lines.len() {
        let prose = i == doc.lines.len() || is_prose_line(doc.line_text(i));
        match (start, prose) {
            (None, false) => start = Some(i),
            (Some(s), true) => {
                out.push(s..i);
                start = None;
            }
            _ => {}
        }
    }
    out
}

fn detect_layout(doc: &Document, lines: Range<usize>) -> Layout {
    let (
        mut nonblank,
        mut pipe_only,
        mut pipe_suffix,
        mut markdown,
        mut tab_lead,
        mut tab_inner,
        mut spaced,
    ) = (0usize, 0, 0, 0, 0, 0, 0);
    for i in lines {
        let raw = doc.line_text(i);
        let t = raw.trim();
        if t.is_empty() {
            continue;
        }
        nonblank += 1;
        if t.chars().all(|c| c == '|') && t.len() == 1 {
            pipe_only += 1;
        } else if t.starts_with('|') && t.matches('|').count() >= 3 {
            markdown += 1;
        } else if t.ends_with('|') {
            pipe_suffix += 1;
        }
        let content = raw.trim_start_matches([' ', '\t']);
        if content.contains('\t')
            && !content.trim_end_matches([' ', '\t']).is_empty()
            && content.trim_end().contains('\t')
        {
            tab_inner += 1;
        } else if raw.starts_with('\t') {
            tab_lead += 1;
        }
        if is_spaced(t) {
            spaced += 1;
        }
    }
    let share = |n: usize| n * 100 / nonblank.max(1);
    if share(markdown) >= 30 {
        Layout::Markdown
    } else if share(pipe_only) >= 15 {
        Layout::PipeLine
    } else if share(pipe_suffix) >= 40 {
        Layout::PipeSuffix
    } else if share(tab_inner) >= 25 {
        Layout::TabRow
    } else if share(tab_lead) >= 40 {
        Layout::TabBlock
    } else if share(spaced) >= 25 {
        Layout::Spaces
    } else {
        Layout::CellPerLine
    }
}

/// Whether [`split_spaced`] finds two cells or more in a trimmed line, without building them:
/// a second chunk (after a tab or two spaces), or several words ending in a value. Building
/// them took many times the memory of a long tab-separated line.
fn is_spaced(t: &str) -> bool {
    t.contains('\t')
        || t.contains("  ")
        || t.rsplit_once(' ')
            .is_some_and(|(_, last)| classify(last) == CellClass::Value)
}

/// Splits a PDF-style line into cells: runs of 2+ spaces separate columns, and values at
/// the end of a line separated by single spaces are cells of their own.
fn split_spaced(line: &str) -> Vec<(usize, usize)> {
    let mut chunks: Vec<(usize, usize)> = Vec::new();
    let b = line.as_bytes();
    let mut i = 0;
    while i < b.len() {
        while i < b.len() && (b[i] == b' ' || b[i] == b'\t') {
            i += 1;
        }
        if i >= b.len() {
            break;
        }
        let start = i;
        // a chunk ends at two spaces, a tab, or a single space before/after a value token
        while i < b.len()
            && b[i] != b'\t'
            && !(b[i] == b' ' && b.get(i + 1).is_some_and(|&n| n == b' '))
        {
            i += 1;
        }
        chunks.push((start, i));
    }
    let mut out = Vec::new();
    for (s, e) in chunks {
        let words: Vec<(usize, usize)> = word_ranges(line, s, e);
        // trailing values become cells; the words before them are one label
        let first_value = words
            .iter()
            .rposition(|&(ws, we)| classify(&line[ws..we]) != CellClass::Value)
            .map_or(0, |p| p + 1);
        if first_value > 0 {
            out.push((words[0].0, words[first_value - 1].1));
        }
        out.extend_from_slice(&words[first_value..]);
    }
    out
}

fn word_ranges(line: &str, s: usize, e: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in line[s..e].char_indices() {
        match (c == ' ', start) {
            (true, Some(st)) => {
                out.push((s + st, s + i));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(st) = start {
        out.push((s + st, e));
    }
    out
}

enum Piece {
    Cell(RawCell),
    RowEnd,
}

fn cell(doc: &Document, line_start: usize, s: usize, e: usize) -> Piece {
    let raw = &doc.text()[line_start + s..line_start + e];
    let lead = raw.len() - raw.trim_start().len();
    let text = raw.trim();
    let start = line_start + s + lead;
    Piece::Cell(RawCell {
        text: text.to_string(),
        range: start..start + text.len(),
    })
}

fn empty_cell(at: Range<usize>) -> Piece {
    Piece::Cell(RawCell {
        text: String::new(),
        range: at,
    })
}

/// The cells and row ends of a region, handed to `out` one by one: a region of a pasted dump
/// can hold millions of cells, and collecting them first cost more memory than the text.
fn pieces(doc: &Document, lines: Range<usize>, layout: Layout, out: &mut dyn FnMut(Piece)) {
    let mut pending: Option<RawCell> = None; // PipeLine: lines of the cell being read
    let mut seen_separator = false; // PipeLine: lines before the first `|` are not one cell
    let mut last_border = false; // CellPerLine: the last line not empty was a tab alone
    let mut blank_lines_after_border = 0; // CellPerLine: empty lines since that tab
    for i in lines {
        let l = doc.lines[i];
        let raw = doc.line_text(i);
        let t = raw.trim();
        if crate::segment::is_page_marker(t) {
            continue;
        }
        match layout {
            Layout::TabBlock => {
                if raw.trim_matches(' ').is_empty() {
                    out(Piece::RowEnd);
                } else if t.is_empty() {
                    out(empty_cell(l.start..l.end));
                } else {
                    out(cell(doc, l.start, 0, raw.len()));
                }
            }
            Layout::TabRow => {
                if t.is_empty() {
                    continue;
                }
                let mut pos = 0;
                let lead_empty = raw.split('\t').take_while(|f| f.trim().is_empty()).count();
                for (k, f) in raw.split('\t').enumerate() {
                    if k >= lead_empty {
                        out(if f.trim().is_empty() {
                            empty_cell(
                                l.start + pos..l.start + pos + f.len().max(1).min(raw.len() - pos),
                            )
                        } else {
                            cell(doc, l.start, pos, pos + f.len())
                        });
                    }
                    pos += f.len() + 1;
                }
                out(Piece::RowEnd);
            }
            Layout::PipeLine => {
                if t == "|" {
                    seen_separator = true;
                    let c = pending.take().unwrap_or(RawCell {
                        text: String::new(),
                        range: l.start..l.end,
                    });
                    out(Piece::Cell(c));
                } else if !t.is_empty() {
                    let Piece::Cell(c) = cell(doc, l.start, 0, raw.len()) else {
                        unreachable!()
                    };
                    match &mut pending {
                        Some(p) if seen_separator => {
                            p.text.push_str(&c.text);
                            p.range.end = c.range.end;
                        }
                        _ => pending = Some(c),
                    }
                }
            }
            Layout::PipeSuffix | Layout::Markdown => {
                if t.is_empty() {
                    continue;
                }
                if layout == Layout::Markdown
                    && t.chars().all(|c| matches!(c, '|' | '-' | ':' | ' '))
                {
                    continue; // the |---|---| line
                }
                let inner_start = raw.find(|c: char| !c.is_whitespace()).unwrap_or(0);
                let body = &raw[inner_start..];
                let body = if layout == Layout::Markdown {
                    body.strip_prefix('|').unwrap_or(body)
                } else {
                    body
                };
                let offset =
                    raw.len() - raw[inner_start..].len() + (raw[inner_start..].len() - body.len());
                let mut pos = offset;
                let parts: Vec<&str> = body.split('|').collect();
                let n = if body.trim_end().ends_with('|') {
                    parts.len() - 1
                } else {
                    parts.len()
                };
                for p in &parts[..n] {
                    out(if p.trim().is_empty() {
                        empty_cell(l.start + pos..l.start + (pos + p.len() + 1).min(raw.len()))
                    } else {
                        cell(doc, l.start, pos, pos + p.len())
                    });
                    pos += p.len() + 1;
                }
                if layout == Layout::Markdown {
                    out(Piece::RowEnd);
                }
            }
            Layout::Spaces => {
                if t.is_empty() {
                    continue;
                }
                for (s, e) in split_spaced(raw) {
                    out(cell(doc, l.start, s, e));
                }
                out(Piece::RowEnd);
            }
            Layout::CellPerLine => {
                let border = t.is_empty() && raw.contains('\t');
                if border {
                    // Chromium's copy of cells holding paragraphs: a tab between two cells,
                    // blank lines around each; two tabs with nothing between (on one line or
                    // two) are an empty cell
                    let tabs = raw.matches('\t').count();
                    for _ in 0..tabs - 1 + usize::from(last_border) {
                        out(empty_cell(l.start..l.end));
                    }
                }
                if !t.is_empty() {
                    out(cell(doc, l.start, 0, raw.len()));
                }
                // a cell holding only a no-break space (`&nbsp;`, a blank left in Word or an
                // editor) is copied as that space alone on its line: an empty cell
                let spaces_only = t.is_empty() && !raw.is_empty() && !raw.contains('\t');
                if spaces_only && last_border {
                    out(empty_cell(l.start..l.end));
                }
                if raw.is_empty() && last_border {
                    // a tab, then the run of line breaks that ends a row: the row's last cell
                    // is empty (a cell's own text follows a tab after one blank line)
                    blank_lines_after_border += 1;
                    if blank_lines_after_border == 2 {
                        out(empty_cell(l.start..l.end));
                    }
                } else if !raw.is_empty() {
                    last_border = border;
                    blank_lines_after_border = 0;
                }
            }
        }
    }
    if let Some(c) = pending {
        out(Piece::Cell(c));
    }
}

/// Rebuilds rows from cells: a label (one or more text cells), an optional unit, then values.
///
/// Row layouts end rows themselves. Streams with explicit cells (`|`) are cut by the width a
/// header row gives (`统计指标 | 单位 | 统计数` → 3), so that a blank or a wordy value keeps its
/// place; without a header, a row ends where a label follows values.
/// The rows of an exact grid (a file's or the clipboard's table, each row its cells).
fn assemble(pieces: Vec<Piece>, layout: Layout) -> Vec<Row> {
    let mut b = RowBuilder::new(layout);
    b.exact = true;
    pieces.into_iter().for_each(|p| b.take(p));
    b.finish()
}

struct RowBuilder {
    rows: Vec<Row>,
    row: Row,
    /// Cells per row in a stream, once a header row has told it.
    width: usize,
    layout: Layout,
    /// Rows of an exact grid: each row's cells are known, so a number before a label is the
    /// row's serial (in text, a converter may put a label's rest after the next row's number).
    exact: bool,
}

/// More values than any template row has (table 四: fifteen): the rest of such a row is not
/// kept, so that a line of a million tab-separated figures stays small.
const MAX_ROW_VALUES: usize = 64;

impl RowBuilder {
    fn new(layout: Layout) -> RowBuilder {
        RowBuilder {
            rows: Vec::new(),
            row: Row::default(),
            width: 0,
            layout,
            exact: false,
        }
    }

    fn take(&mut self, p: Piece) {
        match p {
            Piece::RowEnd => self.flush(),
            Piece::Cell(c) => self.push(c),
        }
    }

    fn finish(mut self) -> Vec<Row> {
        self.flush();
        self.rows
    }

    fn flush(&mut self) {
        if self.row.is_empty() {
            return;
        }
        let done = std::mem::take(&mut self.row);
        if is_header_row(&done) {
            let first: String = done.label_parts[0]
                .text
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect();
            if matches!(self.layout, Layout::PipeLine | Layout::PipeSuffix)
                && WIDTH_HEADERS.contains(&first.as_str())
            {
                self.width = done.label_parts.len();
            }
            return;
        }
        self.rows.push(done);
    }

    fn push(&mut self, c: RawCell) {
        let class = classify(&c.text);
        if !is_header_word(&c.text) && is_header_row(&self.row) {
            self.flush(); // a stream's header words end where the first row begins
        }
        let started = !self.row.is_empty();
        let labelling = self.row.unit.is_none() && self.row.values.is_empty();
        match class {
            CellClass::Empty if !started => {} // a stray separator before a row
            CellClass::Text if !started => self.row.label_parts.push(c),
            // a unit cell opening a line (`\t件\t9` under its label, in Chromium's copy of cells
            // holding paragraphs) is the unit of the label above, not words of it
            CellClass::Unit if !started => self.row.unit = Some(c),
            CellClass::Text if labelling => self.row.label_parts.push(c), // a label over several lines
            CellClass::Unit if labelling => self.row.unit = Some(c),
            // a 序号 column: the row's number before its label is no figure of it
            CellClass::Text if self.exact && self.serial_alone() => {
                self.row.values.clear();
                self.row.label_parts.push(c);
            }
            CellClass::Text if self.layout.is_stream() && !self.positional() => {
                self.flush(); // a label after values starts the next row
                self.row.label_parts.push(c);
            }
            // a unit after a stream's figures is no cell of the row: the next row's, its label
            // printed elsewhere (`布会次数` `0` `次` `2`), or the end of the label wrapped below
            // them (`行政规范性文` `0` `2` `件`, the third column printed elsewhere)
            CellClass::Unit if self.layout.is_stream() && !self.positional() => {
                self.flush();
                self.row.unit = Some(c);
            }
            _ if self.row.values.len() < MAX_ROW_VALUES => self.row.values.push(c),
            _ => {}
        }
        if self.positional() && self.row.width() >= self.width && !is_header_row(&self.row) {
            self.flush();
        }
    }

    /// Whether the row so far is one whole number and nothing else: a row's serial (`25`
    /// before `2.政府网站在线访谈次数`).
    fn serial_alone(&self) -> bool {
        self.row.label_parts.is_empty()
            && self.row.unit.is_none()
            && matches!(self.row.values.as_slice(),
                [v] if (1..=3).contains(&v.text.len()) && v.text.bytes().all(|b| b.is_ascii_digit()))
    }

    /// Streams with explicit cells and a known width are cut by position.
    fn positional(&self) -> bool {
        self.width > 0 && matches!(self.layout, Layout::PipeLine | Layout::PipeSuffix)
    }
}

/// Tables read exactly from a clipboard's HTML (rows of cell texts). Each cell is located in
/// the pasted text, in order, so that spans still point at what the user sees.
pub fn from_html(doc: &Document, html: &[Vec<Vec<String>>]) -> Vec<Table> {
    let text = doc.text();
    let mut cursor = 0;
    let mut missing = Vec::new();
    let mut out = Vec::new();
    for table in html {
        let first_line = doc.line_of(cursor);
        let mut pieces = Vec::new();
        for row in table {
            let lead = row
                .iter()
                .take_while(|c| normalized_cell(c).is_empty())
                .count();
            for c in &row[lead..] {
                let t = normalized_cell(c);
                let range = locate(text, &mut cursor, &t, &mut missing);
                pieces.push(Piece::Cell(RawCell { range, text: t }));
            }
            pieces.push(Piece::RowEnd);
        }
        let last_line = doc.line_of(cursor);
        out.push(Table {
            lines: first_line..last_line + 1,
            layout: Layout::TabRow,
            rows: assemble(pieces, Layout::TabRow),
        });
    }
    out
}

/// The next occurrence of a cell's text at or after `cursor`, which moves past it.
/// Texts remembered as missing, at most; a sorted list (not a hash set) keeps the wasm smaller.
const MAX_MISSING: usize = 4096;

fn locate(text: &str, cursor: &mut usize, t: &str, missing: &mut Vec<String>) -> Range<usize> {
    // the cursor only moves forward, so a text missing after it stays missing: remembering
    // that keeps cells that are not in the text from each searching to its end
    let known = missing.binary_search_by(|m| m.as_str().cmp(t));
    if !t.is_empty() && known.is_err() {
        if let Some(i) = text[*cursor..].find(t) {
            let start = *cursor + i;
            *cursor = start + t.len();
            return start..*cursor;
        }
        if let (Err(at), true) = (known, missing.len() < MAX_MISSING) {
            missing.insert(at, t.to_string());
        }
    }
    *cursor..*cursor
}

fn normalized_cell(c: &str) -> String {
    crate::normalize::Normalized::new(c)
        .text
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Regions (line ranges) of the document that hold tables, for other steps to skip.
pub fn table_line_ranges(tables: &[Table]) -> Vec<Range<usize>> {
    tables.iter().map(|t| t.lines.clone()).collect()
}

/// A label without the 序号 column's number run into it (`30 其中：涉及国家秘密` read as one
/// cell): a serial is digits before the wording's first character or bracket, where the form's
/// own numbering has `.` or `、` after its digits.
fn without_serial(label: String) -> String {
    let digits = label.bytes().take_while(u8::is_ascii_digit).count();
    let wording = label[digits..]
        .chars()
        .next()
        .is_some_and(|c| crate::normalize::is_han(c) || matches!(c, '(' | '（'));
    match digits > 0 && wording {
        true => label[digits..].to_string(),
        false => label,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_serial_run_into_a_label_is_no_part_of_it() {
        let label = |s: &str| without_serial(s.to_string());
        assert_eq!(label("30其中:涉及国家秘密"), "其中:涉及国家秘密");
        assert_eq!(
            label("12(2)政府网站在线访谈次数"),
            "(2)政府网站在线访谈次数"
        );
        assert_eq!(label("1.当面申请数"), "1.当面申请数");
        assert_eq!(label("2、传真申请数"), "2、传真申请数");
        assert_eq!(label("其中:涉及国家秘密"), "其中:涉及国家秘密");
    }

    /// (label, unit, values) of a row, for comparing.
    type Flat = (String, Option<String>, Vec<String>);

    fn rows_of(text: &str) -> (Layout, Vec<Flat>) {
        let doc = Document::new(text);
        let t = tables(&doc);
        assert_eq!(t.len(), 1, "one table expected");
        let rows = t[0]
            .rows
            .iter()
            .map(|r| {
                (
                    r.label(),
                    r.unit.as_ref().map(|u| u.text.clone()),
                    r.values.iter().map(|v| v.text.clone()).collect(),
                )
            })
            .collect();
        (t[0].layout, rows)
    }

    fn row(l: &str, u: Option<&str>, v: &[&str]) -> Flat {
        (
            l.into(),
            u.map(Into::into),
            v.iter().map(|s| s.to_string()).collect(),
        )
    }

    #[test]
    fn tab_blocks() {
        let (layout, rows) = rows_of("\t统 计 指 标\n\t单位\n\t统计数\n\n\t一、主动公开情况\n\t\n\t\n\n\t(一)主动公开政府信息数\n\t条\n\t975\n\n\t七、收取的费用\n\t元\n\t\n");
        assert_eq!(layout, Layout::TabBlock);
        assert_eq!(rows[0], row("一、主动公开情况", None, &["", ""]));
        assert_eq!(rows[1], row("(一)主动公开政府信息数", Some("条"), &["975"]));
        assert_eq!(rows[2], row("七、收取的费用", Some("元"), &[""]));
    }

    #[test]
    fn pipe_lines_with_blank_cells_and_multiline_labels() {
        let text = "统计指标\n|\n单位\n|\n统计数\n|\n(一)主动公开政府信息数\n(不同渠道和方式公开相同信息计1条)\n|\n条\n|\n7718\n|\n5.其他方式回应事件数\n|\n次\n|\n|\n四、行政复议数量\n|\n件\n|\n|\n(一)维持具体行政行为数\n|\n件\n|\n0\n|\n";
        let (layout, rows) = rows_of(text);
        assert_eq!(layout, Layout::PipeLine);
        assert_eq!(
            rows[0],
            row(
                "(一)主动公开政府信息数(不同渠道和方式公开相同信息计1条)",
                Some("条"),
                &["7718"]
            )
        );
        assert_eq!(rows[1], row("5.其他方式回应事件数", Some("次"), &[""]));
        assert_eq!(rows[2], row("四、行政复议数量", Some("件"), &[""]));
        assert_eq!(rows[3], row("(一)维持具体行政行为数", Some("件"), &["0"]));
    }

    #[test]
    fn pipe_suffix_with_repeated_header() {
        let text = "统 计 指 标 |\n单位 |\n统计数 |\n一、主动公开情况 |\n|\n|\n(一)主动公开政府信息数 |\n条 |\n1612 |\n统 计 指 标 |\n单位 |\n统计数 |\n六、举报投诉数量 |\n件 |\n0 |\n";
        let (layout, rows) = rows_of(text);
        assert_eq!(layout, Layout::PipeSuffix);
        assert_eq!(rows.len(), 3);
        assert_eq!(
            rows[1],
            row("(一)主动公开政府信息数", Some("条"), &["1612"])
        );
        assert_eq!(rows[2], row("六、举报投诉数量", Some("件"), &["0"]));
    }

    #[test]
    fn tab_rows_markdown_and_spaces() {
        let (l, rows) =
            rows_of("统计指标\t单位\t统计数\n(一)收到申请数\t件\t3\n(二)申请办结数\t件\t\n");
        assert_eq!(l, Layout::TabRow);
        assert_eq!(rows[1], row("(二)申请办结数", Some("件"), &[""]));
        // a Markdown table (its |---| rule) arrives as tab rows (crate::markdown); pipe rows
        // without a rule are read here
        let (l, rows) = rows_of("| 统计指标 | 单位 | 统计数 |\n|---|---|---|\n| (一)收到申请数 | 件 | 3 |\n| (二)申请办结数 | 件 | 5 |\n");
        assert_eq!(l, Layout::TabRow);
        assert_eq!(rows[0], row("(一)收到申请数", Some("件"), &["3"]));
        let (l, rows) = rows_of("| 统计指标 | 单位 | 统计数 |\n| (一)收到申请数 | 件 | 3 |\n| (二)申请办结数 | 件 |  |\n");
        assert_eq!(l, Layout::Markdown);
        assert_eq!(rows[0], row("(一)收到申请数", Some("件"), &["3"]));
        assert_eq!(rows[1], row("(二)申请办结数", Some("件"), &[""]));
        let (l, rows) =
            rows_of("(一)予以公开 5 0 0 0 0 0 5\n- 5 -\n1.属于国家秘密    0 0 0 0 0 0 0\n");
        assert_eq!(l, Layout::Spaces);
        assert_eq!(
            rows[0],
            row("(一)予以公开", None, &["5", "0", "0", "0", "0", "0", "5"])
        );
        assert_eq!(rows[1].0, "1.属于国家秘密");
    }

    #[test]
    fn spaced_lines_are_told_without_splitting_them() {
        for t in [
            "(一)予以公开 5 0 0",
            "1.属于国家秘密    0 0",
            "一、主动公开情况",
            "收到 申请",
            "5",
            "5 6",
            "a\tb",
            "统计指标 12 件",
            "统计指标 12",
        ] {
            assert_eq!(is_spaced(t), split_spaced(t).len() >= 2, "{t:?}");
        }
    }

    #[test]
    fn one_cell_per_line() {
        let (l, rows) =
            rows_of("统计指标\n单位\n统计数\n(一)收到申请数\n件\n3\n(二)申请办结数\n件\n2\n");
        assert_eq!(l, Layout::CellPerLine);
        assert_eq!(rows[0], row("(一)收到申请数", Some("件"), &["3"]));
        assert_eq!(rows[1], row("(二)申请办结数", Some("件"), &["2"]));
    }

    /// Chromium's copy of a table whose cells hold paragraphs: a tab between two cells, blank
    /// lines around each; a cell holding only `&nbsp;` comes as that space alone on its line.
    #[test]
    fn a_cell_of_a_no_break_space_is_an_empty_cell() {
        let cells = ["（六）其他处理", "28", "0", "0", "\u{a0}", "3", "0", "31"];
        let row_text = cells.join("\n\n\t\n\n");
        let text = format!("{row_text}\n\n\n\n（七）总计\n\n\t\n\n29\n\n\n\n");
        let (l, rows) = rows_of(&text);
        assert_eq!(l, Layout::CellPerLine);
        let values = ["28", "0", "0", "", "3", "0", "31"];
        assert_eq!(rows[0], row("(六)其他处理", None, &values));
    }
}
