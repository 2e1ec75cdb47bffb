#!/usr/bin/env python3
"""The measuring half of `scripts/dist.sh --bench` (make bench-dist), which builds what it runs.

    python3 bench/dist/run.py OUT MONO_DIR SERVER_AOT SERVER_JIT

OUT holds callbench-jit and callbench-aot (bench/dist/CallBench.cs bundled), MONO_DIR the same
program, Ferry.Server.exe and libferry.so for `mono`; SERVER_AOT and SERVER_JIT are the two
single-file servers. Runs from the repository root. Measures the no-op and get calls (best of
three interleaved runs), a one-key program's start-up and the server's start to its first
/health 200 (medians), prints a table and writes bench/results/dist.json.

The server's start-up is timed by its own 5 ms poll of /health, not by scripts/lib/server.sh:
the time to the first answer is what it measures, and a curl per poll would add to it.
"""
import json, os, platform, shutil, socket, statistics, subprocess, sys, tempfile, time, urllib.request

out, mono_dir, server_aot, server_jit = sys.argv[1:5]
clean_env = {k: v for k, v in os.environ.items() if k not in ("MONO_PATH", "MONO_CONFIG", "LD_LIBRARY_PATH")}
mono_env = dict(clean_env, LD_LIBRARY_PATH=os.path.abspath(mono_dir))
variants = {
    "mono": (["mono", os.path.join(mono_dir, "CallBench.exe")], mono_env),
    "bundle-jit": ([os.path.join(out, "callbench-jit")], clean_env),
    "bundle-aot": ([os.path.join(out, "callbench-aot")], clean_env),
}
servers = {
    "mono": (["mono", os.path.join(mono_dir, "Ferry.Server.exe"), "--ui", "ui/dist"], mono_env),
    "bundle-jit": ([server_jit], clean_env),
    "bundle-aot": ([server_aot], clean_env),
}

def run(cmd, env):
    with tempfile.TemporaryDirectory(prefix="ferry-callbench-") as tmp:
        done = subprocess.run(cmd + ["dir=" + os.path.join(tmp, "db")], env=env, capture_output=True, text=True)
        if done.returncode != 0:
            sys.exit(f"{cmd[-1]} failed ({done.returncode}): {done.stderr}")
        return json.loads(done.stdout.strip().splitlines()[-1])

def startup(cmd, env, runs=7):
    times = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory(prefix="ferry-callbench-") as tmp:
            t = time.perf_counter()
            subprocess.run(cmd + ["startup", "dir=" + os.path.join(tmp, "db")], env=env, check=True)
            times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)

def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]

def server_health(cmd, env, runs=5):
    times = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory(prefix="ferry-dist-server-") as tmp:
            port = free_port()
            t = time.perf_counter()
            p = subprocess.Popen(cmd + ["--datapath", os.path.join(tmp, "data"), "--urls", f"http://127.0.0.1:{port}"],
                                 env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            try:
                while True:
                    if p.poll() is not None:
                        sys.exit(f"{cmd[0]} exited with {p.returncode} before /health answered")
                    try:
                        with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=1) as r:
                            if r.status == 200:
                                break
                    except OSError:
                        time.sleep(0.005)
                times.append((time.perf_counter() - t) * 1000)
            finally:
                p.terminate()
                p.wait(10)
    return statistics.median(times)

# Three interleaved runs of each program, so a slow spell of the machine hits them alike; the
# best of each per-operation time, the median first call.
runs = {name: [] for name in variants}
for _ in range(3):
    for name, (cmd, env) in variants.items():
        runs[name].append(run(cmd, env))
results = {}
for name, (cmd, env) in variants.items():
    r = dict(runs[name][0])
    for key in ("noop_ns", "get_ns", "tryget_ns"):
        r[key] = min(x[key] for x in runs[name])
    r["first_call_us"] = statistics.median(x["first_call_us"] for x in runs[name])
    r["runs"] = len(runs[name])
    r["startup_ms"] = round(startup(cmd, env), 1)
    r["server_health_ms"] = round(server_health(*servers[name]), 1)
    results[name] = r

size = os.path.getsize("dist/ferry-server")
sizes = {"bundle-aot": os.path.getsize(server_aot), "bundle-jit": os.path.getsize(server_jit)}
print()
print(f"{'variant':<12} {'no-op ns':>9} {'get ns':>8} {'tryget ns':>10} {'1st call us':>12} {'start ms':>9} {'server ms':>10}")
for name, r in results.items():
    print(f"{name:<12} {r['noop_ns']:>9.2f} {r['get_ns']:>8.0f} {r['tryget_ns']:>10.0f} {r['first_call_us']:>12.0f} {r['startup_ms']:>9.1f} {r['server_health_ms']:>10.1f}")
print(f"(no-op: Interop.ferry_version(); get: Tree.Get -> byte[], tryget: Tree.TryGet into a buffer, random keys of "
      f"{results['mono']['keys']}; best of 3 runs x {results['mono']['rounds']} rounds; start: process start to exit of a "
      f"one-key program, median of 7; server: start to /health 200, median of 5; MONO_THREADS_SUSPEND=preemptive)")
print(f"server binary: AOT {sizes['bundle-aot'] / 2**20:.1f} MiB, JIT {sizes['bundle-jit'] / 2**20:.1f} MiB "
      f"(stripped; dist/ferry-server is {size} bytes)")

def git(*args):
    try:
        return subprocess.run(["git", *args], capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None

doc = {
    "schema": 1,
    "meta": {
        "timestamp": time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime()),
        "git_commit": git("rev-parse", "HEAD"),
        "git_dirty": bool(git("status", "--porcelain")),
        "cores": os.cpu_count(),
        "kernel": platform.release(),
        "runtime": subprocess.run(["mono", "--version"], capture_output=True, text=True).stdout.splitlines()[0],
        "suspend": os.environ.get("MONO_THREADS_SUSPEND"),
        "units": {"noop_ns": "ns/call", "get_ns": "ns/get", "tryget_ns": "ns/get", "first_call_us": "us",
                  "startup_ms": "ms", "server_health_ms": "ms"},
        "method": "bench/dist/CallBench.cs via scripts/dist.sh --bench; per-op times: best of 3 interleaved runs x rounds; "
                  "medians for start-up",
    },
    "dist": {
        "path": "dist/ferry-server",
        "size_bytes": size,
        "debug_file_bytes": os.path.getsize("dist/ferry-server.debug"),
        "aot": server_aot == "dist/ferry-server",
        "server_size_bytes": sizes,
    },
    "variants": results,
}
os.makedirs("bench/results", exist_ok=True)
with open("bench/results/dist.json.new", "w") as f:
    json.dump(doc, f, indent=1)
    f.write("\n")
os.replace("bench/results/dist.json.new", "bench/results/dist.json")
print("dist bench: bench/results/dist.json")
