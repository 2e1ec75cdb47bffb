#!/usr/bin/env bash
# Builds the HTTP server: target/dotnet/Ferry.Server.exe, from dotnet/Ferry.Server/*.cs and
# Mono.Options' source, with dotnet/Ferry.Server/openapi.json embedded as the resource
# "openapi.json". Runs scripts/build-dotnet.sh first (Ferry.dll and libferry.so land in the
# same directory). Newtonsoft.Json and Mono.Posix load from Mono's GAC at run time, so nothing
# else is copied. The exe is replaced by a rename, never rewritten in place, so a server that
# is running keeps its mapped file. Prints the output path.
set -euo pipefail
cd "$(dirname "$0")/.."

out=target/dotnet
scripts/build-dotnet.sh >/dev/null

# Mono.Options ships as source only: its pkg-config file names Options.cs.
options_cs=$(pkg-config --variable=Sources mono-options)
# Syntax-check the OpenAPI document before embedding it.
python3 -c 'import json,sys; json.load(open(sys.argv[1]))' dotnet/Ferry.Server/openapi.json

staging="$out/obj/server"
mkdir -p "$staging"
mcs -langversion:7.2 -target:exe -optimize+ -debug:portable -warnaserror \
    -pkg:newtonsoft-json -r:Mono.Posix -r:"$out/Ferry.dll" \
    -resource:dotnet/Ferry.Server/openapi.json,openapi.json \
    -out:"$staging/Ferry.Server.exe" \
    dotnet/Ferry.Server/*.cs "$options_cs" "$out/obj/Version.g.cs"
mv -f "$staging/Ferry.Server.exe.mdb" "$out/Ferry.Server.exe.mdb" # mcs writes .mdb debug files
mv -f "$staging/Ferry.Server.exe" "$out/Ferry.Server.exe"
echo "build-server: $out/Ferry.Server.exe"
