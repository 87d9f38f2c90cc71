#!/usr/bin/env node
// Build steps that need no dependencies:
//   make-single.js --downlevel-glue GLUE.js     rewrite the glue's ES2020 bits for old kernels
//   make-single.js --b64-script WASM OUT.js [VAR]  a classic script defining NB_WASM_B64 or VAR
//                                             (for file://)
//   make-single.js --sample TXT OUT.js        the 示例 text as a classic script (no fetch needed)
//   make-single.js --bundle WWW_DIR OUT.js    the page's scripts (PAGE_SCRIPTS) as one file
//   make-single.js WWW_DIR OUT.html           one self-contained HTML file: every stylesheet and
//                                             script of index.html inlined, the wasm as base64;
//                                             the Excel module and the file reader inside it too,
//                                             deflated, decoded on first use.
'use strict';
const fs = require('fs');
const path = require('path');

function write(out, content) {
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, content);
}

function b64Script(wasmFile, name) {
  return 'var ' + (name || 'NB_WASM_B64') + ' = "' + fs.readFileSync(wasmFile).toString('base64') + '";\n';
}

function sampleScript(txtFile) {
  // JSON is valid JS; escape the two line separators older engines reject in string literals.
  const json = JSON.stringify(fs.readFileSync(txtFile, 'utf8'))
    .replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
  return 'var NB_SAMPLE = ' + json + ';\n';
}

// Inside an inline <script>, "</script" would end the element early; "<!--" can confuse parsing.
function scriptSafe(js) {
  return js.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

// wasm-bindgen 0.2.130's glue has one ES2020 expression (optional chaining in debugString);
// Chromium 69 kernels would refuse to parse the whole file. Rewrite it, and stop the build if a
// future glue brings others (tests/web/run.js parses the result as ES2017 too).
function downlevelGlue(file) {
  let js = fs.readFileSync(file, 'utf8');
  js = js.replace(
    /const className = (\/\\\[object \(\[\^\\\]\]\+\)\\\]\/)\.exec\(toStringOutput\)\?\.\[1\];/,
    'const classMatch = $1.exec(toStringOutput); const className = classMatch ? classMatch[1] : undefined;');
  // `var`, not `let`: a module whose instance trapped is loaded again by the same classic script,
  // which a second `let` of the same name would refuse (engine.js, sideMainThread).
  js = js.replace(/^let (\w+) = \(function\(exports\) \{/m, 'var $1 = (function(exports) {');
  const left = js.split('\n').filter((l) => /\?\.[\[(\w]|\?\?/.test(l.replace(/'[^']*'|"[^"]*"/g, '')));
  if (left.length) throw new Error('glue still uses ?. or ??:\n' + left.join('\n'));
  fs.writeFileSync(file, js);
}

/* The Excel module and the file reader travel inside the single file, so that one file copied or
   mailed alone offers everything the page does (issue 21). Each as two inert elements at the end
   of the body, after the page's scripts: its glue as text and its wasm deflated (zlib) in base64,
   with the raw size. The browser only scans them while parsing (no script is compiled, no bytes
   decoded), so the first result is not held up; engine.js decodes a module on its first use,
   with tiny-inflate (inlined, ES5) so that kernels without DecompressionStream read it too. */
const EMBEDDED = { xlsx: ['pkg-xlsx', 'nianbao_xlsx'], files: ['pkg-files', 'nianbao_files'] };

function inflater() {
  const src = fs.readFileSync(require.resolve('tiny-inflate'), 'utf8');
  return '/* tiny-inflate 1.0.3 (MIT, Devon Govett), from npm */\nvar NB_INFLATE = (function () {\n' +
    'var module = { exports: {} };\n' + src + '\nreturn module.exports;\n})();\n';
}

function embedded(www) {
  const zlib = require('zlib');
  const parts = ['<script>\n' + scriptSafe(inflater()) + '</script>'];
  for (const [key, [folder, name]] of Object.entries(EMBEDDED)) {
    const wasm = fs.readFileSync(path.join(www, folder, name + '_bg.wasm'));
    const glue = fs.readFileSync(path.join(www, folder, name + '.js'), 'utf8');
    parts.push('<script type="text/plain" id="nb-embed-' + key + '-glue">' + scriptSafe(glue) + '</script>');
    parts.push('<script type="text/plain" id="nb-embed-' + key + '-wasm" data-size="' + wasm.length + '">' +
      zlib.deflateSync(wasm, { level: 9 }).toString('base64') + '</script>');
  }
  return parts.join('\n') + '\n';
}

function single(www, out) {
  const read = (rel) => fs.readFileSync(path.join(www, rel), 'utf8');
  let html = read('index.html');
  html = html.replace(/<link rel="stylesheet" href="([^"]+)"([^>]*)>/g, (m, href, rest) => {
    const media = /media="([^"]+)"/.exec(rest);
    return '<style' + (media ? ' media="' + media[1] + '"' : '') + '>\n' +
      read(href).replace(/<\/style/gi, '<\\/style') + '</style>';
  });
  html = html.replace(/<link rel="icon" href="([^"]+)"/g, (m, href) =>
    '<link rel="icon" href="data:image/svg+xml;base64,' + fs.readFileSync(path.join(www, href)).toString('base64') + '"');
  html = html.replace(/<script src="([^"]+)"><\/script>/g, (m, src) => {
    let js = read(src);
    // The wasm travels with its glue; engine.js sees NB_WASM_B64 and instantiates from bytes.
    if (src === 'pkg/nianbao.js') js = b64Script(path.join(www, 'pkg/nianbao_bg.wasm')) + js;
    return '<script>\n' + scriptSafe(js) + '</script>';
  });
  if (/<(script|link)[^>]+(src|href)="(?!data:)/.test(html)) {
    throw new Error('single file still references an outside asset');
  }
  const end = html.lastIndexOf('</body>');
  html = html.slice(0, end) + embedded(www) + html.slice(end);
  write(out, html);
  // the folders an older build put beside it are not needed any more
  for (const [folder] of Object.values(EMBEDDED)) fs.rmSync(path.join(path.dirname(out), folder), { recursive: true, force: true });
}

