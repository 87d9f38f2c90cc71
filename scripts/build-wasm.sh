#!/usr/bin/env bash
# Builds the MVP-feature wasm (so Chromium 69+ kernels such as 360/QQ 极速模式 can run it),
# the no-modules glue in www/pkg/, and the single-file dist/nianbao.html.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
OUT=www/pkg
WASM=target/wasm32-unknown-unknown/release/nianbao.wasm

# The prebuilt std uses sign-ext and bulk-memory; only rebuilding std with target-cpu=mvp
# removes them. RUSTC_BOOTSTRAP allows -Z build-std on the stable toolchain.
# panic=immediate-abort drops the panic formatting machinery (-11% gzip): a panic in wasm
# already ended in a bare trap, without its message, under panic=abort.
RUSTC_BOOTSTRAP=1 RUSTFLAGS="-C target-cpu=mvp -Zunstable-options -Cpanic=immediate-abort" \
  cargo rustc --lib --release --no-default-features --target wasm32-unknown-unknown --crate-type cdylib -Z build-std=std,panic_abort

mkdir -p "$OUT"
wasm-bindgen --target no-modules --out-dir "$OUT" --no-typescript "$WASM"
wasm-strip "$OUT/nianbao_bg.wasm"
node scripts/make-single.js --downlevel-glue "$OUT/nianbao.js"
# The gate: fail the build if any post-MVP feature slipped in.
wasm-validate --disable-sign-extension --disable-saturating-float-to-int --disable-multi-value \
  --disable-bulk-memory --disable-reference-types --disable-mutable-globals --disable-simd \
  "$OUT/nianbao_bg.wasm"
# For www/index.html opened from file://, where fetching the .wasm is refused.
node scripts/make-single.js --b64-script "$OUT/nianbao_bg.wasm" "$OUT/nianbao_bg.wasm.js"
node scripts/make-single.js --sample www/sample.txt "$OUT/sample.js"
node scripts/make-single.js www dist/nianbao.html
echo "wasm: $(stat -c %s "$OUT/nianbao_bg.wasm") bytes, MVP-valid; dist/nianbao.html: $(stat -c %s dist/nianbao.html) bytes"
