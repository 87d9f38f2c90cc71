use super::common::{finding, rule, Context};
use crate::model::{Finding, Span};

rule! {
    /// 输入过长：粘贴或读入的文字超过 5 MB（一份年度报告通常不到 100 KB），只检查了前面一部分
    /// （在行尾截断），其余部分没有检查。请每次只检查一份报告的正文。
    ///
    /// ## 依据
    /// 本工具的处理上限：为了在有限的时间和内存内给出结果、不让页面卡住，超出上限的部分不读。
    code: "input-truncated",
    check: check,
}

/// The cut is made before the pipeline runs ([`crate::check`]), so the rules see only the
/// part kept; the finding comes from [`truncated`].
fn check(_cx: &Context) -> Vec<Finding> {
    Vec::new()
}

/// The finding for a text of which only `text[..kept]` was checked; it points at the first
/// character left out.
pub fn truncated(text: &str, kept: usize) -> Finding {
    let next = text[kept..].chars().next().map_or(0, char::len_utf8);
    let lines = text[..kept].bytes().filter(|&b| b == b'\n').count();
    // tenths of a megabyte by integers (std's float printing is kept out of the wasm)
    let mb = |n: usize| {
        let tenths = (n * 10 + 512 * 1024) / (1024 * 1024);
        format!("{}.{}", tenths / 10, tenths % 10)
    };
    let message = format!(
        "输入共 {} MB，超过 {} MB 的上限，只检查了前 {} MB（前 {} 行），其余部分没有检查。",
        mb(text.len()),
        crate::MAX_INPUT_BYTES / (1024 * 1024),
        mb(kept),
        lines
    );
    let mut f = finding(
        "input-truncated",
        message,
        vec![Span::new(kept, kept + next)],
        None,
        None,
    );
    f.place = format!("前 {} MB 之后的部分", mb(kept));
    f
}
