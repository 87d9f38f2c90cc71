use super::common::{finding, rule, Context};
use crate::model::{Finding, Span, Yearly};

rule! {
    /// 句子疑似照搬上一年度：本年度报告中有较长的句子与上一年度报告只差年份（如“2018年”改成
    /// “2019年”），其余一字不差，可能是照搬去年的文字而未更新内容。统计期限、联系方式等
    /// 每年相同的固定表述不在此列。
    ///
    /// ## 依据
    /// 国办公开办函〔2021〕30号：年度报告出现“内容雷同、敷衍塞责等问题”的，依条例第四十七条追究。
    code: "copied-sentence",
    check: check,
}

/// Needs two reports: see [`compare`].
fn check(_cx: &Context) -> Vec<Finding> {
    Vec::new()
}

/// Sentences every report repeats by design.
const BOILERPLATE: &[&str] = &[
    "统计期限",
    "本报告",
    "电子版",
    "联系电话",
    "联系方式",
    "邮编",
    "地址",
    "条例",
    "年度报告",
];
const MIN_CHARS: usize = 25;
const MAX_FINDINGS: usize = 10;

pub fn compare(prev: Yearly, cur: Yearly) -> Vec<Finding> {
    let before: std::collections::HashMap<String, &str> = sentences(prev.text)
        .into_iter()
        .map(|(s, _)| (without_years(s), s))
        .collect();
    let mut out = Vec::new();
    for (s, start) in sentences(cur.text) {
        if out.len() >= MAX_FINDINGS {
            break;
        }
        match before.get(&without_years(s)) {
            Some(old) if *old != s => out.push(finding(
                "copied-sentence",
                format!(
                    "这句话与上一年度报告只差年份：“{}”。",
                    super::common::clip(s, super::common::QUOTE_CHARS)
                ),
                vec![Span::new(start, start + s.len())],
                None,
                None,
            )),
            _ => {}
        }
    }
    out
}

/// Long sentences of the text with their byte offsets, boilerplate left out.
fn sentences(text: &str) -> Vec<(&str, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if matches!(c, '。' | '；' | ';' | '\n' | '！' | '？') {
            push(text, start, i, &mut out);
            start = i + c.len_utf8();
        }
    }
    push(text, start, text.len(), &mut out);
    out
}

fn push<'t>(text: &'t str, start: usize, end: usize, out: &mut Vec<(&'t str, usize)>) {
    let raw = &text[start..end];
    let s = raw.trim();
    if s.chars().count() >= MIN_CHARS && !BOILERPLATE.iter().any(|w| s.contains(w)) {
        out.push((s, start + (raw.len() - raw.trim_start().len())));
    }
}

/// The sentence with every `2019年` made `####年`.
fn without_years(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        let is_year = i + 4 < chars.len()
            && chars[i..i + 4].iter().all(|c| c.is_ascii_digit())
            && chars[i + 4] == '年'
            && (i == 0 || !chars[i - 1].is_ascii_digit());
        if is_year {
            out.push_str("####");
            i += 4;
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}
