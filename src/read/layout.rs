//! The reading by layout: the rows of the text's own layout (tab and pipe rows, `-layout`
//! lines, cell-per-line streams; or a file's or the clipboard's exact grids, [`super::grid`]) matched
//! to the template's rows by their labels, each row's values placed under its columns.

use super::coverage::Why;
use super::extraction::{Extraction, Note};
use super::grid::MatchedRow;
use super::grid::{self, RawCell, Row};
use super::value::parse_value;
use crate::model::Cell;
use crate::schema::{self, Columns, Indicator, Template};
use crate::segment::Document;
use std::borrow::Cow;
use std::ops::Range;

/// Below this similarity a row is not taken for an indicator.
const MATCH_THRESHOLD: f64 = 0.72;

/// The table read by the layout it shows (tab rows, streams, PDF spaces, exact HTML grids).
pub fn reading(doc: &Document, html_tables: &[Vec<Vec<String>>]) -> Extraction {
    let tables = if html_tables.is_empty() {
        grid::tables(doc)
    } else {
        grid::from_html(doc, html_tables)
    };
    let unglued: Vec<Cow<Row>> = tables
        .iter()
        .flat_map(|t| t.rows.iter())
        .map(unglue_label)
        .collect();
    let rows: Vec<&Row> = unglued.iter().map(|r| r.as_ref()).collect();
    let template = detect_template(doc, &rows);
    let (mut matched, mut unread) = template
        .map(|t| match_rows(doc.text(), &rows, t))
        .unwrap_or_default();
    if template.is_some_and(|t| t != Template::T2008) {
        match review_row(&rows, &matched) {
            Ok(m) => matched.push(m),
            Err(Why::Layout) => unread.push(("review_lawsuit", Why::Layout)),
            Err(_) => {}
        }
    }
    let notes: Vec<Note> = matched
        .iter_mut()
        .filter_map(|m| split_glued_row(doc, m))
        .collect();
    unread.extend(
        notes
            .iter()
            .filter(|n| n.code == "row-unreadable")
            .map(|n| (n.indicator, Why::Glued)),
    );
    // printed one cell per line with nothing between cells: a blank cell leaves no trace
    let traceless = lines_laid_out(&tables, grid::Layout::CellPerLine);
    let tabbed = lines_laid_out(&tables, grid::Layout::TabRow);
    let stacked = stacked_rows(doc, &traceless, &matched);
    unread.extend(
        stacked
            .iter()
            .map(|&k| (matched[k].indicator.id, Why::Layout)),
    );
    let cells = matched
        .iter()
        .enumerate()
        .filter(|(k, _)| !stacked.contains(k))
        .map(|(_, m)| m)
        .filter(|m| !figure_elsewhere(doc, &traceless, &rows, template, m))
        .filter(|m| !no_cell_shown(doc, &tabbed, m))
        .flat_map(|m| cells_of(doc, m))
        .collect();
    let fuzzy = matched
        .iter()
        .enumerate()
        .filter(|(_, m)| {
            let label = m.row.label();
            m.score < 0.85
                && reordered_wording(&label, m.indicator).is_none()
                && !worded_but_for_its_unit(&label, m.indicator)
                || schema::is_other_wording(m.indicator.id, &label)
        })
        .map(|(i, m)| (i, m.score))
        .collect();
    let unplaced = unplaced_rows(&rows, &matched);
    Extraction {
        template,
        cells,
        table_lines: grid::table_line_ranges(&tables),
        matched,
        table_announced: announced_table(doc),
        fuzzy,
        notes,
        old_columns: &[],
        coverage: Vec::new(),
        unread,
        exact: !html_tables.is_empty(),
        unplaced,
    }
}

/// Whether a label is its row's wording with the row's unit after it (`(一)收到申请数件`: PDFium
/// and `-layout` print the unit a space after the label, which normalizing takes out between
/// Han characters): the wording as printed, no variant of it.
fn worded_but_for_its_unit(label: &str, ind: &Indicator) -> bool {
    !ind.unit.is_empty()
        && label.ends_with(ind.unit)
        && schema::without_a_unit(label, &[ind.unit])
            .map(|rest| schema::core(&rest))
            .any(|core| ind.labels.iter().any(|w| schema::core(w) == core))
}

/// The rows with a label and figures standing between the first and the last row matched that
/// no matched row took (its label or its figures): `154.微博微信回件数 次 2`, PDFium's copy of a
/// row whose wording lost two characters, glued to its serial.
fn unplaced_rows(rows: &[&Row], matched: &[MatchedRow]) -> usize {
    let starts = matched.iter().map(|m| m.row.label_range().start);
    let (Some(first), Some(last)) = (starts.clone().min(), starts.max()) else {
        return 0;
    };
    // looked up by binary search: a long paste has many rows, each asked once
    // (start, end), sorted as pairs: the one sort of pairs the checker shares
    let mut labels: Vec<(usize, usize)> = matched
        .iter()
        .map(|m| (m.row.label_range().start, m.row.label_range().end))
        .collect();
    labels.sort_unstable();
    let mut figures: Vec<usize> = matched
        .iter()
        .flat_map(|m| m.row.values.iter().map(|v| v.range.start))
        .collect();
    figures.sort_unstable();
    let overlaps_a_label = |l: &Range<usize>| {
        // the matched labels starting before `l` ends; a row's label spans few lines, so the
        // last few are enough
        let end = labels.partition_point(|m| m.0 < l.end);
        labels[..end].iter().rev().take(8).any(|m| l.start < m.1)
    };
    let taken = |r: &Row| {
        overlaps_a_label(&r.label_range())
            || r.values
                .iter()
                .any(|v| figures.binary_search(&v.range.start).is_ok())
    };
    rows.iter()
        .filter(|r| !r.label_parts.is_empty() && r.values.iter().any(|v| classify_value(&v.text)))
        .filter(|r| (first..=last).contains(&r.label_range().start))
        .filter(|r| !taken(r))
        .count()
}

/// The lines of the tables laid out so (pdftotext's one cell per line, a copy's tab-separated
/// rows).
fn lines_laid_out(tables: &[grid::Table], layout: grid::Layout) -> Vec<Range<usize>> {
    tables
        .iter()
        .filter(|t| t.layout == layout)
        .map(|t| t.lines.clone())
        .collect()
}

