#!/usr/bin/env bash
# Tests the C example (examples/c/example.c) against libferry, as a C user builds it:
#   1. libferry.so's SONAME is libferry.so.0; gcc -std=c99 -Werror against target/release,
#      the binary asks for libferry.so.0; run it (twice, same store)
#   2. scripts/install.sh into a temporary prefix (twice: idempotent): libferry.so.0.x.y with
#      its two links; build with `pkg-config --cflags --libs ferry` only, run
#   3. that binary under valgrind with the installed suppression file, as examples/c/README.md
#      says: no memory error, no definite or indirect leak
#   4. static: `pkg-config --static --libs ferry-static` with libferry.so installed beside
#      libferry.a; the binary does not need libferry.so; its libraries suffice alone
#      (-nodefaultlibs); run
#   5. examples/c/README.md names the libraries that ferry.pc's Libs.private does
# Prints one line per step and a summary; exits non-zero if any step fails.
set -euo pipefail
shopt -s inherit_errexit

cd "$(dirname "${BASH_SOURCE[0]}")/.."
root="$PWD"
cc="${CC:-gcc}"
cflags=(-std=c99 -Wall -Wextra -pedantic -Werror)
example=examples/c/example.c

# Installs a missing tool (as root, on Debian); does nothing when it is present.
need() { # need COMMAND PACKAGE
    command -v "$1" >/dev/null 2>&1 && return 0
    echo "test-c: $1 is missing; apt-get install -y $2"
    apt-get install -y -qq "$2" >/dev/null || { apt-get update -qq && apt-get install -y -qq "$2" >/dev/null; }
}
need "$cc" gcc
need valgrind valgrind
need pkg-config pkg-config
need readelf binutils

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
info="$tmp/info" # what a step appends here is shown under its result line, pass or fail

echo "test-c: scripts/native.sh (cargo build --release -p ferry-ffi)"
scripts/native.sh --quiet

# The lines the example must print (whole lines), and the start of its error line (the rest
# of the message belongs to ferry-core).
expected=(
    'get apple = red'
    'get banana = yellow'
    'get durian: not found'
    'view cherry = dark red (8 bytes)'
    'batch: 3 writes applied'
    'scan: apple=red'
    'scan: apricot=orange'
    'scan: avocado=green'
    'scan: 3 entries with prefix "a"'
    'flushed'
    'ok'
)
expected_error='error: FERRY_STATUS_INVALID_TREE_NAME: invalid tree name "__x"'

# run_example BINARY STORE_DIR [COMMAND_PREFIX...]: runs it, checks exit status and output.
run_example() {
    local bin="$1" store="$2" out="$tmp/out" err="$tmp/err" rc=0 bad=0 line
    shift 2
    "$@" "$bin" "$store" >"$out" 2>"$err" || rc=$?
    if [ "$rc" != 0 ]; then
        echo "$bin exited with status $rc"
        bad=1
    fi
    for line in "${expected[@]}"; do
        grep -qxF -- "$line" "$out" || { echo "missing line: $line"; bad=1; }
    done
    grep -qF -- "$expected_error" "$out" || { echo "missing line: $expected_error..."; bad=1; }
    if grep -q '^scan: \(banana\|cherry\|date\)=' "$out"; then
        echo "the scan shows a key it should not (banana was removed; cherry, date lack prefix a)"
        bad=1
    fi
    if [ "$bad" != 0 ]; then
        echo "--- stdout:"; cat "$out"; echo "--- stderr:"; cat "$err"
        return 1
    fi
}

# The SONAME recorded in an ELF file (a library), or the libferry it needs (a program).
soname_of() { readelf -d "$1" | sed -n 's/.*(SONAME).*\[\(.*\)\]$/\1/p'; }
needed_libferry() { readelf -d "$1" | sed -n 's/.*(NEEDED).*\[\(libferry[^]]*\)\]$/\1/p'; }
soname=libferry.so.0

step_build_and_run() {
    local got
    got="$(soname_of target/release/libferry.so)"
    echo "      readelf -d target/release/libferry.so: SONAME ${got:-none}" >>"$info"
    [ "$got" = "$soname" ] || { echo "libferry.so's SONAME is '${got:-none}', not $soname"; return 1; }
    "$cc" "${cflags[@]}" -I generated/c "$example" -L target/release -lferry -o "$tmp/example"
    got="$(needed_libferry "$tmp/example")"
    [ "$got" = "$soname" ] || { echo "the example needs '${got:-no libferry}', not $soname"; return 1; }
    export LD_LIBRARY_PATH="$root/target/release"
    run_example "$tmp/example" "$tmp/store1"
    run_example "$tmp/example" "$tmp/store1" # again: the store reopens (its lock was released)
}

prefix="$tmp/prefix"
export PKG_CONFIG_PATH="$prefix/lib/pkgconfig"

step_install_and_pkg_config() {
    scripts/install.sh "$prefix"
    scripts/install.sh "$prefix" # idempotent
    local lib="$prefix/lib" version real
    version="$(scripts/version.sh)"
    real="libferry.so.$version"
    if [ ! -f "$lib/$real" ] || [ -L "$lib/$real" ]; then echo "$lib/$real is not a file"; return 1; fi
    [ "$(readlink "$lib/$soname")" = "$real" ] || { echo "$lib/$soname does not link to $real"; return 1; }
    [ "$(readlink "$lib/libferry.so")" = "$soname" ] || { echo "$lib/libferry.so does not link to $soname"; return 1; }
    [ "$(soname_of "$lib/$real")" = "$soname" ] || { echo "$lib/$real has no SONAME $soname"; return 1; }
    echo "      lib/: libferry.so -> $soname -> $real, libferry.a" >>"$info"
    local flags
    flags="$(pkg-config --cflags --libs ferry)"
    echo "      pkg-config --cflags --libs ferry: $flags" >>"$info"
    # shellcheck disable=SC2086 # pkg-config output is meant to be word-split
    "$cc" "${cflags[@]}" "$example" -o "$tmp/example-pc" $flags
    export LD_LIBRARY_PATH="$lib"
    if ! ldd "$tmp/example-pc" | grep -qF "$soname => $lib/$soname "; then
        echo "the dynamic linker does not resolve $soname to $lib/$soname:"; ldd "$tmp/example-pc"
        return 1
    fi
    run_example "$tmp/example-pc" "$tmp/store2"
}

