"""With dapr.enabled: sidecar annotations on every service that publishes or consumes, and the
Components (Kafka pub/sub with one consumer group per consuming service, Redis state when there
is a Redis, Kubernetes secrets); and every TODO_* variable the chart or compose sets is one the product reads."""

import re

import jsonschema
import pytest
import yaml

from conftest import CHART, CLOUD_FILES, LAYERINGS, RELEASE, ROOT, by_kind, layered_values, render

# The shape of a Component as Dapr's CRD (components.dapr.io, v1alpha1) defines it, restricted to
# the fields the chart uses: each metadata item has a name and either a value or a secretKeyRef.
COMPONENT_SCHEMA = {
    "type": "object",
    "required": ["apiVersion", "kind", "metadata", "spec"],
    "properties": {
        "apiVersion": {"const": "dapr.io/v1alpha1"},
        "kind": {"const": "Component"},
        "metadata": {"type": "object", "required": ["name"],
                     "properties": {"name": {"type": "string", "pattern": "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"}}},
        "spec": {
            "type": "object", "required": ["type", "version", "metadata"], "additionalProperties": False,
            "properties": {
                "type": {"type": "string", "pattern": "^[a-z]+\\.[a-z0-9.]+$"},
                "version": {"const": "v1"},
                "ignoreErrors": {"type": "boolean"},
                "initTimeout": {"type": "string"},
                "metadata": {"type": "array", "items": {
                    "type": "object", "required": ["name"], "additionalProperties": False,
                    "properties": {
                        "name": {"type": "string", "minLength": 1},
                        "value": {"type": "string"},
                        "secretKeyRef": {"type": "object", "required": ["name", "key"], "additionalProperties": False,
                                         "properties": {"name": {"type": "string"}, "key": {"type": "string"}}},
                    },
                    "oneOf": [{"required": ["value"]}, {"required": ["secretKeyRef"]}],
                }},
            },
        },
        "auth": {"type": "object", "required": ["secretStore"], "additionalProperties": False,
                 "properties": {"secretStore": {"type": "string"}}},
        "scopes": {"type": "array", "items": {"type": "string"}, "minItems": 1},
    },
}


@pytest.fixture(scope="module", params=["base+local", "base+doks"])
def dapr(request):
    values = layered_values(LAYERINGS[request.param], {"dapr": {"enabled": True}})
    return values, render(values)


def event_components(values, key):
    return {name for name, svc in values["services"].items() if svc["events"][key]}


def test_sidecar_annotations_on_every_publisher_and_consumer(dapr):
    values, objects = dapr
    users = event_components(values, "publishes") | event_components(values, "consumes")
    assert {"backend", "websocket", "recurring-task", "notification"} <= users
    for name, deployment in by_kind(objects, "Deployment").items():
        component = deployment["metadata"]["labels"].get("app.kubernetes.io/component")
        if component not in values["services"]:
            continue
        annotations = deployment["spec"]["template"]["metadata"]["annotations"]
        if component in users:
            assert annotations["dapr.io/enabled"] == "true", name
            assert annotations["dapr.io/app-id"] == name
            assert annotations["dapr.io/app-port"] == str(values["services"][component]["port"])
            assert annotations["dapr.io/app-protocol"] == "http"
            container = deployment["spec"]["template"]["spec"]["containers"][0]
            env = {e["name"]: e.get("value") for e in container["env"]}
            assert env["TODO_DAPR_PUBSUB"] == f"{name}-pubsub"
            # The app listens where the sidecar calls it.
            assert container["args"][container["args"].index("--port") + 1] == annotations["dapr.io/app-port"]
        else:
            assert "dapr.io/enabled" not in annotations, name
    frontend = by_kind(objects, "Deployment")[f"{RELEASE}-frontend"]["spec"]["template"]
    assert not [k for k in frontend["metadata"]["annotations"] if k.startswith("dapr.io/")]
    assert "TODO_DAPR_PUBSUB" not in {e["name"] for e in frontend["spec"]["containers"][0]["env"]}
    config = by_kind(objects, "ConfigMap")[f"{RELEASE}-config"]
    assert config["data"]["TODO_BROKER"] == "dapr"


