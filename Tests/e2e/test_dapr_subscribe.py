"""`events.broker=dapr`, receiving, through the real binary, each service its own process as on
Kubernetes: the stand-in sidecar (dapr_standin.py) reads each service's `/dapr/subscribe` and
pushes events to its routes, which answer SUCCESS, RETRY or DROP from the same consumers as on the
other brokers: the recurring-task service, the WebSocket sync service and the notification
service."""

import datetime
import json
import sqlite3
import subprocess
import uuid

import requests

from conftest import sign_up, start_server, stop_server
from dapr_stack import PUBSUB, dapr_environment, events_of, ready, sidecar  # noqa: F401 (fixture)
from sync_stack import open_socket, receive, receive_ready, start_stack


def test_recurring_task_service_consumes_pushed_completions_once(tmp_path, sidecar):
    backend = start_server(tmp_path, ("backend",), dapr_environment(sidecar.port), log_name="backend.log")
    recurring = start_server(
        tmp_path, ("recurring",), dapr_environment(sidecar.port, TODO_DATABASE_BUSY_TIMEOUT_MS="100"),
        log_name="recurring.log")
    port = recurring.ports["recurring"]
    try:
        assert sidecar.subscribe_app(port) == {(PUBSUB, "task-events"): "/dapr/events/task-events"}
        account = sign_up(backend, "dapr-sub")
        first = account.create_task(title="Water plants", due_at="2030-03-05T09:00:00Z", recurrence="FREQ=DAILY")
        assert account.post(f"/api/tasks/{first['id']}/complete").status_code == 200

        def tasks():
            return account.get("/api/tasks?status=all").json()["tasks"]

        assert sidecar.wait_for(lambda: len(tasks()) == 2), recurring.log_tail()
        nxt = next(t for t in tasks() if not t["completed"])
        assert (nxt["series_id"], nxt["occurrence"]) == (first["series_id"], 2)
        assert sidecar.wait_for(lambda: "SUCCESS" in sidecar.statuses(port, "task-events"))
        assert sidecar.wait_for(lambda: events_of(sidecar, "task-events", f"tasks/{nxt['id']}"))

        # The same completion pushed again: handled before, so SUCCESS and nothing new.
        completion = next(m for m, e in events_of(sidecar, "task-events", f"tasks/{first['id']}")
                          if e["type"] == "com.todochatbot.task.completed")
        assert sidecar.push(port, "task-events", completion.body) == "SUCCESS"
        assert len(tasks()) == 2

        # Not a CloudEvent: dead-lettered through the outbox to task-events.dlq, then DROP.
        garbage = b"this is not an event"
        assert sidecar.push(port, "task-events", garbage) == "DROP"
        letters = sidecar.wait_for(lambda: [m for m in sidecar.messages("task-events.dlq") if m.body == garbage])
        assert letters and letters[0].content_type == "application/octet-stream"

        # A topic this service does not consume: dead-lettered on the broker, then DROP.
        fresh = dict(completion.json(), id=str(uuid.uuid4()))
        assert sidecar.push(port, "mystery", json.dumps(fresh).encode()) == "DROP"
        assert sidecar.wait_for(lambda: sidecar.messages("mystery.dlq"))

        # The handler's transaction fails while another process holds the database: RETRY, and
        # once it is free the same event succeeds.
        database = sqlite3.connect(tmp_path / "data" / "todo.db", timeout=5, isolation_level=None)
        database.execute("BEGIN EXCLUSIVE")
        try:
            assert sidecar.push(port, "task-events", json.dumps(fresh).encode()) == "RETRY"
        finally:
            database.execute("ROLLBACK")
            database.close()
        assert sidecar.push(port, "task-events", json.dumps(fresh).encode()) == "SUCCESS"
        assert len(tasks()) == 2

        consumers = ready(recurring)["checks"]["event_log"]["details"]["consumers"]
        assert consumers[0]["group"] == "recurring" and consumers[0]["duplicates_skipped"] >= 1
        assert consumers[0]["dead_lettered"] >= 1 and consumers[0]["retries"] >= 1

        # Dapr keeps the group's offsets: the lag is not known here, so it is not shown (a 0
        # would look healthy), while the consumer's own counts are.
        metrics = requests.get(recurring.url("/metrics"), timeout=5).text
        assert "todo_consumer_lag_messages{" not in metrics
        assert 'todo_consumer_messages_total{group="recurring",outcome="processed"}' in metrics
    finally:
        stop_server(recurring)
        stop_server(backend)


