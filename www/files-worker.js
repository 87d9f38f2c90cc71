/* 年报校验: reads .pdf, .docx and web pages with the file reader (www/pkg-files) in its own worker,
   so that a batch of PDFs leaves the page free. Started on the first such file opened. The
   messages are in protocol.js. */
'use strict';
importScripts('pkg-files/nianbao_files.js', 'protocol.js');

var ready = null;
var broken = false; // a trap: the page sends the rest again to a fresh worker

function init() {
  if (!ready) ready = nb_files({ module_or_path: new URL('pkg-files/nianbao_files_bg.wasm', self.location.href) });
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
  } else if (m.type === 'open') {
    init().then(function () {
      if (broken) return self.postMessage({ type: 'result', id: m.id, error: '后台线程已重启', restarted: true });
      var r = NB.openWith(nb_files, m.name, m.data);
      broken = r.broken;
      self.postMessage({ type: 'result', id: m.id, file: r.file, error: r.error, broken: r.broken });
    });
  }
};
