/* 年报校验: builds the reviewer's .xlsx in its own worker, so the checker's wasm stays small and
   a large batch does not freeze the page. Started only on the first 导出 Excel. */
'use strict';
importScripts('pkg-xlsx/nianbao_xlsx.js');

var ready = null;

function init() {
  if (!ready) ready = nb_xlsx({ module_or_path: new URL('pkg-xlsx/nianbao_xlsx_bg.wasm', self.location.href) });
  return ready;
}

self.onmessage = function (e) {
  var m = e.data;
  if (m.type === 'init') {
    init().then(function () {
      self.postMessage({ type: 'ready' });
    }, function (err) {
      self.postMessage({ type: 'failed', error: String(err && err.message || err) });
    });
  } else if (m.type === 'workbook') {
    init().then(function () {
      var bytes = nb_xlsx.workbook(m.entries);
      self.postMessage({ type: 'result', id: m.id, bytes: bytes }, [bytes.buffer]);
    }).catch(function (err) {
      self.postMessage({ type: 'result', id: m.id, error: String(err && err.message || err) });
    });
  }
};
