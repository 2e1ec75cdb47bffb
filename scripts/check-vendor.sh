#!/usr/bin/env bash
# vendor/sled must be exactly sled 0.34.7 from crates.io plus vendor/sled.patch
# (vendor/README.md).
#
#   scripts/check-vendor.sh            downloads the published crate (unless cargo's cache has
#                                      it), checks its crates.io checksum, applies the patch and
#                                      compares every vendored file; fails on any difference.
#   scripts/check-vendor.sh --update   rewrites vendor/sled.patch from vendor/sled after an
#                                      edit there.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
version=0.34.7
# The checksum the crates.io index gives for sled 0.34.7 (Cargo.lock had it before the patch).
sha256=7f96b4737c2ce5987354855aed3797279def4ebf734436c6aa4552cf8e169935
url="https://static.crates.io/crates/sled/sled-$version.crate"

case "${1:-}" in
    "" | --update) ;;
    *) echo "usage: $0 [--update]" >&2; exit 2 ;;
esac

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

crate="$(find "${CARGO_HOME:-$HOME/.cargo}/registry/cache" -name "sled-$version.crate" 2>/dev/null | head -1)"
if [ -z "$crate" ]; then
    crate="$scratch/sled-$version.crate"
    curl -fsSL --retry 3 -o "$crate" "$url"
fi
echo "$sha256  $crate" | sha256sum --check --quiet ||
    { echo "check-vendor: $crate does not have crates.io's checksum" >&2; exit 1; }
tar -xzf "$crate" -C "$scratch"
upstream="$scratch/sled-$version"

# The published files that are vendored: the patch is taken over these only.
mkdir "$scratch/a"
(cd vendor/sled && find . -type f) | while IFS= read -r rel; do
    if [ -f "$upstream/$rel" ]; then
        mkdir -p "$scratch/a/$(dirname "$rel")"
        cp "$upstream/$rel" "$scratch/a/$rel"
    fi
done

if [ "${1:-}" = --update ]; then
    cp -r vendor/sled "$scratch/b"
    (cd "$scratch" && git diff --no-index --no-prefix a b) >vendor/sled.patch || [ $? = 1 ]
    echo "check-vendor: wrote vendor/sled.patch ($(grep -c '^diff --git' vendor/sled.patch) files)"
    exit 0
fi

(cd "$scratch/a" && patch --quiet --batch -p1 <"$OLDPWD/vendor/sled.patch")
status=0
while IFS= read -r -d '' file; do
    rel="${file#vendor/sled/}"
    if ! cmp -s "$file" "$scratch/a/$rel"; then
        echo "check-vendor: vendor/sled/$rel differs from sled $version + vendor/sled.patch" >&2
        status=1
    fi
done < <(find vendor/sled -type f -print0)
[ "$status" = 0 ] || exit 1
echo "check-vendor: vendor/sled = sled $version from crates.io + vendor/sled.patch ($(find vendor/sled -type f | wc -l) files)"
