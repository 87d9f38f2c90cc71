//! Segmentation: lines, title, year, agency, kind of document and numbered headings.

use crate::model::{Kind, Span};
use crate::normalize::Normalized;
use crate::scan;
use std::ops::Range;

/// A line of the normalized text, without its `\n`.
#[derive(Debug, Clone, Copy)]
pub struct Line {
    pub start: usize,
    pub end: usize,
}

pub struct Document<'a> {
    pub original: &'a str,
    pub norm: Normalized,
    pub lines: Vec<Line>,
    pub kind: Kind,
    /// Title text and the normalized byte range of the lines it was read from.
    pub title: Option<(String, Range<usize>)>,
    pub year: Option<u32>,
    pub agency: Option<String>,
}

impl<'a> Document<'a> {
    pub fn new(original: &'a str) -> Document<'a> {
        let norm = Normalized::new(original);
        let lines = split_lines(&norm.text);
        let mut doc = Document {
            original,
            norm,
            lines,
            kind: Kind::Other,
            title: None,
            year: None,
            agency: None,
        };
        doc.title = find_title(&doc);
        doc.kind = detect_kind(&doc);
        doc.year = detect_year(&doc);
        doc.agency = detect_agency(&doc);
        doc
    }

    pub fn text(&self) -> &str {
        &self.norm.text
    }

    pub fn line_text(&self, i: usize) -> &str {
        let l = self.lines[i];
        &self.norm.text[l.start..l.end]
    }

    /// Original span of a normalized byte range.
    pub fn span(&self, r: Range<usize>) -> Span {
        self.norm.original_span(r.start, r.end)
    }

    /// Index of the line holding normalized byte `b`.
    pub fn line_of(&self, b: usize) -> usize {
        self.lines
            .partition_point(|l| l.end < b)
            .min(self.lines.len().saturating_sub(1))
    }
}

fn split_lines(text: &str) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut start = 0;
    for (i, b) in text.bytes().enumerate() {
        if b == b'\n' {
            lines.push(Line { start, end: i });
            start = i + 1;
        }
    }
    lines.push(Line {
        start,
        end: text.len(),
    });
    lines
}

/// The first non-empty lines, joined until they read as a report title (002 splits
/// `2017年宝山区政府信息公开工作` and `年度报告` over two lines).
/// A page marker or running page count: `- 4 -`, `第 3 页`, `共 6 页`, `第3页 共6页`.
pub fn is_page_marker(t: &str) -> bool {
    let dash = |c: char| matches!(c, '-' | '—' | '–');
    // asked of every line of a table: only a line framed by dashes or ending in 页 is looked
    // at further
    let mut printed = t.chars().filter(|c| !c.is_whitespace());
    let first = printed.next();
    let last = printed.next_back().or(first);
    if !(first.is_some_and(dash) || last == Some('页')) {
        return false;
    }
    let s: String = t.chars().filter(|c| !c.is_whitespace()).collect();
    let inner = s.trim_matches(dash);
    let framed = s.starts_with(dash) && s.ends_with(dash) && inner.len() + 2 <= s.len();
    let pages = s.ends_with('页')
        && s.chars().count() <= 14
        && s.chars()
            .all(|c| c.is_ascii_digit() || "第共页/".contains(c));
    (framed && !inner.is_empty() && inner.chars().all(|c| c.is_ascii_digit())) || pages
}

/// Field names of the header lines portals and archives put above an article
/// (`发布时间: 2023-02-20`); `标题:` names the title itself.
const PORTAL_FIELDS: &[&str] = &[
    "标题",
    "发布时间",
    "发布日期",
    "文号",
    "发布机构",
    "栏目",
    "原文链接",
    "本地目录",
    "来源",
    "索引号",
    "信息来源",
    "发文机关",
    "成文日期",
    "主题分类",
    "分类",
    "浏览次数",
    "作者",
];

/// The field of a portal header line and where its value starts, if the line is one.
fn portal_field(line: &str) -> Option<(&'static str, usize)> {
    let t = line.trim_start();
    let lead = line.len() - t.len();
    PORTAL_FIELDS.iter().find_map(|f| {
        let rest = t.strip_prefix(f)?;
        let value = rest.strip_prefix(':').or_else(|| rest.strip_prefix('：'))?;
        Some((*f, lead + f.len() + (rest.len() - value.len())))
    })
}

