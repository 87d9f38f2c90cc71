#!/usr/bin/env node
// Browser tests of the checker page, in headless Debian Chromium through playwright-core.
// The same tests run in seven modes: www/ over http; under a portal's strict CSP at a deep path;
// inside an <iframe> of a portal page; mounted by the embed script; dist/nianbao.html from
// file://; www/index.html from file://; served without worker.js (main-thread fallback).
// Every page result is compared with what the CLI prints for the same text.
// Prints "N passed, N failed" last; exits non-zero on any failure.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const assert = require('assert/strict');
const { execFileSync } = require('child_process');
const { chromium } = require('playwright-core');
const { start, STRICT } = require('./server');
const word = require('./word');
const reviewTests = require('./review');
const stressTests = require('./stress');
const structureTests = require('./structure');
const a11yTests = require('./a11y');
const fileTests = require('./files');

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'target/release/nianbao');
const CORPUS = process.env.CORPUS ? path.resolve(ROOT, process.env.CORPUS) : path.resolve(ROOT, '../shared/corpus');
const SAMPLE = fs.readFileSync(path.join(ROOT, 'www/sample.txt'), 'utf8');
const SEV = { error: '错误', warning: '警告', info: '提示' };
const RANK = { error: 3, warning: 2, info: 1 };
const KIND = { 'annual-report': '政府信息公开工作年度报告', other: '不是年度报告' };
const TEMPLATE = { '2008': '2008 年版（2008—2018 年度报告）', '2019': '2019 年版（2019、2020 年度报告）', '2021': '2021 年版（2021 年度起）' };
const APPLICANTS = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'];
// findings about a whole table (they select the table, never a cell)
const TABLE_LEVEL = new Set(['table-incomplete']);
const ONLY = process.env.NB_MODES ? process.env.NB_MODES.split(',') : null;

// NB_TESTS=regex runs only the tests whose name matches (while working on some; not for make test)
const PICK = process.env.NB_TESTS ? new RegExp(process.env.NB_TESTS) : null;
let passed = 0, failed = 0;
async function test(name, fn) {
  if (PICK && !PICK.test(name)) return;
  const t0 = Date.now();
  try {
    await fn();
    passed++;
    console.log(`ok   ${name} (${Date.now() - t0} ms)`);
  } catch (e) {
    failed++;
    console.log(`FAIL ${name}\n     ${String(e && e.stack || e).split('\n').slice(0, 8).join('\n     ')}`);
  }
}

// ---------- the CLI: the reference every page result is compared with ----------
const cliCache = new Map();
function cli(text) {
  if (cliCache.has(text)) return cliCache.get(text);
  const file = path.join(os.tmpdir(), `nb-web-${process.pid}.txt`);
  fs.writeFileSync(file, text);
  const out = JSON.parse(execFileSync(CLI, ['check', '--json', file], { maxBuffer: 1 << 26 }).toString());
  cliCache.set(text, out);
  return out;
}
/** Each rule's Chinese name as the CLI documents it (`nianbao explain`: 「合计与分项之和不符：…」). */
let titles = null;
/** `nianbao rules`: per rule a line `名称  严重程度  [code]`, then its description indented. */
function cliRules() {
  return execFileSync(CLI, ['rules']).toString().split('\n').filter((l) => /\[[a-z-]+\]\s*$/.test(l))
    .map((l) => ({ code: /\[([a-z-]+)\]\s*$/.exec(l)[1], title: l.trim().split(/\s+/)[0] }));
}
function ruleTitle(code) {
  if (!titles) {
    titles = {};
    for (const r of cliRules()) titles[r.code] = r.title;
  }
  return titles[code];
}
const cliVersion = () => execFileSync(CLI, ['--version']).toString().trim().split(' ')[1];

function lineOf(text, offset) {
  return text.slice(0, offset).split('\n').length;
}
function overlaps(a, b) {
  if (a.start === a.end || b.start === b.end) return a.start <= b.end && b.start <= a.end;
  return a.start < b.end && b.start < a.end;
}
/** The mark a cell must carry: the worst severity of findings whose first span overlaps the
 *  cell, else "related" when a later span lies inside the cell, else none. */
function expectedFlag(report, cell) {
  let best = null, related = false;
  for (const f of report.findings) {
    if (TABLE_LEVEL.has(f.code)) continue; // about a whole table: it marks its table, no cell
    f.spans.forEach((s, k) => {
      if (k > 0) related = related || (s.start >= cell.span.start && s.end <= cell.span.end);
      else if (overlaps(s, cell.span) && (!best || RANK[f.severity] > RANK[best])) best = f.severity;
    });
  }
  return best || (related ? 'related' : null);
}

// ---------- one mode: a browser context, its page and the frame holding the checker ----------
const MODES = [
  { name: 'http', path: '/www/index.html', worker: true },
  { name: 'csp', path: '/portal/tools/nianbao/index.html', worker: true, csp: true },
  { name: 'iframe', path: '/host/iframe.html', worker: true, csp: true, iframe: true },
  { name: 'embed', path: '/host/embed.html', worker: true, csp: true, embed: true },
  { name: 'file', file: path.join(ROOT, 'dist/nianbao.html'), worker: false },
  // Where a worker cannot start (here: worker.js is missing) the check runs on the main thread.
  { name: 'noworker', path: '/noworker/index.html', worker: false, csp: true },
  // www/ itself from disk: fetch is refused, so the wasm comes from the base64 script beside it.
  { name: 'file-www', file: path.join(ROOT, 'www/index.html'), worker: false },
];

// Runs in every frame before any page script: how tests find the checker, and tripwires.
function initScript() {
  window.__nbRoot = function () {
    var h = document.querySelector('#box');
    return h && h.shadowRoot ? h.shadowRoot : document;
  };
  window.__csp = [];
  document.addEventListener('securitypolicyviolation', function (e) {
    window.__csp.push(e.violatedDirective + ' ' + e.blockedURI);
  });
}

async function launch() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nb-chr-'));
  const ctx = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1366, height: 768 },
    acceptDownloads: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  ctx.dir = dir;
  return ctx;
}

class Mode {
  constructor(spec, origin) {
    this.spec = spec;
    this.url = spec.file ? 'file://' + spec.file : origin + spec.path;
    this.requests = [];
    this.errors = [];
    this.loaded = false;
  }

