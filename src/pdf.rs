//! PDF with a text layer: every character with its position (`pdf-extract` over `lopdf`), and
//! the table rulings the producer drew (thin filled rectangles from Chromium, stroked lines
//! from LibreOffice). Cells are the areas the rulings enclose, so a cell spans the rows and
//! columns its borders leave open; the characters inside a cell are its text, read line by
//! line (baseline) and left to right. Text outside tables becomes lines by baseline. A table
//! that ends one page and starts the next with the same columns is one table. Tables then go
//! through [`crate::check_with_tables`] like the clipboard's.

mod columns;
mod furniture;
mod page;
mod table;

use crate::merged::{self, Grid};
use page::{distinct, groups, placed_lines, squeeze, Glyph, Page, Rule, NEAR};
use pdf_extract::{ColorSpace, MediaBox, OutputDev, OutputError, Path, PathOp, Transform};
use table::{segments, Found, Slot};

/// What a PDF gives the checker: the text a person reads, and the tables exactly.
#[derive(Debug, Default, PartialEq)]
pub struct Pdf {
    pub text: String,
    pub tables: Vec<Grid>,
}

const SAY: &str = "请使用文字版 PDF（能选中文字的），或另存为 .docx，或复制报告文字后粘贴";

pub fn read(bytes: &[u8]) -> Result<Pdf, String> {
    let doc =
        lopdf::Document::load_mem(bytes).map_err(|_| format!("PDF 文件已损坏，无法读取；{SAY}"))?;
    if doc.is_encrypted() {
        return Err(format!(
            "PDF 文件已加密，无法读取文字；请提供未加密的文件，{SAY}"
        ));
    }
    let mut pages = Pages::default();
    // pdf-extract panics on some damaged files (unwrap on a parse error): that file's message
    let read = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        pdf_extract::output_doc(&doc, &mut pages)
    }));
    match read {
        Ok(Ok(())) => {}
        Ok(Err(e)) => return Err(format!("PDF 文件无法读取（{e}）；{SAY}")),
        Err(_) => return Err(format!("PDF 文件已损坏或结构特殊，无法读取文字；{SAY}")),
    }
    if pages.done.iter().all(|p| p.chars.is_empty()) {
        return Err(format!(
            "这个 PDF 没有文字层（可能是扫描件或图片），无法读取；{SAY}"
        ));
    }
    Ok(layout(pages.done))
}

#[derive(Default)]
struct Pages {
    page: Page,
    /// Strings shown so far.
    runs: usize,
    done: Vec<Page>,
}

/// A ruling is a filled rectangle at most this thick (points), or a stroked line.
const THIN: f64 = 2.5;
impl Pages {
    fn rect(&mut self, ctm: &Transform, x: f64, y: f64, w: f64, h: f64, filled: bool) {
        let p = |x: f64, y: f64| {
            let q = ctm.transform_point(euclid::point2(x, y));
            (q.x, self.page.height - q.y)
        };
        let (a, b) = (p(x, y), p(x + w, y + h));
        let (x0, x1) = (a.0.min(b.0), a.0.max(b.0));
        let (y0, y1) = (a.1.min(b.1), a.1.max(b.1));
        if !filled {
            self.line((x0, y0), (x1, y0));
            self.line((x0, y1), (x1, y1));
            self.line((x0, y0), (x0, y1));
            self.line((x1, y0), (x1, y1));
        } else if y1 - y0 <= THIN && x1 - x0 > THIN {
            self.page.across.push(Rule {
                at: (y0 + y1) / 2.0,
                from: x0,
                to: x1,
            });
        } else if x1 - x0 <= THIN && y1 - y0 > THIN {
            self.page.down.push(Rule {
                at: (x0 + x1) / 2.0,
                from: y0,
                to: y1,
            });
        }
    }

