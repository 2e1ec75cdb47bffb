#!/usr/bin/env bash
# Builds the web UI into ui/dist (Vite), after a type check (tsc --noEmit).
# Installs ui/node_modules with `npm ci` only when it is missing or stale (package-lock.json
# against node_modules/.package-lock.json), and skips the build when nothing changed since
# the last one: quick when already built. FORCE=1 rebuilds anyway.
set -euo pipefail
cd "$(dirname "$0")/.."

command -v npm >/dev/null || { echo "build-ui: npm is missing (Node 20.19+ is needed)" >&2; exit 1; }

if ! node ui/tools/deps-fresh.mjs; then
    echo "build-ui: npm ci"
    (cd ui && npm ci --no-audit --no-fund --loglevel=error)
fi

stamp=ui/node_modules/.ferry-ui-build
inputs=(ui/index.html ui/src ui/package.json ui/package-lock.json ui/tsconfig.json ui/vite.config.mjs)
if [[ "${FORCE:-0}" != 1 && -f ui/dist/index.html && -f "$stamp" ]] &&
    [[ -z "$(find "${inputs[@]}" -newer "$stamp" -print -quit)" ]]; then
    echo "build-ui: ui/dist is up to date"
    exit 0
fi

touch "$stamp.new"
(cd ui && npm run --silent typecheck && npm run --silent build -- --logLevel warn)
mv "$stamp.new" "$stamp"
echo "build-ui: ui/dist ($(find ui/dist -type f -printf "%s\n" | awk "{s+=\$1} END {print s}") bytes)"
