#!/usr/bin/env bash
# Tests the single-file server dist/ferry-server (build it with scripts/dist.sh): copies ONLY
# that file into an empty temporary directory and runs it there on a free port, in an
# environment without MONO_PATH, MONO_CONFIG, MONO_CFG_DIR, MONO_ENV_OPTIONS or LD_LIBRARY_PATH,
# under `strace -f -e trace=open,openat` when strace can trace here. Checks: /health, a document
# round trip (POST, GET, list, DELETE, then 404), the UI (index.html and an asset it links) and
# /api/openapi.json; that no file of a Mono installation was opened (/usr/lib/mono, /etc/mono,
# libmono*, libMonoPosixHelper) nor is mapped (/proc/PID/maps); that SIGTERM stops it with exit
# status 0 and removes its unpacked UI. Ends with "dist test: N passed, M failed"; the exit status
# is non-zero when a check fails. Takes a few seconds.
#
#   scripts/test-dist.sh [BINARY]    (default: dist/ferry-server)
set -euo pipefail
cd "$(dirname "$0")/.."

binary=${1:-dist/ferry-server}
[[ -x "$binary" ]] || { echo "test-dist: $binary is missing; run scripts/dist.sh"; echo "dist test: 0 passed, 1 failed"; exit 1; }
command -v curl >/dev/null || { echo "test-dist: curl is missing" >&2; exit 1; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/ferry-dist-test.XXXXXX")
# shellcheck source=scripts/lib/server.sh
source scripts/lib/server.sh
ferry_pid= # the server's own process: server_pid's child when server_pid is strace
# shellcheck disable=SC2317 # called by the trap
cleanup() {
    kill_server "$ferry_pid"
    rm -rf "$tmp"
}
trap cleanup EXIT

passed=0
failed=0
pass() { passed=$((passed + 1)); echo "  ok    $1"; }
fail() { failed=$((failed + 1)); echo "  FAIL  $1${2:+: $2}"; }
finish() {
    echo "dist test: $passed passed, $failed failed"
    if ((failed)); then exit 1; fi
    exit 0
}

mkdir "$tmp/run" "$tmp/tmp"
cp "$binary" "$tmp/run/ferry-server"
base=http://127.0.0.1:$(free_port)
log=$tmp/server.log
trace=$tmp/trace.txt

# Nothing that points Mono at an installation; TMPDIR keeps the unpacked UI inside $tmp.
run_env=(env -C "$tmp/run" -u MONO_PATH -u MONO_CONFIG -u MONO_CFG_DIR -u MONO_GAC_PREFIX
    -u MONO_ENV_OPTIONS -u LD_LIBRARY_PATH -u LD_PRELOAD "TMPDIR=$tmp/tmp")
server_args=(./ferry-server --datapath "$tmp/data" --urls "$base")
traced=0
if command -v strace >/dev/null && strace -f -qq -o /dev/null true 2>/dev/null; then
    traced=1
    start_server "$log" "${run_env[@]}" strace -f -qq -e trace=open,openat -o "$trace" "${server_args[@]}"
else
    echo "  (strace is missing or cannot trace here: only /proc/PID/maps is checked)"
    start_server "$log" "${run_env[@]}" "${server_args[@]}"
fi

echo "test-dist: $binary ($(stat -c %s "$binary") bytes) alone in $tmp/run, on $base"
healthy=0
wait_for_http "$base/health" 20 && healthy=1
if [[ $traced == 1 && -n "$server_pid" ]]; then ferry_pid=$(pgrep -P "$server_pid" | head -1 || true); else ferry_pid=$server_pid; fi
if [[ $healthy == 1 ]]; then
    pass "GET /health answers 200 ($waited_ms ms after start)"
else
    fail "GET /health answers 200" "no answer (above)"
    finish
fi

# request METHOD PATH [BODY]: sets $status and $body.
request() {
    local args=(-s -o "$tmp/body" -w '%{http_code}' -X "$1")
    if [[ $# -ge 3 ]]; then args+=(-H 'Content-Type: application/json' --data-binary "$3"); fi
    status=$(curl "${args[@]}" "$base$2" || true)
    body=$(cat "$tmp/body" 2>/dev/null || true)
}
expect() { # NAME STATUS PATTERN: the last request answered STATUS with a body matching PATTERN
    if [[ "$status" == "$2" && "$body" =~ $3 ]]; then pass "$1"; else fail "$1" "status $status, body ${body:0:200}"; fi
}

key="dist-test-$$"
request POST "/api/data/$key" '{"title":"hello","n":[1,2,3]}'
expect "POST /api/data/$key creates it" 201 '"created":true'
request GET "/api/data/$key"
expect "GET /api/data/$key returns the document" 200 '^\{"title":"hello","n":\[1,2,3\]\}$'
request GET "/api/data?prefix=dist-test-"
expect "GET /api/data?prefix=dist-test- lists it" 200 "\"key\":\"$key\",\"value\":\\{\"title\":\"hello\""
request DELETE "/api/data/$key"
expect "DELETE /api/data/$key answers 204" 204 '^$'
request GET "/api/data/$key"
expect "GET /api/data/$key after the delete is 404" 404 '"error":"not_found"'

request GET /
expect "GET / serves the UI's index.html" 200 '^<!doctype html>.*/assets/[^"]+\.js'
asset=$(grep -o '/assets/[^"]*\.js' <<<"$body" | head -1 || true)
if [[ -n "$asset" ]]; then
    request GET "$asset"
    expect "GET $asset (linked by index.html)" 200 '.'
else
    fail "index.html links a script under /assets/"
fi
request GET /api/openapi.json
expect "GET /api/openapi.json serves the OpenAPI document" 200 '"openapi": *"3\.'

# What the process has mapped, while it runs.
maps=$(cat "/proc/$ferry_pid/maps" 2>/dev/null || true)
if [[ -z "$maps" ]]; then
    fail "/proc/$ferry_pid/maps is readable"
elif mono_maps=$(grep -E '/usr/lib/mono|/etc/mono|/libmono[^ ]*\.so|/libMonoPosixHelper\.so' <<<"$maps"); then
    fail "no Mono installation file is mapped" "$(awk '{print $6}' <<<"$mono_maps" | sort -u | tr '\n' ' ')"
else
    pass "no Mono installation file is mapped (the native helpers come from $(grep -c 'memfd:' <<<"$maps") memfd mappings)"
fi

ui_dir=$(grep -o '"ui":"[^"]*"' "$log" | head -1 | sed 's/"ui":"//; s/"$//')
if stop_server "$ferry_pid"; then
    pass "SIGTERM stops it with exit status 0"
else
    fail "SIGTERM stops it with exit status 0" "exit status $server_status"
fi
if grep -q '"msg":"stopped"' "$log"; then pass "it logs an orderly stop"; else fail "it logs an orderly stop" "$(tail -3 "$log")"; fi
if [[ -n "$ui_dir" && "$ui_dir" == "$tmp/tmp/"* && ! -e "$ui_dir" ]]; then
    pass "it served the UI from its own unpacked copy and removed it"
else
    fail "it served the UI from its own unpacked copy and removed it" "ui directory '$ui_dir'"
fi

if [[ $traced == 1 ]]; then
    opened=$(grep -oE '(open|openat)\([^"]*"[^"]*"' "$trace" | sed 's/.*"\(.*\)"/\1/' | sort -u)
    if mono_files=$(grep -E '^/usr/lib/mono|^/etc/mono|/libmono[^/]*\.so|/libMonoPosixHelper\.so|/\.mono/' <<<"$opened"); then
        fail "no Mono installation file is opened (strace)" "$(head -5 <<<"$mono_files" | tr '\n' ' ')"
    else
        pass "no Mono installation file is opened, not even looked for ($(wc -l <<<"$opened") paths traced)"
    fi
fi
finish
