#!/usr/bin/env python3
"""Benchmarks of the WebSocket sync service (BENCHMARKS.md, "WebSocket sync").

  latency  change-to-client latency: N clients over U users; each change is a PATCH through the
           REST API, timed from just before the request is sent to the arrival of the message on
           every connection of that user.
  memory   resident memory per idle connection: RSS of the server process before and after
           opening N idle connections (the handshake done, nothing sent), and the CPU the
           process spends while they sit idle.

Runs `todo-chatbot serve backend websocket` on a temporary data directory with free ports.
Usage: .build/venv/bin/python scripts/bench_websocket.py [latency|memory|all]
       [--binary .build/release/todo-chatbot] [--clients N] [--users U] [--changes K]
"""

import argparse
import asyncio
import json
import os
import resource
import signal
import socket
import statistics
import subprocess
import tempfile
import threading
import time
import uuid
from pathlib import Path

import requests
from websockets.asyncio.client import connect

REPO = Path(__file__).resolve().parents[1]


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Stack:
    def __init__(self, binary, root, max_connections):
        self.backend, self.websocket = free_port(), free_port()
        settings = {
            "ports.backend": self.backend, "ports.websocket": self.websocket,
            "websocket.max_connections": max_connections, "log.level": "warning",
        }
        command = [str(binary), "--profile", "test", f"--data-dir={root}/data", "--host=127.0.0.1"]
        for key, value in settings.items():
            command += ["--set", f"{key}={value}"]
        environment = {k: v for k, v in os.environ.items() if not k.startswith("TODO_") and k != "JWT_SECRET"}
        environment.update({"TODO_CONFIG": f"{root}/config.yaml", "XDG_CONFIG_HOME": f"{root}/xdg", "TMPDIR": root})
        self.process = subprocess.Popen(
            command + ["serve", "backend", "websocket"], env=environment, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if requests.get(f"http://127.0.0.1:{self.websocket}/health/ready", timeout=1).status_code == 200:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.1)
        raise SystemExit("the stack did not become ready")

    def api(self, path):
        return f"http://127.0.0.1:{self.backend}{path}"

    def ws(self, token):
        return f"ws://127.0.0.1:{self.websocket}/ws?token={token}"

    def rss_kib(self):
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
        raise RuntimeError("no VmRSS")

    def cpu_seconds(self):
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def stats(self):
        return requests.get(f"http://127.0.0.1:{self.websocket}/stats", timeout=5).json()

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        return self.process.wait(timeout=60)


def sign_up(stack, session):
    body = {"email": f"bench-{uuid.uuid4().hex[:10]}@example.com", "password": "correct horse battery staple"}
    response = session.post(stack.api("/api/auth/signup"), json=body, timeout=10)
    response.raise_for_status()
    return response.json()["access_token"]


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def raise_file_limit():
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    return hard


async def open_all(urls, batch=200):
    sockets = []
    for start in range(0, len(urls), batch):
        sockets += await asyncio.gather(*[
            connect(url, proxy=None, compression=None, ping_interval=None, open_timeout=60, max_queue=None)
            for url in urls[start:start + batch]])
    for ws in sockets:  # every connection has its `ready` before changes start
        assert json.loads(await ws.recv())["type"] == "ready"
    return sockets


