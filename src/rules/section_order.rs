use super::common::{finding, rule, Context};
use super::outline;
use crate::model::Finding;
use crate::segment::Heading;

rule! {
    /// 部分或小节顺序颠倒：编号标题（一、（一）、1.）在同一上级标题下不按顺序排列，例如“一、概述”
    /// 下“（四）创新公开方式”排在“（三）突出公开重点”之前；或 2019、2021 年格式规定的六个部分
    /// 顺序颠倒（例如“行政复议、行政诉讼情况”排在“收到和处理政府信息公开申请情况”之前）。
    /// 编号从 1 重新开始的视为新的一组，不报告；表格和附件中的编号不检查。
    ///
    /// ## 依据
    /// 公文结构层次序数依次为“一、”“（一）”“1.”“（1）”（《党政机关公文格式》GB/T 9704—2012
    /// 第 7.3.3 条）；国办公开办函〔2019〕60号、〔2021〕30号规定的年度报告各部分顺序。
    code: "section-order",
    check: check,
}

fn check(cx: &Context) -> Vec<Finding> {
    let headings = outline::body_headings(cx);
    let mut out = numbering(cx, &headings);
    if outline::prescribes_sections(cx) && out.is_empty() {
        out.extend(prescribed_order(cx, &headings));
    }
    out
}

/// Siblings whose number is smaller than the one before them.
fn numbering(cx: &Context, headings: &[Heading]) -> Vec<Finding> {
    let mut out = Vec::new();
    // the last heading seen at each level; a heading closes the groups below it
    let mut last: [Option<&Heading>; 3] = [None; 3];
    for h in headings {
        let level = usize::from(h.level.min(2));
        if let Some(prev) = last[level] {
            if h.number < prev.number && h.number != 1 {
                let parent = (0..level).rev().find_map(|l| last[l]);
                out.push(out_of_order(cx, h, prev, parent));
            }
        }
        last[level] = Some(h);
        for deeper in last.iter_mut().skip(level + 1) {
            *deeper = None;
        }
    }
    out
}

fn out_of_order(cx: &Context, h: &Heading, prev: &Heading, parent: Option<&Heading>) -> Finding {
    let under = parent.map_or(String::new(), |p| format!("“{}”下的", short(&p.text)));
    finding(
        "section-order",
        format!(
            "{under}小节“{}”排在“{}”之后，编号顺序颠倒。",
            short(&h.text),
            short(&prev.text)
        ),
        vec![cx.doc.span(h.mark.clone()), cx.doc.span(prev.mark.clone())],
        Some(f64::from(prev.number + 1)),
        Some(f64::from(h.number)),
    )
}

/// A heading as far as its first full stop, for messages.
fn short(text: &str) -> String {
    let end = text.find(['。', ':', ',']).unwrap_or(text.len());
    super::common::clip(&text[..end], 16)
}

/// The six prescribed sections in the wrong order.
fn prescribed_order(cx: &Context, headings: &[Heading]) -> Vec<Finding> {
    let found = outline::national_sections(headings);
    let mut out = Vec::new();
    let mut latest: Option<(usize, &Heading)> = None;
    for (i, h) in found.iter().enumerate() {
        let Some(h) = h else { continue };
        match latest {
            Some((j, prev)) if h.line < prev.line => {
                out.push(finding(
                    "section-order",
                    format!(
                        "规定的“{}”部分排在“{}”部分之后，顺序颠倒。",
                        outline::NATIONAL_SECTIONS[i].0,
                        outline::NATIONAL_SECTIONS[j].0
                    ),
                    vec![cx.doc.span(h.mark.clone()), cx.doc.span(prev.mark.clone())],
                    None,
                    None,
                ));
            }
            _ => latest = Some((i, h)),
        }
    }
    out
}