/// A row of cells separated by tabs shows a blank cell as an empty field; a label alone on its
/// line shows no cell at all, and its figure may stand elsewhere (a Markdown converter's cell
/// holding two rows' labels, their figures `6` `5` in one cell after them, seed 137): such a
/// row is not read as blank.
fn no_cell_shown(doc: &Document, tabbed: &[Range<usize>], m: &MatchedRow) -> bool {
    let range = m.row.label_range();
    let line = doc.line_of(range.start);
    m.row.values.is_empty()
        && m.row.unit.is_none()
        && tabbed.iter().any(|l| l.contains(&line))
        && !doc.line_text(doc.line_of(range.end)).contains('\t')
}

/// A row with no figure where blanks leave no trace is a blank while the rows after it keep
/// step (label, unit, figure). Where the next row's label cells hold the labels of several
/// rows, pdftotext printed the cells around there out of order (tall rows' labels after their
/// figures): the figure may as well be printed elsewhere, so the row is left unread, and
/// reported so, rather than read as blank.
fn figure_elsewhere(
    doc: &Document,
    traceless: &[Range<usize>],
    rows: &[&Row],
    t: Option<Template>,
    m: &MatchedRow,
) -> bool {
    let (Some(t), range) = (t, m.row.label_range()) else {
        return false;
    };
    let line = doc.line_of(range.start);
    if !m.row.values.iter().all(|v| v.text.is_empty())
        || !traceless.iter().any(|l| l.contains(&line))
    {
        return false;
    }
    let Some(next) = rows
        .iter()
        .find(|r| !r.label_parts.is_empty() && r.label_range().start >= range.end)
    else {
        return false;
    };
    rows_labelled(&next.label_parts, t) >= 2
}

/// Rows printed one cell per line whose labels stand one under the other with no figure
/// between them, then fewer figures than their cells and not one a row either (`4.不同意公开答复数`
/// `件` `其中：涉及国家秘密` `件` `涉及商业秘密` `件` `涉及个人隐私` `件` `0`): a blank cell leaves no
/// trace there, and pdftotext prints a figure after the next label as often as after its own,
/// so whose figures they are the text does not say. Their places in `matched`.
fn stacked_rows(doc: &Document, traceless: &[Range<usize>], matched: &[MatchedRow]) -> Vec<usize> {
    let one_per_line = |m: &MatchedRow| {
        let line = doc.line_of(m.row.label_range().start);
        traceless.iter().any(|l| l.contains(&line))
    };
    let mut doubted = Vec::new();
    let mut run = 0;
    for (k, m) in matched.iter().enumerate() {
        if !one_per_line(m) {
            run = 0;
            continue;
        }
        let figures = m.row.values.iter().filter(|v| !v.text.is_empty()).count();
        if figures == 0 {
            run += 1;
            continue;
        }
        let (rows, w) = (run + 1, m.indicator.width(&[]));
        if run > 0 && figures < rows * w && !figures.is_multiple_of(rows) {
            doubted.extend(k - run..=k);
        }
        run = 0;
    }
    doubted
}

/// How many value rows of the template (headings aside) a run of label cells names. Where a
/// stream's label cells before a figure name two or more, pdftotext printed the labels of tall
/// rows apart from their figures: no figure near them is known to be whose.
fn rows_labelled(parts: &[RawCell], t: Template) -> usize {
    parts
        .iter()
        .filter(|p| best_match(&p.text, t, 0).is_some_and(|(_, s, i)| s >= 0.9 && !i.heading))
        .count()
}

/// The template whose wording the rows match best; national formats are told apart by the
/// columns and rows that changed in 2021.
fn detect_template(doc: &Document, rows: &[&Row]) -> Option<Template> {
    let labels: Vec<String> = rows
        .iter()
        .filter(|r| !r.label_parts.is_empty())
        .map(|r| r.label())
        .collect();
    let score = |t: Template| -> usize {
        labels
            .iter()
            .filter(|l| best_match(l, t, 0).is_some_and(|(_, s, _)| s >= 0.9))
            .count()
    };
    let old = score(Template::T2008);
    let national = score(Template::T2021).max(score(Template::T2019));
    if old.max(national) < 3 {
        return None;
    }
    if old >= national {
        return Some(Template::T2008);
    }
    Some(super::template::national_format(doc))
}

/// Whether a printed label reads as a row or group of the template's tables.
pub fn names_a_row(label: &str, t: Template) -> bool {
    best_match(label, t, 0).is_some_and(|(_, score, _)| score >= 0.9)
}

