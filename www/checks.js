/* 年报校验: the work queue: the current report checked first, then the others, then the
   cross-year comparisons; stale results dropped, long stale checks cancelled. */
(function () {
  'use strict';
  var NB = window.NB;
  var App = NB.App;

  /* A newer edit stops a check of an older text only once it has run this long: short checks
     are cheaper to finish than a restarted worker. */
  var CANCEL_AFTER_MS = 200;

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
      // the first result's way, for make bench-web: sent, checked in wasm (ms), back
      if (!NB.timing.sent) NB.timing.sent = run.started;
      var done = function (r, err) {
        if (self.running === run) self.running = null;
        if (r && !NB.timing.received) {
          NB.timing.received = performance.now();
          NB.timing.checkMs = r.ms;
        }
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
    if (this.debouncing) this.doneOnTables = false;
    else if (this.tablesPending) this.doneOnTables = true;
    else this.setState('done');
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
    var d = this.doc;
    if (d.error) this.status('检查出错：' + d.error);
    else if (d.report) this.status('检查完毕：共 ' + d.text.length + ' 字，用时 ' + Math.max(1, Math.round(d.ms)) + ' 毫秒。');
    else this.status('请把报告全文粘贴到上面的输入框，或打开文件。');
  };
})();
