"""Helpers for the WebSocket sync tests: a stack of `serve backend websocket`, extra `serve websocket`
replicas on the same data directory, tokens signed with the stack's own secret, and a raw socket
client for peers that misbehave on purpose (never read, never answer pings)."""

import base64
import hashlib
import hmac
import json
import os
import socket
import subprocess
import time
import uuid
from pathlib import Path

import pytest
import requests
from websockets.sync.client import connect

from conftest import SCRUBBED_ENVIRONMENT, Server, binary_path, free_port, stop_server

STARTUP_TIMEOUT_SECONDS = 60

# Small limits so heartbeat, expiry and backpressure tests take seconds, not minutes.
FAST_SETTINGS = {
    "websocket.ping_interval_seconds": "1",
    "websocket.pong_timeout_seconds": "1",
    "websocket.max_queued_messages": "16",
    "websocket.max_queued_bytes": "16384",
}


class SyncStack(Server):
    """A running process: the backend's URL (when it serves one) and the WebSocket service's."""

    def ws_url(self, token=None, since=None):
        query = []
        if token is not None:
            query.append(f"token={token}")
        if since is not None:
            query.append(f"since={since}")
        return self.websocket_base + "/ws" + ("?" + "&".join(query) if query else "")

    def ws_http(self, path):
        return "http" + self.websocket_base[2:] + path

    def stats(self):
        response = requests.get(self.ws_http("/stats"), timeout=5)
        assert response.status_code == 200, response.text
        return response.json()

    def ready(self):
        return requests.get(self.ws_http("/health/ready"), timeout=5)

    def secret(self):
        return (self.data_dir / "jwt-secret").read_text().strip()


def start_stack(root, services=("backend", "websocket"), data_dir=None, settings=FAST_SETTINGS, extra_environment=None):
    """Starts `todo-chatbot serve SERVICES` under `root` (sharing `data_dir` when given) with free
    ports, and waits until every service it runs is ready. Stop it with `conftest.stop_server`."""
    binary = binary_path()
    if not binary.is_file():
        pytest.fail(f"todo-chatbot binary not found at {binary}; build it or set TODO_BIN")
    root.mkdir(parents=True, exist_ok=True)
    data_dir = data_dir or root / "data"
    data_dir.mkdir(exist_ok=True)

    environment = {key: value for key, value in os.environ.items() if key not in SCRUBBED_ENVIRONMENT}
    environment = {key: value for key, value in environment.items() if not key.startswith("TODO_WEBSOCKET_")}
    environment["TODO_CONFIG"] = str(root / "config.yaml")
    environment["XDG_CONFIG_HOME"] = str(root / "xdg-config")
    environment["TMPDIR"] = str(root)
    environment.update(extra_environment or {})

    ports = {service: free_port() for service in ("backend", "websocket", "notification")}
    overrides = {**{f"ports.{service}": str(port) for service, port in ports.items()}, **settings}
    global_options = ["--profile", "test", f"--data-dir={data_dir}", "--host=127.0.0.1", "--log-level=info"]
    for key, value in overrides.items():
        global_options += ["--set", f"{key}={value}"]
    log_path = root / "server.log"
    with open(log_path, "ab") as log:
        process = subprocess.Popen(
            [str(binary), *global_options, "serve", *services], cwd=root, env=environment,
            stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT)

    stack = SyncStack(process, f"http://127.0.0.1:{ports['backend']}", log_path)
    stack.websocket_base = f"ws://127.0.0.1:{ports['websocket']}"
    stack.data_dir = data_dir
    stack.environment = environment
    stack.ports = ports
    urls = [stack.ws_http("/health/ready")]
    if "backend" in services:
        urls.append(stack.url("/api/health/ready"))
    if "notification" in services:
        urls.append(f"http://127.0.0.1:{ports['notification']}/health/ready")
    wait_until_ready(stack, urls)
    return stack


