"""The Helm chart rendered with every values layering, linted, validated against Kubernetes 1.30's
schemas, and checked for the properties the runbook relies on."""

import base64
import json
import subprocess
import sys

import pytest
import yaml

from conftest import (
    CHART, CLOUD_FILES, COMPONENTS, LAYERINGS, NAMESPACE, RELEASE, ROOT, by_kind, layered_values, render)

PROBE_PATHS = {"backend": ("/api/health", "/api/health/ready")}
SECRET_ENV = {"DATABASE_URL", "JWT_SECRET", "JWT_PREVIOUS_SECRETS", "KAFKA_SASL_USERNAME",
              "KAFKA_SASL_PASSWORD", "LLM_API_KEY"}


def container(deployment):
    return deployment["spec"]["template"]["spec"]["containers"][0]


def hook_events(obj):
    annotations = obj["metadata"].get("annotations") or {}
    return set(filter(None, (annotations.get("helm.sh/hook") or "").split(",")))


@pytest.mark.parametrize("name", sorted(LAYERINGS))
def test_lint_is_clean(name):
    import helm_python as helm

    report = helm.lint(CHART, layered_values(LAYERINGS[name]), strict=True, kube_version="1.30.0",
                       namespace=NAMESPACE)
    # Helm's severities: 1 info, 2 warning, 4 error. Only informational findings may remain.
    assert not report["errors"], report
    assert all(message["severity"] <= 1 for message in report["messages"]), report


def validation_failures(objects, directory):
    """kubernetes-validate --strict for Kubernetes 1.30, one file per object (it reports one error
    per resource per run); custom resources (Dapr, GKE, Prometheus Operator) only warn."""
    failures = []
    for index, obj in enumerate(objects):
        path = directory / f"{index:02d}-{obj['kind']}-{obj['metadata']['name']}.yaml"
        path.write_text(yaml.safe_dump(obj))
        result = subprocess.run(
            [sys.executable, "-m", "kubernetes_validate", "--strict", "-k", "1.30", "--quiet", str(path)],
            capture_output=True, text=True)
        if result.returncode != 0:
            failures.append(f"{path.name}: {result.stdout}{result.stderr}")
    return failures


def test_manifests_validate_against_kubernetes_1_30(layering, tmp_path):
    name, _, objects = layering
    failures = validation_failures(objects, tmp_path)
    assert not failures, f"{name}:\n" + "\n".join(failures)


def test_every_optional_part_validates_too(tmp_path):
    values = layered_values(LAYERINGS["base+local"], {
        "dapr": {"enabled": True, "stateStore": {"passwordFromSecret": True}}, "redis": {"enabled": True},
        "resourceQuota": {"enabled": True}, "networkPolicy": {"enabled": True},
        "metrics": {"serviceMonitor": {"enabled": True}}, "migrations": {"enabled": True},
        "ingress": {"gkeBackendConfig": {"enabled": True}},
        "secrets": {"kafkaSaslUsername": "u", "kafkaSaslPassword": "p", "llmApiKey": "k", "redisPassword": "r"}})
    objects = render(values)
    kinds = {o["kind"] for o in objects}
    assert {"Component", "ResourceQuota", "NetworkPolicy", "ServiceMonitor", "Job", "BackendConfig"} <= kinds
    failures = validation_failures(objects, tmp_path)
    assert not failures, "\n".join(failures)


def test_every_service_has_its_deployment_and_service(layering):
    _, values, objects = layering
    deployments, services = by_kind(objects, "Deployment"), by_kind(objects, "Service")
    for component in COMPONENTS:
        name = f"{RELEASE}-{component}"
        labels = deployments[name]["spec"]["template"]["metadata"]["labels"]
        assert labels["app.kubernetes.io/instance"] == RELEASE
        assert labels["app.kubernetes.io/component"] == component
        assert deployments[name]["metadata"]["labels"]["app.kubernetes.io/component"] == component
        selector = services[name]["spec"]["selector"]
        assert selector.items() <= labels.items()
        assert selector["app.kubernetes.io/component"] == component

        port = values["services"][component]["port"]
        args = container(deployments[name])["args"]
        assert args[:2] == ["serve", values["services"][component]["command"]]
        assert args[args.index("--port") + 1] == str(port) and args[args.index("--host") + 1] == "0.0.0.0"
        assert services[name]["spec"]["ports"][0]["port"] == port


