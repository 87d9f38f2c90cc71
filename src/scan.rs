//! Small matchers for the few fixed shapes the checker looks for in free text: a year
//! (`2017年`), a number with its unit (`12件`), a share (`占…35.5%`), a numbered heading, the
//! agency around the title's year and the 填报单位 line.
//!
//! Written by hand rather than with the regex crate: the eleven patterns cost a tenth of the
//! browser module (the 250 KB budget) and compiling them was most of the first check's time.
//! Each function documents the pattern it matches, with the same leftmost, greedy or lazy
//! choices; the text is normalized first, so digits are ASCII.

use std::ops::Range;

const NUMERALS: &str = "一二三四五六七八九十";

/// Where a year written as `(19|20)\d\d\s*年` is.
#[derive(Debug, Clone, PartialEq)]
pub struct YearMention {
    pub year: u32,
    /// The four digits.
    pub digits: Range<usize>,
    /// Just after `年`.
    pub end: usize,
}

/// The mention starting exactly at `at`, if there is one.
pub fn year_at(s: &str, at: usize) -> Option<YearMention> {
    let b = s.as_bytes();
    let d = b.get(at..at + 4)?;
    if !d.iter().all(u8::is_ascii_digit) || !matches!(&d[..2], b"19" | b"20") {
        return None;
    }
    let after = skip_whitespace(s, at + 4);
    let end = after + strip(&s[after..], "年")?;
    let year = d.iter().fold(0, |y, c| y * 10 + u32::from(c - b'0'));
    Some(YearMention {
        year,
        digits: at..at + 4,
        end,
    })
}

/// Every year mention, left to right, not overlapping.
pub fn years(s: &str) -> impl Iterator<Item = YearMention> + '_ {
    let mut at = 0;
    std::iter::from_fn(move || {
        while at + 4 <= s.len() {
            if let Some(m) = year_at(s, at) {
                at = m.end;
                return Some(m);
            }
            at += 1;
        }
        None
    })
}

/// `统计期限[为是]?自?\s*((?:19|20)\d{2})\s*年`: the first stated statistics period.
pub fn stated_period(s: &str) -> Option<YearMention> {
    s.match_indices("统计期限").find_map(|(i, w)| {
        let mut at = i + w.len();
        at += strip(&s[at..], "为")
            .or_else(|| strip(&s[at..], "是"))
            .unwrap_or(0);
        at += strip(&s[at..], "自").unwrap_or(0);
        year_at(s, skip_whitespace(s, at))
    })
}

/// `^(.{2,40}?)(?:关于)?(?:19|20)\d{2}\s*年`: the shortest opening of 2 to 40 characters that
/// a year follows.
pub fn before_year(title: &str) -> Option<&str> {
    for (k, (at, c)) in title.char_indices().enumerate().take(41) {
        if k >= 2 {
            let year = strip(&title[at..], "关于").map_or(at, |n| at + n);
            if year_at(title, year).is_some() || year_at(title, at).is_some() {
                return Some(&title[..at]);
            }
        }
        if c == '\n' {
            return None;
        }
    }
    None
}

/// `(?:19|20)\d{2}\s*年度?(.{2,40}?)(?:政府信息|政务公开|信息公开)`: the shortest 2 to 40
/// characters between the first year that has them and the words for the report.
pub fn after_year(title: &str) -> Option<&str> {
    const ENDS: [&str; 3] = ["政府信息", "政务公开", "信息公开"];
    years(title).find_map(|m| {
        let with_du = strip(&title[m.end..], "度").map(|n| m.end + n);
        with_du.into_iter().chain([m.end]).find_map(|from| {
            let rest = &title[from..];
            for (k, (at, c)) in rest.char_indices().enumerate() {
                if k >= 2 && ENDS.iter().any(|e| rest[at..].starts_with(e)) {
                    return Some(&rest[..at]);
                }
                if c == '\n' || k == 40 {
                    return None;
                }
            }
            None
        })
    })
}

