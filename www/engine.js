/* 年报校验: runs the wasm checker in a classic Web Worker, or on the main thread where a worker
   cannot start (file://, policies). Either way the app sees the same promise API:
   engine.check(text, tables) -> Promise<{report, ms}>. */
(function () {
  'use strict';
  var NB = window.NB = window.NB || {};

  function url(base, rel) {
    return new URL(rel, new URL(base || '.', document.baseURI)).href;
  }

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var s = document.createElement('script');
      s.src = src;
      s.onload = resolve;
      s.onerror = function () { reject(new Error('无法加载 ' + src)); };
      document.head.appendChild(s);
    });
  }

  function bytesOf(b64) {
    var bin = atob(b64), out = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  }

  /* The wasm source for the main thread: inlined bytes in the single file; on file:// the
     base64 script beside the page (fetching a .wasm from file:// is refused); else the URL. */
  function wasmSource(base) {
    if (typeof NB_WASM_B64 === 'string') return Promise.resolve(bytesOf(NB_WASM_B64));
    if (location.protocol === 'file:') {
      return loadScript(url(base, 'pkg/nianbao_bg.wasm.js')).then(function () { return bytesOf(NB_WASM_B64); });
    }
    return Promise.resolve(url(base, 'pkg/nianbao_bg.wasm'));
  }

  function callWasm(text, tables) {
    var t0 = performance.now();
    var report = tables && tables.length ? wasm_bindgen.checkWithTables(text, tables) : wasm_bindgen.check(text);
    return { report: report, ms: performance.now() - t0 };
  }

  function mainThread(base, compiled) {
    return (compiled || Promise.resolve(null))
      .then(function (mod) { return mod || wasmSource(base); })
      .then(function (src) { return wasm_bindgen({ module_or_path: src }); })
      .then(function () {
        return {
          mode: 'main', version: wasm_bindgen.version(), rules: wasm_bindgen.rules(),
          check: function (text, tables) {
            return new Promise(function (resolve) { resolve(callWasm(text, tables)); });
          }
        };
      });
  }

  /* One worker; resolves with {version, rules, check} once its wasm is ready. */
  /* Fetches and compiles the wasm on the main thread (off-thread, streaming) while the worker
     starts and loads its glue; the compiled module is then posted to the worker. */
  function compileEarly(base) {
    var src = url(base, 'pkg/nianbao_bg.wasm');
    var compiled = typeof WebAssembly.compileStreaming === 'function'
      ? WebAssembly.compileStreaming(fetch(src))
      : fetch(src).then(function (r) { return r.arrayBuffer(); }).then(function (b) { return WebAssembly.compile(b); });
    return compiled.catch(function () { return null; }); // the worker then fetches it itself
  }

  function spawn(base, compiled) {
    return new Promise(function (resolve, reject) {
      var worker = new Worker(url(base, 'worker.js'));
      var pending = {}, nextId = 0, started = false;
      var timer = setTimeout(function () { fail(new Error('后台线程启动超时')); }, 15000);
      function fail(err) {
        clearTimeout(timer);
        worker.terminate();
        if (!started) reject(err);
        Object.keys(pending).forEach(function (id) { pending[id].reject(err); });
        pending = {};
      }
      worker.onerror = function (e) { e.preventDefault(); fail(new Error(e.message || '后台线程出错')); };
      worker.onmessage = function (e) {
        var m = e.data;
        if (m.type === 'ready') {
          started = true;
          clearTimeout(timer);
          resolve({
            version: m.version, rules: m.rules, stop: function () { fail(new Error('后台线程已重启')); },
            check: function (text, tables) {
              var id = ++nextId;
              worker.postMessage({ type: 'check', id: id, text: text, tables: tables || null });
              return new Promise(function (res, rej) { pending[id] = { resolve: res, reject: rej }; });
            }
          });
        } else if (m.type === 'failed') {
          fail(new Error(m.error));
        } else if (pending[m.id]) {
          var p = pending[m.id];
          delete pending[m.id];
          if (m.error) p.reject(new Error(m.error)); else p.resolve({ report: m.report, ms: m.ms });
        }
      };
      compiled.then(function (mod) { worker.postMessage({ type: 'init', module: mod }); });
    });
  }

  /* A wasm trap (a bug in the checker) leaves that instance unusable, so the next check gets
     a fresh worker; the one failed check reports its error. */
  function workerEngine(base, compiled) {
    return spawn(base, compiled).then(function (first) {
      var current = Promise.resolve(first);
      return {
        mode: 'worker', version: first.version, rules: first.rules,
        check: function (text, tables) {
          return current.then(function (w) {
            return w.check(text, tables).catch(function (err) {
              w.stop();
              current = spawn(base, compiled);
              throw err;
            });
          });
        }
      };
    });
  }

  /* Prefers the worker so typing stays smooth; falls back to the main thread. */
  NB.createEngine = function (opts) {
    var base = opts.base || '';
    var canWorker = typeof Worker === 'function' && location.protocol !== 'file:' && typeof NB_WASM_B64 !== 'string';
    if (!canWorker) return mainThread(base);
    var compiled = compileEarly(base), w;
    try { w = workerEngine(base, compiled); } catch (e) { return mainThread(base, compiled); }
    return w.catch(function () { return mainThread(base, compiled); });
  };
})();
