#!/usr/bin/env python3
"""Cells read from report files (.pdf, .html, .docx) against the gold of their text renderings,
with the scorer's own matching (../shared/eval/score.py's score_cells), which reads only text
files itself. usage: scripts/score-files.py GOLD.json FILE...   (GOLD keyed NAME.web.txt)"""
import json, os, subprocess, sys, time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "shared", "eval"))
sys.path.insert(0, os.environ.get("SCORE_DIR", ""))
from score import score_cells  # noqa: E402

BIN = os.environ.get("NIANBAO", os.path.join(HERE, "..", "target", "release", "nianbao"))
gold = json.load(open(sys.argv[1]))
ok = total = 0
for path in sys.argv[2:]:
    stem = os.path.basename(path).split(".")[0]
    g = gold[stem + ".web.txt"]
    start = time.perf_counter()
    p = subprocess.run([BIN, "check", "--json", path], capture_output=True)
    ms = (time.perf_counter() - start) * 1000
    if p.returncode != 0:
        print(f"{path}: exit {p.returncode}: {p.stderr.decode()[-200:]}")
        total += len(g["cells"])
        continue
    out = json.loads(p.stdout)
    n, miss = score_cells(out, g["cells"])
    ok += n
    total += len(g["cells"])
    errors = sum(f["severity"] == "error" for f in out["findings"])
    print(f"{os.path.basename(path)}: {n}/{len(g['cells'])} cells, {errors} errors "
          f"(at most {g['max_errors']}), {ms:.0f} ms{'; e.g. ' + '; '.join(miss[:2]) if miss else ''}")
print(f"cells {ok}/{total} = {ok / max(total, 1):.1%}")
