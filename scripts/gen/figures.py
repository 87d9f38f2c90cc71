"""Random figures that satisfy each form's arithmetic: row totals, column sums to （七）总计,
一 + 二 = （七） + 四, table 四's totals, the old forms' totals of their 其中 rows. Agencies differ
in size (a township office sees no application in a year, a city bureau thousands), and most
applications come from natural persons and end 予以公开 or 本机关不掌握."""
import forms

SCALES = {"tiny": (0, 4), "small": (3, 40), "medium": (30, 400), "large": (300, 5000)}
# How often each result ends an application (weights, not shares).
RESULT_WEIGHTS = {
    "granted": 30, "partial": 8, "secret": 0.3, "law": 0.5, "stability": 0.3, "third_party": 1,
    "internal": 1, "process": 1.5, "case_file": 0.5, "inquiry": 1, "not_held": 15,
    "must_create": 2, "unclear": 2, "petition": 2, "repeat": 3, "publication": 0.5, "mass": 0.5,
    "confirm": 0.5, "other": 6, "no_correction": 3, "no_fee": 0.2, "other_other": 3,
}
APPLICANT_WEIGHTS = [85, 8, 1, 1, 3, 2]


def fill_figures(report):
    {"national": national_figures, "fujian": fujian_figures}.get(report.form, national_format_figures)(report)


def count(rng, scale, factor=1.0):
    lo, hi = SCALES[scale]
    return int(rng.randint(lo, hi) * factor)


def split(rng, total, weights):
    """`total` spread over the parts at random, each in proportion to its weight on average."""
    parts = [0] * len(weights)
    for i in rng.choices(range(len(weights)), weights=weights, k=total):
        parts[i] += 1
    return parts


def upto(rng, n):
    return rng.randint(0, max(0, n))


# ---- the national 统计表 --------------------------------------------------------------------------

def national_figures(report):
    rng, scale = report.rng, report.variant["scale"]
    v = {}
    v["active"] = count(rng, scale, 8) + rng.randint(20, 200)
    active_parts(rng, v, report.variant.get("key_areas"))
    respond_parts(rng, v, scale)
    apply_parts(rng, v, scale)
    redress_parts(rng, v, scale)
    org_parts(rng, v, scale)
    present = {r.key for r in report.rows["old"] if r.key}
    report.figures = {(k, 0): x for k, x in v.items() if k in present}
    report.sums = [((total, 0), [(p, 0) for p in parts]) for total, parts in forms.NATIONAL_SUMS
                   if total in present and all(p in present for p in parts)]
    report.bounds = {(total, 0) for total in forms.NATIONAL_BOUNDS}


