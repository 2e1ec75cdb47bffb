#!/usr/bin/env bash
# Smoke test of the generated C# bindings on Mono: compiles generated/csharp/*.cs together with
# ffi/tests/csharp/Smoke.cs (C# 7.2, mcs) and runs it against target/release/libferry.so.
#
#   scripts/test-csharp-smoke.sh           # build libferry (release), compile, run the checks
#   scripts/test-csharp-smoke.sh --bench   # ... then the boundary benchmark, with the default
#                                          # and with MONO_THREADS_SUSPEND=preemptive
#
# Fails (non-zero exit) if the compile or any check fails.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

bench=0
case "${1:-}" in
    "") ;;
    --bench) bench=1 ;;
    *)
        echo "usage: $0 [--bench]" >&2
        exit 2
        ;;
esac

for tool in cargo mcs mono; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "test-csharp-smoke: $tool is not installed" >&2
        exit 1
    fi
done

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

echo "== cargo build --release -p ferry-ffi"
cargo build --locked --release --quiet -p ferry-ffi

echo "== mcs (C# 7.2) generated/csharp/*.cs ffi/tests/csharp/Smoke.cs"
mcs -langversion:7.2 -unsafe -warnaserror -nologo -out:"$tmp/Smoke.exe" \
    generated/csharp/*.cs ffi/tests/csharp/Smoke.cs

export LD_LIBRARY_PATH="$PWD/target/release${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"

echo "== mono Smoke.exe"
mono "$tmp/Smoke.exe"

if [ "$bench" = 1 ]; then
    echo "== mono Smoke.exe --bench (default thread suspend)"
    env -u MONO_THREADS_SUSPEND mono "$tmp/Smoke.exe" --bench
    echo "== mono Smoke.exe --bench (MONO_THREADS_SUSPEND=preemptive)"
    MONO_THREADS_SUSPEND=preemptive mono "$tmp/Smoke.exe" --bench
fi
