"""The rendered chart run for real where these machines allow it: the binary started with a
Deployment's arguments and the ConfigMap's environment answers the chart's probes, the migration
Job's command succeeds, and the generated JWT key survives `helm upgrade` (lookup answered by a
stand-in for the Kubernetes API on loopback)."""

import base64
import http.server
import json
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.request

import pytest

from conftest import CHART, LAYERINGS, NAMESPACE, RELEASE, by_kind, layered_values, render

SECRET = f"{RELEASE}-secrets"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def container_environment(objects, workload, tmp_path):
    """The environment Kubernetes would give the container: the ConfigMap (envFrom), plain env
    values, and secret references filled with test values (SQLite in a temp dir for the database).
    The ConfigMap is the one the workload names: the migration Job has its own."""
    main = workload["spec"]["template"]["spec"]["containers"][0]
    config = by_kind(objects, "ConfigMap")[main["envFrom"][0]["configMapRef"]["name"]]["data"]
    environment = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), **config}
    secrets = {"database-url": f"sqlite://{tmp_path}/todo.db", "jwt-secret": "k" * 48,
               "kafka-sasl-username": "todo-chatbot", "kafka-sasl-password": "not-a-real-password"}
    for env in main.get("env", []):
        if "value" in env:
            environment[env["name"]] = env["value"]
        elif env["valueFrom"]["secretKeyRef"]["key"] in secrets:
            environment[env["name"]] = secrets[env["valueFrom"]["secretKeyRef"]["key"]]
    environment["TODO_DATA_DIR"] = str(tmp_path / "data")
    return environment


def get(url):
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