/// `填报单位(?:\(盖章\))?[:：]\s*([^\s|]{2,40})`: the name after the first 填报单位 label.
pub fn filled_by(s: &str) -> Option<&str> {
    s.match_indices("填报单位").find_map(|(i, w)| {
        let mut at = i + w.len();
        at += strip(&s[at..], "(盖章)").unwrap_or(0);
        at += strip(&s[at..], ":").or_else(|| strip(&s[at..], "："))?;
        at = skip_whitespace(s, at);
        let name: usize = s[at..]
            .chars()
            .take_while(|c| !c.is_whitespace() && *c != '|')
            .take(40)
            .map(char::len_utf8)
            .sum();
        (s[at..at + name].chars().count() >= 2).then(|| &s[at..at + name])
    })
}

/// A numbered heading's mark at the start of a line.
#[derive(Debug, Clone, PartialEq)]
pub struct HeadingMark {
    /// 0 for `一、`, 1 for `(一)`, 2 for `1.`.
    pub level: u8,
    /// The numeral as written.
    pub numeral: Range<usize>,
    /// From the line's start to the end of the mark (for `1.`, one character more).
    pub end: usize,
}

/// `^\s*(?:([一…十]{1,3})\s*[、,.]|\(\s*([一…十]{1,3})\s*\)|(\d{1,2})\s*[.、。](?:\D|$))`.
pub fn heading_mark(line: &str) -> Option<HeadingMark> {
    let at = after_markdown_heading(line, skip_whitespace(line, 0));
    let mark = |level, numeral: Range<usize>, end| HeadingMark {
        level,
        numeral,
        end,
    };
    if let Some(n) = run(&line[at..], 3, |c| NUMERALS.contains(c)) {
        let after = skip_whitespace(line, at + n);
        let p = one_of(&line[after..], &['、', ',', '.'])?;
        return Some(mark(0, at..at + n, after + p));
    }
    if let Some(open) = strip(&line[at..], "(") {
        let from = skip_whitespace(line, at + open);
        let n = run(&line[from..], 3, |c| NUMERALS.contains(c))?;
        let after = skip_whitespace(line, from + n);
        let close = strip(&line[after..], ")")?;
        return Some(mark(1, from..from + n, after + close));
    }
    let n = run(&line[at..], 2, |c| c.is_ascii_digit())?;
    let after = skip_whitespace(line, at + n);
    let p = after + one_of(&line[after..], &['.', '、', '。'])?;
    match line[p..].chars().next() {
        None => Some(mark(2, at..at + n, p)),
        Some(c) if !c.is_ascii_digit() => Some(mark(2, at..at + n, p + c.len_utf8())),
        Some(_) => None,
    }
}

/// A number with one of `units` right after it (one space allowed).
#[derive(Debug, Clone, PartialEq)]
pub struct Counted {
    pub number: Range<usize>,
    pub unit: &'static str,
    pub end: usize,
}

/// `(\d+(?:\.\d+)?)\s?(unit1|unit2|…)` left to right, not overlapping; units are tried in
/// the order given, the first that fits wins.
pub fn counted<'a>(
    s: &'a str,
    units: &'static [&'static str],
) -> impl Iterator<Item = Counted> + 'a {
    let mut at = 0;
    std::iter::from_fn(move || {
        while at < s.len() {
            let Some(d) = s.as_bytes()[at..].iter().position(u8::is_ascii_digit) else {
                at = s.len();
                break;
            };
            let start = at + d;
            let number = start..start + decimal_len(&s[start..]);
            let space = s[number.end..]
                .chars()
                .next()
                .filter(|c| c.is_whitespace())
                .map_or(0, char::len_utf8);
            let rest = &s[number.end + space..];
            match units.iter().find(|u| rest.starts_with(**u)) {
                Some(unit) => {
                    let end = number.end + space + unit.len();
                    at = end;
                    return Some(Counted { number, unit, end });
                }
                // any later start inside these digits ends the same way; past the point,
                // the decimals are a digit run of their own
                None => at = start + digits_len(&s[start..]),
            }
        }
        None
    })
}

