//! Prose facts: numbers stated in the text, linked to template indicators.
//!
//! The prose is read clause by clause. A number with a unit becomes a fact only when exactly one
//! indicator's cue (see [`lexicon`]) fits the words around it, the unit is of the indicator's
//! kind and nothing marks the number as approximate, last year's, planned or a sub-unit's.
//! Percentages (`1件,占总数的34%`) are read separately as [`Share`]s for the percent rule.

pub mod lexicon;

use crate::model::{Fact, Span};
use crate::read::Extraction;
use crate::scan;
use crate::schema::{self, Template};
use crate::segment::{self, Document};
use lexicon::{Cue, CUES};
use std::ops::Range;
use std::sync::OnceLock;

/// A number followed by a unit, in the normalized text.
#[derive(Debug, Clone)]
pub struct Token {
    pub value: f64,
    pub unit: &'static str,
    /// Number and unit.
    pub range: Range<usize>,
    pub line: usize,
    /// The clause before the number (back to a clause mark or the previous number).
    pub left: Range<usize>,
    /// The clause after the unit (up to a clause mark or the next number).
    pub right: Range<usize>,
    /// The rest of its clause after the unit, notes in parentheses included.
    pub clause_rest: Range<usize>,
    /// The sentence it is in.
    pub sentence: Range<usize>,
}

/// Lines that hold tables. The grid's regions also take in the short prose lines around a
/// table (a heading, a one-line paragraph): a region with matched rows is narrowed to the lines
/// from its first to its last matched row, and split again at the report's own section headings
/// that stand between two tables (`三、收到和处理政府信息公开申请情况`); a region without any
/// matched row is kept whole.
pub fn table_rows_lines(doc: &Document, ex: &Extraction) -> Vec<Range<usize>> {
    table_rows(doc, ex)
        .into_iter()
        .map(|(lines, _)| lines)
        .collect()
}

/// [`table_rows_lines`], each narrowed region with the bytes from its first matched row's
/// label to its last matched row's last value (`None` for a region without matched rows).
fn table_rows(doc: &Document, ex: &Extraction) -> Vec<(Range<usize>, Option<Range<usize>>)> {
    let mut out = Vec::new();
    for region in &ex.table_lines {
        let rows: Vec<Range<usize>> = ex
            .matched
            .iter()
            .map(|m| {
                let end = m
                    .row
                    .values
                    .last()
                    .map_or(m.row.label_range().end, |v| v.range.end);
                m.row.label_range().start..end
            })
            .filter(|r| region.contains(&doc.line_of(r.start)))
            .collect();
        let lines: Vec<usize> = rows
            .iter()
            .flat_map(|r| [doc.line_of(r.start), doc.line_of(r.end)])
            .collect();
        let (Some(&first), Some(&last)) = (lines.iter().min(), lines.iter().max()) else {
            out.push((region.clone(), None));
            continue;
        };
        let bytes_in = |lines: &Range<usize>| {
            let (from, to) = (doc.lines[lines.start].start, doc.lines[lines.end - 1].end);
            let inside: Vec<&Range<usize>> = rows
                .iter()
                .filter(|r| r.start >= from && r.start <= to)
                .collect();
            let start = inside.iter().map(|r| r.start).min()?;
            let end = inside.iter().map(|r| r.end).max()?;
            Some(start..end)
        };
        let mut start = first;
        for i in first..=last {
            if is_section_heading(doc, ex, i) {
                if start < i {
                    out.push((start..i, bytes_in(&(start..i))));
                }
                start = i + 1;
            }
        }
        if start <= last {
            out.push((start..last + 1, bytes_in(&(start..last + 1))));
        }
    }
    out
}

/// The prose that shares a line with a table: a page's text copied as one line holds the whole
/// report, its paragraphs, then the table's title and rows run together (`…改进情况。 附件1：
/// …统计表 指标名称计量单位2013年度历年累计主动公开信息数条1853…`). The text before the table
/// (up to its announced title, else its first matched row) and after its last matched row is
/// read when it holds a sentence (a `。`); a line of a table that is only a table holds none.
/// Before the table a clause is enough (see [`holds_clause`]): a row found in a wrapped line
/// of prose (`…上年结转政府信息公开申请345件,…,新公开规章1` / `件,因…`, a PDF's text) starts a
/// table in the sentence's middle, and the sentence's start before it holds no `。`.
fn prose_beside_tables(
    doc: &Document,
    ex: &Extraction,
    tables: &[(Range<usize>, Option<Range<usize>>)],
) -> Vec<(usize, Range<usize>)> {
    let text = doc.text();
    let mut out = Vec::new();
    for (lines, bytes) in tables {
        let Some(bytes) = bytes else { continue };
        let first = lines.start;
        let line_start = doc.lines[first].start;
        let start = ex
            .table_announced
            .as_ref()
            .filter(|a| a.start >= line_start && a.start < bytes.start)
            .map_or(bytes.start, |a| a.start);
        let start = crate::source::floor_char_boundary(text, start);
        if holds_clause(&text[line_start..start]) {
            out.push((first, line_start..start));
        }
        let last = lines.end - 1;
        let line_end = doc.lines[last].end;
        let end = crate::source::floor_char_boundary(text, bytes.end.min(line_end));
        if text[end..line_end].contains('。') {
            out.push((last, end..line_end));
        }
    }
    out
}

/// Text that holds a clause of prose: a `。`, or a `,` / `;` after a Han character (the
/// normalized text has no thousands separators left, and `2,3` between a row's cells ends no
/// clause). A table's title, header and labels run together hold neither.
fn holds_clause(s: &str) -> bool {
    s.contains('。')
        || s.char_indices().any(|(i, c)| {
            matches!(c, ',' | ';')
                && s[..i]
                    .chars()
                    .next_back()
                    .is_some_and(crate::normalize::is_han)
        })
}

/// A `三、…` line of the report's outline, not a row or group of the table.
fn is_section_heading(doc: &Document, ex: &Extraction, line: usize) -> bool {
    let t = doc.line_text(line).trim();
    // `三、…`, a Markdown heading's `#`s before it or not
    let numbered = crate::scan::heading_mark(t).is_some_and(|m| m.level == 0);
    let wordy = t.chars().filter(|c| crate::normalize::is_han(*c)).count() >= 6
        && !t.chars().any(|c| c.is_ascii_digit());
    numbered
        && wordy
        && !t.contains('\t')
        && !t.contains('|')
        && ex
            .template
            .is_some_and(|tpl| !crate::read::layout::names_a_row(t, tpl))
}

/// The prose's numbers, read once per check for the facts and the percentages.
pub struct Prose {
    /// See [`table_rows_lines`].
    pub table_lines: Vec<Range<usize>>,
    pub tokens: Vec<Token>,
}

impl Prose {
    pub fn read(doc: &Document, ex: &Extraction) -> Prose {
        let tables = table_rows(doc, ex);
        let table_lines: Vec<Range<usize>> = tables.iter().map(|(l, _)| l.clone()).collect();
        let beside = prose_beside_tables(doc, ex, &tables);
        let tokens = tokens(doc, &table_lines, &beside);
        Prose {
            table_lines,
            tokens,
        }
    }
}

