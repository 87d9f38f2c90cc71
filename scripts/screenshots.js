#!/usr/bin/env node
// Pictures of the page as it is now, written to target/screenshots/:
// screenshot-*.png: the page with the sample report loaded, at 1366×768, at 200% zoom and at
// phone width; print-*.png: the page printed with a 2021, a 2019 and a 2008 report;
// review-*.png: the sample and the generated 2021/2022 pair loaded together, one finding
// dismissed, and the printed 审核意见单 (Chromium's PDF, rendered to PNG by pdftoppm).
// Those the README or a page of docs/ shows are copied to docs/ (tests/docs.rs: docs/ holds no
// other picture).
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { chromium } = require('playwright-core');
const { execFileSync } = require('child_process');
const { start } = require('../tests/web/server');

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, 'target/screenshots');
const DOCS = path.join(ROOT, 'docs');

async function shoot(origin, viewport, isMobile, shots, deviceScaleFactor = 1) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nb-shot-'));
  const ctx = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, viewport, isMobile,
    deviceScaleFactor, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  try {
    const page = ctx.pages()[0];
    await page.goto(origin + '/www/index.html');
    await page.waitForFunction(() => { const a = document.querySelector('#nb-app'); return a && a.dataset.state === 'done'; });
    await page.click('#nb-sample');
    await page.waitForFunction(() => document.querySelector('#nb-app').dataset.state === 'done');
    await page.click('#nb-notice-close');
    for (const [name, prepare] of shots) {
      await prepare(page);
      await page.mouse.move(0, 0); // no hover outline in the picture
      await page.waitForTimeout(200);
      await page.screenshot({ path: path.join(OUT, name) });
      console.log('wrote target/screenshots/' + name);
    }
  } finally {
    await ctx.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const PAIR = ['某某县办2021.txt', '某某县办2022.txt'].map((n) => path.join(ROOT, 'tests/fixtures/crossyear', n));

/* The list with three reports, the 2022 one shown with its carry-over findings, one dismissed. */
async function review(origin) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nb-shot-'));
  const ctx = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, viewport: { width: 1366, height: 900 },
    deviceScaleFactor: 1, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  const done = (page) => page.waitForFunction(() => document.querySelector('#nb-app').dataset.state === 'done');
  try {
    const page = ctx.pages()[0];
    await page.goto(origin + '/www/index.html');
    await done(page);
    await page.click('#nb-sample');
    await done(page);
    await page.setInputFiles('#nb-file', PAIR.map((f) => ({ name: path.basename(f), mimeType: 'text/plain', buffer: fs.readFileSync(f) })));
    await page.waitForFunction(() => document.querySelectorAll('#nb-list tbody tr').length === 3);
    await done(page);
    await page.click('#nb-list button.nb-doc:text-is("某某县办2022.txt")');
    await done(page);
    await page.click('#nb-findings button[data-dismiss]');
    await page.fill('#nb-findings .nb-dismiss-form input', '自然人结转数已与业务台账核对，上年报告少填 1 件');
    await page.press('#nb-findings .nb-dismiss-form input', 'Enter');
    await page.click('#nb-notice-close');
    await page.mouse.move(0, 0);
    await page.evaluate(() => document.querySelector('#nb-batch').scrollIntoView());
    await page.screenshot({ path: path.join(OUT, 'review-list.png') });
    console.log('wrote target/screenshots/review-list.png');
    await page.evaluate(() => window.NB.app.buildSheets(window.NB.app.sortedDocs()));
    const pdf = path.join(dir, 'sheet.pdf');
    await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
    // page 1: the batch summary; then the 2022 report's sheet, with its dismissed finding
    const pages = +/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf]).toString())[1];
    const text = (n) => execFileSync('pdftotext', ['-f', String(n), '-l', String(n), pdf, '-']).toString();
    let sheet = 2;
    while (sheet < pages && !text(sheet).includes('某某县办2022.txt')) sheet++;
    for (const [n, name] of [[1, 'review-sheet-summary'], [sheet, 'review-sheet-2022']]) {
      execFileSync('pdftoppm', ['-png', '-r', '90', '-f', String(n), '-l', String(n), '-singlefile', pdf, path.join(OUT, name)]);
      console.log('wrote target/screenshots/' + name + '.png');
    }
  } finally {
    await ctx.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/* The page printed (打印) with a 2021, a 2019 and a 2008 report: the tables as the forms draw
   them, on paper. One PNG per report, its first pages side by side. */
async function printed(origin) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nb-shot-'));
  const ctx = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  const reports = [['print-2021', 'www/sample.txt'], ['print-2019', 'tests/fixtures/web/national-2019.txt'],
    ['print-2008', 'tests/fixtures/seeds/001_c2e2148ac72f28cc.txt']];
  try {
    const page = ctx.pages()[0];
    await page.goto(origin + '/www/index.html');
    await page.waitForFunction(() => { const a = document.querySelector('#nb-app'); return a && a.dataset.state === 'done'; });
    for (const [name, file] of reports) {
      await page.fill('#nb-input', fs.readFileSync(path.join(ROOT, file), 'utf8'));
      await page.waitForFunction(() => document.querySelector('#nb-app').dataset.state === 'done');
      const pdf = path.join(dir, name + '.pdf');
      await page.pdf({ path: pdf, format: 'A4', printBackground: true });
      execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '3', pdf, path.join(dir, name)]);
      const pages = fs.readdirSync(dir).filter((f) => f.startsWith(name + '-') && f.endsWith('.png')).sort();
      // the page that holds 表三 (or the 统计表), first
      fs.copyFileSync(path.join(dir, pages[Math.min(1, pages.length - 1)]), path.join(OUT, name + '.png'));
      console.log('wrote target/screenshots/' + name + '.png');
    }
  } finally {
    await ctx.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/* The pictures the README and the pages of docs/ show, by file name. */
function shownInDocs() {
  const pages = ['README.md'].concat(fs.readdirSync(DOCS).filter((f) => f.endsWith('.md')).map((f) => 'docs/' + f));
  const names = new Set();
  for (const p of pages) {
    for (const m of fs.readFileSync(path.join(ROOT, p), 'utf8').matchAll(/!\[[^\]]*\]\(([^)]+\.png)\)/g)) names.add(path.basename(m[1]));
  }
  return names;
}

