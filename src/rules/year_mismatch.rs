use super::common::{finding, rule, Context};
use crate::model::{Finding, Span};
use crate::scan;

rule! {
    /// 年度不一致：标题中的年度、“统计期限自××××年1月1日起”中的年度和统计表标题中的年度
    /// （如“（2017年度）”）互相矛盾，常见于沿用上一年报告时漏改。只比较报告中实际写出的年度。
    ///
    /// ## 依据
    /// 《中华人民共和国政府信息公开条例》第四十九条、第五十条：年度报告报告的是上一年度的工作，
    /// 标题、统计期限和统计表应当是同一年度。
    code: "year-mismatch",
    check: check,
}

/// A stated year and where it is.
struct Stated {
    what: &'static str,
    year: u32,
    span: Span,
}

fn check(cx: &Context) -> Vec<Finding> {
    let stated: Vec<Stated> = [title_year(cx), period_year(cx), table_year(cx)]
        .into_iter()
        .flatten()
        .collect();
    let Some(first) = stated.first() else {
        return Vec::new();
    };
    stated
        .iter()
        .skip(1)
        .filter(|s| s.year != first.year)
        .map(|s| {
            finding(
                "year-mismatch",
                format!(
                    "{}的年度是 {} 年，但{}的年度是 {} 年。",
                    s.what, s.year, first.what, first.year
                ),
                vec![s.span, first.span],
                Some(f64::from(first.year)),
                Some(f64::from(s.year)),
            )
        })
        .collect()
}

fn first_year(cx: &Context, range: std::ops::Range<usize>) -> Option<(u32, Span)> {
    let m = year_not_date(&cx.doc.text()[range.clone()])?;
    Some((
        m.year,
        cx.doc
            .span(range.start + m.digits.start..range.start + m.digits.end),
    ))
}

/// A year not followed by a month: `2017年`, `2017年度`, but not the date `2018年2月8日`.
fn year_not_date(s: &str) -> Option<scan::YearMention> {
    scan::years(s).find(|m| !s[m.end..].starts_with(|c: char| c.is_ascii_digit()))
}

fn title_year(cx: &Context) -> Option<Stated> {
    let (_, range) = cx.doc.title.as_ref()?;
    let (year, span) = first_year(cx, range.clone())?;
    Some(Stated {
        what: "标题",
        year,
        span,
    })
}

fn period_year(cx: &Context) -> Option<Stated> {
    let m = scan::stated_period(cx.doc.text())?;
    Some(Stated {
        what: "统计期限",
        year: m.year,
        span: cx.doc.span(m.digits),
    })
}

/// The year printed with the statistics table's title, on its line or the next two.
fn table_year(cx: &Context) -> Option<Stated> {
    let at = cx.ex.table_announced.as_ref()?;
    let first = cx.doc.line_of(at.start);
    // a table's title line, not a sentence that mentions a table
    if cx.doc.line_text(first).trim().chars().count() > 60 {
        return None;
    }
    (first..(first + 3).min(cx.doc.lines.len())).find_map(|i| {
        let l = cx.doc.lines[i];
        let (year, span) = first_year(cx, l.start..l.end)?;
        Some(Stated {
            what: "统计表",
            year,
            span,
        })
    })
}

#[cfg(test)]
mod tests {
    use super::year_not_date;

    #[test]
    fn a_year_is_not_a_date() {
        let year = |s: &str| year_not_date(s).map(|m| s[m.digits].to_string());
        assert_eq!(year("(2017年度)").as_deref(), Some("2017"));
        assert_eq!(
            year("宝山区2017年政府信息公开情况汇总表").as_deref(),
            Some("2017")
        );
        assert_eq!(year("2018年2月8日"), None);
        assert_eq!(
            year("2018年2月8日印发的2017年度报告").as_deref(),
            Some("2017")
        );
    }
}
