//! A printed cell's value: a number, blank, not applicable, or other text.

use super::grid;
use crate::model::ValueKind;

/// Reads a printed value: a number, blank, not applicable, or other text.
pub fn parse_value(raw: &str) -> (Option<f64>, ValueKind) {
    let t = raw.trim();
    if t.is_empty() {
        return (None, ValueKind::Blank);
    }
    if grid::is_not_applicable(t) {
        return (None, ValueKind::NotApplicable);
    }
    let body = grid::UNITS
        .iter()
        .find_map(|u| t.strip_suffix(u))
        .unwrap_or(t)
        .trim();
    let plain = body.strip_prefix('+').unwrap_or(body);
    let well_formed = !plain.is_empty()
        && plain
            .trim_start_matches('-')
            .starts_with(|c: char| c.is_ascii_digit())
        && plain
            .chars()
            .skip(1)
            .all(|c| c.is_ascii_digit() || c == '.')
        && plain.matches('.').count() <= 1;
    match crate::scan::decimal(plain) {
        Some(v) if v.is_finite() && well_formed => (Some(v), ValueKind::Number),
        _ => (None, ValueKind::Text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_keep_their_kind() {
        assert_eq!(parse_value("975"), (Some(975.0), ValueKind::Number));
        assert_eq!(parse_value("0元"), (Some(0.0), ValueKind::Number));
        assert_eq!(parse_value(""), (None, ValueKind::Blank));
        assert_eq!(parse_value("/"), (None, ValueKind::NotApplicable));
        assert_eq!(parse_value("不适用"), (None, ValueKind::NotApplicable));
        assert_eq!(parse_value("1.5"), (Some(1.5), ValueKind::Number));
        assert_eq!(parse_value("-3"), (Some(-3.0), ValueKind::Number));
        assert_eq!(parse_value("1e5"), (None, ValueKind::Text));
        assert_eq!(
            parse_value("99999999999999999999"),
            (Some(1e20), ValueKind::Number)
        );
        assert_eq!(parse_value("约5"), (None, ValueKind::Text));
    }
}
