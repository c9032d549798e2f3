#!/usr/bin/env python3
"""Writes Link/start-order.txt: the binary's functions that run from exec to the console's
first frame and through `audit` of one file, which the Makefile has the linker put side by
side (lld --symbol-ordering-file). Start-up code then shares a few pages of the binary's
11 MB of code instead of being spread over it: fewer page faults at every start (Benchmarks/README.md,
"The first frame beside dialog's").

Not a test and not part of the build: run it again after large changes to what the start
runs. A stale list costs nothing but some of the gain (names no longer in the binary are
skipped by the linker). Needs valgrind and objcopy.

Usage: python3 Benchmarks/start-order.py [--binary PATH]   (default: the binary `make build` makes)
"""
import argparse, importlib.util, os, re, shutil, signal, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
spec = importlib.util.spec_from_file_location("console_bench", os.path.join(HERE, "console-bench.py"))
bench = importlib.util.module_from_spec(spec)
spec.loader.exec_module(bench)


def functions_run(argv, binary, until, out):
    """Runs `argv` under callgrind (on the bench's 100x30 pty when `until` is given, killed
    once the frame is complete) and returns the names of the binary's functions it ran."""
    argv = ["valgrind", "--tool=callgrind", "--demangle=no", f"--callgrind-out-file={out}"] + argv
    if until is None:
        subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    else:
        pid, fd, _ = bench.spawn_command([shutil.which(argv[0])] + argv[1:])
        bench.read_until_quiet(fd, until=until, timeout=120.0)
        os.kill(pid, signal.SIGTERM)  # callgrind writes its file on the way out
        os.waitpid(pid, 0)
        os.close(fd)
    objects, names, found = {}, {}, []
    current = {"ob": None, "cob": None}
    for line in open(out, errors="replace"):
        m = re.match(r"^(c?ob)=\((\d+)\)(?: (.*))?", line)
        if m:
            if m.group(3):
                objects[m.group(2)] = m.group(3).strip()
            current[m.group(1)] = objects.get(m.group(2))
            continue
        m = re.match(r"^(c?fn)=\((\d+)\)(?: (.*))?", line)
        if m:
            if m.group(3):
                names[m.group(2)] = m.group(3).strip()
            # A called function is in the caller's object unless a cob= line just said otherwise.
            owner = current["ob"] if m.group(1) == "fn" else (current["cob"] or current["ob"])
            current["cob"] = None
            name = names.get(m.group(2))
            name = name and re.sub(r"'\d+$", "", name)  # callgrind's mark of a recursive call
            if name and owner == binary and not name.startswith("0x"):
                found.append(name)
    return found


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build/release/social-console"))
    args = parser.parse_args()
    folder = tempfile.mkdtemp()
    try:
        # valgrind cannot read the debug information lld writes; the code is the same without it.
        binary = os.path.join(folder, "social-console")
        subprocess.run(["objcopy", "--strip-debug", args.binary, binary], check=True)
        settings = os.path.join(folder, "acme-prod.json")
        with open(settings, "w") as f:
            f.write(bench.SETTINGS)
        os.chmod(settings, 0o600)
        order = []
        order += functions_run([binary, "edit", settings], binary, b"Help", os.path.join(folder, "console.out"))
        order += functions_run([binary, "audit", settings], binary, None, os.path.join(folder, "audit.out"))
        # Every one of them runs at every start, so their order within the group matters
        # little; sorted, a new list differs from the old only by what the start runs.
        unique = sorted(set(order))
        if len(unique) < 100:
            sys.exit(f"start-order: only {len(unique)} functions found; is valgrind working? Nothing written.")
        path = os.path.join(ROOT, "Link", "start-order.txt")
        with open(path, "w") as f:
            f.write("\n".join(unique) + "\n")
        print(f"start-order: {len(unique)} functions written to {os.path.relpath(path, ROOT)}")
    finally:
        shutil.rmtree(folder)


if __name__ == "__main__":
    main()
