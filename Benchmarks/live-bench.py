#!/usr/bin/env python3
"""How `social-console verify` spends its time waiting on the network, against the
local HTTPS stand-in (Tests/LiveStandIn/standin.py) with latency added to every answer.

1. One file: its live checks (Clerk's config and domains, the Frontend API, Atlassian's
   token endpoint) run at once, so with 300 ms per endpoint verify takes about one
   latency, not four (goal: under 0.5 s; in a row it would be 1.2 s).
2. A fleet: 1,000 files naming 10 instances; files that name one instance share its
   answers (goal: at most one config and one domains request per instance).
3. `audit` of one file, for comparison with the README's figure: the live commands load
   libcurl only when they run, so nothing else pays for it.

    Benchmarks/live-bench.py [--binary PATH] [--latency 0.3] [--runs 5]

Builds the release binary (as `make` does) unless --binary is given. Only 127.0.0.1 is
contacted.
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
KEY = "ak_bench_0123456789abcdef"
CLIENT_ID = "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6"
SECRET = "bench-secret-0123456789abcdefXYZW"


def build():
    """The binary `make install` installs (`make build`: release, linked as the Makefile says)."""
    subprocess.run(["make", "build"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    return os.path.join(ROOT, ".build", "release", "social-console")


class StandIn:
    def __init__(self, work, apps, latency):
        self.folder = os.path.join(work, "standin")
        os.makedirs(self.folder)
        self.cert, key = os.path.join(work, "cert.pem"), os.path.join(work, "key.pem")
        subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                        "-keyout", key, "-out", self.cert, "-days", "1", "-subj", "/CN=127.0.0.1",
                        "-addext", "subjectAltName=IP:127.0.0.1"], check=True, capture_output=True)
        self.apps, self.latency = apps, latency
        self.write_state(0)
        open(os.path.join(self.folder, "requests.jsonl"), "w").close()
        self.process = subprocess.Popen([sys.executable, os.path.join(ROOT, "Tests", "LiveStandIn", "standin.py"),
                                         self.folder, self.cert, key],
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        self.port = int(self.process.stdout.readline())
        self.url = "https://127.0.0.1:%d" % self.port
        self.write_state(self.port)

    def write_state(self, port):
        base = "https://127.0.0.1:%d" % port
        applications = {}
        for app in self.apps:
            applications[app] = {
                "instances": {"production": {"id": "ins_" + app, "version": 1, "config": {"connection_oauth_atlassian": {
                    "enabled": True, "authenticatable": True, "client_id": CLIENT_ID, "client_secret": SECRET}}}},
                "domains": [{"id": "dmn_" + app, "name": app + ".example", "is_satellite": False,
                             "frontend_api_url": base + "/fapi/" + app}]}
        state = {"apiKey": KEY, "latency": self.latency, "applications": applications,
                 "atlassianPairs": [[CLIENT_ID, SECRET]], "faults": []}
        with open(os.path.join(self.folder, "state.json"), "w") as f:
            json.dump(state, f)

    def requests(self):
        with open(os.path.join(self.folder, "requests.jsonl")) as f:
            return [json.loads(line) for line in f]

    def clear(self):
        open(os.path.join(self.folder, "requests.jsonl"), "w").close()

    def env(self):
        env = dict(os.environ)
        for name in ["CURL_CA_BUNDLE", "SSL_CERT_DIR", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"]:
            env.pop(name, None)
        env.update({"CLERK_PLATFORM_API_URL": self.url, "SOCIAL_CONSOLE_ATLASSIAN_AUTH_URL": self.url,
                    "SSL_CERT_FILE": self.cert, "CLERK_PLATFORM_API_KEY": KEY, "NO_COLOR": "1"})
        return env

    def stop(self):
        self.process.stdin.close()
        self.process.wait()


def settings_file(path, url, app):
    with open(os.path.join(ROOT, "Resources", "examples", "acme-prod.json")) as f:
        doc = json.load(f)
    redirect = url + "/fapi/" + app + "/v1/oauth_callback"
    doc["instance"]["redirectUri"] = redirect
    doc["atlassianApp"]["callbackUrls"] = [redirect]
    doc["connection"]["clientSecret"] = SECRET
    doc["clerk"] = {"applicationId": app, "instance": "production"}
    with open(path, "w") as f:
        json.dump(doc, f)
    os.chmod(path, 0o600)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary")
    parser.add_argument("--latency", type=float, default=0.3)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    binary = args.binary or build()
    apps = ["app_bench%d" % i for i in range(10)]
    with tempfile.TemporaryDirectory(prefix="live-bench-") as work:
        standin = StandIn(work, apps, args.latency)
        try:
            env = standin.env()
            one = os.path.join(work, "one.json")
            settings_file(one, standin.url, apps[0])
            times = []
            for _ in range(args.runs):
                start = time.perf_counter()
                result = subprocess.run([binary, "verify", one], env=env, capture_output=True, text=True)
                times.append(time.perf_counter() - start)
                if result.returncode != 0:
                    sys.exit("verify failed: %s%s" % (result.stdout, result.stderr))
            endpoints = len(standin.requests()) // args.runs
            print("verify of one file, %d endpoints at %d ms each: median %.3f s, best %.3f s (in a row: %.1f s; goal < 0.5 s)"
                  % (endpoints, args.latency * 1000, statistics.median(times), min(times), endpoints * args.latency))

            fleet = os.path.join(work, "fleet")
            os.makedirs(fleet)
            for i in range(1000):
                settings_file(os.path.join(fleet, "f%04d.json" % i), standin.url, apps[i % len(apps)])
            standin.clear()
            start = time.perf_counter()
            result = subprocess.run([binary, "verify", fleet, "--format", "jsonl"], env=env, capture_output=True, text=True)
            elapsed = time.perf_counter() - start
            lines = result.stdout.strip().split("\n")
            summary = json.loads(lines[-1])["summary"]
            requests = standin.requests()
            config = [r["target"] for r in requests if "/config" in r["target"]]
            domains = [r["target"] for r in requests if "/domains" in r["target"]]
            most_config = max(sum(1 for t in config if "/" + app + "/" in t) for app in apps)
            most_domains = max(sum(1 for t in domains if "/" + app + "/" in t) for app in apps)
            print("verify of 1,000 files naming 10 instances: %.2f s, exit %d, %d files, %d requests in all: "
                  "%d config (at most %d per instance), %d domains (at most %d per instance); goal: at most 1 each"
                  % (elapsed, result.returncode, summary["files"], len(requests), len(config), most_config, len(domains), most_domains))
        finally:
            standin.stop()

        times = []
        for _ in range(51):
            start = time.perf_counter()
            subprocess.run([binary, "audit", one], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            times.append((time.perf_counter() - start) * 1000)
        print("audit of one file (no network): median %.1f ms, best %.1f ms" % (statistics.median(times), min(times)))


if __name__ == "__main__":
    main()