/// A line that is no part of a title: a portal field, a page marker, a rule of `=` or `-`,
/// an archiver's note on where the page's links went.
fn title_noise(t: &str) -> bool {
    portal_field(t).is_some()
        || is_page_marker(t)
        || t.chars().all(|c| "=-—_*·".contains(c) || c.is_whitespace())
        || t.contains("links.tsv")
        || t.contains("==")
}

fn find_title(doc: &Document) -> Option<(String, Range<usize>)> {
    // an archive's `标题:` line names the title outright
    for i in 0..doc.lines.len().min(20) {
        let raw = doc.line_text(i);
        if let Some(("标题", at)) = portal_field(raw) {
            let value = raw[at..].trim();
            if !value.is_empty() {
                let start =
                    doc.lines[i].start + at + (raw[at..].len() - raw[at..].trim_start().len());
                return Some((value.to_string(), start..start + value.len()));
            }
        }
    }
    let mut parts: Vec<usize> = Vec::new();
    for i in 0..doc.lines.len() {
        let t = doc.line_text(i).trim();
        if t.is_empty() || (parts.is_empty() && title_noise(t)) {
            continue;
        }
        if t.chars().count() > 60 || t.contains('。') {
            break;
        }
        parts.push(i);
        let joined: String = parts.iter().map(|&j| doc.line_text(j).trim()).collect();
        if joined.contains("报告")
            || joined.contains("要点")
            || joined.contains("通知")
            || parts.len() == 3
        {
            break;
        }
    }
    let first = *parts.first()?;
    let last = *parts.last()?;
    let text: String = parts.iter().map(|&j| doc.line_text(j).trim()).collect();
    Some((text, doc.lines[first].start..doc.lines[last].end))
}

/// Words that make a title a report title, and words that make a document something else.
const REPORT_TITLE_WORDS: &[&str] = &["年度报告", "年报", "工作报告"];
const OTHER_TITLE_WORDS: &[&str] = &[
    "要点",
    "通知",
    "方案",
    "意见",
    "办法",
    "计划",
    "政府工作报告",
    "规定",
];

/// Last words of a title that make it something other than a report, even when it names one
/// (`关于做好2017年政府信息公开工作年度报告编制和发布工作的通知`).
const OTHER_TITLE_ENDINGS: &[&str] = &[
    "通知", "通报", "要点", "方案", "意见", "办法", "计划", "规定", "批复", "函", "决定",
];
/// Phrases of a cover notice or of a speech to a congress, never of a disclosure report.
const OTHER_BODY_WORDS: &[&str] = &["印发给你们", "特此通知", "各位代表", "请认真贯彻执行"];

fn detect_kind(doc: &Document) -> Kind {
    let title = doc.title.as_ref().map_or("", |t| t.0.as_str());
    let head: String = doc.text().chars().take(3000).collect();
    let title_end = title.trim_end_matches(|c: char| !crate::normalize::is_han(c));
    let other_ending = OTHER_TITLE_ENDINGS.iter().any(|w| title_end.ends_with(w));
    let says_report = REPORT_TITLE_WORDS.iter().any(|w| title.contains(w))
        && title.contains("公开")
        && !other_ending;
    let opening: String = doc.text().chars().take(500).collect();
    let other_body =
        OTHER_BODY_WORDS.iter().any(|w| opening.contains(w)) || doc.text().contains("特此通知");
    let other_title =
        (OTHER_TITLE_WORDS.iter().any(|w| title.contains(w)) || other_ending) && !says_report;
    let disclosure_report = head.contains("年度报告")
        || head.contains("本报告")
        || doc.text().contains("政府信息公开情况统计表")
        || doc.text().contains("政府信息公开工作年度报告");
    if says_report
        || (!other_title && !other_body && disclosure_report && head.contains("政府信息公开"))
    {
        Kind::AnnualReport
    } else {
        Kind::Other
    }
}