@pytest.mark.parametrize("component", ["backend", "frontend", "websocket", "recurring-task", "notification"])
def test_deployment_args_and_environment_serve_the_probes(component, release_binary, tmp_path):
    objects = render(layered_values(LAYERINGS["base+doks"]))
    deployment = by_kind(objects, "Deployment")[f"{RELEASE}-{component}"]
    main = deployment["spec"]["template"]["spec"]["containers"][0]
    args = list(main["args"])
    port = free_port()
    args[args.index("--port") + 1] = str(port)  # the chart's port may be taken on a shared machine
    environment = container_environment(objects, deployment, tmp_path)
    environment[f"TODO_{main['args'][1].upper()}_PORT"] = str(port)
    migrate = subprocess.run([str(release_binary), "migrate", "up"], env=environment, capture_output=True, text=True)
    assert migrate.returncode == 0, migrate.stderr  # as the pre-install hook does before the Pods start

    process = subprocess.Popen([str(release_binary), *args], env=environment, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 20
        while True:
            if process.poll() is not None:
                output = process.stderr.read() + process.stdout.read()
                if "Unknown service" in output:
                    pytest.skip(f"`serve {args[1]}` is not in the product yet")
                pytest.fail(f"exited {process.returncode}: {output}")
            try:
                if get(f"http://127.0.0.1:{port}{main['livenessProbe']['httpGet']['path']}") == 200:
                    break
            except OSError:
                pass
            assert time.monotonic() < deadline, "never became live"
            time.sleep(0.1)
        for probe in ("startupProbe", "livenessProbe", "readinessProbe"):
            assert get(f"http://127.0.0.1:{port}{main[probe]['httpGet']['path']}") == 200, probe
        # What the scrape annotations point Prometheus at (their port is the one replaced above).
        metrics_path = deployment["spec"]["template"]["metadata"]["annotations"]["prometheus.io/path"]
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{metrics_path}", timeout=5) as response:
            assert response.headers["Content-Type"] == "text/plain; version=0.0.4; charset=utf-8"
            assert b"# TYPE http_requests_total counter" in response.read()
    finally:
        process.terminate()
        process.wait(timeout=deployment["spec"]["template"]["spec"]["terminationGracePeriodSeconds"])
    assert process.returncode == 0, "SIGTERM must end in a clean shutdown within the grace period"


def test_migration_job_command_applies_the_schema(release_binary, tmp_path):
    objects = render(layered_values(LAYERINGS["base+doks"]))
    job = by_kind(objects, "Job")[f"{RELEASE}-migrate"]
    environment = container_environment(objects, job, tmp_path)
    args = job["spec"]["template"]["spec"]["containers"][0]["args"]
    first = subprocess.run([str(release_binary), *args], env=environment, capture_output=True, text=True)
    assert first.returncode == 0, first.stderr
    again = subprocess.run([str(release_binary), *args], env=environment, capture_output=True, text=True)
    assert again.returncode == 0, "migrate up on an up-to-date schema must succeed (every upgrade runs it)"
    current = subprocess.run([str(release_binary), "migrate", "current"], env=environment, capture_output=True,
                             text=True)
    assert current.returncode == 0 and current.stdout.strip(), current.stderr


class FakeKubernetesAPI(http.server.BaseHTTPRequestHandler):
    """Enough of the Kubernetes API for Helm's `lookup` of one Secret: discovery and a GET."""

    secrets: dict = {}

    def do_GET(self):
        secret_path = f"/api/v1/namespaces/{NAMESPACE}/secrets/"
        if self.path.split("?")[0] == "/api":
            body = {"kind": "APIVersions", "versions": ["v1"],
                    "serverAddressByClientCIDRs": [{"clientCIDR": "0.0.0.0/0", "serverAddress": "127.0.0.1"}]}
        elif self.path.split("?")[0] == "/apis":
            body = {"kind": "APIGroupList", "apiVersion": "v1", "groups": []}
        elif self.path.split("?")[0] == "/api/v1":
            body = {"kind": "APIResourceList", "groupVersion": "v1", "resources": [
                {"name": "secrets", "singularName": "secret", "namespaced": True, "kind": "Secret",
                 "verbs": ["get", "list"]}]}
        elif self.path.startswith(secret_path) and self.path[len(secret_path):].split("?")[0] in self.secrets:
            body = self.secrets[self.path[len(secret_path):].split("?")[0]]
        else:
            self.respond(404, {"kind": "Status", "apiVersion": "v1", "status": "Failure", "reason": "NotFound",
                               "code": 404, "message": "not found"})
            return
        self.respond(200, body)

    def respond(self, status, body):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


@pytest.fixture()
def kubernetes_api():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), FakeKubernetesAPI)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    FakeKubernetesAPI.secrets = {}
    yield server
    server.shutdown()


def test_generated_jwt_secret_is_kept_on_upgrade(kubernetes_api):
    import helm_python as helm

    config = helm.Config(kube_apiserver=f"http://127.0.0.1:{kubernetes_api.server_address[1]}",
                         kube_token="test", namespace=NAMESPACE, storage_driver="memory")
    values = layered_values(LAYERINGS["base+local"])

    installed = by_kind(render(values, config=config), "Secret")[SECRET]
    again = by_kind(render(values, config=config), "Secret")[SECRET]
    assert installed["data"]["jwt-secret"] != again["data"]["jwt-secret"], "no Secret yet: a new key each time"

    FakeKubernetesAPI.secrets[SECRET] = {
        "apiVersion": "v1", "kind": "Secret", "metadata": {"name": SECRET, "namespace": NAMESPACE},
        "type": "Opaque", "data": installed["data"]}
    upgraded = by_kind(render(values, config=config, upgrade=True), "Secret")[SECRET]
    assert upgraded["data"]["jwt-secret"] == installed["data"]["jwt-secret"]
    assert len(base64.b64decode(upgraded["data"]["jwt-secret"])) >= 32

    # An explicit key always wins over the stored one (rotation goes through values).
    rotated = layered_values(LAYERINGS["base+local"], {"secrets": {"jwtSecret": "r" * 40}})
    secret = by_kind(render(rotated, config=config, upgrade=True), "Secret")[SECRET]
    assert base64.b64decode(secret["data"]["jwt-secret"]) == b"r" * 40
