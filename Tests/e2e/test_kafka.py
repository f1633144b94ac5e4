"""The Kafka path with no broker installed: `todo-chatbot kafka mock` runs librdkafka's mock
cluster, the backend and the notification service run on it (events relayed from the outbox),
and the topic and group commands read the broker through the same code as the embedded log."""

import json
import signal
import subprocess
import time

import pytest

from conftest import binary_path, run_cli, sign_up, start_server, stop_server
from test_events import TOPICS, schema_registry, validator_for


@pytest.fixture(scope="module")
def mock_cluster(tmp_path_factory):
    """`todo-chatbot kafka mock`, and the bootstrap address it prints."""
    root = tmp_path_factory.mktemp("kafka-mock")
    process = subprocess.Popen(
        [str(binary_path()), "--log-level=warning", "kafka", "mock"], cwd=root, stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    line = process.stdout.readline()
    assert line.startswith("bootstrap: "), line
    try:
        yield line.split()[1]
    finally:
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=20) == 0


@pytest.fixture(scope="module")
def kafka_server(tmp_path_factory, mock_cluster):
    running = start_server(
        tmp_path_factory.mktemp("kafka-e2e"), services=("backend", "notification"),
        extra_environment={"TODO_BROKER": "kafka", "KAFKA_BOOTSTRAP_SERVERS": mock_cluster})
    try:
        yield running
    finally:
        stop_server(running)


def eventually(check, timeout=30):
    deadline = time.monotonic() + timeout
    while True:
        result = check()
        if result or time.monotonic() > deadline:
            return result
        time.sleep(0.2)


def test_events_reach_kafka_with_their_headers_and_match_their_schemas(kafka_server):
    account = sign_up(kafka_server, "kafka")
    account.post("/api/tasks", headers={"X-Correlation-ID": "kafka-e2e-1"},
                 json={"title": "Relayed", "due_at": "2030-01-10T10:00:00Z", "reminders": [{"minutes_before": 5}]})

    def relayed():
        messages = json.loads("[" + ",".join(run_cli(kafka_server, "topic", "consume", "task-events", "--json")
                                             .splitlines()) + "]")
        return [m for m in messages if json.loads(m["value"])["correlationid"] == "kafka-e2e-1"]

    messages = eventually(relayed)
    assert len(messages) == 1
    message = messages[0]
    event = json.loads(message["value"])
    validator_for(event["type"], schema_registry()).validate(event)
    headers = {header["name"]: header["value"] for header in message["headers"]}
    assert headers == {"content-type": "application/cloudevents+json", "correlation-id": "kafka-e2e-1"}
    assert message["key"] == account.user["id"]

    ready = eventually(lambda: kafka_server_ready(kafka_server))
    details = ready["checks"]["event_log"]["details"]
    assert details["broker"] == "kafka" and details["outbox"]["backlog"] == 0


def kafka_server_ready(server):
    import requests
    body = requests.get(server.url("/api/health/ready"), timeout=5).json()
    return body if body["status"] == "ready" else None


def test_topic_and_group_commands_read_the_broker(kafka_server):
    topics = {topic["name"]: topic for topic in json.loads(run_cli(kafka_server, "topic", "list", "--json"))}
    assert set(topics) == {name for topic in TOPICS for name in (topic, topic + ".dlq")}
    assert all(len(topic["partitions"]) == 3 for topic in topics.values())

    account = sign_up(kafka_server, "kafka-groups")
    account.create_task(title="Counted")
    run_cli(kafka_server, "topic", "consume", "task-events", "--group", "ops-audit", "--json")
    group = json.loads(run_cli(kafka_server, "group", "describe", "ops-audit", "--json"))
    assert group["total_lag"] == 0 and group["members"] == []

    account.create_task(title="One more")
    account.create_task(title="And another")
    lag = eventually(lambda: json.loads(run_cli(kafka_server, "group", "describe", "ops-audit", "--json"))
                     ["total_lag"] == 2)
    assert lag
    # The mock brokers cannot list groups: another process lists the product's groups, not ops-audit.
    assert "notification" in run_cli(kafka_server, "group", "list")
    text = run_cli(kafka_server, "group", "describe", "notification")
    assert "LAG" in text and "reminders" in text

    lines = run_cli(kafka_server, "topic", "consume", "task-events", "--num", "1", "--json").splitlines()
    assert len(lines) == 1
    run_cli(kafka_server, "topic", "describe", "no-such-topic", expect=1)
