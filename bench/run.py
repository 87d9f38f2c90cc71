#!/usr/bin/env python3
"""`make bench`: native throughput, warm and cold time per report, a 10,000-report batch,
growth on generated inputs of 1-8 MB with peak memory, and the wasm in headless Chromium.
Prints the tables and writes them to bench/results.md. Not part of `make test`."""

import datetime
import gzip
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# BENCH_BIN: a directory holding another build's `nianbao` and `bench` (a previous commit's, to
# compare side by side); BENCH_OUT: where to write the tables instead of bench/results.md
BIN = os.environ.get("BENCH_BIN")
CLI = Path(BIN) / "nianbao" if BIN else ROOT / "target/release/nianbao"
DRIVER = Path(BIN) / "bench" if BIN else ROOT / "target/release/examples/bench"
OUT = Path(os.environ.get("BENCH_OUT", ROOT / "bench/results.md"))
TMP = ROOT / "bench/tmp"
CORPUS = Path(os.environ.get("CORPUS", ROOT / "tests/fixtures/seeds")).resolve()
# the real set (15 reports in their renderings), for the warm time of every text
REAL = Path(os.environ.get("REAL", ROOT / "../shared/corpus/real")).resolve()
BATCH = int(os.environ.get("BENCH_BATCH", "10000"))
SIZES = [1, 2, 4, 8]
SHAPES = {
    "reports": "whole reports one after another (many tables, much prose)",
    "one-line": "one line without a break (a PDF dump that lost its line ends)",
    "pipes": "a million `|` lines (2 MB per million)",
    "header-words": "header words only, one per line",
    "labels": "label lines with numbering marks, no figures",
    "tabs": "one row of tab-separated figures",
    "noise": "random characters of every kind, with line breaks",
}

out_lines = []


def emit(line=""):
    print(line, flush=True)
    out_lines.append(line)


def kv(line):
    return dict(p.split("=", 1) for p in line.split() if "=" in p)


def driver(*args):
    r = subprocess.run([str(DRIVER), *map(str, args)], capture_output=True, text=True, check=True)
    return [kv(l) for l in r.stdout.splitlines() if l.strip()]


def machine():
    model = "unknown CPU"
    try:
        for l in open("/proc/cpuinfo"):
            if l.startswith("model name"):
                model = l.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    rustc = subprocess.run(["rustc", "--version"], capture_output=True, text=True).stdout.strip()
    return f"{os.cpu_count()} cores ({model}), {platform.system()} {platform.release()}, {rustc}"


def native():
    emit("## Native (release build, one thread)\n")
    t = driver("throughput", CORPUS, 50)[0]
    emit(f"Throughput over the corpus ({len(list(CORPUS.glob('*.txt')))} reports, checked again and again "
         f"until {t['mb']} MB were read): **{float(t['mb_per_s']):.1f} MB/s** "
         f"({t['checks']} checks in {t['secs']} s).\n")
    emit("| report | bytes | first check (ms; the first also prepares the template schema) | warm check (ms, median of 30) |")
    emit("| --- | ---: | ---: | ---: |")
    rows = driver("warm", CORPUS)
    for r in rows:
        emit(f"| {r['file']} | {r['bytes']} | {float(r['first_ms']):.2f} | {float(r['warm_ms']):.3f} |")
    emit()
    return {r["file"]: float(r["warm_ms"]) for r in rows}, rows