/// Best indicator for a label: (index in template order, score, indicator). Ties go to the
/// first indicator at or after `cursor`, so repeated wordings (被依法纠错数 under 复议 and
/// under 诉讼) are read in table order.
fn best_match(label: &str, t: Template, cursor: usize) -> Option<(usize, f64, &'static Indicator)> {
    let mut best: Option<(usize, f64, &'static Indicator)> = None;
    for &(g, s) in likeness(label).iter() {
        let (ind, place) = template_place(g);
        let Some(i) = place[t as usize] else {
            continue;
        };
        let better = match best {
            None => true,
            Some((bi, bs, _)) => {
                s > bs + 1e-9 || ((s - bs).abs() < 1e-9 && bi < cursor && i >= cursor)
            }
        };
        if better {
            best = Some((i, s, ind));
        }
    }
    best
}

/// An indicator a label resembles enough: (its index in [`schema::indicators`], score).
type Likeness = std::rc::Rc<[(usize, f64)]>;

thread_local! {
    /// The indicators each label of the document being read resembles. Each row's label is
    /// compared with every wording several times over (template detection for three
    /// templates, then held-back rows and headings while matching), and those comparisons
    /// were most of a check's time.
    /// Sorted by label; a list rather than a hash map keeps the wasm smaller, and it holds at
    /// most `MAX_REMEMBERED_LABELS`.
    static LIKENESS: std::cell::RefCell<Vec<(String, Likeness)>> = Default::default();
}

/// An indicator and its index in each template's order (among the indicators found by label).
type Place = (&'static Indicator, [Option<usize>; 3]);

fn template_place(global: usize) -> Place {
    static PLACES: std::sync::OnceLock<Vec<Place>> = std::sync::OnceLock::new();
    PLACES.get_or_init(|| {
        let mut next = [0usize; 3];
        schema::indicators()
            .map(|ind| {
                let mut place = [None; 3];
                for t in [Template::T2008, Template::T2019, Template::T2021] {
                    if ind.within.has(t) && ind.by_label {
                        place[t as usize] = Some(next[t as usize]);
                        next[t as usize] += 1;
                    }
                }
                (ind, place)
            })
            .collect()
    })[global]
}

/// More labels than any report has; past this the labels of a long paste are scored again
/// when asked again instead of kept, so that the cache stays small.
const MAX_REMEMBERED_LABELS: usize = 4096;

fn likeness(label: &str) -> Likeness {
    let found = LIKENESS.with(|m| {
        let m = m.borrow();
        m.binary_search_by(|(l, _)| l.as_str().cmp(label))
            .map(|k| m[k].1.clone())
    });
    let at = match found {
        Ok(s) => return s,
        Err(at) => at,
    };
    let s = score_wordings(label);
    LIKENESS.with(|m| {
        let mut m = m.borrow_mut();
        if m.len() < MAX_REMEMBERED_LABELS {
            m.insert(at, (label.to_string(), s.clone()));
        }
    });
    s
}

pub fn forget_scores() {
    LIKENESS.with(|m| m.borrow_mut().clear());
}

/// The indicators (found by label) whose best wording the label resembles enough.
fn score_wordings(label: &str) -> Likeness {
    let text = schema::core(label);
    let chars = text.chars().count();
    if chars < 2 {
        return Vec::new().into();
    }
    let index = schema::wording_index();
    // the best wording of each indicator, among the wordings sharing a bigram with the label
    let mut best: Vec<(usize, f64)> = Vec::new();
    // a paragraph taken for a label (thousands of characters) reaches a wording only by being
    // it or ending with it: its bigrams are neither sorted nor looked up (that was a fifth of
    // the check of an old-form report with one)
    if index.past_bigrams(chars, MATCH_THRESHOLD) {
        for &(g, wording) in &index.cores {
            if template_place(g).0.by_label {
                let s = schema::text_match(&text, wording).unwrap_or(0.0);
                keep_best(&mut best, g, s);
            }
        }
        return best.into();
    }
    let core = schema::Core::new(&text);
    for (n, shared) in index.sharing(&core) {
        let (g, wording) = index.cores[n];
        if template_place(g).0.by_label {
            let s = core.similarity_sharing(wording, MATCH_THRESHOLD, || shared);
            keep_best(&mut best, g, s);
        }
    }
    best.into()
}

/// Keeps a wording's score that reaches the threshold, the best of its indicator's (whose
/// wordings come one after another).
fn keep_best(best: &mut Vec<(usize, f64)>, g: usize, s: f64) {
    if s < MATCH_THRESHOLD {
        return;
    }
    match best.last_mut() {
        Some((last, b)) if *last == g => *b = b.max(s),
        _ => best.push((g, s)),
    }
}

/// The wording of a row not yet passed (at `cursor` or after) whose characters, each as often,
/// a label holds in another order, its numbering aside. Wordings this long share their
/// characters with no other row's.
fn anagram_wording(label: &str, t: Template, cursor: usize) -> Option<&'static str> {
    const LONG: usize = 8;
    let printed = sorted_han(without_numbering(label));
    if printed.len() < LONG {
        return None;
    }
    sorted_wordings()[t as usize]
        .get(cursor..)
        .unwrap_or_default()
        .iter()
        .flatten()
        .find(|(_, chars)| *chars == printed)
        .map(|(w, _)| *w)
}

/// Per template, each wording of its rows found by label with its characters sorted (numbering
/// aside), in table order: made once, not again for each label tried.
#[allow(clippy::type_complexity)]
fn sorted_wordings() -> &'static [Vec<Vec<(&'static str, Vec<char>)>>; 3] {
    static SORTED: std::sync::OnceLock<[Vec<Vec<(&'static str, Vec<char>)>>; 3]> =
        std::sync::OnceLock::new();
    SORTED.get_or_init(|| {
        [Template::T2008, Template::T2019, Template::T2021].map(|t| {
            schema::indicators()
                .filter(|i| i.within.has(t) && i.by_label)
                .map(|i| {
                    i.labels
                        .iter()
                        .map(|w| (*w, sorted_han(without_numbering(w))))
                        .collect()
                })
                .collect()
        })
    })
}

/// A text's Han characters, sorted: the same for the same characters in any order.
fn sorted_han(s: &str) -> Vec<char> {
    let mut v: Vec<char> = s.chars().filter(|&c| crate::normalize::is_han(c)).collect();
    v.sort_unstable();
    v
}

/// A label without its numbering (`（二）` `3、` `2.`), whose numerals are Han characters too.
fn without_numbering(label: &str) -> &str {
    let s = label.trim_start();
    let numeral = |c: char| c.is_ascii_digit() || "一二三四五六七八九十".contains(c);
    let rest = s.trim_start_matches(['(', '（']);
    let after = rest.trim_start_matches(numeral);
    if after.len() == rest.len() {
        return s;
    }
    let closed = if rest.len() < s.len() {
        after.strip_prefix([')', '）'])
    } else {
        after.strip_prefix(['、', '.', '．'])
    };
    closed.unwrap_or(s)
}

fn match_rows(
    text: &str,
    rows: &[&Row],
    t: Template,
) -> (Vec<MatchedRow>, Vec<(&'static str, Why)>) {
    let mut m = Matcher {
        text,
        t,
        cursor: 0,
        out: Vec::new(),
        pending: None,
        fragments: Vec::new(),
        stacked: Vec::new(),
        blank_taken: None,
    };
    for row in rows {
        if row.label_parts.is_empty() {
            // figures between a wrapped label's lines are its own; others are table 四's,
            // read separately
            m.figures_inside_label(row);
            continue;
        }
        m.row(row);
    }
    m.flush_pending();
    (m.out, m.stacked)
}

/// The most lines a label cut by a converter is joined from.
const MAX_FRAGMENTS: usize = 8;

/// Reads rows in table order. A row with a label but no figures is held back: PDF text often
/// breaks a label over lines with the figures on the second line (`（二）部分公开（区分处理的，
/// 只计这一情` / `形，不计其他情形） 3 0 0 0 0 0 3`), so it may be the start of the next label.
struct Matcher<'a> {
    /// The text the rows were cut from.
    text: &'a str,
    t: Template,
    cursor: usize,
    out: Vec<MatchedRow>,
    pending: Option<Row>,
    /// The last label-only lines since the last row with figures, as printed (at most
    /// `MAX_FRAGMENTS`).
    fragments: Vec<Row>,
    /// Rows whose labels were printed one under the other, then one row's figures: unread.
    stacked: Vec<(&'static str, Why)>,
    /// The row of empty fields taken from the last labelled row, if it was one.
    blank_taken: Option<usize>,
}

/// Whether a label ends in a figure glued on (`(2)政府网站在线访谈次数1`): its row is done.
fn ends_in_a_figure(label: &str) -> bool {
    label.ends_with(|c: char| c.is_ascii_digit())
}

fn bare(row: &Row) -> bool {
    row.unit.is_none() && row.values.iter().all(|v| v.text.is_empty())
}

impl Matcher<'_> {
    fn row(&mut self, row: &Row) {
        self.blank_taken = None;
        if !row.values.is_empty() {
            let fragments = std::mem::take(&mut self.fragments);
            if let Some(whole) = self.anagram_of_fragments(&fragments, row) {
                self.pending = None;
                return self.take(&whole, false);
            }
        } else if bare(row) {
            // only the last few can be a label's lines: a long stretch of lines without
            // figures is not kept whole
            if self.fragments.len() == MAX_FRAGMENTS {
                self.fragments.remove(0);
            }
            self.fragments.push(row.clone());
        }
        if let Some(prev) = self.pending.take() {
            let joined = join(&prev, row);
            let own_score =
                |r: &Row| best_match(&r.label(), self.t, self.cursor).map_or(0.0, |b| b.1);
            let (own, both) = (own_score(row), own_score(&joined));
            // a label wrapped over several lines, joined line by line while the lines so far
            // begin a wording (`5.要求行政机` `关确认或重新` `出具已获取信` `息 0 …`), even where
            // its first lines alone resemble none
            let joins = both > own + 1e-9 || begins_a_wording(&joined.label(), self.t, self.cursor);
            // a wording whole but for the unit `-layout` printed inside it (`…应当招标的项目等`
            // `条` `信息数`) is done: the next line is the next row's
            let whole = || whole_but_for_a_unit(&prev.label(), self.t, self.cursor).is_some();
            // a wording whole with the figures printed beside its wrap is done as well
            // (`（2）政府网站在线访谈次` `数` `次 3`, then `13 其中:主要负责同志参加政` `府网站…`)
            let figures = prev.values.iter().any(|v| !v.text.trim().is_empty());
            let done =
                || figures && own_score(&prev) >= 1.0 - 1e-9 || ends_in_a_figure(&prev.label());
            if joins && !self.is_heading(&prev) && !whole() && !done() {
                return self.row(&joined);
            }
            let label_only = prev.values.is_empty();
            self.take(&prev, label_only);
        }
        // a row of empty fields whose wording's note in brackets is not printed is held back
        // too: the note may be the next row, with the figures (a converter's table row for it:
        // `|(四)政府信息公开专项经费|||` / `|(不包括…的经费)|万元|2.5|`)
        if bare(row) && (row.values.is_empty() || self.note_to_come(row) || self.rest_to_come(row))
        {
            self.pending = Some(row.clone());
            return;
        }
        self.take(row, false);
    }

    /// Whether a row of empty fields is labelled with the start of a wording only: a converter
    /// cut the label's cell over two table rows, the figures on the second
    /// (`|危及国家安全、公共安全、经济安全和社会|||` / `|稳定|件|0|`), so its fields are the cut's,
    /// not blank cells.
    fn rest_to_come(&self, row: &Row) -> bool {
        let (longer, whole) = wordings_begun(&row.label(), self.t, self.cursor);
        longer && !whole
    }

    /// Whether the wording a row's label matches ends in a note in brackets the label does not
    /// print.
    fn note_to_come(&self, row: &Row) -> bool {
        let label = row.label();
        let Some((_, _, ind)) = best_match(&label, self.t, self.cursor) else {
            return false;
        };
        ind.note_han()
            .is_some_and(|note| !crate::normalize::han_chars(&label).contains(&note))
    }

    /// A row with figures whose label, with the lines just before it, holds a long wording's
    /// characters in another order, where the label as joined line by line resembles it less:
    /// a converter cut the label's lines at a fixed place and printed the left pieces, then the
    /// right ones (`（二）部分` `处理的，只` `形，不计其 公开（区分` `计这一情` `他情形） 6 0 …`), with a
    /// group label's piece (`理结果`) above them.
    fn anagram_of_fragments(&self, fragments: &[Row], row: &Row) -> Option<Row> {
        if fragments.is_empty() {
            return None; // no lines to join
        }
        let plain = match &self.pending {
            Some(p) => join(p, row),
            None => row.clone(),
        };
        let exact = best_match(&plain.label(), self.t, self.cursor).map_or(0.0, |b| b.1);
        if exact >= 1.0 - 1e-9 {
            return None;
        }
        // the label of the row joined with the last k fragments, one more each time: the rows
        // themselves are joined only for the one that is a wording's anagram
        let mut label = row.label();
        (1..=fragments.len()).find_map(|k| {
            let from = fragments.len() - k;
            label.insert_str(0, &fragments[from].label());
            let wording = anagram_wording(&label, self.t, self.cursor)?;
            let whole = fragments[from..]
                .iter()
                .rev()
                .fold(row.clone(), |r, f| join(f, &r));
            Some(shown_as(whole, wording))
        })
    }

    /// `pdftotext -layout` prints a cell's figure halfway down its row: where a label wraps,
    /// between its lines (`（四）政府信息公开专项经费` / `2.5` / `（不包括…的经费） 万元`). A line of
    /// figures alone after a label held back for its next line is that label's.
    fn figures_inside_label(&mut self, row: &Row) {
        // a converter's fields left empty on a wrapped label's lines, its unit and figures on
        // a row of their own (`|其中：主要负责同志参|||` / `|加新闻发布会次数<br>|||` / `||次|7|`)
        if let Some(k) = self.blank_taken.take().filter(|_| row.unit.is_some()) {
            let taken = &mut self.out[k].row;
            taken.values = row.values.clone();
            taken.unit = row.unit.clone();
            return;
        }
        let heading = self.pending.as_ref().is_some_and(|p| self.is_heading(p));
        if let Some(p) = self
            .pending
            .as_mut()
            .filter(|p| bare(p) && p.values.is_empty())
        {
            if !heading && !row.values.is_empty() {
                p.values = row.values.clone();
                p.unit = p.unit.take().or_else(|| row.unit.clone());
            }
        }
    }

    /// The row of figures whose whole wording stands in the label cells before a row's own
    /// label, where the template has it before that row and no row was read for it yet: two
    /// labels printed one under the other, then one row's figures (`三、本 （一）予以公开` `年度办`
    /// `理结果` `（二）部分公开` `88 13 0 …`, then the rest of the second label and its own
    /// figures), which of the two rows they are the text does not say.
    fn stacked_above(&self, whole: &Row, own: &Row, place: usize) -> Option<&'static str> {
        let start = own.label_range().start;
        let first = whole.label_range().start;
        // a blank cell's trace (a tab) between them: the row above is blank, not stacked
        if crate::normalize::bordered(&self.text[first..start]) {
            return None;
        }
        let before: String = whole
            .label_parts
            .iter()
            .filter(|p| p.range.start < start)
            .map(|p| p.text.as_str())
            .collect();
        let rows = &wording_cores()[self.t as usize];
        let before = if before.is_empty() {
            wording_run_on(&own.label(), &rows[place])?
        } else {
            schema::core(&before)
        };
        // where a row's wording (of four characters or more) ends in what came before
        let printed_end = |j: usize| {
            rows[j]
                .iter()
                .filter(|w| w.chars().count() >= 4)
                .filter_map(|w| before.rfind(w.as_str()).map(|at| at + w.len()))
                .max()
        };
        // the wording printed last before the row's own: a group heading between them
        // (`予以公开本年度办理结果(二)部分公开`) is no row stacked above
        let (_, j) = (self.cursor..place)
            .filter_map(|j| Some((printed_end(j)?, j)))
            .max_by_key(|&(end, _)| end)?;
        let ind = schema::indicators()
            .filter(|i| i.within.has(self.t) && i.by_label)
            .nth(j)?;
        (!ind.heading).then_some(ind.id)
    }

    fn is_heading(&self, row: &Row) -> bool {
        best_match(&row.label(), self.t, self.cursor)
            .is_some_and(|(_, s, ind)| ind.heading && s >= 0.9)
    }

    fn flush_pending(&mut self) {
        if let Some(prev) = self.pending.take() {
            let label_only = prev.values.is_empty();
            self.take(&prev, label_only);
        }
    }

    /// Takes a row for the indicator it matches best. A label alone (no figures) counts only
    /// when it is exact: it is then a row left entirely blank.
    fn take(&mut self, whole_row: &Row, label_only: bool) {
        let row = &own_label(whole_row, self.t, self.cursor);
        let Some((i, score, ind)) = best_match(&row.label(), self.t, self.cursor) else {
            return;
        };
        if let Some(above) = self.stacked_above(whole_row, row, i) {
            self.stacked
                .extend([(above, Why::Layout), (ind.id, Why::Layout)]);
            self.cursor = i + 1;
            return;
        }
        if bare(row) && ind.heading {
            self.cursor = i + 1;
            return; // a group heading row: context only
        }
        // a header cell of a later table (table 四's `总计`) with that table's figures below
        // it is no row printed out of order
        if i < self.cursor && grid::is_header_word(&row.label()) {
            return;
        }
        if figure_after_unit(&row.label(), ind.unit) {
            return; // the row's figure stands in what was taken for its label: misread
        }
        let whole =
            || score >= 1.0 || whole_but_for_a_unit(&row.label(), self.t, self.cursor) == Some(i);
        // a label with its figure glued on (`(2)政府网站在线访谈次数1`) is no blank row either
        let glued = || ends_in_a_figure(&row.label());
        if label_only && (!whole() || grid::is_header_word(&row.label()) || glued()) {
            return; // a stray line of text that resembles a label, or a header cell (总计)
        }
        let figures = |r: &Row| r.values.iter().any(|v| !v.text.trim().is_empty());
        if let Some(k) = self.out.iter().position(|m| std::ptr::eq(m.indicator, ind)) {
            // the table printed twice (summary and detail): keep the first; but a header cell
            // of the same words (其他, the applicants' column) has no figures of its own
            if figures(&self.out[k].row) || !figures(row) {
                return;
            }
            self.out.remove(k);
        }
        self.cursor = i + 1;
        if bare(row) && !row.values.is_empty() {
            self.blank_taken = Some(self.out.len());
        }
        self.out.push(MatchedRow {
            indicator: ind,
            row: row.clone(),
            score,
        });
    }
}

/// What a label cell prints before its row's whole wording: a row above run into it where a
/// page break joined two rows' cells (`涉及个人隐私危及国家安全、…和社会稳定`). None where no
/// wording of the row stands whole in the cell.
fn wording_run_on(label: &str, wordings: &[String]) -> Option<String> {
    let core = schema::core(label);
    let at = wordings
        .iter()
        .filter(|w| w.chars().count() >= 4)
        .filter_map(|w| core.find(w.as_str()))
        .min()?;
    Some(core[..at].to_string())
}

/// Where a numbering (`2、` `3.` followed by a Han character) starts in a label, if anywhere.
fn numbered_start(text: &str) -> Option<usize> {
    text.char_indices()
        .find(|&(i, c)| {
            c.is_ascii_digit() && {
                let rest = &text[i..];
                let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
                rest[digits..].starts_with(['、', '.'])
                    && rest[digits..]
                        .chars()
                        .nth(1)
                        .is_some_and(crate::normalize::is_han)
            }
        })
        .map(|(i, _)| i)
}

/// Whether a label's core is the start of the wording of a row of the template not yet passed
/// (at `cursor` or after), longer than its numbering.
fn begins_a_wording(label: &str, t: Template, cursor: usize) -> bool {
    let (longer, whole) = wordings_begun(label, t, cursor);
    longer || whole
}

/// Whether a label's core (from its numbering on, three characters at least) begins a longer
/// wording of a row not yet passed, and whether it is one whole.
fn wordings_begun(label: &str, t: Template, cursor: usize) -> (bool, bool) {
    // from its numbering on: a character of a group label printed beside it may stand before
    let label = numbered_start(label).map_or(label, |i| &label[i..]);
    let core = schema::core(label);
    if core.chars().count() < 3 {
        return (false, false);
    }
    let rows = &wording_cores()[t as usize];
    let wordings = || rows.get(cursor..).unwrap_or_default().iter().flatten();
    let longer = wordings().any(|w| w.len() > core.len() && w.starts_with(&core));
    let whole = wordings().any(|w| *w == core);
    (longer, whole)
}

/// The place of the row not yet passed whose wording a label is whole once one unit printed
/// inside it is taken out: `-layout` prints a row's unit on the middle line of its wrapped label
/// (`主动公开招投标…国有` `资金占控股…的项目等 条` `信息数`), glued on once normalized.
fn whole_but_for_a_unit(label: &str, t: Template, cursor: usize) -> Option<usize> {
    let rows = &wording_cores()[t as usize];
    schema::without_a_unit(label, grid::UNITS)
        .map(|without| schema::core(&without))
        .filter(|core| core.chars().count() >= 4)
        .find_map(|core| {
            let mut found = rows.iter().enumerate().skip(cursor);
            found
                .find(|(_, wordings)| wordings.contains(&core))
                .map(|(place, _)| place)
        })
}

/// Per template, the cores of each wording of its rows found by label, in table order: made
/// once, not again for each label held back.
fn wording_cores() -> &'static [Vec<Vec<String>>; 3] {
    static CORES: std::sync::OnceLock<[Vec<Vec<String>>; 3]> = std::sync::OnceLock::new();
    CORES.get_or_init(|| {
        [Template::T2008, Template::T2019, Template::T2021].map(|t| {
            schema::indicators()
                .filter(|i| i.within.has(t) && i.by_label)
                .map(|i| i.labels.iter().map(|w| schema::core(w)).collect())
                .collect()
        })
    })
}

