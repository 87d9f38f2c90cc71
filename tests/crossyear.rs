//! Two reports of one agency for consecutive years.

mod support;

use nianbao::crossyear::{compare, consecutive, Yearly};
use support::{Layout, National};

fn pair(mutate: impl Fn(&mut National)) -> (String, String) {
    let mut last = National::new(true);
    last.year = 2021;
    let mut this = National::new(true);
    this.year = 2022;
    // this year's own figures differ from last year's
    this.set("unable.not_held", 0, this.get("unable.not_held", 0) + 5);
    // this year's carry-in is last year's carry-out; new applications keep each column balanced
    for k in 0..6 {
        this.set("apply.carried_in", k, last.get("apply.carried_out", k));
        this.set(
            "result.total",
            k,
            (0..this.apply.len())
                .filter(|&i| is_result(this.apply[i].0))
                .map(|i| this.apply[i].3[k])
                .sum(),
        );
        let short = this.get("result.total", k)
            - this.get("apply.carried_in", k)
            - this.get("apply.new", k);
        if short > 0 {
            this.set("apply.new", k, this.get("apply.new", k) + short);
        }
        let out = this.get("apply.new", k) + this.get("apply.carried_in", k)
            - this.get("result.total", k);
        this.set("apply.carried_out", k, out);
    }
    for row in &mut this.apply {
        row.3[6] = row.3[..6].iter().sum();
    }
    mutate(&mut this);
    (last.report(Layout::TabRow), this.report(Layout::TabRow))
}

fn is_result(id: &str) -> bool {
    !id.starts_with("apply.") && id != "result.total"
}

fn codes(prev: &str, cur: &str) -> Vec<&'static str> {
    let (a, b) = (nianbao::check(prev), nianbao::check(cur));
    assert!(
        consecutive(&a, &b),
        "{:?}/{:?} {:?}/{:?}",
        a.agency,
        b.agency,
        a.year,
        b.year
    );
    compare(
        Yearly {
            text: prev,
            report: &a,
        },
        Yearly {
            text: cur,
            report: &b,
        },
    )
    .iter()
    .map(|f| f.code)
    .collect()
}

#[test]
fn a_consistent_pair_is_clean_and_its_own_checks_pass() {
    let (prev, cur) = pair(|_| {});
    let own: Vec<_> = nianbao::check(&cur)
        .findings
        .into_iter()
        .filter(|f| f.severity != nianbao::Severity::Info)
        .collect();
    assert!(own.is_empty(), "{own:?}");
    assert_eq!(codes(&prev, &cur), Vec::<&str>::new());
}

#[test]
fn a_carry_over_that_differs_from_last_year_is_found() {
    let (prev, cur) = pair(|n| {
        let v = n.get("apply.carried_in", 0) + 1;
        n.set("apply.carried_in", 0, v);
    });
    let got = codes(&prev, &cur);
    assert_eq!(got, vec!["carryover-mismatch"]);
}

#[test]
fn a_table_copied_forward_is_found() {
    let mut last = National::new(true);
    last.year = 2021;
    let this_year = last.report(Layout::TabRow).replace("2021年", "2022年");
    let got = codes(&last.report(Layout::TabRow), &this_year);
    assert!(got.contains(&"copied-table"), "{got:?}");
}

#[test]
fn sentences_copied_with_only_the_year_changed_are_found() {
    let (prev, cur) = pair(|_| {});
    let prev = prev.replace(
        "下一步将加强培训，提升公开质量。",
        "2021年将加强培训，全面提升政府信息公开质量和实效。",
    );
    let cur = cur.replace(
        "下一步将加强培训，提升公开质量。",
        "2022年将加强培训，全面提升政府信息公开质量和实效。",
    );
    assert!(codes(&prev, &cur).contains(&"copied-sentence"));
    // the same sentence with a new figure is not a copy
    let cur2 = cur.replace(
        "全面提升政府信息公开质量和实效",
        "全面提升政府信息公开质量和实效，培训120人次",
    );
    assert!(!codes(&prev, &cur2).contains(&"copied-sentence"));
}
