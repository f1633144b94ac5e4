"""With dapr.enabled: sidecar annotations on every service that publishes or consumes, and the
Components (Kafka pub/sub with one consumer group per consuming service, Redis state, Kubernetes
secrets)."""

import pytest

from conftest import CHART, CLOUD_FILES, LAYERINGS, RELEASE, by_kind, layered_values, render


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
            env = {e["name"]: e.get("value") for e in deployment["spec"]["template"]["spec"]["containers"][0]["env"]}
            assert env["TODO_DAPR_PUBSUB"] == f"{name}-pubsub"
        else:
            assert "dapr.io/enabled" not in annotations, name
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
        groups[pubsub["scopes"][0]] = metadata["consumerGroup"]["value"]
    consumers = [f"{RELEASE}-{c}" for c in event_components(values, "consumes")]
    assert len({groups[c] for c in consumers}) == len(consumers), groups

    kinds = {c["spec"]["type"] for c in components}
    assert {"pubsub.kafka", "state.redis", "secretstores.kubernetes"} <= kinds


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