def test_probes_resources_rollout_and_termination(layering):
    _, values, objects = layering
    shutdown = values["shutdown"]
    for component in COMPONENTS:
        deployment = by_kind(objects, "Deployment")[f"{RELEASE}-{component}"]
        spec, main = deployment["spec"]["template"]["spec"], container(deployment)
        live, ready = PROBE_PATHS.get(component, ("/health", "/health/ready"))
        assert main["livenessProbe"]["httpGet"]["path"] == live
        assert main["startupProbe"]["httpGet"]["path"] == live
        assert main["readinessProbe"]["httpGet"]["path"] == ready
        port_names = {p["name"]: p["containerPort"] for p in main["ports"]}
        for probe in ("livenessProbe", "readinessProbe", "startupProbe"):
            assert port_names[main[probe]["httpGet"]["port"]] == values["services"][component]["port"]

        assert {"cpu", "memory"} <= main["resources"]["requests"].keys()
        assert {"cpu", "memory"} <= main["resources"]["limits"].keys()
        assert deployment["spec"]["strategy"]["rollingUpdate"]["maxUnavailable"] == 0

        sleep = int(main["lifecycle"]["preStop"]["exec"]["command"][-1])
        assert spec["terminationGracePeriodSeconds"] > sleep + shutdown["drainSeconds"]
        assert spec["securityContext"]["runAsNonRoot"] is True


def test_autoscalers_and_disruption_budgets(layering):
    name, values, objects = layering
    autoscalers = by_kind(objects, "HorizontalPodAutoscaler")
    budgets = by_kind(objects, "PodDisruptionBudget")
    if name == "base+local":
        assert not autoscalers and not budgets, "one replica each locally: no HPA, no PDB"
        for deployment in by_kind(objects, "Deployment").values():
            assert deployment["spec"].get("replicas", 1) == 1
        return
    assert set(autoscalers) == {f"{RELEASE}-backend", f"{RELEASE}-websocket"}
    for autoscaler in autoscalers.values():
        assert autoscaler["spec"]["scaleTargetRef"]["name"] in by_kind(objects, "Deployment")
        assert "replicas" not in by_kind(objects, "Deployment")[autoscaler["spec"]["scaleTargetRef"]["name"]]["spec"]
    assert set(budgets) == {f"{RELEASE}-{c}" for c in COMPONENTS}


def test_ingress_routes_and_websocket_timeouts(layering):
    name, values, objects = layering
    ingress = by_kind(objects, "Ingress")[RELEASE]
    paths = {p["path"]: p["backend"]["service"] for p in ingress["spec"]["rules"][0]["http"]["paths"]}
    assert {path: service["name"] for path, service in paths.items()} == {
        "/api": f"{RELEASE}-backend", "/mcp": f"{RELEASE}-backend",
        "/ws": f"{RELEASE}-websocket", "/": f"{RELEASE}-frontend"}
    services = by_kind(objects, "Service")
    for service in paths.values():
        assert service["port"]["number"] == services[service["name"]]["spec"]["ports"][0]["port"]

    annotations = ingress["metadata"].get("annotations") or {}
    if values["ingress"]["controller"] == "nginx":
        assert ingress["spec"]["ingressClassName"] == values["ingress"]["className"]
        assert int(annotations["nginx.ingress.kubernetes.io/proxy-read-timeout"]) >= 3600
        assert int(annotations["nginx.ingress.kubernetes.io/proxy-send-timeout"]) >= 3600
        assert "kubernetes.io/ingress.class" not in annotations
    else:
        backend_config = by_kind(objects, "BackendConfig")[f"{RELEASE}-websocket"]
        assert backend_config["spec"]["timeoutSec"] >= 3600
        reference = services[f"{RELEASE}-websocket"]["metadata"]["annotations"]["cloud.google.com/backend-config"]
        assert json.loads(reference) == {"default": f"{RELEASE}-websocket"}


def test_each_cloud_ingress_carries_only_its_controllers_annotations():
    expected = {"doks": "nginx", "gke": "gce", "oke": "nginx"}
    for cloud, controller in expected.items():
        values = layered_values(LAYERINGS[f"base+{cloud}"])
        ingress = by_kind(render(values), "Ingress")[RELEASE]
        annotations = ingress["metadata"].get("annotations") or {}
        nginx = sorted(key for key in annotations if key.startswith("nginx.ingress.kubernetes.io/"))
        if controller == "gce":
            # GKE's controller acts on the annotation only; "gce" is no IngressClass there.
            assert annotations["kubernetes.io/ingress.class"] == "gce", cloud
            assert "ingressClassName" not in ingress["spec"], cloud
            assert not nginx, f"{cloud}: ingress-nginx annotations on a GCE Ingress: {nginx}"
            assert annotations["kubernetes.io/ingress.global-static-ip-name"] == "todo-chatbot"
        else:
            assert ingress["spec"]["ingressClassName"] == "nginx", cloud
            assert "kubernetes.io/ingress.class" not in annotations, cloud
            assert annotations["nginx.ingress.kubernetes.io/proxy-read-timeout"] == "3600", cloud
            assert annotations["nginx.ingress.kubernetes.io/proxy-send-timeout"] == "3600", cloud


