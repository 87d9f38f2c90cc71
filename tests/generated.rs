//! The generalization test (issue 20, item 6): reports written by `scripts/gen/make_reports.py`
//! in the three template families, with random figures, labels and markup and at most one
//! defect each, rendered by `render_all.py` into seven renderings (Chromium's text, pdftotext
//! with and without -layout, PDFium, MuPDF, PDF-to-Markdown, and the PDF file itself), committed
//! under `tests/fixtures/generated` with their gold (`seeds.gold.json`, the format of
//! `shared/eval/score.py`). See docs/generated.md.
//!
//! Property, per rendering: no gold cell is read with a value other than the gold's (matched as
//! `shared/eval/wrong.py` matches, except that a row the report names unread is unread), every defect of the gold's `must` is found (matched as
//! score.py matches) or its row is named by a `table-incomplete` or `row-unreadable` finding,
//! and no error-severity finding names anything but a defect of the gold. The .pdf is read as the
//! CLI reads it (`files::open`), each text as the CLI reads a .txt.

use regex::Regex;
use serde_json::{Map, Value};
use std::sync::OnceLock;

const COMMITTED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/generated");

/// The folder judged: the committed set, or a fresh one (`make generated` sets
/// `NIANBAO_GENERATED` to the folder it made, so the same property is judged beyond the set).
fn dir() -> String {
    std::env::var("NIANBAO_GENERATED").unwrap_or_else(|_| COMMITTED.to_string())
}

/// How one rendering of one report was read, against its gold.
#[derive(Default)]
struct Outcome {
    name: String,
    right: usize,
    wrong: usize,
    unread: usize,
    defects: usize,
    found: usize,
    admitted: usize,
    missed: Vec<String>,
    false_errors: Vec<String>,
    wrong_cells: Vec<String>,
}

impl Outcome {
    fn holds(&self) -> bool {
        self.wrong == 0 && self.missed.is_empty() && self.false_errors.is_empty()
    }

    /// The rendering's kind: `web.txt`, `pdflayout.txt`, `pdf`, …
    fn kind(&self) -> &str {
        self.name.split_once('.').map_or("", |(_, k)| k)
    }
}

#[test]
fn generated_reports_read_right_in_every_rendering() {
    let dir = dir();
    let gold: Map<String, Value> =
        serde_json::from_str(&std::fs::read_to_string(format!("{dir}/seeds.gold.json")).unwrap())
            .unwrap();
    assert!(
        dir != COMMITTED || gold.len() >= 30 * 7,
        "the committed set holds {} renderings",
        gold.len()
    );
    let outcomes: Vec<Outcome> = gold.iter().map(|(name, g)| judge(name, g)).collect();
    let table = by_kind(&outcomes);
    eprintln!("{table}");
    let failing: Vec<&Outcome> = outcomes.iter().filter(|o| !o.holds()).collect();
    let wrong: usize = outcomes.iter().map(|o| o.wrong).sum();
    // The property: no cell read wrong, every defect found or admitted, no false error.
    assert!(
        failing.is_empty() && wrong == 0,
        "{} of {} renderings break the property, {wrong} cells read wrong\n{table}\n{}",
        failing.len(),
        outcomes.len(),
        failing.iter().map(|o| describe(o)).collect::<String>()
    );
}

// ---- reading one rendering --------------------------------------------------------------------