/// Numbers with units in the prose, in text order. Table rows and table-like lines are skipped,
/// but not the prose beside a table on its line (see [`prose_beside_tables`]).
fn tokens(
    doc: &Document,
    table_lines: &[Range<usize>],
    beside: &[(usize, Range<usize>)],
) -> Vec<Token> {
    let lines: Vec<usize> = prose_lines(doc, table_lines).collect();
    let width = lines.iter().map(|&i| display_width(doc.line_text(i))).max();
    let mut parts: Vec<(usize, Range<usize>)> = Vec::new();
    let mut k = 0;
    while k < lines.len() {
        let first = lines[k];
        let mut last = first;
        while k + 1 < lines.len() && lines[k + 1] == last + 1 && wraps(doc, last, width) {
            k += 1;
            last = lines[k];
        }
        parts.push((first, doc.lines[first].start..doc.lines[last].end));
        k += 1;
    }
    parts.extend(beside.iter().cloned());
    crate::source::sort_by_place(&mut parts, |(_, r)| r.start);
    let mut out = Vec::new();
    for (_, part) in parts {
        for sentence in sentences(doc.text(), part) {
            out.extend(
                tokens_in(doc.text(), sentence, 0)
                    .into_iter()
                    .map(|t| Token {
                        line: doc.line_of(t.range.start),
                        ..t
                    }),
            );
        }
    }
    out
}

/// Below this width (in half-width columns) lines are not taken for a page's wrapped lines.
const MIN_WRAP_WIDTH: usize = 40;

/// A line that a PDF's text broke at the page's width: nearly as wide as the widest prose line
/// and not the end of a sentence. Its sentence goes on in the next line (`…集中发布现行有效
/// 行政规范性` / `文件393件，…`); a paragraph of a web copy is one line and ends with `。`.
fn wraps(doc: &Document, line: usize, width: Option<usize>) -> bool {
    let t = doc.line_text(line).trim_end();
    let Some(width) = width.filter(|w| *w >= MIN_WRAP_WIDTH) else {
        return false;
    };
    !t.ends_with(SENTENCE_END) && display_width(t) * 100 >= width * WRAP_SHARE
}

/// How full (percent of the widest prose line) a wrapped line is.
const WRAP_SHARE: usize = 85;

/// Half-width columns: a Han character or full-width mark counts two.
fn display_width(s: &str) -> usize {
    s.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum()
}

/// A clause as it was written: without the line breaks (and the indentation around them) of a
/// wrapped line.
fn joined(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains('\n') {
        return std::borrow::Cow::Borrowed(s);
    }
    let pieces: Vec<&str> = s.split('\n').collect();
    let mut out = String::with_capacity(s.len());
    for (k, piece) in pieces.iter().enumerate() {
        let piece = if k == 0 { piece } else { piece.trim_start() };
        let piece = if k + 1 == pieces.len() {
            piece
        } else {
            piece.trim_end()
        };
        out.push_str(piece);
    }
    std::borrow::Cow::Owned(out)
}

fn prose_lines<'a>(
    doc: &'a Document,
    table_lines: &'a [Range<usize>],
) -> impl Iterator<Item = usize> + 'a {
    let skipped = segment::line_mask(doc.lines.len(), table_lines);
    (0..doc.lines.len()).filter(move |&i| {
        let t = doc.line_text(i);
        // a paragraph indented with a tab is prose; a tab between two cells is a table's
        !skipped[i] && !t.contains('|') && !t.trim_start().contains('\t')
    })
}

const SENTENCE_END: &[char] = &['。', '!', '?'];
const CLAUSE_MARK: &[char] = &['。', '!', '?', ',', ';', ':', '，', '；', '：'];
/// After a number a parenthesis opens a note about something else (`9次(主要负责同志…3次)`).
const RIGHT_MARK: &[char] = &['。', '!', '?', ',', ';', ':', '，', '；', '：', '('];

fn sentences(text: &str, line: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = line.start;
    for (i, c) in text[line.clone()].char_indices() {
        if SENTENCE_END.contains(&c) {
            let end = line.start + i + c.len_utf8();
            out.push(start..end);
            start = end;
        }
    }
    if start < line.end {
        out.push(start..line.end);
    }
    out
}

/// How far after a number its clause is read (bytes; about a hundred characters). Text with
/// no clause marks, as a PDF dump can be, made every number read to the end of the line.
const CLAUSE_REACH: usize = 300;

/// The end of what is read after `from`: `end`, or `CLAUSE_REACH` bytes on (on a character
/// boundary), whichever comes first.
fn reach(text: &str, from: usize, end: usize) -> usize {
    if end - from <= CLAUSE_REACH {
        end
    } else {
        crate::source::floor_char_boundary(text, from + CLAUSE_REACH)
    }
}