fn detect_year(doc: &Document) -> Option<u32> {
    if let Some((title, _)) = &doc.title {
        if let Some(m) = scan::years(title).next() {
            return Some(m.year);
        }
    }
    if let Some(y) = stated_period_year(doc.text()) {
        return Some(y);
    }
    // the year named most often in the opening text
    let head: String = doc.text().chars().take(4000).collect();
    let mut counts: Vec<(u32, usize)> = Vec::new();
    for y in scan::years(&head).map(|m| m.year) {
        match counts.iter_mut().find(|(v, _)| *v == y) {
            Some(e) => e.1 += 1,
            None => counts.push((y, 1)),
        }
    }
    counts
        .into_iter()
        .max_by_key(|&(y, n)| (n, y))
        .map(|(y, _)| y)
}

/// The year of `统计期限自2017年1月1日起`.
pub fn stated_period_year(text: &str) -> Option<u32> {
    scan::stated_period(text).map(|m| m.year)
}

fn detect_agency(doc: &Document) -> Option<String> {
    let from_title = doc.title.as_ref().and_then(|(title, _)| {
        scan::before_year(title)
            .and_then(clean_agency)
            .or_else(|| scan::after_year(title).and_then(clean_agency))
    });
    from_title.or_else(|| scan::filled_by(doc.text()).and_then(clean_agency))
}

/// Words that stand before a title without being anyone's name: a page's `正文`, a letter's
/// `关于`, an archive's field names.
const NOT_AN_AGENCY: &[&str] = &["正文", "标题", "附件", "关于", "全文", "首页", "原文"];

/// The agency as a name: without a Markdown heading's `#`, list marks, brackets and quotes
/// around it, a letter's `关于` after it, or a page's `正文` before it; `None` when nothing of a
/// name is left (two Han characters at least).
#[inline(never)]
pub fn clean_agency(raw: &str) -> Option<String> {
    let edge = |c: char| {
        c.is_whitespace()
            || c.is_ascii_punctuation()
            || "《》「」『』【】（）〔〕：，。、；“”‘’·•—…　".contains(c)
    };
    let mut a = raw.trim_matches(edge).to_string();
    loop {
        let before = a.clone();
        for w in NOT_AN_AGENCY {
            if let Some(rest) = a.strip_prefix(w) {
                a = rest.trim_matches(edge).to_string();
            }
            if let Some(rest) = a.strip_suffix(w) {
                a = rest.trim_matches(edge).to_string();
            }
        }
        if a == before {
            break;
        }
    }
    let han = a.chars().filter(|&c| crate::normalize::is_han(c)).count();
    let generic = ["政府", "人民政府", "本机关", "本单位", "我单位"].contains(&a.as_str());
    (han >= 2 && !generic).then_some(a)
}

/// A numbered heading: `一、` (level 0), `(一)` (level 1), `1.`/`1、` (level 2).
#[derive(Debug, Clone)]
pub struct Heading {
    pub level: u8,
    pub number: u32,
    pub line: usize,
    /// Normalized byte range of the numbering mark, e.g. `(四)`.
    pub mark: Range<usize>,
    pub text: String,
}

/// Numbered headings outside the given line ranges (the tables, whose rows are numbered too).
pub fn headings(doc: &Document, skip: &[Range<usize>]) -> Vec<Heading> {
    let mut out = Vec::new();
    let skipped = line_mask(doc.lines.len(), skip);
    for (i, &skip) in skipped.iter().enumerate() {
        if skip {
            continue;
        }
        let line = doc.line_text(i);
        let Some(m) = scan::heading_mark(line) else {
            continue;
        };
        let numeral = &line[m.numeral.clone()];
        let number = match m.level {
            2 => numeral.parse().unwrap_or(0),
            _ => chinese_number(numeral),
        };
        if number == 0 {
            continue;
        }
        let base = doc.lines[i].start;
        out.push(Heading {
            level: m.level,
            number,
            line: i,
            mark: base..base + m.end,
            text: line.trim().chars().take(30).collect(),
        });
    }
    out
}

