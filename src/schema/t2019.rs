//! The national formats: 国办公开办函〔2019〕60号 (reports for 2019 and 2020) and its revision
//! 国办公开办函〔2021〕30号 (reports for 2021 onwards). Tables 二, 三 and 四; wording from
//! `shared/reference/templates.md`.

use super::types::{Columns, In, Indicator, Relation};

/// Table 三's seven value columns, in printed order.
pub const APPLICANTS: &[&str] = &[
    "自然人",
    "商业企业",
    "科研机构",
    "社会公益组织",
    "法律服务机构",
    "其他",
    "总计",
];

/// Table 四's fifteen value columns.
pub const REVIEW_LAWSUIT: &[&str] = &[
    "行政复议-结果维持",
    "行政复议-结果纠正",
    "行政复议-其他结果",
    "行政复议-尚未审结",
    "行政复议-总计",
    "未经复议直接起诉-结果维持",
    "未经复议直接起诉-结果纠正",
    "未经复议直接起诉-其他结果",
    "未经复议直接起诉-尚未审结",
    "未经复议直接起诉-总计",
    "复议后起诉-结果维持",
    "复议后起诉-结果纠正",
    "复议后起诉-其他结果",
    "复议后起诉-尚未审结",
    "复议后起诉-总计",
];

const RULES_2021: &[&str] = &["本年制发件数", "本年废止件数", "现行有效件数"];
const RULES_2019: &[&str] = &["本年新制作数量", "本年新公开数量", "对外公开总数量"];
const DECISIONS_2021: &[&str] = &["本年处理决定数量"];
const ITEMS_2019: &[&str] = &["上一年项目数量", "本年增/减", "处理决定数量"];
const FEES_2019: &[&str] = &["上一年项目数量", "本年增/减"];
const FEES_2021: &[&str] = &["本年收费金额"];
const PROCUREMENT_2019: &[&str] = &["采购项目数量", "采购总金额"];

const fn t(
    id: &'static str,
    within: In,
    labels: &'static [&'static str],
    unit: &'static str,
    columns: &'static [&'static str],
) -> Indicator {
    Indicator {
        id,
        within,
        labels,
        unit,
        columns: Columns::Named(columns),
        heading: false,
        by_label: true,
    }
}

