"""The events the running backend emits: every one valid against its JSON Schema in
docs/schemas/events, read back through `todo-chatbot topic consume` as an operator would; the
topic and group commands; and a change and its events surviving SIGKILL together or not at all."""

import concurrent.futures
import json
import signal
import threading
import time

import requests
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from conftest import REPO_ROOT, PASSWORD, run_cli, start_server, stop_server, sign_up

SCHEMAS = REPO_ROOT / "docs" / "schemas" / "events"
TOPICS = ["task-events", "task-updates", "reminders", "notifications"]


def schema_registry():
    resources = []
    for path in SCHEMAS.glob("*.schema.json"):
        schema = json.loads(path.read_text())
        resources.append((schema["$id"], Resource.from_contents(schema)))
    return Registry().with_resources(resources)


def validator_for(event_type, registry):
    path = SCHEMAS / f"{event_type}.schema.json"
    assert path.is_file(), f"no schema for event type {event_type}"
    schema = json.loads(path.read_text())
    return Draft202012Validator(schema, registry=registry, format_checker=Draft202012Validator.FORMAT_CHECKER)


def consume(server, topic):
    """Every retained message of `topic`, as `topic consume --json` prints them."""
    output = run_cli(server, "topic", "consume", topic, "--json")
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def exercise_every_event_type(account):
    headers = {"X-Correlation-ID": "events-e2e-1"}
    task = account.post("/api/tasks", headers=headers, json={
        "title": "Dentist 🦷", "priority": "high", "tags": ["health"], "due_at": "2030-01-10T10:00:00Z",
        "reminders": [{"minutes_before": 30}, {"at": "2030-01-09T18:00:00Z"}],
    }).json()
    path = f"/api/tasks/{task['id']}"
    assert account.patch(path, headers=headers, json={"description": "Bring the card"}).status_code == 200
    assert account.post(path + "/complete", headers=headers).status_code == 200
    assert account.post(path + "/reopen", headers=headers).status_code == 200
    assert account.patch(path, headers=headers, json={"reminders": []}).status_code == 200
    assert account.delete(path, headers=headers).status_code == 204
    all_day = account.create_task(title="Pay rent", due_date="2030-02-01")
    assert account.patch("/api/me", json={"timezone": "Asia/Tokyo"}).status_code == 200
    return task["id"], all_day["id"]


def test_every_emitted_event_matches_its_schema_and_carries_key_headers_and_correlation(server, new_account):
    account = new_account("events", timezone="Europe/Berlin")
    task_id, _ = exercise_every_event_type(account)
    registry = schema_registry()

    seen_types = set()
    for topic in TOPICS:
        for message in consume(server, topic):
            event = json.loads(message["value"])
            problems = list(validator_for(event["type"], registry).iter_errors(event))
            assert not problems, f"{topic}@{message['offset']} {event['type']}: {problems[0].message}"
            assert message["key"] == event["data"]["user_id"]
            headers = {header["name"]: header["value"] for header in message["headers"]}
            assert headers["content-type"] == "application/cloudevents+json"
            if "correlationid" in event:
                assert headers["correlation-id"] == event["correlationid"]
            seen_types.add(event["type"])

    # The backend alone emits every type but the notification service's (test_notifications.py).
    expected = {path.name.removesuffix(".schema.json") for path in SCHEMAS.glob("com.todochatbot.*.schema.json")}
    expected = {name for name in expected if not name.startswith("com.todochatbot.notification.")}
    assert seen_types == expected

    mine = [json.loads(m["value"]) for m in consume(server, "task-events")]
    mine = [event for event in mine if event["subject"] == f"tasks/{task_id}"]
    assert [event["type"].rsplit(".", 1)[1] for event in mine] == [
        "created", "updated", "completed", "reopened", "updated", "deleted"]
    assert {event["correlationid"] for event in mine} == {"events-e2e-1"}


def test_the_task_schema_of_events_is_the_apis_task_schema(openapi_document):
    api_task = dict(openapi_document["components"]["schemas"]["Task"])
    event_task = json.loads((SCHEMAS / "task.schema.json").read_text())
    for key in ("$schema", "$id", "title", "$defs"):
        event_task.pop(key)
    api_task["properties"] = dict(api_task["properties"])
    api_task["properties"]["reminders"] = dict(api_task["properties"]["reminders"], items={"$ref": "#/$defs/reminder"})
    assert event_task == api_task


