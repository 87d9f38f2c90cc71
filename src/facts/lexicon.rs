//! The wording that links a number in the prose to a template indicator, as data.
//!
//! Each [`Cue`] names an indicator id of the schema and the words that must surround the number
//! in its clause. A cue applies only in the templates that have its indicator. Cues are chosen
//! from the official row wordings and from the sentences reports actually write; when two cues
//! of the same rank fit one number, the number is left alone (no fact beats a wrong fact).

/// One way of stating an indicator in prose.
#[derive(Debug)]
pub struct Cue {
    pub indicator: &'static str,
    /// Words that must appear, in this order, in the clause before the number.
    pub before: &'static [&'static str],
    /// Words that must appear, in this order, in the clause after the unit.
    pub after: &'static [&'static str],
    /// Words that, anywhere in the clause, show the number is about something else.
    pub not: &'static [&'static str],
    /// A category or channel (2) beats a total worded more loosely (1).
    pub rank: u8,
    /// The number must be read under this topic (see [`TOPICS`]).
    pub topic: Option<&'static str>,
    /// The column of a row with several (2021 表二: `现行有效件数`), `None` for the row's figure.
    pub column: Option<&'static str>,
    /// Read only when stated plainly: the clause is one of `before`'s phrases and the number,
    /// with nothing before them but [`PLAIN_LEAD`], and each earlier clause of the sentence is
    /// such a lead or holds a count of its own (a list of the year's figures). For wordings that
    /// any qualifier turns into a part or another count (`适用简易程序作出行政处罚决定`,
    /// `开展专项整治，作出行政处罚决定`); `before` then lists alternatives, not words in order.
    pub plain: bool,
}