fn tokens_in(text: &str, sentence: Range<usize>, line: usize) -> Vec<Token> {
    let s = &text[sentence.clone()];
    let base = sentence.start;
    let mut raw: Vec<(f64, &'static str, Range<usize>)> = Vec::new();
    for c in scan::counted(s, lexicon::UNITS) {
        // part of a longer token: `GB2760`, `1.5.3`, `010-6886`
        let glued = s[..c.number.start]
            .chars()
            .next_back()
            .is_some_and(|p| p.is_ascii_alphanumeric() || p == '.');
        if glued {
            continue;
        }
        if let Some(v) = scan::decimal(&s[c.number.clone()]) {
            raw.push((v, c.unit, base + c.number.start..base + c.end));
        }
    }
    let mut out = Vec::with_capacity(raw.len());
    for (k, (value, unit, range)) in raw.iter().enumerate() {
        let prev_end = if k == 0 { base } else { raw[k - 1].2.end };
        let next_start = raw.get(k + 1).map_or(sentence.end, |r| r.2.start);
        let left_start = text[prev_end..range.start]
            .rfind(CLAUSE_MARK)
            .map_or(prev_end, |i| {
                let mark = text[prev_end + i..]
                    .chars()
                    .next()
                    .map_or(1, char::len_utf8);
                prev_end + i + mark
            });
        let right_end = text[range.end..next_start]
            .find(RIGHT_MARK)
            .map_or(next_start, |i| range.end + i);
        let reach = reach(text, range.end, sentence.end);
        let clause_end = text[range.end..reach]
            .find(CLAUSE_MARK)
            .map_or(reach, |i| range.end + i);
        out.push(Token {
            value: *value,
            unit,
            range: range.clone(),
            line,
            left: left_start..range.start,
            right: range.end..right_end,
            clause_rest: range.end..clause_end,
            sentence: sentence.clone(),
        });
    }
    out
}

/// The template whose indicators the prose is linked to: the table's, else the year's.
pub fn template_of(doc: &Document, ex: &Extraction) -> Template {
    ex.template.unwrap_or(match doc.year {
        Some(y) if y >= 2021 => Template::T2021,
        Some(y) if y >= 2019 => Template::T2019,
        _ => Template::T2008,
    })
}

pub fn facts_from(doc: &Document, ex: &Extraction, prose: &Prose) -> Vec<Fact> {
    let template = template_of(doc, ex);
    let text = doc.text();
    let scope_words: Vec<&str> = lexicon::SUB_SCOPE
        .iter()
        .copied()
        .filter(|w| !doc.agency.as_deref().is_some_and(|a| a.contains(w)))
        .collect();
    let mut out = Vec::new();
    let mut scoped_sentence: Option<Range<usize>> = None;
    let mut prev_end = 0;
    let mut sentence = SentenceWords::new(0..0);
    for t in &prose.tokens {
        if sentence.range != t.sentence {
            sentence = SentenceWords::new(t.sentence.clone());
        }
        // a sub-unit named earlier in the sentence owns this and every later number in it
        let from = if prev_end > t.sentence.start && prev_end <= t.range.start {
            prev_end
        } else {
            t.sentence.start
        };
        // once owned, the sentence is not looked at again: in a sentence without a break each
        // look went back to its start
        let owned = scoped_sentence.as_ref() == Some(&t.sentence);
        if !owned
            && scope_words
                .iter()
                .any(|w| owns(text, from, t, w, &sentence))
        {
            scoped_sentence = Some(t.sentence.clone());
        }
        prev_end = t.range.end;
        if scoped_sentence.as_ref() == Some(&t.sentence) {
            continue;
        }
        let about = About {
            template,
            year: doc.year,
            agency: doc.agency.as_deref().unwrap_or(""),
        };
        if let Some(cue) = link(text, t, &about, &sentence) {
            out.push(fact(doc, t, cue));
        }
    }
    out
}

/// Where words that matter before a number first stand in its sentence, found once per
/// sentence when first asked: a text that lost its line ends and sentence marks is one
/// sentence, and looking back to its start from each of its numbers cost its length each time.
struct SentenceWords {
    range: Range<usize>,
    /// The end of the first word of a service hall's work (`审批` `窗口`), in the sentence as
    /// [`joined`] reads it; `usize::MAX` when none.
    service_from: std::cell::OnceCell<usize>,
    /// The end of the first word before a list of parts (`其中`); `usize::MAX` when none.
    part_word_end: std::cell::OnceCell<usize>,
}

impl SentenceWords {
    fn new(range: Range<usize>) -> SentenceWords {
        SentenceWords {
            range,
            service_from: std::cell::OnceCell::new(),
            part_word_end: std::cell::OnceCell::new(),
        }
    }

    /// Whether the sentence before `at` speaks of a service hall's work (as
    /// `joined(&text[sentence.start..at])` holding one of [`lexicon::SERVICE_WORK`]).
    fn service_before(&self, text: &str, at: usize) -> bool {
        let from = self
            .service_from
            .get_or_init(|| first_end_joined(text, self.range.clone(), lexicon::SERVICE_WORK));
        at >= *from
    }

    /// Whether `text[sentence.start..end]` holds one of [`lexicon::NOT_TOTAL_LIST`].
    fn part_word_before(&self, text: &str, end: usize) -> bool {
        let first = self.part_word_end.get_or_init(|| {
            let s = &text[self.range.clone()];
            let ends = lexicon::NOT_TOTAL_LIST.iter();
            ends.filter_map(|w| s.find(w).map(|i| self.range.start + i + w.len()))
                .min()
                .unwrap_or(usize::MAX)
        });
        *first <= end
    }
}

/// The end (in `text`) of the first of `words` in `joined(&text[range])`, or `usize::MAX`:
/// a prefix of the range holds one of them, once joined, exactly when it reaches that far.
/// (A prefix's joined text is the whole's up to the prefix's end, and at most some of the
/// whitespace the whole's drops after it; the words hold no whitespace.)
fn first_end_joined(text: &str, range: Range<usize>, words: &[&str]) -> usize {
    debug_assert!(words.iter().all(|w| !w.contains(char::is_whitespace)));
    let s = &text[range.clone()];
    // the joined text's pieces: (where in the joined text, where in `text`)
    let mut joined = String::with_capacity(s.len());
    let mut pieces: Vec<(usize, usize)> = Vec::new();
    let count = s.split('\n').count();
    let mut at = range.start;
    for (k, piece) in s.split('\n').enumerate() {
        let start = if k == 0 {
            0
        } else {
            piece.len() - piece.trim_start().len()
        };
        let end = if k + 1 == count {
            piece.len()
        } else {
            piece.trim_end().len().max(start)
        };
        pieces.push((joined.len(), at + start));
        joined.push_str(&piece[start..end]);
        at += piece.len() + 1;
    }
    let original = |j: usize| {
        let k = pieces.partition_point(|&(from, _)| from <= j) - 1;
        pieces[k].1 + (j - pieces[k].0)
    };
    words
        .iter()
        .filter_map(|w| joined.find(w).map(|j| original(j + w.len() - 1) + 1))
        .min()
        .unwrap_or(usize::MAX)
}

/// A sub-unit's word between `from` and the number names the unit the number is about, unless
/// it stands in an earlier clause that lists the levels that report together
/// (`区管委会办公室、区直各部门、各乡镇、县直各单位对政府信息进行了梳理和编目，2013年主动公开
/// 政府信息4970条`): that list is every unit, the whole the number is counted over. A list
/// after `其中` / `包括`, or in the number's own clause, is still a part.
fn owns(text: &str, from: usize, t: &Token, word: &str, sentence: &SentenceWords) -> bool {
    let mut at = from;
    while let Some(i) = text[at..t.range.start].find(word) {
        let p = at + i;
        let start = text[t.sentence.start..p]
            .rfind(CLAUSE_MARK)
            .map_or(t.sentence.start, |i| t.sentence.start + i);
        let end = text[p..t.range.start]
            .find(CLAUSE_MARK)
            .map_or(t.range.start, |i| p + i);
        // joining the clause's lines would drop only whitespace: its `、` are the text's
        let every_unit = end <= t.left.start
            && text[start..end].matches('、').count() >= lexicon::EVERY_UNIT_LIST - 1
            && !sentence.part_word_before(text, end);
        if !every_unit {
            return true;
        }
        // the word again in the same clause reads the same: on after the clause
        at = (p + word.len()).max(end);
    }
    false
}

fn fact(doc: &Document, t: &Token, cue: &Cue) -> Fact {
    let text = doc.text();
    let after_end = if cue.after.is_empty() {
        t.range.end
    } else {
        t.right.end
    };
    let evidence = evidence(&text[t.left.start..after_end]);
    Fact {
        indicator: cue.indicator.to_string(),
        column: cue.column.map(str::to_string),
        value: t.value,
        unit: Some(t.unit.to_string()),
        span: doc.span(t.range.clone()),
        evidence,
    }
}

/// The phrase as a message can quote it: without the report's own quote marks (which would
/// nest) and without a dangling parenthesis.
fn evidence(phrase: &str) -> String {
    joined(phrase)
        .chars()
        .filter(|c| !"“”\"".contains(*c))
        .collect::<String>()
        .trim_matches(|c: char| c.is_whitespace() || "()".contains(c))
        .to_string()
}

/// The one cue that fits a number, if exactly one indicator does at the best rank.
/// What the reader knows about the report while linking numbers.
struct About<'a> {
    template: Template,
    year: Option<u32>,
    agency: &'a str,
}

