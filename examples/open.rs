//! Prints what a file gives the checker: `cargo run --release --example open -- FILE...`
//! (the text, then each table's rows with cells between `|`).

fn main() {
    for path in std::env::args().skip(1) {
        let bytes = std::fs::read(&path).expect("readable file");
        match nianbao::files::open(&path, &bytes) {
            Ok(o) => {
                println!("== {path} ({}) text:\n{}", o.format, o.text);
                for (i, t) in o.tables.iter().enumerate() {
                    println!("== table {}", i + 1);
                    for row in t {
                        println!("|{}|", row.join("|"));
                    }
                }
            }
            Err(e) => println!("== {path}: {e}"),
        }
    }
}
