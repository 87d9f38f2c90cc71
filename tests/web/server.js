// The browser tests' own server: www/ plain, www/ under a deep path with the strict CSP a
// portal would send, www/ under a CSP without 'wasm-unsafe-eval', and the portal test pages.
'use strict';
const http = require('http');
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '../..');
// The policy docs/embedding.md gives a portal, word for word: the page is tested under what a
// portal is told to send.
const STRICT = /^Content-Security-Policy: (.+)$/m.exec(fs.readFileSync(path.join(ROOT, 'docs/embedding.md'), 'utf8'))[1].trim();
const NO_WASM = STRICT.replace(" 'wasm-unsafe-eval'", '');
if (NO_WASM === STRICT) throw new Error("docs/embedding.md: the CSP has no 'wasm-unsafe-eval'");
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.txt': 'text/plain; charset=utf-8',
};
const ROUTES = [
  { prefix: '/www/', dir: 'www', csp: null },
  { prefix: '/portal/tools/nianbao/', dir: 'www', csp: STRICT },
  { prefix: '/nowasm/', dir: 'www', csp: NO_WASM },
  { prefix: '/host/', dir: 'tests/web/host', csp: STRICT },
  { prefix: '/noworker/', dir: 'www', csp: STRICT, missing: 'worker.js' },
];

function handle(req, res) {
  const url = new URL(req.url, 'http://x');
  const route = ROUTES.find((r) => url.pathname.startsWith(r.prefix));
  const rel = route && decodeURIComponent(url.pathname.slice(route.prefix.length));
  const file = route && rel !== route.missing && path.resolve(ROOT, route.dir, rel || 'index.html');
  if (!file || !file.startsWith(path.resolve(ROOT, route.dir)) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
    res.writeHead(404, { 'Content-Type': 'text/plain' });
    return res.end('not found');
  }
  const headers = { 'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream', 'Cache-Control': 'no-store' };
  if (route.csp) headers['Content-Security-Policy'] = route.csp;
  res.writeHead(200, headers);
  fs.createReadStream(file).pipe(res);
}

exports.STRICT = STRICT;

exports.start = () => new Promise((resolve) => {
  const server = http.createServer(handle);
  server.listen(0, '127.0.0.1', () => resolve({ server, origin: 'http://127.0.0.1:' + server.address().port }));
});