def test_ingress_annotations_from_values_win_over_the_controllers():
    values = layered_values(LAYERINGS["base+oke"], {
        "ingress": {"annotations": {"nginx.ingress.kubernetes.io/proxy-body-size": "8m"}}})
    annotations = by_kind(render(values), "Ingress")[RELEASE]["metadata"]["annotations"]
    assert annotations["nginx.ingress.kubernetes.io/proxy-body-size"] == "8m"
    assert annotations["nginx.ingress.kubernetes.io/proxy-read-timeout"] == "3600"


def test_migration_job_is_a_pre_install_and_pre_upgrade_hook():
    values = layered_values(LAYERINGS["base+doks"])
    objects = render(values)
    job = by_kind(objects, "Job")[f"{RELEASE}-migrate"]
    assert hook_events(job) == {"pre-install", "pre-upgrade"}
    main = job["spec"]["template"]["spec"]["containers"][0]
    assert main["args"] == ["migrate", "up"]

    # What the Job reads must exist before it: its own hook-scoped ConfigMap (a lower weight,
    # deleted with it once it succeeds), and the operator's Secret.
    config = by_kind(objects, "ConfigMap")[f"{RELEASE}-migrate-config"]
    assert hook_events(config) == {"pre-install", "pre-upgrade"}
    weight = int(job["metadata"]["annotations"]["helm.sh/hook-weight"])
    assert int(config["metadata"]["annotations"]["helm.sh/hook-weight"]) < weight
    policy = set(config["metadata"]["annotations"]["helm.sh/hook-delete-policy"].split(","))
    assert policy == {"before-hook-creation", "hook-succeeded"}
    assert main["envFrom"] == [{"configMapRef": {"name": config["metadata"]["name"]}}]
    assert config["data"]["TODO_DATABASE_POOL_SIZE"] == values["config"]["TODO_DATABASE_POOL_SIZE"]
    database = {e["name"]: e for e in main["env"]}["DATABASE_URL"]["valueFrom"]["secretKeyRef"]
    assert database == {"name": "todo-chatbot-secrets", "key": "database-url"}
    assert f"{RELEASE}-migrate-secrets" not in by_kind(objects, "Secret")
    # The services do not migrate on their own when the Job does.
    assert by_kind(objects, "ConfigMap")[f"{RELEASE}-config"]["data"]["TODO_DATABASE_AUTO_MIGRATE"] == "false"


def test_release_config_and_secret_are_ordinary_objects_and_the_job_has_its_own_copies():
    # Hooks would escape rollback and uninstall, and change under the running Pods even when the
    # migration fails; only the Job's copies may be hooks.
    values = layered_values(LAYERINGS["base+local"], {"migrations": {"enabled": True}})
    objects = render(values)
    config = by_kind(objects, "ConfigMap")[f"{RELEASE}-config"]
    secret = by_kind(objects, "Secret")[f"{RELEASE}-secrets"]
    assert not hook_events(config) and not hook_events(secret)
    for deployment in by_kind(objects, "Deployment").values():
        if deployment["metadata"]["labels"]["app.kubernetes.io/component"] in COMPONENTS:
            assert container(deployment)["envFrom"] == [{"configMapRef": {"name": f"{RELEASE}-config"}}]

    job = by_kind(objects, "Job")[f"{RELEASE}-migrate"]
    copies = [by_kind(objects, "ConfigMap")[f"{RELEASE}-migrate-config"],
              by_kind(objects, "Secret")[f"{RELEASE}-migrate-secrets"]]
    weight = int(job["metadata"]["annotations"]["helm.sh/hook-weight"])
    for copy in copies:
        annotations = copy["metadata"]["annotations"]
        assert hook_events(copy) == hook_events(job)
        assert int(annotations["helm.sh/hook-weight"]) < weight
        assert set(annotations["helm.sh/hook-delete-policy"].split(",")) == {"before-hook-creation", "hook-succeeded"}
    # The Job's Secret holds the database URL only: no JWT key to keep in step with the release's.
    assert copies[1]["data"] == {"database-url": secret["data"]["database-url"]}
    main = job["spec"]["template"]["spec"]["containers"][0]
    references = {e["valueFrom"]["secretKeyRef"]["name"] for e in main["env"] if "valueFrom" in e}
    assert references == {f"{RELEASE}-migrate-secrets"}


