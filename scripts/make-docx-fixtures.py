#!/usr/bin/env python3
"""Writes tests/fixtures/docx/: Word .docx files made with python-docx from the real report
pages of tests/fixtures/real (title, paragraphs, and the tables with their merged cells as
Word merges them: rowspan -> vMerge, colspan -> gridSpan), each once as published and once
with one injected error (the 商业企业 figure of the row （一）予以公开 one more, so that its row
total and its column total no longer add up).

usage: scripts/make-docx-fixtures.py   (installs python-docx with pip --user when missing)
Then tests/fixtures/docx-pdf/: the same .docx printed to PDF by LibreOffice headless (a second
PDF producer; apt-get installs libreoffice-writer-nogui when soffice is missing).
The files are committed; tests/files.rs reads them. Run again only to change them.
"""
import os
import subprocess
import sys
from html.parser import HTMLParser

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REAL = os.path.join(ROOT, "tests", "fixtures", "real")
OUT = os.path.join(ROOT, "tests", "fixtures", "docx")
PDF_OUT = os.path.join(ROOT, "tests", "fixtures", "docx-pdf")
REPORTS = ["2020_pingtan_zonghe_shiyanqu", "2022_pingtan_zonghe_shiyanqu",
           "2023_pingtan_zonghe_shiyanqu", "2024_pingtan_zonghe_shiyanqu"]

try:
    import docx  # noqa: F401
except ImportError:
    subprocess.check_call([sys.executable, "-m", "pip", "install", "--user", "-q", "python-docx"])
    import site
    sys.path.append(site.getusersitepackages())
import docx  # noqa: E402
from docx.shared import Pt  # noqa: E402

BLOCK = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "br"}


def squeeze(s):
    return " ".join(s.replace("\u00a0", " ").replace("\u3000", " ").split())


class Article(HTMLParser):
    """The site's own containers (.article_title, .article_content): this is test tooling for
    these pages, not the checker's reader, which finds the article without class names."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.title = ""
        self.blocks = []  # ("p", text) | ("table", rows of (text, rowspan, colspan))
        self.depth = 0
        self.where = None  # "title" | "content"
        self.where_depth = 0
        self.line = ""
        self.tables = 0
        self.rows = None
        self.cell = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "div":
            self.depth += 1
            cls = a.get("class") or ""
            if self.where is None and "article_title" in cls.split():
                self.where, self.where_depth = "title", self.depth
            elif self.where is None and "article_content" in cls.split():
                self.where, self.where_depth = "content", self.depth
        if self.where != "content":
            return
        if tag == "table":
            self.tables += 1
            if self.tables == 1:
                self.flush()
                self.rows = []
        elif self.tables == 1 and tag == "tr":
            self.rows.append([])
        elif self.tables == 1 and tag in ("td", "th"):
            span = lambda k: max(1, int(a.get(k) or 1))  # noqa: E731
            self.cell = ["", span("rowspan"), span("colspan")]
            self.rows[-1].append(self.cell)
        elif self.tables == 0 and tag in BLOCK:
            self.flush()

    def handle_endtag(self, tag):
        if tag == "div":
            if self.where and self.depth == self.where_depth:
                self.flush()
                self.where = None if self.where == "title" else "done"
            self.depth -= 1
        if self.where != "content":
            return
        if tag == "table":
            self.tables -= 1
            if self.tables == 0:
                rows = [[(squeeze(c[0]), c[1], c[2]) for c in r] for r in self.rows if r]
                self.blocks.append(("table", rows))
                self.rows = None
        elif tag in ("td", "th") and self.tables == 1:
            self.cell = None
        elif self.tables == 0 and tag in BLOCK:
            self.flush()

    def handle_data(self, data):
        if self.where == "title":
            self.title += data
        elif self.where == "content":
            if self.cell is not None:
                self.cell[0] += data
            elif self.tables == 0:
                self.line += data

    def flush(self):
        t = squeeze(self.line)
        if t:
            self.blocks.append(("p", t))
        self.line = ""


def placed(rows):
    """(row, col, text, rowspan, colspan) of every cell, columns as the browser lays them."""
    taken, out = {}, []
    for r, row in enumerate(rows):
        col = 0
        for text, rs, cs in row:
            while (r, col) in taken:
                col += 1
            rs = min(rs, len(rows) - r)
            for dr in range(rs):
                for dc in range(cs):
                    taken[(r + dr, col + dc)] = True
            out.append((r, col, text, rs, cs))
            col += cs
    return out


def inject(rows):
    """The second figure after the label （一）予以公开 (商业企业: the 自然人 and 总计 columns of
    2020 are wrong as published), one more; the (old, new) values."""
    for row in rows:
        labels = [i for i, c in enumerate(row) if c[0].startswith("（一）予以公开")]
        if not labels:
            continue
        figures = [i for i in range(labels[0] + 1, len(row)) if row[i][0].isdigit()]
        text, rs, cs = row[figures[1]]
        row[figures[1]] = (str(int(text) + 1), rs, cs)
        return int(text), int(text) + 1
    return None


def write(article, path, with_error):
    d = docx.Document()
    d.styles["Normal"].font.size = Pt(10.5)
    d.add_paragraph(squeeze(article.title))
    injected = None
    for kind, what in article.blocks:
        if kind == "p":
            d.add_paragraph(what)
            continue
        rows = [list(r) for r in what]
        if with_error and injected is None:
            injected = inject(rows)
        cells = placed(rows)
        ncols = max(c + cs for _, c, _, _, cs in cells)
        table = d.add_table(rows=len(rows), cols=ncols)
        table.style = "Table Grid"
        for r, c, text, rs, cs in cells:
            cell = table.cell(r, c)
            if rs > 1 or cs > 1:
                cell = cell.merge(table.cell(r + rs - 1, c + cs - 1))
            cell.text = text
    # fixed metadata, so that running the script again writes the same bytes' content
    d.core_properties.author = "nianbao"
    d.core_properties.revision = 1
    d.save(path)
    return injected


def main():
    os.makedirs(OUT, exist_ok=True)
    for name in REPORTS:
        article = Article()
        with open(os.path.join(REAL, name + ".html"), encoding="utf-8") as f:
            article.feed(f.read())
        write(article, os.path.join(OUT, name + ".docx"), False)
        old_new = write(article, os.path.join(OUT, name + ".error.docx"), True)
        print(f"{name}: {len(article.blocks)} blocks, injected {old_new}")
    to_pdf()


def to_pdf():
    import glob
    import shutil
    if not shutil.which("soffice"):
        subprocess.check_call(["apt-get", "install", "-y", "-q", "--no-install-recommends",
                               "libreoffice-writer-nogui", "fonts-wqy-microhei"])
    os.makedirs(PDF_OUT, exist_ok=True)
    subprocess.check_call(["soffice", "--headless", "--convert-to", "pdf", "--outdir", PDF_OUT]
                          + sorted(glob.glob(os.path.join(OUT, "*.docx"))))


if __name__ == "__main__":
    main()
