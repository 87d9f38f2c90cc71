//! Prose facts and the structure/document rules, on two corpus reports and on small reports
//! written in 2008-era and 2019/2021 wording. Every rule has a hit and a near miss.

use nianbao::{check, Kind, Report, Severity};

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/tests/fixtures/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("fixture")
}

fn facts(r: &Report) -> Vec<(&str, f64)> {
    r.facts
        .iter()
        .map(|f| (f.indicator.as_str(), f.value))
        .collect()
}

fn with_code<'r>(r: &'r Report, code: &str) -> Vec<&'r nianbao::Finding> {
    r.findings.iter().filter(|f| f.code == code).collect()
}

fn has(r: &Report, code: &str) -> bool {
    !with_code(r, code).is_empty()
}

/// Spans of facts are original byte offsets and cover the number as printed.
fn spans_are_original(text: &str, r: &Report) {
    for f in &r.facts {
        let printed = &text[f.span.start..f.span.end];
        let digits: String = printed
            .chars()
            .filter_map(nianbao::normalize::normalize_char)
            .filter(|c| c.is_ascii_digit() || *c == '.')
            .collect();
        assert_eq!(digits.parse::<f64>().ok(), Some(f.value), "{printed:?}");
    }
}

// ---------------------------------------------------------------- corpus: every fact correct

#[test]
fn report_000_facts_are_exactly_these() {
    let text = fixture("seeds/000_366342cbf84bbc5f.txt");
    let r = check(&text);
    spans_are_original(&text, &r);
    let expected: &[(&str, f64)] = &[
        ("active.key.total", 1855.0),
        ("active.total", 6913.0),
        ("active.normative", 418.0),
        ("active.normative_issued", 336.0),
        ("active.key.total", 1851.0),
        ("active.key.budget", 144.0),
        ("active.key.housing", 149.0),
        ("active.key.food", 81.0),
        ("active.key.environment", 91.0),
        ("active.key.bidding", 127.0),
        ("active.key.safety", 113.0),
        ("active.key.price", 3.0),
        ("active.key.credit", 27.0),
        ("active.key.audit", 14.0),
        ("active.key.utilities", 61.0),
        ("active.key.other", 1041.0),
        ("active.channel.gazette", 53.0),
        ("active.channel.website", 7396.0),
        ("active.channel.weibo", 14000.0),
        ("active.channel.wechat", 4241.0),
        ("active.channel.other", 653.0),
        ("respond.hotspots", 413.0),
        ("respond.press", 9.0),
        ("respond.press_leader", 3.0),
        ("respond.interview", 14.0),
        ("respond.explainers", 73.0),
        ("respond.weibo_wechat", 276.0),
        ("respond.other", 41.0),
        ("apply.received", 354.0),
        ("apply.in_person", 109.0),
        ("apply.online", 83.0),
        ("apply.letter", 162.0),
        ("apply.answered", 338.0),
        ("apply.answered", 338.0),
        ("reply.already_public", 15.0),
        ("reply.granted", 175.0),
        ("reply.partial", 4.0),
        ("reply.refused", 30.0),
        ("refused.state_secret", 2.0),
        ("refused.trade_secret", 1.0),
        ("refused.privacy", 0.0),
        ("refused.security", 0.0),
        ("refused.not_gov_info", 27.0),
        ("refused.other_law", 0.0),
        ("reply.not_this_agency", 31.0),
        ("reply.not_exist", 73.0),
        ("reply.amend", 10.0),
        ("reply.other_route", 2.0),
        ("fee.total", 0.0),
        ("review.total", 6.0),
        ("review.upheld", 3.0),
        ("review.corrected", 2.0),
        ("review.other", 1.0),
        ("lawsuit.total", 10.0),
        ("lawsuit.upheld", 8.0),
        ("lawsuit.corrected", 0.0),
        ("lawsuit.other", 2.0),
        ("complaint.total", 10.0),
        ("org.units", 25.0),
        ("org.points", 98.0),
        ("org.staff", 97.0),
        ("org.staff_full", 28.0),
        ("org.staff_part", 69.0),
        ("org.budget", 200000.0),
        ("meeting.meetings", 54.0),
        ("meeting.trainings", 24.0),
        ("meeting.trainees", 2398.0),
    ];
    assert_eq!(facts(&r), expected);
    let budget = r
        .facts
        .iter()
        .find(|f| f.indicator == "org.budget")
        .unwrap();
    assert_eq!(budget.unit.as_deref(), Some("元"));
    assert_eq!(budget.evidence, "政府信息公开专项经费200000元");
}

