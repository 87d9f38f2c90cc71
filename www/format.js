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

  /* The tables not read in full (coverage entries). */
  NB.unread = function (coverage) {
    return (coverage || []).filter(function (t) { return t.read < t.expected; });
  };

  function bare(s) { return String(s || '').replace(/[。；，\s]+$/, ''); }

  /* Why a table was not read in full: the reader's words (c.reason) where it gives them, else
     the rows it could not read. */
  NB.unreadReason = function (c) {
    if (c.reason) return bare(c.reason);
    var rows = (c.missing || []).slice(0, 3).map(function (l) { return '“' + l + '”'; }).join('、');
    var more = (c.missing || []).length > 3 ? '等 ' + c.missing.length + ' 行' : '';
    return rows ? '没能按模板读出 ' + rows + more + '（项目名称与模板不同、数字连在一起或表格排版特殊）'
      : '没能按模板读出全部单元格';
  };

  /* What to do: the reader's advice (c.advice), else what fits where the text came from
     (`source`: 'paste', 'table-paste' (with the clipboard's tables), 'pdf', 'docx', 'html', 'txt'). */
  NB.unreadAdvice = function (c, source) {
    if (c.advice) return bare(c.advice);
    if (source === 'pdf' || source === 'docx' || source === 'html') {
      return '对照原文件核对未读出的行；项目名称写法与模板不同的，改为模板的写法';
    }
    if (source === 'table-paste') return '打开 PDF/Word 原文件检查（可准确读表）';
    return '打开 PDF/Word 原文件检查（可准确读表），或从 Word 或网页复制（可保留表格）';
  };

  NB.unreadText = function (c, source) {
    return c.table + '读出 ' + c.read + '/' + c.expected + ' 个单元格。原因：' + NB.unreadReason(c) +
      '。怎么办：' + NB.unreadAdvice(c, source) + '。';
  };

  /* `154/175`: the cells read of the cells the template's tables have, or '' (no table). */
  NB.readCount = function (coverage) {
    var read = 0, all = 0;
    (coverage || []).forEach(function (c) { read += c.read; all += c.expected; });
    return all ? read + '/' + all : '';
  };

  /* What a check amounts to, in one word for the list: only 已检查 means every cell was read
     and checked; the others are not clean results, whatever the counts say. */
  NB.statusOf = function (r) {
    if (!r) return '';
    if (r.kind !== 'annual-report') return '不是年度报告';
    if (!r.template) return '未识别模板';
    if (!r.cells.length) return '未找到统计表';
    if (r.cells.every(function (c) { return c.valueKind === 'blank'; })) return '空白（未填写）';
    if (NB.unread(r.coverage).length) return '未完整读出';
    return '已检查';
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

  /* ---------- what a finding is called and where it is, in a clerk's words ---------- */

  var TITLES = {};
  /* The Chinese name of each rule, from the checker's own rule list: its `title` where the wasm
     gives one, else the words its documentation opens with (「合计与分项之和不符：…」). */
  NB.setRules = function (rules) {
    TITLES = {};
    (rules || []).forEach(function (r) { TITLES[r.code] = r.title || r.name || docTitle(r.doc); });
  };
  function docTitle(doc) {
    var first = String(doc || '').trim().split('\n')[0];
    var at = first.indexOf('：');
    return at > 0 && at <= 20 ? first.slice(0, at) : '';
  }
  /* A finding's name: the checker's own (f.title), else its rule's, else its code. */
  NB.titleOf = function (f) { return f.title || TITLES[f.code] || f.code; };

  /* Findings about a whole table, not a cell: they name the table and select it. */
  var TABLE_CODES = { 'table-incomplete': true };
  NB.aboutTable = function (f) { return !!TABLE_CODES[f.code]; };
  /* The coverage entry (and so the drawn table) a table-level finding is about, or null. */
  NB.tableOf = function (report, f) {
    if (!report || !TABLE_CODES[f.code]) return null;
    var cov = report.coverage || [];
    for (var i = 0; i < cov.length; i++) {
      var name = cov[i].table;
      if (f.where === name || (f.where && f.where.indexOf(name) === 0) || f.message.indexOf(name) === 0) return cov[i];
    }
    var open = cov.filter(function (c) { return c.read < c.expected; });
    return open.length === 1 ? open[0] : null;
  };

  /* The reported words at a span, as a person finds them in the report: 「…」, at most
     QUOTE characters, never cut inside a run of digits or Latin letters. */
  var QUOTE = 20;
  NB.quoteAt = function (text, span) {
    var s = span.start, e = span.end;
    if (e - s < 4) { s = Math.max(0, s - 6); e = Math.min(text.length, e + 6); }
    var q = text.slice(s, Math.min(e, s + QUOTE * 3)).replace(/\s+/g, ' ').trim();
    if (q.length > QUOTE) {
      var cut = QUOTE;
      while (cut < q.length && /[0-9A-Za-z.%]/.test(q.charAt(cut)) && /[0-9A-Za-z.%]/.test(q.charAt(cut - 1))) cut++;
      q = q.slice(0, cut) + '…';
    }
    return q ? '「' + q + '」' : '';
  };

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