step_valgrind() {
    [ -x "$tmp/example-pc" ] || { echo "no binary to run: step 2 did not build it"; return 1; }
    export LD_LIBRARY_PATH="$prefix/lib"
    local log="$tmp/valgrind.log" supp rc=0
    supp="$(pkg-config --variable=valgrind_suppressions ferry)"
    [ -f "$supp" ] || { echo "ferry.pc's valgrind_suppressions names '$supp', which is not installed"; return 1; }
    run_example "$tmp/example-pc" "$tmp/store3" \
        valgrind --leak-check=full --errors-for-leak-kinds=definite,indirect --error-exitcode=1 \
        --show-leak-kinds=definite,indirect \
        --suppressions="$supp" --log-file="$log" || rc=$?
    grep -E '(definitely|indirectly|possibly) lost:|ERROR SUMMARY:' "$log" | sed 's/^==[0-9]*== */      /' >>"$info" || true
    if [ "$rc" != 0 ] || ! grep -q 'ERROR SUMMARY: 0 errors' "$log"; then
        echo "--- valgrind log:"; cat "$log"
        return 1
    fi
    # What the suppressions hide (sled's false positives), for the record: not a check.
    valgrind --log-file="$log.plain" "$tmp/example-pc" "$tmp/store3" >/dev/null 2>&1 || true
    sed -n 's/^==[0-9]*== ERROR SUMMARY: \([0-9,]*\) errors.*/      without the suppressions: \1 errors/p' "$log.plain" >>"$info"
}

step_static() {
    [ -f "$prefix/lib/libferry.so" ] || { echo "no libferry.so installed: step 2 failed"; return 1; }
    local flags got
    flags="$(pkg-config --static --cflags --libs ferry-static)"
    echo "      pkg-config --static --cflags --libs ferry-static: $flags" >>"$info"
    # shellcheck disable=SC2086 # pkg-config output is meant to be word-split
    "$cc" "${cflags[@]}" "$example" -o "$tmp/example-static" $flags
    got="$(needed_libferry "$tmp/example-static")"
    [ -z "$got" ] || { echo "the static build still needs $got"; return 1; }
    # The libraries rustc named are all the link needs: gcc adds none of its own (libc, libgcc_s).
    # shellcheck disable=SC2086
    "$cc" "${cflags[@]}" -nodefaultlibs "$example" -o "$tmp/example-static" $flags
    unset LD_LIBRARY_PATH
    echo "      ldd: $(ldd "$tmp/example-static" | awk '{ print $1 }' | tr '\n' ' ')" >>"$info"
    run_example "$tmp/example-static" "$tmp/store4"
}

step_docs_agree() {
    local private readme=examples/c/README.md line
    private="$(sed -n 's/^Libs.private: //p' "$prefix/lib/pkgconfig/ferry.pc")"
    [ -n "$private" ] || { echo "ferry.pc has no Libs.private"; return 1; }
    line="$(grep -E '^cc .*libferry\.a' "$readme" | head -1)"
    echo "      ferry.pc Libs.private: $private" >>"$info"
    if [[ "$line" != *"libferry.a $private"* ]]; then
        echo "$readme's static link line does not name ferry.pc's Libs.private ($private):"
        echo "  ${line:-no line with libferry.a and -l...}"
        return 1
    fi
    local needle
    for needle in 'pkg-config --static --cflags --libs ferry-static' \
        'pkg-config --variable=valgrind_suppressions ferry'; do
        grep -qF -- "$needle" "$readme" || { echo "$readme does not say: $needle"; return 1; }
    done
}

passed=0
failed=0
step() { # step N DESCRIPTION FUNCTION: runs FUNCTION in a subshell under set -e
    local log="$tmp/step$1.log" rc=0
    : >"$info"
    set +e
    (set -e; "$3") >"$log" 2>&1
    rc=$?
    set -e
    if [ "$rc" = 0 ]; then
        passed=$((passed + 1))
        printf '[%s/5] ok     %s\n' "$1" "$2"
        cat "$info"
    else
        failed=$((failed + 1))
        printf '[%s/5] FAILED %s\n' "$1" "$2"
        cat "$info"
        sed 's/^/      | /' "$log"
    fi
}

step 1 "SONAME $soname; gcc ${cflags[*]} against target/release, run (twice, same store)" step_build_and_run
step 2 "scripts/install.sh (twice), then build with pkg-config --cflags --libs ferry only, run" step_install_and_pkg_config
step 3 "valgrind --leak-check=full with ferry.pc's valgrind_suppressions (leaks, errors fail)" step_valgrind
step 4 "static: pkg-config --static --libs ferry-static beside libferry.so, -nodefaultlibs, run" step_static
step 5 "examples/c/README.md agrees with ferry.pc (Libs.private, ferry-static, valgrind)" step_docs_agree

echo "c example: $passed passed, $failed failed"
[ "$failed" = 0 ]
