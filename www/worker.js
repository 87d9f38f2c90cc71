/* 年报校验: the checker in a classic worker (importScripts works on old Chromium kernels,
   where module workers do not). Replies carry the request id; the page drops stale ones. */
'use strict';
importScripts('pkg/nianbao.js');

var ready = null;

/* The page usually sends the module it compiled; otherwise fetch it here. */
function init(module) {
  if (!ready) {
    ready = wasm_bindgen({ module_or_path: module || new URL('pkg/nianbao_bg.wasm', self.location.href) });
  }
  return ready;
}

/* The same calls the page makes on the main thread (engine.js NB.runWasm), as messages. */
function run(m) {
  var t0 = performance.now();
  if (m.type === 'cross') {
    var found = wasm_bindgen.crossYear(m.prev.text, m.prev.tables || null, m.cur.text, m.cur.tables || null);
    return { type: 'result', id: m.id, findings: found, ms: performance.now() - t0 };
  }
  var report = m.tables && m.tables.length
    ? wasm_bindgen.checkWithTables(m.text, m.tables)
    : wasm_bindgen.check(m.text);
  var key = wasm_bindgen.agencyKey(report.agency || '');
  return { type: 'result', id: m.id, report: report, ms: performance.now() - t0, key: key };
}

self.onmessage = function (e) {
  var m = e.data;
  if (m.type === 'init') {
    init(m.module).then(function () {
      self.postMessage({ type: 'ready', version: wasm_bindgen.version(), rules: wasm_bindgen.rules(), layouts: wasm_bindgen.layouts() });
    }, function (err) {
      self.postMessage({ type: 'failed', error: String(err && err.message || err) });
    });
  } else if (m.type === 'check' || m.type === 'cross') {
    init().then(function () {
      var reply;
      try { reply = run(m); } catch (err) {
        reply = { type: 'result', id: m.id, error: String(err && err.message || err) };
      }
      self.postMessage(reply);
    });
  }
};
