#!/usr/bin/env node
// The page in old headless Chromium kernels, as office PCs have them (360 安全浏览器's 极速模式 is
// Chromium 78 or 86), compared with today's Chromium (Debian's /usr/bin/chromium). The kernels
// come from npm (scripts/setup-kernels.js); playwright-core cannot drive them, so this drives
// every kernel, today's too, over the DevTools protocol (tests/web/cdp.js).
//
// In each kernel, over http (www/index.html) and from file:// (dist/nianbao.html):
//   - a kernel whose wasm memory views go stale after growth (64, 65) shows the pre-check's
//     浏览器版本过旧 box and no checker; mounted all the same, the checker must show less than
//     today's (else the refusal is no longer needed);
//   - any other pastes www/sample.txt and must show what today's Chromium shows: the checker in a
//     worker over http (on the main thread from file://), the summary, the
//     detected 类型/模板/年度/机关, every finding's text, every table cell (none 未读出 that is
//     read there), and 导出 Excel must give the same non-empty .xlsx (a zip: "PK"); a PDF and a
//     .docx opened with 打开文件 must make the same rows in the list of reports;
//   - the layout is measured: in each group (title and lead text; the toolbar's buttons; 类型/
//     模板/年度/机关; 显示 错误/警告/提示 and the export buttons; the notice; the list's buttons;
//     the 忽略 form) every two neighbours must not touch or overlap, and must stand as in today's
//     Chromium: on one line or one below the other alike, their distance within 2 px; at
//     1366×768 and again at 390 px wide, where lines wrap.
// Screenshots of the top of the page at 1366 px go to target/kernels/ (docs/kernel-*.png are
// copies).
//   node tests/web/kernels.js [64 78 86 ...|all]   (default: setup-kernels.js's DEFAULT)
//   NB_KERNELS_VERBOSE=1 prints every distance beside today's; NB_KERNELS_NOFALLBACK=1 removes the
//   layout fallbacks (the classes nb-nogap/nb-nofsflex) before measuring, to see what they fix.
'use strict';
const fs = require('fs');
const path = require('path');
const { Browser } = require('./cdp');
const { start } = require('./server');
const { kernel, pick } = require('../../scripts/setup-kernels');

const ROOT = path.resolve(__dirname, '../..');
const OUT = path.join(ROOT, 'target/kernels');
const SAMPLE = fs.readFileSync(path.join(ROOT, 'www/sample.txt'), 'utf8');
// opened with 打开文件: a PDF and a Word file (the file reader's wasm module)
const FILES = ['tests/fixtures/docx-pdf/2022_pingtan_zonghe_shiyanqu.error.pdf',
  'tests/fixtures/docx/2024_pingtan_zonghe_shiyanqu.docx'].map((f) => path.join(ROOT, f));
const TODAY = process.env.CHROMIUM || '/usr/bin/chromium';
const NOFALLBACK = !!process.env.NB_KERNELS_NOFALLBACK;
// Kernels whose wasm memory views go stale after growth: refused by www/precheck.js.
const STALE = new Set([64, 65]);
const TOLERANCE = 2; // px between a distance in an old kernel and in today's

let passed = 0, failed = 0;
async function test(name, fn) {
  const t0 = Date.now();
  try {
    await fn();
    passed++;
    console.log(`ok   ${name} (${Date.now() - t0} ms)`);
  } catch (e) {
    failed++;
    console.log(`FAIL ${name}\n     ${String(e && e.stack || e).split('\n').slice(0, 12).join('\n     ')}`);
  }
}
function check(ok, message) { if (!ok) throw new Error(message); }

// Before any page script: keep each blob the page makes a download of (导出 Excel).
const INIT = `(function () {
  var make = URL.createObjectURL;
  window.__blobs = [];
  URL.createObjectURL = function (b) { window.__blobs.push(b); return make.apply(URL, arguments); };
  HTMLAnchorElement.prototype.click = function () {}; // no download dialog, no navigation
})();`;