async def latency(stack, clients, users, changes, interval):
    session = requests.Session()
    tokens = [sign_up(stack, session) for _ in range(users)]
    tasks = []
    for token in tokens:
        response = session.post(
            stack.api("/api/tasks"), json={"title": "bench"}, headers={"Authorization": f"Bearer {token}"})
        response.raise_for_status()
        tasks.append(response.json()["id"])
    sockets = await open_all([stack.ws(tokens[index % users]) for index in range(clients)])
    per_user = [sum(1 for index in range(clients) if index % users == user) for user in range(users)]

    sent_at, answered_at, arrivals = {}, {}, []
    expected = sum(per_user[number % users] for number in range(changes))
    done = asyncio.Event()

    async def reader(ws):
        async for raw in ws:
            now = time.perf_counter()
            message = json.loads(raw)
            if message.get("type") == "task.changed" and message["task"]["title"].startswith("bench-"):
                arrivals.append((int(message["task"]["title"][6:]), now))
                if len(arrivals) >= expected:
                    done.set()

    def writer():
        client = requests.Session()
        for number in range(changes):
            user = number % users
            sent_at[number] = time.perf_counter()
            client.patch(
                stack.api(f"/api/tasks/{tasks[user]}"), json={"title": f"bench-{number}"},
                headers={"Authorization": f"Bearer {tokens[user]}"}, timeout=10).raise_for_status()
            answered_at[number] = time.perf_counter()
            time.sleep(interval)

    readers = [asyncio.create_task(reader(ws)) for ws in sockets]
    thread = threading.Thread(target=writer)
    thread.start()
    try:
        await asyncio.wait_for(done.wait(), timeout=changes * interval + 60)
    finally:
        thread.join()
        for task in readers:
            task.cancel()
        await asyncio.gather(*[ws.close() for ws in sockets], return_exceptions=True)

    from_request = [(arrival - sent_at[number]) * 1000 for number, arrival in arrivals]
    from_response = [max(0.0, (arrival - answered_at[number]) * 1000) for number, arrival in arrivals]
    api = [(answered_at[n] - sent_at[n]) * 1000 for n in range(changes)]
    return {
        "clients": clients, "users": users, "changes": changes, "deliveries": len(arrivals),
        "p50_ms": statistics.median(from_request), "p99_ms": percentile(from_request, 0.99),
        "max_ms": max(from_request), "after_response_p50_ms": statistics.median(from_response),
        "after_response_p99_ms": percentile(from_response, 0.99), "api_p50_ms": statistics.median(api),
        "dropped": stack.stats()["messages_dropped"],
    }


async def memory(stack, clients, idle_seconds):
    token = sign_up(stack, requests.Session())
    await asyncio.sleep(1)
    before = stack.rss_kib()
    sockets = await open_all([stack.ws(token)] * clients)
    await asyncio.sleep(2)
    after = stack.rss_kib()
    cpu_before = stack.cpu_seconds()
    await asyncio.sleep(idle_seconds)
    cpu_idle = stack.cpu_seconds() - cpu_before
    stats = stack.stats()
    await asyncio.gather(*[ws.close() for ws in sockets], return_exceptions=True)
    return {
        "clients": clients, "open": stats["connections"], "rss_before_kib": before, "rss_after_kib": after,
        "kib_per_connection": (after - before) / clients, "idle_seconds": idle_seconds,
        "cpu_while_idle_seconds": round(cpu_idle, 3),
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("what", nargs="?", default="all", choices=["latency", "memory", "all"])
    parser.add_argument("--binary", default=str(REPO / ".build/release/todo-chatbot"))
    parser.add_argument("--clients", type=int, default=None)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--changes", type=int, default=300)
    parser.add_argument("--interval", type=float, default=0.02, help="seconds between changes")
    parser.add_argument("--idle-seconds", type=float, default=30)
    arguments = parser.parse_args()
    limit = raise_file_limit()

    for what in (["latency", "memory"] if arguments.what == "all" else [arguments.what]):
        clients = arguments.clients or (1000 if what == "latency" else 10_000)
        if clients + 100 > limit:
            raise SystemExit(f"the open-file limit ({limit}) is too low for {clients} clients")
        with tempfile.TemporaryDirectory() as root:
            stack = Stack(arguments.binary, root, max_connections=clients + 100)
            try:
                if what == "latency":
                    result = asyncio.run(latency(stack, clients, arguments.users, arguments.changes, arguments.interval))
                else:
                    result = asyncio.run(memory(stack, clients, arguments.idle_seconds))
            finally:
                code = stack.stop()
            result["exit_code"] = code
            print(json.dumps({what: result}))


if __name__ == "__main__":
    main()
