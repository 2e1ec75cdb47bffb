#!/usr/bin/env bash
# `make vendor`: refreshes every third-party source the build uses, from the lockfiles. It is
# the only script that uses the Rust crates registry and the Python package index; everything
# else builds from what this writes (README.md, "Dependencies").
#
#   scripts/vendor.sh                 resolve the three Rust workspaces (the root, fuzz/,
#                                     bench/rust/) and write the crates their Cargo.lock files
#                                     name to vendor/crates; download the wheels that
#                                     scripts/schemathesis/requirements.txt pins to
#                                     vendor/python; then run scripts/check-vendor.sh.
#   UPDATE="serde libc" scripts/vendor.sh
#                                     first `cargo update -p` each named crate in every
#                                     workspace that locks it (UPDATE=all: `cargo update`).
#
# Cargo works on a scratch copy of the tree (outside it, so that .cargo/config.toml, which
# points cargo at vendor/crates and forbids the network, does not apply). A Cargo.lock that
# changes there (a dependency added to a Cargo.toml, or UPDATE) is copied back. Crates that no
# x86_64 Linux build compiles (Windows, macOS, Redox, ...) become empty stubs: the tool is
# cargo-vendor-filterer, installed into target/tools on first use.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$PWD

filterer_version=0.5.18
platform=x86_64-unknown-linux-gnu
python_version=3.11
workspaces=(Cargo.toml fuzz/Cargo.toml bench/rust/Cargo.toml)
locks=("${workspaces[@]/%Cargo.toml/Cargo.lock}")
requirements=scripts/schemathesis/requirements.txt
sled_version=0.34.7

say() { echo "vendor: $*"; }
# locks_crate LOCKFILE CRATE: does the lockfile name the crate?
locks_crate() { grep -qx "name = \"$2\"" "$1"; }

# This script is the one place that goes to the registries.
export CARGO_NET_OFFLINE=false
unset PIP_NO_INDEX PIP_FIND_LINKS

scratch=$(mktemp -d "${TMPDIR:-/tmp}/ferry-vendor.XXXXXX")
trap 'rm -rf "$scratch"' EXIT

# --- cargo-vendor-filterer -------------------------------------------------------------------
tools=$root/target/tools
filterer=$tools/bin/cargo-vendor-filterer
if ! "$filterer" --version 2>/dev/null | grep -qx "cargo-vendor-filterer $filterer_version"; then
    say "installing cargo-vendor-filterer $filterer_version into target/tools (~1 min, once)"
    (cd "$scratch" && cargo install --quiet --locked --root "$tools" \
        --version "=$filterer_version" cargo-vendor-filterer)
fi

# --- Rust crates -----------------------------------------------------------------------------
say "copying the tree to $scratch/tree"
mkdir "$scratch/tree"
# The working tree as it is: untracked files included, files deleted there left out.
git ls-files -z --cached --others --exclude-standard -- . \
    ':!vendor/crates' ':!vendor/python' ':!.cargo' |
    while IFS= read -r -d '' file; do [[ -e "$file" ]] && printf '%s\0' "$file"; done |
    xargs -0 cp --parents -t "$scratch/tree"
cd "$scratch/tree"

if [[ -n "${UPDATE:-}" && "$UPDATE" != all ]]; then
    for crate in $UPDATE; do
        for lock in "${locks[@]}"; do
            locks_crate "$lock" "$crate" && continue 2
        done
        echo "vendor: UPDATE names $crate, which no Cargo.lock has; nothing was written" >&2
        exit 1
    done
fi
for i in "${!workspaces[@]}"; do
    manifest=${workspaces[i]} lock=${locks[i]}
    if [[ "${UPDATE:-}" == all ]]; then
        say "cargo update ($manifest)"
        cargo update --quiet --manifest-path "$manifest"
    elif [[ -n "${UPDATE:-}" ]]; then
        for crate in $UPDATE; do
            if locks_crate "$lock" "$crate"; then
                say "cargo update -p $crate ($manifest)"
                cargo update --quiet --manifest-path "$manifest" -p "$crate"
            fi
        done
    fi
    # Resolves what a Cargo.toml added since the lockfile was written; changes nothing else.
    cargo metadata --quiet --format-version 1 --manifest-path "$manifest" >/dev/null
    if ! cmp -s "$lock" "$root/$lock"; then
        cp "$lock" "$root/$lock"
        say "updated $lock"
    fi
done

say "cargo vendor-filterer --platform $platform (${workspaces[*]})"
syncs=()
for manifest in "${workspaces[@]:1}"; do syncs+=(--sync "$manifest"); done
"$filterer" --platform "$platform" --all-features --versioned-dirs \
    --manifest-path "${workspaces[0]}" "${syncs[@]}" "$scratch/crates" >"$scratch/filterer.log" 2>&1 ||
    { cat "$scratch/filterer.log" >&2; exit 1; }
stubs=$(grep -c '^Replacing unreferenced package with stub' "$scratch/filterer.log" || true)
cd "$root"
rm -rf vendor/crates
cp -r "$scratch/crates" vendor/crates
say "vendor/crates: $(find vendor/crates -mindepth 1 -maxdepth 1 -type d | wc -l) crates ($stubs stubs), $(du -sh vendor/crates | cut -f1)"

# --- The published sled, which vendor/sled patches -------------------------------------------
sled_crate=vendor/sled-$sled_version.crate
if [[ ! -f "$sled_crate" ]]; then
    say "fetching $sled_crate through cargo"
    mkdir -p "$scratch/sled/src" "$scratch/cargo-home"
    touch "$scratch/sled/src/lib.rs"
    printf '[package]\nname = "fetch-sled"\nversion = "0.0.0"\nedition = "2021"\n[dependencies]\nsled = "=%s"\n' "$sled_version" \
        >"$scratch/sled/Cargo.toml"
    (cd "$scratch/sled" && CARGO_HOME="$scratch/cargo-home" cargo fetch --quiet)
    cp "$(find "$scratch/cargo-home/registry/cache" -name "$(basename "$sled_crate")")" "$sled_crate"
fi

# --- Python wheels ---------------------------------------------------------------------------
say "pip download: the wheels $requirements pins (CPython $python_version, manylinux x86_64)"
python3 -m pip download --quiet --disable-pip-version-check --no-deps --only-binary=:all: \
    --implementation cp --python-version "$python_version" --abi "cp${python_version/./}" \
    --platform manylinux_2_28_x86_64 --platform manylinux_2_17_x86_64 --platform manylinux2014_x86_64 \
    -r "$requirements" -d "$scratch/python"
(cd "$scratch/python" && sha256sum -- *.whl >SHA256SUMS)
rm -rf vendor/python
cp -r "$scratch/python" vendor/python
say "vendor/python: $(find vendor/python -name '*.whl' | wc -l) wheels, $(du -sh vendor/python | cut -f1)"

# --- What was written matches the lockfiles, offline -----------------------------------------
scripts/check-vendor.sh
git status --short -- vendor "${locks[@]}" | sed 's/^/vendor: changed: /' | head -20
say "done; commit vendor/ together with the manifests and lockfiles"
