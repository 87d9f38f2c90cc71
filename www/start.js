/* 年报校验: starts the checker on index.html (the embed script calls NB.mount itself). */
(function () {
  'use strict';
  var root = document.getElementById('nb-root');
  if (window.NB.problem) {
    window.NB.showBlocked(root, window.NB.problem);
  } else if (typeof window.NB.mount !== 'function') {
    // app.js did not run: its syntax is newer than this browser understands.
    window.NB.showBlocked(root, { title: '此浏览器无法运行年报校验',
      reason: '浏览器版本过旧，无法运行本工具的脚本。',
      advice: '请切换到“极速模式”，或改用新版 Chrome、Edge、Firefox 浏览器。' });
  } else {
    window.NB.mount(root, { base: '' });
  }
})();
