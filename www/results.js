/* 年报校验: what a check shows — summary, meta, findings, the tables (tableview.js) — and
   the links between them: a finding or cell selects its text, a finding lights its cells. */
(function () {
  'use strict';
  var NB = window.NB;
  var App = NB.App, el = NB.el, overlaps = NB.overlaps, SEV = NB.SEV, MARK = NB.MARK, RANK = NB.RANK, kindText = NB.kindText, templateText = NB.templateText;

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
    if (d.report && !NB.timing.firstResult) {
      NB.timing.firstResult = performance.now();
      // the frame that shows it: after the next animation frame's work
      requestAnimationFrame(function () { setTimeout(function () { NB.timing.firstPaint = performance.now(); }, 0); });
    }
    if (this.engine) this.renderStatus();
    this.checkNotice();
  };

  App.prototype.render = function (report, text, dismissed) {
    this.report = report;
    this.reportText = text;
    this.dismissed = dismissed || {};
    this.ownCount = this.doc.report ? this.doc.report.findings.length : 0;
    // A live region re-announces on every write; while typing, write only real changes.
    var summary = report ? NB.summaryText(report.findings, this.dismissed, report.coverage) : '请粘贴报告全文。';
    if (this.$('nb-summary').textContent !== summary) this.$('nb-summary').textContent = summary;
    this.renderMeta(report);
    this.renderUnread(report);
    this.renderPairing();
    this.renderFindings(report, text);
    if (report && !this.firstDrawn) this.tablesNextFrame(report);
    else this.renderTables(report);
    this.applyFilter();
  };

  /* Each table not read in full: how much was read, why not all, what to do. */
  App.prototype.renderUnread = function (r) {
    var box = this.$('nb-unread'), list = r ? NB.unread(r.coverage) : [], source = this.doc.source;
    box.hidden = !list.length;
    box.textContent = '';
    if (!list.length) return;
    box.appendChild(el('p', 'nb-unread-h', '未完整读出：没有读出的单元格没有核对'));
    list.forEach(function (c) {
      var item = el('div', 'nb-unread-item');
      item.setAttribute('data-table', c.table);
      item.appendChild(el('p', 'nb-unread-count', c.table + '读出 ' + c.read + ' / ' + c.expected + ' 个单元格'));
      var why = el('p', 'nb-unread-reason');
      why.appendChild(el('strong', null, '原因：'));
      why.appendChild(document.createTextNode(NB.unreadReason(c) + '。'));
      item.appendChild(why);
      var todo = el('p', 'nb-unread-advice');
      todo.appendChild(el('strong', null, '怎么办：'));
      todo.appendChild(document.createTextNode(NB.unreadAdvice(c, source) + '。'));
      item.appendChild(todo);
      box.appendChild(item);
    });
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
    // the Chinese name first; the code, for reviewers, a small label after it
    b.appendChild(el('span', 'nb-sev', SEV[f.severity]));
    b.appendChild(el('span', 'nb-title', NB.titleOf(f)));
    if (i >= this.ownCount) b.appendChild(el('span', 'nb-tag', '与上年对比'));
    var code = el('code', 'nb-code', f.code);
    code.title = '问题代码（命令行和导出文件中用它指这类问题）';
    b.appendChild(code);
    b.appendChild(el('span', 'nb-where', NB.whereText(this.report, text, f, this.engine ? this.engine.layouts : null)));
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
      // a finding about a whole table marks no cell: it marks its table when chosen
      if (i in dismissed || NB.aboutTable(f)) return;
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

  /* The very first result is painted in two frames: its summary and findings first, its tables
     in the next one. That first layout of the long tables (their fonts shaped for the first
     time) costs more than the rest of the page together. The page says 'done' once both are
     drawn; later results are drawn whole. */
  App.prototype.tablesNextFrame = function (report) {
    var self = this, box = this.$('nb-tables');
    this.firstDrawn = true;
    this.tablesPending = true;
    box.textContent = '';
    box.appendChild(el('p', 'nb-hint', '正在绘制统计表…'));
    requestAnimationFrame(function () {
      setTimeout(function () {
        self.tablesPending = false;
        if (self.report === report) { // else a newer result has drawn its own
          self.renderTables(report);
          self.applyFilter();
        }
        requestAnimationFrame(function () { setTimeout(function () { NB.timing.tablesPaint = performance.now(); }, 0); });
        if (self.doneOnTables) self.setState('done');
        self.doneOnTables = false;
      }, 0);
    });
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
    NB.setRules(rules);
    dl.textContent = '';
    rules.forEach(function (r) {
      var dt = el('dt');
      dt.appendChild(el('strong', 'nb-rule-title', NB.titleOf(r)));
      dt.appendChild(el('span', 'nb-sev nb-sev-word-' + r.severity, SEV[r.severity]));
      dt.appendChild(el('code', 'nb-code', r.code));
      dl.appendChild(dt);
      var dd = el('dd');
      docSections(r.doc).forEach(function (sec) {
        var p = el('p', sec.head ? 'nb-rule-basis' : null);
        if (sec.head) p.appendChild(el('strong', null, sec.head + '：'));
        p.appendChild(document.createTextNode(sec.text));
        dd.appendChild(p);
      });
      dl.appendChild(dd);
    });
    this.$('nb-rules').querySelector('summary').textContent = '本工具的检查规则（' + rules.length + ' 条）';
  };

  /* A rule's documentation (its doc comment: paragraphs, `## 依据` headings) as sections of
     text; its source line breaks joined (Chinese needs no space between them). */
  function docSections(doc) {
    var out = [], cur = { head: null, lines: [] };
    var flush = function () {
      if (cur.lines.length) out.push({ head: cur.head, text: cur.lines.join('') });
      cur.lines = [];
    };
    String(doc || '').split('\n').forEach(function (line) {
      var l = line.trim(), h = /^#+\s*(.+)$/.exec(l);
      if (h) { flush(); cur = { head: h[1], lines: [] }; } else if (!l) { flush(); cur.head = null; } else {
        var prev = cur.lines[cur.lines.length - 1];
        cur.lines.push(prev && /[A-Za-z0-9]$/.test(prev) && /^[A-Za-z0-9]/.test(l) ? ' ' + l : l);
      }
    });
    flush();
    return out;
  }

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
    if (!button || !this.report || this.text() !== this.reportText) return;
    if (button.hasAttribute('data-f')) return this.activateFinding(this.report.findings[+button.getAttribute('data-f')], button);
    var span = this.report.cells[+button.getAttribute('data-c')].span;
    this.returnTo = button;
    this.select(span.start, span.end);
  };

  /* A finding chosen: its text selected, every cell it involves marked and brought into view; a
     finding about a table selects that table (its caption to its last row) and marks it. */
  App.prototype.activateFinding = function (f, button) {
    var t = NB.tableOf(this.report, f);
    var lit = t ? this.highlightTable(t) : this.highlight(f);
    var range = t ? this.tableRange(t, f) : f.spans[0];
    this.returnTo = button;
    if (range) this.select(range.start, range.end);
    this.reveal(lit);
  };

  /* The indicators of one drawn table of the report's template. */
  App.prototype.tableIndicators = function (name) {
    var layouts = this.layouts(), ids = {};
    var tables = (this.report.template && layouts && layouts[this.report.template]) || [];
    tables.forEach(function (t) {
      if (t.name !== name) return;
      ids.caption = t.caption;
      t.blocks.forEach(function (b) { b.rows.forEach(function (r) { if (r.indicator) ids[r.indicator] = true; }); });
    });
    return ids;
  };

  /* Where a table stands in the text: from its caption (or the checker's spans for it, those not
     in another table's cells) to its last cell read. */
  App.prototype.tableRange = function (t, f) {
    var ids = this.tableIndicators(t.table), cells = this.report.cells, text = this.reportText;
    var mine = cells.filter(function (c) { return ids[c.indicator] === true; });
    var spans = mine.map(function (c) { return c.span; });
    f.spans.forEach(function (s) {
      if (!cells.some(function (c) { return ids[c.indicator] !== true && overlaps(s, c.span); })) spans.push(s);
    });
    if (!spans.length) return null;
    var start = Math.min.apply(null, spans.map(function (s) { return s.start; }));
    var end = Math.max.apply(null, spans.map(function (s) { return s.end; }));
    // the caption's words, without its numbering, shortly before the first row
    var words = String(ids.caption || '').replace(/^[一二三四五六七八九十]+、/, '');
    var at = words ? text.lastIndexOf(words, start) : -1;
    if (at >= 0 && start - at < 600) start = Math.max(0, text.lastIndexOf('\n', at) + 1);
    return { start: start, end: end };
  };

  /* Marks a drawn table (and the rows it did not read) and no cell; returns what to bring into
     view: the table's caption and those rows. */
  App.prototype.highlightTable = function (t) {
    var box = this.$('nb-tables'), missing = {};
    (t.missing || []).forEach(function (l) { missing[l] = true; });
    Array.prototype.forEach.call(box.querySelectorAll('button.nb-cell[data-hl]'), function (b) {
      b.classList.remove('nb-hl-culprit', 'nb-hl-related');
      b.removeAttribute('data-hl');
    });
    var lit = [];
    Array.prototype.forEach.call(box.querySelectorAll('table.nb-official'), function (table) {
      var on = table.getAttribute('data-table') === t.table;
      table.parentNode.classList.toggle('nb-hl-table', on);
      if (on) table.parentNode.setAttribute('data-hl', 'table'); else table.parentNode.removeAttribute('data-hl');
      Array.prototype.forEach.call(table.querySelectorAll('tr.nb-item'), function (tr) {
        var row = on && !!missing[tr.querySelector('th').textContent];
        tr.classList.toggle('nb-hl-row', row);
        if (row) lit.push(tr);
      });
      if (on) lit.unshift(table.caption || table);
    });
    return lit;
  };

  /* Marks every table cell a finding involves: the culprit span's cells, and the cells lying
     inside its related spans (the parts of a wrong total, the other side of a balance). */
  App.prototype.highlight = function (f) {
    var cells = this.report.cells, lit = [];
    var buttons = this.$('nb-tables').querySelectorAll('button.nb-cell');
    Array.prototype.forEach.call(this.$('nb-tables').querySelectorAll('.nb-hl-table, .nb-hl-row'), function (e) {
      e.classList.remove('nb-hl-table', 'nb-hl-row');
      e.removeAttribute('data-hl');
    });
    Array.prototype.forEach.call(buttons, function (b) {
      var c = cells[+b.getAttribute('data-c')];
      var culprit = f.spans.length > 0 && overlaps(f.spans[0], c.span);
      var related = !culprit && f.spans.slice(1).some(function (s) { return s.start <= c.span.start && c.span.end <= s.end; });
      b.classList.toggle('nb-hl-culprit', culprit);
      b.classList.toggle('nb-hl-related', related);
      if (culprit || related) b.setAttribute('data-hl', culprit ? 'culprit' : 'related');
      else b.removeAttribute('data-hl');
      if (culprit) lit.unshift(b); else if (related) lit.push(b);
    });
    return lit;
  };

  /* Brings what a finding involves into view (the first of `els` matters most): sideways inside
     each table's own scrolling box (表四's 15 columns are wider than the results), all of its
     cells there where they fit, else from the first; and up or down on the page where the
     editor stays in view beside the results (the wide layout). */
  App.prototype.reveal = function (els) {
    if (!els.length) return;
    var wraps = [];
    els.forEach(function (e) {
      var w = e.closest('.nb-table-wrap');
      if (w && wraps.indexOf(w) < 0) wraps.push(w);
    });
    wraps.forEach(function (w) {
      var box = w.getBoundingClientRect(), mine = els.filter(function (e) { return w.contains(e) && e.tagName === 'BUTTON'; });
      if (!mine.length) return;
      var rects = mine.map(function (e) { return e.getBoundingClientRect(); });
      var left = Math.min.apply(null, rects.map(function (r) { return r.left; })) - box.left + w.scrollLeft;
      var right = Math.max.apply(null, rects.map(function (r) { return r.right; })) - box.left + w.scrollLeft;
      var pad = 8, view = w.clientWidth;
      if (right - left + 2 * pad > view) right = rects[0].right - box.left + w.scrollLeft, left = rects[0].left - box.left + w.scrollLeft;
      if (left - pad < w.scrollLeft) w.scrollLeft = Math.max(0, left - pad);
      else if (right + pad > w.scrollLeft + view) w.scrollLeft = right + pad - view;
    });
    if (getComputedStyle(this.$('nb-input').closest('.nb-editor')).position !== 'sticky') return;
    var all = els.map(function (e) { return e.getBoundingClientRect(); });
    var top = Math.min.apply(null, all.map(function (r) { return r.top; }));
    var bottom = Math.max.apply(null, all.map(function (r) { return r.bottom; }));
    var h = document.documentElement.clientHeight, margin = 16;
    if (bottom - top + 2 * margin > h) bottom = all[0].bottom, top = all[0].top;
    var dy = top - margin < 0 ? top - margin : bottom + margin > h ? bottom + margin - h : 0;
    if (dy) window.scrollBy(0, dy);
  };

  /* Selects characters and scrolls the textarea so they sit in its upper third. */
  App.prototype.select = function (start, end) {
    var ta = this.ta;
    if (start > ta.value.length) {
      this.notice('这处在输入框没有显示的部分（全文第 ' + (start + 1) + ' 字）：文字太长，输入框只显示前 ' + ta.value.length + ' 字。', false);
      return;
    }
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
})();
