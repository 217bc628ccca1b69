# The four commands of Atelier CLS. Each installs what it needs when it is missing.
.PHONY: serve build test lint test-native test-fuzz test-browser fuzz bench size setup

setup:
	@scripts/setup.sh

serve: setup
	@echo "Atelier CLS : http://127.0.0.1:8080/"
	@scripts/wasm-env.sh trunk serve --offline --address 127.0.0.1 --port 8080

build: setup
	@scripts/wasm-env.sh trunk build --release --offline

lint:
	@scripts/lint.sh

test-native:
	cargo test --locked

# The fuzzer (src/bin/fuzz/): generated and mutated exchange files and stored data through the
# importer and the storage codec, in the `fuzz` profile (release speed, quick to build, panics
# caught per input). Fails on any panic or broken promise, leaving the input in target/fuzz/.
# FUZZ_SEED is printed and taken from the clock unless given; test-fuzz runs a fixed seed.
FUZZ_COUNT ?= 1000000
FUZZ_TEST_COUNT ?= 20000
fuzz:
	FUZZ_COUNT=$(FUZZ_COUNT) cargo run --locked --quiet --profile fuzz --bin fuzz

test-fuzz:
	FUZZ_COUNT=$(FUZZ_TEST_COUNT) FUZZ_SEED=$${FUZZ_SEED:-1} cargo run --locked --quiet --profile fuzz --bin fuzz

test-browser:
	@scripts/setup.sh --with-browser
	node --test --test-concurrency=1 tests/build/ tests/documents/ tests/browser/ tests/firefox/

# Formatting and lints, native tests, a short fuzzing run, then the browser suite against the
# release build: the last line is node's own summary.
test: build lint test-native test-fuzz test-browser

bench: build
	@scripts/setup.sh --with-browser
	node bench/run.mjs

# Where the first part's bytes go (twiggy on the release build, names kept): bench/size-now.md.
size: build
	@scripts/setup.sh --with-twiggy
	PATH="$$PWD/node_modules/.bin:$$PATH" node bench/size.mjs $$(ls target/wasm/wasm-split/split/atelier-cls-*.wasm) now
