# nianbao — two commands: `make serve` (build and open the checker) and `make test`.
SHELL := /bin/bash
export PATH := $(HOME)/.cargo/bin:$(PATH)
CORPUS ?= ../shared/corpus

.PHONY: test test-rust lint score serve setup-rust

setup-rust:
	@scripts/setup-rust.sh

## Every test: formatting, lints, unit/fixture/property tests, the seed corpus score.
test: setup-rust lint test-rust score

lint:
	cargo fmt --check
	cargo clippy --all-targets --release -- -D warnings

test-rust:
	cargo test --release

score:
	cargo build --release
	@if [ -f $(CORPUS)/seeds.gold.json ]; then \
	  python3 $(CORPUS)/../eval/score.py "target/release/nianbao check --json" $(CORPUS) --min-cells 1.0 --max-false 0; \
	else echo "score: $(CORPUS) not found, skipped (the fixture tests cover the same texts)"; fi
