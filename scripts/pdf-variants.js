#!/usr/bin/env node
// Prints report pages to A4 PDF with Chromium the ways offices' PDFs differ from render.js's:
// page furniture (running heads, footers and page numbers in the margins: Chromium's header and
// footer templates, or CSS @page margin boxes), tables without rulings (figures placed by x
// only, as a Word or WPS table with its borders taken off prints), and header rows repeated on
// every page a table runs over (<thead>, as Word's 标题行重复 does).
//
// usage: node scripts/pdf-variants.js VARIANT OUT.pdf PAGE.html
//   VARIANT is a '+'-joined list of:
//     dash        footer `- N -` centred (GB/T 9704 公文 style)
//     of          footer `第 N 页 共 M 页` centred, and a running head (the page's title) on the left
//     slash       footer `N/M` at the right, a running head centred
//     bare        footer `N` centred, alone
//     marginbox   `— N —` from an @page margin box, a running head from another (CSS, not templates)
//     noborder    tables printed without any ruling
//     hrules      rulings between the rows only, none between the columns
//     frame       the table's frame and rulings between the rows, none between the columns
//     thead       each table's first row repeated at the top of every page it runs over
//     tight       narrow margins (the footer close under the body's last line)
// Needs Debian chromium and npm playwright-core (npm ci in the repository).
const fs = require('fs');
const path = require('path');

function playwright() {
  for (const base of [process.cwd(), __dirname]) {
    try { return require(require.resolve('playwright-core', { paths: [base] })); } catch (_) { /* next */ }
  }
  throw new Error('playwright-core not found: run npm ci in the repository');
}

const FOOT = 'font-size:10px;width:100%;margin:0 20mm;font-family:serif;';
const FOOTERS = {
  dash: `<div style="${FOOT}text-align:center">- <span class="pageNumber"></span> -</div>`,
  of: `<div style="${FOOT}text-align:center">第 <span class="pageNumber"></span> 页 共 <span class="totalPages"></span> 页</div>`,
  slash: `<div style="${FOOT}text-align:right"><span class="pageNumber"></span>/<span class="totalPages"></span></div>`,
  bare: `<div style="${FOOT}text-align:center"><span class="pageNumber"></span></div>`,
};
const HEADERS = {
  of: `<div style="${FOOT}text-align:left"><span class="title"></span></div>`,
  slash: `<div style="${FOOT}text-align:center"><span class="title"></span></div>`,
};

(async () => {
  const [variant, out, html] = process.argv.slice(2);
  if (!variant || !out || !html) {
    console.error('usage: node scripts/pdf-variants.js VARIANT OUT.pdf PAGE.html');
    process.exit(2);
  }
  const v = new Set(variant.split('+'));
  const { chromium } = playwright();
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
  const page = await browser.newPage();
  await page.route(/^https?:/, r => r.abort());
  await page.goto('file://' + path.resolve(html), { waitUntil: 'domcontentloaded' });
  let css = 'table{border-collapse:collapse} td,th{border:1px solid #000}';
  if (v.has('noborder')) css = 'table{border-collapse:collapse;border:none!important} td,th{border:none!important}';
  // rulings between rows only (no vertical ones), with or without the table's frame
  if (v.has('hrules')) css = 'table{border-collapse:collapse;border:none!important} td,th{border:none!important;border-top:1px solid #000!important;border-bottom:1px solid #000!important}';
  if (v.has('frame')) css = 'table{border-collapse:collapse;border:1px solid #000!important} td,th{border:none!important;border-top:1px solid #000!important;border-bottom:1px solid #000!important}';
  if (v.has('marginbox')) {
    css += `@page{@bottom-center{content:"— " counter(page) " —";font-size:11pt}
            @top-right{content:"${(await page.title()).replace(/"/g, '')}";font-size:9pt}}`;
  }
  await page.addStyleTag({ content: css });
  if (v.has('thead')) {
    await page.evaluate(() => {
      for (const t of document.querySelectorAll('table')) {
        const first = t.rows[0];
        if (!first || t.tHead) continue;
        const head = t.createTHead();
        head.appendChild(first);
      }
    });
  }
  const key = [...v].find(k => FOOTERS[k]);
  const margin = v.has('tight')
    ? { top: '12mm', bottom: '12mm', left: '15mm', right: '15mm' }
    : { top: '25mm', bottom: '25mm', left: '20mm', right: '20mm' };
  await page.pdf({
    path: out, format: 'A4', printBackground: true, margin,
    displayHeaderFooter: !!key,
    headerTemplate: (key && HEADERS[key]) || '<span></span>',
    footerTemplate: (key && FOOTERS[key]) || '<span></span>',
  });
  await browser.close();
})().catch(e => { console.error('pdf-variants.js: ' + e.message.split('\n')[0]); process.exit(1); });
