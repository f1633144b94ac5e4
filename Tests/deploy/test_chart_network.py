"""networkPolicy.enabled: the rendered NetworkPolicies evaluated as Kubernetes would, connection
by connection, for the services and the in-cluster development dependencies of values-local.yaml."""

import pytest

from conftest import COMPONENTS, LAYERINGS, NAMESPACE, RELEASE, by_kind, layered_values, render
from test_chart_metrics import selects

DEPENDENCY_PORTS = {"postgres": 5432, "redpanda": 9092, "redis": 6379}


def peer_matches(peer, source_labels, source_namespace):
    """Whether a NetworkPolicy `from` peer admits a Pod (same-namespace podSelector, or a
    namespaceSelector on the kubernetes.io/metadata.name label, or both)."""
    namespace_labels = {"kubernetes.io/metadata.name": source_namespace}
    if "namespaceSelector" in peer and not selects(peer["namespaceSelector"], namespace_labels):
        return False
    if "podSelector" in peer:
        if "namespaceSelector" not in peer and source_namespace != NAMESPACE:
            return False
        return selects(peer["podSelector"], source_labels)
    return True


def admitted(policies, source_labels, source_namespace, target_labels, port):
    """Whether a connection to `port` of a Pod with `target_labels` in the release namespace is let in."""
    selecting = [p for p in policies if "Ingress" in p["spec"]["policyTypes"]
                 and selects(p["spec"]["podSelector"], target_labels)]
    if not selecting:
        return True
    for policy in selecting:
        for rule in policy["spec"].get("ingress") or []:
            ports = [entry["port"] for entry in rule.get("ports") or []]
            peers = rule.get("from")
            if ports and port not in ports:
                continue
            if not peers or any(peer_matches(peer, source_labels, source_namespace) for peer in peers):
                return True
    return False


def pod_labels(objects):
    """Pod template labels of every workload, by component."""
    labels = {}
    for workload in (o for o in objects if o["kind"] in ("Deployment", "StatefulSet", "Job")):
        template = workload["spec"]["template"]["metadata"]["labels"]
        labels[template["app.kubernetes.io/component"]] = template
    return labels


@pytest.fixture(scope="module")
def local():
    values = layered_values(LAYERINGS["base+local"], {
        "networkPolicy": {"enabled": True}, "redis": {"enabled": True}, "migrations": {"enabled": True}})
    objects = render(values)
    return values, list(by_kind(objects, "NetworkPolicy").values()), pod_labels(objects)


def test_the_services_reach_the_in_cluster_dependencies(local):
    _, policies, labels = local
    assert set(DEPENDENCY_PORTS) <= set(labels)
    for source in [*COMPONENTS, "migrate"]:
        for dependency, port in DEPENDENCY_PORTS.items():
            assert admitted(policies, labels[source], NAMESPACE, labels[dependency], port), (source, dependency)


def test_nothing_else_reaches_the_in_cluster_dependencies(local):
    values, policies, labels = local
    stranger = {"app.kubernetes.io/name": "something-else"}
    for dependency, port in DEPENDENCY_PORTS.items():
        assert not admitted(policies, stranger, NAMESPACE, labels[dependency], port), dependency
        assert not admitted(policies, {}, values["networkPolicy"]["ingressNamespace"], labels[dependency], port)


def test_the_services_stay_reachable_from_the_ingress_controller_and_each_other(local):
    values, policies, labels = local
    controller = values["networkPolicy"]["ingressNamespace"]
    for target in COMPONENTS:
        port = values["services"][target]["port"]
        assert admitted(policies, {}, controller, labels[target], port), target
        assert admitted(policies, labels["backend"], NAMESPACE, labels[target], port), target
        assert not admitted(policies, {}, "default", labels[target], port), target


def test_the_services_policy_selects_the_services_only(local):
    _, policies, labels = local
    services = by_kind(policies, "NetworkPolicy")[RELEASE]
    chosen = {component for component, template in labels.items() if selects(services["spec"]["podSelector"], template)}
    assert chosen == set(COMPONENTS)


def test_egress_is_left_open(local):
    # Managed Postgres and Kafka are outside the cluster; a policy restricting egress would need
    # their addresses, and the in-cluster ones' too.
    _, policies, _ = local
    for policy in policies:
        assert policy["spec"]["policyTypes"] == ["Ingress"], policy["metadata"]["name"]


def test_no_dependency_policy_without_dependencies():
    objects = render(layered_values(LAYERINGS["base+doks"]))
    assert set(by_kind(objects, "NetworkPolicy")) == {RELEASE}