def active_parts(rng, v, key_areas):
    active = v["active"]
    v["active_normative"] = upto(rng, min(active, 40))
    v["normative_issued"] = upto(rng, 30)
    if key_areas:
        parts = split(rng, upto(rng, active // 2), [rng.random() + 0.05 for _ in forms.KEY_PARTS])
        v.update(zip(forms.KEY_PARTS, parts))
        v["key"] = sum(parts)
    v["website"] = rng.randint(active // 2, active)
    for channel, share in (("gazette", 0.05), ("weibo", 0.4), ("wechat", 0.4), ("other_channel", 0.3)):
        v[channel] = upto(rng, int(active * share))


def respond_parts(rng, v, scale):
    small = count(rng, scale, 0.3)
    v["hotspots"] = upto(rng, small + 3)
    v["press"] = upto(rng, small // 2 + 2)
    v["press_leader"] = upto(rng, v["press"])
    v["interview"] = upto(rng, 6)
    v["interview_leader"] = upto(rng, v["interview"])
    v["explainers"] = upto(rng, small * 3 + 10)
    v["weibo_wechat"] = upto(rng, small + 5)
    v["respond_other"] = upto(rng, small + 2)


def apply_parts(rng, v, scale):
    received = count(rng, scale)
    v.update(zip(["in_person", "fax", "online", "letter"], split(rng, received, [30, 2, 50, 18])))
    v["received"] = received
    closed = received - upto(rng, received // 8)
    v["on_time"], v["late"] = split(rng, closed, [9, 1])
    v["closed"] = closed
    kinds = ["already_public", "granted", "partial", "refused", "not_this_agency", "not_exist",
             "amend", "other_route"]
    v.update(zip(kinds, split(rng, closed, [10, 30, 8, 6, 12, 15, 4, 3])))
    v["answered"] = closed
    reasons = ["secret", "trade_secret", "privacy", "security", "not_gov_info", "other_law"]
    v.update(zip(reasons, split(rng, v["refused"], [1, 1, 2, 1, 4, 2])))


def redress_parts(rng, v, scale):
    for total, parts in (("review", ["review_upheld", "review_corrected", "review_other"]),
                         ("lawsuit", ["lawsuit_upheld", "lawsuit_corrected", "lawsuit_other"])):
        v.update(zip(parts, split(rng, count(rng, scale, 0.05), [6, 1, 2])))
        v[total] = sum(v[p] for p in parts)
    v["complaints"] = count(rng, scale, 0.05)
    v["fee"] = 0 if rng.random() < 0.8 else round(rng.randint(1, 300) / 100, 2)


def org_parts(rng, v, scale):
    v["units"] = rng.randint(0, 3)
    v["points"] = rng.randint(1, 60)
    v["staff_full"], v["staff_part"] = rng.randint(0, 6), rng.randint(0, 40)
    v["staff"] = v["staff_full"] + v["staff_part"]
    v["budget"] = rng.choice([0, 0, 1, 2.5, round(rng.randint(50, 5000) / 100, 2)])
    v["meetings"], v["trainings"] = rng.randint(0, 12), rng.randint(0, 8)
    v["trainees"] = v["trainings"] * rng.randint(10, 80)


# ---- Fujian's form: the year and the years before it (历年累计) -------------------------------

def fujian_figures(report):
    rng, scale = report.rng, report.variant["scale"]
    generation = forms.FUJIAN[report.variant["generation"]]
    this_year = fujian_year(rng, generation, scale)
    before = fujian_year(rng, generation, scale, years=rng.randint(2, 6))
    for key, _, _ in generation["rows"]:
        report.figures[(key, 0)] = this_year[key]
        report.figures[(key, 1)] = this_year[key] + before[key]
    report.sums = [((total, j), [(p, j) for p in parts])
                   for total, parts in generation["sums"] for j in (0, 1)]


def fujian_year(rng, generation, scale, years=1):
    v = {}
    v["active"] = sum(count(rng, scale, 3) + rng.randint(10, 300) for _ in range(years))
    v["website"] = rng.randint(v["active"] * 3 // 4, v["active"])
    v["gazette"] = upto(rng, v["active"] - v["website"])
    received = sum(count(rng, scale, 0.5) for _ in range(years))
    answered = received - upto(rng, received // 10)  # some still open at the year's end
    for (total, parts), n in zip(generation["sums"], (received, answered)):
        v.update(zip(parts, split(rng, n, [rng.random() + 0.1 for _ in parts])))
        v[total] = n
    for key in ("review", "lawsuit", "complaints"):
        v[key] = sum(upto(rng, 2) if rng.random() < 0.3 else 0 for _ in range(years))
    v["fee_waived"] = 0
    return v


# ---- the 2019 and 2021 formats ----------------------------------------------------------------

def national_format_figures(report):
    rng, scale = report.rng, report.variant["scale"]
    table_two_figures(report, rng, scale)
    table_three_figures(report, rng, scale)
    table_four_figures(report, rng, scale)


def table_three_figures(report, rng, scale):
    rows = report.rows["t3"]
    results = [r.key for r in rows if r.key not in ("new", "carried_in", "total", "carried_out")]
    weights = [RESULT_WEIGHTS[k] for k in results]
    new = split(rng, count(rng, scale), APPLICANT_WEIGHTS)
    carried_in = split(rng, count(rng, scale, 0.08), APPLICANT_WEIGHTS)
    f = report.figures
    for j in range(6):
        carried_out = upto(rng, (new[j] + carried_in[j]) // 6)
        handled = split(rng, new[j] + carried_in[j] - carried_out, weights)
        for key, n in zip(results, handled):
            f[(key, j)] = n
        f[("new", j)], f[("carried_in", j)] = new[j], carried_in[j]
        f[("total", j)], f[("carried_out", j)] = sum(handled), carried_out
    for r in rows:
        f[(r.key, 6)] = sum(f[(r.key, j)] for j in range(6))
    report.sums += [((r.key, 6), [(r.key, j) for j in range(6)]) for r in rows]
    report.sums += [(("total", j), [(k, j) for k in results]) for j in range(7)]


def table_four_figures(report, rng, scale):
    for key, _ in forms.T4_GROUPS:
        parts = split(rng, count(rng, scale, 0.04), [5, 2, 2, 1])
        for j, n in enumerate(parts + [sum(parts)]):
            report.figures[(key, j)] = n
        report.sums.append(((key, 4), [(key, j) for j in range(4)]))


def table_two_figures(report, rng, scale):
    f = report.figures
    big = {"tiny": 20, "small": 300, "medium": 3000, "large": 30000}[scale]
    if report.form == "2019":
        rules_2019(f, rng, big)
        for key in ("permit", "other_services", "penalty", "enforcement"):
            f[(key, 0)] = upto(rng, big // 20 + 5)
            f[(key, 1)] = rng.randint(-min(f[(key, 0)], 20), 30)
            f[(key, 2)] = upto(rng, big)
        f[("fees", 0)] = upto(rng, 40)
        f[("fees", 1)] = rng.randint(-min(f[("fees", 0)], 5), 2)
        procurement(report, rng, big)
    else:
        rules_2021(f, rng, big)
        for key in ("permit", "penalty", "enforcement"):
            f[(key, 0)] = upto(rng, big)
        fee = rng.choice([0, round(rng.uniform(0, big / 10), 2), round(rng.uniform(0, 50), 4)])
        f[("fees", 0)] = fee
        if fee and rng.random() < 0.3:
            # printed to the fen, as a Word table formats money; the gold is what is printed
            report.texts[("fees", 0)] = f"{fee:.2f}"
            f[("fees", 0)] = float(f"{fee:.2f}")


def rules_2019(f, rng, big):
    for key, most in (("rules", 3), ("normative", big // 100 + 5)):
        made = upto(rng, most)
        f[(key, 0)], f[(key, 1)] = made, made - upto(rng, made // 5)
        f[(key, 2)] = f[(key, 1)] + upto(rng, most * 10)


def rules_2021(f, rng, big):
    for key, most in (("rules", 3), ("normative", big // 100 + 5)):
        f[(key, 0)], f[(key, 1)] = upto(rng, most), upto(rng, most)
        f[(key, 2)] = f[(key, 0)] + upto(rng, most * 10)


def procurement(report, rng, big):
    """采购总金额: in 万元 with decimals, or in 元 with the unit typed into the cell (real 2020:
    73802895.90元, read as 73802895.9)."""
    report.figures[("procurement", 0)] = upto(rng, big // 50 + 3)
    if rng.random() < 0.5:
        amount = round(rng.uniform(0, big * 2), 2)
        report.figures[("procurement", 1)] = amount
        if rng.random() < 0.4:
            report.texts[("procurement", 1)] = f"{amount:.2f}万元"
    else:
        amount = round(rng.uniform(0, big * 20000), 2)
        report.figures[("procurement", 1)] = amount
        report.texts[("procurement", 1)] = f"{amount:.2f}元"
