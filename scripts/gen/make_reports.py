#!/usr/bin/env python3
"""Writes K annual reports as HTML pages, in the three template families (the 2008–2018
统计表: the national form of 2015–2018 or Fujian's provincial form; the 2019 trial format; the
2021 format), each with random valid figures, its own manner of labels and markup, and at most
one defect (a wrong total, blank cells, or a prose figure that disagrees with the table), and
DIR/seeds.gold.json: the gold of each report's seven renderings, in the format of
/work/shared/eval/score.py and wrong.py (see docs/generated.md).

usage: make_reports.py --seed N --count K --out DIR
Report i of seed N is always the same report (its randomness is seeded by N and i).
Render the pages with render_all.py DIR."""
import argparse
import json
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import defects  # noqa: E402
import html_tables  # noqa: E402
import prose  # noqa: E402
from build import build_rows  # noqa: E402
from figures import fill_figures  # noqa: E402
from model import Report  # noqa: E402
from page import document  # noqa: E402
from style import random_style  # noqa: E402
import forms  # noqa: E402

FAMILIES = ["2008", "2019", "2021"]
RENDERINGS = [".web.txt", ".pdf.txt", ".pdflayout.txt", ".pdfium.txt", ".mupdf.txt", ".md.txt", ".pdf"]
ERROR_CODES = {"sum-mismatch", "part-exceeds-whole", "balance-mismatch"}
COUNTIES = ["清河县", "临江市", "东城区", "南湖区", "青山县", "西岗区", "永安市"]
OFFICES = ["人民政府", "人民政府办公室", "市场监督管理局", "交通运输局", "自然资源局", "卫生健康委员会",
           "教育局", "民政局"]
TOWNS = ["柳林镇人民政府", "白沙镇人民政府", "金水街道办事处", "东湖街道办事处", "石桥乡人民政府"]


def make_report(seed, index):
    rng = random.Random(f"{seed}-{index}")
    family = FAMILIES[index % 3]
    form = family if family != "2008" else ("national", "fujian")[(index // 3) % 2]
    report = Report(name=f"s{seed}_{index:02d}_{form}", family=family, form=form, year=0,
                    agency=agency(rng), rng=rng)
    report.variant = choose_variant(rng, form)
    report.year = choose_year(rng, form, report.variant)
    report.style = random_style(rng, form)
    build_rows(report)
    fill_figures(report)
    defects.inject(report, report.variant["defect"])
    return report


def agency(rng):
    if rng.random() < 0.25:
        return rng.choice(TOWNS)
    return rng.choice(COUNTIES) + rng.choice(OFFICES)


def choose_variant(rng, form):
    v = {"scale": rng.choices(["tiny", "small", "medium", "large"], [2, 4, 3, 1.5])[0],
         "defect": rng.choice(defects.KINDS)}
    if form == "national":
        v["key_areas"] = rng.random() < 0.3
        v["label_head"] = rng.choice(["统计指标", "指标名称"])
        v["unit_head"] = rng.choice(["单位", "计量单位"])
    if form == "fujian":
        v["generation"] = rng.choice(sorted(forms.FUJIAN))
    if form == "2021":
        v["single_other_row"] = rng.random() < 0.15
    return v


def choose_year(rng, form, variant):
    if form == "fujian":
        return rng.choice(list(forms.FUJIAN[variant["generation"]]["years"]))
    return rng.choice({"national": [2015, 2016, 2017, 2018], "2019": [2019, 2020],
                       "2021": [2021, 2022, 2023, 2024]}[form])


# ---- the page -----------------------------------------------------------------------------------

def page_html(report):
    title = f"{report.agency}{report.year}年政府信息公开工作年度报告"
    body = [f'<p align="center" style="text-align:center">{bold(title, report)}</p>',
            p(f"本报告根据《中华人民共和国政府信息公开条例》编制。本报告中所列数据的统计期限自"
              f"{report.year}年1月1日起至{report.year}年12月31日止。")]
    body += old_sections(report) if report.family == "2008" else new_sections(report)
    return document(title, "\n".join(body), style=f"body{{font-size:{report.rng.choice([12, 14, 16])}px}}")


def p(text):
    return f"<p>{text}</p>"


def heading(report, text):
    return f"<p>{bold(text, report)}</p>"


def bold(text, report):
    return f"<strong>{text}</strong>" if report.style.bold_headings else text


def new_sections(report):
    s = prose.SECTIONS_NEW
    summary, closing = prose.summary(report), prose.closing(report)
    return ([heading(report, s[0])] + [p(x) for x in summary]
            + [heading(report, s[1]), html_tables.table_two(report)]
            + [heading(report, s[2]), html_tables.table_three(report)]
            + [heading(report, s[3]), html_tables.table_four(report)]
            + [heading(report, s[4]), p(closing[0]), heading(report, s[5]), p(closing[1])])


def old_sections(report):
    s = prose.SECTIONS_OLD
    summary, closing = prose.summary(report), prose.closing(report)
    said = [summary[0], summary[1], "申请均在法定期限内办理完毕。", closing[1], "详见附表。", closing[0], "无。"]
    text = [x for h, t in zip(s, said) for x in (heading(report, h), p(t))]
    page_break = ' style="page-break-before:always"' if report.style.break_before_table else ""
    table_title = f"{report.agency}{report.year}年政府信息公开情况统计表"
    return text + [f"<p{page_break}>附件：{table_title}</p>",
                   f'<p align="center" style="text-align:center">{table_title}</p>',
                   html_tables.old_table(report),
                   p("单位负责人：张某　审核人：李某　填报人：王某")]


# ---- the gold -----------------------------------------------------------------------------------

def gold_of(report):
    if report.variant.get("single_other_row"):
        report.may.append({"code": "template-mismatch",
                           "about": "a 2021-format table 三 with （六）其他处理 as one row"})
    errors = sum(1 for m in report.must if m["code"] in ERROR_CODES)
    return {"kind": "annual-report", "year": report.year, "template": report.family,
            "cells": report.gold_cells(), "must": report.must, "may": report.may,
            "max_errors": errors, "form": report.form, "defect": report.variant["defect"]}


def write_gold(path, gold):
    """One rendering per line, compact: the seven renderings of a report share one gold, and the
    file stays small enough to commit."""
    compact = {"ensure_ascii": False, "separators": (",", ":")}
    lines = [json.dumps(k, **compact) + ":" + json.dumps(v, **compact) for k, v in gold.items()]
    with open(path, "w", encoding="utf-8") as f:
        f.write("{\n" + ",\n".join(lines) + "\n}\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--count", type=int, required=True)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    gold = {}
    for i in range(a.count):
        report = make_report(a.seed, i)
        with open(os.path.join(a.out, report.name + ".html"), "w", encoding="utf-8") as f:
            f.write(page_html(report))
        g = gold_of(report)
        gold.update({report.name + ext: g for ext in RENDERINGS})
    write_gold(os.path.join(a.out, "seeds.gold.json"), gold)
    print(f"{a.count} reports in {a.out}")


if __name__ == "__main__":
    main()
