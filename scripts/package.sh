#!/usr/bin/env bash
# Builds the Ferry NuGet package dist/Ferry.<version>.nupkg and prints its listing.
#
#   1. scripts/build-dotnet.sh: target/dotnet/Ferry.dll, Ferry.xml, libferry.so (release)
#   2. stages the package layout under target/package/layout (see dotnet/Ferry.nuspec)
#   3. fills the template dotnet/Ferry.nuspec from the root Cargo.toml's [workspace.package]
#      (version, authors, license, repository) into target/package/Ferry.nuspec
#   4. `nuget pack` (Debian's NuGet 2.8.7) of that .nuspec minus <license> and <repository>,
#      which NuGet 2.8.7's schema check rejects, then adds those two elements to the packed
#      .nuspec (modern clients read them; old ones read <licenseUrl> and <projectUrl>)
#   5. copies the result to dist/Ferry.<version>.nupkg, replacing any earlier dist/Ferry.*.nupkg
#
# Idempotent: target/package is rebuilt from scratch each time. NuGet runs with HOME and the XDG
# folders inside target/package, so it neither reads nor writes the user's NuGet settings.
set -euo pipefail
shopt -s inherit_errexit

cd "$(dirname "${BASH_SOURCE[0]}")/.."

# Installs a missing tool (as root, on Debian); does nothing when it is present.
need() { # need COMMAND PACKAGE
    command -v "$1" >/dev/null 2>&1 && return 0
    echo "package: $1 is missing; apt-get install -y $2"
    apt-get install -y -qq "$2" >/dev/null || { apt-get update -qq && apt-get install -y -qq "$2" >/dev/null; }
}
need nuget nuget
need unzip unzip
need zip zip

# Prints a string field (or a string array, joined with ", ") of [workspace.package].
cargo_field() { # cargo_field NAME
    awk -v name="$1" '
        /^\[/ { in_pkg = ($0 ~ /^\[workspace\.package\][[:space:]]*$/); next }
        in_pkg && $0 ~ "^[[:space:]]*" name "[[:space:]]*=" {
            sub(/^[^=]*=[[:space:]]*/, "")
            sub(/^\[/, ""); sub(/\][[:space:]]*$/, "")
            n = split($0, parts, /"[[:space:]]*,[[:space:]]*"/)
            out = ""
            for (i = 1; i <= n; i++) { gsub(/"/, "", parts[i]); out = out (i > 1 ? ", " : "") parts[i] }
            print out; found = 1; exit
        }
        END { if (!found) { print "package: no [workspace.package] " name " in Cargo.toml" > "/dev/stderr"; exit 1 } }' Cargo.toml
}

xml_escape() { # xml_escape TEXT (replacements quoted: bash 5.2 expands an unquoted "&" in them)
    local s="$1"
    s=${s//&/"&amp;"}
    s=${s//</"&lt;"}
    s=${s//>/"&gt;"}
    s=${s//\"/"&quot;"}
    printf '%s' "$s"
}

version=$(scripts/version.sh)
authors=$(cargo_field authors)
license=$(cargo_field license)
repository=$(cargo_field repository)

scripts/build-dotnet.sh

stage=target/package
layout="$stage/layout"
rm -rf "$stage"
mkdir -p "$layout/lib/net461" "$layout/build/net461" "$layout/runtimes/linux-x64/native" \
    "$stage/out" "$stage/patch" "$stage/home"
cp target/dotnet/Ferry.dll target/dotnet/Ferry.xml dotnet/nuget/Ferry.dll.config "$layout/lib/net461/"
cp dotnet/nuget/Ferry.targets "$layout/build/net461/"
cp target/dotnet/libferry.so "$layout/runtimes/linux-x64/native/"

# Fill the template: fill NAME VALUE replaces the token $NAME$ with VALUE, XML-escaped.
nuspec=$(<dotnet/Ferry.nuspec)
fill() {
    local token="\$$1\$"
    nuspec=${nuspec//"$token"/"$(xml_escape "$2")"}
}
fill version "$version"
fill authors "$authors"
fill license "$license"
fill licenseUrlExpression "${license// /%20}"
fill repository "$repository"
if grep -qE '\$[A-Za-z]+\$' <<<"$nuspec"; then
    echo "package: unfilled token in dotnet/Ferry.nuspec: $(grep -oE '\$[A-Za-z]+\$' <<<"$nuspec" | head -1)" >&2
    exit 1
fi
printf '%s\n' "$nuspec" >"$stage/Ferry.nuspec"

# The two elements NuGet 2.8.7 cannot pack, and the .nuspec it can.
modern=$(grep -E '^[[:space:]]*<(license|repository)[[:space:]]' "$stage/Ferry.nuspec")
grep -vE '^[[:space:]]*<(license|repository)[[:space:]]' "$stage/Ferry.nuspec" >"$stage/Ferry.nuget2.nuspec"

nuget_env=(env HOME="$PWD/$stage/home" XDG_CONFIG_HOME="$PWD/$stage/home/.config"
    XDG_DATA_HOME="$PWD/$stage/home/.local/share" XDG_CACHE_HOME="$PWD/$stage/home/.cache")
echo "package: nuget pack $stage/Ferry.nuget2.nuspec"
"${nuget_env[@]}" timeout 300 nuget pack "$stage/Ferry.nuget2.nuspec" -BasePath "$layout" \
    -OutputDirectory "$stage/out" -NonInteractive </dev/null
nupkg="$stage/out/Ferry.$version.nupkg"
[ -f "$nupkg" ] || { echo "package: nuget pack did not write $nupkg" >&2; exit 1; }

# Add <license> and <repository> to the packed .nuspec, just before </metadata>.
unzip -p "$nupkg" Ferry.nuspec >"$stage/patch/packed.nuspec"
if grep -qE '<(license|repository)[[:space:]]' "$stage/patch/packed.nuspec"; then
    echo "package: the packed .nuspec already has <license> or <repository>" >&2
    exit 1
fi
awk -v extra="$modern" '/<\/metadata>/ { print extra } { print }' "$stage/patch/packed.nuspec" \
    >"$stage/patch/Ferry.nuspec"
(cd "$stage/patch" && zip -q -X "../out/Ferry.$version.nupkg" Ferry.nuspec)

mkdir -p dist
rm -f dist/Ferry.*.nupkg
cp "$nupkg" "dist/Ferry.$version.nupkg"
echo "package: dist/Ferry.$version.nupkg"
unzip -l "dist/Ferry.$version.nupkg"
