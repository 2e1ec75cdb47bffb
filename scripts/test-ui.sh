#!/usr/bin/env bash
# The browser test of the UI against the real server: builds the UI and the server, starts the
# server on a free loopback port with a temporary store, runs scripts/test-browser.sh against it,
# and stops it with SIGTERM (which must flush and exit 0). Screenshots go to test-output/.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/build-ui.sh
scripts/build-server.sh

tmp=$(mktemp -d)
server_pid=
cleanup() {
    if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then kill -9 "$server_pid" 2>/dev/null || true; fi
    rm -rf "$tmp"
}
trap cleanup EXIT

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
url="http://127.0.0.1:$port"
scripts/run-server.sh --datapath "$tmp/data" --urls "$url" --ui ui/dist >"$tmp/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 100); do
    if curl -fsS "$url/health" >/dev/null 2>&1; then break; fi
    if ! kill -0 "$server_pid" 2>/dev/null; then
        echo "test-ui: the server exited during startup:" >&2
        cat "$tmp/server.log" >&2
        exit 1
    fi
    sleep 0.1
done

status=0
scripts/test-browser.sh "$url" || status=$?

kill -TERM "$server_pid"
server_status=0
wait "$server_pid" || server_status=$?
server_pid=
if [ "$server_status" -ne 0 ] || ! grep -q stopped "$tmp/server.log"; then
    echo "test-ui: the server did not stop cleanly (exit $server_status):" >&2
    cat "$tmp/server.log" >&2
    exit 1
fi
exit "$status"
