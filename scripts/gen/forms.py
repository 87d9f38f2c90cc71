"""The statistics tables of the three template families as data: row keys, the official wording
(paragraphs as the form prints them), units and the arithmetic each form implies.

Wordings are those of the official forms and of the variants real reports print
(/work/shared/reference/templates.md, the real Fujian reports of /work/shared/corpus/real, the
national 统计表 of the seed reports); nothing here is taken from the checker's own schema."""

# ---- 2008–2018: the national 统计表 of 2015–2018 (统计指标 | 单位 | 统计数) ----------------------
# (key, label paragraphs, unit); key None: a heading row that holds no figure.
NATIONAL_ACTIVE = [
    (None, ["一、主动公开情况"], ""),
    ("active", ["（一）主动公开政府信息数", "（不同渠道和方式公开相同信息计1条）"], "条"),
    ("active_normative", ["其中：主动公开规范性文件数"], "条"),
    ("normative_issued", ["制发规范性文件总数"], "件"),
]
# Beijing's form adds the 重点领域 rows (seed 001); the channels heading is then （三）.
KEY_AREAS = [
    ("key", ["（二）重点领域公开政府信息数", "（不同渠道和方式公开相同信息计1条）"], "条"),
    ("key_budget", ["其中：主动公开财政预算决算、“三公经费”和行政经费信息数"], "条"),
    ("key_housing", ["主动公开保障性安居工程建设计划、项目开工和竣工情况，保障性住房的分配和退出等信息数"], "条"),
    ("key_food", ["主动公开食品安全标准，食品生产经营许可、专项检查整治等信息数"], "条"),
    ("key_environment", ["主动公开环境核查审批、环境状况公报和重特大突发环境事件等信息数"], "条"),
    ("key_bidding", ["主动公开招投标违法违规行为及处理情况、国有资金占控股或者主导地位依法应当招标的项目等信息数"], "条"),
    ("key_safety", ["主动公开生产安全事故的政府举措、处置进展、风险预警、防范措施等信息数"], "条"),
    ("key_land", ["主动公开农用地转为建设用地批准、征收集体土地批准、征地公告征地补偿安置公示、集体土地征收结案等信息数"], "条"),
    ("key_price", ["主动公开政府指导价、政府定价和收费标准调整的项目、价格、依据、执行时间和范围等信息数"], "条"),
    ("key_credit", ["主动公开本市企业信用信息系统中的警示信息和良好信息等信息数"], "条"),
    ("key_audit", ["主动公开政府部门预算执行审计结果等信息数"], "条"),
    ("key_utilities", ["主动公开行政机关对与人民群众利益密切相关的公共企事业单位进行监督管理的信息数"], "条"),
    ("key_other", ["主动公开区人民政府决定主动公开的其他信息数"], "条"),
]
KEY_PARTS = [k for k, _, _ in KEY_AREAS[1:]]
NATIONAL_CHANNELS = [
    (None, ["（二）通过不同渠道和方式公开政府信息的情况"], ""),
    ("gazette", ["1.政府公报公开政府信息数"], "条"),
    ("website", ["2.政府网站公开政府信息数"], "条"),
    ("weibo", ["3.政务微博公开政府信息数"], "条"),
    ("wechat", ["4.政务微信公开政府信息数"], "条"),
    ("other_channel", ["5.其他方式公开政府信息数"], "条"),
]
NATIONAL_RESPOND = [
    (None, ["二、回应解读情况"], ""),
    ("hotspots", ["（一）回应公众关注热点或重大舆情数", "（不同方式回应同一热点或舆情计1次）"], "次"),
    (None, ["（二）通过不同渠道和方式回应解读的情况"], ""),
    ("press", ["1.参加或举办新闻发布会总次数"], "次"),
    ("press_leader", ["其中：主要负责同志参加新闻发布会次数"], "次"),
    ("interview", ["2.政府网站在线访谈次数"], "次"),
    ("interview_leader", ["其中：主要负责同志参加政府网站在线访谈次数"], "次"),
    ("explainers", ["3.政策解读稿件发布数"], "篇"),
    ("weibo_wechat", ["4.微博微信回应事件数"], "次"),
    ("respond_other", ["5.其他方式回应事件数"], "次"),
]
NATIONAL_APPLY = [
    (None, ["三、依申请公开情况"], ""),
    ("received", ["（一）收到申请数"], "件"),
    ("in_person", ["1.当面申请数"], "件"),
    ("fax", ["2.传真申请数"], "件"),
    ("online", ["3.网络申请数"], "件"),
    ("letter", ["4.信函申请数"], "件"),
    ("closed", ["（二）申请办结数"], "件"),
    ("on_time", ["1.按时办结数"], "件"),
    ("late", ["2.延期办结数"], "件"),
    ("answered", ["（三）申请答复数"], "件"),
    ("already_public", ["1.属于已主动公开范围数"], "件"),
    ("granted", ["2.同意公开答复数"], "件"),
    ("partial", ["3.同意部分公开答复数"], "件"),
    ("refused", ["4.不同意公开答复数"], "件"),
    ("secret", ["其中：涉及国家秘密"], "件"),
    ("trade_secret", ["涉及商业秘密"], "件"),
    ("privacy", ["涉及个人隐私"], "件"),
    ("security", ["危及国家安全、公共安全、经济安全和社会稳定"], "件"),
    ("not_gov_info", ["不是《条例》所指政府信息"], "件"),
    ("other_law", ["法律法规规定的其他情形"], "件"),
    ("not_this_agency", ["5.不属于本行政机关公开数"], "件"),
    ("not_exist", ["6.申请信息不存在数"], "件"),
    ("amend", ["7.告知作出更改补充数"], "件"),
    ("other_route", ["8.告知通过其他途径办理数"], "件"),
]
NATIONAL_REDRESS = [
    ("review", ["四、行政复议数量"], "件"),
    ("review_upheld", ["（一）维持具体行政行为数"], "件"),
    ("review_corrected", ["（二）被依法纠错数"], "件"),
    ("review_other", ["（三）其他情形数"], "件"),
    ("lawsuit", ["五、行政诉讼数量"], "件"),
    ("lawsuit_upheld", ["（一）维持具体行政行为或者驳回原告诉讼请求数"], "件"),
    ("lawsuit_corrected", ["（二）被依法纠错数"], "件"),
    ("lawsuit_other", ["（三）其他情形数"], "件"),
    ("complaints", ["六、举报投诉数量"], "件"),
    ("fee", ["七、依申请公开信息收取的费用"], "万元"),
]
NATIONAL_ORG = [
    (None, ["八、机构建设和保障经费情况"], ""),
    ("units", ["（一）政府信息公开工作专门机构数"], "个"),
    ("points", ["（二）设置政府信息公开查阅点数"], "个"),
    ("staff", ["（三）从事政府信息公开工作人员数"], "人"),
    ("staff_full", ["1.专职人员数", "（不包括政府公报及政府网站工作人员数）"], "人"),
    ("staff_part", ["2.兼职人员数"], "人"),
    ("budget", ["（四）政府信息公开专项经费", "（不包括用于政府公报编辑管理及政府网站建设维护等方面的经费）"], "万元"),
    (None, ["九、政府信息公开会议和培训情况"], ""),
    ("meetings", ["（一）召开政府信息公开工作会议或专题会议数"], "次"),
    ("trainings", ["（二）举办各类培训班数"], "次"),
    ("trainees", ["（三）接受培训人员数"], "人次"),
]
# Real variants of single rows (seen in published reports): another agency's wording.
NATIONAL_WORDINGS = {
    "not_gov_info": ["非《条例》所指政府信息"],
    "key_other": ["主动公开市人民政府决定主动公开的其他信息数"],
}