#[test]
fn report_000_is_checked_from_its_prose_alone() {
    let r = check(&fixture("seeds/000_366342cbf84bbc5f.txt"));
    assert!(r.cells.is_empty());
    let sums = with_code(&r, "sum-mismatch");
    assert_eq!(sums.len(), 1, "{:?}", r.findings);
    assert_eq!(
        (sums[0].expected, sums[0].actual),
        (Some(340.0), Some(338.0))
    );
    assert_eq!(sums[0].severity, Severity::Error);
    let conflict = with_code(&r, "prose-conflict");
    assert_eq!(conflict.len(), 1);
    assert!(conflict[0].message.contains("1855") && conflict[0].message.contains("1851"));
    assert!(has(&r, "part-exceeds-whole"));
    let pct = with_code(&r, "percent-mismatch");
    assert_eq!(pct.len(), 1, "only the 8 reply shares' sum: {pct:?}");
    assert!(pct[0].message.contains("100.6"));
    let missing = with_code(&r, "table-missing");
    assert_eq!(missing[0].severity, Severity::Info);
    assert!(r.count(Severity::Error) <= 6);
}

#[test]
fn report_001_facts_are_exactly_these() {
    let text = fixture("seeds/001_c2e2148ac72f28cc.txt");
    let r = check(&text);
    spans_are_original(&text, &r);
    let expected: &[(&str, f64)] = &[
        ("org.staff_full", 1.0),
        ("org.staff_part", 0.0),
        ("active.total", 975.0),
        ("apply.received", 3.0),
        ("apply.online", 2.0),
        ("apply.letter", 1.0),
        ("apply.answered", 3.0),
        ("reply.partial", 1.0),
        ("fee.total", 0.0),
    ];
    assert_eq!(facts(&r), expected);
    // `50余名干部参加了培训` is approximate: no trainee fact
    assert!(!r.facts.iter().any(|f| f.indicator == "meeting.trainees"));
}

#[test]
fn report_001_answered_count_and_percentage_disagree() {
    let text = fixture("seeds/001_c2e2148ac72f28cc.txt");
    let r = check(&text);
    let m = with_code(&r, "prose-table-mismatch");
    assert_eq!(m.len(), 1, "{m:?}");
    assert_eq!((m[0].actual, m[0].expected), (Some(3.0), Some(2.0)));
    assert_eq!(m[0].spans.len(), 2, "prose and table spans");
    assert_eq!(&text[m[0].spans[0].start..m[0].spans[0].end], "3件");
    assert_eq!(m[0].severity, Severity::Warning);
    let p = with_code(&r, "percent-mismatch");
    assert_eq!(p.len(), 1, "{p:?}");
    assert_eq!(p[0].actual, Some(34.0));
    assert_eq!(r.count(Severity::Error), 0);
}

// ---------------------------------------------------------------- 2008-era wording

const TABLE_2008: &str = "附件\n政府信息公开情况统计表\n(2017年度)\n统计指标\t单位\t统计数\n(一)主动公开政府信息数\t条\t975\n2.政府网站公开政府信息数\t条\t534\n(一)收到申请数\t件\t3\n(二)申请办结数\t件\t2\n(三)申请答复数\t件\t2\n3.同意部分公开答复数\t件\t1\n5.不属于本行政机关公开数\t件\t1\n(三)从事政府信息公开工作人员数\t人\t1\n";

fn report_2008(body: &str) -> String {
    format!("某街道2017年政府信息公开工作年度报告\n本报告中所列数据的统计期限自2017年1月1日起至2017年12月31日止。\n{body}\n{TABLE_2008}")
}

