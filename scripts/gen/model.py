"""What one generated report is: its tables (rows with the labels as printed), its figures, the
arithmetic they satisfy, and the gold of every printed value cell."""
from dataclasses import dataclass, field


@dataclass
class Row:
    """A printed row. `label` holds the label cell's paragraphs; `columns` names each value cell
    as the gold names it (None: the form's one unnamed value column)."""
    key: str
    label: list
    columns: list
    unit: str = ""
    group: list = None  # a merged group label starting at this row (table 三), as paragraphs
    group_size: int = 0  # the rows that group label spans
    grouped: bool = False  # the row sits under a merged group label

    @property
    def printed(self):
        """The label as the gold writes it: the cell's text with whitespace removed."""
        return "".join("".join(self.label).split())


@dataclass
class Report:
    name: str
    family: str   # "2008", "2019", "2021": the template, as the gold names it
    form: str     # "national", "fujian", "2019", "2021"
    year: int
    agency: str
    rng: object
    style: object = None
    variant: dict = field(default_factory=dict)     # the form's variant: generation, optional rows
    rows: dict = field(default_factory=dict)        # table name → [Row]
    figures: dict = field(default_factory=dict)     # (row key, column index) → number or None
    texts: dict = field(default_factory=dict)       # (row key, column index) → text printed instead
    sums: list = field(default_factory=list)        # (total cell, [part cells])
    bounds: set = field(default_factory=set)        # totals the form bounds by their parts' sum
    official: dict = field(default_factory=dict)    # row key → the official wording
    must: list = field(default_factory=list)
    may: list = field(default_factory=list)
    wrong_prose: dict = None                        # the one prose figure that disagrees, if any

    def row(self, key):
        return next(r for rows in self.rows.values() for r in rows if r.key == key)

    def cells(self):
        """Every printed value cell, in table order: (cell, row)."""
        for rows in self.rows.values():
            for r in rows:
                for j in range(len(r.columns)):
                    yield (r.key, j), r

    def text(self, cell):
        """What the table prints in a value cell ("" for a blank)."""
        if cell in self.texts:
            return self.texts[cell]
        return number_text(self.figures[cell])

    def gold_cells(self):
        out = []
        for cell, r in self.cells():
            g = {"label": r.printed}
            if r.columns[cell[1]] is not None:
                g["column"] = r.columns[cell[1]]
            if r.unit:
                g["unit"] = r.unit
            g["value"] = self.figures[cell]
            out.append(g)
        return out


def number_text(v):
    if v is None:
        return ""
    if isinstance(v, float):
        return f"{v:.6f}".rstrip("0").rstrip(".")
    return str(v)
