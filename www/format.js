/* 年报校验: words, counts and small helpers shared by the page's files. Plain ES2017 (no ?.
   or ??, no object spread) so that Chromium 69 kernels (360/QQ 极速模式) can run it. */
(function () {
  'use strict';
  var NB = window.NB = window.NB || {};

  var SEV = { error: '错误', warning: '警告', info: '提示' };
  var MARK = { error: '✖', warning: '⚠', info: 'ℹ' };
  var RANK = { error: 3, warning: 2, info: 1 };
  var TEMPLATE = {
    '2008': '2008 年版（2008—2018 年度报告）',
    '2019': '2019 年版（2019、2020 年度报告）',
    '2021': '2021 年版（2021 年度起）'
  };
  var MODE = { worker: '后台线程', main: '页面主线程' };
  var GRID_CAPTION = {
    '自然人': '收到和处理政府信息公开申请情况',
    '行政复议-结果维持': '政府信息公开行政复议、行政诉讼情况'
  };

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  function lineOf(text, offset) {
    var n = 1;
    for (var i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) n++;
    return n;
  }

  /* Empty spans (a blank cell) overlap what touches them. */
  function overlaps(a, b) {
    if (a.start === a.end || b.start === b.end) return a.start <= b.end && b.start <= a.end;
    return a.start < b.end && b.start < a.end;
  }

  /* Counts by severity of the findings not dismissed (`dismissed`: index -> reason). */
  function counts(findings, dismissed) {
    var c = { error: 0, warning: 0, info: 0, dismissed: 0 };
    findings.forEach(function (f, i) {
      if (dismissed && i in dismissed) c.dismissed++; else c[f.severity]++;
    });
    return c;
  }
  NB.counts = counts;

  /* `表三 142/175、表四 0/15` for the tables not read in full, else ''. */
  NB.incomplete = function (coverage) {
    return (coverage || []).filter(function (t) { return t.read < t.expected; })
      .map(function (t) { return t.table + ' ' + t.read + '/' + t.expected; }).join('、');
  };

  /* Never 未发现问题 while a table was not read in full: nothing found in cells not read. */
  NB.summaryText = function (findings, dismissed, coverage) {
    var c = counts(findings, dismissed);
    var tally = c.error + ' 个错误、' + c.warning + ' 个警告、' + c.info + ' 个提示';
    var open = findings.length - c.dismissed;
    var missing = NB.incomplete(coverage);
    var text = missing ? '表格未完整读出（读出/应有：' + missing + '），' + (open ? '发现 ' + tally + '。' : '已读出的部分未发现问题。')
      : open ? '发现 ' + tally + '。' : '未发现问题（' + tally + '）。';
    return c.dismissed ? text + '另有 ' + c.dismissed + ' 个已忽略。' : text;
  };

  /* Cells with a column form grids; a new grid starts at a row whose first column is not
     already in the grid above (table 二's blocks, then table 三, then table 四). */
  function gridsOf(cells) {
    var grids = [], grid = null, rows = {};
    cells.forEach(function (c, i) {
      if (c.column === null) return;
      var key = c.indicator + '\u0000' + c.label;
      var row = rows[key];
      if (!row) {
        if (!grid || grid.columns.indexOf(c.column) < 0) {
          grid = { columns: [], rows: [] };
          rows = {};
          grids.push(grid);
        }
        row = rows[key] = { label: c.label, unit: c.unit, cols: {} };
        grid.rows.push(row);
      }
      if (grid.columns.indexOf(c.column) < 0) grid.columns.push(c.column);
      row.cols[c.column] = i;
    });
    return grids;
  }

  function kindText(r) { return r.kind === 'annual-report' ? '政府信息公开工作年度报告' : '不是年度报告'; }
  function templateText(r) { return r.template ? TEMPLATE[r.template] : '未识别'; }

  /* Decodes a text file: UTF-16 by its BOM, else strict UTF-8, else GB18030 (Windows exports). */
  NB.decode = function (bytes) {
    var u8 = new Uint8Array(bytes);
    if (u8[0] === 0xff && u8[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(u8), encoding: 'UTF-16' };
    if (u8[0] === 0xfe && u8[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(u8), encoding: 'UTF-16' };
    try {
      return { text: new TextDecoder('utf-8', { fatal: true }).decode(u8), encoding: 'UTF-8' };
    } catch (e) {
      return { text: new TextDecoder('gb18030').decode(u8), encoding: 'GB18030（GBK）' };
    }
  };

  NB.el = el;
  NB.lineOf = lineOf;
  NB.overlaps = overlaps;
  NB.SEV = SEV;
  NB.MARK = MARK;
  NB.RANK = RANK;
  NB.TEMPLATE = TEMPLATE;
  NB.MODE = MODE;
  NB.GRID_CAPTION = GRID_CAPTION;
  NB.gridsOfCells = gridsOf;
  NB.kindText = kindText;
  NB.templateText = templateText;
})();