/* The page's own scripts, in load order: one file each by concern for the reader, one file
   (www/pkg/page.js) for the browser — 12 requests were 12 more round trips before the first
   result (6 at a time over HTTP/1.1). precheck.js and start.js stay apart: they are ES5 and must
   run where this ES2017 bundle cannot even be parsed. */
const PAGE_SCRIPTS = ['format.js', 'ui.js', 'tables.js', 'protocol.js', 'engine.js', 'tableview.js', 'app.js',
  'docs.js', 'checks.js', 'results.js', 'exports.js', 'review.js'];

function bundle(www, out) {
  const parts = PAGE_SCRIPTS.map((f) => '/* ---- www/' + f + ' ---- */\n' + fs.readFileSync(path.join(www, f), 'utf8'));
  write(out, '/* 年报校验: the page\'s scripts in one file, built by scripts/make-single.js --bundle from www/. */\n' +
    parts.join('\n'));
}

exports.PAGE_SCRIPTS = PAGE_SCRIPTS;

if (require.main === module) {
  const args = process.argv.slice(2);
  if (args[0] === '--downlevel-glue') downlevelGlue(args[1]);
  else if (args[0] === '--b64-script') write(args[2], b64Script(args[1], args[3]));
  else if (args[0] === '--sample') write(args[2], sampleScript(args[1]));
  else if (args[0] === '--bundle') bundle(args[1], args[2]);
  else if (args.length === 2) single(args[0], args[1]);
  else {
    console.error('usage: make-single.js (--b64-script WASM OUT | --sample TXT OUT | --bundle WWW OUT | WWW OUT)');
    process.exit(2);
  }
}
