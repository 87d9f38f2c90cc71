//! Property tests: `check` answers every input without panicking, with spans inside the text
//! on character boundaries, and non-empty.

use proptest::prelude::*;

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
];

fn assert_well_formed(text: &str) {
    let report = nianbao::check(text);
    let units = text.encode_utf16().count();
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
    }
    for f in &report.findings {
        for s in &f.spans {
            check(*s, f.code);
            assert!(!s.is_empty(), "{} has an empty span", f.code);
        }
    }
    let utf16 = report.into_utf16(text);
    for f in &utf16.findings {
        for s in &f.spans {
            assert!(s.end <= units, "{}: utf16 span past the end", f.code);
        }
    }
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
    #![proptest_config(ProptestConfig { cases: 4000, failure_persistence: None, ..ProptestConfig::default() })]

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
    fn arbitrary_text_never_panics(text in "\\PC{0,300}") {
        assert_well_formed(&text);
    }
}
