"""The one defect a report may carry, recorded in `must` as the real gold records defects
(/work/shared/corpus/real/NOTES.md): a total that is not the sum of its parts (sum-mismatch,
numbers [printed, sum]), blank cells (blank-value, one item per blank), or a prose figure that
disagrees with its table cell (prose-table-mismatch, numbers [prose, table])."""
from labels import distinctive

# one report in eleven leaves many cells blank; most carry a wrong total, a blank or a prose slip
KINDS = ["none", "none", "total", "total", "total", "prose", "prose", "blank", "blank", "blanks",
         "many_blanks"]


def inject(report, kind):
    {"none": lambda r: None, "total": wrong_total, "prose": wrong_prose, "blank": one_blank,
     "blanks": few_blanks, "many_blanks": many_blanks}[kind](report)


def label_has(report, row):
    return distinctive(row.printed, report.official.get(row.key, row.printed))


def where(row, cell):
    column = row.columns[cell[1]]
    return row.printed + (f" / {column}" if column else "")


def off_by(rng, true, upward=False):
    delta = rng.choice([1, 1, 2, 3, 10, max(1, true // 10)])
    shown = true + delta * rng.choice([1, -1])
    return shown if shown >= 0 and not (upward and shown < true) else true + delta


def wrong_total(report):
    total, parts = report.rng.choice(report.sums)
    expected = sum(report.figures[p] for p in parts)
    shown = off_by(report.rng, expected, upward=total in report.bounds)
    report.figures[total] = shown
    row = report.row(total[0])
    report.must.append({
        "code": "sum-mismatch", "label_has": label_has(report, row), "numbers": [shown, expected],
        "about": f"{where(row, total)} prints {shown} but its {len(parts)} parts add up to {expected}"})


def wrong_prose(report):
    """The prose states one of its figures otherwise than the table (prose.py writes it)."""
    from prose import facts  # the facts a report's prose can state
    cell, phrase = report.rng.choice([f for f in facts(report) if report.figures[f[0]] is not None])
    table = report.figures[cell]
    stated = off_by(report.rng, table)
    report.wrong_prose = {"cell": cell, "value": stated}
    row = report.row(cell[0])
    report.must.append({
        "code": "prose-table-mismatch", "label_has": label_has(report, row),
        "numbers": [stated, table],
        "about": f"prose '{phrase.format(n=stated)}' vs table {where(row, cell)} = {table}"})


def one_blank(report):
    blank(report, [report.rng.choice(fillable(report))])


def few_blanks(report):
    blank(report, report.rng.sample(fillable(report), report.rng.randint(2, 4)))


def many_blanks(report):
    """An agency that leaves the cells of things that did not happen empty instead of 0."""
    zeros = [c for c in fillable(report) if report.figures[c] == 0]
    chosen = [c for c in zeros if report.rng.random() < 0.8]
    blank(report, chosen or zeros[:1] or fillable(report)[:1])


def fillable(report):
    return [cell for cell, _ in report.cells() if cell not in report.texts]


def blank(report, cells):
    for cell in cells:
        report.figures[cell] = None
    empty_columns = whole_blank_columns(report)
    for cell, row in report.cells():
        if report.figures[cell] is not None:
            continue
        column = row.columns[cell[1]]
        about = f"{where(row, cell)}: cell left blank in the published table"
        if column in empty_columns:
            about = f"column(s) {column}: {about}"
        report.must.append({"code": "blank-value", "label_has": label_has(report, row), "about": about})


def whole_blank_columns(report):
    """Named columns blank in every row that has them (a finding may name the column once)."""
    by_column = {}
    for cell, row in report.cells():
        column = row.columns[cell[1]]
        if column:
            by_column.setdefault(column, []).append(report.figures[cell])
    return {c for c, values in by_column.items() if len(values) >= 3 and all(v is None for v in values)}
