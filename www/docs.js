/* 年报校验: the list of reports: files opened, reports added and shown, kept in localStorage. */
(function () {
  'use strict';
  var NB = window.NB;
  var App = NB.App, Doc = NB.Doc, PASTED = NB.PASTED;

  var OLD_STORE_KEY = 'nianbao:v1:input';
  var STORE_KEY = 'nianbao:v2:docs';
  var MAX_FILE_BYTES = 8 * 1024 * 1024;
  var MAX_DOC_BYTES = 64 * 1024 * 1024; // a PDF with its fonts and images
  /* A browser keeps about 5 million characters per site; serializing a longer text only to be
     refused would block the page for tens of milliseconds on every check. */
  var MAX_SAVED_CHARS = 2000000;
  var FORMAT = { pdf: 'PDF', docx: 'Word 文档', html: '网页' };

  function bytesOf(file) {
    return new Promise(function (resolve, reject) {
      var reader = new FileReader();
      reader.onload = function () { resolve(new Uint8Array(reader.result)); };
      reader.onerror = reject;
      reader.readAsArrayBuffer(file);
    });
  }

  function starts(bytes, magic) {
    return magic.every(function (b, i) { return bytes[i] === b; });
  }

  /* What only the file reader (www/pkg-files) reads, decided as the CLI decides (src/files.rs):
     'bytes' for a PDF, a zip (.docx), an old Word/WPS file (by its bytes or its name) and a web
     page in UTF-8 or UTF-16; 'page' for a web page in GB18030, which the browser decodes (the
     wasm has no encoding tables); else null. */
  function readerInput(name, bytes) {
    var ext = (/\.([^.]+)$/.exec(name) || ['', ''])[1].toLowerCase();
    if (starts(bytes, [0x25, 0x50, 0x44, 0x46]) || starts(bytes, [0x50, 0x4b, 3, 4]) ||
      starts(bytes, [0xd0, 0xcf, 0x11, 0xe0]) || ['pdf', 'docx', 'doc', 'wps'].indexOf(ext) >= 0) return 'bytes';
    if (ext !== 'html' && ext !== 'htm') return null;
    return /^GB/.test(NB.decode(bytes).encoding) ? 'page' : 'bytes';
  }

  /* Resolves with {name, text, tables, format, encoding} or {name, problem}. */
  function readFile(file, base) {
    if (file.size > MAX_DOC_BYTES) return Promise.resolve({ name: file.name, problem: '太大（超过 64 MB），不像是年度报告' });
    return bytesOf(file).then(function (bytes) {
      var how = readerInput(file.name, bytes);
      if (how) return readDocument(file.name, bytes, how, base);
      if (file.size > MAX_FILE_BYTES) return { name: file.name, problem: '太大（超过 8 MB），不像是年度报告的纯文本' };
      if (bytes.indexOf(0) >= 0 && !(bytes[0] === 0xff || bytes[0] === 0xfe)) {
        return { name: file.name, problem: '不是纯文本文件，也不是 PDF、Word（.docx）或网页；请打开后全选、复制，再粘贴到这里' };
      }
      var d = NB.decode(bytes);
      return { name: file.name, text: d.text, encoding: d.encoding, format: 'txt' };
    }, function () { return { name: file.name, problem: '无法读取' }; });
  }

  /* A PDF, Word file or web page, read by the file reader into the document's text (what the
     editor shows, so that a finding selects a visible place) and its tables read exactly. */
  function readDocument(name, bytes, how, base) {
    var page = how === 'page' ? gb18030(bytes) : null;
    return NB.loadFiles(base).then(function (reader) {
      return reader.open(name, page || bytes);
    }).then(function (f) {
      return { name: name, text: f.text, tables: f.tables, format: f.format, encoding: page && 'GB18030（GBK）' };
    }, function (err) {
      return { name: name, problem: '：' + String(err && err.message || err).replace(/。$/, '') };
    });
  }

  /* Strictly, as the CLI's decoder: bytes it cannot decode are refused there with its message. */
  function gb18030(bytes) {
    try {
      return { page: true, text: new TextDecoder('gb18030', { fatal: true }).decode(bytes), malformed: false };
    } catch (e) {
      return { page: true, text: '', malformed: true };
    }
  }

  function openedText(r) {
    if (r.format === 'txt') return '编码：' + r.encoding;
    var n = r.tables.length;
    return FORMAT[r.format] + (n ? '，' + n + ' 个表格按原表结构读取' : '');
  }

  /* The files read, the status counting them: a folder of PDFs takes a while. */
  App.prototype.readFiles = function (files) {
    var self = this, done = 0;
    this.setState('pending');
    this.status(files.length > 1 ? '正在读取文件…（0 / ' + files.length + ' 份）' : '正在读取“' + files[0].name + '”…');
    return Promise.all(files.map(function (f) {
      return readFile(f, self.base).then(function (r) {
        done++;
        if (files.length > 1) self.status('正在读取文件…（' + done + ' / ' + files.length + ' 份）');
        if (r.tables) r.tracked = r.tables.length ? NB.trackTables(r.text, r.tables) : null;
        return r;
      });
    }));
  };

  /* One file while only one report is open replaces its text (undoable), as it always did;
     several files, or any file once a list exists, are added to the list. What could not be
     read is said by name, and the rest is checked. */
  App.prototype.openFiles = function (fileList) {
    var self = this, files = Array.prototype.slice.call(fileList);
    this.readFiles(files).then(function (read) {
      var bad = read.filter(function (r) { return r.problem; });
      var good = read.filter(function (r) { return !r.problem; });
      var why = bad.map(function (r) { return '“' + r.name + '”' + r.problem + '。'; }).join('');
      if (good.length === 1 && self.docs.length === 1) {
        var r = good[0];
        self.replaceText(r.text, '已打开“' + r.name + '”（' + openedText(r) + '）。' + why, r.name, r.tracked, r.format);
      } else if (good.length) {
        // first: a warning that storage is full, raised while adding, must stay visible
        self.notice('已打开 ' + good.length + ' 份报告，列表中逐份显示检查结果。' + why, false);
        self.addDocs(good);
      } else {
        if (why) self.notice(why, false);
        self.runCheck();
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
      d.tracked = f.tracked || null;
      d.source = f.format;
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
    this.showText(doc.text);
    this.tracked = doc.tracked;
    this.returnTo = null;
    this.checkNotice();
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
        docs: docs.map(function (d) { return { id: d.id, name: d.name, text: d.text, tracked: d.tracked, pair: d.pair, source: d.source }; })
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
      doc.source = typeof d.source === 'string' ? d.source : 'paste';
      return doc;
    });
    if (!this.docs.length) this.docs = [new Doc('d1', PASTED, '')];
    this.nextId = +saved.nextId || this.docs.length;
    this.load(this.docs[Math.max(0, Math.min(this.docs.length - 1, +saved.current || 0))]);
    var n = this.docs.length;
    this.notice(n > 1 ? '已恢复上次的 ' + n + ' 份报告（只保存在本机浏览器中）。' : '已恢复上次内容（只保存在本机浏览器中）。', false);
  };
})();