def test_pods_roll_when_secret_values_change_and_only_then():
    values = layered_values(LAYERINGS["base+local"])

    def checksums(objects):
        annotations = {name: d["spec"]["template"]["metadata"]["annotations"]
                       for name, d in by_kind(objects, "Deployment").items() if name.startswith(f"{RELEASE}-")
                       and d["metadata"]["labels"]["app.kubernetes.io/component"] in COMPONENTS}
        # The frontend reads no secret, so it does not roll for one.
        assert "checksum/secret" not in annotations.pop(f"{RELEASE}-frontend")
        return {name: a["checksum/secret"] for name, a in annotations.items()}

    first, second = render(values), render(values)
    # Offline, each render generates another JWT key: the checksum must not follow it.
    assert by_kind(first, "Secret")[f"{RELEASE}-secrets"]["data"]["jwt-secret"] != \
        by_kind(second, "Secret")[f"{RELEASE}-secrets"]["data"]["jwt-secret"]
    assert checksums(first) == checksums(second) and len(checksums(first)) == len(COMPONENTS) - 1
    assert len(set(checksums(first).values())) == 1

    changed = render(layered_values(LAYERINGS["base+local"], {"secrets": {"llmApiKey": "sk-new"}}))
    assert set(checksums(changed).values()).isdisjoint(checksums(first).values())


def test_secrets_never_inline_in_cloud_values():
    for path in CLOUD_FILES:
        values = yaml.safe_load(path.read_text())
        secrets = values.get("secrets", {})
        assert secrets.get("existingSecret") == "todo-chatbot-secrets", path.name
        assert set(secrets) == {"existingSecret"}, f"{path.name} holds secret values"
        assert not SECRET_ENV & set(values.get("config", {})), path.name
        text = path.read_text().lower()
        assert "password:" not in text and "postgres://" not in text and "postgresql://" not in text

        objects = render(layered_values([CHART / "values.yaml", path]))
        assert not by_kind(objects, "Secret"), f"{path.name}: the chart must not create a Secret"
        for deployment in by_kind(objects, "Deployment").values():
            for env in container(deployment)["env"]:
                if env["name"] in SECRET_ENV:
                    assert env["valueFrom"]["secretKeyRef"]["name"] == "todo-chatbot-secrets"
                    assert "value" not in env


def test_only_the_services_that_open_storage_get_secrets(layering):
    """The web UI opens no database or broker (`serve frontend` alone), so the Pods the Ingress
    exposes at `/` hold none of the secrets; every other service gets each of them."""
    _, _, objects = layering
    for component in COMPONENTS:
        deployment = by_kind(objects, "Deployment")[f"{RELEASE}-{component}"]
        names = {env["name"] for env in container(deployment)["env"]}
        if component == "frontend":
            assert not names & SECRET_ENV
            assert not any("secretKeyRef" in env.get("valueFrom", {}) for env in container(deployment)["env"])
        else:
            assert SECRET_ENV <= names, component


def test_cloud_values_use_tls_and_scram_for_redpanda():
    for path in CLOUD_FILES:
        kafka = yaml.safe_load(path.read_text())["broker"]["kafka"]
        assert kafka["securityProtocol"] == "SASL_SSL" and kafka["saslMechanism"] == "SCRAM-SHA-256"
        assert yaml.safe_load(path.read_text())["storageClass"]


def test_secret_is_created_with_a_generated_jwt_key_locally():
    objects = render(layered_values(LAYERINGS["base+local"]))
    secret = by_kind(objects, "Secret")[f"{RELEASE}-secrets"]
    assert secret["metadata"]["annotations"]["helm.sh/resource-policy"] == "keep"
    assert len(base64.b64decode(secret["data"]["jwt-secret"])) >= 32
    assert base64.b64decode(secret["data"]["database-url"]).startswith(b"postgres://")


def test_a_typo_in_values_fails_at_install():
    import helm_python as helm

    values = layered_values(LAYERINGS["base+local"], {"services": {"backend": {"replcas": 3}}})
    config = helm.Config(namespace=NAMESPACE, storage_driver="memory")
    with pytest.raises(helm.HelmError) as raised:
        config.install(str(CHART), RELEASE, values, namespace=NAMESPACE, dry_run="client")
    assert "replcas" in str(raised.value)


def test_secret_values_cannot_go_into_the_config_map():
    import helm_python as helm

    values = layered_values(LAYERINGS["base+local"], {"config": {"JWT_SECRET": "inline"}})
    with pytest.raises(helm.HelmError):
        helm.Chart.load(CHART).validate_schema(values)


