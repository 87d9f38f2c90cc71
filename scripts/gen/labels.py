"""Labels as agencies print them: their numbering, 其中, parentheses, a character lost now and
then; and the part of a label a finding must name (`label_has` in the gold)."""
import difflib
import re

SUB_NUMBER = re.compile(r"^(其中[：:])?(\d+)[.、]")
NUMERAL = "[一二三四五六七八九十]"
WORDS_START = re.compile(rf"^(其中[：:])?(\d+[.、]|[（(]\d+[）)]|[（(]{NUMERAL}+[）)]|{NUMERAL}+、)?")


def restyle(paragraphs, style, keep_numbering=False):
    """The official label in this page's manner. `keep_numbering`: the form's own numbering is
    part of its wording (the Fujian forms print 1. in one generation, 1、 in the next)."""
    first = paragraphs[0]
    m = SUB_NUMBER.match(first)
    if m:
        rest = first[m.end():]
        number = m.group(2)
        numbered = m.group(0)[len(m.group(1) or ""):] if keep_numbering else numbering(number, style)
        first = qizhong(m.group(1), style) + numbered + rest
    elif first.startswith("其中："):
        first = qizhong("其中：", style) + first[3:]
    out = [first] + list(paragraphs[1:])
    if style.ascii_parens:
        out = [p.replace("（", "(").replace("）", ")") for p in out]
    return out


def numbering(number, style):
    return {"1.": f"{number}.", "1、": f"{number}、", "（1）": f"（{number}）",
            "(1)": f"({number})"}[style.numbering]


def qizhong(prefix, style):
    if not prefix or not style.qizhong:
        return ""
    return "其中:" if style.ascii_colon else "其中："


def words_start(label):
    """Where the words of a label begin, after 其中 and its numbering."""
    return WORDS_START.match(label).end()


def drop_characters(label, rng):
    """The label with one or two characters lost inside its words (a typing slip), or None when
    its words are too short to lose any and stay recognisable."""
    start = words_start(label)
    words = label[start:]
    if len(words) < 8 or "（" in words or "(" in words:
        return None
    n = rng.choice([1, 1, 2])
    at = rng.randint(2, len(words) - n - 2)
    return label[:start] + words[:at] + words[at + n:]


def words(label):
    """A label's words: no 其中, numbering or parenthesised note."""
    return re.sub(r"[（(].*?[）)]", "", label[words_start(label):])


def distinctive(printed, official):
    """What a finding about this row must name: the label's words, or, when the page misprints
    them, the longest run they share with the official wording (a finding may quote either)."""
    a, b = words(printed), words(official)
    if a == b or not b:
        return a
    m = difflib.SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b))
    return a[m.a:m.a + m.size]
