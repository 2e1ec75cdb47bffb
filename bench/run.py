#!/usr/bin/env python3
"""Drives Ferry's cross-language benchmark (bench/README.md). Python 3 standard library only.

Starts every harness (each loads its own store, one after another), then runs each workload
round by round, interleaving the harnesses and rotating their order every round, so that the
noise of a shared machine falls on all of them alike. Writes the results (JSON and SVG) and
prints the table. Exits non-zero if a harness fails, answers with an error or a malformed
line, or the results are incomplete. Times are never asserted on.

    python3 bench/run.py [--quick] [--only W1,W2] [--suspend preemptive|default]

group_commit runs N writer threads in each harness (commands durable_w1..durable_w8);
http_post drives two Ferry.Server processes (durable, relaxed) with wrk and bench/http/post.lua.

scripts/bench.sh builds the harnesses first; run that.
"""

import argparse
import datetime
import json
import math
import os
import platform
import queue
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

import report

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
BUILD = BENCH / "build"
DATA = BENCH / ".data"
RESULTS = BENCH / "results"
LIB_DIR = ROOT / "target" / "release"

WORKLOADS = ["noop", "get", "range10", "full_scan", "insert", "batch_insert", "durable",
             "group_commit", "http_post"]

# Writer threads of the group_commit series (harness commands durable_w1, durable_w2, ...).
WRITERS = [1, 2, 4, 8]
# Concurrent wrk connections of the http_post series: (series id, server, clients).
HTTP_SERIES = [("durable-c1", "durable", 1), ("durable-c16", "durable", 16), ("relaxed-c16", "relaxed", 16)]

# Operations per round (full_scan: passes over the whole store; batch_insert: items, in
# batches of 1000; durable: insert+flush pairs; group_commit: insert+flush pairs shared by the
# writers; http_post: seconds of wrk, which counts the requests). `rounds_of` overrides the mode's
# round count for a workload.
MODES = {
    "full": {
        "keys": 1_000_000,
        "rounds": 9,
        "ops": {"noop": 5_000_000, "get": 50_000, "range10": 20_000, "full_scan": 1,
                "insert": 30_000, "batch_insert": 30_000, "durable": 60, "group_commit": 320,
                "http_post": 5},
        "rounds_of": {"http_post": 3},
    },
    "quick": {
        "keys": 50_000,
        "rounds": 5,
        "ops": {"noop": 1_000_000, "get": 10_000, "range10": 3_000, "full_scan": 1,
                "insert": 5_000, "batch_insert": 5_000, "durable": 20, "group_commit": 48,
                "http_post": 1},
        "rounds_of": {"http_post": 1},
    },
}

# Workloads also measured with the allocation-free visitor overload of Tree.Range.
VISIT_WORKLOADS = ["range10", "full_scan"]

LOAD_TIMEOUT = 900
RUN_TIMEOUT = 600


def rounds_of(cfg, workload):
    """The rounds of a workload: the mode's, unless it overrides them."""
    return cfg.get("rounds_of", {}).get(workload, cfg["rounds"])


