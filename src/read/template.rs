//! Which template a report's tables follow, when the layout gave no rows to tell it: the
//! template whose rows the text holds most of; 2019 or 2021 by the columns and rows that changed.

use crate::schema::Template;
use crate::segment::Document;

/// The template whose rows the text holds most of, when the layout gave no rows.
pub fn by_labels(doc: &Document) -> Option<Template> {
    let [old, y2019, y2021] = crate::read::anchored::rows_found(doc);
    let national = y2019.max(y2021);
    if old.max(national) < 3 {
        return None;
    }
    if old > national {
        return Some(Template::T2008);
    }
    Some(national_format(doc))
}

/// 2019 or 2021: by the columns and rows that changed in 2021, else by the year.
pub fn national_format(doc: &Document) -> Template {
    let text = doc.text();
    let says_2021 = [
        "本年制发件数",
        "现行有效件数",
        "本年处理决定数量",
        "行政规范性文件",
        "逾期不补正",
        "本年收费金额",
    ]
    .iter()
    .filter(|w| text.contains(*w))
    .count();
    let says_2019 = [
        "本年新制作数量",
        "对外公开总数量",
        "上一年项目数量",
        "政府集中采购",
        "采购总金额",
    ]
    .iter()
    .filter(|w| text.contains(*w))
    .count();
    match says_2021.cmp(&says_2019) {
        std::cmp::Ordering::Greater => Template::T2021,
        std::cmp::Ordering::Less => Template::T2019,
        std::cmp::Ordering::Equal if doc.year.is_some_and(|y| y >= 2021) => Template::T2021,
        std::cmp::Ordering::Equal => Template::T2019,
    }
}