# A total and its parts; "at most": a part never larger than its whole.
NATIONAL_SUMS = [
    ("received", ["in_person", "fax", "online", "letter"]),
    ("closed", ["on_time", "late"]),
    ("answered", ["already_public", "granted", "partial", "refused", "not_this_agency",
                  "not_exist", "amend", "other_route"]),
    ("refused", ["secret", "trade_secret", "privacy", "security", "not_gov_info", "other_law"]),
    ("review", ["review_upheld", "review_corrected", "review_other"]),
    ("lawsuit", ["lawsuit_upheld", "lawsuit_corrected", "lawsuit_other"]),
    ("staff", ["staff_full", "staff_part"]),
    ("key", KEY_PARTS),
]
# Of those, totals the national form only bounds by their parts' sum (a request counted under
# several channels or refusal reasons: nianbao's schema, Relation::AtMostSum). Printed below
# the sum, such a total is no mistake of the form's; a wrong one is printed above it.
NATIONAL_BOUNDS = {"received", "refused"}

# ---- 2008–2018: Fujian's 统计表 (指标名称 | 计量单位 | YYYY年度 | 历年累计) ---------------------------
# Three generations of the provincial form, as the real Pingtan reports print them.
FUJIAN = {
    "2009": {
        "years": range(2009, 2012),
        "rows": [
            ("active", ["主动公开信息数"], "条"),
            ("website", ["其中：1.网站公开"], "条"),
            ("gazette", ["2.政府公报公开"], "条"),
            ("received", ["受理依申请公开信息总数"], "条"),
            ("in_person", ["其中：1.当面申请数"], "条"),
            ("fax", ["2.传真申请数"], "条"),
            ("email", ["3.电子邮件申请数"], "条"),
            ("online", ["4.网上申请数"], "条"),
            ("letter", ["5.信函申请数"], "条"),
            ("other_form", ["6.其它形式申请数"], "条"),
            ("answered", ["对申请的答复数"], "条"),
            ("granted", ["其中：1.同意公开答复数"], "条"),
            ("partial", ["2.同意部分公开答复数"], "条"),
            ("refused", ["3.否决公开答复数"], "条"),
            ("review", ["行政复议数"], "条"),
            ("lawsuit", ["行政诉讼数"], "条"),
            ("complaints", ["行政申诉数"], "条"),
        ],
        "sums": [("received", ["in_person", "fax", "email", "online", "letter", "other_form"]),
                 ("answered", ["granted", "partial", "refused"])],
    },
    "2012": {
        "years": range(2012, 2015),
        "rows": [
            ("active", ["主动公开信息数"], "条"),
            ("website", ["其中：1、网站公开"], "条"),
            ("gazette", ["2、政府公报公开"], "条"),
            ("received", ["受理依申请公开信息总数"], "条"),
            ("in_person", ["其中：1、当面申请数"], "条"),
            ("fax", ["2、传真申请数"], "条"),
            ("email", ["3、电子邮件申请数"], "条"),
            ("online", ["4、网上申请数"], "条"),
            ("letter", ["5、信函申请数"], "条"),
            ("answered", ["对申请的答复总数"], "条"),
            ("granted", ["其中：1、同意公开答复数"], "条"),
            ("partial", ["2、同意部分公开答复数"], "条"),
            ("refused", ["3、否决公开答复数"], "条"),
            ("review", ["行政复议数"], "件"),
            ("lawsuit", ["行政诉讼数"], "件"),
            ("complaints", ["行政申诉、举报数"], "件"),
        ],
        "sums": [("received", ["in_person", "fax", "email", "online", "letter"]),
                 ("answered", ["granted", "partial", "refused"])],
    },
    "2016": {
        "years": range(2015, 2018),
        "rows": [
            ("active", ["主动公开文件数"], "条"),
            ("website", ["其中：1、政府网站公开数"], "条"),
            ("gazette", ["2、政府公报公开数"], "条"),
            ("received", ["受理政府信息依申请公开总数"], "条"),
            ("in_person", ["其中：1、当面申请数"], "条"),
            ("online", ["2、网上申请数"], "条"),
            ("letter_fax", ["3、信函、传真申请数"], "条"),
            ("answered", ["对申请的答复总数"], "条"),
            ("granted", ["其中：1、同意公开答复数"], "条"),
            ("partial", ["2、同意部分公开答复数"], "条"),
            ("refused", ["3、不予公开答复数"], "条"),
            ("other_type", ["4、其他类型答复数"], "条"),
            ("fee_waived", ["政府信息公开收费减免金额"], "元"),
            ("complaints", ["接受行政诉讼、举报数"], "件"),
            ("review", ["行政复议数"], "件"),
            ("lawsuit", ["行政诉讼数"], "件"),
        ],
        "sums": [("received", ["in_person", "online", "letter_fax"]),
                 ("answered", ["granted", "partial", "refused", "other_type"])],
    },
}
# 受理依申请公开信息总数 was the 2011–2016 wording of the 2016 generation's total.
FUJIAN_WORDINGS = {"received": ["受理依申请公开信息总数"]}

