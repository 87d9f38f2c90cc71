/* 年报校验: mounts the checker into an element of any page:
     <script src="/path/to/nianbao/nianbao-embed.js" data-target="#box"></script>
   The checker lives in a shadow root, so the portal's CSS does not reach it and its CSS does
   not reach the portal. Every asset is loaded relative to this script. ES5, so that old
   browsers still get the explanation instead of a blank box. */
(function () {
  'use strict';
  var me = document.currentScript;
  if (!me) return;
  var base = me.src.replace(/[^\/]*([?#].*)?$/, '');
  // index.html's scripts but start.js, in its order (tests/web/run.js checks the two agree)
  var scripts = ['precheck.js', 'pkg/nianbao.js', 'pkg/sample.js', 'pkg/page.js'];

  function load(i, done) {
    if (i >= scripts.length) return done();
    var s = document.createElement('script');
    s.src = base + scripts[i];
    s.onload = function () { load(i + 1, done); };
    s.onerror = function () { done(new Error('无法加载 ' + scripts[i])); };
    document.head.appendChild(s);
  }

  function mount() {
    var target = document.querySelector(me.getAttribute('data-target') || '#nianbao');
    if (!target) return;
    var root = target.attachShadow ? target.attachShadow({ mode: 'open' }) : target;
    var link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = base + 'style.css';
    root.appendChild(link);
    var box = document.createElement('div');
    root.appendChild(box);
    load(0, function (err) {
      var NB = window.NB || {};
      var problem = NB.problem || (err || typeof NB.mount !== 'function' ? {
        title: '年报校验无法加载',
        reason: err ? err.message : '浏览器版本过旧，无法运行本工具的脚本。',
        advice: '请切换到“极速模式”或改用新版浏览器；如仍有问题，请联系网站管理员。'
      } : null);
      if (problem && NB.showBlocked) NB.showBlocked(box, problem);
      else if (problem) box.appendChild(document.createTextNode(problem.title + '：' + problem.reason));
      else NB.mount(box, { base: base });
    });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mount);
  else mount();
})();
