//! Labels run together. A copy that prints a long wording over three lines, its figure on a
//! line of its own, can leave a reading one row short: the tail of one row's wording is taken
//! with the next row's start (`信息数主动公开食品安全标准，食品生产经营许`), and the figure
//! between them (the first row's) is given to the second. Such a label is told by a piece of
//! another row's wording before or after its own; its row is not trusted.

use crate::normalize::han_chars;
use crate::read::grid::MatchedRow;
use crate::read::verify::Unit;
use crate::schema::{self, Template};

/// Two Han characters of another row's wording's end before a label's own wording, or four of
/// another's start after it.
const TAIL: usize = 2;
const START: usize = 4;

/// The rows whose printed label holds, before its own wording, the end of another row's
/// wording, or after it, the start of another's.
pub fn labels_run_together(t: Template, matched: &[MatchedRow]) -> Vec<Unit> {
    let others = wordings(t);
    matched
        .iter()
        .filter(|m| !m.indicator.heading)
        .filter(|m| {
            let printed = schema::han_core(&m.row.label());
            // judged by each of the row's wordings the label holds: a shorter wording of the
            // row (`政府公报公开`) leaves the rest of the longer one after it
            let placings: Vec<(&str, &str)> = others
                .iter()
                .filter(|(id, _)| *id == m.indicator.id)
                .filter_map(|(_, w)| placed(&printed, w))
                .collect();
            let other = |test: &dyn Fn(&str) -> bool| {
                others
                    .iter()
                    .any(|(id, w)| *id != m.indicator.id && test(w))
            };
            !placings.is_empty()
                && placings.iter().all(|(before, after)| {
                    let tail = before.chars().count() >= TAIL && other(&|w| w.ends_with(before));
                    let start: String = after.chars().take(START).collect();
                    let next = start.chars().count() == START && other(&|w| w.starts_with(&start));
                    tail || next
                })
        })
        .map(|m| Unit::of(m.indicator.id, None))
        .collect()
}

/// Each row's wordings of a template as Han characters, made once (the check runs for each
/// reading of every text).
fn wordings(t: Template) -> &'static [(&'static str, String)] {
    type Wordings = std::sync::OnceLock<Vec<(&'static str, String)>>;
    static SLOTS: [Wordings; 3] = [const { Wordings::new() }; 3];
    schema::once_per_template::<Vec<_>>(&SLOTS, t, || {
        schema::indicators()
            .zip(schema::wording_cores())
            .filter(|(ind, _)| ind.within.has(t))
            .flat_map(|(ind, cores)| cores.iter().map(move |c| (ind.id, han_chars(&c.text))))
            .filter(|(_, w)| w.chars().count() >= START)
            .collect()
    })
}

/// What a printed label holds before its own wording (where it holds the wording's first four
/// characters) and after it (where it holds its last four too; nothing when it was cut short).
fn placed<'a>(printed: &'a str, own: &str) -> Option<(&'a str, &'a str)> {
    let first: String = own.chars().take(START).collect();
    let mut last: Vec<char> = own.chars().rev().take(START).collect();
    last.reverse();
    let last: String = last.into_iter().collect();
    let at = printed.find(&first)?;
    let after = printed[at..]
        .find(&last)
        .map_or("", |end| &printed[at + end + last.len()..]);
    Some((&printed[..at], after))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wording_is_placed_between_what_comes_before_and_after_it() {
        let own = "主动公开食品安全标准食品生产经营许可专项检查整治等信息数";
        assert_eq!(
            placed(&format!("信息数{own}主动公开生产"), own),
            Some(("信息数", "主动公开生产"))
        );
        assert_eq!(placed("信息数主动公开食品安全", own), Some(("信息数", "")));
        assert_eq!(placed("公开食品", own), None);
    }
}
