#!/usr/bin/env bash
# Runs ferry-ffi's C ABI tests under valgrind's memcheck with --leak-check=full, and fails on a
# definite or indirect leak or on any memory error. Two test binaries:
#   abi          every function as C calls it (tests/abi.rs);
#   fuzz_corpus  the fuzzer's committed inputs, replayed through its harness
#                (tests/fuzz_corpus.rs): the memory checking that AddressSanitizer gives
#                `make fuzz-replay`, without the sanitizer build.
#
#   scripts/test-leaks.sh          # optimized build (what `make test-rust` runs)
#   DEBUG=1 scripts/test-leaks.sh  # debug build: needs no suppression, slower
#
# "Possibly lost" and "still reachable" blocks are reported but do not fail: sled's background
# threads and crossbeam-epoch's global collector hold memory for the life of the process.
# Prints valgrind's summary lines and exits non-zero on failure.
set -euo pipefail
shopt -s inherit_errexit

cd "$(dirname "${BASH_SOURCE[0]}")/.."

if ! command -v valgrind >/dev/null 2>&1; then
    echo "test-leaks: valgrind is missing; apt-get install -y valgrind"
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -qq valgrind >/dev/null ||
        { apt-get update -qq && apt-get install -y -qq valgrind >/dev/null; }
fi

profile=(--release)
[ "${DEBUG:-0}" = 1 ] && profile=()
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# A false positive in optimized sled, suppressed by name (see the file).
supp="$PWD/scripts/valgrind-sled.supp"

# Runs one test binary of ferry-ffi under valgrind; prints the summary; fails on a leak or error.
check() {
    local test="$1" binary log="$tmp/$1.log" out="$tmp/$1.out" rc=0
    shift # the rest: which tests of the binary to run (all when none)
    binary="$(cargo test --locked -p ferry-ffi --test "$test" "${profile[@]}" --no-run --message-format=json 2>/dev/null |
        sed -n 's/.*"executable":"\([^"]*\)".*/\1/p' | tail -1)"
    [ -x "$binary" ] || { echo "test-leaks: could not build the $test test binary" >&2; return 1; }
    echo "test-leaks: valgrind --leak-check=full $(basename "$binary") (one test thread)"
    valgrind --leak-check=full --show-leak-kinds=definite,indirect \
        --errors-for-leak-kinds=definite,indirect --error-exitcode=99 \
        --suppressions="$supp" --log-file="$log" \
        "$binary" --test-threads=1 "$@" >"$out" 2>&1 || rc=$?

    grep -E '^test result:' "$out" | sed 's/^/  /' || true
    grep -E '(definitely|indirectly|possibly) lost:|still reachable:|ERROR SUMMARY:' "$log" |
        sed 's/^==[0-9]*== */  /'
    local definite indirect errors
    definite="$(sed -n 's/.*definitely lost: \([0-9,]*\) bytes.*/\1/p' "$log" | tr -d , | tail -1)"
    indirect="$(sed -n 's/.*indirectly lost: \([0-9,]*\) bytes.*/\1/p' "$log" | tr -d , | tail -1)"
    errors="$(sed -n 's/.*ERROR SUMMARY: \([0-9,]*\) errors.*/\1/p' "$log" | tr -d , | tail -1)"

    if [ "$rc" != 0 ] || [ "${definite:-0}" != 0 ] || [ "${indirect:-0}" != 0 ] || [ "${errors:-1}" != 0 ]; then
        echo "--- test output:"; cat "$out"
        echo "--- valgrind log:"; cat "$log"
        echo "test-leaks: $test FAILED (exit $rc, definitely lost ${definite:-?} B, indirectly lost ${indirect:-?} B, ${errors:-?} errors)"
        return 1
    fi
    echo "test-leaks: $test ok (definitely lost 0 B, indirectly lost 0 B, 0 errors)"
}

echo "test-leaks: building the ffi tests (${profile[*]:-debug})"
failed=0
check abi || failed=1
# The replay only: the finding test in the same binary runs 6,000 inputs, minutes under valgrind.
check fuzz_corpus the_committed_fuzz_inputs_replay_without_a_finding --exact || failed=1
exit "$failed"
