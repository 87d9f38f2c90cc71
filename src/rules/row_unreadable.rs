use super::common::{rule, Context};
use crate::model::Finding;

rule! {
    /// 行无法读取：一行的数字连在一起，且有多种拆法都能使各列之和等于总计（或没有任何拆法），
    /// 无法确定每一格的数值。这一行不参与核对，请对照原表改正。
    ///
    /// ## 依据
    /// 国办公开办函〔2019〕60号、〔2021〕30号所附表三的列结构。
    code: "row-unreadable",
    check: check,
}

fn check(cx: &Context) -> Vec<Finding> {
    super::common::notes(cx, "row-unreadable")
}