def test_one_pubsub_per_app_with_distinct_consumer_groups(dapr):
    values, objects = dapr
    components = [o for o in objects if o["kind"] == "Component"]
    pubsubs = [c for c in components if c["spec"]["type"] == "pubsub.kafka"]
    users = event_components(values, "publishes") | event_components(values, "consumes")
    assert {tuple(c["scopes"]) for c in pubsubs} == {(f"{RELEASE}-{u}",) for u in users}

    groups = {}
    for pubsub in pubsubs:
        metadata = {m["name"]: m for m in pubsub["spec"]["metadata"]}
        assert metadata["brokers"]["value"] == values["broker"]["kafka"]["bootstrapServers"]
        # WebSocket replicas each consume everything: a group per Pod, named after it.
        group = metadata.get("consumerGroup") or metadata["consumerID"]
        groups[pubsub["scopes"][0]] = group["value"]
        websocket = pubsub["scopes"][0] == f"{RELEASE}-websocket"
        assert metadata["initialOffset"]["value"] == ("newest" if websocket else "oldest")
    consumers = [f"{RELEASE}-{c}" for c in event_components(values, "consumes")]
    assert len({groups[c] for c in consumers}) == len(consumers), groups
    assert groups[f"{RELEASE}-websocket"].endswith("-{podName}")
    assert not [g for c, g in groups.items() if c != f"{RELEASE}-websocket" and "{" in g]

    kinds = {c["spec"]["type"] for c in components}
    assert {"pubsub.kafka", "secretstores.kubernetes"} <= kinds


def state_stores(values):
    return [o for o in render(values) if o["kind"] == "Component" and o["spec"]["type"] == "state.redis"]


def test_no_state_store_without_a_redis():
    # A Component that cannot initialise stops the sidecar: no Redis, no state.redis.
    for name in ("base+local", "base+doks", "base+gke", "base+oke"):
        assert not state_stores(layered_values(LAYERINGS[name], {"dapr": {"enabled": True}})), name


def test_the_state_store_points_at_the_redis_there_is():
    local = layered_values(LAYERINGS["base+local"], {"dapr": {"enabled": True}, "redis": {"enabled": True}})
    objects = render(local)
    [store] = state_stores(local)
    metadata = {m["name"]: m.get("value") for m in store["spec"]["metadata"]}
    service = by_kind(objects, "Service")["redis-master"]
    assert metadata["redisHost"] == f"redis-master:{service['spec']['ports'][0]['port']}"

    managed = layered_values(LAYERINGS["base+doks"], {
        "dapr": {"enabled": True, "stateStore": {"redisHost": "redis.example.internal:6380", "enableTLS": True}}})
    [store] = state_stores(managed)
    metadata = {m["name"]: m.get("value") for m in store["spec"]["metadata"]}
    assert metadata == {"redisHost": "redis.example.internal:6380", "enableTLS": "true"}

    off = layered_values(LAYERINGS["base+local"], {
        "dapr": {"enabled": True, "stateStore": {"enabled": False}}, "redis": {"enabled": True}})
    assert not state_stores(off)


def test_sasl_credentials_come_from_the_secret():
    for path in CLOUD_FILES:
        values = layered_values([CHART / "values.yaml", path], {"dapr": {"enabled": True}})
        for pubsub in (o for o in render(values) if o["kind"] == "Component" and o["spec"]["type"] == "pubsub.kafka"):
            metadata = {m["name"]: m for m in pubsub["spec"]["metadata"]}
            assert metadata["authType"]["value"] == "password"
            assert metadata["saslMechanism"]["value"] == "SHA-256"
            assert metadata["disableTls"]["value"] == "false"
            for key in ("saslUsername", "saslPassword"):
                assert metadata[key]["secretKeyRef"]["name"] == "todo-chatbot-secrets"
                assert "value" not in metadata[key]