/// In a stream the cells before a row's own label (headings, header words, a stray line of
/// prose) pile up in front of it. The row keeps the shortest tail of its label cells that
/// matches best: `…信息内容 本年制发件数 … 规章` is the row 规章.
fn own_label(row: &Row, t: Template, cursor: usize) -> Row {
    let n = row.label_parts.len();
    if n < 2 {
        return row.clone();
    }
    let score = |k: usize| {
        // without white space, as `Row::label` joins them, which a label's core leaves out
        // anyway: the whole label is then the one template detection scored, not scored again
        // (a paragraph taken for a label, in a stream, was a tenth of a check)
        let tail: String = row.label_parts[n - k..]
            .iter()
            .flat_map(|p| p.text.chars())
            .filter(|c| !c.is_whitespace())
            .collect();
        best_match(&tail, t, cursor).map_or(0.0, |b| b.1)
    };
    let mut best = (n, score(n));
    for k in (1..n).rev().filter(|&k| k <= 4) {
        let s = score(k);
        if s >= best.1 - 1e-9 {
            best = (k, s);
        }
    }
    let mut trimmed = row.clone();
    trimmed.label_parts.drain(..n - best.0);
    numbering_before(row, n - best.0, &mut trimmed);
    trimmed
}

/// The row's numbering where it stands at the end of the cell before the kept ones, behind a
/// character of another cell (`公2、其他法` `律行政法规` `禁止公开`: a group label printed a
/// character per line beside the row): the label starts at `2、`.
fn numbering_before(row: &Row, kept_from: usize, trimmed: &mut Row) {
    let Some(before) = kept_from.checked_sub(1).map(|i| &row.label_parts[i]) else {
        return;
    };
    let text = &before.text;
    if let Some(i) = numbered_start(text).filter(|&i| i > 0) {
        let mut part = before.clone();
        part.text = text[i..].to_string();
        part.range.start += i;
        trimmed.label_parts.insert(0, part);
    }
}