def warmup_ops(workload, ops):
    """One untimed run before the rounds: a fifth of a round (a whole pass for full_scan; one
    second of wrk for http_post)."""
    if workload.startswith("full_scan"):
        return ops
    if workload == "http_post":
        return 1
    if workload == "batch_insert":
        return max(1000, ops // 5 // 1000 * 1000)
    return max(1, ops // 5)


def harnesses(keys, suspend, data):
    """The harness processes: id -> (argv, extra environment, description); each keeps its
    store in data/<id>."""
    other = "default" if suspend == "preemptive" else "preemptive"

    def mono(exe, mode):
        env = {"LD_LIBRARY_PATH": str(LIB_DIR)}
        env["MONO_THREADS_SUSPEND"] = "preemptive" if mode == "preemptive" else None
        return ["mono", str(BUILD / exe)], env

    table = {
        "rust": ([str(ROOT / "target" / "release" / "ferry-bench")], {}, "Rust: ferry-core"),
        "c": ([str(BUILD / "bench-c")], {}, "C: libferry.so"),
        "c-sqlite": ([str(BUILD / "bench-c-sqlite")], {}, "C: libsqlite3"),
        "csharp": (*mono("Bench.exe", suspend), f"C#: Ferry.dll [{suspend}]"),
        "csharp-alt": (*mono("Bench.exe", other), f"C#: Ferry.dll [{other}], noop and get only"),
        "csharp-sqlite": (*mono("SqliteBench.exe", suspend), f"C#: Mono.Data.Sqlite [{suspend}]"),
    }
    return {
        hid: (argv + [f"dir={data / hid}", f"keys={keys}"], env, what, data / hid)
        for hid, (argv, env, what) in table.items()
    }


def servers(suspend, data):
    """The HTTP servers of http_post: id -> ServerHarness."""
    return {f"server-{mode}": ServerHarness(f"server-{mode}", mode, suspend, data / f"server-{mode}")
            for mode in ("durable", "relaxed")}


def series_plan(suspend):
    """Every measured series: which harness runs which command for which workload."""
    other = "default" if suspend == "preemptive" else "preemptive"
    plan = []

    def add(workload, sid, harness, command, label, lang, engine, suspend_mode=None, peer=None):
        plan.append({"workload": workload, "id": sid, "harness": harness, "command": command,
                     "label": label, "lang": lang, "engine": engine, "suspend": suspend_mode,
                     "peer": peer})

    for w in WORKLOADS:
        if w == "group_commit":
            langs = [("rust", "Rust: ferry-core", "rust", "ferry", None),
                     ("c", "C: libferry", "c", "ferry", None),
                     ("csharp", "C#: Ferry", "csharp", "ferry", suspend),
                     ("c-sqlite", "C: SQLite, a connection each", "c", "sqlite", None)]
            for hid, what, lang, engine, mode in langs:
                for n in WRITERS:
                    add(w, f"{hid}-w{n}", hid, f"durable_w{n}",
                        f"{what}, {n} writer{'s' if n > 1 else ''}", lang, engine, mode)
                    plan[-1].update({"writers": n, "base": f"{hid}-w1", "rust_ref": f"rust-w{n}"})
            continue
        if w == "http_post":
            for sid, mode, clients in HTTP_SERIES:
                add(w, sid, f"server-{mode}", f"post_c{clients}",
                    f"HTTP: --durability {mode}, {clients} client{'s' if clients > 1 else ''}",
                    "csharp", "server", suspend)
                plan[-1].update({"clients": clients, "durability": mode, "base": "durable-c1"})
            continue
        if w == "noop":
            add(w, "rust", "rust", "noop", "Rust: direct call", "rust", "ferry")
            add(w, "c", "c", "noop", "C: ferry_version()", "c", "ferry")
            add(w, "csharp", "csharp", "noop", "C#: generated Interop.ferry_version()", "csharp", "ferry", suspend)
            add(w, "csharp-direct", "csharp", "noop_direct", "C#: direct [DllImport]", "csharp", "ferry", suspend)
            add(w, "csharp-alt", "csharp-alt", "noop", "C#: generated Interop.ferry_version()", "csharp", "ferry", other)
            add(w, "csharp-alt-direct", "csharp-alt", "noop_direct", "C#: direct [DllImport]", "csharp", "ferry", other)
            continue
        add(w, "rust", "rust", w, "Rust: ferry-core", "rust", "ferry")
        add(w, "c", "c", w, "C: libferry", "c", "ferry", peer="c-sqlite")
        if w == "get":
            add(w, "csharp", "csharp", "get", "C#: Ferry Get() -> byte[]", "csharp", "ferry", suspend, "csharp-sqlite")
            add(w, "csharp-span", "csharp", "get_span", "C#: Ferry TryGet(span)", "csharp", "ferry", suspend, "csharp-sqlite-span")
            add(w, "csharp-alt", "csharp-alt", "get", "C#: Ferry Get() -> byte[]", "csharp", "ferry", other)
            add(w, "csharp-alt-span", "csharp-alt", "get_span", "C#: Ferry TryGet(span)", "csharp", "ferry", other)
        else:
            add(w, "csharp", "csharp", w, "C#: Ferry", "csharp", "ferry", suspend, "csharp-sqlite")
        if w in VISIT_WORKLOADS:
            add(w, "csharp-visit", "csharp", w + "_visit", "C#: Ferry Range(..., EntryVisitor)",
                "csharp", "ferry", suspend, "csharp-sqlite")
        add(w, "c-sqlite", "c-sqlite", w, "C: SQLite", "c", "sqlite")
        if w == "get":
            add(w, "csharp-sqlite", "csharp-sqlite", "get", "C#: SQLite ExecuteScalar -> byte[]", "csharp", "sqlite", suspend)
            add(w, "csharp-sqlite-span", "csharp-sqlite", "get_span", "C#: SQLite reader.GetBytes(buffer)", "csharp", "sqlite", suspend)
        else:
            add(w, "csharp-sqlite", "csharp-sqlite", w, "C#: SQLite", "csharp", "sqlite", suspend)
        if w == "durable":
            add(w, "c-raw", "c", "raw_fdatasync", "C: raw 4 KiB pwrite + fdatasync", "c", "raw")
            add(w, "c-raw-sfr", "c", "raw_sync_file_range", "C: raw 4 KiB pwrite + sync_file_range (sled's flush)", "c", "raw")
    return plan


def kill_and_clean(proc, data):
    """Kills a harness or server process that is still running and removes its data directory."""
    if proc is not None and proc.poll() is None:
        proc.kill()
        proc.wait()
    shutil.rmtree(data, ignore_errors=True)


class HarnessError(Exception):
    pass


class Harness:
    """One harness process, spoken to line by line (bench/README.md, protocol)."""

    def __init__(self, hid, argv, env, what, data):
        self.id, self.argv, self.what, self.data = hid, argv, what, data
        self.env = dict(os.environ)
        for key, value in env.items():
            if value is None:
                self.env.pop(key, None)
            else:
                self.env[key] = value
        self.proc = None
        self.lines = queue.Queue()
        self.ready = None

    def start(self):
        shutil.rmtree(self.data, ignore_errors=True)
        try:
            self.proc = subprocess.Popen(self.argv, cwd=ROOT, env=self.env, text=True, bufsize=1,
                                         stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        except OSError as e:
            raise HarnessError(f"{self.id}: cannot start {self.argv[0]}: {e}") from e
        threading.Thread(target=self._pump, daemon=True).start()
        self.ready = self._read(LOAD_TIMEOUT)
        if self.ready.get("ready") is not True:
            raise HarnessError(f"{self.id}: expected a ready line, got {self.ready}")
        # One untimed pass over every entry brings the freshly loaded store into memory: without
        # it, point reads run several times slower for the first million or so operations.
        started = time.monotonic()
        self._send("run full_scan 1")
        self._read(LOAD_TIMEOUT)
        self.ready["warm_seconds"] = round(time.monotonic() - started, 3)
        return self.ready

    def _pump(self):
        for line in self.proc.stdout:
            self.lines.put(line)
        self.lines.put(None)

    def _read(self, timeout):
        try:
            line = self.lines.get(timeout=timeout)
        except queue.Empty:
            raise HarnessError(f"{self.id}: no answer within {timeout} s") from None
        if line is None:
            code = self.proc.wait()
            raise HarnessError(f"{self.id}: exited (status {code}) before answering")
        try:
            answer = json.loads(line)
        except json.JSONDecodeError:
            raise HarnessError(f"{self.id}: malformed line {line!r}") from None
        if not isinstance(answer, dict):
            raise HarnessError(f"{self.id}: malformed line {line!r}")
        if "error" in answer:
            raise HarnessError(f"{self.id}: {answer['error']}")
        return answer

    def _send(self, line):
        try:
            self.proc.stdin.write(line + "\n")
            self.proc.stdin.flush()
        except (BrokenPipeError, OSError) as e:
            raise HarnessError(f"{self.id}: cannot send {line!r}: {e}") from e

    def run(self, command, ops):
        self._send(f"run {command} {ops}")
        answer = self._read(RUN_TIMEOUT)
        ok = (answer.get("workload") == command
              and isinstance(answer.get("ops"), int) and answer["ops"] > 0
              and isinstance(answer.get("ns"), (int, float)) and math.isfinite(answer["ns"])
              and answer["ns"] > 0
              and isinstance(answer.get("cpu_ns"), int) and answer["cpu_ns"] >= 0)
        if not ok:
            raise HarnessError(f"{self.id}: malformed answer to 'run {command} {ops}': {answer}")
        return answer["ns"] / answer["ops"], answer["cpu_ns"] / answer["ops"]

    def quit(self):
        self._send("quit")
        answer = self._read(RUN_TIMEOUT)
        if answer.get("bye") is not True:
            raise HarnessError(f"{self.id}: expected bye, got {answer}")
        code = self.proc.wait(timeout=60)
        if code != 0:
            raise HarnessError(f"{self.id}: exited with status {code}")
        shutil.rmtree(self.data, ignore_errors=True)

    def kill(self):
        kill_and_clean(self.proc, self.data)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def process_cpu_ns(pid):
    """CPU time (user + system, all threads) of a process so far, from /proc (10 ms ticks)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1_000_000_000 // os.sysconf("SC_CLK_TCK")


class ServerHarness:
    """Ferry.Server (target/dotnet/Ferry.Server.exe on mono) with one --durability mode, on a
    free loopback port, driven by wrk (bench/http/post.lua): the http_post series. Speaks to
    run.py like a Harness: `run post_cN SECONDS` runs wrk with N connections for SECONDS and
    answers the wall and server-CPU nanoseconds per request."""

    def __init__(self, hid, durability, suspend, data):
        self.id, self.durability, self.data = hid, durability, data
        self.what = f"HTTP: Ferry.Server --durability {durability} [{suspend}]"
        self.env = dict(os.environ, LD_LIBRARY_PATH=str(ROOT / "target" / "dotnet"))
        if suspend == "preemptive":
            self.env["MONO_THREADS_SUSPEND"] = "preemptive"
        else:
            self.env.pop("MONO_THREADS_SUSPEND", None)
        self.proc = None
        self.url = None
        self.runs = 0
        self.ready = None

    def start(self):
        shutil.rmtree(self.data, ignore_errors=True)
        self.data.mkdir(parents=True)
        self.url = f"http://127.0.0.1:{free_port()}"
        argv = ["mono", str(ROOT / "target" / "dotnet" / "Ferry.Server.exe"), "--datapath",
                str(self.data / "store"), "--urls", self.url, "--durability", self.durability]
        self.log = self.data / "server.log"
        started = time.monotonic()
        with open(self.log, "w") as log:
            try:
                self.proc = subprocess.Popen(argv, cwd=ROOT, env=self.env, stdin=subprocess.DEVNULL,
                                             stdout=log, stderr=subprocess.STDOUT)
            except OSError as e:
                raise HarnessError(f"{self.id}: cannot start mono: {e}") from e
        while True:
            if self.proc.poll() is not None:
                raise HarnessError(f"{self.id}: exited (status {self.proc.returncode}) before "
                                   f"/health answered: {self._tail()}")
            try:
                with urllib.request.urlopen(self.url + "/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() - started > 60:
                raise HarnessError(f"{self.id}: /health did not answer within 60 s: {self._tail()}")
            time.sleep(0.05)
        secs = round(time.monotonic() - started, 3)
        self.ready = {"ready": True, "impl": "server", "durability": self.durability,
                      "start_seconds": secs}
        return self.ready

    def _tail(self):
        try:
            return " | ".join(self.log.read_text().splitlines()[-5:])
        except OSError:
            return "(no log)"

    def run(self, command, seconds):
        if not command.startswith("post_c") or not command[6:].isdigit():
            raise HarnessError(f"{self.id}: unknown command {command}")
        clients = int(command[6:])
        self.runs += 1
        argv = ["wrk", f"-t{min(clients, 2)}", f"-c{clients}", f"-d{seconds}s", "--timeout", "10s",
                "-s", str(BENCH / "http" / "post.lua"), self.url, "--", f"r{self.runs}"]
        cpu = process_cpu_ns(self.proc.pid)
        try:
            done = subprocess.run(argv, capture_output=True, text=True, timeout=seconds + 60)
        except (OSError, subprocess.TimeoutExpired) as e:
            raise HarnessError(f"{self.id}: wrk: {e}") from e
        cpu = process_cpu_ns(self.proc.pid) - cpu
        if self.proc.poll() is not None:
            raise HarnessError(f"{self.id}: the server exited (status {self.proc.returncode}): {self._tail()}")
        try:
            answer = json.loads(done.stdout.strip().splitlines()[-1])
        except (IndexError, json.JSONDecodeError):
            raise HarnessError(f"{self.id}: wrk ({done.returncode}) printed no result: "
                               f"{done.stdout[-300:]} {done.stderr[-300:]}") from None
        if done.returncode != 0 or answer["requests"] <= 0 or answer["duration_us"] <= 0:
            raise HarnessError(f"{self.id}: wrk failed ({done.returncode}): {answer} {done.stderr[-300:]}")
        if answer["socket_errors"] or answer["not_created"]:
            raise HarnessError(f"{self.id}: {answer['socket_errors']} socket errors and "
                               f"{answer['not_created']} answers other than 201 Created in {answer}")
        requests = answer["requests"]
        return answer["duration_us"] * 1000 / requests, cpu / requests

    def quit(self):
        self.proc.send_signal(signal.SIGTERM)
        try:
            code = self.proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            raise HarnessError(f"{self.id}: did not stop within 60 s of SIGTERM") from None
        if code != 0:
            raise HarnessError(f"{self.id}: exited with status {code}: {self._tail()}")
        for line in self.log.read_text().splitlines():
            if '"msg":"stopped"' in line:
                stopped = json.loads(line)
                self.ready.update({k: int(v) for k, v in stopped.items() if k in ("durable_writes", "flushes")})
        shutil.rmtree(self.data, ignore_errors=True)

    def kill(self):
        kill_and_clean(self.proc, self.data)


def say(text):
    print(text, file=sys.stderr, flush=True)


def fmt_ns(ns):
    return report.fmt_ns(ns)


def command_output(argv):
    try:
        return subprocess.run(argv, cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None


def host_meta():
    cpu = None
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    commit = command_output(["git", "rev-parse", "HEAD"])
    dirty = command_output(["git", "status", "--porcelain"])
    gcc = command_output(["gcc", "--version"])
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "kernel": platform.release(),
        "git_commit": commit,
        "git_dirty": bool(dirty),
        "rustc": command_output(["rustc", "--version"]),
        "gcc": gcc.splitlines()[0] if gcc else None,
        "python": platform.python_version(),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="the reduced run (50k keys) make test uses")
    parser.add_argument("--only", metavar="W1,W2", help=f"run only these workloads (of {', '.join(WORKLOADS)})")
    parser.add_argument("--suspend", choices=["preemptive", "default"], default="preemptive",
                        help="Mono thread-suspend mode of the main C# runs (the other mode runs noop and get)")
    args = parser.parse_args()
    mode = "quick" if args.quick else "full"
    cfg = MODES[mode]
    started = time.monotonic()
    stamp = datetime.datetime.now(datetime.timezone.utc)

    workloads = WORKLOADS
    if args.only:
        workloads = [w for w in WORKLOADS if w in args.only.split(",")]
        if not workloads or len(workloads) != len(args.only.split(",")):
            parser.error(f"--only takes workloads from: {', '.join(WORKLOADS)}")
    plan = [s for s in series_plan(args.suspend) if s["workload"] in workloads]
    used = {s["harness"] for s in plan}
    # A directory of this run's own, so that two runs (two checkouts' make test) cannot collide.
    DATA.mkdir(parents=True, exist_ok=True)
    data = Path(tempfile.mkdtemp(prefix=f"{mode}-", dir=DATA))
    try:
        procs = {hid: Harness(hid, *spec)
                 for hid, spec in harnesses(cfg["keys"], args.suspend, data).items() if hid in used}
        procs.update({hid: h for hid, h in servers(args.suspend, data).items() if hid in used})
        return measure(args, mode, cfg, workloads, plan, procs, started, stamp)
    finally:
        shutil.rmtree(data, ignore_errors=True)


def measure(args, mode, cfg, workloads, plan, procs, started, stamp):
    """Runs the plan on the harnesses, then writes and prints the results; the exit status."""
    keys = cfg["keys"]
    for s in plan:
        s["rounds_ns_per_op"], s["rounds_cpu_ns_per_op"] = [], []
        s["rounds"] = rounds_of(cfg, s["workload"])
    loads = {}
    try:
        for n, (hid, h) in enumerate(procs.items(), 1):
            if isinstance(h, ServerHarness):
                say(f"== [{n}/{len(procs)}] starting {h.what} on an empty store")
                ready = h.start()
                say(f"   {hid}: /health answered {ready['start_seconds']:.1f} s after the start")
            else:
                say(f"== [{n}/{len(procs)}] starting {h.what}: loading {keys:,} keys")
                ready = h.start()
                say(f"   {hid}: ready, loaded in {ready.get('load_seconds', 0):.1f} s, "
                    f"warmed by a full scan in {ready['warm_seconds']:.1f} s")
            loads[hid] = ready

        for n, workload in enumerate(workloads, 1):
            series = [s for s in plan if s["workload"] == workload]
            ops = cfg["ops"][workload]
            rounds = rounds_of(cfg, workload)
            unit = {"full_scan": "pass", "group_commit": "commits", "http_post": "s of wrk"}.get(workload, "ops")
            say(f"== [{n}/{len(workloads)}] {workload}: {len(series)} series, warm-up + "
                f"{rounds} round{'s' if rounds > 1 else ''} of {ops:,} {unit}, interleaved")
            warmed = set()
            for s in series:
                # A server is warmed up once (its JIT and connection handling), a harness per command.
                if isinstance(procs[s["harness"]], ServerHarness) and s["harness"] in warmed:
                    continue
                warmed.add(s["harness"])
                procs[s["harness"]].run(s["command"], warmup_ops(workload, ops))
            for r in range(rounds):
                shift = r % len(series)
                for s in series[shift:] + series[:shift]:
                    wall, cpu = procs[s["harness"]].run(s["command"], ops)
                    s["rounds_ns_per_op"].append(wall)
                    s["rounds_cpu_ns_per_op"].append(cpu)
                key = "rounds_ns_per_op" if report.basis(workload) == "wall" else "rounds_cpu_ns_per_op"
                say(f"   round {r + 1}/{rounds} ({report.basis(workload)} ns/op): " + "  ".join(
                    f"{s['id']} {fmt_ns(s[key][-1])}" for s in series))

        for h in procs.values():
            h.quit()
    except HarnessError as e:
        say(f"bench: FAILED: {e}")
        for h in procs.values():
            h.kill()
        return 1
    except KeyboardInterrupt:
        for h in procs.values():
            h.kill()
        return 130

    for s in plan:
        if s["workload"] == "http_post":
            s["seconds_per_round"] = cfg["ops"]["http_post"]
        else:
            s["ops_per_round"] = cfg["ops"][s["workload"]] * (keys if s["workload"] == "full_scan" else 1)
        s["ns_per_op"] = statistics.median(s["rounds_ns_per_op"])
        s["cpu_ns_per_op"] = statistics.median(s["rounds_cpu_ns_per_op"])

    meta = host_meta()
    meta.update({
        "timestamp": stamp.isoformat(timespec="seconds"),
        "mode": mode,
        "seconds": round(time.monotonic() - started, 1),
        "suspend": args.suspend,
        "harnesses": {hid: {k: v for k, v in r.items() if k != "ready"} for hid, r in loads.items()},
    })
    doc = {
        "schema": 1,
        "meta": meta,
        "params": {"keys": keys, "rounds": cfg["rounds"], "workloads": workloads,
                   "rounds_of": {w: rounds_of(cfg, w) for w in workloads},
                   "writers": WRITERS, "http_body_bytes": 57,
                   "ops_per_round": {w: cfg["ops"][w] for w in workloads}, "key_len": 16,
                   "value_len": 100, "batch_size": 1000, "seed": 42,
                   "cache_bytes": 512 << 20,
                   "statistic": "median of interleaved rounds, ns per operation",
                   "basis": report.BASIS_NOTE},
        "series": plan,
    }
    report.derive(doc)
    problems = report.validate(doc)
    if problems:
        for p in problems:
            say(f"bench: malformed results: {p}")
        return 1

    RESULTS.mkdir(parents=True, exist_ok=True)
    text = json.dumps(doc, indent=1) + "\n"
    if args.only:
        outputs = [RESULTS / f"partial-{mode}-latest.json"]
        svg = RESULTS / f"partial-{mode}-latest.svg"
    elif mode == "full":
        name = stamp.strftime("%Y%m%dT%H%M%SZ") + ".json"
        outputs = [RESULTS / name, RESULTS / "latest.json"]
        svg = RESULTS / "latest.svg"
    else:
        outputs = [RESULTS / "quick-latest.json"]
        svg = RESULTS / "quick-latest.svg"
    for path in outputs:
        path.write_text(text)
    svg.write_text(report.svg(doc))
    # Read back what was written: a results file must stand on its own.
    problems = report.validate(json.loads(outputs[0].read_text()))
    if problems:
        say(f"bench: {outputs[0]} does not read back: {problems[0]}")
        return 1

    print(report.table(doc))
    extra = report.dist_section(RESULTS / "dist.json")
    if extra:
        print("\n" + extra)
    say(f"bench: wrote {', '.join(str(p.relative_to(ROOT)) for p in outputs + [svg])} "
        f"({doc['meta']['seconds']:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