// ---------- in the page ----------
function state() {
  const a = document.querySelector('#nb-app');
  return { app: a ? a.getAttribute('data-state') : null, blocked: document.querySelector('.nb-blocked') ? document.querySelector('.nb-blocked').textContent : null };
}

function results() {
  const all = (s) => Array.prototype.slice.call(document.querySelectorAll(s));
  const text = (el) => el.textContent.replace(/\s+/g, ' ').trim();
  return {
    summary: text(document.querySelector('#nb-summary')),
    meta: all('#nb-meta dd').map(text),
    findings: all('#nb-findings li[data-severity]').map(text),
    cells: all('#nb-tables button.nb-cell').map(text),
    unread: all('#nb-tables .nb-missing-mark').length,
    classes: document.querySelector('#nb-app').className,
    mode: document.querySelector('#nb-app').getAttribute('data-mode'), // worker or main thread
  };
}

/** Each group's neighbours: on one line ('row', with the horizontal distance) or one below
 *  the other ('below', with the vertical distance). An item is a selector, or {text: selector}
 *  for the box of the words an element holds (a label's words beside its checkbox). */
function measure(groups) {
  function box(item) {
    let el, r;
    if (typeof item === 'string') {
      el = document.querySelector(item);
      if (!el || !el.getClientRects().length) return null;
      r = el.getBoundingClientRect();
    } else {
      el = document.querySelector(item.text);
      if (!el) return null;
      const range = document.createRange();
      const t = Array.prototype.filter.call(el.childNodes, (n) => n.nodeType === 3 && n.data.trim())[0];
      range.selectNodeContents(t);
      r = range.getBoundingClientRect();
    }
    return { l: r.left, r: r.right, t: r.top, b: r.bottom };
  }
  const out = {};
  for (const name of Object.keys(groups)) {
    const boxes = groups[name].map(box);
    if (boxes.some((b) => !b)) { out[name] = null; continue; }
    out[name] = [];
    for (let i = 1; i < boxes.length; i++) {
      const a = boxes[i - 1], b = boxes[i];
      const row = a.t < b.b && b.t < a.b; // overlapping vertically: the same line
      out[name].push({
        pair: [groups[name][i - 1], groups[name][i]].map((x) => typeof x === 'string' ? x : x.text + ' 文字').join(' → '),
        rel: row ? 'row' : 'below',
        gap: Math.round((row ? b.l - a.r : b.t - a.b) * 10) / 10,
      });
    }
  }
  return out;
}

const META = [1, 2, 3, 4].reduce((l, i) => l.concat([`#nb-meta > div:nth-child(${i}) dt`, `#nb-meta > div:nth-child(${i}) dd`]), []);
const LABEL = (i) => `.nb-filter label:nth-of-type(${i})`;
const GROUPS = {
  results: {
    '标题与说明': ['.nb-title', '.nb-lead'],
    '工具栏按钮': ['#nb-open', '#nb-new', '#nb-sample', '#nb-clear'],
    '类型/模板/年度/机关': META,
    '显示 错误/警告/提示': ['.nb-filter legend', '#nb-show-error', { text: LABEL(1) }, '#nb-show-warning', { text: LABEL(2) },
      '#nb-show-info', { text: LABEL(3) }],
    '错误/警告/提示与导出按钮': [{ text: LABEL(3) }, '#nb-copy'],
    '导出按钮': ['#nb-copy', '#nb-csv', '#nb-print', '#nb-sheet-one', '#nb-xlsx'],
    '导出按钮之下': ['#nb-copy', '#nb-findings-h'],
  },
  notice: { '提示条': ['#nb-notice-text', '#nb-notice-close'] },
  list: { '列表按钮': ['#nb-sheet-all', '#nb-xlsx-all', '#nb-remove', '#nb-remove-all'] },
  dismiss: { '忽略表单': ['.nb-dismiss-form label', '.nb-dismiss-form button[type=submit]', '.nb-dismiss-form button[type=button]'] },
};

