/* 年报校验: the page. Plain ES2017 (no ?. or ??, no object spread) so that Chromium 69
   kernels (360/QQ 极速模式) can run it. Text from the report only ever reaches the page
   through textContent, never as HTML. */
(function () {
  'use strict';
  var NB = window.NB = window.NB || {};

  var OLD_STORE_KEY = 'nianbao:v1:input';
  var STORE_KEY = 'nianbao:v2:docs';
  var PASTED = '粘贴的文本';
  var DEBOUNCE_MS = 150;
  var MAX_FILE_BYTES = 8 * 1024 * 1024;
  /* A browser keeps about 5 million characters per site; serializing a longer text only to be
     refused would block the page for tens of milliseconds on every check. */
  var MAX_SAVED_CHARS = 2000000;
  /* A newer edit stops a check of an older text only once it has run this long: short checks
     are cheaper to finish than a restarted worker. */
  var CANCEL_AFTER_MS = 200;
  /* Chromium's own paste over a selection grows with the square of the text (≈10 s for 1.5
     million characters over a selected report): long plain text is inserted by the page. */
  var LONG_PASTE_CHARS = 200000;
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

  /* Counts by severity of the findings not dismissed (`dismissed`: index -> reason). */
  function counts(findings, dismissed) {
    var c = { error: 0, warning: 0, info: 0, dismissed: 0 };
    findings.forEach(function (f, i) {
      if (dismissed && i in dismissed) c.dismissed++; else c[f.severity]++;
    });
    return c;
  }
  NB.counts = counts;

  NB.summaryText = function (findings, dismissed) {
    var c = counts(findings, dismissed);
    var tally = c.error + ' 个错误、' + c.warning + ' 个警告、' + c.info + ' 个提示';
    var open = findings.length - c.dismissed;
    var text = open ? '发现 ' + tally + '。' : '未发现问题（' + tally + '）。';
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

  function csvField(v) {
    var s = v === null || v === undefined ? '' : String(v);
    // Spreadsheets run a cell starting with = + - @ as a formula.
    if (/^[=+\-@\t\r]/.test(s)) s = "'" + s;
    return '"' + s.replace(/"/g, '""') + '"';
  }

  NB.toCsv = function (report, text, dismissed) {
    dismissed = dismissed || {};
    var lines = [['序号', '严重程度', '代码', '行', '说明', '忽略原因'].map(csvField).join(',')];
    report.findings.forEach(function (f, i) {
      var at = f.spans.length ? lineOf(text, f.spans[0].start) : '';
      var sev = i in dismissed ? '已忽略（' + SEV[f.severity] + '）' : SEV[f.severity];
      lines.push([i + 1, sev, f.code, at, f.message, dismissed[i]].map(csvField).join(','));
    });
    lines.push('');
    lines.push(['指标', '项目', '栏目', '单位', '数值', '原文'].map(csvField).join(','));
    report.cells.forEach(function (c) {
      lines.push([c.indicator, c.label, c.column, c.unit, c.value, c.raw].map(csvField).join(','));
    });
    return '\uFEFF' + lines.join('\r\n') + '\r\n';
  };

  NB.toPlainText = function (report, text, dismissed) {
    dismissed = dismissed || {};
    var out = ['年报校验结果', NB.summaryText(report.findings, dismissed)];
    out.push('类型：' + kindText(report) + '；模板：' + templateText(report) + '；年度：' +
      (report.year || '未识别') + '；机关：' + (report.agency || '未识别'));
    out.push('');
    var line = function (f, i) {
      var at = f.spans.length ? '第 ' + lineOf(text, f.spans[0].start) + ' 行 ' : '';
      return (i + 1) + '. [' + SEV[f.severity] + '] ' + f.code + ' ' + at + f.message;
    };
    report.findings.forEach(function (f, i) { if (!(i in dismissed)) out.push(line(f, i)); });
    if (Object.keys(dismissed).length) {
      out.push('', '已忽略的问题：');
      report.findings.forEach(function (f, i) {
        if (i in dismissed) out.push(line(f, i) + '（忽略原因：' + dismissed[i] + '）');
      });
    }
    if (report.cells.length) {
      out.push('', '读出的统计表：');
      report.cells.forEach(function (c) {
        out.push([c.label, c.column || '', c.unit || '', c.raw].join('\t'));
      });
    }
    return out.join('\n') + '\n';
  };

  NB.lineOf = lineOf;
  NB.SEV = SEV;
  NB.TEMPLATE = TEMPLATE;
  NB.GRID_CAPTION = GRID_CAPTION;
  NB.gridsOfCells = gridsOf;
  NB.el = el;
  NB.overlaps = overlaps;

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

  /* One report in the list. `rev` counts edits; a result is kept only for the rev it was asked
     for. `cross` holds the findings against last year's report (`prev`), listed after its own. */
  function Doc(id, name, text, tracked) {
    this.id = id;
    this.name = name;
    this.text = text;
    this.tracked = tracked || null;
    this.pair = 'auto'; // 'auto', 'none' or the id of last year's report chosen by the reader
    this.rev = 1;
    this.checkedRev = 0;
    this.report = null;
    this.error = null;
    this.key = '';
    this.ms = 0;
    this.prev = null;
    this.cross = [];
    this.crossSig = '';
  }

  function App(container, opts) {
    this.c = container;
    this.base = opts.base || '';
    this.engine = null;
    this.timer = 0;
    this.debouncing = false;
    this.busy = false;
    this.running = null; // the check in flight: {doc, rev, started}
    /* What happened to each check request (the stress tests count these). */
    this.stats = { sent: 0, fresh: 0, stale: 0, cancelled: 0 };
    this.waiters = [];
    this.nextId = 1;
    this.docs = [new Doc('d1', PASTED, '')];
    this.doc = this.docs[0];
    this.tracked = null;
    this.lastText = '';
    this.report = null;
    this.reportText = '';
    this.dismissed = {};
    this.undo = null;
    this.returnTo = null;
    this.dismissals = new NB.Dismissals();
  }
  NB.App = App;

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
    this.bindReview();
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
      if (e.target.files && e.target.files.length) this.openFiles(e.target.files);
      e.target.value = '';
    });
    on('nb-sample', 'click', function () {
      this.replaceText(typeof NB_SAMPLE === 'string' ? NB_SAMPLE : '', '已载入示例报告（虚构数据，含两处故意写错的合计）。', '示例报告');
    });
    on('nb-clear', 'click', function () { this.replaceText('', '已清空。', PASTED); });
    on('nb-undo', 'click', this.undoReplace);
    on('nb-notice-close', 'click', function () { this.$('nb-notice').hidden = true; });
    on('nb-findings', 'click', function (e) { this.activate(e.target.closest('button[data-f]')); });
    on('nb-tables', 'click', function (e) { this.activate(e.target.closest('button[data-c]')); });
    ['error', 'warning', 'info'].forEach(function (s) { on('nb-show-' + s, 'change', self.applyFilter); });
    on('nb-copy', 'click', this.copy);
    on('nb-csv', 'click', this.downloadCsv);
    on('nb-print', 'click', function () { window.print(); });
    this.bindDrop();
  };

  App.prototype.bindDrop = function () {
    var self = this, drop = this.$('nb-drop');
    drop.addEventListener('dragover', function (e) {
      if (e.dataTransfer && Array.prototype.indexOf.call(e.dataTransfer.types, 'Files') >= 0) {
        e.preventDefault();
        drop.classList.add('nb-dragging');
      }
    });
    drop.addEventListener('dragleave', function () { drop.classList.remove('nb-dragging'); });
    drop.addEventListener('drop', function (e) {
      drop.classList.remove('nb-dragging');
      var files = e.dataTransfer && e.dataTransfer.files;
      if (files && files.length) { e.preventDefault(); self.openFiles(files); }
    });
  };

  /* The textarea is the current report: every edit goes to it at once. */
  App.prototype.textChanged = function () {
    var text = this.ta.value;
    if (this.tracked) this.tracked = text ? NB.editTables(this.tracked, this.lastText, text) : null;
    if (this.tracked && !this.tracked.length) this.tracked = null;
    this.lastText = text;
    this.syncDoc();
    this.schedule();
  };

  App.prototype.syncDoc = function () {
    var d = this.doc;
    if (d.text === this.ta.value && d.tracked === this.tracked) return;
    d.text = this.ta.value;
    d.tracked = this.tracked;
    d.rev++;
  };

  App.prototype.schedule = function () {
    var self = this;
    this.debouncing = true;
    this.setState('pending');
    clearTimeout(this.timer);
    this.timer = setTimeout(function () { self.runCheck(); }, DEBOUNCE_MS);
  };

  /* Text replaced as a whole (示例, 清空, a file): the old text stays one 撤销 away. */
  App.prototype.replaceText = function (text, message, name) {
    this.undo = { doc: this.doc, text: this.ta.value, tracked: this.tracked, name: this.doc.name };
    this.doc.name = name || this.doc.name;
    this.setText(text, null);
    this.notice(message, true);
    this.runCheck();
  };

  App.prototype.setText = function (text, tracked) {
    this.ta.value = text;
    this.lastText = text;
    this.tracked = tracked;
    this.syncDoc();
  };

  App.prototype.undoReplace = function () {
    var u = this.undo;
    if (u && u.docs) return this.undoRemove(u);
    if (!u || this.docs.indexOf(u.doc) < 0) return;
    this.undo = null;
    this.show(u.doc);
    u.doc.name = u.name;
    this.setText(u.text, u.tracked);
    this.notice('已撤销，恢复了之前的内容。', false);
    this.runCheck();
    this.ta.focus();
  };

  /* Resolves with {name, text, encoding} or {name, problem}. */
  function readFile(file) {
    return new Promise(function (resolve) {
      if (file.size > MAX_FILE_BYTES) return resolve({ name: file.name, problem: '太大（超过 8 MB），不像是年度报告的纯文本' });
      var reader = new FileReader();
      reader.onload = function () {
        var bytes = new Uint8Array(reader.result);
        if (bytes.indexOf(0) >= 0 && !(bytes[0] === 0xff || bytes[0] === 0xfe)) {
          return resolve({ name: file.name, problem: '不是纯文本文件。Word、WPS 或 PDF 文件请打开后全选、复制，再粘贴到这里' });
        }
        var d = NB.decode(bytes);
        resolve({ name: file.name, text: d.text, encoding: d.encoding });
      };
      reader.onerror = function () { resolve({ name: file.name, problem: '无法读取' }); };
      reader.readAsArrayBuffer(file);
    });
  }

  /* One file while only one report is open replaces its text (undoable), as it always did;
     several files, or any file once a list exists, are added to the list. */
  App.prototype.openFiles = function (fileList) {
    var self = this, files = Array.prototype.slice.call(fileList);
    Promise.all(files.map(readFile)).then(function (read) {
      var bad = read.filter(function (r) { return r.problem; });
      var good = read.filter(function (r) { return !r.problem; });
      var why = bad.map(function (r) { return '“' + r.name + '”' + r.problem + '。'; }).join('');
      if (good.length === 1 && self.docs.length === 1) {
        var r = good[0];
        self.replaceText(r.text, '已打开“' + r.name + '”（编码：' + r.encoding + '）。' + why, r.name);
      } else if (good.length) {
        // first: a warning that storage is full, raised while adding, must stay visible
        self.notice('已打开 ' + good.length + ' 份报告，列表中逐份显示检查结果。' + why, false);
        self.addDocs(good);
      } else if (why) {
        self.notice(why, false);
      }
    });
  };

  App.prototype.addDocs = function (files) {
    var self = this, first = null;
    this.syncDoc();
    files.forEach(function (f) {
      var d = self.doc.text === '' && self.docs.length === 1 && !first ? self.doc : self.newDoc();
      d.name = f.name;
      d.text = f.text;
      d.tracked = null;
      d.rev++;
      first = first || d;
    });
    this.load(first);
    this.runCheck();
  };

  /* An empty report at the end of the list. */
  App.prototype.newDoc = function () {
    var id;
    do { id = 'd' + (++this.nextId); } while (this.byId(id));
    var d = new Doc(id, this.docs.length ? PASTED + ' ' + (this.docs.length + 1) : PASTED, '');
    this.docs.push(d);
    return d;
  };

  App.prototype.byId = function (id) {
    for (var i = 0; i < this.docs.length; i++) if (this.docs[i].id === id) return this.docs[i];
    return null;
  };

  /* Makes `doc` the report shown in the textarea and the results. */
  App.prototype.show = function (doc) {
    this.syncDoc();
    this.load(doc);
  };

  /* Like show, without first saving the textarea into the report shown so far. */
  App.prototype.load = function (doc) {
    this.doc = doc;
    this.ta.value = doc.text;
    this.lastText = doc.text;
    this.tracked = doc.tracked;
    this.returnTo = null;
    if (doc.checkedRev === doc.rev) return this.renderDoc();
    this.render(null, doc.text, {});
    this.$('nb-summary').textContent = '正在检查…';
  };

  /* HTML on the clipboard (Word, WPS, web pages) carries the real table grid: keep it for the
     checker while the textarea shows the plain text. */
  App.prototype.paste = function (e) {
    var dt = e.clipboardData;
    var grids = dt ? NB.tablesFromHtml(dt.getData('text/html')) : [];
    if (!grids.length) return this.pasteLong(e);
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
    this.syncDoc();
    this.notice('已按剪贴板中的表格结构读取 ' + grids.length + ' 个表格。', false);
    this.schedule();
  };

  App.prototype.pasteLong = function (e) {
    var plain = e.clipboardData ? e.clipboardData.getData('text/plain') : '';
    if (plain.length < LONG_PASTE_CHARS) return;
    e.preventDefault();
    this.ta.setRangeText(plain, this.ta.selectionStart, this.ta.selectionEnd, 'end');
    this.textChanged();
  };

  function firstStart(grid) {
    for (var r = 0; r < grid.length; r++) {
      for (var c = 0; c < grid[r].length; c++) if (grid[r][c].start >= 0) return grid[r][c].start;
    }
    return Infinity;
  }

  /* Every report is kept in localStorage; when they do not fit, only the current one. */
  App.prototype.save = function () {
    var self = this;
    function state(docs) {
      return JSON.stringify({
        current: docs.indexOf(self.doc), nextId: self.nextId,
        docs: docs.map(function (d) { return { id: d.id, name: d.name, text: d.text, tracked: d.tracked, pair: d.pair }; })
      });
    }
    var kept = this.docs.filter(function (d) { return d.text.length <= MAX_SAVED_CHARS; });
    if (kept.length < this.docs.length && !this.warnedLong) {
      this.notice('报告太长，本机浏览器存不下：刷新或关闭页面后不会恢复，请另行保存原文。', false);
      this.warnedLong = true;
    }
    try {
      localStorage.removeItem(OLD_STORE_KEY); // read once by restore(), then superseded
      var empty = !kept.length || kept.length === 1 && !kept[0].text;
      if (empty) localStorage.removeItem(STORE_KEY);
      else localStorage.setItem(STORE_KEY, state(kept));
    } catch (e) {
      // Storage disabled: the page still works, it just won't remember.
      if (!e || e.name !== 'QuotaExceededError') return;
      var current = kept.filter(function (d) { return d === self.doc; });
      try { localStorage.setItem(STORE_KEY, state(current)); } catch (e2) { /* full even so */ }
      if (!this.warnedFull) this.notice('报告太多，本机浏览器存不下全部内容：刷新页面后只会恢复当前这一份。', false);
      this.warnedFull = true;
    }
  };

  App.prototype.restore = function () {
    var saved = null;
    try {
      saved = JSON.parse(localStorage.getItem(STORE_KEY) || 'null');
      var old = saved ? null : JSON.parse(localStorage.getItem(OLD_STORE_KEY) || 'null');
      if (old && typeof old.text === 'string') saved = { current: 0, docs: [{ id: 'd1', name: PASTED, text: old.text, tracked: old.tracked }] };
    } catch (e) { saved = null; }
    if (!saved || !Array.isArray(saved.docs) || !saved.docs.length) return;
    this.docs = saved.docs.filter(function (d) { return d && typeof d.text === 'string'; }).map(function (d) {
      var doc = new Doc(String(d.id), String(d.name || PASTED), d.text, Array.isArray(d.tracked) ? d.tracked : null);
      doc.pair = typeof d.pair === 'string' ? d.pair : 'auto';
      return doc;
    });
    if (!this.docs.length) this.docs = [new Doc('d1', PASTED, '')];
    this.nextId = +saved.nextId || this.docs.length;
    this.load(this.docs[Math.max(0, Math.min(this.docs.length - 1, +saved.current || 0))]);
    var n = this.docs.length;
    this.notice(n > 1 ? '已恢复上次的 ' + n + ' 份报告（只保存在本机浏览器中）。' : '已恢复上次内容（只保存在本机浏览器中）。', false);
  };

  App.prototype.runCheck = function () {
    clearTimeout(this.timer);
    this.debouncing = false;
    this.syncDoc();
    this.save();
    this.cancelStale();
    this.pump();
  };

  /* A long check of a text edited since is of no use: stop it rather than wait for it. */
  App.prototype.cancelStale = function () {
    var r = this.running;
    if (!r || !this.engine.cancel || r.doc.rev === r.rev) return;
    if (performance.now() - r.started < CANCEL_AFTER_MS) return;
    this.running = null;
    this.stats.cancelled++;
    this.engine.cancel();
  };

  /* The work queue: the current report first, then the others in list order, then the
     cross-year comparisons. One request at a time; between two, the page gets a turn. */
  App.prototype.pump = function () {
    var self = this;
    if (!this.engine || this.busy) return;
    var job = this.nextJob();
    if (!job) return this.idle();
    this.busy = true;
    this.setState('checking');
    this.progress();
    job().then(function () {
      self.busy = false;
      setTimeout(function () { self.pump(); }, 0);
    });
  };

  App.prototype.nextJob = function () {
    var self = this;
    /* While the reader types, the current text is about to change again: checking it now
       would only make a stale result (and keep the worker from the next one). */
    var stale = function (d) { return d.checkedRev !== d.rev && !(d === self.doc && self.debouncing); };
    if (stale(this.doc)) return this.checkJob(this.doc);
    var d = this.docs.filter(stale)[0];
    if (d) return this.checkJob(d);
    this.resolvePairs();
    var todo = this.docs.filter(function (x) { return x.prev && x.crossSig !== self.crossSig(x); })[0];
    return todo ? this.crossJob(todo) : null;
  };

  App.prototype.checkJob = function (d) {
    var self = this, rev = d.rev, text = d.text;
    return function () {
      if (!text) return Promise.resolve(self.checked(d, rev, null, null));
      var run = self.running = { doc: d, rev: rev, started: performance.now() };
      self.stats.sent++;
      var done = function (r, err) {
        if (self.running === run) self.running = null;
        self.checked(d, rev, r, err);
      };
      return self.engine.check(text, d.tracked ? NB.gridsOf(d.tracked) : null).then(function (r) {
        done(r, null);
      }, function (err) { done(null, err); });
    };
  };

  App.prototype.checked = function (d, rev, r, err) {
    if (d.rev !== rev) { // edited meanwhile: checked again next
      if (r) this.stats.stale++;
      return;
    }
    if (r) this.stats.fresh++;
    d.checkedRev = rev;
    d.report = r ? r.report : null;
    d.ms = r ? r.ms : 0;
    d.key = r ? r.key : '';
    d.error = err ? String(err && err.message || err) : null;
    if (d === this.doc) this.renderDoc();
    this.renderList();
  };

  App.prototype.crossSig = function (d) {
    var p = this.byId(d.prev);
    return p ? p.id + ':' + p.rev + ':' + d.rev : '';
  };

  App.prototype.crossJob = function (d) {
    var self = this, prev = this.byId(d.prev), sig = this.crossSig(d);
    var side = function (x) { return { text: x.text, tables: x.tracked ? NB.gridsOf(x.tracked) : null }; };
    return function () {
      var done = function (found) {
        if (self.crossSig(d) !== sig) return;
        d.cross = found;
        d.crossSig = sig;
        if (d === self.doc) self.renderDoc();
        self.renderList();
      };
      return self.engine.crossYear(side(prev), side(d)).then(function (r) { done(r.findings); }, function () { done([]); });
    };
  };

  /* Last year's report of each report: the reader's choice, else the same agency a year
     earlier. A report that loses its pair loses its cross-year findings. */
  App.prototype.resolvePairs = function () {
    var self = this;
    this.docs.forEach(function (d) {
      var p = self.pairOf(d);
      d.prev = p ? p.id : null;
      if (!p && (d.cross.length || d.crossSig)) {
        d.cross = [];
        d.crossSig = '';
        if (d === self.doc) self.renderDoc();
      }
    });
  };

  App.prototype.pairOf = function (d) {
    if (!d.report || d.pair === 'none') return null;
    if (d.pair !== 'auto') {
      var chosen = this.byId(d.pair);
      return chosen && chosen !== d && chosen.report ? chosen : null;
    }
    var year = d.report.year;
    return this.docs.filter(function (e) {
      return e !== d && e.report && d.key && e.key === d.key && year && e.report.year === year - 1;
    })[0] || null;
  };

  App.prototype.idle = function () {
    if (!this.debouncing) this.setState('done');
    this.renderStatus();
    this.renderList();
    var w = this.waiters;
    this.waiters = [];
    w.forEach(function (fn) { fn(); });
  };

  /* Resolves once every report and comparison is current (exports wait for it). */
  App.prototype.whenIdle = function () {
    var self = this;
    return new Promise(function (resolve) {
      self.waiters.push(resolve);
      self.runCheck();
    });
  };

  App.prototype.progress = function () {
    var n = this.docs.length;
    if (n < 2) return this.status('正在检查…');
    var done = this.docs.filter(function (d) { return d.checkedRev === d.rev; }).length;
    this.status('正在检查…（' + done + ' / ' + n + ' 份已完成）');
  };

  App.prototype.renderStatus = function () {
    var d = this.doc, mode = MODE[this.engine.mode];
    if (d.error) this.status('检查出错：' + d.error);
    else if (d.report) this.status('已检查 ' + d.text.length + ' 字，用时 ' + Math.max(1, Math.round(d.ms)) + ' 毫秒（' + mode + '）。');
    else this.status('检查程序已就绪（' + mode + '）。');
  };

  /* The current report as the page shows it: its own findings, then the cross-year ones;
     `dismissed` maps a finding's index to its reason. */
  App.prototype.viewOf = function (d) {
    if (!d.report) return { report: null, dismissed: {} };
    var report = Object.assign({}, d.report, { findings: d.report.findings.concat(d.cross) });
    return { report: report, dismissed: this.dismissals.of(report.findings, d.text) };
  };

  App.prototype.renderDoc = function () {
    var d = this.doc;
    if (d.checkedRev !== d.rev) return; // its result is on the way
    var v = this.viewOf(d);
    this.render(v.report, d.text, v.dismissed);
    if (d.report && !NB.timing.firstResult) NB.timing.firstResult = performance.now();
    if (this.engine) this.renderStatus();
  };

  App.prototype.render = function (report, text, dismissed) {
    this.report = report;
    this.reportText = text;
    this.dismissed = dismissed || {};
    this.ownCount = this.doc.report ? this.doc.report.findings.length : 0;
    // A live region re-announces on every write; while typing, write only real changes.
    var summary = report ? NB.summaryText(report.findings, this.dismissed) : '请粘贴报告全文。';
    if (this.$('nb-summary').textContent !== summary) this.$('nb-summary').textContent = summary;
    this.renderMeta(report);
    this.renderPairing();
    this.renderFindings(report, text);
    this.renderTables(report);
    this.applyFilter();
  };

  App.prototype.renderMeta = function (r) {
    this.$('nb-kind').textContent = r ? kindText(r) : '—';
    this.$('nb-template').textContent = r ? templateText(r) : '—';
    this.$('nb-year').textContent = r ? (r.year ? r.year + ' 年度' : '未识别') : '—';
    this.$('nb-agency').textContent = r ? (r.agency || '未识别') : '—';
  };

  /* Open findings in the numbered list, dismissed ones greyed in their own group. Each keeps
     its index in the report's list (data-f), so numbers and exports agree. */
  App.prototype.renderFindings = function (report, text) {
    var ol = this.$('nb-findings'), gone = this.$('nb-dismissed'), self = this;
    ol.textContent = '';
    gone.textContent = '';
    var nGone = 0;
    (report ? report.findings : []).forEach(function (f, i) {
      var reason = self.dismissed[i];
      if (reason !== undefined) nGone++;
      (reason === undefined ? ol : gone).appendChild(self.findingItem(f, i, text, reason));
    });
    this.$('nb-dismissed-box').hidden = nGone === 0;
    this.$('nb-dismissed-h').textContent = '已忽略的问题（' + nGone + ' 个）';
    if (!report) return;
    var none = el('li', 'nb-none', report.findings.length > nGone ? '所选类别没有问题。' : '未发现问题。');
    none.setAttribute('data-none', '');
    ol.appendChild(none);
  };

  App.prototype.findingItem = function (f, i, text, reason) {
    var li = el('li', 'nb-finding nb-sev-' + f.severity);
    li.value = i + 1;
    if (reason === undefined) li.setAttribute('data-severity', f.severity);
    else li.classList.add('nb-finding-dismissed');
    var b = el('button', 'nb-finding-btn');
    b.type = 'button';
    b.setAttribute('data-f', String(i));
    b.appendChild(el('span', 'nb-sev', SEV[f.severity]));
    b.appendChild(el('code', 'nb-code', f.code));
    if (f.spans.length) b.appendChild(el('span', 'nb-where', '第 ' + lineOf(text, f.spans[0].start) + ' 行'));
    if (i >= this.ownCount) b.appendChild(el('span', 'nb-tag', '与上年对比'));
    b.appendChild(el('span', 'nb-msg', f.message));
    if (reason !== undefined) b.appendChild(el('span', 'nb-reason', '忽略原因：' + reason));
    li.appendChild(b);
    li.appendChild(this.dismissButton(i, reason !== undefined));
    return li;
  };

  /* The worst finding whose culprit (first) span overlaps the cell; else "related" when a
     related span points at this cell alone (a span covering a whole group of rows would
     otherwise mark every cell of those rows). */
  App.prototype.flagOf = function (cell) {
    var best = null, related = false, dismissed = this.dismissed;
    this.report.findings.forEach(function (f, i) {
      if (i in dismissed) return;
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

  /* The tables as the template draws them (tableview.js), from the layouts the engine gives. */
  App.prototype.renderTables = function (report) {
    var box = this.$('nb-tables'), self = this;
    box.textContent = '';
    if (!report || !report.cells.length) {
      box.appendChild(el('p', 'nb-hint', report ? '没有读出统计表的单元格。' : ''));
      return;
    }
    var layouts = this.engine ? this.engine.layouts : null;
    box.appendChild(NB.drawTables(report, layouts, function (c, i) { return self.cellButton(c, i); }, 'nb-tv-'));
  };

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
    if (button.hasAttribute('data-f')) this.highlight(this.report.findings[+button.getAttribute('data-f')]);
    if (!span) return;
    this.returnTo = button;
    this.select(span.start, span.end);
  };

  /* Marks every table cell a finding involves: the culprit span's cells, and the cells lying
     inside its related spans (the parts of a wrong total, the other side of a balance). */
  App.prototype.highlight = function (f) {
    var cells = this.report.cells;
    var buttons = this.$('nb-tables').querySelectorAll('button.nb-cell');
    Array.prototype.forEach.call(buttons, function (b) {
      var c = cells[+b.getAttribute('data-c')];
      var culprit = f.spans.length > 0 && overlaps(f.spans[0], c.span);
      var related = !culprit && f.spans.slice(1).some(function (s) { return s.start <= c.span.start && c.span.end <= s.end; });
      b.classList.toggle('nb-hl-culprit', culprit);
      b.classList.toggle('nb-hl-related', related);
      if (culprit || related) b.setAttribute('data-hl', culprit ? 'culprit' : 'related');
      else b.removeAttribute('data-hl');
    });
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
    // left at the textarea's width, the hidden box would widen a page later made narrower
    // (a phone turned, the window zoomed to 200%)
    m.style.width = '';
    return y;
  };

  App.prototype.copy = function () {
    if (!this.report) return;
    var self = this, text = NB.toPlainText(this.report, this.reportText, this.dismissed);
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
    var blob = new Blob([NB.toCsv(this.report, this.reportText, this.dismissed)], { type: 'text/csv;charset=utf-8' });
    this.download(blob, '年报校验结果.csv');
  };

  App.prototype.download = function (blob, name) {
    var a = el('a', 'nb-offscreen');
    a.href = URL.createObjectURL(blob);
    a.download = name;
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
