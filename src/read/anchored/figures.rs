//! The table's figures as tokens: numbers between the table's header and the prose after it,
//! without numberings, years, notes and page markers; empty fields and the blank cells of
//! `-layout` text; glued runs of digits.

use super::types::*;
use crate::normalize::is_han;
use crate::read::grid::{self};
use crate::segment::Document;
use std::ops::Range;

/// Header words a statistics table starts with: figures may stand between them and the first
/// label found (a row whose label pdftotext printed elsewhere).
pub(super) const TABLE_HEADS: &[&str] = &["指标名称", "统计指标"];

/// The start of the lines holding figures only right before `at`'s line: a first row printed
/// with its figures above its label ([`super::align::figures_first`]).
fn figure_lines_before(doc: &Document, at: usize) -> usize {
    let mut line = doc.line_of(at);
    while line > 0 {
        let t = doc.line_text(line - 1);
        let figures = t.split_whitespace().all(|w| {
            w.bytes().any(|b| b.is_ascii_digit())
                && w.bytes().all(|b| b.is_ascii_digit() || b"+-.".contains(&b))
        });
        if !figures {
            break;
        }
        line -= 1;
    }
    doc.lines[line].start.min(at)
}

/// The figures of the tables, in text order, from the table's header (or the first row's
/// label) to `end`.
pub(super) fn tokens(doc: &Document, anchors: &[Anchor], end: usize) -> Vec<Token> {
    let text = doc.text();
    let first = anchors.iter().map(|a| a.label.start).min().unwrap_or(0);
    let from = crate::source::floor_char_boundary(text, first.saturating_sub(600));
    let start = TABLE_HEADS
        .iter()
        .filter_map(|h| text[from..first].rfind(h).map(|i| from + i + h.len()))
        .max()
        .unwrap_or_else(|| figure_lines_before(doc, first));
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
    out.retain(|t| !numbering_alone(doc, t) && !note_count_broken(text, t));
    out.extend(blank_cells(text, anchors, end));
    out.retain(|t| !in_vertical_label(doc, t));
    crate::source::sort_by_place(&mut out, |t| t.range.start);
    // the header `序号` may be printed a character per line
    let header: String = text[from..first]
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    // or its two characters on lines of their own around the other header words (-layout
    // centres them on the header row's height)
    let split_header = {
        let lines: Vec<&str> = text[from..first].lines().map(str::trim).collect();
        lines
            .iter()
            .enumerate()
            .any(|(i, l)| *l == "序" && lines[i + 1..].iter().take(4).any(|m| *m == "号"))
    };
    if header.contains("序号") || split_header {
        drop_serials(doc, &mut out);
    }
    merge_letter_spaced(doc, &mut out);
    merge_glued_runs(text, &mut out);
    out
}

/// Lines of one Han character each, this many at least in a row, show a label letter-spaced
/// in a narrow cell that a PDF reader gave one character per line (PDFium's copy).
const LETTER_SPACED_LABEL: usize = 3;

/// PDFium copies a letter-spaced cell one character per line: a row's figures `37 0 … 37`
/// come out as `3` `7` `0` … `3` `7`, a digit per line, right after the label's characters
/// (`政` `府` `信` `息`), and nothing tells a line break between two cells from one between
/// two digits of a figure. Such a run of single digits is one glued token: it is read where
/// the row's arithmetic leaves one split, and left unread otherwise.
fn merge_letter_spaced(doc: &Document, tokens: &mut Vec<Token>) {
    let alone = |line: usize| doc.line_text(line).trim();
    let single_digit = |t: &Token| {
        t.kind == Tok::Value && t.range.len() == 1 && {
            let line = doc.line_of(t.range.start);
            alone(line).len() == 1
        }
    };
    let after_spaced_label = |line: usize| {
        line >= LETTER_SPACED_LABEL
            && (line - LETTER_SPACED_LABEL..line).all(|l| {
                let mut cs = alone(l).chars();
                cs.next().is_some_and(is_han) && cs.next().is_none()
            })
    };
    let mut out: Vec<Token> = Vec::with_capacity(tokens.len());
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        let line = doc.line_of(t.range.start);
        if !(single_digit(t) && after_spaced_label(line)) {
            out.push(t.clone());
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < tokens.len()
            && single_digit(&tokens[j])
            && doc.line_of(tokens[j].range.start) == line + (j - i)
        {
            j += 1;
        }
        if j - i >= 2 {
            out.push(Token {
                range: t.range.start..tokens[j - 1].range.end,
                kind: Tok::Glued,
            });
        } else {
            out.push(t.clone());
        }
        i = j;
    }
    *tokens = out;
}