#[test]
fn prose_table_mismatch_2008_hit() {
    let r = check(&report_2008(
        "一、主动公开情况\n本单位2017年共主动公开政府信息975条。\n二、依申请公开情况\n在已经答复的3件申请中,“同意部分公开”的1件。",
    ));
    let m = with_code(&r, "prose-table-mismatch");
    assert_eq!(m.len(), 1, "{:?}", r.findings);
    assert!(m[0].message.contains("申请答复数") && m[0].message.contains('3'));
}

#[test]
fn prose_table_mismatch_2008_near_miss() {
    // the same numbers in other roles: document numbers, dates, phone, proposals, a plan, last year
    let r = check(&report_2008(
        "一、主动公开情况\n根据京政办发〔2017〕3号文件,本单位2017年共主动公开政府信息975条。2016年共主动公开政府信息900条。\n\
         二、依申请公开情况\n在已经答复的2件申请中,“同意部分公开”的1件。区“两会”期间,共收到3件建议和提案。\n\
         联系电话:010-3,地址:实兴大街30号。2017年3月2日召开第3次会议。计划2018年主动公开政府信息1000条。",
    ));
    assert!(!has(&r, "prose-table-mismatch"), "{:?}", r.findings);
    assert_eq!(
        facts(&r),
        vec![
            ("active.total", 975.0),
            ("apply.answered", 2.0),
            ("reply.partial", 1.0)
        ]
    );
}

#[test]
fn prose_conflict_2008_hit_and_near_miss() {
    let hit = check(&report_2008(
        "一、重点工作\n全年共更新重点领域公开政府信息1855条。\n二、数据\n重点领域公开政府信息1851条。",
    ));
    assert_eq!(with_code(&hit, "prose-conflict").len(), 1);
    let same = check(&report_2008(
        "一、重点工作\n全年共更新重点领域公开政府信息1851条。\n二、数据\n重点领域公开政府信息1851条。其中,镇政府、街道办事处重点领域公开政府信息300条。",
    ));
    assert!(!has(&same, "prose-conflict"), "{:?}", same.findings);
}

#[test]
fn percent_mismatch_2008_hit_and_near_miss() {
    let hit = check(&report_2008(
        "二、依申请公开情况\n在已经答复的2件申请中,“同意部分公开”的1件,占总数的50%;“不属于本行政机关公开”的1件,占总数的60%。",
    ));
    let p = with_code(&hit, "percent-mismatch");
    assert_eq!(p.len(), 1, "{p:?}");
    assert_eq!(p[0].expected, Some(50.0));
    // rounded and truncated shares agree; percentages of other things are not shares of a count
    let near = check(&report_2008(
        "二、依申请公开情况\n本单位共收到政府信息公开申请3件。其中,通过互联网提交申请有2件,占总数的66.6%;以信函形式申请1件,占总数的33.3%。\n\
         两孩以内生育登记率100%,分值占比为4%,全文电子化率达100%。",
    ));
    assert!(!has(&near, "percent-mismatch"), "{:?}", near.findings);
}

/// Issue 21: four shares after the received count (859) of the sentence before, three of which
/// fit the answered count named with them (805): the base is 805, and only 258 / 33.9%, which
/// fits no base the others share, is questioned.
#[test]
fn shares_of_one_paragraph_are_checked_on_the_whole_they_agree_on() {
    let text = fixture("prose/percent_one_base.txt");
    let r = check(&text);
    let p = with_code(&r, "percent-mismatch");
    assert_eq!(p.len(), 1, "{p:?}");
    assert!(
        p[0].message.contains("258 ÷ 805") && p[0].message.contains("33.9%"),
        "{}",
        p[0].message
    );
    assert_eq!(p[0].actual, Some(33.9));
    assert_eq!(p[0].expected, Some(32.05));
    assert_eq!(&text[p[0].spans[0].start..p[0].spans[0].end], "33.9%");
    assert_eq!(p[0].place, "“予以公开及部分公开258件，占33.9%”");
    // shares that agree on no common whole are each checked on their own base, as before
    let apart = text
        .replace("占4.34%", "占5.0%")
        .replace("占32.9%", "占40.0%");
    let r = check(&apart);
    let p = with_code(&r, "percent-mismatch");
    assert!(p.len() >= 3, "{p:?}");
}

