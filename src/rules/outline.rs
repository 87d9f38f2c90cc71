//! The report's outline for the structure rules: its numbered headings up to the appendix,
//! and the six sections the national formats prescribe.

use super::common::Context;
use crate::schema::Template;
use crate::segment::{self, Heading};

/// The sections of the 2019 and 2021 formats, with words that identify each in a heading
/// (agencies vary the wording: “五、存在问题及改进情况”).
pub static NATIONAL_SECTIONS: &[(&str, &[&str])] = &[
    ("一、总体情况", &["总体情况", "概述", "概况"]),
    ("二、主动公开政府信息情况", &["主动公开"]),
    (
        "三、收到和处理政府信息公开申请情况",
        &["收到和处理", "依申请"],
    ),
    (
        "四、政府信息公开行政复议、行政诉讼情况",
        &["行政复议", "行政诉讼"],
    ),
    ("五、存在的主要问题及改进情况", &["问题", "改进", "不足"]),
    ("六、其他需要报告的事项", &["其他需要报告", "其他事项"]),
];

/// Numbered headings of the body, outside tables and before the appendix (附件/附表), whose
/// own numbering restarts.
pub fn body_headings(cx: &Context) -> Vec<Heading> {
    let doc = cx.doc;
    let appendix = (0..doc.lines.len()).find(|&i| {
        let t = doc.line_text(i).trim_start();
        t.starts_with("附件") || t.starts_with("附表") || t.starts_with("附:")
    });
    segment::headings(doc, &cx.prose.table_lines)
        .into_iter()
        .filter(|h| appendix.is_none_or(|a| h.line < a))
        .collect()
}

/// Whether the report follows a national format that prescribes the six sections.
pub fn prescribes_sections(cx: &Context) -> bool {
    matches!(cx.template(), Template::T2019 | Template::T2021)
}

/// For each prescribed section, the first top-level heading that names it.
pub fn national_sections(headings: &[Heading]) -> Vec<Option<&Heading>> {
    let top: Vec<&Heading> = headings.iter().filter(|h| h.level == 0).collect();
    NATIONAL_SECTIONS
        .iter()
        .enumerate()
        .map(|(i, _)| top.iter().find(|h| section_of(&h.text) == Some(i)).copied())
        .collect()
}

/// The prescribed section a heading names: the first whose words it contains.
fn section_of(text: &str) -> Option<usize> {
    NATIONAL_SECTIONS
        .iter()
        .position(|(_, words)| words.iter().any(|w| text.contains(w)))
}

#[cfg(test)]
mod tests {
    use super::section_of;

    #[test]
    fn headings_name_their_prescribed_section() {
        assert_eq!(section_of("一、总体情况"), Some(0));
        assert_eq!(section_of("三、收到和处理政府信息公开申请情况"), Some(2));
        assert_eq!(
            section_of("四、因政府信息公开申请行政复议、提起行政诉讼的情况"),
            Some(3)
        );
        assert_eq!(section_of("五、存在问题及改进情况"), Some(4));
        assert_eq!(section_of("六、其他需要报告的事项"), Some(5));
        assert_eq!(section_of("七、附表"), None);
    }
}
