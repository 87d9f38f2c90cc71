use super::common::{finding, num, quoted, rule, Context};
use crate::model::Finding;

rule! {
    /// 分项大于总数：某一分项不可能大于它所属的总数。例如各渠道公开的信息数（政府网站、
    /// 政务微博等）都不能超过去重后的“主动公开政府信息数”；“主动公开规范性文件数”不能超过
    /// 主动公开总数；“主要负责同志参加新闻发布会次数”不能超过新闻发布会总次数。
    /// 反过来，“收到申请数”不能超过各申请方式之和，“不同意公开答复数”不能超过各不公开理由之和
    /// （同一申请可以计入多个方式或理由）。若同一格填错也使某个合计不符、且按合计改正后
    /// 这里也成立，则只在 sum-mismatch 中报告一次。
    ///
    /// ## 依据
    /// 《政府信息公开情况统计表》：“不同渠道和方式公开相同信息计1条”，
    /// 各“其中”项为所属项的一部分。
    code: "part-exceeds-whole",
    check: check,
}

fn check(cx: &Context) -> Vec<Finding> {
    crate::arith::bound_relations(cx)
        .into_iter()
        .filter_map(|b| match b.by_parts {
            false => part_above_whole(cx, b.less[0], b.more[0], b.column),
            true => whole_above_parts(cx, b.less[0], b.more),
        })
        .collect()
}

fn part_above_whole(
    cx: &Context,
    part: &str,
    whole: &str,
    column: Option<&'static str>,
) -> Option<Finding> {
    let (p, w) = (cx.figure(part, column)?, cx.figure(whole, column)?);
    let (pv, wv) = (p.value?, w.value?);
    (pv > wv + 1e-9 && !cx.arithmetic().explains_bound(p.span)).then(|| {
        finding(
            "part-exceeds-whole",
            format!(
                "{}为 {}，超过了其所属的{} {}。",
                quoted(&p.label, column),
                num(pv),
                quoted(&w.label, column),
                num(wv)
            ),
            vec![p.span, w.span],
            Some(wv),
            Some(pv),
        )
    })
}

fn whole_above_parts(cx: &Context, whole: &str, parts: &[&str]) -> Option<Finding> {
    let w = cx.figure(whole, None)?;
    let wv = w.value?;
    let values: Vec<_> = parts
        .iter()
        .map(|p| {
            cx.figure(p, None)
                .and_then(|f| f.value.map(|v| (v, f.span)))
        })
        .collect::<Option<_>>()?;
    let sum: f64 = values.iter().map(|(v, _)| v).sum();
    (wv > sum + 1e-9 && !cx.arithmetic().explains_bound(w.span)).then(|| {
        let mut spans = vec![w.span];
        spans.extend(values.iter().map(|(_, s)| *s));
        finding(
            "part-exceeds-whole",
            format!(
                "{}为 {}，大于其 {} 个分项之和 {}。",
                quoted(&w.label, None),
                num(wv),
                parts.len(),
                num(sum)
            ),
            spans,
            Some(sum),
            Some(wv),
        )
    })
}