#[test]
fn percent_sum_of_one_breakdown_over_100() {
    let text = "某区2017年政府信息公开工作年度报告\n本报告中所列数据的统计期限自2017年1月1日起至2017年12月31日止。\n\
        一、依申请公开\n已答复的100件申请中:“同意公开”61件,占总数的61.00%;“同意部分公开”40件,占总数的40.00%。";
    let r = check(text);
    let p = with_code(&r, "percent-mismatch");
    assert!(
        p.len() == 1 && p[0].message.contains("101"),
        "each share is right, the parts over-count: {p:?}"
    );
}

#[test]
fn sum_over_prose_is_an_error_mixed_with_table_a_warning() {
    let prose_only = check("某区2017年政府信息公开工作年度报告\n一、数据\n从事政府信息公开工作人员97名,其中,专职人员数28名,兼职人员数70名。");
    let s = with_code(&prose_only, "sum-mismatch");
    assert_eq!(s.len(), 1, "{:?}", prose_only.findings);
    assert_eq!(s[0].severity, Severity::Error);
    // the table has 工作人员数 1; the parts come from the prose
    let mixed = check(&report_2008(
        "一、保障\n配备2名全职工作人员,0名兼职工作人员。",
    ));
    let s = with_code(&mixed, "sum-mismatch");
    assert_eq!(s.len(), 1, "{:?}", mixed.findings);
    assert_eq!(s[0].severity, Severity::Warning);
}

#[test]
fn section_order_2008_hit_and_near_miss() {
    let hit = check(&report_2008(
        "一、概述\n(一)强化组织领导。\n(二)制度规范健全。\n(四)创新公开方式。\n(三)突出公开重点。\n二、主动公开情况\n(一)主动公开。",
    ));
    let o = with_code(&hit, "section-order");
    assert_eq!(o.len(), 1, "{o:?}");
    assert!(o[0].message.contains("(三)突出公开重点") && o[0].message.contains("一、概述"));
    // numbering restarts under each parent, and a list restarting at 1 is a new list
    let near = check(&report_2008(
        "一、概述\n(一)强化组织领导。\n1.完善机制。\n2.加强培训。\n(二)制度规范健全。\n1.建立制度。\n二、主动公开情况\n(一)主动公开。\n1.存在问题。\n2.改进措施。\n1.下一步工作。",
    ));
    assert!(!has(&near, "section-order"), "{:?}", near.findings);
    // 2008-era reports have no prescribed sections
    assert!(!has(&near, "section-missing"));
}

#[test]
fn year_mismatch_hit_and_near_miss() {
    let hit = check("某区2017年政府信息公开工作年度报告\n本报告中所列数据的统计期限自2016年1月1日起至2016年12月31日止。\n一、概述\n……");
    let y = with_code(&hit, "year-mismatch");
    assert_eq!(y.len(), 1, "{:?}", hit.findings);
    assert!(y[0].message.contains("2016") && y[0].message.contains("2017"));
    let table_year = check(&report_2008("一、概述\n……").replace("(2017年度)", "(2016年度)"));
    assert!(
        has(&table_year, "year-mismatch"),
        "{:?}",
        table_year.findings
    );
    let near = check(&report_2008("一、概述\n2018年3月22日发布。"));
    assert!(!has(&near, "year-mismatch"), "{:?}", near.findings);
}

#[test]
fn table_missing_is_info_when_only_prose_states_figures() {
    let r = check("某区2017年政府信息公开工作年度报告\n本报告根据《条例》编制。\n一、数据\n2017年主动公开政府信息6913条。全区申请总数为354件。从事政府信息公开工作人员97名。");
    let t = with_code(&r, "table-missing");
    assert_eq!(t.len(), 1, "{:?}", r.findings);
    assert_eq!(t[0].severity, Severity::Info);
    let short = check("某区2017年政府信息公开工作年度报告\n本报告根据《条例》编制。\n2017年主动公开政府信息6913条。");
    assert!(!has(&short, "table-missing"));
}

// ---------------------------------------------------------------- 2019 / 2021 wording

