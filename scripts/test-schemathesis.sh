#!/usr/bin/env bash
# Property-based API testing of Ferry.Server with Schemathesis, driven by the server's own
# OpenAPI document:
#   scripts/test-schemathesis.sh [CASES]      (CASES: at least this many test cases; default 1000)
#
# Installs the pinned Schemathesis (scripts/schemathesis/requirements.txt) into
# target/schemathesis/venv from the vendored wheels in vendor/python, never from the network
# (`pip --no-index`), when it is missing or the pins changed (~10 s once; a no-op after),
# builds the server, starts it on a free loopback port with a temporary store, and runs
# `st run` against http://127.0.0.1:PORT/api/openapi.json: the coverage, fuzzing and stateful
# (OpenAPI links) phases, positive and negative data, with every check Schemathesis has
# (not_a_server_error, response_schema_conformance, status_code_conformance,
# content_type_conformance, response_headers_conformance, negative_data_rejection,
# positive_data_acceptance, use_after_free, ensure_resource_availability, ...), adjusted for
# the CORS preflight by scripts/schemathesis/schemathesis.toml. Then /health must still answer,
# and the server must stop with exit status 0 on SIGTERM. The 5xx count comes from the server's
# own request log (one JSON line per request). Ends with
#   schemathesis: N cases, F failures, 5xx: X
# and exits non-zero on any failure or error, any 5xx, fewer than CASES cases, a dead server or
# an unclean stop. Reports (JUnit, JSON), Schemathesis' output and the server log are kept in
# target/schemathesis/report/. SCHEMATHESIS_SEED=N reproduces a run (the seed is printed).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

cases=${1:-1000}
if ! [[ "$cases" =~ ^[1-9][0-9]*$ ]]; then
    echo "usage: scripts/test-schemathesis.sh [CASES]   (CASES: a positive integer, default 1000)" >&2
    exit 2
fi

# --- Schemathesis, in a venv of its own --------------------------------------------------------
requirements=scripts/schemathesis/requirements.txt
venv=target/schemathesis/venv
stamp=$venv/requirements.installed
pip_offline=(--quiet --disable-pip-version-check --no-index --find-links vendor/python)
st=$venv/bin/st
if [[ ! -x "$st" ]] || ! cmp -s "$requirements" "$stamp"; then
    echo "test-schemathesis: installing Schemathesis into $venv ..."
    started=$SECONDS
    rm -rf "$venv"
    mkdir -p "$(dirname "$venv")"
    if python3 -m venv "$venv" 2>/dev/null; then
        "$venv/bin/python" -m pip install "${pip_offline[@]}" -r "$requirements"
    else
        # A Python without ensurepip (Debian's python3 without python3-venv): a venv without
        # pip, filled by the outer pip.
        rm -rf "$venv"
        python3 -m venv --without-pip "$venv"
        python3 -m pip --python "$venv/bin/python" install "${pip_offline[@]}" -r "$requirements"
    fi
    cp "$requirements" "$stamp"
    echo "test-schemathesis: installed $("$st" --version) in $((SECONDS - started)) s"
fi

# --- The server --------------------------------------------------------------------------------
scripts/build-server.sh

report=target/schemathesis/report
rm -rf "$report"
mkdir -p "$report"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/ferry-schemathesis.XXXXXX")
# shellcheck source=scripts/lib/server.sh
source scripts/lib/server.sh
cleanup() {
    kill_server
    rm -rf "$tmp"
}
trap cleanup EXIT

url="http://127.0.0.1:$(free_port)"
log="$report/server.log"
start_server "$log" scripts/run-server.sh --datapath "$tmp/data" --urls "$url" --ui ui/dist
if ! wait_for_http "$url/health" 30; then
    echo "schemathesis: 0 cases, 1 failures, 5xx: 0"
    exit 1
fi

