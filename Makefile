# Ferry's one entry point. `make help` lists the targets.
SHELL := /bin/bash
#
# Every target that needs a tool first runs `deps`, which installs what is missing and is
# quick (no network) when everything is already there.

CARGO ?= cargo
export CARGO_TERM_COLOR ?= never

.PHONY: help deps build run test lint test-rust doc bench clean

help: ## List the targets.
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | expand -t 14

deps: ## Install the tools the build needs (idempotent).
	@scripts/deps.sh

build: deps ## Build everything (release).
	$(CARGO) build --workspace --release

run: build ## Build everything; the server that `run` will start arrives with the server issue.
	@echo "Built ferry-core (release). There is no server to start yet: see README.md."

test: deps lint test-rust doc ## Everything CI runs: format, lint, docs, all tests.
	@echo "make test: all checks passed"

lint: ## cargo fmt --check and clippy with warnings as errors.
	$(CARGO) fmt --all --check
	$(CARGO) clippy --workspace --all-targets -- -D warnings

test-rust: ## Unit, integration, property and doc tests of the Rust crates.
	$(CARGO) test --workspace --release -- --nocapture --test-threads=2 2>&1 | grep -v '^test .* \.\.\. ok$$'; exit $${PIPESTATUS[0]}

doc: ## Build the API docs; a missing doc comment fails.
	RUSTDOCFLAGS="-D warnings" $(CARGO) doc --workspace --no-deps

bench: deps ## Criterion benchmarks of ferry-core on 1M keys (several minutes).
	$(CARGO) bench -p ferry-core

clean: ## Remove build output.
	$(CARGO) clean
	rm -rf dist test-output
