#!/usr/bin/env python3
"""Scores the checker on a directory of generated reports with the shared scorers: wrong.py on
all seven renderings (cells right / wrong / unread, silent misreads), then a table of its
numbers per rendering kind, then score.py's line on the six text renderings (score.py reads
each file as UTF-8 text to place findings, so the PDF files are left to wrong.py).

usage: evaluate.py NIANBAO_BIN DIR [--eval EVAL_DIR]
EVAL_DIR defaults to ../shared/eval beside the repository."""
import argparse
import json
import os
import re
import subprocess
import sys

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
LINE = re.compile(r"^(\S+)\s+ok\s+(\d+) wrong\s+(\d+) unread\s+(\d+) /\s+(\d+)")


def run_wrong(evaluator, binary, folder):
    out = subprocess.run([sys.executable, os.path.join(evaluator, "wrong.py"), binary, folder],
                         capture_output=True, text=True, check=True).stdout
    print(out, end="")
    return out


def per_kind(wrong_output):
    """right / wrong / unread summed per rendering kind (web.txt, pdf, …) from wrong.py's lines."""
    kinds = {}
    for line in wrong_output.splitlines():
        m = LINE.match(line)
        if m:
            k = kinds.setdefault(m.group(1).split(".", 1)[1], [0, 0, 0, 0, 0])
            k[0] += 1
            for i in range(4):
                k[i + 1] += int(m.group(i + 2))
    rows = [f"{'rendering':<14} {'texts':>5} {'right':>6} {'wrong':>6} {'unread':>6} {'cells':>6}"]
    rows += [f"{kind:<14} {v[0]:>5} {v[1]:>6} {v[2]:>6} {v[3]:>6} {v[4]:>6}"
             for kind, v in sorted(kinds.items())]
    return "\n".join(rows)


def text_renderings(folder):
    """A folder beside DIR with the text renderings and their gold, for score.py."""
    texts = os.path.join(folder, "texts")
    os.makedirs(texts, exist_ok=True)
    gold = json.load(open(os.path.join(folder, "seeds.gold.json"), encoding="utf-8"))
    kept = {k: v for k, v in gold.items() if k.endswith(".txt")}
    for name in kept:
        link = os.path.join(texts, name)
        if not os.path.lexists(link):
            os.symlink(os.path.join("..", name), link)
    with open(os.path.join(texts, "seeds.gold.json"), "w", encoding="utf-8") as f:
        json.dump(kept, f, ensure_ascii=False)
    return texts


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("binary")
    ap.add_argument("dir")
    ap.add_argument("--eval", default=os.path.join(os.path.dirname(REPO), "shared", "eval"))
    a = ap.parse_args()
    table = per_kind(run_wrong(a.eval, a.binary, a.dir))
    score = subprocess.run([sys.executable, os.path.join(a.eval, "score.py"),
                            f"{a.binary} check --json", text_renderings(a.dir)],
                           capture_output=True, text=True).stdout.strip().splitlines()
    print("\n" + table)
    print("score.py (text renderings): " + (score[-1] if score else "no output"))


if __name__ == "__main__":
    main()
