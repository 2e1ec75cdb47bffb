#!/usr/bin/env bash
# Runs the .NET library's NUnit tests: builds target/dotnet/Ferry.dll (scripts/build-dotnet.sh),
# checks that its Ferry.xml documents no internal type of the generated layer,
# compiles dotnet/Ferry.Tests/*.cs into target/dotnet/Ferry.Tests.dll, runs it with
# nunit-console (results in target/dotnet/TestResult.xml), and ends with the NUnit summary line
# and "dotnet tests: N passed, M failed". Exits non-zero on any failure or error, or if no
# test ran.
set -euo pipefail
cd "$(dirname "$0")/.."

out=target/dotnet
scripts/build-dotnet.sh

# Ferry.xml documents the public API only: no member of a type the generated layer declares
# internal (Interop, the SafeHandles, the structs; bindgen writes their docs as // comments).
internal=$(sed -nE 's/^ *internal (static |sealed |partial )*(class|struct) ([A-Za-z0-9_]+).*/\3/p' \
    generated/csharp/*.cs | sort -u)
[ -n "$internal" ] || { echo "dotnet tests: found no internal generated type to check" >&2; exit 1; }
leaked=$(grep -oE "<member name=\"[A-Z]:Ferry\.($(paste -sd'|' <<<"$internal"))[.\"(\`]" "$out/Ferry.xml" || true)
if [ -n "$leaked" ]; then
    echo "dotnet tests: $out/Ferry.xml documents internal generated members (the generator must" >&2
    echo "write their docs as // comments, bindgen/src/csharp/writer.rs):" >&2
    sed 's/^/  /' <<<"$leaked" | head -20 >&2
    exit 1
fi

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
