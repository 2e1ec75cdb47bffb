#!/usr/bin/env bash
# Installs libferry for C users:
#   PREFIX/include/ferry.h                   from generated/c/ferry.h
#   PREFIX/lib/libferry.so.MAJOR.MINOR.PATCH  from LIBDIR_SOURCE/libferry.so (default:
#                                             target/release), SONAME libferry.so.MAJOR, with
#   PREFIX/lib/libferry.so.MAJOR -> it        (what programs load: the SONAME)
#   PREFIX/lib/libferry.so -> libferry.so.MAJOR  (what -lferry finds when linking)
#   PREFIX/lib/libferry.a                    from LIBDIR_SOURCE
#   PREFIX/lib/pkgconfig/ferry.pc            from ffi/ferry.pc.in (shared linking)
#   PREFIX/lib/pkgconfig/ferry-static.pc     from ffi/ferry-static.pc.in (static linking)
#   PREFIX/share/ferry/valgrind-sled.supp    from scripts/valgrind-sled.supp
# The version comes from Cargo.toml; the system libraries a static link needs come from
# `rustc --print native-static-libs`, asked of ferry-ffi's staticlib build (cargo rustc: quick
# when nothing changed). As root, when PREFIX/lib is in the dynamic linker's search path
# (/usr/local/lib is, on Debian), runs ldconfig so the new library is found at once.
#
#   scripts/install.sh PREFIX [LIBDIR_SOURCE]
#
# Build the libraries first: make native. Idempotent: running it again overwrites the same
# files with the same content.
set -euo pipefail
shopt -s inherit_errexit

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
templates=(ffi/ferry.pc.in ffi/ferry-static.pc.in)
supp=scripts/valgrind-sled.supp
for f in "$header" "${templates[@]}" "$supp"; do
    [ -f "$f" ] || { echo "install: $root/$f is missing" >&2; exit 1; }
done
for lib in libferry.so libferry.a; do
    if [ ! -f "$libsrc/$lib" ]; then
        echo "install: $libsrc/$lib is missing; build it first: make native" >&2
        exit 1
    fi
done

version="$(scripts/version.sh)"
major="${version%%.*}"
soname="libferry.so.$major"
real="libferry.so.$version"
built_soname="$(readelf -d "$libsrc/libferry.so" | sed -n 's/.*(SONAME).*\[\(.*\)\]$/\1/p')"
if [ "$built_soname" != "$soname" ]; then
    echo "install: $libsrc/libferry.so has SONAME '${built_soname:-none}', expected $soname;" \
        "rebuild it: make native" >&2
    exit 1
fi

# rustc prints the list as a note when it links the staticlib; cargo replays the note when the
# build is fresh, so this is quick after the first time.
native_libs="$(cargo rustc --locked --release --quiet -p ferry-ffi --crate-type staticlib \
    --message-format=json -- --print native-static-libs |
    sed -n 's/.*"message":"native-static-libs: \([^"]*\)".*/\1/p' | tail -1)"
if [ -z "$native_libs" ]; then
    echo "install: rustc --print native-static-libs named no libraries for ferry-ffi" >&2
    exit 1
fi

libdir="$prefix/lib"
install -d "$prefix/include" "$libdir/pkgconfig" "$prefix/share/ferry"
install -m 644 "$header" "$prefix/include/ferry.h"
install -m 755 "$libsrc/libferry.so" "$libdir/$real"
ln -sfn "$real" "$libdir/$soname"
ln -sfn "$soname" "$libdir/libferry.so"
install -m 644 "$libsrc/libferry.a" "$libdir/libferry.a"
install -m 644 "$supp" "$prefix/share/ferry/valgrind-sled.supp"

# Escape what sed treats specially in a replacement (\, & and the | delimiter).
sed_escape() { printf '%s' "$1" | sed -e 's/[\\&|]/\\&/g'; }
pc_tmp="$(mktemp "$libdir/pkgconfig/.ferry.pc.XXXXXX")"
trap 'rm -f "$pc_tmp"' EXIT
for template in "${templates[@]}"; do
    sed -e "s|@PREFIX@|$(sed_escape "$prefix")|g" -e "s|@VERSION@|$(sed_escape "$version")|g" \
        -e "s|@NATIVE_STATIC_LIBS@|$(sed_escape "$native_libs")|g" "$template" >"$pc_tmp"
    chmod 644 "$pc_tmp"
    mv -f "$pc_tmp" "$libdir/pkgconfig/$(basename "$template" .in)"
done

# The dynamic linker's cache lists the directories of /etc/ld.so.conf, one "DIR: (from ...)"
# line each; a library installed elsewhere is found through LD_LIBRARY_PATH instead.
in_ld_path() { ldconfig -v -N -X 2>/dev/null | awk -F': ' -v d="$1" '$1 == d { f = 1 } END { exit !f }'; }
if [ "$(id -u)" = 0 ] && command -v ldconfig >/dev/null 2>&1 && in_ld_path "$libdir"; then
    ldconfig
    loader="ldconfig run"
else
    loader="not in ldconfig's cache: run programs with LD_LIBRARY_PATH=$libdir"
fi

echo "install: ferry $version -> $prefix (include/ferry.h, lib/$real + $soname, libferry.so links," \
    "lib/libferry.a, lib/pkgconfig/ferry{,-static}.pc, share/ferry/valgrind-sled.supp); $loader"
