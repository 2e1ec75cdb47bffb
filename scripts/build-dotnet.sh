#!/usr/bin/env bash
# Builds the .NET library: target/dotnet/Ferry.dll and its XML docs Ferry.xml, compiled by
# Mono's mcs (C# 7.2) from dotnet/Ferry/*.cs plus the generated layer generated/csharp/*.cs,
# with libferry.so copied beside it. Prints the output path.
set -euo pipefail
cd "$(dirname "$0")/.."

out=target/dotnet
mkdir -p "$out/obj"
version=$(scripts/version.sh)

cat >"$out/obj/Version.g.cs" <<CS
// Written by scripts/build-dotnet.sh from the workspace version.
[assembly: System.Reflection.AssemblyVersion("$version.0")]
[assembly: System.Reflection.AssemblyInformationalVersion("$version")]
CS

cargo build --locked --release --quiet -p ferry-ffi
mcs -langversion:7.2 -target:library -unsafe -optimize+ -debug:portable -warnaserror \
    -doc:"$out/obj/Ferry.xml" -out:"$out/obj/Ferry.dll" \
    dotnet/Ferry/*.cs generated/csharp/*.cs "$out/obj/Version.g.cs"
# Replace files by renaming, never by writing over them: a running process (a test server)
# may have the old libferry.so mapped, and overwriting it in place crashes that process.
cp target/release/libferry.so "$out/obj/libferry.so"
for f in Ferry.dll Ferry.pdb Ferry.xml libferry.so; do
    if [ -f "$out/obj/$f" ]; then mv -f "$out/obj/$f" "$out/$f"; fi
done
echo "build-dotnet: $out/Ferry.dll ($version)"
