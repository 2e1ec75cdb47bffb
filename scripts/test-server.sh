#!/usr/bin/env bash
# Builds the server and its HTTP integration tests (dotnet/Ferry.Server.Tests, NUnit 2.6), runs
# them with nunit-console against the real Ferry.Server.exe started as child processes, and ends
# with "server tests: N passed, M failed". Exit status is non-zero when a test fails.
#   scripts/test-server.sh [NUNIT-ARGS]     e.g. -run=Ferry.Server.Tests.KillTests
# The kill test (KillTests.cs) prints its figures here; FERRY_KILL_TRIALS=N runs more trials
# (default 5), FERRY_KILL_SEED=S replays one, FERRY_KILL_DURABILITY=relaxed shows it failing.
# GroupCommit.cs is compiled into the tests too, which test it on its own.
#
# The tests run from a private copy of the binaries: scripts/build-dotnet.sh rewrites
# target/dotnet/libferry.so in place, and a rebuild during the run would crash every server
# mapping it (SIGSEGV in native code).
set -euo pipefail
cd "$(dirname "$0")/.."

out=target/dotnet
scripts/build-server.sh
staging="$out/obj/server-tests"
mkdir -p "$staging"
mcs -langversion:7.2 -target:library -optimize+ -debug:portable -warnaserror \
    -pkg:nunit -pkg:newtonsoft-json -r:System.Net.Http -r:Mono.Posix -r:"$out/Ferry.dll" \
    -out:"$staging/Ferry.Server.Tests.dll" dotnet/Ferry.Server.Tests/*.cs dotnet/Ferry.Server/GroupCommit.cs
echo "build-server-tests: $staging/Ferry.Server.Tests.dll"

bin=$(mktemp -d "${TMPDIR:-/tmp}/ferry-server-tests.XXXXXX")
trap 'rm -rf "$bin"' EXIT
cp "$out/Ferry.Server.exe" "$out/Ferry.Server.exe.mdb" "$out/Ferry.dll" "$out/libferry.so" \
   "$staging/Ferry.Server.Tests.dll" "$staging/Ferry.Server.Tests.dll.mdb" "$bin/"

export LD_LIBRARY_PATH="$bin${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
export MONO_THREADS_SUSPEND="${MONO_THREADS_SUSPEND:-preemptive}"
results="$PWD/$out/Ferry.Server.Tests.xml"
log="$PWD/$out/Ferry.Server.Tests.log"
rm -f "$results"
status=0
# -noshadow: the tests find Ferry.Server.exe beside their own assembly.
(cd "$bin" && nunit-console -nologo -noshadow -result="$results" "$@" Ferry.Server.Tests.dll) >"$log" 2>&1 || status=$?
# The kill test's figures, the summary and any failures; the full output stays in $log.
grep -E '^(kill test:|  trial [0-9]+:)' "$log" || true
sed -n '/^Tests run:/,$p' "$log"

if [[ ! -f "$results" ]]; then
    cat "$log"
    echo "server tests: 0 passed, 1 failed (nunit-console wrote no results; exit $status)"
    exit 1
fi
summary=$(grep -o '<test-results [^>]*' "$results")
count() { grep -o " $1=\"[0-9]*\"" <<<"$summary" | grep -o '[0-9]*'; }
failed=$(($(count errors) + $(count failures)))
passed=$(grep -c '<test-case [^>]*executed="True"[^>]*success="True"' "$results" || true)
echo "server tests: $passed passed, $failed failed"
if [[ $status -ne 0 || $failed -ne 0 ]]; then exit 1; fi
