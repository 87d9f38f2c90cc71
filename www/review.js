/* 年报校验: for reviewers of many reports — the list, pairing with last year's report,
   dismissals with a reason, the printed 审核意见单 and the Excel export. ES2017 without ?. or ??
   (Chromium 69 kernels). Text from reports reaches the page through textContent only. */
(function () {
  'use strict';
  var NB = window.NB = window.NB || {};
  var App = NB.App, el = NB.el, SEV = NB.SEV;
  var DISMISS_KEY = 'nianbao:v1:dismissed';
  var CONTEXT = 20; // characters either side of a finding that identify it
  var SHORT_TEMPLATE = { '2008': '2008 年版', '2019': '2019 年版', '2021': '2021 年版' };

  /* ---------- dismissals: fingerprint -> {code, reason, excerpt, at} in localStorage ---------- */

  /* The finding's code and the text around its first span, without whitespace: stable under
     edits elsewhere in the report and under re-wrapped lines. */
  NB.fingerprint = function (f, text) {
    var s = f.spans[0];
    if (!s) return f.code + '|' + f.message.replace(/\s+/g, '');
    var end = Math.min(s.end, s.start + 80);
    var around = text.slice(Math.max(0, s.start - CONTEXT), end + CONTEXT);
    return f.code + '|' + around.replace(/\s+/g, '');
  };

  function Dismissals() {
    this.items = {};
    try {
      var saved = JSON.parse(localStorage.getItem(DISMISS_KEY) || 'null');
      if (saved && saved.items && typeof saved.items === 'object') this.items = saved.items;
    } catch (e) { this.items = {}; }
  }
  NB.Dismissals = Dismissals;

  Dismissals.prototype.save = function () {
    try { localStorage.setItem(DISMISS_KEY, JSON.stringify({ version: 1, items: this.items })); } catch (e) { /* disabled */ }
  };

  /* index -> reason for the findings of one report. */
  Dismissals.prototype.of = function (findings, text) {
    var out = {}, items = this.items;
    findings.forEach(function (f, i) {
      var d = items[NB.fingerprint(f, text)];
      if (d) out[i] = d.reason;
    });
    return out;
  };

  Dismissals.prototype.set = function (f, text, reason) {
    var s = f.spans[0];
    this.items[NB.fingerprint(f, text)] = {
      code: f.code, reason: reason, at: new Date().toISOString(),
      excerpt: s ? text.slice(s.start, Math.min(s.end, s.start + 80)) : ''
    };
    this.save();
  };

  Dismissals.prototype.remove = function (f, text) {
    delete this.items[NB.fingerprint(f, text)];
    this.save();
  };

  Dismissals.prototype.toJson = function () {
    var items = this.items;
    return JSON.stringify({
      format: 'nianbao-dismissals', version: 1,
      items: Object.keys(items).map(function (k) { return Object.assign({ fingerprint: k }, items[k]); })
    }, null, 2);
  };

  /* Adds the records of an exported file; returns how many were read. */
  Dismissals.prototype.merge = function (json) {
    var data = JSON.parse(json), self = this, n = 0;
    if (!data || data.format !== 'nianbao-dismissals' || !Array.isArray(data.items)) throw new Error('不是年报校验导出的忽略记录');
    data.items.forEach(function (it) {
      if (!it || typeof it.fingerprint !== 'string' || typeof it.reason !== 'string') return;
      self.items[it.fingerprint] = { code: String(it.code || ''), reason: it.reason, at: String(it.at || ''), excerpt: String(it.excerpt || '') };
      n++;
    });
    this.save();
    return n;
  };

  /* ---------- wiring ---------- */

  App.prototype.bindReview = function () {
    var self = this;
    function on(id, ev, fn) { self.$(id).addEventListener(ev, fn.bind(self)); }
    on('nb-new', 'click', this.addBlank);
    on('nb-dismissed', 'click', function (e) { this.activate(e.target.closest('button[data-f]')); });
    ['nb-findings', 'nb-dismissed'].forEach(function (id) {
      on(id, 'click', function (e) { this.dismissClick(e.target.closest('button[data-dismiss], button[data-restore]')); });
      on(id, 'submit', function (e) { e.preventDefault(); this.dismissSubmit(e.target); });
      on(id, 'keydown', function (e) { if (e.key === 'Escape' && e.target.closest('form')) this.dismissCancel(e.target.closest('form')); });
    });
    on('nb-pair', 'change', function (e) { this.doc.pair = e.target.value; this.runCheck(); });
    on('nb-list', 'click', this.listClick);
    on('nb-remove', 'click', function () { this.removeDocs([this.doc]); });
    on('nb-remove-all', 'click', function () { this.removeDocs(this.docs.slice()); });
    on('nb-sheet-one', 'click', function () { this.printSheets([this.doc]); });
    on('nb-sheet-all', 'click', function () { this.printSheets(this.sortedDocs()); });
    on('nb-xlsx', 'click', function () { this.exportXlsx(); });
    on('nb-xlsx-all', 'click', function () { this.exportXlsx(); });
    on('nb-dismiss-export', 'click', this.exportDismissals);
    on('nb-dismiss-import', 'click', function () { this.$('nb-dismiss-file').click(); });
    on('nb-dismiss-file', 'change', function (e) {
      if (e.target.files && e.target.files[0]) this.importDismissals(e.target.files[0]);
      e.target.value = '';
    });
    window.addEventListener('afterprint', function () { self.$('nb-app').classList.remove('nb-print-sheet'); });
  };

  App.prototype.addBlank = function () {
    this.syncDoc();
    if (!this.doc.text) {
      // one empty report at a time: this one first
      var self = this, d = this.doc;
      this.notice('当前这一份还是空白的：请先把报告全文粘贴到输入框，再添下一份。', false, function () { return self.doc === d && !d.text; });
      this.ta.focus();
      return;
    }
    this.load(this.newDoc());
    this.runCheck();
    var me = this, blank = this.doc;
    this.notice('已新增一份空白报告：请把报告全文粘贴到左侧输入框。', false, function () { return me.doc === blank && !blank.text; });
    this.ta.focus();
  };

  /* Like 清空, removing reports asks nothing: 撤销 brings them back. */
  App.prototype.removeDocs = function (gone) {
    this.syncDoc();
    this.undo = { docs: this.docs.slice(), doc: this.doc };
    this.docs = this.docs.filter(function (d) { return gone.indexOf(d) < 0; });
    if (!this.docs.length) this.newDoc();
    this.load(this.docs.indexOf(this.doc) >= 0 ? this.doc : this.docs[0]);
    this.runCheck();
    this.notice('已移除 ' + gone.length + ' 份报告。', true);
  };

  App.prototype.undoRemove = function (u) {
    this.undo = null;
    this.docs = u.docs;
    this.load(u.doc);
    this.runCheck();
    this.notice('已撤销，移除的报告已恢复。', false);
  };

  /* ---------- dismiss / restore one finding ---------- */

  App.prototype.dismissButton = function (i, dismissed) {
    var b = el('button', 'nb-btn nb-btn-small nb-dismiss-btn', dismissed ? '恢复' : '忽略');
    b.type = 'button';
    b.setAttribute(dismissed ? 'data-restore' : 'data-dismiss', String(i));
    b.setAttribute('aria-label', (dismissed ? '恢复第 ' : '忽略第 ') + (i + 1) + ' 个问题');
    return b;
  };

  App.prototype.dismissClick = function (b) {
    if (!b || !this.report || this.text() !== this.reportText) return;
    if (b.hasAttribute('data-restore')) {
      this.dismissals.remove(this.report.findings[+b.getAttribute('data-restore')], this.reportText);
      this.refreshDismissed('已恢复这个问题。');
      return;
    }
    var li = b.closest('li');
    if (li.querySelector('form')) return li.querySelector('input').focus();
    li.appendChild(this.dismissForm(+b.getAttribute('data-dismiss')));
    li.querySelector('input').focus();
  };

  App.prototype.dismissForm = function (i) {
    var form = el('form', 'nb-dismiss-form');
    form.setAttribute('data-i', String(i));
    var label = el('label', null, '忽略原因：');
    var input = el('input', 'nb-reason-input');
    input.type = 'text';
    input.maxLength = 200;
    input.required = true;
    input.setAttribute('aria-describedby', 'nb-dismiss-tip-' + i);
    label.appendChild(input);
    form.appendChild(label);
    var ok = el('button', 'nb-btn nb-btn-small', '确定忽略');
    ok.type = 'submit';
    var cancel = el('button', 'nb-btn nb-btn-small', '取消');
    cancel.type = 'button';
    cancel.addEventListener('click', this.dismissCancel.bind(this, form));
    form.appendChild(ok);
    form.appendChild(cancel);
    var tip = el('span', 'nb-hint', '例如“费用已在正文说明”。按 Esc 取消。');
    tip.id = 'nb-dismiss-tip-' + i;
    form.appendChild(tip);
    return form;
  };

  App.prototype.dismissSubmit = function (form) {
    var reason = form.querySelector('input').value.replace(/\s+/g, ' ').trim();
    if (!reason || !this.report || this.text() !== this.reportText) return;
    this.dismissals.set(this.report.findings[+form.getAttribute('data-i')], this.reportText, reason);
    this.refreshDismissed('已忽略这个问题（原因：' + reason + '），它列在“已忽略的问题”中。');
    this.$('nb-findings-h').focus();
  };

  App.prototype.dismissCancel = function (form) {
    var b = form.parentNode.querySelector('button[data-dismiss]');
    form.parentNode.removeChild(form);
    if (b) b.focus();
  };

  App.prototype.refreshDismissed = function (message) {
    this.renderDoc();
    this.renderList();
    this.notice(message, false);
  };

  App.prototype.exportDismissals = function () {
    this.download(new Blob([this.dismissals.toJson()], { type: 'application/json' }), '年报校验忽略记录.json');
  };

  App.prototype.importDismissals = function (file) {
    var self = this, reader = new FileReader();
    reader.onload = function () {
      try {
        var n = self.dismissals.merge(NB.decode(new Uint8Array(reader.result)).text.replace(/^\uFEFF/, ''));
        self.refreshDismissed('已导入 ' + n + ' 条忽略记录。');
      } catch (e) {
        self.notice('无法导入“' + file.name + '”：' + (e && e.message || e) + '。', false);
      }
    };
    reader.readAsArrayBuffer(file);
  };

  /* ---------- pairing with last year's report ---------- */

  function docLabel(d) {
    var r = d.report, who = r ? [r.agency, r.year ? r.year + ' 年度' : ''].filter(Boolean).join(' ') : '';
    return d.name + (who ? '（' + who + '）' : '');
  }

  App.prototype.renderPairing = function () {
    var box = this.$('nb-pairing'), sel = this.$('nb-pair'), d = this.doc, self = this;
    box.hidden = this.docs.length < 2;
    if (box.hidden) return;
    sel.textContent = '';
    var auto = d.pair === 'auto' && d.prev ? this.byId(d.prev) : null;
    var add = function (value, text) {
      var o = el('option', null, text);
      o.value = value;
      sel.appendChild(o);
    };
    add('auto', auto ? '自动：' + docLabel(auto) : '自动（同一机关上一年度，未找到）');
    add('none', '不对比');
    this.docs.forEach(function (e) { if (e !== d) add(e.id, docLabel(e)); });
    sel.value = d.pair === 'auto' || d.pair === 'none' || self.byId(d.pair) ? d.pair : 'auto';
  };

  /* ---------- the list of reports ---------- */

  var COLUMNS = [
    { key: 'name', title: '文件' }, { key: 'agency', title: '机关' }, { key: 'year', title: '年度' },
    { key: 'template', title: '模板' }, { key: 'error', title: '错误' }, { key: 'warning', title: '警告' },
    { key: 'info', title: '提示' }, { key: 'dismissed', title: '已忽略' }, { key: 'read', title: '读出' },
    { key: 'status', title: '状态' }, { key: 'prev', title: '上年报告' }
  ];

  /* What the list shows of one report (counts without the dismissed findings). */
  App.prototype.rowOf = function (d) {
    var v = this.viewOf(d), r = v.report, prev = d.prev ? this.byId(d.prev) : null;
    var c = r ? NB.counts(r.findings, v.dismissed) : {};
    var pending = d.checkedRev !== d.rev;
    return {
      name: d.name, agency: r ? r.agency || '未识别' : '', year: r && r.year ? r.year : '',
      template: r ? SHORT_TEMPLATE[r.template] || '未识别' : '',
      error: pending ? '…' : r ? c.error : '', warning: pending ? '…' : r ? c.warning : '',
      info: pending ? '…' : r ? c.info : '', dismissed: r ? c.dismissed : '',
      read: r ? NB.readCount(r.coverage) : '', status: pending ? '正在检查' : d.error ? '检查出错' : r ? NB.statusOf(r) : d.text ? '' : '空白',
      prev: prev ? prev.name : ''
    };
  };

  App.prototype.sortedDocs = function () {
    var s = this.sort, self = this;
    if (!s) return this.docs.slice();
    var rows = this.docs.map(function (d, i) { return { d: d, i: i, row: self.rowOf(d) }; });
    rows.sort(function (a, b) {
      var x = a.row[s.key], y = b.row[s.key], cmp;
      if (typeof x === 'number' && typeof y === 'number') cmp = x - y;
      else cmp = String(x).localeCompare(String(y), 'zh-CN', { numeric: true });
      return (cmp || a.i - b.i) * s.dir;
    });
    return rows.map(function (r) { return r.d; });
  };

  App.prototype.renderList = function () {
    var box = this.$('nb-batch'), table = this.$('nb-list'), self = this;
    box.hidden = this.docs.length < 2;
    this.renderPairing();
    if (box.hidden) return;
    var head = table.tHead.rows[0], body = table.tBodies[0];
    head.textContent = '';
    COLUMNS.forEach(function (c) { head.appendChild(self.sortHeader(c)); });
    body.textContent = '';
    this.sortedDocs().forEach(function (d) { body.appendChild(self.listRow(d)); });
    this.$('nb-batch-summary').textContent = this.batchSummary();
    this.$('nb-batch-h').textContent = '报告列表（' + this.docs.length + ' 份）';
  };

  App.prototype.sortHeader = function (c) {
    var th = el('th');
    th.scope = 'col';
    var s = this.sort, on = s && s.key === c.key;
    th.setAttribute('aria-sort', on ? (s.dir > 0 ? 'ascending' : 'descending') : 'none');
    var b = el('button', 'nb-sort', c.title + (on ? (s.dir > 0 ? ' ▲' : ' ▼') : ''));
    b.type = 'button';
    b.setAttribute('data-sort', c.key);
    th.appendChild(b);
    return th;
  };

  App.prototype.listRow = function (d) {
    var row = this.rowOf(d), tr = el('tr');
    tr.setAttribute('data-doc', d.id);
    if (d === this.doc) tr.className = 'nb-current';
    COLUMNS.forEach(function (c) {
      var cell = el(c.key === 'name' ? 'th' : 'td', 'nb-l-' + c.key);
      if (c.key !== 'name') cell.textContent = String(row[c.key]);
      else {
        cell.scope = 'row';
        var b = el('button', 'nb-doc', row.name);
        b.type = 'button';
        b.setAttribute('data-open', d.id);
        if (tr.className) b.setAttribute('aria-current', 'true');
        cell.appendChild(b);
      }
      if ((c.key === 'error' && row.error > 0) || (c.key === 'warning' && row.warning > 0)) cell.classList.add('nb-l-bad');
      // not a clean result, whatever the counts: said in words, and the row marked
      if (c.key === 'status' && row.status && row.status !== '已检查' && row.status !== '正在检查') cell.classList.add('nb-l-attention');
      tr.appendChild(cell);
    });
    return tr;
  };

  App.prototype.listClick = function (e) {
    var b = e.target.closest('button');
    if (!b) return;
    if (b.hasAttribute('data-open')) {
      this.show(this.byId(b.getAttribute('data-open')));
      this.renderList();
      this.runCheck();
      var again = this.$('nb-list').querySelector('button[data-open="' + b.getAttribute('data-open') + '"]');
      if (again) again.focus();
      return;
    }
    var key = b.getAttribute('data-sort');
    this.sort = { key: key, dir: this.sort && this.sort.key === key ? -this.sort.dir : 1 };
    this.renderList();
    this.$('nb-list').querySelector('button[data-sort="' + key + '"]').focus();
  };

  App.prototype.batchSummary = function () {
    var self = this, done = 0, bad = 0, warn = 0, pairs = 0, odd = 0;
    this.docs.forEach(function (d) {
      var row = self.rowOf(d);
      if (d.checkedRev === d.rev) done++;
      if (row.error > 0) bad++;
      else if (row.warning > 0) warn++;
      if (row.status && row.status !== '已检查' && row.status !== '正在检查') odd++;
      if (d.prev) pairs++;
    });
    return '共 ' + this.docs.length + ' 份，已检查 ' + done + ' 份：' + bad + ' 份有错误，' + warn +
      ' 份只有警告；' + (odd ? odd + ' 份未完整检查（见“状态”列）；' : '') + pairs + ' 份与上年报告做了对比。';
  };

  /* ---------- 审核意见单 ---------- */

  /* How a reviewer names the table cell a span falls in — `表三 （三）不予公开 3. 自然人`, from
     the template's layout (the names come with it from src/schema/layout.rs) — or null for the
     prose. A cell no template row holds is named by its printed label and column. */
  NB.cellRef = function (report, span, layouts) {
    for (var i = 0; i < report.cells.length; i++) {
      var c = report.cells[i];
      if (span.start >= c.span.start && (span.start < c.span.end || span.start === c.span.start)) {
        return layoutRef(c, report.template && layouts ? layouts[report.template] : null) ||
          [c.label].concat(c.column ? [c.column] : []).join(' ');
      }
    }
    return null;
  };

  function layoutRef(cell, tables) {
    var found = null;
    (tables || []).forEach(function (t) {
      t.blocks.forEach(function (b) {
        var x = b.columns.indexOf(cell.column);
        b.rows.forEach(function (r) {
          if (found || r.indicator !== cell.indicator || x < 0) return;
          found = cell.column === null ? r.reference : r.reference + ' ' + b.columnNames[x];
        });
      });
    });
    return found;
  }

  /* Where a finding is, as a person finds it in the report (never a line number: a paste has
     none): the checker's own words (f.where), the table a table-level finding is about, the
     cell named as the form names it, else the reported words quoted. */
  NB.whereText = function (report, text, f, layouts) {
    if (f.where) return f.where;
    var t = NB.tableOf(report, f);
    if (t) return t.table;
    var s = f.spans[0];
    if (!s) return '全文';
    return NB.cellRef(report, s, layouts) || NB.quoteAt(text, s) || '全文';
  };

  function today() {
    var d = new Date(), two = function (n) { return (n < 10 ? '0' : '') + n; };
    return d.getFullYear() + '-' + two(d.getMonth() + 1) + '-' + two(d.getDate());
  }

  function num(v) { return v === null || v === undefined ? '' : String(v); }

  function cellsRow(tag, values) {
    var tr = el('tr');
    values.forEach(function (v) { tr.appendChild(el(tag, null, v)); });
    return tr;
  }

  function table(cls, head, rows) {
    var t = el('table', 'nb-sheet-table ' + cls), thead = el('thead'), tbody = el('tbody');
    thead.appendChild(cellsRow('th', head));
    rows.forEach(function (r) { tbody.appendChild(cellsRow('td', r)); });
    t.appendChild(thead);
    t.appendChild(tbody);
    return t;
  }

  App.prototype.sheetPage = function (d, n) {
    var v = this.viewOf(d), r = v.report, page = el('section', 'nb-sheet-page');
    page.appendChild(el('h1', 'nb-sheet-title', '政府信息公开工作年度报告审核意见单'));
    var prev = d.prev ? this.byId(d.prev) : null;
    var meta = [['序号', String(n)], ['文件', d.name], ['机关', r && r.agency || '未识别'],
      ['年度', r && r.year ? r.year + ' 年度' : '未识别'], ['模板', r && r.template ? NB.TEMPLATE[r.template] : '未识别'],
      ['上年报告', prev ? prev.name : '未对比'], ['状态', r ? NB.statusOf(r) + (NB.readCount(r.coverage) ? '（读出 ' + NB.readCount(r.coverage) + '）' : '') : '未检查'],
      ['检查日期', today()],
      ['检查工具', '年报校验 ' + this.$('nb-version').textContent]];
    var dl = el('dl', 'nb-sheet-meta');
    meta.forEach(function (m) { dl.appendChild(el('dt', null, m[0])); dl.appendChild(el('dd', null, m[1])); });
    page.appendChild(dl);
    if (!r) {
      page.appendChild(el('p', null, d.error ? '检查出错：' + d.error : '没有可检查的内容。'));
      return page;
    }
    var c = NB.counts(r.findings, v.dismissed);
    NB.unread(r.coverage).forEach(function (u) { page.appendChild(el('p', 'nb-sheet-unread', '未完整读出：' + NB.unreadText(u, d.source))); });
    page.appendChild(el('p', 'nb-sheet-counts', '检查结果：错误 ' + c.error + ' 个，警告 ' + c.warning + ' 个，提示 ' + c.info + ' 个；已忽略 ' + c.dismissed + ' 个。'));
    this.sheetFindings(page, r, d.text, v.dismissed);
    page.appendChild(el('p', 'nb-sheet-sign', '审核意见：'));
    page.appendChild(el('div', 'nb-sheet-lines'));
    page.appendChild(el('p', 'nb-sheet-sign', '审核人：＿＿＿＿＿＿＿＿　　审核日期：＿＿＿＿年＿＿月＿＿日'));
    return page;
  };

  App.prototype.sheetFindings = function (page, r, text, dismissed) {
    var open = [], gone = [], layouts = this.engine ? this.engine.layouts : null;
    r.findings.forEach(function (f, i) {
      var where = NB.whereText(r, text, f, layouts);
      // a table-level finding's expected/actual are cell counts, said in its message
      var table = !!NB.tableOf(r, f);
      if (i in dismissed) gone.push([String(i + 1), NB.titleOf(f), where, f.message, dismissed[i]]);
      else open.push([String(i + 1), SEV[f.severity], NB.titleOf(f), where, f.message, table ? '' : num(f.expected), table ? '' : num(f.actual)]);
    });
    page.appendChild(el('h2', 'nb-sheet-h', '问题（' + open.length + ' 个）'));
    if (open.length) page.appendChild(table('nb-sheet-findings', ['序号', '严重程度', '问题', '位置', '说明', '应为', '实为'], open));
    else page.appendChild(el('p', null, NB.incomplete(r.coverage) ? '已读出的部分未发现问题（表格未完整读出）。' : '未发现问题。'));
    if (!gone.length) return;
    page.appendChild(el('h2', 'nb-sheet-h', '已忽略的问题（' + gone.length + ' 个）'));
    page.appendChild(table('nb-sheet-dismissed', ['序号', '问题', '位置', '说明', '忽略原因'], gone));
  };

  App.prototype.sheetSummary = function (docs) {
    var self = this, page = el('section', 'nb-sheet-page nb-sheet-summary');
    page.appendChild(el('h1', 'nb-sheet-title', '政府信息公开工作年度报告审核汇总'));
    page.appendChild(el('p', 'nb-sheet-counts', this.batchSummary()));
    var rows = docs.map(function (d, i) {
      var row = self.rowOf(d);
      return [String(i + 1), row.name, row.agency, String(row.year), row.template, String(row.error), String(row.warning), String(row.info), String(row.dismissed), row.read, row.status, row.prev];
    });
    page.appendChild(table('nb-sheet-list', ['序号', '文件', '机关', '年度', '模板', '错误', '警告', '提示', '已忽略', '读出', '状态', '上年报告'], rows));
    return page;
  };

  /* Fills the print-only sheet: a summary page for several reports, then one page each. */
  App.prototype.buildSheets = function (docs) {
    var box = this.$('nb-sheet'), self = this;
    box.textContent = '';
    if (docs.length > 1) box.appendChild(this.sheetSummary(docs));
    docs.forEach(function (d, i) { box.appendChild(self.sheetPage(d, i + 1)); });
    this.$('nb-app').classList.add('nb-print-sheet');
  };

  App.prototype.printSheets = function (docs) {
    var self = this;
    docs = docs.filter(function (d) { return d.text; }); // an empty report has no sheet
    if (!docs.length) {
      this.notice('还没有报告可打印审核意见单：请先把报告全文粘贴到输入框，或打开文件。', false, function () { return !self.docs.some(function (d) { return d.text; }); });
      return;
    }
    this.whenIdle().then(function () {
      self.buildSheets(docs);
      window.print();
    });
  };

  /* ---------- Excel ---------- */

  App.prototype.exportEntries = function () {
    var self = this;
    var side = function (x) { return x.tracked ? NB.gridsOf(x.tracked) : null; };
    return this.sortedDocs().filter(function (d) { return d.text; }).map(function (d) {
      var v = self.viewOf(d), prev = d.prev ? self.byId(d.prev) : null;
      return {
        name: d.name, text: d.text, tables: side(d),
        previous: prev ? { text: prev.text, tables: side(prev) } : null,
        dismissed: Object.keys(v.dismissed).map(function (i) { return [+i, v.dismissed[i]]; })
      };
    });
  };

  App.prototype.exportXlsx = function () {
    var self = this, entries;
    this.notice('正在生成 Excel 文件…', false);
    this.whenIdle().then(function () {
      entries = self.exportEntries();
      if (!entries.length) throw new Error('还没有报告，请先把报告全文粘贴到输入框，或打开文件');
      return NB.loadXlsx(self.base);
    }).then(function (x) { return x.workbook(entries); }).then(function (bytes) {
      var type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
      self.download(new Blob([bytes], { type: type }), '年报审核结果.xlsx');
      self.notice('已导出 Excel：' + entries.length + ' 份报告，每份一张单元格表、一张问题表和一张按模板绘制的表样。', false);
    }).catch(function (err) {
      var none = !entries || !entries.length;
      self.notice('无法导出 Excel：' + (err && err.message || err) + (none ? '。' : '。可改用“导出 CSV”。'), false,
        none ? function () { return !self.docs.some(function (d) { return d.text; }); } : null);
    });
  };
})();