def wait_until_ready(stack, urls):
    deadline = time.monotonic() + STARTUP_TIMEOUT_SECONDS
    problem = "no answer yet"
    for url in urls:
        while True:
            if stack.process.poll() is not None:
                pytest.fail(f"todo-chatbot exited with {stack.process.returncode}:\n{stack.log_tail()}")
            if time.monotonic() > deadline:
                stack.process.kill()
                pytest.fail(f"{url} was not ready in time ({problem}):\n{stack.log_tail()}")
            try:
                response = requests.get(url, timeout=2)
                if response.status_code == 200:
                    break
                problem = f"status {response.status_code}: {response.text[:300]}"
            except requests.RequestException as error:
                problem = str(error)
            time.sleep(0.1)


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def forge_token(secret, subject, issued_at=None, expires_at=None, issuer="todo-chatbot"):
    """An HS256 token as the backend signs it, with any times: the key id is derived from the
    secret as the app derives it (first 9 bytes of HMAC-SHA256(secret, "todo-chatbot kid"))."""
    key = secret.encode()
    kid = b64url(hmac.new(key, b"todo-chatbot kid", hashlib.sha256).digest()[:9])
    now = int(time.time())
    header = {"alg": "HS256", "typ": "JWT", "kid": kid}
    claims = {
        "sub": subject, "iss": issuer, "iat": issued_at if issued_at is not None else now,
        "exp": expires_at if expires_at is not None else now + 3600, "jti": uuid.uuid4().hex,
    }
    signing_input = b64url(json.dumps(header).encode()) + "." + b64url(json.dumps(claims).encode())
    signature = hmac.new(key, signing_input.encode(), hashlib.sha256).digest()
    return signing_input + "." + b64url(signature)


def open_socket(stack, token=None, since=None, headers=None):
    """A `websockets` client connection (answers pings by itself)."""
    return connect(stack.ws_url(token, since), additional_headers=headers, open_timeout=10, max_size=2**20)


def receive(ws, timeout=5):
    return json.loads(ws.recv(timeout=timeout))


def stream_position(cursor, stream):
    """The position of one stream (`u` task updates, `n` notifications) in a cursor."""
    for part in cursor.split(","):
        if part.startswith(stream):
            partition, offset = part[1:].split(":")
            return int(partition), int(offset)
    raise AssertionError(f"no {stream} position in {cursor}")


def receive_ready(ws, timeout=5):
    """Reads up to and including `ready`; returns (messages before it, ready)."""
    before = []
    while True:
        message = receive(ws, timeout)
        if message["type"] == "ready":
            return before, message
        before.append(message)


def assert_nothing_pending(ws):
    """Proves no message is queued ahead: the answer to a ping is the next thing that arrives."""
    ws.send(json.dumps({"type": "ping"}))
    assert receive(ws)["type"] == "pong"


class RawSocket:
    """A WebSocket peer at the TCP level: it completes the handshake and then does only what the
    test says — by default nothing at all, so it never reads and never answers a ping."""

    def __init__(self, stack, token, receive_buffer=4096):
        host, port = stack.websocket_base[len("ws://"):].split(":")
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, receive_buffer)
        self.sock.settimeout(10)
        self.sock.connect((host, int(port)))
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall(
            f"GET /ws?token={token} HTTP/1.1\r\nHost: {host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n".encode())
        head = b""
        while b"\r\n\r\n" not in head:
            chunk = self.sock.recv(1)
            assert chunk, "connection closed during the handshake"
            head += chunk
        assert head.startswith(b"HTTP/1.1 101"), head

    def read_until_closed(self, timeout=20):
        """Reads everything until the server ends the stream; returns the byte count."""
        self.sock.settimeout(timeout)
        total = 0
        while True:
            try:
                chunk = self.sock.recv(65536)
            except ConnectionResetError:
                return total
            if not chunk:
                return total
            total += len(chunk)

    def close(self):
        self.sock.close()


def wait_for(condition, timeout=10, interval=0.05):
    """Polls `condition` until it returns something truthy; returns that, or the last value."""
    deadline = time.monotonic() + timeout
    value = condition()
    while not value and time.monotonic() < deadline:
        time.sleep(interval)
        value = condition()
    return value
