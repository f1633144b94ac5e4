"""The command line as an operator uses it: profiles, migrations, health and version, run as
separate processes of the real binary with their own config file and data directory."""

import json
import os
import subprocess

import pytest

import requests

from conftest import SCRUBBED_ENVIRONMENT, binary_path, free_port, run_cli, start_server, stop_server


@pytest.fixture
def cli(tmp_path):
    environment = {key: value for key, value in os.environ.items() if key not in SCRUBBED_ENVIRONMENT}
    environment["TODO_CONFIG"] = str(tmp_path / "config.yaml")
    environment["XDG_CONFIG_HOME"] = str(tmp_path / "xdg")
    environment["XDG_DATA_HOME"] = str(tmp_path / "data-home")

    def run(*arguments, expect=0, extra_environment=None):
        result = subprocess.run(
            [str(binary_path()), *arguments], env=dict(environment, **(extra_environment or {})),
            capture_output=True, text=True, timeout=60)
        assert result.returncode == expect, f"{arguments} exited {result.returncode}:\n{result.stdout}{result.stderr}"
        return result

    run.config = tmp_path / "config.yaml"
    run.data = tmp_path / "data"
    return run


def test_every_command_has_help(cli):
    for command in ["serve", "demo", "profile", "migrate", "health", "kafka", "bench", "chat", "mcp", "version"]:
        assert "Usage: todo-chatbot " + command in cli(command, "--help").stdout
    assert cli("no-such-command", expect=2).stderr.startswith("todo-chatbot: Unknown command")


def test_profiles_are_created_used_shown_masked_and_deleted(cli):
    cli("profile", "create", "staging", "--description", "Neon and Redpanda",
        "--set", "database.url=postgres://app:s3cret-pw@db.example.com/todo", "--set", "log.level=debug")
    cli("profile", "use", "staging")

    listed = json.loads(cli("profile", "list", "--json").stdout)
    names = {entry["name"]: entry for entry in (listed["profiles"] if isinstance(listed, dict) else listed)}
    assert {"local", "test", "staging"} <= set(names)

    shown = cli("profile", "show").stdout
    assert "staging" in shown
    assert "s3cret-pw" not in shown
    assert "postgres://app:****@db.example.com/todo" in shown
    shown_json = cli("profile", "show", "--json").stdout
    assert "s3cret-pw" not in shown_json

    overridden = cli("profile", "show", extra_environment={"LOG_LEVEL": "warning"}).stdout
    assert any("log.level" in line and "warning" in line and "LOG_LEVEL" in line for line in overridden.splitlines())

    cli("profile", "use", "local")
    cli("profile", "delete", "staging")
    assert "staging" not in cli("profile", "list").stdout


def test_a_trusted_proxy_that_is_not_an_address_stops_serve_with_the_setting_named(cli):
    result = cli(f"--data-dir={cli.data}", "serve", "backend", expect=1,
                 extra_environment={"TODO_TRUSTED_PROXIES": "10.0.0.0/8,ingress-nginx"})
    assert "http.trusted_proxies" in result.stderr and "'ingress-nginx'" in result.stderr
    assert not cli.data.exists(), "nothing is created before the settings are known to be good"


def test_a_broken_config_file_names_file_line_and_key(cli):
    cli.config.write_text(
        "current_profile: dev\nprofiles:\n- name: dev\n  settings:\n    log.levle: debug\n")
    result = cli("profile", "show", expect=1)
    assert str(cli.config) in result.stderr
    assert "log.levle" in result.stderr
    assert f"{cli.config}:5" in result.stderr

    cli.config.write_text("profiles: [unclosed\n")
    result = cli("profile", "list", expect=1)
    assert str(cli.config) in result.stderr


def test_migrations_go_down_and_up_again(cli):
    data = f"--data-dir={cli.data}"
    assert "0001_initial, 0002_event_log" in cli(data, "migrate", "up").stdout
    revisions = [entry["id"] for entry in json.loads(cli(data, "migrate", "history", "--json").stdout)]
    assert revisions[:2] == ["0001_initial", "0002_event_log"]
    assert json.loads(cli(data, "migrate", "current", "--json").stdout)["revision"] == revisions[-1]
    assert (cli.data / "todo.db").stat().st_mode & 0o077 == 0

    cli(data, "migrate", "down")
    assert cli(data, "migrate", "current").stdout.strip() == revisions[-2]
    # More steps than are applied is refused, and changes nothing.
    refused = cli(data, "migrate", "down", str(len(revisions)), expect=1)
    assert f"{len(revisions) - 1} are applied" in refused.stderr
    assert cli(data, "migrate", "current").stdout.strip() == revisions[-2]
    cli(data, "migrate", "down", str(len(revisions) - 1))
    assert cli(data, "migrate", "current").stdout.strip() == "base"
    assert cli(data, "migrate", "to", "0002_event_log").stdout.strip() == "Applied 0001_initial, 0002_event_log"
    assert json.loads(cli(data, "migrate", "to", "0001_initial", "--json").stdout) == {
        "action": "reverted", "revisions": ["0002_event_log"]}
    lines = cli(data, "migrate", "history").stdout.splitlines()
    assert lines[0].split() == ["REVISION", "STATUS", "APPLIED", "AT", "SUMMARY"]
    assert lines[1].split()[:2] == ["0001_initial", "applied"] and lines[2].split()[:3] == [revisions[1], "pending", "-"]
    # The columns line up: every row's status starts where the header's does.
    starts = {line.index(" applied ") if " applied " in line else line.index(" pending ") for line in lines[1:]}
    assert starts == {lines[0].index(" STATUS")}
    assert cli(data, "migrate", "to", "nope", expect=1).stderr.count("nope") >= 1


