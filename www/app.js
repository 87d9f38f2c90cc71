/* 年报校验: the page — its state and the text editor: the report in the textarea, paste
   (with the clipboard's tables), 示例/清空/撤销. The other concerns add their methods to App:
   docs.js (the list of reports, files, storage), checks.js (the work queue of checks),
   results.js (summary, findings, tables, selection), exports.js (copy, CSV), review.js
   (reviewing many reports). Plain ES2017 (no ?. or ??, no object spread) so that Chromium 69
   kernels (360/QQ 极速模式) can run it. Text from the report only ever reaches the page
   through textContent, never as HTML. */
(function () {
  'use strict';
  var NB = window.NB = window.NB || {};
  var el = NB.el, MODE = NB.MODE;

  var PASTED = '粘贴的文本';
  var DEBOUNCE_MS = 150;
  /* Chromium's own paste over a selection grows with the square of the text (≈10 s for 1.5
     million characters over a selected report): long plain text is inserted by the page. */
  var LONG_PASTE_CHARS = 200000;
  NB.timing = NB.timing || {};
  NB.timing.start = performance.now();

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
  NB.Doc = Doc;
  NB.PASTED = PASTED;

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
    if (NB.layoutFallbacks) NB.layoutFallbacks(this.$('nb-app')); // old kernels: precheck.js
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

  /* Text replaced as a whole (示例, 清空, a file with the tables it was read with): the old text
     stays one 撤销 away. */
  App.prototype.replaceText = function (text, message, name, tracked) {
    this.undo = { doc: this.doc, text: this.ta.value, tracked: this.tracked, name: this.doc.name };
    this.doc.name = name || this.doc.name;
    this.setText(text, tracked || null);
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


  NB.mount = function (container, opts) {
    var app = new App(container, opts || {});
    app.start();
    NB.app = app; // for the browser tests and the benchmark
    return app;
  };
})();
