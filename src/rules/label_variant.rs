use super::common::{finding, label_of, rule, Context};
use crate::model::Finding;

rule! {
    /// 项目名称与模板不同：统计表某一行的名称与模板措辞不完全一致（错字、漏字，如
    /// “其他法律行政止公开”），已按最相近的模板项目读取。请确认读取无误，并改正措辞。
    ///
    /// ## 依据
    /// 《政府信息公开情况统计表》及国办公开办函〔2019〕60号、〔2021〕30号所附表格的项目名称。
    code: "label-variant",
    check: check,
}

fn check(cx: &Context) -> Vec<Finding> {
    cx.ex
        .fuzzy
        .iter()
        .filter_map(|&(i, _)| cx.ex.matched.get(i))
        .map(|m| {
            let printed = m.row.label();
            let mut f = finding(
                "label-variant",
                format!(
                    "“{printed}”与模板项目“{}”的措辞不同，已按该项读取。",
                    label_of(m.indicator.id)
                ),
                vec![cx.doc.span(m.row.label_range())],
                None,
                None,
            );
            f.place = super::common::row_position(cx, m.indicator.id);
            f
        })
        .collect()
}
