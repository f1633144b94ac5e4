"""`events.broker=dapr` through the real binary, each service its own process as on Kubernetes,
all pointed at a stand-in sidecar that follows Dapr's documented HTTP API (dapr_standin.py):
the outbox relay publishes CloudEvents to `/v1.0/publish/<pubsub>/<topic>` with the partition
key, buffers through a sidecar outage, and the stand-in pushes events to each service's
programmatic subscriptions, which answer SUCCESS, RETRY or DROP."""

import datetime
import json
import sqlite3
import subprocess
import uuid

import pytest
import requests

from conftest import free_port, sign_up, start_server, stop_server
from dapr_standin import DaprStandIn
from sync_stack import open_socket, receive, receive_ready, start_stack

PUBSUB = "todo-pubsub"


def dapr_environment(sidecar_port, **extra):
    return {"TODO_BROKER": "dapr", "DAPR_HTTP_PORT": str(sidecar_port), "TODO_DAPR_PUBSUB": PUBSUB, **extra}


@pytest.fixture
def sidecar():
    stand_in = DaprStandIn(free_port()).start()
    try:
        yield stand_in
    finally:
        stand_in.close()


def events_of(stand_in, topic, subject=None):
    found = [(m, m.json()) for m in stand_in.messages(topic) if m.content_type == "application/cloudevents+json"]
    return [(m, e) for m, e in found if subject is None or e.get("subject") == subject]


def ready(server):
    return requests.get(server.url("/health/ready"), timeout=10).json()


def test_task_events_reach_the_sidecar_once_in_order_across_an_outage(tmp_path, sidecar):
    backend = start_server(tmp_path, ("backend",), dapr_environment(sidecar.port), log_name="backend.log")
    try:
        account = sign_up(backend, "dapr-pub")
        response = account.post("/api/tasks", json={"title": "Through Dapr"}, headers={"X-Correlation-ID": "dapr-1"})
        assert response.status_code == 201
        task = response.json()

        created = sidecar.wait_for(lambda: events_of(sidecar, "task-events", f"tasks/{task['id']}"))
        assert created, backend.log_tail()
        message, event = created[0]
        assert (message.pubsub, event["type"], event["correlationid"]) == (
            PUBSUB, "com.todochatbot.task.created", "dapr-1")
        assert message.metadata == {"partitionKey": event["data"]["user_id"]}
        assert {"outboxpartition", "outboxoffset"} <= event.keys()
        status = ready(backend)["checks"]["event_log"]
        assert (status["status"], status["details"]["broker"], status["details"]["sidecar"]) == ("up", "dapr", "up")

        # The sidecar goes away: the API still answers, the outbox holds the events.
        sidecar.stop()
        titles = [f"During the outage {n}" for n in range(3)]
        ids = [account.create_task(title=title)["id"] for title in titles]
        body = ready(backend)
        assert (body["status"], body["degraded"]) == ("degraded", ["event_log"])
        details = body["checks"]["event_log"]["details"]
        assert details["sidecar"] == "down" and details["outbox"]["backlog"] >= 3, details
        assert not [m for m in sidecar.messages("task-events") if m.json().get("subject") in
                    {f"tasks/{i}" for i in ids}]

        sidecar.start()
        subjects = [f"tasks/{i}" for i in ids]

        def arrived():
            seen = [e["subject"] for _, e in events_of(sidecar, "task-events") if e["subject"] in subjects]
            return seen if len(seen) >= 3 else None

        assert sidecar.wait_for(arrived) == subjects, backend.log_tail()
        event_ids = [e["id"] for _, e in events_of(sidecar, "task-events")]
        assert len(event_ids) == len(set(event_ids))
        assert sidecar.wait_for(lambda: ready(backend)["status"] == "ready")
    finally:
        stop_server(backend)


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


