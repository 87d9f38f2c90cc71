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
   ES5, like the worker that loads it. */
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
})(self);
