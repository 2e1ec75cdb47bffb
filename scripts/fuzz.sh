#!/usr/bin/env bash
# Fuzzes Ferry's C ABI with libFuzzer and AddressSanitizer on stable Rust, offline.
#
#   scripts/fuzz.sh run [SECONDS]   fuzz for SECONDS (default 60); prints executions, exec/s
#                                   and findings. New inputs go to fuzz/work/<target>/
#                                   (ignored by git); a crash is written to
#                                   fuzz/artifacts/<target>/ and makes the script fail.
#   scripts/fuzz.sh replay          runs the seed corpus fuzz/corpus/<target>/ and every
#                                   regression input in fuzz/artifacts/<target>/ once; fails
#                                   if any crashes.
#
# The target is fuzz/fuzz_targets/ffi_ops.rs (FUZZ_TARGET overrides it). No cargo-fuzz: plain
# cargo builds the target with the flags cargo-fuzz 0.13 passes (fuzz/README.md), from
# vendor/crates like every other build, and the script runs the libFuzzer binary itself.
# -Zsanitizer is a nightly flag; RUSTC_BOOTSTRAP=1 lets the stable toolchain accept it.
# Installs g++ (libFuzzer is C++) when missing. The first build takes ~4 minutes on 2 cores;
# later ones are incremental.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
target="${FUZZ_TARGET:-ffi_ops}"
export RUSTC_BOOTSTRAP=1
host="$(rustc -vV | sed -n 's/^host: //p')"
binary="fuzz/target/$host/release/$target"
# ASan's defaults as cargo-fuzz sets them; a caller's own options come first.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_odr_violation=0"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"
# The harness's stores go here (tmpfs when there is one) and are removed with it at the end;
# libFuzzer ends the process without running destructors.
if [ -z "${FERRY_FUZZ_DIR:-}" ]; then
    FERRY_FUZZ_DIR="$(mktemp -d /dev/shm/ferry-fuzz.XXXXXX 2>/dev/null || mktemp -d)"
    export FERRY_FUZZ_DIR
    trap 'rm -rf "$FERRY_FUZZ_DIR"' EXIT
fi

usage() {
    echo "usage: $0 run [SECONDS] | replay" >&2
    exit 2
}

need_tools() {
    if ! command -v c++ >/dev/null 2>&1; then
        echo "fuzz: c++ is missing; apt-get install g++"
        export DEBIAN_FRONTEND=noninteractive
        apt-get install -y -qq g++ >/dev/null ||
            { apt-get update -qq && apt-get install -y -qq g++ >/dev/null; }
    fi
}

# What `cargo fuzz build` (cargo-fuzz 0.13.2) runs: SanitizerCoverage for libFuzzer's
# feedback, AddressSanitizer, `--cfg fuzzing`, debug assertions, one codegen unit, line tables.
# --target keeps build scripts and proc macros uninstrumented.
build() {
    echo "fuzz: cargo build $target (libFuzzer + AddressSanitizer, release with debug assertions)"
    local flags=(
        -Cpasses=sancov-module
        -Cllvm-args=-sanitizer-coverage-level=4
        -Cllvm-args=-sanitizer-coverage-inline-8bit-counters
        -Cllvm-args=-sanitizer-coverage-pc-table
        -Cllvm-args=-sanitizer-coverage-trace-compares
        --cfg fuzzing
        -Cllvm-args=-simplifycfg-branch-fold-threshold=0
        -Zsanitizer=address
        -Cllvm-args=-sanitizer-coverage-stack-depth
        -Cdebug-assertions
        -Ccodegen-units=1
    )
    RUSTFLAGS="${flags[*]}${RUSTFLAGS:+ $RUSTFLAGS}" cargo build --locked \
        --manifest-path fuzz/Cargo.toml --target "$host" --release \
        --config 'profile.release.debug="line-tables-only"' --bin "$target"
}

# Runs the fuzzer binary as `cargo fuzz run` does: crashes go to fuzz/artifacts/<target>/.
fuzz_binary() {
    "$binary" -artifact_prefix="fuzz/artifacts/$target/" "$@"
}

cmd_run() {
    local seconds="${1:-60}"
    [[ "$seconds" =~ ^[0-9]+$ ]] || usage
    need_tools
    build
    mkdir -p "fuzz/work/$target" "fuzz/artifacts/$target"
    local log rc=0
    log="$(mktemp)"
    trap 'rm -f "$log"' RETURN
    echo "fuzz: running $target for $seconds s (seeds: fuzz/corpus/$target, working corpus: fuzz/work/$target)"
    # -timeout: an input running longer than 10 s is a finding (a hang).
    fuzz_binary "fuzz/work/$target" "fuzz/corpus/$target" \
        -max_total_time="$seconds" -timeout=10 -print_final_stats=1 >"$log" 2>&1 || rc=$?
    grep -E '^#[0-9]+[[:space:]]+(INITED|DONE)' "$log" | sed 's/^/  /' || true
    local runs execs
    runs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)"
    execs="$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)"
    echo "fuzz: $target: ${runs:-?} executions in $seconds s, ${execs:-?} exec/s, corpus $(find "fuzz/work/$target" -type f | wc -l) inputs"
    if [ "$rc" != 0 ]; then
        cp "$log" "fuzz/work/$target.log"
        echo "fuzz: FINDING (exit $rc); the input is in fuzz/artifacts/$target/, the whole log in fuzz/work/$target.log:"
        grep -E 'panicked at|ERROR: libFuzzer|SUMMARY|^Test unit written' -A2 "$log" | head -40
        echo "fuzz: reproduce with: $binary <the input>"
        return 1
    fi
    echo "fuzz: no findings"
}

cmd_replay() {
    need_tools
    build
    local scratch rc=0
    scratch="$(mktemp -d)"
    trap 'rm -rf "$scratch"' RETURN
    # The seeds are read, never written: libFuzzer writes into its first corpus directory.
    echo "fuzz: replaying fuzz/corpus/$target ($(find "fuzz/corpus/$target" -type f | wc -l) inputs)"
    fuzz_binary "$scratch" "fuzz/corpus/$target" -runs=0 -timeout=10 \
        >"$scratch.log" 2>&1 || rc=$?
    grep -E '^Done [0-9]+ runs' "$scratch.log" | sed 's/^/  /' || true
    if [ "$rc" != 0 ]; then
        grep -E 'panicked at|ERROR: libFuzzer|SUMMARY' -A3 "$scratch.log" | head -30
        echo "fuzz: replay of the seed corpus FAILED"
        rm -f "$scratch.log"
        return 1
    fi
    rm -f "$scratch.log"
    local input failed=0 count=0
    shopt -s nullglob
    for input in "fuzz/artifacts/$target"/*; do
        count=$((count + 1))
        if fuzz_binary "$input" >"$scratch/one.log" 2>&1; then
            echo "  ok      $input"
        else
            failed=$((failed + 1))
            echo "  CRASHES $input"
            grep -E 'panicked at|ERROR: libFuzzer' -A2 "$scratch/one.log" | sed 's/^/      /' | head -8
        fi
    done
    echo "fuzz: replayed the seed corpus and $count regression inputs: $failed crashed"
    [ "$failed" = 0 ]
}

case "${1:-}" in
    run) shift; [ $# -le 1 ] || usage; cmd_run "$@" ;;
    replay) [ $# -eq 1 ] || usage; cmd_replay ;;
    *) usage ;;
esac
