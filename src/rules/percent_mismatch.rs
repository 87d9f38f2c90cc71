use super::common::{finding, label_of, num, rule, Context};
use crate::facts::{self, Share};
use crate::model::{Fact, Finding, Span};
use crate::schema::{self, Relation};

rule! {
    /// 百分比与数字不符：正文写的百分比与“件数 ÷ 总数”算出的不一致，超出了四舍五入或截断的误差。
    /// 例如“在已经答复的3件申请中……“申请内容不明确”的1件，占总数的34%”，1 ÷ 3 = 33.3%。
    /// 总数取同一小节中前面以“共”“总数”“合计”引出或“……中”收束的数字；找不到总数时不核对。
    /// 同一句或同一段连续写出的几个百分比，若多数都与前面先写出的某个数字相符（如“答复申请
    /// 805件”），就以它为总数，只提示与之不符的那一项。
    /// 另外，同一分解（如 8 类答复）的各项百分比之和不能超过 100% 加上各项四舍五入可能带来的误差。
    ///
    /// ## 依据
    /// 百分比 = 分项 ÷ 总数 × 100%；保留 n 位小数时，每项最多相差 0.5×10⁻ⁿ 个百分点。
    /// 《政府信息公开情况统计表》中答复类型、申请方式等分项构成各自的总数。
    code: "percent-mismatch",
    check: check,
}

fn check(cx: &Context) -> Vec<Finding> {
    let shares = facts::shares(cx.doc, cx.prose);
    let mut out: Vec<Finding> = shares
        .iter()
        .filter_map(|s| against_base(s, group_base(&shares, s.group)))
        .collect();
    let flagged: Vec<Span> = out
        .iter()
        .filter_map(|f| f.spans.first().copied())
        .collect();
    out.extend(breakdown_sums(cx, &shares, &flagged));
    out
}

/// Half a unit of the last printed digit, and a little for float noise.
fn tolerance(decimals: u32) -> f64 {
    0.5 * 10f64.powi(-(decimals as i32)) + 1e-9
}

/// A stated percentage agrees with count ÷ base when it is that ratio rounded or truncated.
fn agrees(percent: f64, decimals: u32, count: f64, base: f64) -> bool {
    let exact = count / base * 100.0;
    let scale = 10f64.powi(decimals as i32);
    (percent - exact).abs() <= tolerance(decimals)
        || ((exact * scale + 1e-9).floor() / scale - percent).abs() < 1e-9
}

/// The whole that the shares of one group agree on: of the counts named before them and their
/// own bases, the one most of them fit (at least two, more than half of the group); on a tie,
/// the one named first. `None` when they agree on none.
#[inline(never)]
fn group_base(shares: &[Share], group: usize) -> Option<(f64, Span)> {
    let members: Vec<&Share> = shares.iter().filter(|s| s.group == group).collect();
    if members.len() < 2 {
        return None;
    }
    let mut candidates: Vec<(f64, Span)> = members[0].named_before.clone();
    for s in &members {
        for &b in &s.bases {
            if !candidates.iter().any(|c| c.0 == b.0) {
                candidates.push(b);
            }
        }
    }
    let fits = |base: f64| {
        members
            .iter()
            .filter(|s| s.count <= base && agrees(s.percent, s.decimals, s.count, base))
            .count()
    };
    let mut best: Option<((f64, Span), usize)> = None;
    for c in candidates {
        let n = fits(c.0);
        if n >= 2 && n * 2 > members.len() && best.is_none_or(|(_, m)| n > m) {
            best = Some((c, n));
        }
    }
    best.map(|(c, _)| c)
}

/// A share checked against its bases and its group's agreed whole: silent when it fits any of
/// them; else reported on the group's whole when there is one (the others of its sentence
/// fit it), or on its nearest base.
#[inline(never)]
fn against_base(s: &Share, group: Option<(f64, Span)>) -> Option<Finding> {
    let &(base, base_span) = group.as_ref().or(s.bases.first())?;
    if s.bases
        .iter()
        .chain(group.as_ref())
        .any(|&(b, _)| agrees(s.percent, s.decimals, s.count, b))
    {
        return None;
    }
    let exact = s.count / base * 100.0;
    Some(finding(
        "percent-mismatch",
        format!(
            "正文“{}”中的百分比为 {}%，但 {} ÷ {} = {}%，与所写不符。",
            s.evidence,
            num(s.percent),
            num(s.count),
            num(base),
            num((exact * 100.0).round() / 100.0)
        ),
        vec![s.percent_span, s.count_span, base_span],
        Some((exact * 100.0).round() / 100.0),
        Some(s.percent),
    ))
}

/// Shares of the parts of one schema sum (the 8 reply types of 申请答复数) add to at most 100%.
/// A breakdown with a share already found wrong on its own is not reported again.
fn breakdown_sums(cx: &Context, shares: &[Share], flagged: &[Span]) -> Vec<Finding> {
    let t = cx.template();
    let mut out = Vec::new();
    // facts come in text order, so the facts at a share's span are found by halving instead
    // of a scan of all facts for every share and relation
    let in_order = cx.facts.is_sorted_by_key(|f| f.span.start);
    let stated_at = |span: Span| -> &[Fact] {
        if in_order {
            let from = cx.facts.partition_point(|f| f.span.start < span.start);
            let to = cx.facts.partition_point(|f| f.span.start <= span.start);
            &cx.facts[from..to]
        } else {
            cx.facts
        }
    };
    for r in schema::relations() {
        let Relation::Sum {
            total,
            parts,
            within,
            absent,
        } = r
        else {
            continue;
        };
        if !within.has(t) || !cx.none_printed(absent) {
            continue;
        }
        let group: Vec<&Share> = shares
            .iter()
            .filter(|s| {
                stated_at(s.count_span)
                    .iter()
                    .any(|f| f.span == s.count_span && parts.contains(&f.indicator.as_str()))
            })
            .collect();
        if group.len() < 2 || group.iter().any(|s| flagged.contains(&s.percent_span)) {
            continue;
        }
        let sum: f64 = group.iter().map(|s| s.percent).sum();
        let slack: f64 = group.iter().map(|s| tolerance(s.decimals)).sum();
        if sum <= 100.0 + slack {
            continue;
        }
        let sum = (sum * 100.0).round() / 100.0;
        let listed: Vec<String> = group
            .iter()
            .map(|s| format!("{}%", num(s.percent)))
            .collect();
        let spans: Vec<Span> = group.iter().map(|s| s.percent_span).collect();
        out.push(finding(
            "percent-mismatch",
            format!(
                "“{}”的 {} 个分项百分比（{}）相加为 {}%，超过 100%。",
                schema::core(&label_of(total)),
                group.len(),
                listed.join("、"),
                num(sum)
            ),
            spans,
            Some(100.0),
            Some(sum),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::agrees;

    #[test]
    fn rounding_and_truncation_agree_other_values_do_not() {
        assert!(agrees(33.0, 0, 1.0, 3.0));
        assert!(!agrees(34.0, 0, 1.0, 3.0));
        assert!(agrees(66.6, 1, 2.0, 3.0), "truncated");
        assert!(agrees(66.7, 1, 2.0, 3.0), "rounded");
        assert!(agrees(30.79, 2, 109.0, 354.0));
        assert!(!agrees(31.79, 2, 109.0, 354.0));
    }
}
