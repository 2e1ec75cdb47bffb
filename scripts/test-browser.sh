#!/usr/bin/env bash
# Runs the UI's browser test (ui/tests/browser.test.mjs: Debian's Chromium driven by
# playwright-core) against a running Ferry server.
#
#   scripts/test-browser.sh http://127.0.0.1:5000
#
# Installs chromium with apt when /usr/bin/chromium is missing (needs root) and the UI's
# Node dependencies when they are missing or stale. Screenshots go to test-output/.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ $# -ne 1 ]]; then
    echo "usage: scripts/test-browser.sh URL   (a running Ferry server, e.g. http://127.0.0.1:5000)" >&2
    exit 2
fi
url=$1

if [[ ! -x /usr/bin/chromium ]]; then
    if [[ $(id -u) -ne 0 ]]; then
        echo "test-browser: /usr/bin/chromium is missing; install it as root: apt-get install -y chromium" >&2
        exit 1
    fi
    echo "test-browser: installing chromium"
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -q chromium >/dev/null 2>&1 ||
        { apt-get update -q >/dev/null && apt-get install -y -q chromium >/dev/null; }
fi

command -v npm >/dev/null || { echo "test-browser: npm is missing (Node 20.19+ is needed)" >&2; exit 1; }
if ! node ui/tools/deps-fresh.mjs; then
    echo "test-browser: npm ci"
    (cd ui && npm ci --no-audit --no-fund --loglevel=error)
fi

FERRY_URL=$url node ui/tests/browser.test.mjs