# --- Schemathesis ------------------------------------------------------------------------------
# --max-examples is per operation; only the operations with parameters or a body yield more than
# a handful of distinct cases, so CASES is spread over those. The coverage and stateful phases
# add to it; the count is checked against CASES below.
fuzzed_operations=$(python3 - dotnet/Ferry.Server/openapi.json <<'EOF'
import json, sys
paths = json.load(open(sys.argv[1]))["paths"]
count = 0
for item in paths.values():
    for method, operation in item.items():
        if method in ("get", "put", "post", "delete", "options", "head", "patch"):
            if item.get("parameters") or operation.get("parameters") or operation.get("requestBody"):
                count += 1
print(max(count, 1))
EOF
)
per_operation=$(((cases + fuzzed_operations - 1) / fuzzed_operations))
seed_args=()
if [[ -n "${SCHEMATHESIS_SEED:-}" ]]; then seed_args=(--seed "$SCHEMATHESIS_SEED"); fi

echo "test-schemathesis: $url, --max-examples $per_operation for each of $fuzzed_operations operations with inputs (at least $cases cases)"
# Run from the temporary directory: Schemathesis keeps .hypothesis/ and .schemathesis/ in its
# working directory, which is not to land in the repository.
set +e
(
    cd "$tmp"
    "$root/$st" --config-file "$root/scripts/schemathesis/schemathesis.toml" run "$url/api/openapi.json" \
        --url "$url" \
        --phases coverage,fuzzing,stateful \
        --mode all \
        --max-examples "$per_operation" \
        --generation-database none \
        --request-timeout 30 \
        --report junit,json --report-dir "$root/$report" \
        "${seed_args[@]}"
) 2>&1 | tee "$report/schemathesis.txt"
st_status=${PIPESTATUS[0]}
set -e

# --- Is the server still there, and does it stop cleanly? -------------------------------------
failed=0
health=$(curl -sS -m 10 "$url/health" 2>&1) || true
if [[ "$health" != '{"status":"ok"}' ]]; then
    echo "test-schemathesis: /health does not answer after the run: $health" >&2
    failed=1
fi
stop_server || true # a server that died during the run is reported, with server_status 1 or more
if [[ $server_status -ne 0 ]] || ! grep -q '"msg":"stopped"' "$log"; then
    echo "test-schemathesis: the server did not stop cleanly on SIGTERM (exit $server_status); its log: $log" >&2
    failed=1
fi
if grep -q 'FATAL UNHANDLED EXCEPTION\|Unhandled Exception' "$log"; then
    echo "test-schemathesis: the server log has an unhandled exception:" >&2
    grep -m1 -A12 'Unhandled Exception\|FATAL UNHANDLED EXCEPTION' "$log" >&2
    failed=1
fi

# --- The summary -------------------------------------------------------------------------------
server_errors=$(grep -c '"msg":"request".*"status":5[0-9][0-9]' "$log" || true)
requests=$(grep -c '"msg":"request"' "$log" || true)
if [[ "$server_errors" -gt 0 ]]; then
    echo "test-schemathesis: the server answered 5xx $server_errors times:" >&2
    grep '"msg":"request".*"status":5[0-9][0-9]' "$log" | head -20 >&2
fi
read -r generated failures < <(python3 - "$report" <<'EOF'
import glob, json, sys
reports = sorted(glob.glob(sys.argv[1] + "/json-*.json"))
if not reports:
    print(0, 1)  # Schemathesis wrote no report: count the run as one failure
    sys.exit()
data = json.load(open(reports[-1]))
print(data["test_cases"]["generated"], data["test_cases"]["unique_failures"] + len(data["errors"]))
EOF
)
if [[ $st_status -ne 0 && $failures -eq 0 ]]; then failures=1; fi
if [[ $generated -lt $cases ]]; then
    echo "test-schemathesis: only $generated cases were generated, fewer than $cases" >&2
    failed=1
fi
echo "test-schemathesis: $requests requests in the server log; reports in $report/"
echo "schemathesis: $generated cases, $failures failures, 5xx: $server_errors"
if [[ $failed -ne 0 || $failures -ne 0 || $server_errors -ne 0 ]]; then exit 1; fi