    fn line(&mut self, a: (f64, f64), b: (f64, f64)) {
        if (a.1 - b.1).abs() <= NEAR && (a.0 - b.0).abs() > NEAR {
            self.page.across.push(Rule {
                at: a.1,
                from: a.0.min(b.0),
                to: a.0.max(b.0),
            });
        } else if (a.0 - b.0).abs() <= NEAR && (a.1 - b.1).abs() > NEAR {
            self.page.down.push(Rule {
                at: a.0,
                from: a.1.min(b.1),
                to: a.1.max(b.1),
            });
        }
    }

    fn path(&mut self, ctm: &Transform, path: &Path, filled: bool) {
        let mut at = (0.0, 0.0);
        let mut start = at;
        for op in &path.ops {
            match *op {
                PathOp::Rect(x, y, w, h) => self.rect(ctm, x, y, w, h, filled),
                PathOp::MoveTo(x, y) => {
                    at = (x, y);
                    start = at;
                }
                PathOp::LineTo(x, y) => {
                    if !filled {
                        let p = |(x, y): (f64, f64)| {
                            let q = ctm.transform_point(euclid::point2(x, y));
                            (q.x, self.page.height - q.y)
                        };
                        let (a, b) = (p(at), p((x, y)));
                        self.line(a, b);
                    }
                    at = (x, y);
                }
                PathOp::Close => at = start,
                PathOp::CurveTo(.., x, y) => at = (x, y),
            }
        }
    }
}

impl OutputDev for Pages {
    fn begin_page(
        &mut self,
        _page: u32,
        media: &MediaBox,
        _art: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.page = Page {
            number: self.done.len(),
            height: media.ury - media.lly,
            ..Page::default()
        };
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        self.done.push(std::mem::take(&mut self.page));
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        text: &str,
    ) -> Result<(), OutputError> {
        let v = trm.transform_vector(euclid::vec2(font_size, font_size));
        let size = (v.x * v.y).abs().sqrt();
        if text.trim().is_empty() {
            return Ok(());
        }
        self.page.chars.push(Glyph {
            seq: self.page.chars.len(),
            run: self.runs,
            x: trm.m31,
            y: self.page.height - trm.m32,
            width: width * font_size * trm.m11.abs(),
            size,
            text: text.to_string(),
        });
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        self.runs += 1;
        Ok(())
    }
    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn stroke(
        &mut self,
        ctm: &Transform,
        _: &ColorSpace,
        _: &[f64],
        path: &Path,
    ) -> Result<(), OutputError> {
        self.path(ctm, path, false);
        Ok(())
    }

    fn fill(
        &mut self,
        ctm: &Transform,
        _: &ColorSpace,
        _: &[f64],
        path: &Path,
    ) -> Result<(), OutputError> {
        self.path(ctm, path, true);
        Ok(())
    }
}

/// A block of a page in reading order.
enum Block {
    Line(Prose),
    Table(Found),
}

/// A line of the page's text outside tables.
struct Prose {
    text: String,
    /// It reaches the right margin: its paragraph may go on in the next line.
    open: bool,
    /// It starts at the left margin (not indented): it may go on a paragraph.
    flush_left: bool,
    y: f64,
    size: f64,
}

impl Prose {
    /// A paragraph wrapped by the page's width is one line again, so that a sentence split at
    /// the margin reads as the page showed it (Chinese joined as is, other words by a space).
    fn goes_on_with(&self, next: &Prose, new_page: bool) -> bool {
        self.open && next.flush_left && (new_page || next.y - self.y < 2.2 * next.size.max(1.0))
    }

    fn append(&mut self, next: Prose) {
        let ascii = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
        if ascii(self.text.chars().last()) && ascii(next.text.chars().next()) {
            self.text.push(' ');
        }
        self.text.push_str(&next.text);
        self.open = next.open;
        self.y = next.y;
    }
}

