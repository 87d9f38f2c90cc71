/* 年报校验: the checker in a classic worker (importScripts works on old Chromium kernels,
   where module workers do not). The messages are in protocol.js; replies carry the request
   id, and the page drops stale ones. */
'use strict';
importScripts('pkg/nianbao.js', 'protocol.js');

var ready = null;

/* The page usually sends the module it compiled; otherwise fetch it here. */
function init(module) {
  if (!ready) {
    ready = wasm_bindgen({ module_or_path: module || new URL('pkg/nianbao_bg.wasm', self.location.href) });
  }
  return ready;
}

self.onmessage = function (e) {
  var m = e.data;
  if (m.type === 'init') {
    init(m.module).then(function () {
      self.postMessage(NB.readyMessage(wasm_bindgen));
    }, function (err) {
      self.postMessage({ type: 'failed', error: String(err && err.message || err) });
    });
  } else if (m.type === 'check' || m.type === 'cross') {
    init().then(function () {
      var reply;
      try { reply = NB.runWasm(wasm_bindgen, m); } catch (err) {
        reply = { type: 'result', id: m.id, error: String(err && err.message || err) };
      }
      self.postMessage(reply);
    });
  }
};
