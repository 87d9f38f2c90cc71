//! The 2019-format report the browser tests draw as the official tables
//! (tests/fixtures/web/national-2019.txt): generated here from the same builder as
//! tests/national.rs, so it stays what the browser test assumes — template 2019, every cell of
//! tables 二, 三 and 四 read. `NIANBAO_BLESS=1 cargo test --test web_national` rewrites it.

mod support;

use std::path::PathBuf;
use support::{Layout, National};

fn file() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/web/national-2019.txt")
}

#[test]
fn the_2019_fixture_is_current_and_read_whole() {
    let text = National::new(false).report(Layout::TabRow);
    if std::env::var_os("NIANBAO_BLESS").is_some() {
        std::fs::create_dir_all(file().parent().unwrap()).unwrap();
        std::fs::write(file(), &text).unwrap();
    }
    let on_disk = std::fs::read_to_string(file()).unwrap();
    assert_eq!(on_disk, text, "stale: NIANBAO_BLESS=1 rewrites it");
    let r = nianbao::check(&text);
    assert_eq!(r.template, Some("2019"));
    // 表三's 23 rows of the 2019 format (（六）其他处理 one row), each with its 自然人 cell
    let three = r
        .cells
        .iter()
        .filter(|c| c.column.as_deref() == Some("自然人"))
        .count();
    assert_eq!(three, 23);
    assert!(r.cells.iter().any(|c| c.indicator == "review_lawsuit"));
    assert!(r
        .cells
        .iter()
        .any(|c| c.indicator == "disclose2019.procurement"));
}
