/* 年报校验: the list of reports: files opened, reports added and shown, kept in localStorage. */
(function () {
  'use strict';
  var NB = window.NB;
  var App = NB.App, Doc = NB.Doc, PASTED = NB.PASTED;

  var OLD_STORE_KEY = 'nianbao:v1:input';
  var STORE_KEY = 'nianbao:v2:docs';
  var MAX_FILE_BYTES = 8 * 1024 * 1024;
  /* A browser keeps about 5 million characters per site; serializing a longer text only to be
     refused would block the page for tens of milliseconds on every check. */
  var MAX_SAVED_CHARS = 2000000;

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
})();