/// A row whose label's pieces are a wording's characters shown in that wording: its first
/// piece holds the wording, the others nothing (their places stay the label's).
fn shown_as(mut row: Row, wording: &str) -> Row {
    for (n, part) in row.label_parts.iter_mut().enumerate() {
        part.text = if n == 0 {
            wording.to_string()
        } else {
            String::new()
        };
    }
    row
}

/// Whether a label holds its row's unit followed by a figure (`涉及个人隐私件3`): a line of a
/// copy that prints a row's 序号, label, unit and figure with single spaces (PDFium), taken
/// whole for a label cell; the figure after it is another row's.
fn figure_after_unit(label: &str, unit: &str) -> bool {
    !unit.is_empty()
        && label.match_indices(unit).any(|(i, _)| {
            label[i + unit.len()..]
                .trim_start()
                .starts_with(|c: char| c.is_ascii_digit())
        })
}

/// A label's first line joined with its next; figures printed between them are the row's. So
/// are the first line's figures when the next line's fields are all empty: a converter split
/// the label's cell over two table rows (`|其他对外管理服务<br>|647|18|20684|` / `|事项||||`),
/// the empty fields being the continuation row's, not blank cells.
fn join(first: &Row, second: &Row) -> Row {
    let mut r = second.clone();
    let all_empty = r.values.iter().all(|v| v.text.trim().is_empty());
    if r.values.is_empty() || (all_empty && !first.values.is_empty()) {
        r.values = first.values.clone();
    }
    let mut parts = first.label_parts.clone();
    parts.extend(second.label_parts.iter().cloned());
    r.label_parts = parts;
    r
}