fn link(text: &str, t: &Token, about: &About, sentence: &SentenceWords) -> Option<&'static Cue> {
    let year = about.year;
    let left = &*joined(&text[t.left.clone()]);
    let right = &*joined(&text[t.right.clone()]);
    let rest = &*joined(&text[t.clause_rest.clone()]);
    let after_unit = right.trim_start();
    if !is_exact(left, after_unit)
        || lexicon::NOT_THIS_YEAR.iter().any(|w| left.contains(w))
        || lexicon::NOT_CLEAN_COUNT.iter().any(|w| rest.contains(w))
        || names_other_year(left, year)
        || cumulative(left, year)
    {
        return None;
    }
    let unit = unit_bit(t.unit);
    let in_service_sentence = || sentence.service_before(text, t.left.start);
    let fits: Vec<&'static Cue> = CUES
        .iter()
        .zip(cue_indicators())
        .filter(|(c, found)| {
            found.is_some_and(|(ind, units)| {
                units & unit != 0
                    && cue_fits(c, ind, (left, right), text, t, about, &in_service_sentence)
            })
        })
        .map(|(c, _)| c)
        .collect();
    let best = fits.iter().map(|c| c.rank).max()?;
    let mut top = fits.into_iter().filter(|c| c.rank == best);
    let first = top.next()?;
    if top.any(|c| c.indicator != first.indicator) {
        return None; // ambiguous: two indicators fit equally well
    }
    Some(first)
}

/// `2016年共主动公开…` in a 2017 report is last year's figure.
fn names_other_year(left: &str, year: Option<u32>) -> bool {
    let Some(year) = year else { return false };
    scan::years(left).any(|m| m.year != year)
}

fn cumulative(left: &str, year: Option<u32>) -> bool {
    left.contains(lexicon::CUMULATIVE)
        && !lexicon::THIS_YEAR.iter().any(|w| left.contains(w))
        && !year.is_some_and(|y| left.contains(&format!("{y}年")))
}

fn is_exact(left: &str, after_unit: &str) -> bool {
    let l = left.trim_end();
    !lexicon::NOT_EXACT_BEFORE.iter().any(|w| l.ends_with(w))
        && !lexicon::NOT_EXACT_AFTER
            .iter()
            .any(|w| after_unit.starts_with(w))
}

/// Each cue's indicator, in [`CUES`] order, with the units a number may carry for it (one bit
/// per [`lexicon::UNITS`] entry), looked up once: every number is tried against every cue, and
/// looking these up each time was a sixth of a check.
fn cue_indicators() -> &'static [Option<(&'static schema::Indicator, u32)>] {
    static IDS: OnceLock<Vec<Option<(&'static schema::Indicator, u32)>>> = OnceLock::new();
    IDS.get_or_init(|| {
        CUES.iter()
            .map(|c| schema::indicator(c.indicator).map(|ind| (ind, units_of(ind))))
            .collect()
    })
}

fn unit_bit(unit: &str) -> u32 {
    debug_assert!(lexicon::UNITS.len() <= 32, "a bit per unit");
    lexicon::UNITS
        .iter()
        .position(|u| *u == unit)
        .map_or(0, |i| 1 << i)
}

/// The units a number may carry for an indicator.
fn units_of(ind: &schema::Indicator) -> u32 {
    let items = ind.within.has(Template::T2008)
        && lexicon::ALSO_IN_ITEMS.iter().any(|p| ind.id.starts_with(p));
    unit_family(ind.unit) | if items { unit_bit("条") } else { 0 }
}

/// The units a number may carry for an indicator counted in `template_unit`.
fn unit_family(template_unit: &str) -> u32 {
    lexicon::UNIT_FAMILIES
        .iter()
        .find(|(u, _)| *u == template_unit)
        .map_or(0, |(_, family)| {
            family.iter().fold(0, |m, u| m | unit_bit(u))
        })
}

fn cue_fits(
    cue: &Cue,
    ind: &schema::Indicator,
    (left, right): (&str, &str),
    text: &str,
    t: &Token,
    about: &About,
    in_service_sentence: &dyn Fn() -> bool,
) -> bool {
    let template = about.template;
    if !ind.within.has(template) {
        return false;
    }
    if cue.before.is_empty() && cue.after.is_empty() {
        return false;
    }
    let worded = if cue.plain {
        plain(left, cue.before, text, t, about)
    } else {
        in_order(left, cue.before) && in_order(right, cue.after)
    };
    if !worded {
        return false;
    }
    // the agency's own name (`陶然亭街道`, `区政府办公室`) does not name another unit
    let has = |s: &str, w: &str| find_word(s, w).is_some();
    let vetoes = |w: &&str| !has(about.agency, w) && (has(left, w) || has(right, w));
    if cue.not.iter().any(vetoes) {
        return false;
    }
    if service_work(left, cue, in_service_sentence) {
        return false;
    }
    // `在…网站主动公开的425条政府信息中，机构职能…148条`: the count a breakdown is taken of is
    // the whole published as much as one channel's
    if cue.indicator.starts_with(lexicon::CHANNELS)
        && lexicon::BREAKDOWN_OF.iter().any(|w| right.ends_with(w))
    {
        return false;
    }
    // whole counts only, except money
    if t.value.fract() != 0.0 && !t.unit.ends_with('元') {
        return false;
    }
    cue.topic
        .is_none_or(|topic| topic_at(text, t.range.start) == Some(topic))
}

/// A figure stated plainly (see [`Cue::plain`]): its clause (`left`, the words before the
/// number) is one of `phrases`, with a lead before it and a filler after it at most, and each
/// earlier clause of its sentence is a lead or holds a count. `开展专项整治行动，作出行政处罚决定
/// 5件` counts one campaign's decisions, `全年共新收…申请4870件，作出行政处罚决定28551件` the
/// year's.
fn plain(left: &str, phrases: &[&str], text: &str, t: &Token, about: &About) -> bool {
    let left: String = left.chars().filter(|c| !c.is_whitespace()).collect();
    let filler = lexicon::PLAIN_FILLER.iter().find(|f| left.ends_with(**f));
    let left = filler.map_or(&*left, |f| &left[..left.len() - f.len()]);
    let Some(lead) = phrases.iter().find_map(|p| left.strip_suffix(p)) else {
        return false;
    };
    if !only_lead(lead, about) {
        return false;
    }
    // a sentence broken over lines that are not read as one (`开展专项整治行动，` / `作出…`)
    // starts after a clause mark: its earlier clauses are not all in view
    let broken = text[..t.sentence.start]
        .trim_end()
        .ends_with([',', ';', ':', '，', '；', '：']);
    if broken {
        return false;
    }
    let earlier = joined(&text[t.sentence.start..t.left.start]);
    earlier.split(CLAUSE_MARK).all(|clause| {
        let clause: String = clause.chars().filter(|c| !c.is_whitespace()).collect();
        only_lead(&clause, about) || scan::counted(&clause, lexicon::UNITS).next().is_some()
    })
}

/// `s` is nothing but the report's year (`2022年`, `2022年度`; another year's figures are not
/// the table's), the agency's name and [`lexicon::PLAIN_LEAD`] words (or empty).
fn only_lead(mut s: &str, about: &About) -> bool {
    let agency = about.agency;
    let year = about.year.map(|y| y.to_string());
    while !s.is_empty() {
        let this_year = year
            .as_deref()
            .and_then(|y| s.strip_prefix(y))
            .and_then(|r| r.strip_prefix('年'))
            .map(|r| r.strip_prefix('度').unwrap_or(r));
        let word = || {
            lexicon::PLAIN_LEAD
                .iter()
                .chain((!agency.is_empty()).then_some(&agency))
                .find_map(|w| s.strip_prefix(w))
        };
        match this_year.or_else(word) {
            Some(rest) => s = rest,
            None => return false,
        }
    }
    true
}

/// A request count in a sentence about a service hall's work (`入驻审批服务部门和单位13个，开设
/// 窗口26个，共受理申请121510件`) counts its cases, unless its own clause says the requests are
/// for government information (`在行政服务中心设立受理点，全年共受理政府信息公开申请12件`).
fn service_work(left: &str, cue: &Cue, in_service_sentence: &dyn Fn() -> bool) -> bool {
    cue.indicator.starts_with("apply.") && !left.contains("信息公开") && in_service_sentence()
}

/// All `words` occur in `s`, each after the previous one.
fn in_order(s: &str, words: &[&str]) -> bool {
    let mut rest = s;
    for w in words {
        match find_word(rest, w) {
            Some(i) => rest = &rest[i + w.len()..],
            None => return false,
        }
    }
    true
}

/// Where `word` first occurs in `s`, as [`str::find`] finds it: byte by byte, for the short
/// clauses every number is tried against every cue with (`str::find` prepares a searcher for
/// each call, which was most of the time linking numbers to rows).
fn find_word(s: &str, word: &str) -> Option<usize> {
    let (s, w) = (s.as_bytes(), word.as_bytes());
    let Some(&first) = w.first() else {
        return Some(0);
    };
    s.windows(w.len()).position(|at| at[0] == first && at == w)
}

/// How far back a topic word (行政复议 / 行政诉讼) still governs a number.
const TOPIC_REACH: usize = 600;

fn topic_at(text: &str, at: usize) -> Option<&'static str> {
    let from = crate::source::floor_char_boundary(text, at.saturating_sub(TOPIC_REACH));
    let window = &text[from..at];
    lexicon::TOPICS
        .iter()
        .filter_map(|(topic, word)| window.rfind(word).map(|i| (i, *topic)))
        .max_by_key(|(i, _)| *i)
        .map(|(_, topic)| topic)
}

