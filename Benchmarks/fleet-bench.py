#!/usr/bin/env python3
"""How fast `social-console audit` goes through a fleet of instance files, beside
`cat` reading the same files and `jq` running a subset of the rules (rules.jq).

Builds the release binary, generates N files (generate-fleet.py: ready and broken
ones across the readiness rules) into a temporary folder for each N, warms the page cache,
then runs each command a few times and keeps the fastest run. Peak memory is the
largest resident set of any process of the run (GNU time's %M).

    Benchmarks/fleet-bench.py [N ...]        (default: 1000 10000 100000)
    Benchmarks/fleet-bench.py --runs 5 10000
    Benchmarks/fleet-bench.py --binary PATH 10000   (another build, e.g. an older one)

First, the wall time of `audit` on one file (median of 101 runs; goal <= 5 ms).
Goals for the fleet: `audit --format json` at least as fast as cat, memory flat.

A peer that is not installed is skipped with a note.
"""
import os
import statistics
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
GNU_TIME = "/usr/bin/time"




def build():
    """The binary `make install` installs (`make build`: release, linked as the Makefile says)."""
    subprocess.run(["make", "build"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    return os.path.join(ROOT, ".build", "release", "social-console")


def one_file(binary, runs=101):
    """Median and fastest wall time (ms) of `audit` on the bundled ready example."""
    with tempfile.TemporaryDirectory(prefix="one-file-") as work:
        path = os.path.join(work, "acme-prod.json")
        shutil.copy(os.path.join(ROOT, "Resources", "examples", "acme-prod.json"), path)
        os.chmod(path, 0o600)
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            subprocess.run([binary, "audit", path], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), min(times)


def measure(command, runs):
    """Fastest wall time of `runs` runs (stdout discarded), and the peak memory (KiB) of that run."""
    best = None
    for _ in range(runs):
        with tempfile.NamedTemporaryFile("r") as rss:
            wrapped = [GNU_TIME, "-f", "%M", "-o", rss.name] + command if os.path.exists(GNU_TIME) else command
            start = time.perf_counter()
            subprocess.run(wrapped, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            elapsed = time.perf_counter() - start
            lines = rss.read().split()
            peak = int(lines[-1]) if lines and lines[-1].isdigit() else None
        if best is None or elapsed < best[0]:
            best = (elapsed, peak)
    return best


def main():
    args = sys.argv[1:]
    runs = 3
    if "--runs" in args:
        at = args.index("--runs")
        runs = int(args[at + 1])
        del args[at:at + 2]
    binary = None
    if "--binary" in args:
        at = args.index("--binary")
        binary = args[at + 1]
        del args[at:at + 2]
    sizes = [int(a) for a in args] or [1000, 10000, 100000]

    binary = binary or build()
    jq = shutil.which("jq")
    notes = []
    if not jq:
        notes.append("jq is not installed: its rows are skipped.")
    if not os.path.exists(GNU_TIME):
        notes.append(f"{GNU_TIME} is not installed: peak memory is not measured.")
    cores = os.cpu_count()
    print(f"social-console audit, {cores} cores, best of {runs} runs, warm page cache ({binary})")
    median, fastest = one_file(binary)
    print(f"  audit of one file: median {median:.1f} ms (fastest {fastest:.1f} ms; goal <= 5 ms)")
    print()
    print(f"| {'files':>7} | {'command':<28} | {'seconds':>7} | {'files/s':>9} | {'peak memory':>11} |")
    print(f"|{'-' * 9}|{'-' * 30}|{'-' * 9}|{'-' * 11}|{'-' * 13}|")
    with tempfile.TemporaryDirectory(prefix="fleet-bench-") as work:
        for n in sizes:
            fleet = os.path.join(work, f"fleet-{n}")
            subprocess.run([sys.executable, os.path.join(HERE, "generate-fleet.py"), str(n), fleet], check=True)
            every = f"find '{fleet}' -name '*.json' -print0"
            # jq reads its files as one stream and gives up on the rest at the first that is
            # not JSON, so the few cut-short files are left out of its run.
            parseable = f"find '{fleet}' -name '*.json' ! -name '*-truncated.json' -print0"
            rows = [
                ("audit --format json", [binary, "audit", fleet, "--format", "json"]),
                ("audit --format jsonl", [binary, "audit", fleet, "--format", "jsonl"]),
                ("audit (text) --by-code", [binary, "audit", fleet, "--by-code"]),
                ("audit --format sarif", [binary, "audit", fleet, "--format", "sarif"]),
                ("audit --format table", [binary, "audit", fleet, "--format", "table"]),
                ("audit --format junit", [binary, "audit", fleet, "--format", "junit"]),
                ("cat (find | xargs cat)", ["sh", "-c", f"{every} | xargs -0 cat"]),
            ]
            if jq:
                rows.append(("jq rules.jq (find | xargs jq)",
                             ["sh", "-c", f"{parseable} | xargs -0 '{jq}' -c -f '{os.path.join(HERE, 'rules.jq')}'"]))
            subprocess.run(["sh", "-c", f"{every} | xargs -0 cat > /dev/null"])  # warm the cache
            results = {}
            for name, command in rows:
                seconds, peak = measure(command, runs)
                results[name] = seconds
                memory = f"{peak / 1024:.1f} MiB" if peak else "-"
                print(f"| {n:>7} | {name:<28} | {seconds:>7.3f} | {n / seconds:>9,.0f} | {memory:>11} |", flush=True)
            audit = results["audit --format json"]
            if "audit --format sarif" in results:
                notes.append(f"  N={n}: sarif {results['audit --format sarif'] / audit:.2f}x json's time (it reads each file twice)")
            summary = f"  N={n}: audit json is {results['cat (find | xargs cat)'] and audit / results['cat (find | xargs cat)']:.2f}x cat's time (goal <= 1)"
            if jq:
                summary += f", {results['jq rules.jq (find | xargs jq)'] / audit:.2f}x faster than jq"
            notes.append(summary)
            shutil.rmtree(fleet)
    print()
    for note in notes:
        print(note)


if __name__ == "__main__":
    main()