fn cells_of(doc: &Document, m: &MatchedRow) -> Vec<Cell> {
    let label = match m.row.label() {
        l if l.is_empty() || !m.indicator.by_label => m.indicator.labels[0].to_string(),
        l => reordered_wording(&l, m.indicator).unwrap_or(l),
    };
    let unit = m
        .row
        .unit
        .as_ref()
        .map(|u| u.text.clone())
        .or_else(|| (!m.indicator.unit.is_empty()).then(|| m.indicator.unit.to_string()));
    let label_span = doc.span(m.row.label_range());
    let make = |column: Option<&str>, raw: Option<&RawCell>| {
        let text = raw.map_or("", |r| r.text.as_str());
        let (value, kind) = parse_value(text);
        let span = match raw {
            Some(r) if !r.range.is_empty() && !text.is_empty() => doc.span(r.range.clone()),
            _ => label_span,
        };
        Cell {
            indicator: m.indicator.id.to_string(),
            label: label.clone(),
            column: column.map(str::to_string),
            unit: unit.clone(),
            value,
            raw: text.to_string(),
            kind,
            span,
        }
    };
    match m.indicator.columns {
        // one value column, one value: a second figure on the row (a 序号, the 历年累计 of an
        // old form) leaves it unknown which one is the row's
        Columns::Single => match within_width(&m.row.values, 1) {
            [] => vec![make(None, None)],
            [one] => vec![make(None, Some(one))],
            _ => Vec::new(),
        },
        Columns::Named(names) => {
            // a cell not placed is not read (an empty cell printed is a blank)
            let values = align(&m.row.values, names.len());
            names
                .iter()
                .zip(values)
                .filter_map(|(n, v)| v.map(|v| make(Some(n), Some(v))))
                .collect()
        }
    }
}

