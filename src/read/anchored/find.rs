//! Finding the template's rows: the text's Han characters indexed by pairs, each row's wordings
//! found on them, the occurrences chained in table order (or clustered, for the old form's
//! provincial orders), labels broken by other cells found again between their neighbours.

use super::types::*;
use crate::normalize::is_han;
use crate::schema::{self, Indicator, Template};
use crate::segment::Document;
use std::ops::Range;

/// The Han characters of the text with the byte offset of each.
pub(super) struct HanStream {
    chars: Vec<char>,
    at: Vec<usize>,
    /// Every two adjacent characters that start a wording, with their places: a wording is
    /// looked for only where its first two characters stand, instead of searching the whole text once for each of
    /// the templates' hundred-odd wordings.
    pairs: PairIndex,
}

pub(super) fn pair(a: char, b: char) -> u64 {
    (u64::from(a) << 21) | u64::from(b)
}

impl HanStream {
    fn new(text: &str) -> HanStream {
        let (mut chars, mut at) = (Vec::new(), Vec::new());
        let mut cells = unit_cells(text).into_iter().peekable();
        for (i, c) in text.char_indices() {
            while cells.next_if(|u| u.end <= i).is_some() {}
            if is_han(c) && !cells.peek().is_some_and(|u| u.contains(&i)) {
                chars.push(c);
                at.push(i);
            }
        }
        let pairs = PairIndex::new(&chars);
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
        let found = |i: &usize| self.chars.get(*i..*i + want.len()) == Some(&want[..]);
        if !wanted_pairs().contains(pair(a, b)) {
            // a needle no wording starts like: its pair was not indexed
            return (0..self.chars.len()).filter(found).take(cap).collect();
        }
        self.pairs
            .places(pair(a, b))
            .filter(found)
            .take(cap)
            .collect()
    }
}

/// The unit cells printed with their figures among a wrapped label's lines (`2.兼职人员`
/// `人   36` `数`, `开工作会议 次      5`): a unit word with the rest of its line one or two
/// figures (the old form's 统计数, or its 年度 and 历年累计). Their characters are not the
/// label's, and a short wording broken by one is found whole. (A wording's last character
/// before a row of figures, `8.属于行政查询事` `项 0 0 0 0 0 0 0`, is no unit cell.)
fn unit_cells(text: &str) -> Vec<Range<usize>> {
    let figure = |w: &str| {
        w.bytes().next().is_some_and(|b| b.is_ascii_digit())
            && w.bytes().all(|b| b.is_ascii_digit() || b == b'.')
    };
    let mut out = Vec::new();
    // only lines with a figure can hold one (most of a report's lines are prose)
    for line in text
        .lines()
        .filter(|l| l.bytes().any(|b| b.is_ascii_digit()))
    {
        let mut words = line.split_whitespace();
        while let Some(w) = words.next() {
            let rest = || words.clone();
            let cell = crate::read::grid::UNITS.contains(&w)
                && (1..=2).contains(&rest().count())
                && rest().all(figure);
            if cell {
                let at = w.as_ptr() as usize - text.as_ptr() as usize;
                out.push(at..at + w.len());
            }
        }
    }
    out
}

/// The header words of table 四, which has no row labels.
const REVIEW_HEADERS: [&str; 4] = ["复议后起诉", "未经复议直接起诉", "尚未审结", "总计"];

/// The first two characters of every wording looked for (the templates' rows, table 四's
/// headers): only their places are indexed. Indexing every pair of the text took a table of
/// a quarter of a megabyte and 40 µs a build, twice in most checks.
fn wanted_pairs() -> &'static PairSet {
    static WANTED: std::sync::OnceLock<PairSet> = std::sync::OnceLock::new();
    WANTED.get_or_init(|| {
        let rows = [Template::T2008, Template::T2019, Template::T2021]
            .into_iter()
            .flat_map(template_rows)
            .flat_map(|(_, cores)| cores.iter().map(String::as_str));
        let words = rows.chain(["行政复议"]).chain(REVIEW_HEADERS);
        let pairs: Vec<u64> = words
            .filter_map(|w| {
                let mut c = w.chars();
                Some(pair(c.next()?, c.next()?))
            })
            .collect();
        PairSet::new(&pairs)
    })
}

/// A set of pairs (open addressing, pair 0 for an empty slot), small enough to stay in cache.
struct PairSet {
    slots: Vec<u64>,
    bits: u32,
}