fn layout(mut pages: Vec<Page>) -> Pdf {
    furniture::drop(&mut pages);
    let mut blocks: Vec<Block> = Vec::new();
    for page in pages {
        let mut chars = page.chars.clone();
        let tables = tables(&page);
        let mut placed: Vec<(f64, Block)> = Vec::new();
        for t in tables {
            chars.retain(|g| !(g.y > t.top && g.y < t.bottom + NEAR && inside_x(&t, g)));
            placed.push((t.top, Block::Table(t)));
        }
        let found = placed_lines(&chars);
        let left = found.iter().map(|l| l.x0).fold(f64::INFINITY, f64::min);
        // the right margin: where most long lines end (a line of digits may run past it, and
        // Chinese line breaking leaves lines up to a few characters short)
        let mut ends: Vec<f64> = found.iter().map(|l| l.x1).collect();
        ends.sort_by(f64::total_cmp);
        let right = ends.get(ends.len() * 4 / 5).copied().unwrap_or(0.0);
        for l in found {
            // a row of a table without rulings neither goes on nor continues a paragraph
            let prose = Prose {
                open: !l.spread && l.x1 >= right - 3.0 * l.size,
                flush_left: !l.spread && l.x0 <= left + 0.5 * l.size,
                y: l.y,
                size: l.size,
                text: l.text,
            };
            placed.push((l.y, Block::Line(prose)));
        }
        placed.sort_by(|a, b| a.0.total_cmp(&b.0));
        let mut first = true;
        for (_, b) in placed {
            match (first, b, blocks.last_mut()) {
                // a table that goes on from the last page: the same columns
                (true, Block::Table(t), Some(Block::Table(prev)))
                    if same_columns(&prev.columns, &t.columns) =>
                {
                    join(prev, t)
                }
                (new_page, Block::Line(l), Some(Block::Line(prev)))
                    if prev.goes_on_with(&l, new_page) =>
                {
                    prev.append(l)
                }
                (_, b, _) => blocks.push(b),
            }
            first = false;
        }
    }
    let mut out = Pdf::default();
    for b in blocks {
        match b {
            Block::Line(l) => {
                out.text.push_str(&l.text);
                out.text.push('\n');
            }
            Block::Table(mut t) => {
                columns::split(&mut t);
                let rows: Vec<Vec<merged::Cell>> = t
                    .rows
                    .into_iter()
                    .map(|r| r.into_iter().map(|s| s.cell).collect())
                    .collect();
                let (grid, lines) = merged::grid(&rows);
                for l in lines {
                    out.text.push_str(&l);
                    out.text.push('\n');
                }
                out.tables.push(grid);
            }
        }
    }
    out
}

/// A table continued on the next page: a row cut by the page break is one row again (the
/// continuation's cells appended to the cells above them), then the other rows follow.
fn join(prev: &mut Found, next: Found) {
    // the continuation's columns are some of the table's: a cell spanning rows down from the
    // last page draws no border on the new one, so its column may be missing there
    let index = |x: f64| prev.columns.iter().position(|p| (p - x).abs() <= NEAR);
    let shift = index(next.columns[0]).unwrap_or(0);
    let mut rows: Vec<Vec<Slot>> = next
        .rows
        .into_iter()
        .map(|row| {
            row.into_iter()
                .map(|mut s| {
                    let (col, cols) = (s.col, s.cell.cols);
                    let end = index(next.columns[col + cols]).unwrap_or(col + cols + shift);
                    s.cell.cols = end - (col + shift);
                    s.col = col + shift;
                    s
                })
                .collect()
        })
        .collect();
    let Some(last) = prev.rows.len().checked_sub(1) else {
        prev.rows = rows;
        return;
    };
    // the cell above a column: in the last row, or one spanning down to it
    let above = |prev: &Found, col: usize| {
        (0..=last).rev().find_map(|r| {
            let at = prev.rows[r].iter().position(|s| s.col == col)?;
            (r + prev.rows[r][at].cell.rows > last).then_some((r, at))
        })
    };
    let mut added = rows.len();
    let blank = |row: &[Slot]| row.iter().all(|s| s.cell.text.is_empty());
    // a row cut by the page break is one row again (a row that starts the page with its top
    // border on the last page is a row of its own)
    let open = next.open_top
        && (prev.open_bottom || rows.first().is_some_and(|r| blank(r)))
        && !rows
            .first()
            .is_some_and(|first| a_row_of_its_own(prev, first, above));
    // some producers (LibreOffice) close a cut row with a border on both pages: a first row with
    // words only where the row above has words, and blanks where it has figures, goes on it;
    // only where the words above were wrapped at their cell's border, and the words below do
    // not start a label of their own (a numbering): a row left blank that a page break moved
    // whole to the next page is a row
    let words_go_on = rows.first().is_some_and(|first| {
        let text_above = |col: usize| above(prev, col).map(|(r, at)| &prev.rows[r][at].cell.text);
        let wrapped_above =
            |col: usize| above(prev, col).is_some_and(|(r, at)| prev.rows[r][at].room < WRAPPED);
        let words_on_words = first.iter().all(|s| {
            s.cell.text.is_empty()
                || (text_above(s.col).is_some_and(|t| !t.is_empty() && !merged::is_number(t))
                    && wrapped_above(s.col)
                    && !numbered(&s.cell.text))
        });
        let blanks_under_figures = first.iter().any(|s| {
            s.cell.text.is_empty() && text_above(s.col).is_some_and(|t| merged::is_number(t))
        });
        !blank(first) && words_on_words && blanks_under_figures
    });
    prev.open_bottom = next.open_bottom;
    if (open || words_go_on) && !rows.is_empty() {
        for s in rows.remove(0) {
            if let Some((r, at)) = above(prev, s.col) {
                let a = &mut prev.rows[r][at];
                a.cell.text.push_str(&s.cell.text);
                a.cell.rows += s.cell.rows - 1;
                a.segments.extend(s.segments);
                if !s.cell.text.is_empty() {
                    a.room = s.room;
                }
            }
        }
        added -= 1;
    }
    for col in 0..shift {
        if let Some((r, at)) = above(prev, col) {
            prev.rows[r][at].cell.rows += added;
        }
    }
    prev.rows.extend(rows);
}