def test_optional_quota_network_policy_and_service_monitor():
    values = layered_values(LAYERINGS["base+doks"], {
        "resourceQuota": {"enabled": True}, "metrics": {"serviceMonitor": {"enabled": True}}})
    objects = render(values)
    assert by_kind(objects, "ResourceQuota")
    policy = by_kind(objects, "NetworkPolicy")[RELEASE]
    ports = {p["port"] for p in policy["spec"]["ingress"][0]["ports"]}
    assert ports == {values["services"][c]["port"] for c in COMPONENTS}
    assert by_kind(objects, "ServiceMonitor")[RELEASE]["spec"]["endpoints"][0]["path"] == "/metrics"


def quantity(text):
    """A Kubernetes CPU or memory quantity as a number (cores, bytes)."""
    text = str(text)
    units = {"m": 1e-3, "Ki": 2**10, "Mi": 2**20, "Gi": 2**30, "k": 1e3, "M": 1e6, "G": 1e9}
    for unit in sorted(units, key=len, reverse=True):
        if text.endswith(unit):
            return float(text[:-len(unit)]) * units[unit]
    return float(text)


SIDECAR_ANNOTATIONS = {
    ("requests", "cpu"): "dapr.io/sidecar-cpu-request", ("limits", "cpu"): "dapr.io/sidecar-cpu-limit",
    ("requests", "memory"): "dapr.io/sidecar-memory-request", ("limits", "memory"): "dapr.io/sidecar-memory-limit"}


def test_the_quota_admits_every_pod_with_dapr_and_the_in_cluster_dependencies():
    values = layered_values(LAYERINGS["base+local"], {
        "resourceQuota": {"enabled": True}, "dapr": {"enabled": True}, "redis": {"enabled": True}})
    objects = render(values)
    hard = by_kind(objects, "ResourceQuota")[RELEASE]["spec"]["hard"]
    totals = {key: 0.0 for key in SIDECAR_ANNOTATIONS}
    pods = 0
    workloads = [o for o in objects if o["kind"] in ("Deployment", "StatefulSet", "Job")]
    assert {"postgres", "redpanda", "redis"} <= {w["metadata"]["name"] for w in workloads}
    for workload in workloads:
        template = workload["spec"]["template"]
        replicas = workload["spec"].get("replicas", 1)
        pods += replicas
        # A quota on requests and limits refuses a Pod with any container that lacks one.
        for main in template["spec"]["containers"]:
            for kind, resource in SIDECAR_ANNOTATIONS:
                amount = main.get("resources", {}).get(kind, {}).get(resource)
                assert amount, f"{workload['metadata']['name']}/{main['name']}: no {kind}.{resource}"
                totals[(kind, resource)] += replicas * quantity(amount)
        annotations = template["metadata"].get("annotations") or {}
        if annotations.get("dapr.io/enabled") == "true":
            for key, annotation in SIDECAR_ANNOTATIONS.items():
                assert annotation in annotations, f"{workload['metadata']['name']}: no {annotation} for daprd"
                totals[key] += replicas * quantity(annotations[annotation])
    sidecars = [w for w in workloads if "dapr.io/enabled" in w["spec"]["template"]["metadata"].get("annotations", {})]
    assert len(sidecars) == 4, "backend, websocket, recurring-task and notification run daprd"
    for (kind, resource), total in totals.items():
        assert total <= quantity(hard[f"{kind}.{resource}"]), (kind, resource, total)
    assert pods <= int(hard["pods"])


def test_the_quota_with_dapr_refuses_a_sidecar_without_limits():
    import helm_python as helm

    values = layered_values(LAYERINGS["base+local"], {"resourceQuota": {"enabled": True}, "dapr": {"enabled": True}})
    # As `--set dapr.sidecar.resources.limits.cpu=null` would: Helm drops a default set to null.
    values["dapr"]["sidecar"]["resources"]["limits"]["cpu"] = None
    with pytest.raises(helm.HelmError) as raised:
        helm.Chart.load(CHART).render(values, name=RELEASE, namespace=NAMESPACE, is_install=True, is_upgrade=False)
    assert "dapr.sidecar.resources.limits.cpu" in str(raised.value)


def test_prometheus_scrape_annotations(layering):
    _, values, objects = layering
    for component in COMPONENTS:
        deployment = by_kind(objects, "Deployment")[f"{RELEASE}-{component}"]
        annotations = deployment["spec"]["template"]["metadata"]["annotations"]
        assert annotations["prometheus.io/scrape"] == "true"
        assert annotations["prometheus.io/path"] == "/metrics"
        assert annotations["prometheus.io/port"] == str(values["services"][component]["port"])
