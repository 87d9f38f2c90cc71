// PDF, Word .docx and saved web pages opened in the page (the file reader, www/pkg-files, loaded
// only then): the text shown and every cell and finding equal `nianbao check --json` for the same
// file; unreadable files say what the CLI says and the others are still checked; a batch of 100
// mixed files fills the list while the page keeps answering keys.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const assert = require('assert/strict');
const { spawnSync } = require('child_process');

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'target/release/nianbao');
const DOCX = path.join(ROOT, 'tests/fixtures/docx');
const BAD = path.join(ROOT, 'tests/fixtures/files');

function run(args) {
  const r = spawnSync(CLI, args, { maxBuffer: 1 << 28 });
  // 1: findings at --fail-on; 2: some file could not be checked — both still print the result
  assert.ok(r.status === 0 || r.status === 2, `nianbao ${args.join(' ')}: ${r.stderr}`);
  return r.stdout.toString();
}

const cliCache = new Map();
function cliFile(file) {
  if (!cliCache.has(file)) cliCache.set(file, JSON.parse(run(['check', '--json', file])));
  return cliCache.get(file);
}

function csvRow(line) {
  const out = [];
  let cur = '', quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted && ch === '"' && line[i + 1] === '"') { cur += '"'; i++; } else if (ch === '"') quoted = !quoted;
    else if (ch === ',' && !quoted) { out.push(cur); cur = ''; } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** `--summary --format csv` by file name: {errors, warnings, infos, status, checked}. A file the
 *  CLI checked has its counts, whatever its status (已检查, 未完整读出, 未识别模板…); one it could
 *  not check has none, and the reason as its status. */
function cliSummary(files) {
  const lines = run(['check', '--summary', '--format', 'csv', ...files]).replace(/^\uFEFF/, '').trim().split(/\r?\n/).slice(1);
  const out = new Map();
  for (const f of lines.map(csvRow)) out.set(path.basename(f[0]), { errors: f[4], warnings: f[5], infos: f[6], status: f[8], checked: f[4] !== '' });
  return out;
}

/** The reports the page reads through the file reader: the real pages (PDF and web page) and
 *  the Word fixtures. */
function documents(corpus) {
  const real = path.join(corpus, 'real/src');
  const list = fs.existsSync(real) ? fs.readdirSync(real).filter((f) => /\.(pdf|html)$/.test(f)).sort().map((f) => path.join(real, f)) : [];
  return list.concat(fs.readdirSync(DOCX).filter((f) => f.endsWith('.docx')).sort().map((f) => path.join(DOCX, f)));
}

/** Files the reader refuses, each with the reason the CLI gives: a scan, an encrypted PDF, an
 *  old Word file, a broken zip. */
function unreadable(dir) {
  const files = [path.join(BAD, 'scan.pdf'), path.join(BAD, 'encrypted.pdf')];
  const doc = path.join(dir, '旧版.doc');
  fs.writeFileSync(doc, Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(504)]));
  const zip = path.join(dir, '损坏.docx');
  fs.writeFileSync(zip, Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.from('不是压缩包'.repeat(40))]));
  return files.concat([doc, zip]);
}

/** One empty report, nothing remembered. */
async function fresh(T) {
  await T.ev(() => localStorage.clear());
  await T.load(() => T.page.reload());
}

async function noticeText(T) {
  return T.ev(() => window.__nbRoot().querySelector('#nb-notice-text').textContent);
}

/** Opens one file in the one report the page holds and waits for its check. */
async function openOne(T, file) {
  const name = path.basename(file);
  await T.$('#nb-file').setInputFiles(file);
  await T.frame.waitForFunction((n) => window.__nbRoot().querySelector('#nb-notice-text').textContent.includes('“' + n + '”'), name, { timeout: 30000 });
  await T.waitDone();
}

/** A 2008 table read exactly has two value columns, the year's and 历年累计; the drawn 2008 form
 *  (src/schema/layout.rs) has one column, so the page lists those cells under 其他读出的单元格. */
function yearColumn(report) {
  return (c) => report.template === '2008' && /^(\d{4}年度|历年累计)$/.test(c.column || '');
}

async function sameAsCli(T, file, h) {
  const report = cliFile(file);
  await openOne(T, file);
  const text = await T.value();
  assert.equal(text, report.text, 'the editor shows the document\'s text');
  h.assertSameAsCli(await T.read(), report, text, yearColumn(report));
  return report;
}