const fn apply(id: &'static str, labels: &'static [&'static str]) -> Indicator {
    t(id, In::Y2019And2021, labels, "件", APPLICANTS)
}

/// A group row of table 三 that may be printed with or without figures of its own.
const fn group(id: &'static str, within: In, labels: &'static [&'static str]) -> Indicator {
    Indicator {
        id,
        within,
        labels,
        unit: "件",
        columns: Columns::Named(APPLICANTS),
        heading: true,
        by_label: true,
    }
}

/// Another format's wording of a row, as agencies still print it in this one: found where the
/// row stands between its neighbours and read as that row, reported as `label-variant`
/// (templates.md, "Changes 2019 → 2021 in table 二": 规范性文件 became 行政规范性文件).
pub static OTHER_WORDINGS: &[(&str, &[&str])] = &[("disclose.normative", &["规范性文件"])];

pub static INDICATORS: &[Indicator] = &[
    // 表二 主动公开政府信息情况
    t("disclose.rules", In::Y2021Only, &["规章"], "件", RULES_2021),
    t(
        "disclose.normative",
        In::Y2021Only,
        &["行政规范性文件"],
        "件",
        RULES_2021,
    ),
    t(
        "disclose.permit",
        In::Y2021Only,
        &["行政许可"],
        "件",
        DECISIONS_2021,
    ),
    t(
        "disclose.penalty",
        In::Y2021Only,
        &["行政处罚"],
        "件",
        DECISIONS_2021,
    ),
    t(
        "disclose.enforcement",
        In::Y2021Only,
        &["行政强制"],
        "件",
        DECISIONS_2021,
    ),
    t(
        "disclose.fees",
        In::Y2021Only,
        &["行政事业性收费"],
        "万元",
        FEES_2021,
    ),
    t(
        "disclose2019.rules",
        In::Y2019Only,
        &["规章"],
        "件",
        RULES_2019,
    ),
    t(
        "disclose2019.normative",
        In::Y2019Only,
        &["规范性文件"],
        "件",
        RULES_2019,
    ),
    t(
        "disclose2019.permit",
        In::Y2019Only,
        &["行政许可"],
        "项",
        ITEMS_2019,
    ),
    t(
        "disclose2019.other_services",
        In::Y2019Only,
        &["其他对外管理服务事项"],
        "项",
        ITEMS_2019,
    ),
    t(
        "disclose2019.penalty",
        In::Y2019Only,
        &["行政处罚"],
        "项",
        ITEMS_2019,
    ),
    t(
        "disclose2019.enforcement",
        In::Y2019Only,
        &["行政强制"],
        "项",
        ITEMS_2019,
    ),
    t(
        "disclose2019.fees",
        In::Y2019Only,
        &["行政事业性收费"],
        "项",
        FEES_2019,
    ),
    t(
        "disclose2019.procurement",
        In::Y2019Only,
        &["政府集中采购"],
        "",
        PROCUREMENT_2019,
    ),
    // 表三 收到和处理政府信息公开申请情况
    apply("apply.new", &["一、本年新收政府信息公开申请数量"]),
    apply("apply.carried_in", &["二、上年结转政府信息公开申请数量"]),
    group("result", In::Y2019And2021, &["三、本年度办理结果"]),
    apply("result.granted", &["(一)予以公开"]),
    apply(
        "result.partial",
        &[
            "(二)部分公开(区分处理的,只计这一情形,不计其他情形)",
            "部分公开",
        ],
    ),
    group("result.refused", In::Y2019And2021, &["(三)不予公开"]),
    apply("refused.secret", &["1.属于国家秘密"]),
    apply("refused.law", &["2.其他法律行政法规禁止公开"]),
    apply(
        "refused.stability",
        &["3.危及“三安全一稳定”", "危及三安全一稳定"],
    ),
    apply("refused.third_party", &["4.保护第三方合法权益"]),
    apply("refused.internal", &["5.属于三类内部事务信息"]),
    apply("refused.process", &["6.属于四类过程性信息"]),
    apply("refused.case_file", &["7.属于行政执法案卷"]),
    apply("refused.inquiry", &["8.属于行政查询事项"]),
    group("result.unable", In::Y2019And2021, &["(四)无法提供"]),
    apply("unable.not_held", &["1.本机关不掌握相关政府信息"]),
    apply("unable.must_create", &["2.没有现成信息需要另行制作"]),
    apply("unable.unclear", &["3.补正后申请内容仍不明确"]),
    group("result.not_processed", In::Y2019And2021, &["(五)不予处理"]),
    apply("not_processed.petition", &["1.信访举报投诉类申请"]),
    apply("not_processed.repeat", &["2.重复申请"]),
    apply("not_processed.publication", &["3.要求提供公开出版物"]),
    apply("not_processed.mass", &["4.无正当理由大量反复申请"]),
    apply(
        "not_processed.confirm",
        &["5.要求行政机关确认或重新出具已获取信息"],
    ),
    group("result.other", In::Y2019And2021, &["(六)其他处理"]),
    apply(
        "other.no_correction",
        &["1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"],
    ),
    apply(
        "other.no_fee",
        &["2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"],
    ),
    apply("other.other", &["3.其他"]),
    apply("result.total", &["(七)总计"]),
    apply("apply.carried_out", &["四、结转下年度继续办理"]),
    // 表四 行政复议、行政诉讼
    Indicator {
        id: "review_lawsuit",
        within: In::Y2019And2021,
        labels: &["行政复议、行政诉讼"],
        unit: "件",
        columns: Columns::Named(REVIEW_LAWSUIT),
        heading: false,
        by_label: false,
    },
];

const fn sum(total: &'static str, parts: &'static [&'static str]) -> Relation {
    Relation::Sum {
        total,
        parts,
        within: In::Y2019And2021,
        absent: &[],
    }
}

pub static RELATIONS: &[Relation] = &[
    sum(
        "result.refused",
        &[
            "refused.secret",
            "refused.law",
            "refused.stability",
            "refused.third_party",
            "refused.internal",
            "refused.process",
            "refused.case_file",
            "refused.inquiry",
        ],
    ),
    sum(
        "result.unable",
        &["unable.not_held", "unable.must_create", "unable.unclear"],
    ),
    sum(
        "result.not_processed",
        &[
            "not_processed.petition",
            "not_processed.repeat",
            "not_processed.publication",
            "not_processed.mass",
            "not_processed.confirm",
        ],
    ),
    Relation::Sum {
        total: "result.other",
        parts: &["other.no_correction", "other.no_fee", "other.other"],
        within: In::Y2021Only,
        absent: &[],
    },
    sum(
        "result.total",
        &[
            "result.granted",
            "result.partial",
            "result.refused",
            "result.unable",
            "result.not_processed",
            "result.other",
        ],
    ),
    Relation::Balance {
        plus: ["apply.new", "apply.carried_in"],
        equals: ["result.total", "apply.carried_out"],
        within: In::Y2019And2021,
    },
];

/// Row totals: in a row with these columns, the column `total` equals the `parts` columns.
pub static ROW_TOTALS: &[(&[&str], &str, &[&str])] = &[
    (
        APPLICANTS,
        "总计",
        &[
            "自然人",
            "商业企业",
            "科研机构",
            "社会公益组织",
            "法律服务机构",
            "其他",
        ],
    ),
    (
        REVIEW_LAWSUIT,
        "行政复议-总计",
        &[
            "行政复议-结果维持",
            "行政复议-结果纠正",
            "行政复议-其他结果",
            "行政复议-尚未审结",
        ],
    ),
    (
        REVIEW_LAWSUIT,
        "未经复议直接起诉-总计",
        &[
            "未经复议直接起诉-结果维持",
            "未经复议直接起诉-结果纠正",
            "未经复议直接起诉-其他结果",
            "未经复议直接起诉-尚未审结",
        ],
    ),
    (
        REVIEW_LAWSUIT,
        "复议后起诉-总计",
        &[
            "复议后起诉-结果维持",
            "复议后起诉-结果纠正",
            "复议后起诉-其他结果",
            "复议后起诉-尚未审结",
        ],
    ),
];
