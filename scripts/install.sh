#!/usr/bin/env bash
# Installs libferry for C users:
#   PREFIX/include/ferry.h             from generated/c/ferry.h
#   PREFIX/lib/libferry.so, libferry.a from LIBDIR_SOURCE (default: target/release)
#   PREFIX/lib/pkgconfig/ferry.pc      from ffi/ferry.pc.in, version from Cargo.toml
#
#   scripts/install.sh PREFIX [LIBDIR_SOURCE]
#
# Build the libraries first: cargo build --release -p ferry-ffi. Idempotent: running it again
# overwrites the same files with the same content.
set -euo pipefail

if [ $# -lt 1 ] || [ $# -gt 2 ] || [ -z "$1" ]; then
    echo "usage: $0 PREFIX [LIBDIR_SOURCE]" >&2
    exit 2
fi

# Relative paths are taken from the caller's directory, before moving to the repository root.
abspath() { case "$1" in /*) printf '%s\n' "$1" ;; *) printf '%s\n' "$PWD/$1" ;; esac; }
prefix="$(abspath "$1")"
prefix="${prefix%/}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
libsrc="$(abspath "${2:-$root/target/release}")"
cd "$root"

header=generated/c/ferry.h
template=ffi/ferry.pc.in
for f in "$header" "$template"; do
    [ -f "$f" ] || { echo "install: $root/$f is missing" >&2; exit 1; }
done
for lib in libferry.so libferry.a; do
    if [ ! -f "$libsrc/$lib" ]; then
        echo "install: $libsrc/$lib is missing; build it first: cargo build --release -p ferry-ffi" >&2
        exit 1
    fi
done

version="$(scripts/version.sh)"

install -d "$prefix/include" "$prefix/lib/pkgconfig"
install -m 644 "$header" "$prefix/include/ferry.h"
install -m 755 "$libsrc/libferry.so" "$prefix/lib/libferry.so"
install -m 644 "$libsrc/libferry.a" "$prefix/lib/libferry.a"

# Escape what sed treats specially in a replacement (\, & and the | delimiter).
sed_escape() { printf '%s' "$1" | sed -e 's/[\\&|]/\\&/g'; }
pc_tmp="$(mktemp "$prefix/lib/pkgconfig/.ferry.pc.XXXXXX")"
trap 'rm -f "$pc_tmp"' EXIT
sed -e "s|@PREFIX@|$(sed_escape "$prefix")|g" -e "s|@VERSION@|$(sed_escape "$version")|g" \
    "$template" >"$pc_tmp"
chmod 644 "$pc_tmp"
mv -f "$pc_tmp" "$prefix/lib/pkgconfig/ferry.pc"

echo "install: ferry $version -> $prefix (include/ferry.h, lib/libferry.{so,a}, lib/pkgconfig/ferry.pc)"
