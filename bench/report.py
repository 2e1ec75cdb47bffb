#!/usr/bin/env python3
"""Ratios, targets, the text table and the SVG chart of a benchmark results file.
Python 3 standard library only. run.py uses it; on its own it re-renders a results file:

    python3 bench/report.py [bench/results/latest.json]   # prints the table, rewrites the .svg
"""

import json
import math
import statistics
import sys
from pathlib import Path
from xml.sax.saxutils import escape

WORKLOAD_TITLES = {
    "noop": "no-op native call",
    "get": "random point get",
    "range10": "10-item range scan",
    "full_scan": "full scan (per entry)",
    "insert": "random insert (overwrite)",
    "batch_insert": "batch insert (per item)",
    "durable": "durable commit",
    "group_commit": "group commit (per commit)",
    "http_post": "HTTP POST (per request)",
}

# Workloads printed in sections of their own, not in the main table.
SECTIONS = ("group_commit", "http_post")

# The goals of the benchmark issue: (name, numerator (workload, series), denominator (workload,
# series), comparison, goal, what is compared). "time": the numerator's time per operation over
# the denominator's; "rate": the numerator's operations per second over the denominator's (the
# denominator's time over the numerator's). Goals, never assertions.
TARGETS = [
    ("C# get / Rust get", ("get", "csharp"), ("get", "rust"), "<=", 1.10, "time"),
    ("C# get via TryGet(span) / Rust get", ("get", "csharp-span"), ("get", "rust"), "<=", 1.10, "time"),
    ("C# get / Rust get, other suspend mode", ("get", "csharp-alt"), ("get", "rust"), "<=", 1.10, "time"),
    ("C get / Rust get", ("get", "c"), ("get", "rust"), "<=", 1.02, "time"),
    ("C# 10-item scan / Rust", ("range10", "csharp"), ("range10", "rust"), "<=", 1.20, "time"),
    ("C# 10-item scan via EntryVisitor / Rust", ("range10", "csharp-visit"), ("range10", "rust"), "<=", 1.20, "time"),
    ("full scan per entry: Rust / SQLite from C", ("full_scan", "rust"), ("full_scan", "c-sqlite"), "<=", 1.50, "time"),
    ("batch insert per item / single insert (Rust)", ("batch_insert", "rust"), ("insert", "rust"), "<=", 0.50, "time"),
    ("batch insert per item: Rust / SQLite from C", ("batch_insert", "rust"), ("batch_insert", "c-sqlite"), "<=", 1.00, "time"),
    ("C# batch insert per item / Rust", ("batch_insert", "csharp"), ("batch_insert", "rust"), "<=", 1.10, "time"),
    ("durable commit (Rust insert+flush) / raw fdatasync", ("durable", "rust"), ("durable", "c-raw"), "<=", 1.20, "time"),
    ("durable commit (C# Set+Flush) / raw fdatasync", ("durable", "csharp"), ("durable", "c-raw"), "<=", 1.20, "time"),
    ("8 writers' commits/s / 1 writer's, Rust", ("group_commit", "rust-w8"), ("group_commit", "rust-w1"), ">=", 4.0, "rate"),
    ("8 writers' commits/s / 1 writer's, C", ("group_commit", "c-w8"), ("group_commit", "c-w1"), ">=", 4.0, "rate"),
    ("8 writers' commits/s / 1 writer's, C#", ("group_commit", "csharp-w8"), ("group_commit", "csharp-w1"), ">=", 4.0, "rate"),
    ("HTTP durable POSTs/s, 16 clients / relaxed", ("http_post", "durable-c16"), ("http_post", "relaxed-c16"), ">=", 0.25, "rate"),
    ("SQLite C# get / Ferry C# get (Ferry faster by)", ("get", "csharp-sqlite"), ("get", "csharp"), ">=", 3.0, "time"),
    ("generated no-op / direct DllImport", ("noop", "csharp"), ("noop", "csharp-direct"), "<=", 1.20, "time"),
    ("generated no-op / direct DllImport, other suspend mode", ("noop", "csharp-alt"), ("noop", "csharp-alt-direct"), "<=", 1.20, "time"),
]