/// Whether the first row of a new page is a row of its own, not the rest of the row the page
/// break cut, though no border closed the last page's row (Chromium draws none where a cell
/// spanning rows is cut): a figure under a figure (a figure is never cut in two), or a label
/// starting with a numbering.
fn a_row_of_its_own(
    prev: &Found,
    first: &[Slot],
    above: impl Fn(&Found, usize) -> Option<(usize, usize)>,
) -> bool {
    first.iter().any(|s| {
        let below = s.cell.text.trim();
        let on_a_figure = above(prev, s.col)
            .is_some_and(|(r, at)| merged::is_number(prev.rows[r][at].cell.text.trim()));
        numbered(below) || (merged::is_number(below) && on_a_figure)
    })
}

/// A cell's text whose last line leaves less room than this (characters) before the cell's
/// right border was wrapped there: a line breaking rule may move up to one character on.
const WRAPPED: f64 = 1.5;

/// Whether a cell's text starts with an item's numbering (`一、` `（一）` `1.` `1、` `（1）`) or
/// 其中, as a row's label does and the rest of a wrapped one does not.
fn numbered(text: &str) -> bool {
    let t = text.trim_start();
    if t.starts_with("其中") {
        return true;
    }
    let digit = |c: char| {
        c.is_ascii_digit() || ('０'..='９').contains(&c) || "一二三四五六七八九十".contains(c)
    };
    let (open, rest) = match t.strip_prefix(['（', '(']) {
        Some(rest) => (true, rest),
        None => (false, t),
    };
    let body = rest.trim_start_matches(digit);
    if body.len() == rest.len() {
        return false;
    }
    if open {
        body.starts_with(['）', ')'])
    } else {
        body.starts_with(['、', '.', '．'])
    }
}

fn inside_x(t: &Found, g: &Glyph) -> bool {
    let mid = g.x + g.width / 2.0;
    mid > t.columns[0] && mid < *t.columns.last().unwrap()
}

/// Whether a table's columns go on in `next`: each of its borders is one of the table's, and
/// the right edge is the same.
fn same_columns(table: &[f64], next: &[f64]) -> bool {
    let known = |x: &f64| table.iter().any(|t| (t - x).abs() <= NEAR);
    next.iter().all(known) && (table[table.len() - 1] - next[next.len() - 1]).abs() <= NEAR
}