def real_warm():
    """The warm check of every text of the real set: the slowest, the median, and the
    pdftotext renderings (`*.pdf.txt`) one by one."""
    if not REAL.is_dir():
        emit(f"## Warm check of the real set\n\nnot measured: {REAL} not found\n")
        return
    rows = driver("warm", REAL)
    warm = sorted(float(r["warm_ms"]) for r in rows)
    emit(f"## Warm check of the real set ({len(rows)} texts, `{REAL.name}`)\n")
    emit(f"Median of 30 warm checks per text: **median {statistics.median(warm):.3f} ms, "
         f"slowest {warm[-1]:.3f} ms**; {sum(w <= 1 for w in warm)} of {len(warm)} at 1 ms or less.\n")
    emit("| text | bytes | warm check (ms) |")
    emit("| --- | ---: | ---: |")
    slow = sorted(rows, key=lambda r: -float(r["warm_ms"]))[:10]
    pdf = [r for r in rows if r["file"].endswith(".pdf.txt") and r not in slow]
    for r in slow + pdf:
        emit(f"| {r['file']} | {r['bytes']} | {float(r['warm_ms']):.3f} |")
    emit("\n(The ten slowest, then the other pdftotext renderings.)\n")


def cold():
    emit("## Cold process per file (`nianbao check --json FILE`, start to exit, median of 10)\n")
    emit("| report | ms |")
    emit("| --- | ---: |")
    for f in sorted(CORPUS.glob("*.txt")):
        runs = []
        for _ in range(10):
            t0 = time.perf_counter()
            subprocess.run([str(CLI), "check", "--json", str(f)], stdout=subprocess.DEVNULL, check=True)
            runs.append((time.perf_counter() - t0) * 1e3)
        emit(f"| {f.name} | {statistics.median(runs):.1f} |")
    emit()


def batch():
    d = TMP / f"batch-{BATCH}"
    if not d.is_dir() or len(list(d.glob("*.txt"))) != BATCH:
        shutil.rmtree(d, ignore_errors=True)
        driver("gen-batch", d, BATCH, CORPUS)
    mb = sum(f.stat().st_size for f in d.glob("*.txt")) / 2**20
    emit(f"## Batch: {BATCH} generated reports ({mb:.0f} MB; the corpus with figures changed)\n")
    emit("| command | jobs | wall time (s) | reports/s | summary rows |")
    emit("| --- | ---: | ---: | ---: | ---: |")
    result = {}
    for jobs in [1, os.cpu_count() or 1]:
        t0 = time.perf_counter()
        r = subprocess.run([str(CLI), "check", "--summary", "--format", "csv", "--jobs", str(jobs), str(d)],
                           capture_output=True, check=False)
        secs = time.perf_counter() - t0
        rows = r.stdout.count(b"\r\n") - 1
        result[jobs] = secs
        emit(f"| `nianbao check --summary --format csv DIR` | {jobs} | {secs:.1f} | {BATCH / secs:.0f} | {rows} |")
    emit()
    return result


