#!/usr/bin/env python3
"""Writes tests/fixtures/files/: PDFs the checker cannot read, each for its message —
scan.pdf (a page with no text layer, as a scanner makes), encrypted.pdf (opens only with a
password). Installs pypdf with pip --user when missing. The files are committed."""
import os
import subprocess
import sys

try:
    import pypdf  # noqa: F401
except ImportError:
    subprocess.check_call([sys.executable, "-m", "pip", "install", "--user", "-q", "pypdf"])
    import site
    sys.path.append(site.getusersitepackages())
from pypdf import PdfWriter  # noqa: E402

OUT = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "tests", "fixtures", "files")
os.makedirs(OUT, exist_ok=True)
w = PdfWriter()
w.add_blank_page(595, 842)
w.write(os.path.join(OUT, "scan.pdf"))
w = PdfWriter()
w.add_blank_page(595, 842)
w.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
w.write(os.path.join(OUT, "encrypted.pdf"))
print("wrote", sorted(os.listdir(OUT)))