# The series every complete workload must have (default: rust, c and csharp).
REQUIRED = {
    "group_commit": [f"{lang}-w{n}" for lang in ("rust", "c", "csharp") for n in (1, 2, 4, 8)],
    "http_post": ["durable-c1", "durable-c16", "relaxed-c16"],
}


BASIS_NOTE = ("Ratios and ops/s use the process's CPU time per operation (all its threads: "
              "engine background work and the .NET GC included), which the other processes of a "
              "shared machine do not inflate; durable commits, group commits and HTTP POSTs wait "
              "on the disk or the network, so they use the wall clock (aggregate: all writers' "
              "commits, all clients' requests, over the run's wall time). Wall-clock times are "
              "kept alongside.")

WALL_WORKLOADS = ("durable", "group_commit", "http_post")


def basis(workload):
    """The clock the ratios of a workload use: 'wall' for I/O-bound work, else 'cpu'."""
    return "wall" if workload in WALL_WORKLOADS else "cpu"


def fmt_ns(ns):
    if ns < 10:
        return f"{ns:.2f}"
    if ns < 100:
        return f"{ns:.1f}"
    return f"{ns:,.0f}"


def fmt_rate(per_sec):
    for unit, scale in (("G", 1e9), ("M", 1e6), ("k", 1e3)):
        if per_sec >= scale:
            return f"{per_sec / scale:.3g} {unit}"
    return f"{per_sec:.3g}"


def _index(doc):
    return {(s["workload"], s["id"]): s for s in doc["series"]}


def _rounds(s):
    return s["rounds_ns_per_op"] if s["basis"] == "wall" else s["rounds_cpu_ns_per_op"]


def _quantile(xs, q):
    xs = sorted(xs)
    at = (len(xs) - 1) * q
    lo, hi = math.floor(at), math.ceil(at)
    return xs[lo] + (xs[hi] - xs[lo]) * (at - lo)


def paired_ratio(a, b):
    """a's time over b's: the median, first and third quartiles of the per-round ratios. The
    harnesses run interleaved, so round r of a and round r of b saw the same machine; pairing
    them cancels most of the drift that a ratio of two medians would keep."""
    xs = [x / y for x, y in zip(_rounds(a), _rounds(b)) if y > 0]
    if not xs:
        return None, None, None
    return _quantile(xs, 0.5), _quantile(xs, 0.25), _quantile(xs, 0.75)


def ratio(a, b):
    """a's time over b's, with quartiles: paired by round within one workload (paired_ratio);
    across workloads, whose rounds ran at different times, the ratio of the medians, without
    quartiles."""
    if a["workload"] == b["workload"]:
        return paired_ratio(a, b)
    return statistics.median(_rounds(a)) / statistics.median(_rounds(b)), None, None


def derive(doc):
    """Adds the time each series' ratios use, its ratio to Rust, to its SQLite peer and (its
    rate) to its base series, and the targets, to a results document."""
    by = _index(doc)
    for s in doc["series"]:
        s["basis"] = basis(s["workload"])
        s["time_ns_per_op"] = statistics.median(_rounds(s))
        s["ops_per_sec"] = 1e9 / s["time_ns_per_op"]
    for s in doc["series"]:
        rust = by.get((s["workload"], s.get("rust_ref") or "rust"))
        s["vs_rust"] = paired_ratio(s, rust)[0] if rust else None
        peer = by.get((s["workload"], s["peer"])) if s.get("peer") else None
        s["sqlite_over_ferry"] = paired_ratio(peer, s)[0] if peer else None
        # Speed-up over the base (1 writer, 1 client): the base's time over this one's.
        base = by.get((s["workload"], s["base"])) if s.get("base") else None
        s["rate_vs_base"] = paired_ratio(base, s)[0] if base else None
    targets = []
    for name, num, den, op, goal, measure in TARGETS:
        a, b = by.get(num), by.get(den)
        if not (a and b):
            value, q1, q3 = None, None, None
        elif measure == "rate":
            value, q1, q3 = ratio(b, a)
        else:
            value, q1, q3 = ratio(a, b)
        if value is not None and a.get("suspend"):
            name = f"{name} [{a['suspend']}]"
        ok = None if value is None else (value <= goal if op == "<=" else value >= goal)
        targets.append({"name": name, "value": value, "q1": q1, "q3": q3,
                        "goal": f"{op} {goal:.2f}", "ok": ok})
    doc["targets"] = targets
    return doc


