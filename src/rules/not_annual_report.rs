use super::common::{finding, rule, Context};
use crate::model::{Finding, Kind};

rule! {
    /// 非年度报告：粘贴的文字不是政府信息公开工作年度报告（例如工作要点、政府工作报告、通知），
    /// 因此不再做其他检查，以免对不适用的文本报出误报。
    ///
    /// ## 依据
    /// 《中华人民共和国政府信息公开条例》第四十九条、第五十条规定了年度报告的内容；
    /// 本工具只检查按该格式编写的年度报告。
    code: "not-annual-report",
    check: check,
}

fn check(cx: &Context) -> Vec<Finding> {
    if cx.doc.kind != Kind::Other {
        return Vec::new();
    }
    let (title, span) = match &cx.doc.title {
        Some((t, r)) => (t.clone(), cx.doc.span(r.clone())),
        None => {
            let first = cx
                .doc
                .lines
                .iter()
                .find(|l| l.end > l.start)
                .map_or(0..0, |l| l.start..l.end);
            (
                super::common::clip(&cx.doc.text()[first.clone()], super::common::QUOTE_CHARS),
                cx.doc.span(first),
            )
        }
    };
    let message = if title.is_empty() {
        "这段文字不像政府信息公开工作年度报告，未做数据检查。".to_string()
    } else {
        format!("“{title}”不是政府信息公开工作年度报告，未做数据检查。")
    };
    vec![finding(
        "not-annual-report",
        message,
        vec![span],
        None,
        None,
    )]
}