/// `^[\s,(]*占[^,;。:()%\d]{0,10}?(\d+(?:\.\d+)?)\s?%`: the percentage stated as a share
/// right at the start of `s`, and where the match ends.
pub fn share_at_start(s: &str) -> Option<(Range<usize>, usize)> {
    let lead: usize = s
        .chars()
        .take_while(|c| c.is_whitespace() || *c == ',' || *c == '(')
        .map(char::len_utf8)
        .sum();
    let mut at = lead + strip(&s[lead..], "占")?;
    for (k, c) in s[at..].chars().enumerate() {
        if c.is_ascii_digit() {
            break;
        }
        if k == 10 || ",;。:()%".contains(c) {
            return None;
        }
        at += c.len_utf8();
    }
    let n = decimal_len(&s[at..]);
    if n == 0 {
        return None;
    }
    let after = at + n;
    let space = s[after..]
        .chars()
        .next()
        .filter(|c| c.is_whitespace())
        .map_or(0, char::len_utf8);
    let end = after + space + strip(&s[after + space..], "%")?;
    Some((at..after, end))
}

/// A word of digits, a decimal point allowed (`12`, `2.5`, `1.`): a figure as the readers'
/// checks count them in a stretch of text.
pub fn digits_word(w: &str) -> bool {
    !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit() || b == b'.')
}

/// `[+-]?\d*(?:\.\d*)?` with at least one digit, as the number `str::parse::<f64>` makes of
/// it (tests/scan.rs compares the two); no exponent, `inf` or `nan`, which no report prints.
///
/// Written by hand: std's float parser brings its table of powers of five (Eisel–Lemire, 10 KB)
/// and a big-number fallback into the browser module, within its 250 KB budget. A printed
/// figure needs neither: its digits make an integer below 2^53 and 10^k up to 10^22 is exact in
/// an f64, so the one division rounds once, as std does. Longer digit strings (20 digits and
/// more, never a count) come within one rounding of std's.
pub fn decimal(s: &str) -> Option<f64> {
    let (negative, s) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let (int, frac) = s.split_once('.').unwrap_or((s, ""));
    let all_digits = |d: &str| d.bytes().all(|b| b.is_ascii_digit());
    if int.len() + frac.len() == 0 || !all_digits(int) || !all_digits(frac) {
        return None;
    }
    // digits past what a u64 holds are dropped, and counted as powers of ten
    let (mut mantissa, mut scale) = (0u64, 0i32);
    for (k, b) in int.bytes().chain(frac.bytes()).enumerate() {
        let in_frac = k >= int.len();
        match mantissa
            .checked_mul(10)
            .and_then(|m| m.checked_add(u64::from(b - b'0')))
        {
            Some(m) => {
                mantissa = m;
                scale -= i32::from(in_frac);
            }
            None => scale += i32::from(!in_frac),
        }
    }
    let value = if scale < 0 {
        mantissa as f64 / pow10(-scale)
    } else {
        mantissa as f64 * pow10(scale)
    };
    Some(if negative { -value } else { value })
}

/// 10^k: exact up to 10^22.
fn pow10(k: i32) -> f64 {
    (0..k).fold(1.0, |p, _| p * 10.0)
}

/// `\d+(?:\.\d+)?` at the start: its length in bytes (0 when no digit).
fn decimal_len(s: &str) -> usize {
    let int = digits_len(s);
    if int == 0 {
        return 0;
    }
    match s[int..].strip_prefix('.').map(digits_len) {
        Some(frac) if frac > 0 => int + 1 + frac,
        _ => int,
    }
}

fn digits_len(s: &str) -> usize {
    s.bytes().take_while(u8::is_ascii_digit).count()
}

/// How many bytes 1 to `max` leading characters satisfying `f` take, if at least one does
/// and the one after (if any) does not.
fn run(s: &str, max: usize, f: impl Fn(char) -> bool) -> Option<usize> {
    let n = s.chars().take_while(|c| f(*c)).count();
    if n == 0 || n > max {
        return None;
    }
    Some(s.chars().take(n).map(char::len_utf8).sum())
}

