"""Prometheus scraping in the Helm chart, rendered with every values layering: each service's Pods
carry scrape annotations naming the port and path the binary serves `/metrics` on, and the optional
ServiceMonitor renders, selects exactly the services' Services by their named port and holds only
fields of the Prometheus Operator's ServiceMonitor."""

import re

import pytest
from jsonschema import Draft202012Validator

from conftest import CHART, COMPONENTS, LAYERINGS, RELEASE, by_kind, layered_values, render
from test_chart import container, validation_failures

# The part of the Prometheus Operator's ServiceMonitor (monitoring.coreos.com/v1) the chart
# uses, with its field names and the CRD's duration pattern: a misspelt field fails here, where
# kubernetes-validate only warns on custom resources.
DURATION = r"^(0|(([0-9]+)y)?(([0-9]+)w)?(([0-9]+)d)?(([0-9]+)h)?(([0-9]+)m)?(([0-9]+)s)?(([0-9]+)ms)?)$"
SERVICE_MONITOR_SCHEMA = {
    "type": "object",
    "required": ["apiVersion", "kind", "metadata", "spec"],
    "properties": {
        "apiVersion": {"const": "monitoring.coreos.com/v1"},
        "kind": {"const": "ServiceMonitor"},
        "spec": {
            "type": "object",
            "additionalProperties": False,
            "required": ["selector", "endpoints"],
            "properties": {
                "selector": {
                    "type": "object",
                    "additionalProperties": False,
                    "properties": {
                        "matchLabels": {"type": "object", "additionalProperties": {"type": "string"}},
                        "matchExpressions": {"type": "array", "items": {
                            "type": "object", "additionalProperties": False, "required": ["key", "operator"],
                            "properties": {
                                "key": {"type": "string"},
                                "operator": {"enum": ["In", "NotIn", "Exists", "DoesNotExist"]},
                                "values": {"type": "array", "items": {"type": "string"}}}}},
                    },
                },
                "endpoints": {"type": "array", "minItems": 1, "items": {
                    "type": "object", "additionalProperties": False, "required": ["port"],
                    "properties": {
                        "port": {"type": "string"},
                        "scheme": {"enum": ["http", "https"]},
                        "path": {"type": "string"},
                        "interval": {"type": "string", "pattern": DURATION}}}},
            },
        },
    },
}


def selects(selector, labels):
    """Whether a label selector (matchLabels and matchExpressions) selects `labels`."""
    if not selector.get("matchLabels", {}).items() <= labels.items():
        return False
    for expression in selector.get("matchExpressions", []):
        present, value = expression["key"] in labels, labels.get(expression["key"])
        operator = expression["operator"]
        if operator == "In" and value not in expression["values"]:
            return False
        if operator == "NotIn" and present and value in expression["values"]:
            return False
        if (operator == "Exists" and not present) or (operator == "DoesNotExist" and present):
            return False
    return True


def test_every_deployment_has_scrape_annotations_for_the_port_it_serves(layering):
    name, values, objects = layering
    deployments = by_kind(objects, "Deployment")
    services = by_kind(objects, "Service")
    for component in COMPONENTS:
        deployment = deployments[f"{RELEASE}-{component}"]
        annotations = deployment["spec"]["template"]["metadata"]["annotations"]
        serving = container(deployment)
        args = serving["args"]
        named = {port["name"]: port["containerPort"] for port in serving["ports"]}

        assert annotations["prometheus.io/scrape"] == "true", (name, component)
        assert annotations["prometheus.io/path"] == "/metrics", (name, component)
        # The annotated port is the one the container listens on (`serve ... --port`) and names `http`.
        assert annotations["prometheus.io/port"] == args[args.index("--port") + 1] == str(named["http"])
        service_ports = services[f"{RELEASE}-{component}"]["spec"]["ports"]
        assert {"name": "http", "targetPort": "http"}.items() <= service_ports[0].items()


@pytest.mark.parametrize("name", sorted(LAYERINGS))
def test_the_service_monitor_renders_selects_the_service_ports_and_validates(name, tmp_path):
    values = layered_values(LAYERINGS[name], {
        "metrics": {"serviceMonitor": {"enabled": True, "labels": {"release": "kube-prometheus-stack"}}}})
    objects = render(values)

    monitors = by_kind(objects, "ServiceMonitor")
    assert list(monitors) == [RELEASE]
    monitor = monitors[RELEASE]
    errors = [error.message for error in Draft202012Validator(SERVICE_MONITOR_SCHEMA).iter_errors(monitor)]
    assert not errors, errors
    assert monitor["metadata"]["labels"]["release"] == "kube-prometheus-stack"
    assert monitor["metadata"]["labels"]["app.kubernetes.io/instance"] == RELEASE
    assert re.match(DURATION, values["metrics"]["serviceMonitor"]["interval"])

    selected = {service_name: service for service_name, service in by_kind(objects, "Service").items()
                if selects(monitor["spec"]["selector"], service["metadata"]["labels"])}
    assert set(selected) == {f"{RELEASE}-{component}" for component in COMPONENTS}
    for endpoint in monitor["spec"]["endpoints"]:
        assert endpoint["path"] == "/metrics"
        for service in selected.values():
            assert endpoint["port"] in {port["name"] for port in service["spec"]["ports"]}
    failures = validation_failures(objects, tmp_path)
    assert not failures, "\n".join(failures)


def test_the_service_monitor_leaves_out_the_development_dependencies():
    values = layered_values(LAYERINGS["base+local"], {
        "metrics": {"serviceMonitor": {"enabled": True}}, "redis": {"enabled": True}})
    objects = render(values)
    monitor = by_kind(objects, "ServiceMonitor")[RELEASE]

    extra = {name for name, service in by_kind(objects, "Service").items()
             if not any(name == f"{RELEASE}-{component}" for component in COMPONENTS)}
    assert extra, "values-local.yaml should run in-cluster dependencies"
    assert not any(selects(monitor["spec"]["selector"], by_kind(objects, "Service")[name]["metadata"]["labels"])
                   for name in extra)


def test_metrics_off_drops_the_annotations_and_the_monitor():
    values = layered_values(LAYERINGS["base+doks"], {
        "metrics": {"enabled": False, "serviceMonitor": {"enabled": True}}})
    objects = render(values)

    assert not by_kind(objects, "ServiceMonitor")
    for component in COMPONENTS:
        pod = by_kind(objects, "Deployment")[f"{RELEASE}-{component}"]["spec"]["template"]["metadata"]
        assert not any(key.startswith("prometheus.io/") for key in pod.get("annotations", {}))


def test_the_metrics_path_is_the_binarys_and_cannot_be_changed():
    import helm_python as helm

    values = layered_values(LAYERINGS["base+local"], {"metrics": {"path": "/prometheus"}})
    with pytest.raises(helm.HelmError):
        helm.Chart.load(CHART).validate_schema(values)


def test_the_network_policy_admits_prometheus_from_its_namespace():
    values = layered_values(LAYERINGS["base+doks"], {
        "networkPolicy": {"enabled": True, "monitoringNamespace": "monitoring"}})
    policy = by_kind(render(values), "NetworkPolicy")[RELEASE]

    rules = policy["spec"]["ingress"]
    monitoring = [rule for rule in rules if rule["from"] == [
        {"namespaceSelector": {"matchLabels": {"kubernetes.io/metadata.name": "monitoring"}}}]]
    assert len(monitoring) == 1
    assert {port["port"] for port in monitoring[0]["ports"]} == {
        values["services"][component]["port"] for component in COMPONENTS}

