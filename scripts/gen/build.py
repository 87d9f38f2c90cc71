"""The rows one report prints: the form's rows in the page's manner, with at most one label that
departs from the form (another agency's wording, a lost character, a row left unnumbered)."""
import forms
from labels import drop_characters, restyle, words_start
from model import Row

T2 = {"2019": forms.T2_2019, "2021": forms.T2_2021}


def build_rows(report):
    {"national": national_rows, "fujian": fujian_rows}.get(report.form, national_format_rows)(report)
    maybe_misprint(report)


# ---- the 2008–2018 forms ----------------------------------------------------------------------

def national_rows(report):
    rng, style = report.rng, report.style
    spec = list(forms.NATIONAL_ACTIVE)
    if report.variant.get("key_areas"):
        spec += forms.KEY_AREAS
        channels_heading = (None, ["（三）通过不同渠道和方式公开政府信息的情况"], "")
        spec += [channels_heading] + forms.NATIONAL_CHANNELS[1:]
    else:
        spec += forms.NATIONAL_CHANNELS
    spec += forms.NATIONAL_RESPOND + forms.NATIONAL_APPLY + forms.NATIONAL_REDRESS + forms.NATIONAL_ORG
    rows = []
    for key, label, unit in spec:
        if key in forms.NATIONAL_WORDINGS and rng.random() < 0.3:
            label = forms.NATIONAL_WORDINGS[key]
        report.official[key or label[0]] = "".join(label)
        printed = restyle(label, style)
        rows.append(Row(key=key, label=printed if style.note_apart else ["".join(printed)],
                        columns=[None] if key else [], unit=unit))
    report.rows["old"] = rows


def fujian_rows(report):
    generation = forms.FUJIAN[report.variant["generation"]]
    style = report.style
    columns = [f"{report.year}年度", "历年累计"]
    rows = []
    for key, label, unit in generation["rows"]:
        if key in forms.FUJIAN_WORDINGS and report.rng.random() < 0.5:
            label = forms.FUJIAN_WORDINGS[key]
        report.official[key] = "".join(label)
        rows.append(Row(key=key, label=restyle(label, style, keep_numbering=True),
                        columns=columns, unit=unit))
    report.rows["old"] = rows


# ---- the 2019 trial format and the 2021 format --------------------------------------------------

def national_format_rows(report):
    report.rows["t2"] = table_two_rows(report)
    report.rows["t3"] = table_three_rows(report)
    report.rows["t4"] = [Row(key=key, label=[label], columns=list(forms.T4_RESULTS))
                         for key, label in forms.T4_GROUPS]


def table_two_rows(report):
    rows = []
    for _, headers, items in T2[report.form]:
        columns = [restyle([h], report.style)[0] for h in headers]
        for key, label in items:
            report.official[key] = label
            rows.append(Row(key=key, label=[label], columns=columns))
    return rows


def table_three_rows(report):
    style = report.style
    applicants = list(forms.APPLICANTS)
    rows = [Row(key=k, label=[label], columns=applicants) for k, label in forms.T3_TOP]
    for group, items in result_groups(report):
        for i, (key, label) in enumerate(items):
            report.official[key] = label
            printed = restyle([label], style)
            if key == "partial" and style.note_apart:
                printed = note_apart(printed[0])
            first = group and i == 0
            rows.append(Row(key=key, label=printed, columns=applicants, grouped=bool(group),
                            group=restyle([group], style) if first else None,
                            group_size=len(items) if first else 0))
    key, label = forms.T3_OUT
    rows.append(Row(key=key, label=[label], columns=applicants))
    for k, label in forms.T3_TOP:
        report.official[k] = label
    report.official[key] = label
    return rows


def note_apart(label):
    """（二）部分公开 | （区分处理的，…）: the note in a paragraph of its own."""
    start = words_start(label)
    at = min(i for i in (label.find("（", start), label.find("(", start)) if i > 0)
    return [label[:at], label[at:]]


def result_groups(report):
    other = forms.T3_OTHER_2019
    if report.form == "2021" and not report.variant.get("single_other_row"):
        other = forms.T3_OTHER_2021
    return forms.T3_RESULTS_COMMON + [other, forms.T3_TOTAL]


# ---- at most one label that departs from the form ----------------------------------------------

def maybe_misprint(report):
    """Now and then one label as a real page prints it instead of the form's wording."""
    rng = report.rng
    if rng.random() >= report.variant.get("misprint_chance", 0.35):
        return
    choices = [lambda: lost_characters(report)]
    if report.form in ("2019", "2021"):
        choices.append(lambda: real_table_three_wording(report))
    if report.form == "2021":
        choices.append(lambda: rename(report, "normative", "规范性文件"))
    if report.form == "national":
        choices.append(lambda: unnumbered(report))
    rng.choice(choices)()


def lost_characters(report):
    candidates = [r for rows in report.rows.values() for r in rows if r.columns and len(r.label) == 1]
    report.rng.shuffle(candidates)
    for r in candidates:
        shorter = drop_characters(r.label[0], report.rng)
        # table 四's groups are column headers, which the gold names by the form's wording;
        # passed over after the draw, so that every other seed draws as before
        if shorter and r.key not in report.official:
            continue
        if shorter:
            r.label = [shorter]
            official = report.official[r.key]
            report.may.append({"code": "label-variant",
                               "about": f"“{shorter}” misses characters of “{official}”"})
            return


def real_table_three_wording(report):
    key = report.rng.choice(sorted(forms.T3_WORDINGS))
    label = restyle([forms.T3_WORDINGS[key]], report.style)[0]
    rename(report, key, label)


def rename(report, key, label):
    report.row(key).label = [label]
    report.may.append({"code": "label-variant", "about": f"“{label}” printed for “{report.official[key]}”"})


def unnumbered(report):
    """A sub-item printed without its number (seed 003: 专职人员数 without 1.)."""
    r = report.row("staff_full")
    r.label = [r.label[0][words_start(r.label[0]):]] + r.label[1:]
    report.may.append({"code": "label-variant", "about": f"“{r.printed}” printed without its number"})
