"""The report's prose: the sections each format asks for, in the sentences reports write, with
figures that restate table cells (the same figure, unless the report's defect is a prose figure
that disagrees) and figures the tables do not hold (visits, trainings)."""

# (cell, phrase): a sentence part stating a table cell, as reports word it.
FACTS = {
    "2021": [(("new", 6), "全年共新收政府信息公开申请{n}件"),
             (("carried_in", 6), "上年结转政府信息公开申请{n}件"),
             (("carried_out", 6), "结转下年度继续办理{n}件"),
             (("normative", 0), "本年制发行政规范性文件{n}件"),
             (("normative", 2), "现行有效行政规范性文件{n}件"),
             (("permit", 0), "作出行政许可决定{n}件"),
             (("penalty", 0), "作出行政处罚决定{n}件"),
             (("review", 4), "因政府信息公开被申请行政复议{n}件")],
    "2019": [(("new", 6), "全年共新收政府信息公开申请{n}件"),
             (("carried_in", 6), "上年结转政府信息公开申请{n}件"),
             (("normative", 1), "本年新公开规范性文件{n}件"),
             (("rules", 1), "新公开规章{n}件"),
             (("review", 4), "因政府信息公开被申请行政复议{n}件")],
    "national": [(("active", 0), "全年主动公开政府信息{n}条"),
                 (("website", 0), "其中通过政府网站公开政府信息{n}条"),
                 (("received", 0), "共收到政府信息公开申请{n}件"),
                 (("review", 0), "发生政府信息公开行政复议{n}件"),
                 (("lawsuit", 0), "政府信息公开行政诉讼{n}件"),
                 (("staff", 0), "从事政府信息公开工作人员{n}人")],
    "fujian": [(("active", 0), "主动公开政府信息{n}条"),
               (("received", 0), "受理政府信息公开申请{n}件"),
               (("review", 0), "收到政府信息公开行政复议申请{n}件")],
}
SECTIONS_NEW = ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
                "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"]
SECTIONS_OLD = ["一、概述", "二、主动公开政府信息情况", "三、依申请公开政府信息办理情况",
                "四、政府信息公开的收费及减免情况", "五、因政府信息公开申请行政复议、提起行政诉讼的情况",
                "六、存在的主要问题及改进情况", "七、其他需要报告的事项"]
FILLER = [
    "坚持以公开为常态、不公开为例外，推进决策、执行、管理、服务、结果公开。",
    "严格落实信息发布审核制度，坚持先审查、后公开。",
    "进一步规范依申请公开办理流程，按时答复申请人。",
    "加强政府网站建设，优化栏目设置，提升信息查找的便利程度。",
]


def facts(report):
    """The facts this report's prose can state (cells that exist in its tables)."""
    present = set(report.figures)
    return [(cell, phrase) for cell, phrase in FACTS[report.form] if cell in present]


def stated(report):
    """Sentence parts for the facts the prose states: the wrong one always, others now and then."""
    rng, wrong = report.rng, report.wrong_prose or {}
    out = []
    for cell, phrase in facts(report):
        if cell == wrong.get("cell"):
            out.append(phrase.format(n=wrong["value"]))
        elif report.figures[cell] is not None and rng.random() < 0.5:
            out.append(phrase.format(n=report.text(cell)))
    return out


def summary(report):
    """The opening paragraphs: the year's work, with the figures stated."""
    rng = report.rng
    parts = stated(report)
    visits = rng.randint(1000, 90000)
    first = (f"{report.year}年，{report.agency}认真贯彻落实《中华人民共和国政府信息公开条例》，"
             + rng.choice(FILLER))
    figures = ("，".join(parts) + "。") if parts else ""
    return [first, f"{figures}政府网站全年访问量达{visits}人次，组织业务培训{rng.randint(1, 6)}次。"]


def closing(report):
    rng = report.rng
    return ["信息公开的及时性和规范性还有待提高。下一步，将" + rng.choice(FILLER),
            "本年度未收取信息处理费。" if report.family != "2008" else "本年度没有收取政府信息公开相关费用。"]
