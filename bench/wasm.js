#!/usr/bin/env node
// The checker's wasm in headless Chromium, on the same texts as the native bench: the first
// check of each text (the very first also prepares the template schema) and, after a warm-up
// round over all texts, the median of 5 means of 6 warm checks.
// Prints `file=… first_ms=… warm_ms=…` lines for bench/run.sh; loads www/pkg's glue into a
// blank page, so the page's own code and worker are not measured.
'use strict';
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const PKG = process.env.WASM_PKG ? path.resolve(process.env.WASM_PKG) : path.join(ROOT, 'www/pkg');
const CORPUS = path.resolve(process.argv[2] || path.join(ROOT, 'tests/fixtures/seeds'));
const WARM = 30;
const ROUNDS = 5;
const WARMUP = 20;

async function main() {
  const { chromium } = require(path.join(ROOT, 'node_modules/playwright-core'));
  const glue = fs.readFileSync(path.join(PKG, 'nianbao.js'), 'utf8');
  const wasm = fs.readFileSync(path.join(PKG, 'nianbao_bg.wasm')).toString('base64');
  const files = fs.readdirSync(CORPUS).filter((f) => f.endsWith('.txt')).sort();
  const texts = files.map((f) => [f, fs.readFileSync(path.join(CORPUS, f), 'utf8')]);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  try {
    const page = await browser.newPage();
    // The glue reads its own script URL, so it is served (from memory) rather than inlined.
    await page.route('http://bench.invalid/**', (route) => {
      const js = route.request().url().endsWith('.js');
      route.fulfill({
        contentType: js ? 'text/javascript' : 'text/html',
        body: js ? glue : '<!doctype html><script src="nianbao.js"></script>',
      });
    });
    await page.goto('http://bench.invalid/index.html');
    const instantiate = await page.evaluate(async (b64) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const t0 = performance.now();
      await wasm_bindgen({ module_or_path: bytes });
      return performance.now() - t0;
    }, wasm);
    console.log(`instantiate_ms=${instantiate.toFixed(3)}`);
    const firsts = [];
    for (const [, text] of texts) {
      firsts.push(await page.evaluate((text) => {
        const t0 = performance.now();
        wasm_bindgen.check(text);
        return performance.now() - t0;
      }, text));
    }
    // Chromium runs new wasm in its baseline compiler while the optimizing one works in the
    // background: without this round the first text's warm figure was 2-4x the others'.
    await page.evaluate(({ all, n }) => { for (const t of all) for (let i = 0; i < n; i++) wasm_bindgen.check(t); },
      { all: texts.map(([, t]) => t), n: WARMUP });
    for (const [k, [file, text]] of texts.entries()) {
      const warm = await page.evaluate(({ text, n, rounds }) => {
        // timed as loops: the page's clock is coarse (0.1 ms) next to one warm check
        const means = [];
        for (let r = 0; r < rounds; r++) {
          const t0 = performance.now();
          for (let i = 0; i < n; i++) wasm_bindgen.check(text);
          means.push((performance.now() - t0) / n);
        }
        return means.sort((a, b) => a - b)[rounds >> 1];
      }, { text, n: WARM / ROUNDS, rounds: ROUNDS });
      console.log(`file=${file} bytes=${Buffer.byteLength(text)} first_ms=${firsts[k].toFixed(3)} warm_ms=${warm.toFixed(3)}`);
    }
  } finally {
    await browser.close();
  }
}

main().catch((e) => { console.error(e.message || e); process.exit(1); });
