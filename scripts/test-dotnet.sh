#!/usr/bin/env bash
# Runs the .NET library's NUnit tests: builds target/dotnet/Ferry.dll (scripts/build-dotnet.sh),
# checks that its Ferry.xml documents the public API only (scripts/check-ferry-xml.cs, with a
# self-test showing the check fails on a leak),
# compiles dotnet/Ferry.Tests/*.cs into target/dotnet/Ferry.Tests.dll, runs it with
# nunit-console (results in target/dotnet/TestResult.xml), and ends with the NUnit summary line
# and "dotnet tests: N passed, M failed". Exits non-zero on any failure or error, or if no
# test ran.
set -euo pipefail
cd "$(dirname "$0")/.."

out=target/dotnet
scripts/build-dotnet.sh

# Ferry.xml documents the public API only (scripts/check-ferry-xml.cs, which reuses the public
# surface check-csharp-docs.cs lists): every <member> and every cref into Ferry is public API.
checker="$out/check-ferry-xml.exe"
mcs -langversion:7.2 -warnaserror -main:CheckFerryXml -r:System.Xml.dll -out:"$checker" \
    scripts/check-ferry-xml.cs scripts/check-csharp-docs.cs
mono "$checker" "$out/Ferry.dll" "$out/Ferry.xml"
# Its self-test: copies of Ferry.xml that document an internal method, and whose public docs
# link to an internal type, must fail naming them.
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
leak() { # name, sed expression making the broken copy, text the failure must contain
    local status=0
    sed "$2" "$out/Ferry.xml" >"$scratch/Ferry.xml"
    mono "$checker" "$out/Ferry.dll" "$scratch/Ferry.xml" >/dev/null 2>"$scratch/err" || status=$?
    if ((status != 1)) || ! grep -qF -- "$3" "$scratch/err"; then
        echo "dotnet tests: check-ferry-xml self-test '$1': expected exit 1 naming '$3', got exit $status:" >&2
        cat "$scratch/err" >&2
        exit 1
    fi
}
leak "an internal member documented" \
    's|</members>|<member name="M:Ferry.Store.Track(Ferry.IStoreChild)"><summary>x</summary></member></members>|' \
    'documents M:Ferry.Store.Track(Ferry.IStoreChild), which is not public API'
leak "a cref to an internal type" 's|<member name="T:Ferry.Store">|&<see cref="T:Ferry.Interop"/>|' \
    'the docs of T:Ferry.Store refer to T:Ferry.Interop, which is not public API'
echo "check-ferry-xml: self-test passed (a documented internal member and a cref to an internal type both fail)"

mcs -langversion:7.2 -target:library -warnaserror -pkg:nunit -r:"$out/Ferry.dll" \
    -out:"$out/Ferry.Tests.dll" dotnet/Ferry.Tests/*.cs

export LD_LIBRARY_PATH="$PWD/$out${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
log="$out/Ferry.Tests.log"
rm -f "$out/TestResult.xml"
status=0
timeout 300 nunit-console -nologo -noshadow -xml="$out/TestResult.xml" "$out/Ferry.Tests.dll" \
    2>&1 | tee "$log" || status=$?

summary=$(grep -m1 '^Tests run:' "$log" || true)
if [[ ! -f "$out/TestResult.xml" || -z "$summary" ]]; then
    echo "dotnet tests: no result (nunit-console exited with $status)" >&2
    exit 1
fi

# The root <test-results> element carries the counts.
attr() { grep -m1 -o "<test-results [^>]*" "$out/TestResult.xml" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
total=$(attr total)
errors=$(attr errors)
failures=$(attr failures)
invalid=$(attr invalid)
inconclusive=$(attr inconclusive)
failed=$((errors + failures + invalid))
passed=$((total - errors - failures - inconclusive))

echo
echo "$summary"
echo "dotnet tests: $passed passed, $failed failed"

if ((status != 0 || failed > 0 || total == 0)); then
    exit 1
fi
