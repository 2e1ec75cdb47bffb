#!/usr/bin/env bash
# Builds libferry (release) into target/release: libferry.so, whose SONAME is libferry.so.0
# (ffi/build.rs), libferry.a, and the link libferry.so.0 -> libferry.so that a program linked
# against the build tree needs at run time (it asks for the SONAME, not for libferry.so).
#
#   scripts/native.sh           # what `make native` runs; quick when nothing changed
#   scripts/native.sh --quiet   # without cargo's progress lines (errors still show)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

quiet=()
case "${1:-}" in
    --quiet) quiet=(--quiet) ;;
    "") ;;
    *) echo "usage: $0 [--quiet]" >&2; exit 2 ;;
esac

"${CARGO:-cargo}" build --locked --release "${quiet[@]}" -p ferry-ffi

soname="$(readelf -d target/release/libferry.so | sed -n 's/.*(SONAME).*\[\(.*\)\]$/\1/p')"
if [ -z "$soname" ]; then
    echo "native: target/release/libferry.so has no SONAME (ffi/build.rs sets it)" >&2
    exit 1
fi
ln -sfn libferry.so "target/release/$soname"
