"""compose/compose.yaml: valid against the compose specification, its references resolve, the
services wait for healthy dependencies, and the `compose` profile it selects is one todo-chatbot
accepts."""

import re
import subprocess
import sys

import pytest
import yaml

from conftest import ROOT

COMPOSE_DIR = ROOT / "compose"
COMPOSE = COMPOSE_DIR / "compose.yaml"
PRODUCT = {"backend": "backend", "frontend": "frontend", "websocket": "websocket",
           "recurring-task": "recurring", "notification": "notification"}


def env_example():
    values = {}
    for line in (COMPOSE_DIR / ".env.example").read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            key, _, value = line.partition("=")
            values[key.strip()] = value.strip()
    return values


def interpolate(text, environment):
    """Compose's variable interpolation: ${VAR}, ${VAR:-default}, ${VAR-default}, and $$ for $."""
    def replace(match):
        if match.group(0) == "$$":
            return "$"
        name, operator, default = match.group(1), match.group(2), match.group(3) or ""
        value = environment.get(name)
        if operator == ":-" and not value or operator == "-" and value is None:
            return default
        assert value is not None, f"${{{name}}} is not set in .env.example and has no default"
        return value
    return re.sub(r"\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?-)([^}]*))?\}", replace, text)


@pytest.fixture(scope="module")
def compose():
    return yaml.safe_load(interpolate(COMPOSE.read_text(), env_example()))


def test_valid_against_the_compose_specification_schema():
    result = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.compose-spec", str(COMPOSE)],
        capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_value_types_parse_with_compose_spec():
    import compose_spec

    # Compose resolves YAML anchors and merge keys before it reads the model; compose-spec does not.
    resolved = yaml.safe_load(interpolate(COMPOSE.read_text(), env_example()))
    project = compose_spec.PyCompose.from_yaml(yaml.safe_dump(resolved, sort_keys=False))
    project.validate()
    project.validate_volumes()
    spec = project.to_spec()
    assert set(project.service_names()) >= {"postgres", "redpanda", "redis", "migrate", *PRODUCT}
    assert spec.services["backend"].healthcheck is not None


def test_references_resolve(compose):
    services, volumes = compose["services"], set(compose.get("volumes") or {})
    for name, service in services.items():
        for target in service.get("depends_on") or {}:
            assert target in services, f"{name} depends on unknown service {target}"
            assert target != name
        for mount in service.get("volumes") or []:
            source = mount.split(":")[0] if isinstance(mount, str) else mount.get("source")
            if source.startswith((".", "/")):
                assert (COMPOSE_DIR / source).exists(), f"{name} mounts missing {source}"
            else:
                assert source in volumes, f"{name} uses undeclared volume {source}"
        for env_file in service.get("env_file") or []:
            assert env_file == ".env", "env files are compose/.env, made from .env.example"
    used = {m.split(":")[0] for s in services.values() for m in s.get("volumes") or [] if isinstance(m, str)}
    assert volumes <= used, f"declared but unused volumes: {volumes - used}"
    assert (ROOT / services["migrate"]["build"]["context"].replace("..", ".") /
            services["migrate"]["build"]["dockerfile"]).exists()


def test_health_checks_and_start_order(compose):
    services = compose["services"]
    for name in ("postgres", "redpanda", "redis", *PRODUCT):
        assert services[name]["healthcheck"]["test"], name
    assert services["migrate"]["command"] == ["migrate", "up"]
    assert services["migrate"]["depends_on"]["postgres"]["condition"] == "service_healthy"
    for name, command in PRODUCT.items():
        service = services[name]
        assert service["command"] == ["serve", command]
        assert service["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
        for target, condition in service["depends_on"].items():
            if target != "migrate":
                assert condition["condition"] == "service_healthy", (name, target)
                assert "healthcheck" in services[target]
        check = service["healthcheck"]["test"]
        assert check[check.index("--service") + 1] == command
        assert service["environment"]["TODO_PROFILE"] == "compose"
    assert "console" in services["redpanda-console"]["profiles"]


def test_infrastructure_is_published_on_loopback_only(compose):
    # Redis has no password and Postgres a development one: reachable from this machine only.
    published = {}
    for name, service in compose["services"].items():
        if name in PRODUCT or name == "migrate":
            continue
        for port in service.get("ports") or []:
            assert isinstance(port, str), f"{name}: write ports as HOST_IP:HOST:CONTAINER strings"
            published.setdefault(name, []).append(port)
            assert port.startswith("127.0.0.1:") and port.count(":") == 2, f"{name} publishes {port} beyond loopback"
    assert {"postgres", "redpanda", "redis", "redpanda-console"} <= published.keys()


def test_secrets_only_in_the_env_file(compose):
    for name, service in compose["services"].items():
        environment = service.get("environment") or {}
        for key in ("DATABASE_URL", "JWT_SECRET", "LLM_API_KEY", "KAFKA_SASL_PASSWORD"):
            assert key not in environment, f"{name} sets {key} inline"
    assert {"DATABASE_URL", "JWT_SECRET"} <= env_example().keys()


def test_the_compose_profile_is_accepted_by_todo_chatbot(release_binary, compose):
    environment = {"PATH": "/usr/bin:/bin", "HOME": "/tmp", **env_example()}
    result = subprocess.run(
        [str(release_binary), "--config", str(COMPOSE_DIR / "profiles.yaml"), "--profile", "compose",
         "profile", "show", "--json"], capture_output=True, text=True, env=environment)
    assert result.returncode == 0, result.stderr
    assert '"0.0.0.0"' in result.stdout and "change-me" not in result.stdout, "secrets must be masked"
