//! Reports written the way real ones are: a 2021 report as PDF text (split labels, vertical
//! group labels, page marker, split header words), its web copy with blank lines between
//! cells, and the same report with two real mistakes.

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/tests/fixtures/realistic/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

fn serious(r: &nianbao::Report) -> Vec<(&'static str, String)> {
    r.findings
        .iter()
        .filter(|f| f.severity != nianbao::Severity::Info)
        .map(|f| (f.code, f.message.clone()))
        .collect()
}

/// The PDF text re-flowed as a web copy: every figure on its own line, a blank line after it.
fn as_web_copy(pdf: &str) -> String {
    let mut out = String::new();
    for line in pdf.lines() {
        let words: Vec<&str> = line.split(' ').collect();
        let figures = words
            .iter()
            .skip(1)
            .all(|w| !w.is_empty() && w.chars().all(|c| c.is_ascii_digit() || c == '.'));
        if words.len() > 1 && figures {
            for w in words {
                out.push_str(w);
                out.push_str("\n\n");
            }
        } else {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

#[test]
fn a_consistent_2021_pdf_report_is_read_whole_and_clean() {
    let text = fixture("pdf_2021.txt");
    for variant in [text.clone(), as_web_copy(&text)] {
        let r = nianbao::check(&variant);
        assert_eq!(r.template, Some("2021"));
        assert_eq!(r.year, Some(2021));
        assert_eq!(r.agency.as_deref(), Some("某某市某某区人民政府"));
        // table 二: 10 cells, table 三: 25 rows × 7, table 四: 15
        assert_eq!(
            r.cells.len(),
            10 + 25 * 7 + 15,
            "{:?}",
            r.cells.iter().map(|c| &c.indicator).collect::<Vec<_>>()
        );
        assert!(serious(&r).is_empty(), "{:?}", serious(&r));
    }
}

#[test]
fn its_two_mistakes_are_found_once_each() {
    let r = nianbao::check(&fixture("pdf_2021_with_errors.txt"));
    let found = serious(&r);
    let codes: Vec<&str> = found.iter().map(|f| f.0).collect();
    assert_eq!(
        codes,
        vec!["sum-mismatch", "prose-table-mismatch"],
        "{found:?}"
    );
    assert!(
        found[0].1.contains("(七)总计") && found[0].1.contains("59") && found[0].1.contains("60")
    );
    assert!(found[1].1.contains('9') && found[1].1.contains("11"));
}