  async open() {
    this.ctx = await launch();
    await this.ctx.addInitScript(initScript);
    // Every request of every page, frame and worker in the context.
    this.ctx.on('request', (r) => this.requests.push({ url: r.url(), afterLoad: this.loaded }));
    if (!this.spec.file) await this.ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(this.url).origin });
    this.page = this.ctx.pages()[0];
    this.dialogs = [];
    this.page.on('dialog', (d) => { this.dialogs.push(d.message()); d.dismiss().catch(() => {}); });
    this.page.on('pageerror', (e) => this.errors.push('pageerror: ' + e.message));
    this.page.on('console', (m) => { if (m.type() === 'error') this.errors.push('console: ' + m.text()); });
    await this.load(() => this.page.goto(this.url));
  }

  /** Navigates (or reloads) and waits for the checker to be ready; requests after this fail. */
  async load(navigate) {
    this.loaded = false;
    await navigate();
    this.frame = this.spec.iframe
      ? await (await this.page.waitForSelector('iframe.nb-frame')).contentFrame()
      : this.page.mainFrame();
    await this.frame.waitForFunction(() => {
      const a = window.__nbRoot && window.__nbRoot().querySelector('#nb-app');
      return a && a.dataset.state !== 'loading' && a.dataset.state !== 'checking' && a.dataset.state !== 'pending';
    }, null, { timeout: 20000 });
    this.loaded = true;
  }

  ev(fn, arg) { return this.frame.evaluate(fn, arg); }
  $(sel) { return this.frame.locator(sel); }

  async waitDone() {
    await this.frame.waitForFunction(() => window.__nbRoot().querySelector('#nb-app').dataset.state === 'done', null, { timeout: 15000 });
  }

  async fill(text) {
    await this.$('#nb-input').fill(text);
    await this.waitDone();
  }

  value() { return this.ev(() => window.__nbRoot().querySelector('#nb-input').value); }

  selection() {
    return this.ev(() => {
      const t = window.__nbRoot().querySelector('#nb-input');
      return { start: t.selectionStart, end: t.selectionEnd, focused: window.__nbRoot().activeElement === t };
    });
  }

  /** What the page shows: summary, detected meta, findings, and every table cell with its headers. */
  read() {
    return this.ev(() => {
      const r = window.__nbRoot();
      const q = (s) => r.querySelector(s).textContent;
      const all = (s) => Array.prototype.slice.call(r.querySelectorAll(s));
      return {
        summary: q('#nb-summary'),
        meta: { kind: q('#nb-kind'), template: q('#nb-template'), year: q('#nb-year'), agency: q('#nb-agency') },
        findings: all('#nb-findings li[data-severity]').map((li) => ({
          severity: li.dataset.severity, hidden: li.hidden,
          word: li.querySelector('.nb-sev').textContent,
          title: li.querySelector('.nb-title').textContent,
          lead: li.querySelector('button').textContent.slice(0, 12),
          code: li.querySelector('.nb-code').textContent,
          where: li.querySelector('.nb-where') ? li.querySelector('.nb-where').textContent : null,
          message: li.querySelector('.nb-msg').textContent,
        })),
        // Each cell with the row and the column header(s) it sits under (the td's `headers`).
        cells: all('#nb-tables button.nb-cell').map((b) => {
          const td = b.closest('td'), tr = b.closest('tr'), table = b.closest('table');
          const heads = (td.getAttribute('headers') || '').split(' ').filter(Boolean)
            .map((id) => table.querySelector('[id="' + id + '"]'));
          const leaf = heads.filter((h) => h && h.hasAttribute('data-column'))[0];
          const unit = tr.querySelector('.nb-unit');
          return {
            i: +b.dataset.c, value: b.querySelector('.nb-val').textContent,
            label: tr.querySelector('th').textContent, indicator: tr.dataset.indicator,
            column: leaf ? leaf.dataset.column : (tr.querySelector('.nb-column') ? tr.querySelector('.nb-column').textContent : null),
            header: leaf ? leaf.textContent : null,
            headers: heads.map((h) => (h ? h.textContent : '(missing id)')),
            unit: unit ? unit.textContent : null, flag: b.dataset.flag || null,
            flagText: b.querySelector('.nb-vh') ? b.querySelector('.nb-vh').textContent : '',
            official: table.classList.contains('nb-official'),
          };
        }),
      };
    });
  }

  /** The official tables as drawn: per table its rows in order, each row what a reader sees. */
  readTables() {
    return this.ev(() => {
      const all = (e, s) => Array.prototype.slice.call(e.querySelectorAll(s));
      return all(window.__nbRoot(), '#nb-tables table.nb-official').map((t) => ({
        name: t.dataset.table, caption: t.caption.textContent,
        rows: all(t, 'tr').map((tr) => {
          const cells = all(tr, 'th,td');
          const kind = tr.classList.contains('nb-block-title') ? 'title' : tr.classList.contains('nb-head-row') ? 'head'
            : tr.classList.contains('nb-group') ? 'group' : 'item';
          const row = { kind, cells: cells.map((c) => [c.textContent, c.colSpan, c.rowSpan]) };
          if (kind === 'group' || kind === 'item') {
            const th = tr.querySelector('th');
            row.label = th.textContent;
            row.depth = +/nb-depth-(\d)/.exec(th.className)[1];
            row.indicator = tr.dataset.indicator || null;
          }
          if (kind === 'item') {
            const values = all(tr, 'td.nb-value');
            row.read = values.filter((td) => td.querySelector('button.nb-cell')).length;
            row.missing = values.filter((td) => td.classList.contains('nb-missing') && td.textContent === '未读出').length;
            row.values = values.length;
            row.headers = (values[0].getAttribute('headers') || '').split(' ')
              .map((id) => { const h = t.querySelector('[id="' + id + '"]'); return h ? h.textContent : '(missing)'; });
          }
          return row;
        }),
      }));
    });
  }

  async close() {
    await this.ctx.close();
    fs.rmSync(this.ctx.dir, { recursive: true, force: true });
  }
}

// ---------- comparisons with the CLI ----------
function counts(report) {
  const c = { error: 0, warning: 0, info: 0 };
  report.findings.forEach((f) => c[f.severity]++);
  return c;
}

