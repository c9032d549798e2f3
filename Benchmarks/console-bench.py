#!/usr/bin/env python3
"""Console speed on a pseudo-terminal at 100x30: not a test, a measurement.

Prints the median time from exec to the complete first frame, and the bytes the
console writes to the terminal for one typed character and for one screen change.
Goals: first frame <= 15 ms, <= 64 bytes per typed character.

Usage: python3 Benchmarks/console-bench.py [--binary PATH] [--runs N]
Without --binary it builds and uses the release binary (swift build -c release).
"""
import argparse, fcntl, os, pty, select, shutil, statistics, struct, subprocess, sys, tempfile, termios, time

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


def finish(pid, fd):
    os.write(fd, b"\x03")  # Ctrl-C: leave at once, save nothing
    read_until_quiet(fd, timeout=1.0)
    os.close(fd)
    os.waitpid(pid, 0)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary")
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    binary = args.binary
    if not binary:
        subprocess.run(["swift", "build", "-c", "release", "--product", "social-console"], cwd=root, check=True)
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
    finally:
        shutil.rmtree(folder, ignore_errors=True)

    print(f"social-console console benchmark on a {COLS}x{ROWS} pty, {args.runs} runs ({binary})")
    print(f"  first frame, exec to last byte:   median {statistics.median(first_frames):6.1f} ms"
          f"   (min {min(first_frames):.1f}, max {max(first_frames):.1f}; goal <= 15 ms)")
    print(f"  first frame size:                 median {statistics.median(first_frame_bytes):6.0f} bytes")
    print(f"  one typed character:              median {statistics.median(typed):6.0f} bytes"
          f"   (max {max(typed)}; goal <= 64)")
    print(f"  first typed character (+ title):  median {statistics.median(typed_first):6.0f} bytes")
    print(f"  one screen change (PgDn):         median {statistics.median(screen_change):6.0f} bytes")


if __name__ == "__main__":
    sys.exit(main())
