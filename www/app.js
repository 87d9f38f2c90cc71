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
  /* Chromium lays out a textarea's whole text again after every key: about 0.15 ms per thousand
     characters here, so 5 MB in it made each key wait 0.8 s. A report is well under 100,000
     characters; of a longer text the textarea holds the first EDIT_CHARS (editable) and the rest
     is kept aside (this.tail), checked with it but not shown, so that keys stay quick whatever is
     pasted. */
  var EDIT_CHARS = 100000;
  NB.EDIT_CHARS = EDIT_CHARS;
  NB.timing = NB.timing || {};
  NB.timing.start = performance.now();

  /* One report in the list. `rev` counts edits; a result is kept only for the rev it was asked
     for. `cross` holds the findings against last year's report (`prev`), listed after its own. */
  function Doc(id, name, text, tracked) {
    this.id = id;
    this.name = name;
    this.text = text;
    this.tracked = tracked || null;
    this.source = 'paste'; // where the text came from: 'paste', 'table-paste', 'sample', a file's format
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
    this.lastText = ''; // the textarea's text at the last edit
    this.tail = ''; // the part of a long text not in the textarea
    this.report = null;
    this.reportText = '';
    this.dismissed = {};
    this.undo = null;
    this.returnTo = null;
    this.replaced = 0; // counts texts replaced as a whole (notices about the old one then go)
    this.dismissals = new NB.Dismissals();
  }
  NB.App = App;
  NB.Doc = Doc;
  NB.PASTED = PASTED;

  App.prototype.$ = function (id) { return this.c.querySelector('#' + id); };

  App.prototype.layouts = function () { return this.engine ? this.engine.layouts : null; };

  App.prototype.setState = function (s) { this.$('nb-app').setAttribute('data-state', s); };

  App.prototype.status = function (s) { this.$('nb-status').textContent = s; };

  /* `until`: while it holds, the notice is true; once its cause is gone (the text replaced, a
     report pasted), the notice goes too. */
  App.prototype.notice = function (text, undoable, until) {
    this.$('nb-notice-text').textContent = text;
    this.$('nb-undo').hidden = !undoable;
    this.$('nb-notice').hidden = false;
    this.noticeUntil = until || null;
  };

  App.prototype.checkNotice = function () {
    if (!this.noticeUntil || this.$('nb-notice').hidden || this.noticeUntil()) return;
    this.$('nb-notice').hidden = true;
    this.noticeUntil = null;
  };

  /* A notice about the text now shown: true while this report is shown and its text has not been
     replaced as a whole since. */
  App.prototype.aboutText = function () {
    var self = this, d = this.doc, n = this.replaced;
    return function () { return self.doc === d && self.replaced === n; };
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
      self.$('nb-status').title = '检查程序在' + MODE[engine.mode] + '运行';
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
    // All of the textarea selected and replaced (typed over, pasted over, 清空 by hand): the
    // part of a long text kept aside goes with it.
    ta.addEventListener('beforeinput', function () {
      self.wholeSelected = ta.value.length > 0 && ta.selectionStart === 0 && ta.selectionEnd === ta.value.length;
    });
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
    on('nb-print', 'click', function () { if (!this.nothingYet('打印')) window.print(); });
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

  /* The current report's text: the textarea's, and the part of a long text kept aside. */
  App.prototype.text = function () { return this.tail ? this.ta.value + this.tail : this.ta.value; };

  /* Where a long text is cut for the textarea: after a line break near EDIT_CHARS, never inside
     a surrogate pair. */
  function cutAt(text) {
    if (text.length <= EDIT_CHARS) return text.length;
    var nl = text.lastIndexOf('\n', EDIT_CHARS - 1), cut = nl >= EDIT_CHARS * 0.9 ? nl + 1 : EDIT_CHARS;
    var c = text.charCodeAt(cut - 1);
    return c >= 0xd800 && c <= 0xdbff ? cut - 1 : cut;
  }

  /* Puts a report's text in the textarea: whole, or its first part with the rest kept aside. */
  App.prototype.showText = function (text) {
    var cut = cutAt(text);
    this.tail = cut < text.length ? text.slice(cut) : '';
    this.ta.value = this.tail ? text.slice(0, cut) : text;
    this.lastText = this.ta.value;
    this.renderLong();
  };

  App.prototype.renderLong = function () {
    var box = this.$('nb-long'), shown = this.ta.value.length, all = shown + this.tail.length;
    box.hidden = !this.tail;
    if (!this.tail) return;
    var n = function (x) { return String(x).replace(/\B(?=(\d{3})+$)/g, ','); };
    box.textContent = '这段文字共 ' + n(all) + ' 字，远超一份年度报告（通常不到 10 万字）。为保持输入流畅，' +
      '输入框只显示前 ' + n(shown) + ' 字（可以修改），其余 ' + n(all - shown) + ' 字不显示，但一并检查。';
  };

  /* The textarea is the current report: every edit goes to it at once. */
  App.prototype.textChanged = function () {
    var head = this.ta.value;
    if (this.wholeSelected) {
      this.wholeSelected = false;
      this.replaced++;
      if (this.tail) {
        this.tracked = null;
        this.tail = '';
        this.renderLong();
      }
    }
    if (this.tracked) this.tracked = head || this.tail ? NB.editTables(this.tracked, this.lastText, head) : null;
    if (this.tracked && !this.tracked.length) this.tracked = null;
    this.lastText = head;
    // typed or dropped past the limit: the textarea gives its end to the part kept aside
    if (head.length > EDIT_CHARS + 1000) this.refit();
    this.syncDoc();
    this.checkNotice();
    this.schedule();
  };

  /* The textarea cut again after it grew too long, its caret kept where it still is. */
  App.prototype.refit = function () {
    var ta = this.ta, s = ta.selectionStart, e = ta.selectionEnd;
    this.showText(this.text());
    var n = ta.value.length;
    ta.setSelectionRange(Math.min(s, n), Math.min(e, n));
  };

  /* The textarea's text and the part kept aside are compared apart: joined, a long text would be
     copied whole on every key only to compare it. */
  App.prototype.syncDoc = function () {
    var d = this.doc, head = this.ta.value;
    if (d.head === head && d.tail === this.tail && d.tracked === this.tracked) return;
    if (d.text === head + this.tail && d.tracked === this.tracked) {
      d.head = head;
      d.tail = this.tail;
      return;
    }
    d.head = head;
    d.tail = this.tail;
    d.text = head + this.tail;
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
  App.prototype.replaceText = function (text, message, name, tracked, source) {
    this.undo = { doc: this.doc, text: this.text(), tracked: this.tracked, name: this.doc.name, source: this.doc.source };
    this.doc.name = name || this.doc.name;
    this.doc.source = source || 'paste';
    this.setText(text, tracked || null);
    this.replaced++;
    this.notice(message, true, this.aboutText());
    this.runCheck();
  };

  App.prototype.setText = function (text, tracked) {
    this.showText(text);
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
    u.doc.source = u.source;
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
    if (this.tail && this.ta.selectionStart === 0 && this.ta.selectionEnd === this.ta.value.length) {
      this.tail = ''; // all of it replaced
      this.renderLong();
    }
    var plain = dt.getData('text/plain') || grids.map(function (g) {
      return g.map(function (r) { return r.join('\t'); }).join('\n');
    }).join('\n\n');
    var ta = this.ta, old = ta.value, s = ta.selectionStart, end = ta.selectionEnd;
    this.doc.source = 'table-paste';
    ta.setRangeText(plain, s, end, 'end');
    var text = ta.value;
    var fresh = NB.trackTables(text.slice(0, s + plain.length), grids);
    var kept = this.tracked && !(s === 0 && end === old.length && !this.tail) ? NB.editTables(this.tracked, old, text) : [];
    this.tracked = kept.concat(fresh).sort(function (a, b) { return firstStart(a) - firstStart(b); });
    this.lastText = text;
    if (text.length > EDIT_CHARS + 1000) this.refit();
    this.syncDoc();
    var self = this, d = this.doc;
    // true while the tables read are kept (an edit that removes them all drops them)
    this.notice('已按剪贴板中的表格结构读取 ' + grids.length + ' 个表格。', false, function () { return self.doc === d && !!self.tracked; });
    this.schedule();
  };

  /* A long paste goes in through the page: what fits in the textarea, the rest kept aside. */
  App.prototype.pasteLong = function (e) {
    var plain = e.clipboardData ? e.clipboardData.getData('text/plain') : '';
    if (plain && this.ta.selectionStart === 0 && this.ta.selectionEnd === this.ta.value.length) this.doc.source = 'paste';
    if (plain.length < LONG_PASTE_CHARS) return;
    e.preventDefault();
    var ta = this.ta, head = ta.value, s = ta.selectionStart, end = ta.selectionEnd;
    if (s === 0 && end === head.length) { this.tail = ''; this.replaced++; } // all of it replaced
    var before = this.text(), text = head.slice(0, s) + plain + head.slice(end) + this.tail;
    if (this.tracked) this.tracked = NB.editTables(this.tracked, before, text);
    if (this.tracked && !this.tracked.length) this.tracked = null;
    this.showText(text);
    var at = Math.min(s + plain.length, ta.value.length);
    ta.setSelectionRange(at, at);
    this.syncDoc();
    this.schedule();
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