/** `elsewhere(cell)`: a cell the template's drawn table has no column for, listed apart. */
function assertSameAsCli(shown, report, text, elsewhere) {
  const c = counts(report);
  const m = /(\d+) 个错误、(\d+) 个警告、(\d+) 个提示/.exec(shown.summary);
  assert.ok(m, 'summary: ' + shown.summary);
  assert.deepEqual({ error: +m[1], warning: +m[2], info: +m[3] }, c, 'summary counts');
  assert.deepEqual(shown.meta, {
    kind: KIND[report.kind],
    template: report.template ? TEMPLATE[report.template] : '未识别',
    year: report.year ? report.year + ' 年度' : '未识别',
    agency: report.agency || '未识别',
  }, 'kind/template/year/agency');
  assert.equal(shown.findings.length, report.findings.length, 'number of findings');
  report.findings.forEach((f, i) => {
    const s = shown.findings[i];
    const title = f.title || ruleTitle(f.code);
    assert.ok(/^[\u4e00-\u9fa5]{2,}/.test(title), f.code + ' has a Chinese name: ' + title);
    // the card leads with the severity word and the Chinese name; the code comes after them
    assert.ok(s.lead.startsWith(SEV[f.severity] + title.slice(0, 12 - SEV[f.severity].length)), `finding ${i + 1} leads with its name: ${s.lead}`);
    // where it is as a person finds it: the checker's words, a table, a cell, or quoted words
    if (f.where) assert.equal(s.where, f.where);
    else assert.ok(s.where && !/第 \d+ 行/.test(s.where), `finding ${i + 1}: where ${s.where}`);
    delete s.lead;
    delete s.where;
    assert.deepEqual(s, { severity: f.severity, hidden: false, word: SEV[f.severity], title, code: f.code, message: f.message }, `finding ${i + 1}`);
  });
  assert.equal(shown.cells.length, report.cells.length, 'number of table cells');
  const seen = new Set();
  for (const s of shown.cells) {
    const c = report.cells[s.i];
    assert.ok(c && !seen.has(s.i), 'cell index ' + s.i);
    seen.add(s.i);
    assert.equal(s.value, c.raw === '' ? '（空白）' : c.raw, `value of ${c.label}/${c.column}`);
    assert.equal(s.indicator, c.indicator, 'row of ' + c.label);
    assert.equal(s.column, c.column === null ? '' : c.column, 'column of ' + c.label);
    if (s.unit !== null) assert.equal(s.unit, c.unit || '', 'unit of ' + c.label);
    assert.ok(!s.headers.includes('(missing id)'), 'headers of ' + c.label + ' name cells of its table');
    if (report.template) assert.equal(s.official, !(elsewhere && elsewhere(c)), `${c.indicator}/${c.column} drawn in the template's table`);
    const flag = expectedFlag(report, c);
    assert.equal(s.flag, flag, `finding mark on ${c.label}/${c.column}`);
    if (flag) assert.ok(s.flagText.length > 0, 'the mark is also a word');
  }
}

async function clickAndCheckSelections(T, report) {
  for (let i = 0; i < report.findings.length; i++) {
    const span = report.findings[i].spans[0];
    if (!span || TABLE_LEVEL.has(report.findings[i].code)) continue;
    await T.$(`#nb-findings button[data-f="${i}"]`).click();
    assert.deepEqual(await T.selection(), { start: span.start, end: span.end, focused: true }, `finding ${i + 1} selects its span`);
  }
  const n = report.cells.length;
  const picks = n ? [...new Set([0, Math.floor(n / 2), n - 1])] : [];
  for (const i of picks) {
    await T.$(`#nb-tables button[data-c="${i}"]`).click();
    const s = report.cells[i].span;
    assert.deepEqual(await T.selection(), { start: s.start, end: s.end, focused: true }, `cell ${i} selects its span`);
  }
}

// ---------- the tests of one mode ----------
async function corpusTests(T, files) {
  for (const f of files) {
    const text = fs.readFileSync(f, 'utf8');
    const report = cli(text);
    const name = path.basename(f).slice(0, 3);
    await test(`${T.spec.name}: corpus ${name} (${report.cells.length} cells, ${report.findings.length} findings) equals the CLI`, async () => {
      await T.fill(text);
      assert.equal(await T.value(), text);
      assertSameAsCli(await T.read(), report, text);
    });
    await test(`${T.spec.name}: corpus ${name}: findings and cells select their spans`, async () => {
      await clickAndCheckSelections(T, report);
    });
  }
}

