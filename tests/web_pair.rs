//! The two consecutive-year reports that the browser tests load together
//! (tests/fixtures/crossyear/): generated here, so they stay what the browser test assumes —
//! one agency, 2021 and 2022, clean on their own, and one carry-over (自然人, so also 总计) that
//! differs from last year's 结转. `NIANBAO_BLESS=1 cargo test --test web_pair` rewrites them.

mod support;

use nianbao::crossyear::{compare, consecutive, Yearly};
use std::path::PathBuf;
use support::{Layout, National};

/// As in tests/crossyear.rs, with 自然人's carry-in one more than last year's 结转: this
/// year's own table still balances (its 结转下年度 follows), only the comparison finds it.
fn pair() -> (String, String) {
    let mut last = National::new(true);
    last.year = 2021;
    let mut this = National::new(true);
    this.year = 2022;
    this.set("unable.not_held", 0, this.get("unable.not_held", 0) + 5);
    for k in 0..6 {
        let carried = last.get("apply.carried_out", k) + i64::from(k == 0);
        this.set("apply.carried_in", k, carried);
        let total = (0..this.apply.len())
            .filter(|&i| is_result(this.apply[i].0))
            .map(|i| this.apply[i].3[k])
            .sum();
        this.set("result.total", k, total);
        let short = total - carried - this.get("apply.new", k);
        if short > 0 {
            this.set("apply.new", k, this.get("apply.new", k) + short);
        }
        let out = this.get("apply.new", k) + carried - total;
        this.set("apply.carried_out", k, out);
    }
    for row in &mut this.apply {
        row.3[6] = row.3[..6].iter().sum();
    }
    (last.report(Layout::TabRow), this.report(Layout::TabRow))
}

fn is_result(id: &str) -> bool {
    !id.starts_with("apply.") && id != "result.total"
}

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/crossyear")
}

#[test]
fn the_fixture_pair_is_current_and_has_one_carry_over_finding() {
    let (prev, cur) = pair();
    let files = [("某某县办2021.txt", &prev), ("某某县办2022.txt", &cur)];
    if std::env::var_os("NIANBAO_BLESS").is_some() {
        std::fs::create_dir_all(dir()).unwrap();
        for (name, text) in files {
            std::fs::write(dir().join(name), text).unwrap();
        }
    }
    for (name, text) in files {
        let on_disk = std::fs::read_to_string(dir().join(name)).unwrap();
        assert_eq!(
            &on_disk, text,
            "{name} is stale: NIANBAO_BLESS=1 rewrites it"
        );
    }
    let (a, b) = (nianbao::check(&prev), nianbao::check(&cur));
    assert!(consecutive(&a, &b));
    let own: Vec<_> = b
        .findings
        .iter()
        .filter(|f| f.severity != nianbao::Severity::Info)
        .map(|f| &f.message)
        .collect();
    assert!(own.is_empty(), "{own:?}");
    let found = compare(
        Yearly {
            text: &prev,
            report: &a,
        },
        Yearly {
            text: &cur,
            report: &b,
        },
    );
    // the 自然人 column and the 总计 column that sums it
    let codes: Vec<_> = found.iter().map(|f| f.code).collect();
    assert_eq!(codes, ["carryover-mismatch", "carryover-mismatch"]);
    assert!(found[0].message.contains("自然人"), "{}", found[0].message);
    assert!(found[1].message.contains("总计"), "{}", found[1].message);
}
