"""The same binary on PostgreSQL, chosen by a profile alone: migrations both ways, the event-log
commands, `serve` answering the API, and two notification processes sharing the reminders. Needs TODO_TEST_POSTGRES_URL (scripts/test.sh starts a
throwaway server and sets it); each test works in a schema of its own, dropped at the end."""

import json
import os
import shutil
import signal
import subprocess
import time
import uuid
from pathlib import Path

import pytest
import requests

from conftest import (
    SCRUBBED_ENVIRONMENT, Server, binary_path, free_port, sign_up, start_server, stop_server, wait_until_ready)
from test_notifications import instant, wait_for_notifications

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
        "Applied 0001_initial, 0002_event_log, 0003_task_series, 0004_notifications")

    history = json.loads(cli("--profile", "postgres", "migrate", "history", "--json").stdout)
    assert [entry["id"] for entry in history] == ["0001_initial", "0002_event_log", "0003_task_series", "0004_notifications"]
    assert all(entry["applied_at"] for entry in history)

    assert cli("--profile", "postgres", "migrate", "down", "3").stdout.strip() == (
        "Reverted 0004_notifications, 0003_task_series, 0002_event_log")
    assert cli("--profile", "postgres", "migrate", "current").stdout.strip() == "0001_initial"
    assert cli("--profile", "postgres", "migrate", "to", "base").stdout.strip() == "Moved through 0001_initial"
    assert cli("--profile", "postgres", "migrate", "current").stdout.strip() == "base"
    assert cli("--profile", "postgres", "migrate", "to", "0002_event_log").stdout.startswith("Moved through")
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


def test_two_notification_processes_on_postgres_deliver_each_reminder_once(tmp_path, schema_url):
    database = {"DATABASE_URL": schema_url}
    backend = start_server(tmp_path, services=("backend",), extra_environment=database)
    workers = [
        start_server(tmp_path, services=("notification",), extra_environment=database, log_name=f"worker-{n}.log")
        for n in range(2)]
    try:
        account = sign_up(backend, "pair")
        fire = instant(3)
        for index in range(40):
            account.create_task(title=f"Pair {index}", due_at=instant(3600), reminders=[{"at": fire}])
        wait_for_notifications(account, 40)
        time.sleep(1.5)  # anything delivered twice would show up by now
        notifications = account.get("/api/notifications", params={"limit": 200}).json()["notifications"]

        assert len(notifications) == 40
        assert len({n["task_id"] for n in notifications}) == 40
        logs = [worker.log_path.read_text() for worker in workers]
        assert sum(log.count('"Reminder delivered"') for log in logs) == 40
    finally:
        for running in [*workers, backend]:
            stop_server(running)