/// A row's numbering that a PDF reader put on a line of its own, the words after it on the next
/// (`2` / `、网上申请数`): no figure.
fn numbering_alone(doc: &Document, t: &Token) -> bool {
    let line = doc.line_of(t.range.start);
    let text = doc.text();
    t.kind == Tok::Value
        && doc.line_text(line).trim() == &text[t.range.clone()]
        && t.range.len() <= 2
        && line + 1 < doc.lines.len()
        && {
            let mut next = doc.line_text(line + 1).trim_start().chars();
            matches!(next.next(), Some('、' | '.')) && next.next().is_some_and(is_han)
        }
}

/// A table with a 序号 column numbers its rows 1, 2, 3…: each number first on its line (before
/// the label in -layout text, on a line of its own in pdftotext) and never right after a unit,
/// as the row's figure is. Those numbers are not figures of the rows. A number that is the next
/// serial stands beside a label's words or in the run of its neighbours (`16` `17` `18`); one
/// among figures (`13` `17` `5`, where the serials 17, 18, … follow further on) is a figure.
fn drop_serials(doc: &Document, tokens: &mut Vec<Token>) {
    const MAX_SERIALS_PASSED: u64 = 2;
    let text = doc.text();
    let number = |t: &Token| {
        (t.kind == Tok::Value)
            .then(|| text[t.range.clone()].parse::<u64>().ok())
            .flatten()
    };
    let mut next = 1u64;
    let mut serial = vec![false; tokens.len()];
    for i in 0..tokens.len() {
        let Some(n) = number(&tokens[i]) else {
            continue;
        };
        // a serial the copy left out (or printed elsewhere) is passed over: the next one or
        // two beside a label's words go on with the numbering
        let skipped = n > next && n <= next + MAX_SERIALS_PASSED;
        if !(n == next || skipped) || !stands_as_serial(doc, &tokens[i]) {
            continue;
        }
        if skipped && !beside_words(doc, doc.line_of(tokens[i].range.start)) {
            continue;
        }
        // a row's figure a little above the next serial (`10` then `9` before the next label)
        // is a figure: the serial it would pass over comes right after it
        let expected_next = tokens
            .get(i + 1)
            .is_some_and(|t| number(t) == Some(next) && stands_as_serial(doc, t));
        if skipped && expected_next {
            continue;
        }
        next = n;
        let after_previous = i > 0 && serial[i - 1];
        let before_next = tokens
            .get(i + 1)
            .is_some_and(|t| number(t) == Some(next + 1) && stands_as_serial(doc, t));
        let line = doc.line_of(tokens[i].range.start);
        if after_previous || before_next || beside_words(doc, line) || label_after(text, &tokens[i])
        {
            serial[i] = true;
            next += 1;
        }
    }
    let mut i = 0;
    tokens.retain(|_| {
        i += 1;
        !serial[i - 1]
    });
}

/// A number first on its line and not right after a unit (a row's figure follows its unit).
fn stands_as_serial(doc: &Document, t: &Token) -> bool {
    let text = doc.text();
    let units = crate::read::grid::UNITS;
    let line = doc.line_of(t.range.start);
    let first_on_line = text[doc.lines[line].start..t.range.start].trim().is_empty();
    let after_unit = previous_line(doc, line)
        .is_some_and(|l| units.contains(&l) || units.iter().any(|u| l.ends_with(&format!(" {u}"))));
    first_on_line && (!after_unit || blank_cell_then_row_end(text, t.range.start))
}

/// Whether a cell border, then the end of a row, stand between a number and the text before
/// it (`件` `\t` … `22`): the row's last cell was left blank and the number opens the next
/// row (a web page's copy, cells separated by tabs and rows by runs of line breaks).
fn blank_cell_then_row_end(text: &str, at: usize) -> bool {
    let before = &text[..at];
    let gap = &before[before.trim_end().len()..];
    gap.find('\t')
        .is_some_and(|tab| gap[tab..].contains("\n\n\n"))
}

/// The nearest line before `line` with text on it, trimmed.
fn previous_line<'a>(doc: &'a Document, line: usize) -> Option<&'a str> {
    (0..line)
        .rev()
        .map(|i| doc.line_text(i).trim())
        .find(|l| !l.is_empty())
}

