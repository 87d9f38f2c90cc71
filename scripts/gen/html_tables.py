"""The statistics tables of one report as HTML, drawn from its rows and figures in the page's
manner (style.Style): merged group labels, vertical labels, header cells broken over lines,
a 序号 or 单位 column, heading rows, narrow label columns that make long labels wrap."""
import forms
from labels import restyle
from page import vertical


def open_table(style, widths):
    cols = "".join(f'<col style="width:{w}%">' for w in widths)
    return (f'<table border="1" cellspacing="0" cellpadding="0" style="border-collapse:collapse;'
            f'width:{style.table_width};font-size:{style.font_pt}pt"><colgroup>{cols}</colgroup>')


def value_cells(report, row, attrs=None):
    m = report.style.markup
    return "".join(m.td([report.text((row.key, j))], (attrs or [{}] * len(row.columns))[j], number=True)
                   for j in range(len(row.columns)))


def header(text, style):
    """A header cell's paragraphs: broken over two lines where pages break it."""
    if style.header_breaks and text in forms.HEADER_BREAKS:
        return forms.HEADER_BREAKS[text]
    return [text]


def share(rest, n):
    return [round(rest / n, 1)] * n


# ---- the 2008–2018 forms ----------------------------------------------------------------------

def old_table(report):
    style, m = report.style, report.style.markup
    rows = report.rows["old"]
    values = rows_columns(report)
    widths = ([6] if style.serial_column else []) + [style.label_width] + ([10] if style.unit_column else [])
    widths += share(100 - sum(widths), len(values))
    head = "<tr>" + (m.td(["序号"]) if style.serial_column else "")
    head += m.td([report.variant.get("label_head", "指标名称")])
    head += m.td([report.variant.get("unit_head", "计量单位")]) if style.unit_column else ""
    head += "".join(m.td(old_value_header(c, style)) for c in values) + "</tr>"
    body, serial = [], 0
    for r in rows:
        if r.key is None:
            body.append(heading_row(r, style, len(widths)))
            continue
        serial += 1
        tr = "<tr>" + (m.td([str(serial)]) if style.serial_column else "") + m.td(r.label)
        tr += m.td([r.unit]) if style.unit_column else ""
        body.append(tr + value_cells(report, r) + "</tr>")
    return open_table(style, widths) + head + "".join(body) + "</table>"


def rows_columns(report):
    first = next(r for r in report.rows["old"] if r.key)
    return [c or report.variant.get("value_head", "统计数") for c in first.columns]


def old_value_header(column, style):
    if style.header_breaks and column.endswith("年度"):
        return [column[:-2], "年度"]
    return [column]


def heading_row(r, style, n_columns):
    m = style.markup
    if style.heading_colspan:
        return "<tr>" + m.td(r.label, {"colspan": n_columns}) + "</tr>"
    cells = [m.td(r.label)] + [m.td([]) for _ in range(n_columns - 1)]
    if style.serial_column:
        cells = [m.td([])] + cells[:-1]
    return "<tr>" + "".join(cells) + "</tr>"


# ---- table 二 ---------------------------------------------------------------------------------

def table_two(report):
    style, m = report.style, report.style.markup
    blocks = forms.T2_2019 if report.form == "2019" else forms.T2_2021
    out = [open_table(style, [style.label_width] + share(100 - style.label_width, 3))]
    for title, headers, items in blocks:
        spans = [{}] * (len(headers) - 1) + [{"colspan": 4 - len(headers)} if len(headers) < 3 else {}]
        out.append("<tr>" + m.td(restyle([title], style), {"colspan": 4}) + "</tr>")
        out.append("<tr>" + m.td(["信息内容"]) + "".join(
            m.td(header(h, style), a) for h, a in zip(headers, spans)) + "</tr>")
        for key, _ in items:
            r = report.row(key)
            out.append("<tr>" + m.td(r.label) + value_cells(report, r, spans) + "</tr>")
    return "".join(out) + "</table>"


# ---- table 三 ---------------------------------------------------------------------------------

def table_three(report):
    style, m = report.style, report.style.markup
    rows = report.rows["t3"]
    group_w = 3 if style.vertical_groups else 8
    label_w = max(14, style.label_width - 10)
    widths = [group_w, 9, label_w] + share(100 - group_w - 9 - label_w, 7)
    out = [open_table(style, widths), table_three_header(style)]
    results = rows[2:-1]
    for r in rows[:2]:
        out.append("<tr>" + m.td(r.label, {"colspan": 3}) + value_cells(report, r) + "</tr>")
    for part in result_parts(results, style):
        for k, r in enumerate(part):
            tr = "<tr>"
            if k == 0:
                tr += m.td(group_label(forms.T3_GROUP, style), {"rowspan": len(part)})
            tr += result_label_cells(r, style)
            out.append(tr + value_cells(report, r) + "</tr>")
    last = rows[-1]
    out.append("<tr>" + m.td(last.label, {"colspan": 3}) + value_cells(report, last) + "</tr>")
    return "".join(out) + "</table>"


def table_three_header(style):
    m = style.markup
    companies = forms.APPLICANTS[1:6]
    return ("<tr>" + m.td([restyle([forms.T3_NOTE], style)[0]], {"colspan": 3, "rowspan": 3})
            + m.td(["申请人情况"], {"colspan": 7}) + "</tr><tr>"
            + m.td(["自然人"], {"rowspan": 2}) + m.td(["法人或其他组织"], {"colspan": 5})
            + m.td(["总计"], {"rowspan": 2}) + "</tr><tr>"
            + "".join(m.td(header(c, style)) for c in companies) + "</tr>")


def result_parts(results, style):
    """The result rows under one 三、本年度办理结果 cell, or under two where Word split the
    merged cell at a page break (the real 2020 report repeats it before （四）无法提供)."""
    if not style.repeat_group:
        return [results]
    starts = [i for i, r in enumerate(results) if r.group and i > 2]
    at = starts[len(starts) // 2]
    return [results[:at], results[at:]]


def group_label(text, style):
    if style.vertical_groups:
        return vertical(text)
    close = next((text.index(p) for p in "）)" if p in text), None)
    if style.split_groups and close is not None:
        return [text[:close + 1], text[close + 1:]]
    return [text]


def result_label_cells(r, style):
    m = style.markup
    if not r.grouped:
        return m.td(r.label, {"colspan": 2})
    group = m.td(group_label(r.group[0], style), {"rowspan": r.group_size}) if r.group else ""
    return group + m.td(r.label)


# ---- table 四 ---------------------------------------------------------------------------------

def table_four(report):
    style, m = report.style, report.style.markup
    results = forms.T4_RESULTS
    out = [open_table(style, share(100, 15)),
           "<tr>" + m.td(["行政复议"], {"colspan": 5}) + m.td(["行政诉讼"], {"colspan": 10}) + "</tr><tr>",
           "".join(m.td(header(x, style), {"rowspan": 2}) for x in results),
           m.td(["未经复议直接起诉"], {"colspan": 5}) + m.td(["复议后起诉"], {"colspan": 5}) + "</tr><tr>",
           "".join(m.td(header(x, style)) for x in results * 2) + "</tr><tr>"]
    for key, _ in forms.T4_GROUPS:
        out.append(value_cells(report, report.row(key)))
    return "".join(out) + "</tr></table>"
