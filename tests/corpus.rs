//! The seed corpus: what the checker says about each text, snapshotted, and the gold cells.
//! `UPDATE_SNAPSHOTS=1 cargo test --test corpus` rewrites the snapshots after a reviewed change.

use nianbao::source::line_col;
use serde_json::Value;
use std::path::PathBuf;

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests")
}

fn seeds() -> Vec<(String, String)> {
    let gold: Value = serde_json::from_str(include_str!("fixtures/seeds/seeds.gold.json")).unwrap();
    let mut names: Vec<String> = gold.as_object().unwrap().keys().cloned().collect();
    names.sort();
    names
        .into_iter()
        .map(|n| {
            (
                std::fs::read_to_string(dir().join("fixtures/seeds").join(&n)).unwrap(),
                n,
            )
        })
        .collect()
}

/// What a reviewer reads: the document's reading, then every finding with line:column.
fn render(text: &str) -> String {
    let r = nianbao::check(text);
    let mut out = format!(
        "kind: {:?}\ntemplate: {:?}\nyear: {:?}\nagency: {:?}\ncells: {}\nfacts: {}\n",
        r.kind,
        r.template,
        r.year,
        r.agency,
        r.cells.len(),
        r.facts.len()
    );
    for f in &r.findings {
        let (line, col) = f.spans.first().map_or((0, 0), |s| line_col(text, s.start));
        out.push_str(&format!(
            "{line}:{col} {} {} {}\n",
            f.severity.as_str(),
            f.code,
            f.message
        ));
    }
    out
}

#[test]
fn findings_match_the_snapshots() {
    let update = std::env::var("UPDATE_SNAPSHOTS").is_ok();
    let mut changed = Vec::new();
    for (text, name) in seeds() {
        let got = render(&text);
        let path = dir()
            .join("snapshots")
            .join(format!("{}.snap", name.trim_end_matches(".txt")));
        if update {
            std::fs::write(&path, &got).unwrap();
            continue;
        }
        let want = std::fs::read_to_string(&path).unwrap_or_default();
        if got != want {
            changed.push(format!("--- {name}: expected\n{want}--- got\n{got}"));
        }
    }
    assert!(
        changed.is_empty(),
        "snapshots differ (UPDATE_SNAPSHOTS=1 after review):\n{}",
        changed.join("\n")
    );
}

#[test]
fn every_gold_cell_is_read() {
    let gold: Value = serde_json::from_str(include_str!("fixtures/seeds/seeds.gold.json")).unwrap();
    for (text, name) in seeds() {
        let r = nianbao::check(&text);
        assert_eq!(
            r.kind == nianbao::Kind::AnnualReport,
            gold[&name]["kind"] == "annual-report",
            "{name}"
        );
        for g in gold[&name]["cells"].as_array().unwrap() {
            let label = nianbao::schema::core(g["label"].as_str().unwrap());
            let found = r.cells.iter().any(|c| {
                let l = nianbao::schema::core(&c.label);
                (l == label || l.contains(&label)) && c.value == g["value"].as_f64()
            });
            assert!(found, "{name}: {} = {}", g["label"], g["value"]);
        }
    }
}

#[test]
fn spans_point_at_the_printed_cell() {
    for (text, name) in seeds() {
        let r = nianbao::check(&text).into_utf16(&text);
        let units: Vec<u16> = text.encode_utf16().collect();
        for c in r.cells.iter().filter(|c| c.value.is_some()) {
            let printed = String::from_utf16(&units[c.span.start..c.span.end]).unwrap();
            let digits: String = printed.chars().filter(char::is_ascii_digit).collect();
            assert!(
                digits.contains(
                    &c.raw
                        .chars()
                        .filter(char::is_ascii_digit)
                        .collect::<String>()
                ),
                "{name}: {} at {:?} is {printed:?}",
                c.raw,
                c.span
            );
        }
    }
}
