#!/usr/bin/env node
// docs/screenshot-*.png: the page with the sample report loaded, at 1366×768 and at phone width.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { chromium } = require('playwright-core');
const { start } = require('../tests/web/server');

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, 'docs');

async function shoot(origin, viewport, isMobile, shots) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nb-shot-'));
  const ctx = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, viewport, isMobile,
    deviceScaleFactor: 1, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
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
      console.log('wrote docs/' + name);
    }
  } finally {
    await ctx.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  fs.mkdirSync(OUT, { recursive: true });
  const { server, origin } = await start();
  const firstFinding = (page) => page.click('#nb-findings button[data-f="1"]');
  try {
    await shoot(origin, { width: 1366, height: 768 }, false, [
      ['screenshot-1366x768.png', firstFinding],
      ['screenshot-1366x768-table.png', (p) => p.evaluate(() => document.querySelectorAll('.nb-table-grid')[2].scrollIntoView())],
    ]);
    await shoot(origin, { width: 390, height: 844 }, true, [
      ['screenshot-phone-390-results.png', (p) => p.evaluate(() => document.querySelector('#nb-results-h').scrollIntoView())],
      ['screenshot-phone-390-table.png', (p) => p.evaluate(() => document.querySelectorAll('.nb-table-grid')[2].scrollIntoView())],
      ['screenshot-phone-390-editor.png', firstFinding],
    ]);
  } finally {
    server.close();
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