def shapes():
    emit("## Generated inputs: time and peak memory by size\n")
    emit("Each input is checked three times in a fresh process (after a one-line warm-up); the time is the "
         "fastest of the three. *Growth* is the time "
         "for this size over the time for half of it: 2 means linear. Inputs over 5 MB are checked on "
         "their first 5 MB (`input-truncated`), so 8 MB costs about what 5 MB does. *Memory* is the "
         "process's peak resident memory, less its size before the input was made, over the input's size "
         "(the input itself included).\n")
    emit("| input | MB | time (s) | growth | memory (× input) | cells | findings | facts | truncated |")
    emit("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
    worst_growth, worst_mem = 0.0, 0.0
    shapes = [(name, name, CORPUS) for name in SHAPES]
    if REAL.is_dir():
        shapes.append(("real-reports", "reports", REAL))
    for label, name, corpus in shapes:
        prev = None
        for mb in SIZES:
            r = driver("shape", name, mb, corpus)[0]
            secs = float(r["secs"])
            mem = (int(r["peak_kb"]) - int(r["start_kb"])) / (int(r["bytes"]) / 1024)
            growth = f"{secs / prev:.2f}" if prev else ""
            if prev and mb <= 4:
                worst_growth = max(worst_growth, secs / prev)
            worst_mem = max(worst_mem, mem)
            emit(f"| {label} | {mb} | {secs:.3f} | {growth} | {mem:.1f} | {r['cells']} | {r['findings']} "
                 f"| {r['facts']} | {r['truncated']} |")
            prev = secs
    emit()
    emit("Inputs: " + "; ".join(f"*{k}*: {v}" for k, v in SHAPES.items())
         + "; *real-reports*: the real set's texts one after another.\n")
    return worst_growth, worst_mem


def wasm(native_warm):
    emit("## WebAssembly in headless Chromium\n")
    pkg = Path(os.environ.get("WASM_PKG", ROOT / "www/pkg"))
    wasm_file = pkg / "nianbao_bg.wasm"
    if not wasm_file.exists() or not (ROOT / "node_modules/playwright-core").exists():
        emit("not measured: wasm build missing — run make wasm (it also installs playwright-core)\n")
        return None, None
    raw = wasm_file.read_bytes()
    gz = len(gzip.compress(raw, 9))
    emit(f"Size of `{wasm_file.relative_to(ROOT) if wasm_file.is_relative_to(ROOT) else wasm_file}`: "
         f"**{len(raw) / 1024:.1f} KB raw, {gz / 1024:.1f} KB gzip -9**.\n")
    r = subprocess.run(["node", str(ROOT / "bench/wasm.js"), str(CORPUS)], capture_output=True, text=True)
    if r.returncode != 0:
        emit(f"not measured: the browser run failed: {r.stderr.strip()[:300]}\n")
        return gz, None
    rows = [kv(l) for l in r.stdout.splitlines() if l.strip()]
    inst = next((float(x["instantiate_ms"]) for x in rows if "instantiate_ms" in x), None)
    emit(f"Instantiating the module from its bytes: {inst:.1f} ms. Each text: its first check (the very "
         "first also prepares the template schema); then, after every text was checked 20 times more (Chromium "
         "optimizes wasm in the background meanwhile), the median of 5 means of 6 warm checks, against the native "
         "warm median.\n")
    emit("| report | bytes | first check (ms) | warm check (ms) | native warm (ms) | wasm / native |")
    emit("| --- | ---: | ---: | ---: | ---: | ---: |")
    ratios, warms = [], []
    for x in rows:
        if "file" not in x:
            continue
        w, n = float(x["warm_ms"]), native_warm.get(x["file"])
        ratio = w / n if n else None
        if ratio:
            ratios.append(ratio)
        warms.append((int(x["bytes"]), w))
        emit(f"| {x['file']} | {x['bytes']} | {float(x['first_ms']):.2f} | {w:.3f} | "
             f"{n:.3f} | {ratio:.2f} |" if n else f"| {x['file']} | {x['bytes']} | {x['first_ms']} | {w:.3f} | | |")
    chromium = subprocess.run(["/usr/bin/chromium", "--version"], capture_output=True, text=True).stdout.strip()
    emit(f"\nwasm/native (warm), median over the reports: **{statistics.median(ratios):.2f}×**. {chromium}.\n")
    return gz, warms


FIRST = "## First result in the page"


def first_result():
    """The page from navigation to its first result painted (scripts/bench-wasm.js): a 25 KB
    report restored on load, 5 fresh browser profiles per page, each step's median."""
    emit(FIRST + "\n")
    need = [ROOT / "dist/nianbao.html", ROOT / "node_modules/playwright-core", CORPUS]
    if not all(p.exists() for p in need):
        emit("not measured: run make wasm first (it builds dist/ and installs playwright-core)\n")
        return
    r = subprocess.run(["node", str(ROOT / "scripts/bench-wasm.js")], capture_output=True, text=True,
                       env={**os.environ, "CORPUS": str(CORPUS)})
    if r.returncode != 0:
        emit(f"not measured: the browser run failed: {r.stderr.strip()[:300]}\n")
        return
    emit(f"Taken {datetime.date.today()}, load average {os.getloadavg()[0]:.2f} after the run. "
         "The target is 150 ms from navigation to the first result painted.\n")
    for line in r.stdout.splitlines():
        # its own headings one level down
        emit("#" + line if line.startswith("## ") else line)
    emit()


def splice_first_result():
    """`run.py --first-result`: measures the page alone and replaces that section of
    bench/results.md, leaving the other (long, CPU-heavy) measurements as they were."""
    path = ROOT / "bench/results.md"
    first_result()
    old = path.read_text(encoding="utf-8").split("\n") if path.exists() else []
    start = next((i for i, l in enumerate(old) if l == FIRST), None)
    if start is None:
        start = next((i for i, l in enumerate(old) if l == "## Targets"), len(old))
        end = start
    else:
        end = next((i for i in range(start + 1, len(old)) if old[i].startswith("## ")), len(old))
    path.write_text("\n".join(old[:start] + out_lines + old[end:]) + "\n", encoding="utf-8")
    print(f"\nwrote the first-result section of {path}")


def targets(native_rows, batch_secs, growth, mem, gz, wasm_warms):
    emit("## Targets\n")
    emit("| target | measured | met |")
    emit("| --- | --- | --- |")
    big = max(native_rows, key=lambda r: int(r["bytes"]))
    nw = float(big["warm_ms"])
    emit(f"| warm check of a 25 KB report ≤ 1 ms native | {nw:.3f} ms ({big['file']}, {big['bytes']} bytes) | {'yes' if nw <= 1 else 'no'} |")
    if wasm_warms:
        b, w = max(wasm_warms)
        emit(f"| … ≤ 2 ms in wasm | {w:.3f} ms ({b} bytes) | {'yes' if w <= 2 else 'no'} |")
    else:
        emit("| … ≤ 2 ms in wasm | not measured (no wasm build) | — |")
    fast = min(batch_secs.values())
    emit(f"| {BATCH} reports ≤ 30 s | {fast:.1f} s on {os.cpu_count()} cores | {'yes' if fast <= 30 else 'no'} |")
    if gz is not None:
        emit(f"| wasm ≤ 250 KB gzip | {gz / 1024:.1f} KB | {'yes' if gz <= 250 * 1024 else 'no'} |")
    else:
        emit("| wasm ≤ 250 KB gzip | not measured (no wasm build) | — |")
    emit(f"| time linear in input size (1→2→4 MB) | worst growth per doubling {growth:.2f} | {'yes' if growth < 2.6 else 'no'} |")
    emit(f"| peak memory < 20× input | worst {mem:.1f}× | {'yes' if mem < 20 else 'no'} |")
    emit()


def main():
    if not DRIVER.exists() or not CLI.exists():
        sys.exit("build first: cargo build --release --bin nianbao --example bench")
    TMP.mkdir(parents=True, exist_ok=True)
    load = os.getloadavg()[0]
    emit("# nianbao benchmarks\n")
    build = f"the build in `{BIN}`" if BIN else "the release build"
    emit(f"Taken {datetime.date.today()} by `make bench` ({build}) on {machine()}; load average {load:.2f} at the start "
         "(the machine is shared: other builds raise the times). Corpus: "
         f"`{CORPUS.relative_to(ROOT) if CORPUS.is_relative_to(ROOT) else CORPUS}`.\n")
    native_warm, native_rows = native()
    real_warm()
    cold()
    batch_secs = batch()
    growth, mem = shapes()
    gz, wasm_warms = wasm(native_warm)
    first_result()
    targets(native_rows, batch_secs, growth, mem, gz, wasm_warms)
    emit(f"Load average at the end: {os.getloadavg()[0]:.2f}.")
    OUT.write_text("\n".join(out_lines) + "\n", encoding="utf-8")
    print(f"\nwrote {OUT}")


if __name__ == "__main__":
    if sys.argv[1:] == ["--first-result"]:
        splice_first_result()
    else:
        main()
