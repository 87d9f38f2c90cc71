// The 读出的统计表 drawn as the official forms (issue 15): a 2021 report (the sample), a 2019
// one (tests/fixtures/web/national-2019.txt, written by tests/web_national.rs) and a 2008 one
// (seed 001). Group rows with their labels spanning the values, every sub-item under its group
// (indented, and its cells headed by the group), header levels as the template prints them,
// template cells the report lacks marked 未读出; findings light up every cell they involve.
'use strict';
const fs = require('fs');
const path = require('path');
const assert = require('assert/strict');

const ROOT = path.resolve(__dirname, '../..');
const read = (rel) => fs.readFileSync(path.join(ROOT, rel), 'utf8');
const SAMPLE = read('www/sample.txt');
const R2019 = read('tests/fixtures/web/national-2019.txt');
const R2008 = read('tests/fixtures/seeds/001_c2e2148ac72f28cc.txt');
// A report copied out of Chromium's PDF viewer (PDFium, CRLF line ends) whose prose names 规章
// figures before the table (「新增公开区政府规章 1 件、……政策性文件 11 件，公开政策解读 21 个」);
// its table prints 规章 0 0 0.
const PROSE_FIRST = read('tests/fixtures/web/prose_rules_before_table.pdfium.txt');
const APPLICANTS = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'];
const NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';

const heads = (t) => t.rows.filter((r) => r.kind === 'head').map((r) => r.cells);
const groups = (t) => t.rows.filter((r) => r.kind === 'group').map((r) => [r.label, r.depth, r.cells[0][1]]);
const row = (t, label) => {
  const found = t.rows.filter((r) => r.label === label);
  assert.equal(found.length, 1, `one row ${label} in ${t.name}`);
  return found[0];
};

/* Each listed row sits under the group named (the nearest group row above it one level up),
   and its cells are headed by that group. */
function assertUnder(t, group, items) {
  for (const label of items) {
    const at = t.rows.findIndex((r) => r.label === label);
    const r = t.rows[at];
    const parent = t.rows.slice(0, at).reverse().find((x) => x.label && x.depth < r.depth);
    assert.equal(parent.label, group, `${label} under ${group}`);
    assert.equal(r.depth, parent.depth + 1, `${label} indented one level under ${group}`);
    assert.ok(r.headers.includes(group) && r.headers.includes(label), `${label}'s cells headed by ${group}: ${r.headers}`);
  }
}

/* Every template row the layout draws: a read cell where the CLI has one, 未读出 where not. */
async function assertMissingMarked(T, report) {
  const layouts = await T.ev(() => window.NB.app.engine.layouts);
  const tables = await T.readTables();
  const has = new Set(report.cells.map((c) => c.indicator + '/' + (c.column || '')));
  let items = 0;
  layouts[report.template].forEach((lt, n) => {
    lt.blocks.forEach((b) => {
      b.rows.filter((r) => r.kind === 'item').forEach((r) => {
        const shown = tables[n].rows.filter((x) => x.indicator === r.indicator && x.kind === 'item');
        assert.equal(shown.length, 1, `${lt.name} ${r.label} drawn once`);
        const read = b.columns.filter((c) => has.has(r.indicator + '/' + (c || ''))).length;
        assert.deepEqual([shown[0].read, shown[0].missing], [read, b.columns.length - read], `${lt.name} ${r.label}: read / 未读出`);
        items++;
      });
    });
  });
  assert.ok(items > 0);
}

async function show(T, text) {
  await T.fill(text);
  return T.readTables();
}

