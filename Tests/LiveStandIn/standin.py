#!/usr/bin/env python3
"""A local HTTPS stand-in for the three services the live commands talk to, for tests.

- Clerk's Platform API, as clerk/openapi-specs platform/beta.yml describes it:
  GET/PATCH /v1/platform/applications/{app}/instances/{envOrInsID}/config (keys, dry_run,
  If-Match -> 409, 422 on enabling a production connection without credentials,
  401 on a bad key) and GET /v1/platform/applications/{app}/domains.
- The Frontend API's public GET {frontend_api_url}/v1/environment, at /fapi/{app}.
- Atlassian's token endpoint POST /oauth/token, answering as FACTS.md records its
  observed answers.

Usage: standin.py FOLDER CERT KEY. Listens on 127.0.0.1 only, on a free port it
prints as its first line; the second line is the port of an HTTP proxy (CONNECT only)
that logs each tunnel it opens, with the request that asked for it, to FOLDER/proxy.jsonl,
for the tests of https_proxy. FOLDER/state.json is the instances, the key and the faults
to play (read for every request; a write changes it); every request is appended to
FOLDER/requests.jsonl. It stops when its standard input closes.
"""

import base64
import json
import select
import socket
import socketserver
import os
import re
import ssl
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

FOLDER, CERT, KEY = sys.argv[1], sys.argv[2], sys.argv[3]
STATE_PATH = os.path.join(FOLDER, "state.json")
LOG_PATH = os.path.join(FOLDER, "requests.jsonl")
LOCK = threading.Lock()
MASK = "\u2022" * 8
CONNECTION = "connection_oauth_atlassian"


def state():
    """The state as the file has it now, read on every call: a test's two writes within
    one tick of the file system's clock have the same mtime, so no cache can tell them
    apart. Call with LOCK held."""
    with open(STATE_PATH) as f:
        return json.load(f)


def save(value):
    tmp = STATE_PATH + ".tmp"
    with open(tmp, "w") as f:
        json.dump(value, f, indent=1)
    os.replace(tmp, STATE_PATH)