/// A stated percentage of a count: `当面申请109件,占总数的30.79%`.
#[derive(Debug, Clone)]
pub struct Share {
    pub count: f64,
    /// Original span of the count (number and unit); equals the span of a fact for it.
    pub count_span: Span,
    pub percent: f64,
    /// Decimal places printed in the percentage.
    pub decimals: u32,
    pub percent_span: Span,
    /// Counts that may be the whole it is a share of, nearest first.
    pub bases: Vec<(f64, Span)>,
    /// The shares stated together with it (on its line, no heading between) are one group,
    /// numbered in text order; a share alone has a group of its own.
    pub group: usize,
    /// The counts named before its group's first share in the same paragraph, first named
    /// first: the whole the group's shares may agree on (`答复政府信息公开申请805件` before
    /// `予以公开258件，占32.0%；不予公开35件，占4.3%`), stated as a base or not.
    pub named_before: Vec<(f64, Span)>,
    /// The clause that states it.
    pub evidence: String,
}

/// Percentages stated right after a count, with the counts before them that may be their base.
pub fn shares(doc: &Document, prose: &Prose) -> Vec<Share> {
    let text = doc.text();
    let toks = &prose.tokens;
    let sections = section_starts(doc, &prose.table_lines);
    let share_of = |t: &Token| {
        scan::share_at_start(&text[t.range.end..reach(text, t.range.end, t.sentence.end)])
    };
    let mut out = Vec::new();
    let mut at: Vec<usize> = Vec::new();
    let mut headings: Option<HeadingMarks> = None;
    for (k, t) in toks.iter().enumerate() {
        let Some((number, end)) = share_of(t) else {
            continue;
        };
        let headings = headings.get_or_insert_with(|| HeadingMarks::new(text));
        at.push(k);
        let percent_range = t.range.end + number.start..t.range.end + end;
        let section = sections
            .partition_point(|&s| s <= t.line)
            .checked_sub(1)
            .map(|i| sections[i]);
        let bases = toks[..k]
            .iter()
            .rev()
            .take(BASE_LOOKBACK)
            .take_while(|b| section.is_none_or(|s| b.line >= s))
            .take_while(|b| !headings.between(b.range.end, t.range.start))
            .filter(|b| same_family(b.unit, t.unit) && b.value >= t.value && b.value > 0.0)
            .filter(|b| share_of(b).is_none() && is_base(text, b))
            .take(3)
            .map(|b| (b.value, doc.span(b.range.clone())))
            .collect();
        let p = &text[t.range.end + number.start..t.range.end + number.end];
        let percent = scan::decimal(p).unwrap_or(0.0);
        let decimals = p.split('.').nth(1).map_or(0, |d| d.len() as u32);
        out.push(Share {
            count: t.value,
            count_span: doc.span(t.range.clone()),
            percent,
            decimals,
            percent_span: doc.span(percent_range.clone()),
            bases,
            group: 0,
            named_before: Vec::new(),
            evidence: evidence(&text[t.left.start..percent_range.end]),
        });
    }
    whole_of_parts(&mut out, &at, toks);
    groups(doc, &mut out, &at, toks);
    out
}

/// How many counts before a group's first share are offered as its whole.
const NAMED_BEFORE: usize = 4;