impl PairSet {
    fn new(pairs: &[u64]) -> PairSet {
        let size = (2 * pairs.len()).next_power_of_two().max(16);
        let mut set = PairSet {
            slots: vec![0; size],
            bits: size.trailing_zeros(),
        };
        for &p in pairs {
            let k = set.slot(p);
            set.slots[k] = p;
        }
        set
    }

    fn slot(&self, key: u64) -> usize {
        let mask = self.slots.len() - 1;
        let mut k = (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - self.bits)) as usize;
        while self.slots[k] != 0 && self.slots[k] != key {
            k = (k + 1) & mask;
        }
        k
    }

    fn contains(&self, key: u64) -> bool {
        self.slots[self.slot(key)] == key
    }
}

/// The places of each pair of adjacent characters that starts a wording, in text order: per
/// pair (in a hash table) its first and last place, per place the next place of the same
/// pair (sorting the pairs with their places was a good part of finding the rows).
struct PairIndex {
    /// Open addressing: (pair, first place, last place); pair 0 (no two Han characters make
    /// it) for an empty slot.
    slots: Vec<(u64, u32, u32)>,
    /// Per place, the next place of its pair (`u32::MAX` for none).
    next: Vec<u32>,
    bits: u32,
}

impl PairIndex {
    /// The places of the pairs wanted (see [`wanted_pairs`]).
    fn new(chars: &[char]) -> PairIndex {
        let wanted = wanted_pairs();
        let places: Vec<(u32, u64)> = chars
            .windows(2)
            .enumerate()
            .map(|(i, w)| (i as u32, pair(w[0], w[1])))
            .filter(|&(_, p)| wanted.contains(p))
            .collect();
        let n = chars.len().saturating_sub(1);
        let size = (2 * places.len()).next_power_of_two().max(16);
        let mut index = PairIndex {
            slots: vec![(0, 0, 0); size],
            next: vec![u32::MAX; n],
            bits: size.trailing_zeros(),
        };
        for (i, p) in places {
            let k = index.slot(p);
            let slot = &mut index.slots[k];
            if slot.0 == 0 {
                *slot = (p, i, i);
            } else {
                let last = std::mem::replace(&mut slot.2, i);
                index.next[last as usize] = i;
            }
        }
        index
    }

    /// The slot of `key`: its own, or the empty one where it would go.
    fn slot(&self, key: u64) -> usize {
        let mask = self.slots.len() - 1;
        let mut k = (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - self.bits)) as usize;
        while self.slots[k].0 != 0 && self.slots[k].0 != key {
            k = (k + 1) & mask;
        }
        k
    }

    /// The places of `key`, in text order.
    fn places(&self, key: u64) -> impl Iterator<Item = usize> + '_ {
        let (found, first, _) = self.slots[self.slot(key)];
        let next = |i: u32| Some(i).filter(|&i| i != u32::MAX);
        let first = if found == key { next(first) } else { None };
        std::iter::successors(first, move |&i| next(self.next[i as usize])).map(|i| i as usize)
    }
}

