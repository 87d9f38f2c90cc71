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
    return null;
  }

  NB.problem = find();

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