def test_no_dapr_objects_when_disabled(layering):
    _, _, objects = layering
    assert not [o for o in objects if o["kind"] == "Component"]
    for deployment in by_kind(objects, "Deployment").values():
        assert "dapr.io/enabled" not in (deployment["spec"]["template"]["metadata"].get("annotations") or {})


def test_components_validate_and_scope_to_apps_that_exist(dapr):
    _, objects = dapr
    app_ids = {d["spec"]["template"]["metadata"]["annotations"].get("dapr.io/app-id")
               for d in by_kind(objects, "Deployment").values()} - {None}
    stores = {c["metadata"]["name"] for c in objects if c["kind"] == "Component"}
    for component in (o for o in objects if o["kind"] == "Component"):
        jsonschema.validate(component, COMPONENT_SCHEMA)
        assert set(component["scopes"]) <= app_ids, component["metadata"]["name"]
        if "auth" in component:
            assert component["auth"]["secretStore"] in stores


def product_environment_names():
    """Every environment variable name the Swift sources spell out as a string literal."""
    names = set()
    for path in (ROOT / "Sources").rglob("*.swift"):
        names.update(re.findall(r'"([A-Z][A-Z0-9_]*[A-Z0-9])"', path.read_text()))
    return names


def chart_environment(objects):
    names = set()
    for deployment in list(by_kind(objects, "Deployment").values()) + list(by_kind(objects, "Job").values()):
        for container in deployment["spec"]["template"]["spec"]["containers"]:
            names.update(e["name"] for e in container.get("env", []))
    for config in by_kind(objects, "ConfigMap").values():
        names.update(config.get("data") or {})
    return names


def compose_environment():
    document = yaml.safe_load((ROOT / "compose" / "compose.yaml").read_text())
    names = set()
    for name, service in document["services"].items():
        if str(service.get("image", "")).startswith("${TODO_IMAGE"):
            names.update(service.get("environment") or {})
    return names


@pytest.mark.parametrize("dapr_enabled", [False, True])
def test_every_todo_variable_set_is_read_by_the_product(layering, dapr_enabled):
    name, values, _ = layering
    objects = render(layered_values(LAYERINGS[name], {"dapr": {"enabled": dapr_enabled}}))
    read = product_environment_names()
    set_names = chart_environment(objects) | compose_environment()
    ours = {n for n in set_names if n.startswith(("TODO_", "DAPR_")) or n == "APP_API_TOKEN"}
    assert ours, "no TODO_* variables found: the check would prove nothing"
    assert not sorted(ours - read), "set by the chart or compose but read by nothing"


def test_token_secrets_reach_the_sidecar_and_the_app():
    values = layered_values(
        LAYERINGS["base+local"],
        {"dapr": {"enabled": True, "apiTokenSecret": "dapr-api-token", "appTokenSecret": "dapr-app-token"}})
    users = event_components(values, "publishes") | event_components(values, "consumes")
    for name, deployment in by_kind(render(values), "Deployment").items():
        component = deployment["metadata"]["labels"].get("app.kubernetes.io/component")
        if component not in values["services"]:
            continue
        template = deployment["spec"]["template"]
        env = {e["name"]: e for e in template["spec"]["containers"][0]["env"]}
        if component not in users:
            assert not {"DAPR_API_TOKEN", "APP_API_TOKEN"} & env.keys(), name
            continue
        annotations = template["metadata"]["annotations"]
        assert annotations["dapr.io/api-token-secret"] == "dapr-api-token"
        assert annotations["dapr.io/app-token-secret"] == "dapr-app-token"
        assert env["DAPR_API_TOKEN"]["valueFrom"] == {"secretKeyRef": {"name": "dapr-api-token", "key": "token"}}
        assert env["APP_API_TOKEN"]["valueFrom"] == {"secretKeyRef": {"name": "dapr-app-token", "key": "token"}}
        assert "value" not in env["DAPR_API_TOKEN"] and "value" not in env["APP_API_TOKEN"]
