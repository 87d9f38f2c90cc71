//! Extraction: matches table rows to template indicators and reads their cells.

use crate::grid::{self, RawCell, Row};
use crate::model::{Cell, Span, ValueKind};
use crate::schema::{self, Columns, Indicator, Template};
use crate::segment::Document;
use std::borrow::Cow;
use std::ops::Range;

/// Below this similarity a row is not taken for an indicator.
const MATCH_THRESHOLD: f64 = 0.72;

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
    pub coverage: Vec<crate::coverage::Coverage>,
    /// Rows found but not read, and why.
    pub unread: Vec<(&'static str, crate::coverage::Why)>,
    /// Whether the tables were read from exact grids (a file's or the clipboard's tables).
    pub exact: bool,
}

/// A remark of the extraction, reported by the rule of the same code.
#[derive(Clone)]
pub struct Note {
    pub code: &'static str,
    pub message: String,
    pub span: Span,
    pub indicator: &'static str,
}

#[derive(Clone)]
pub struct MatchedRow {
    pub indicator: &'static Indicator,
    pub row: Row,
    pub score: f64,
}

impl Extraction {
    /// What coverage is judged on.
    pub fn tables(&self) -> crate::coverage::Tables<'_> {
        crate::coverage::Tables {
            template: self.template,
            cells: &self.cells,
            old_columns: self.old_columns,
            found: &self.matched,
            unread: &self.unread,
            exact: self.exact,
        }
    }
}

pub fn extract(doc: &Document, html_tables: &[Vec<Vec<String>>]) -> Extraction {
    forget_scores();
    let mut extraction = extract_tables(doc, html_tables);
    forget_scores();
    extraction.coverage = crate::coverage::coverage(extraction.tables());
    extraction
}

/// Rows whose figures break the arithmetic as no single mistake of the report would are
/// misread: their cells are dropped (the rows stay found, so that coverage names them).
fn leave_misread_rows_unread(doc: &Document, ex: &mut Extraction, exact: bool) {
    let Some(t) = ex.template else { return };
    let rows: Vec<crate::verify::RowRead> = ex
        .matched
        .iter()
        .map(|m| crate::verify::RowRead {
            indicator: m.indicator.id,
            label: m.row.label_range(),
            values: m
                .row
                .values
                .iter()
                .map(|v| crate::verify::ValueRead {
                    range: v.range.clone(),
                    blank: v.text.trim().is_empty(),
                })
                .collect(),
        })
        .collect();
    let certain: Vec<&str> = if exact {
        rows.iter().map(|r| r.indicator).collect()
    } else {
        crate::verify::certain_rows(doc.text(), &rows)
    };
    let mut misread = crate::verify::misread(t, &ex.cells, ex.old_columns, &certain);
    for u in crate::verify::read_twice(&ex.cells) {
        if !misread.contains(&u) {
            misread.push(u);
        }
    }
    if misread.is_empty() {
        return;
    }
    ex.cells.retain(|c| !misread.iter().any(|u| u.holds(c)));
    for u in misread {
        if let Some(ind) = schema::indicator(&u.indicator) {
            ex.unread.push((ind.id, crate::coverage::Why::Misplaced));
        }
    }
}

fn extract_tables(doc: &Document, html_tables: &[Vec<Vec<String>>]) -> Extraction {
    // exact grids (clipboard HTML, .docx, .html) are read by layout too, and compared with
    // the anchored reading like any other: the old form's two value columns are the
    // anchored reader's
    let exact = !html_tables.is_empty();
    let mut by_layout = read_by_layout(doc, html_tables);
    if read_whole(doc, &by_layout) {
        leave_misread_rows_unread(doc, &mut by_layout, exact);
        return by_layout; // nothing left for another reading to find
    }
    let Some(t) = by_layout.template.or_else(|| anchored_template(doc)) else {
        leave_misread_rows_unread(doc, &mut by_layout, exact);
        return by_layout;
    };
    let mut anchored = read_anchored(doc, t, by_layout.table_announced.clone());
    // both judged by the columns the text shows (a reading by layout may have seen one)
    let columns = anchored.old_columns;
    if read_cells(&anchored, columns) > read_cells(&by_layout, columns) {
        leave_misread_rows_unread(doc, &mut anchored, false);
        anchored
    } else {
        leave_misread_rows_unread(doc, &mut by_layout, exact);
        by_layout
    }
}