/// `mask[i]` tells whether line `i` is in one of `ranges`. Asking each range for each line
/// instead took lines × tables, which a long paste with thousands of small tables made slow.
pub fn line_mask(lines: usize, ranges: &[Range<usize>]) -> Vec<bool> {
    let mut mask = vec![false; lines];
    for r in ranges {
        let end = r.end.min(lines);
        if r.start < end {
            mask[r.start..end].fill(true);
        }
    }
    mask
}

/// 一 … 九十九 → 1 … 99; anything else → 0.
pub fn chinese_number(s: &str) -> u32 {
    let digit = |c: char| "一二三四五六七八九".find(c).map(|i| i as u32 / 3 + 1);
    let chars: Vec<char> = s.chars().collect();
    match chars.as_slice() {
        ['十'] => 10,
        ['十', d] => 10 + digit(*d).unwrap_or(0),
        [t, '十'] => digit(*t).unwrap_or(0) * 10,
        [t, '十', d] => digit(*t).unwrap_or(0) * 10 + digit(*d).unwrap_or(0),
        [d] => digit(*d).unwrap_or(0),
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_title_year_agency_over_split_lines() {
        let doc =
            Document::new("2017年宝山区政府信息公开工作\n年 度 报 告\n本年度报告根据……编制。");
        assert_eq!(
            doc.title.as_ref().unwrap().0,
            "2017年宝山区政府信息公开工作年度报告"
        );
        assert_eq!(doc.year, Some(2017));
        assert_eq!(doc.agency.as_deref(), Some("宝山区"));
        assert_eq!(doc.kind, Kind::AnnualReport);
    }

    #[test]
    fn a_work_plan_is_not_a_report() {
        let doc = Document::new("经区政府同意,现将《朝阳区2016年政务公开工作要点》印发给你们。\n朝阳区2016年政务公开工作要点\n一、围绕深化改革推进公开");
        assert_eq!(doc.kind, Kind::Other);
    }

    #[test]
    fn notices_and_government_work_reports_are_not_reports() {
        let notice = Document::new("关于做好2017年政府信息公开工作年度报告编制和发布工作的通知\n各区政府:\n请于3月31日前公布本机关政府信息公开工作年度报告。\n特此通知。");
        assert_eq!(notice.kind, Kind::Other);
        let speech = Document::new("2018年政府工作报告\n各位代表:\n现在,我代表区人民政府向大会报告工作。推进政务公开和政府信息公开,本报告……");
        assert_eq!(speech.kind, Kind::Other);
        let cover = Document::new("各街道办事处:\n现将《2017年政府信息公开工作年度报告编制要求》印发给你们,请认真贯彻执行。");
        assert_eq!(cover.kind, Kind::Other);
        let report = Document::new("某区2019年政府信息公开工作年度报告\n本报告根据《中华人民共和国政府信息公开条例》编制。");
        assert_eq!(report.kind, Kind::AnnualReport);
    }

    #[test]
    fn agency_names_come_out_clean() {
        let agency = |t: &str| Document::new(t).agency;
        assert_eq!(
            agency("# 平潭综合实验区2023年政府信息公开工作年度报告\n").as_deref(),
            Some("平潭综合实验区")
        );
        assert_eq!(
            agency("## 平潭县人民政府2012年政府信息公开工作年度报告\n").as_deref(),
            Some("平潭县人民政府")
        );
        assert_eq!(
            agency("正文 洪泽区人民政府2023年政府信息公开工作年度报告\n").as_deref(),
            Some("洪泽区人民政府")
        );
        assert_eq!(
            agency("淮安市洪泽区人民政府关于2024年政府信息公开工作年度报告\n").as_deref(),
            Some("淮安市洪泽区人民政府")
        );
        // a letter: nothing of a name before its year
        assert_eq!(
            agency("关于2017年政府信息公开工作年度报告编制和发布工作的通知\n各区政府:").as_deref(),
            None
        );
        assert_eq!(clean_agency("关于"), None);
        assert_eq!(clean_agency("《某区"), Some("某区".to_string()));
    }

    #[test]
    fn chinese_numbers() {
        assert_eq!(chinese_number("四"), 4);
        assert_eq!(chinese_number("十二"), 12);
        assert_eq!(chinese_number("二十"), 20);
        assert_eq!(chinese_number("二十三"), 23);
    }
}
