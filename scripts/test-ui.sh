#!/usr/bin/env bash
# The browser test of the UI against the real server: builds the UI and the server, starts the
# server on a free loopback port with a temporary store, runs scripts/test-browser.sh against it,
# and stops it with SIGTERM (which must flush and exit 0). Screenshots go to test-output/.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/build-ui.sh
scripts/build-server.sh

tmp=$(mktemp -d)
# shellcheck source=scripts/lib/server.sh
source scripts/lib/server.sh
cleanup() {
    kill_server
    rm -rf "$tmp"
}
trap cleanup EXIT

url="http://127.0.0.1:$(free_port)"
start_server "$tmp/server.log" scripts/run-server.sh --datapath "$tmp/data" --urls "$url" --ui ui/dist
wait_for_http "$url/health" 30 || exit 1

status=0
scripts/test-browser.sh "$url" || status=$?

if ! stop_server || ! grep -q stopped "$tmp/server.log"; then
    echo "test-ui: the server did not stop cleanly (exit $server_status):" >&2
    cat "$tmp/server.log" >&2
    exit 1
fi
exit "$status"