/// A reading by layout that read every cell of every table, each row adding up, is not read
/// again: the seeds, clean copies and exact grids are read once. The old form printed with a
/// 历年累计 column is the exception: a reading by layout sees one value column there.
fn read_whole(doc: &Document, ex: &Extraction) -> bool {
    let mut ids: Vec<&str> = ex.cells.iter().map(|c| c.indicator.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    crate::coverage::complete(ex.tables())
        && read_cells(ex, &[]).0 == ids.len()
        && !(ex.template == Some(Template::T2008) && prints_cumulative(doc, ex))
        && !(ex.template == Some(Template::T2008) && anchors_find_more(doc, ex))
}

/// Whether the table's text holds the wording of an old-form row the reading by layout did not
/// take (its rows vary by province, so a row missed there would not be missed in coverage). On
/// the Han characters of the table's lines, each wording whole: a row found this way is read
/// anchored too, and the readings compared.
fn anchors_find_more(doc: &Document, ex: &Extraction) -> bool {
    let han: String = table_texts(doc, ex)
        .flat_map(str::chars)
        .filter(|&c| crate::normalize::is_han(c))
        .collect();
    let t = Template::T2008;
    schema::indicators()
        .zip(schema::wording_cores())
        .filter(|(ind, _)| ind.within.has(t) && !ind.heading)
        .filter(|(ind, _)| !ex.matched.iter().any(|m| std::ptr::eq(m.indicator, *ind)))
        .any(|(_, cores)| {
            cores
                .iter()
                .any(|c| c.chars() >= 4 && han.contains(c.text.as_str()))
        })
}

/// Whether the table's lines hold a 历年累计 header.
fn prints_cumulative(doc: &Document, ex: &Extraction) -> bool {
    table_texts(doc, ex).any(|t| t.contains("累计"))
}

/// The text of each stretch of lines a reading took for a table.
fn table_texts<'a>(doc: &'a Document, ex: &'a Extraction) -> impl Iterator<Item = &'a str> {
    ex.table_lines
        .iter()
        .filter(|l| !l.is_empty())
        .map(|lines| {
            let (from, to) = (doc.lines[lines.start].start, doc.lines[lines.end - 1].end);
            &doc.text()[from..to]
        })
}

/// How much of the template a reading holds that can be trusted: rows read whole, with no
/// blank cell and, where the row has a 总计 column, adding up; then its cells. A reading by layout
/// that puts figures under the wrong row or column shows as blanks and broken totals.
fn read_cells(ex: &Extraction, old_columns: &[&str]) -> (usize, usize) {
    let mut ids: Vec<&str> = ex.cells.iter().map(|c| c.indicator.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    let sound = ids
        .iter()
        .filter(|id| {
            let row: Vec<&Cell> = ex.cells.iter().filter(|c| c.indicator == **id).collect();
            let blank = row.iter().any(|c| c.kind == ValueKind::Blank);
            let values: Vec<String> = row
                .iter()
                .map(|c| c.value.map_or(String::new(), |v| format!("{v}")))
                .collect();
            let columns: Vec<&str> = row.iter().filter_map(|c| c.column.as_deref()).collect();
            let Some(ind) = schema::indicator(id) else {
                return false;
            };
            // a figure under a heading was misplaced: the heading has no cell to hold it
            if ind.heading {
                return false;
            }
            let width = ind.width(old_columns);
            // a blank in a row with a 总计 column breaks its total; elsewhere it is a blank
            row.len() == width
                && (columns.len() < 3 || !blank && crate::anchor::adds_up(&values, &columns))
        })
        .count();
    (sound, ex.cells.len())
}

/// The template whose rows the text holds most of, when the layout gave no rows.
fn anchored_template(doc: &Document) -> Option<Template> {
    let [old, y2019, y2021] = crate::anchor::rows_found(doc);
    let national = y2019.max(y2021);
    if old.max(national) < 3 {
        return None;
    }
    if old > national {
        return Some(Template::T2008);
    }
    Some(national_format(doc))
}

/// Reads the tables anchored on the template's labels ([`crate::anchor`]).
fn read_anchored(doc: &Document, t: Template, announced: Option<Range<usize>>) -> Extraction {
    let rows = crate::anchor::read(doc, t);
    let old_columns = rows
        .iter()
        .find(|r| matches!(r.anchor.indicator.columns, Columns::Single))
        .map_or(&[][..], |r| r.columns);
    let mut cells = Vec::new();
    let mut notes = Vec::new();
    let mut unread = Vec::new();
    for r in &rows {
        cells.extend(anchored_cells(doc, r));
        notes.extend(glue_note(doc, r));
        if r.unreadable.is_some() {
            unread.push((r.anchor.indicator.id, crate::coverage::Why::Glued));
        }
    }
    let lines = match (
        rows.first(),
        rows.iter()
            .flat_map(|r| r.cells.iter().flatten())
            .map(|c| c.range.end)
            .max(),
    ) {
        (Some(first), Some(end)) => {
            let from = rows
                .iter()
                .map(|r| r.anchor.label.start)
                .min()
                .unwrap_or(first.anchor.label.start);
            std::iter::once(doc.line_of(from)..doc.line_of(end) + 1).collect()
        }
        _ => Vec::new(),
    };
    let matched = rows
        .iter()
        .map(|r| MatchedRow {
            indicator: r.anchor.indicator,
            row: r.as_row(doc),
            score: 1.0,
        })
        .collect();
    Extraction {
        template: Some(t),
        cells,
        table_lines: lines,
        matched,
        table_announced: announced,
        fuzzy: Vec::new(),
        notes,
        old_columns,
        coverage: Vec::new(),
        unread,
        exact: false,
    }
}

/// A label broken by other cells named by the row's wording its characters spell, under the
/// numbering the report printed (`2、` + `同意部分公开答复数`): the numbering is how a reader
/// finds the row in the report.
fn numbered_wording(text: &str, a: &crate::anchor::Anchor) -> String {
    let is_han = |c: &char| crate::normalize::is_han(*c);
    let spelled: Vec<char> = text[a.core.clone()].chars().filter(is_han).collect();
    let spells = |w: &&&str| {
        let mut rest = spelled.iter();
        schema::core(w)
            .chars()
            .filter(is_han)
            .all(|c| rest.any(|&s| s == c))
    };
    // the longest: `2.政府公报公开` is spelled by `政府公报公开数` too
    let wording = a
        .indicator
        .labels
        .iter()
        .filter(spells)
        .max_by_key(|w| schema::core(w).chars().count())
        .unwrap_or(&a.indicator.labels[0]);
    let numbering: String = text[a.label.start..a.core.start.max(a.label.start)]
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    if numbering.is_empty() {
        return wording.to_string();
    }
    let numbering_char =
        |c: char| c.is_ascii_digit() || "一二三四五六七八九十()（）.、:：".contains(c);
    let bare = wording.trim_start_matches(numbering_char);
    let bare = bare
        .strip_prefix("其中")
        .unwrap_or(bare)
        .trim_start_matches(numbering_char);
    format!("{numbering}{bare}")
}

fn anchored_cells(doc: &Document, r: &crate::anchor::ReadRow) -> Vec<Cell> {
    let ind = r.anchor.indicator;
    // the label as printed when it reads as one of the row's wordings; else (broken by other
    // cells, wrapped, characters out of order) the template's wording
    let printed = r.anchor.printed(doc.text());
    // crawler text runs the unit cell into the label (`主动公开信息数条`)
    let unit_cut = grid::UNITS
        .iter()
        .find_map(|u| printed.strip_suffix(u))
        .map(str::to_string);
    let reads_as_wording = |l: &String| {
        ind.labels
            .iter()
            .any(|w| schema::core(w) == schema::core(l))
    };
    let shown = std::iter::once(printed.clone())
        .chain(unit_cut)
        .find(|l| reads_as_wording(l));
    let label: String = match shown {
        Some(l) if r.anchor.found && !r.anchor.broken => l,
        _ => numbered_wording(doc.text(), &r.anchor),
    };
    let label_span = doc.span(r.anchor.label.clone());
    r.cells
        .iter()
        .enumerate()
        .filter_map(|(c, raw)| {
            let raw = raw.as_ref()?;
            let (value, kind) = parse_value(&raw.text);
            Some(Cell {
                indicator: ind.id.to_string(),
                label: label.clone(),
                column: r.columns.get(c).map(|n| n.to_string()),
                unit: (!ind.unit.is_empty()).then(|| ind.unit.to_string()),
                value,
                raw: raw.text.clone(),
                kind,
                span: if raw.text.is_empty() {
                    label_span
                } else {
                    doc.span(raw.range.clone())
                },
            })
        })
        .collect()
}

/// What glued digits became: split by the arithmetic, or left unread.
fn glue_note(doc: &Document, r: &crate::anchor::ReadRow) -> Option<Note> {
    let label = r.anchor.printed(doc.text());
    if let Some((cell, parts)) = &r.reconstructed {
        return Some(Note {
            code: "row-reconstructed",
            message: format!(
                "“{label}”一行的数字连在一起（{}），已按表内合计关系唯一拆分为 {}。",
                cell.text,
                parts.join("、")
            ),
            span: doc.span(cell.range.clone()),
            indicator: r.anchor.indicator.id,
        });
    }
    let cell = r.unreadable.as_ref()?;
    Some(Note {
        code: "row-unreadable",
        message: format!(
            "“{label}”一行的数字连在一起（{}），无法唯一拆分到各列，这一行未读出，请核对原表。",
            cell.text
        ),
        span: doc.span(cell.range.clone()),
        indicator: r.anchor.indicator.id,
    })
}

/// The table read by the layout it shows (tab rows, streams, PDF spaces, exact HTML grids).
fn read_by_layout(doc: &Document, html_tables: &[Vec<Vec<String>>]) -> Extraction {
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
    let mut matched = template.map(|t| match_rows(&rows, t)).unwrap_or_default();
    if template.is_some_and(|t| t != Template::T2008) {
        matched.extend(review_row(&rows, &matched));
    }
    let notes: Vec<Note> = matched
        .iter_mut()
        .filter_map(|m| split_glued_row(doc, m))
        .collect();
    let unread = notes
        .iter()
        .filter(|n| n.code == "row-unreadable")
        .map(|n| (n.indicator, crate::coverage::Why::Glued))
        .collect();
    let traceless = traceless_blanks(&tables);
    let cells = matched
        .iter()
        .filter(|m| !figure_elsewhere(doc, &traceless, &rows, template, m))
        .flat_map(|m| cells_of(doc, m))
        .collect();
    let fuzzy = matched
        .iter()
        .enumerate()
        .filter(|(_, m)| m.score < 0.85)
        .map(|(i, m)| (i, m.score))
        .collect();
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
    }
}

/// The lines of tables printed one cell per line with nothing between cells (pdftotext of a
/// PDF): there a blank cell leaves no trace at all.
fn traceless_blanks(tables: &[grid::Table]) -> Vec<Range<usize>> {
    tables
        .iter()
        .filter(|t| t.layout == grid::Layout::CellPerLine)
        .map(|t| t.lines.clone())
        .collect()
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
    Some(national_format(doc))
}

/// 2019 or 2021: by the columns and rows that changed in 2021, else by the year.
fn national_format(doc: &Document) -> Template {
    let text = doc.text();
    let says_2021 = [
        "本年制发件数",
        "现行有效件数",
        "本年处理决定数量",
        "行政规范性文件",
        "逾期不补正",
        "本年收费金额",
    ]
    .iter()
    .filter(|w| text.contains(*w))
    .count();
    let says_2019 = [
        "本年新制作数量",
        "对外公开总数量",
        "上一年项目数量",
        "政府集中采购",
        "采购总金额",
    ]
    .iter()
    .filter(|w| text.contains(*w))
    .count();
    match says_2021.cmp(&says_2019) {
        std::cmp::Ordering::Greater => Template::T2021,
        std::cmp::Ordering::Less => Template::T2019,
        std::cmp::Ordering::Equal if doc.year.is_some_and(|y| y >= 2021) => Template::T2021,
        std::cmp::Ordering::Equal => Template::T2019,
    }
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

fn forget_scores() {
    LIKENESS.with(|m| m.borrow_mut().clear());
}

/// The indicators (found by label) whose best wording the label resembles enough.
fn score_wordings(label: &str) -> Likeness {
    let core = schema::Core::new(&schema::core(label));
    if core.chars() < 2 {
        return Vec::new().into();
    }
    let index = schema::wording_index();
    let indicators: Vec<&Indicator> = schema::indicators().collect();
    // the best wording of each indicator, among the wordings sharing a bigram with the label
    let mut best: Vec<(usize, f64)> = Vec::new();
    for (n, shared) in index.sharing(&core) {
        let (g, wording) = index.cores[n];
        if !indicators[g].by_label {
            continue;
        }
        let s = core.similarity_sharing(wording, MATCH_THRESHOLD, || shared);
        if s < MATCH_THRESHOLD {
            continue;
        }
        match best.last_mut() {
            Some((last, b)) if *last == g => *b = b.max(s),
            _ => best.push((g, s)),
        }
    }
    best.into()
}

fn match_rows(rows: &[&Row], t: Template) -> Vec<MatchedRow> {
    let mut m = Matcher {
        t,
        cursor: 0,
        out: Vec::new(),
        pending: None,
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
    m.out
}

/// Reads rows in table order. A row with a label but no figures is held back: PDF text often
/// breaks a label over lines with the figures on the second line (`（二）部分公开（区分处理的，
/// 只计这一情` / `形，不计其他情形） 3 0 0 0 0 0 3`), so it may be the start of the next label.
struct Matcher {
    t: Template,
    cursor: usize,
    out: Vec<MatchedRow>,
    pending: Option<Row>,
}

fn bare(row: &Row) -> bool {
    row.unit.is_none() && row.values.iter().all(|v| v.text.is_empty())
}

impl Matcher {
    fn row(&mut self, row: &Row) {
        if let Some(prev) = self.pending.take() {
            let joined = join(&prev, row);
            let own = best_match(&row.label(), self.t, self.cursor).map_or(0.0, |b| b.1);
            let both = best_match(&joined.label(), self.t, self.cursor).map_or(0.0, |b| b.1);
            if both > own + 1e-9 && !self.is_heading(&prev) {
                return self.row(&joined);
            }
            let label_only = prev.values.is_empty();
            self.take(&prev, label_only);
        }
        if bare(row) && row.values.is_empty() {
            self.pending = Some(row.clone());
            return;
        }
        self.take(row, false);
    }

    /// `pdftotext -layout` prints a cell's figure halfway down its row: where a label wraps,
    /// between its lines (`（四）政府信息公开专项经费` / `2.5` / `（不包括…的经费） 万元`). A line of
    /// figures alone after a label held back for its next line is that label's.
    fn figures_inside_label(&mut self, row: &Row) {
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
    fn take(&mut self, row: &Row, label_only: bool) {
        let row = &own_label(row, self.t, self.cursor);
        let Some((i, score, ind)) = best_match(&row.label(), self.t, self.cursor) else {
            return;
        };
        if bare(row) && ind.heading {
            self.cursor = i + 1;
            return; // a group heading row: context only
        }
        if label_only && (score < 1.0 || grid::is_header_word(&row.label())) {
            return; // a stray line of text that resembles a label, or a header cell (总计)
        }
        if self.out.iter().any(|m| std::ptr::eq(m.indicator, ind)) {
            return; // the table printed twice (summary and detail): keep the first
        }
        self.cursor = i + 1;
        self.out.push(MatchedRow {
            indicator: ind,
            row: row.clone(),
            score,
        });
    }
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
        let tail: String = row.label_parts[n - k..]
            .iter()
            .map(|p| p.text.as_str())
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
    trimmed
}

/// A label's first line joined with its next; figures printed between them are the row's.
fn join(first: &Row, second: &Row) -> Row {
    let mut r = second.clone();
    if r.values.is_empty() {
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
        l => l,
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
        Columns::Single => vec![make(None, m.row.values.first())],
        Columns::Named(names) => {
            let values = align(&m.row.values, names.len());
            names
                .iter()
                .zip(values)
                .map(|(n, v)| make(Some(n), v))
                .collect()
        }
    }
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
    let n = names.len();
    let cell = match m.row.values.as_slice() {
        [only]
            if n >= 3 && only.text.len() >= n && only.text.bytes().all(|b| b.is_ascii_digit()) =>
        {
            only.clone()
        }
        _ => return None,
    };
    let splits = glued_splits(&cell.text, n);
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

/// Every way (at most two are looked for) to cut `digits` into `n` numbers, the last being the
/// sum of the others; numbers have no leading zeros.
fn glued_splits(digits: &str, n: usize) -> Vec<Vec<String>> {
    fn go(rest: &str, left: usize, parts: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
        if out.len() > 1 {
            return;
        }
        if left == 1 {
            let ok = !(rest.len() > 1 && rest.starts_with('0')) && rest.len() <= 15;
            let sum: u64 = parts.iter().map(|p| p.parse::<u64>().unwrap_or(0)).sum();
            if ok && rest.parse::<u64>().is_ok_and(|t| t == sum) {
                let mut done = parts.clone();
                done.push(rest.to_string());
                out.push(done);
            }
            return;
        }
        for len in 1..=rest.len().saturating_sub(left - 1).min(12) {
            let head = &rest[..len];
            if len > 1 && head.starts_with('0') {
                break;
            }
            parts.push(head.to_string());
            go(&rest[len..], left - 1, parts, out);
            parts.pop();
        }
    }
    let mut out = Vec::new();
    if digits.len() <= 30 {
        go(digits, n, &mut Vec::new(), &mut out);
    }
    out
}

/// Table 四 has no row label: its fifteen figures follow the headers, in one row or in three
/// blocks of five (行政复议, 未经复议直接起诉, 复议后起诉).
fn review_row(rows: &[&Row], matched: &[MatchedRow]) -> Option<MatchedRow> {
    let ind = schema::indicator("review_lawsuit")?;
    let n = ind.columns.names().len();
    let taken = |r: &Row| {
        matched
            .iter()
            .any(|m| m.row.label_range() == r.label_range() && !r.label_parts.is_empty())
    };
    let candidate = |r: &&&Row| {
        let label = r.label();
        let figures = r.values.iter().filter(|v| classify_value(&v.text)).count();
        !taken(r)
            && figures >= 4
            && (label.is_empty()
                || ["复议", "诉讼", "结果", "审结", "总计"]
                    .iter()
                    .any(|w| label.contains(w)))
    };
    let mut values = Vec::new();
    for r in rows.iter().filter(candidate) {
        if r.values.len() >= n {
            return Some(MatchedRow {
                indicator: ind,
                row: Row {
                    values: r.values[..n].to_vec(),
                    ..(*r).clone()
                },
                score: 1.0,
            });
        }
        values.extend(r.values.iter().cloned());
        if values.len() >= n {
            let row = Row {
                label_parts: Vec::new(),
                unit: None,
                values: values[..n].to_vec(),
            };
            return Some(MatchedRow {
                indicator: ind,
                row,
                score: 1.0,
            });
        }
    }
    None
}

fn classify_value(text: &str) -> bool {
    grid::classify(text) == grid::CellClass::Value
}

/// Places a row's values under its columns: all of them in order, or a lone value under the
/// last column (the 总计 that some reports fill alone).
fn align(values: &[RawCell], n: usize) -> Vec<Option<&RawCell>> {
    if values.len() == 1 && n > 1 {
        let mut out = vec![None; n];
        out[n - 1] = values.first();
        return out;
    }
    (0..n).map(|i| values.get(i)).collect()
}

/// Reads a printed value: a number, blank, not applicable, or other text.
pub fn parse_value(raw: &str) -> (Option<f64>, ValueKind) {
    let t = raw.trim();
    if t.is_empty() {
        return (None, ValueKind::Blank);
    }
    if grid::is_not_applicable(t) {
        return (None, ValueKind::NotApplicable);
    }
    let body = grid::UNITS
        .iter()
        .find_map(|u| t.strip_suffix(u))
        .unwrap_or(t)
        .trim();
    let plain = body.strip_prefix('+').unwrap_or(body);
    let well_formed = !plain.is_empty()
        && plain
            .trim_start_matches('-')
            .starts_with(|c: char| c.is_ascii_digit())
        && plain
            .chars()
            .skip(1)
            .all(|c| c.is_ascii_digit() || c == '.')
        && plain.matches('.').count() <= 1;
    match plain.parse::<f64>() {
        Ok(v) if v.is_finite() && well_formed => (Some(v), ValueKind::Number),
        _ => (None, ValueKind::Text),
    }
}

/// `统计表` / `汇总表` / a 统计指标 header: the report says a statistics table follows.
fn announced_table(doc: &Document) -> Option<Range<usize>> {
    let text = doc.text();
    ["情况统计表", "统计表", "汇总表", "统计指标"]
        .iter()
        .filter_map(|w| text.rfind(w).map(|i| i..i + w.len()))
        .next()
}

/// The cells of one indicator, by column.
pub fn cells_for<'c>(cells: &'c [Cell], id: &str) -> impl Iterator<Item = &'c Cell> {
    let id = id.to_string();
    cells.iter().filter(move |c| c.indicator == id)
}

pub fn span_of(cells: &[Cell], id: &str) -> Option<Span> {
    cells_for(cells, id).next().map(|c| c.span)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_keep_their_kind() {
        assert_eq!(parse_value("975"), (Some(975.0), ValueKind::Number));
        assert_eq!(parse_value("0元"), (Some(0.0), ValueKind::Number));
        assert_eq!(parse_value(""), (None, ValueKind::Blank));
        assert_eq!(parse_value("/"), (None, ValueKind::NotApplicable));
        assert_eq!(parse_value("不适用"), (None, ValueKind::NotApplicable));
        assert_eq!(parse_value("1.5"), (Some(1.5), ValueKind::Number));
        assert_eq!(parse_value("-3"), (Some(-3.0), ValueKind::Number));
        assert_eq!(parse_value("1e5"), (None, ValueKind::Text));
        assert_eq!(
            parse_value("99999999999999999999"),
            (Some(1e20), ValueKind::Number)
        );
        assert_eq!(parse_value("约5"), (None, ValueKind::Text));
    }

    fn raw_of(ex: &Extraction, id: &str) -> Option<String> {
        ex.cells
            .iter()
            .find(|c| c.indicator == id)
            .map(|c| c.raw.clone())
    }

    /// pdftotext -layout centres a figure in its row: a wrapped label's figure stands between
    /// the label's lines, the unit on the last.
    #[test]
    fn a_figure_between_a_wrapped_labels_lines_is_its_own() {
        let text = "统计指标                          单位     统计数\n\
            （三）从事政府信息公开工作人员数       人       5\n\
            2.兼职人员数                        人       3\n\
            （四）政府信息公开专项经费\n\
            \x20                                           2.5\n\
            （不包括用于政府公报编辑管理及政府网站建设维护等方面的  万元\n\
            经费）\n\
            （一）召开政府信息公开工作会议或专题会议数   次       4\n";
        let ex = extract(&Document::new(text), &[]);
        assert_eq!(raw_of(&ex, "org.budget").as_deref(), Some("2.5"));
        assert_eq!(raw_of(&ex, "meeting.meetings").as_deref(), Some("4"));
    }

    /// One cell per line, nothing between cells: a row without a figure is a blank while the
    /// next row keeps step; where the next label cells name several rows (labels printed apart
    /// from their figures), its figure may be printed elsewhere: unread, and counted missing.
    #[test]
    fn a_row_without_a_figure_where_blanks_leave_no_trace() {
        let text = "统计指标\n单位\n统计数\n1.参加或举办新闻发布会总次数\n次\n4\n\
            2.政府网站在线访谈次数\n次\n3\n3.政策解读稿件发布数\n篇\n\
            4.微博微信回应事件数\n次\n制发规范性文件总数\n（一）回应公众关注热点或重大舆情数\n6\n\
            5.其他方式回应事件数\n次\n2\n";
        let ex = extract(&Document::new(text), &[]);
        assert_eq!(raw_of(&ex, "respond.explainers").as_deref(), Some(""));
        assert_eq!(raw_of(&ex, "respond.weibo_wechat"), None);
        assert_eq!(raw_of(&ex, "respond.other").as_deref(), Some("2"));
        let missing: Vec<&String> = ex.coverage.iter().flat_map(|c| &c.missing).collect();
        assert!(
            missing.iter().any(|m| m.contains("微博微信回应事件数")),
            "{missing:?}"
        );
    }
}