const TABLE_2019: &str = "| 本列数据的勾稽关系 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |\n\
|---|---|---|---|---|---|---|---|\n\
| 一、本年新收政府信息公开申请数量 | 8 | 2 | 0 | 0 | 0 | 0 | 10 |\n\
| 二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n\
| (一)予以公开 | 5 | 1 | 0 | 0 | 0 | 0 | 6 |\n\
| (二)部分公开(区分处理的,只计这一情形,不计其他情形) | 3 | 1 | 0 | 0 | 0 | 0 | 4 |\n\
| (七)总计 | 8 | 2 | 0 | 0 | 0 | 0 | 10 |\n\
| 四、结转下年度继续办理 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n";

const SECTIONS_2019: [&str; 6] = [
    "一、总体情况\n本机关认真贯彻《条例》。",
    "二、主动公开政府信息情况\n详见下表。",
    "三、收到和处理政府信息公开申请情况\n{prose}\n{table}",
    "四、政府信息公开行政复议、行政诉讼情况\n本年度无行政复议、行政诉讼。",
    "五、存在的主要问题及改进情况\n一是……。",
    "六、其他需要报告的事项\n无。",
];

fn report_2019(order: &[usize], prose: &str) -> String {
    let body: Vec<String> = order
        .iter()
        .map(|&i| {
            SECTIONS_2019[i]
                .replace("{prose}", prose)
                .replace("{table}", TABLE_2019)
        })
        .collect();
    format!(
        "某局2020年政府信息公开工作年度报告\n本报告中所列数据的统计期限自2020年1月1日起至2020年12月31日止。\n{}",
        body.join("\n")
    )
}

const ALL: [usize; 6] = [0, 1, 2, 3, 4, 5];

#[test]
fn national_format_facts_link_to_its_ids_and_the_total_column() {
    let r = check(&report_2019(
        &ALL,
        "本年度新收政府信息公开申请12件,上年结转0件。予以公开6件,部分公开4件。",
    ));
    assert_eq!(r.template, Some("2019"));
    assert_eq!(
        facts(&r),
        vec![
            ("apply.new", 12.0),
            ("apply.carried_in", 0.0),
            ("result.granted", 6.0),
            ("result.partial", 4.0),
        ]
    );
    let m = with_code(&r, "prose-table-mismatch");
    assert_eq!(m.len(), 1, "{:?}", r.findings);
    assert!(
        m[0].message.contains("总计") && m[0].message.contains("12") && m[0].message.contains("10")
    );
    assert!(
        !has(&r, "section-missing") && !has(&r, "section-order"),
        "{:?}",
        r.findings
    );
}

#[test]
fn national_format_near_miss_counts_that_include_carried_over_requests() {
    let r = check(&report_2019(
        &ALL,
        "本年度共收到政府信息公开申请10件。全年共收到政府信息公开申请12件(含上年结转2件)。收到人大代表建议12件。",
    ));
    // `共收到…申请` means 新收 in some reports and 新收 + 结转 in others: neither is read;
    // 12 includes last year's; only the 2 carried over is unambiguous
    assert_eq!(facts(&r), vec![("apply.carried_in", 2.0)]);
    assert!(!has(&r, "prose-conflict"), "{:?}", r.findings);
}

#[test]
fn national_format_prose_conflict_and_percent() {
    let r = check(&report_2019(
        &ALL,
        "本年度新收政府信息公开申请10件。其中,予以公开6件,占60%;部分公开4件,占总数的45%。全年新收政府信息公开申请11件。",
    ));
    assert!(has(&r, "prose-conflict"), "{:?}", r.findings);
    let p = with_code(&r, "percent-mismatch");
    assert_eq!(p.len(), 1, "{p:?}");
    assert_eq!(p[0].actual, Some(45.0));
}

#[test]
fn national_format_sections_missing_and_out_of_order() {
    let missing = check(&report_2019(&[0, 1, 2, 3, 4], ""));
    let m = with_code(&missing, "section-missing");
    assert_eq!(m.len(), 1, "{:?}", missing.findings);
    assert!(m[0].message.contains("其他需要报告的事项"));
    let swapped = check(&report_2019(&[0, 1, 3, 2, 4, 5], ""));
    assert!(has(&swapped, "section-order"), "{:?}", swapped.findings);
    assert!(!has(&swapped, "section-missing"));
}

#[test]
fn national_format_year_mismatch() {
    let r = check(&report_2019(&ALL, "").replace("统计期限自2020年", "统计期限自2019年"));
    assert!(has(&r, "year-mismatch"));
}