/// A row of a template with the Han cores of its wordings.
pub(super) type TemplateRow = (&'static Indicator, Vec<String>);

/// The rows of a template that are found by label, in table order, with their Han cores.
pub(super) fn template_rows(t: Template) -> &'static [TemplateRow] {
    static ROWS: std::sync::OnceLock<[Vec<TemplateRow>; 3]> = std::sync::OnceLock::new();
    let all = ROWS.get_or_init(|| {
        [Template::T2008, Template::T2019, Template::T2021].map(|t| {
            // the rows that carry figures (group rows would stand in the way of their first
            // item), found by their label
            schema::value_rows(t)
                .filter(|i| i.by_label)
                .map(|i| {
                    let mut cores: Vec<String> = i
                        .labels
                        .iter()
                        .chain(schema::other_wordings(i.id))
                        .map(|w| schema::han_core(w))
                        .collect();
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
pub(super) struct Occurrence {
    row: usize,
    from: usize,
    to: usize,
    /// Other characters between the wording's own (a label broken by other cells).
    inserted: usize,
    /// The label as printed is none of the row's wordings (a character missing or changed):
    /// it was found by its place between its neighbours.
    variant: bool,
}

impl Occurrence {
    /// A row's wording found by [`loose_find`]: (from, to, characters inserted).
    fn loose(row: usize, (from, to, inserted): (usize, usize, usize)) -> Occurrence {
        Occurrence {
            row,
            from,
            to,
            inserted,
            variant: false,
        }
    }
}

/// Occurrences of every row's wording; one inside a longer occurrence of another row's
/// wording is dropped (`传真申请数` inside `信函、传真申请数`).
pub(super) fn occurrences(han: &HanStream, rows: &[TemplateRow]) -> Vec<Occurrence> {
    const CAP: usize = 256;
    let mut all: Vec<Occurrence> = Vec::new();
    for (row, (indicator, cores)) in rows.iter().enumerate() {
        for c in cores {
            let n = c.chars().count();
            // another format's wording is the row's, printed as a variant of its own
            let variant = schema::other_wordings(indicator.id)
                .iter()
                .any(|w| schema::han_core(w) == *c);
            all.extend(han.find_all(c, CAP).into_iter().map(|from| Occurrence {
                row,
                from,
                to: from + n,
                inserted: 0,
                variant,
            }));
        }
    }
    // by start, the longer first: two passes of the shared stable sort (a sort of its own is
    // half a kilobyte of the browser's wasm)
    crate::source::sort_by_place(&mut all, |o| usize::MAX - o.to);
    crate::source::sort_by_place(&mut all, |o| o.from);
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
pub(super) const LONG_GAP: usize = 2500;

/// The chain of occurrences, increasing in both text and table order, that holds the most
/// rows; a long gap costs a little, so that a wording quoted in the prose loses to the table's.
pub(super) fn chain(han: &HanStream, occ: &[Occurrence], rows: usize) -> Vec<Occurrence> {
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
pub(super) fn cluster(
    text: &str,
    han: &HanStream,
    occ: &[Occurrence],
    rows: usize,
) -> Vec<Occurrence> {
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
    // and first the one printed after a numbering (`2.政府网站在线访谈次数`), not the one
    // ending another row's wrapped label (`其中：主要负责同志参加` / `政府网站在线访谈次数`)
    let after_numbering = |o: &Occurrence| {
        text[..han.at[o.from]]
            .trim_end_matches([' ', '\t'])
            .ends_with(['.', '、', ')', ':'])
    };
    // rows in table order, each at a place no earlier row took (two rows may share a wording)
    let mut out: Vec<Occurrence> = Vec::new();
    for row in 0..rows {
        let best = inside
            .iter()
            .filter(|o| o.row == row && !out.iter().any(|t| t.from == o.from))
            .min_by_key(|o| (!after_numbering(o), nearest(o), o.from));
        out.extend(best.copied());
    }
    crate::source::sort_by_place(&mut out, |o| o.from);
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

pub(super) fn anchors_in(doc: &Document, han: &HanStream, t: Template) -> Vec<Anchor> {
    let rows = template_rows(t);
    let occ = occurrences(han, rows);
    let text = doc.text();
    let review_section = match t {
        Template::T2008 => None,
        _ => review_section_start(doc),
    };
    let before_table_four = |o: &Occurrence| {
        review_section
            .is_none_or(|at| han.at[o.from] < at || schema::national_table(rows[o.row].0) != "表三")
    };
    let occ: Vec<Occurrence> = occ
        .into_iter()
        .filter(|o| !in_prose(text, han.range(o.from, o.to)) && before_table_four(o))
        .collect();
    let picked = if t == Template::T2008 {
        cluster(text, han, &occ, rows.len())
    } else {
        chain(han, &occ, rows.len())
    };
    let wants = wordings_to_find(rows);
    let picked = fill_gaps(han, &wants, picked, t != Template::T2008);
    let picked = fill_tail(text, han, &wants, picked, t != Template::T2008);
    let mut picked = fill_variants(doc.text(), han, rows, picked, t == Template::T2008);
    same_wordings_in_table_order(&wants, &mut picked);
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
            let indicator = rows[o.row].0;
            let label = printed_label(doc.text(), core.clone());
            Anchor {
                indicator,
                label: with_its_note(doc.text(), label, indicator),
                core,
                found: true,
                broken: o.inserted > 0,
                variant: o.variant,
            }
        })
        .collect()
}

/// Where the section of table 四 starts (`四、政府信息公开行政复议、行政诉讼情况`): table 三's rows
/// stand before it, and its words after it are table 四's headers (its `总计` taken for
/// table 三's `（七）总计` read table 四's zeros, seed 139: pdftotext printed three wrapped
/// labels of table 三 after its last rows, and the rows in order then ran past them).
fn review_section_start(doc: &Document) -> Option<usize> {
    (0..doc.lines.len()).find_map(|i| {
        let line = doc.line_text(i);
        if !line.contains("行政复议") {
            return None;
        }
        let mark = crate::scan::heading_mark(line)?;
        let numeral = &line[mark.numeral.clone()];
        (mark.level == 0 && numeral == "四").then(|| doc.lines[i].start)
    })
}

/// Rows the form words alike (the old form's `（二）被依法纠错数` of 行政复议 and of 行政诉讼) in the
/// order the form lists them: nothing but their place tells them apart, and a search that took
/// the later row first (the earlier one's label broken by its unit) read each from the other's
/// line.
fn same_wordings_in_table_order(wants: &[Vec<Vec<char>>], picked: &mut [Occurrence]) {
    // the picked rows' wordings sorted, so that rows worded alike stand side by side (every
    // pair compared was a tenth of an old-form check)
    let mut wordings: Vec<(&[char], usize)> = picked
        .iter()
        .enumerate()
        .flat_map(|(i, o)| wants[o.row].iter().map(move |w| (w.as_slice(), i)))
        .collect();
    wordings.sort_unstable();
    for pair in wordings.windows(2) {
        let ((a, i), (b, j)) = (pair[0], pair[1]);
        if a != b || i == j {
            continue;
        }
        let (first, second) = match picked[i].from <= picked[j].from {
            true => (i, j),
            false => (j, i),
        };
        if picked[first].row > picked[second].row {
            let row = picked[first].row;
            picked[first].row = picked[second].row;
            picked[second].row = row;
        }
    }
}

/// Rows still missing between two rows found, in table order: a label printed with a character
/// missing or changed (`1.信访举报投诉申请`, `2.其他法律行政止公开`, the old form's
/// `2.同意分公开答复数`: a row found there is one the form has). Between its neighbours it
/// is the stretch of the text's characters closest to its wording, taken when it differs from
/// it in a few characters only.
fn fill_variants(
    text: &str,
    han: &HanStream,
    rows: &[TemplateRow],
    picked: Vec<Occurrence>,
    any_order: bool,
) -> Vec<Occurrence> {
    let text_of = |han: &HanStream, from: usize, to: usize| &text[han.range(from, to)];
    let mut out: Vec<Occurrence> = Vec::with_capacity(picked.len());
    let mut found = vec![false; rows.len()];
    picked.iter().for_each(|o| found[o.row] = true);
    // each wording's characters as a set, and its length, made once
    let sets: Vec<Vec<([u64; 4], usize)>> = match any_order {
        true => rows
            .iter()
            .map(|(_, cores)| {
                cores
                    .iter()
                    .map(|c| (char_set(c.chars()), c.chars().count()))
                    .collect()
            })
            .collect(),
        false => Vec::new(),
    };
    for (n, o) in picked.iter().enumerate() {
        out.push(*o);
        let Some(next) = picked.get(n + 1) else { break };
        let mut lo = o.to;
        for (row, (_, cores)) in rows.iter().enumerate().take(next.row).skip(o.row + 1) {
            // a label printed whole (over lines, perhaps), never across cells: a label broken
            // by other cells is no variant of its wording
            let best = cores
                .iter()
                .filter_map(|c| closest(&han.chars[lo..next.from], c))
                .filter(|&(from, to, _)| !text_of(han, lo + from, lo + to).contains('\t'))
                .max_by_key(|m| m.2);
            if let Some((from, to, _)) = best {
                // the missing characters printed a little further on, in the next cell
                // (`（二）部分公` `不计其他情形` `开（区分…`): a label broken by other cells,
                // shown in its wording, not a variant
                let whole = cores
                    .iter()
                    .filter_map(|c| {
                        let want: Vec<char> = c.chars().collect();
                        broken_at(&han.chars, lo + from, next.from, &want)
                    })
                    .max_by_key(|&(_, to, _)| to);
                out.push(match whole {
                    Some((f, t, inserted)) => Occurrence {
                        row,
                        from: f,
                        to: t,
                        inserted: inserted.max(1),
                        variant: false,
                    },
                    None => Occurrence {
                        row,
                        from: lo + from,
                        to: lo + to,
                        inserted: 0,
                        variant: true,
                    },
                });
                lo = out.last().map_or(lo, |o| o.to);
                found[row] = true;
            }
        }
        // the old form's rows in a province's own order (Fujian's `政府信息公开收费减免金额`
        // before `接受行政诉讼、举报数`, printed with a character missing): a row found nowhere,
        // printed with a few characters changed, between two rows found
        // (`closest` looks at gaps of 400 characters at most)
        if any_order && next.from - lo <= 400 {
            // the gap's characters as a 256-bit set, to pass over at once the rows more of whose
            // characters it lacks than a variant may (every row tried in every gap was a fifth
            // of an old-form check)
            let in_gap = char_set(han.chars[lo..next.from].iter().copied());
            for (row, (_, cores)) in rows.iter().enumerate() {
                if found[row] {
                    continue;
                }
                let best = cores
                    .iter()
                    .zip(&sets[row])
                    .filter(|(_, &(set, n))| {
                        let lacking: u32 = (0..4).map(|k| (set[k] & !in_gap[k]).count_ones()).sum();
                        n >= 8 && lacking as usize <= (n / 4).clamp(1, 3)
                    })
                    .map(|(c, _)| c)
                    .filter_map(|c| closest(&han.chars[lo..next.from], c))
                    .filter(|&(from, to, _)| !text_of(han, lo + from, lo + to).contains('\t'))
                    .max_by_key(|m| m.2);
                if let Some((from, to, _)) = best {
                    out.push(Occurrence {
                        row,
                        from: lo + from,
                        to: lo + to,
                        inserted: 0,
                        variant: true,
                    });
                    lo += to;
                    found[row] = true;
                }
            }
        }
    }
    out
}

/// Characters as a set of 256 bits (a character may share its bit with others: a set only
/// ever lets through more than it holds).
fn char_set(chars: impl Iterator<Item = char>) -> [u64; 4] {
    let mut set = [0u64; 4];
    for c in chars {
        let bit = (c as u32).wrapping_mul(2_654_435_761) >> 24;
        set[(bit / 64) as usize] |= 1 << (bit % 64);
    }
    set
}

/// A wording's characters in order from `p`, more of other cells' between them than a label
/// wrapped in its own cell has ([`loose_at`]): a label whose cell a converter cut in two.
fn broken_at(chars: &[char], p: usize, hi: usize, want: &[char]) -> Option<(usize, usize, usize)> {
    const MORE: usize = 12;
    let (mut j, mut q, mut skipped) = (0, p, 0);
    while j < want.len() && q < hi && skipped <= MORE {
        if chars[q] == want[j] {
            j += 1;
        } else {
            skipped += 1;
        }
        q += 1;
    }
    (j == want.len() && skipped <= MORE).then_some((p, q, skipped))
}

/// The stretch of `gap` closest to `wording` when it differs from it in a few characters:
/// (from, to, characters in common).
fn closest(gap: &[char], wording: &str) -> Option<(usize, usize, usize)> {
    let want: Vec<char> = wording.chars().collect();
    let n = want.len();
    if n < 4 || gap.len() > 400 {
        return None;
    }
    // at most one character in four missing or changed, and never more than three
    let tolerated = (n / 4).clamp(1, 3);
    let mut best: Option<(usize, usize, usize)> = None;
    for from in 0..gap.len() {
        if gap[from] != want[0] && gap[from] != want[1] {
            continue; // a label keeps its first characters (after the numbering)
        }
        for to in from + n.saturating_sub(tolerated)..=(from + n + tolerated).min(gap.len()) {
            let common = lcs(&gap[from..to], &want);
            let differs = (to - from).max(n) - common;
            if differs <= tolerated && best.is_none_or(|b| common > b.2) {
                best = Some((from, to, common));
            }
        }
    }
    best
}

/// The length of the longest common subsequence of two short character strings.
fn lcs(a: &[char], b: &[char]) -> usize {
    let mut row = vec![0usize; b.len() + 1];
    for &x in a {
        let mut diag = 0;
        for (j, &y) in b.iter().enumerate() {
            let up = row[j + 1];
            row[j + 1] = if x == y { diag + 1 } else { up.max(row[j]) };
            diag = up;
        }
    }
    row[b.len()]
}

/// Characters of other cells a wrapped label may have between its fragments (a group label
/// printed one character per line: `3.危及“三安全一稳` `（三）` `定”`).
pub(super) const MAX_INSERTED: usize = 4;

/// Rows the chain skipped between two rows it found: a label broken by another cell's
/// characters, found again as the wording's characters in order with a few others between.
/// `ordered`: the rows stand in template order (national formats); the old form's provinces
/// order some rows their own way (网站 before 公报), so there any row not found may be in any gap.
/// Each row's wordings of four characters or more, as characters, for the rows looked for
/// between and after the rows found: once, not per gap and row (collected anew there, they
/// were most of the 130 µs this took in an old-form check).
fn wordings_to_find(rows: &[TemplateRow]) -> Vec<Vec<Vec<char>>> {
    rows.iter()
        .map(|(_, cores)| {
            cores
                .iter()
                .filter(|c| c.chars().count() >= 4)
                .map(|c| c.chars().collect())
                .collect()
        })
        .collect()
}

fn fill_gaps(
    han: &HanStream,
    wants: &[Vec<Vec<char>>],
    picked: Vec<Occurrence>,
    ordered: bool,
) -> Vec<Occurrence> {
    let chars = &han.chars;
    let mut taken = vec![false; wants.len()];
    picked.iter().for_each(|o| taken[o.row] = true);
    let mut out: Vec<Occurrence> = Vec::with_capacity(picked.len());
    for (n, o) in picked.iter().enumerate() {
        out.push(*o);
        let Some(next) = picked.get(n + 1) else { break };
        if ordered {
            fill_in_order(chars, wants, &mut taken, o, next, &mut out);
        } else {
            fill_by_place(chars, wants, &mut taken, o.to, next.from, &mut out);
        }
    }
    out
}

/// The rows between two of the national formats, in their order.
fn fill_in_order(
    chars: &[char],
    wants: &[Vec<Vec<char>>],
    taken: &mut [bool],
    o: &Occurrence,
    next: &Occurrence,
    out: &mut Vec<Occurrence>,
) {
    let mut lo = o.to;
    for row in o.row + 1..next.row.max(o.row + 1) {
        if taken[row] {
            continue;
        }
        if let Some(found) = first_wording(chars, &wants[row], lo, next.from) {
            taken[row] = true;
            out.push(Occurrence::loose(row, found));
            lo = found.1;
        }
    }
}

/// The old form's rows between two, in the order the text prints them (a province's own:
/// 政府信息公开收费减免金额 before 接受行政诉讼、举报数, which the form lists before it): the row
/// whose wording stands first, then the first after it, and so on. Each row's first place is
/// worked out again only when a row taken before it overlaps it.
fn fill_by_place(
    chars: &[char],
    wants: &[Vec<Vec<char>>],
    taken: &mut [bool],
    mut lo: usize,
    hi: usize,
    out: &mut Vec<Occurrence>,
) {
    let mut first: Vec<Option<(usize, usize, usize)>> = (0..wants.len())
        .map(|row| {
            (!taken[row])
                .then(|| first_wording(chars, &wants[row], lo, hi))
                .flatten()
        })
        .collect();
    while let Some(row) = (0..first.len())
        .filter(|&r| first[r].is_some())
        .min_by_key(|&r| first[r].map(|(from, to, _)| (from, std::cmp::Reverse(to), r)))
    {
        let found = first[row].take().expect("a row with a place");
        taken[row] = true;
        out.push(Occurrence::loose(row, found));
        lo = found.1;
        for r in 0..first.len() {
            if first[r].is_some_and(|(from, _, _)| from < lo) {
                first[r] = first_wording(chars, &wants[r], lo, hi);
            }
        }
    }
}

/// A row's first place in `chars[lo..hi]`, the longest wording first: `网站公开` is inside
/// `政府网站公开数`.
fn first_wording(
    chars: &[char],
    wants: &[Vec<char>],
    lo: usize,
    hi: usize,
) -> Option<(usize, usize, usize)> {
    wants
        .iter()
        .filter_map(|want| loose_find(chars, lo, hi, want))
        .min_by_key(|&(from, to, _)| (from, std::cmp::Reverse(to)))
}

/// How far past a row's label the next row's may start (normalized bytes) in the table's tail.
const TAIL_GAP: usize = 400;

/// Rows after the last row whose wording the text prints whole (pdftotext breaks the old
/// form's last rows with their serials: `（一）召开` `政府信息公` `56 开工作会议 次`): found as
/// in a gap, each close after the one before, never in a sentence.
fn fill_tail(
    text: &str,
    han: &HanStream,
    wants: &[Vec<Vec<char>>],
    mut picked: Vec<Occurrence>,
    ordered: bool,
) -> Vec<Occurrence> {
    let Some(mut last) = picked.last().copied() else {
        return picked;
    };
    let mut taken = vec![false; wants.len()];
    picked.iter().for_each(|o| taken[o.row] = true);
    loop {
        let reach = han.at[last.to - 1] + TAIL_GAP;
        let hi = han.at.partition_point(|&b| b < reach);
        let open = (0..wants.len()).filter(|&r| !taken[r] && (!ordered || r > last.row));
        let found = open
            .flat_map(|row| {
                wants[row].iter().filter_map(move |want| {
                    loose_find(&han.chars, last.to, hi, want).map(|f| (row, f))
                })
            })
            .filter(|(_, (from, to, _))| !in_prose(text, han.range(*from, *to)))
            .min_by_key(|&(row, (from, to, _))| (from, std::cmp::Reverse(to), row));
        let Some((row, found)) = found else {
            return picked;
        };
        taken[row] = true;
        last = Occurrence::loose(row, found);
        picked.push(last);
    }
}

/// The first place in `chars[lo..hi]` holding `want`'s characters in order, with at most
/// [`MAX_INSERTED`] others between them (a few more for a long wording).
pub(super) fn loose_find(
    chars: &[char],
    lo: usize,
    hi: usize,
    want: &[char],
) -> Option<(usize, usize, usize)> {
    (lo..hi).find_map(|p| loose_at(chars, p, hi, want))
}

/// `want`'s characters in order from `chars[p]`, with at most [`MAX_INSERTED`] others between
/// them (a few more for a long wording): (from, to, others).
pub(super) fn loose_at(
    chars: &[char],
    p: usize,
    hi: usize,
    want: &[char],
) -> Option<(usize, usize, usize)> {
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
pub(super) fn extend(
    han: &HanStream,
    rows: &[TemplateRow],
    o: Occurrence,
    hi: usize,
) -> Occurrence {
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
pub(super) fn in_prose(text: &str, core: Range<usize>) -> bool {
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
    // PDF readers print a space between a figure and its unit (`规章 1 件`)
    let after = rest[digits..].trim_start_matches(' ');
    let after = after.trim_start_matches(|c: char| "万元".contains(c));
    digits > 0
        && (after.starts_with(|c: char| "条件次项个人篇名家份期户天".contains(c))
            || after.starts_with(|c: char| "，。；、,;".contains(c)))
}

/// The printed label around a match: back over numbering and `其中:`, on over the rest of the
/// words up to a space, a figure or a tab.
pub(super) fn printed_label(text: &str, core: Range<usize>) -> Range<usize> {
    let numbering = |c: char| {
        c.is_ascii_digit() || "一二三四五六七八九十()（）.、:：其中".contains(c) || c == ','
    };
    let mut start = core.start;
    for (i, c) in text[..core.start].char_indices().rev() {
        // a numbering in a cell of its own (`其中：1、` `网站公开`) is the label's too
        let border = c == '\t' && text[..i].ends_with(numbering);
        if !(numbering(c) || border) || core.start - i > 24 {
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
    start = numbering_on_the_line_before(text, start);
    // a group label's bracket cut from its close (`（三|1、属于国家秘密`, `）不予公开` on the
    // next line) is no numbering of this row: the label starts after that cell
    if let Some(tab) = text[start..core.start].rfind('\t') {
        let cell = &text[start..start + tab];
        if cell.matches('(').count() > cell.matches(')').count() {
            start += tab + 1;
        }
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
    start..close_note(text, core.start, end)
}

/// A label whose wording ends in a note in brackets (`(四)政府信息公开专项经费(不包括用于…
/// 的经费)`), printed on lines of its own after the label (a row of its own in a copy, the
/// unit among its lines in pdftotext): the label runs on to the note's close, so that the row's
/// figures after it are the first after its label. Only a note whose characters are the
/// wording's own, the unit aside, is taken.
fn with_its_note(text: &str, label: Range<usize>, indicator: &Indicator) -> Range<usize> {
    let Some(note) = indicator.note_han() else {
        return label;
    };
    let printed = crate::normalize::han_chars(&text[label.clone()]);
    if printed.ends_with(&note) {
        return label;
    }
    let rest = &text[label.end..];
    let opened = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '|');
    if !opened.starts_with('(') {
        return label;
    }
    let to = crate::source::floor_char_boundary(rest, rest.len().min(400));
    let Some(close) = rest[..to].find(')') else {
        return label;
    };
    let han = crate::normalize::han_chars(&rest[..close]);
    let han = match indicator.unit.is_empty() {
        true => han,
        false => han.replacen(indicator.unit, "", 1),
    };
    match han == note {
        true => label.start..label.end + close + 1,
        false => label,
    }
}

/// Where a label starts whose numbering's digit a PDF reader put on the line before
/// (`2` / `、网上申请数`): at that digit.
fn numbering_on_the_line_before(text: &str, start: usize) -> usize {
    if !text[start..].starts_with(['、', '.']) {
        return start;
    }
    let before = text[..start].trim_end_matches([' ', '\t']);
    let Some(line) = before.strip_suffix('\n') else {
        return start;
    };
    let line_start = line.rfind('\n').map_or(0, |i| i + 1);
    let digit = line[line_start..].trim();
    if (1..=2).contains(&digit.len()) && digit.bytes().all(|b| b.is_ascii_digit()) {
        return line_start + line[line_start..].find(digit).unwrap_or(0);
    }
    start
}

/// The end of a label whose note in brackets wraps onto later lines with the row's figures
/// between (`(二)部分公开(区分处理的,只计这一` `131 6 0 1 2 1 141` `情形,不计其他情形)`): the
/// closing bracket, when no other row's numbering starts a line before it; else `end`. Only
/// the words from `start` count: a group label's `（三` in the cell before the numbering
/// (`（三|1、属于国家秘密|0|…` / `）不予公开|2、…`) closes no note of this row.
fn close_note(text: &str, start: usize, end: usize) -> usize {
    let label = &text[start..end];
    if label.matches('(').count() <= label.matches(')').count() {
        return end;
    }
    let to = crate::source::floor_char_boundary(text, (end + 200).min(text.len()));
    let Some(close) = text[end..to].find(')') else {
        return end;
    };
    let between = &text[end..end + close];
    let numbered = |l: &str| {
        let l = l.trim_start();
        let digits = l.bytes().take_while(u8::is_ascii_digit).count();
        l.starts_with('(') || (digits > 0 && l[digits..].starts_with(['.', '、']))
    };
    if between.contains('(') || between.lines().skip(1).any(numbered) {
        return end;
    }
    end + close + 1
}

/// The old template's value columns: `2013年度` and `历年累计` when the header has both.
pub(super) fn old_columns(doc: &Document, anchors: &[Anchor]) -> &'static [&'static str] {
    let first = anchors.iter().map(|a| a.label.start).min().unwrap_or(0);
    let last = anchors.iter().map(|a| a.label.end).max().unwrap_or(0);
    let text = doc.text();
    let from = crate::source::floor_char_boundary(text, first.saturating_sub(600));
    // pdftotext may print the header's last cells after the label column
    let to = crate::source::floor_char_boundary(text, (last + 400).min(text.len()));
    let zone = &text[from..to];
    let han = crate::normalize::han_chars(zone);
    if !han.contains("累计") {
        return &[];
    }
    let year = header_year(zone).or(doc.year);
    year.and_then(schema::t2008::year_columns).unwrap_or(&[])
}

/// The year printed in a `2013年度` header, possibly broken over lines (`2013` … `年度`).
pub(super) fn header_year(zone: &str) -> Option<u32> {
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
pub(super) fn review_anchor(doc: &Document, after: usize) -> Option<Anchor> {
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
    let header_end = REVIEW_HEADERS
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
        variant: false,
    })
}

/// The heading of the national report's sections after its tables (`五、存在的主要问题及改进情况`,
/// `六、其他需要报告的事项`). pdftotext may print the last figures of table 四 after those
/// short sections, in order or not.
fn after_the_tables(line: &str) -> bool {
    let t = line.trim_start();
    (t.starts_with("五、") || t.starts_with("六、"))
        && ["问题", "改进", "其他需要报告"]
            .iter()
            .any(|w| t.contains(w))
}

/// The start of the first line after `from` that heads the sections after the tables.
pub(super) fn sections_after_tables(doc: &Document, from: usize) -> Option<usize> {
    let first = doc.line_of(from);
    (first + 1..doc.lines.len())
        .find(|&i| after_the_tables(doc.line_text(i)))
        .map(|i| doc.lines[i].start)
}

/// Where the last table's figures end: at the first line of prose after the last row, and
/// never far past it.
pub(super) fn zone_end(doc: &Document, last: usize) -> usize {
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

#[cfg(test)]
mod tests {
    use super::unit_cells;

    /// A unit printed with the row's figure among a wrapped label's lines is a cell; a
    /// wording's last character before a row of seven figures is not.
    #[test]
    fn unit_cells_are_a_unit_and_one_or_two_figures() {
        let text = "2.兼职人员\n       人   36\n数\n开工作会议 次      5\n";
        let cells: Vec<&str> = unit_cells(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(cells, vec!["人", "次"]);
        assert!(unit_cells("8.属于行政查询事\n项\t0\t0\t0\t0\t0\t0\t0\n").is_empty());
        assert!(unit_cells("其中:主要负责同志参加新闻发布会次数 次\n").is_empty());
    }
}
