use super::common::{finding, rule, Context};
use super::outline;
use crate::model::Finding;

rule! {
    /// 缺少规定的部分：2019、2021 年格式规定年度报告分六部分（一、总体情况；二、主动公开政府信息
    /// 情况；三、收到和处理政府信息公开申请情况；四、政府信息公开行政复议、行政诉讼情况；
    /// 五、存在的主要问题及改进情况；六、其他需要报告的事项），报告中找不到其中某一部分的标题。
    /// 只在能读出至少三个规定部分的标题时检查（标题编号在复制时丢失的文本不检查）；标题不在行首
    /// 但全文有其规定的字句的（转换工具把标题并进了段落或表格），不算缺少；
    /// 2008—2018 年的报告没有统一的部分划分，不检查。
    ///
    /// ## 依据
    /// 国办公开办函〔2019〕60号、〔2021〕30号所附《中华人民共和国政府信息公开工作年度报告格式》
    /// 规定的报告结构；《中华人民共和国政府信息公开条例》第五十条。
    code: "section-missing",
    check: check,
}

fn check(cx: &Context) -> Vec<Finding> {
    if !outline::prescribes_sections(cx) {
        return Vec::new();
    }
    let headings = outline::body_headings(cx);
    let found = outline::national_sections(&headings);
    if found.iter().flatten().count() < 3 {
        return Vec::new();
    }
    let Some(title) = cx.doc.title.as_ref().map(|t| cx.doc.span(t.1.clone())) else {
        return Vec::new();
    };
    let words = std::cell::OnceCell::new();
    let worded_somewhere = |name: &str| {
        let words = words.get_or_init(|| crate::normalize::han_chars(cx.doc.text()));
        let (_, wording) = name.split_once('、').unwrap_or(("", name));
        words.contains(&crate::normalize::han_chars(wording))
    };
    outline::NATIONAL_SECTIONS
        .iter()
        .zip(&found)
        .filter(|((name, _), f)| f.is_none() && !worded_somewhere(name))
        .map(|((name, _), _)| {
            let mut f = finding(
                "section-missing",
                format!("报告中没有找到规定的“{name}”部分。"),
                vec![title],
                None,
                None,
            );
            // a part that is not there has no place of its own: the report as a whole
            f.place = "全文".to_string();
            f
        })
        .collect()
}