async function documentTests(T, h, corpus) {
  const all = documents(corpus);
  // every document where the reader runs in a worker and on the main thread; one of each kind elsewhere
  const files = T.spec.name === 'http' || T.spec.name === 'file' ? all
    : ['.pdf', '.html', '.docx'].map((e) => all.find((f) => f.endsWith(e))).filter(Boolean);
  await h.test(`${T.spec.name}: the file reader is not loaded before a document is opened`, async () => {
    assert.equal(await T.ev(() => window.NB.filesIn || null), null);
    assert.equal(T.requests.filter((r) => /pkg-files|files-worker/.test(r.url)).length, 0);
    // one report, so that each file opened replaces its text
    await fresh(T);
  });
  for (const f of files) {
    await h.test(`${T.spec.name}: ${path.basename(f)} opened equals \`nianbao check --json\``, async () => {
      const report = await sameAsCli(T, f, h);
      if (f === files[0]) {
        // served without worker.js the checker runs on the main thread, the reader still in its worker
        assert.equal(await T.ev(() => window.NB.filesIn), T.spec.file ? 'main' : 'worker', 'the reader runs in its worker where there is one');
        await h.clickAndCheckSelections(T, report);
      }
    });
  }
  await h.test(`${T.spec.name}: a scan, an encrypted PDF, a .doc and a broken zip say what the CLI says; the report beside them is checked`, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nb-bad-'));
    const bad = unreadable(dir), good = files[0], summary = cliSummary(bad);
    await T.$('#nb-file').setInputFiles(bad.concat([good]));
    await T.frame.waitForFunction((n) => window.__nbRoot().querySelector('#nb-notice-text').textContent.includes(n), path.basename(good), { timeout: 30000 });
    await T.waitDone();
    const notice = await noticeText(T);
    for (const f of bad) {
      const s = summary.get(path.basename(f));
      assert.ok(!s.checked && s.status !== '已检查', f);
      assert.ok(notice.includes('“' + path.basename(f) + '”：' + s.status.replace(/。$/, '') + '。'), `${f}: ${s.status} in ${notice}`);
    }
    assert.equal(await T.value(), cliFile(good).text, 'the readable file is shown and checked');
    h.assertSameAsCli(await T.read(), cliFile(good), cliFile(good).text, yearColumn(cliFile(good)));
    fs.rmSync(dir, { recursive: true, force: true });
  });
}

/** The single file copied alone into an empty folder (issue 21: one file means one file): from
 *  file:// it opens a PDF and a .docx as the CLI reads them and exports Excel, with the reader
 *  and the Excel module it carries inside, decoded only then. */
