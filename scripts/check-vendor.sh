#!/usr/bin/env bash
# Checks, offline and in a few seconds, that the repository alone can build Ferry
# (README.md, "Dependencies"; runs in `make lint`):
#   1. vendor/sled is exactly the published sled 0.34.7 (vendor/sled-0.34.7.crate, its
#      crates.io checksum checked) plus vendor/sled.patch (vendor/README.md);
#   2. vendor/crates holds exactly the crates the three Cargo.lock files name, every file as
#      published (scripts/check_vendored.py);
#   3. vendor/python holds exactly the wheels scripts/schemathesis/requirements.txt pins;
#   4. every workspace resolves with an empty CARGO_HOME and no network (`cargo fetch
#      --locked --offline`, which also verifies the vendored files cargo would use), and the
#      wheel set installs with `pip --no-index` (resolved, not installed).
#
#   scripts/check-vendor.sh            all of the above; fails on any difference.
#   scripts/check-vendor.sh --update   rewrites vendor/sled.patch from vendor/sled after an
#                                      edit there.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
version=0.34.7
crate=vendor/sled-$version.crate
# The checksum the crates.io index gives for sled 0.34.7 (Cargo.lock had it before the patch).
sha256=7f96b4737c2ce5987354855aed3797279def4ebf734436c6aa4552cf8e169935
lockfiles=(Cargo.lock fuzz/Cargo.lock bench/rust/Cargo.lock)
requirements=scripts/schemathesis/requirements.txt

case "${1:-}" in
    "" | --update) ;;
    *) echo "usage: $0 [--update]" >&2; exit 2 ;;
esac

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

# --- 1. vendor/sled = the published crate + vendor/sled.patch --------------------------------
[ -f "$crate" ] || { echo "check-vendor: $crate is missing (make vendor fetches it)" >&2; exit 1; }
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
echo "check-vendor: vendor/sled = $crate (crates.io's checksum) + vendor/sled.patch ($(find vendor/sled -type f | wc -l) files)"

# --- 2, 3. vendor/crates and vendor/python against the lockfiles ------------------------------
python3 scripts/check_vendored.py crates vendor/crates "${lockfiles[@]}"
python3 scripts/check_vendored.py wheels vendor/python "$requirements"

# --- 4. Resolution from the repository alone --------------------------------------------------
mkdir "$scratch/cargo-home"
for lock in "${lockfiles[@]}"; do
    manifest="$(dirname "$lock")/Cargo.toml"
    if ! CARGO_HOME="$scratch/cargo-home" CARGO_NET_OFFLINE=true \
        cargo fetch --locked --offline --quiet --manifest-path "$manifest" 2>"$scratch/fetch.log"; then
        echo "check-vendor: $manifest does not resolve offline from vendor/crates with an empty CARGO_HOME:" >&2
        sed 's/^/  /' "$scratch/fetch.log" >&2
        exit 1
    fi
done
echo "check-vendor: ${lockfiles[*]} resolve offline from vendor/crates with an empty CARGO_HOME"
if ! python3 -m pip install --quiet --disable-pip-version-check --dry-run --ignore-installed \
    --no-index --find-links vendor/python -r "$requirements" >"$scratch/pip.log" 2>&1; then
    echo "check-vendor: the wheels in vendor/python do not install with --no-index:" >&2
    sed 's/^/  /' "$scratch/pip.log" >&2
    exit 1
fi
echo "check-vendor: $requirements installs from vendor/python with --no-index"
