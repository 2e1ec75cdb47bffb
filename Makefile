# Ferry's one entry point. `make help` lists the targets.
#
# Every target that needs a tool first runs `deps`, which installs what is missing and is
# quick (no network) when everything is already there.
#
# Offline by design: cargo builds from vendor/crates (.cargo/config.toml sets net.offline) and
# pip installs from vendor/python; only `make vendor` uses the crates registry and the Python
# package index, and nothing here downloads a Rust toolchain or component.

SHELL := /bin/bash

CARGO ?= cargo
export CARGO_TERM_COLOR ?= never
# rustup would otherwise install a missing toolchain on first use.
export RUSTUP_AUTO_INSTALL ?= 0

PREFIX ?= /usr/local
URLS ?= http://127.0.0.1:5000
DATAPATH ?= ./data
FUZZ_SECONDS ?= 60

.PHONY: help deps build native bindings run test lint vendor test-vendor test-scripts test-rust test-bindgen test-c test-docs test-csharp test-dotnet test-csharp-docs package test-package test-server test-schemathesis test-ui doc bench bench-quick bench-criterion install soak fuzz fuzz-replay test-leaks dist test-dist bench-dist clean

help: ## List the targets.
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | expand -t 14

deps: ## Install the tools the build needs (idempotent).
	@scripts/deps.sh

build: deps ## Build everything (release).
	$(CARGO) build --locked --workspace --release

native: deps ## Build libferry.so (SONAME libferry.so.0, linked as such) and libferry.a (release) into target/release.
	CARGO="$(CARGO)" scripts/native.sh

bindings: ## Regenerate generated/ from ffi/ (commit the result).
	$(CARGO) run --locked -q -p bindgen

run: deps ## Build everything (release) and serve the UI and API on $(URLS) (DATAPATH=./data).
	scripts/build-ui.sh
	scripts/build-server.sh
	@echo "Ferry: serving the UI and API on $(URLS) (data in $(DATAPATH)); Ctrl-C stops."
	scripts/run-server.sh --datapath "$(DATAPATH)" --urls "$(URLS)" --ui ui/dist

test: deps lint test-vendor test-scripts test-rust doc test-bindgen test-c test-docs test-csharp test-leaks test-dotnet test-csharp-docs test-package test-server test-schemathesis test-ui bench-quick test-dist ## Everything CI runs: format, lint, docs, all tests.
	@echo "make test: all checks passed"

lint: ## cargo fmt --check, clippy with warnings as errors; vendor/ is what the lockfiles name.
	@$(CARGO) fmt --version >/dev/null 2>&1 || { echo "lint: rustfmt is not installed (rustup component add rustfmt)" >&2; exit 1; }
	@$(CARGO) clippy --version >/dev/null 2>&1 || { echo "lint: clippy is not installed (rustup component add clippy)" >&2; exit 1; }
	scripts/check-vendor.sh
	$(CARGO) fmt --all --check
	$(CARGO) clippy --locked --workspace --all-targets -- -D warnings

vendor: ## Refresh vendor/ (crates, wheels) from the lockfiles; the one target that needs the registries.
	scripts/vendor.sh

test-vendor: ## The vendor checker catches each kind of drift (a file edited, a crate missing, ...).
	python3 -m unittest discover -s scripts -p 'check_vendored_test.py'

test-scripts: deps ## The scripts' own code: the server helper (scripts/lib/server.sh) is tested, bench/dist/run.py byte-compiled.
	scripts/lib/server_test.sh
	PYTHONPYCACHEPREFIX="$(CURDIR)/target/pycache" python3 -m py_compile bench/dist/run.py

test-rust: ## Unit, integration, property and doc tests of the Rust crates.
	$(CARGO) test --locked --workspace --release -- --nocapture --test-threads=2 2>&1 | grep -v '^test .* \.\.\. ok$$'; exit $${PIPESTATUS[0]}

test-bindgen: ## generated/ is fresh, and --check catches a changed signature.
	scripts/test-bindgen.sh

test-c: native ## The C example: -Werror build, run, valgrind, pkg-config and static link.
	scripts/test-c.sh

test-docs: native ## Compile every snippet of README.md, docs/ and examples/*/README.md (C, C#, Rust), run the programs.
	python3 -m unittest discover -s scripts -p 'check_snippets_test.py'
	scripts/check_snippets.py

test-leaks: native ## The C ABI tests under valgrind: no definite or indirect leak, no memory error.
	scripts/test-leaks.sh

soak: ## Crash-safety soak: SIGKILL a writer TRIALS times (default 500), check every flushed write; MODE=power cuts the power too.
	$(CARGO) run --locked --release -q -p ferry-core --example crash_soak

fuzz: ## Fuzz the C ABI for FUZZ_SECONDS (default 60): libFuzzer + ASan, built by plain cargo, offline.
	scripts/fuzz.sh run $(FUZZ_SECONDS)

fuzz-replay: ## Replay the fuzz seed corpus and regression inputs (libFuzzer + ASan); fails on a crash.
	scripts/fuzz.sh replay

test-csharp: native ## The C# smoke test of the generated layer on Mono.
	scripts/test-csharp-smoke.sh

test-dotnet: native ## The NUnit suite of the .NET library Ferry on Mono.
	scripts/test-dotnet.sh

test-csharp-docs: native ## docs/csharp.md names every public type and member of Ferry.dll, and no other.
	scripts/check-csharp-docs.sh

package: native ## Write dist/Ferry.<version>.nupkg (Ferry.dll, docs, libferry.so, Mono loader files).
	scripts/package.sh

test-package: native ## Install the package from a local feed with nuget and run examples/csharp from it.
	scripts/test-package.sh

test-server: native ## HTTP integration tests: the real server on a free port.
	scripts/test-server.sh

test-schemathesis: native ## schemathesis: >= 1000 generated cases against the OpenAPI document; no 5xx.
	scripts/test-schemathesis.sh

test-ui: native ## Browser test (Chromium + playwright-core) of the UI against the real server.
	scripts/test-ui.sh

doc: ## Build the API docs; a missing doc comment fails.
	RUSTDOCFLAGS="-D warnings" $(CARGO) doc --locked --workspace --no-deps

bench: deps ## Cross-language benchmark: Rust, C, C# and SQLite peers on 1M keys, group commit, HTTP (5-8 min); writes bench/results/.
	scripts/bench.sh

bench-quick: deps ## The cross-language benchmark on 50k keys (~40 s): fails only if a harness fails.
	scripts/bench.sh --quick

bench-criterion: deps ## Criterion benchmarks of ferry-core alone on 1M keys.
	$(CARGO) bench --locked -p ferry-core

install: native ## Install ferry.h, libferry.so.0 (+ links), libferry.a, ferry{,-static}.pc, valgrind suppressions under PREFIX (/usr/local).
	scripts/install.sh "$(PREFIX)"

dist: deps native ## Build dist/ferry-server: server, UI, Mono and libferry.a in one executable (AOT).
	scripts/dist.sh

test-dist: dist ## Run dist/ferry-server alone in an empty directory without Mono's paths, and check it.
	scripts/test-dist.sh

bench-dist: deps native ## Call overhead and start-up, bundled vs mono -> bench/results/dist.json (~2 min).
	scripts/dist.sh --bench

clean: ## Remove build output.
	$(CARGO) clean
	rm -rf dist test-output ui/dist