def test_commands_that_only_look_refuse_a_database_that_is_not_there(cli, tmp_path):
    typo = tmp_path / "dtaa"
    for command in [("migrate", "current"), ("migrate", "history"), ("migrate", "down"), ("topic", "list"),
                    ("group", "list")]:
        result = cli(f"--data-dir={typo}", *command, expect=1)
        assert "database_not_found" in result.stderr and str(typo / "todo.db") in result.stderr, command
    assert not typo.exists()


def test_health_reports_the_running_backend(cli, server):
    port = server.base_url.rsplit(":", 1)[1]
    report = json.loads(cli("--set", f"ports.backend={port}", "health", "--service", "backend", "--json").stdout)
    text = json.dumps(report)
    assert "backend" in text and "ready" in text

    cli("--set", "ports.backend=1", "health", "--service", "backend", expect=1)


def test_version_lists_the_c_libraries(cli):
    version = json.loads(cli("version", "--json").stdout)
    assert set(version["libraries"]) == {
        "sqlite", "libpq", "librdkafka", "libmicrohttpd", "wslay", "openssl", "libyaml", "libical"}
    assert all(value and value[0].isdigit() for value in version["libraries"].values()), version


def test_bench_takes_its_options_before_or_without_a_mode(cli):
    result = json.loads(cli("bench", "--duration", "1", "--scenario", "bare", "--json").stdout)
    assert [scenario["name"] for scenario in result["scenarios"]] == ["bare"]
    assert result["scenarios"][0]["requests"] > 0
    assert "Unknown bench" in cli("bench", "nonsense", expect=2).stderr


def test_the_web_ui_alone_needs_no_database_or_broker(tmp_path):
    """`serve frontend` opens neither: pointed at a database and a broker that are not there, it
    still serves the page, health and metrics, and creates nothing in its data directory."""
    environment = {"DATABASE_URL": "postgres://todo@127.0.0.1:1/nowhere", "TODO_BROKER": "kafka",
                   "KAFKA_BOOTSTRAP_SERVERS": "127.0.0.1:1"}
    frontend = start_server(tmp_path, ("frontend",), environment, log_name="frontend.log")
    try:
        assert requests.get(frontend.url("/health/ready"), timeout=5).json()["status"] == "ready"
        page = requests.get(frontend.url("/"), timeout=5)
        assert page.status_code == 200 and "text/html" in page.headers["Content-Type"]
        metrics = requests.get(frontend.url("/metrics"), timeout=5).text
        assert 'http_requests_total{service="frontend",method="GET",route="/health/ready",status="200"}' in metrics
        assert list(frontend.data_dir.iterdir()) == []
    finally:
        stop_server(frontend)


def test_the_demo_finds_its_fixtures_from_any_directory_when_found_on_the_path(tmp_path):
    """Run by name from the PATH, in a directory of its own: the fixtures come from beside the
    binary's checkout, not from the working directory."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "todo-chatbot").symlink_to(binary_path().resolve())
    environment = {key: value for key, value in os.environ.items() if key not in SCRUBBED_ENVIRONMENT}
    environment.update(PATH=f"{bin_dir}:{environment.get('PATH', '')}", TODO_CONFIG=str(tmp_path / "config.yaml"))
    environment.pop("TODO_FIXTURES_DIR", None)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()

    result = subprocess.run(["todo-chatbot", f"--data-dir={tmp_path / 'data'}", "demo"], cwd=elsewhere,
                            env=environment, capture_output=True, text=True, timeout=60)

    assert result.returncode == 0, result.stderr
    assert "Created the demo account" in result.stdout


def test_with_dapr_group_describe_says_where_the_groups_are(cli):
    data = f"--data-dir={cli.data}"
    cli(data, "migrate", "up")
    dapr = {"TODO_BROKER": "dapr", "DAPR_HTTP_PORT": "1"}

    result = cli(data, "group", "describe", "recurring", expect=1, extra_environment=dapr)

    assert "Dapr has no API to list" in result.stderr
    assert "keeps the services' consumer groups" in result.stderr


def test_health_running_checks_whichever_services_listen(tmp_path):
    """The container image's check: it does not know which service its command started."""
    running = start_server(tmp_path, ("websocket",))
    others = [f"--set=ports.{name}={free_port()}" for name in ("backend", "frontend", "recurring", "notification")]
    try:
        report = json.loads(run_cli(running, *others, "health", "--running", "--json"))
        by_service = {row["service"]: row for row in report}
        assert by_service["websocket"]["ready"] is True
        assert {row["detail"] for name, row in by_service.items() if name != "websocket"} == {"not running"}
    finally:
        stop_server(running)

    run_cli(running, *others, "health", "--running", expect=1)