def validate(doc):
    """What is wrong with a results document; empty when it is well-formed."""
    problems = []
    if doc.get("schema") != 1:
        problems.append("schema is not 1")
    series = doc.get("series")
    if not isinstance(series, list) or not series:
        return problems + ["no series"]
    for s in series:
        name = f"{s.get('workload')}/{s.get('id')}"
        rounds = s.get("rounds", doc.get("params", {}).get("rounds"))
        for key in ("rounds_ns_per_op", "rounds_cpu_ns_per_op"):
            xs = s.get(key)
            if not isinstance(xs, list) or len(xs) != rounds:
                problems.append(f"{name}: {key}: expected {rounds} rounds")
            elif not all(isinstance(x, (int, float)) and math.isfinite(x) and x >= 0 for x in xs):
                problems.append(f"{name}: {key}: a round time is not a number")
        for key in ("ns_per_op", "time_ns_per_op"):
            ns = s.get(key)
            if not (isinstance(ns, (int, float)) and math.isfinite(ns) and ns > 0):
                problems.append(f"{name}: {key} is not a positive number")
    by = {(s.get("workload"), s.get("id")) for s in series}
    for w in doc.get("params", {}).get("workloads", WORKLOAD_TITLES):
        for sid in REQUIRED.get(w, ("rust", "c", "csharp")):
            if (w, sid) not in by:
                problems.append(f"missing series {w}/{sid}")
    complete = set(doc.get("params", {}).get("workloads", WORKLOAD_TITLES)) == set(WORKLOAD_TITLES)
    for t in doc.get("targets", []):
        if t["value"] is None and complete:
            problems.append(f"target '{t['name']}' has no value")
    if not doc.get("targets"):
        problems.append("no targets")
    return problems


def _label(s):
    return s["label"] + (f" [{s['suspend']}]" if s.get("suspend") else "")


def table(doc):
    """The results table and the targets, as text."""
    p, meta = doc["params"], doc["meta"]
    lines = [
        f"Ferry cross-language benchmark ({meta['mode']}): {p['keys']:,} keys of {p['key_len']} B, "
        f"{p['value_len']} B values; median of {p['rounds']} interleaved rounds; "
        f"{meta.get('cores')} cores, {meta['timestamp']}",
        "ns/op and ops/s: process CPU time (durable: wall clock); x Rust = time / Rust's time "
        "(lower is better);",
        "SQLite/Ferry = SQLite's time / Ferry's time in the same language (above 1: Ferry is "
        "faster); ratios are medians of per-round ratios;",
        "wall ns/op: the Stopwatch/monotonic clock, inflated by the machine's other load.",
        "",
    ]
    head = (f"{'workload':<27} {'implementation':<50} {'ns/op':>11} {'ops/s':>9} {'x Rust':>7} "
            f"{'SQLite/Ferry':>12} {'wall ns/op':>11}")
    lines += [head, "-" * len(head)]
    last = None
    for s in doc["series"]:
        if s["workload"] in SECTIONS:
            continue
        title = WORKLOAD_TITLES[s["workload"]] if s["workload"] != last else ""
        if s["workload"] != last and last is not None:
            lines.append("")
        last = s["workload"]
        vs_rust = f"{s['vs_rust']:.2f}" if s.get("vs_rust") is not None else ""
        vs_sql = f"{s['sqlite_over_ferry']:.2f}x" if s.get("sqlite_over_ferry") is not None else ""
        lines.append(f"{title:<27} {_label(s):<50} {fmt_ns(s['time_ns_per_op']):>11} "
                     f"{fmt_rate(s['ops_per_sec']):>9} {vs_rust:>7} {vs_sql:>12} "
                     f"{fmt_ns(s['ns_per_op']):>11}")
    lines += group_commit_section(doc) + http_section(doc)
    lines += ["", "Targets (goals, not assertions; IQR = quartiles of the per-round ratios; "
              "no IQR: across workloads, a ratio of medians):"]
    for t in doc["targets"]:
        mark = "?" if t["ok"] is None else ("✓" if t["ok"] else "✗")
        value = "n/a" if t["value"] is None else f"{t['value']:.2f}"
        iqr = "" if t.get("q1") is None else f"IQR {t['q1']:.2f}-{t['q3']:.2f}"
        lines.append(f"  {mark} {t['name']:<68} {value:>6}  goal {t['goal']:<8} {iqr}")
    return "\n".join(lines)


