#!/usr/bin/env bash
# Installs what Ferry's build and tests need. Idempotent: when everything is present it only
# checks and returns (no network). Runs as root on a fresh Debian 12 machine.
set -euo pipefail

need_rust() {
    if ! command -v cargo >/dev/null 2>&1; then
        echo "deps: cargo is missing. Install Rust (rustup) first; Ferry needs Rust 1.80 or newer." >&2
        exit 1
    fi
    for component in rustfmt clippy; do
        if ! rustup component list --installed 2>/dev/null | grep -q "^$component"; then
            echo "deps: installing rustup component $component"
            rustup component add "$component"
        fi
    done
}

need_rust
