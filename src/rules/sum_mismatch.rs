use super::{finding, num, quoted, rule, Context, Figure};
use crate::model::{Finding, Span, ValueKind};
use crate::schema::{self, t2019::ROW_TOTALS, Relation};

rule! {
    /// 合计与分项之和不符：统计表（或正文）中的合计数不等于其各分项之和。例如“申请答复数”
    /// 应等于 8 类答复之和，“申请办结数”= 按时办结 + 延期办结，“行政复议数量”= 维持 + 纠错
    /// + 其他，“从事政府信息公开工作人员数”= 专职 + 兼职；2019、2021 年格式中表三每行“总计”
    /// = 六类申请人之和，每列（三）（四）（五）（六）= 其细项之和，（七）总计 =（一）至（六）之和，
    /// 表四每组“总计”= 结果维持 + 结果纠正 + 其他结果 + 尚未审结。
    /// 分项中有无法读出的数字时，不作猜测，只提示无法核对。
    ///
    /// ## 依据
    /// 《政府信息公开情况统计表》各项的分解关系；国办公开办函〔2019〕60号、〔2021〕30号
    /// 所附表三、表四的行列结构。
    code: "sum-mismatch",
    severity: Error,
    check: check,
}

/// A part's value, or why it has none.
enum Part {
    Value(f64, Span),
    Unreadable(Span),
    Absent,
}

fn part(cx: &Context, id: &str, column: Option<&str>) -> Part {
    match cx.figure(id, column) {
        Some(Figure { value: Some(v), .. }) => {
            Part::Value(v, Span::default()).with_span(cx, id, column)
        }
        Some(Figure {
            kind: ValueKind::NotApplicable,
            span,
            ..
        }) => Part::Value(0.0, span),
        Some(Figure {
            kind: ValueKind::Blank,
            ..
        }) => Part::Absent,
        Some(f) => Part::Unreadable(f.span),
        None => group_sum(cx, id, column),
    }
}

impl Part {
    fn with_span(self, cx: &Context, id: &str, column: Option<&str>) -> Part {
        match self {
            Part::Value(v, _) => {
                Part::Value(v, cx.figure(id, column).map_or(Span::default(), |f| f.span))
            }
            other => other,
        }
    }
}

/// A group row printed without figures (（三）不予公开) counts as the sum of its own parts.
fn group_sum(cx: &Context, id: &str, column: Option<&str>) -> Part {
    let t = cx.template();
    let Some(parts) = schema::relations().find_map(|r| match r {
        Relation::Sum {
            total,
            parts,
            within,
        } if *total == id && within.has(t) => Some(*parts),
        _ => None,
    }) else {
        return Part::Absent;
    };
    let mut sum = 0.0;
    let mut span: Option<Span> = None;
    for p in parts {
        match part(cx, p, column) {
            Part::Value(v, s) => {
                sum += v;
                span = Some(span.map_or(s, |a| a.cover(s)));
            }
            other => return other,
        }
    }
    span.map_or(Part::Absent, |s| Part::Value(sum, s))
}

fn check(cx: &Context) -> Vec<Finding> {
    let t = cx.template();
    let mut out = Vec::new();
    for r in schema::relations() {
        let Relation::Sum {
            total,
            parts,
            within,
        } = r
        else {
            continue;
        };
        if !within.has(t) {
            continue;
        }
        for column in cx.columns(total) {
            if let Some(f) = check_sum(cx, total, parts, column) {
                out.push(f);
            }
        }
    }
    out.extend(row_totals(cx));
    out
}

fn check_sum(cx: &Context, total: &str, parts: &[&str], column: Option<&str>) -> Option<Finding> {
    let whole = cx.figure(total, column)?;
    let whole_value = whole.value?;
    let mut sum = 0.0;
    let mut spans = vec![whole.span];
    for p in parts {
        match part(cx, p, column) {
            Part::Value(v, s) => {
                sum += v;
                spans.push(s);
            }
            Part::Unreadable(s) => {
                return Some(finding(
                    "sum-unchecked",
                    format!(
                        "{}的分项中有无法读出的数字，合计无法核对。",
                        quoted(&whole.label, column)
                    ),
                    vec![s, whole.span],
                    None,
                    None,
                ))
            }
            Part::Absent => return None,
        }
    }
    if (sum - whole_value).abs() < 0.005 {
        return None;
    }
    let message = format!(
        "{}为 {}，但其 {} 个分项之和为 {}（相差 {}）。",
        quoted(&whole.label, column),
        num(whole_value),
        parts.len(),
        num(sum),
        num((whole_value - sum).abs())
    );
    Some(finding(
        "sum-mismatch",
        message,
        spans,
        Some(sum),
        Some(whole_value),
    ))
}

/// 表三、表四: in each row the 总计 column equals the columns it totals.
fn row_totals(cx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for ind in schema::indicators() {
        let schema::Columns::Named(names) = ind.columns else {
            continue;
        };
        for (set, total, parts) in ROW_TOTALS
            .iter()
            .filter(|(set, ..)| std::ptr::eq(*set, names))
        {
            let _ = set;
            let Some(whole) = cx.cell(ind.id, Some(total)) else {
                continue;
            };
            let Some(whole_value) = whole.value else {
                continue;
            };
            let values: Option<Vec<(f64, Span)>> = parts
                .iter()
                .map(|p| {
                    cx.cell(ind.id, Some(p))
                        .and_then(|c| c.value.map(|v| (v, c.span)))
                })
                .collect();
            let Some(values) = values else { continue };
            let sum: f64 = values.iter().map(|(v, _)| v).sum();
            if (sum - whole_value).abs() < 0.005 {
                continue;
            }
            let mut spans = vec![whole.span];
            spans.extend(values.iter().map(|(_, s)| *s));
            out.push(finding(
                "sum-mismatch",
                format!(
                    "“{}”一行的“{total}”为 {}，但各列之和为 {}（相差 {}）。",
                    whole.label,
                    num(whole_value),
                    num(sum),
                    num((whole_value - sum).abs())
                ),
                spans,
                Some(sum),
                Some(whole_value),
            ));
        }
    }
    out
}
