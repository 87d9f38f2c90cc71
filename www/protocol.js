/* 年报校验: the worker protocol, in one place. How a request becomes calls of the checker's wasm
   and a reply — the same in the worker (worker.js) and on the main thread, where no worker can
   start (engine.js). `api` is the glue's global, wasm_bindgen.
     page → worker: {type: 'init', module}            (the compiled module, or null: fetch it)
                    {type: 'check', id, text, tables}  (tables: the clipboard's grids, or null)
                    {type: 'cross', id, prev, cur}     (each {text, tables}: last year, this year)
     worker → page: {type: 'ready', version, rules, layouts} | {type: 'failed', error}
                    {type: 'result', id, report, ms, key}  (key: the agency's pairing key)
                    {type: 'result', id, findings, ms}     (a cross-year comparison)
                    {type: 'result', id, error}
   The file reader's worker (files-worker.js) answers {type: 'open', id, name, data} (data: the
   bytes of a .pdf/.docx/page, or {page: true, text, malformed}: a GB18030 page the browser
   decoded) with
   {type: 'result', id, file: {text, tables, format}} or {type: 'result', id, error, broken}.
   ES5, like the workers that load it. */
(function (g) {
  'use strict';
  var NB = g.NB = g.NB || {};

  NB.readyMessage = function (api) {
    return { type: 'ready', version: api.version(), rules: api.rules(), layouts: api.layouts() };
  };

  NB.runWasm = function (api, m) {
    var t0 = performance.now();
    if (m.type === 'cross') {
      var found = api.crossYear(m.prev.text, m.prev.tables || null, m.cur.text, m.cur.tables || null);
      return { type: 'result', id: m.id, findings: found, ms: performance.now() - t0 };
    }
    var report = m.tables && m.tables.length ? api.checkWithTables(m.text, m.tables) : api.check(m.text);
    return { type: 'result', id: m.id, report: report, ms: performance.now() - t0, key: api.agencyKey(report.agency || '') };
  };

  /* Only the message a trap can have: wasm cannot unwind, so a reader library's panic, which the
     CLI catches (src/pdf.rs), ends the instance here. The CLI's words for the same file. */
  function trapMessage(name, data) {
    var pdf = /\.pdf$/i.test(name) || (!data.page && data[0] === 0x25 && data[1] === 0x50 && data[2] === 0x44);
    return pdf ? 'PDF 文件已损坏或结构特殊，无法读取文字；请使用文字版 PDF（能选中文字的），或另存为 .docx，或复制报告文字后粘贴'
      : '读取文件时出现内部错误，其他文件不受影响；请另存为 .docx 或复制报告文字后粘贴';
  }

  /* One file read by the file reader's glue (`api`: nb_files): {file} or {error, broken};
     broken: the instance trapped and must not be used again. */
  NB.openWith = function (api, name, data) {
    try {
      return { file: data.page ? api.openText(name, data.text, data.malformed) : api.openFile(name, data) };
    } catch (err) {
      var trap = err instanceof WebAssembly.RuntimeError;
      return { error: trap ? trapMessage(name, data) : String(err && err.message || err), broken: trap };
    }
  };
})(self);
