//! Lists the rows the anchored reader finds in a report and the figures it reads for each:
//! `cargo run --example anchors -- FILE [2008|2019|2021]`.
fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("a file");
    let text = std::fs::read_to_string(path).expect("readable");
    let t = match args.next().as_deref() {
        Some("2008") => nianbao::schema::Template::T2008,
        Some("2019") => nianbao::schema::Template::T2019,
        _ => nianbao::schema::Template::T2021,
    };
    let doc = nianbao::segment::Document::new(&text);
    for r in nianbao::read::anchored::read(&doc, t) {
        let cells: Vec<String> = r
            .cells
            .iter()
            .map(|c| c.as_ref().map_or("?".into(), |c| format!("[{}]", c.text)))
            .collect();
        let label = &doc.text()[r.anchor.label.clone()];
        let label: String = label
            .chars()
            .map(|c| if c == '\n' { '|' } else { c })
            .collect();
        if std::env::var("NB_LABELS").is_ok() {
            println!("{:28} {} «{label}»", r.anchor.indicator.id, cells.join(" "));
        } else {
            println!("{:28} {}", r.anchor.indicator.id, cells.join(" "));
        }
    }
}
