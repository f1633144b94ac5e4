"""End-to-end fixtures: one real `todo-chatbot serve backend` process for the whole session.

The binary comes from TODO_BIN (default `.build/debug/todo-chatbot` under the repository root).
It runs with the built-in `test` profile (cheap password hashing), on a free loopback port, with
its data directory, config file and XDG config home inside a temporary directory, so no user
configuration or data is read or touched.
"""

import os
import signal
import socket
import subprocess
import time
import uuid
from pathlib import Path

import pytest
import requests
from jsonschema import Draft202012Validator

REPO_ROOT = Path(__file__).resolve().parents[2]
STARTUP_TIMEOUT_SECONDS = 60
SHUTDOWN_TIMEOUT_SECONDS = 20
PASSWORD = "correct horse battery staple"

# Settings a developer's shell may carry that would change what the server does.
SCRUBBED_ENVIRONMENT = [
    "TODO_PROFILE", "TODO_DATA_DIR", "DATABASE_URL", "JWT_SECRET", "JWT_PREVIOUS_SECRETS", "TODO_HOST",
    "TODO_BACKEND_PORT", "TODO_RECURRING_PORT", "TODO_HTTP_MAX_BODY_BYTES", "TODO_LOGIN_MAX_FAILURES",
    "TODO_LOGIN_WINDOW_SECONDS", "TODO_SIGNUP_MAX_PER_ADDRESS", "TODO_SIGNUP_WINDOW_SECONDS", "TODO_TRUSTED_PROXIES",
    "TODO_TRUSTED_PROXY_HOPS",
    "TODO_CORS_ORIGINS", "LOG_LEVEL", "TODO_TOKEN_TTL_SECONDS", "TODO_DATABASE_AUTO_MIGRATE",
    "TODO_FRONTEND_PORT", "TODO_FRONTEND_API_URL", "TODO_FRONTEND_WEBSOCKET_URL", "TODO_WEBSOCKET_PORT",
    "TODO_CHAT_ENGINE", "TODO_LLM_BASE_URL", "TODO_LLM_MODEL", "LLM_API_KEY", "OPENAI_API_KEY",
    "TODO_MCP_TOKEN", "TODO_MCP_SESSION_LIFETIME_SECONDS",
]