async function main() {
  fs.mkdirSync(OUT, { recursive: true });
  const { server, origin } = await start();
  const firstFinding = (page) => page.click('#nb-findings button[data-f="1"]');
  // the finding chosen, its text selected on the left; the page back at its top, where the
  // summary and the findings are (choosing a finding scrolls its cell into view)
  const firstFindingTop = async (page) => { await firstFinding(page); await page.evaluate(() => window.scrollTo(0, 0)); };
  try {
    await shoot(origin, { width: 1366, height: 768 }, false, [
      ['screenshot-1366x768.png', firstFindingTop],
      ['screenshot-1366x768-table.png', (p) => p.evaluate(() => document.querySelector('table[data-table="表三"]').scrollIntoView())],
    ]);
    // 200% zoom of a 1366×768 window: half the CSS pixels, each drawn twice as large
    await shoot(origin, { width: 683, height: 384 }, false, [
      ['screenshot-zoom-200-table.png', (p) => p.evaluate(() => document.querySelector('table[data-table="表三"]').scrollIntoView())],
    ], 2);
    await shoot(origin, { width: 390, height: 844 }, true, [
      ['screenshot-phone-390-results.png', (p) => p.evaluate(() => document.querySelector('#nb-results-h').scrollIntoView())],
      ['screenshot-phone-390-table.png', (p) => p.evaluate(() => document.querySelector('table[data-table="表三"]').scrollIntoView())],
      ['screenshot-phone-390-editor.png', firstFinding],
    ]);
    await review(origin);
    await printed(origin);
  } finally {
    server.close();
  }
  const shown = shownInDocs();
  for (const f of fs.readdirSync(OUT).filter((n) => n.endsWith('.png')).sort()) {
    if (!shown.has(f)) continue;
    fs.copyFileSync(path.join(OUT, f), path.join(DOCS, f));
    console.log(`docs/${f} (${Math.round(fs.statSync(path.join(DOCS, f)).size / 1024)} KB)`);
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
