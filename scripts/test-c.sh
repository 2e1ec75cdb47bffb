#!/usr/bin/env bash
# Tests the C example (examples/c/example.c) against libferry, four ways:
#   1. gcc -std=c99 -Werror against target/release, run, check its output
#   2. the same binary under valgrind: no memory error, no definite or indirect leak
#   3. scripts/install.sh into a temporary prefix, build with pkg-config only, run
#   4. link statically against PREFIX/lib/libferry.a, run
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

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
info="$tmp/info" # what a step appends here is shown under its result line, pass or fail

echo "test-c: cargo build --release -p ferry-ffi"
cargo build --locked --release --quiet -p ferry-ffi

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

step_build_and_run() {
    "$cc" "${cflags[@]}" -I generated/c "$example" -L target/release -lferry -o "$tmp/example"
    export LD_LIBRARY_PATH="$root/target/release"
    run_example "$tmp/example" "$tmp/store1"
    run_example "$tmp/example" "$tmp/store1" # again: the store reopens (its lock was released)
}

# A false positive in optimized sled, suppressed by name (see the file).
supp="$PWD/scripts/valgrind-sled.supp"

step_valgrind() {
    [ -x "$tmp/example" ] || { echo "no binary to run: step 1 did not build it"; return 1; }
    export LD_LIBRARY_PATH="$root/target/release"
    local log="$tmp/valgrind.log" rc=0
    run_example "$tmp/example" "$tmp/store2" \
        valgrind --leak-check=full --errors-for-leak-kinds=definite,indirect --error-exitcode=1 \
        --show-leak-kinds=definite,indirect \
        --suppressions="$supp" --log-file="$log" || rc=$?
    grep -E '(definitely|indirectly|possibly) lost:|ERROR SUMMARY:' "$log" | sed 's/^==[0-9]*== */      /' >>"$info" || true
    if [ "$rc" != 0 ] || ! grep -q 'ERROR SUMMARY: 0 errors' "$log"; then
        echo "--- valgrind log:"; cat "$log"
        return 1
    fi
}

step_pkg_config() {
    local prefix="$tmp/prefix"
    scripts/install.sh "$prefix"
    scripts/install.sh "$prefix" # idempotent
    export PKG_CONFIG_PATH="$prefix/lib/pkgconfig"
    local flags
    flags="$(pkg-config --cflags --libs ferry)"
    echo "      pkg-config --cflags --libs ferry: $flags" >>"$info"
    # shellcheck disable=SC2086 # pkg-config output is meant to be word-split
    "$cc" "${cflags[@]}" "$example" -o "$tmp/example-pc" $flags
    export LD_LIBRARY_PATH="$prefix/lib"
    run_example "$tmp/example-pc" "$tmp/store3"
}

step_static() {
    local prefix="$tmp/prefix"
    [ -f "$prefix/lib/libferry.a" ] || scripts/install.sh "$prefix"
    "$cc" "${cflags[@]}" -I "$prefix/include" "$example" "$prefix/lib/libferry.a" \
        -lpthread -ldl -lm -o "$tmp/example-static"
    if readelf -d "$tmp/example-static" | grep -q 'NEEDED.*libferry'; then
        echo "the static build still needs libferry.so"
        return 1
    fi
    unset LD_LIBRARY_PATH
    run_example "$tmp/example-static" "$tmp/store4"
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
        printf '[%s/4] ok     %s\n' "$1" "$2"
        cat "$info"
    else
        failed=$((failed + 1))
        printf '[%s/4] FAILED %s\n' "$1" "$2"
        cat "$info"
        sed 's/^/      | /' "$log"
    fi
}

step 1 "gcc ${cflags[*]} against target/release, run (twice, same store)" step_build_and_run
step 2 "valgrind --leak-check=full (definite, indirect leaks and errors fail)" step_valgrind
step 3 "scripts/install.sh, then build with pkg-config --cflags --libs ferry only, run" step_pkg_config
step 4 "static link against PREFIX/lib/libferry.a, run" step_static

echo "c example: $passed passed, $failed failed"
[ "$failed" = 0 ]