def free_port():
    """A port that was free a moment ago on 127.0.0.1."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def binary_path():
    configured = os.environ.get("TODO_BIN", ".build/debug/todo-chatbot")
    path = Path(configured)
    return path if path.is_absolute() else REPO_ROOT / path


class Server:
    """The running backend: its base URL, its process and its log file."""

    def __init__(self, process, base_url, log_path):
        self.process = process
        self.base_url = base_url
        self.log_path = log_path

    def url(self, path):
        return self.base_url + path

    def log_tail(self, lines=60):
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError as error:
            return f"(no log: {error})"


def wait_until_ready(server):
    deadline = time.monotonic() + STARTUP_TIMEOUT_SECONDS
    last_problem = "no answer yet"
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            pytest.fail(
                f"todo-chatbot exited with {server.process.returncode} while starting:\n{server.log_tail()}")
        try:
            response = requests.get(server.url("/health/ready"), timeout=2)
            if response.status_code == 200:
                return
            last_problem = f"status {response.status_code}: {response.text[:200]}"
        except requests.RequestException as error:
            last_problem = str(error)
        time.sleep(0.1)
    server.process.kill()
    pytest.fail(f"todo-chatbot was not ready within {STARTUP_TIMEOUT_SECONDS}s ({last_problem}):\n{server.log_tail()}")


def start_server(root, services=("backend",), extra_environment=None, log_name="server.log", ports=None):
    """Starts `todo-chatbot serve SERVICES` with its own data directory and config under `root`
    (each service on a free port, or the one `ports` names, in `running.ports`) and waits until
    the first is ready. The caller stops it (see `stop_server`)."""
    binary = binary_path()
    if not binary.is_file():
        pytest.fail(f"todo-chatbot binary not found at {binary}; build it or set TODO_BIN")

    data_dir = root / "data"
    data_dir.mkdir(exist_ok=True)
    environment = {key: value for key, value in os.environ.items() if key not in SCRUBBED_ENVIRONMENT}
    environment["TODO_CONFIG"] = str(root / "config.yaml")
    environment["XDG_CONFIG_HOME"] = str(root / "xdg-config")
    environment["TMPDIR"] = str(root)
    environment.update(extra_environment or {})
    ports = {service: (ports or {}).get(service) or free_port() for service in services}
    for service, service_port in ports.items():
        environment[f"TODO_{service.upper()}_PORT"] = str(service_port)

    port = ports[services[0]]
    global_options = ["--profile", "test", f"--data-dir={data_dir}", "--host=127.0.0.1"]
    command = [str(binary), *global_options, "--log-level=info", "serve", *services]
    log_path = root / log_name
    with open(log_path, "ab") as log:
        process = subprocess.Popen(
            command, cwd=root, env=environment, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT)
    running = Server(process, f"http://127.0.0.1:{port}", log_path)
    running.data_dir = data_dir
    running.cli_prefix = [str(binary), *global_options]
    running.environment = environment
    running.ports = ports
    wait_until_ready(running)
    return running


def stop_server(running):
    """SIGTERM, then asserts a clean exit with status 0."""
    process = running.process
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=SHUTDOWN_TIMEOUT_SECONDS)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
            pytest.fail(f"todo-chatbot did not stop within {SHUTDOWN_TIMEOUT_SECONDS}s of SIGTERM")
    assert process.returncode == 0, f"todo-chatbot exited with {process.returncode}:\n{running.log_tail()}"


def run_cli(running, *arguments, expect=0):
    """Runs a `todo-chatbot` command against the data directory of `running`; returns stdout."""
    result = subprocess.run(
        [*running.cli_prefix, *arguments], env=running.environment, capture_output=True, text=True, timeout=60)
    assert result.returncode == expect, f"{arguments}: exit {result.returncode}\n{result.stdout}\n{result.stderr}"
    return result.stdout


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    """Starts the real binary, waits for readiness, and at the end stops it with SIGTERM,
    asserting that it exits cleanly with status 0."""
    running = start_server(tmp_path_factory.mktemp("todo-e2e"))
    try:
        yield running
    finally:
        stop_server(running)


class Account:
    """A signed-up user and helpers that send its bearer token."""

    def __init__(self, server, email, session):
        self.server = server
        self.email = email
        self.session = session
        self.token = session["access_token"]
        self.user = session["user"]

    def headers(self, extra=None):
        headers = {"Authorization": f"Bearer {self.token}"}
        headers.update(extra or {})
        return headers

    def request(self, method, path, **kwargs):
        kwargs["headers"] = self.headers(kwargs.get("headers"))
        kwargs.setdefault("timeout", 10)
        return requests.request(method, self.server.url(path), **kwargs)

    def get(self, path, **kwargs):
        return self.request("GET", path, **kwargs)

    def post(self, path, **kwargs):
        return self.request("POST", path, **kwargs)

    def patch(self, path, **kwargs):
        return self.request("PATCH", path, **kwargs)

    def delete(self, path, **kwargs):
        return self.request("DELETE", path, **kwargs)

    def create_task(self, **fields):
        response = self.post("/api/tasks", json=fields)
        assert response.status_code == 201, response.text
        return response.json()


def unique_email(prefix="user"):
    return f"{prefix}-{uuid.uuid4().hex[:12]}@example.com"


def sign_up(server, prefix="user", **extra):
    email = unique_email(prefix)
    body = {"email": email, "password": PASSWORD, **extra}
    response = requests.post(server.url("/api/auth/signup"), json=body, timeout=10)
    assert response.status_code == 201, response.text
    return Account(server, email, response.json())


@pytest.fixture
def new_account(server):
    """A factory of fresh accounts."""
    return lambda prefix="user", **extra: sign_up(server, prefix, **extra)


@pytest.fixture(scope="session")
def openapi_document(server):
    response = requests.get(server.url("/api/openapi.json"), timeout=10)
    assert response.status_code == 200, response.text
    return response.json()


@pytest.fixture(scope="session")
def schema_check(openapi_document):
    """`schema_check(instance, "Task")` asserts that a body matches a schema of the document;
    a dict instead of a name is checked as an inline schema of the document."""

    def check(instance, schema):
        if isinstance(schema, str):
            schema = {"$ref": "#/components/schemas/" + schema}
        # The document is the root resource, so the schema's `#/components/...` references resolve.
        root = dict(openapi_document)
        root.update(schema)
        validator = Draft202012Validator(root, format_checker=Draft202012Validator.FORMAT_CHECKER)
        problems = sorted(validator.iter_errors(instance), key=lambda error: list(error.path))
        assert not problems, "; ".join(f"{list(p.path)}: {p.message}" for p in problems[:5])

    return check


def assert_error(response, status, code):
    """Asserts the error envelope, its status and code, and returns the `error` object."""
    assert response.status_code == status, f"expected {status} {code}, got {response.status_code}: {response.text}"
    assert response.headers["Content-Type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}, body
    error = body["error"]
    assert error["code"] == code, body
    assert isinstance(error["message"], str) and error["message"], body
    assert set(error) <= {"code", "message", "details"}, body
    return error