# ---- 2019 trial format and 2021 format ---------------------------------------------------------
APPLICANTS = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
T3_TOP = [("new", "一、本年新收政府信息公开申请数量"), ("carried_in", "二、上年结转政府信息公开申请数量")]
T3_GROUP = "三、本年度办理结果"
T3_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
# (group label or None, [(key, label)]): a group's rows share its rowspan cell.
T3_RESULTS_COMMON = [
    (None, [("granted", "（一）予以公开")]),
    (None, [("partial", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）")]),
    ("（三）不予公开", [
        ("secret", "1.属于国家秘密"), ("law", "2.其他法律行政法规禁止公开"),
        ("stability", "3.危及“三安全一稳定”"), ("third_party", "4.保护第三方合法权益"),
        ("internal", "5.属于三类内部事务信息"), ("process", "6.属于四类过程性信息"),
        ("case_file", "7.属于行政执法案卷"), ("inquiry", "8.属于行政查询事项")]),
    ("（四）无法提供", [
        ("not_held", "1.本机关不掌握相关政府信息"), ("must_create", "2.没有现成信息需要另行制作"),
        ("unclear", "3.补正后申请内容仍不明确")]),
    ("（五）不予处理", [
        ("petition", "1.信访举报投诉类申请"), ("repeat", "2.重复申请"),
        ("publication", "3.要求提供公开出版物"), ("mass", "4.无正当理由大量反复申请"),
        ("confirm", "5.要求行政机关确认或重新出具已获取信息")]),
]
T3_OTHER_2019 = (None, [("other", "（六）其他处理")])
T3_OTHER_2021 = ("（六）其他处理", [
    ("no_correction", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
    ("no_fee", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
    ("other_other", "3.其他")])
T3_TOTAL = (None, [("total", "（七）总计")])
T3_OUT = ("carried_out", "四、结转下年度继续办理")
# Wordings real reports print in table 三 (templates.md: “2.其他法律行政止公开” in two PDFs).
T3_WORDINGS = {"law": "2.其他法律行政止公开", "stability": "3.危及三安全一稳定"}

T4_GROUPS = [("review", "行政复议"), ("direct", "未经复议直接起诉"), ("after_review", "复议后起诉")]
T4_RESULTS = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]

# Table 二: (section title, column headers, [(key, row label)])
T2_2019 = [
    ("第二十条第（一）项", ["本年新制作数量", "本年新公开数量", "对外公开总数量"],
     [("rules", "规章"), ("normative", "规范性文件")]),
    ("第二十条第（五）项", ["上一年项目数量", "本年增/减", "处理决定数量"],
     [("permit", "行政许可"), ("other_services", "其他对外管理服务事项")]),
    ("第二十条第（六）项", ["上一年项目数量", "本年增/减", "处理决定数量"],
     [("penalty", "行政处罚"), ("enforcement", "行政强制")]),
    ("第二十条第（八）项", ["上一年项目数量", "本年增/减"], [("fees", "行政事业性收费")]),
    ("第二十条第（九）项", ["采购项目数量", "采购总金额"], [("procurement", "政府集中采购")]),
]
T2_2021 = [
    ("第二十条第（一）项", ["本年制发件数", "本年废止件数", "现行有效件数"],
     [("rules", "规章"), ("normative", "行政规范性文件")]),
    ("第二十条第（五）项", ["本年处理决定数量"], [("permit", "行政许可")]),
    ("第二十条第（六）项", ["本年处理决定数量"], [("penalty", "行政处罚"), ("enforcement", "行政强制")]),
    ("第二十条第（八）项", ["本年收费金额（单位：万元）"], [("fees", "行政事业性收费")]),
]
# Header cells real pages break inside (2020 real report: 本年新<br>制作数量).
HEADER_BREAKS = {"本年新制作数量": ["本年新", "制作数量"], "本年新公开数量": ["本年新", "公开数量"],
                 "商业企业": ["商业", "企业"], "科研机构": ["科研", "机构"],
                 "社会公益组织": ["社会", "公益", "组织"], "法律服务机构": ["法律", "服务", "机构"],
                 "结果维持": ["结果", "维持"], "结果纠正": ["结果", "纠正"], "其他结果": ["其他", "结果"],
                 "尚未审结": ["尚未", "审结"]}
