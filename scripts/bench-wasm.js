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
    ['dist/nianbao.html (single file: checker, file reader and Excel module inside)', html.length, gz(html), br(html)],
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
    await page.waitForFunction(() => window.NB && window.NB.timing && window.NB.timing.tablesPaint, null, { timeout: 30000 });
    return await page.evaluate(async (n) => {
      const t = window.NB.timing, app = window.NB.app, text = app.ta.value;
      const inside = [], roundTrip = [];
      for (let i = 0; i < n; i++) {
        const t0 = performance.now();
        const r = await app.engine.check(text, null);
        roundTrip.push(performance.now() - t0);
        inside.push(r.ms);
      }
      const nav = performance.getEntriesByType('navigation')[0];
      return {
        mode: app.engine.mode, ready: t.ready, first: t.firstResult, firstCheck: t.firstResult - t.ready, inside, roundTrip,
        // the way to the first result, from navigation start
        parsed: nav.domInteractive, scripts: t.start, sent: t.sent, received: t.received, checkMs: t.checkMs,
        painted: t.firstPaint, tables: t.tablesPaint,
      };
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
  const all = [];
  try {
    for (const [name, url] of pages) {
      const runs = [];
      for (let i = 0; i < RUNS; i++) runs.push(await once(url, text));
      all.push([name, runs]);
      const m = (f) => median(runs.map(f)).toFixed(1) + ' ms';
      console.log(`| ${name} | ${m((r) => r.ready)} | ${m((r) => r.first)} | ${m((r) => r.firstCheck)} | ${m((r) => median(r.inside))} | ${m((r) => median(r.roundTrip))} |`);
    }
  } finally {
    server.close();
  }
  console.log('\n## The way to the first result (median of each step over the same runs; ms from navigation start)\n');
  console.log('| page | HTML parsed, scripts run | page scripts → checker ready (wasm) | ready → check sent | check (in wasm) | result → drawn | drawn → painted | **first result painted** | tables painted |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const [name, runs] of all) {
    const m = (f) => median(runs.map(f)).toFixed(1);
    console.log(`| ${name} | ${m((r) => r.parsed)} | ${m((r) => r.ready - r.scripts)} | ${m((r) => r.sent - r.ready)} | ` +
      `${m((r) => r.received - r.sent)} (${m((r) => r.checkMs)}) | ${m((r) => r.first - r.received)} | ${m((r) => r.painted - r.first)} | **${m((r) => r.painted)}** | ${m((r) => r.tables)} |`);
  }
  console.log(`\nChromium ${require('child_process').execFileSync('/usr/bin/chromium', ['--version'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim()}, ${os.cpus().length} cores (${os.cpus()[0].model}), load average ${os.loadavg()[0].toFixed(2)} at the end.`);
}

main().catch((e) => { console.error(e); process.exit(1); });