def test_each_service_lists_the_topics_its_consumers_take(tmp_path, sidecar):
    services = ("backend", "recurring", "notification", "websocket")
    running = start_server(tmp_path, services, dapr_environment(sidecar.port))
    try:
        listed = {}
        for service in services:
            entries = sidecar.subscriptions(running.ports[service])
            assert all(e["pubsubname"] == PUBSUB and e["route"] == f"/dapr/events/{e['topic']}" for e in entries)
            listed[service] = sorted(e["topic"] for e in entries)
        assert listed == {
            "backend": [], "recurring": ["task-events"], "notification": ["reminders"],
            "websocket": ["notifications", "task-updates"],
        }
        # The WebSocket listener takes pushed events like the others.
        websocket = running.ports["websocket"]
        event = {"specversion": "1.0", "id": str(uuid.uuid4()), "source": "/test", "type": "com.todochatbot.x",
                 "time": "2030-01-01T00:00:00Z", "datacontenttype": "application/json", "data": {"user_id": "u"}}
        assert sidecar.push(websocket, "task-updates", json.dumps(event).encode()) == "SUCCESS"
        # As large as an event of a task with a long description can be.
        event = dict(event, id=str(uuid.uuid4()), data={"user_id": "u", "description": "é" * 30_000})
        assert sidecar.push(websocket, "task-updates", json.dumps(event).encode()) == "SUCCESS"

        # Dapr cannot list a broker's topics or groups; the CLI says so and shows the outbox.
        listing = subprocess.run(
            [*running.cli_prefix, "topic", "list"], env=running.environment, capture_output=True, text=True,
            timeout=60)
        assert listing.returncode == 0, listing.stderr
        assert "Dapr has no API to list the broker's topics or consumer groups" in listing.stderr
        assert "task-events" in listing.stdout
    finally:
        stop_server(running)


def test_a_websocket_tab_gets_pushed_changes_and_resumes_from_their_positions(tmp_path, sidecar):
    stack = start_stack(tmp_path, extra_environment=dapr_environment(sidecar.port))
    websocket = stack.ports["websocket"]
    try:
        sidecar.subscribe_app(websocket)
        alice = sign_up(stack, "dapr-ws")
        with open_socket(stack, alice.token) as ws:
            receive_ready(ws)
            task = alice.create_task(title="Pushed by the sidecar")
            live = receive(ws, timeout=15)
            assert (live["type"], live["task_id"]) == ("task.changed", task["id"])
        # The tab may see the change before the stand-in has the app's answer.
        assert sidecar.wait_for(lambda: "SUCCESS" in sidecar.statuses(websocket, "task-updates"))

        # The pushed event carried its outbox position, so catch-up from it replays exactly the rest.
        missed = [alice.create_task(title=f"Missed {n}")["id"] for n in range(2)]
        assert sidecar.wait_for(lambda: len(events_of(sidecar, "task-updates")) >= 3)
        with open_socket(stack, alice.token, since=live["position"]) as ws:
            replayed, ready = receive_ready(ws)
            assert [m["task_id"] for m in replayed] == missed
            assert ready["replayed"] == 2
    finally:
        stop_server(stack)


def test_a_reminder_pushed_to_the_notification_service_fires_and_is_published(tmp_path, sidecar):
    backend = start_server(tmp_path, ("backend",), dapr_environment(sidecar.port), log_name="backend.log")
    notification = start_server(
        tmp_path, ("notification",), dapr_environment(sidecar.port), log_name="notification.log")
    port = notification.ports["notification"]
    try:
        assert sidecar.subscribe_app(port) == {(PUBSUB, "reminders"): "/dapr/events/reminders"}
        account = sign_up(backend, "dapr-remind")
        soon = (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(seconds=2)).isoformat()
        task = account.create_task(title="Stretch", reminders=[{"at": soon}])

        def delivered():
            return account.get("/api/notifications").json()["notifications"]

        notifications = sidecar.wait_for(delivered)
        assert [n["task_id"] for n in notifications] == [task["id"]], notification.log_tail()
        assert sidecar.wait_for(lambda: "SUCCESS" in sidecar.statuses(port, "reminders"))
        published = sidecar.wait_for(lambda: events_of(sidecar, "notifications"))
        assert published[0][1]["data"]["notification"]["id"] == notifications[0]["id"]
    finally:
        stop_server(notification)
        stop_server(backend)
