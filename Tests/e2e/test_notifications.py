"""The notification service through the real binary: a reminder fires within a second of its
time and shows in the API and on the `notifications` topic; two service processes on one
database deliver each reminder once; a webhook receiver on loopback gets signed POSTs and a
failing one is retried."""

import datetime
import hashlib
import hmac
import http.server
import json
import threading
import time

import requests
from jsonschema import Draft202012Validator

from conftest import run_cli, sign_up, start_server, stop_server
from test_events import schema_registry, validator_for


def instant(seconds_from_now):
    moment = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(seconds=seconds_from_now)
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def parse(text):
    return datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))


def wait_for_notifications(account, count, timeout=20):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = account.get("/api/notifications", params={"limit": 200}).json()["notifications"]
        if len(found) >= count:
            return found
        time.sleep(0.05)
    return account.get("/api/notifications", params={"limit": 200}).json()["notifications"]


def test_a_reminder_fires_within_a_second_and_is_listed_read_and_published(tmp_path):
    stack = start_server(tmp_path, services=("backend", "notification"))
    try:
        account = sign_up(stack, "remind")
        task = account.create_task(title="Stretch 🧘", due_at=instant(3600), reminders=[{"at": instant(2)}])
        notifications = wait_for_notifications(account, 1)

        assert len(notifications) == 1, stack.log_tail()
        notification = notifications[0]
        assert notification["task_id"] == task["id"] and notification["title"] == "Stretch 🧘"
        lateness = (parse(notification["delivered_at"]) - parse(notification["fire_at"])).total_seconds()
        assert 0 <= lateness < 1.0, notification
        assert notification["late"] is False and notification["read"] is False

        read = account.post(f"/api/notifications/{notification['id']}/read")
        assert read.status_code == 200 and read.json()["read"] is True
        assert account.get("/api/notifications", params={"unread": "true"}).json()["notifications"] == []
        other = sign_up(stack, "nosy")
        assert other.post(f"/api/notifications/{notification['id']}/read").status_code == 404

        registry = schema_registry()
        messages = [json.loads(line) for line in run_cli(stack, "topic", "consume", "notifications", "--json").splitlines()]
        assert len(messages) == 1
        event = json.loads(messages[0]["value"])
        assert not list(validator_for(event["type"], registry).iter_errors(event))
        assert event["data"]["notification"]["id"] == notification["id"]

        ready = requests.get(f"http://127.0.0.1:{stack.ports['notification']}/health/ready", timeout=5).json()
        assert ready["status"] == "ready"
        assert ready["checks"]["reminders"]["details"] == {"pending": 0, "late": 0}
        consumers = ready["checks"]["event_log"]["details"]["consumers"]
        assert consumers[0]["group"] == "notification" and consumers[0]["lag"] == 0
    finally:
        stop_server(stack)


def test_two_notification_processes_deliver_each_reminder_once(tmp_path):
    backend = start_server(tmp_path, services=("backend",))
    workers = [start_server(tmp_path, services=("notification",), log_name=f"worker-{n}.log") for n in range(2)]
    try:
        account = sign_up(backend, "pair")
        fire = instant(3)
        for index in range(40):
            account.create_task(title=f"Pair {index}", due_at=instant(3600), reminders=[{"at": fire}])
        notifications = wait_for_notifications(account, 40)
        time.sleep(1.5)  # anything delivered twice would show up by now
        notifications = account.get("/api/notifications", params={"limit": 200}).json()["notifications"]

        assert len(notifications) == 40
        assert len({n["task_id"] for n in notifications}) == 40
        logs = [worker.log_path.read_text() for worker in workers]
        assert sum(log.count('"Reminder delivered"') for log in logs) == 40
    finally:
        for running in [*workers, backend]:
            stop_server(running)


class Receiver(http.server.BaseHTTPRequestHandler):
    """Records every POST; answers 500 to the first `fail_first` of them."""

    calls = []
    fail_first = 1

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        Receiver.calls.append((dict(self.headers), body, time.monotonic()))
        self.send_response(500 if len(Receiver.calls) <= Receiver.fail_first else 204)
        self.end_headers()

    def log_message(self, *arguments):
        pass


def test_a_webhook_receives_a_signed_post_and_a_failure_is_retried(tmp_path):
    receiver = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
    threading.Thread(target=receiver.serve_forever, daemon=True).start()
    stack = start_server(tmp_path, services=("backend", "notification"))
    try:
        account = sign_up(stack, "hook")
        secret = "webhook-secret-0123456789"
        preferences = account.request("PUT", "/api/me/notifications", json={
            "in_app": True,
            "webhook": {"enabled": True, "url": f"http://127.0.0.1:{receiver.server_port}/todo", "secret": secret}})
        assert preferences.status_code == 200, preferences.text
        assert preferences.json()["webhook"] == {
            "enabled": True, "url": f"http://127.0.0.1:{receiver.server_port}/todo", "secret_set": True}

        account.create_task(title="Ping the hook", due_at=instant(3600), reminders=[{"at": instant(1)}])
        deadline = time.monotonic() + 20
        while len(Receiver.calls) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)

        assert len(Receiver.calls) == 2, stack.log_tail()
        for headers, body, _ in Receiver.calls:
            fields = dict(part.split("=", 1) for part in headers["X-Todo-Signature"].split(","))
            expected = hmac.new(secret.encode(), f"{fields['t']}.".encode() + body, hashlib.sha256).hexdigest()
            assert hmac.compare_digest(fields["v1"], expected)
            assert json.loads(body)["title"] == "Ping the hook"
        assert Receiver.calls[0][1] == Receiver.calls[1][1]
        assert Receiver.calls[1][2] - Receiver.calls[0][2] >= 1.5  # backed off before retrying
    finally:
        stop_server(stack)
        receiver.shutdown()
