"""HTML of report pages as portals publish them, shared by make_reports.py and the hand-written
fixtures under tests/fixtures/rendered: cells that hold <p> paragraphs (Word exports), bare cells
(CMS editors), Word's styled <p><span>, &nbsp; padding, rowspan group labels and labels printed
one character per line."""
import html
from dataclasses import dataclass

TABLE = '<table border="1" style="border-collapse:collapse;width:100%">'


def attributes(attrs):
    return "".join(f' {k}="{v}"' for k, v in attrs.items())


def cell(text, **attrs):
    """A cell holding one paragraph: how most Word-made pages print a cell."""
    return f"<td{attributes(attrs)}><p>{text}</p></td>"


def document(title, body, style=""):
    """A page holding one report (the article alone: render.js prints what the body holds)."""
    head_style = f"<style>{style}</style>" if style else ""
    return (f'<!doctype html><html><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
            f"{head_style}</head><body>\n{body}\n</body></html>\n")


@dataclass
class Markup:
    """How one page writes its cells. Agencies publish what their editor produced, so one page
    keeps one way throughout.

    kind: "word"  Word's HTML export: <p class=MsoNormal><span style=...> inside every cell;
          "p"     a CMS that wraps each cell's text in <p>;
          "bare"  text directly in the cell, line breaks as <br>.
    pad_numbers: Word pages often keep the &nbsp; typed around a figure.
    font_size: the cells' font size in pt (Word sets it per span)."""
    kind: str = "p"
    pad_numbers: bool = False
    font_size: float = 12

    def td(self, parts, attrs=None, number=False):
        """A cell whose text is `parts`: each part its own paragraph (or line). An empty list
        or [""] is a blank cell as the editor leaves it."""
        attrs = dict(attrs or {})
        parts = [p for p in parts if p != ""]
        if not parts:
            return f"<td{attributes(attrs)}>{self.empty()}</td>"
        if number and self.pad_numbers:
            parts = [f"&nbsp;{p}&nbsp;" for p in parts]
        return f"<td{attributes(attrs)}>{self.paragraphs(parts, number)}</td>"

    def empty(self):
        return {"word": '<p class="MsoNormal">&nbsp;</p>', "p": "<p></p>", "bare": ""}[self.kind]

    def paragraphs(self, parts, centered):
        if self.kind == "bare":
            return "<br>".join(parts)
        if self.kind == "p":
            return "".join(f"<p>{p}</p>" for p in parts)
        align = ' align="center" style="text-align:center"' if centered else ""
        span = f'<span style="font-family:宋体;font-size:{self.font_size}pt">'
        return "".join(f'<p class="MsoNormal"{align}>{span}{p}</span></p>' for p in parts)


def vertical(text):
    """A group label typed one character per line, as narrow merged cells are filled in Word."""
    return list(text)
