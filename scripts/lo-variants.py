#!/usr/bin/env python3
"""Prints the .docx fixtures (tests/fixtures/docx) to PDF with LibreOffice the ways offices'
Word documents differ from the plain ones: a running head and a page number field in the footer
(`- PAGE -`, `第 PAGE 页 共 NUMPAGES 页`, `PAGE/NUMPAGES`, a bare `PAGE`), other margins (so
that the page breaks fall on other rows), and tables without borders (figures placed by x
only, as a Word or WPS table with its borders taken off prints).

usage: scripts/lo-variants.py OUT_DIR VARIANT[,VARIANT...] [STEM...]
  VARIANT is a '+'-joined list of: dash, of, slash, bare (footers; each with a running head),
  narrow (2 cm margins), wide (3.7 cm top, 3.5 cm bottom: the 公文 page), noborder.
  Writes OUT_DIR/STEM.VARIANT.pdf ('+' as '-') and adds their gold (tests/fixtures/real's
  html.gold.json for STEM) to OUT_DIR/seeds.gold.json.
Needs python-docx (pip --user) and LibreOffice (soffice; Debian libreoffice-writer-nogui)."""
import json
import os
import subprocess
import sys
import tempfile

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.enum.text import WD_ALIGN_PARAGRAPH

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DOCX = os.path.join(ROOT, "tests", "fixtures", "docx")
STEMS = ["2020_pingtan_zonghe_shiyanqu", "2022_pingtan_zonghe_shiyanqu",
         "2023_pingtan_zonghe_shiyanqu", "2024_pingtan_zonghe_shiyanqu"]


def field(paragraph, code):
    """A Word field (PAGE, NUMPAGES) in the paragraph, as Word writes it."""
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, code), ("separate", None), (None, "1"), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
            run._r.append(el)
        elif text == code:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = f" {code} "
            run._r.append(el)
        else:
            el = OxmlElement("w:t")
            el.text = text
            run._r.append(el)
    return run


def footer(section, kind, title):
    head = section.header.paragraphs[0]
    head.text = title
    head.alignment = WD_ALIGN_PARAGRAPH.CENTER if kind == "slash" else WD_ALIGN_PARAGRAPH.LEFT
    for r in head.runs:
        r.font.size = Pt(9)
    p = section.footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.RIGHT if kind == "slash" else WD_ALIGN_PARAGRAPH.CENTER
    if kind == "dash":
        p.add_run("- ")
        field(p, "PAGE")
        p.add_run(" -")
    elif kind == "of":
        p.add_run("第 ")
        field(p, "PAGE")
        p.add_run(" 页 共 ")
        field(p, "NUMPAGES")
        p.add_run(" 页")
    elif kind == "slash":
        field(p, "PAGE")
        p.add_run("/")
        field(p, "NUMPAGES")
    elif kind == "bare":
        field(p, "PAGE")
    for r in p.runs:
        r.font.size = Pt(10.5)


def no_borders(document):
    for table in document.tables:
        tblPr = table._tbl.tblPr
        for old in tblPr.findall(qn("w:tblBorders")):
            tblPr.remove(old)
        borders = OxmlElement("w:tblBorders")
        for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
            b = OxmlElement(f"w:{side}")
            b.set(qn("w:val"), "nil")
            borders.append(b)
        tblPr.append(borders)
        for cell in table._tbl.iter(qn("w:tc")):
            tcPr = cell.find(qn("w:tcPr"))
            if tcPr is not None:
                for old in tcPr.findall(qn("w:tcBorders")):
                    tcPr.remove(old)


def variant(src, dst, parts):
    d = docx.Document(src)
    title = d.paragraphs[0].text.strip() if d.paragraphs else ""
    for s in d.sections:
        if "narrow" in parts:
            s.top_margin = s.bottom_margin = Cm(2)
            s.left_margin = s.right_margin = Cm(2)
        if "wide" in parts:
            s.top_margin, s.bottom_margin = Cm(3.7), Cm(3.5)
            s.left_margin, s.right_margin = Cm(2.8), Cm(2.6)
        for kind in ("dash", "of", "slash", "bare"):
            if kind in parts:
                footer(s, kind, title)
    if "noborder" in parts:
        no_borders(d)
    d.save(dst)


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    out, variants = sys.argv[1], sys.argv[2].split(",")
    stems = sys.argv[3:] or STEMS
    os.makedirs(out, exist_ok=True)
    gold = json.load(open(os.path.join(ROOT, "tests", "fixtures", "real", "html.gold.json")))
    mine = {}
    with tempfile.TemporaryDirectory() as tmp:
        made = []
        for stem in stems:
            for v in variants:
                name = f"{stem}.{v.replace('+', '-')}"
                path = os.path.join(tmp, name + ".docx")
                variant(os.path.join(DOCX, stem + ".docx"), path, set(v.split("+")))
                made.append(path)
                mine[name + ".pdf"] = gold[stem + ".html"]
        subprocess.check_call(["soffice", "--headless", "--convert-to", "pdf", "--outdir", out, *made],
                              stdout=subprocess.DEVNULL)
    path = os.path.join(out, "seeds.gold.json")
    old = json.load(open(path)) if os.path.exists(path) else {}
    old.update(mine)
    with open(path, "w") as f:
        json.dump(old, f, ensure_ascii=False, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
