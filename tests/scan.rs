//! The hand-written matchers in `nianbao::scan` against the regular expressions they replaced
//! (regex is only a dev-dependency now): on random text made of the characters the patterns
//! care about, both find the same thing at the same place. `scan::decimal` against std's
//! float parser, which it replaces in the checker.

use nianbao::scan;
use proptest::prelude::*;
use regex::Regex;

/// Pieces that make the patterns match, almost match and fail in every way.
const PIECES: &[&str] = &[
    "2017",
    "2016",
    "1999",
    "2100",
    "19",
    "20",
    "7",
    "0",
    "12",
    "1.5",
    ".",
    "年",
    "度",
    "月",
    " ",
    "\u{3000}",
    "\t",
    "\n",
    "统计期限",
    "为",
    "是",
    "自",
    "关于",
    "政府信息",
    "政务公开",
    "信息公开",
    "某",
    "区",
    "填报单位",
    "(盖章)",
    ":",
    "：",
    "|",
    "一",
    "十",
    "三",
    "、",
    ",",
    "(",
    ")",
    "。",
    "占",
    "%",
    ";",
    "件",
    "人次",
    "人",
    "次",
    "x",
    "GB",
];

fn text() -> impl Strategy<Value = String> {
    proptest::collection::vec(0..PIECES.len(), 0..40)
        .prop_map(|v| v.into_iter().map(|i| PIECES[i]).collect())
}

/// Text that starts like a share: `占`, some filler, a number, maybe a percent sign.
fn share_text() -> impl Strategy<Value = String> {
    let chars = |set: Vec<char>, n| proptest::collection::vec(prop::sample::select(set), n);
    let lead = chars(vec![' ', ',', '('], 0..3);
    let fill = chars(vec!['某', '区', 'x', '年', ' ', '年', '某', ';'], 0..14);
    let number = prop::sample::select(vec!["35", "1.5", "7.", ""]);
    let tail = prop::sample::select(vec!["%", " %", "", "  %"]);
    (lead, fill, number, tail, text()).prop_map(|(l, f, n, t, rest)| {
        let (l, f): (String, String) = (l.into_iter().collect(), f.into_iter().collect());
        format!("{l}占{f}{n}{t}{rest}")
    })
}

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 3000,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

fn re(p: &str) -> Regex {
    Regex::new(p).expect("valid regex")
}

const UNITS: &[&str] = &["人次", "件", "人", "次"];

proptest! {
    #![proptest_config(config())]

    #[test]
    fn years(s in text()) {
        let want: Vec<_> = re(r"((?:19|20)\d{2})\s*年").captures_iter(&s)
            .map(|c| (c.get(1).unwrap().range(), c.get(0).unwrap().end())).collect();
        let got: Vec<_> = scan::years(&s).map(|m| (m.digits, m.end)).collect();
        prop_assert_eq!(got, want);
    }

    #[test]
    fn stated_period(s in text()) {
        let want = re(r"统计期限[为是]?自?\s*((?:19|20)\d{2})\s*年").captures(&s)
            .map(|c| c.get(1).unwrap().range());
        prop_assert_eq!(scan::stated_period(&s).map(|m| m.digits), want);
    }

    #[test]
    fn before_and_after_year(s in text()) {
        let before = re(r"^(.{2,40}?)(?:关于)?(?:19|20)\d{2}\s*年").captures(&s)
            .map(|c| c.get(1).unwrap().as_str().to_string());
        prop_assert_eq!(scan::before_year(&s).map(str::to_string), before);
        let after = re(r"(?:19|20)\d{2}\s*年度?(.{2,40}?)(?:政府信息|政务公开|信息公开)").captures(&s)
            .map(|c| c.get(1).unwrap().as_str().to_string());
        prop_assert_eq!(scan::after_year(&s).map(str::to_string), after);
    }

    #[test]
    fn filled_by(s in text()) {
        let want = re(r"填报单位(?:\(盖章\))?[:：]\s*([^\s|]{2,40})").captures(&s)
            .map(|c| c.get(1).unwrap().as_str().to_string());
        prop_assert_eq!(scan::filled_by(&s).map(str::to_string), want);
    }

    #[test]
    fn heading_marks(s in text()) {
        let c = re(r"^\s*(?:([一二三四五六七八九十]{1,3})\s*[、,.]|\(\s*([一二三四五六七八九十]{1,3})\s*\)|(\d{1,2})\s*[.、。](?:\D|$))")
            .captures(&s);
        let want = c.map(|c| {
            let (level, g) = [1u8, 2, 3].iter().find_map(|&i| c.get(i as usize).map(|g| (i - 1, g))).unwrap();
            (level, g.range(), c.get(0).unwrap().end())
        });
        let got = scan::heading_mark(&s).map(|m| (m.level, m.numeral, m.end));
        prop_assert_eq!(got, want);
    }

    #[test]
    fn counted_numbers(s in text()) {
        let want: Vec<_> = re(r"(\d+(?:\.\d+)?)\s?(人次|件|人|次)").captures_iter(&s)
            .map(|c| (c.get(1).unwrap().range(), c[2].to_string(), c.get(0).unwrap().end())).collect();
        let got: Vec<_> = scan::counted(&s, UNITS).map(|c| (c.number, c.unit.to_string(), c.end)).collect();
        prop_assert_eq!(got, want);
    }

    #[test]
    fn shares(s in prop_oneof![text(), share_text()]) {
        let want = re(r"^[\s,(]*占[^,;。:()%\d]{0,10}?(\d+(?:\.\d+)?)\s?%").captures(&s)
            .map(|c| (c.get(1).unwrap().range(), c.get(0).unwrap().end()));
        prop_assert_eq!(scan::share_at_start(&s), want);
    }

    /// A figure as reports print it (at most 15 digits): the very f64 std makes of it.
    #[test]
    fn decimals_as_std_reads_them(sign in "[+-]?", int in "[0-9]{0,8}", frac in prop::option::of("[0-9]{0,7}")) {
        let s = format!("{sign}{int}{}", frac.map_or(String::new(), |f| format!(".{f}")));
        let want = s.parse::<f64>().ok();
        prop_assert_eq!(scan::decimal(&s).map(f64::to_bits), want.map(f64::to_bits), "{}", s);
    }

    /// Longer digit strings: within one rounding of std's.
    #[test]
    fn long_decimals_within_a_rounding(int in "[1-9][0-9]{0,29}", frac in "[0-9]{0,30}") {
        let s = format!("{int}.{frac}");
        let (got, want) = (scan::decimal(&s).unwrap(), s.parse::<f64>().unwrap());
        prop_assert!((got - want).abs() <= want * 4.0 * f64::EPSILON, "{} {} {}", s, got, want);
    }
}

#[test]
fn decimals_refuse_what_no_report_prints() {
    for s in [
        "", "-", "+", ".", "1e5", "1E5", "inf", "-inf", "NaN", "1.2.3", " 1", "1 ", "0x10", "١",
    ] {
        assert_eq!(scan::decimal(s), None, "{s:?}");
    }
    assert_eq!(scan::decimal("99999999999999999999"), Some(1e20));
    assert_eq!(scan::decimal("5."), Some(5.0));
    assert_eq!(scan::decimal("-0.25"), Some(-0.25));
}
