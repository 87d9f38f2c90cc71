"""How one agency's page looks and words its labels. Each choice is one that published reports
make; a page keeps its choices throughout, as one editor made it."""
from dataclasses import dataclass

from page import Markup


@dataclass
class Style:
    markup: Markup
    numbering: str          # sub-item numbering: "1." (official), "1、", "（1）", "(1)"
    ascii_parens: bool      # (一) instead of （一）, as some web copies print
    qizhong: bool           # keeps 其中： before the first part (many forms drop it)
    ascii_colon: bool       # 其中: with an ASCII colon
    table_width: str        # the tables' CSS width
    label_width: int        # the label column's share of the table, in percent (narrow: wraps)
    font_pt: float          # the tables' font size
    vertical_groups: bool   # group labels typed one character per line
    split_groups: bool      # group labels split in two paragraphs: （三）|不予公开
    repeat_group: bool      # Word repeats 三、本年度办理结果 after a page break (a second rowspan)
    header_breaks: bool     # header cells broken in two lines: 结果|纠正
    note_apart: bool        # a row's parenthesised note in a paragraph of its own
    unit_column: bool       # the old forms' 单位 column
    serial_column: bool     # the national old form with a 序号 column
    heading_colspan: bool   # old form heading rows merged across the table
    break_before_table: bool  # the statistics table starts on a new page (an attachment)
    bold_headings: bool     # title and section headings in bold (printed with a synthetic bold)


def random_style(rng, form):
    markup = Markup(kind=rng.choice(["word", "word", "p", "p", "bare"]),
                    pad_numbers=rng.random() < 0.25,
                    font_size=rng.choice([9, 10.5, 12, 12, 14]))
    return Style(
        markup=markup,
        numbering=rng.choice(["1.", "1.", "1.", "1、", "（1）", "(1)"]),
        ascii_parens=rng.random() < 0.15,
        qizhong=rng.random() < 0.8,
        ascii_colon=rng.random() < 0.2,
        table_width=rng.choice(["100%", "100%", "90%", "600px", "520px", "680px"]),
        label_width=rng.choice([20, 28, 35, 45, 55]),
        font_pt=markup.font_size,
        vertical_groups=rng.random() < 0.25,
        split_groups=rng.random() < 0.3,
        repeat_group=rng.random() < 0.2,
        header_breaks=rng.random() < 0.5,
        note_apart=rng.random() < 0.5,
        unit_column=form == "fujian" or rng.random() < 0.85,
        serial_column=form == "national" and rng.random() < 0.25,
        heading_colspan=rng.random() < 0.5,
        break_before_table=rng.random() < 0.3,
        bold_headings=rng.random() < 0.25,
    )