// ---------------------------------------------------------------- not an annual report

#[test]
fn work_plans_notices_and_government_work_reports_get_one_info_only() {
    for text in [
        "经区政府同意,现将《朝阳区2016年政务公开工作要点》印发给你们,请认真贯彻执行。\n朝阳区2016年政务公开工作要点\n一、围绕深化改革推进公开\n全年主动公开政府信息1000条。",
        "关于做好2017年政府信息公开工作年度报告编制和发布工作的通知\n各区政府:\n请于3月31日前公布年度报告,主动公开政府信息数等数据应与统计表一致。\n特此通知。",
        "2018年政府工作报告\n各位代表:\n现在,我代表区人民政府向大会报告工作。过去一年,主动公开政府信息6000条,办理政府信息公开申请300件。",
    ] {
        let r = check(text);
        assert_eq!(r.kind, Kind::Other, "{text}");
        assert_eq!(r.findings.len(), 1, "{:?}", r.findings);
        assert_eq!(r.findings[0].code, "not-annual-report");
        assert_eq!(r.findings[0].severity, Severity::Info);
    }
}

// ---------------------------------------------------------------- wording outside the corpus

/// Written for these tests in the wording of other reports: cumulative, planned, last year's,
/// approximate, sub-unit and ambiguous figures sit next to the ones that count.
#[test]
fn other_reports_wording_2021_only_unambiguous_facts() {
    let r = check(&fixture("synthetic_2021_prose.txt"));
    assert_eq!(
        facts(&r),
        vec![
            ("apply.new", 38.0),
            ("apply.carried_in", 2.0),
            ("apply.carried_out", 2.0),
            ("result.granted", 15.0),
            ("result.partial", 8.0),
            ("result.refused", 3.0),
            ("result.unable", 10.0),
            ("result.not_processed", 2.0),
            // `发生政府信息公开行政复议案件2件`: table 四's 行政复议 总计
            ("review_lawsuit", 2.0),
        ]
    );
    assert!(!has(&r, "prose-conflict") && !has(&r, "percent-mismatch"));
    assert!(!has(&r, "section-missing") && !has(&r, "section-order"));
}

#[test]
fn other_reports_wording_2008_only_unambiguous_facts() {
    let r = check(&fixture("synthetic_2008_prose.txt"));
    assert_eq!(
        facts(&r),
        vec![
            ("active.total", 5200.0),
            ("active.total", 5200.0),
            ("active.channel.website", 3100.0),
            ("active.channel.weibo", 800.0),
            ("apply.received", 28.0),
            ("apply.in_person", 10.0),
            ("apply.online", 15.0),
            ("apply.letter", 3.0),
            ("reply.granted", 20.0),
            ("reply.partial", 3.0),
            ("reply.not_this_agency", 2.0),
            ("reply.not_exist", 3.0),
            ("fee.total", 0.0),
            ("review.total", 1.0),
            ("review.upheld", 1.0),
            ("lawsuit.total", 0.0),
            ("org.staff", 85.0),
            ("org.staff_full", 15.0),
            ("org.staff_part", 70.0),
        ]
    );
    assert_eq!(r.count(Severity::Error), 0, "{:?}", r.findings);
    assert_eq!(r.count(Severity::Warning), 0, "{:?}", r.findings);
}

#[test]
fn national_format_near_miss_numbers_that_are_not_indicators() {
    let r = check(&report_2019(
        &ALL,
        "根据国办公开办函〔2021〕30号和《条例》第二十条,本年度新收政府信息公开申请10件。\
         咨询电话0512-10,受理窗口设在行政服务中心10号。2021年10月10日召开第10次会议。新收申请较上年增加10件。",
    ));
    assert_eq!(facts(&r), vec![("apply.new", 10.0)]);
    // the fixture's table holds only the rows these prose tests need: it is incomplete
    assert!(
        r.findings
            .iter()
            .all(|f| f.severity == Severity::Info || f.code == "table-incomplete"),
        "{:?}",
        r.findings
    );
}

// ---------------------------------------------------------------- prose sharing a line with the table