module.exports = async function structureTests(T, { test, cli }) {
  await test(`${T.spec.name}: 2021 report drawn as the official tables 二, 三, 四`, async () => {
    const t = await show(T, SAMPLE);
    assert.deepEqual(t.map((x) => x.name), ['表二', '表三', '表四']);
    const [two, three, four] = t;
    assert.match(three.caption, /表三\s*三、收到和处理政府信息公开申请情况/);
    assert.deepEqual(heads(three), [
      [[NOTE, 1, 3], ['申请人情况', 7, 1]],
      [['自然人', 1, 2], ['法人或其他组织', 5, 1], ['总计', 1, 2]],
      APPLICANTS.slice(1, 6).map((a) => [a, 1, 1]),
    ]);
    assert.deepEqual(groups(three), [
      ['三、本年度办理结果', 0, 8], ['（三）不予公开', 1, 8], ['（四）无法提供', 1, 8],
      ['（五）不予处理', 1, 8], ['（六）其他处理', 1, 8],
    ]);
    assertUnder(three, '三、本年度办理结果', ['（一）予以公开', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '（七）总计']);
    assertUnder(three, '（三）不予公开', ['1.属于国家秘密', '3.危及“三安全一稳定”', '8.属于行政查询事项']);
    assertUnder(three, '（四）无法提供', ['1.本机关不掌握相关政府信息', '3.补正后申请内容仍不明确']);
    assertUnder(three, '（五）不予处理', ['1.信访举报投诉类申请', '5.要求行政机关确认或重新出具已获取信息']);
    assertUnder(three, '（六）其他处理', ['1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', '3.其他']);
    assert.equal(row(three, '一、本年新收政府信息公开申请数量').depth, 0);
    const r = row(three, '1.属于国家秘密');
    assert.equal(r.read, 7);
    assert.deepEqual(r.headers, ['三、本年度办理结果', '（三）不予公开', '1.属于国家秘密', '申请人情况', '自然人']);
    assert.deepEqual(heads(four), [
      [['项目', 1, 3], ['行政复议', 5, 1], ['行政诉讼', 10, 1]],
      ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'].map((h) => [h, 1, 2])
        .concat([['未经复议直接起诉', 5, 1], ['复议后起诉', 5, 1]]),
      [].concat(...[0, 1].map(() => ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'].map((h) => [h, 1, 1]))),
    ]);
    const titles = two.rows.filter((x) => x.kind === 'title').map((x) => x.cells[0][0]);
    assert.deepEqual(titles, ['第二十条第（一）项', '第二十条第（五）项', '第二十条第（六）项', '第二十条第（八）项']);
    assert.deepEqual(heads(two).map((h) => h.map((c) => c[0])), [
      ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'], ['信息内容', '本年处理决定数量'],
      ['信息内容', '本年处理决定数量'], ['信息内容', '本年收费金额（单位：万元）'],
    ]);
    assert.equal(heads(two)[1][1][1], 3, 'a one-value block spans the three value columns');
    assert.ok(row(two, '行政规范性文件').headers.includes('第二十条第（一）项'));
    await assertMissingMarked(T, cli(SAMPLE));
  });

  await test(`${T.spec.name}: a row missing from the paste is drawn 未读出, not blank`, async () => {
    const text = SAMPLE.replace(/^2\.重复申请\t.*\n/m, '');
    assert.notEqual(text, SAMPLE);
    const three = (await show(T, text))[1];
    const r = row(three, '2.重复申请');
    assert.deepEqual([r.read, r.missing], [0, 7]);
    await assertMissingMarked(T, cli(text));
  });

  await test(`${T.spec.name}: a report whose prose names 规章 figures before its table shows the table's own figures`, async () => {
    const t = await show(T, PROSE_FIRST);
    const two = t.find((x) => x.name === '表二');
    const rules = row(two, '规章');
    assert.deepEqual(rules.cells.slice(1).map((c) => c[0]), ['0', '0', '0'], JSON.stringify(rules.cells));
    // the cell points at the table, not at the sentence
    const report = cli(PROSE_FIRST);
    const cell = report.cells.find((c) => c.indicator === 'disclose.rules');
    const prose = PROSE_FIRST.indexOf('区政府规章 1 件');
    assert.ok(cell.span.start > prose + 100, `规章 read at ${cell.span.start}, the prose is at ${prose}`);
  });

  await test(`${T.spec.name}: 2019 report: table 二's five blocks, （六）其他处理 one row with figures`, async () => {
    const t = await show(T, R2019);
    assert.deepEqual(t.map((x) => x.name), ['表二', '表三', '表四']);
    const titles = t[0].rows.filter((x) => x.kind === 'title').map((x) => x.cells[0][0]);
    assert.deepEqual(titles, ['第二十条第（一）项', '第二十条第（五）项', '第二十条第（六）项', '第二十条第（八）项', '第二十条第（九）项']);
    assert.deepEqual(heads(t[0])[1].map((c) => c[0]), ['信息内容', '上一年项目数量', '本年增/减', '处理决定数量']);
    assert.deepEqual(groups(t[1]).map((g) => g[0]), ['三、本年度办理结果', '（三）不予公开', '（四）无法提供', '（五）不予处理']);
    const other = row(t[1], '（六）其他处理');
    assert.deepEqual([other.kind, other.depth, other.read], ['item', 1, 7]);
    assertUnder(t[1], '（四）无法提供', ['1.本机关不掌握相关政府信息']);
    assert.equal(heads(t[1]).length, 3);
    await assertMissingMarked(T, cli(R2019));
  });

  await test(`${T.spec.name}: 2008 统计表 with its nine sections and 其中 rows indented`, async () => {
    const t = await show(T, R2008);
    assert.deepEqual(t.map((x) => x.name), ['统计表']);
    const top = t[0].rows.filter((r) => r.depth === 0).map((r) => r.label);
    assert.deepEqual(top, ['一、主动公开情况', '二、回应解读情况', '三、依申请公开情况', '四、行政复议数量', '五、行政诉讼数量',
      '六、举报投诉数量', '七、依申请公开信息收取的费用', '八、机构建设和保障经费情况', '九、政府信息公开会议和培训情况']);
    assert.deepEqual(heads(t[0]), [[['统计指标', 1, 1], ['单位', 1, 1], ['统计数', 1, 1]]]);
    assert.deepEqual(groups(t[0]).filter((g) => g[1] === 0).map((g) => g[2]), [3, 3, 3, 3, 3], 'sections span label, unit and value');
    assertUnder(t[0], '4.不同意公开答复数', ['其中：涉及国家秘密', '涉及商业秘密', '法律法规规定的其他情形']);
    assertUnder(t[0], '（三）申请答复数', ['1.属于已主动公开范围数', '8.告知通过其他途径办理数']);
    assertUnder(t[0], '四、行政复议数量', ['（二）被依法纠错数']);
    assertUnder(t[0], '1.参加或举办新闻发布会总次数', ['其中：主要负责同志参加新闻发布会次数']);
    await assertMissingMarked(T, cli(R2008));
  });

  await test(`${T.spec.name}: a finding lights up every cell it involves; Enter on a cell selects its text`, async () => {
    await show(T, SAMPLE);
    const report = cli(SAMPLE);
    const i = report.findings.findIndex((f) => f.code === 'sum-mismatch' && f.spans.length > 1);
    assert.ok(i >= 0, 'the sample has a wrong total with related cells');
    const f = report.findings[i];
    await T.$(`#nb-findings button[data-f="${i}"]`).click();
    const lit = await T.ev(() => Array.prototype.map.call(window.__nbRoot().querySelectorAll('#nb-tables button.nb-cell[data-hl]'),
      (b) => [+b.dataset.c, b.dataset.hl]));
    const inside = (s, c) => s.start <= c.span.start && c.span.end <= s.end;
    const over = (a, b) => (a.start === a.end || b.start === b.end ? a.start <= b.end && b.start <= a.end : a.start < b.end && b.start < a.end);
    const want = [];
    report.cells.forEach((c, k) => {
      if (over(f.spans[0], c.span)) want.push([k, 'culprit']);
      else if (f.spans.slice(1).some((s) => inside(s, c))) want.push([k, 'related']);
    });
    assert.ok(want.some((w) => w[1] === 'culprit') && want.some((w) => w[1] === 'related'), JSON.stringify(want));
    assert.deepEqual(lit, want);
    // keyboard: focus a cell, Enter selects its text in the report
    const k = report.cells.findIndex((c) => c.indicator === 'unable.not_held' && c.column === '自然人');
    await T.$(`#nb-tables button[data-c="${k}"]`).focus();
    await T.page.keyboard.press('Enter');
    assert.deepEqual(await T.selection(), { start: report.cells[k].span.start, end: report.cells[k].span.end, focused: true });
  });
};
