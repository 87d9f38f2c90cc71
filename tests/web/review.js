// Browser tests for reviewers (issue 8): many reports in the list, the generated 2021/2022 pair
// and its carry-over finding, a dismissal that survives a reload and reaches every export, the
// 审核意见单 in print, and the .xlsx read back with openpyxl (tests/web/read_xlsx.py).
'use strict';
const fs = require('fs');
const path = require('path');
const assert = require('assert/strict');
const { execFileSync } = require('child_process');

const ROOT = path.resolve(__dirname, '../..');
const PAIR = ['某某县办2021.txt', '某某县办2022.txt'].map((n) => path.join(ROOT, 'tests/fixtures/crossyear', n));
const SHORT_TEMPLATE = { '2008': '2008 年版', '2019': '2019 年版', '2021': '2021 年版' };
const REASON = '结转数已与业务台账核对，上年报告有误';

function counts(report) {
  const c = { error: 0, warning: 0, info: 0 };
  report.findings.forEach((f) => c[f.severity]++);
  return c;
}

/** The list as shown: one object per row, by file name. */
function readList(T) {
  return T.ev(() => {
    const rows = window.__nbRoot().querySelectorAll('#nb-list tbody tr');
    const out = {};
    Array.prototype.forEach.call(rows, (tr) => {
      const t = (k) => tr.querySelector('.nb-l-' + k).textContent;
      out[t('name')] = {
        agency: t('agency'), year: t('year'), template: t('template'), error: t('error'),
        warning: t('warning'), info: t('info'), dismissed: t('dismissed'), prev: t('prev'), current: tr.classList.contains('nb-current'),
        read: t('read'), status: t('status'), attention: tr.querySelector('.nb-l-status').classList.contains('nb-l-attention'),
      };
    });
    return out;
  });
}

async function openDoc(T, name) {
  await T.$(`#nb-list button.nb-doc:text-is("${name}")`).click();
  await T.waitDone();
}

/** The findings of the report shown, open and dismissed. */
function readFindings(T) {
  return T.ev(() => {
    const r = window.__nbRoot();
    const item = (li) => ({
      f: +li.querySelector('button[data-f]').dataset.f, code: li.querySelector('.nb-code').textContent,
      message: li.querySelector('.nb-msg').textContent, cross: !!li.querySelector('.nb-tag'),
      reason: li.querySelector('.nb-reason') ? li.querySelector('.nb-reason').textContent : null,
    });
    return {
      open: Array.prototype.map.call(r.querySelectorAll('#nb-findings li[data-severity]'), item),
      dismissed: Array.prototype.map.call(r.querySelectorAll('#nb-dismissed li'), item),
      summary: r.querySelector('#nb-summary').textContent,
    };
  });
}

async function download(T, selector) {
  const [d] = await Promise.all([T.page.waitForEvent('download'), T.$(selector).click()]);
  return { name: d.suggestedFilename(), bytes: fs.readFileSync(await d.path()), path: await d.path() };
}