def group_commit_section(doc):
    """Group commit as text: aggregate commits/s per implementation and writer count, and the
    ratio to one writer's (empty when the workload did not run)."""
    series = [s for s in doc["series"] if s["workload"] == "group_commit"]
    if not series:
        return []
    counts = sorted({s["writers"] for s in series})
    lines = ["", "Group commit: N writer threads, each insert (random key, 100 B) + flush, in one store "
             "(SQLite: a connection each, synchronous=FULL);",
             "aggregate commits/s on the wall clock (x1 = over one writer's, paired by round; "
             "x Rust = time per commit over Rust's with as many writers)"]
    head = f"  {'implementation':<32}" + "".join(f"{str(n) + (' writers' if n > 1 else ' writer'):>22}" for n in counts)
    lines += [head, "  " + "-" * (len(head) - 2)]
    impls = []
    for s in series:
        name = _label(s).replace(f", {s['writers']} writer{'s' if s['writers'] > 1 else ''}", "")
        if name not in impls:
            impls.append(name)
    for name in impls:
        cells = []
        for n in counts:
            s = next((x for x in series if x["writers"] == n and
                      _label(x).replace(f", {n} writer{'s' if n > 1 else ''}", "") == name), None)
            if s is None:
                cells.append(f"{'':>22}")
                continue
            speedup = f" x{s['rate_vs_base']:.2f}" if s.get("rate_vs_base") is not None else ""
            cells.append(f"{fmt_rate(s['ops_per_sec']) + '/s' + speedup:>22}")
        lines.append(f"  {name:<32}" + "".join(cells))
    return lines


def http_section(doc):
    """The HTTP server's POST rates as text (empty when http_post did not run)."""
    series = [s for s in doc["series"] if s["workload"] == "http_post"]
    if not series:
        return []
    seconds = series[0].get("seconds_per_round")
    rounds = series[0].get("rounds")
    lines = ["", f"HTTP POST (Ferry.Server on mono, wrk, {seconds} s per round, median of "
             f"{rounds} round{'s' if rounds != 1 else ''}): a 57-byte JSON document to a new key per request",
             f"  {'series':<50} {'POST/s':>9} {'x durable 1 client':>18} {'server CPU us/POST':>19}"]
    for s in series:
        speedup = f"{s['rate_vs_base']:.2f}" if s.get("rate_vs_base") is not None else ""
        cpu_us = statistics.median(s["rounds_cpu_ns_per_op"]) / 1000
        lines.append(f"  {_label(s):<50} {fmt_rate(s['ops_per_sec']):>9} {speedup:>18} {cpu_us:>19.1f}")
    return lines


def dist_section(path):
    """The single-binary rows (`make bench-dist` writes them to bench/results/dist.json), as
    text; empty when that file does not exist."""
    if not Path(path).exists():
        return ""
    doc = json.loads(Path(path).read_text())
    lines = [f"Single binary (dist/ferry-server, {doc['dist']['size_bytes'] / 2**20:.1f} MiB, "
             f"AOT: {doc['dist']['aot']}) vs mono, 100k keys, "
             f"{doc['meta'].get('suspend', '?')} suspend; from {Path(path).name} "
             f"({doc['meta']['timestamp']}, `make bench-dist`):",
             f"  {'variant':<12} {'no-op ns':>9} {'get ns':>9} {'server start ms':>16}"]
    for name, v in doc["variants"].items():
        start = v.get("server_health_ms")
        start = f"{start:.0f}" if start is not None else ""
        lines.append(f"  {name:<12} {v['noop_ns']:>9.2f} {v['get_ns']:>9.0f} {start:>16}")
    return "\n".join(lines)