/// Whether a ruling at `at` (within NEAR) covers the point `along`.
fn ruled(rules: &[Rule], at: f64, along: f64) -> bool {
    rules
        .iter()
        .any(|r| (r.at - at).abs() <= NEAR && r.from - NEAR <= along && along <= r.to + NEAR)
}

/// The tables of a page: groups of rulings that touch, each read as a grid of cells.
fn tables(page: &Page) -> Vec<Found> {
    let mut out = Vec::new();
    for (across, down) in framed(groups(page)) {
        let mut ys = distinct(across.iter().map(|r| r.at).collect());
        let xs = distinct(down.iter().map(|r| r.at).collect());
        if ys.is_empty() || xs.len() < 2 {
            continue;
        }
        // a table cut by the page's end (or going on from the last page) has its columns'
        // borders run past its last (first) horizontal ruling: the page edge closes the row
        let mut across = across;
        let top = down.iter().map(|r| r.from).fold(f64::INFINITY, f64::min);
        let bottom = down.iter().map(|r| r.to).fold(f64::NEG_INFINITY, f64::max);
        let open_top = top < ys[0] - NEAR;
        // the cut row's text may lie past its borders' ends: up to the page's edge, it is the row's
        if open_top {
            ys.insert(0, 0.0);
            across.push(Rule {
                at: 0.0,
                from: xs[0],
                to: xs[xs.len() - 1],
            });
        }
        let mut open_bottom = bottom > ys[ys.len() - 1] + NEAR;
        if open_bottom {
            ys.push(page.height);
            across.push(Rule {
                at: page.height,
                from: xs[0],
                to: xs[xs.len() - 1],
            });
        }
        if ys.len() < 2 {
            continue;
        }
        let mut rows = cells(page, &across, &down, &xs, &ys);
        if rows.iter().map(Vec::len).sum::<usize>() < 2 {
            continue;
        }
        let (bottom, cut) = overflow(page, &across, &xs, *ys.last().unwrap(), &mut rows);
        open_bottom |= cut;
        // past the last ruling only cells spanning down from above: the last row was whole
        if open_bottom
            && rows.len() > 1
            && rows[rows.len() - 1].iter().all(|s| s.cell.text.is_empty())
        {
            drop_last_row(&mut rows);
            open_bottom = false;
        }
        out.push(Found {
            top: ys[0],
            bottom,
            columns: xs,
            rows,
            open_top,
            open_bottom,
        });
    }
    out.sort_by(|a, b| a.top.total_cmp(&b.top));
    out
}

/// Rulings between rows with none between columns, not even the table's frame (a table ruled
/// only under each row): lines one above another, each over most of the next's width, three at
/// least, are one table, framed where they start and end.
fn framed(groups: Vec<(Vec<Rule>, Vec<Rule>)>) -> Vec<(Vec<Rule>, Vec<Rule>)> {
    let (mut out, lines): (Vec<_>, Vec<_>) =
        groups.into_iter().partition(|(_, down)| !down.is_empty());
    // (y, from, to) of each line drawn alone
    let mut lines: Vec<(f64, f64, f64, Vec<Rule>)> = lines
        .into_iter()
        .filter_map(|(across, _)| {
            let y = across.first()?.at;
            across.iter().all(|r| (r.at - y).abs() <= NEAR).then(|| {
                let from = across.iter().map(|r| r.from).fold(f64::INFINITY, f64::min);
                let to = across
                    .iter()
                    .map(|r| r.to)
                    .fold(f64::NEG_INFINITY, f64::max);
                (y, from, to, across)
            })
        })
        .collect();
    lines.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut run: Vec<(f64, f64, f64, Vec<Rule>)> = Vec::new();
    let flush = |run: &mut Vec<(f64, f64, f64, Vec<Rule>)>,
                 out: &mut Vec<(Vec<Rule>, Vec<Rule>)>| {
        if run.len() >= 3 {
            let from = run.iter().map(|l| l.1).fold(f64::INFINITY, f64::min);
            let to = run.iter().map(|l| l.2).fold(f64::NEG_INFINITY, f64::max);
            let (top, bottom) = (run[0].0, run[run.len() - 1].0);
            let across: Vec<Rule> = run.drain(..).flat_map(|l| l.3).collect();
            let frame = |at| Rule {
                at,
                from: top,
                to: bottom,
            };
            out.push((across, vec![frame(from), frame(to)]));
        }
        run.clear();
    };
    for line in lines {
        let goes_on = run.last().is_some_and(|last: &(f64, f64, f64, Vec<Rule>)| {
            // one end shared: a row under a cell spanning rows draws its line from that
            // cell's border on
            let shared = (last.1 - line.1).abs() <= NEAR || (last.2 - line.2).abs() <= NEAR;
            let overlap = last.2.min(line.2) - last.1.max(line.1);
            let narrower = (last.2 - last.1).min(line.2 - line.1);
            line.0 - last.0 <= MAX_ROW && shared && overlap >= narrower * 0.5
        });
        if !goes_on {
            flush(&mut run, &mut out);
        }
        run.push(line);
    }
    flush(&mut run, &mut out);
    out
}

