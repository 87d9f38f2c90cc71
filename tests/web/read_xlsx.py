#!/usr/bin/env python3
"""Reads an .xlsx the page exported and prints it as JSON for tests/web/review.js:
{"sheets": [name...], "rows": {name: [[value...]...]}, "filled": {name: {"A1": "FFF8D7DA"...}},
 "merged": {name: ["A3:H3"...]}, "indent": {name: {"A5": 2...}}}.
`filled` lists the cells with a solid background fill (the highlighted ones); `indent` the
cells of column A indented (the form's sub-items)."""
import json
import sys

import openpyxl


def main(path):
    # A file object: the download's path has no .xlsx extension, which openpyxl would refuse.
    with open(path, "rb") as f:
        book = openpyxl.load_workbook(f)
    out = {"sheets": book.sheetnames, "rows": {}, "filled": {}, "merged": {}, "indent": {}}
    for sheet in book.worksheets:
        out["rows"][sheet.title] = [
            ["" if v is None else v for v in row] for row in sheet.iter_rows(values_only=True)
        ]
        filled = {}
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                fill = cell.fill
                if fill is not None and fill.fill_type == "solid":
                    filled[cell.coordinate] = str(fill.fgColor.rgb)
        out["filled"][sheet.title] = filled
        out["merged"][sheet.title] = [str(r) for r in sheet.merged_cells.ranges]
        out["indent"][sheet.title] = {
            c.coordinate: int(c.alignment.indent)
            for c in sheet["A"]
            if c.alignment is not None and c.alignment.indent
        }
    json.dump(out, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1])
