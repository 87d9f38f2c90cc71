use super::common::{rule, Context};
use crate::model::Finding;

rule! {
    /// 合计无法核对：合计或其分项中有无法读出的数字（例如写成文字），或旧版统计表的某一分项
    /// 找到了项目名称却没有读出数字，因此无法确认合计是否正确。
    /// 这不是错误，只是提示人工核对；由“sum-mismatch”规则在核对时一并给出。
    ///
    /// ## 依据
    /// 同“sum-mismatch”：《政府信息公开情况统计表》及国家格式表三、表四的分解关系。
    code: "sum-unchecked",
    check: check,
}

/// Findings of this code come from the sum check itself, which knows which part was unreadable.
fn check(_cx: &Context) -> Vec<Finding> {
    Vec::new()
}