/// A page copied as one line: the paragraphs, then the table's title and rows run together.
const GLUED_2013: &str = "某县人民政府2013年政府信息公开工作年度报告\n==================== 正文 ====================\n\
一、概述 2013年全县主动公开政府信息1853条。全年共受理政府信息公开申请7件。四、存在的问题 无。 \
附件：2013年政府信息公开情况统计表 指标名称 计量单位 2013年度 历年累计 主动公开信息数 条 1713 5395 \
其中：1、网站公开 条 1713 5017 2、政府公报公开 条 0 7 受理依申请公开信息总数 件 7 28 其中：1、当面申请数 件 0 18 \
2、传真申请数 件 0 0 3、电子邮件申请数 件 3 6 4、网上申请数 件 4 4 5、信函申请数 件 0 0 对申请的答复总数 件 3 24 \
行政复议数 件 0 0 行政诉讼数 件 0 0 行政申诉、举报数 件 0 0 附件下载";

#[test]
fn prose_on_the_line_of_a_glued_table_is_read() {
    let r = check(GLUED_2013);
    assert_eq!(
        facts(&r),
        vec![("active.total", 1853.0), ("apply.received", 7.0)]
    );
    let m = with_code(&r, "prose-table-mismatch");
    assert_eq!(m.len(), 1, "{:?}", r.findings);
    assert!(m[0].message.contains("1853") && m[0].message.contains("1713"));
}

#[test]
fn a_glued_table_without_a_sentence_before_it_gives_no_facts() {
    // the same line without its paragraphs: the title, header and rows are not prose
    let table = GLUED_2013
        .split_once("无。 ")
        .map(|(head, table)| format!("{}\n{table}", head.lines().next().unwrap_or("")))
        .unwrap_or_default();
    let r = check(&table);
    assert_eq!(facts(&r), vec![]);
    assert!(!has(&r, "prose-table-mismatch"), "{:?}", r.findings);
}

// ---------------------------------------------------------------- units of the old form's variants

#[test]
fn requests_counted_in_items_as_the_old_forms_variants_print_them() {
    // `受理依申请公开信息总数 条`: the report counts its requests in 条 too
    let r = check(&report_2008(
        "二、依申请公开情况\n2017年共收到有关政府信息公开的申请3条，网上申请数2条，信函申请数1条；其中同意公开答复数2条。",
    ));
    assert_eq!(
        facts(&r),
        vec![
            ("apply.received", 3.0),
            ("apply.online", 2.0),
            ("apply.letter", 1.0),
            ("reply.granted", 2.0),
        ]
    );
}

#[test]
fn items_stay_items_outside_requests() {
    // 条 is not a unit of reviews, lawsuits or staff: `行政复议3条意见`, `培训3条`
    let r = check(&report_2008(
        "二、依申请公开情况\n针对行政复议提出整改意见3条。从事政府信息公开工作人员2条。",
    ));
    assert_eq!(facts(&r), vec![]);
}

#[test]
fn a_review_named_after_its_count_is_the_review_row() {
    let r = check(&report_2008(
        "三、行政复议情况\n2017年未收到政府信息公开申请，收到1份有关政府信息公开行政复议申请已及时处理。",
    ));
    assert_eq!(facts(&r), vec![("review.total", 1.0)]);
}

#[test]
fn a_review_about_other_matters_is_not_the_review_row() {
    // a 司法局's own caseload, and requests counted in 份
    let r = check(&report_2008(
        "三、行政复议情况\n全年收到12份行政复议申请，均已办结。收到3份政府信息公开申请。",
    ));
    assert_eq!(facts(&r), vec![("apply.received", 3.0)]);
}

// ---------------------------------------------------------------- 2021 表二: a column's figure

#[test]
fn documents_in_force_are_compared_with_their_column() {
    let r = check(&fixture("real/2023_pingtan_zonghe_shiyanqu.web.txt"));
    let f = r
        .facts
        .iter()
        .find(|f| f.indicator == "disclose.normative")
        .expect("a fact");
    assert_eq!(
        (f.value, f.column.as_deref()),
        (393.0, Some("现行有效件数"))
    );
    let m = with_code(&r, "prose-table-mismatch");
    assert_eq!(m.len(), 1, "{:?}", r.findings);
    assert!(
        m[0].message.contains("现行有效件数")
            && m[0].message.contains("393")
            && m[0].message.contains("470"),
        "{}",
        m[0].message
    );
}

