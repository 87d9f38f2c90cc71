/* 年报校验: runs the wasm checker in a classic Web Worker, or on the main thread where a worker
   cannot start (file://, policies). Either way the app sees the same promise API:
   engine.check(text, tables) -> Promise<{report, ms, key}> (key: the agency's pairing key),
   engine.crossYear(prev, cur) -> Promise<{findings, ms}> (each {text, tables}).
   NB.loadXlsx(base) loads the Excel module only when asked, in its own worker where possible.
   The messages to and from the checker are in protocol.js. */
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

  function api(call) {
    return {
      check: function (text, tables) { return call({ type: 'check', text: text, tables: tables || null }); },
      crossYear: function (prev, cur) { return call({ type: 'cross', prev: prev, cur: cur }); }
    };
  }

  function mainThread(base, compiled) {
    return (compiled || Promise.resolve(null))
      .then(function (mod) { return mod || wasmSource(base); })
      .then(function (src) {
        NB.timing.instantiate = performance.now();
        return wasm_bindgen({ module_or_path: src });
      })
      .then(function () {
        NB.timing.instantiated = performance.now();
        var e = api(function (m) {
          return new Promise(function (resolve) { resolve(NB.runWasm(wasm_bindgen, m)); });
        });
        var ready = NB.readyMessage(wasm_bindgen);
        e.mode = 'main';
        e.version = ready.version;
        e.rules = ready.rules;
        e.layouts = ready.layouts;
        return e;
      });
  }

  /* Fetches and compiles the wasm on the main thread (off-thread, streaming) while the worker
     starts and loads its glue; the compiled module is then posted to the worker. */
  function compileEarly(base) {
    var src = url(base, 'pkg/nianbao_bg.wasm');
    var compiled = typeof WebAssembly.compileStreaming === 'function'
      ? WebAssembly.compileStreaming(fetch(src))
      : fetch(src).then(function (r) { return r.arrayBuffer(); }).then(function (b) { return WebAssembly.compile(b); });
    return compiled.catch(function () { return null; }); // the worker then fetches it itself
  }

  /* One worker; resolves with {version, rules, call, stop} once its wasm is ready. */
  function spawn(base, compiled, script) {
    return new Promise(function (resolve, reject) {
      var worker = new Worker(url(base, script || 'worker.js'));
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
            version: m.version, rules: m.rules, layouts: m.layouts, stop: function () { fail(new Error('后台线程已重启')); },
            busy: function () { return Object.keys(pending).length > 0; },
            call: function (msg, transfer) {
              msg.id = ++nextId;
              worker.postMessage(msg, transfer || []);
              return new Promise(function (res, rej) { pending[msg.id] = { resolve: res, reject: rej }; });
            }
          });
        } else if (m.type === 'failed') {
          fail(new Error(m.error));
        } else if (pending[m.id]) {
          var p = pending[m.id];
          delete pending[m.id];
          if (m.error) p.reject(new Error(m.error)); else p.resolve(m);
        }
      };
      compiled.then(function (mod) { worker.postMessage({ type: 'init', module: mod }); });
    });
  }

  /* A wasm trap (a bug in the checker) leaves that instance unusable, so the next check gets
     a fresh worker; the one failed check reports its error. cancel() does the same to a worker
     busy with a request nobody wants any more: wasm cannot be interrupted, only thrown away
     (the compiled module is kept, so the new one is ready in milliseconds). */
  function workerEngine(base, compiled) {
    return spawn(base, compiled).then(function (first) {
      var current = Promise.resolve(first);
      function replace(w) {
        if (w.replaced) return;
        w.replaced = true;
        w.stop();
        current = spawn(base, compiled);
      }
      var e = api(function (msg) {
        return current.then(function (w) {
          return w.call(msg).catch(function (err) {
            replace(w);
            throw err;
          });
        });
      });
      e.cancel = function () {
        current.then(function (w) { if (w.busy()) replace(w); });
      };
      e.mode = 'worker';
      e.version = first.version;
      e.rules = first.rules;
      e.layouts = first.layouts;
      return e;
    });
  }

  /* Prefers the worker so typing stays smooth; falls back to the main thread. */
  /* Compiling starts as soon as this script runs, while the browser still parses and runs the
     page's other scripts (V8 compiles off the main thread): the single file's inline bytes, or
     the .wasm beside this script over http. Where wasm is blocked precheck.js has said so. */
  function startEarly() {
    if (NB.problem || typeof WebAssembly !== 'object') return null;
    if (typeof NB_WASM_B64 === 'string') {
      return WebAssembly.compile(bytesOf(NB_WASM_B64)).catch(function () { return null; });
    }
    var me = document.currentScript;
    if (location.protocol === 'file:' || !me || !me.src) return null;
    // this script runs from www/pkg/page.js (or, unbundled, www/engine.js): the base is www/
    return compileEarly(me.src.replace(/[^\/]*([?#].*)?$/, '').replace(/pkg\/$/, ''));
  }
  var early = startEarly();

  NB.createEngine = function (opts) {
    var base = opts.base || '';
    var canWorker = typeof Worker === 'function' && location.protocol !== 'file:' && typeof NB_WASM_B64 !== 'string';
    if (!canWorker) return mainThread(base, early);
    var compiled = early || compileEarly(base), w;
    try { w = workerEngine(base, compiled); } catch (e) { return mainThread(base, compiled); }
    return w.catch(function () { return mainThread(base, compiled); });
  };

  /* ---- The Excel module (www/pkg-xlsx): fetched and instantiated on the first 导出 Excel. ---- */

  /* A page may carry it inline (the glue as a script defining nb_xlsx, the wasm as base64 in a
     block that is never run); from file:// it comes from the base64 script beside the page
     (dist/pkg-xlsx/ beside dist/nianbao.html); else the URL. */
  function xlsxSource(base) {
    var inline = document.getElementById('nb-xlsx-b64');
    if (inline) return Promise.resolve(bytesOf(inline.textContent.trim()));
    if (location.protocol === 'file:') {
      return loadScript(url(base, 'pkg-xlsx/nianbao_xlsx_bg.wasm.js')).then(function () { return bytesOf(NB_XLSX_B64); });
    }
    return Promise.resolve(url(base, 'pkg-xlsx/nianbao_xlsx_bg.wasm'));
  }

  function xlsxMainThread(base) {
    var glue = typeof nb_xlsx === 'function' ? Promise.resolve() : loadScript(url(base, 'pkg-xlsx/nianbao_xlsx.js'));
    return glue.then(function () { return xlsxSource(base); }, function (err) {
      // the offline file without the folder that travels with it
      if (location.protocol === 'file:') throw new Error('Excel 模块不在本文件旁边（应与 nianbao.html 放在同一文件夹的 pkg-xlsx 文件夹）');
      throw err;
    })
      .then(function (src) { return nb_xlsx({ module_or_path: src }); })
      .then(function () {
        NB.xlsxIn = 'main';
        return { workbook: function (entries) { return Promise.resolve(nb_xlsx.workbook(entries)); } };
      });
  }

  function xlsxWorker(base) {
    return spawn(base, Promise.resolve(null), 'xlsx-worker.js').then(function (w) {
      NB.xlsxIn = 'worker'; // where the Excel module was instantiated (the tests ask)
      return {
        workbook: function (entries) {
          return w.call({ type: 'workbook', entries: entries }).then(function (m) { return m.bytes; });
        }
      };
    });
  }

  var xlsx = null;
  /* Resolves with {workbook(entries) -> Promise<Uint8Array>}; a failed load is retried next time. */
  NB.loadXlsx = function (base) {
    if (xlsx) return xlsx;
    var canWorker = typeof Worker === 'function' && location.protocol !== 'file:' && !document.getElementById('nb-xlsx-b64');
    xlsx = (canWorker ? xlsxWorker(base).catch(function () { return xlsxMainThread(base); }) : xlsxMainThread(base));
    xlsx.catch(function () { xlsx = null; });
    return xlsx;
  };
})();
