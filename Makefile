# nianbao — two commands: `make serve` (build and open the checker) and `make test`.
SHELL := /bin/bash
export PATH := $(HOME)/.cargo/bin:$(PATH)
CORPUS ?= ../shared/corpus
PORT ?= 8080

.PHONY: test test-rust lint score serve setup-rust setup-web wasm dist cli test-web test-kernels bench-web screenshots fuzz bench bench-first generated

setup-rust:
	@scripts/setup-rust.sh

## Browser side: wasm target, rust-src, chromium, wabt, CJK font, poppler-utils, openpyxl, wasm-bindgen-cli,
## npm ci (idempotent).
setup-web: setup-rust
	@scripts/setup-web.sh

## Every test: formatting, lints, unit/fixture/property tests, the seed corpus score, the browser tests
## (today's Chromium, then old kernels).
test: setup-rust setup-web lint test-rust score test-web test-kernels

lint:
	cargo fmt --check
	cargo clippy --all-targets --release -- -D warnings

test-rust:
	cargo test --release

score: cli
	@if [ -f $(CORPUS)/seeds.gold.json ]; then \
	  python3 $(CORPUS)/../eval/score.py "target/release/nianbao check --json" $(CORPUS) --min-cells 1.0 --max-false 0; \
	else echo "score: $(CORPUS) not found, skipped (the fixture tests cover the same texts)"; fi

cli:
	cargo build --release

## www/pkg (MVP wasm + no-modules glue, validated), www/pkg-xlsx (the Excel module, loaded on export),
## www/pkg-files (the .pdf/.docx/.html reader, loaded when one is opened) and dist/nianbao.html (single file).
wasm: setup-web
	scripts/build-wasm.sh

dist: wasm

## The page in headless Chromium: http, strict CSP, iframe, embed script, file://; compared with the CLI.
test-web: setup-web wasm cli
	CORPUS=$(CORPUS) node tests/web/run.js

## The page in old headless Chromium kernels (64, 69, 78, 86 by default; KERNELS=all for 64-109) beside
## today's: layout measured against today's, the same results and Excel, the 浏览器版本过旧 box where
## wasm memory views go stale (docs/browsers.md). The kernels come from npm, unpacked once into
## ~/.cache/nianbao-kernels (about 130 MB a kernel).
KERNELS ?=
test-kernels: setup-web wasm
	@node scripts/setup-kernels.js $(KERNELS)
	node tests/web/kernels.js $(KERNELS)

## Sizes and timings for the README (not part of `make test`).
bench-web: setup-web wasm cli
	CORPUS=$(CORPUS) node scripts/bench-wasm.js

## Pictures of the page from the sample report (screenshot-*), printed (print-*), the list and the
## printed 审核意见单 (review-*) in target/screenshots/; those a doc shows are copied to docs/.
screenshots: setup-web wasm
	node scripts/screenshots.js

serve: setup-web wasm
	python3 scripts/serve.py --port $(PORT)

## The never-panic properties run long (not part of `make test`): FUZZ_CASES cases over all
## properties, a new random seed each run unless NIANBAO_FUZZ_SEED is set.
FUZZ_CASES ?= 1000000
fuzz: setup-rust
	@start=$$(date +%s); \
	NIANBAO_FUZZ_CASES=$(FUZZ_CASES) NIANBAO_FUZZ_SEED=$${NIANBAO_FUZZ_SEED:-random} \
	  nice cargo test --release --test never_panics; \
	status=$$?; echo "fuzz: $(FUZZ_CASES) cases in $$(( $$(date +%s) - start )) s"; exit $$status

## Native, batch, generated-input and (when `make wasm` has run) browser figures; writes
## bench/results.md (not part of `make test`).
bench: setup-rust
	cargo build --release --bin nianbao --example bench
	nice python3 bench/run.py

## Only the page's way to its first result (run make wasm first); replaces that section of
## bench/results.md.
bench-first: setup-web
	nice python3 bench/run.py --first-result

## Fresh generated reports beyond the committed tests/fixtures/generated (not part of `make test`):
## GEN_COUNT reports of seed GEN_SEED (a new random seed unless given) in the three template
## families, rendered seven ways, scored by score.py and wrong.py, then judged by the property
## of tests/generated.rs (docs/generated.md).
GEN_COUNT ?= 30
EVAL ?= ../shared/eval
generated: setup-rust cli
	@scripts/gen/setup.sh
	@seed=$${GEN_SEED:-$$RANDOM}; dir=target/generated/seed-$$seed; rm -rf $$dir; \
	echo "generated: seed $$seed, $(GEN_COUNT) reports in $$dir"; \
	python3 scripts/gen/make_reports.py --seed $$seed --count $(GEN_COUNT) --out $$dir && \
	nice python3 scripts/gen/render_all.py $$dir && \
	python3 scripts/gen/evaluate.py target/release/nianbao $$dir --eval $(EVAL); \
	NIANBAO_GENERATED=$$PWD/$$dir cargo test --release --test generated -- --nocapture
