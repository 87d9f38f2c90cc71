#!/usr/bin/env node
// Old headless Chromium kernels for the old-kernel test (tests/web/kernels.js), unpacked once into
// a cache outside the repository (NB_KERNELS_DIR, default ~/.cache/nianbao-kernels). Each comes
// from the npm registry: chrome-aws-lambda ships a brotli-compressed headless Chromium in
// bin/chromium.br (with Amazon Linux libraries in bin/aws.tar.br from 1.20 on; the libraries of
// Debian's chromium package serve as well), @sparticuz/chromium likewise. Idempotent: a kernel
// already unpacked is skipped, so a warm run takes a moment.
//   node scripts/setup-kernels.js [78 86 ...|all]   (default: the kernels of `make test-kernels`)
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const zlib = require('zlib');
const { execFileSync } = require('child_process');

const CACHE = process.env.NB_KERNELS_DIR || path.join(os.homedir(), '.cache/nianbao-kernels');

// Chromium major -> the npm package carrying its headless build (checked with /json/version).
const KERNELS = {
  64: 'chrome-aws-lambda@64.0.3264',
  65: 'chrome-aws-lambda@65.0.3312',
  66: 'chrome-aws-lambda@66.0.3347',
  69: 'chrome-aws-lambda@1.6.3',
  78: 'chrome-aws-lambda@1.20.4',
  80: 'chrome-aws-lambda@2.1.1',
  83: 'chrome-aws-lambda@3.1.1',
  85: 'chrome-aws-lambda@5.2.1',
  86: 'chrome-aws-lambda@5.3.1',
  92: 'chrome-aws-lambda@10.1.0',
  109: '@sparticuz/chromium@109.0.6',
};
// The kernels of `make test-kernels` (and so of `make test`): the first with stale memory views,
// the oldest the page supports, and the two of 360 安全浏览器's 极速模式.
const DEFAULT = [64, 69, 78, 86];

function brotli(from, to) {
  fs.writeFileSync(to, zlib.brotliDecompressSync(fs.readFileSync(from)));
}

/** The unpacked kernel's directory (with `chromium` in it), unpacking it first if needed. */
function ensure(major) {
  const spec = KERNELS[major];
  if (!spec) throw new Error(`no package known for Chromium ${major} (known: ${Object.keys(KERNELS).join(', ')})`);
  const dir = path.join(CACHE, String(major));
  const exe = path.join(dir, 'chromium');
  if (fs.existsSync(exe) && fs.existsSync(path.join(dir, 'SOURCE')) &&
      fs.readFileSync(path.join(dir, 'SOURCE'), 'utf8').trim() === spec) return dir;
  console.log(`kernels: fetching ${spec} for Chromium ${major} into ${dir}`);
  fs.rmSync(dir, { recursive: true, force: true });
  const tmp = fs.mkdtempSync(path.join(CACHE, '.tmp-'));
  try {
    const tgz = execFileSync('npm', ['pack', spec, '--silent', '--pack-destination', tmp], { cwd: tmp })
      .toString().trim().split('\n').pop();
    execFileSync('tar', ['xzf', path.join(tmp, tgz), '-C', tmp]);
    const bin = path.join(tmp, 'package/bin');
    // bin/chromium.br; in 1.x bin/chromium-<version>.br
    const br = fs.readdirSync(bin).find((f) => /^chromium.*\.br$/.test(f));
    brotli(path.join(bin, br), path.join(tmp, 'chromium'));
    fs.chmodSync(path.join(tmp, 'chromium'), 0o755);
    // The libraries the package ships for Amazon Linux: used only for those this system lacks.
    for (const lib of ['aws.tar.br', 'al2.tar.br']) {
      if (!fs.existsSync(path.join(bin, lib))) continue;
      brotli(path.join(bin, lib), path.join(tmp, 'libs.tar'));
      fs.mkdirSync(path.join(tmp, 'libs'), { recursive: true });
      execFileSync('tar', ['xf', path.join(tmp, 'libs.tar'), '-C', path.join(tmp, 'libs')]);
      fs.rmSync(path.join(tmp, 'libs.tar'));
    }
    fs.rmSync(path.join(tmp, 'package'), { recursive: true, force: true });
    fs.rmSync(path.join(tmp, tgz));
    fs.writeFileSync(path.join(tmp, 'SOURCE'), spec + '\n');
    fs.renameSync(tmp, dir);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return dir;
}

/** How to start the kernel: its executable and the environment it needs. */
function kernel(major) {
  const dir = ensure(major);
  const exe = path.join(dir, 'chromium');
  const env = {};
  const missing = execFileSync('ldd', [exe]).toString().split('\n').filter((l) => /not found/.test(l));
  if (missing.length) {
    const lib = path.join(dir, 'libs/lib');
    if (!fs.existsSync(lib)) throw new Error(`Chromium ${major} lacks libraries this system does not have:\n${missing.join('\n')}\n(run make setup-web: Debian's chromium package brings them)`);
    env.LD_LIBRARY_PATH = lib + (process.env.LD_LIBRARY_PATH ? ':' + process.env.LD_LIBRARY_PATH : '');
  }
  return { major, exe, env, spec: KERNELS[major] };
}

function pick(args) {
  if (!args.length) return DEFAULT;
  if (args.length === 1 && args[0] === 'all') return Object.keys(KERNELS).map(Number);
  return args.map(Number);
}

module.exports = { KERNELS, DEFAULT, kernel, pick, CACHE };

if (require.main === module) {
  fs.mkdirSync(CACHE, { recursive: true });
  for (const major of pick(process.argv.slice(2))) {
    const k = kernel(major);
    console.log(`kernels: Chromium ${major}: ${k.exe} (${k.spec})`);
  }
}
