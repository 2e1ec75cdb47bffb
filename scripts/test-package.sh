#!/usr/bin/env bash
# The consumption test of the NuGet package: builds dist/Ferry.<version>.nupkg with
# scripts/package.sh, then uses it the way a Mono consumer would, in a fresh temporary
# directory, away from the repository:
#
#   1. the .nupkg holds exactly the expected entries, and its .nuspec the expected metadata
#   2. `nuget install Ferry -Source dist` (Debian's NuGet 2.8.7; HOME, XDG folders and caches in
#      the temporary directory, a dead HTTP proxy so nothing can come from nuget.org)
#   3. mcs compiles examples/csharp/Example.cs against packages/Ferry.<version>/lib/net461/Ferry.dll
#      only; the app directory gets what a consumer's build copies: Ferry.dll and
#      Ferry.dll.config from lib/net461 (reference copy-local) and libferry.so from
#      runtimes/linux-x64/native (what build/net461/Ferry.targets adds)
#   4. `mono App.exe STORE` with no LD_LIBRARY_PATH and no MONO_PATH, from a directory outside
#      the repository: its output lines, and Mono's own log of which Ferry.dll and libferry.so
#      it loaded (both must come from the app directory); then again on the same store
#   5. the same app directory without Ferry.dll.config (the native library is found beside
#      Ferry.dll all the same), and Ferry.dll used in place from packages/ (needs
#      LD_LIBRARY_PATH=.../runtimes/linux-x64/native, as examples/csharp/README.md says)
#   6. a classic project built by xbuild that imports build/net461/Ferry.targets: its output
#      directory gets libferry.so, and the app runs from it
#
# Prints one line per check and ends with "package test: N passed, M failed"; exits non-zero
# if any check fails.
set -euo pipefail
shopt -s inherit_errexit

cd "$(dirname "${BASH_SOURCE[0]}")/.."
root="$PWD"

# Installs a missing tool (as root, on Debian); does nothing when it is present.
need() { # need COMMAND PACKAGE
    command -v "$1" >/dev/null 2>&1 && return 0
    echo "test-package: $1 is missing; apt-get install -y $2"
    apt-get install -y -qq "$2" >/dev/null || { apt-get update -qq && apt-get install -y -qq "$2" >/dev/null; }
}
need nuget nuget
need unzip unzip
need mcs mono-devel

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

version=$(scripts/version.sh)
# The expected metadata, read the way package.sh reads it.
license=$(awk '/^\[/ { p = ($0 ~ /^\[workspace\.package\]/) } p && /^license[[:space:]]*=/ { sub(/^[^"]*"/, ""); sub(/".*/, ""); print; exit }' Cargo.toml)
repository=$(awk '/^\[/ { p = ($0 ~ /^\[workspace\.package\]/) } p && /^repository[[:space:]]*=/ { sub(/^[^"]*"/, ""); sub(/".*/, ""); print; exit }' Cargo.toml)

echo "test-package: scripts/package.sh"
if ! scripts/package.sh; then
    echo "FAILED  scripts/package.sh"
    echo "package test: 0 passed, 1 failed"
    exit 1
fi
nupkg="$root/dist/Ferry.$version.nupkg"

passed=0
failed=0
info="$tmp/info" # what a check appends here is shown under its line when it fails

# check NAME COMMAND...: runs COMMAND (a function below) and prints one line for it. The
# command runs as a background subshell so that `set -e` holds inside it (an `if` would
# switch it off): its first failing command fails the check.
check() {
    local name="$1"
    shift
    : >"$info"
    "$@" >>"$info" 2>&1 &
    if wait $!; then
        passed=$((passed + 1))
        echo "ok      $name"
    else
        failed=$((failed + 1))
        echo "FAILED  $name"
        sed 's/^/        /' "$info"
    fi
}

# --- 1. the package file ---------------------------------------------------------------------

expected_entries=(
    Ferry.nuspec
    lib/net461/Ferry.dll
    lib/net461/Ferry.xml
    lib/net461/Ferry.dll.config
    build/net461/Ferry.targets
    runtimes/linux-x64/native/libferry.so
)