def errors(message, code, long_message=None):
    return {"errors": [{"message": message, "long_message": long_message or message, "code": code, "meta": {}}],
            "clerk_trace_id": "trace_standin"}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def answer(self, status, body, headers=None):
        data = body if isinstance(body, bytes) else json.dumps(body).encode()
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        if not any(n.lower() == "content-type" for n in (headers or {})):
            self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def record(self, body):
        entry = {"time": time.time(), "method": self.command, "target": self.path,
                 "headers": [[k, v] for k, v in self.headers.items()],
                 "body": body.decode("utf-8", "replace")}
        with LOCK, open(LOG_PATH, "a") as f:
            f.write(json.dumps(entry) + "\n")

    def handle_any(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        self.record(body)
        with LOCK:
            s = state()
            latency = s.get("latency", 0)
            fault = self.take_fault(s)
        if latency:
            time.sleep(latency)
        if fault is not None:
            return self.play(fault)
        url = urllib.parse.urlsplit(self.path)
        query = urllib.parse.parse_qs(url.query)
        path = url.path
        m = re.fullmatch(r"/v1/platform/applications/([^/]+)/instances/([^/]+)/config", path)
        if m:
            return self.config(m.group(1), m.group(2), query, body)
        m = re.fullmatch(r"/v1/platform/applications/([^/]+)/domains", path)
        if m and self.command == "GET":
            return self.domains(m.group(1))
        m = re.fullmatch(r"/fapi/([^/]+)/v1/environment", path)
        if m and self.command == "GET":
            return self.environment(m.group(1))
        if path == "/oauth/token" and self.command == "POST":
            return self.token(body)
        return self.answer(404, errors("not found", "resource_not_found"))

    do_GET = do_POST = do_PATCH = handle_any

    def take_fault(self, s):
        for fault in s.get("faults", []):
            if fault.get("method", self.command) != self.command:
                continue
            if not re.search(fault["path"], self.path):
                continue
            if fault.get("times", 1) == 0:
                continue
            if "times" in fault:
                fault["times"] -= 1
                save(s)
            return fault
        return None

    def play(self, fault):
        if fault.get("hang"):
            time.sleep(fault["hang"])
            return
        if fault.get("delay"):
            time.sleep(fault["delay"])
        if fault.get("bigBody"):
            size = fault["bigBody"]
            self.send_response(fault.get("status", 200))
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(size))
            self.end_headers()
            chunk = b" " * 65536
            try:
                while size > 0:
                    self.wfile.write(chunk[:size])
                    size -= len(chunk)
            except OSError:
                pass
            return
        body = fault.get("body", {})
        if isinstance(body, str):
            body = body.encode()
        return self.answer(fault.get("status", 200), body, fault.get("headers"))

    # Clerk's Platform API

    def authorized(self):
        with LOCK:
            key = state().get("apiKey")
        if self.headers.get("Authorization") != "Bearer " + str(key):
            self.answer(401, errors("Invalid authentication", "authentication_invalid",
                                    "The provided Platform API key is invalid."))
            return False
        return True

    def instance(self, s, app, name):
        application = s.get("applications", {}).get(app)
        if application is None:
            return None
        for env, instance in application.get("instances", {}).items():
            if name == env or name == instance.get("id"):
                instance.setdefault("environment", env)
                return instance
        return None

    def shown(self, connection):
        """The connection as Clerk reads it back: the secret masked, or empty when unset."""
        out = dict(connection)
        if "client_secret" in out:
            out["client_secret"] = MASK if out["client_secret"] else ""
        return out

    def config(self, app, name, query, body):
        if not self.authorized():
            return
        with LOCK:
            s = state()
            instance = self.instance(s, app, name)
            if instance is None:
                return self.answer(404, errors("not found", "resource_not_found"))
            version = "v1_%d" % instance.get("version", 1)
            connection = instance.setdefault("config", {}).setdefault(CONNECTION, {})
            if self.command == "GET":
                out = {"config_version": version}
                keys = query.get("keys")
                config = instance["config"]
                for key in (keys or config.keys()):
                    if key in config:
                        out[key] = self.shown(config[key]) if key == CONNECTION else config[key]
                return self.answer(200, out)
            if self.command != "PATCH":
                return self.answer(405, errors("method not allowed", "method_not_allowed"))
            if_match = self.headers.get("If-Match")
            if if_match is not None and if_match != version:
                return self.answer(409, errors("config version mismatch", "conflict",
                                               "The config changed since version %s." % if_match))
            try:
                patch = json.loads(body)
            except ValueError:
                return self.answer(400, errors("invalid JSON", "malformed_request"))
            if not isinstance(patch, dict) or "config_version" in patch:
                return self.answer(400, errors("config_version is not accepted in the body", "form_param_unknown"))
            changes = patch.get(CONNECTION, {})
            if any(v is None for v in changes.values()) and query.get("destructive") != ["true"]:
                return self.answer(400, errors("null clears a key only with destructive=true", "form_param_nil"))
            after = dict(connection)
            after.update(changes)
            if instance["environment"] == "production" and after.get("enabled") and not (
                    after.get("client_id") and after.get("client_secret")):
                return self.answer(422, errors("Custom credentials are required to enable this connection in production",
                                               "form_param_missing"))
            dry = query.get("dry_run") == ["true"]
            answer = {"config_version": version, "dry_run": dry,
                      "before": {CONNECTION: self.shown(connection)}, "after": {CONNECTION: self.shown(after)}}
            if dry:
                race = s.get("raceAfterDryRun")
                if race and race.get("times", 1) > 0:
                    # Someone else changes the instance between the dry run and the write.
                    connection.update(race["set"])
                    instance["version"] = instance.get("version", 1) + 1
                    race["times"] = race.get("times", 1) - 1
                    save(s)
                return self.answer(200, answer)
            instance["config"][CONNECTION] = after
            instance["version"] = instance.get("version", 1) + 1
            answer["config_version"] = "v1_%d" % instance["version"]
            save(s)
            return self.answer(200, answer)

    def domains(self, app):
        if not self.authorized():
            return
        with LOCK:
            application = state().get("applications", {}).get(app)
            if application is None:
                return self.answer(404, errors("not found", "resource_not_found"))
            domains = application.get("domains", [])
        return self.answer(200, {"data": domains, "total_count": len(domains)})

    # The Frontend API

    def environment(self, app):
        with LOCK:
            s = state()
            instance = self.instance(s, app, "production")
            connection = (instance or {}).get("config", {}).get(CONNECTION)
        social = {}
        if connection is not None:
            social["oauth_atlassian"] = {"enabled": bool(connection.get("enabled")),
                                         "authenticatable": bool(connection.get("authenticatable")),
                                         "strategy": "oauth_atlassian", "name": "Atlassian"}
        return self.answer(200, {"auth_config": {"object": "auth_config"},
                                 "user_settings": {"social": social}})

    # Atlassian's token endpoint

    def token(self, body):
        kind = self.headers.get("Content-Type", "")
        try:
            if kind.startswith("application/json"):
                form = json.loads(body)
            else:
                form = {k: v[0] for k, v in urllib.parse.parse_qs(body.decode()).items()}
        except ValueError:
            return self.answer(400, {"error": "invalid_request", "error_description": "bad body"})
        auth = self.headers.get("Authorization", "")
        if auth.startswith("Basic "):
            client_id, _, client_secret = base64.b64decode(auth[6:]).decode().partition(":")
        else:
            client_id, client_secret = form.get("client_id", ""), form.get("client_secret", "")
        with LOCK:
            pairs = state().get("atlassianPairs", [])
        if [client_id, client_secret] in pairs:
            return self.answer(400, {"error": "invalid_request", "error_description": "authorization_code is invalid"})
        return self.answer(401, {"error": "access_denied", "error_description": "Unauthorized"})


