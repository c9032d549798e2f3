#!/usr/bin/env python3
"""The fleet list's speed and memory (`social-console DIR`) on a 100x30 pseudo-terminal:
not a test, a measurement. The console's output is read as a terminal shows it (pyte,
a terminal emulator: `pip install pyte`).

  1. The first frame at 10 and at 100,000 files (exec to the key bar on screen): no slower
     at 100,000 (the list fills afterwards).
  2. All of 10,000 files judged (exec to the title's "10000 files" with no "judged N/M"),
     beside `audit --format json` on the same files in the same run: within 1.2x.
  3. A key in a 100,000-row list: the console's CPU time per key (under 1 ms), the time from
     the key to the last byte of its frame, and the bytes sent (under 200 for Down).
  4. Peak memory (VmHWM) once every file is judged, at 10 to 100,000 files: under 64 MiB.
  5. One file changed on disk at 100,000 files: how soon its row shows it, and the CPU the
     console spends on it beside the CPU of judging them all (only that file is judged).
  6. --hostile: 100,000 files with unreadable, hostile, huge and non-UTF-8-named files,
     FIFOs and link loops: every one a row, in how long, with how much memory.

Usage: python3 Benchmarks/fleet-console-bench.py [--binary PATH] [--runs N] [--hostile] [--sizes 10,10000,100000]
Without --binary it builds the release binary with `make build`, as `make install` does.
"""
import argparse, fcntl, os, pty, re, select, shutil, signal, statistics, struct, subprocess, sys, tempfile, termios, time

try:
    import pyte
except ImportError:
    sys.exit("this benchmark reads the screen with pyte: pip install pyte")

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
COLS, ROWS = 100, 30
CLOCK_TICK = os.sysconf("SC_CLK_TCK")


