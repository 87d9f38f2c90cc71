//! nianbao（年报校验）: checks the tables and figures of a Chinese 政府信息公开工作年度报告.
//!
//! The pipeline, one module each: [`normalize`] (with [`markdown`]) → [`segment`] → [`read`]
//! (the tables, by the template's [`schema`] as data) → [`facts`] → [`rules`] → [`model::Report`]. This crate is pure: no I/O,
//! no wasm dependency outside `wasm.rs`.

pub mod arith;
pub mod crossyear;
pub mod csv;
pub mod decode;
#[cfg(feature = "files")]
pub mod docx;
pub mod facts;
#[cfg(feature = "files")]
pub mod files;
#[cfg(feature = "files")]
pub mod html;
pub mod markdown;
#[cfg(feature = "files")]
pub mod merged;
pub mod model;
pub mod normalize;
#[cfg(feature = "files")]
pub mod pdf;
pub mod read;
pub mod rules;
pub mod scan;
pub mod schema;
pub mod segment;
pub mod source;
#[cfg(target_arch = "wasm32")]
pub mod wasm;
#[cfg(feature = "xlsx")]
pub mod xlsx;

pub use model::{Cell, Finding, Kind, Report, Severity, Span};

/// The version shown in the CLI and the page footer.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Longest input checked whole. A report is well under 100 KB; past this size the text is a
/// pasted dump, and only its first part is checked (with an `input-truncated` finding), so
/// that time and memory stay bounded whatever is pasted.
pub const MAX_INPUT_BYTES: usize = 5 * 1024 * 1024;

/// Checks one pasted report. Spans in the result are byte offsets into `text`.
pub fn check(text: &str) -> Report {
    check_with_tables(text, &[])
}

/// Like [`check`], with tables read exactly from a clipboard's HTML (`rows` of `cells`),
/// used instead of the flattened tables found in `text`.
pub fn check_with_tables(text: &str, tables: &[Vec<Vec<String>>]) -> Report {
    let kept = cut_point(text, MAX_INPUT_BYTES);
    let mut report = check_whole(&text[..kept], tables);
    if kept < text.len() {
        report
            .findings
            .push(rules::input_truncated::truncated(text, kept));
        // errors first, then warnings, then notes (the cut is after every other finding)
        rules::order(&mut report.findings);
    }
    report
}

/// Where a text longer than `limit` bytes is cut: after the last line break in its second
/// half, else (one huge line) at the last character boundary.
fn cut_point(text: &str, limit: usize) -> usize {
    if text.len() <= limit {
        return text.len();
    }
    let end = source::floor_char_boundary(text, limit);
    match text.as_bytes()[..end].iter().rposition(|&b| b == b'\n') {
        Some(nl) if nl >= end / 2 => nl + 1,
        _ => end,
    }
}

fn check_whole(text: &str, tables: &[Vec<Vec<String>>]) -> Report {
    let doc = segment::Document::new(text);
    let extraction = read::read(&doc, tables);
    let prose = facts::Prose::read(&doc, &extraction);
    let facts = facts::facts_from(&doc, &extraction, &prose);
    let findings = rules::run(&doc, &extraction, &facts, &prose);
    Report {
        kind: doc.kind,
        template: extraction.template.map(|t| t.name()),
        year: doc.year,
        agency: doc.agency.clone(),
        coverage: extraction.coverage.clone(),
        cells: extraction.cells,
        findings,
        facts,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_texts_are_cut_after_a_line_or_between_characters() {
        assert_eq!(cut_point("年报\n年报", 100), 13);
        assert_eq!(cut_point("年报\n年报", 10), 7);
        // no line break in the second half: cut between characters
        assert_eq!(cut_point("年报年报年报", 10), 9);
        assert_eq!(cut_point("a\n年报年报年报", 12), 11);
    }
}