/// Groups the shares stated together (on one line, of one family of units, no section heading
/// between them) and gives each group the counts named before its first share on that line,
/// after the previous group and any heading: the wholes its shares may agree on.
fn groups(doc: &Document, shares: &mut [Share], at: &[usize], toks: &[Token]) {
    let text = doc.text();
    let mut start = 0;
    let mut group = 0;
    while start < shares.len() {
        let first = &toks[at[start]];
        let mut end = start + 1;
        while end < shares.len() {
            let (prev, next) = (&toks[at[end - 1]], &toks[at[end]]);
            if next.line != first.line
                || !same_family(next.unit, first.unit)
                || heading_between(&text[prev.range.end..next.range.start])
            {
                break;
            }
            end += 1;
        }
        // the counts before the first share: on its line, after the previous share
        let from = if start == 0 { 0 } else { at[start - 1] + 1 };
        let named: Vec<(f64, Span)> = toks[from..at[start]]
            .iter()
            .rev()
            .take_while(|b| b.line == first.line)
            .take_while(|b| !heading_between(&text[b.range.end..first.range.start]))
            .filter(|b| same_family(b.unit, first.unit) && b.value > 0.0)
            .take(NAMED_BEFORE)
            .map(|b| (b.value, doc.span(b.range.clone())))
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        for s in &mut shares[start..end] {
            s.group = group;
            s.named_before = named.clone();
        }
        group += 1;
        start = end;
    }
}

/// A breakdown stated in full (shares of counts in a row, one after the other, whose
/// percentages add up to 100 within rounding) is a breakdown of the sum of its counts:
/// `县直各单位主动公开政府信息1251条，占67.5%。各乡镇主动公开政府信息602条，占32.5%` is of
/// 1853, whatever total the text stated before it (`政府信息总数3618条`). The sum is one more
/// base its shares may agree with; a share without any base stated is still not checked.
fn whole_of_parts(shares: &mut [Share], at: &[usize], toks: &[Token]) {
    let mut start = 0;
    while start < shares.len() {
        let mut end = start + 1;
        while end < shares.len()
            && at[end] == at[end - 1] + 1
            && same_family(toks[at[end]].unit, toks[at[start]].unit)
        {
            end += 1;
        }
        let run = &shares[start..end];
        let percent: f64 = run.iter().map(|s| s.percent).sum();
        let slack: f64 = run
            .iter()
            .map(|s| 0.5 * 10f64.powi(-(s.decimals as i32)))
            .sum();
        if run.len() >= 2 && (percent - 100.0).abs() <= slack + 1e-9 {
            let sum: f64 = run.iter().map(|s| s.count).sum();
            let span = run[0].count_span;
            for s in &mut shares[start..end] {
                if !s.bases.is_empty() {
                    s.bases.push((sum, span));
                }
            }
        }
        start = end;
    }
}

/// Whether a numbered section heading (`三、`, after a sentence's end or a space) stands in
/// `between`: crawler text runs the whole report into one line, so its sections are not lines.
fn heading_between(between: &str) -> bool {
    let numeral = |c: char| "一二三四五六七八九十".contains(c);
    let mut after_break = false;
    let mut numerals = 0;
    for c in between.chars() {
        if numerals > 0 && c == '、' && after_break {
            return true;
        }
        if numeral(c) {
            numerals += 1;
            continue;
        }
        after_break = c.is_whitespace() || "。；".contains(c);
        numerals = 0;
    }
    false
}

/// The numbered section headings of a text, for [`heading_between`] over many stretches: a
/// share looks back over up to [`BASE_LOOKBACK`] numbers, and scanning the text from each to
/// the share was quadratic (0.5 ms of a 1.5 ms warm check of a glued 2012 report).
struct HeadingMarks {
    /// Per heading, in text order: where its `、` stands, and the latest start (the break
    /// before its numerals) of the headings up to it.
    marks: Vec<(usize, usize)>,
}

impl HeadingMarks {
    /// From each `、` back over its numerals to the break before them (a pass over every
    /// character of the text instead cost as much as the scans it replaced).
    fn new(text: &str) -> HeadingMarks {
        let numeral = |c: char| "一二三四五六七八九十".contains(c);
        let mut marks: Vec<(usize, usize)> = Vec::new();
        for (e, _) in text.match_indices('、') {
            let run = text[..e].trim_end_matches(numeral).len();
            let Some(b) = text[..run].chars().next_back().filter(|_| run < e) else {
                continue;
            };
            if b.is_whitespace() || "。；".contains(b) {
                let q = run - b.len_utf8();
                let latest = marks.last().map_or(q, |&(_, m)| m.max(q));
                marks.push((e, latest));
            }
        }
        HeadingMarks { marks }
    }

    /// [`heading_between`] of `text[from..to]`: a heading whose break and `、` both stand there.
    fn between(&self, from: usize, to: usize) -> bool {
        let before = self.marks.partition_point(|&(e, _)| e < to);
        before > 0 && self.marks[before - 1].1 >= from
    }
}

/// How many numbers back a percentage's base is looked for; a section of a report states far
/// fewer, and garbage full of percentages would otherwise look back over everything.
const BASE_LOOKBACK: usize = 200;

/// A count introduced as a whole: `共收到…3件`, `申请总数为354件`, `已答复的338件申请中`.
fn is_base(text: &str, t: &Token) -> bool {
    let left = &*joined(&text[t.left.clone()]);
    let right = &*joined(&text[t.right.clone()]);
    lexicon::BASE_BEFORE.iter().any(|w| left.contains(w)) || right.contains('中')
}

fn same_family(a: &str, b: &str) -> bool {
    a == b
        || lexicon::UNIT_FAMILIES
            .iter()
            .any(|(_, f)| f.contains(&a) && f.contains(&b) && !f.contains(&"元"))
}

