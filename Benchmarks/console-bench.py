#!/usr/bin/env python3
"""Console speed on a pseudo-terminal at 100x30: not a test, a measurement.

Prints the median time from exec to the complete first frame, and the bytes the
console writes to the terminal for one typed character and for one screen change.
Goals: first frame <= 8 ms, <= 64 bytes per typed character.

Then, for long values (--long SIZES, comma-separated character counts), the time
from a typed character to the last byte of its frame: typing at the end of a long
field being edited, and typing into a short field beside a long value that is only
drawn. A frame's cost must not grow with the square of a value's length.

Usage: python3 Benchmarks/console-bench.py [--binary PATH] [--runs N] [--long 4000,50000] [--huge-secret 8000000]
Without --binary it builds and uses the release binary as `make` does
(swift build -c release --static-swift-stdlib).
"""
import argparse, fcntl, json, os, pty, select, shutil, statistics, struct, subprocess, sys, tempfile, termios, time

COLS, ROWS = 100, 30
QUIET = 0.05  # a frame is complete when the console has been silent this long

SETTINGS = ('{"schemaVersion": 1, "instance": {"name": "acme-prod", "environment": "production",'
            ' "redirectUri": "https://clerk.acme.com/v1/oauth_callback"}}\n')


def spawn(binary, path):
    env = {k: v for k, v in os.environ.items() if k not in ("LINES", "COLUMNS", "NO_COLOR")}
    env.update(TERM="xterm-256color", LC_ALL="C.UTF-8", ESCDELAY="25")
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
        os.execve(binary, [binary, "edit", path], env)
    return pid, fd, start


def read_until_quiet(fd, until=None, timeout=5.0):
    """Reads until `until` has been seen and then QUIET passes with no output.
    Returns (bytes, time of the last byte)."""
    data, last = b"", None
    deadline = time.perf_counter() + timeout
    seen = until is None
    while time.perf_counter() < deadline:
        ready, _, _ = select.select([fd], [], [], QUIET)
        if not ready:
            if seen and last is not None:
                break
            continue
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        data += chunk
        last = time.perf_counter()
        if not seen and until in data:
            seen = True
    return data, last


def long_settings(name, redirect):
    # With a secret, as real files have: the screen searches what it draws for it.
    return json.dumps({"schemaVersion": 1, "instance": {
        "name": name, "environment": "production", "redirectUri": redirect},
        "connection": {"clientSecret": "bench-secret-0123456789abcdefghijklmnopqrstuv"}}) + "\n"


def keystroke_times(binary, path, keys, timeout):
    """Opens the console on `path` (focus on Instance > Name, cursor at the end), types
    `keys`, and returns (first frame ms, [ms from each key to the last byte of its frame])."""
    pid, fd, start = spawn(binary, path)
    _, last = read_until_quiet(fd, until=b"Help", timeout=timeout)
    first = (last - start) * 1000 if last else float("inf")
    times = []
    for ch in keys:
        sent = time.perf_counter()
        os.write(fd, bytes([ch]))
        _, last = read_until_quiet(fd, timeout=timeout)
        times.append((last - sent) * 1000 if last else float("inf"))
    finish(pid, fd)
    return first, times


