#!/usr/bin/env bash
# Ferry's cross-language benchmark (bench/README.md): builds what is stale — libferry and the
# .NET library, the Rust, C and C# harnesses — then runs bench/run.py, which drives them over
# the same workloads and prints the table.
#
#   scripts/bench.sh           # full run: 1M keys, several minutes; writes bench/results/
#                              #   <timestamp>.json, latest.json and latest.svg
#   scripts/bench.sh --quick   # smoke run: 50k keys, well under a minute once built; writes
#                              #   bench/results/quick-latest.{json,svg}
#
# Fails (non-zero exit) if a build or a harness fails, or the results are malformed. Times are
# never asserted on: the targets in the table are goals.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$PWD

run_args=()
for arg in "$@"; do
    case "$arg" in
        --quick) run_args+=(--quick) ;;
        *)
            echo "usage: $0 [--quick]" >&2
            exit 2
            ;;
    esac
done

step() { echo "== bench: $*" >&2; }

# True if $1 is missing or older than any of the other files.
stale() {
    local out=$1
    shift
    [ -e "$out" ] || return 0
    local f
    for f in "$@"; do
        [ "$f" -nt "$out" ] && return 0
    done
    return 1
}

# The SQLite peers need the C headers and Mono's ADO.NET provider; http_post needs wrk.
missing=()
[ -e /usr/include/sqlite3.h ] || missing+=(libsqlite3-dev)
[ -e /usr/lib/mono/4.5/Mono.Data.Sqlite.dll ] || missing+=(libmono-sqlite4.0-cil)
command -v wrk >/dev/null 2>&1 || missing+=(wrk)
for tool in cargo gcc mcs mono python3; do
    command -v "$tool" >/dev/null 2>&1 || {
        echo "bench: $tool is not installed (make deps)" >&2
        exit 1
    }
done
if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" -ne 0 ]; then
        echo "bench: missing ${missing[*]}; run as root or: apt-get install ${missing[*]}" >&2
        exit 1
    fi
    step "installing ${missing[*]} (apt-get)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

build=bench/build
mkdir -p "$build"

# One run at a time per checkout: two would rebuild the same files, and disturb each other's
# measurements.
exec 9>"$build/.lock"
if ! flock -n 9; then
    echo "bench: waiting for another bench run in this checkout to finish" >&2
    flock 9
fi

step "libferry (scripts/native.sh: cargo build --release -p ferry-ffi, libferry.so.0 link)"
scripts/native.sh --quiet

if stale target/dotnet/Ferry.dll dotnet/Ferry/*.cs generated/csharp/*.cs target/release/libferry.so; then
    step "Ferry.dll (scripts/build-dotnet.sh)"
    scripts/build-dotnet.sh >&2
fi

# The HTTP server of http_post (Mono.Options' source and Newtonsoft.Json come with make deps).
if stale target/dotnet/Ferry.Server.exe dotnet/Ferry.Server/*.cs dotnet/Ferry.Server/openapi.json \
    target/dotnet/Ferry.dll; then
    step "Ferry.Server.exe (scripts/build-server.sh)"
    scripts/build-server.sh >&2
fi

step "Rust harness (bench/rust)"
CARGO_TARGET_DIR="$root/target" cargo build --locked --release --quiet --manifest-path bench/rust/Cargo.toml

cflags=(-std=c99 -O2 -Wall -Wextra -pedantic -Werror -pthread)
if stale "$build/bench-c" bench/c/bench.c bench/c/common.h generated/c/ferry.h; then
    step "C harness (bench/c/bench.c)"
    gcc "${cflags[@]}" -Igenerated/c bench/c/bench.c -o "$build/bench-c" \
        -Ltarget/release -lferry -Wl,-rpath,"$root/target/release"
fi
if stale "$build/bench-c-sqlite" bench/c/sqlite.c bench/c/common.h; then
    step "C SQLite peer (bench/c/sqlite.c)"
    gcc "${cflags[@]}" bench/c/sqlite.c -o "$build/bench-c-sqlite" -lsqlite3
fi

mcs_flags=(-langversion:7.2 -optimize+ -warnaserror -nologo)
if stale "$build/Ferry.dll" target/dotnet/Ferry.dll; then
    cp target/dotnet/Ferry.dll "$build/Ferry.dll"
fi
if stale "$build/Bench.exe" bench/csharp/Bench.cs bench/csharp/Common.cs bench/csharp/Direct.cs \
    generated/csharp/*.cs "$build/Ferry.dll"; then
    step "C# harness (bench/csharp/Bench.cs + generated/csharp, over Ferry.dll)"
    # Ferry.dll under an extern alias: the generated layer compiled in here (for the internal
    # Interop.ferry_version) would otherwise clash with the one inside Ferry.dll.
    mcs "${mcs_flags[@]}" -unsafe -define:FERRY_VISIT -out:"$build/Bench.exe" -r:FerryLib="$build/Ferry.dll" \
        bench/csharp/Bench.cs bench/csharp/Common.cs bench/csharp/Direct.cs generated/csharp/*.cs
fi
if stale "$build/SqliteBench.exe" bench/csharp/SqliteBench.cs bench/csharp/Common.cs; then
    step "C# SQLite peer (bench/csharp/SqliteBench.cs)"
    mcs "${mcs_flags[@]}" -out:"$build/SqliteBench.exe" -r:System.Data -r:Mono.Data.Sqlite \
        bench/csharp/SqliteBench.cs bench/csharp/Common.cs
fi

step "running bench/run.py ${run_args[*]:-}"
python3 bench/run.py "${run_args[@]}"
