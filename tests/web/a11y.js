// Accessibility (issue 15): axe-core (npm) run inside the page in every mode, in each state a
// reader meets — empty, a 2021 report with a finding chosen, a 2008 report, the list of many
// reports — with no serious or critical violation allowed; and the page at 200% zoom and at
// 390 px wide, with screenshots under target/a11y/ (only from the http mode; make screenshots
// makes the pictures the docs show).
'use strict';
const fs = require('fs');
const path = require('path');
const assert = require('assert/strict');

const ROOT = path.resolve(__dirname, '../..');
const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const SAMPLE = fs.readFileSync(path.join(ROOT, 'www/sample.txt'), 'utf8');
const R2008 = fs.readFileSync(path.join(ROOT, 'tests/fixtures/seeds/001_c2e2148ac72f28cc.txt'), 'utf8');
const PAIR = ['某某县办2021.txt', '某某县办2022.txt'].map((n) => path.join(ROOT, 'tests/fixtures/crossyear', n));

/* Runs axe on the checker (the embed's host element, else the document) and returns the
   serious and critical violations, each with the elements it names. */
async function violations(T) {
  // Through the DevTools protocol, so a page's CSP does not block it.
  await T.frame.evaluate((src) => { if (!window.axe) (0, eval)(src); }, AXE);
  const before = { errors: T.errors.length, csp: await T.ev(() => window.__csp.length) };
  const found = await run(T);
  // axe sets style attributes while it measures colours; under a strict CSP Chromium logs each
  // one. They are axe's, not the page's: the page's own tripwires stay armed for the rest.
  const axeOwn = (e) => /Applying inline style violates/.test(e);
  T.errors.splice(before.errors, T.errors.length, ...T.errors.slice(before.errors).filter((e) => !axeOwn(e)));
  await T.ev((n) => {
    window.__csp.splice(n, window.__csp.length, ...window.__csp.slice(n).filter((v) => !/^style-src/.test(v)));
  }, before.csp);
  return found;
}

function run(T) {
  return T.ev(async () => {
    const box = document.querySelector('#box');
    const context = box && box.shadowRoot ? box : document;
    // preload: false, or axe fetches every stylesheet again (refused from file://)
    const r = await window.axe.run(context, { resultTypes: ['violations'], preload: false });
    const ran = r.passes.concat(r.violations, r.incomplete).map((x) => x.id);
    // the rules this page most needs must have had something to check
    ['color-contrast', 'th-has-data-cells', 'td-headers-attr', 'button-name', 'label'].forEach((id) => {
      if (ran.indexOf(id) < 0 && window.__nbRoot().querySelector('#nb-tables table')) throw new Error('axe did not run ' + id);
    });
    return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ') + ' — ' + n.failureSummary.split('\n').slice(1, 2).join('')),
    }));
  });
}

async function assertClean(T, state) {
  const found = await violations(T);
  assert.deepEqual(found, [], `${state}: ${JSON.stringify(found, null, 1)}`);
}

/* Through the protocol: playwright's own screenshot would put its viewport back first. */
async function shot(T, cdp, name) {
  if (T.spec.name !== 'http') return;
  fs.mkdirSync(path.join(ROOT, 'target/a11y'), { recursive: true });
  const { data } = await cdp.send('Page.captureScreenshot', { format: 'png' });
  fs.writeFileSync(path.join(ROOT, 'target/a11y', name), Buffer.from(data, 'base64'));
}

/* No sideways scrolling of the page; every toolbar button shown and inside the viewport width. */
async function assertFits(T, what) {
  const s = await T.ev(() => {
    const r = window.__nbRoot();
    const out = Array.prototype.filter.call(r.querySelectorAll('.nb-toolbar .nb-btn, .nb-export .nb-btn'), (b) => {
      const box = b.getBoundingClientRect();
      return box.width === 0 || box.right > document.documentElement.clientWidth + 1;
    }).map((b) => b.textContent);
    return { inner: innerWidth, scroll: document.documentElement.scrollWidth, out };
  });
  assert.ok(s.scroll <= s.inner, `${what}: page is ${s.scroll}px wide in ${s.inner}px`);
  assert.deepEqual(s.out, [], `${what}: buttons cut off`);
}

module.exports = async function a11yTests(T, { test }) {
  await test(`${T.spec.name}: axe-core: no serious or critical violation, empty page`, async () => {
    await T.fill('');
    await assertClean(T, 'empty');
  });

  await test(`${T.spec.name}: axe-core: no serious or critical violation, 2021 report with a finding chosen`, async () => {
    await T.fill(SAMPLE);
    await T.$('#nb-findings button[data-f="0"]').click();
    await assertClean(T, '2021 report');
  });

  await test(`${T.spec.name}: axe-core: no serious or critical violation, 2008 report`, async () => {
    await T.fill(R2008);
    await assertClean(T, '2008 report');
  });

  await test(`${T.spec.name}: axe-core: no serious or critical violation, the list of reports`, async () => {
    await T.$('#nb-file').setInputFiles(PAIR.map((f) => ({ name: path.basename(f), mimeType: 'text/plain', buffer: fs.readFileSync(f) })));
    await T.frame.waitForFunction(() => !window.__nbRoot().querySelector('#nb-batch').hidden);
    await T.waitDone();
    await assertClean(T, 'list');
    await T.$('#nb-remove-all').click();
    await T.frame.waitForFunction(() => window.__nbRoot().querySelector('#nb-batch').hidden);
  });

  if (T.spec.iframe || T.spec.embed) return;
  await test(`${T.spec.name}: at 200% zoom and 390 px wide nothing needs sideways scrolling; still no serious violation`, async () => {
    await T.fill(SAMPLE);
    // 200% zoom of a 1366×768 window: half the CSS pixels, each drawn twice as large.
    const cdp = await T.page.context().newCDPSession(T.page);
    for (const [w, h, scale, name] of [[683, 384, 2, 'zoom-200'], [390, 844, 1, 'phone-390']]) {
      await cdp.send('Emulation.setDeviceMetricsOverride', { width: w, height: h, deviceScaleFactor: scale, mobile: false });
      await assertFits(T, name);
      await assertClean(T, name);
      await shot(T, cdp, `a11y-${name}-editor.png`);
      await T.ev(() => window.__nbRoot().querySelector('#nb-tables table[data-table="表三"]').scrollIntoView());
      await shot(T, cdp, `a11y-${name}-table.png`);
    }
    await cdp.send('Emulation.clearDeviceMetricsOverride');
    await cdp.detach();
    await T.page.setViewportSize({ width: 1366, height: 768 });
  });
};