def long_values(binary, folder, sizes, runs, keys_per_run, timeout):
    print(f"  long values ({runs} runs x {keys_per_run} keys; ms from a key to the last byte of its frame):")
    for size in sizes:
        # Letters with a few wide characters, so width is measured per character.
        long = ("abcdefgh日本" * (size // 10 + 1))[:size]
        cases = [("editing at the end of a", long_settings(long, "https://clerk.acme.com/v1/oauth_callback")),
                 ("typing beside an unfocused", long_settings("acme", "https://clerk.acme.com/v1/oauth_callback?" + long))]
        for label, text in cases:
            path = os.path.join(folder, f"long-{size}.json")
            with open(path, "w") as f:
                f.write(text)
            os.chmod(path, 0o600)
            print(f"    {label + f' {size:,}-char value:':44} " + typing_figures(binary, path, runs, keys_per_run, timeout))


def huge_secret(binary, folder, size, runs, keys_per_run, timeout):
    """A hostile file whose secret is `size` characters: typing into another field must
    cost what it costs with a real secret (the mask is built when the secret changes, from
    its first part)."""
    random = __import__("random").Random(14)
    secret = "".join(random.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(size))
    path = os.path.join(folder, "huge-secret.json")
    with open(path, "w") as f:
        f.write(json.dumps({"schemaVersion": 1, "instance": {"name": "acme", "environment": "production"},
                            "connection": {"clientSecret": secret}}) + "\n")
    os.chmod(path, 0o600)
    print(f"  a {size:,}-character secret, typing in Name:   " + typing_figures(binary, path, runs, keys_per_run, timeout))


def typing_figures(binary, path, runs, keys_per_run, timeout):
    """Median (and worst) ms from a key to the last byte of its frame, and the first frame's."""
    firsts, keys = [], []
    for _ in range(runs):
        first, times = keystroke_times(binary, path, b"xyz12"[:keys_per_run], timeout)
        firsts.append(first)
        keys += times
    return (f"key median {statistics.median(keys):8.1f} ms (max {max(keys):.1f})"
            f"   first frame {statistics.median(firsts):8.1f} ms")


def finish(pid, fd):
    os.write(fd, b"\x03")  # Ctrl-C: leave at once, save nothing
    read_until_quiet(fd, timeout=1.0)
    os.close(fd)
    os.waitpid(pid, 0)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary")
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--long", default="4000,50000", help="value lengths for the long-value cases ('' for none)")
    parser.add_argument("--long-runs", type=int, default=3)
    parser.add_argument("--long-keys", type=int, default=5, help="keys typed per run (at most 5)")
    parser.add_argument("--long-timeout", type=float, default=120.0, help="seconds to wait for one frame")
    parser.add_argument("--huge-secret", type=int, default=8_000_000, help="characters of the hostile secret (0 for none)")
    args = parser.parse_args()
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    binary = args.binary
    if not binary:
        subprocess.run(["swift", "build", "-c", "release", "--static-swift-stdlib", "--product", "social-console"],
                       cwd=root, check=True)
        binary = os.path.join(root, ".build", "release", "social-console")

    folder = tempfile.mkdtemp(prefix="console-bench-")
    path = os.path.join(folder, "acme.json")
    with open(path, "w") as f:
        f.write(SETTINGS)
    os.chmod(path, 0o600)

    first_frames, first_frame_bytes, typed, typed_first, screen_change = [], [], [], [], []
    try:
        for _ in range(args.runs):
            pid, fd, start = spawn(binary, path)
            frame, last = read_until_quiet(fd, until=b"Help")
            first_frames.append((last - start) * 1000)
            first_frame_bytes.append(len(frame))
            # The first character also turns on the title's unsaved marker; the rest
            # show what typing costs.
            os.write(fd, b"x")
            typed_first.append(len(read_until_quiet(fd)[0]))
            for ch in b"yz12":
                os.write(fd, bytes([ch]))
                typed.append(len(read_until_quiet(fd)[0]))
            os.write(fd, b"\x1b[6~")  # PgDn: next screen
            screen_change.append(len(read_until_quiet(fd)[0]))
            finish(pid, fd)
        print(f"social-console console benchmark on a {COLS}x{ROWS} pty, {args.runs} runs ({binary})")
        print(f"  first frame, exec to last byte:   median {statistics.median(first_frames):6.1f} ms"
              f"   (min {min(first_frames):.1f}, max {max(first_frames):.1f}; goal <= 8 ms)")
        print(f"  first frame size:                 median {statistics.median(first_frame_bytes):6.0f} bytes")
        print(f"  one typed character:              median {statistics.median(typed):6.0f} bytes"
              f"   (max {max(typed)}; goal <= 64)")
        print(f"  first typed character (+ title):  median {statistics.median(typed_first):6.0f} bytes")
        print(f"  one screen change (PgDn):         median {statistics.median(screen_change):6.0f} bytes")

        sizes = [int(n) for n in args.long.split(",") if n.strip()]
        if sizes:
            long_values(binary, folder, sizes, args.long_runs, args.long_keys, args.long_timeout)
        if args.huge_secret:
            huge_secret(binary, folder, args.huge_secret, args.long_runs, args.long_keys, args.long_timeout)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