nupkg_entries() {
    unzip -l "$nupkg" >"$tmp/listing"
    cat "$tmp/listing"
    local entry bad=0
    for entry in "${expected_entries[@]}"; do
        grep -qE "[[:space:]]${entry//./\\.}\$" "$tmp/listing" || { echo "missing entry: $entry"; bad=1; }
    done
    # Nothing else but NuGet's own packaging parts.
    awk 'NR > 3 && $4 != "" && $4 !~ /^-+$/ { print $4 }' "$tmp/listing" |
        grep -vxF -e '_rels/.rels' -e '[Content_Types].xml' |
        grep -v '^package/services/metadata/core-properties/[^/]*\.psmdcp$' |
        grep -vxF "${expected_entries[@]/#/-e}" >"$tmp/extra" || true
    if [ -s "$tmp/extra" ]; then
        echo "unexpected entries:"
        cat "$tmp/extra"
        bad=1
    fi
    return "$bad"
}

nuspec_metadata() {
    unzip -p "$nupkg" Ferry.nuspec >"$tmp/Ferry.nuspec"
    local line bad=0
    for line in \
        '<id>Ferry</id>' \
        "<version>$version</version>" \
        "<license type=\"expression\">$license</license>" \
        "<licenseUrl>https://licenses.nuget.org/${license// /%20}</licenseUrl>" \
        "<repository type=\"git\" url=\"$repository\" />" \
        "<projectUrl>$repository</projectUrl>" \
        '<authors>' '<description>' '<tags>'; do
        grep -qF -- "$line" "$tmp/Ferry.nuspec" || { echo "missing in Ferry.nuspec: $line"; bad=1; }
    done
    [ "$bad" = 0 ] || cat "$tmp/Ferry.nuspec"
    return "$bad"
}

check "nupkg holds ${#expected_entries[@]} entries: lib/net461 (dll, xml, dll.config), build/net461, runtimes/linux-x64/native" nupkg_entries
check "nuspec: id, version $version, license $license, repository, description, tags" nuspec_metadata

# --- 2. nuget install from the folder feed ---------------------------------------------------