fn one_of(s: &str, chars: &[char]) -> Option<usize> {
    s.chars()
        .next()
        .filter(|c| chars.contains(c))
        .map(char::len_utf8)
}

fn strip(s: &str, prefix: &str) -> Option<usize> {
    s.starts_with(prefix).then_some(prefix.len())
}

/// Past a Markdown heading's `#`s and the space after them (`# 三、收到和处理…`, a PDF-to-Markdown
/// converter's heading for a line set larger), where `at` starts one.
fn after_markdown_heading(s: &str, at: usize) -> usize {
    let hashes = s[at..].bytes().take_while(|&b| b == b'#').count();
    let spaced = s[at + hashes..].starts_with(' ');
    if (1..=6).contains(&hashes) && spaced {
        skip_whitespace(s, at + hashes)
    } else {
        at
    }
}

fn skip_whitespace(s: &str, at: usize) -> usize {
    at + s[at..]
        .chars()
        .take_while(|c| c.is_whitespace())
        .map(char::len_utf8)
        .sum::<usize>()
}

/// A number as people write it: no `.0` on whole numbers, at most four decimals.
///
/// By integers, not `format!("{v:.4}")`: std's float printing was kilobytes of the checker's
/// wasm for the few decimals a report prints (a figure or a percentage); `num_matches_std`
/// compares the two.
pub fn num(v: f64) -> String {
    if !v.is_finite() {
        let word = if v.is_nan() {
            "NaN"
        } else if v > 0.0 {
            "inf"
        } else {
            "-inf"
        };
        return word.to_string();
    }
    if v.abs() >= 1e15 {
        return whole_number(v);
    }
    if v.fract() == 0.0 {
        return format!("{}", v as i64);
    }
    let ten_thousandths = ten_thousandths(v.abs());
    let sign = if v < 0.0 && ten_thousandths > 0 {
        "-"
    } else {
        ""
    };
    let (whole, fraction) = (ten_thousandths / 10_000, ten_thousandths % 10_000);
    let decimals = format!("{fraction:04}");
    let decimals = decimals.trim_end_matches('0');
    if decimals.is_empty() {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{decimals}")
    }
}

/// `x` (finite, below 1e15) in ten-thousandths, rounded as std's printing rounds: on the exact
/// value the float holds, ties to even. `(x * 1e4).round()` rounds twice: 294099.64375, held a
/// little below, became …6438 where std prints …6437. The product's rounding error, found
/// exactly (Dekker's two-product, no fused multiply-add in MVP wasm), tells a tie of the
/// product from a tie of the value. (Above 2^52 ten-thousandths, 450 billion, the product is
/// a whole number already and is taken as it is.)
fn ten_thousandths(x: f64) -> u64 {
    const SCALE: f64 = 10_000.0;
    let product = x * SCALE;
    let whole = product.floor();
    let error = product_error(x, SCALE, product);
    let up = match (product - whole).partial_cmp(&0.5) {
        Some(std::cmp::Ordering::Greater) => true,
        Some(std::cmp::Ordering::Less) => false,
        _ => error > 0.0 || (error == 0.0 && whole as u64 & 1 == 1),
    };
    whole as u64 + u64::from(up)
}

/// The exact error of `product = a * b` rounded (Dekker: each factor split into halves whose
/// products are exact).
fn product_error(a: f64, b: f64, product: f64) -> f64 {
    let split = |v: f64| {
        let c = 134_217_729.0 * v; // 2^27 + 1
        let high = c - (c - v);
        (high, v - high)
    };
    let ((ah, al), (bh, bl)) = (split(a), split(b));
    ((ah * bh - product) + ah * bl + al * bh) + al * bl
}

