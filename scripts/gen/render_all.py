#!/usr/bin/env python3
"""Renders every HTML report of DIR the ways users get its text, with the shared tools:
render.js → NAME.web.txt, NAME.pdf, NAME.pdf.txt, NAME.pdflayout.txt (Chromium, pdftotext);
pdf_copies.py → NAME.pdfium.txt, NAME.mupdf.txt, NAME.md.txt (PDFium, MuPDF, pymupdf4llm).
With the PDF itself (read by `nianbao check X.pdf`) these are the seven renderings the gold of
make_reports.py names.

usage: render_all.py DIR [--tools TOOLS_DIR]
TOOLS_DIR defaults to $NIANBAO_TOOLS or ../shared/tools beside the repository. render.js needs
node_modules/playwright-core (npm ci in the repository), Debian chromium and poppler-utils;
pdf_copies.py pip-installs its pinned readers."""
import argparse
import glob
import os
import subprocess
import sys
import time

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def default_tools():
    return os.environ.get("NIANBAO_TOOLS") or os.path.join(os.path.dirname(REPO), "shared", "tools")


def render_pages(pages, tools):
    """Chromium's text and PDF of each page (render.js finds playwright-core from the repo)."""
    for page in pages:
        prefix = page[:-len(".html")]
        subprocess.run(["node", os.path.join(tools, "render.js"), page, prefix], cwd=REPO,
                       check=True, stdout=subprocess.DEVNULL)


def copy_pdfs(pdfs, out, tools):
    """The three other PDF readers' text, all PDFs in one run (their start-up is the slow part)."""
    subprocess.run([sys.executable, os.path.join(tools, "pdf_copies.py"), *pdfs, "--out", out],
                   check=True, stdout=subprocess.DEVNULL)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dir")
    ap.add_argument("--tools", default=default_tools())
    a = ap.parse_args()
    pages = sorted(glob.glob(os.path.join(os.path.abspath(a.dir), "*.html")))
    if not pages:
        sys.exit(f"render_all.py: no .html in {a.dir}")
    start = time.time()
    render_pages(pages, a.tools)
    copy_pdfs([p[:-len(".html")] + ".pdf" for p in pages], os.path.abspath(a.dir), a.tools)
    print(f"{len(pages)} reports rendered in {a.dir} ({time.time() - start:.0f} s)")


if __name__ == "__main__":
    main()