/// The tallest row a table ruled only between its rows is looked for with (points).
const MAX_ROW: f64 = 200.0;

/// The grid's cells: from each top-left position not yet covered, a cell grows right while
/// no vertical ruling separates it and down while no horizontal ruling does.
fn cells(page: &Page, across: &[Rule], down: &[Rule], xs: &[f64], ys: &[f64]) -> Vec<Vec<Slot>> {
    let (nr, nc) = (ys.len() - 1, xs.len() - 1);
    let mut covered = vec![vec![false; nc]; nr];
    let mut rows = Vec::new();
    for r in 0..nr {
        let mut row = Vec::new();
        for c in 0..nc {
            if covered[r][c] {
                continue;
            }
            // a border is looked for just inside the row's top and bottom: a row cut by the
            // page's edge has its borders at one end only
            let (near_top, near_bottom) = (ys[r] + 2.0 * NEAR, ys[r + 1] - 2.0 * NEAR);
            let border = |x: f64| ruled(down, x, near_top) || ruled(down, x, near_bottom);
            let mut cols = 1;
            while c + cols < nc && !border(xs[c + cols]) {
                cols += 1;
            }
            let open_below = |r2: usize| {
                (c..c + cols).all(|k| !ruled(across, ys[r2], (xs[k] + xs[k + 1]) / 2.0))
            };
            let mut rws = 1;
            while r + rws < nr && open_below(r + rws) {
                rws += 1;
            }
            for row_covered in covered.iter_mut().skip(r).take(rws) {
                row_covered[c..c + cols].iter_mut().for_each(|x| *x = true);
            }
            let (x0, x1, y0, y1) = (xs[c], xs[c + cols], ys[r], ys[r + rws]);
            let inside: Vec<Glyph> = page
                .chars
                .iter()
                .filter(|g| {
                    let mid = g.x + g.width / 2.0;
                    mid > x0 && mid < x1 && g.y > y0 && g.y - g.size * 0.2 < y1
                })
                .cloned()
                .collect();
            // a ruled area with no border on its left or top is not a cell of this table
            if !border(x0) && !ruled(across, y0, (x0 + x1) / 2.0) {
                continue;
            }
            let placed = placed_lines(&inside);
            let room = placed
                .last()
                .map_or(f64::INFINITY, |l| (x1 - l.x1) / l.size.max(1.0));
            let text: Vec<String> = placed.into_iter().map(|l| l.text).collect();
            row.push(Slot {
                col: c,
                cell: merged::Cell {
                    text: squeeze(&text.join("")),
                    rows: rws,
                    cols,
                },
                room,
                segments: segments(&inside, page),
            });
        }
        rows.push(row);
    }
    rows
}

