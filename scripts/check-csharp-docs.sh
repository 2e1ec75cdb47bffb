#!/usr/bin/env bash
# Checks docs/csharp.md against the public surface of target/dotnet/Ferry.dll: builds the
# library (scripts/build-dotnet.sh), compiles scripts/check-csharp-docs.cs (the checker; its
# header and the page's "About this page" give the convention it reads) and runs it. Then it
# shows that the check can fail: on copies of the page with one signature deleted and with a
# member that does not exist added, the checker must fail and name that member.
#
#   scripts/check-csharp-docs.sh          # the check and its self-test
#   scripts/check-csharp-docs.sh --list   # print the signatures the page must hold
#
# Exits non-zero when the page and the assembly differ, naming each difference.
set -euo pipefail
cd "$(dirname "$0")/.."

page=docs/csharp.md
out=target/dotnet
checker="$out/check-csharp-docs.exe"

scripts/build-dotnet.sh >/dev/null
mcs -langversion:7.2 -warnaserror -out:"$checker" scripts/check-csharp-docs.cs

if [[ "${1:-}" == "--list" ]]; then
    exec mono "$checker" "$out/Ferry.dll" "$page" --list
fi

mono "$checker" "$out/Ferry.dll" "$page"

# The self-test: each broken copy must fail, and the failure must name the member.
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
expect_failure() { # name, broken page, text the failure must contain
    local status=0
    mono "$checker" "$out/Ferry.dll" "$2" >/dev/null 2>"$scratch/err" || status=$?
    if ((status != 1)) || ! grep -qF -- "$3" "$scratch/err"; then
        echo "check-csharp-docs: self-test '$1': expected exit 1 naming '$3', got exit $status:" >&2
        cat "$scratch/err" >&2
        exit 1
    fi
}

line=$(grep -n -m1 '^- `public static Store Open(' "$page" | cut -d: -f1)
if [[ -z "$line" ]]; then
    echo "check-csharp-docs: self-test: no '- \`public static Store Open(' line in $page" >&2
    exit 1
fi
sed "${line}d" "$page" >"$scratch/missing.md"
expect_failure "a member deleted" "$scratch/missing.md" 'missing public member `public static Store Open('

sed "${line}a - \`public void Vanished()\`" "$page" >"$scratch/stale.md"
expect_failure "a member added" "$scratch/stale.md" '`public void Vanished()` is not in the assembly'

echo "check-csharp-docs: self-test passed (a deleted and an invented member both fail the check)"
