/* 年报校验: ES5 pre-check. Runs before anything else, on any browser (even IE), so that a
   browser which cannot run the checker shows a plain explanation instead of a blank page. */
(function () {
  'use strict';
  var NB = window.NB = window.NB || {};
  // when the page's first script ran (make bench-web: the page's way to its first result)
  NB.timing = { scripts: performance.now() };

  var ADVICE_BROWSER = '如使用 360、QQ、搜狗等双核浏览器，请点击地址栏右侧的图标切换到“极速模式”；' +
    '或改用新版 Chrome、Edge、Firefox 浏览器。如果是单位统一配置的电脑，请联系信息中心或网站管理员。';

  function find() {
    if (typeof WebAssembly !== 'object' || typeof WebAssembly.Module !== 'function') {
      return { title: '此浏览器无法运行年报校验',
        reason: '浏览器版本过旧，或正处于“兼容模式”，缺少本工具需要的 WebAssembly 功能。',
        advice: ADVICE_BROWSER };
    }
    if (typeof Promise !== 'function' || typeof TextDecoder !== 'function' ||
        typeof Object.values !== 'function' || !String.prototype.padStart) {
      return { title: '此浏览器无法运行年报校验',
        reason: '浏览器版本过旧，缺少本工具需要的功能。', advice: ADVICE_BROWSER };
    }
    try {
      // The 8-byte empty module: compiling it fails both when wasm is missing and when the
      // site's Content-Security-Policy forbids compiling wasm.
      new WebAssembly.Module(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]));
    } catch (e) {
      return { title: '年报校验被安全策略阻止',
        reason: '本网站或浏览器的安全策略禁止运行 WebAssembly，检查无法启动。（' + String(e && e.message || e).slice(0, 160) + '）',
        advice: '请网站管理员在内容安全策略（Content-Security-Policy）的 script-src 中加入 ' +
          '\'wasm-unsafe-eval\'（较旧的浏览器内核需要 \'unsafe-eval\'）；' +
          '如果是单位统一配置的电脑，请联系信息中心。也可以改用离线单文件版 nianbao.html。' };
    }
    if (staleMemoryViews()) {
      return { title: '此浏览器无法运行年报校验',
        reason: '浏览器版本过旧：在这个版本里，检查程序会读错自己的数据，结果全部不对' +
          '（表格显示“未读出”，问题没有说明，导出的 Excel 是空的）。',
        advice: '请把浏览器升级到最新版本，或改用新版 Chrome、Edge、Firefox 浏览器。' +
          '如果是单位统一配置的电脑，请联系信息中心或网站管理员。' };
    }
    return null;
  }

  /* Chromium 64 and 65 (V8 6.4, 6.5) move a wasm memory grown by the module itself
     (memory.grow) without detaching the old ArrayBuffer: a view made before the growth keeps
     its length and reads the old copy. The glue renews its views only when they read as
     detached (length 0), so every string read after the first growth comes out empty. This
     52-byte module grows its memory by a page and then stores 42 at address 0; the view made
     before must read as detached or see the 42. (Growing from JS detaches correctly there.)
     The module: (module (memory (export "m") 1) (func (export "g") i32.const 1 memory.grow drop
     i32.const 0 i32.const 42 i32.store8)), through wat2wasm. */
  function staleMemoryViews() {
    var bytes = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 5, 3, 1,
      0, 1, 7, 9, 2, 1, 109, 2, 0, 1, 103, 0, 0, 10, 16, 1, 14, 0, 65, 1, 64, 0, 26, 65, 0, 65, 42,
      58, 0, 0, 11]);
    try {
      var exports = new WebAssembly.Instance(new WebAssembly.Module(bytes), {}).exports;
      var before = new Uint8Array(exports.m.buffer);
      exports.g();
      var now = new Uint8Array(exports.m.buffer);
      return now[0] !== 42 || (before.byteLength !== 0 && before[0] !== 42);
    } catch (e) {
      return false; // not this fault; whatever else fails is reported when the checker starts
    }
  }

  NB.problem = find();

  /* Layout features old kernels lack, which style.css replaces under a class on .nb (see the
     end of style.css): flex `gap` (Chromium 84; 360 安全浏览器's 极速模式 is 78 or 86) →
     nb-nogap; `display: flex` on a <fieldset> (Chromium 86) → nb-nofsflex. Measured, not
     guessed from the version: @supports cannot tell flex gap from grid gap. Properties are
     set one by one (CSSOM), which a strict style-src allows. */
  NB.layoutFallbacks = function (app) {
    var body = document.body;
    if (!body) return;
    function probe(tag, setup) {
      var box = document.createElement(tag);
      box.style.position = 'absolute';
      box.style.visibility = 'hidden';
      box.style.border = '0';
      box.style.padding = '0';
      box.style.margin = '0';
      box.style.display = 'flex';
      var a = box.appendChild(document.createElement('div'));
      var b = box.appendChild(document.createElement('div'));
      setup(box, a, b);
      body.appendChild(box);
      var r = { box: box.getBoundingClientRect(), a: a.getBoundingClientRect(), b: b.getBoundingClientRect() };
      body.removeChild(box);
      return r;
    }
    // two empty items in a column, 1px apart: the box is 1px high only when gap applies to flex
    var gap = probe('div', function (box) { box.style.flexDirection = 'column'; box.style.rowGap = '1px'; });
    // two boxes of a word each in a row: side by side only when the fieldset is a flex container
    // (before 86, Chromium lays them out as blocks, one under the other)
    var fieldset = probe('fieldset', function (box, a, b) {
      a.appendChild(document.createTextNode('x'));
      b.appendChild(document.createTextNode('x'));
    });
    if (gap.box.height !== 1) app.className += ' nb-nogap';
    if (!(fieldset.b.left > fieldset.a.left)) app.className += ' nb-nofsflex';
  };

  /* Shown in place of the checker. Built with DOM calls: no innerHTML, no inline style. */
  NB.showBlocked = function (container, problem) {
    var box = document.createElement('div');
    box.className = 'nb-blocked';
    box.setAttribute('role', 'alert');
    var h = document.createElement('h1');
    h.appendChild(document.createTextNode(problem.title));
    box.appendChild(h);
    var texts = [problem.reason, '怎么办：' + problem.advice, '报告内容不会被上传。'];
    for (var i = 0; i < texts.length; i++) {
      var p = document.createElement('p');
      p.appendChild(document.createTextNode(texts[i]));
      box.appendChild(p);
    }
    container.appendChild(box);
  };
})();