/// Removes the last grid row, and from the cells spanning into it, that row.
fn drop_last_row(rows: &mut Vec<Vec<Slot>>) {
    rows.pop();
    let last = rows.len();
    for (r, row) in rows.iter_mut().enumerate() {
        for Slot { cell, .. } in row.iter_mut() {
            if r + cell.rows > last {
                cell.rows = last - r;
            }
        }
    }
}

/// A cell cut by the page's end may draw no border on this page at all, and its text then runs
/// below the table's last ruling. When all that remains of the page lies just below the table
/// and within its width, it is the text of the cells of its last row, by column. The table's
/// new bottom, and whether the last row itself was cut (not only a cell spanning on).
fn overflow(
    page: &Page,
    across: &[Rule],
    xs: &[f64],
    bottom: f64,
    rows: &mut [Vec<Slot>],
) -> (f64, bool) {
    let below: Vec<&Glyph> = page.chars.iter().filter(|g| g.y > bottom + NEAR).collect();
    let within = |g: &&Glyph| {
        let mid = g.x + g.width / 2.0;
        mid > xs[0] && mid < xs[xs.len() - 1] && g.y < bottom + 5.0 * g.size
    };
    // a table without rulings between its columns cannot tell its cells' ends from a line
    // under it
    if below.is_empty() || !below.iter().all(within) || xs.len() < 3 {
        return (bottom, false);
    }
    // a line across a column border is text under the table, not the end of a cell
    let owned: Vec<Glyph> = below.iter().map(|g| (*g).clone()).collect();
    let inner = &xs[1..xs.len() - 1];
    if placed_lines(&owned)
        .iter()
        .any(|l| inner.iter().any(|x| l.x0 < x - NEAR && l.x1 > x + NEAR))
    {
        return (bottom, false);
    }
    let last = rows.len() - 1;
    // a last row with a border under it is whole: only a cell spanning on runs past it
    let closed = (0..xs.len() - 1).any(|k| ruled(across, bottom, (xs[k] + xs[k + 1]) / 2.0));
    let mut cut = false;
    let mut new_bottom = bottom;
    for k in 0..xs.len() - 1 {
        // a cell with its border drawn under it ends there: what stands below (a signature
        // line under the table) is not its text
        if ruled(across, bottom, (xs[k] + xs[k + 1]) / 2.0) {
            continue;
        }
        let here: Vec<Glyph> = below
            .iter()
            .filter(|g| {
                let mid = g.x + g.width / 2.0;
                mid > xs[k] && mid < xs[k + 1]
            })
            .map(|g| (*g).clone())
            .collect();
        let text: String = lines(&here).into_iter().map(|(_, l)| l).collect();
        if text.is_empty() {
            continue;
        }
        let owner = (0..=last).rev().find_map(|r| {
            let at = rows[r]
                .iter()
                .position(|s| s.col <= k && k < s.col + s.cell.cols && r + s.cell.rows > last)?;
            Some((r, at))
        });
        if let Some((r, at)) = owner {
            new_bottom = here.iter().map(|g| g.y).fold(new_bottom, f64::max);
            rows[r][at].cell.text.push_str(&squeeze(&text));
            rows[r][at].room = 0.0;
            rows[r][at].segments.extend(segments(&here, page));
            cut |= r == last && !closed;
        }
    }
    (new_bottom, cut)
}

/// Characters as lines by baseline (top to bottom), each left to right, a space where the gap
/// between two characters is wider than a third of their size.
fn lines(chars: &[Glyph]) -> Vec<(f64, String)> {
    placed_lines(chars)
        .into_iter()
        .map(|l| (l.y, l.text))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_label_starts_with_its_numbering_and_the_rest_of_a_wrapped_one_does_not() {
        for t in [
            "6、属于四类过程性信息",
            "（二）通过不同渠道",
            "(3)其他",
            "1.申请人",
            "三、本年度",
            "其中：规章",
            "（１）",
        ] {
            assert!(numbered(t), "{t}");
        }
        for t in [
            "提供公开出版物",
            "（不同渠道和方式公开相同信息计1条）",
            "作",
            "数",
            "2024年",
            "（区分处理的）",
        ] {
            assert!(!numbered(t), "{t}");
        }
    }
}
