#!/usr/bin/env node
// Sizes and timings of the browser checker, for the README (`make bench-web`).
// Timings: headless Debian Chromium, the largest corpus text, 5 fresh browser profiles each.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const zlib = require('zlib');
const { chromium } = require('playwright-core');
const { start } = require('../tests/web/server');

const ROOT = path.resolve(__dirname, '..');
const CORPUS = process.env.CORPUS ? path.resolve(ROOT, process.env.CORPUS) : path.resolve(ROOT, '../shared/corpus');
const RUNS = 5, WARM = 30;

const median = (xs) => { const s = xs.slice().sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const kb = (n) => (n / 1024).toFixed(1) + ' KB';

function sizes() {
  const wasm = fs.readFileSync(path.join(ROOT, 'www/pkg/nianbao_bg.wasm'));
  const html = fs.readFileSync(path.join(ROOT, 'dist/nianbao.html'));
  const gz = (b) => zlib.gzipSync(b, { level: 9 }).length;
  const br = (b) => zlib.brotliCompressSync(b, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  return [
    ['www/pkg/nianbao_bg.wasm (MVP)', wasm.length, gz(wasm), br(wasm)],
    ['dist/nianbao.html (single file)', html.length, gz(html), br(html)],
  ];
}

function largestText() {
  const files = fs.readdirSync(CORPUS).filter((f) => /^\d+.*\.txt$/.test(f)).map((f) => path.join(CORPUS, f));
  files.sort((a, b) => fs.statSync(b).size - fs.statSync(a).size);
  return { file: path.basename(files[0]), text: fs.readFileSync(files[0], 'utf8') };
}

async function once(url, text) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nb-bench-'));
  const ctx = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    // The text is "restored" on load, so the first check starts as soon as the wasm is ready.
    await ctx.addInitScript((t) => { if (window === window.top) localStorage.setItem('nianbao:v1:input', JSON.stringify({ text: t })); }, text);
    const page = ctx.pages()[0];
    await page.goto(url);
    await page.waitForFunction(() => window.NB && window.NB.timing && window.NB.timing.firstResult, null, { timeout: 30000 });
    return await page.evaluate(async (n) => {
      const t = window.NB.timing, app = window.NB.app, text = app.ta.value;
      const inside = [], roundTrip = [];
      for (let i = 0; i < n; i++) {
        const t0 = performance.now();
        const r = await app.engine.check(text, null);
        roundTrip.push(performance.now() - t0);
        inside.push(r.ms);
      }
      return { mode: app.engine.mode, ready: t.ready, first: t.firstResult, firstCheck: t.firstResult - t.ready, inside, roundTrip };
    }, WARM);
  } finally {
    await ctx.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  console.log('## Sizes (bytes)\n\n| file | raw | gzip -9 | brotli 11 |\n| --- | ---: | ---: | ---: |');
  for (const [name, raw, gz, br] of sizes()) console.log(`| ${name} | ${raw} (${kb(raw)}) | ${gz} (${kb(gz)}) | ${br} (${kb(br)}) |`);
  if (!fs.existsSync(CORPUS)) { console.log(`\nnote: corpus ${CORPUS} not found; no timings`); return; }
  const { file, text } = largestText();
  const { server, origin } = await start();
  const pages = [
    ['www/ over http (worker)', origin + '/www/index.html'],
    ['dist/nianbao.html from file:// (main thread)', 'file://' + path.join(ROOT, 'dist/nianbao.html')],
  ];
  console.log(`\n## Timings: ${file} (${Buffer.byteLength(text)} bytes, ${text.length} UTF-16 units), median of ${RUNS} fresh profiles\n`);
  console.log('| page | load → checker ready | load → first result | first check (after ready) | warm check in wasm (median of ' + WARM + ') | warm round trip |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  try {
    for (const [name, url] of pages) {
      const runs = [];
      for (let i = 0; i < RUNS; i++) runs.push(await once(url, text));
      const m = (f) => median(runs.map(f)).toFixed(1) + ' ms';
      console.log(`| ${name} | ${m((r) => r.ready)} | ${m((r) => r.first)} | ${m((r) => r.firstCheck)} | ${m((r) => median(r.inside))} | ${m((r) => median(r.roundTrip))} |`);
    }
  } finally {
    server.close();
  }
  console.log(`\nChromium ${require('child_process').execFileSync('/usr/bin/chromium', ['--version']).toString().trim()}, ${os.cpus().length} cores (${os.cpus()[0].model}), load average ${os.loadavg()[0].toFixed(2)} at the end.`);
}

main().catch((e) => { console.error(e); process.exit(1); });