async function pageTests(T) {
  await test(`${T.spec.name}: loads; version in the footer; ${T.spec.worker ? 'worker' : 'main thread'}`, async () => {
    const s = await T.ev(() => {
      const r = window.__nbRoot();
      return { v: r.querySelector('#nb-version').textContent, mode: r.querySelector('#nb-app').dataset.mode };
    });
    assert.equal(s.v, 'v' + cliVersion());
    assert.equal(s.mode, T.spec.worker ? 'worker' : 'main');
  });

  await test(`${T.spec.name}: 示例 loads the sample; 2021 tables shown as grids in template column order`, async () => {
    await T.$('#nb-sample').click();
    await T.waitDone();
    assert.equal(await T.value(), SAMPLE);
    const shown = await T.read();
    assertSameAsCli(shown, cli(SAMPLE), SAMPLE);
    assert.ok(shown.cells.some((c) => c.flag === 'error'), 'a wrong total is marked');
    await clickAndCheckSelections(T, cli(SAMPLE));
  });

  await test(`${T.spec.name}: a real report cut inside its table says 表格未完整读出 with the cells read`, async () => {
    const full = fs.readFileSync(path.join(ROOT, 'tests/fixtures/real/2022_pingtan_zonghe_shiyanqu.web.txt'), 'utf8');
    const cut = full.slice(0, full.indexOf('（五）不予处理'));
    await T.fill(cut);
    await T.waitDone();
    const shown = await T.read();
    const expected = cli(cut).coverage.filter((t) => t.read < t.expected);
    assert.ok(expected.length > 0, 'the CLI finds the cut table incomplete');
    assert.ok(shown.summary.includes('表格未完整读出'), shown.summary);
    assert.ok(!shown.summary.includes('未发现问题（'), shown.summary);
    for (const t of expected) assert.ok(shown.summary.includes(`${t.table} ${t.read}/${t.expected}`), shown.summary);
    assert.ok(shown.findings.some((f) => f.code === 'table-incomplete'), 'the warning is listed');
    // the tests after this one start from the sample
    await T.$('#nb-sample').click();
    await T.waitDone();
    assert.equal(await T.value(), SAMPLE);
  });

  await test(`${T.spec.name}: a table not read in full shows why and what to do; its finding selects its table, not a cell`, async () => {
    const full = fs.readFileSync(path.join(ROOT, 'tests/fixtures/real/2022_pingtan_zonghe_shiyanqu.web.txt'), 'utf8');
    const cut = full.slice(0, full.indexOf('（五）不予处理'));
    await T.fill(cut);
    const report = cli(cut);
    const c = report.coverage.find((t) => t.read < t.expected);
    const box = await T.ev(() => { const b = window.__nbRoot().querySelector('#nb-unread'); return b.hidden ? null : b.textContent; });
    assert.ok(box && box.includes(`${c.table}读出 ${c.read} / ${c.expected} 个单元格`), box);
    const reason = /原因：([^。]+)。/.exec(box), advice = /怎么办：([^。]+)。/.exec(box);
    assert.ok(reason && advice, box);
    if (c.reason) assert.equal(reason[1], c.reason.replace(/[。；，\s]+$/, ''));
    else assert.ok(c.missing.slice(0, 3).every((l) => reason[1].includes(l)), 'the rows not read: ' + reason[1]);
    if (c.advice) assert.equal(advice[1], c.advice.replace(/[。；，\s]+$/, ''));
    else assert.match(advice[1], /打开 PDF\/Word 原文件检查（可准确读表）/);
    // its finding marks no cell, names the table, and selects the table in the text
    const i = report.findings.findIndex((f) => f.code === 'table-incomplete');
    assert.ok(i >= 0);
    const card = await T.ev((k) => window.__nbRoot().querySelector(`#nb-findings button[data-f="${k}"] .nb-where`).textContent, i);
    assert.ok(card.startsWith(c.table), 'where: ' + card);
    await T.$(`#nb-findings button[data-f="${i}"]`).click();
    const s = await T.ev((name) => {
      const r = window.__nbRoot(), app = window.NB.app;
      const t = r.querySelector(`#nb-tables table[data-table="${name}"]`);
      const spans = Array.prototype.map.call(t.querySelectorAll('button.nb-cell'), (b) => app.report.cells[+b.dataset.c].span);
      const ta = r.querySelector('#nb-input');
      return {
        start: ta.selectionStart, end: ta.selectionEnd, first: Math.min(...spans.map((x) => x.start)), last: Math.max(...spans.map((x) => x.end)),
        marked: t.parentNode.dataset.hl, cellsLit: r.querySelectorAll('#nb-tables button.nb-cell[data-hl]').length,
        rowsLit: Array.prototype.map.call(t.querySelectorAll('tr.nb-hl-row th'), (th) => th.textContent),
        flagged: r.querySelectorAll('#nb-tables button.nb-cell[data-flag="warning"]').length,
      };
    }, c.table);
    assert.ok(s.start <= s.first && s.end >= s.last, `the selection covers the table's cells: ${JSON.stringify(s)}`);
    assert.equal(s.marked, 'table');
    assert.equal(s.cellsLit, 0, 'no cell is lit by a finding about the table');
    assert.deepEqual(s.rowsLit, c.missing.filter((l) => s.rowsLit.includes(l)), 'the rows lit are rows not read');
    assert.ok(s.rowsLit.length > 0, 'the rows not read are lit');
    const warned = report.findings.filter((f) => f.severity === 'warning' && !TABLE_LEVEL.has(f.code)).length;
    if (!warned) assert.equal(s.flagged, 0, 'no ⚠ on a cell for the table');
    await T.$('#nb-sample').click();
    await T.waitDone();
  });

  await test(`${T.spec.name}: clicking a finding in 表四 brings every cell it involves into view at 1366 px`, async () => {
    await T.page.setViewportSize({ width: 1366, height: 768 });
    const text = SAMPLE.replace('2\t1\t0\t0\t4\t1\t0\t0\t1\t2\t0\t0\t0\t0\t0', '2\t1\t0\t0\t3\t1\t0\t0\t1\t2\t1\t0\t0\t0\t0');
    assert.notEqual(text, SAMPLE);
    await T.fill(text);
    const report = cli(text);
    const i = report.findings.findIndex((f) => f.code === 'sum-mismatch' && f.message.includes('复议后起诉'));
    assert.ok(i >= 0, JSON.stringify(report.findings.map((f) => f.message)));
    await T.ev(() => { window.scrollTo(0, 0); Array.prototype.forEach.call(window.__nbRoot().querySelectorAll('.nb-table-wrap'), (w) => { w.scrollLeft = 0; }); });
    const before = await T.ev(() => {
      const b = Array.prototype.filter.call(window.__nbRoot().querySelectorAll('#nb-tables table[data-table="表四"] button.nb-cell'), () => true).pop();
      const w = b.closest('.nb-table-wrap');
      return { wide: w.scrollWidth > w.clientWidth, right: b.getBoundingClientRect().right, wrap: w.getBoundingClientRect().right };
    });
    assert.ok(before.wide && before.right > before.wrap, '表四 is wider than its box and its last 总计 starts out of view: ' + JSON.stringify(before));
    await T.$(`#nb-findings button[data-f="${i}"]`).click();
    await T.page.waitForTimeout(50);
    const lit = await T.ev(() => Array.prototype.map.call(window.__nbRoot().querySelectorAll('#nb-tables button.nb-cell[data-hl]'), (b) => {
      const r = b.getBoundingClientRect(), w = b.closest('.nb-table-wrap').getBoundingClientRect();
      return { hl: b.dataset.hl, left: r.left, right: r.right, top: r.top, bottom: r.bottom, wl: w.left, wr: w.right, h: document.documentElement.clientHeight };
    }));
    assert.ok(lit.some((c) => c.hl === 'culprit') && lit.length >= 2, JSON.stringify(lit));
    for (const c of lit) {
      assert.ok(c.left >= c.wl - 1 && c.right <= c.wr + 1, 'sideways in view: ' + JSON.stringify(c));
      assert.ok(c.top >= 0 && c.bottom <= c.h, 'up and down in view: ' + JSON.stringify(c));
    }
  });

  await test(`${T.spec.name}: on an empty page 导出 CSV, 复制结果, 打印, 打印审核意见单, 导出 Excel and 再添一份 say why they do nothing`, async () => {
    await T.fill('');
    const notice = () => T.ev(() => { const n = window.__nbRoot().querySelector('#nb-notice'); return n.hidden ? '' : n.textContent; });
    await T.ev(() => { window.__printed = 0; window.__print = window.print; window.print = () => { window.__printed++; }; });
    let downloads = 0;
    const count = () => downloads++;
    T.page.on('download', count);
    try {
      for (const [id, words] of [['#nb-csv', /还没有检查结果可导出/], ['#nb-copy', /还没有检查结果可复制/], ['#nb-print', /还没有检查结果可打印/],
        ['#nb-sheet-one', /还没有报告可打印审核意见单/], ['#nb-new', /当前这一份还是空白的/]]) {
        await T.ev(() => { window.__nbRoot().querySelector('#nb-notice').hidden = true; });
        await T.$(id).click();
        assert.match(await notice(), words, id);
      }
      await T.$('#nb-xlsx').click();
      await T.frame.waitForFunction(() => /无法导出 Excel/.test(window.__nbRoot().querySelector('#nb-notice-text').textContent));
      await T.page.waitForTimeout(300);
      assert.equal(downloads, 0, 'nothing downloaded');
      assert.equal(await T.ev(() => window.__printed), 0, 'nothing printed');
      assert.equal(await T.ev(() => window.NB.app.docs.length), 1, '再添一份 made no second empty report');
      // the notice goes once its cause has: a report pasted
      await T.fill(SAMPLE);
      assert.equal(await notice(), '', 'the Excel notice went once a report was pasted');
    } finally {
      T.page.off('download', count);
      await T.ev(() => { window.print = window.__print; });
    }
  });

  await test(`${T.spec.name}: 按剪贴板中的表格结构读取 goes once the text with those tables is replaced`, async () => {
    const { html, plain } = word.table3();
    await T.fill('');
    await T.ev((d) => {
      const t = window.__nbRoot().querySelector('#nb-input');
      const dt = new DataTransfer();
      dt.setData('text/html', d.html);
      dt.setData('text/plain', d.plain);
      t.focus();
      t.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    }, { html, plain });
    await T.waitDone();
    const notice = () => T.ev(() => { const n = window.__nbRoot().querySelector('#nb-notice'); return n.hidden ? '' : n.textContent; });
    assert.match(await notice(), /按剪贴板中的表格结构读取/);
    await T.fill(SAMPLE);
    assert.equal(await notice(), '', 'gone with the tables it spoke of');
  });

  await test(`${T.spec.name}: editing a number updates the findings (typed, with stale replies dropped)`, async () => {
    const before = cli(SAMPLE);
    const cell = before.cells.find((c) => c.indicator === 'result.granted' && c.column === '自然人');
    assert.equal(cell.raw, '16');
    await T.ev((s) => window.__nbRoot().querySelector('#nb-input').setSelectionRange(s.start, s.end), cell.span);
    await T.$('#nb-input').focus();
    await T.ev((s) => window.__nbRoot().querySelector('#nb-input').setSelectionRange(s.start, s.end), cell.span);
    // Slower than the debounce, so several checks run and earlier replies must be dropped.
    await T.page.keyboard.type('9', { delay: 0 });
    await T.page.waitForTimeout(170);
    await T.page.keyboard.press('Backspace');
    await T.page.waitForTimeout(170);
    await T.page.keyboard.type('15', { delay: 170 });
    await T.waitDone();
    const text = await T.value();
    assert.equal(text, SAMPLE.slice(0, cell.span.start) + '15' + SAMPLE.slice(cell.span.end));
    const after = cli(text);
    assert.ok(counts(after).error < counts(before).error, 'the edit fixes an error');
    assertSameAsCli(await T.read(), after, text);
  });

  await test(`${T.spec.name}: 清空 asks nothing and 撤销 brings the text back`, async () => {
    const text = await T.value();
    await T.$('#nb-clear').click();
    await T.waitDone();
    assert.equal(await T.value(), '');
    assert.match((await T.read()).summary, /请粘贴/);
    assert.equal(await T.$('#nb-undo').isVisible(), true);
    await T.$('#nb-undo').click();
    await T.waitDone();
    assert.equal(await T.value(), text);
    assertSameAsCli(await T.read(), cli(text), text);
  });

  await test(`${T.spec.name}: filter by severity`, async () => {
    await T.$('#nb-sample').click();
    await T.waitDone();
    await T.$('#nb-show-error').uncheck();
    let shown = await T.read();
    assert.ok(shown.findings.filter((f) => f.severity === 'error').length > 0);
    assert.ok(shown.findings.every((f) => f.hidden === (f.severity === 'error')));
    await T.$('#nb-show-error').check();
    shown = await T.read();
    assert.ok(shown.findings.every((f) => !f.hidden));
  });

  await test(`${T.spec.name}: 导出 CSV is UTF-8 with BOM, formula cells guarded`, async () => {
    const [download] = await Promise.all([T.page.waitForEvent('download'), T.$('#nb-csv').click()]);
    const bytes = fs.readFileSync(await download.path());
    assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf]);
    const csv = bytes.toString('utf8');
    assert.match(download.suggestedFilename(), /\.csv$/);
    for (const f of cli(SAMPLE).findings) assert.ok(csv.includes(f.code), 'csv lists ' + f.code);
    assert.match(csv, /"自然人"/);
    const guarded = await T.ev(() => window.NB.toCsv({
      findings: [{ severity: 'error', code: 'x', message: '=HYPERLINK("http://evil")', spans: [] }],
      cells: [{ indicator: '+1', label: '@SUM(A1)', column: null, unit: '-2', value: null, raw: '-3' }],
    }, ''));
    assert.ok(guarded.includes(`"'=HYPERLINK(""http://evil"")"`), guarded);
    assert.ok(guarded.includes(`"'@SUM(A1)","","'-2","","'-3","'+1"`), guarded);
  });

  await test(`${T.spec.name}: 复制结果 copies the findings as plain text`, async () => {
    await T.ev(() => { window.__nbRoot().querySelector('#nb-notice').hidden = true; });
    await T.$('#nb-copy').click();
    await T.frame.waitForFunction(() => !window.__nbRoot().querySelector('#nb-notice').hidden);
    assert.match(await T.ev(() => window.__nbRoot().querySelector('#nb-notice-text').textContent), /已复制检查结果/);
    const plain = await T.ev(() => { const a = window.NB.app; return window.NB.toPlainText(a.report, a.reportText, a.dismissed, a.layouts(), a.doc.source); });
    if (!T.spec.file && !T.spec.iframe && !T.spec.embed) {
      assert.equal(await T.page.evaluate(() => navigator.clipboard.readText()), plain);
    }
    const report = cli(SAMPLE);
    const count = (s) => report.findings.filter((f) => f.severity === s).length;
    assert.ok(plain.includes(`发现 ${count('error')} 个错误、${count('warning')} 个警告、${count('info')} 个提示`), plain);
    for (const f of report.findings) assert.ok(plain.includes(f.message), f.message);
    assert.ok(!/<[a-z]/i.test(plain.replace(/<img[^\n]*/g, '')), 'no markup');
  });

  await test(`${T.spec.name}: print stylesheet prints the table and findings, not the editor`, async () => {
    await T.page.emulateMedia({ media: 'print' });
    const vis = await T.ev(() => {
      const r = window.__nbRoot();
      const shown = (s) => { const e = r.querySelector(s); return !!(e && e.getClientRects().length); };
      return { editor: shown('#nb-input'), toolbar: shown('#nb-sample'), findings: shown('#nb-findings li'), table: shown('#nb-tables table'), summary: shown('#nb-summary') };
    });
    await T.page.emulateMedia({ media: 'screen' });
    assert.deepEqual(vis, { editor: false, toolbar: false, findings: true, table: true, summary: true });
  });

  await test(`${T.spec.name}: keyboard only: Tab to a finding, Enter selects its span, Esc returns`, async () => {
    const report = cli(SAMPLE);
    await T.$('#nb-sample').focus();
    let found = null;
    for (let i = 0; i < 60 && !found; i++) {
      await T.page.keyboard.press('Tab');
      found = await T.ev(() => {
        const a = window.__nbRoot().activeElement;
        if (!a || !a.matches('#nb-findings button')) return null;
        const cs = getComputedStyle(a);
        return { f: +a.dataset.f, outline: cs.outlineStyle, width: cs.outlineWidth };
      });
    }
    assert.ok(found, 'a finding is reachable with Tab');
    assert.notEqual(found.outline, 'none', 'focus is visible');
    await T.page.keyboard.press('Enter');
    const span = report.findings[found.f].spans[0];
    assert.deepEqual(await T.selection(), { start: span.start, end: span.end, focused: true });
    await T.page.keyboard.press('Escape');
    assert.equal(await T.ev(() => window.__nbRoot().activeElement.dataset.f), String(found.f));
  });

  await test(`${T.spec.name}: 打开文件 decodes GB18030 and says so; a dropped file is read too`, async () => {
    const gbk = Buffer.from('cabec0fdcfd832303231c4ead5feb8aed0c5cfa2b9abbfaab9a4d7f7c4eab6c8b1a8b8e6a1a3c8abc4ead6f7b6afb9abbfaad5feb8aed0c5cfa233313235ccf5a1a3', 'hex');
    await T.$('#nb-file').setInputFiles({ name: '年报.txt', mimeType: 'text/plain', buffer: gbk });
    await T.frame.waitForFunction(() => /GB18030/.test(window.__nbRoot().querySelector('#nb-notice-text').textContent));
    await T.waitDone();
    assert.equal(await T.value(), '示例县2021年政府信息公开工作年度报告。全年主动公开政府信息3125条。');
    await T.ev(() => {
      const dt = new DataTransfer();
      dt.items.add(new File(['拖进来的报告'], '拖入.txt', { type: 'text/plain' }));
      const drop = window.__nbRoot().querySelector('#nb-drop');
      drop.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    });
    await T.frame.waitForFunction(() => /UTF-8/.test(window.__nbRoot().querySelector('#nb-notice-text').textContent));
    await T.waitDone();
    assert.equal(await T.value(), '拖进来的报告');
  });

  await test(`${T.spec.name}: Word clipboard HTML (merged cells, &nbsp;) is read as the table grid`, async () => {
    const { html, plain, grid, values, blank } = word.table3();
    assert.deepEqual(await T.ev((h) => window.NB.tablesFromHtml(h), html), [grid]);
    await T.$('#nb-input').fill('');
    await T.waitDone();
    await T.ev((d) => {
      const t = window.__nbRoot().querySelector('#nb-input');
      const dt = new DataTransfer();
      dt.setData('text/html', d.html);
      dt.setData('text/plain', d.plain);
      t.focus();
      t.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    }, { html, plain });
    await T.waitDone();
    assert.equal(await T.value(), plain);
    let shown = await T.read();
    assert.equal(shown.meta.template, TEMPLATE['2021']);
    // Rows carry the template's wording, as the Word table prints it.
    const byRow = (s) => shown.cells.filter((c) => c.label === s);
    for (const [label, want] of values) {
      assert.deepEqual(byRow(label).map((c) => c.value), want, label);
    }
    const hole = shown.cells.find((c) => c.label === blank.label && c.column === blank.column);
    assert.equal(hole.value, '（空白）');
    assert.ok(shown.findings.some((f) => f.code === 'blank-value'), 'the &nbsp; cell is reported blank');
    assert.ok(!shown.findings.some((f) => f.code === 'sum-mismatch'), JSON.stringify(shown.findings));
    // Editing the plain text afterwards still reaches the checker through the kept grid.
    const at = plain.indexOf('（七）总计\t') + '（七）总计\t'.length;
    await T.ev((a) => {
      const t = window.__nbRoot().querySelector('#nb-input');
      t.focus();
      t.setSelectionRange(a, a + 2);
    }, at);
    await T.page.keyboard.type('41');
    await T.waitDone();
    shown = await T.read();
    assert.equal(byRow('（七）总计')[0].value, '41');
    assert.ok(shown.findings.some((f) => f.code === 'sum-mismatch' && f.message.includes('自然人')), JSON.stringify(shown.findings));
  });

  await test(`${T.spec.name}: hostile text is shown as text and nothing runs`, async () => {
    const evil = '<img src=x onerror=alert(1)>';
    const text = SAMPLE.replace('示例县人民政府2021年', evil + '示例县人民政府2021年') +
      '\n<script>alert(2)</script>\n<a href="javascript:window.__pwned=3">点我</a>\n' +
      '('.repeat(10000) + ')'.repeat(10000) + '\n' + '（【['.repeat(10000) + '\n';
    const before = await T.ev(() => window.__nbRoot().querySelectorAll('img,script,a,iframe').length);
    await T.fill(text);
    const report = cli(text);
    const shown = await T.read();
    assertSameAsCli(shown, report, text);
    // Today the checker reads the tag into the agency name, so the page must show it as text.
    if (report.agency && report.agency.includes('<img')) assert.equal(shown.meta.agency, report.agency);
    else console.log('     note: the checker no longer quotes the tag; only "nothing runs" is tested');
    // The same tags, pasted as HTML, go through DOMParser (inert) and textContent only.
    await T.ev((e) => {
      const t = window.__nbRoot().querySelector('#nb-input');
      const dt = new DataTransfer();
      dt.setData('text/html', `<table><tr><td>${e}规章</td><td>1</td></tr></table><script>window.__pwned=4<\/script>` +
        '<div>'.repeat(10000) + '<iframe src="javascript:parent.__pwned=5"></iframe>');
      dt.setData('text/plain', '规章\t1');
      t.focus();
      t.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    }, evil);
    await T.waitDone();
    await T.page.waitForTimeout(300);
    const after = await T.ev(() => ({
      pwned: window.__pwned, top: window.top === window ? window.__pwned : window.top.__pwned,
      tags: window.__nbRoot().querySelectorAll('img,script,a,iframe').length,
    }));
    assert.deepEqual(after, { pwned: undefined, top: undefined, tags: before });
    assert.deepEqual(T.dialogs, [], 'no alert() ran');
  });

  await test(`${T.spec.name}: reload restores the pasted text, with a notice`, async () => {
    await T.$('#nb-sample').click();
    await T.waitDone();
    const text = SAMPLE + '\n重新载入前的最后一行。';
    await T.fill(text);
    await T.load(() => T.page.reload());
    await T.waitDone();
    assert.equal(await T.value(), text);
    const notice = await T.ev(() => {
      const n = window.__nbRoot().querySelector('#nb-notice');
      return n.hidden ? '' : n.textContent;
    });
    assert.match(notice, /已恢复上次内容/);
    assertSameAsCli(await T.read(), cli(text), text);
  });
}

