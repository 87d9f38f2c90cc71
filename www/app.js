/* 年报校验: the page. Plain ES2017 (no ?. or ??, no object spread) so that Chromium 69
   kernels (360/QQ 极速模式) can run it. Text from the report only ever reaches the page
   through textContent, never as HTML. */
(function () {
  'use strict';
  var NB = window.NB = window.NB || {};

  var STORE_KEY = 'nianbao:v1:input';
  var DEBOUNCE_MS = 150;
  var MAX_FILE_BYTES = 8 * 1024 * 1024;
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

  NB.timing = { start: performance.now() };

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

  function counts(findings) {
    var c = { error: 0, warning: 0, info: 0 };
    findings.forEach(function (f) { c[f.severity]++; });
    return c;
  }

  NB.summaryText = function (findings) {
    var c = counts(findings);
    var tally = c.error + ' 个错误、' + c.warning + ' 个警告、' + c.info + ' 个提示';
    return findings.length ? '发现 ' + tally + '。' : '未发现问题（' + tally + '）。';
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

  function csvField(v) {
    var s = v === null || v === undefined ? '' : String(v);
    // Spreadsheets run a cell starting with = + - @ as a formula.
    if (/^[=+\-@\t\r]/.test(s)) s = "'" + s;
    return '"' + s.replace(/"/g, '""') + '"';
  }

  NB.toCsv = function (report, text) {
    var lines = [['序号', '严重程度', '代码', '行', '说明'].map(csvField).join(',')];
    report.findings.forEach(function (f, i) {
      var at = f.spans.length ? lineOf(text, f.spans[0].start) : '';
      lines.push([i + 1, SEV[f.severity], f.code, at, f.message].map(csvField).join(','));
    });
    lines.push('');
    lines.push(['指标', '项目', '栏目', '单位', '数值', '原文'].map(csvField).join(','));
    report.cells.forEach(function (c) {
      lines.push([c.indicator, c.label, c.column, c.unit, c.value, c.raw].map(csvField).join(','));
    });
    return '\uFEFF' + lines.join('\r\n') + '\r\n';
  };

  NB.toPlainText = function (report, text) {
    var out = ['年报校验结果', NB.summaryText(report.findings)];
    out.push('类型：' + kindText(report) + '；模板：' + templateText(report) + '；年度：' +
      (report.year || '未识别') + '；机关：' + (report.agency || '未识别'));
    out.push('');
    report.findings.forEach(function (f, i) {
      var at = f.spans.length ? '第 ' + lineOf(text, f.spans[0].start) + ' 行 ' : '';
      out.push((i + 1) + '. [' + SEV[f.severity] + '] ' + f.code + ' ' + at + f.message);
    });
    if (report.cells.length) {
      out.push('', '读出的统计表：');
      report.cells.forEach(function (c) {
        out.push([c.label, c.column || '', c.unit || '', c.raw].join('\t'));
      });
    }
    return out.join('\n') + '\n';
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

  function App(container, opts) {
    this.c = container;
    this.base = opts.base || '';
    this.engine = null;
    this.seq = 0;
    this.timer = 0;
    this.tracked = null;
    this.lastText = '';
    this.report = null;
    this.reportText = '';
    this.undo = null;
    this.returnTo = null;
  }

  App.prototype.$ = function (id) { return this.c.querySelector('#' + id); };

  App.prototype.setState = function (s) { this.$('nb-app').setAttribute('data-state', s); };

  App.prototype.status = function (s) { this.$('nb-status').textContent = s; };

  App.prototype.notice = function (text, undoable) {
    this.$('nb-notice-text').textContent = text;
    this.$('nb-undo').hidden = !undoable;
    this.$('nb-notice').hidden = false;
  };

  App.prototype.start = function () {
    var self = this;
    this.c.innerHTML = NB.markup;
    this.ta = this.$('nb-input');
    this.bind();
    this.restore();
    NB.createEngine({ base: this.base }).then(function (engine) {
      self.engine = engine;
      NB.timing.ready = performance.now();
      self.$('nb-app').setAttribute('data-mode', engine.mode);
      self.$('nb-version').textContent = 'v' + engine.version;
      self.renderRules(engine.rules);
      self.status('检查程序已就绪（' + MODE[engine.mode] + '）。');
      self.setState('ready');
      self.runCheck();
    }, function (err) {
      self.setState('failed');
      self.$('nb-version').textContent = '（未加载）';
      self.status('检查程序无法启动：' + (err && err.message || err) + '。请刷新页面；如仍失败，请改用新版浏览器或离线版 nianbao.html。');
    });
  };

  App.prototype.bind = function () {
    var self = this, ta = this.ta;
    function on(id, ev, fn) { self.$(id).addEventListener(ev, fn.bind(self)); }
    ta.addEventListener('input', function () { self.textChanged(); });
    ta.addEventListener('paste', function (e) { self.paste(e); });
    ta.addEventListener('keydown', function (e) {
      if (e.key === 'Escape' && self.returnTo && self.c.contains(self.returnTo)) {
        e.preventDefault();
        self.returnTo.focus();
      }
    });
    on('nb-open', 'click', function () { this.$('nb-file').click(); });
    on('nb-file', 'change', function (e) {
      if (e.target.files && e.target.files[0]) this.openFile(e.target.files[0]);
      e.target.value = '';
    });
    on('nb-sample', 'click', function () {
      this.replaceText(typeof NB_SAMPLE === 'string' ? NB_SAMPLE : '', '已载入示例报告（虚构数据，含两处故意写错的合计）。');
    });
    on('nb-clear', 'click', function () { this.replaceText('', '已清空。'); });
    on('nb-undo', 'click', this.undoReplace);
    on('nb-notice-close', 'click', function () { this.$('nb-notice').hidden = true; });
    on('nb-findings', 'click', function (e) { this.activate(e.target.closest('button[data-f]')); });
    on('nb-tables', 'click', function (e) { this.activate(e.target.closest('button[data-c]')); });
    ['error', 'warning', 'info'].forEach(function (s) { on('nb-show-' + s, 'change', self.applyFilter); });
    on('nb-copy', 'click', this.copy);
    on('nb-csv', 'click', this.downloadCsv);
    on('nb-print', 'click', function () { window.print(); });
    var drop = this.$('nb-drop');
    drop.addEventListener('dragover', function (e) {
      if (e.dataTransfer && Array.prototype.indexOf.call(e.dataTransfer.types, 'Files') >= 0) {
        e.preventDefault();
        drop.classList.add('nb-dragging');
      }
    });
    drop.addEventListener('dragleave', function () { drop.classList.remove('nb-dragging'); });
    drop.addEventListener('drop', function (e) {
      drop.classList.remove('nb-dragging');
      var f = e.dataTransfer && e.dataTransfer.files && e.dataTransfer.files[0];
      if (f) { e.preventDefault(); self.openFile(f); }
    });
  };

  App.prototype.textChanged = function () {
    var text = this.ta.value;
    if (this.tracked) this.tracked = text ? NB.editTables(this.tracked, this.lastText, text) : null;
    if (this.tracked && !this.tracked.length) this.tracked = null;
    this.lastText = text;
    this.schedule();
  };

  App.prototype.schedule = function () {
    var self = this;
    this.setState('pending');
    clearTimeout(this.timer);
    this.timer = setTimeout(function () { self.runCheck(); }, DEBOUNCE_MS);
  };

  /* Text replaced as a whole (示例, 清空, a file): the old text stays one 撤销 away. */
  App.prototype.replaceText = function (text, message) {
    this.undo = { text: this.ta.value, tracked: this.tracked };
    this.ta.value = text;
    this.lastText = text;
    this.tracked = null;
    this.notice(message, true);
    clearTimeout(this.timer);
    this.runCheck();
  };

  App.prototype.undoReplace = function () {
    if (!this.undo) return;
    var u = this.undo;
    this.undo = null;
    this.ta.value = u.text;
    this.lastText = u.text;
    this.tracked = u.tracked;
    this.notice('已撤销，恢复了之前的内容。', false);
    this.runCheck();
    this.ta.focus();
  };

  App.prototype.openFile = function (file) {
    var self = this;
    if (file.size > MAX_FILE_BYTES) {
      this.notice('文件“' + file.name + '”太大（超过 8 MB），不像是年度报告的纯文本。', false);
      return;
    }
    var reader = new FileReader();
    reader.onload = function () {
      var bytes = new Uint8Array(reader.result);
      if (bytes.indexOf(0) >= 0 && !(bytes[0] === 0xff || bytes[0] === 0xfe)) {
        self.notice('“' + file.name + '”不是纯文本文件。Word、WPS 或 PDF 文件请打开后全选、复制，再粘贴到这里。', false);
        return;
      }
      var d = NB.decode(bytes);
      self.replaceText(d.text, '已打开“' + file.name + '”（编码：' + d.encoding + '）。');
    };
    reader.onerror = function () { self.notice('无法读取“' + file.name + '”。', false); };
    reader.readAsArrayBuffer(file);
  };

  /* HTML on the clipboard (Word, WPS, web pages) carries the real table grid: keep it for the
     checker while the textarea shows the plain text. */
  App.prototype.paste = function (e) {
    var dt = e.clipboardData;
    var grids = dt ? NB.tablesFromHtml(dt.getData('text/html')) : [];
    if (!grids.length) return;
    e.preventDefault();
    var plain = dt.getData('text/plain') || grids.map(function (g) {
      return g.map(function (r) { return r.join('\t'); }).join('\n');
    }).join('\n\n');
    var ta = this.ta, old = ta.value, s = ta.selectionStart, end = ta.selectionEnd;
    ta.setRangeText(plain, s, end, 'end');
    var text = ta.value;
    var fresh = NB.trackTables(text.slice(0, s + plain.length), grids);
    var kept = this.tracked && !(s === 0 && end === old.length) ? NB.editTables(this.tracked, old, text) : [];
    this.tracked = kept.concat(fresh).sort(function (a, b) { return firstStart(a) - firstStart(b); });
    this.lastText = text;
    this.notice('已按剪贴板中的表格结构读取 ' + grids.length + ' 个表格。', false);
    this.schedule();
  };

  function firstStart(grid) {
    for (var r = 0; r < grid.length; r++) {
      for (var c = 0; c < grid[r].length; c++) if (grid[r][c].start >= 0) return grid[r][c].start;
    }
    return Infinity;
  }

  App.prototype.save = function (text) {
    try {
      if (text) localStorage.setItem(STORE_KEY, JSON.stringify({ text: text, tracked: this.tracked }));
      else localStorage.removeItem(STORE_KEY);
    } catch (e) { /* storage full or disabled: the page still works, it just won't remember */ }
  };

  App.prototype.restore = function () {
    var saved = null;
    try { saved = JSON.parse(localStorage.getItem(STORE_KEY) || 'null'); } catch (e) { saved = null; }
    if (!saved || typeof saved.text !== 'string' || !saved.text) return;
    this.ta.value = saved.text;
    this.lastText = saved.text;
    this.tracked = Array.isArray(saved.tracked) ? saved.tracked : null;
    this.notice('已恢复上次内容（只保存在本机浏览器中）。', false);
  };

  App.prototype.runCheck = function () {
    var self = this, text = this.ta.value;
    var id = ++this.seq;
    this.save(text);
    if (!this.engine) return;
    if (!text) {
      this.render(null, '', 0);
      return;
    }
    this.setState('checking');
    this.status('正在检查…');
    var tables = this.tracked ? NB.gridsOf(this.tracked) : null;
    this.engine.check(text, tables).then(function (r) {
      if (id === self.seq) self.render(r.report, text, r.ms);
    }, function (err) {
      if (id !== self.seq) return;
      self.setState('done');
      self.status('检查出错：' + (err && err.message || err));
    });
  };

  App.prototype.render = function (report, text, ms) {
    this.report = report;
    this.reportText = text;
    // A live region re-announces on every write; while typing, write only real changes.
    var summary = report ? NB.summaryText(report.findings) : '请粘贴报告全文。';
    if (this.$('nb-summary').textContent !== summary) this.$('nb-summary').textContent = summary;
    this.renderMeta(report);
    this.renderFindings(report, text);
    this.renderTables(report);
    this.applyFilter();
    if (report) {
      this.status('已检查 ' + text.length + ' 字，用时 ' + Math.max(1, Math.round(ms)) + ' 毫秒（' + MODE[this.engine.mode] + '）。');
      if (!NB.timing.firstResult) NB.timing.firstResult = performance.now();
    } else {
      this.status('检查程序已就绪（' + MODE[this.engine.mode] + '）。');
    }
    this.setState('done');
  };

  App.prototype.renderMeta = function (r) {
    this.$('nb-kind').textContent = r ? kindText(r) : '—';
    this.$('nb-template').textContent = r ? templateText(r) : '—';
    this.$('nb-year').textContent = r ? (r.year ? r.year + ' 年度' : '未识别') : '—';
    this.$('nb-agency').textContent = r ? (r.agency || '未识别') : '—';
  };

  App.prototype.renderFindings = function (report, text) {
    var ol = this.$('nb-findings');
    ol.textContent = '';
    if (!report) return;
    report.findings.forEach(function (f, i) {
      var li = el('li', 'nb-finding nb-sev-' + f.severity);
      li.setAttribute('data-severity', f.severity);
      var b = el('button', 'nb-finding-btn');
      b.type = 'button';
      b.setAttribute('data-f', String(i));
      b.appendChild(el('span', 'nb-sev', SEV[f.severity]));
      b.appendChild(el('code', 'nb-code', f.code));
      if (f.spans.length) b.appendChild(el('span', 'nb-where', '第 ' + lineOf(text, f.spans[0].start) + ' 行'));
      b.appendChild(el('span', 'nb-msg', f.message));
      li.appendChild(b);
      ol.appendChild(li);
    });
    var none = el('li', 'nb-none', report.findings.length ? '所选类别没有问题。' : '未发现问题。');
    none.setAttribute('data-none', '');
    ol.appendChild(none);
  };

  /* The worst finding whose culprit (first) span overlaps the cell; else "related" when a
     related span points at this cell alone (a span covering a whole group of rows would
     otherwise mark every cell of those rows). */
  App.prototype.flagOf = function (cell) {
    var best = null, related = false;
    this.report.findings.forEach(function (f) {
      f.spans.forEach(function (s, k) {
        if (k > 0) {
          related = related || (s.start >= cell.span.start && s.end <= cell.span.end);
          return;
        }
        if (!overlaps(s, cell.span)) return;
        if (!best || RANK[f.severity] > RANK[best]) best = f.severity;
      });
    });
    return best || (related ? 'related' : null);
  };

  App.prototype.cellButton = function (cell, i) {
    var b = el('button', 'nb-cell');
    b.type = 'button';
    b.setAttribute('data-c', String(i));
    b.appendChild(el('span', 'nb-val', cell.raw === '' ? '（空白）' : cell.raw));
    var flag = this.flagOf(cell);
    if (flag) {
      b.classList.add('nb-flag', 'nb-flag-' + flag);
      b.setAttribute('data-flag', flag);
      // Related cells (the parts of a wrong total) get only a dashed outline: fewer symbols.
      if (flag !== 'related') {
        var mark = el('span', 'nb-mark', MARK[flag]);
        mark.setAttribute('aria-hidden', 'true');
        b.appendChild(mark);
      }
      b.appendChild(el('span', 'nb-vh', flag === 'related' ? '（与问题相关）' : '（有' + SEV[flag] + '）'));
    }
    return b;
  };

  App.prototype.renderTables = function (report) {
    var box = this.$('nb-tables'), self = this;
    box.textContent = '';
    if (!report || !report.cells.length) {
      box.appendChild(el('p', 'nb-hint', report ? '没有读出统计表的单元格。' : ''));
      return;
    }
    var single = [];
    report.cells.forEach(function (c, i) { if (c.column === null) single.push(i); });
    if (single.length) box.appendChild(this.singleTable(single));
    gridsOf(report.cells).forEach(function (g) { box.appendChild(self.gridTable(g)); });
  };

  function headRow(names) {
    var tr = el('tr');
    names.forEach(function (n) {
      var th = el('th', null, n);
      th.scope = 'col';
      tr.appendChild(th);
    });
    var thead = el('thead');
    thead.appendChild(tr);
    return thead;
  }

  App.prototype.singleTable = function (indexes) {
    var self = this, cells = this.report.cells;
    var table = el('table', 'nb-table nb-table-single');
    table.appendChild(el('caption', null, '统计表（按模板指标读出）'));
    table.appendChild(headRow(['项目', '单位', '数值']));
    var tbody = el('tbody');
    indexes.forEach(function (i) {
      var c = cells[i], tr = el('tr');
      var th = el('th', 'nb-rowlabel', c.label);
      th.scope = 'row';
      tr.appendChild(th);
      tr.appendChild(el('td', 'nb-unit', c.unit || ''));
      var td = el('td', 'nb-value');
      td.appendChild(self.cellButton(c, i));
      tr.appendChild(td);
      tbody.appendChild(tr);
    });
    table.appendChild(tbody);
    return wrap(table);
  };

  App.prototype.gridTable = function (g) {
    var self = this, cells = this.report.cells;
    var table = el('table', 'nb-table nb-table-grid');
    table.appendChild(el('caption', null, GRID_CAPTION[g.columns[0]] || '主动公开政府信息情况'));
    table.appendChild(headRow(['项目', '单位'].concat(g.columns)));
    var tbody = el('tbody');
    g.rows.forEach(function (row) {
      var tr = el('tr');
      var th = el('th', 'nb-rowlabel', row.label);
      th.scope = 'row';
      tr.appendChild(th);
      tr.appendChild(el('td', 'nb-unit', row.unit || ''));
      g.columns.forEach(function (col) {
        var td = el('td', 'nb-value');
        var i = row.cols[col];
        if (i === undefined) td.textContent = '—';
        else td.appendChild(self.cellButton(cells[i], i));
        tr.appendChild(td);
      });
      tbody.appendChild(tr);
    });
    table.appendChild(tbody);
    return wrap(table);
  };

  /* Wide tables scroll inside their own box instead of widening the page. */
  function wrap(table) {
    var d = el('div', 'nb-table-wrap');
    d.setAttribute('tabindex', '0');
    d.setAttribute('role', 'region');
    d.setAttribute('aria-label', table.querySelector('caption').textContent);
    d.appendChild(table);
    return d;
  }

  /* Each rule's code, severity and documentation, from the wasm (the same text as
     `nianbao explain CODE`). */
  App.prototype.renderRules = function (rules) {
    var dl = this.$('nb-rules-list');
    dl.textContent = '';
    rules.forEach(function (r) {
      var dt = el('dt');
      dt.appendChild(el('code', 'nb-code', r.code));
      dt.appendChild(el('span', 'nb-sev nb-sev-word-' + r.severity, SEV[r.severity]));
      dl.appendChild(dt);
      dl.appendChild(el('dd', null, r.doc.trim()));
    });
    this.$('nb-rules').querySelector('summary').textContent = '本工具的检查规则（' + rules.length + ' 条）';
  };

  App.prototype.applyFilter = function () {
    var self = this, shown = 0;
    var items = this.$('nb-findings').querySelectorAll('li[data-severity]');
    Array.prototype.forEach.call(items, function (li) {
      li.hidden = !self.$('nb-show-' + li.getAttribute('data-severity')).checked;
      if (!li.hidden) shown++;
    });
    var none = this.$('nb-findings').querySelector('[data-none]');
    if (none) none.hidden = shown > 0;
  };

  App.prototype.activate = function (button) {
    if (!button || !this.report || this.ta.value !== this.reportText) return;
    var span = button.hasAttribute('data-f')
      ? this.report.findings[+button.getAttribute('data-f')].spans[0]
      : this.report.cells[+button.getAttribute('data-c')].span;
    if (!span) return;
    this.returnTo = button;
    this.select(span.start, span.end);
  };

  /* Selects characters and scrolls the textarea so they sit in its upper third. */
  App.prototype.select = function (start, end) {
    var ta = this.ta;
    ta.focus();
    ta.setSelectionRange(start, end);
    var y = this.offsetTopOf(start);
    ta.scrollTop = Math.max(0, y - ta.clientHeight / 3);
  };

  /* Where a character sits inside the textarea, measured with a mirror box that wraps the
     same way. */
  App.prototype.offsetTopOf = function (offset) {
    var ta = this.ta, m = this.$('nb-mirror'), cs = getComputedStyle(ta);
    ['fontFamily', 'fontSize', 'lineHeight', 'letterSpacing', 'paddingTop', 'paddingRight',
      'paddingBottom', 'paddingLeft',
      'tabSize'].forEach(function (p) { m.style[p] = cs[p]; });
    m.style.width = ta.clientWidth + 'px';
    m.textContent = ta.value.slice(0, offset);
    var marker = el('span', null, '\u200b');
    m.appendChild(marker);
    var y = marker.offsetTop;
    m.textContent = '';
    return y;
  };

  App.prototype.copy = function () {
    if (!this.report) return;
    var self = this, text = NB.toPlainText(this.report, this.reportText);
    function fallback() {
      var t = el('textarea', 'nb-offscreen');
      t.value = text;
      self.c.appendChild(t);
      t.select();
      var ok = false;
      try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
      self.c.removeChild(t);
      self.notice(ok ? '已复制检查结果（纯文本）。' : '浏览器不允许访问剪贴板，请改用“导出 CSV”。', false);
    }
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(function () {
        self.notice('已复制检查结果（纯文本）。', false);
      }, fallback);
    } else {
      fallback();
    }
  };

  App.prototype.downloadCsv = function () {
    if (!this.report) return;
    var blob = new Blob([NB.toCsv(this.report, this.reportText)], { type: 'text/csv;charset=utf-8' });
    var a = el('a', 'nb-offscreen');
    a.href = URL.createObjectURL(blob);
    a.download = '年报校验结果.csv';
    this.c.appendChild(a);
    a.click();
    this.c.removeChild(a);
    setTimeout(function () { URL.revokeObjectURL(a.href); }, 10000);
  };

  NB.mount = function (container, opts) {
    var app = new App(container, opts || {});
    app.start();
    NB.app = app; // for the browser tests and the benchmark
    return app;
  };
})();
