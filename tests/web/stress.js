// The page under a 10 MB paste (issue 7): the check runs in the worker while the reader keeps
// typing, 正在检查… is shown meanwhile, results of texts edited since are never shown and long
// stale checks are stopped. Asserted by counting what the page did (keys handled while a check
// was in flight, check requests sent / shown / dropped / cancelled), plus the one latency the
// issue names: a key is handled within 100 ms of being pressed while the worker checks.
'use strict';
const fs = require('fs');
const path = require('path');
const assert = require('assert/strict');

const ROOT = path.resolve(__dirname, '../..');
const SAMPLE = fs.readFileSync(path.join(ROOT, 'www/sample.txt'), 'utf8');
const TEN_MB = 10 * 1024 * 1024;
const KEYS_WHILE_CHECKING = 3;
const MAX_KEY_DELAY_MS = 100;
// A key's frame drawn after a 5 MB paste: the page aims at 100 ms (5-90 ms measured, 132 ms once
// while the machine also rendered PDFs); the hang this test guards against, Chromium laying out
// the whole text after every key, takes 0.5-5 s a key. The bound sits between the two, so that
// a loaded machine does not fail it and a hang still does.
const MAX_FRAME_DELAY_MS = 300;

/** The sample report repeated to 10 MB of UTF-8. */
function bigText() {
  const copies = Math.ceil(TEN_MB / Buffer.byteLength(SAMPLE));
  return SAMPLE.repeat(copies);
}

/** Records, for every key pressed in the textarea: how late its handler ran, whether a check
 *  was in flight, and what the status line said at that moment. */
function recordKeys() {
  const r = window.__nbRoot();
  const ta = r.querySelector('#nb-input');
  window.__keys = [];
  if (window.__keysRecorded) return;
  window.__keysRecorded = true;
  ta.addEventListener('keydown', (e) => {
    const k = {
      key: e.key,
      delay: performance.now() - e.timeStamp,
      checking: !!NB.app.running,
      status: r.querySelector('#nb-status').textContent,
    };
    window.__keys.push(k);
    // until the frame that shows the key is drawn: what a person waits for
    requestAnimationFrame(() => setTimeout(() => { k.shown = performance.now() - e.timeStamp; }, 0));
  });
}

const dbg = (...a) => process.env.NB_DEBUG && console.log(new Date().toISOString().slice(11, 23), ...a);

async function pasteWithKeyboard(T, text) {
  await T.ev((t) => navigator.clipboard.writeText(t), text);
  dbg('clipboard written');
  await T.$('#nb-input').focus();
  await T.ev(() => { const t = window.__nbRoot().querySelector('#nb-input'); t.setSelectionRange(0, t.value.length); });
  dbg('selected');
  // Chromium's own paste over the selected report would take minutes: a bound, not a hang.
  let timer;
  const limit = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error('the paste did not finish in 60 s')), 60000);
  });
  await Promise.race([T.page.keyboard.press('Control+V'), limit]).finally(() => clearTimeout(timer));
  dbg('pasted');
}

const checkInFlight = (T) => T.frame.waitForFunction(() => !!NB.app.running, null, { timeout: 30000 });

/** Resolves once the page has drawn a frame: Chromium lays out a multi-megabyte textarea after
 *  every key (hundreds of milliseconds, a bare page too), and a key pressed meanwhile would
 *  measure the browser's own layout instead of whether the page's code blocks. */
const afterFrame = (T) => T.ev(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));

/** The worker restarted by a cancel reads its own three scripts again (from the HTTP cache);
 *  anything else requested after load stays for the `no network request` check to catch. */
function dropWorkerRestarts(T, mark) {
  const later = T.requests.splice(mark);
  const other = later.filter((r) => !/\/www\/(worker\.js|protocol\.js|pkg\/nianbao\.js)$/.test(r.url));
  T.requests.push(...other);
  return later.length - other.length;
}

