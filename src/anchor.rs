//! Anchored reading: finds the template's row labels in the text, whatever the layout, and
//! reads the figures that follow each one.
//!
//! Real reports arrive as web copies (tab-separated cells, blank lines around each cell), PDF
//! text (one cell per line, a table printed block by block, labels wrapped over lines with
//! figures between the fragments) or crawler text (every cell glued to the next). What all of
//! them keep is the template's wording, in the template's order. So the labels are found first
//! (on the Han characters alone, so that line breaks, spaces, punctuation and figures inside a
//! wrapped label do not matter), then the figures of the table are aligned with those rows:
//! each row takes as many figures as it has columns, in text order, a figure never before its
//! row's label, preferably before the next row's label. Cells glued together are split only
//! where the table's arithmetic leaves one reading.

use crate::grid::{self, RawCell, Row};
use crate::normalize::is_han;
use crate::schema::{self, Indicator, Relation, Template};
use crate::segment::Document;
use std::ops::Range;

mod blocks;

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
}

impl Anchor {
    /// The label as a person reads it: the numbering before the wording, the wording's own
    /// characters (without the figures of other cells printed between its fragments), and
    /// the words after it.
    pub fn printed(&self, text: &str) -> String {
        let before = &text[self.label.start..self.core.start.max(self.label.start)];
        let inside = &text[self.core.clone()];
        let after = &text[self.core.end.min(self.label.end)..self.label.end];
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
enum Tok {
    /// A number or a not-applicable mark standing on its own.
    Value,
    /// An empty cell between two tabs.
    Blank,
    /// Digits run into the neighbouring text: maybe several cells glued together.
    Glued,
}

#[derive(Debug, Clone)]
struct Token {
    range: Range<usize>,
    kind: Tok,
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

/// The Han characters of the text with the byte offset of each.
struct HanStream {
    chars: Vec<char>,
    at: Vec<usize>,
    /// Every two adjacent characters as one number, with the place of the first, sorted: a
    /// wording is looked for only where its first two characters stand, instead of
    /// searching the whole text once for each of the templates' hundred-odd wordings.
    pairs: Vec<(u64, u32)>,
}

fn pair(a: char, b: char) -> u64 {
    (u64::from(a) << 21) | u64::from(b)
}

impl HanStream {
    fn new(text: &str) -> HanStream {
        let (mut chars, mut at) = (Vec::new(), Vec::new());
        for (i, c) in text.char_indices() {
            if is_han(c) {
                chars.push(c);
                at.push(i);
            }
        }
        let mut pairs: Vec<(u64, u32)> = chars
            .windows(2)
            .enumerate()
            .map(|(i, w)| (pair(w[0], w[1]), i as u32))
            .collect();
        pairs.sort_unstable();
        HanStream { chars, at, pairs }
    }

    /// Normalized byte range of Han characters `from..to` (character indices).
    fn range(&self, from: usize, to: usize) -> Range<usize> {
        self.at[from]..self.at[to - 1] + 3
    }

    /// Every occurrence (character index) of `needle`, in text order, at most `cap`.
    fn find_all(&self, needle: &str, cap: usize) -> Vec<usize> {
        let want: Vec<char> = needle.chars().collect();
        let [a, b, ..] = want[..] else {
            return Vec::new(); // wordings have two characters at least
        };
        let key = pair(a, b);
        let from = self.pairs.partition_point(|p| p.0 < key);
        self.pairs[from..]
            .iter()
            .take_while(|p| p.0 == key)
            .map(|p| p.1 as usize)
            .filter(|&i| self.chars.get(i..i + want.len()) == Some(&want[..]))
            .take(cap)
            .collect()
    }
}

/// The Han characters of a wording's core: what a label keeps in any rendering.
fn han_core(wording: &str) -> String {
    schema::core(wording)
        .chars()
        .filter(|&c| is_han(c))
        .collect()
}

/// A row of a template with the Han cores of its wordings.
type TemplateRow = (&'static Indicator, Vec<String>);

/// The rows of a template that are found by label, in table order, with their Han cores.
fn template_rows(t: Template) -> &'static [TemplateRow] {
    static ROWS: std::sync::OnceLock<[Vec<TemplateRow>; 3]> = std::sync::OnceLock::new();
    let all = ROWS.get_or_init(|| {
        [Template::T2008, Template::T2019, Template::T2021].map(|t| {
            // the rows that carry figures (group rows would stand in the way of their first
            // item), found by their label
            schema::value_rows(t)
                .filter(|i| i.by_label)
                .map(|i| {
                    let mut cores: Vec<String> = i.labels.iter().map(|w| han_core(w)).collect();
                    cores.retain(|c| c.chars().count() >= 2);
                    cores.dedup();
                    (i, cores)
                })
                .collect()
        })
    });
    &all[t as usize]
}

#[derive(Debug, Clone, Copy)]
struct Occurrence {
    row: usize,
    from: usize,
    to: usize,
    /// Other characters between the wording's own (a label broken by other cells).
    inserted: usize,
}

/// Occurrences of every row's wording; one inside a longer occurrence of another row's
/// wording is dropped (`传真申请数` inside `信函、传真申请数`).
fn occurrences(han: &HanStream, rows: &[TemplateRow]) -> Vec<Occurrence> {
    const CAP: usize = 256;
    let mut all: Vec<Occurrence> = Vec::new();
    for (row, (_, cores)) in rows.iter().enumerate() {
        for c in cores {
            let n = c.chars().count();
            all.extend(han.find_all(c, CAP).into_iter().map(|from| Occurrence {
                row,
                from,
                to: from + n,
                inserted: 0,
            }));
        }
    }
    all.sort_by_key(|o| (o.from, std::cmp::Reverse(o.to)));
    let mut kept: Vec<Occurrence> = Vec::with_capacity(all.len());
    let mut reach: Option<Occurrence> = None;
    for o in all {
        if let Some(r) = reach {
            // inside a longer wording's occurrence, its own row's or another's
            if o.to <= r.to && ((o.to - o.from) < (r.to - r.from) || o.row == r.row) {
                continue;
            }
        }
        if reach.is_none_or(|r| o.to > r.to) {
            reach = Some(o);
        }
        kept.push(o);
    }
    kept
}

/// Gaps longer than this (normalized bytes) between two rows are unlikely inside one table.
const LONG_GAP: usize = 2500;

/// The chain of occurrences, increasing in both text and table order, that holds the most
/// rows; a long gap costs a little, so that a wording quoted in the prose loses to the table's.
fn chain(han: &HanStream, occ: &[Occurrence], rows: usize) -> Vec<Occurrence> {
    #[derive(Clone, Copy)]
    struct Best {
        score: f64,
        end: usize,
        at: usize,
    }
    let mut best: Vec<Option<Best>> = vec![None; rows];
    let mut pred: Vec<Option<usize>> = vec![None; occ.len()];
    let mut score = vec![0.0f64; occ.len()];
    for (n, o) in occ.iter().enumerate() {
        let start = han.at[o.from];
        let mut top = (1.0, None);
        for b in best[..o.row].iter().flatten() {
            if b.end > start {
                continue;
            }
            let gap = if start - b.end > LONG_GAP { 0.6 } else { 0.0 };
            let s = b.score + 1.0 - gap;
            if s > top.0 + 1e-9 {
                top = (s, Some(b.at));
            }
        }
        score[n] = top.0;
        pred[n] = top.1;
        let end = han.at[o.to - 1] + 3;
        let slot = &mut best[o.row];
        // on a tie the earlier place stays: a table's rows stand together, and the same
        // words come again in later headers (`其他`, `总计` of table 四)
        if slot.is_none_or(|b| top.0 > b.score + 1e-9) {
            *slot = Some(Best {
                score: top.0,
                end,
                at: n,
            });
        }
    }
    let Some(mut at) = (0..occ.len()).max_by(|&a, &b| {
        score[a]
            .partial_cmp(&score[b])
            .unwrap_or(std::cmp::Ordering::Equal)
            .then(b.cmp(&a))
    }) else {
        return Vec::new();
    };
    let mut out = vec![occ[at]];
    while let Some(p) = pred[at] {
        out.push(occ[p]);
        at = p;
    }
    out.reverse();
    out
}

/// The old template's rows differ in order from province to province: its rows are the
/// first occurrence of each wording within the densest cluster of wordings.
fn cluster(han: &HanStream, occ: &[Occurrence], rows: usize) -> Vec<Occurrence> {
    let mut clusters: Vec<Range<usize>> = Vec::new();
    let mut start = 0;
    for i in 1..=occ.len() {
        let split = i == occ.len() || han.at[occ[i].from] > han.at[occ[i - 1].to - 1] + LONG_GAP;
        if split {
            clusters.push(start..i);
            start = i;
        }
    }
    let distinct = |r: &Range<usize>| {
        let mut seen = vec![false; rows];
        occ[r.clone()].iter().for_each(|o| seen[o.row] = true);
        seen.iter().filter(|&&s| s).count()
    };
    let Some(best) = clusters.iter().max_by_key(|r| distinct(r)) else {
        return Vec::new();
    };
    // of a wording found twice (the table and a sentence near it), the one closest to
    // another row's wording: table rows stand next to each other
    let inside = &occ[best.clone()];
    let nearest = |o: &Occurrence| {
        inside
            .iter()
            .filter(|p| p.row != o.row)
            .map(|p| han.at[p.from].abs_diff(han.at[o.from]))
            .min()
            .unwrap_or(usize::MAX)
    };
    // rows in table order, each at a place no earlier row took (two rows may share a wording)
    let mut out: Vec<Occurrence> = Vec::new();
    for row in 0..rows {
        let best = inside
            .iter()
            .filter(|o| o.row == row && !out.iter().any(|t| t.from == o.from))
            .min_by_key(|o| (nearest(o), o.from));
        out.extend(best.copied());
    }
    out.sort_by_key(|o| o.from);
    out
}

/// The template rows found in the text, in text order.
pub fn anchors(doc: &Document, t: Template) -> Vec<Anchor> {
    anchors_in(doc, &HanStream::new(doc.text()), t)
}

/// How many rows of each template (2008, 2019, 2021) the text holds: the characters indexed
/// once for all three.
pub fn rows_found(doc: &Document) -> [usize; 3] {
    let han = HanStream::new(doc.text());
    [Template::T2008, Template::T2019, Template::T2021].map(|t| anchors_in(doc, &han, t).len())
}

fn anchors_in(doc: &Document, han: &HanStream, t: Template) -> Vec<Anchor> {
    let rows = template_rows(t);
    let occ = occurrences(han, rows);
    let text = doc.text();
    let occ: Vec<Occurrence> = occ
        .into_iter()
        .filter(|o| !in_prose(text, han.range(o.from, o.to)))
        .collect();
    let picked = if t == Template::T2008 {
        cluster(han, &occ, rows.len())
    } else {
        chain(han, &occ, rows.len())
    };
    let picked = fill_gaps(han, rows, picked, t != Template::T2008);
    let picked: Vec<Occurrence> = (0..picked.len())
        .map(|n| {
            let hi = picked.get(n + 1).map_or(han.chars.len(), |p| p.from);
            extend(han, rows, picked[n], hi)
        })
        .collect();
    picked
        .into_iter()
        .map(|o| {
            let core = han.range(o.from, o.to);
            Anchor {
                indicator: rows[o.row].0,
                label: printed_label(doc.text(), core.clone()),
                core,
                found: true,
                broken: o.inserted > 0,
            }
        })
        .collect()
}

/// Characters of other cells a wrapped label may have between its fragments (a group label
/// printed one character per line: `3.危及“三安全一稳` `（三）` `定”`).
const MAX_INSERTED: usize = 4;

/// Rows the chain skipped between two rows it found: a label broken by another cell's
/// characters, found again as the wording's characters in order with a few others between.
/// `ordered`: the rows stand in template order (national formats); the old form's provinces
/// order some rows their own way (网站 before 公报), so there any row not found may be in any gap.
fn fill_gaps(
    han: &HanStream,
    rows: &[TemplateRow],
    picked: Vec<Occurrence>,
    ordered: bool,
) -> Vec<Occurrence> {
    let chars = &han.chars;
    let mut taken = vec![false; rows.len()];
    picked.iter().for_each(|o| taken[o.row] = true);
    let mut out: Vec<Occurrence> = Vec::with_capacity(picked.len());
    for (n, o) in picked.iter().enumerate() {
        out.push(*o);
        let Some(next) = picked.get(n + 1) else { break };
        let mut lo = o.to;
        let between = if ordered {
            o.row + 1..next.row.max(o.row + 1)
        } else {
            0..rows.len()
        };
        for row in between {
            if taken[row] {
                continue;
            }
            let cores = &rows[row].1;
            // the longest wording first: `网站公开` is inside `政府网站公开数`
            let found = cores
                .iter()
                .filter(|c| c.chars().count() >= 4)
                .filter_map(|c| loose_find(chars, lo, next.from, c))
                .min_by_key(|&(from, to, _)| (from, std::cmp::Reverse(to)));
            if let Some((from, to, inserted)) = found {
                taken[row] = true;
                out.push(Occurrence {
                    row,
                    from,
                    to,
                    inserted,
                });
                lo = to;
            }
        }
    }
    out
}

/// The first place in `chars[lo..hi]` holding `core`'s characters in order, with at most
/// [`MAX_INSERTED`] others between them (a few more for a long wording).
fn loose_find(chars: &[char], lo: usize, hi: usize, core: &str) -> Option<(usize, usize, usize)> {
    let want: Vec<char> = core.chars().collect();
    (lo..hi).find_map(|p| loose_at(chars, p, hi, &want))
}

/// `want`'s characters in order from `chars[p]`, with at most [`MAX_INSERTED`] others between
/// them (a few more for a long wording): (from, to, others).
fn loose_at(chars: &[char], p: usize, hi: usize, want: &[char]) -> Option<(usize, usize, usize)> {
    if chars.get(p) != want.first() {
        return None;
    }
    // a long wording wraps over more lines, with more of its neighbours between
    let allowed = MAX_INSERTED + want.len() / 6;
    let (mut j, mut q, mut skipped) = (1, p + 1, 0);
    while j < want.len() && q < hi && skipped <= allowed {
        if chars[q] == want[j] {
            j += 1;
        } else {
            skipped += 1;
        }
        q += 1;
    }
    (j == want.len() && skipped <= allowed).then_some((p, q, skipped))
}

/// An occurrence of a short wording that a longer wording of the same row continues past
/// other cells (`政府公报公开` `条 0 0` `数`): the row's whole label, broken.
fn extend(han: &HanStream, rows: &[TemplateRow], o: Occurrence, hi: usize) -> Occurrence {
    let found: String = han.chars[o.from..o.to].iter().collect();
    rows[o.row]
        .1
        .iter()
        .filter(|c| c.len() > found.len() && c.starts_with(&found))
        .filter_map(|c| loose_at(&han.chars, o.from, hi, &c.chars().collect::<Vec<_>>()))
        .max_by_key(|&(_, to, _)| to)
        .map_or(o, |(from, to, inserted)| Occurrence {
            from,
            to,
            inserted: inserted.max(1),
            ..o
        })
}

/// A wording quoted in a sentence (`主动公开信息数为1713条`, `收到申请数3件，`), not a row: the
/// label runs on into other words, or its figure is followed by a count unit, as prose
/// writes figures and tables never do.
fn in_prose(text: &str, core: Range<usize>) -> bool {
    let label = printed_label(text, core.clone());
    let mut depth = 0usize;
    for c in text[core.end..label.end].chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth > 0 => {}
            _ if "数量条件次项个人篇元".contains(c) => {}
            _ if is_han(c) || "，。；:,;".contains(c) => return true,
            _ => {}
        }
    }
    let rest = text[label.end..].trim_start_matches(' ');
    let digits = rest
        .bytes()
        .take_while(|b| b.is_ascii_digit() || *b == b'.')
        .count();
    let after = &rest[digits..];
    let after = after.trim_start_matches(|c: char| "万元".contains(c));
    digits > 0
        && (after.starts_with(|c: char| "条件次项个人篇名家份期户天".contains(c))
            || after.starts_with(|c: char| "，。；、,;".contains(c)))
}

/// The printed label around a match: back over numbering and `其中:`, on over the rest of the
/// words up to a space, a figure or a tab.
fn printed_label(text: &str, core: Range<usize>) -> Range<usize> {
    let numbering = |c: char| {
        c.is_ascii_digit() || "一二三四五六七八九十()（）.、:：其中".contains(c) || c == ','
    };
    let mut start = core.start;
    for (i, c) in text[..core.start].char_indices().rev() {
        if !numbering(c) || core.start - i > 24 {
            break;
        }
        start = i;
    }
    // a numbering's digits only: never the figures of the row before (`条0182.传真申请数`)
    let lead = &text[start..core.start];
    let digits = lead.bytes().take_while(u8::is_ascii_digit).count();
    let numbered = lead[digits..].starts_with(['.', '、', ')']);
    if numbered && digits > 1 {
        start += digits - 1;
    } else if !numbered {
        start += digits; // digits run straight into the words: the row before's figures
    }
    let mut end = core.end;
    for (i, c) in text[core.end..].char_indices() {
        if c.is_whitespace() || c.is_ascii_digit() || c == '|' {
            break;
        }
        end = core.end + i + c.len_utf8();
        if end - core.end > 120 {
            break;
        }
    }
    start..end
}

/// Reads the template's tables from the text. `old_columns` names the value columns of the
/// old template (empty: one value per row).
pub fn read(doc: &Document, t: Template) -> Vec<ReadRow> {
    let mut anchors = anchors(doc, t);
    if anchors.is_empty() {
        return Vec::new();
    }
    let text = doc.text();
    let old = if t == Template::T2008 {
        old_columns(doc, &anchors)
    } else {
        &[]
    };
    if t != Template::T2008 {
        if let Some(a) = review_anchor(doc, anchors.last().map_or(0, |a| a.core.end)) {
            anchors.push(a);
        }
    }
    let zone_end = zone_end(doc, anchors.last().map_or(0, |a| a.label.end));
    let widths: Vec<usize> = anchors.iter().map(|a| a.indicator.width(old)).collect();
    let tokens = with_layout_blanks(doc, &anchors, &widths, tokens(doc, &anchors, zone_end));
    let mut plan = align(&anchors, &widths, &tokens);
    assign_orphans(&anchors, &widths, &tokens, &mut plan);
    let mut rows: Vec<ReadRow> = anchors
        .iter()
        .zip(plan)
        .map(|(a, taken)| {
            let columns = a.indicator.value_columns(old);
            let n = a.indicator.width(old);
            let mut cells: Vec<Option<RawCell>> = vec![None; n];
            let mut unreadable = None;
            match taken {
                Taken::Glued(k) => {
                    unreadable = Some(raw(text, &tokens[k]));
                }
                Taken::Cells(ks) => {
                    for (c, k) in ks.into_iter().enumerate().take(n) {
                        cells[c] = k.map(|k| raw(text, &tokens[k]));
                    }
                }
            }
            ReadRow {
                anchor: a.clone(),
                columns,
                cells,
                unreadable,
                reconstructed: None,
            }
        })
        .collect();
    split_glued(&mut rows, t);
    if t != Template::T2008 {
        read_blocks(text, t, &tokens, &mut rows);
    }
    distrust_broken_rows(text, &mut rows);
    distrust_strangers(text, &mut rows);
    rows
}

/// A figure printed on a label's line right after it is that row's: a reading that gave it to
/// another row misread both (pdftotext of a small table printed its first column with the
/// labels, the rest after), so both are left unread rather than read wrong.
fn distrust_strangers(text: &str, rows: &mut [ReadRow]) {
    let owner = |at: usize| {
        rows.iter().position(|q| {
            q.anchor.found
                && q.anchor.label.end <= at
                && text[q.anchor.label.end..at].bytes().all(|b| b == b' ')
        })
    };
    let mut wrong = vec![false; rows.len()];
    for (r, row) in rows.iter().enumerate() {
        for cell in row.cells.iter().flatten() {
            if let Some(q) = owner(cell.range.start).filter(|&q| q != r) {
                wrong[r] = true;
                wrong[q] = true;
            }
        }
    }
    for (row, wrong) in rows.iter_mut().zip(wrong) {
        if wrong {
            row.cells.iter_mut().for_each(|c| *c = None);
        }
    }
}

/// Table 三 read again by [`blocks::solve`] when the reading in text order leaves rows
/// unread or not adding up: all its figures, from its first label to table 四, cut into runs
/// of rows printed column after column.
fn read_blocks(text: &str, t: Template, tokens: &[Token], rows: &mut Vec<ReadRow>) {
    let table: Vec<&'static Indicator> = schema::value_rows(t)
        .filter(|i| schema::national_table(i) == "表三")
        .collect();
    let in_table = |r: &ReadRow| table.iter().any(|i| std::ptr::eq(*i, r.anchor.indicator));
    let sound = |r: &ReadRow| {
        let parts: Option<Vec<String>> = r
            .cells
            .iter()
            .map(|c| c.as_ref().map(|c| c.text.clone()))
            .collect();
        parts.is_some_and(|p| adds_up(&p, r.columns))
    };
    let read_whole = rows.iter().filter(|r| in_table(r) && sound(r)).count() == table.len();
    if read_whole || table.is_empty() {
        return;
    }
    let Some(start) = rows
        .iter()
        .filter(|r| in_table(r))
        .map(|r| r.anchor.label.start)
        .min()
    else {
        return;
    };
    let end = rows
        .iter()
        .find(|r| r.anchor.indicator.id == "review_lawsuit")
        .map_or(usize::MAX, |r| r.anchor.label.start);
    let zone: Vec<usize> = (0..tokens.len())
        .filter(|&k| (start..end).contains(&tokens[k].range.start))
        .collect();
    let width = schema::t2019::APPLICANTS.len();
    if zone.len() != table.len() * width || zone.iter().any(|&k| tokens[k].kind != Tok::Value) {
        return;
    }
    let Some(values) = zone
        .iter()
        .map(|&k| text[tokens[k].range.clone()].parse::<u64>().ok())
        .collect::<Option<Vec<u64>>>()
    else {
        return;
    };
    let fits = |v: &[u64]| v[..v.len() - 1].iter().sum::<u64>() == v[v.len() - 1];
    let pinned = pinned_rows(text, rows, &table, tokens, &zone, width);
    let sums = column_relations(t, &table);
    let between = |reading: &[Vec<u64>]| broken_in_columns(&sums, reading, width);
    let Some(mut solved) = blocks::solve(&values, table.len(), width, &pinned, &fits, &between)
    else {
        return;
    };
    // a row that fails its total is the report's own wrong total only where it was printed as
    // a row (its label right before its figures); elsewhere the cut itself is in doubt, and so
    // is the reading in text order: only the rows printed as rows are kept
    let doubtful = solved.iter().zip(&pinned).any(|(reading, &pinned)| {
        reading.as_ref().is_some_and(|p| {
            let v: Vec<u64> = p.iter().map(|&j| values[j]).collect();
            !pinned && !fits(&v)
        })
    });
    if doubtful {
        // the rows up to the first not read in plain order stand as printed, and so do the rows
        // printed as rows; the rest is left unread
        let plain = |r: usize, reading: &Option<Vec<usize>>| {
            reading
                .as_ref()
                .is_some_and(|p| p.iter().copied().eq(r * width..(r + 1) * width))
        };
        let prefix = (0..table.len())
            .find(|&r| !plain(r, &solved[r]))
            .unwrap_or(table.len());
        let mut kept = solved;
        for (r, reading) in kept.iter_mut().enumerate() {
            if r >= prefix && !pinned[r] {
                *reading = None;
                if let Some(row) = rows
                    .iter_mut()
                    .find(|x| std::ptr::eq(x.anchor.indicator, table[r]))
                {
                    row.cells.iter_mut().for_each(|c| *c = None);
                }
            }
        }
        solved = kept;
    }
    // with table 三's figures settled, table 四's are the next fifteen
    if let Some(review) = rows
        .iter_mut()
        .find(|r| r.anchor.indicator.id == "review_lawsuit")
    {
        let next: Vec<&Token> = tokens.iter().filter(|t| t.range.start >= end).collect();
        let n = review.columns.len();
        if next.len() >= n && next[..n].iter().all(|t| t.kind == Tok::Value) {
            review.cells = next[..n].iter().map(|t| Some(raw(text, t))).collect();
        }
    }
    for (ind, reading) in table.iter().zip(solved) {
        let Some(picked) = reading else { continue };
        let cells: Vec<Option<RawCell>> = picked
            .iter()
            .map(|&j| Some(raw(text, &tokens[zone[j]])))
            .collect();
        match rows
            .iter_mut()
            .find(|r| std::ptr::eq(r.anchor.indicator, *ind))
        {
            Some(r) => {
                r.cells = cells;
                r.unreadable = None;
            }
            None => {
                let at = tokens[zone[picked[0]]].range.clone();
                rows.push(ReadRow {
                    anchor: Anchor {
                        indicator: ind,
                        core: at.clone(),
                        label: at,
                        found: false,
                        broken: false,
                    },
                    columns: schema::t2019::APPLICANTS,
                    cells,
                    unreadable: None,
                    reconstructed: None,
                });
            }
        }
    }
}

/// Rows of `table` whose label is followed by exactly their own figures, at the place a row
/// printed row by row would have them (`zone[r * width..]`).
fn pinned_rows(
    text: &str,
    rows: &[ReadRow],
    table: &[&Indicator],
    tokens: &[Token],
    zone: &[usize],
    width: usize,
) -> Vec<bool> {
    let Some(span) = zone
        .first()
        .zip(zone.last())
        .map(|(&a, &b)| tokens[a].range.start..tokens[b].range.end)
    else {
        return Vec::new();
    };
    // rows the chain of anchors passed over (labels pdftotext printed out of order) are
    // looked for once more, printed whole, among the table's figures
    let label = |ind: &Indicator| -> Option<Range<usize>> {
        if let Some(r) = rows
            .iter()
            .find(|r| r.anchor.found && std::ptr::eq(r.anchor.indicator, ind))
        {
            return Some(r.anchor.label.clone());
        }
        let zone = &text[span.clone()];
        ind.labels.iter().find_map(|w| {
            let core = schema::core(w);
            let at = zone.find(core.as_str())?;
            (zone[at + core.len()..].find(core.as_str()).is_none())
                .then(|| span.start + at..span.start + at + core.len())
        })
    };
    let labels: Vec<Option<Range<usize>>> = table.iter().map(|i| label(i)).collect();
    // the figures right after the label, nothing but spaces and line ends between them
    let run_after = |end: usize| -> Vec<usize> {
        let mut at = end;
        let mut run = Vec::new();
        for &k in zone.iter().filter(|&&k| tokens[k].range.start >= end) {
            if !text[at..tokens[k].range.start].trim().is_empty() {
                break;
            }
            run.push(k);
            at = tokens[k].range.end;
        }
        run
    };
    labels
        .iter()
        .enumerate()
        .map(|(n, label)| {
            let Some(label) = label else { return false };
            let own = run_after(label.end);
            zone.get(n * width..(n + 1) * width) == Some(own.as_slice())
        })
        .collect()
}

/// The table's relations between rows as (left side, right side), indices into `table`: a
/// total whose group row prints no figures (2021's （三）不予公开) stands for its items.
fn column_relations(t: Template, table: &[&Indicator]) -> Vec<(Vec<usize>, Vec<usize>)> {
    fn spread(id: &str, t: Template, table: &[&Indicator], depth: usize) -> Option<Vec<usize>> {
        if let Some(i) = table.iter().position(|r| r.id == id) {
            return Some(vec![i]);
        }
        let parts = schema::relations().find_map(|r| match r {
            Relation::Sum {
                total,
                parts,
                within,
                ..
            } if *total == id && within.has(t) => Some(*parts),
            _ => None,
        })?;
        if depth > 3 {
            return None;
        }
        let spread: Option<Vec<Vec<usize>>> = parts
            .iter()
            .map(|p| spread(p, t, table, depth + 1))
            .collect();
        Some(spread?.concat())
    }
    let side = |ids: &[&str]| -> Option<Vec<usize>> {
        let parts: Option<Vec<Vec<usize>>> = ids.iter().map(|i| spread(i, t, table, 0)).collect();
        Some(parts?.concat())
    };
    schema::relations()
        .filter_map(|r| match r {
            Relation::Sum {
                total,
                parts,
                within,
                absent,
            } if within.has(t) => {
                // another variant's relation when one of its rows is printed
                if absent.iter().any(|a| table.iter().any(|r| r.id == *a)) {
                    return None;
                }
                table.iter().position(|r| r.id == *total)?;
                Some((side(&[total])?, side(parts)?))
            }
            Relation::Balance {
                plus,
                equals,
                within,
            } if within.has(t) => Some((side(plus)?, side(equals)?)),
            _ => None,
        })
        .collect()
}

/// How many (relation, column) pairs a reading of the table breaks.
fn broken_in_columns(
    sums: &[(Vec<usize>, Vec<usize>)],
    reading: &[Vec<u64>],
    width: usize,
) -> usize {
    let side = |rows: &[usize], c: usize| rows.iter().map(|&r| reading[r][c]).sum::<u64>();
    sums.iter()
        .map(|(l, r)| (0..width).filter(|&c| side(l, c) != side(r, c)).count())
        .sum()
}

/// A row read from text without cell separators whose own total does not add up was most
/// likely aligned with the wrong figures: it is left unread (and reported incomplete) rather
/// than reported as a wrong total. Rows of tab-separated copies keep their cells.
fn distrust_broken_rows(text: &str, rows: &mut [ReadRow]) {
    let starts: Vec<usize> = rows.iter().map(|r| r.anchor.label.start).collect();
    for r in rows.iter_mut() {
        if r.columns.len() < 3 || r.reconstructed.is_some() {
            continue;
        }
        let Some(cells) = r
            .cells
            .iter()
            .map(|c| c.as_ref())
            .collect::<Option<Vec<_>>>()
        else {
            continue;
        };
        let parts: Vec<String> = cells.iter().map(|c| c.text.clone()).collect();
        if parts
            .iter()
            .any(|p| !p.bytes().all(|b| b.is_ascii_digit()) || p.is_empty())
        {
            continue;
        }
        let start = r.anchor.label.start;
        let end = starts
            .iter()
            .copied()
            .filter(|&s| s > start)
            .min()
            .unwrap_or(text.len());
        let end = crate::source::floor_char_boundary(text, end);
        let tabbed = text[start..end].contains('\t');
        // figures all between the row's label and the next: read as printed, so a total
        // that fails is the report's own
        let own = r.anchor.found
            && cells
                .iter()
                .all(|c| c.range.start >= start && c.range.end <= end);
        if tabbed || fits_row(&parts, r.columns) {
            continue;
        }
        if !own {
            r.cells.iter_mut().for_each(|c| *c = None);
        }
        for c in out_of_order(&parts, r.columns) {
            r.cells[c] = None;
        }
    }
}

/// Whether a row whose total fails would add up with another of its figures as the total:
/// pdftotext prints a cell a little off its baseline after the others (`13 4 0 19 2` of
/// `13 2 4 0 19`), and a wrong total of the report's own seldom equals the sum of the others.
/// The columns of such groups (table 四 has three).
fn out_of_order(parts: &[String], columns: &[&str]) -> Vec<usize> {
    let v: Vec<u64> = parts
        .iter()
        .map(|p| p.parse().unwrap_or(u64::MAX / 64))
        .collect();
    let at = |name: &str| columns.iter().position(|c| *c == name);
    schema::t2019::ROW_TOTALS
        .iter()
        .filter(|(set, ..)| std::ptr::eq(*set, columns) || *set == columns)
        .filter_map(|(_, total, sum_of)| {
            let ti = at(total)?;
            let cols: Vec<usize> = sum_of.iter().filter_map(|p| at(p)).chain([ti]).collect();
            let all: u64 = cols.iter().map(|&i| v[i]).sum();
            let fails = all - v[ti] != v[ti];
            (fails && cols.iter().any(|&i| 2 * v[i] == all)).then_some(cols)
        })
        .flatten()
        .collect()
}

fn raw(text: &str, tok: &Token) -> RawCell {
    RawCell {
        text: match tok.kind {
            Tok::Blank => String::new(),
            _ => text[tok.range.clone()].to_string(),
        },
        range: tok.range.clone(),
    }
}

/// The old template's value columns: `2013年度` and `历年累计` when the header has both.
fn old_columns(doc: &Document, anchors: &[Anchor]) -> &'static [&'static str] {
    let first = anchors.iter().map(|a| a.label.start).min().unwrap_or(0);
    let last = anchors.iter().map(|a| a.label.end).max().unwrap_or(0);
    let text = doc.text();
    let from = crate::source::floor_char_boundary(text, first.saturating_sub(600));
    // pdftotext may print the header's last cells after the label column
    let to = crate::source::floor_char_boundary(text, (last + 400).min(text.len()));
    let zone = &text[from..to];
    let han: String = zone.chars().filter(|&c| is_han(c)).collect();
    if !han.contains("累计") {
        return &[];
    }
    let year = header_year(zone).or(doc.year);
    year.and_then(schema::t2008::year_columns).unwrap_or(&[])
}

