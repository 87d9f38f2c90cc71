//! Property tests: `check` answers every input without panicking, with spans inside the text
//! on character boundaries (and between UTF-16 pairs once converted), and non-empty.
//!
//! `make test` runs a short pass with a fixed seed. `make fuzz` runs the same properties long:
//! `NIANBAO_FUZZ_CASES` is the number of cases over all properties (default 40,000), and
//! `NIANBAO_FUZZ_SEED` a number, or `random` for a new seed each run (default fixed).

use proptest::prelude::*;
use proptest::test_runner::RngSeed;

/// The properties below; each runs an equal share of the cases.
const PROPERTIES: u32 = 5;

fn config() -> ProptestConfig {
    let total: u32 = std::env::var("NIANBAO_FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(40_000);
    let rng_seed = match std::env::var("NIANBAO_FUZZ_SEED").ok().as_deref() {
        Some("random") => RngSeed::Random,
        Some(n) => n.parse().unwrap_or(RngSeed::Fixed(20_261_125)),
        None => RngSeed::Fixed(20_261_125),
    };
    ProptestConfig {
        cases: total.div_ceil(PROPERTIES),
        failure_persistence: None,
        rng_seed,
        ..ProptestConfig::default()
    }
}

const SEEDS: &[&str] = &[
    include_str!("fixtures/seeds/000_366342cbf84bbc5f.txt"),
    include_str!("fixtures/seeds/001_c2e2148ac72f28cc.txt"),
    include_str!("fixtures/seeds/002_0862542e542952c6.txt"),
    include_str!("fixtures/seeds/003_29acd3a32e0cbf6b.txt"),
    include_str!("fixtures/seeds/004_dee59eab6807008a.txt"),
];

/// Pieces pasted reports are made of, and the odd things users paste.
const TOKENS: &[&str] = &[
    "\t",
    "\n",
    "|",
    " ",
    "\u{a0}",
    "\u{3000}",
    "\r\n",
    "（一）",
    "一、",
    "1.",
    "1、",
    "其中：",
    "件",
    "条",
    "万元",
    "元",
    "0",
    "3",
    "12",
    "-3",
    "1.5",
    "1e5",
    "99999999999999999999",
    "１２",
    "—",
    "/",
    "无",
    "不适用",
    "%",
    "34%",
    "收到申请数",
    "申请答复数",
    "申请办结数",
    "总计",
    "自然人",
    "（七）总计",
    "本年新收政府信息公开申请数量",
    "统计指标",
    "单位",
    "统计数",
    "年度报告",
    "2017年",
    "政府信息公开",
    "😀",
    "\u{200b}",
    "[bookmark: _GoBack]",
    "，",
    "。",
    "640020470",
    "- 5 -",
    "三",
    "、",
    "（三）不予",
    "公开",
    "1,234",
    "\u{feff}",
    "１２",
    "1.",
    "０",
    "−5",
    "1e400",
    "0.000001",
    "12345678901234567890123456789",
    "6400204701234567",
    "\t\t\t",
    "|\n",
    "占总数的30.79%",
    "共收到申请",
    "件，",
    "行政复议",
    "（二）",
    "二、",
    "附件",
];

/// What a statistics cell may hold: figures of every shape, dashes, words.
const VALUES: &[&str] = &[
    "0",
    "7",
    "12",
    "99999999999999999999",
    "-3",
    "+4",
    "1.5",
    "1e5",
    "1E5",
    "１２",
    "—",
    "——",
    "-",
    "/",
    "无",
    "不适用",
    "",
    " ",
    "约5",
    "5件",
    "0元",
    "3%",
    "1.2.3",
    "..",
    "1,234",
    "1，234",
    "NaN",
    "inf",
    "0x10",
    "١٢",
    "😀",
    "12345678901234567890123456789012345",
];

const BASE_2008: &str = include_str!("fixtures/rules/base2008.txt");

fn assert_well_formed(text: &str) {
    assert_report_well_formed(text, nianbao::check(text));
}

fn assert_report_well_formed(text: &str, report: nianbao::Report) {
    let units: Vec<u16> = text.encode_utf16().collect();
    let between_pairs =
        |u: usize| u == 0 || u >= units.len() || !(0xDC00..0xE000).contains(&units[u]);
    let check = |s: nianbao::Span, what: &str| {
        assert!(
            s.start <= s.end && s.end <= text.len(),
            "{what} span {s:?} outside the text"
        );
        assert!(
            text.is_char_boundary(s.start) && text.is_char_boundary(s.end),
            "{what} span {s:?} splits a character"
        );
    };
    for c in &report.cells {
        check(c.span, "cell");
        assert!(
            c.value.is_none_or(f64::is_finite),
            "cell value {:?}",
            c.value
        );
    }
    for f in &report.facts {
        check(f.span, "fact");
        assert!(f.value.is_finite(), "fact value {}", f.value);
    }
    for f in &report.findings {
        for s in &f.spans {
            check(*s, f.code);
            assert!(!s.is_empty(), "{} has an empty span", f.code);
        }
    }
    serde_json::to_string(&report).expect("the report serializes");
    let utf16 = report.into_utf16(text);
    for f in &utf16.findings {
        for s in &f.spans {
            assert!(s.end <= units.len(), "{}: utf16 span past the end", f.code);
            assert!(
                between_pairs(s.start) && between_pairs(s.end),
                "{}: utf16 span {s:?} splits a surrogate pair",
                f.code
            );
        }
    }
}

/// The 2008 fixture with the figure of every row replaced by `values` (cycled).
fn with_values(values: &[usize]) -> String {
    let mut k = 0;
    BASE_2008
        .lines()
        .map(|line| match line.rsplit_once('\t') {
            Some((head, last)) if last.bytes().all(|b| b.is_ascii_digit()) && !last.is_empty() => {
                k += 1;
                format!(
                    "{head}\t{}",
                    VALUES[values[k % values.len()] % VALUES.len()]
                )
            }
            _ => line.to_string(),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn mutate(seed: &str, cuts: &[(usize, usize, usize)]) -> String {
    let chars: Vec<char> = seed.chars().collect();
    let mut out = String::new();
    let mut pos = 0;
    for &(at, drop, token) in cuts {
        let at = at % (chars.len() + 1);
        if at < pos {
            continue;
        }
        out.extend(&chars[pos..at]);
        out.push_str(TOKENS[token % TOKENS.len()]);
        pos = (at + drop % 40).min(chars.len());
    }
    out.extend(&chars[pos..]);
    out
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn token_soup_never_panics(tokens in proptest::collection::vec(0usize..TOKENS.len(), 0..400)) {
        let text: String = tokens.iter().map(|&t| TOKENS[t]).collect();
        assert_well_formed(&text);
    }

    #[test]
    fn mutated_reports_never_panic(seed in 0usize..SEEDS.len(), mut cuts in proptest::collection::vec((0usize..30000, 0usize..200, 0usize..1000), 0..30)) {
        cuts.sort_unstable();
        assert_well_formed(&mutate(SEEDS[seed], &cuts));
    }

    #[test]
    fn arbitrary_text_never_panics(text in "(?s).{0,400}") {
        assert_well_formed(&text);
    }

    /// Any figure in a cell is a number, a blank, not applicable, or text that `bad-number`
    /// flags; none overflows or goes unreported.
    #[test]
    fn odd_figures_are_values_or_bad_numbers(values in proptest::collection::vec(0usize..1000, 1..60)) {
        let text = with_values(&values);
        let report = nianbao::check(&text);
        for c in &report.cells {
            if c.kind == nianbao::model::ValueKind::Text {
                prop_assert!(
                    report.findings.iter().any(|f| f.code == "bad-number" && f.spans.contains(&c.span)),
                    "{:?} read as text without bad-number", c.raw
                );
            }
        }
        assert_report_well_formed(&text, report);
    }

    /// Tables from a clipboard's HTML need not match the text they came with.
    #[test]
    fn html_tables_never_panic(
        tokens in proptest::collection::vec(0usize..TOKENS.len(), 0..200),
        cells in proptest::collection::vec(proptest::collection::vec(proptest::collection::vec(0usize..VALUES.len() + TOKENS.len(), 0..9), 0..12), 0..3),
    ) {
        let text: String = tokens.iter().map(|&t| TOKENS[t]).collect();
        let pick = |i: usize| VALUES.get(i).copied().unwrap_or_else(|| TOKENS[i - VALUES.len()]).to_string();
        let tables: Vec<Vec<Vec<String>>> = cells
            .iter()
            .map(|rows| rows.iter().map(|row| row.iter().map(|&i| pick(i)).collect()).collect())
            .collect();
        assert_report_well_formed(&text, nianbao::check_with_tables(&text, &tables));
    }
}
