"""The same binary on PostgreSQL, chosen by a profile alone: migrations both ways, the event-log
commands and `serve` answering the API; then the notification and recurring-task suites run once
more, unchanged, with their servers on Postgres. Needs TODO_TEST_POSTGRES_URL (scripts/test.sh starts a
throwaway server and sets it); each test works in a schema of its own, dropped at the end."""

import json
import os
import shutil
import signal
import subprocess
import uuid
from pathlib import Path

import pytest
import requests

import test_notifications
import test_recurring
from conftest import SCRUBBED_ENVIRONMENT, Server, binary_path, free_port, sign_up, wait_until_ready

POSTGRES_URL = os.environ.get("TODO_TEST_POSTGRES_URL", "")
pytestmark = pytest.mark.skipif(
    not POSTGRES_URL, reason="TODO_TEST_POSTGRES_URL is not set; scripts/test.sh starts a server and sets it")


def psql(*commands):
    """Runs SQL on the test database itself (outside every test schema)."""
    executable = shutil.which("psql") or sorted(Path("/usr/lib/postgresql").glob("*/bin/psql"))[-1]
    arguments = [str(executable), POSTGRES_URL, "-q", "-v", "ON_ERROR_STOP=1"]
    for command in commands:
        arguments += ["-c", command]
    subprocess.run(arguments, check=True, capture_output=True, timeout=30)


@pytest.fixture
def schema_url():
    name = "e2e_" + uuid.uuid4().hex[:12]
    psql(f"CREATE SCHEMA {name}")
    separator = "&" if "?" in POSTGRES_URL else "?"
    yield f"{POSTGRES_URL}{separator}options=-csearch_path%3D{name}"
    psql(f"DROP SCHEMA {name} CASCADE")


@pytest.fixture
def on_postgres(schema_url, monkeypatch):
    """Makes a test module's `start_server` start its servers on the test schema."""

    def point(module):
        original = module.start_server

        def start(root, *arguments, extra_environment=None, **options):
            environment = {**(extra_environment or {}), "DATABASE_URL": schema_url}
            running = original(root, *arguments, extra_environment=environment, **options)
            opened = [line for line in running.log_path.read_text().splitlines() if "Opened the database" in line]
            assert opened and all('"postgres://' in line for line in opened), opened
            return running

        monkeypatch.setattr(module, "start_server", start)
        return module

    return point


@pytest.fixture
def cli(tmp_path, schema_url):
    """Runs the binary with a profile `postgres` that points at the test schema."""
    environment = {key: value for key, value in os.environ.items() if key not in SCRUBBED_ENVIRONMENT}
    environment["TODO_CONFIG"] = str(tmp_path / "config.yaml")
    environment["XDG_CONFIG_HOME"] = str(tmp_path / "xdg")
    environment["TODO_DATA_DIR"] = str(tmp_path / "data")

    def run(*arguments, expect=0):
        result = subprocess.run(
            [str(binary_path()), *arguments], env=environment, capture_output=True, text=True, timeout=60)
        assert result.returncode == expect, f"{arguments} exited {result.returncode}:\n{result.stdout}{result.stderr}"
        return result

    run("profile", "create", "postgres", "--description", "local Postgres",
        "--set", f"database.url={schema_url}", "--set", "database.auto_migrate=false", "--set", "auth.scrypt_log_n=10")
    run.environment = environment
    return run


def test_migrations_move_both_ways_on_postgres(cli):
    assert cli("--profile", "postgres", "migrate", "current").stdout.strip() == "base"
    assert cli("--profile", "postgres", "migrate", "up").stdout.strip() == (
        "Applied 0001_initial, 0002_event_log, 0003_task_series, 0004_notifications, 0005_conversations, "
        "0006_reminder_correlation")

    history = json.loads(cli("--profile", "postgres", "migrate", "history", "--json").stdout)
    assert [entry["id"] for entry in history] == [
        "0001_initial", "0002_event_log", "0003_task_series", "0004_notifications", "0005_conversations",
        "0006_reminder_correlation"]
    assert all(entry["applied_at"] for entry in history)

    assert cli("--profile", "postgres", "migrate", "down", "5").stdout.strip() == (
        "Reverted 0006_reminder_correlation, 0005_conversations, 0004_notifications, 0003_task_series, "
        "0002_event_log")
    assert cli("--profile", "postgres", "migrate", "current").stdout.strip() == "0001_initial"
    assert cli("--profile", "postgres", "migrate", "to", "base").stdout.strip() == "Reverted 0001_initial"
    assert cli("--profile", "postgres", "migrate", "current").stdout.strip() == "base"
    assert cli("--profile", "postgres", "migrate", "to", "0002_event_log").stdout.startswith("Applied")
    assert cli("--profile", "postgres", "migrate", "current").stdout.strip() == "0002_event_log"


def test_the_profile_hides_the_password(cli):
    shown = cli("profile", "show", "postgres").stdout + cli("profile", "show", "postgres", "--json").stdout
    password = requests.utils.urlparse(POSTGRES_URL).password
    assert password and password not in shown
    assert ":****@" in shown


def test_serve_topics_and_groups_on_postgres(cli, tmp_path):
    cli("--profile", "postgres", "migrate", "up")
    topics = json.loads(cli("--profile", "postgres", "topic", "list", "--json").stdout)
    assert "task-events" in {topic["name"] for topic in topics}
    assert json.loads(cli("--profile", "postgres", "group", "list", "--json").stdout) == []

    port = free_port()
    log_path = tmp_path / "server.log"
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            [str(binary_path()), "--profile", "postgres", "--log-level=info", "serve", "backend", f"--port={port}"],
            env=cli.environment, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT)
    server = Server(process, f"http://127.0.0.1:{port}", log_path)
    try:
        wait_until_ready(server)
        account = sign_up(server, "postgres")
        account.create_task(title="Crème brûlée", tags=["Dessert"])
        account.create_task(title="Call the bank")

        found = account.get("/api/tasks", params={"q": "BRULEE"}).json()["tasks"]
        assert [task["title"] for task in found] == ["Crème brûlée"]
        tags = account.get("/api/tags").json()["tags"]
        assert [tag["name"] for tag in tags] == ["Dessert"]
        assert requests.get(server.url("/api/health/ready"), timeout=10).json()["checks"]["database"]["status"] == "up"
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=20)
    assert process.returncode == 0, server.log_tail()
    assert requests.utils.urlparse(POSTGRES_URL).password not in log_path.read_text()


def test_a_reminder_fires_within_a_second_on_postgres(tmp_path, on_postgres):
    on_postgres(test_notifications).test_a_reminder_fires_within_a_second_and_is_listed_read_and_published(tmp_path)


def test_two_notification_processes_on_postgres_deliver_each_reminder_once(tmp_path, on_postgres):
    on_postgres(test_notifications).test_two_notification_processes_deliver_each_reminder_once(tmp_path)


def test_a_webhook_is_signed_and_retried_on_postgres(tmp_path, on_postgres, monkeypatch):
    monkeypatch.setattr(test_notifications.Receiver, "calls", [])
    on_postgres(test_notifications).test_a_webhook_receives_a_signed_post_and_a_failure_is_retried(tmp_path)


def test_a_repeating_task_gets_exactly_one_next_occurrence_on_postgres(tmp_path, on_postgres, schema_check):
    on_postgres(test_recurring).test_completing_a_repeating_task_creates_exactly_one_next_occurrence(
        tmp_path, schema_check)