home="$tmp/home"
mkdir -p "$home"
isolated=(env HOME="$home" XDG_CONFIG_HOME="$home/.config" XDG_DATA_HOME="$home/.local/share"
    XDG_CACHE_HOME="$home/.cache" NUGET_PACKAGES="$home/.nuget/packages"
    http_proxy=http://127.0.0.1:9 https_proxy=http://127.0.0.1:9
    HTTP_PROXY=http://127.0.0.1:9 HTTPS_PROXY=http://127.0.0.1:9)
packages="$tmp/packages"
pkg="$packages/Ferry.$version"

nuget_install() {
    (cd "$tmp" && "${isolated[@]}" timeout 300 nuget install Ferry -Source "$root/dist" \
        -OutputDirectory "$packages" -Version "$version" -NonInteractive </dev/null)
    local file bad=0
    for file in lib/net461/Ferry.dll lib/net461/Ferry.xml lib/net461/Ferry.dll.config \
        build/net461/Ferry.targets runtimes/linux-x64/native/libferry.so; do
        [ -f "$pkg/$file" ] || { echo "not installed: $pkg/$file"; bad=1; }
    done
    return "$bad"
}
check "nuget install Ferry -Version $version -Source dist (isolated HOME, no network)" nuget_install

# --- 3. compile against the installed Ferry.dll only, lay out the app directory ---------------

app="$tmp/app"
compile_example() {
    mkdir -p "$tmp/build" "$app"
    cp "$root/examples/csharp/Example.cs" "$tmp/build/"
    (cd "$tmp/build" && mcs -langversion:7.2 -warnaserror -nologo -r:"$pkg/lib/net461/Ferry.dll" \
        -out:App.exe Example.cs)
    # What a consumer's build puts beside App.exe: the reference (copy-local) with its Mono
    # config, and the native library that Ferry.targets copies from runtimes/linux-x64/native.
    cp "$tmp/build/App.exe" "$pkg/lib/net461/Ferry.dll" "$pkg/lib/net461/Ferry.dll.config" \
        "$pkg/runtimes/linux-x64/native/libferry.so" "$app/"
    ls -l "$app"
}
check "mcs (C# 7.2) examples/csharp/Example.cs -r:packages/Ferry.$version/lib/net461/Ferry.dll" compile_example

# --- 4. run it -------------------------------------------------------------------------------

# The lines Example.cs must print (whole lines), and the starts of its two error lines (the
# rest of each message belongs to ferry-core).
expected=(
    'get apple = red'
    'get banana = yellow'
    'get durian: not found'
    'view cherry = dark red (8 bytes)'
    'tryread cherry: 2 words'
    'batch: 3 writes applied'
    'scan: apple=red'
    'scan: apricot=orange'
    'scan: avocado=green'
    'scan: 3 entries with prefix "a"'
    'range [apricot, cherry) reversed: avocado, apricot'
    'cas date brown -> dark brown: swapped'
    'cas date brown -> black: not swapped, date = dark brown'
    'count: 5 entries in fruits'
    'flushed'
    'ok'
)
expected_starts=(
    'error: ArgumentException (name): invalid tree name "__x"'
    'error: FerryException Locked: '
)

# run_app DIR STORE [ENV...]: runs DIR/App.exe STORE from $tmp/cwd with Mono's assembly and
# DllImport log in $tmp/mono.log; checks its exit status and output lines.
run_app() {
    local dir="$1" store="$2" rc=0 bad=0 line
    shift 2
    mkdir -p "$tmp/cwd"
    rm -f "$tmp/mono.log"
    (cd "$tmp/cwd" && env -u LD_LIBRARY_PATH -u MONO_PATH "$@" MONO_LOG_LEVEL=debug MONO_LOG_MASK=asm,dll \
        MONO_LOG_DEST="$tmp/mono.log" mono "$dir/App.exe" "$store" >"$tmp/out" 2>"$tmp/err") || rc=$?
    [ "$rc" = 0 ] || { echo "App.exe exited with status $rc"; bad=1; }
    for line in "${expected[@]}"; do
        grep -qxF -- "$line" "$tmp/out" || { echo "missing line: $line"; bad=1; }
    done
    for line in "${expected_starts[@]}"; do
        grep -qF -- "$line" "$tmp/out" || { echo "missing line: $line..."; bad=1; }
    done
    if grep -q '^scan: \(banana\|cherry\|date\)=' "$tmp/out"; then
        echo "the scan shows a key it should not (banana was removed; cherry, date lack prefix a)"
        bad=1
    fi
    if [ "$bad" != 0 ]; then
        echo "--- stdout:"; cat "$tmp/out"; echo "--- stderr:"; cat "$tmp/err"
    fi
    return "$bad"
}

# loaded_from DIR: Mono's log says Ferry.dll and libferry.so were loaded from DIR, and nothing
# was loaded from the repository.
loaded_from() {
    local dir="$1" bad=0
    grep -E "loaded assembly from location: '[^']*Ferry\.dll'|DllImport loaded library" "$tmp/mono.log" || true
    grep -qF "loaded assembly from location: '$dir/Ferry.dll'" "$tmp/mono.log" ||
        { echo "Ferry.dll was not loaded from $dir"; bad=1; }
    grep -qF "DllImport loaded library '$dir/libferry.so'" "$tmp/mono.log" ||
        { echo "libferry.so was not loaded from $dir"; bad=1; }
    if grep -F "$root" "$tmp/mono.log"; then
        echo "something was loaded from the repository ($root)"
        bad=1
    fi
    return "$bad"
}

# The dllmap in Ferry.dll.config applies: Mono asks for libferry.so, not "ferry".
run_consumer() {
    run_app "$app" "$tmp/store" && loaded_from "$app" &&
        grep -m1 -F "DllImport attempting to load: 'libferry.so'" "$tmp/mono.log"
}
check "mono App.exe (no LD_LIBRARY_PATH): output; Ferry.dll, its dllmap and libferry.so used from the app dir" run_consumer
check "mono App.exe again on the same store" run_app "$app" "$tmp/store"

# --- 5. how the native library is found ------------------------------------------------------

without_config() {
    mkdir -p "$tmp/app-noconfig"
    cp "$app/App.exe" "$app/Ferry.dll" "$app/libferry.so" "$tmp/app-noconfig/"
    run_app "$tmp/app-noconfig" "$tmp/store2" && loaded_from "$tmp/app-noconfig" &&
        grep -m1 -F "DllImport attempting to load: 'ferry'" "$tmp/mono.log"
}
check "without Ferry.dll.config: libferry.so is still found beside Ferry.dll" without_config

# Ferry.dll used where nuget install put it (MONO_PATH), nothing copied beside it. (Mono logs
# the name it gave dlopen, which then searched LD_LIBRARY_PATH.)
in_place_needs_path() {
    mkdir -p "$tmp/app-inplace"
    cp "$app/App.exe" "$tmp/app-inplace/"
    local rc=0
    (cd "$tmp/cwd" && env -u LD_LIBRARY_PATH MONO_PATH="$pkg/lib/net461" \
        mono "$tmp/app-inplace/App.exe" "$tmp/store3" >"$tmp/out" 2>&1) || rc=$?
    grep -m1 'DllNotFoundException' "$tmp/out" || { cat "$tmp/out"; return 1; }
    [ "$rc" != 0 ]
}
check "in place (MONO_PATH=packages/.../lib/net461), no LD_LIBRARY_PATH: DllNotFoundException, as documented" in_place_needs_path

in_place_with_path() {
    run_app "$tmp/app-inplace" "$tmp/store4" MONO_PATH="$pkg/lib/net461" \
        LD_LIBRARY_PATH="$pkg/runtimes/linux-x64/native" &&
        grep -F "DllImport loaded library 'libferry.so'" "$tmp/mono.log" && ! grep -F "$root" "$tmp/mono.log"
}
check "in place with LD_LIBRARY_PATH=packages/.../runtimes/linux-x64/native" in_place_with_path

# --- 6. a classic project: xbuild imports Ferry.targets --------------------------------------

# Ferry.dll is compiled against Mono's runtime profile, whose mscorlib holds Span<T>; the
# .NET Framework reference assemblies (/usr/lib/mono/4.6.1-api) do not, so the project
# references Mono's /usr/lib/mono/4.5 assemblies instead (see examples/csharp/README.md).
xbuild_project() {
    local dir="$tmp/xbuild"
    mkdir -p "$dir"
    cp "$root/examples/csharp/Example.cs" "$dir/"
    cat >"$dir/App.csproj" <<XML
<?xml version="1.0" encoding="utf-8"?>
<Project ToolsVersion="4.0" DefaultTargets="Build" xmlns="http://schemas.microsoft.com/developer/msbuild/2003">
  <PropertyGroup>
    <Configuration>Release</Configuration>
    <OutputType>Exe</OutputType>
    <AssemblyName>App</AssemblyName>
    <TargetFrameworkVersion>v4.6.1</TargetFrameworkVersion>
    <LangVersion>7.2</LangVersion>
    <OutputPath>bin/</OutputPath>
    <NoStdLib>true</NoStdLib>
    <AddAdditionalExplicitAssemblyReferences>false</AddAdditionalExplicitAssemblyReferences>
  </PropertyGroup>
  <ItemGroup>
    <Reference Include="mscorlib"><HintPath>/usr/lib/mono/4.5/mscorlib.dll</HintPath><Private>false</Private></Reference>
    <Reference Include="System"><HintPath>/usr/lib/mono/4.5/System.dll</HintPath><Private>false</Private></Reference>
    <Reference Include="System.Core"><HintPath>/usr/lib/mono/4.5/System.Core.dll</HintPath><Private>false</Private></Reference>
    <Reference Include="Ferry"><HintPath>../packages/Ferry.$version/lib/net461/Ferry.dll</HintPath></Reference>
    <Compile Include="Example.cs" />
  </ItemGroup>
  <Import Project="\$(MSBuildToolsPath)/Microsoft.CSharp.targets" />
  <Import Project="../packages/Ferry.$version/build/net461/Ferry.targets" Condition="Exists('../packages/Ferry.$version/build/net461/Ferry.targets')" />
</Project>
XML
    (cd "$dir" && "${isolated[@]}" timeout 300 xbuild /nologo /verbosity:minimal App.csproj </dev/null) >"$tmp/xbuild.log" 2>&1 ||
        { cat "$tmp/xbuild.log"; return 1; }
    ls -l "$dir/bin"
    [ -f "$dir/bin/libferry.so" ] || { echo "Ferry.targets did not copy libferry.so to bin/"; return 1; }
    cmp "$dir/bin/libferry.so" "$pkg/runtimes/linux-x64/native/libferry.so"
    run_app "$dir/bin" "$tmp/store5" && loaded_from "$dir/bin"
}
if command -v xbuild >/dev/null 2>&1; then
    check "xbuild classic project importing build/net461/Ferry.targets: libferry.so copied to bin/, app runs" xbuild_project
else
    echo "skipped xbuild classic project (xbuild is not installed)"
fi

echo "package test: $passed passed, $failed failed"
[ "$failed" = 0 ]