async function rulesTest(T) {
  await test(`${T.spec.name}: the rule list (wasm rules()) matches \`nianbao rules\`; explain() matches \`nianbao explain\``, async () => {
    const codes = cliRules().map((r) => r.code);
    const shown = await T.ev(() => Array.prototype.map.call(window.__nbRoot().querySelectorAll('#nb-rules-list dt code'), (c) => c.textContent));
    assert.deepEqual(shown, codes);
    // each rule by its Chinese name, its 依据 as a labelled paragraph, no Markdown left
    const list = await T.ev(() => {
      const dl = window.__nbRoot().querySelector('#nb-rules-list');
      return { text: dl.textContent, titles: Array.prototype.map.call(dl.querySelectorAll('dt .nb-rule-title'), (t) => t.textContent),
        basis: dl.querySelectorAll('dd p.nb-rule-basis').length };
    });
    assert.doesNotMatch(list.text, /##/);
    assert.deepEqual(list.titles, codes.map(ruleTitle));
    assert.equal(list.basis, codes.length, 'every rule shows its 依据');
    if (T.spec.worker) return; // wasm_bindgen is instantiated on the main thread only in this mode
    for (const code of codes) {
      const r = await T.ev((c) => wasm_bindgen.explain(c), code);
      // the CLI joins the doc's lines and prints its 依据 heading as a label
      const flat = (t) => t.replace(/\s+/g, '');
      const cli = flat(execFileSync(CLI, ['explain', code]).toString());
      assert.equal(r.code, code);
      for (const line of r.doc.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('##'))) {
        assert.ok(cli.includes(flat(line)), line);
      }
    }
    assert.equal(await T.ev(() => wasm_bindgen.explain('no-such-rule')), null);
  });
}