# ---- SVG ------------------------------------------------------------------------------------

GREEN, RED, GREY = "#2e7d32", "#c62828", "#9e9e9e"
COLOURS = {"c": "#1565c0", "csharp": "#6a1b9a", "csharp-span": "#ab47bc", "csharp-alt": "#ce93d8",
           "csharp-alt-span": "#e1bee7", "csharp-sqlite": "#6a1b9a", "c-sqlite": "#1565c0"}


def _colour(sid):
    """A series' bar colour; a group-commit series (c-w8) takes its implementation's."""
    base = sid.rsplit("-w", 1)[0] if sid.rsplit("-w", 1)[-1].isdigit() else sid
    return COLOURS.get(base, GREY)


def _log_x(value, lo, hi, x0, width):
    value = min(max(value, lo), hi)
    return x0 + width * (math.log2(value) - math.log2(lo)) / (math.log2(hi) - math.log2(lo))


def _bars(out, y, title, subtitle, rows, lo, hi, reference=1.0):
    """A panel of horizontal bars on a log2 axis: rows are (label, value, colour, goal)."""
    x0, width, bar = 440, 460, 14
    out.append(f'<text x="20" y="{y}" class="h">{escape(title)}</text>')
    out.append(f'<text x="20" y="{y + 16}" class="s">{escape(subtitle)}</text>')
    y += 30
    top = y
    for label, value, colour, goal in rows:
        if label is None:  # a gap between workloads
            y += 8
            continue
        out.append(f'<text x="{x0 - 8}" y="{y + bar - 3}" class="l" text-anchor="end">{escape(label)}</text>')
        x_ref, x_val = _log_x(reference, lo, hi, x0, width), _log_x(value, lo, hi, x0, width)
        left, right = min(x_ref, x_val), max(x_ref, x_val)
        out.append(f'<rect x="{left:.1f}" y="{y}" width="{max(right - left, 1):.1f}" height="{bar}" fill="{colour}"/>')
        if goal is not None:
            gx = _log_x(goal, lo, hi, x0, width)
            out.append(f'<line x1="{gx:.1f}" y1="{y - 2}" x2="{gx:.1f}" y2="{y + bar + 2}" stroke="#000" stroke-width="2"/>')
        out.append(f'<text x="{x0 + width + 8}" y="{y + bar - 3}" class="l">{value:.2f}×</text>')
        y += bar + 4
    tick = lo
    while tick <= hi * 1.0001:
        tx = _log_x(tick, lo, hi, x0, width)
        dash = "" if tick == reference else ' stroke-dasharray="2,3"'
        out.append(f'<line x1="{tx:.1f}" y1="{top - 4}" x2="{tx:.1f}" y2="{y}" stroke="#777"{dash}/>')
        out.append(f'<text x="{tx:.1f}" y="{y + 14}" class="s" text-anchor="middle">{tick:g}</text>')
        tick *= 2
    return y + 40


