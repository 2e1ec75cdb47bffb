# shellcheck shell=bash
# Start a server, wait until it answers over HTTP, stop it: the one copy of that logic for the
# scripts that test a Ferry server (test-schemathesis.sh, test-ui.sh, test-dist.sh). Sourced,
# never run; tested by scripts/lib/server_test.sh (make test-scripts).
#
#   source scripts/lib/server.sh
#   trap kill_server EXIT                   # or call kill_server from the script's own trap
#   url=http://127.0.0.1:$(free_port)
#   start_server "$tmp/server.log" scripts/run-server.sh --datapath "$tmp/data" --urls "$url"
#   wait_for_http "$url/health" 30 || exit 1
#   ...
#   stop_server || echo "exit status $server_status"
#
#   free_port                    prints a TCP port that is free on 127.0.0.1 now
#   start_server LOG CMD [ARG]...
#                                runs CMD in the background, its stdout and stderr to LOG; sets
#                                server_pid (CMD's process) and server_log. CMD is a program, not
#                                a shell function (which would run in a subshell, and the signals
#                                would stop that subshell, not the server)
#   wait_for_http URL SECONDS    polls URL every 50 ms until it answers without an HTTP error
#                                (curl -f) and returns 0, setting waited_ms; returns 1 when
#                                server_pid exits first or SECONDS pass, after printing to stderr
#                                which, and the last 40 lines of server_log
#   stop_server [PID]            SIGTERM to PID (default server_pid; give the server's own pid
#                                when CMD is a wrapper such as strace), then waits for server_pid;
#                                sets server_status to its exit status (at least 1 if it had
#                                exited before the signal, which it reports) and returns
#                                non-zero unless it is 0
#   kill_server [PID]            SIGKILL to PID (default server_pid) if it still runs, then
#                                reaps server_pid; for EXIT traps, so no server outlives its script
#
# Messages start with the script's name (test-ui:, ...); set server_who to change it.

server_pid=
server_log=
server_status=
waited_ms=
server_who=${server_who:-$(basename "$0" .sh)}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

start_server() {
    server_log=$1
    shift
    "$@" >"$server_log" 2>&1 &
    server_pid=$!
}

# _server_failed MESSAGE: MESSAGE and the tail of server_log, to stderr.
_server_failed() {
    echo "$server_who: $1; the last lines of its log ($server_log):" >&2
    tail -n 40 "$server_log" 2>/dev/null | sed 's/^/    /' >&2
}

wait_for_http() {
    local url=$1 seconds=$2 started status
    if ! [[ "$seconds" =~ ^[1-9][0-9]*$ ]]; then
        echo "$server_who: wait_for_http $url: SECONDS must be a positive integer, not '$seconds'" >&2
        return 2
    fi
    started=$(date +%s%N)
    while :; do
        if curl -fs -m 2 -o /dev/null "$url" 2>/dev/null; then
            waited_ms=$((($(date +%s%N) - started) / 1000000))
            return 0
        fi
        if [[ -n "$server_pid" ]] && ! kill -0 "$server_pid" 2>/dev/null; then
            status=0
            wait "$server_pid" || status=$?
            server_pid=
            _server_failed "the server exited (status $status) before $url answered"
            return 1
        fi
        if (($(date +%s%N) - started >= seconds * 1000000000)); then
            _server_failed "$url did not answer within $seconds s"
            return 1
        fi
        sleep 0.05
    done
}

stop_server() {
    local target=${1:-$server_pid}
    server_status=0
    if [[ -z "$server_pid" ]]; then
        echo "$server_who: stop_server: no server was started, or it was already reaped" >&2
        server_status=1
    elif kill -0 "$target" 2>/dev/null; then
        kill -TERM "$target"
        wait "$server_pid" || server_status=$?
    else
        wait "$server_pid" || server_status=$?
        echo "$server_who: the server had exited (status $server_status) before it was asked to stop" >&2
        [[ $server_status -ne 0 ]] || server_status=1
    fi
    server_pid=
    return "$server_status"
}

kill_server() {
    local target=${1:-$server_pid}
    if [[ -n "$target" ]] && kill -0 "$target" 2>/dev/null; then kill -KILL "$target" 2>/dev/null || true; fi
    if [[ -n "$server_pid" ]]; then wait "$server_pid" 2>/dev/null || true; fi
    server_pid=
}