/// A whole number too large for a report (sums of figures stay far below): its first digits
/// and as many zeros as it has more digits (an f64 holds 17 significant digits at most).
fn whole_number(v: f64) -> String {
    let (mut head, mut zeros) = (v.abs(), 0);
    while head >= 1e18 {
        head /= 10.0;
        zeros += 1;
    }
    let sign = if v < 0.0 { "-" } else { "" };
    format!("{sign}{}{}", head.round() as i64, "0".repeat(zeros))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn year_list(s: &str) -> Vec<u32> {
        years(s).map(|m| m.year).collect()
    }

    #[test]
    fn years_are_four_digits_from_19_or_20_then_nian() {
        assert_eq!(
            year_list("2017年、2016 年度和1999\u{3000}年"),
            [2017, 2016, 1999]
        );
        assert_eq!(year_list("12017年 2100年 20178年 2017月"), [2017]);
        assert_eq!(
            year_at("x2018年", 1).map(|m| (m.digits, m.end)),
            Some((1..5, 8))
        );
    }

    #[test]
    fn the_stated_period_is_the_first_that_names_a_year() {
        let s = "统计期限待定。本报告统计期限为自 2017年1月1日起";
        assert_eq!(stated_period(s).map(|m| m.year), Some(2017));
        assert_eq!(
            stated_period("统计期限自2016年"),
            stated_period("统计期限自2016年")
        );
        assert!(stated_period("统计期限为上年").is_none());
    }

    #[test]
    fn agency_before_the_year_is_the_shortest_opening() {
        assert_eq!(
            before_year("上海市宝山区2017年政府信息公开工作年度报告"),
            Some("上海市宝山区")
        );
        assert_eq!(before_year("某某局关于2017年政府信息公开"), Some("某某局"));
        assert_eq!(before_year("区2017年"), None);
        assert_eq!(before_year("2017年报告"), None);
    }

    #[test]
    fn agency_after_the_year_ends_at_the_report_words() {
        assert_eq!(
            after_year("2017年度某某区政府信息公开工作年度报告"),
            Some("某某区")
        );
        assert_eq!(after_year("2017年某某区政务公开"), Some("某某区"));
        assert_eq!(after_year("2017年区政府信息"), None);
    }

    #[test]
    fn filled_by_reads_the_name_up_to_a_space_or_bar() {
        assert_eq!(
            filled_by("填报单位(盖章)：某某区人民政府 | 日期"),
            Some("某某区人民政府")
        );
        assert_eq!(filled_by("填报单位:\t某局|"), Some("某局"));
        assert_eq!(filled_by("填报单位：甲"), None);
    }

    #[test]
    fn heading_marks_at_three_levels() {
        let h = heading_mark("  三、公开情况").expect("level 0");
        assert_eq!(
            (h.level, &"  三、公开情况"[h.numeral.clone()], h.end),
            (0, "三", 8)
        );
        assert_eq!(heading_mark("( 十二 )办理").map(|h| h.level), Some(1));
        let h = heading_mark("12.收费").expect("level 2");
        assert_eq!((h.level, h.end), (2, 6));
        assert_eq!(heading_mark("3、").map(|h| h.end), Some(4));
        assert!(heading_mark("1.5亿").is_none());
        assert!(heading_mark("123.").is_none());
        assert!(heading_mark("一二三四、").is_none());
        let h = heading_mark("## 四、政府信息公开行政复议").expect("a Markdown heading");
        assert_eq!((h.level, h.end), (0, 9));
        assert!(heading_mark("#四、").is_none());
    }

    #[test]
    fn counted_numbers_skip_digits_without_a_unit() {
        const U: &[&str] = &["人次", "件", "人"];
        let s = "2017年收到12件，接待 35人次，1.5.3件";
        let got: Vec<(&str, &str)> = counted(s, U).map(|c| (&s[c.number], c.unit)).collect();
        assert_eq!(got, [("12", "件"), ("35", "人次"), ("5.3", "件")]);
    }

    #[test]
    fn shares_follow_zhan_closely() {
        let s = ",占全部申请的 35.5 %,";
        let (n, end) = share_at_start(s).expect("share");
        assert_eq!((&s[n], &s[..end]), ("35.5", ",占全部申请的 35.5 %"));
        assert!(share_at_start("(占比35%)").is_some());
        assert!(share_at_start("占,35%").is_none());
        assert!(share_at_start("占一二三四五六七八九十一2%").is_none());
        assert!(share_at_start("共35%").is_none());
    }
}