/// The row's wording, when the label printed holds exactly its characters in another order: a
/// converter cut the label's cell and put the pieces back out of order (`一、本年新收政府信息` `量`
/// `公开申请数`). Such a label is the wording, not a variant of it.
fn reordered_wording(label: &str, ind: &Indicator) -> Option<String> {
    let core = schema::core(label);
    if ind.labels.iter().any(|w| schema::core(w) == core) {
        return None; // printed as worded: shown as printed
    }
    let printed = sorted_han(&core);
    ind.labels
        .iter()
        .find(|w| sorted_han(&schema::core(w)) == printed)
        .map(|w| w.to_string())
}

/// A label with its figures glued on (`一、本年新收政府信息公开申请数量640020470`, from some
/// web pages): the digits become a value cell of their own.
/// Rows without glued figures are borrowed, not copied: copying every row of a long paste
/// was a large share of a check's memory.
fn unglue_label(row: &Row) -> Cow<'_, Row> {
    let Some(last) = row.label_parts.last() else {
        return Cow::Borrowed(row);
    };
    if !row.values.is_empty() || row.unit.is_some() {
        return Cow::Borrowed(row);
    }
    let digits = last
        .text
        .bytes()
        .rev()
        .take_while(u8::is_ascii_digit)
        .count();
    if digits < 7 || digits == last.text.len() {
        return Cow::Borrowed(row);
    }
    let cut = last.text.len() - digits;
    let value = RawCell {
        text: last.text[cut..].to_string(),
        range: last.range.start + cut..last.range.end,
    };
    let label = RawCell {
        text: last.text[..cut].to_string(),
        range: last.range.start..last.range.start + cut,
    };
    let mut r = row.clone();
    *r.label_parts.last_mut().expect("checked above") = label;
    r.values.push(value);
    Cow::Owned(r)
}

/// Splits a lone run of glued digits in a 7-column row of table 三 where exactly one split
/// makes the six columns add up to 总计; says so, or that the row cannot be read.
fn split_glued_row(doc: &Document, m: &mut MatchedRow) -> Option<Note> {
    let Columns::Named(names) = m.indicator.columns else {
        return None;
    };
    // columns its total ties together: table 二's leave every cut but the one by the digits'
    // count (`190` alone read as 1, 9 and 0)
    schema::row_totals(names).next()?;
    let n = names.len();
    let cell = match m.row.values.as_slice() {
        [only]
            if n >= 3 && only.text.len() >= n && only.text.bytes().all(|b| b.is_ascii_digit()) =>
        {
            only.clone()
        }
        _ => return None,
    };
    // the anchored reading's splitter: one number per column, fitting the row's own totals
    let splits = super::anchored::splits(&cell.text, names);
    let label = m.row.label();
    let span = doc.span(cell.range.clone());
    if let [one] = splits.as_slice() {
        let mut at = cell.range.start;
        m.row.values = one
            .iter()
            .map(|part| {
                let c = RawCell {
                    text: part.clone(),
                    range: at..at + part.len(),
                };
                at += part.len();
                c
            })
            .collect();
        return Some(Note {
            code: "row-reconstructed",
            message: format!(
                "“{label}”一行的数字连在一起（{}），已按各列之和等于总计拆分为 {}。",
                cell.text,
                one.join("、")
            ),
            span,
            indicator: m.indicator.id,
        });
    }
    m.row.values = vec![
        RawCell {
            text: String::new(),
            range: cell.range.clone()
        };
        n
    ];
    Some(Note {
        code: "row-unreadable",
        message: format!(
            "“{label}”一行的数字连在一起（{}），无法唯一拆分到各列，请核对原表。",
            cell.text
        ),
        span,
        indicator: m.indicator.id,
    })
}