/// The year printed in a `2013年度` header, possibly broken over lines (`2013` … `年度`).
fn header_year(zone: &str) -> Option<u32> {
    let at = zone.find("年度")?;
    let before = &zone[..at];
    let end = before.trim_end().len();
    let digits = before[..end]
        .bytes()
        .rev()
        .take_while(u8::is_ascii_digit)
        .count();
    if digits == 4 {
        return before[end - 4..end].parse().ok();
    }
    // pdftotext prints `2013` on a line of its own, `年度` lines later
    zone[..at]
        .split_whitespace()
        .rev()
        .find(|w| w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
        .and_then(|w| w.parse().ok())
}

/// Table 四 has no row labels: its fifteen figures follow the headers 行政复议 … 复议后起诉.
fn review_anchor(doc: &Document, after: usize) -> Option<Anchor> {
    /// How far after the header's first word its last may stand.
    const HEADER_SPAN: usize = 600;
    let ind = schema::indicator("review_lawsuit")?;
    let text = doc.text();
    // table 四 follows table 三 closely: only that stretch is looked at
    let window_end =
        crate::source::floor_char_boundary(text, (after + LONG_GAP + HEADER_SPAN).min(text.len()));
    let han = HanStream::new(&text[after..window_end]);
    let start = han.find_all("行政复议", 1).first().copied()?;
    let first = han.at[start];
    if first > LONG_GAP {
        return None;
    }
    // the figures come after the last of the header words
    let header_end = ["复议后起诉", "未经复议直接起诉", "尚未审结", "总计"]
        .iter()
        .filter_map(|w| {
            let n = w.chars().count();
            han.find_all(w, 64)
                .into_iter()
                .filter(|&i| i >= start && han.at[i] - first < HEADER_SPAN)
                .map(|i| han.at[i + n - 1] + 3)
                .max()
        })
        .max()
        .unwrap_or(first + "行政复议".len());
    let core = after + first..after + header_end;
    Some(Anchor {
        indicator: ind,
        core: core.clone(),
        label: core,
        found: true,
        broken: false,
    })
}

/// Where the last table's figures end: at the first line of prose after the last row, and
/// never far past it.
fn zone_end(doc: &Document, last: usize) -> usize {
    let text = doc.text();
    let limit = crate::source::floor_char_boundary(text, (last + 3000).min(text.len()));
    let first = doc.line_of(last);
    for i in first + 1..doc.lines.len() {
        let l = doc.lines[i];
        if l.start >= limit {
            break;
        }
        let t = doc.line_text(i);
        let n = t.chars().count();
        if n > 40 && (t.contains('。') || t.contains(';')) {
            return l.start;
        }
    }
    limit
}

/// Labels wrapped in their cell are printed by pdftotext after the table, their rows' figures
/// left in place without a label: when the rows that got no figure are as many as the runs of
/// figures no row took, they are the same rows, in the same order.
fn assign_orphans(anchors: &[Anchor], widths: &[usize], tokens: &[Token], plan: &mut [Taken]) {
    let mut used = vec![false; tokens.len()];
    for t in plan.iter() {
        match t {
            Taken::Cells(ks) => ks.iter().flatten().for_each(|&k| used[k] = true),
            Taken::Glued(k) => used[*k] = true,
        }
    }
    let empty = |t: &Taken| matches!(t, Taken::Cells(ks) if ks.iter().all(Option::is_none));
    let mut orphans: Vec<usize> = (0..anchors.len())
        .filter(|&r| empty(&plan[r]) && !anchors[r].indicator.heading)
        .collect();
    let Some(&w) = orphans.first().map(|&r| &widths[r]) else {
        return;
    };
    if orphans.iter().any(|&r| widths[r] != w) {
        return;
    }
    let last = anchors.iter().map(|a| a.label.start).max().unwrap_or(0);
    let free: Vec<usize> = (0..tokens.len())
        .filter(|&k| !used[k] && tokens[k].range.start < last)
        .collect();
    if free.len() != orphans.len() * w || free.iter().any(|&k| tokens[k].kind == Tok::Glued) {
        return;
    }
    orphans.sort_by_key(|&r| anchors[r].label.start);
    for (n, &r) in orphans.iter().enumerate() {
        plan[r] = Taken::Cells(free[n * w..(n + 1) * w].iter().map(|&k| Some(k)).collect());
    }
}

/// Header words a statistics table starts with: figures may stand between them and the first
/// label found (a row whose label pdftotext printed elsewhere).
const TABLE_HEADS: &[&str] = &["指标名称", "统计指标"];

/// The figures of the tables, in text order, from the table's header (or the first row's
/// label) to `end`.
fn tokens(doc: &Document, anchors: &[Anchor], end: usize) -> Vec<Token> {
    let text = doc.text();
    let first = anchors.iter().map(|a| a.label.start).min().unwrap_or(0);
    let from = crate::source::floor_char_boundary(text, first.saturating_sub(600));
    let start = TABLE_HEADS
        .iter()
        .filter_map(|h| text[from..first].rfind(h).map(|i| from + i + h.len()))
        .max()
        .unwrap_or(first);
    let mut out = Vec::new();
    let year = doc.year;
    let first_line = doc.line_of(start);
    for i in first_line..doc.lines.len() {
        let l = doc.lines[i];
        if l.start >= end {
            break;
        }
        let line = &text[l.start..l.end];
        if crate::segment::is_page_marker(line.trim()) {
            continue;
        }
        let from = start.saturating_sub(l.start).min(line.len());
        let to = end.saturating_sub(l.start).min(line.len());
        line_tokens(line, l.start, from, to, year, &mut out);
    }
    out.extend(blank_cells(text, anchors, end));
    out.sort_by_key(|t| t.range.start);
    merge_glued_runs(text, &mut out);
    out
}

/// `pdftotext -layout` prints each figure under its column and a blank cell as nothing at all:
/// where a row's one line holds fewer figures than the row has cells, each figure is put under
/// the column whose figures (on the lines of the table's full rows of that width) it stands
/// under, and the columns left over are blank cells.
fn with_layout_blanks(
    doc: &Document,
    anchors: &[Anchor],
    widths: &[usize],
    mut tokens: Vec<Token>,
) -> Vec<Token> {
    let text = doc.text();
    let column_of = |t: &Token| -> f64 {
        let line = doc.lines[doc.line_of(t.range.start)];
        let before = text[line.start..t.range.start].chars().count();
        before as f64 + text[t.range.clone()].chars().count() as f64 / 2.0
    };
    // per row: its figures when they all stand on one line set out in columns
    let on_one_line: Vec<Option<Vec<usize>>> = (0..anchors.len())
        .map(|r| {
            let (s, e) = (
                anchors[r].label.start,
                anchors.get(r + 1).map_or(usize::MAX, |a| a.label.start),
            );
            let own: Vec<usize> = (0..tokens.len())
                .filter(|&k| (s..e).contains(&tokens[k].range.start))
                .collect();
            let first = *own.first()?;
            let line = doc.lines[doc.line_of(tokens[first].range.start)];
            let laid_out = own
                .iter()
                .all(|&k| tokens[k].kind == Tok::Value && tokens[k].range.end <= line.end)
                && !text[line.start..line.end].contains('\t')
                && text[line.start..line.end].contains("  ");
            laid_out.then_some(own)
        })
        .collect();
    let mut blanks = Vec::new();
    for (r, own) in on_one_line.iter().enumerate() {
        let w = widths[r];
        let Some(own) = own.as_ref().filter(|o| w >= 2 && o.len() < w) else {
            continue;
        };
        // the columns, from the full rows of this width nearest this row
        let full: Vec<Vec<f64>> = on_one_line
            .iter()
            .enumerate()
            .filter(|&(q, o)| widths[q] == w && o.as_ref().is_some_and(|o| o.len() == w))
            .map(|(_, o)| {
                o.as_ref()
                    .expect("filtered")
                    .iter()
                    .map(|&k| column_of(&tokens[k]))
                    .collect()
            })
            .collect();
        if full.len() < 2 {
            continue;
        }
        let centres: Vec<f64> = (0..w)
            .map(|c| {
                let mut at: Vec<f64> = full.iter().map(|f| f[c]).collect();
                at.sort_by(f64::total_cmp);
                at[at.len() / 2]
            })
            .collect();
        let gap = centres
            .windows(2)
            .map(|p| p[1] - p[0])
            .fold(f64::MAX, f64::min);
        if gap < 2.0 {
            continue;
        }
        let placed: Option<Vec<usize>> = own
            .iter()
            .map(|&k| {
                let x = column_of(&tokens[k]);
                let c = (0..w)
                    .min_by(|&a, &b| (centres[a] - x).abs().total_cmp(&(centres[b] - x).abs()))?;
                ((centres[c] - x).abs() <= gap / 2.0).then_some(c)
            })
            .collect();
        let Some(placed) = placed.filter(|p| p.windows(2).all(|q| q[0] < q[1])) else {
            continue;
        };
        // just before the figure of the next column (on the space there), or after the last
        let at = |c: usize| match placed.iter().position(|&p| p > c) {
            Some(i) => {
                let start = tokens[own[i]].range.start;
                (start > 0 && text.as_bytes()[start - 1] == b' ').then(|| start - 1)
            }
            None => Some(tokens[own[own.len() - 1]].range.end),
        };
        let row: Option<Vec<Token>> = (0..w)
            .filter(|c| !placed.contains(c))
            .map(|c| {
                at(c).map(|at| Token {
                    range: at..at,
                    kind: Tok::Blank,
                })
            })
            .collect();
        blanks.extend(row.into_iter().flatten());
    }
    tokens.extend(blanks);
    tokens.sort_by_key(|t| t.range.start);
    tokens
}

/// Crawler text keeps a space here and there between glued cells (`200 000121`): runs of
/// digits separated by single spaces, one of them run into the words, are one glued token
/// whose spaces are sure cell borders.
fn merge_glued_runs(text: &str, tokens: &mut Vec<Token>) {
    let digits_only = |t: &Token| {
        t.kind != Tok::Blank && text[t.range.clone()].bytes().all(|b| b.is_ascii_digit())
    };
    let mut out: Vec<Token> = Vec::with_capacity(tokens.len());
    let mut run: Vec<Token> = Vec::new();
    let flush = |run: &mut Vec<Token>, out: &mut Vec<Token>| {
        if run.len() > 1 && run.iter().any(|t| t.kind == Tok::Glued) {
            out.push(Token {
                range: run[0].range.start..run[run.len() - 1].range.end,
                kind: Tok::Glued,
            });
            run.clear();
        } else {
            out.append(run);
        }
    };
    for t in tokens.drain(..) {
        let continues = run
            .last()
            .is_some_and(|last| text.get(last.range.end..t.range.start) == Some(" "));
        if !(continues && digits_only(&t)) {
            flush(&mut run, &mut out);
        }
        if digits_only(&t) {
            run.push(t);
        } else {
            out.push(t);
        }
    }
    flush(&mut run, &mut out);
    *tokens = out;
}

fn line_tokens(
    line: &str,
    base: usize,
    from: usize,
    to: usize,
    year: Option<u32>,
    out: &mut Vec<Token>,
) {
    let b = line.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    let alone = line.trim();
    while i < b.len() {
        let c = b[i];
        if c == b'(' {
            depth += 1;
        } else if c == b')' {
            depth = depth.saturating_sub(1);
        }
        let sign = (c == b'-' || c == b'+')
            && b.get(i + 1).is_some_and(u8::is_ascii_digit)
            && (i == 0 || b[i - 1] == b' ' || b[i - 1] == b'\t');
        if !(c.is_ascii_digit() || sign) {
            if i >= from && i < to && line.is_char_boundary(i) {
                if let Some(t) = mark_token(line, i) {
                    out.push(Token {
                        range: base + t.start..base + t.end,
                        kind: Tok::Value,
                    });
                    i = t.end;
                    continue;
                }
            }
            i += 1;
            continue;
        }
        let s = i;
        i += 1;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        if i + 1 < b.len() && b[i] == b'.' && b[i + 1].is_ascii_digit() {
            i += 1;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
        }
        if s < from || s >= to || depth > 0 {
            continue;
        }
        let mut e = i;
        let rest = &line[e..];
        // a numbering (`2.其他`, `3、`): its last digit; digits before it are glued figures
        let numbering = rest
            .strip_prefix(['.', '、'])
            .is_some_and(|after| !after.starts_with(|c: char| c.is_ascii_digit()))
            && !line[s..e].contains('.');
        if numbering {
            e -= 1;
            if e == s {
                continue;
            }
        }
        let rest = &line[e..];
        if !numbering
            && ["年", "月", "日", "%", "个百分点"]
                .iter()
                .any(|w| rest.starts_with(w))
        {
            continue;
        }
        if unit_then_paren(rest) {
            continue;
        }
        let digits = &line[s..e];
        if year.is_some_and(|y| digits == y.to_string()) && alone == digits {
            continue; // `2013` of a `2013年度` header broken over lines
        }
        let mut end = e;
        for u in ["万元", "元"] {
            if line[e..].starts_with(u) {
                end = e + u.len();
            }
        }
        let before = line[..s].chars().next_back();
        let after = line[end..].chars().next();
        let touches = |c: Option<char>| c.is_some_and(|c| !c.is_whitespace() && c != '|');
        // an amount run into a count (`39573802895.90元`) is glued too, and stays unread
        // no figure is printed with a leading zero: `0000000` is seven cells
        let leading_zero =
            digits.len() >= 2 && digits.starts_with('0') && !digits.starts_with("0.");
        let glued = digits.len() >= 2
            && digits.bytes().all(|b| b.is_ascii_digit() || b == b'.')
            && (touches(before) || touches(after) || numbering || leading_zero);
        out.push(Token {
            range: base + s..base + end,
            kind: if glued { Tok::Glued } else { Tok::Value },
        });
    }
}

/// `计1条)`: a count inside a note whose parenthesis opened on an earlier line.
fn unit_then_paren(rest: &str) -> bool {
    let mut cs = rest.chars();
    matches!(
        (cs.next(), cs.next()),
        (Some(u), Some(')')) if "条件次项个人篇".contains(u)
    )
}

/// A not-applicable mark standing alone (`/`, `—`, `无`, `不适用`) at byte `i` of the line.
fn mark_token(line: &str, i: usize) -> Option<Range<usize>> {
    let before = line[..i].chars().next_back();
    if before.is_some_and(|c| !c.is_whitespace()) {
        return None;
    }
    let rest = &line[i..];
    let word = rest.split(|c: char| c.is_whitespace()).next().unwrap_or("");
    (!word.is_empty() && grid::is_not_applicable(word) && word != "-").then(|| i..i + word.len())
}

/// Empty cells of copies with cell separators (tabs, `|`): a field between two separators after a row's label that
/// holds nothing; the field after the last tab counts while the row has only figures so far.
fn blank_cells(text: &str, anchors: &[Anchor], end: usize) -> Vec<Token> {
    let mut starts: Vec<usize> = anchors.iter().map(|a| a.label.start).collect();
    starts.sort_unstable();
    let mut out = Vec::new();
    for (n, &s) in starts.iter().enumerate() {
        let e = starts.get(n + 1).copied().unwrap_or(end).min(text.len());
        if e <= s {
            continue;
        }
        let window = &text[s..e];
        if !window.contains(['\t', '|']) {
            continue;
        }
        let fields: Vec<(usize, &str)> = window
            .split(['\t', '|'])
            .scan(s, |at, f| {
                let here = *at;
                *at += f.len() + 1;
                Some((here, f))
            })
            .collect();
        let mut pure = true;
        for (k, &(at, f)) in fields.iter().enumerate().skip(1) {
            let last = k + 1 == fields.len();
            let t = f.trim();
            if t.is_empty() {
                if !last || pure {
                    out.push(Token {
                        range: at..at,
                        kind: Tok::Blank,
                    });
                }
            } else if !is_figure_or_unit(t) {
                pure = false;
            }
        }
    }
    out
}

fn is_figure_or_unit(t: &str) -> bool {
    matches!(
        grid::classify(t),
        grid::CellClass::Value | grid::CellClass::Unit
    )
}

/// How a row's figures were found.
#[derive(Debug, Clone)]
enum Taken {
    /// Per column, the token (or none).
    Cells(Vec<Option<usize>>),
    /// One glued token for the whole row.
    Glued(usize),
}

/// Assigns the tokens to the rows: first tables printed block by block (all labels, then each
/// column's figures), then the rest in text order by [`align_in_order`].
fn align(anchors: &[Anchor], widths: &[usize], tokens: &[Token]) -> Vec<Taken> {
    let n = anchors.len();
    let mut plan: Vec<Option<Taken>> = vec![None; n];
    let mut used = vec![false; tokens.len()];
    let window = |i: usize| -> Vec<usize> {
        let s = anchors[i].label.start;
        let e = anchors.get(i + 1).map_or(usize::MAX, |a| a.label.start);
        (0..tokens.len())
            .filter(|&k| tokens[k].range.start >= s && tokens[k].range.start < e)
            .collect()
    };
    let windows: Vec<Vec<usize>> = (0..n).map(window).collect();
    let mut i = 0;
    while i < n {
        let mut j = i;
        while j + 1 < n && windows[j].is_empty() && widths[j + 1] == widths[i] {
            j += 1;
        }
        let rows = j - i + 1;
        let w = widths[i];
        let need = rows * w;
        let last = &windows[j];
        let exact = last.len() == need || (j + 1 == n && last.len() >= need);
        if rows >= 2 && exact && last[..need].iter().all(|&k| tokens[k].kind == Tok::Value) {
            for r in 0..rows {
                let cells = (0..w).map(|c| Some(last[c * rows + r])).collect();
                plan[i + r] = Some(Taken::Cells(cells));
            }
            last[..need].iter().for_each(|&k| used[k] = true);
            i = j + 1;
            continue;
        }
        i += 1;
    }
    let rest: Vec<usize> = (0..n).filter(|&r| plan[r].is_none()).collect();
    let free: Vec<usize> = (0..tokens.len()).filter(|&k| !used[k]).collect();
    let ordered = align_in_order(anchors, widths, tokens, &rest, &free);
    for (r, t) in rest.into_iter().zip(ordered) {
        plan[r] = Some(t);
    }
    plan.into_iter()
        .map(|p| p.unwrap_or(Taken::Cells(Vec::new())))
        .collect()
}

/// Costs of the alignment: a cell left unread, a figure skipped, a figure printed after the
/// next row's label began (PDF text does that when a label wraps).
const MISSING: u32 = 4;
const SKIPPED: u32 = 4;
const LATE: u32 = 2;
/// More tokens than any report's tables hold; the rest of a long paste is not aligned.
const MAX_TOKENS: usize = 4000;

/// Aligns tokens with rows in text order, by dynamic programming over (token, row, column):
/// each row takes up to its width of tokens, none before its own label; a token may be
/// skipped; a row may end short. The cheapest reading wins.
fn align_in_order(
    anchors: &[Anchor],
    widths: &[usize],
    tokens: &[Token],
    rows: &[usize],
    free: &[usize],
) -> Vec<Taken> {
    let free = &free[..free.len().min(MAX_TOKENS)];
    let nr = rows.len();
    if nr == 0 {
        return Vec::new();
    }
    // states: (row, filled) flattened; plus the end state
    let mut base = Vec::with_capacity(nr + 1);
    let mut total = 0;
    for &r in rows {
        base.push(total);
        total += widths[r] + 1;
    }
    base.push(total);
    let states = total + 1;
    let start_of = |r: usize| anchors[rows[r]].label.start;
    let next_start = |r: usize, k: usize| {
        rows.get(r + k)
            .map_or(usize::MAX, |&x| anchors[x].label.start)
    };
    let optional = |r: usize| anchors[rows[r]].indicator.heading;
    let missing = |r: usize, c: usize| -> u32 {
        if c == 0 && optional(r) {
            0
        } else {
            MISSING * (widths[rows[r]] - c) as u32
        }
    };
    const INF: u32 = u32::MAX / 4;
    const NONE: u32 = u32::MAX;
    let mut cost = vec![INF; states];
    cost[0] = 0;
    // eps[j][s]: state before the row-advance at step j; tok[j][s]: (state, action) at token j
    let mut eps = vec![NONE; (free.len() + 1) * states];
    let mut tok = vec![(NONE, 0u8); free.len() * states];
    let relax = |cost: &mut Vec<u32>, eps: &mut [u32], j: usize| {
        for r in 0..nr {
            for c in 0..=widths[rows[r]] {
                let s = base[r] + c;
                if cost[s] >= INF {
                    continue;
                }
                let next = base[r + 1];
                let v = cost[s] + missing(r, c);
                if v < cost[next] {
                    cost[next] = v;
                    eps[j * states + next] = s as u32;
                }
            }
        }
    };
    for (j, &k) in free.iter().enumerate() {
        relax(&mut cost, &mut eps, j);
        let mut next = vec![INF; states];
        let t = &tokens[k];
        let at = t.range.start;
        for r in 0..=nr {
            let w = if r < nr { widths[rows[r]] } else { 0 };
            for c in 0..=w {
                let s = base[r] + c;
                let here = cost[s];
                if here >= INF {
                    continue;
                }
                let mut put = |to: usize, v: u32, action: u8, next: &mut Vec<u32>| {
                    if v < next[to] {
                        next[to] = v;
                        tok[j * states + to] = (s as u32, action);
                    }
                };
                // skip: free once the last row is full or before any row, else a cost
                // past the last row's label the rest is the text after the table; before
                // it, a figure left out costs whatever state the reading is in
                let done = (r == nr || (r + 1 == nr && c == w)) && at >= start_of(nr - 1);
                put(s, here + if done { 0 } else { SKIPPED }, 0, &mut next);
                if r == nr || at < start_of(r) || at >= next_start(r, 2) {
                    continue;
                }
                let late = if at >= next_start(r, 1) { LATE } else { 0 };
                // digits run into the text are a whole row or nothing: never one cell of several
                if c < w && (t.kind != Tok::Glued || w == 1) {
                    put(s + 1, here + late, 1, &mut next);
                }
                if c == 0 && w >= 2 && t.kind == Tok::Glued {
                    put(s + w, here + late, 2, &mut next);
                }
            }
        }
        cost = next;
    }
    relax(&mut cost, &mut eps, free.len());
    // walk back from the end state
    let mut taken: Vec<Taken> = rows
        .iter()
        .map(|&r| Taken::Cells(vec![None; widths[r]]))
        .collect();
    let row_of = |s: usize| base.partition_point(|&b| b <= s) - 1;
    let mut s = base[nr];
    let mut j = free.len();
    loop {
        let e = eps[j * states + s];
        if e != NONE {
            s = e as usize;
            continue;
        }
        if j == 0 {
            break;
        }
        let (prev, action) = tok[(j - 1) * states + s];
        if prev == NONE {
            break;
        }
        let r = row_of(prev as usize);
        let c = prev as usize - base[r];
        match action {
            1 => {
                if let Taken::Cells(cells) = &mut taken[r] {
                    cells[c] = Some(free[j - 1]);
                }
            }
            2 => taken[r] = Taken::Glued(free[j - 1]),
            _ => {}
        }
        s = prev as usize;
        j -= 1;
    }
    taken
}

/// Splits each row's glued run into its columns where exactly one split fits the row's own
/// arithmetic and, taken over the whole table, the relations between rows.
fn split_glued(rows: &mut [ReadRow], t: Template) {
    let mut options: Vec<Option<Vec<Vec<String>>>> = rows
        .iter()
        .map(|r| r.unreadable.as_ref().map(|g| splits(&g.text, r.columns)))
        .collect();
    narrow_by_relations(rows, &mut options, t);
    for (row, opts) in rows.iter_mut().zip(options) {
        let (Some(glued), Some(opts)) = (row.unreadable.clone(), opts) else {
            continue;
        };
        if let [one] = opts.as_slice() {
            let mut at = glued.range.start;
            for (c, part) in one.iter().enumerate() {
                row.cells[c] = Some(RawCell {
                    text: part.clone(),
                    range: at..at + part.len(),
                });
                at += part.len();
            }
            row.reconstructed = Some((glued, one.clone()));
            row.unreadable = None;
        }
    }
}

/// At most this many readings of one glued run are kept; more is no reading at all.
const MAX_SPLITS: usize = 64;

/// Every way to cut `digits` into one number per column (no leading zeros) that fits the
/// row: a `总计` column equal to the others, `历年累计` at least the year's figure.
fn splits(digits: &str, columns: &[&str]) -> Vec<Vec<String>> {
    let n = columns.len();
    let chunks: Vec<&str> = digits.split(' ').filter(|c| !c.is_empty()).collect();
    let length: usize = chunks.iter().map(|c| c.len()).sum();
    if n < 2
        || chunks.len() > n
        || length < n
        || length > 40
        || !chunks.iter().all(|c| c.bytes().all(|b| b.is_ascii_digit()))
    {
        return Vec::new();
    }
    let mut out = Vec::new();
    cut_chunks(&chunks, n, &mut Vec::new(), &mut out, &|p: &[String]| {
        fits_row(p, columns)
    });
    out
}

/// Every way to cut runs of digits (a space between two runs is a cell border for sure)
/// into `n` numbers in all, each run into one number or more.
fn cut_chunks(
    chunks: &[&str],
    n: usize,
    parts: &mut Vec<String>,
    out: &mut Vec<Vec<String>>,
    fits: &dyn Fn(&[String]) -> bool,
) {
    let Some((first, rest)) = chunks.split_first() else {
        if n == 0 && fits(parts) {
            out.push(parts.clone());
        }
        return;
    };
    let most = n.saturating_sub(rest.len()).min(first.len());
    for k in 1..=most {
        let mut mine = Vec::new();
        let mut cuts = Vec::new();
        cut(first, k, &mut mine, &mut cuts, &|_| true);
        for c in cuts {
            let before = parts.len();
            parts.extend(c);
            cut_chunks(rest, n - k, parts, out, fits);
            parts.truncate(before);
            if out.len() > MAX_SPLITS {
                return;
            }
        }
    }
}

fn cut(
    rest: &str,
    left: usize,
    parts: &mut Vec<String>,
    out: &mut Vec<Vec<String>>,
    fits: &dyn Fn(&[String]) -> bool,
) {
    if out.len() > MAX_SPLITS {
        return;
    }
    if left == 1 {
        if (rest.len() > 1 && rest.starts_with('0')) || rest.len() > 15 {
            return;
        }
        parts.push(rest.to_string());
        if fits(parts) {
            out.push(parts.clone());
        }
        parts.pop();
        return;
    }
    for len in 1..=rest.len().saturating_sub(left - 1).min(15) {
        let head = &rest[..len];
        if len > 1 && head.starts_with('0') {
            break;
        }
        parts.push(head.to_string());
        cut(&rest[len..], left - 1, parts, out, fits);
        parts.pop();
    }
}

/// Whether a row's figures (whole numbers as text, by column name) fit its own total.
pub fn adds_up(parts: &[String], columns: &[&str]) -> bool {
    parts.len() == columns.len()
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
        && fits_row(parts, columns)
}

fn fits_row(parts: &[String], columns: &[&str]) -> bool {
    let v: Vec<u64> = parts
        .iter()
        .map(|p| p.parse().unwrap_or(u64::MAX))
        .collect();
    for (_, total, sum_of) in schema::t2019::ROW_TOTALS
        .iter()
        .filter(|(set, ..)| std::ptr::eq(*set, columns) || *set == columns)
    {
        let at = |name: &str| columns.iter().position(|c| *c == name);
        let Some(ti) = at(total) else { continue };
        let sum: u64 = sum_of.iter().filter_map(|p| at(p)).map(|i| v[i]).sum();
        if v[ti] != sum {
            return false;
        }
    }
    if columns.last().is_some_and(|c| *c == "历年累计") && columns.len() == 2 {
        return v[1] >= v[0];
    }
    true
}

/// Most combinations of the open rows' readings tried for one relation.
const MAX_COMBINATIONS: usize = 512;

/// Keeps, for rows with several readings, those that some combination with the other open rows
/// of a relation (column sums, the 勾稽关系) makes hold in every column; again until nothing
/// changes. A relation no combination keeps is a wrong figure of the report's: nothing is
/// kept or dropped by it.
fn narrow_by_relations(rows: &[ReadRow], options: &mut [Option<Vec<Vec<String>>>], t: Template) {
    let table: Vec<&Indicator> = rows.iter().map(|r| r.anchor.indicator).collect();
    let relations = column_relations(t, &table);
    let fixed = |m: usize, c: usize| -> Option<f64> {
        rows[m]
            .cells
            .get(c)?
            .as_ref()
            .and_then(|x| crate::extract::parse_value(&x.text).0)
    };
    for _ in 0..8 {
        let mut changed = false;
        for (left, right) in &relations {
            let mut members: Vec<usize> = left.iter().chain(right).copied().collect();
            members.sort_unstable();
            members.dedup();
            let open: Vec<usize> = members
                .iter()
                .copied()
                .filter(|&m| options[m].as_ref().is_some_and(|o| o.len() > 1))
                .collect();
            let combos = open.iter().try_fold(1usize, |n, &m| {
                n.checked_mul(options[m].as_ref().map_or(1, Vec::len))
            });
            if open.is_empty() || combos.is_none_or(|n| n > MAX_COMBINATIONS) {
                continue;
            }
            let width = members
                .iter()
                .map(|&m| rows[m].cells.len())
                .min()
                .unwrap_or(0);
            let value = |m: usize, c: usize, pick: &[usize]| -> Option<f64> {
                match &options[m] {
                    Some(o) if o.len() > 1 => {
                        let at = open.iter().position(|&x| x == m)?;
                        o[pick[at]].get(c)?.parse().ok()
                    }
                    Some(o) if o.len() == 1 => o[0].get(c)?.parse().ok(),
                    Some(_) => None,
                    None => fixed(m, c),
                }
            };
            let holds = |pick: &[usize]| {
                (0..width).all(|c| {
                    let side =
                        |s: &[usize]| s.iter().map(|&m| value(m, c, pick)).sum::<Option<f64>>();
                    match (side(left), side(right)) {
                        (Some(l), Some(r)) => (l - r).abs() < 0.005,
                        _ => true,
                    }
                })
            };
            let sizes: Vec<usize> = open
                .iter()
                .map(|&m| options[m].as_ref().map_or(1, Vec::len))
                .collect();
            let mut used: Vec<Vec<bool>> = sizes.iter().map(|&n| vec![false; n]).collect();
            let mut any = false;
            let mut pick = vec![0usize; open.len()];
            loop {
                if holds(&pick) {
                    any = true;
                    pick.iter()
                        .enumerate()
                        .for_each(|(i, &p)| used[i][p] = true);
                }
                // the next combination, as an odometer over the open rows' readings
                let Some(i) = (0..pick.len()).find(|&i| pick[i] + 1 < sizes[i]) else {
                    break;
                };
                pick[i] += 1;
                pick[..i].iter_mut().for_each(|p| *p = 0);
            }
            if !any {
                continue;
            }
            for (i, &m) in open.iter().enumerate() {
                let Some(o) = options[m].take() else { continue };
                let kept: Vec<Vec<String>> = o
                    .into_iter()
                    .zip(&used[i])
                    .filter(|(_, &u)| u)
                    .map(|(x, _)| x)
                    .collect();
                changed |= kept.len() < sizes[i];
                options[m] = Some(kept);
            }
        }
        if !changed {
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_text(text: &str, t: Template) -> Vec<(String, Vec<Option<String>>)> {
        let doc = Document::new(text);
        read(&doc, t)
            .into_iter()
            .map(|r| {
                (
                    r.anchor.indicator.id.to_string(),
                    r.cells
                        .iter()
                        .map(|c| c.as_ref().map(|c| c.text.clone()))
                        .collect(),
                )
            })
            .collect()
    }

    #[test]
    fn page_markers_are_not_figures() {
        use crate::segment::is_page_marker;
        assert!(is_page_marker("- 4 -"));
        assert!(is_page_marker("第 3 页 共 6 页"));
        assert!(is_page_marker("共6页"));
        assert!(!is_page_marker("4"));
    }

    #[test]
    fn glued_rows_split_by_their_total() {
        let cols = schema::t2019::APPLICANTS;
        assert_eq!(
            splits("713000074", cols),
            vec![vec!["71", "3", "0", "0", "0", "0", "74"]]
        );
    }

    #[test]
    fn numbering_of_the_next_label_is_not_a_figure() {
        let text = "二、收到和处理政府信息公开申请情况\n1.属于国家秘密 0 0 0 0 0 0 0\n2.其他法律行政法规禁止公开 0 0 0 0 0 0 0\n";
        let rows = read_text(text, Template::T2021);
        let secret = rows.iter().find(|r| r.0 == "refused.secret").unwrap();
        assert!(secret.1.iter().all(|c| c.as_deref() == Some("0")));
    }

    /// pdftotext -layout of a province's old form: labels wrapped over the figures' line, the
    /// website row printed before the gazette row (the national form has them the other way).
    #[test]
    fn old_form_wrapped_labels_in_their_own_order() {
        let text = "指标名称 计量单位 2017年度 历年累计\n主动公开文件数 条 2122 10037\n\
            其中：1、政府网站公\n               条 2122 10037\n开数\n\
            2、政府公报公开\n               条 0 0\n数\n\
            受理政府信息依申请公开总数 条 3 9\n";
        let rows = read_text(text, Template::T2008);
        let row = |id: &str| rows.iter().find(|r| r.0 == id).map(|r| r.1.clone());
        let both = |a: &str, b: &str| Some(vec![Some(a.to_string()), Some(b.to_string())]);
        assert_eq!(row("active.channel.website"), both("2122", "10037"));
        assert_eq!(row("active.channel.gazette"), both("0", "0"));
        assert_eq!(row("apply.received"), both("3", "9"));
    }

    #[test]
    fn a_total_another_figure_would_make_add_up_is_taken_for_figures_out_of_order() {
        let cols = schema::t2019::APPLICANTS;
        let row = |v: [&str; 7]| v.map(String::from).to_vec();
        // 2 printed after the total it belongs before: 2 + 0 + … + 19 = 21 fails, 19 adds up
        assert_eq!(
            out_of_order(&row(["13", "4", "0", "0", "0", "19", "2"]), cols).len(),
            7
        );
        // a report's own wrong total: no figure of the row is the sum of the others
        assert!(out_of_order(&row(["1", "1", "0", "0", "0", "0", "3"]), cols).is_empty());
    }

    /// pdftotext of 2023's table 一: the first column printed with the labels, the rest after;
    /// in text order 77 would fall to 规章 although it stands on 行政规范性文件's line.
    #[test]
    fn a_figure_on_another_labels_line_leaves_both_rows_unread() {
        let text = "二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\n\n本年制发件数 本年废止件数 现行有效件数\n\n\
            规章\n\n0\n\n行政规范性文件 77\n\n0\n\n0\n\n132\n\n470\n\n第二十条第（五）项\n信息内容\n\n本年处理决定数量\n\n行政许可\n\n2629\n";
        let rows = read_text(text, Template::T2021);
        let row = |id: &str| {
            rows.iter()
                .find(|r| r.0 == id)
                .map(|r| r.1.clone())
                .unwrap()
        };
        assert!(row("disclose.rules").iter().all(Option::is_none));
        assert!(row("disclose.normative").iter().all(Option::is_none));
        assert_eq!(row("disclose.permit"), vec![Some("2629".to_string())]);
    }

    /// pdftotext -layout prints a blank cell as nothing: the figure stands under its column.
    #[test]
    fn a_blank_cell_of_layout_text_is_placed_by_its_columns() {
        let text = "        指标名称     计量单位   2013年度   历年累计\n\
            主动公开信息数           条     72804    76424\n\
            其中：1、网站公开         条     72804    76424\n\
               2、政府公报公开       条       0\n\
            受理依申请公开信息总数       条       0        0\n";
        let rows = read_text(text, Template::T2008);
        let row = |id: &str| {
            rows.iter()
                .find(|r| r.0 == id)
                .map(|r| r.1.clone())
                .unwrap()
        };
        assert_eq!(
            row("active.channel.gazette"),
            vec![Some("0".to_string()), Some(String::new())]
        );
        assert_eq!(
            row("apply.received"),
            vec![Some("0".to_string()), Some("0".to_string())]
        );
    }
}
