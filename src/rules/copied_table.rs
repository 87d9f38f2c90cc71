use super::common::{finding, rule, Context};
use crate::model::{Finding, Yearly};

rule! {
    /// 统计数据疑似沿用上一年度：本年度统计表中的非零数字，绝大多数（八成以上，且至少 10 个）
    /// 与上一年度报告同一格完全相同，可能是复制了去年的表格而未更新。
    ///
    /// ## 依据
    /// 《中华人民共和国政府信息公开条例》第四十九条、第五十条：年度报告报告的是本年度的情况；
    /// 国办公开办函〔2021〕30号要求防止“内容雷同、敷衍塞责”。
    code: "copied-table",
    check: check,
}

/// Needs two reports: see [`compare`].
fn check(_cx: &Context) -> Vec<Finding> {
    Vec::new()
}

const MIN_FIGURES: usize = 10;

pub fn compare(prev: Yearly, cur: Yearly) -> Vec<Finding> {
    let mut same = 0;
    let mut compared = 0;
    for c in cur
        .report
        .cells
        .iter()
        .filter(|c| c.value.is_some_and(|v| v != 0.0))
    {
        let before = prev
            .report
            .cells
            .iter()
            .find(|p| p.indicator == c.indicator && p.column == c.column);
        if let Some(b) = before.and_then(|b| b.value) {
            compared += 1;
            if Some(b) == c.value {
                same += 1;
            }
        }
    }
    if compared < MIN_FIGURES || same * 10 < compared * 8 {
        return Vec::new();
    }
    let first = cur
        .report
        .cells
        .first()
        .map(|c| c.span)
        .into_iter()
        .collect();
    let mut f = finding(
        "copied-table",
        format!(
            "统计表中 {compared} 个非零数字有 {same} 个与 {} 年度报告完全相同，可能沿用了上一年的数据。",
            prev.report.year.map_or("上一".to_string(), |y| y.to_string())
        ),
        first,
        None,
        None,
    );
    f.place = "统计表".to_string();
    vec![f]
}
