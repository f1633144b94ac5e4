"""`events.broker=dapr`, publishing, through the real binary, each service its own process as on
Kubernetes, pointed at a stand-in sidecar that follows Dapr's documented HTTP API
(dapr_standin.py): the outbox relay posts CloudEvents to `/v1.0/publish/<pubsub>/<topic>` with the
partition key, keeps them through an outage or a refusal, sends the API token, and the sidecar's
calls into the app need the app token."""

import subprocess
import uuid

import requests

from conftest import free_port, sign_up, start_server, stop_server
from dapr_stack import PUBSUB, dapr_environment, events_of, ready, sidecar  # noqa: F401 (fixture)
from dapr_standin import DaprStandIn


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