/** The scripts index.html loads (make-single.js inlines the same list; pkg/page.js bundles
 *  make-single.js's PAGE_SCRIPTS). */
function pageScripts() {
  const html = fs.readFileSync(path.join(ROOT, 'www/index.html'), 'utf8');
  return Array.from(html.matchAll(/<script src="([^"]+)"><\/script>/g), (m) => m[1]);
}

async function syntaxTests() {
  // Old kernels (Chromium 69: 360/QQ 极速模式) must parse every script; IE must parse the ES5 ones
  // so that it can show its explanation.
  const acorn = require('acorn');
  const es5 = ['precheck.js', 'start.js', 'nianbao-embed.js', 'protocol.js', 'worker.js', 'files-worker.js'];
  const page = pageScripts();
  const { PAGE_SCRIPTS } = require('../../scripts/make-single.js');
  const groups = [
    [5, es5],
    [2017, page.concat(PAGE_SCRIPTS, ['xlsx-worker.js', 'pkg-xlsx/nianbao_xlsx.js', 'pkg-files/nianbao_files.js']).filter((f) => !es5.includes(f))],
  ];
  await test('pkg/page.js is the page scripts of www/ as they are now (make wasm bundles them)', async () => {
    const bundle = fs.readFileSync(path.join(ROOT, 'www/pkg/page.js'), 'utf8');
    for (const f of PAGE_SCRIPTS) assert.ok(bundle.includes(fs.readFileSync(path.join(ROOT, 'www', f), 'utf8')), f + ' is stale in pkg/page.js');
  });
  await test('the embed script loads the scripts of index.html, in its order', async () => {
    const embed = fs.readFileSync(path.join(ROOT, 'www/nianbao-embed.js'), 'utf8');
    const list = /var scripts = (\[[^\]]*\])/.exec(embed)[1];
    assert.deepEqual(JSON.parse(list.replace(/'/g, '"')), page.filter((f) => f !== 'start.js'));
  });
  for (const [version, files] of groups) {
    await test(`scripts parse as ES${version === 5 ? 5 : 2017}: ${files.join(', ')}`, async () => {
      for (const f of files) {
        const src = fs.readFileSync(path.join(ROOT, 'www', f), 'utf8');
        assert.doesNotThrow(() => acorn.parse(src, { ecmaVersion: version, sourceType: 'script' }), f);
        // Library calls newer than Chromium 69 that a parser cannot see.
        if (!f.startsWith('pkg/')) assert.doesNotMatch(src, /\.(flat|flatMap|fromEntries|replaceAll|matchAll|toggleAttribute|structuredClone)\(|\.at\(/, f);
      }
    });
  }
}

async function layoutTest(T) {
  await test(`${T.spec.name}: no sideways scrolling at 1366×768 or 390 px wide (tables scroll in their own box)`, async () => {
    await T.$('#nb-sample').click();
    await T.waitDone();
    for (const [width, height] of [[1366, 768], [390, 844]]) {
      await T.page.setViewportSize({ width, height });
      const s = await T.page.evaluate(() => ({ inner: innerWidth, scroll: document.documentElement.scrollWidth }));
      assert.ok(s.scroll <= s.inner, `${width}px: page is ${s.scroll}px wide`);
    }
    await T.page.setViewportSize({ width: 1366, height: 768 });
  });
}

async function modeChecks(T) {
  if (T.spec.embed) {
    await test('embed: no CSS leaks in from the portal or out of the checker', async () => {
      const s = await T.page.evaluate(() => {
        const r = window.__nbRoot();
        const cs = (e) => getComputedStyle(e);
        const ta = r.querySelector('#nb-input'), sum = r.querySelector('#nb-summary');
        const out = document.querySelector('#outside');
        return {
          shadow: !!document.querySelector('#box').shadowRoot,
          taShown: ta.getClientRects().length > 0, sumShown: sum.getClientRects().length > 0,
          sumColor: cs(sum).color, taFont: cs(ta).fontSize,
          outColor: cs(out).color, outFont: cs(out).fontSize, outBorder: cs(out).borderTopStyle,
          bodyBg: cs(document.body).backgroundColor, bodyMargin: cs(document.body).marginTop,
          sheetsInDocument: document.styleSheets.length,
        };
      });
      assert.equal(s.shadow, true);
      assert.equal(s.taShown && s.sumShown, true, 'portal display:none does not reach inside');
      assert.notEqual(s.sumColor, 'rgb(255, 0, 0)');
      assert.notEqual(s.taFont, '40px');
      assert.deepEqual([s.outColor, s.outFont, s.outBorder], ['rgb(255, 0, 0)', '40px', 'none'], 'our .nb-btn/.nb-summary do not style the portal');
      assert.deepEqual([s.bodyBg, s.bodyMargin, s.sheetsInDocument], ['rgb(1, 2, 3)', '7px', 1]);
    });
  }
  await test(`${T.spec.name}: no page errors${T.spec.csp ? ', no CSP violations' : ''}`, async () => {
    const csp = await T.ev(() => window.__csp);
    assert.deepEqual(T.errors, []);
    assert.deepEqual(csp, []);
  });
  await test(`${T.spec.name}: no network request after load`, async () => {
    // The Excel module and the file reader are fetched (from the same place as the page) only
    // when exporting, when a document is opened; the reader's worker loads protocol.js too.
    const onDemand = /\/(pkg-(xlsx|files)\/nianbao_(xlsx|files)[^/]*|(xlsx|files)-worker\.js|protocol\.js)$/;
    const net = (r) => !/^(data|blob):/.test(r.url) && !onDemand.test(r.url);
    const late = T.requests.filter((r) => r.afterLoad && net(r));
    assert.deepEqual(late.map((r) => r.url), []);
    if (T.spec.worker) assert.ok(T.requests.some((r) => /nianbao_bg\.wasm$/.test(r.url)), 'the recorder saw the wasm load');
    else assert.ok(T.requests.length >= 1, 'the recorder saw the page load');
  });
}

/** The CSP the csp modes serve (docs/embedding.md's) is the one `scripts/serve.py --csp` (make
 *  serve's server) sends: one policy, documented, tried and tested. */
async function cspPolicyTest() {
  await test('the CSP of the csp modes is docs/embedding.md\'s, and scripts/serve.py --csp sends the same', async () => {
    const served = execFileSync('python3', ['-c', 'import sys; sys.path.insert(0, "scripts"); import serve; print(serve.CSP)'], { cwd: ROOT }).toString().trim();
    assert.equal(served, STRICT, 'scripts/serve.py CSP');
    // every directive the page needs, and no image source beyond its own files (it has no data: or blob: image)
    assert.match(STRICT, /(^|; )img-src 'self'(;|$)/);
    assert.match(STRICT, /(^|; )script-src 'self' 'wasm-unsafe-eval'(;|$)/);
    assert.doesNotMatch(STRICT, /unsafe-inline|data:|blob:|\*/);
  });
}

/** Under the CSP, a violation must fail the run: an image the policy refuses (data:, where
 *  img-src is 'self') is recorded by the securitypolicyviolation tripwire and logged as a console
 *  error; both records are then taken back, so that the page's own stay checked. */
async function cspTripwireTest(T) {
  await test(`${T.spec.name}: a CSP violation is caught (a data: image refused under img-src 'self', in the event and the console)`, async () => {
    // Chromium words it "Refused to load the image '…'" or "Loading the image '…' violates"
    const own = (e) => /the image 'data:image\/gif;base64,R0lGODlhAQABAAAAACw='.*Content Security Policy/.test(e);
    const n = await T.ev(() => window.__csp.length);
    await T.ev(() => {
      const img = document.createElement('img');
      img.id = 'nb-tripwire';
      img.alt = '';
      img.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
      window.__nbRoot().querySelector('#nb-app').appendChild(img);
    });
    await T.frame.waitForFunction((k) => window.__csp.length > k, n, { timeout: 5000 });
    for (let i = 0; i < 50 && !T.errors.some(own); i++) await new Promise((r) => setTimeout(r, 100));
    const seen = await T.ev((k) => {
      window.__nbRoot().querySelector('#nb-tripwire').remove();
      return window.__csp.splice(k, window.__csp.length);
    }, n);
    const logged = T.errors.filter(own);
    T.errors.splice(0, T.errors.length, ...T.errors.filter((e) => !own(e)));
    assert.deepEqual(seen, ['img-src data'], 'the securitypolicyviolation event');
    assert.equal(logged.length, 1, 'the console error: ' + logged);
  });
}

async function blockedWasmTest(origin) {
  await test('csp without wasm-unsafe-eval: a plain Chinese explanation instead of the checker', async () => {
    const ctx = await launch();
    try {
      const page = ctx.pages()[0];
      await page.goto(origin + '/nowasm/index.html');
      const box = page.locator('.nb-blocked');
      await box.waitFor({ timeout: 10000 });
      const text = await box.textContent();
      assert.match(text, /安全策略/);
      assert.match(text, /wasm-unsafe-eval/);
      assert.equal(await page.locator('#nb-input').count(), 0);
    } finally {
      await ctx.close();
      fs.rmSync(ctx.dir, { recursive: true, force: true });
    }
  });
}

async function main() {
  for (const f of [CLI, path.join(ROOT, 'dist/nianbao.html'), path.join(ROOT, 'www/pkg/nianbao_bg.wasm')]) {
    if (!fs.existsSync(f)) throw new Error(`missing ${f}: run make wasm and cargo build --release first`);
  }
  let files = [];
  if (fs.existsSync(CORPUS)) {
    files = fs.readdirSync(CORPUS).filter((f) => /^\d+.*\.txt$/.test(f)).sort().map((f) => path.join(CORPUS, f));
  } else {
    console.log(`note: corpus ${CORPUS} not found; the corpus comparisons are not run (not counted)`);
  }
  if (!ONLY) await syntaxTests();
  await cspPolicyTest();
  const { server, origin } = await start();
  try {
    for (const spec of MODES) {
      if (ONLY && !ONLY.includes(spec.name)) continue;
      const T = new Mode(spec, origin);
      try {
        await T.open();
      } catch (e) {
        await test(`${spec.name}: page opens`, () => { throw e; });
        continue;
      }
      await pageTests(T);
      if (spec.name === 'http' || spec.name === 'embed') await layoutTest(T);
      if (spec.name === 'http' || spec.name === 'file') await rulesTest(T);
      await structureTests(T, { test, cli });
      await a11yTests(T, { test });
      await corpusTests(T, files);
      if (spec.name === 'http') await stressTests(T, { test, cli, assertSameAsCli });
      // Reviewing many reports: www/ over http (worker) and the single file (main thread).
      if (spec.name === 'http' || spec.name === 'file') await reviewTests(T, { test, cli, files, ruleTitle });
      // PDF, Word and web pages: every mode; the batches where the reader runs in a worker
      // (http) and on the main thread (file)
      const h = { test, launch, assertSameAsCli, clickAndCheckSelections };
      await fileTests.documentTests(T, h, CORPUS);
      if (spec.name === 'http') await fileTests.batchTest(T, h, files, CORPUS);
      if (spec.name === 'http' || spec.name === 'file') await fileTests.damagedTest(T, h);
      if (spec.name === 'file') await fileTests.aloneTest(h);
      if (spec.csp) await cspTripwireTest(T);
      await modeChecks(T);
      await T.close();
    }
    if (!ONLY || ONLY.includes('nowasm')) await blockedWasmTest(origin);
  } finally {
    server.close();
  }
}

main().catch((e) => { failed++; console.log('FAIL harness: ' + (e && e.stack || e)); })
  .then(() => {
    console.log(`${passed} passed, ${failed} failed`);
    process.exit(failed ? 1 : 0);
  });