// ---------- one kernel, one mode ----------
async function session(exe, env, url) {
  const b = await Browser.launch(exe, { env });
  try {
    const p = await b.page();
    await p.init({ width: 1366, height: 768 });
    await p.onNewDocument(INIT);
    await p.goto(url);
    return { b, p };
  } catch (e) { b.kill(); throw e; }
}

async function waitIdle(p) {
  return p.waitFor(() => {
    const a = document.querySelector('#nb-app');
    const s = a && a.getAttribute('data-state');
    return s && s !== 'loading' && s !== 'checking' && s !== 'pending' ? s : null;
  }, undefined, { what: 'the checker to be idle' });
}

/** Everything the test compares, from one kernel in one mode. */
/** `force`: where the pre-check refuses, mount the checker all the same (what a clerk would get
 *  without the pre-check), and stop after the results and the Excel file. */
async function run(exe, env, url, shot, force) {
  const { b, p } = await session(exe, env, url);
  try {
    const got = { version: b.version };
    await p.waitFor(() => document.querySelector('.nb-blocked') || document.querySelector('#nb-app'), undefined, { what: 'the checker or the 浏览器版本过旧 box' });
    const s = await p.ev(state);
    if (s.blocked) {
      if (shot) await p.screenshot(shot, 340);
      if (!force) return Object.assign(got, { blocked: s.blocked, errors: p.errors });
      got.blocked = s.blocked;
      await p.ev(() => {
        const root = document.querySelector('#nb-root');
        root.removeChild(root.querySelector('.nb-blocked'));
        NB.problem = null;
        NB.mount(root, { base: '' });
      });
    }
    const idle = await waitIdle(p);
    check(idle !== 'failed', 'the checker did not start: ' + await p.ev(() => document.querySelector('#nb-status').textContent));
    if (NOFALLBACK) await p.ev(() => { document.querySelector('#nb-app').className = 'nb'; });
    // the sample as a clerk pastes it: focused textarea, the text inserted as by the keyboard
    await p.ev(() => { const t = document.querySelector('#nb-input'); t.focus(); t.select(); });
    try { await p.send('Input.insertText', { text: SAMPLE }); }
    catch (e) { await p.ev((t) => { const a = document.querySelector('#nb-input'); a.value = t; a.dispatchEvent(new Event('input')); }, SAMPLE); }
    await p.waitFor(() => document.querySelector('#nb-app').getAttribute('data-state') === 'done', undefined, { what: 'the check of the sample' });
    got.results = await p.ev(results);
    got.layout = await p.ev(measure, GROUPS.results);
    if (shot && !force) await p.screenshot(shot, 340);
    // 导出 Excel: the blob handed to the download
    await p.ev(() => { window.__blobs = []; document.querySelector('#nb-xlsx').click(); });
    await p.waitFor(() => window.__blobs.length > 0, undefined, { what: 'the Excel file', timeout: 30000 });
    got.xlsx = await p.ev(() => new Promise((resolve) => {
      const blob = window.__blobs[0], r = new FileReader();
      r.onload = () => { const u = new Uint8Array(r.result); resolve({ size: blob.size, head: String.fromCharCode(u[0], u[1]) }); };
      r.readAsArrayBuffer(blob);
    }));
    if (force) return Object.assign(got, { errors: p.errors });
    await p.waitFor(() => !document.querySelector('#nb-notice').hidden, undefined, { what: 'the notice' });
    Object.assign(got.layout, await p.ev(measure, GROUPS.notice));
    // a second report: the list and its buttons
    await p.ev(() => document.querySelector('#nb-new').click());
    await p.waitFor(() => !document.querySelector('#nb-batch').hidden, undefined, { what: 'the list of reports' });
    Object.assign(got.layout, await p.ev(measure, GROUPS.list));
    // back to the sample; 忽略 on its first finding opens the form
    await p.ev(() => document.querySelector('#nb-list tbody tr .nb-doc').click());
    await p.waitFor(() => document.querySelector('#nb-findings [data-dismiss]'), undefined, { what: 'a 忽略 button' });
    await p.ev(() => document.querySelector('#nb-findings [data-dismiss]').click());
    await p.waitFor(() => document.querySelector('.nb-dismiss-form'), undefined, { what: 'the 忽略 form' });
    Object.assign(got.layout, await p.ev(measure, GROUPS.dismiss));
    // the same on a phone, where the lines wrap
    await p.viewport(390, 844);
    got.narrow = await p.ev(measure, Object.assign({}, GROUPS.results, GROUPS.list, GROUPS.dismiss));
    // 打开文件: a PDF and a .docx, read by the file module; each a row of the list
    const doc = await p.send('DOM.getDocument');
    const input = await p.send('DOM.querySelector', { nodeId: doc.root.nodeId, selector: '#nb-file' });
    await p.send('DOM.setFileInputFiles', { nodeId: input.nodeId, files: FILES });
    await p.waitFor((n) => document.querySelectorAll('#nb-list tbody tr').length >= n &&
      document.querySelector('#nb-app').getAttribute('data-state') === 'done', 2 + FILES.length, { what: 'the files opened', timeout: 60000 });
    got.list = await p.ev(() => Array.prototype.map.call(document.querySelectorAll('#nb-list tbody tr'),
      (tr) => Array.prototype.map.call(tr.children, (c) => c.textContent.replace(/\s+/g, ' ').trim()).join(' ')));
    got.errors = p.errors;
    return got;
  } finally {
    b.kill();
  }
}