/// First lines of the numbered sections: a share's base is looked for in its own section.
fn section_starts(doc: &Document, table_lines: &[Range<usize>]) -> Vec<usize> {
    segment::headings(doc, table_lines)
        .iter()
        .map(|h| h.line)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts(text: &str) -> Vec<(String, f64)> {
        let doc = Document::new(text);
        let ex = crate::read::read(&doc, &[]);
        facts_from(&doc, &ex, &Prose::read(&doc, &ex))
            .into_iter()
            .map(|f| (f.indicator, f.value))
            .collect()
    }

    const HEAD: &str = "某区2017年政府信息公开工作年度报告\n";

    #[test]
    fn reads_the_common_2008_wordings() {
        let t = format!("{HEAD}全年共受理政府信息公开申请354件。在已经答复的3件申请中:“同意公开”的1件。通过门户网站公开信息1531条。");
        assert_eq!(
            facts(&t),
            vec![
                ("apply.received".to_string(), 354.0),
                ("apply.answered".to_string(), 3.0),
                ("reply.granted".to_string(), 1.0),
                ("active.channel.website".to_string(), 1531.0),
            ]
        );
    }

    #[test]
    fn numbers_of_the_same_size_that_are_not_indicators_give_no_fact() {
        let t = format!(
            "{HEAD}根据《通知》(京政办发〔2018〕3号)精神,召开第十九次会议。联系电话:010-68860607,地址:实兴大街30号。\
             区“两会”期间,共收到31件建议和提案。培训工作人员150余人次。共发布征地信息近33条。\
             全年主动公开政府信息较去年增加120条。举办培训班2期以上。分值占比为4%。"
        );
        assert_eq!(facts(&t), vec![]);
    }

    #[test]
    fn a_sub_unit_named_in_the_sentence_owns_the_later_numbers() {
        let t = format!("{HEAD}全区申请总数为354件,其中区政府工作部门收到申请238件。其中七星镇政府、街道办事处网站主动公开信息101条;政府网站公开信息1421条。");
        assert_eq!(facts(&t), vec![("apply.received".to_string(), 354.0)]);
    }

    #[test]
    fn a_list_of_every_level_in_an_earlier_clause_is_the_whole() {
        let t = format!("{HEAD}区政府办公室、区直各部门、各乡镇、各街道办事处对政府信息进行了梳理,2017年主动公开政府信息4970条。");
        assert_eq!(facts(&t), vec![("active.total".to_string(), 4970.0)]);
    }

    #[test]
    fn a_list_in_the_numbers_clause_or_after_a_part_word_is_a_part() {
        let own_clause = format!("{HEAD}区直各部门、各乡镇、各街道办事处主动公开政府信息3933条。");
        assert_eq!(facts(&own_clause), vec![]);
        let after_part =
            format!("{HEAD}其中,区直各部门、各乡镇、各街道办事处认真梳理,主动公开政府信息3933条。");
        assert_eq!(facts(&after_part), vec![]);
        let two_units = format!("{HEAD}各乡镇、街道办事处认真梳理,主动公开政府信息101条。");
        assert_eq!(facts(&two_units), vec![]);
    }

    /// The words before a number, found once per sentence, are found where looking back
    /// from the number to the sentence's start (its lines joined) finds them.
    #[test]
    fn a_sentences_words_are_found_as_its_joined_prefix_holds_them() {
        let text = "目前，已入驻审 \n  批服务部门\n\n \n 其中窗口 开设\n 便民\n服务";
        let s = SentenceWords::new(0..text.len());
        for at in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
            let before = joined(&text[..at]);
            let service = lexicon::SERVICE_WORK.iter().any(|w| before.contains(w));
            assert_eq!(s.service_before(text, at), service, "{:?}", &text[..at]);
            let part = lexicon::NOT_TOTAL_LIST
                .iter()
                .any(|w| text[..at].contains(w));
            assert_eq!(s.part_word_before(text, at), part, "{:?}", &text[..at]);
        }
    }

    #[test]
    fn a_service_halls_cases_are_not_requests_for_information() {
        let t =
            format!("{HEAD}目前,已入驻审批服务部门和单位13个,开设窗口26个,共受理申请121510件。");
        assert_eq!(facts(&t), vec![]);
        let own = format!("{HEAD}在行政服务中心设立受理点,全年共受理政府信息公开申请12件。");
        assert_eq!(facts(&own), vec![("apply.received".to_string(), 12.0)]);
    }

    #[test]
    fn a_channels_count_that_a_breakdown_is_taken_of_is_not_linked() {
        let t = format!("{HEAD}2017年,在区政府网站主动公开的425条政府信息中,机构职能类信息148条。");
        assert_eq!(facts(&t), vec![]);
        let channel =
            format!("{HEAD}2017年,通过区政府网站主动公开政府信息425条,其中机构职能类信息148条。");
        assert_eq!(
            facts(&channel),
            vec![("active.channel.website".to_string(), 425.0)]
        );
    }

    #[test]
    fn a_breakdown_stated_in_full_is_of_the_sum_of_its_parts() {
        let t = format!(
            "{HEAD}信息总数3618条。县直各单位公开信息1251条,占67.5%。各乡镇公开信息602条,占32.5%。"
        );
        let doc = Document::new(&t);
        let ex = crate::read::read(&doc, &[]);
        let s = shares(&doc, &Prose::read(&doc, &ex));
        assert_eq!(s.len(), 2);
        assert!(s[0].bases.iter().any(|b| b.0 == 1853.0), "{:?}", s[0].bases);
        // percentages that do not add up to 100 are of the whole stated
        let t = format!(
            "{HEAD}信息总数3618条。县直各单位公开信息1251条,占67.5%。各乡镇公开信息602条,占22.5%。"
        );
        let doc = Document::new(&t);
        let ex = crate::read::read(&doc, &[]);
        let s = shares(&doc, &Prose::read(&doc, &ex));
        assert!(
            s.iter().all(|s| s.bases.iter().all(|b| b.0 == 3618.0)),
            "{s:?}"
        );
    }

    #[test]
    fn review_and_lawsuit_parts_follow_their_topic() {
        let t = format!("{HEAD}全区行政复议案件6件。其中,维持的3件,被依法纠错的2件,其他情形1件。\n行政诉讼案件10件。其中,维持具体行政行为8件,被依法纠错0件,其他情形2件。");
        let f = facts(&t);
        assert!(f.contains(&("review.upheld".to_string(), 3.0)), "{f:?}");
        assert!(f.contains(&("lawsuit.upheld".to_string(), 8.0)), "{f:?}");
        assert!(f.contains(&("lawsuit.other".to_string(), 2.0)), "{f:?}");
        assert!(f.contains(&("review.total".to_string(), 6.0)), "{f:?}");
    }

    #[test]
    fn the_2019_format_links_to_its_own_ids() {
        let t = "某局2020年政府信息公开工作年度报告\n本年度新收政府信息公开申请12件,上年结转2件。予以公开5件,部分公开3件。";
        assert_eq!(
            facts(t),
            vec![
                ("apply.new".to_string(), 12.0),
                ("apply.carried_in".to_string(), 2.0),
                ("result.granted".to_string(), 5.0),
                ("result.partial".to_string(), 3.0),
            ]
        );
    }

    /// The 2019 and 2021 formats count reviews in table 四's 行政复议 总计 column.
    #[test]
    fn reviews_in_the_2019_format_are_table_four_s_total() {
        let t = "某局2020年政府信息公开工作年度报告\n本年度新收政府信息公开申请12件,因政府信息公开被申请行政复议3件。";
        let doc = Document::new(t);
        let ex = crate::read::read(&doc, &[]);
        let f: Vec<(String, Option<String>, f64)> = facts_from(&doc, &ex, &Prose::read(&doc, &ex))
            .into_iter()
            .map(|f| (f.indicator, f.column, f.value))
            .collect();
        assert!(
            f.contains(&(
                "review_lawsuit".to_string(),
                Some("行政复议-总计".to_string()),
                3.0
            )),
            "{f:?}"
        );
    }

    fn facts_with_columns(text: &str) -> Vec<(String, Option<String>, f64)> {
        let doc = Document::new(text);
        let ex = crate::read::read(&doc, &[]);
        facts_from(&doc, &ex, &Prose::read(&doc, &ex))
            .into_iter()
            .map(|f| (f.indicator, f.column, f.value))
            .collect()
    }

    fn fact(indicator: &str, column: &str, value: f64) -> (String, Option<String>, f64) {
        (indicator.to_string(), Some(column.to_string()), value)
    }

    const HEAD_2021: &str = "清河县民政局2021年政府信息公开工作年度报告\n";

    /// 2021 表二 stated plainly: the documents issued, the decisions made.
    #[test]
    fn table_two_figures_stated_plainly_are_read_as_their_column() {
        let t = format!("{HEAD_2021}本年制发行政规范性文件4件，现行有效行政规范性文件260件，因政府信息公开被申请行政复议10件。");
        assert_eq!(
            facts_with_columns(&t),
            vec![
                fact("disclose.normative", "本年制发件数", 4.0),
                fact("disclose.normative", "现行有效件数", 260.0),
                fact("review_lawsuit", "行政复议-总计", 10.0),
            ]
        );
        let t = format!("{HEAD_2021}结转下年度继续办理52件，作出行政许可决定2326件，作出行政处罚决定511件。政府网站全年访问量达20027人次，组织业务培训5次。");
        assert_eq!(
            facts_with_columns(&t),
            vec![
                ("apply.carried_out".to_string(), None, 52.0),
                fact("disclose.permit", "本年处理决定数量", 2326.0),
                fact("disclose.penalty", "本年处理决定数量", 511.0),
            ]
        );
        let t = format!("{HEAD_2021}作出行政许可决定13865件，作出行政处罚决定28551件，因政府信息公开被申请行政复议69件。");
        assert_eq!(
            facts_with_columns(&t)[..2],
            [
                fact("disclose.permit", "本年处理决定数量", 13865.0),
                fact("disclose.penalty", "本年处理决定数量", 28551.0),
            ]
        );
        // the year, the agency speaking of itself and a filler stand around the words
        let t = format!("{HEAD_2021}2021年，清河县民政局依法作出行政强制决定共12件。本年度制发行政规范性文件3件。");
        assert_eq!(
            facts_with_columns(&t),
            vec![
                fact("disclose.enforcement", "本年处理决定数量", 12.0),
                fact("disclose.normative", "本年制发件数", 3.0),
            ]
        );
    }

    /// Wordings that a table-two column does not count, or not always: left unread.
    #[test]
    fn table_two_figures_qualified_or_worded_loosely_stay_unread() {
        for s in [
            // the documents published in a library, as a real report words them (its table's
            // 本年制发件数 happened to agree, but the count is also written of the published)
            "动态更新本年度制发的规范性文件77件。",
            "动态更新发布本年度制发行政规范性文件62件。",
            "本年制发行政规范性文件和规章5件。",
            // decisions published, of one procedure, campaign, unit or kind
            "公示行政许可决定1234件、行政处罚决定56件。",
            "适用简易程序作出行政处罚决定20件。",
            "开展食品安全专项整治行动，作出行政处罚决定5件。",
            "全年办理行政执法案件100件，其中，作出行政处罚决定28件。",
            "其中作出行政处罚决定28件。",
            "县市场监管局作出行政处罚决定120件。",
            "作出准予行政许可决定30件。",
            "作出行政处罚决定书15份。",
            "开展食品安全专项整治行动，\n作出行政处罚决定5件。",
        ] {
            let t = format!("{HEAD_2021}{s}");
            assert_eq!(facts_with_columns(&t), vec![], "{s}");
        }
        // another year's figure, named in an earlier clause
        let t = format!("{HEAD_2021}2020年，作出行政处罚决定500件。");
        assert_eq!(facts_with_columns(&t), vec![]);
        // the 2019 format counts decisions in another row, of items
        let t = "清河县民政局2020年政府信息公开工作年度报告\n作出行政处罚决定511件。";
        assert_eq!(facts_with_columns(t), vec![]);
    }

    /// 2019 表二 stated plainly: the documents published this year.
    #[test]
    fn the_2019_table_two_figures_stated_plainly_are_read_as_their_column() {
        let t = "清河县人民政府办公室2019年政府信息公开工作年度报告\n全年共新收政府信息公开申请4870件，上年结转政府信息公开申请345件，本年新公开规范性文件82件，新公开规章1件，因政府信息公开被申请行政复议49件。";
        assert_eq!(
            facts_with_columns(t)[2..4],
            [
                fact("disclose2019.normative", "本年新公开数量", 82.0),
                fact("disclose2019.rules", "本年新公开数量", 1.0),
            ]
        );
        for s in [
            "本年新制作规范性文件84件。",
            "公开规范性文件82件。",
            "在网站新公开规范性文件82件。",
            "其中新公开规章1件。",
        ] {
            let t = format!("清河县人民政府办公室2019年政府信息公开工作年度报告\n{s}");
            assert_eq!(facts_with_columns(&t), vec![], "{s}");
        }
        // the 2021 format has no such column
        let t = format!("{HEAD_2021}本年新公开规范性文件82件。");
        assert_eq!(facts_with_columns(&t), vec![]);
    }

    /// Before a table on its line, a clause of prose is read; a table's own words are not.
    #[test]
    fn a_clause_before_a_table_is_prose() {
        assert!(holds_clause(
            "全年共新收政府信息公开申请4870件,上年结转政府信息公开申请345件,新公开"
        ));
        assert!(holds_clause("四、存在的问题 无。 "));
        assert!(!holds_clause("信息内容 本年新制作数量 本年新公开数量 "));
        assert!(!holds_clause("附件 2,3 12;5 "));
    }

    #[test]
    fn shares_find_their_base() {
        let t = format!("{HEAD}本单位共收到申请3件。其中,通过互联网提交申请有2件,占总数的67%;以信函形式申请1件,占总数的33%。");
        let doc = Document::new(&t);
        let ex = crate::read::read(&doc, &[]);
        let s = shares(&doc, &Prose::read(&doc, &ex));
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].count, 2.0);
        assert_eq!(s[0].percent, 67.0);
        assert_eq!(s[0].bases.first().map(|b| b.0), Some(3.0));
    }

    /// Crawler text runs the report into one line: a whole counted in an earlier section
    /// (`累计办结9542件` before `三、主动公开政府信息情况`) is not the base of a share after it.
    #[test]
    fn a_share_has_no_base_beyond_a_section_heading_on_its_line() {
        let t = format!("{HEAD}共受理申请30件，累计办结25件。 三、主动公开政府信息情况 区直各单位主动公开政府信息18条，占60%。");
        let doc = Document::new(&t);
        let ex = crate::read::read(&doc, &[]);
        let s = shares(&doc, &Prose::read(&doc, &ex));
        assert_eq!(s.len(), 1);
        assert!(s[0].bases.is_empty(), "{:?}", s[0].bases);
        assert!(heading_between("件。 三、主动"));
        assert!(!heading_between("其中三、四两项"));
    }

    /// The headings marked once answer as a scan of each stretch does, for every stretch.
    #[test]
    fn heading_marks_agree_with_a_scan_of_each_stretch() {
        let text = "一、概述 共3件。三、四两项；十二、其中二、三 五、\u{3000}六、 七、。八九、末";
        let marks = HeadingMarks::new(text);
        let bounds: Vec<usize> = text
            .char_indices()
            .map(|(i, _)| i)
            .chain([text.len()])
            .collect();
        for &from in &bounds {
            for &to in bounds.iter().filter(|&&to| to >= from) {
                let scanned = heading_between(&text[from..to]);
                assert_eq!(marks.between(from, to), scanned, "{:?}", &text[from..to]);
            }
        }
    }
}
