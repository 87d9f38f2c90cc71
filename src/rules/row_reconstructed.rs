use super::{rule, Context};
use crate::model::Finding;

rule! {
    /// 行已按合计拆分：有些网页复制的表格把一行的数字连在一起（如“640020470”），
    /// 只有一种拆法能使六类申请人之和等于总计时，按该拆法读取，并提示已重建，请核对。
    ///
    /// ## 依据
    /// 国办公开办函〔2019〕60号、〔2021〕30号所附表三：每行“总计”为各类申请人之和。
    code: "row-reconstructed",
    severity: Info,
    check: check,
}

fn check(cx: &Context) -> Vec<Finding> {
    super::notes(cx, "row-reconstructed")
}