function compareLayout(old, today) {
  const bad = [];
  for (const name of Object.keys(today)) {
    if (!today[name]) throw new Error(`today's Chromium: ${name} not found on the page`);
    if (!old[name]) { bad.push(`${name}: not found`); continue; }
    today[name].forEach((t, i) => {
      const o = old[name][i];
      if (o.gap <= 0) bad.push(`${name}: ${o.pair} touch or overlap (${o.rel}, ${o.gap} px)`);
      else if (o.rel !== t.rel) bad.push(`${name}: ${o.pair} ${o.rel} ${o.gap} px, today ${t.rel} ${t.gap} px`);
      else if (Math.abs(o.gap - t.gap) > TOLERANCE) bad.push(`${name}: ${o.pair} ${o.gap} px apart, today ${t.gap} px`);
    });
  }
  return bad;
}

function table(layout, today) {
  const lines = [];
  for (const name of Object.keys(today)) {
    (layout[name] || []).forEach((o, i) => {
      const t = today[name][i];
      lines.push(`       ${name}: ${o.pair}: ${o.rel} ${o.gap} px (today ${t.rel} ${t.gap} px)`);
    });
  }
  return lines.join('\n');
}

(async () => {
  const majors = pick(process.argv.slice(2));
  const kernels = majors.map(kernel);
  fs.mkdirSync(OUT, { recursive: true });
  const { server, origin } = await start();
  const MODES = [
    { name: 'http', url: origin + '/www/index.html' },
    { name: 'file', url: 'file://' + path.join(ROOT, 'dist/nianbao.html') },
  ];
  try {
    for (const mode of MODES) {
      let today;
      await test(`today's Chromium, ${mode.name}: the sample is checked`, async () => {
        today = await run(TODAY, {}, mode.url, mode.name === 'http' && path.join(OUT, 'today.png'));
        check(!today.blocked, 'refused: ' + today.blocked);
        check(today.results.cells.length > 50 && today.results.findings.length > 0, 'few cells or no findings: ' + JSON.stringify(today.results).slice(0, 300));
        check(!/nb-nogap|nb-nofsflex/.test(today.results.classes), 'layout fallbacks applied today: ' + today.results.classes);
        check(today.list.length === 2 + FILES.length, 'the list: ' + JSON.stringify(today.list));
        console.log(`     ${today.version}; ${today.results.cells.length} cells, ${today.results.findings.length} findings, Excel ${today.xlsx.size} bytes`);
        console.log(`     the list: ${today.list.join(' | ')}`);
      });
      if (!today) continue;
      for (const k of kernels) {
        if (STALE.has(k.major)) {
          await test(`Chromium ${k.major}, ${mode.name}: memory views go stale, so the 浏览器版本过旧 box`, async () => {
            const got = await run(k.exe, k.env, mode.url, mode.name === 'http' && path.join(OUT, `${k.major}.png`), true);
            check(got.version.indexOf('/' + k.major + '.') > 0, 'not the kernel expected: ' + got.version);
            check(got.blocked && got.blocked.indexOf('浏览器版本过旧') >= 0, 'no 浏览器版本过旧 box: ' + JSON.stringify(got).slice(0, 400));
            // the refusal is still needed: mounted all the same, the checker reads nothing right
            const r = got.results;
            console.log(`     ${got.version}; mounted anyway: ${r.unread} of ${r.cells.length} cells 未读出 (today ${today.results.unread}), ` +
              `findings ${JSON.stringify(r.findings.slice(0, 2))}, Excel ${got.xlsx.size} bytes`);
            check(r.unread > today.results.unread || JSON.stringify(r.findings) !== JSON.stringify(today.results.findings),
              'mounted anyway, the checker gives what today\'s Chromium gives: is the refusal still needed?');
          });
          continue;
        }
        await test(`Chromium ${k.major}, ${mode.name}: results and layout as in today's Chromium`, async () => {
          const got = await run(k.exe, k.env, mode.url, mode.name === 'http' && path.join(OUT, `${k.major}${NOFALLBACK ? '-nofallback' : ''}.png`));
          check(got.version.indexOf('/' + k.major + '.') > 0, 'not the kernel expected: ' + got.version);
          check(!got.blocked, 'refused: ' + got.blocked);
          check(got.errors.length === 0, 'script errors: ' + got.errors.join('; '));
          const r = got.results, t = today.results;
          check(r.mode === t.mode, `the checker runs in ${r.mode}, today in ${t.mode}`);
          check(r.summary === t.summary, `summary: ${r.summary} / today ${t.summary}`);
          check(JSON.stringify(r.meta) === JSON.stringify(t.meta), `类型/模板/年度/机关: ${r.meta} / today ${t.meta}`);
          check(r.unread === t.unread, `${r.unread} cells 未读出, today ${t.unread}`);
          check(JSON.stringify(r.cells) === JSON.stringify(t.cells), `cells differ: ${r.cells.length} (${r.cells.slice(0, 8)}) / today ${t.cells.length} (${t.cells.slice(0, 8)})`);
          check(JSON.stringify(r.findings) === JSON.stringify(t.findings), `findings differ: ${JSON.stringify(r.findings.slice(0, 2))} / today ${JSON.stringify(t.findings.slice(0, 2))}`);
          check(got.xlsx.size > 1000 && got.xlsx.head === 'PK' && Math.abs(got.xlsx.size - today.xlsx.size) < 64, `Excel: ${JSON.stringify(got.xlsx)}, today ${JSON.stringify(today.xlsx)}`);
          check(JSON.stringify(got.list) === JSON.stringify(today.list), `the list after opening a PDF and a .docx: ${JSON.stringify(got.list)} / today ${JSON.stringify(today.list)}`);
          const bad = compareLayout(got.layout, today.layout)
            .concat(compareLayout(got.narrow, today.narrow).map((x) => '390 px: ' + x));
          console.log(`     ${got.version} (${got.results.classes}); ${r.cells.length} cells, ${r.findings.length} findings, Excel ${got.xlsx.size} bytes`);
          if (process.env.NB_KERNELS_VERBOSE || bad.length) {
            console.log(table(got.layout, today.layout));
            console.log('     at 390 px:\n' + table(got.narrow, today.narrow));
          }
          check(!bad.length, 'layout:\n' + bad.join('\n'));
        });
      }
    }
  } finally {
    server.close();
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
})().catch((e) => { console.error(e); process.exit(1); });
