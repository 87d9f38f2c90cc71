//! Prints the table regions, layouts and rows the grid reads from a file (a debugging aid).
fn main() {
    let path = std::env::args().nth(1).expect("usage: rows FILE");
    let text = std::fs::read_to_string(path).expect("readable UTF-8 file");
    let doc = nianbao::segment::Document::new(&text);
    for t in nianbao::read::grid::tables(&doc) {
        println!("== lines {:?} layout {:?}", t.lines, t.layout);
        for r in &t.rows {
            let values: Vec<&str> = r.values.iter().map(|v| v.text.as_str()).collect();
            println!(
                "  {:?} | {:?} | {:?}",
                r.label(),
                r.unit.as_ref().map(|u| u.text.as_str()),
                values
            );
        }
    }
}
