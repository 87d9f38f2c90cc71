#!/usr/bin/env node
// The file reader in the page (www/pkg-files): its size, the first read (loading the module
// included) and warm reads of each .pdf/.docx/.html, in its worker over http and on the main
// thread from file:// (dist/nianbao.html). Read time only: bytes in, {text, tables} out, timed in
// the page. usage: node scripts/bench-files.js [RUNS]   (after make wasm; CORPUS=… as make test)
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const { chromium } = require('playwright-core');
const { start } = require('../tests/web/server');

const ROOT = path.resolve(__dirname, '..');
const CORPUS = process.env.CORPUS ? path.resolve(ROOT, process.env.CORPUS) : path.resolve(ROOT, '../shared/corpus');
const RUNS = +process.argv[2] || 5;

function files() {
  const real = path.join(CORPUS, 'real/src');
  const docx = path.join(ROOT, 'tests/fixtures/docx');
  return fs.readdirSync(real).filter((f) => /\.(pdf|html)$/.test(f)).map((f) => path.join(real, f))
    .concat(fs.readdirSync(docx).filter((f) => !f.includes('.error.')).map((f) => path.join(docx, f)));
}

/** In the page: loads the reader, then reads `b64` RUNS times; [first, ...warm] in ms. */
async function timeReads(page, name, b64, runs) {
  return page.evaluate(async ({ name, b64, runs }) => {
    const bin = atob(b64), bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    const out = [];
    for (let i = 0; i <= runs; i++) {
      const t0 = performance.now();
      const reader = await window.NB.loadFiles(window.NB.app.base);
      await reader.open(name, bytes.slice()); // UTF-8 pages go as bytes too (docs.js)
      out.push(performance.now() - t0);
    }
    return out;
  }, { name, b64, runs });
}

const median = (a) => a.slice().sort((x, y) => x - y)[Math.floor(a.length / 2)];

async function mode(browser, url, list) {
  const page = await browser.newPage();
  await page.goto(url);
  await page.waitForFunction(() => document.querySelector('#nb-app').dataset.state === 'done');
  const rows = [];
  for (const f of list) {
    const t = await timeReads(page, path.basename(f), fs.readFileSync(f).toString('base64'), RUNS);
    rows.push({ file: path.basename(f), first: t[0], warm: median(t.slice(1)) });
  }
  await page.close();
  return rows;
}

(async () => {
  const wasm = fs.readFileSync(path.join(ROOT, 'www/pkg-files/nianbao_files_bg.wasm'));
  console.log(`nianbao_files_bg.wasm: ${wasm.length} B raw, ${zlib.gzipSync(wasm, { level: 9 }).length} B gzip -9`);
  const { server, origin } = await start();
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox'] });
  try {
    const list = files();
    for (const [name, url] of [['http, worker', origin + '/www/index.html'], ['file://, main thread', 'file://' + path.join(ROOT, 'dist/nianbao.html')]]) {
      const rows = await mode(browser, url, list);
      console.log(`\n${name} (first read includes loading the module; warm: median of ${RUNS})`);
      for (const r of rows) console.log(`${r.file.padEnd(42)} first ${r.first.toFixed(0).padStart(5)} ms  warm ${r.warm.toFixed(0).padStart(5)} ms`);
    }
  } finally {
    await browser.close();
    server.close();
  }
})();
