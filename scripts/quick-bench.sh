#!/usr/bin/env bash
# A quick C# vs Rust timing of a point get and a 10-item scan on the same data: a store of
# 100,000 random 16-byte keys with 100-byte values, written once by the Rust side; each side
# then does the same random lookups (one warm-up round, then 5 timed rounds; the median per
# operation). C# goes through the public Ferry API on Mono (target/dotnet/Ferry.dll, as
# scripts/build-dotnet.sh builds it), Rust calls ferry-core directly
# (bench/quick/rust, release). Mono runs in two modes: with its default (hybrid) thread suspend and
# with MONO_THREADS_SUSPEND=preemptive, which makes each P/Invoke transition cheaper.
#
# Minutes-long, statistically careful numbers belong to `make bench`; these are a sanity check
# of the binding's overhead, and are noisy on a busy machine (the load average is printed).
set -euo pipefail
shopt -s inherit_errexit

cd "$(dirname "${BASH_SOURCE[0]}")/.."
root="$PWD"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

scripts/build-dotnet.sh >/dev/null
CARGO_TARGET_DIR="$root/target" cargo build --release --quiet --manifest-path bench/quick/rust/Cargo.toml
rust_bin="$root/target/release/ferry-quick-bench"

cp target/dotnet/Ferry.dll target/dotnet/libferry.so "$tmp/"
mcs -langversion:7.2 -optimize+ -warnaserror -nologo -r:"$tmp/Ferry.dll" -out:"$tmp/QuickBench.exe" \
    bench/quick/QuickBench.cs

"$rust_bin" build "$tmp/store" >/dev/null

# The three runs take turns, PASSES times (default 3); each figure is the best (lowest) median
# over the passes, which is the one least disturbed by whatever else the machine was doing.
passes="${PASSES:-3}"
rust="" hybrid="" preemptive=""
for ((pass = 1; pass <= passes; pass++)); do
    rust+=$("$rust_bin" run "$tmp/store")$'\n'
    hybrid+=$(cd "$tmp" && env -u LD_LIBRARY_PATH -u MONO_THREADS_SUSPEND mono QuickBench.exe "$tmp/store")$'\n'
    preemptive+=$(cd "$tmp" && env -u LD_LIBRARY_PATH MONO_THREADS_SUSPEND=preemptive mono QuickBench.exe "$tmp/store")$'\n'
done

# figure OUTPUTS NAME: the lowest value of the lines "NAME value".
figure() { awk -v name="$2" '$1 == name && (best == "" || $2 < best) { best = $2 } END { print best }' <<<"$1"; }

# Both sides must have read the same data: the same value bytes, the same scan entries.
sums() { awk '$1 == "check" { print $3, $NF }' <<<"$1" | sort -u; }
if [ "$(sums "$rust")" != "$(sums "$hybrid")" ] || [ "$(sums "$rust")" != "$(sums "$preemptive")" ] ||
    [ "$(sums "$rust" | wc -l)" != 1 ]; then
    printf 'quick-bench: C# and Rust read different data\n--- Rust:\n%s\n--- C#:\n%s%s\n' \
        "$rust" "$hybrid" "$preemptive" >&2
    exit 1
fi

table() { # table TITLE CSHARP_OUTPUT
    local rust_get rust_scan
    rust_get=$(figure "$rust" get_ns)
    rust_scan=$(figure "$rust" scan10_ns)
    echo "$1"
    printf '  %-36s %10s %10s %8s\n' operation "C# ns" "Rust ns" "C#/Rust"
    awk -v cs="$(figure "$2" get_ns)" -v rs="$rust_get" \
        'BEGIN { printf "  %-36s %10d %10d %8.2f\n", "get (Tree.Get -> byte[])", cs, rs, cs / rs }'
    awk -v cs="$(figure "$2" tryget_ns)" -v rs="$rust_get" \
        'BEGIN { printf "  %-36s %10d %10d %8.2f\n", "get (Tree.TryGet -> caller buffer)", cs, rs, cs / rs }'
    awk -v cs="$(figure "$2" scan10_ns)" -v rs="$rust_scan" \
        'BEGIN { printf "  %-36s %10d %10d %8.2f\n", "scan 10 (Tree.Range, limit 10)", cs, rs, cs / rs }'
}

echo "quick-bench: 100,000 keys (16 B random), 100 B values; median of 5 rounds of 100,000 gets"
echo "  / 20,000 scans, best of $passes passes, ns per operation. $(mono --version | head -1 | sed 's/ (.*//'), $(rustc --version | cut -d' ' -f1-2);"
echo "  load average $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) CPUs."
echo "  Rust get is ferry-core's Tree::get (the value is shared, not copied); scan is Tree::scan."
table "Mono default thread suspend (hybrid):" "$hybrid"
table "MONO_THREADS_SUSPEND=preemptive:" "$preemptive"