async function aloneTest(h) {
  await h.test('file: nianbao.html alone in an empty folder opens a PDF and a .docx and exports Excel', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nb-alone-'));
    fs.copyFileSync(path.join(ROOT, 'dist/nianbao.html'), path.join(dir, 'nianbao.html'));
    assert.deepEqual(fs.readdirSync(dir), ['nianbao.html']);
    const ctx = await h.launch();
    const errors = [];
    try {
      const page = ctx.pages()[0];
      page.on('pageerror', (e) => errors.push(e.message));
      const requests = [];
      ctx.on('request', (r) => requests.push(r.url()));
      await page.goto('file://' + path.join(dir, 'nianbao.html'));
      await page.waitForFunction(() => document.querySelector('#nb-app') && document.querySelector('#nb-app').dataset.state === 'done');
      assert.deepEqual(await page.evaluate(() => [window.NB.filesIn || null, window.NB.xlsxIn || null, typeof nb_files, typeof nb_xlsx]),
        [null, null, 'undefined', 'undefined'], 'nothing of the reader or the Excel module is decoded before it is used');
      const status = [];
      await page.exposeFunction('__status', (s) => status.push(s));
      await page.evaluate(() => new MutationObserver(() => window.__status(document.querySelector('#nb-status').textContent))
        .observe(document.querySelector('#nb-status'), { childList: true, characterData: true, subtree: true }));
      const pdf = path.join(ROOT, 'tests/fixtures/real/2024_pingtan_zonghe_shiyanqu.pdf');
      const docx = path.join(DOCX, '2022_pingtan_zonghe_shiyanqu.docx');
      for (const f of [pdf, docx]) {
        await page.locator('#nb-file').setInputFiles(f);
        await page.waitForFunction((n) => document.querySelector('#nb-notice-text').textContent.includes('已打开“' + n + '”'), path.basename(f), { timeout: 30000 });
        await page.waitForFunction(() => document.querySelector('#nb-app').dataset.state === 'done');
        const report = cliFile(f);
        assert.equal(await page.locator('#nb-input').inputValue(), report.text, path.basename(f) + ': the text the CLI reads');
        const n = await page.evaluate(() => window.NB.app.report.cells.length);
        assert.equal(n, report.cells.length, path.basename(f) + ': cells read');
        assert.ok(status.some((s) => s.includes('正在读取“' + path.basename(f) + '”')), 'the status line says the file is being read: ' + status.join(' | '));
      }
      assert.equal(await page.evaluate(() => window.NB.filesIn), 'main');
      const [d] = await Promise.all([page.waitForEvent('download'), page.locator('#nb-xlsx').click()]);
      assert.match(d.suggestedFilename(), /\.xlsx$/);
      const book = JSON.parse(require('child_process').execFileSync('python3', [path.join(__dirname, 'read_xlsx.py'), await d.path()]).toString());
      assert.equal(book.sheets[0], '汇总');
      assert.equal(book.rows['汇总'][1][0], path.basename(docx));
      assert.equal(await page.evaluate(() => window.NB.xlsxIn), 'main');
      assert.deepEqual(requests.filter((u) => !u.startsWith('file://' + path.join(dir, 'nianbao.html')) && !/^(data|blob):/.test(u)), [], 'nothing read from beside the file');
      assert.deepEqual(errors, []);
      const t = await page.evaluate(() => [window.NB.timing.inflate_files, window.NB.timing.inflate_xlsx]);
      console.log(`     decoded on first use: file reader ${Math.round(t[0])} ms, Excel module ${Math.round(t[1])} ms`);
    } finally {
      await ctx.close();
      fs.rmSync(ctx.dir, { recursive: true, force: true });
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
}

/** 100 files: the corpus texts, the documents and the unreadable ones, copied under numbered
 *  names until there are 100. */
function batchFiles(dir, corpusTexts, docs) {
  const kinds = corpusTexts.concat(docs, unreadable(dir));
  const out = [];
  for (let i = 0; out.length < 100; i++) {
    const src = kinds[i % kinds.length];
    const dst = path.join(dir, String(i).padStart(3, '0') + '_' + path.basename(src));
    fs.copyFileSync(src, dst);
    out.push(dst);
  }
  return out;
}

/** Installed in the page: every key's delay (handled time minus the event's own time) and the
 *  progress lines shown. */
function recorder() {
  const r = window.__nbRoot();
  const rec = window.__rec = { keys: [], progress: [] };
  window.addEventListener('keydown', (e) => { if (e.key === 'Shift') rec.keys.push(performance.now() - e.timeStamp); }, true);
  new MutationObserver(() => rec.progress.push(r.querySelector('#nb-status').textContent))
    .observe(r.querySelector('#nb-status'), { childList: true, characterData: true, subtree: true });
}

/** Every file the CLI checked is in the page's list with the CLI's counts; every other one is
 *  named in the notice with the CLI's reason. */
async function sameAsSummary(T, files, summary) {
  const good = files.filter((f) => summary.get(path.basename(f)).checked);
  const shown = await T.ev(() => window.NB.app.docs.filter((d) => d.text).map((d) => {
    const c = { error: 0, warning: 0, info: 0 };
    d.report.findings.forEach((f) => c[f.severity]++);
    return { name: d.name, c: c };
  }));
  const names = new Set(shown.map((d) => d.name)), want = new Set(good.map((f) => path.basename(f)));
  assert.deepEqual([...names].filter((n) => !want.has(n)), [], 'listed, though the CLI could not check them');
  assert.deepEqual([...want].filter((n) => !names.has(n)), [], 'checked by the CLI, not listed');
  for (const d of shown) {
    const s = summary.get(d.name);
    assert.deepEqual([String(d.c.error), String(d.c.warning), String(d.c.info)], [s.errors, s.warnings, s.infos], d.name);
  }
  const notice = await noticeText(T);
  for (const f of files.filter((x) => !good.includes(x))) {
    const why = summary.get(path.basename(f)).status.replace(/。$/, '');
    assert.ok(notice.includes('“' + path.basename(f) + '”：' + why + '。'), `${path.basename(f)}: ${why}`);
  }
}

/** tests/files.rs's damaged files (the same seed and damage): bytes overwritten, cut short, a
 *  stretch replaced. pdf-extract panics on many of the PDFs; the CLI catches that, the wasm
 *  traps, and the page must give the same message and go on with a fresh instance. */
function damagedFiles(dir) {
  const F = path.join(ROOT, 'tests/fixtures');
  const sources = ['real/2024_pingtan_zonghe_shiyanqu.pdf', 'docx-pdf/2022_pingtan_zonghe_shiyanqu.pdf',
    'docx/2023_pingtan_zonghe_shiyanqu.docx', 'real/2020_pingtan_zonghe_shiyanqu.html'].map((f) => path.join(F, f));
  const M = (1n << 64n) - 1n;
  let seed = 0x006e69616e62616fn;
  const next = (n) => {
    seed = (seed * 6364136223846793005n + 1442695040888963407n) & M;
    return Number((seed >> 33n) % BigInt(Math.max(n, 1)));
  };
  const out = [];
  for (let i = 0; i < 96; i++) {
    const src = sources[i % sources.length];
    let b = Buffer.from(fs.readFileSync(src));
    const how = Math.floor(i / sources.length) % 3;
    if (how === 0) for (let k = 0; k < 20; k++) { const p = next(b.length); b[p] = next(256); }
    else if (how === 1) b = b.subarray(0, next(b.length));
    else {
      const p = next(b.length), q = Math.min(p + next(2000), b.length);
      for (let k = p; k < q; k++) b[k] = next(256);
    }
    out.push(path.join(dir, String(i).padStart(3, '0') + path.extname(src)));
    fs.writeFileSync(out[i], b);
  }
  return out;
}

async function damagedTest(T, h) {
  await h.test(`${T.spec.name}: 96 damaged files: each checked or refused as the CLI does, traps included`, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nb-damaged-'));
    try {
      const files = damagedFiles(dir), summary = cliSummary(files);
      const caught = files.filter((f) => /结构特殊/.test(summary.get(path.basename(f)).status));
      assert.ok(caught.length > 0, 'some PDFs make the reader panic');
      await fresh(T);
      const mark = T.requests.length;
      await T.$('#nb-file').setInputFiles(files);
      await T.frame.waitForFunction(() => /^已打开|”：/.test(window.__nbRoot().querySelector('#nb-notice-text').textContent), null, { timeout: 120000 });
      await T.waitDone();
      await sameAsSummary(T, files, summary);
      const loads = T.requests.slice(mark).filter((r) => /\/(files-worker\.js|nianbao_files\.js)$/.test(r.url)).map((r) => r.url);
      const instances = await T.ev(() => window.NB.instances.files);
      console.log(`     ${caught.length} PDFs on which the reader panics; ${instances - 1} instances replaced`);
      assert.equal(instances, 1 + caught.length, 'each trap replaced the reader once');
      // one instance loads a worker and its glue (http); the single file runs the glue it carries
      if (T.spec.name === 'http') assert.equal(loads.length, 2 * (1 + caught.length), loads.join(' '));
      else assert.deepEqual(loads, [], 'nothing loaded from beside the single file');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
      await fresh(T);
    }
  });
}

async function batchTest(T, h, corpusTexts, corpus) {
  await h.test(`${T.spec.name}: 100 mixed files at once: the list fills, progress shows, keys are answered within 100 ms, counts equal --summary`, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nb-batch-'));
    try {
      await batch(T, batchFiles(dir, corpusTexts, documents(corpus)));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
      // the tests after this one start from one report
      await fresh(T);
    }
  });
}