const fn total(indicator: &'static str, before: &'static [&'static str]) -> Cue {
    Cue {
        indicator,
        before,
        after: &[],
        not: &[],
        rank: 1,
        topic: None,
        column: None,
        plain: false,
    }
}

const fn part(indicator: &'static str, before: &'static [&'static str]) -> Cue {
    Cue {
        rank: 2,
        ..total(indicator, before)
    }
}

/// A figure stated plainly (see [`Cue::plain`]) in one of `phrases`, read as `column`.
const fn plain(
    indicator: &'static str,
    phrases: &'static [&'static str],
    column: &'static str,
) -> Cue {
    Cue {
        plain: true,
        column: Some(column),
        ..part(indicator, phrases)
    }
}

/// Words that turn a request count into something else (a petition, a lawsuit, a proposal).
const NOT_APPLICATIONS: &[&str] = &[
    "办公室",
    "委员会",
    "分局",
    "街道",
    "镇",
    "乡",
    "部门",
    "中心",
    "复议",
    "诉讼",
    "建议",
    "提案",
    "投诉",
    "举报",
    "咨询",
    "政务服务",
    "审批",
    "来信",
];

/// A total is never introduced by 其中 (that is a part of something larger).
const NOT_TOTAL: &[&str] = &["其中", "包括"];

const NOT_ACTIVE_TOTAL: &[&str] = &[
    "其中",
    "办公室",
    "委员会",
    "分局",
    "街道",
    "镇",
    "乡",
    "部门",
    "中心",
    "类",
    "重点领域",
    "规范性文件",
    "网站",
    "微博",
    "微信",
    "公报",
    "新媒体",
];

const NOT_ANSWERED: &[&str] = &["未", "建议", "提案", "复议", "诉讼", "咨询"];

pub static CUES: &[Cue] = &[
    // 2008 一、主动公开
    Cue {
        not: NOT_ACTIVE_TOTAL,
        ..total("active.total", &["主动公开政府信息"])
    },
    Cue {
        not: &["制发"],
        ..part("active.normative", &["主动公开规范性文件"])
    },
    part("active.normative_issued", &["制发规范性文件"]),
    Cue {
        not: NOT_TOTAL,
        ..total("active.key.total", &["重点领域", "信息"])
    },
    part("active.key.budget", &["预算决算", "三公经费"]),
    part("active.key.housing", &["保障性住房的分配和退出"]),
    part("active.key.food", &["食品生产经营许可"]),
    part("active.key.environment", &["环境核查审批"]),
    part("active.key.bidding", &["招投标违法违规"]),
    part("active.key.safety", &["生产安全事故的政府举措"]),
    part("active.key.land", &["农用地转为建设用地"]),
    part("active.key.price", &["政府指导价", "政府定价"]),
    part("active.key.credit", &["企业信用信息系统"]),
    part("active.key.audit", &["预算执行审计结果"]),
    part("active.key.utilities", &["公共企事业单位进行监督管理"]),
    part("active.key.other", &["决定主动公开的其他信息"]),
    part("active.channel.gazette", &["政府公报公开"]),
    Cue {
        not: &["镇", "街道", "部门", "本级"],
        ..part("active.channel.website", &["网站", "公开"])
    },
    part("active.channel.weibo", &["政务微博公开"]),
    part("active.channel.wechat", &["政务微信公开"]),
    part("active.channel.wechat", &["微信平台", "公开"]),
    part("active.channel.other", &["其他方式公开"]),
    // 2008 二、回应解读
    part("respond.hotspots", &["回应", "关注热点"]),
    Cue {
        not: &["主要负责"],
        ..part("respond.press", &["新闻发布会"])
    },
    part("respond.press_leader", &["主要负责", "新闻发布会"]),
    Cue {
        not: &["主要负责"],
        ..part("respond.interview", &["在线访谈"])
    },
    part("respond.interview_leader", &["主要负责", "在线访谈"]),
    part("respond.explainers", &["政策解读稿件"]),
    part("respond.explainers", &["发布政策解读"]),
    part("respond.weibo_wechat", &["微博微信回应"]),
    part("respond.other", &["其他方式回应"]),
    // 2008 三、依申请公开
    Cue {
        not: NOT_APPLICATIONS,
        ..total("apply.received", &["申请总数"])
    },
    Cue {
        not: NOT_APPLICATIONS,
        ..total("apply.received", &["收到", "申请"])
    },
    Cue {
        not: NOT_APPLICATIONS,
        ..total("apply.received", &["受理", "申请"])
    },
    Cue {
        after: &["申请"],
        not: NOT_APPLICATIONS,
        ..total("apply.received", &["收到"])
    },
    part("apply.in_person", &["当面申请"]),
    part("apply.fax", &["传真", "申请"]),
    part("apply.online", &["网络", "申请"]),
    part("apply.online", &["互联网", "申请"]),
    part("apply.online", &["网上申请"]),
    part("apply.letter", &["信函", "申请"]),
    Cue {
        not: &["按时", "延期", "率", "未"],
        ..total("apply.closed", &["办结"])
    },
    part("apply.closed_on_time", &["按时办结"]),
    part("apply.closed_late", &["延期办结"]),
    Cue {
        not: NOT_ANSWERED,
        ..total("apply.answered", &["申请答复"])
    },
    Cue {
        not: NOT_ANSWERED,
        ..total("apply.answered", &["答复", "申请"])
    },
    Cue {
        after: &["申请"],
        not: NOT_ANSWERED,
        ..total("apply.answered", &["答复"])
    },
    part("reply.already_public", &["已主动公开"]),
    Cue {
        not: &["不同意", "部分"],
        ..part("reply.granted", &["同意公开"])
    },
    part("reply.partial", &["部分公开"]),
    part("reply.refused", &["不同意公开"]),
    part("reply.not_this_agency", &["不属于本"]),
    part("reply.not_exist", &["信息不存在"]),
    part("reply.amend", &["更改补充"]),
    part("reply.other_route", &["其他途径"]),
    part("refused.state_secret", &["国家秘密"]),
    part("refused.trade_secret", &["商业秘密"]),
    part("refused.privacy", &["个人隐私"]),
    part("refused.security", &["社会稳定"]),
    part("refused.not_gov_info", &["所指政府信息"]),
    part("refused.other_law", &["法律法规规定的其他情形"]),
    // 2008 四至七
    Cue {
        not: &["诉讼", "维持", "纠错", "纠正", "其他"],
        ..total("review.total", &["行政复议"])
    },
    // `收到1份有关政府信息公开行政复议申请`: the matter named after the number; a review about
    // anything else (`收到行政复议申请12份`, a 司法局's own caseload) is not this row
    Cue {
        after: &["信息公开", "行政复议"],
        not: &["诉讼", "维持", "纠错", "纠正", "其他"],
        ..total("review.total", &[])
    },
    // 2019、2021 表四: the reviews' count is the 行政复议 总计 column
    Cue {
        not: &["诉讼", "维持", "纠错", "纠正", "其他"],
        column: Some("行政复议-总计"),
        ..total("review_lawsuit", &["行政复议"])
    },
    Cue {
        after: &["信息公开", "行政复议"],
        not: &["诉讼", "维持", "纠错", "纠正", "其他"],
        column: Some("行政复议-总计"),
        ..total("review_lawsuit", &[])
    },
    Cue {
        topic: Some("复议"),
        ..part("review.upheld", &["维持"])
    },
    Cue {
        topic: Some("复议"),
        ..part("review.corrected", &["纠错"])
    },
    Cue {
        topic: Some("复议"),
        ..part("review.other", &["其他情形"])
    },
    Cue {
        not: &["复议", "维持", "纠错", "纠正", "其他"],
        ..total("lawsuit.total", &["行政诉讼"])
    },
    Cue {
        topic: Some("诉讼"),
        ..part("lawsuit.upheld", &["维持"])
    },
    Cue {
        topic: Some("诉讼"),
        ..part("lawsuit.corrected", &["纠错"])
    },
    Cue {
        topic: Some("诉讼"),
        ..part("lawsuit.other", &["其他情形"])
    },
    total("complaint.total", &["信息公开", "举报"]),
    Cue {
        not: &["免", "减"],
        ..total("fee.total", &["收取", "费用"])
    },
    // 2008 八、九
    part("org.units", &["信息公开", "专门机构"]),
    part("org.points", &["查阅点"]),
    Cue {
        not: &["专职", "兼职", "全职"],
        ..total("org.staff", &["从事", "信息公开", "工作人员"])
    },
    Cue {
        not: &["专职", "兼职", "全职", "培训"],
        ..total("org.staff", &["信息公开工作人员"])
    },
    part("org.staff_full", &["专职"]),
    Cue {
        after: &["专职", "工作人员"],
        ..part("org.staff_full", &[])
    },
    Cue {
        after: &["全职", "工作人员"],
        ..part("org.staff_full", &[])
    },
    part("org.staff_part", &["兼职"]),
    Cue {
        after: &["兼职", "工作人员"],
        ..part("org.staff_part", &[])
    },
    part("org.budget", &["信息公开专项经费"]),
    part("meeting.meetings", &["信息公开", "会议"]),
    part("meeting.trainings", &["培训班"]),
    part("meeting.trainees", &["接受培训人员"]),
    // 2019 / 2021 表三
    // `共收到申请N件` is left alone in these formats: reports use it both for 新收 and for
    // 新收 plus 上年结转
    part("apply.new", &["新收", "申请"]),
    part("apply.carried_in", &["上年结转"]),
    part("apply.carried_out", &["结转下年"]),
    part("result.granted", &["予以公开"]),
    part("result.partial", &["部分公开"]),
    part("result.refused", &["不予公开"]),
    part("result.unable", &["无法提供"]),
    part("result.not_processed", &["不予处理"]),
    part("result.other", &["其他处理"]),
    Cue {
        not: &["按时", "延期", "率", "未", "结转"],
        ..total("result.total", &["办结", "申请"])
    },
    // 2021 表二: a count of the documents in force is that column; what was issued or repealed
    // this year is left alone (`动态更新本年度制发的规范性文件77件` is also written of the
    // documents published, a reading the table cannot tell apart)
    Cue {
        column: Some("现行有效件数"),
        not: &["制发", "废止", "拟", "规章"],
        ..part("disclose.normative", &["现行有效", "规范性文件"])
    },
    Cue {
        column: Some("现行有效件数"),
        not: &["制发", "废止", "拟", "规范性文件"],
        ..part("disclose.rules", &["现行有效", "规章"])
    },
    // 本年制发 with the 2021 term right after it (`本年制发行政规范性文件4件`) is the table's
    // wording of the column, stated plainly; the older term with `的` and a library's update
    // before it (`动态更新本年度制发的规范性文件77件`) stays unread, as above
    plain(
        "disclose.normative",
        &["本年制发行政规范性文件", "本年度制发行政规范性文件"],
        "本年制发件数",
    ),
    // 2021 表二: the decisions made (`作出行政处罚决定28551件`) are the row's 本年处理决定数量.
    // Only plainly: decisions published (`公示行政处罚决定`), of one procedure or campaign
    // (`适用简易程序作出…`, `开展专项整治，作出…`) or of a kind (`准予行政许可决定`) are not the
    // row's count
    plain(
        "disclose.permit",
        &["作出行政许可决定", "做出行政许可决定"],
        "本年处理决定数量",
    ),
    plain(
        "disclose.penalty",
        &["作出行政处罚决定", "做出行政处罚决定"],
        "本年处理决定数量",
    ),
    plain(
        "disclose.enforcement",
        &["作出行政强制决定", "做出行政强制决定"],
        "本年处理决定数量",
    ),
    // 2019 表二: the documents published this year in the column's words (`本年新公开规范性文件
    // 82件`, `新公开规章1件` after it), stated plainly; 本年新制作 and a bare 公开 are left alone
    plain(
        "disclose2019.normative",
        &["新公开规范性文件"],
        "本年新公开数量",
    ),
    plain("disclose2019.rules", &["新公开规章"], "本年新公开数量"),
];

/// What may stand before a plainly stated figure in its clause, or make up an earlier clause of
/// its sentence (besides the year, `2022年`, and the agency's name): the year and the agency
/// speaking of itself (`全年共`, `本机关依法`), nothing that narrows what is counted.
pub static PLAIN_LEAD: &[&str] = &[
    "全年",
    "本年度",
    "本年",
    "今年",
    "年内",
    "一年来",
    "共计",
    "共",
    "合计",
    "依法",
    "本机关",
    "本单位",
    "本部门",
    "本局",
    "我局",
    "我委",
    "我单位",
];

/// Between a plainly stated figure's words and the number (`作出行政处罚决定共511件`).
pub static PLAIN_FILLER: &[&str] = &["共计", "共", "合计", "为"];

/// Topics that decide how a 维持 / 纠错 / 其他情形 count is read: the one named last before it.
pub static TOPICS: &[(&str, &str)] = &[("复议", "行政复议"), ("诉讼", "行政诉讼")];

/// Units read after a number, longest first. Any other word after a number (年, 月, 号, %)
/// means the number is not a count of the kind the template keeps.
pub static UNITS: &[&str] = &[
    "人次", "万元", "件", "条", "人", "名", "次", "个", "篇", "项", "元", "场", "处", "份",
];

/// Units that state the same kind of count as the template's unit.
pub static UNIT_FAMILIES: &[(&str, &[&str])] = &[
    ("件", &["件", "项", "份"]),
    ("条", &["条", "件"]),
    ("次", &["次", "场"]),
    ("篇", &["篇", "条", "次"]),
    ("个", &["个", "处"]),
    ("人", &["人", "名"]),
    ("人次", &["人次"]),
    ("万元", &["万元", "元"]),
];

/// Indicators of the old form that provincial variants count in 条 (`受理依申请公开信息总数 条`,
/// `4.网上申请数 条`), and their reports with them (`网上申请数3条`): requests and replies.
pub static ALSO_IN_ITEMS: &[&str] = &["apply.", "reply."];

/// Right before the number: the count is approximate, ordinal or a range.
pub static NOT_EXACT_BEFORE: &[&str] = &[
    "第", "约", "近", "逾", "超过", "不足", "不到", "-", "~", "—", "至", "前", "排名", "增加",
    "减少", "增长", "下降", "上升", "提高", "多出", "少于", "多于", "平均",
];

/// Right after the unit: the count is approximate.
pub static NOT_EXACT_AFTER: &[&str] = &["以上", "以下", "左右", "余", "多", "以内"];

/// Anywhere in the clause: a plan, last year's figure or a change, not this year's count.
pub static NOT_THIS_YEAR: &[&str] = &[
    "同比",
    "去年",
    "上一年度",
    "较上年",
    "比上年",
    "计划",
    "预计",
    "力争",
    "目标",
    "以来",
    "历年",
    "至今",
    "截至目前",
    "截止目前",
];

/// `累计` sums over the years unless the clause says it is this year's (`全年累计`).
pub static CUMULATIVE: &str = "累计";
pub static THIS_YEAR: &[&str] = &["全年", "本年", "年度", "今年", "一年来"];

/// After the number in its clause: the count includes something else (`15件(含上年结转3件)`).
pub static NOT_CLEAN_COUNT: &[&str] = &["含上年", "上年结转", "包括上年", "去年"];

/// Once a sentence names a part of the agency, its later numbers are that part's, not the
/// agency's (`全区申请总数为354件,其中区政府工作部门238件`).
pub static SUB_SCOPE: &[&str] = &[
    "镇政府",
    "街道办",
    "乡镇",
    "乡(镇)",
    "区本级",
    "市本级",
    "县本级",
    "本级政府",
    "工作部门",
    "各部门",
    "下属单位",
    "所属单位",
    "各单位",
    "包括区",
    "包括市",
    "包括县",
];

/// How many units, joined by `、`, make a list of every level that reports rather than a part
/// (`区直各部门、各乡镇、县直各单位`; `七星镇政府、街道办事处` is two units, a part).
pub static EVERY_UNIT_LIST: usize = 3;

/// Before a list of units: it is a part of the whole (`其中，区直、县直各单位…`).
pub static NOT_TOTAL_LIST: &[&str] = &["其中", "包括", "分别"];

/// Earlier in a sentence: its request counts are a service hall's cases (see `service_work`).
pub static SERVICE_WORK: &[&str] = &["审批", "政务服务", "行政服务", "便民服务", "窗口", "办件"];

/// The indicators of one channel of publication.
pub static CHANNELS: &str = "active.channel.";

/// Right after a count (its clause's end): the count is the whole a breakdown is taken of.
pub static BREAKDOWN_OF: &[&str] = &["信息中", "条中", "件中"];

/// Words after a percentage's count that say what it is a share of (`占总数的`).
pub static SHARE_OF: &[&str] = &["占"];

/// Before a count: it is the base of the shares that follow (`共收到`, `申请总数为`).
pub static BASE_BEFORE: &[&str] = &[
    "共", "总数", "总计", "合计", "累计", "全年", "新收", "收到", "受理",
];