fn judge(name: &str, gold: &Value) -> Outcome {
    let bytes = std::fs::read(format!("{}/{name}", dir())).unwrap();
    let opened = nianbao::files::open(name, &bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
    let report = nianbao::check_with_tables(&opened.text, &opened.tables);
    let mut o = Outcome {
        name: name.to_string(),
        ..Outcome::default()
    };
    score_cells(&mut o, &report, gold);
    score_defects(&mut o, &report, gold, &opened.text);
    o
}

/// wrong.py: a gold cell is right when its value is among the values read for it, wrong when
/// values were read for it but not its value, unread when none was. One difference: a row the
/// report names unread (`table-incomplete`'s `rows`) and reads no cell of is unread, where
/// wrong.py matches its label's core inside another row's (`其他` in `2.其他法律行政法规禁止
/// 公开`) or in a column's (`总计` in `行政复议-总计`) and counts that row's figures as its own.
fn score_cells(o: &mut Outcome, report: &nianbao::Report, gold: &Value) {
    let got: Vec<(String, String, Option<f64>)> = report
        .cells
        .iter()
        .map(|c| {
            let column = c.column.as_deref().unwrap_or("");
            (core(&c.label), core(column), c.value)
        })
        .collect();
    let named_unread: Vec<String> = report
        .findings
        .iter()
        .flat_map(|f| f.rows.iter().map(|r| core(r)))
        .collect();
    let cells = gold["cells"].as_array().unwrap();
    let key = |g: &Value| {
        let column = g["column"].as_str().unwrap_or("");
        (core(g["label"].as_str().unwrap()), core(column))
    };
    let keys: Vec<(String, String)> = cells.iter().map(key).collect();
    for g in cells {
        let label = g["label"].as_str().unwrap();
        let column = g["column"].as_str().unwrap_or("");
        let (gl, gc) = key(g);
        let mut values = values_read(&gl, &gc, &got, &named_unread);
        if values.is_empty() && !named_unread.contains(&gl) {
            values = read_under_its_row(&gl, &gc, report);
        }
        let value = g["value"].as_f64();
        // a wording the form prints twice (`（三）其他情形数` under 行政复议 and 行政诉讼), one
        // of the two named unread: the one read is the other's
        let printed = keys
            .iter()
            .filter(|k| **k == (gl.clone(), gc.clone()))
            .count();
        let read = got.iter().filter(|(l, c, _)| *l == gl && *c == gc).count();
        if printed > read && named_unread.contains(&gl) && !values.contains(&value) {
            values.clear();
        }
        if values.contains(&value) {
            o.right += 1;
        } else if values.is_empty() {
            o.unread += 1;
        } else {
            o.wrong += 1;
            o.wrong_cells
                .push(format!("{label} / {column} = {value:?}, read {values:?}"));
        }
    }
}

/// The values read for the gold cell (gl, gc) under its row's id where no cell's label names
/// it: a label printed run into another row's wording (`信息数主动公开食品安全标准…`) is matched
/// by neither wrong.py nor score.py, yet its figure is shown as the row's.
fn read_under_its_row(gl: &str, gc: &str, report: &nianbao::Report) -> Vec<Option<f64>> {
    let ids: Vec<&str> = nianbao::schema::indicators()
        .filter(|i| i.labels.iter().any(|l| core(l) == gl))
        .map(|i| i.id)
        .collect();
    report
        .cells
        .iter()
        .filter(|c| ids.contains(&c.indicator.as_str()))
        .filter(|c| core(c.column.as_deref().unwrap_or("")) == gc)
        .map(|c| c.value)
        .collect()
}

/// The values read for the gold cell (gl, gc), matched as wrong.py matches, none for a row
/// named unread of which no cell was read under its own label.
fn values_read(
    gl: &str,
    gc: &str,
    got: &[(String, String, Option<f64>)],
    named_unread: &[String],
) -> Vec<Option<f64>> {
    let own_label_read = got.iter().any(|(l, _, _)| l == gl);
    if named_unread.iter().any(|r| r == gl) && !own_label_read {
        return Vec::new();
    }
    got.iter()
        .filter(|(l, c, _)| names_cell(gl, gc, l, c))
        .map(|(_, _, v)| *v)
        .collect()
}

/// An unread row named unread is unread, not another row's figures; an unread row not named
/// unread, or a row read under its own label, is matched as wrong.py matches.
#[test]
fn a_row_named_unread_is_not_matched_to_another_rows_cells() {
    let got = vec![
        (
            "其他法律行政法规禁止公开".to_string(),
            "自然人".to_string(),
            Some(7.0),
        ),
        (
            "行政复议、行政诉讼".to_string(),
            "行政复议-总计".to_string(),
            Some(9.0),
        ),
    ];
    let named = vec!["其他".to_string(), "总计".to_string()];
    assert!(values_read("其他", "自然人", &got, &named).is_empty());
    assert!(values_read("总计", "总计", &got, &named).is_empty());
    assert_eq!(values_read("其他", "自然人", &got, &[]), vec![Some(7.0)]);
    assert_eq!(values_read("总计", "总计", &got, &[]), vec![Some(9.0)]);
    let mut read_too = got.clone();
    read_too.push(("其他".to_string(), "自然人".to_string(), Some(57.0)));
    assert_eq!(values_read("其他", "自然人", &read_too, &named).len(), 2);
}

/// wrong.py's (and score.py's) test that a cell read (label l, column c) is the gold cell
/// (gl, gc); a two-level header may be flattened into the label or into the column.
fn names_cell(gl: &str, gc: &str, l: &str, c: &str) -> bool {
    let label = gl == l || l.contains(gl) || (!gc.is_empty() && c.contains(gl));
    let column =
        gc.is_empty() || gc == c || (c.ends_with(gc) && (c.contains(gl) || l.contains(gl)));
    label && column
}

fn score_defects(o: &mut Outcome, report: &nianbao::Report, gold: &Value, text: &str) {
    let findings: Vec<(&nianbao::Finding, String)> = report
        .findings
        .iter()
        .map(|f| (f, serde_json::to_string(f).unwrap()))
        .collect();
    let must = gold["must"].as_array().unwrap();
    for m in must {
        o.defects += 1;
        if findings.iter().any(|(f, blob)| finds(f, blob, m, text)) {
            o.found += 1;
        } else if findings.iter().any(|(f, blob)| admits(f, blob, m, text)) {
            o.admitted += 1;
        } else {
            o.missed.push(m["about"].as_str().unwrap_or("").to_string());
        }
    }
    for (f, blob) in &findings {
        if f.severity == nianbao::Severity::Error && !must.iter().any(|m| finds(f, blob, m, text)) {
            o.false_errors.push(format!("{}: {}", f.code, f.message));
        }
    }
}

/// score.py: the finding has the defect's code (or one naming the same arithmetic defect), says
/// its numbers, and names its row in its text or at the place it points to.
fn finds(f: &nianbao::Finding, blob: &str, m: &Value, text: &str) -> bool {
    let code = m["code"].as_str().unwrap();
    if code == "blank-value" && whole_columns_blank(f, m["about"].as_str().unwrap_or("")) {
        return true;
    }
    let numbers = m["numbers"].as_array().map_or(&[][..], |n| n.as_slice());
    same_code(f.code, code)
        && numbers.iter().all(|n| blob.contains(&n.to_string()))
        && names_label(f, blob, m, text)
}

/// The defect's row named unread, or its total named untested (`sum-unchecked`: a part
/// unread): the defect cannot be checked, and the output says so.
fn admits(f: &nianbao::Finding, blob: &str, m: &Value, text: &str) -> bool {
    matches!(
        f.code,
        "table-incomplete" | "row-unreadable" | "sum-unchecked"
    ) && names_label(f, blob, m, text)
}

fn names_label(f: &nianbao::Finding, blob: &str, m: &Value, text: &str) -> bool {
    match m["label_has"].as_str() {
        Some(label) => blob.contains(label) || finding_names(f, blob, label, text),
        None => true,
    }
}

/// score.py's SAME_DEFECT: a total that differs from the sum of its parts may be reported as
/// either code.
fn same_code(got: &str, want: &str) -> bool {
    let arithmetic = ["sum-mismatch", "part-exceeds-whole"];
    got == want || (arithmetic.contains(&want) && arithmetic.contains(&got))
}

/// score.py's `finding_names`: the label's core in the finding, or within 200 characters of a
/// place it points to (from the start of that place's line).
fn finding_names(f: &nianbao::Finding, blob: &str, label: &str, text: &str) -> bool {
    let c = core(label);
    if c.is_empty() {
        return false;
    }
    if norm(blob).contains(&c) {
        return true;
    }
    f.spans.iter().any(|s| {
        let at = s.start;
        if at > text.len() || !text.is_char_boundary(at) {
            return false;
        }
        let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
        norm(window(text, line_start, at)).contains(&c)
    })
}

/// text[line_start − 200 chars .. at + 200 chars], as score.py slices its string.
fn window(text: &str, line_start: usize, at: usize) -> &str {
    let from = text[..line_start]
        .char_indices()
        .rev()
        .nth(199)
        .map_or(0, |(i, _)| i);
    let to = text[at..]
        .char_indices()
        .nth(200)
        .map_or(text.len(), |(i, _)| at + i);
    &text[from..to]
}

/// score.py's `whole_columns_blank`: one blank-value finding naming whole columns (整列未填写)
/// covers the blank cells of those columns.
fn whole_columns_blank(f: &nianbao::Finding, about: &str) -> bool {
    static COLUMNS: OnceLock<Regex> = OnceLock::new();
    let re = COLUMNS.get_or_init(|| Regex::new(r"column\(s\) ([^:;,]+)").unwrap());
    let Some(m) = re.captures(about) else {
        return false;
    };
    f.code == "blank-value"
        && f.message.contains("整列")
        && m[1].trim().split('/').all(|c| f.message.contains(c))
}

/// score.py's `norm`: no whitespace or `|`, half-width punctuation.
fn norm(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && *c != '|')
        .map(|c| match c {
            '（' => '(',
            '）' => ')',
            '：' => ':',
            '，' | '、' => ',',
            '“' | '”' => '"',
            '；' => ';',
            '．' => '.',
            c => c,
        })
        .collect()
}