module.exports = async function stressTests(T, { test, cli, assertSameAsCli }) {
  if (!T.spec.worker) return;
  const big = bigText();
  const mark = T.requests.length;

  await test(`${T.spec.name}: a 10 MB paste is checked in the worker while keys typed meanwhile are handled at once`, async () => {
    await T.ev(recordKeys);
    await T.ev(() => { NB.app.stats = { sent: 0, fresh: 0, stale: 0, cancelled: 0 }; });
    await pasteWithKeyboard(T, big);
    let typed = '';
    // Each key waits for a check to be running, so every one lands on a busy worker unless
    // that check ended in the few milliseconds between; a few extra tries cover that.
    for (let i = 0; i < 12; i++) {
      const keys = await T.ev(() => window.__keys.filter((k) => k.checking).length);
      if (keys >= KEYS_WHILE_CHECKING) break;
      await checkInFlight(T);
      await afterFrame(T);
      dbg('check in flight');
      // A Latin key: Chromium inserts a Han character through its text-input path, which
      // takes seconds per character once the textarea holds megabytes (a bare page too).
      await T.page.keyboard.type('x');
      dbg('typed');
      typed += 'x';
    }
    await T.frame.waitForFunction(() => {
      const a = window.__nbRoot().querySelector('#nb-app');
      return a.dataset.state === 'done' && !NB.app.running;
    }, null, { timeout: 60000 });

    const keys = await T.ev(() => window.__keys);
    const busy = keys.filter((k) => k.checking);
    assert.ok(busy.length >= KEYS_WHILE_CHECKING, `keys handled while a check ran: ${busy.length} of ${keys.length}`);
    for (const k of busy) {
      assert.equal(k.status, '正在检查…', 'the status line while the worker checks');
      assert.ok(k.delay < MAX_KEY_DELAY_MS, `a key waited ${Math.round(k.delay)} ms for the page`);
    }
    // The textarea holds the first part (typed into at its end, where the caret was left); the
    // rest is kept aside and checked with it.
    const shown = await T.value();
    assert.ok(shown.length < 150000 && shown.endsWith(typed), 'the textarea holds the first part: ' + shown.length);
    const head = shown.slice(0, shown.length - typed.length);
    assert.ok(big.startsWith(head));
    const text = await T.ev(() => NB.app.text());
    assert.equal(text, head + typed + big.slice(head.length), 'nothing pasted or typed is lost');

    const report = cli(text);
    assert.ok(report.findings.some((f) => f.code === 'input-truncated'), 'the CLI says the text was cut');
    assertSameAsCli(await T.read(), report, text);

    // Every request is accounted for, and only the last text's result was ever used. A key
    // that found no check in flight came after one had ended with the text it checked still
    // current: that result was rightly shown too (one for each such retry of the loop above).
    const s = await T.ev(() => NB.app.stats);
    const idle = keys.filter((k) => k.key === 'x' && !k.checking).length;
    assert.equal(s.fresh, 1 + idle, `results shown, ${idle} keys typed after a check had ended: ` + JSON.stringify(s));
    assert.equal(s.sent, s.fresh + s.stale + s.cancelled, 'every check ended one way: ' + JSON.stringify(s));
    assert.ok(s.stale + s.cancelled >= 1, 'the checks of edited texts were dropped: ' + JSON.stringify(s));
  });

  await test(`${T.spec.name}: a 5 MB paste: keys typed right after it, one every 40 ms, are each on screen within 300 ms (a hang takes 0.5-5 s)`, async () => {
    await T.fill('');
    const five = SAMPLE.repeat(Math.ceil(5 * 1024 * 1024 / Buffer.byteLength(SAMPLE)));
    await T.ev(recordKeys);
    await pasteWithKeyboard(T, five);
    await afterFrame(T);
    const long = await T.ev(() => window.__nbRoot().querySelector('#nb-long').hidden ? '' : window.__nbRoot().querySelector('#nb-long').textContent);
    assert.match(long, /^这段文字共 [\d,]+ 字，远超一份年度报告/, 'the page says the textarea shows only the first part');
    // typed as a person types, no waiting for the page between keys; with pauses, so that checks
    // run (in the worker) and their results are drawn while typing goes on
    for (const word of ['abcdefghij', 'klmnopqrst', 'uvwxyzabcd']) {
      await T.page.keyboard.type(word, { delay: 40 });
      await T.page.waitForTimeout(400);
    }
    await T.frame.waitForFunction(() => window.__nbRoot().querySelector('#nb-app').dataset.state === 'done' && !NB.app.running, null, { timeout: 60000 });
    const keys = await T.ev(() => window.__keys.filter((k) => /^[a-z]$/.test(k.key)));
    assert.equal(keys.length, 30, 'every key was handled');
    // a key counts as handled when the frame showing it is drawn (its handler alone runs at once
    // even when the browser then spends 0.7 s laying out a 5 MB textarea)
    const worst = Math.max.apply(null, keys.map((k) => k.shown));
    console.log(`     30 keys after a 5 MB paste; the slowest on screen ${Math.round(worst)} ms after it was pressed; ${keys.filter((k) => k.checking).length} while a check ran`);
    assert.ok(worst < MAX_FRAME_DELAY_MS, 'key → frame drawn (ms): ' + keys.map((k) => Math.round(k.shown)).join(' '));
    const text = await T.ev(() => NB.app.text());
    assert.equal(text.length, five.length + 30, 'nothing pasted or typed is lost');
    assertSameAsCli(await T.read(), cli(text), text);
  });

  await test(`${T.spec.name}: cancel() stops a 10 MB check in flight; the next check is answered by a fresh worker`, async () => {
    const r = await T.ev(async (t) => {
      const e = NB.app.engine;
      const first = e.check(t).then(() => 'answered', (err) => 'stopped: ' + err.message);
      e.cancel();
      const outcome = await first;
      const next = await e.check(NB_SAMPLE);
      return { outcome, errors: next.report.findings.filter((f) => f.severity === 'error').length };
    }, big);
    assert.match(r.outcome, /^stopped: /);
    assert.equal(r.errors, cli(SAMPLE).findings.filter((f) => f.severity === 'error').length);
  });

  await test(`${T.spec.name}: back to a small report after the 10 MB one`, async () => {
    await T.fill(SAMPLE);
    assertSameAsCli(await T.read(), cli(SAMPLE), SAMPLE);
    const restarts = dropWorkerRestarts(T, mark);
    const s = await T.ev(() => NB.app.stats);
    assert.ok(restarts >= 2, `a cancel restarts the worker, which reads its scripts: ${restarts} requests, ${JSON.stringify(s)}`);
  });
};
