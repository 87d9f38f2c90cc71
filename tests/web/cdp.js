// A minimal Chrome DevTools Protocol client for kernels that playwright-core cannot drive
// (it needs about Chromium 90+): launches a headless Chromium, connects to its page target
// over a WebSocket (RFC 6455, written here so that no package of a given age is needed) and
// offers the few commands the old-kernel test uses. Works from Chromium 64 to today's.
'use strict';
const { spawn } = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const http = require('http');
const os = require('os');
const path = require('path');

function getJson(port, p) {
  return new Promise((resolve, reject) => {
    http.get({ host: '127.0.0.1', port, path: p }, (res) => {
      let body = '';
      res.on('data', (d) => { body += d; });
      res.on('end', () => { try { resolve(JSON.parse(body)); } catch (e) { reject(e); } });
    }).on('error', reject);
  });
}

/** A WebSocket to `url` (ws://host:port/path): resolves to { send(text), onmessage, close() }. */
function websocket(url) {
  const u = new URL(url);
  const key = crypto.randomBytes(16).toString('base64');
  return new Promise((resolve, reject) => {
    const req = http.request({
      host: u.hostname, port: u.port, path: u.pathname,
      headers: { Connection: 'Upgrade', Upgrade: 'websocket', 'Sec-WebSocket-Version': '13', 'Sec-WebSocket-Key': key },
    });
    req.on('error', reject);
    req.on('response', (res) => reject(new Error('no websocket upgrade: HTTP ' + res.statusCode)));
    req.on('upgrade', (res, socket, head) => {
      const ws = { onmessage: () => {}, onclose: () => {} };
      let buf = head && head.length ? Buffer.from(head) : Buffer.alloc(0);
      let parts = [];
      socket.setNoDelay(true);
      socket.on('data', (d) => {
        buf = Buffer.concat([buf, d]);
        for (;;) {
          if (buf.length < 2) return;
          const op = buf[0] & 0x0f, fin = buf[0] & 0x80;
          let len = buf[1] & 0x7f, at = 2;
          if (len === 126) { if (buf.length < 4) return; len = buf.readUInt16BE(2); at = 4; }
          else if (len === 127) { if (buf.length < 10) return; len = Number(buf.readBigUInt64BE(2)); at = 10; }
          if (buf.length < at + len) return;
          const payload = buf.slice(at, at + len);
          buf = buf.slice(at + len);
          if (op === 0x8) { socket.end(); continue; }
          if (op === 0x9) { frame(0xa, payload); continue; }
          if (op === 0x1 || op === 0x2 || op === 0x0) {
            parts.push(payload);
            if (fin) { const text = Buffer.concat(parts).toString('utf8'); parts = []; ws.onmessage(text); }
          }
        }
      });
      socket.on('close', () => ws.onclose());
      socket.on('error', () => {});
      function frame(op, data) {
        const mask = crypto.randomBytes(4);
        let header;
        if (data.length < 126) header = Buffer.from([0x80 | op, 0x80 | data.length]);
        else if (data.length < 65536) { header = Buffer.alloc(4); header[0] = 0x80 | op; header[1] = 0x80 | 126; header.writeUInt16BE(data.length, 2); }
        else { header = Buffer.alloc(10); header[0] = 0x80 | op; header[1] = 0x80 | 127; header.writeBigUInt64BE(BigInt(data.length), 2); }
        const masked = Buffer.alloc(data.length);
        for (let i = 0; i < data.length; i++) masked[i] = data[i] ^ mask[i & 3];
        socket.write(Buffer.concat([header, mask, masked]));
      }
      ws.send = (text) => frame(0x1, Buffer.from(text, 'utf8'));
      ws.close = () => { try { frame(0x8, Buffer.alloc(0)); } catch (e) { /* gone */ } socket.end(); };
      resolve(ws);
    });
    req.end();
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

class Browser {
  /** Starts `executable` headless; `env` adds to the environment (e.g. LD_LIBRARY_PATH). */
  static async launch(executable, { env = {}, args = [], width = 1366, height = 768 } = {}) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nb-kernel-'));
    const b = new Browser();
    b.dir = dir;
    b.log = '';
    b.proc = spawn(executable, [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run',
      '--no-default-browser-check', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--mute-audio', '--hide-scrollbars', `--window-size=${width},${height}`,
      `--user-data-dir=${dir}`, '--remote-debugging-port=0', ...args, 'about:blank',
    ], { env: Object.assign({}, process.env, env), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    b.proc.stdout.on('data', (d) => { b.log += d; });
    b.proc.stderr.on('data', (d) => { b.log += d; });
    const t0 = Date.now();
    let port = null;
    while (!port) {
      const m = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(b.log);
      if (m) port = +m[1];
      else if (b.proc.exitCode !== null) throw new Error(`${executable} exited ${b.proc.exitCode}:\n${b.log.slice(-2000)}`);
      else if (Date.now() - t0 > 30000) { b.kill(); throw new Error(`${executable}: no DevTools port after 30 s:\n${b.log.slice(-2000)}`); }
      else await sleep(50);
    }
    b.port = port;
    b.version = (await getJson(port, '/json/version')).Browser;
    return b;
  }

  /** The page target's session (the one tab the browser opened). */
  async page() {
    let target = null;
    for (let i = 0; i < 100 && !target; i++) {
      target = (await getJson(this.port, '/json/list')).find((t) => t.type === 'page');
      if (!target) await sleep(50);
    }
    if (!target) throw new Error('no page target');
    const ws = await websocket(target.webSocketDebuggerUrl);
    return new Page(ws);
  }

  /** Ends the browser and the processes it started (its own process group). */
  kill() {
    if (this.proc && this.proc.exitCode === null) {
      try { process.kill(-this.proc.pid, 'SIGKILL'); } catch (e) { this.proc.kill('SIGKILL'); }
    }
    try { fs.rmSync(this.dir, { recursive: true, force: true }); } catch (e) { /* still held */ }
  }
}

class Page {
  constructor(ws) {
    this.ws = ws;
    this.id = 0;
    this.pending = new Map();
    this.listeners = [];
    this.errors = [];
    ws.onmessage = (text) => {
      const m = JSON.parse(text);
      if (m.id && this.pending.has(m.id)) {
        const { resolve, reject, method } = this.pending.get(m.id);
        this.pending.delete(m.id);
        if (m.error) reject(new Error(`${method}: ${m.error.message} ${m.error.data || ''}`));
        else resolve(m.result);
      } else if (m.method) {
        if (m.method === 'Runtime.exceptionThrown') {
          const d = m.params.exceptionDetails;
          this.errors.push((d.exception && d.exception.description) || d.text);
        }
        for (const l of this.listeners) l(m.method, m.params);
      }
    };
    ws.onclose = () => {
      for (const { reject, method } of this.pending.values()) reject(new Error(method + ': connection closed'));
      this.pending.clear();
    };
  }

  send(method, params = {}) {
    const id = ++this.id;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, method });
      this.ws.send(JSON.stringify({ id, method, params }));
    });
  }

  async init({ width = 1366, height = 768 } = {}) {
    await this.send('Page.enable');
    await this.send('Runtime.enable');
    await this.viewport(width, height);
  }

  viewport(width, height) {
    return this.send('Emulation.setDeviceMetricsOverride', { width, height, deviceScaleFactor: 1, mobile: false });
  }

  /** Evaluates `fn` (a function, run as an expression with `arg` as JSON) in the page. */
  async ev(fn, arg) {
    const expression = `(${fn})(${arg === undefined ? '' : JSON.stringify(arg)})`;
    const r = await this.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true });
    if (r.exceptionDetails) {
      const d = r.exceptionDetails;
      throw new Error('in page: ' + ((d.exception && d.exception.description) || d.text));
    }
    return r.result.value;
  }

  async waitFor(fn, arg, { timeout = 20000, what = String(fn) } = {}) {
    const t0 = Date.now();
    for (;;) {
      const v = await this.ev(fn, arg).catch(() => null);
      if (v) return v;
      if (Date.now() - t0 > timeout) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
      await sleep(100);
    }
  }

  /** Adds a script run in every new document before the page's own (Chromium 64 knows only
   *  the older name of the command). */
  async onNewDocument(source) {
    try { await this.send('Page.addScriptToEvaluateOnNewDocument', { source }); }
    catch (e) { await this.send('Page.addScriptToEvaluateOnLoad', { scriptSource: source }); }
  }

  async goto(url) {
    const loaded = new Promise((resolve) => {
      const l = (method) => { if (method === 'Page.loadEventFired') { this.listeners.splice(this.listeners.indexOf(l), 1); resolve(); } };
      this.listeners.push(l);
    });
    const r = await this.send('Page.navigate', { url });
    if (r.errorText) throw new Error(`navigating to ${url}: ${r.errorText}`);
    await Promise.race([loaded, sleep(30000)]);
  }

  /** A PNG of the viewport, or of its top `height` pixels. */
  async screenshot(file, height) {
    const params = { format: 'png' };
    if (height) {
      const w = await this.ev(() => window.innerWidth);
      params.clip = { x: 0, y: 0, width: w, height, scale: 1 };
    }
    const r = await this.send('Page.captureScreenshot', params);
    fs.writeFileSync(file, Buffer.from(r.data, 'base64'));
  }

  close() { this.ws.close(); }
}

module.exports = { Browser, sleep };