def test_sidecar_calls_need_the_app_token_and_the_app_sends_the_dapr_token(tmp_path):
    app_token, api_token = "app-" + uuid.uuid4().hex, "api-" + uuid.uuid4().hex
    stand_in = DaprStandIn(free_port(), api_token=api_token, app_token=app_token).start()
    environment = dapr_environment(stand_in.port, APP_API_TOKEN=app_token, DAPR_API_TOKEN=api_token)
    running = start_server(tmp_path, ("backend", "recurring"), environment)
    try:
        port = running.ports["recurring"]
        url = f"http://127.0.0.1:{port}/dapr/subscribe"
        for headers in ({}, {"dapr-api-token": "wrong"}):
            response = requests.get(url, headers=headers, timeout=5)
            assert (response.status_code, response.json()["error"]["code"]) == (401, "invalid_dapr_token")
        response = requests.post(
            f"http://127.0.0.1:{port}/dapr/events/task-events", data=b"{}",
            headers={"Content-Type": "application/cloudevents+json", "dapr-api-token": "wrong"}, timeout=5)
        assert response.status_code == 401
        assert stand_in.subscriptions(port) == [
            {"pubsubname": PUBSUB, "topic": "task-events", "route": "/dapr/events/task-events"}]

        account = sign_up(running, "dapr-token")
        task = account.create_task(title="Signed")
        assert stand_in.wait_for(lambda: events_of(stand_in, "task-events", f"tasks/{task['id']}"))
        assert {m.token for m in stand_in.published} == {api_token} and stand_in.refused == 0
        assert requests.get(running.url("/health/ready"), timeout=5).json()["status"] == "ready"
    finally:
        stop_server(running)
        stand_in.close()
    log = running.log_path.read_text(errors="replace")
    assert app_token not in log and api_token not in log
    shown = subprocess.run(
        [*running.cli_prefix, "profile", "show"], env=running.environment, capture_output=True, text=True, timeout=60)
    assert shown.returncode == 0 and "dapr.app_api_token" in shown.stdout, shown.stderr
    assert app_token not in shown.stdout and api_token not in shown.stdout


def test_a_sidecar_that_refuses_the_events_keeps_them_in_the_outbox(tmp_path, sidecar):
    """A pub/sub name the sidecar does not know: Dapr answers 404 ERR_PUBSUB_NOT_FOUND."""
    sidecar.known_pubsubs = {"another-pubsub"}
    backend = start_server(tmp_path, ("backend",), dapr_environment(sidecar.port), log_name="backend.log")
    try:
        account = sign_up(backend, "dapr-refused")
        task = account.create_task(title="Refused")

        def refused():
            check = ready(backend)["checks"]["event_log"]
            return check if check["status"] == "degraded" else None

        check = sidecar.wait_for(refused)
        assert check and check["details"]["sidecar"] == "up", backend.log_tail()
        assert "ERR_PUBSUB_NOT_FOUND" in check["details"]["outbox"]["last_error"]
        assert check["details"]["outbox"]["backlog"] >= 1
        assert not events_of(sidecar, "task-events", f"tasks/{task['id']}")
    finally:
        stop_server(backend)


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


def test_a_frontend_process_without_a_sidecar_holds_back_no_events(tmp_path, sidecar):
    """On Kubernetes the web UI has no sidecar: were it a relay member, the outbox partitions it
    owned would never reach the broker. Its sidecar port here is one nothing listens on."""
    frontend = start_server(
        tmp_path, ("frontend",), dapr_environment(free_port()), log_name="frontend.log")
    backend = start_server(tmp_path, ("backend",), dapr_environment(sidecar.port), log_name="backend.log")
    try:
        # Users' keys spread over every partition of the outbox.
        tasks = [sign_up(backend, f"dapr-ui-{n}").create_task(title=f"Task {n}") for n in range(8)]
        subjects = {f"tasks/{task['id']}" for task in tasks}

        def all_arrived():
            return subjects <= {e["subject"] for _, e in events_of(sidecar, "task-events")}

        assert sidecar.wait_for(all_arrived), backend.log_tail()
    finally:
        stop_server(backend)
        stop_server(frontend)
