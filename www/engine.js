/* 年报校验: runs the wasm checker in a classic Web Worker, or on the main thread where a worker
   cannot start (file://, policies). Either way the app sees the same promise API:
   engine.check(text, tables) -> Promise<{report, ms, key}> (key: the agency's pairing key),
   engine.crossYear(prev, cur) -> Promise<{findings, ms}> (each {text, tables}).
   NB.loadXlsx(base) and NB.loadFiles(base) load the Excel module and the file reader only when
   asked, each in its own worker where possible.
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
            version: m.version, rules: m.rules, layouts: m.layouts, stop: function () { fail(restarted()); },
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
          if (m.error) p.reject(Object.assign(new Error(m.error), { broken: !!m.broken, restarted: !!m.restarted })); else p.resolve(m);
        }
      };
      compiled.then(function (mod) {
        // Chromium 69 cannot post a compiled module to a worker (DataCloneError): the worker
        // then fetches and compiles its own instead of waiting for a module that never comes.
        try { worker.postMessage({ type: 'init', module: mod }); } catch (e) { worker.postMessage({ type: 'init', module: null }); }
      });
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

  /* ---- Modules loaded only when asked: the same crate built with other features. ---- */

  /* The Excel writer (www/pkg-xlsx, on the first 导出 Excel) and the file reader (www/pkg-files,
     on the first .pdf/.docx/.html opened). Each in its own worker where possible; from file://
     (no fetch, no worker) by classic scripts beside the page. The single file dist/nianbao.html
     carries both inside it (make-single.js): each glue as text and its wasm deflated in base64,
     in inert <script type="text/plain"> elements that cost the first result nothing but the
     parser's scan; they are decoded on first use. `local` is what the module offers on the main
     thread, `remote` the same through its worker. */
  var SIDE = {
    xlsx: {
      key: 'xlsx', dir: 'pkg-xlsx', name: 'nianbao_xlsx', worker: 'xlsx-worker.js', what: 'Excel 模块',
      glue: function () { return typeof nb_xlsx === 'function' ? nb_xlsx : null; },
      b64: function () { return typeof NB_XLSX_B64 === 'string' ? NB_XLSX_B64 : null; },
      local: function (g) { return { workbook: function (entries) { return Promise.resolve(g.workbook(entries)); } }; },
      remote: function (call) {
        return { workbook: function (entries) { return call({ type: 'workbook', entries: entries }).then(function (m) { return m.bytes; }); } };
      }
    },
    files: {
      key: 'files', dir: 'pkg-files', name: 'nianbao_files', worker: 'files-worker.js', what: 'PDF、Word 和网页的读取模块',
      glue: function () { return typeof nb_files === 'function' ? nb_files : null; },
      b64: function () { return typeof NB_FILES_B64 === 'string' ? NB_FILES_B64 : null; },
      // Each file is read at one go, which holds the page: first a frame is drawn, so that what
      // the status line says (正在读取…) is on screen meanwhile.
      local: function (g) {
        var broken = false;
        return { open: function (name, data) {
          return NB.nextFrame().then(function () {
            if (broken) throw restarted();
            var r = NB.openWith(g, name, data);
            broken = broken || r.broken;
            if (r.error) throw Object.assign(new Error(r.error), { broken: r.broken });
            return r.file;
          });
        } };
      },
      remote: function (call) {
        return { open: function (name, data) {
          // copied, not transferred: after a trap the request is sent again, to a fresh worker
          return call({ type: 'open', name: name, data: data }).then(function (m) { return m.file; });
        } };
      }
    }
  };

  /* Resolves once the page has drawn a frame (what was written before it is on screen). */
  NB.nextFrame = function () {
    return new Promise(function (r) {
      if (typeof requestAnimationFrame !== 'function' || document.hidden) return setTimeout(r, 0);
      requestAnimationFrame(function () { setTimeout(r, 0); });
    });
  };

  /* The module inside the single file: {glue, wasm, size} (texts of its inert elements), or null. */
  function embeddedOf(s) {
    var glue = document.getElementById('nb-embed-' + s.key + '-glue');
    var wasm = document.getElementById('nb-embed-' + s.key + '-wasm');
    return glue && wasm ? { glue: glue, wasm: wasm } : null;
  }

  var inflated = {};
  /* The embedded module's wasm bytes: base64 → zlib → bytes, once (kept for a fresh instance
     after a trap). tiny-inflate (NB_INFLATE, inlined beside it) runs in any kernel. */
  function embeddedBytes(s, e) {
    if (!inflated[s.key]) {
      var t0 = performance.now();
      var packed = bytesOf(e.wasm.textContent);
      var out = new Uint8Array(+e.wasm.getAttribute('data-size'));
      NB_INFLATE(packed.subarray(2), out); // past the zlib header: raw deflate
      inflated[s.key] = out;
      NB.timing['inflate_' + s.key] = performance.now() - t0;
    }
    return inflated[s.key];
  }

  /* Runs the glue's text as a classic script: each run defines a fresh glue global. */
  function runGlue(e) {
    var s = document.createElement('script');
    s.text = e.glue.textContent;
    document.head.appendChild(s);
    document.head.removeChild(s);
  }

  /* The glue (reloaded after a trap: a wasm instance that trapped is not used again), then the
     wasm: inside the single file; from file:// the base64 script beside the page; else the URL. */
  function sideMainThread(base, s, fresh) {
    var inside = embeddedOf(s);
    if (inside) {
      return NB.nextFrame().then(function () {
        runGlue(inside);
        return s.glue()({ module_or_path: embeddedBytes(s, inside) });
      }).then(function () { return { api: s.local(s.glue()), stop: function () {}, where: 'main' }; });
    }
    var at = function (f) { return url(base, s.dir + '/' + f); };
    var glue = s.glue() && !fresh ? Promise.resolve() : loadScript(at(s.name + '.js'));
    return glue.then(function () {
      if (location.protocol !== 'file:') return at(s.name + '_bg.wasm');
      var b64 = s.b64() ? Promise.resolve() : loadScript(at(s.name + '_bg.wasm.js'));
      return b64.then(function () { return bytesOf(s.b64()); });
    }).catch(function (err) {
      // www/index.html from disk without the folders beside it
      if (location.protocol === 'file:') throw new Error(s.what + '不在本页面旁边（应在 index.html 所在文件夹的 ' + s.dir + ' 文件夹中）；请改用单文件版 nianbao.html');
      throw err;
    }).then(function (src) { return s.glue()({ module_or_path: src }); })
      .then(function () { return { api: s.local(s.glue()), stop: function () {}, where: 'main' }; });
  }

  function sideWorker(base, s) {
    return spawn(base, Promise.resolve(null), s.worker).then(function (w) {
      return { api: s.remote(w.call), stop: w.stop, where: 'worker' };
    });
  }

  var loaded = {};
  NB.instances = {};
  /* Resolves with the module's API (xlsx: {workbook(entries) -> Promise<Uint8Array>}; files:
     {open(name, bytes | {page, text, malformed}) -> Promise<{text, tables, format}>}). A failed load is retried
     next time; after a trap (err.broken) the next call gets a fresh instance. */
  function loadSide(key, base) {
    if (loaded[key]) return loaded[key];
    var s = SIDE[key], again = key in loaded;
    var canWorker = typeof Worker === 'function' && location.protocol !== 'file:' && !embeddedOf(s);
    var m = canWorker ? sideWorker(base, s).catch(function () { return sideMainThread(base, s, again); }) : sideMainThread(base, s, again);
    var p = loaded[key] = m.then(function (x) {
      NB[key + 'In'] = x.where; // where the module was instantiated (the tests ask)
      NB.instances[key] = (NB.instances[key] || 0) + 1; // how often (a trap makes a fresh one)
      return guarded(x, function () {
        if (loaded[key] === p) loaded[key] = null;
        x.stop();
        return loadSide(key, base);
      });
    });
    p.catch(function () { loaded[key] = null; });
    return p;
  }

  /* After a trap the instance is replaced; the calls it had not answered yet go to the new one. */
  function guarded(x, replace) {
    var api = {}, next = null;
    Object.keys(x.api).forEach(function (k) {
      api[k] = function () {
        var args = arguments;
        return x.api[k].apply(null, args).catch(function (err) {
          if (!err || !(err.broken || err.restarted)) throw err;
          next = next || replace();
          if (err.broken) throw err;
          return next.then(function (a) { return a[k].apply(null, args); });
        });
      };
    });
    return api;
  }

  function restarted() { return Object.assign(new Error('后台线程已重启'), { restarted: true }); }

  NB.loadXlsx = function (base) { return loadSide('xlsx', base); };
  NB.loadFiles = function (base) { return loadSide('files', base); };
})();
