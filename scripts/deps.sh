#!/usr/bin/env bash
# Installs what Ferry's build and tests need. Idempotent: when everything is present it only
# checks and returns (no network). Runs as root on a fresh Debian 12 machine.
set -euo pipefail

# Rust is the machine's own toolchain: nothing here downloads one, nor a component (`make lint`
# names rustfmt or clippy when one is missing). Crates come from vendor/crates, offline.
need_rust() {
    if ! command -v cargo >/dev/null 2>&1; then
        echo "deps: cargo is missing. Install Rust (rustup) first; Ferry needs Rust 1.80 or newer." >&2
        exit 1
    fi
}

# Debian packages: installs the ones dpkg does not list as installed.
need_apt() {
    local missing=() package
    for package in "$@"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed" || missing+=("$package")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    if [ "$(id -u)" -ne 0 ]; then
        echo "deps: missing ${missing[*]}; run as root or install them: apt-get install ${missing[*]}" >&2
        exit 1
    fi
    echo "deps: installing ${missing[*]} (apt-get)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

need_rust
# C toolchain and checks; Mono with NUnit, Newtonsoft.Json, SQLite and nuget (see PLATFORM.md).
need_apt gcc libc6-dev pkg-config valgrind zip unzip curl strace gdb \
    mono-devel nunit-console libnunit-cil-dev libnewtonsoft-json-cil-dev libmono-sqlite4.0-cil nuget