class Proxy(socketserver.BaseRequestHandler):
    """CONNECT host:port, then bytes both ways: what a corporate proxy does for https."""

    def handle(self):
        head = b""
        while b"\r\n\r\n" not in head and len(head) < 65536:
            chunk = self.request.recv(4096)
            if not chunk:
                return
            head += chunk
        line = head.split(b"\r\n", 1)[0].decode("latin-1")
        method, target = (line.split(" ") + ["", ""])[:2]
        with LOCK, open(os.path.join(FOLDER, "proxy.jsonl"), "a") as f:
            f.write(json.dumps({"method": method, "target": target, "head": head.decode("latin-1")}) + "\n")
        host, _, port = target.rpartition(":")
        if method != "CONNECT" or host not in ("127.0.0.1", "localhost"):
            self.request.sendall(b"HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n")
            return
        upstream = socket.create_connection((host, int(port)))
        self.request.sendall(b"HTTP/1.1 200 Connection established\r\n\r\n")
        sockets = [self.request, upstream]
        while True:
            ready, _, _ = select.select(sockets, [], [], 30)
            if not ready:
                break
            for s in ready:
                data = s.recv(65536)
                if not data:
                    upstream.close()
                    return
                (upstream if s is self.request else self.request).sendall(data)


def main():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(CERT, KEY)
    # The handshake happens in the request's own thread, not in accept().
    server.socket = context.wrap_socket(server.socket, server_side=True, do_handshake_on_connect=False)
    proxy = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Proxy)
    proxy.daemon_threads = True
    print(server.server_address[1], flush=True)
    print(proxy.server_address[1], flush=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    threading.Thread(target=proxy.serve_forever, daemon=True).start()
    sys.stdin.read()  # the test closed our input: stop
    os._exit(0)


if __name__ == "__main__":
    main()