/// Whether a label's words follow the number on its line (`30 其中：涉及国家秘密 件`): pdftotext
/// prints a row's serial on the first line of its label, and a figure never opens a label.
fn label_after(text: &str, t: &Token) -> bool {
    let rest = text[t.range.end..].split('\n').next().unwrap_or("");
    rest.starts_with([' ', '\t']) && rest.trim_start().starts_with(is_han)
}

/// Whether the nearest lines with text before and after `line` hold words (a label's).
fn beside_words(doc: &Document, line: usize) -> bool {
    let words = |l: &str| l.chars().any(is_han);
    let after = (line + 1..doc.lines.len())
        .map(|i| doc.line_text(i).trim())
        .find(|l| !l.is_empty());
    previous_line(doc, line).is_some_and(words) || after.is_some_and(words)
}

/// A `无` first on its line as a character of the group label `（四）无法提供` printed one
/// character per line (`无`, then `法` first on a line below, a row's label and figures maybe
/// between; `-layout` prints the row's figures beside them), not a not-applicable mark.
fn in_vertical_label(doc: &Document, t: &Token) -> bool {
    let text = doc.text();
    if &text[t.range.clone()] != "无" {
        return false;
    }
    let first_word = |i: usize| doc.line_text(i).split_whitespace().next().unwrap_or("");
    let line = doc.line_of(t.range.start);
    if !text[doc.lines[line].start..t.range.start].trim().is_empty() {
        return false;
    }
    // a row's lines may stand between the group label's characters
    const LINES_TO_NEXT: usize = 8;
    (line + 1..(line + 1 + LINES_TO_NEXT).min(doc.lines.len())).any(|i| {
        let next = first_word(i);
        next == "法" || next.starts_with("法提")
    })
}

/// `pdftotext -layout` prints each figure under its column and a blank cell as nothing at all:
/// where a row's one line holds fewer figures than the row has cells, each figure is put under
/// the column whose figures (on the lines of the table's full rows of that width) it stands
/// under, and the columns left over are blank cells.
pub(super) fn with_layout_blanks(
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
            let from = tokens.partition_point(|t| t.range.start < s);
            let to = tokens.partition_point(|t| t.range.start < e).max(from);
            let own: Vec<usize> = (from..to).collect();
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
    // the columns of the nearest full rows of the same width above and below: lines of -layout
    // text start at different places where group labels stand beside some rows only
    let full = |q: usize, w: usize| {
        on_one_line[q]
            .as_ref()
            .filter(|o| widths[q] == w && o.len() == w)
            .map(|o| {
                o.iter()
                    .map(|&k| column_of(&tokens[k]))
                    .collect::<Vec<f64>>()
            })
    };
    let mut blanks = Vec::new();
    for (r, own) in on_one_line.iter().enumerate() {
        let w = widths[r];
        let Some(own) = own.as_ref().filter(|o| w >= 2 && o.len() < w) else {
            continue;
        };
        // the two nearest full rows, above and below where there are both
        let mut above = (0..r).rev().filter_map(|q| full(q, w));
        let mut below = (r + 1..anchors.len()).filter_map(|q| full(q, w));
        let nearest: Vec<Vec<f64>> = match (above.next(), below.next()) {
            (Some(a), Some(b)) => vec![a, b],
            (Some(a), None) => std::iter::once(a).chain(above.next()).collect(),
            (None, Some(b)) => std::iter::once(b).chain(below.next()).collect(),
            (None, None) => Vec::new(),
        };
        // columns set out under one another, or the gaps are a copy's spacing, not columns
        // (PDFium's `1、当面申请数 条  1` under `受理依申开信息总数 条  1   4`)
        if !matches!(&nearest[..], [a, b] if in_columns(a, b)) {
            continue;
        }
        let at: Vec<f64> = own.iter().map(|&k| column_of(&tokens[k])).collect();
        let placings: Vec<Option<Vec<usize>>> = nearest
            .into_iter()
            .map(|centres| place_under(&at, &centres))
            .collect();
        let Some(Some(placed)) = placings.first().cloned() else {
            continue;
        };
        if placings.iter().any(|p| p.as_ref() != Some(&placed)) {
            continue;
        }
        // just before the figure of the next column (on the space there), or after the last
        let blank_at = |c: usize| match placed.iter().position(|&p| p > c) {
            Some(i) => {
                let start = tokens[own[i]].range.start;
                (start > 0 && text.as_bytes()[start - 1] == b' ').then(|| start - 1)
            }
            None => Some(tokens[own[own.len() - 1]].range.end),
        };
        let row: Option<Vec<Token>> = (0..w)
            .filter(|c| !placed.contains(c))
            .map(|c| {
                blank_at(c).map(|at| Token {
                    range: at..at,
                    kind: Tok::Blank,
                })
            })
            .collect();
        blanks.extend(row.into_iter().flatten());
    }
    tokens.extend(blanks);
    crate::source::sort_by_place(&mut tokens, |t| t.range.start);
    tokens
}