/** Presses Shift every 40 ms until every readable file is checked; returns the keys sent. */
async function pressUntilDone(T, readable) {
  const t0 = Date.now();
  let sent = 0;
  const finished = () => T.ev((n) => {
    const app = window.NB.app;
    return app.docs.length >= n && app.docs.every((d) => d.checkedRev === d.rev) && !app.busy;
  }, readable);
  while (!(await finished())) {
    assert.ok(Date.now() - t0 < 240000, 'the batch finishes');
    await T.page.keyboard.press('Shift');
    sent++;
    await T.page.waitForTimeout(40);
  }
  return { sent, ms: Date.now() - t0 };
}

async function batch(T, files) {
  const summary = cliSummary(files);
  const good = files.filter((f) => summary.get(path.basename(f)).checked);
  // from one empty report, so that the list is the batch
  await fresh(T);
  await T.ev(recorder);
  await T.ev(() => document.activeElement && document.activeElement.blur());
  await T.$('#nb-file').setInputFiles(files);
  const { sent, ms } = await pressUntilDone(T, good.length);
  await T.waitDone();
  const rec = await T.ev(() => window.__rec);
  const rows = await T.ev(() => window.__nbRoot().querySelectorAll('#nb-list tbody tr').length);
  assert.equal(rows, good.length, 'one row per readable file');
  const reading = rec.progress.filter((s) => /^正在读取文件…（\d+ \/ 100 份）$/.test(s));
  const checking = rec.progress.map((s) => /^正在检查…（(\d+) \/ (\d+) 份已完成）$/.exec(s)).filter(Boolean);
  assert.ok(reading.length > 0, 'the reading is counted: ' + rec.progress.slice(0, 5));
  assert.ok(checking.some((m) => +m[1] > 0 && +m[1] < +m[2] && +m[2] === good.length), 'the checking is counted');
  assert.equal(rec.keys.length, sent, 'every key pressed during the work was handled');
  const worst = Math.max.apply(null, rec.keys);
  assert.ok(worst < 100, `a key waited ${Math.round(worst)} ms`);
  await sameAsSummary(T, files, summary);
  console.log(`     ${files.length} files (${good.length} readable) in ${ms} ms; ${sent} keys, the slowest answered in ${Math.round(worst)} ms`);
}

module.exports = { documentTests, aloneTest, batchTest, damagedTest };