/// Table 四 has no row label: its fifteen figures follow the headers, in one row or in three
/// blocks of five (行政复议, 未经复议直接起诉, 复议后起诉). Not read: `Why::Layout` where its
/// headers held more figures than its cells, `Why::NotFound` where no row held them.
fn review_row(rows: &[&Row], matched: &[MatchedRow]) -> Result<MatchedRow, Why> {
    let ind = schema::indicator("review_lawsuit").ok_or(Why::NotFound)?;
    let n = ind.columns.names().len();
    let taken = |r: &Row| {
        matched
            .iter()
            .any(|m| m.row.label_range() == r.label_range() && !r.label_parts.is_empty())
    };
    // table 四 follows table 三: figures among its rows' labels are a row's left unread (a
    // group label's character taken for its label: `无   2.没有现成信息需要另行制作 7 0 0 …`)
    let after = matched
        .iter()
        .flat_map(|m| m.row.values.iter().map(|v| v.range.end))
        .max()
        .unwrap_or(0);
    let candidate = |r: &&&Row| {
        let label = r.label();
        let figures = r.values.iter().filter(|v| classify_value(&v.text)).count();
        r.values.first().is_some_and(|v| v.range.start >= after)
            && !taken(r)
            && figures >= 4
            && (label.is_empty()
                || ["复议", "诉讼", "结果", "审结", "总计"]
                    .iter()
                    .any(|w| label.contains(w)))
    };
    let mut values = Vec::new();
    let mut why = Why::NotFound;
    for r in rows.iter().filter(candidate) {
        // more figures than the table has cells: another table's, printed among its headers
        // (pdftotext put table 三's figures after `行政复议 行政诉讼`, table 四's own fifteen
        // after its column headers); which fifteen would be its own no reading can say
        if r.values.len() > n {
            why = Why::Layout;
            values.clear();
            continue;
        }
        if r.values.len() == n {
            return Ok(MatchedRow {
                indicator: ind,
                row: (*r).clone(),
                score: 1.0,
            });
        }
        values.extend(r.values.iter().cloned());
        if values.len() > n {
            return Err(Why::Layout);
        }
        if values.len() == n {
            let row = Row {
                label_parts: Vec::new(),
                unit: None,
                values,
            };
            return Ok(MatchedRow {
                indicator: ind,
                row,
                score: 1.0,
            });
        }
    }
    Err(why)
}

fn classify_value(text: &str) -> bool {
    grid::classify(text) == grid::CellClass::Value
}

/// A row's values without the empty fields beyond its width at its ends: a Markdown converter
/// prints one for each column a merged label covers, and for a grid wider than the row.
fn within_width(values: &[RawCell], n: usize) -> &[RawCell] {
    let empty = |v: &RawCell| v.text.trim().is_empty();
    let mut v = values;
    while v.len() > n && v.first().is_some_and(empty) {
        v = &v[1..];
    }
    while v.len() > n && v.last().is_some_and(empty) {
        v = &v[..v.len() - 1];
    }
    v
}

/// Places a row's values under its columns, in order. A row with fewer values than columns
/// lost its empty cells (a copy that keeps no trace of them): which column holds which value
/// the text does not say — a lone figure may be the 总计 some reports fill alone, or any other —
/// so none is read.
fn align(values: &[RawCell], n: usize) -> Vec<Option<&RawCell>> {
    let values = within_width(values, n);
    if values.len() != n {
        return vec![None; n];
    }
    (0..n).map(|i| values.get(i)).collect()
}

/// `统计表` / `汇总表` / a 统计指标 header: the report says a statistics table follows.
fn announced_table(doc: &Document) -> Option<Range<usize>> {
    let text = doc.text();
    ["情况统计表", "统计表", "汇总表", "统计指标"]
        .iter()
        .filter_map(|w| text.rfind(w).map(|i| i..i + w.len()))
        .next()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A paragraph taken for a label is scored by its end alone, as every wording's bigrams
    /// would score it: the wording it ends with, and nothing else.
    #[test]
    fn a_paragraph_ending_with_a_wording_scores_as_its_bigrams_would() {
        let index = schema::wording_index();
        let wording = schema::indicators()
            .filter(|i| i.by_label && !i.heading)
            .flat_map(|i| i.labels)
            .find(|w| schema::core(w).chars().count() >= 6)
            .expect("a row's wording");
        let label = format!("{}{wording}", "办".repeat(400));
        let text = schema::core(&label);
        assert!(index.past_bigrams(text.chars().count(), MATCH_THRESHOLD));
        let core = schema::Core::new(&text);
        let mut by_bigrams = Vec::new();
        for &(g, wording) in &index.cores {
            if template_place(g).0.by_label {
                keep_best(&mut by_bigrams, g, core.similarity(wording));
            }
        }
        assert!(!by_bigrams.is_empty());
        assert_eq!(*score_wordings(&label), *by_bigrams);
    }

    fn row(label: &str, values: &[&str]) -> Row {
        let cell = |t: &str| RawCell {
            text: t.to_string(),
            range: 0..0,
        };
        Row {
            label_parts: vec![cell(label)],
            unit: None,
            values: values.iter().map(|v| cell(v)).collect(),
        }
    }

    /// A Markdown converter split the label's cell over two table rows: the figures stand on
    /// the first, the second's fields are empty. Joined, the row keeps the figures; a second
    /// line with a figure of its own keeps its own.
    #[test]
    fn a_label_continued_on_a_row_of_empty_fields_keeps_the_first_rows_figures() {
        let figures = |r: &Row| r.values.iter().map(|v| v.text.clone()).collect::<Vec<_>>();
        let first = row("其他对外管理服务", &["647", "18", "20684"]);
        let joined = join(&first, &row("事项", &["", "", ""]));
        assert_eq!(joined.label(), "其他对外管理服务事项");
        assert_eq!(figures(&joined), ["647", "18", "20684"]);
        let own = join(&first, &row("事项", &["", "5", ""]));
        assert_eq!(figures(&own), ["", "5", ""]);
    }

    #[test]
    fn numbering_is_left_out_of_a_label() {
        assert_eq!(without_numbering("（二）部分公开"), "部分公开");
        assert_eq!(
            without_numbering("3、要求提供公开出版物"),
            "要求提供公开出版物"
        );
        assert_eq!(without_numbering("12.其他"), "其他");
        assert_eq!(without_numbering("二十四节气"), "二十四节气");
    }

    #[test]
    fn a_label_cut_and_put_back_out_of_order_is_its_wording() {
        // a converter's cell cut at a fixed place: left pieces, then right ones
        let cut = "（二）部分处理的，只形，不计其公开（区分计这一情他情形）";
        let wording = anagram_wording(cut, Template::T2021, 0).unwrap();
        assert_eq!(schema::core(wording), "部分公开");
        // one character off is no wording
        let off = "（二）部分处理的，只形，不计其公开（区分计这一情他情况）";
        assert_eq!(anagram_wording(off, Template::T2021, 0), None);
        // short wordings are never taken from a jumble of characters
        assert_eq!(anagram_wording("开公以予", Template::T2021, 0), None);
    }
}