#[test]
fn documents_issued_or_repealed_are_not_the_column_in_force() {
    let r = check(
        "某区2023年政府信息公开工作年度报告\n一、总体情况\n动态更新本年度制发的规范性文件77件。废止现行有效规范性文件12件。\
         现行有效规章和规范性文件40件。本年共发布规范性文件20件。\n",
    );
    assert_eq!(facts(&r), vec![]);
}

// ---------------------------------------------------------------- the real reports' prose

/// The contradictions of the real set's prose found in every rendering that reads the table.
#[test]
fn real_reports_prose_against_their_tables() {
    let cases: &[(&str, &[&str])] = &[
        ("2013_pingtan_xian", &["网上申请数3条", "信函申请数4条"]),
        (
            "2013_pingtan_zonghe_shiyanqu",
            &["主动公开政府信息4970条", "行政复议申请"],
        ),
        (
            "2012_pingtan_zonghe_shiyanqu",
            &["主动公开政府信息1913条", "网站公开政府信息3636条"],
        ),
    ];
    for (report, phrases) in cases {
        for rendering in ["web", "glued"] {
            let r = check(&fixture(&format!("real/{report}.{rendering}.txt")));
            let m = with_code(&r, "prose-table-mismatch");
            for p in *phrases {
                assert!(
                    m.iter().any(|f| f.message.contains(p)),
                    "{report}.{rendering}: {p} not in {m:?}"
                );
            }
        }
    }
}

// ---------------------------------------------------------------- lines a PDF's text wrapped

/// pdftotext breaks a paragraph at the page's width, inside a word: the sentence goes on.
const WRAPPED_2008: &str = "二、依申请公开情况\n\
本单位认真落实政府信息公开条例的各项要求，进一步规范依申请公开工作流程，全年共受理政府\n\
信息公开申请3件，均已按时答复，未发生因政府信息公开引起的行政复议和行政诉讼案件。本单位\n\
将继续做好依申请公开工作，在已经答复的2件申请中，“同意部分公开”的1件。\n";

#[test]
fn a_sentence_wrapped_by_a_pdf_is_read_whole() {
    let r = check(&report_2008(WRAPPED_2008));
    assert_eq!(
        facts(&r),
        vec![
            ("apply.received", 3.0),
            ("apply.answered", 2.0),
            ("reply.partial", 1.0)
        ]
    );
    let m = with_code(&r, "prose-table-mismatch");
    assert!(m.iter().all(|f| !f.message.contains('\n')), "{m:?}");
}

#[test]
fn a_heading_or_a_finished_sentence_does_not_run_into_the_next_line() {
    // a short heading and a line ending in 。 end where they end: `四、行政复议情况` does not
    // make the next line's count a review
    let r = check(&report_2008(
        "四、行政复议情况\n全年共收到群众来信3件，均已按时办理完毕，办理情况已经在门户网站上公开发布。\n\
         本单位将继续做好政府信息公开工作，进一步完善工作机制，规范工作流程，提高工作水平。\n\
         2件为咨询事项，已当场答复。\n",
    ));
    assert_eq!(facts(&r), vec![]);
}

/// MuPDF's text of a generated report (seed 7, report 13) wraps a sentence after `新公开规章1`,
/// and `规章 1` is found as table 二's row there: the table starts in the sentence's middle,
/// and the sentence's start before it, with no `。` of its own, was not read.
#[test]
fn a_sentence_whose_wrapped_line_ends_in_a_rows_words_is_read_before_them() {
    let r = check(&fixture("prose/row_word_in_wrapped_prose_2019.mupdf.txt"));
    let f = facts(&r);
    assert!(f.contains(&("apply.new", 4870.0)), "{f:?}");
    assert!(f.contains(&("apply.carried_in", 345.0)), "{f:?}");
    let m = with_code(&r, "prose-table-mismatch");
    assert_eq!(m.len(), 1, "{:?}", r.findings);
    assert!(m[0].message.contains("345") && m[0].message.contains("342"));
}