def build():
    """The binary `make install` installs (`make build`: release, linked as the Makefile says)."""
    subprocess.run(["make", "build"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    return os.path.join(ROOT, ".build", "release", "social-console")


class Console:
    """The console on a pty, its screen kept by pyte."""

    def __init__(self, binary, folder):
        env = {k: v for k, v in os.environ.items() if k not in ("LINES", "COLUMNS", "NO_COLOR")}
        env.update(TERM="xterm-256color", LC_ALL="C.UTF-8", ESCDELAY="25")
        self.screen = pyte.Screen(COLS, ROWS)
        self.stream = pyte.ByteStream(self.screen)
        self.start = time.perf_counter()
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
            os.execve(binary, [binary, folder], env)

    def read(self, timeout):
        """Reads what is there within `timeout`; returns the bytes (b"" when none came)."""
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return b""
        try:
            data = os.read(self.fd, 1 << 20)
        except OSError:
            return b""
        self.stream.feed(data)
        return data

    def lines(self):
        return self.screen.display

    def wait(self, holds, timeout=300.0):
        """Seconds from the start until `holds(lines)` first holds (None on timeout)."""
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            if holds(self.lines()):
                return time.perf_counter() - self.start
            self.read(0.05)
        return None

    def key(self, data, quiet=0.05):
        """Sends a key; returns (bytes of its frame, seconds from the key to its last byte)."""
        sent = time.perf_counter()
        os.write(self.fd, data)
        total, last = 0, None
        while True:
            chunk = self.read(quiet)
            if not chunk:
                if last is not None or time.perf_counter() - sent > 2:
                    break
                continue
            total += len(chunk)
            last = time.perf_counter()
        return total, (last - sent) if last else float("nan")

    def drain(self, quiet=0.2):
        while self.read(quiet):
            pass

    def cpu(self):
        """CPU seconds the console has used, all its threads."""
        with open(f"/proc/{self.pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / CLOCK_TICK

    def peak_memory(self):
        with open(f"/proc/{self.pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
        return float("nan")

    def close(self):
        try:
            os.write(self.fd, b"\x03")  # Ctrl-C: leave at once
            self.drain(0.1)
        except OSError:
            pass
        try:
            os.kill(self.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        os.waitpid(self.pid, 0)
        os.close(self.fd)


def key_bar(lines):
    return "q Quit" in lines[-1]


def all_judged(n):
    pattern = re.compile(rf"\b{n} files?\b")
    return lambda lines: pattern.search(lines[0]) is not None and "judged" not in lines[0] and "listing" not in lines[0]


def generate(n, folder):
    subprocess.run([sys.executable, os.path.join(HERE, "generate-fleet.py"), str(n), folder], check=True, stdout=subprocess.DEVNULL)
    subprocess.run(["sh", "-c", f"find '{folder}' -type f -print0 | xargs -0 cat > /dev/null"])  # warm the cache


def make_hostile(folder):
    """Turns some of a generated fleet's files into what support staff meet; returns how many entries it has."""
    files = sorted(os.path.join(d, f) for d, _, fs in os.walk(folder) for f in fs if f.endswith(".json"))
    for i, path in enumerate(files):
        if i % 97 == 0:
            os.chmod(path, 0)  # unreadable (but to root)
        elif i % 101 == 0:
            with open(path, "w") as f:
                f.write("[" * 100_000)  # deep nesting
        elif i % 103 == 0:
            os.rename(path, path.encode()[:-5] + b"-caf\xe9.json")  # a name that is not UTF-8
        elif i % 107 == 0:
            os.remove(path)
            os.symlink(os.path.basename(path), path)  # a link to itself
        elif i % 109 == 0:
            os.remove(path)
            os.mkfifo(path)
        elif i % 113 == 0:
            with open(path, "w") as f:
                f.write('{"schemaVersion": 1, "instance": {"name": "\\u001b[2J\u202e\\u0000"}, "x": "' + "\u202e" * 1000 + '"}')
    for i in range(5):
        with open(os.path.join(folder, f"huge-{i}.json"), "w") as f:
            f.truncate(9 * 1024 * 1024)  # past the 8 MiB a settings file may be
        with open(os.path.join(folder, f"big-{i}.json"), "w") as f:
            f.write('{"schemaVersion": 1, "notes": "' + "a" * (7 * 1024 * 1024) + '"}')
    os.symlink(".", os.path.join(folder, "loop"))  # a folder that leads back: not gone into
    return len(files) + 10


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sizes", default="10,10000,100000")
    parser.add_argument("--keys", type=int, default=200)
    parser.add_argument("--hostile", action="store_true")
    args = parser.parse_args()
    binary = args.binary or build()
    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"social-console fleet list on a {COLS}x{ROWS} pty, {os.cpu_count()} cores, {args.runs} runs ({binary})")
    work = tempfile.mkdtemp(prefix="fleet-console-bench-")
    try:
        fleets = {}
        for n in sorted(set(sizes + [10, 10000, 100000])):
            fleets[n] = os.path.join(work, f"fleet-{n}")
            generate(n, fleets[n])

        # 1. The first frame.
        firsts = {n: [] for n in (10, 100000)}
        for _ in range(max(args.runs, 25)):  # a few milliseconds each: more runs for a steady median
            for n in firsts:
                c = Console(binary, fleets[n])
                firsts[n].append(c.wait(key_bar) * 1000)
                c.close()
        f10, f100k = statistics.median(firsts[10]), statistics.median(firsts[100000])
        print(f"  first frame, exec to the key bar:   10 files {f10:6.1f} ms   100,000 files {f100k:6.1f} ms"
              f"   ({f100k / f10:.2f}x; goal <= 1, medians of {max(args.runs, 25)};"
              f" fastest {min(firsts[10]):.1f} / {min(firsts[100000]):.1f} ms)")

        # 2. All of 10,000 files judged, beside audit --format json.
        console_times, audit_times = [], []
        for _ in range(max(args.runs, 11)):
            start = time.perf_counter()
            subprocess.run([binary, "audit", fleets[10000], "--format", "json"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            audit_times.append(time.perf_counter() - start)
            c = Console(binary, fleets[10000])
            console_times.append(c.wait(all_judged(10000)))
            c.close()
        cm, am = statistics.median(console_times), statistics.median(audit_times)
        print(f"  10,000 files all judged:            console {cm:.3f} s (best {min(console_times):.3f})"
              f"   audit --format json {am:.3f} s (best {min(audit_times):.3f})   {cm / am:.2f}x (goal <= 1.2)")

        # 3. Keys in a 100,000-row list, 4. memory, 5. one change.
        c = Console(binary, fleets[100000])
        loaded = c.wait(all_judged(100000))
        c.drain()
        judging_cpu = c.cpu()
        print(f"  100,000 files all judged:           {loaded:.3f} s, {judging_cpu:.2f} s of CPU")
        for name, key, count in [("Down", b"\x1b[B", args.keys), ("Up", b"\x1b[A", args.keys // 4), ("PgDn", b"\x1b[6~", 20),
                                 ("s (sort)", b"s", 6), ("a filter letter", None, 4)]:
            if key is None:
                c.key(b"/")
                keys = [b"t", b"e", b"n", b"a"][:count]
            else:
                keys = [key] * count
            cpu0 = c.cpu()
            results = [c.key(k) for k in keys]
            cpu = (c.cpu() - cpu0) / len(keys) * 1000
            sizes_ = [r[0] for r in results]
            times = [r[1] * 1000 for r in results]
            print(f"  key {name:<16} CPU {cpu:6.2f} ms/key   key to last byte median {statistics.median(times):5.2f} ms"
                  f"   bytes median {statistics.median(sizes_):5.0f} (max {max(sizes_)})")
            if key is None:
                c.key(b"\x1b")  # Esc: every file again
        c.close()

        memory = {}
        for n in sorted(fleets):
            c = Console(binary, fleets[n])
            c.wait(all_judged(n))
            c.drain()
            memory[n] = c.peak_memory()
            c.close()
        print("  peak memory, all judged:            " + "   ".join(f"{n:,} files {m:5.1f} MiB" for n, m in memory.items())
              + "   (goal < 64 MiB)")

        c = Console(binary, fleets[100000])
        c.wait(all_judged(100000))
        c.drain(0.5)
        idle0 = c.cpu()
        time.sleep(2)
        idle = c.cpu() - idle0
        ready = re.search(r"(\d+) ready", c.lines()[0])
        before = int(ready.group(1)) if ready else None
        # A file with a blocker becomes the bundled ready example, saved as `set` saves (a
        # new file renamed into place).
        target = next(os.path.join(d, f) for d, _, fs in sorted(os.walk(fleets[100000])) for f in sorted(fs)
                      if f.endswith(".json") and "truncated" not in f and '"enabled": false' in open(os.path.join(d, f)).read())
        text = open(os.path.join(ROOT, "Resources", "examples", "acme-prod.json")).read()
        cpu0 = c.cpu()
        changed = time.perf_counter()
        with open(target + ".tmp", "w") as f:
            f.write(text)
        os.rename(target + ".tmp", target)
        seen = c.wait(lambda lines: (m := re.search(r"(\d+) ready", lines[0])) and before is not None and int(m.group(1)) != before, 10)
        seen_after = (time.perf_counter() - changed) if seen is not None else None
        time.sleep(max(0, 2 - (time.perf_counter() - changed)))
        spent = c.cpu() - cpu0
        c.close()
        print(f"  one file changed at 100,000 files:  shown after {seen_after * 1000 if seen_after else float('nan'):.0f} ms;"
              f" CPU over 2 s {spent * 1000:.0f} ms (idle 2 s: {idle * 1000:.0f} ms; judging all: {judging_cpu * 1000:.0f} ms)")

        if args.hostile:
            hostile = os.path.join(work, "hostile")
            generate(100000, hostile)
            entries = make_hostile(hostile)
            c = Console(binary, hostile)
            took = c.wait(all_judged(entries), 600)
            c.drain(1.5)
            title = c.lines()[0].strip()
            print(f"  hostile fleet, {entries:,} entries:   all rows after {took if took else float('nan'):.2f} s;"
                  f" peak memory {c.peak_memory():.1f} MiB; title: {title}")
            c.close()
    finally:
        subprocess.run(["chmod", "-R", "u+rwX", work])
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
