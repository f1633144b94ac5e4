"""What the chart refuses: `config` holds only settings the product reads and the chart leaves to
the operator (the list checked against the product's settings registry, so the two cannot
drift), and combinations the schema cannot express fail the render with a message."""

import json
import re

import pytest

from conftest import CHART, LAYERINGS, RELEASE, ROOT, by_kind, layered_values, render

SETTINGS = ROOT / "Sources" / "TodoConfig" / "Settings" / "SettingsRegistry+Standard.swift"

# Variables the product reads that `config` must not set, because the chart sets them from its
# own values (a second key would duplicate it in the ConfigMap or contradict the container's
# arguments) or because they must differ per Pod. Secrets are taken from the registry itself.
CHART_SET = {
    "LOG_LEVEL": "logLevel",
    "TODO_HOST": "every container listens on 0.0.0.0",
    "TODO_DATA_DIR": "the Pod's emptyDir",
    "TODO_BROKER": "broker.mode, or dapr.enabled",
    "KAFKA_BOOTSTRAP_SERVERS": "broker.kafka.bootstrapServers",
    "KAFKA_SECURITY_PROTOCOL": "broker.kafka.securityProtocol",
    "KAFKA_SASL_MECHANISM": "broker.kafka.saslMechanism",
    "KAFKA_SASL_USERNAME": "the Secret's kafka-sasl-username, next to the password",
    "TODO_LLM_BASE_URL": "llm.baseURL",
    "TODO_LLM_MODEL": "llm.model",
    "TODO_BACKEND_PORT": "services.backend.port (and --port)",
    "TODO_FRONTEND_PORT": "services.frontend.port (and --port)",
    "TODO_WEBSOCKET_PORT": "services.websocket.port (and --port)",
    "TODO_RECURRING_PORT": "services.recurring-task.port (and --port)",
    "TODO_NOTIFICATION_PORT": "services.notification.port (and --port)",
    "TODO_DAPR_PUBSUB": "each Dapr app's own Component",
    "DAPR_HTTP_PORT": "set by Dapr's sidecar injector",
    "TODO_WEBSOCKET_REPLICA_ID": "per replica: the default (host name and port) differs per Pod",
}
# Of those, the ones that are neither in a rendered manifest nor meant to be.
NOT_RENDERED = {"DAPR_HTTP_PORT", "TODO_WEBSOCKET_REPLICA_ID"}


def registry_settings():
    """(environment variable, secret?) of every setting declared in the product's registry."""
    blocks = SETTINGS.read_text().split("SettingDefinition(")[1:]
    settings = {}
    for block in blocks:
        match = re.search(r'env: "([A-Z][A-Z0-9_]*)"', block)
        if match:
            settings[match.group(1)] = bool(re.search(r"\bsecret: true\b", block))
    return settings


def schema():
    return json.loads((CHART / "values.schema.json").read_text())


def test_config_lists_exactly_the_registry_settings_the_chart_leaves_open():
    settings = registry_settings()
    secrets = {name for name, secret in settings.items() if secret}
    assert len(settings) > 40 and {"DATABASE_URL", "JWT_SECRET", "LLM_API_KEY"} <= secrets
    assert not sorted(set(CHART_SET) - set(settings)), "CHART_SET names a variable the product no longer reads"

    config = schema()["properties"]["config"]
    assert config["additionalProperties"] is False
    expected = set(settings) - secrets - set(CHART_SET)
    listed = set(config["properties"])
    assert not sorted(expected - listed), "settings the product reads that config does not accept"
    assert not sorted(listed - expected), "config accepts variables the product does not read, or the chart sets"


def test_every_variable_kept_out_of_config_is_set_by_the_chart():
    values = layered_values(LAYERINGS["base+doks"], {
        "dapr": {"enabled": True}, "llm": {"baseURL": "https://models.example/v1", "model": "m"}})
    objects = render(values)
    names = set(by_kind(objects, "ConfigMap")[f"{RELEASE}-config"]["data"])
    for deployment in by_kind(objects, "Deployment").values():
        names.update(e["name"] for e in deployment["spec"]["template"]["spec"]["containers"][0]["env"])
    assert not sorted(set(CHART_SET) - NOT_RENDERED - names)


def validation_error(extra):
    import helm_python as helm

    values = layered_values(LAYERINGS["base+local"], extra)
    with pytest.raises(helm.HelmError) as raised:
        helm.Chart.load(CHART).validate_schema(values)
    return str(raised.value)


def test_a_misspelt_config_key_fails():
    assert "TODO_DATABSE_POOL_SIZE" in validation_error({"config": {"TODO_DATABSE_POOL_SIZE": "4"}})


@pytest.mark.parametrize("name", ["TODO_BROKER", "TODO_BACKEND_PORT", "TODO_RECURRING_PORT", "LOG_LEVEL",
                                  "KAFKA_BOOTSTRAP_SERVERS", "TODO_HOST", "JWT_SECRET", "DAPR_API_TOKEN"])
def test_config_cannot_set_what_the_chart_sets_or_a_secret(name):
    assert name in validation_error({"config": {name: "embedded"}})


def test_every_listed_config_key_renders_once(tmp_path):
    listed = schema()["properties"]["config"]["properties"]
    values = layered_values(LAYERINGS["base+local"], {"config": {name: "1" for name in listed}})
    # conftest's loader refuses duplicate keys, so this also proves no listed key is one the
    # ConfigMap already holds.
    data = by_kind(render(values), "ConfigMap")[f"{RELEASE}-config"]["data"]
    assert set(listed) <= set(data)


def render_error(extra, layering="base+doks"):
    import helm_python as helm

    with pytest.raises(helm.HelmError) as raised:
        render(layered_values(LAYERINGS[layering], extra))
    return str(raised.value)


def test_the_grace_period_must_exceed_pre_stop_and_drain():
    shutdown = layered_values(LAYERINGS["base+doks"])["shutdown"]
    tight = shutdown["preStopSleepSeconds"] + shutdown["drainSeconds"]
    message = render_error({"shutdown": {"terminationGracePeriodSeconds": tight}})
    assert "terminationGracePeriodSeconds" in message and "must exceed" in message
    objects = render(layered_values(LAYERINGS["base+doks"], {"shutdown": {"terminationGracePeriodSeconds": tight + 1}}))
    assert by_kind(objects, "Deployment")


def test_drain_seconds_cannot_go_below_the_binarys_drain():
    assert "drainSeconds" in validation_error({"shutdown": {"drainSeconds": 5}})


def test_the_dapr_broker_needs_the_sidecars():
    message = render_error({"broker": {"mode": "dapr"}})
    assert "dapr.enabled" in message
    config = by_kind(render(layered_values(LAYERINGS["base+doks"], {
        "broker": {"mode": "dapr"}, "dapr": {"enabled": True}})), "ConfigMap")[f"{RELEASE}-config"]
    assert config["data"]["TODO_BROKER"] == "dapr"
