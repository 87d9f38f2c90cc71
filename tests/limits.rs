//! Stress inputs: whatever is pasted, the answer is bounded. These tests count what comes out
//! (rows, cells, findings, facts, bytes kept), never wall-clock time, so they do not flake on
//! a busy machine; `make bench` reports the timings and their growth.

use nianbao::{check, segment, Report, MAX_INPUT_BYTES};

const SEEDS: &[&str] = &[
    include_str!("fixtures/seeds/000_366342cbf84bbc5f.txt"),
    include_str!("fixtures/seeds/001_c2e2148ac72f28cc.txt"),
    include_str!("fixtures/seeds/002_0862542e542952c6.txt"),
    include_str!("fixtures/seeds/003_29acd3a32e0cbf6b.txt"),
    include_str!("fixtures/seeds/004_dee59eab6807008a.txt"),
];

/// Every indicator of every template: no report can have more cells than their columns.
fn max_cells() -> usize {
    nianbao::schema::indicators()
        .map(|i| i.columns.names().len().max(1))
        .sum()
}

fn repeated(piece: &str, bytes: usize) -> String {
    piece.repeat(bytes / piece.len() + 1)
}

fn truncation(r: &Report) -> Option<&nianbao::Finding> {
    r.findings.iter().find(|f| f.code == "input-truncated")
}

#[test]
fn a_20_mb_paste_is_checked_on_its_first_5_mb() {
    let text = repeated(&SEEDS.concat(), 20 << 20);
    let r = check(&text);
    let f = truncation(&r).expect("input-truncated finding");
    let cut = f.spans[0].start;
    assert!(
        cut <= MAX_INPUT_BYTES && cut > MAX_INPUT_BYTES / 2,
        "cut at {cut}"
    );
    assert_eq!(&text[cut - 1..cut], "\n", "cut after a line");
    assert!(f.message.contains("5 MB"), "{}", f.message);
    // nothing is read past the cut
    let spans = r
        .cells
        .iter()
        .map(|c| c.span)
        .chain(r.facts.iter().map(|f| f.span));
    assert!(spans.into_iter().all(|s| s.end <= cut));
    assert!(r.cells.len() <= max_cells(), "{} cells", r.cells.len());
}

#[test]
fn one_huge_line_is_cut_between_characters() {
    let text = repeated("统计指标😀12件", MAX_INPUT_BYTES + 1000);
    let r = check(&text);
    let cut = truncation(&r).expect("truncated").spans[0].start;
    assert!(text.is_char_boundary(cut) && cut <= MAX_INPUT_BYTES);
    assert!(r.findings.len() <= 2, "{:?}", r.findings);
}

#[test]
fn a_text_at_the_limit_is_checked_whole() {
    let text = repeated("本机关依法公开政府信息。\n", MAX_INPUT_BYTES);
    let text = &text[..MAX_INPUT_BYTES - MAX_INPUT_BYTES % 37];
    assert!(truncation(&check(text)).is_none());
}

#[test]
fn a_million_separator_lines_give_a_bounded_answer() {
    let text = "|\n".repeat(1_000_000);
    let r = check(&text);
    assert!(r.cells.is_empty());
    assert!(r.findings.len() <= 3, "{:?}", r.findings);
    let json = serde_json::to_string(&r.into_utf16(&text)).unwrap();
    assert!(json.len() < 2_000, "{} bytes of JSON", json.len());
}

#[test]
fn rows_stay_few_and_narrow_whatever_the_layout() {
    for text in [
        "1\t".repeat(500_000),                     // one row of half a million cells
        "统计指标\n单位\n统计数\n".repeat(50_000), // header words only
        "(1)收到申请数\n".repeat(50_000),          // one endless label
        "|\n0\n".repeat(200_000),                  // a stream of figures
    ] {
        let doc = segment::Document::new(&text);
        for t in nianbao::read::grid::tables(&doc) {
            assert!(t.rows.iter().all(|r| r.values.len() <= 64));
            assert!(t.rows.len() <= doc.lines.len());
        }
        let r = check(&text);
        assert!(r.cells.len() <= max_cells());
        assert!(r.findings.len() <= 5, "{:?}", r.findings);
    }
}

#[test]
fn many_reports_pasted_together_give_bounded_findings() {
    let one = check(&SEEDS.concat()).findings.len();
    let many = check(&repeated(&SEEDS.concat(), 4 << 20));
    // a figure stated in every copy is one fact each time, but the findings do not multiply
    assert!(
        many.findings.len() <= 4 * one.max(25),
        "{} findings for 4 MB, {one} for one copy",
        many.findings.len()
    );
    assert!(many.cells.len() <= max_cells());
}

#[test]
fn numbers_of_every_shape_are_values_or_bad_numbers() {
    let base = include_str!("fixtures/rules/base2008.txt");
    for (raw, bad) in [
        ("99999999999999999999", false), // absurd but a whole count: no overflow
        ("12345678901234567890123456789012345", false),
        ("１２", false),
        ("—", false),
        ("/", false),
        ("无", false),
        ("-3", true),
        ("1.5", true),
        ("1e5", true),
        ("1e400", true),
        ("约5", true),
    ] {
        let text = base.replacen(
            "1.当面申请数\t件\t1",
            &format!("1.当面申请数\t件\t{raw}"),
            1,
        );
        let r = check(&text);
        let cell = r
            .cells
            .iter()
            .find(|c| c.indicator == "apply.in_person")
            .unwrap_or_else(|| panic!("{raw}: cell not read"));
        assert!(
            cell.value.is_none_or(f64::is_finite),
            "{raw}: {:?}",
            cell.value
        );
        let flagged = r
            .findings
            .iter()
            .any(|f| f.code == "bad-number" && f.spans.contains(&cell.span));
        assert_eq!(flagged, bad, "{raw}: {cell:?}");
    }
}