module.exports = async function reviewTests(T, { test, cli, files, ruleTitle }) {
  const name = T.spec.name;
  const all = files.concat(PAIR);
  const later = path.basename(PAIR[1]), earlier = path.basename(PAIR[0]);

  await test(`${name}: many files opened at once: the list shows each one's agency, year, template and counts as the CLI`, async () => {
    await T.fill('');
    if (await T.$('#nb-remove-all').isVisible()) await T.$('#nb-remove-all').click();
    await T.waitDone();
    assert.equal(await T.ev(() => window.NB.xlsxIn || null), null, 'the Excel module is not instantiated before export');
    await T.$('#nb-file').setInputFiles(all.map((f) => ({ name: path.basename(f), mimeType: 'text/plain', buffer: fs.readFileSync(f) })));
    await T.frame.waitForFunction((n) => window.__nbRoot().querySelectorAll('#nb-list tbody tr').length === n, all.length);
    await T.waitDone();
    const list = await readList(T);
    assert.equal(Object.keys(list).length, all.length);
    for (const f of all) {
      const report = cli(fs.readFileSync(f, 'utf8'));
      const c = counts(report);
      if (path.basename(f) === later) c.warning += 2; // the carry-over, in 自然人 and in 总计
      const row = list[path.basename(f)];
      assert.deepEqual(row && { agency: row.agency, year: row.year, template: row.template, error: +row.error, warning: +row.warning, info: +row.info }, {
        agency: report.agency || '未识别', year: report.year ? String(report.year) : '',
        template: SHORT_TEMPLATE[report.template] || '未识别', ...c,
      }, path.basename(f));
    }
    assert.equal(list[later].prev, earlier, 'paired by agency and year');
    assert.equal(list[earlier].prev, '');
    // 读出: the cells read of the cells the template's tables have, as the CLI's --summary
    for (const f of all) {
      const cov = cli(fs.readFileSync(f, 'utf8')).coverage;
      const want = cov.length ? cov.reduce((a, c) => a + c.read, 0) + '/' + cov.reduce((a, c) => a + c.expected, 0) : '';
      assert.equal(list[path.basename(f)].read, want, path.basename(f) + ' 读出');
    }
  });

  await test(`${name}: the list tells a clean result from 未完整读出, 未识别模板 and 不是年度报告`, async () => {
    const real = path.join(ROOT, 'tests/fixtures/real');
    const full = fs.readFileSync(path.join(real, '2022_pingtan_zonghe_shiyanqu.web.txt'), 'utf8');
    const odd = [
      ['表格不全.txt', full.slice(0, full.indexOf('（五）不予处理')), '未完整读出'],
      ['没有统计表.txt', fs.readFileSync(path.join(real, '2013_pingtan_dishui.web.txt'), 'utf8'), '未识别模板'],
      ['一封信.txt', '关于报送2023年政府信息公开工作年度报告的通知\n各乡镇人民政府、县直各单位：\n请于2024年1月31日前报送本单位2023年政府信息公开工作年度报告。\n特此通知。\n', '不是年度报告'],
    ];
    await T.$('#nb-file').setInputFiles(odd.map(([n, t]) => ({ name: n, mimeType: 'text/plain', buffer: Buffer.from(t) })));
    await T.frame.waitForFunction((n) => window.__nbRoot().querySelectorAll('#nb-list tbody tr').length === n, all.length + odd.length);
    await T.waitDone();
    const list = await readList(T);
    for (const [n, t, status] of odd) {
      const r = cli(t);
      assert.equal(list[n].status, status, n + ': ' + JSON.stringify({ kind: r.kind, template: r.template, coverage: r.coverage }));
      assert.equal(list[n].attention, true, n + ' is marked');
    }
    // the CLI's --summary says the same in its 状态 column
    const dir = fs.mkdtempSync(path.join(require('os').tmpdir(), 'nb-status-'));
    for (const [n, t] of odd) fs.writeFileSync(path.join(dir, n), t);
    const csv = execFileSync(path.join(ROOT, 'target/release/nianbao'), ['check', '--summary', '--format', 'csv', dir]).toString();
    fs.rmSync(dir, { recursive: true, force: true });
    const cliStatus = new Map(csv.replace(/^\uFEFF/, '').trim().split(/\r?\n/).slice(1)
      .map((l) => l.split(',')).map((f) => [path.basename(f[0]), f[8]]));
    for (const [n] of odd) assert.equal(cliStatus.get(n), list[n].status, n + ': the CLI --summary status');
    const clean = Object.keys(list).filter((n) => list[n].status === '已检查');
    assert.ok(clean.length > 0 && clean.every((n) => !list[n].attention), 'a clean result is not marked');
    assert.match(await T.ev(() => window.__nbRoot().querySelector('#nb-batch-summary').textContent), /\d+ 份未完整检查（见“状态”列）/);
    // back to the list the next tests expect
    for (const [n] of odd) {
      await openDoc(T, n);
      await T.$('#nb-remove').click();
      await T.waitDone();
    }
    assert.equal(Object.keys(await readList(T)).length, all.length);
  });

  await test(`${name}: the list sorts by a column (errors, descending on the second click)`, async () => {
    const order = () => T.ev(() => Array.prototype.map.call(window.__nbRoot().querySelectorAll('#nb-list tbody tr .nb-l-error'), (td) => +td.textContent));
    await T.$('#nb-list button[data-sort="error"]').click();
    const up = await order();
    assert.deepEqual(up, up.slice().sort((a, b) => a - b));
    await T.$('#nb-list button[data-sort="error"]').click();
    const down = await order();
    assert.deepEqual(down, up.slice().sort((a, b) => b - a));
    assert.equal(await T.ev(() => window.__nbRoot().querySelector('#nb-list th[aria-sort="descending"]').textContent), '错误 ▼');
  });

  await test(`${name}: the later report of the pair shows the carry-over finding; pairing can be changed`, async () => {
    await openDoc(T, later);
    const text = fs.readFileSync(PAIR[1], 'utf8');
    const own = cli(text).findings.length;
    let shown = await readFindings(T);
    const cross = shown.open.filter((f) => f.cross);
    assert.deepEqual(cross.map((f) => [f.f, f.code]), [[own, 'carryover-mismatch'], [own + 1, 'carryover-mismatch']]);
    assert.match(cross[0].message, /自然人.*2021 年度报告的“四、结转下年度继续办理”为/);
    const marked = await T.ev(() => Array.prototype.filter.call(window.__nbRoot().querySelectorAll('#nb-tables button.nb-cell[data-flag="warning"]'),
      (b) => /上年结转/.test(b.closest('tr').querySelector('th').textContent)).length);
    assert.equal(marked, 2, 'the 上年结转 cells of 自然人 and 总计 are marked');
    await T.$('#nb-pair').selectOption('none');
    await T.waitDone();
    shown = await readFindings(T);
    assert.equal(shown.open.filter((f) => f.cross).length, 0, '不对比');
    const prevId = await T.ev((n) => window.NB.app.docs.filter((d) => d.name === n)[0].id, earlier);
    await T.$('#nb-pair').selectOption(prevId);
    await T.waitDone();
    shown = await readFindings(T);
    assert.equal(shown.open.filter((f) => f.cross).length, 2, 'chosen by hand');
    await T.$('#nb-pair').selectOption('auto');
    await T.waitDone();
  });

  await test(`${name}: a finding dismissed with a reason is greyed in its own group, counted apart, and kept after a reload`, async () => {
    await openDoc(T, later);
    const before = await readFindings(T);
    const listed = (await readList(T))[later];
    const target = before.open.find((f) => f.cross);
    await T.$(`#nb-findings button[data-dismiss="${target.f}"]`).click();
    const input = T.$('#nb-findings .nb-dismiss-form input');
    assert.equal(await T.ev(() => window.__nbRoot().activeElement.classList.contains('nb-reason-input')), true, 'focus moves to the reason');
    await input.fill(REASON);
    await input.press('Enter');
    let shown = await readFindings(T);
    assert.deepEqual(shown.dismissed.map((f) => [f.f, f.code, f.reason]), [[target.f, target.code, '忽略原因：' + REASON]]);
    assert.equal(shown.open.length, before.open.length - 1);
    assert.match(shown.summary, /另有 1 个已忽略/);
    const row = (await readList(T))[later];
    assert.deepEqual([+row.warning, row.dismissed], [+listed.warning - 1, '1'], 'the list counts it apart');
    await T.load(() => T.page.reload());
    await T.waitDone();
    assert.equal(Object.keys(await readList(T)).length, all.length, 'every report is restored');
    assert.equal((await readList(T))[later].current, true, 'the report shown is restored');
    shown = await readFindings(T);
    assert.deepEqual(shown.dismissed.map((f) => [f.f, f.reason]), [[target.f, '忽略原因：' + REASON]]);
    // An edit elsewhere in the report keeps the dismissal.
    const text = await T.value();
    await T.fill(text.replace('本年度未收取信息处理费。', '本年度未收取任何信息处理费。'));
    shown = await readFindings(T);
    assert.deepEqual(shown.dismissed.map((f) => f.f), [target.f]);
  });

  await test(`${name}: the dismissal and its reason are in 复制结果, CSV, the dismissal file, and come back on import`, async () => {
    await openDoc(T, later);
    const plain = await T.ev(() => window.NB.toPlainText(window.NB.app.report, window.NB.app.reportText, window.NB.app.dismissed));
    const title = ruleTitle('carryover-mismatch');
    assert.match(plain, new RegExp('已忽略的问题：\\n\\d+\\. \\[警告\\] ' + title + '（carryover-mismatch） .*（忽略原因：' + REASON + '）'));
    const csv = (await download(T, '#nb-csv')).bytes.toString('utf8');
    // every row names the file, 机关 and 年度; the Chinese name first, the code last
    assert.match(csv, /^\uFEFF"文件","机关","年度","序号","严重程度","问题","位置","说明","应为","实为","忽略原因","代码"/);
    assert.match(csv, new RegExp('"' + later + '","某某县人民政府办公室","2022","\\d+","已忽略（警告）","' + title + '","表三 [^"]*","[^"]*","[^"]*","[^"]*","' + REASON + '","carryover-mismatch"'));
    await T.ev(() => { window.__nbRoot().querySelector('#nb-dismiss-io').open = true; });
    const saved = await download(T, '#nb-dismiss-export');
    assert.match(saved.name, /\.json$/);
    const json = JSON.parse(saved.bytes.toString('utf8'));
    assert.equal(json.format, 'nianbao-dismissals');
    assert.deepEqual(json.items.map((i) => [i.code, i.reason]), [['carryover-mismatch', REASON]]);
    await T.$('#nb-dismissed button[data-restore]').click();
    assert.equal((await readFindings(T)).dismissed.length, 0, '恢复');
    await T.$('#nb-dismiss-file').setInputFiles({ name: 'dismissed.json', mimeType: 'application/json', buffer: saved.bytes });
    await T.frame.waitForFunction(() => /已导入 1 条/.test(window.__nbRoot().querySelector('#nb-notice-text').textContent));
    assert.equal((await readFindings(T)).dismissed.length, 1, 'imported');
  });

  await test(`${name}: 打印审核意见单 prints one A4 sheet per report and a summary page, nothing else`, async () => {
    await T.ev(() => window.NB.app.buildSheets(window.NB.app.sortedDocs()));
    await T.page.emulateMedia({ media: 'print' });
    const s = await T.ev(() => {
      const r = window.__nbRoot();
      const shown = (e) => !!(e && e.getClientRects().length);
      const pages = Array.prototype.map.call(r.querySelectorAll('.nb-sheet-page'), (p) => p.textContent);
      // each column of a sheet's table: its header, width and how its first row's cell is aligned and wrapped
      const columns = (cls) => {
        const t = r.querySelector('.nb-sheet-page table.' + cls);
        const first = t.querySelector('tbody tr').children;
        return Array.prototype.map.call(t.querySelectorAll('thead th'), (th, i) => {
          const cs = getComputedStyle(first[i]);
          return { head: th.textContent, width: th.getBoundingClientRect().width, align: cs.textAlign, wrap: cs.whiteSpace !== 'nowrap' };
        });
      };
      return {
        pages, editor: shown(r.querySelector('#nb-input')), findings: shown(r.querySelector('#nb-findings')), sheet: shown(r.querySelector('.nb-sheet-page')),
        findingsColumns: columns('nb-sheet-findings'), listColumns: columns('nb-sheet-list'),
      };
    });
    await T.page.emulateMedia({ media: 'screen' });
    await T.ev(() => window.__nbRoot().querySelector('#nb-app').classList.remove('nb-print-sheet'));
    assert.deepEqual([s.editor, s.findings, s.sheet], [false, false, true]);
    assert.equal(s.pages.length, all.length + 1);
    assert.match(s.pages[0], /审核汇总/);
    const sheet = s.pages.slice(1).find((p) => p.includes(later));
    assert.match(sheet, /审核意见单/);
    assert.match(sheet, /某某县人民政府办公室/);
    // the cell named as a reviewer names it: table, row, column
    assert.ok(sheet.includes('表三 二、上年结转政府信息公开申请数量 · 总计'), sheet);
    assert.doesNotMatch(sheet, /第 \d+ 行/, 'no line numbers: a paste has none');
    assert.ok(sheet.includes(REASON), 'the dismissed finding with its reason');
    assert.match(sheet, /已忽略 1 个/);
    // the columns: 说明 the widest; words to the left, 应为/实为 and the counts to the right
    const col = (cols, head) => cols.find((c) => c.head === head);
    const f = s.findingsColumns;
    assert.equal(f.reduce((a, c) => (c.width > a.width ? c : a)).head, '说明', JSON.stringify(f));
    assert.deepEqual(f.map((c) => c.align), ['center', 'left', 'left', 'left', 'left', 'right', 'right'], JSON.stringify(f));
    const l = s.listColumns;
    assert.deepEqual(l.map((c) => c.align), ['left', 'left', 'left', 'left', 'left', 'right', 'right', 'right', 'right', 'right', 'left', 'left'], JSON.stringify(l));
    // a template, a count of cells and a status read as one word each, not broken over lines
    for (const head of ['模板', '读出', '状态']) assert.equal(col(l, head).wrap, false, head);
  });

  await test(`${name}: 导出 Excel loads the Excel module only now; the .xlsx has a summary row per report, highlighted cells and the findings`, async () => {
    const before = T.requests.filter((r) => /pkg-xlsx|xlsx-worker/.test(r.url)).length;
    assert.equal(before, 0, 'nothing of the Excel module was fetched before');
    const xlsx = await download(T, '#nb-xlsx-all');
    assert.match(xlsx.name, /\.xlsx$/);
    assert.equal(await T.ev(() => window.NB.xlsxIn), T.spec.worker ? 'worker' : 'main', 'instantiated now, in its worker where there is one');
    const book = JSON.parse(execFileSync('python3', [path.join(__dirname, 'read_xlsx.py'), xlsx.path]).toString());
    assert.equal(book.sheets[0], '汇总');
    assert.equal(book.rows['汇总'].length, all.length + 1, 'a header and one row per report');
    assert.equal(book.sheets.length, 2 + 3 * all.length, '汇总, then 表, 问题 and 表样 per report, then 全部问题');
    assert.equal(book.sheets[book.sheets.length - 1], '全部问题');
    const summary = book.rows['汇总'].find((r) => r[0] === later);
    assert.deepEqual([summary[1], summary[2], summary[8]], ['某某县人民政府办公室', 2022, 1]);
    // 读出 and 状态 as the list shows them, for every report
    const list = await readList(T);
    assert.deepEqual([book.rows['汇总'][0][4], book.rows['汇总'][0][9]], ['读出', '状态']);
    for (const r of book.rows['汇总'].slice(1)) assert.deepEqual([r[4], r[9]], [list[r[0]].read, list[r[0]].status], r[0]);
    const at = book.rows['汇总'].indexOf(summary);
    const [tableSheet, findingSheet, formSheet] = [book.sheets[3 * at - 2], book.sheets[3 * at - 1], book.sheets[3 * at]];
    const filled = book.filled[tableSheet];
    const rows = book.rows[tableSheet];
    const flagged = Object.keys(filled).map((ref) => rows[+ref.slice(1) - 1]);
    assert.ok(flagged.length >= 1 && flagged.every((r) => r[7] === 'apply.carried_in'), JSON.stringify(flagged));
    assert.ok(Object.values(filled).every((c) => /F8D7DA$/.test(c)));
    const found = book.rows[findingSheet].slice(1);
    // 序号, 严重程度, 问题, 说明, 位置, 应为, 实为, 忽略原因, 对比报告, 代码
    assert.ok(found.some((r) => r[1] === '已忽略' && r[9] === 'carryover-mismatch' && r[7] === REASON), JSON.stringify(found));
    assert.ok(found.some((r) => r[1] === '警告' && r[9] === 'carryover-mismatch'), 'the other one stays open');
    // In every table sheet, the value cell (E) is highlighted exactly in the rows that name a finding.
    let highlighted = 0;
    for (let i = 1; i < 1 + 3 * all.length; i += 3) {
      const sheet = book.sheets[i];
      const want = book.rows[sheet].map((r, k) => (k > 0 && r[6] ? 'E' + (k + 1) : null)).filter(Boolean);
      assert.deepEqual(Object.keys(book.filled[sheet]).sort(), want.sort(), sheet);
      highlighted += want.length;
    }
    assert.ok(highlighted > 2, 'corpus reports have highlighted cells too');
    // 表样: the 2021-format tables as the form draws them, the same cells highlighted
    assert.match(formSheet, /表样$/);
    const form = book.rows[formSheet];
    const rowOf = (label) => form.findIndex((r) => r[0] === label) + 1;
    for (const g of ['三、本年度办理结果', '（三）不予公开', '（四）无法提供', '（五）不予处理', '（六）其他处理']) {
      assert.ok(book.merged[formSheet].includes(`A${rowOf(g)}:H${rowOf(g)}`), `${g} spans the value columns: ${book.merged[formSheet]}`);
    }
    assert.equal(rowOf('1.本机关不掌握相关政府信息'), rowOf('（四）无法提供') + 1);
    const indent = book.indent[formSheet];
    assert.deepEqual([indent['A' + rowOf('（一）予以公开')], indent['A' + rowOf('1.本机关不掌握相关政府信息')]], [2, 4], 'sub-items indented under their group');
    assert.equal(indent['A' + rowOf('一、本年新收政府信息公开申请数量')], undefined);
    const head = form.findIndex((r) => r.includes('申请人情况')) + 1;
    assert.ok(book.merged[formSheet].includes(`B${head}:H${head}`) && book.merged[formSheet].includes(`C${head + 1}:G${head + 1}`), 'header levels merged');
    // (headers and group rows are shaded too, in their own colours)
    const lit = Object.keys(book.filled[formSheet]).filter((ref) => /F8D7DA$/.test(book.filled[formSheet][ref]))
      .map((ref) => form[+ref.replace(/^[A-Z]+/, '') - 1][0]);
    assert.deepEqual(lit, flagged.map(() => '二、上年结转政府信息公开申请数量'), 'the form lights the cells the list lights');
  });

  await test(`${name}: cleaning up: dismissal restored, list cleared`, async () => {
    await openDoc(T, later);
    await T.$('#nb-dismissed button[data-restore]').click();
    await T.$('#nb-remove-all').click();
    await T.waitDone();
    assert.equal(await T.$('#nb-batch').isVisible(), false);
    await T.$('#nb-undo').click();
    await T.waitDone();
    assert.equal(Object.keys(await readList(T)).length, all.length, '撤销 brings the list back');
    await T.$('#nb-remove-all').click();
    await T.waitDone();
    assert.equal(await T.value(), '');
  });
};
