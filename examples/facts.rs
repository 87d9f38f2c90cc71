//! Lists every prose fact and stated percentage of the given reports with the phrase that made
//! the link, for reviewing the lexicon's precision: `cargo run --example facts -- FILE...`.

use nianbao::{facts, read, segment::Document};

fn main() {
    let files: Vec<String> = std::env::args().skip(1).collect();
    if files.is_empty() {
        eprintln!("usage: cargo run --example facts -- FILE...");
        std::process::exit(2);
    }
    for file in files {
        let text = match std::fs::read(&file)
            .map_err(|e| e.to_string())
            .and_then(|b| nianbao::decode::decode(&b).map(|d| d.text))
        {
            Ok(t) => t,
            Err(e) => {
                eprintln!("{file}: {e}");
                continue;
            }
        };
        let doc = Document::new(&text);
        let ex = read::read(&doc, &[]);
        let prose = facts::Prose::read(&doc, &ex);
        let found = facts::facts_from(&doc, &ex, &prose);
        println!("== {file}: {} facts", found.len());
        for f in &found {
            let (line, _) = nianbao::source::line_col(&text, f.span.start);
            println!(
                "{line:>4}  {:<26} {:>8} {:<3} ← {}",
                f.indicator,
                nianbao::rules::common::num(f.value),
                f.unit.as_deref().unwrap_or(""),
                f.evidence
            );
        }
        for s in facts::shares(&doc, &prose) {
            let (line, _) = nianbao::source::line_col(&text, s.count_span.start);
            let bases: Vec<String> = s
                .bases
                .iter()
                .map(|b| nianbao::rules::common::num(b.0))
                .collect();
            println!(
                "{line:>4}  share {}% of {} (bases {}) ← {}",
                nianbao::rules::common::num(s.percent),
                nianbao::rules::common::num(s.count),
                bases.join("/"),
                s.evidence
            );
        }
    }
}
