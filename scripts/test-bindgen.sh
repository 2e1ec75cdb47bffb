#!/usr/bin/env bash
# Checks that generated/ is fresh, and that the freshness check catches a one-line change to
# an annotated signature in ffi/ (in a scratch copy of the tree; the checkout is untouched).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

echo "bindgen: checking generated/ against ffi/"
cargo run --locked -q -p bindgen -- --check

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
# The vendored trees are only read: linked, not copied (~90 MB).
git ls-files -z -- . ':!vendor/crates' ':!vendor/python' | xargs -0 cp --parents -t "$scratch"
ln -s "$root/vendor/crates" "$scratch/vendor/crates"
file=ffi/src/tree.rs
before='pub unsafe extern "C" fn ferry_tree_len(tree: \*const FerryTree, count: \*mut u64)'
after='pub unsafe extern "C" fn ferry_tree_len(tree: *const FerryTree, count: *mut u32)'
grep -q "$before" "$scratch/$file" || { echo "bindgen: the line to mutate is gone from $file; update $0" >&2; exit 1; }
sed -i "s/$before/$after/" "$scratch/$file"
body='*count = tree.tree.len()? as u64;'
grep -qF "$body" "$scratch/$file" || { echo "bindgen: the body line to adapt is gone from $file; update $0" >&2; exit 1; }
sed -i 's/\*count = tree.tree.len()? as u64;/*count = tree.tree.len()? as u32;/' "$scratch/$file"
echo "bindgen: changed one annotated signature in a scratch copy ($file: count: *mut u64 -> *mut u32)"

set +e
# A target directory of its own: the scratch build's bindgen binary (its sources mutated, its
# root compiled in) must never replace target/debug/bindgen, which `cargo run -p bindgen`
# in the checkout would then run without rebuilding.
output=$(cd "$scratch" && CARGO_TARGET_DIR="$root/target/bindgen-scratch" cargo run --locked -q -p bindgen -- --check 2>&1)
status=$?
set -e
echo "$output" | sed 's/^/  | /'
if [ "$status" -ne 1 ]; then
    echo "bindgen: FAIL: --check exited $status after the change; expected 1" >&2
    exit 1
fi
for stale in generated/c/ferry.h generated/csharp/Interop.g.cs; do
    if ! grep -q "$stale (differs)" <<<"$output"; then
        echo "bindgen: FAIL: --check did not name $stale" >&2
        exit 1
    fi
done
echo "bindgen: 2 passed, 0 failed"