/// score.py's `core`: the label without numbering, 其中 or a parenthesised note.
fn core(label: &str) -> String {
    static NUMBERING: OnceLock<Regex> = OnceLock::new();
    static NOTE: OnceLock<Regex> = OnceLock::new();
    let numbering = NUMBERING.get_or_init(|| {
        Regex::new(r"^(其中:)?([一二三四五六七八九十]+,|\([一二三四五六七八九十]+\)|\d+\.)?")
            .unwrap()
    });
    let note = NOTE.get_or_init(|| Regex::new(r"\(.*?\)").unwrap());
    let s = norm(label);
    let s = numbering.replace(&s, "");
    note.replace_all(&s, "").replace("其中:", "")
}

// ---- what a developer sees --------------------------------------------------------------------

/// Per rendering kind: cells right / wrong / unread, defects found / admitted (their row said
/// unread) / missed, false errors, and renderings that break the property.
fn by_kind(outcomes: &[Outcome]) -> String {
    let mut kinds: Vec<&str> = outcomes.iter().map(|o| o.kind()).collect();
    kinds.sort();
    kinds.dedup();
    let mut out = String::from(
        "rendering       right  wrong unread defects  found admitted missed  false  failing\n",
    );
    for kind in kinds {
        let of: Vec<&Outcome> = outcomes.iter().filter(|o| o.kind() == kind).collect();
        let sum = |f: fn(&Outcome) -> usize| of.iter().map(|o| f(o)).sum::<usize>();
        out += &format!(
            "{:<14} {:>6} {:>6} {:>6} {:>7} {:>6} {:>8} {:>6} {:>6} {:>5}/{:<3}\n",
            kind,
            sum(|o| o.right),
            sum(|o| o.wrong),
            sum(|o| o.unread),
            sum(|o| o.defects),
            sum(|o| o.found),
            sum(|o| o.admitted),
            sum(|o| o.missed.len()),
            sum(|o| o.false_errors.len()),
            of.iter().filter(|o| !o.holds()).count(),
            of.len()
        );
    }
    out
}

fn describe(o: &Outcome) -> String {
    let mut s = format!(
        "{}: right {} wrong {} unread {}; defects {} found {} admitted {}\n",
        o.name, o.right, o.wrong, o.unread, o.defects, o.found, o.admitted
    );
    for w in o.wrong_cells.iter().take(20) {
        s += &format!("    wrong  {w}\n");
    }
    for m in o.missed.iter().take(3) {
        s += &format!("    missed {m}\n");
    }
    for e in o.false_errors.iter().take(3) {
        s += &format!("    false  {e}\n");
    }
    s
}
