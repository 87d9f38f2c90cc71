#!/usr/bin/env node
// The checker's wasm in headless Chromium, on the same texts as the native bench: the first
// check of each text (the very first also prepares the template schema) and the warm mean of 30.
// Prints `file=… first_ms=… warm_ms=…` lines for bench/run.sh; loads www/pkg's glue into a
// blank page, so the page's own code and worker are not measured.
'use strict';
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const PKG = process.env.WASM_PKG ? path.resolve(process.env.WASM_PKG) : path.join(ROOT, 'www/pkg');
const CORPUS = path.resolve(process.argv[2] || path.join(ROOT, 'tests/fixtures/seeds'));
const WARM = 30;

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
    for (const [file, text] of texts) {
      const r = await page.evaluate(({ text, n }) => {
        const time = () => { const t0 = performance.now(); wasm_bindgen.check(text); return performance.now() - t0; };
        const first = time();
        // timed as one loop: the page's clock is coarse (0.1 ms) next to one warm check
        const t0 = performance.now();
        for (let i = 0; i < n; i++) wasm_bindgen.check(text);
        return { first, warm: (performance.now() - t0) / n };
      }, { text, n: WARM });
      console.log(`file=${file} bytes=${Buffer.byteLength(text)} first_ms=${r.first.toFixed(3)} warm_ms=${r.warm.toFixed(3)}`);
    }
  } finally {
    await browser.close();
  }
}

main().catch((e) => { console.error(e.message || e); process.exit(1); });
