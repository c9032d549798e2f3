#!/usr/bin/env python3
"""Console speed on a pseudo-terminal at 100x30: not a test, a measurement.

First frame: the time from exec to the last byte of the complete first frame, for the
console and, interleaved with it run by run (so a busy machine slows all alike), for
dialog's --form and whiptail's --inputbox, with the ratio to dialog's (goal <= 1.0).
Each program's CPU time to its first frame (it is killed once the frame is complete) is
shown too: steadier than wall time when the machine is busy. Each ratio is given twice: of
the medians, and run by run (each of ours beside the other program's of the same round,
which cancels the machine's drift over the batch), with its quartiles. Missing dialog or whiptail:
apt-get install -y dialog whiptail.

Then the bytes the console writes to the terminal for one typed character (goal <= 64)
and for one screen change.

Then, for long values (--long SIZES, comma-separated character counts), the time
from a typed character to the last byte of its frame: typing at the end of a long
field being edited, and typing into a short field beside a long value that is only
drawn. A frame's cost must not grow with the square of a value's length.

Usage: python3 Benchmarks/console-bench.py [--binary PATH] [--runs N] [--long 4000,50000] [--huge-secret 8000000]
Without --binary it builds the binary `make install` installs (`make build`). Either is
copied into a temporary folder and run from there, as an installed copy runs.
"""
import argparse, fcntl, json, os, pty, select, shutil, signal, statistics, struct, subprocess, sys, tempfile, termios, time

COLS, ROWS = 100, 30
QUIET = 0.05  # a frame is complete when the console has been silent this long

SETTINGS = ('{"schemaVersion": 1, "instance": {"name": "acme-prod", "environment": "production",'
            ' "redirectUri": "https://clerk.acme.com/v1/oauth_callback"}}\n')


def spawn(binary, path):
    return spawn_command([binary, "edit", path])


def spawn_command(argv):
    env = {k: v for k, v in os.environ.items() if k not in ("LINES", "COLUMNS", "NO_COLOR")}
    env.update(TERM="xterm-256color", LC_ALL="C.UTF-8", ESCDELAY="25")
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
        os.execve(argv[0], argv, env)
    return pid, fd, start


def first_frame(argv, until):
    """Starts `argv` on the pty, waits for its complete first frame (`until` seen, then
    quiet) and kills it. Returns (ms from exec to the frame's last byte, CPU ms, bytes)."""
    pid, fd, start = spawn_command(argv)
    frame, last = read_until_quiet(fd, until=until)
    os.kill(pid, signal.SIGKILL)
    _, _, usage = os.wait4(pid, 0)
    os.close(fd)
    wall = (last - start) * 1000 if last and until in frame else float("inf")
    return wall, (usage.ru_utime + usage.ru_stime) * 1000, len(frame)


def others(settings):
    """dialog's form and whiptail's input box on the same values, where installed: what a
    terminal user compares a form's start with. Each with the text that ends its frame
    (dialog underlines the C of Cancel, so it is split)."""
    with open(settings) as f:
        instance = json.load(f)["instance"]
    fields = [("Name:", instance["name"]), ("Environment:", instance["environment"]),
              ("Redirect URI:", instance["redirectUri"])]
    found = {}
    dialog, whiptail = shutil.which("dialog"), shutil.which("whiptail")
    if dialog:
        argv = [dialog, "--form", "Instance", "20", "80", str(len(fields))]
        for row, (label, value) in enumerate(fields, 1):
            argv += [label, str(row), "1", value, str(row), "16", "60", "0"]
        found["dialog --form"] = (argv, b"ancel")
    if whiptail:
        found["whiptail --inputbox"] = ([whiptail, "--inputbox", "Name", "10", "60", instance["name"]], b"Cancel")
    return found


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
    parser.add_argument("--runs", type=int, default=21, help="first frames of each program")
    parser.add_argument("--key-runs", type=int, default=5, help="runs that type keys, for bytes per key")
    parser.add_argument("--long", default="4000,50000", help="value lengths for the long-value cases ('' for none)")
    parser.add_argument("--long-runs", type=int, default=3)
    parser.add_argument("--long-keys", type=int, default=5, help="keys typed per run (at most 5)")
    parser.add_argument("--long-timeout", type=float, default=120.0, help="seconds to wait for one frame")
    parser.add_argument("--huge-secret", type=int, default=8_000_000, help="characters of the hostile secret (0 for none)")
    args = parser.parse_args()
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    binary = args.binary
    if not binary:
        subprocess.run(["make", "build"], cwd=root, check=True)
        binary = os.path.join(root, ".build", "release", "social-console")

    folder = tempfile.mkdtemp(prefix="console-bench-")
    # A copy, as `make install` makes: the linker writes the binary a page at a time, and
    # the kernel then maps it back in smaller pieces; a copy starts measurably faster
    # (about 0.5 ms here), as an installed binary does.
    installed = os.path.join(folder, "social-console")
    shutil.copyfile(binary, installed)
    os.chmod(installed, 0o755)
    binary = installed
    path = os.path.join(folder, "acme.json")
    with open(path, "w") as f:
        f.write(SETTINGS)
    os.chmod(path, 0o600)

    programs = {"social-console": ([binary, "edit", path], b"Help")}
    programs.update(others(path))
    frames = {name: [] for name in programs}
    typed, typed_first, screen_change = [], [], []
    try:
        load_before = os.getloadavg()
        names = list(programs)
        for run in range(args.runs):
            # Each run starts with another program: none always follows the same one.
            for name in names[run % len(names):] + names[:run % len(names)]:
                frames[name].append(first_frame(*programs[name]))
        load_after = os.getloadavg()
        for _ in range(args.key_runs):
            pid, fd, start = spawn(binary, path)
            read_until_quiet(fd, until=b"Help")
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
        print(f"social-console console benchmark on a {COLS}x{ROWS} pty ({args.binary or 'make build'}, copied)")
        print(f"  first frame, exec to last byte, {args.runs} runs of each, interleaved"
              f" (load average {load_before[0]:.2f} before, {load_after[0]:.2f} after; {os.cpu_count()} CPUs):")
        medians = {}
        for name, runs in frames.items():
            walls, cpus, sizes = [r[0] for r in runs], [r[1] for r in runs], [r[2] for r in runs]
            medians[name] = statistics.median(walls)
            print(f"    {name:22} median {medians[name]:6.2f} ms   (min {min(walls):.2f}, max {max(walls):.2f})"
                  f"   CPU median {statistics.median(cpus):5.2f} ms   {statistics.median(sizes):5.0f} bytes")
        for name in programs:
            if name != "social-console":
                # Also run by run: each of ours beside the other's of the same round, so that
                # the machine's drift over the batch (other work starting, caches) cancels out.
                paired = sorted(a[0] / b[0] for a, b in zip(frames["social-console"], frames[name]))
                quartiles = statistics.quantiles(paired, n=4) if len(paired) > 1 else [paired[0]] * 3
                print(f"  ratio social-console / {name + ':':21} {medians['social-console'] / medians[name]:5.2f}"
                      + ("   (goal <= 1.0)" if name.startswith("dialog") else "")
                      + f"   run by run: median {quartiles[1]:.2f}, quartiles {quartiles[0]:.2f}–{quartiles[2]:.2f}")
        if len(programs) < 3:
            print("  (dialog or whiptail is not installed: apt-get install -y dialog whiptail)")
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
