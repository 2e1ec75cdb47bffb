#!/usr/bin/env bash
# Tests scripts/lib/server.sh against small stand-in servers (python3's http.server, a process
# that exits at once, one that never listens): it waits for an answer, reports an early exit
# and a timeout with the log's tail, stops with SIGTERM and reports the exit status, and leaves
# no process behind. Ends with "server helper test: N passed, M failed"; takes about 3 s.
#   scripts/lib/server_test.sh              (make test-scripts)
set -euo pipefail
cd "$(dirname "$0")/../.."

server_who=server-test
# shellcheck source=scripts/lib/server.sh
source scripts/lib/server.sh

tmp=$(mktemp -d "${TMPDIR:-/tmp}/ferry-server-helper-test.XXXXXX")
cleanup() {
    kill_server
    rm -rf "$tmp"
}
trap cleanup EXIT

passed=0
failed=0
check() { # NAME COMMAND...: passes when COMMAND succeeds
    local name=$1
    shift
    if "$@"; then
        passed=$((passed + 1))
        echo "  ok    $name"
    else
        failed=$((failed + 1))
        echo "  FAIL  $name"
    fi
}
contains() { [[ "$1" == *"$2"* ]]; }
not_contains() { [[ "$1" != *"$2"* ]]; }
running() { kill -0 "$1" 2>/dev/null; }
not_running() { ! kill -0 "$1" 2>/dev/null; }

# An HTTP server on the port given as its argument: logs a line, answers GET / with 200 and exits
# 0 on SIGTERM. Run as `python3 -c "$http_server" PORT`, a program: a shell function would run in
# a subshell, which SIGTERM would end instead.
http_server='
import http.server, signal, sys
signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
server = http.server.HTTPServer(("127.0.0.1", int(sys.argv[1])), http.server.SimpleHTTPRequestHandler)
print("stand-in listening", flush=True)
server.serve_forever()'
answers() { curl -fs -m 2 -o /dev/null "$1"; }
silent() { ! answers "$1"; }

# attempt NAME COMMAND...: runs COMMAND in this shell (the helper's variables and children stay
# here), its stderr to $tmp/NAME.err; sets status and err.
attempt() {
    local name=$1
    shift
    status=0
    "$@" 2>"$tmp/$name.err" || status=$?
    err=$(cat "$tmp/$name.err")
}

# --- free_port ---------------------------------------------------------------------------------
port=$(free_port)
check "free_port prints a port number ($port)" [ "$port" -ge 1024 ] && [ "$port" -le 65535 ]

# --- a server that answers, and stops on SIGTERM -------------------------------------------------
url=http://127.0.0.1:$port/
start_server "$tmp/ok.log" python3 -c "$http_server" "$port"
pid=$server_pid
attempt wait-ok wait_for_http "$url" 10
check "wait_for_http returns 0 once the server answers" [ "$status" -eq 0 ]
check "wait_for_http prints nothing then" [ -z "$err" ]
check "wait_for_http sets waited_ms ($waited_ms)" [ "$waited_ms" -ge 0 ]
check "the server's output goes to its log" grep -q "stand-in listening" "$tmp/ok.log"
attempt stop-ok stop_server
check "stop_server returns 0 when SIGTERM ends the server with status 0" [ "$status" -eq 0 ]
check "stop_server sets server_status 0" [ "$server_status" -eq 0 ]
check "the server is gone after stop_server" not_running "$pid"
check "... and its port is closed" silent "$url"

# --- a server that exits during startup ----------------------------------------------------------
start_server "$tmp/exits.log" sh -c 'echo "early line"; echo "boom: cannot open the store"; exit 3'
SECONDS=0
attempt wait-exits wait_for_http "$url" 20
check "wait_for_http fails when the server exits first" [ "$status" -eq 1 ]
check "... at once, not after its timeout (${SECONDS} s)" [ "$SECONDS" -lt 5 ]
check "... saying so, with the exit status" contains "$err" "the server exited (status 3)"
check "... and the log's last lines" contains "$err" "boom: cannot open the store"
check "... and forgets the reaped process" [ -z "$server_pid" ]

# --- a server that never answers -----------------------------------------------------------------
start_server "$tmp/silent.log" sh -c 'for i in $(seq 1 100); do echo "log line $i"; done; exec sleep 60'
pid=$server_pid
SECONDS=0
attempt wait-silent wait_for_http "$url" 1
check "wait_for_http fails when nothing answers in time" [ "$status" -eq 1 ]
check "... after its timeout, not long after (${SECONDS} s)" [ "$SECONDS" -le 4 ]
check "... saying so" contains "$err" "$url did not answer within 1 s"
check "... with the log's last line" contains "$err" "log line 100"
check "... and only its tail (40 lines)" not_contains "$err" "log line 60"$'\n'
check "the server still runs after a timeout" running "$pid"
kill_server
check "kill_server ends it" not_running "$pid"
check "... and forgets it" [ -z "$server_pid" ]

# --- stop_server reports a server that died on its own and a non-zero exit --------------------
start_server "$tmp/died.log" sh -c 'exit 4'
sleep 0.5
attempt stop-died stop_server
check "stop_server fails for a server that had already exited" [ "$status" -ne 0 ]
check "... with its exit status ($server_status)" [ "$server_status" -eq 4 ]
check "... saying so" contains "$err" "had exited (status 4) before it was asked to stop"
start_server "$tmp/term.log" sleep 60
sleep 0.2 # until the background shell has exec'd sleep: a SIGTERM before that ends the shell
attempt stop-term stop_server
check "stop_server fails when SIGTERM kills the server (status $server_status)" [ "$server_status" -eq 143 ]

echo "server helper test: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
