#!/usr/bin/env bash
# Idempotent: everything the wasm build and the browser tests need, on a fresh Debian machine.
# Each step is skipped when already satisfied, so a warm run takes a couple of seconds.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
# rust-src lets the MVP build recompile std without post-MVP wasm features (-Z build-std).
rustup component list --installed | grep -q '^rust-src' || rustup component add rust-src

need_apt=()
command -v chromium >/dev/null || need_apt+=(chromium)
command -v chromedriver >/dev/null || need_apt+=(chromium-driver)
command -v wasm-validate >/dev/null && command -v wasm-strip >/dev/null || need_apt+=(wabt)
# Without a CJK font every Han character renders as a box in screenshots.
fc-list 2>/dev/null | grep -qi 'wenquanyi\|wqy' || need_apt+=(fonts-wqy-microhei)
# pdftoppm renders the printed 审核意见单 (make screenshots).
command -v pdftoppm >/dev/null || need_apt+=(poppler-utils)
if [ ${#need_apt[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

# The CLI must equal the wasm-bindgen crate version in Cargo.lock exactly.
want=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/,""); print; exit}' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$want" ]; then
  # `--locked` fails against this registry (a pinned transitive version is missing).
  cargo install wasm-bindgen-cli --version "=$want"
fi

# The browser tests read the exported .xlsx back with openpyxl.
python3 -c 'import openpyxl' 2>/dev/null || python3 -m pip install --user -q openpyxl

# npm also brings binaryen's wasm-opt (a wasm build of it, nothing fetched at install), which
# scripts/build-wasm.sh runs on the checker's wasm.
if [ ! -d node_modules/playwright-core ] || [ ! -x node_modules/.bin/wasm-opt ] ||
  [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
