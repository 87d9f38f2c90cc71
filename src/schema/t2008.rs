//! The 2008–2018 统计表 (《政府信息公开情况统计表》, 国办 format used with provincial variants,
//! including Beijing's 重点领域 rows), one value column 统计数.

use super::types::{Columns, In, Indicator, Relation};

const fn row(id: &'static str, labels: &'static [&'static str], unit: &'static str) -> Indicator {
    Indicator {
        id,
        within: In::Y2008,
        labels,
        unit,
        columns: Columns::Single,
        heading: false,
        by_label: true,
    }
}

const fn heading(id: &'static str, labels: &'static [&'static str]) -> Indicator {
    Indicator {
        id,
        within: In::Y2008,
        labels,
        unit: "",
        columns: Columns::Single,
        heading: true,
        by_label: true,
    }
}

pub static INDICATORS: &[Indicator] = &[
    heading("active", &["一、主动公开情况"]),
    row("active.total", &["(一)主动公开政府信息数(不同渠道和方式公开相同信息计1条)", "主动公开政府信息数", "主动公开信息数", "主动公开文件数"], "条"),
    row("active.normative", &["其中:主动公开规范性文件数"], "条"),
    row("active.normative_issued", &["制发规范性文件总数"], "件"),
    row("active.key.total", &["(二)重点领域公开政府信息数(不同渠道和方式公开相同信息计1条)", "重点领域公开政府信息数"], "条"),
    row("active.key.budget", &["其中:主动公开财政预算决算、“三公经费”和行政经费信息数"], "条"),
    row("active.key.housing", &["主动公开保障性安居工程建设计划、项目开工和竣工情况,保障性住房的分配和退出等信息数"], "条"),
    row("active.key.food", &["主动公开食品安全标准,食品生产经营许可、专项检查整治等信息数"], "条"),
    row("active.key.environment", &["主动公开环境核查审批、环境状况公报和重特大突发环境事件等信息数"], "条"),
    row("active.key.bidding", &["主动公开招投标违法违规行为及处理情况、国有资金占控股或者主导地位依法应当招标的项目等信息数"], "条"),
    row("active.key.safety", &["主动公开生产安全事故的政府举措、处置进展、风险预警、防范措施等信息数"], "条"),
    row("active.key.land", &["主动公开农用地转为建设用地批准、征收集体土地批准、征地公告征地补偿安置公示、集体土地征收结案等信息数"], "条"),
    row("active.key.price", &["主动公开政府指导价、政府定价和收费标准调整的项目、价格、依据、执行时间和范围等信息数"], "条"),
    row("active.key.credit", &["主动公开本市企业信用信息系统中的警示信息和良好信息等信息数"], "条"),
    row("active.key.audit", &["主动公开政府部门预算执行审计结果等信息数"], "条"),
    row("active.key.utilities", &["主动公开行政机关对与人民群众利益密切相关的公共企事业单位进行监督管理的信息数"], "条"),
    row("active.key.other", &["主动公开市人民政府决定主动公开的其他信息数", "主动公开区人民政府决定主动公开的其他信息数"], "条"),
    heading("active.channels", &["(三)通过不同渠道和方式公开政府信息的情况"]),
    row("active.channel.gazette", &["1.政府公报公开政府信息数", "2.政府公报公开", "2、政府公报公开数"], "条"),
    row("active.channel.website", &["2.政府网站公开政府信息数", "其中:1.网站公开", "其中:1、政府网站公开数"], "条"),
    row("active.channel.weibo", &["3.政务微博公开政府信息数"], "条"),
    row("active.channel.wechat", &["4.政务微信公开政府信息数"], "条"),
    row("active.channel.other", &["5.其他方式公开政府信息数"], "条"),
    heading("respond", &["二、回应解读情况"]),
    row("respond.hotspots", &["(一)回应公众关注热点或重大舆情数(不同方式回应同一热点或舆情计1次)", "回应公众关注热点或重大舆情数"], "次"),
    heading("respond.channels", &["(二)通过不同渠道和方式回应解读的情况"]),
    row("respond.press", &["1.参加或举办新闻发布会总次数"], "次"),
    row("respond.press_leader", &["其中:主要负责同志参加新闻发布会次数"], "次"),
    row("respond.interview", &["2.政府网站在线访谈次数"], "次"),
    row("respond.interview_leader", &["其中:主要负责同志参加政府网站在线访谈次数"], "次"),
    row("respond.explainers", &["3.政策解读稿件发布数"], "篇"),
    row("respond.weibo_wechat", &["4.微博微信回应事件数"], "次"),
    row("respond.other", &["5.其他方式回应事件数"], "次"),
    heading("apply", &["三、依申请公开情况"]),
    row("apply.received", &["(一)收到申请数", "受理依申请公开信息总数", "受理政府信息依申请公开总数"], "件"),
    row("apply.in_person", &["1.当面申请数"], "件"),
    row("apply.fax", &["2.传真申请数"], "件"),
    row("apply.email", &["3.电子邮件申请数"], "件"),
    row("apply.online", &["3.网络申请数", "4.网上申请数"], "件"),
    row("apply.letter", &["4.信函申请数"], "件"),
    row("apply.letter_fax", &["3、信函、传真申请数"], "件"),
    row("apply.other_form", &["6.其它形式申请数", "其他形式申请数"], "件"),
    row("apply.closed", &["(二)申请办结数"], "件"),
    row("apply.closed_on_time", &["1.按时办结数"], "件"),
    row("apply.closed_late", &["2.延期办结数"], "件"),
    row("apply.answered", &["(三)申请答复数", "对申请的答复数", "对申请的答复总数"], "件"),
    row("reply.already_public", &["1.属于已主动公开范围数"], "件"),
    row("reply.granted", &["2.同意公开答复数"], "件"),
    row("reply.partial", &["3.同意部分公开答复数"], "件"),
    row("reply.refused", &["4.不同意公开答复数", "3.否决公开答复数", "3、不予公开答复数"], "件"),
    row("reply.other_type", &["4、其他类型答复数"], "件"),
    row("refused.state_secret", &["其中:涉及国家秘密"], "件"),
    row("refused.trade_secret", &["涉及商业秘密"], "件"),
    row("refused.privacy", &["涉及个人隐私"], "件"),
    row("refused.security", &["危及国家安全、公共安全、经济安全和社会稳定"], "件"),
    row("refused.not_gov_info", &["不是《条例》所指政府信息", "非《条例》所指政府信息"], "件"),
    row("refused.other_law", &["法律法规规定的其他情形"], "件"),
    row("reply.not_this_agency", &["5.不属于本行政机关公开数"], "件"),
    row("reply.not_exist", &["6.申请信息不存在数"], "件"),
    row("reply.amend", &["7.告知作出更改补充数"], "件"),
    row("reply.other_route", &["8.告知通过其他途径办理数"], "件"),
    row("review.total", &["四、行政复议数量", "行政复议数"], "件"),
    row("review.upheld", &["(一)维持具体行政行为数"], "件"),
    row("review.corrected", &["(二)被依法纠错数"], "件"),
    row("review.other", &["(三)其他情形数"], "件"),
    row("lawsuit.total", &["五、行政诉讼数量", "行政诉讼数"], "件"),
    row("lawsuit.upheld", &["(一)维持具体行政行为或者驳回原告诉讼请求数"], "件"),
    row("lawsuit.corrected", &["(二)被依法纠错数"], "件"),
    row("lawsuit.other", &["(三)其他情形数"], "件"),
    row("complaint.total", &["六、举报投诉数量", "行政申诉数", "行政申诉、举报数", "接受行政诉讼、举报数"], "件"),
    row("fee.total", &["七、依申请公开信息收取的费用"], "万元"),
    row("fee.waived", &["政府信息公开收费减免金额"], ""),
    heading("org", &["八、机构建设和保障经费情况"]),
    row("org.units", &["(一)政府信息公开工作专门机构数"], "个"),
    row("org.points", &["(二)设置政府信息公开查阅点数"], "个"),
    row("org.staff", &["(三)从事政府信息公开工作人员数"], "人"),
    row("org.staff_full", &["1.专职人员数(不包括政府公报及政府网站工作人员数)"], "人"),
    row("org.staff_part", &["2.兼职人员数"], "人"),
    row("org.budget", &["(四)政府信息公开专项经费(不包括用于政府公报编辑管理及政府网站建设维护等方面的经费)"], "万元"),
    heading("meeting", &["九、政府信息公开会议和培训情况"]),
    row("meeting.meetings", &["(一)召开政府信息公开工作会议或专题会议数"], "次"),
    row("meeting.trainings", &["(二)举办各类培训班数"], "次"),
    row("meeting.trainees", &["(三)接受培训人员数"], "人次"),
];

const CHANNELS: &[&str] = &[
    "active.channel.gazette",
    "active.channel.website",
    "active.channel.weibo",
    "active.channel.wechat",
    "active.channel.other",
];

const fn at_most(part: &'static str, whole: &'static str) -> Relation {
    Relation::AtMost {
        part,
        whole,
        within: In::Y2008,
    }
}

const fn sum(total: &'static str, parts: &'static [&'static str]) -> Relation {
    Relation::Sum {
        total,
        parts,
        within: In::Y2008,
        absent: &[],
    }
}

/// A total and its parts in one provincial variant of the form: it holds only where none of
/// `absent` is printed (those rows belong to another variant).
const fn variant_sum(
    total: &'static str,
    parts: &'static [&'static str],
    absent: &'static [&'static str],
) -> Relation {
    Relation::Sum {
        total,
        parts,
        within: In::Y2008,
        absent,
    }
}

/// Rows that only the provincial variants (Fujian's 受理/答复 forms) print.
const PROVINCIAL_CHANNELS: &[&str] = &["apply.email", "apply.letter_fax", "apply.other_form"];

pub static RELATIONS: &[Relation] = &[
    // Fujian: 受理依申请公开信息总数 = its 其中 channels, in the three ways they were printed
    variant_sum(
        "apply.received",
        &[
            "apply.in_person",
            "apply.fax",
            "apply.email",
            "apply.online",
            "apply.letter",
            "apply.other_form",
        ],
        &[],
    ),
    variant_sum(
        "apply.received",
        &[
            "apply.in_person",
            "apply.fax",
            "apply.email",
            "apply.online",
            "apply.letter",
        ],
        &["apply.other_form"],
    ),
    variant_sum(
        "apply.received",
        &["apply.in_person", "apply.online", "apply.letter_fax"],
        &["apply.fax", "apply.letter", "apply.email"],
    ),
    // Fujian: 对申请的答复数 = 同意公开 + 同意部分公开 + 否决（不予）公开 (+ 其他类型)
    variant_sum(
        "apply.answered",
        &["reply.granted", "reply.partial", "reply.refused"],
        &[
            "reply.already_public",
            "reply.other_type",
            "reply.not_this_agency",
            "reply.not_exist",
        ],
    ),
    variant_sum(
        "apply.answered",
        &[
            "reply.granted",
            "reply.partial",
            "reply.refused",
            "reply.other_type",
        ],
        &["reply.already_public"],
    ),
    sum(
        "apply.closed",
        &["apply.closed_on_time", "apply.closed_late"],
    ),
    sum(
        "apply.answered",
        &[
            "reply.already_public",
            "reply.granted",
            "reply.partial",
            "reply.refused",
            "reply.not_this_agency",
            "reply.not_exist",
            "reply.amend",
            "reply.other_route",
        ],
    ),
    sum(
        "review.total",
        &["review.upheld", "review.corrected", "review.other"],
    ),
    sum(
        "lawsuit.total",
        &["lawsuit.upheld", "lawsuit.corrected", "lawsuit.other"],
    ),
    sum("org.staff", &["org.staff_full", "org.staff_part"]),
    sum(
        "active.key.total",
        &[
            "active.key.budget",
            "active.key.housing",
            "active.key.food",
            "active.key.environment",
            "active.key.bidding",
            "active.key.safety",
            "active.key.land",
            "active.key.price",
            "active.key.credit",
            "active.key.audit",
            "active.key.utilities",
            "active.key.other",
        ],
    ),
    at_most(CHANNELS[0], "active.total"),
    at_most(CHANNELS[1], "active.total"),
    at_most(CHANNELS[2], "active.total"),
    at_most(CHANNELS[3], "active.total"),
    at_most(CHANNELS[4], "active.total"),
    at_most("active.normative", "active.total"),
    at_most("active.key.total", "active.total"),
    at_most("respond.press_leader", "respond.press"),
    at_most("respond.interview_leader", "respond.interview"),
    Relation::AtMostSum {
        whole: "apply.received",
        parts: &[
            "apply.in_person",
            "apply.fax",
            "apply.online",
            "apply.letter",
        ],
        within: In::Y2008,
        absent: PROVINCIAL_CHANNELS,
    },
    Relation::AtMostSum {
        whole: "reply.refused",
        parts: &[
            "refused.state_secret",
            "refused.trade_secret",
            "refused.privacy",
            "refused.security",
            "refused.not_gov_info",
            "refused.other_law",
        ],
        within: In::Y2008,
        absent: &[],
    },
];

/// The value columns of the old template printed for one year and cumulatively
/// (`2013年度` | `历年累计`), as static names for the arithmetic.
pub fn year_columns(year: u32) -> Option<&'static [&'static str]> {
    YEAR_COLUMNS
        .iter()
        .find(|c| c[0].starts_with(&year.to_string()))
        .map(|c| &c[..])
}

static YEAR_COLUMNS: &[[&str; 2]] = &[
    ["2007年度", "历年累计"],
    ["2008年度", "历年累计"],
    ["2009年度", "历年累计"],
    ["2010年度", "历年累计"],
    ["2011年度", "历年累计"],
    ["2012年度", "历年累计"],
    ["2013年度", "历年累计"],
    ["2014年度", "历年累计"],
    ["2015年度", "历年累计"],
    ["2016年度", "历年累计"],
    ["2017年度", "历年累计"],
    ["2018年度", "历年累计"],
    ["2019年度", "历年累计"],
    ["2020年度", "历年累计"],
    ["2021年度", "历年累计"],
    ["2022年度", "历年累计"],
    ["2023年度", "历年累计"],
    ["2024年度", "历年累计"],
    ["2025年度", "历年累计"],
    ["2026年度", "历年累计"],
    ["2027年度", "历年累计"],
    ["2028年度", "历年累计"],
    ["2029年度", "历年累计"],
    ["2030年度", "历年累计"],
];