def svg(doc):
    """The ratios as a dependency-free SVG: time vs Rust, SQLite vs Ferry, and the targets."""
    by = _index(doc)
    goals = {num: goal for _, num, den, _, goal, _ in TARGETS if den == (num[0], "rust")}
    vs_rust, vs_sqlite, speedups = [], [], []
    for w in SECTIONS:
        for s in doc["series"]:
            if s["workload"] == w and s.get("rate_vs_base") is not None and s["id"] != s["base"]:
                goal = next((t[4] for t in TARGETS if t[5] == "rate" and t[1] == (w, s["id"])
                             and t[2] == (w, s["base"])), None)
                speedups.append((_label(s), s["rate_vs_base"], _colour(s["id"]), goal))
        if speedups and speedups[-1][0] is not None:
            speedups.append((None, None, None, None))
    for w in WORKLOAD_TITLES:
        ferry = [s for s in doc["series"] if s["workload"] == w and s["lang"] != "rust"
                 and s["engine"] == "ferry" and not s["id"].endswith("direct")]
        for s in ferry:
            vs_rust.append((f"{w}: {_label(s)}", s["vs_rust"], _colour(s["id"]),
                            goals.get((w, s["id"]))))
        peers = [s for s in ferry if s.get("sqlite_over_ferry") is not None]
        for s in peers:
            peer_label = by[(w, s["peer"])]["label"].split(": ", 1)[-1]
            vs_sqlite.append((f"{w}: {s['label']} vs {peer_label}",
                              s["sqlite_over_ferry"], COLOURS.get(s["id"], GREY),
                              3.0 if (w, s["id"]) == ("get", "csharp") else None))
        if ferry:
            vs_rust.append((None, None, None, None))
        if peers:
            vs_sqlite.append((None, None, None, None))
    meta, p = doc["meta"], doc["params"]
    out = []
    y = _bars(out, 84, "Ferry from C and C#: time relative to Rust (log scale; 1 = Rust; lower is better)",
              "Bars grow from 1; a black tick marks the goal.", vs_rust, 0.5, 64)
    y = _bars(out, y, "SQLite time ÷ Ferry time, same language (log scale; right of 1: Ferry is faster)",
              "A black tick marks the goal (C# get: 3×).", vs_sqlite, 0.125, 32)
    if speedups:
        y = _bars(out, y, "Commits/s over 1 writer's; POSTs/s over the durable server's with 1 client (log scale)",
                  "Group commit: N writers on one store; HTTP: N clients. A black tick marks the goal (8 writers: 4×).",
                  speedups, 0.125, 32)
    out.append(f'<text x="20" y="{y}" class="h">Targets (goals, not assertions)</text>')
    y += 22
    for t in doc["targets"]:
        ok = t["ok"]
        mark, colour = ("✓", GREEN) if ok else (("?", GREY) if ok is None else ("✗", RED))
        value = "n/a" if t["value"] is None else f"{t['value']:.2f}"
        out.append(f'<text x="20" y="{y}" class="m" fill="{colour}">{mark}</text>')
        out.append(f'<text x="40" y="{y}" class="l">{escape(t["name"])}: {value} (goal {escape(t["goal"])})</text>')
        y += 18
    height = y + 20
    head = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="1000" height="{height}" viewBox="0 0 1000 {height}" '
        'font-family="DejaVu Sans, Arial, sans-serif">',
        "<style>.h{font-size:15px;font-weight:bold}.s{font-size:11px;fill:#555}.l{font-size:11px}"
        ".m{font-size:14px;font-weight:bold}</style>",
        '<rect width="100%" height="100%" fill="#fff"/>',
        f'<text x="20" y="28" class="h">Ferry cross-language benchmark ({escape(meta["mode"])}, '
        f'{p["keys"]:,} keys, {escape(meta["timestamp"])})</text>',
        f'<text x="20" y="44" class="s">Medians of {p["rounds"]} interleaved rounds on {meta.get("cores")} '
        f'cores; ratios of process CPU times (durable: wall clock). Main C# runs: '
        f'MONO_THREADS_SUSPEND={escape(meta.get("suspend", "?"))}.</text>',
    ]
    return "\n".join(head + out + ["</svg>"]) + "\n"


def main(argv):
    path = Path(argv[1]) if len(argv) > 1 else Path(__file__).parent / "results" / "latest.json"
    doc = derive(json.loads(path.read_text()))
    problems = validate(doc)
    for p in problems:
        print(f"report: {path}: {p}", file=sys.stderr)
    print(table(doc))
    extra = dist_section(Path(__file__).parent / "results" / "dist.json")
    if extra:
        print("\n" + extra)
    path.with_suffix(".svg").write_text(svg(doc))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
