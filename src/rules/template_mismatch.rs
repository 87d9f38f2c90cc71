use super::common::{finding, rule, Context};
use crate::model::Finding;
use crate::read::cells_for;
use crate::schema::Template;

rule! {
    /// 表格格式与年度不符：2021 年及以后的年度报告应使用国办公开办函〔2021〕30号印发的格式
    /// （表二“本年制发件数”等列，表三“（六）其他处理”分为 3 项），2019、2020 年度使用
    /// 〔2019〕60号格式。报告年度与统计表格式不一致，或 2021 年格式中仍只有一行“（六）其他处理”时提示。
    ///
    /// ## 依据
    /// 国办公开办函〔2019〕60号《中华人民共和国政府信息公开工作年度报告格式（试行）》；
    /// 国办公开办函〔2021〕30号《关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》。
    code: "template-mismatch",
    check: check,
}

fn check(cx: &Context) -> Vec<Finding> {
    let Some(t) = cx.ex.template else {
        return Vec::new();
    };
    let Some(first) = cx.ex.cells.first() else {
        return Vec::new();
    };
    let mut out: Vec<Finding> = Vec::new();
    match (t, cx.doc.year) {
        (Template::T2019, Some(y)) if y >= 2021 => out.push(finding(
            "template-mismatch",
            format!("这是 {y} 年度报告，但统计表仍按 2019 年格式填写；2021 年起应使用国办公开办函〔2021〕30号格式。"),
            vec![first.span],
            None,
            None,
        )),
        (Template::T2021, Some(y @ (2019 | 2020))) => out.push(finding(
            "template-mismatch",
            format!("这是 {y} 年度报告，但统计表使用了 2021 年格式；该年度应使用国办公开办函〔2019〕60号格式。"),
            vec![first.span],
            None,
            None,
        )),
        _ => {}
    }
    // the whole form is another year's: the place is the tables, not their first cell
    out.iter_mut().for_each(|f| f.place = "统计表".to_string());
    let single_other = cells_for(&cx.ex.cells, "result.other").any(|c| c.value.is_some());
    let split_other = ["other.no_correction", "other.no_fee", "other.other"]
        .iter()
        .any(|id| cells_for(&cx.ex.cells, id).next().is_some());
    if t == Template::T2021 && single_other && !split_other {
        let span = cells_for(&cx.ex.cells, "result.other")
            .next()
            .map_or(first.span, |c| c.span);
        let mut f = finding(
            "template-mismatch",
            "表三“（六）其他处理”只有一行，2021 年格式已将其分为 3 项（逾期不补正、逾期未缴费、其他），请按新格式填写。".to_string(),
            vec![span],
            None,
            None,
        );
        f.place = super::common::row_position(cx, "result.other");
        out.push(f);
    }
    out
}