/// Whether two full rows' figures stand in the same columns (a character either way).
fn in_columns(a: &[f64], b: &[f64]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| (x - y).abs() <= 1.0)
}

fn min_gap(centres: &[f64]) -> f64 {
    centres
        .windows(2)
        .map(|p| p[1] - p[0])
        .fold(f64::MAX, f64::min)
}

/// The column each figure (by its centre) stands under: the nearest, within half the narrowest
/// gap between columns, each figure in a column further right than the one before.
fn place_under(at: &[f64], centres: &[f64]) -> Option<Vec<usize>> {
    let gap = min_gap(centres);
    let placed: Vec<usize> = at
        .iter()
        .map(|&x| {
            let c = (0..centres.len())
                .min_by(|&a, &b| (centres[a] - x).abs().total_cmp(&(centres[b] - x).abs()))?;
            ((centres[c] - x).abs() <= gap / 2.0).then_some(c)
        })
        .collect::<Option<_>>()?;
    placed.windows(2).all(|q| q[0] < q[1]).then_some(placed)
}

/// Crawler text keeps a space here and there between glued cells (`200 000121`): runs of
/// digits separated by single spaces, one of them run into the words, are one glued token
/// whose spaces are sure cell borders.
pub(super) fn merge_glued_runs(text: &str, tokens: &mut Vec<Token>) {
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

pub(super) fn line_tokens(
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
        } else if c == b'\t' {
            // a note's brackets close in its cell: a group label's `（三` cut from its `）`
            // (`（三|1、属于国家秘密|0|…`) holds none of the row's figures
            depth = 0;
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
        // a note's count is run into its words (`计1条`); a figure standing apart on a note's
        // line is a cell's, `-layout` printing the label's note beside the row's figures
        // (`(不包括政 人    2`)
        let apart = |c: Option<char>| c.is_none_or(char::is_whitespace);
        let in_note =
            depth > 0 && !(apart(line[..s].chars().next_back()) && apart(line[i..].chars().next()));
        if s < from || s >= to || in_note {
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
        // a numbering whose digits a Markdown converter put in a field of their own, its point
        // opening the label's field (`|1|.本机关不掌握…`, `提供<br>2|.没有现成信息…`)
        if numbering_in_its_own_field(rest) {
            continue;
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
        // a digit opening a line of words (`1参加或举办新闻发布会总`, its `.` cut onto another
        // row's line by a converter) is the row's numbering
        if digits.len() == 1 && line[..s].trim().is_empty() && after.is_some_and(is_han) {
            continue;
        }
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

/// What follows a number when it is a label's numbering cut from the label by a field
/// separator (a Markdown `|`, a tab once normalized): the numbering's point, then the label's
/// words.
fn numbering_in_its_own_field(rest: &str) -> bool {
    rest.strip_prefix(['|', '\t'])
        .and_then(|r| r.strip_prefix(['.', '、']))
        .is_some_and(|words| words.starts_with(is_han))
}

/// `计1` `条)`: the note's count (`不同渠道和方式公开相同信息计1条`) with its unit and the
/// note's closing bracket broken onto the next line.
fn note_count_broken(text: &str, t: &Token) -> bool {
    let rest = text[t.range.end..].trim_start_matches([' ', '\r']);
    text[..t.range.start].ends_with('计')
        && rest
            .strip_prefix('\n')
            .is_some_and(|next| unit_then_paren(next.trim_start()))
}

/// `计1条)`: a count inside a note whose parenthesis opened on an earlier line.
pub(super) fn unit_then_paren(rest: &str) -> bool {
    let mut cs = rest.chars();
    matches!(
        (cs.next(), cs.next()),
        (Some(u), Some(')')) if "条件次项个人篇".contains(u)
    )
}

/// A not-applicable mark standing alone (`/`, `—`, `无`, `不适用`) at byte `i` of the line.
pub(super) fn mark_token(line: &str, i: usize) -> Option<Range<usize>> {
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
pub(super) fn blank_cells(text: &str, anchors: &[Anchor], end: usize) -> Vec<Token> {
    // a row's fields start at its label's end, the rest of the label's own cell the first
    // (its numbering may stand in a cell of its own before it: `2、` `政府公报公开`); table 四's
    // anchor is its header, the figures' row after it, from its first cell on
    // (where the row's label starts, where its fields start, whether it has a label cell)
    // in the text's order (anchors start apart)
    let starts: Vec<(usize, usize, bool)> =
        crate::source::by_place(anchors.iter().enumerate().map(|(i, a)| (a.label.start, i)))
            .into_iter()
            .map(|i| &anchors[i])
            .map(|a| match a.indicator.by_label {
                true => (a.label.start, a.label.end, true),
                false => (a.label.start, after_blank_lines(text, a.label.end), false),
            })
            .collect();
    let mut out = Vec::new();
    for (n, &(_, s, labelled)) in starts.iter().enumerate() {
        let e = starts.get(n + 1).map_or(end, |x| x.0).min(text.len());
        let e = leading_cells_start(text, s, e);
        if e <= s {
            continue;
        }
        let window = &text[s..e];
        if !crate::normalize::bordered(window) {
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
        for (k, &(at, f)) in fields.iter().enumerate().skip(usize::from(labelled)) {
            // in a copy of cells holding paragraphs (blank lines around each) a run of three
            // line breaks ends the row: what follows is the next row's first cell (a group
            // label, say), whatever stands before the next label found
            let row_end = f.find("\n\n\n").or_else(|| blank_paragraph_then_more(f));
            let last = k + 1 == fields.len() || row_end.is_some();
            let f = row_end.map_or(f, |end| &f[..end]);
            let t = f.trim();
            // the row's last cell left blank, its line ended, the next row's group label cell
            // after it (a Markdown row `…|0|||` before `|果<br>予<br>公|3、…`)
            let blank_line_then_words = last
                && pure
                && f.split('\n').next().is_some_and(|l| l.trim().is_empty())
                && f.contains('\n')
                && !t.is_empty()
                && !t.chars().any(|c| c.is_ascii_digit());
            if blank_line_then_words {
                out.push(Token {
                    range: at..at,
                    kind: Tok::Blank,
                });
            }
            // table 四's headers printed as fields (a Markdown header over lines:
            // `||||||维<br>持|…`) leave empty fields that are no cells
            let in_a_header = !labelled && words_and_no_figure(text, at);
            if t.is_empty() && !in_a_header {
                if !last || pure {
                    out.push(Token {
                        range: at..at,
                        kind: Tok::Blank,
                    });
                }
            } else if !t.is_empty() && !is_figure_or_unit(t) {
                pure = false;
            }
            if row_end.is_some() {
                break;
            }
        }
    }
    out
}

/// Whether the line holding `at` has words and no figure: a header's line, whose empty fields
/// are no cells.
fn words_and_no_figure(text: &str, at: usize) -> bool {
    let line = crate::source::line_at(text, at);
    line.chars().any(is_han) && !line.chars().any(|c| c.is_ascii_digit())
}

/// The cells that open the next row's line before its label (a group label's column, vacant
/// on that row: `||1.属于国家秘密|0|…`, or holding the last character of a group label typed
/// one per line: `不|2、其他法律…`) are that row's, not cells of the row before: its fields end
/// where that line starts. Cells with a figure are no group label's.
fn leading_cells_start(text: &str, from: usize, next_label: usize) -> usize {
    if next_label <= from {
        return next_label;
    }
    let line_start = text[..next_label].rfind('\n').map_or(0, |i| i + 1);
    let leading = &text[line_start.max(from)..next_label];
    let cut = numbering_cut_before(text, leading, next_label);
    let cells = match cut {
        Some(cells) => cells,
        None => leading,
    };
    let ends_a_field = cells.trim_end_matches(' ').ends_with(['\t', '|']);
    if line_start > from
        && (ends_a_field || cut.is_some_and(str::is_empty))
        && !cells.chars().any(|c| c.is_ascii_digit())
    {
        line_start
    } else {
        next_label
    }
}

/// The cells before a row's label without the label's numbering, when a converter cut the
/// numbering into a field of its own (`1|.本机关不掌握…`; the label found from its separator
/// or from its point): the numbering is no figure of the row before.
fn numbering_cut_before<'t>(text: &str, leading: &'t str, label: usize) -> Option<&'t str> {
    let numbering = leading.strip_suffix(['\t', '|']).unwrap_or(leading);
    let cells = numbering.trim_end_matches(|c: char| c.is_ascii_digit());
    let after_digits = label - (leading.len() - numbering.len());
    let cut = cells.len() < numbering.len() && numbering_in_its_own_field(&text[after_digits..]);
    cut.then_some(cells)
}

/// Where the text after `at` starts once the line breaks right after it are passed.
fn after_blank_lines(text: &str, at: usize) -> usize {
    let rest = &text[at.min(text.len())..];
    let blank = rest.len() - rest.trim_start_matches([' ', '\n']).len();
    // back to the start of the line holding the first words: a blank cell is its spaces
    at + rest[..blank].rfind('\n').map_or(0, |i| i + 1)
}

/// In a copy of cells holding paragraphs, a field whose first paragraph is blank (a cell's
/// `&nbsp;`) and which goes on to other paragraphs (the heading after the table): the cell
/// ends after that blank paragraph.
fn blank_paragraph_then_more(f: &str) -> Option<usize> {
    let lead = f.len() - f.trim_start_matches('\n').len();
    if lead < 2 {
        return None;
    }
    let rest = &f[lead..];
    let end = rest.find("\n\n")?;
    (rest[..end].trim().is_empty() && !rest[end..].trim().is_empty()).then_some(lead + end)
}

pub(super) fn is_figure_or_unit(t: &str) -> bool {
    matches!(
        grid::classify(t),
        grid::CellClass::Value | grid::CellClass::Unit
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figures_of(line: &str) -> Vec<&str> {
        let mut out = Vec::new();
        line_tokens(line, 0, 0, line.len(), None, &mut out);
        out.iter().map(|t| &line[t.range.clone()]).collect()
    }

    /// A note's figures in brackets are no cells (`(不同渠道…计1条)`), but a bracket opened
    /// in a cell of its own (a group label's `（三` cut from its `）`) ends with that cell.
    #[test]
    fn brackets_close_in_their_cell() {
        assert_eq!(figures_of("(三\t1、属于国家秘密\t0\t\t3\t"), vec!["0", "3"]);
        assert_eq!(figures_of("主动公开(不同渠道计1条)\t12"), vec!["12"]);
    }

    /// `-layout` prints a label's note beside the row's figures: a figure standing apart on the
    /// note's line is a cell's; one run into the note's words is the note's.
    #[test]
    fn a_figure_apart_on_a_notes_line_is_a_cell() {
        assert_eq!(figures_of("(不包括政 人    2"), vec!["2"]);
        assert_eq!(
            figures_of("(区分处理的,只计这一情形,不 1  2  0  0  0  0  3"),
            vec!["1", "2", "0", "0", "0", "0", "3"]
        );
        assert_eq!(
            figures_of("(不同渠道和方式公开相同信息计1条)"),
            Vec::<&str>::new()
        );
    }

    /// `-layout` prints the group label `（四）无法提供` a character per line beside the rows:
    /// its `无` first on a line of figures is no not-applicable mark.
    #[test]
    fn a_vertical_labels_character_beside_figures_is_no_mark() {
        let in_label = |text: &str| {
            let doc = Document::new(text);
            let at = doc.text().find('无').unwrap();
            let t = Token {
                range: at..at + '无'.len_utf8(),
                kind: Tok::Value,
            };
            in_vertical_label(&doc, &t)
        };
        assert!(in_label(
            " ）\n     2、没有现成信息需要\n 无              0         0   0\n     另行制作\n 法\n"
        ));
        // pdftotext: a row's label and figure between the label's characters
        assert!(in_label(
            ")\n无\n\n2、没有现成信息需要\n0\n另行制作\n\n法\n提\n"
        ));
        assert!(!in_label("行政强制 无 0 0\n 法\n"));
    }

    /// The note's count with its unit broken onto the next line (`计1` `条)`) is no figure;
    /// a figure after `合计` with more on its line, or a unit not closing a note, is one.
    #[test]
    fn a_notes_count_broken_over_lines_is_no_figure() {
        let token = |at: usize| Token {
            range: at..at + 1,
            kind: Tok::Value,
        };
        let text = "开相同信息计1\n条)\n";
        assert!(note_count_broken(text, &token(text.find('1').unwrap())));
        let text = "合计1\n条\n";
        assert!(!note_count_broken(text, &token(text.find('1').unwrap())));
        let text = "合计1 2\n条)\n";
        assert!(!note_count_broken(text, &token(text.find('1').unwrap())));
    }
}
