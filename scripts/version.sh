#!/usr/bin/env bash
# Prints the workspace version ([workspace.package] version in the root Cargo.toml).
set -euo pipefail
cd "$(dirname "$0")/.."
awk '
    /^\[/ { in_pkg = ($0 ~ /^\[workspace\.package\][[:space:]]*$/); next }
    in_pkg && /^[[:space:]]*version[[:space:]]*=/ {
        sub(/^[^=]*=[[:space:]]*"/, ""); sub(/".*$/, ""); print; found = 1; exit
    }
    END { if (!found) { print "version.sh: no [workspace.package] version in Cargo.toml" > "/dev/stderr"; exit 1 } }' Cargo.toml