def test_topic_and_group_commands_show_offsets_members_and_lag(server, new_account):
    topics = {topic["name"]: topic for topic in json.loads(run_cli(server, "topic", "list", "--json"))}
    assert set(topics) == {name for topic in TOPICS for name in (topic, topic + ".dlq")}

    account = new_account("groups")
    account.create_task(title="Counted")
    described = json.loads(run_cli(server, "topic", "describe", "task-events", "--json"))
    assert sum(p["end_offset"] for p in described["partitions"]) >= 1

    # A group that reads everything, then falls behind by exactly the changes made after.
    run_cli(server, "topic", "consume", "task-events", "--group", "ops-audit", "--json")
    group = json.loads(run_cli(server, "group", "describe", "ops-audit", "--json"))
    assert group["total_lag"] == 0
    account.create_task(title="One more")
    account.create_task(title="And another")
    group = json.loads(run_cli(server, "group", "describe", "ops-audit", "--json"))
    assert group["total_lag"] == 2
    assert "ops-audit" in run_cli(server, "group", "list")

    text = run_cli(server, "group", "describe", "ops-audit")
    assert "LAG" in text and "task-events" in text

    lines = run_cli(server, "topic", "consume", "task-events", "--num", "1", "--json").splitlines()
    assert len(lines) == 1
    run_cli(server, "topic", "describe", "no-such-topic", expect=1)
    run_cli(server, "topic", "consume", "task-events", "--group", "", expect=2)
    run_cli(server, "topic", "consume", "task-events", "--group", "bad group!", expect=2)


def test_readiness_reports_the_event_log(server):
    ready = requests.get(server.url("/api/health/ready"), timeout=5).json()
    details = ready["checks"]["event_log"]["details"]
    assert set(details["topics"]) == set(TOPICS)
    assert details["dead_letter_messages"] == {topic + ".dlq": 0 for topic in TOPICS}


def test_after_sigkill_in_a_burst_every_task_has_exactly_its_events(tmp_path):
    running = start_server(tmp_path)
    account = sign_up(running, "burst")
    acknowledged = set()
    lock = threading.Lock()
    stop = threading.Event()

    def writer(worker):
        session = requests.Session()
        headers = account.headers()
        index = 0
        while not stop.is_set():
            index += 1
            try:
                response = session.post(running.url("/api/tasks"), headers=headers, timeout=5,
                                        json={"title": f"burst {worker}-{index}", "reminders": [],
                                              "tags": ["burst"]})
            except requests.RequestException:
                return
            if response.status_code == 201:
                with lock:
                    acknowledged.add(response.json()["id"])

    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        for worker in range(8):
            pool.submit(writer, worker)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            with lock:
                if len(acknowledged) >= 200:
                    break
            time.sleep(0.01)
        running.process.send_signal(signal.SIGKILL)
        running.process.wait()
        stop.set()
    assert len(acknowledged) >= 200, running.log_tail()

    restarted = start_server(tmp_path)
    try:
        token = requests.post(restarted.url("/api/auth/login"), timeout=10,
                              json={"email": account.email, "password": PASSWORD}).json()["access_token"]
        stored, cursor = set(), None
        while True:
            params = {"limit": 200, **({"cursor": cursor} if cursor else {})}
            page = requests.get(restarted.url("/api/tasks"), params=params, timeout=10,
                                headers={"Authorization": f"Bearer {token}"}).json()
            stored.update(task["id"] for task in page["tasks"])
            cursor = page.get("next_cursor")
            if not cursor:
                break

        created = {}
        for message in consume(restarted, "task-events"):
            event = json.loads(message["value"])
            task_id = event["subject"].removeprefix("tasks/")
            created[task_id] = created.get(task_id, 0) + 1
        synced = [json.loads(m["value"])["subject"].removeprefix("tasks/") for m in consume(restarted, "task-updates")]

        assert acknowledged <= stored, "an acknowledged task was lost"
        assert set(created) == stored, "a task without its event, or an event without its task"
        assert set(created.values()) == {1}, "a task with more than one created event"
        assert sorted(synced) == sorted(stored)
    finally:
        stop_server(restarted)
