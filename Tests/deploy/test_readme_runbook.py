"""The README's "Deploying to Kubernetes" runbook and the chart's NOTES.txt against the chart:
every Deployment, Job and Secret they name is one the chart renders (or, for a Secret the
operator creates, the one every Deployment that opens storage, or the Ingress, reads), every command runs in the
release's namespace, the cloud steps come in an order that works, and the helm commands name the
chart, the release and values files that exist, so the runbook cannot drift from what
`helm upgrade` installs."""

import re

import pytest

from conftest import CHART, LAYERINGS, NAMESPACE, RELEASE, ROOT, by_kind, layered_values, render

SECTION = re.compile(r"^## Deploying to Kubernetes\n(.*?)^## ", re.S | re.M)
KIND_AND_NAME = re.compile(r"(?<![\w/])(deployment|deploy|job|secret|svc)/([a-z0-9-]+)")
BARE_NAME = re.compile(r"\btodo-chatbot-[a-z0-9-]+\b")


def runbook():
    text = (ROOT / "README.md").read_text()
    match = SECTION.search(text)
    assert match, "README.md has no '## Deploying to Kubernetes' section"
    return match.group(1)


def named_objects(text):
    """(kind or None, name) of every object the runbook names: `deployment/NAME`, `job/NAME`, or a
    bare `todo-chatbot-...` name."""
    found = set()
    for kind_match in KIND_AND_NAME.finditer(text):
        kind = {"deploy": "deployment"}.get(kind_match.group(1), kind_match.group(1))
        found.add((kind, kind_match.group(2)))
    bare = set(BARE_NAME.findall(text))
    return found | {(None, name) for name in bare if not any(name == named for _, named in found)}


def secrets_read_by_deployments(objects):
    """The Secret names every Deployment's containers read through `secretKeyRef` or `secretRef`,
    the frontend's aside: it opens no storage and is given no secrets."""
    names = []
    for name, deployment in by_kind(objects, "Deployment").items():
        if name.endswith("-frontend"):
            continue
        read = set()
        for container in deployment["spec"]["template"]["spec"]["containers"]:
            for variable in container.get("env", []):
                reference = (variable.get("valueFrom") or {}).get("secretKeyRef")
                if reference:
                    read.add(reference["name"])
            for source in container.get("envFrom", []):
                if "secretRef" in source:
                    read.add(source["secretRef"]["name"])
        names.append(read)
    return set.intersection(*names) if names else set()


def tls_secrets(objects):
    """The TLS Secrets the Ingress names (the operator or cert-manager creates them)."""
    return {tls["secretName"] for ingress in by_kind(objects, "Ingress").values()
            for tls in ingress["spec"].get("tls") or []}


def commands(text):
    """Every kubectl and helm command of a shell block, continuation lines joined."""
    return re.findall(r"^\s*((?:kubectl|helm) [^\n]*)", text.replace("\\\n", " "), re.M)


@pytest.fixture(scope="module")
def renders():
    return {name: render(layered_values(files)) for name, files in LAYERINGS.items()}


def test_the_runbook_names_objects(renders):
    named = named_objects(runbook())

    assert ("deployment", f"{RELEASE}-backend") in named
    assert ("deployment", f"{RELEASE}-notification") in named
    assert ("job", f"{RELEASE}-migrate") in named
    assert any(name == f"{RELEASE}-secrets" for _, name in named)


def test_every_object_the_runbook_names_is_in_the_chart(renders):
    assert_named_objects_exist(runbook(), renders)


def assert_named_objects_exist(text, renders):
    kinds = {"deployment": "Deployment", "job": "Job", "secret": "Secret", "svc": "Service"}
    ingress_secrets = set().union(*(tls_secrets(objects) for objects in renders.values()))
    for kind, name in sorted(named_objects(text), key=str):
        if kind in ("secret", None) and name in ingress_secrets:
            continue  # a TLS Secret the Ingress reads in some layering
        for layering, objects in renders.items():
            if kind == "job" or (kind is None and name.endswith("-migrate")):
                # The migration hook runs where the chart applies migrations (not values-local.yaml).
                if not layered_values(LAYERINGS[layering])["migrations"]["enabled"]:
                    continue
                assert name in by_kind(objects, "Job"), f"{layering}: no Job {name}"
            elif kind == "secret" or (kind is None and name.endswith("-secrets")):
                rendered = name in by_kind(objects, "Secret")
                assert rendered or name in secrets_read_by_deployments(objects), (
                    f"{layering}: Secret {name} is neither rendered nor read by every Deployment that opens storage")
            elif kind is not None:
                assert name in by_kind(objects, kinds[kind]), f"{layering}: no {kinds[kind]} {name}"
            else:
                every_name = {obj["metadata"]["name"] for obj in objects}
                assert name in every_name, f"{layering}: the chart renders nothing named {name}"


def test_the_migration_job_exists_in_a_cloud_layering(renders):
    # Otherwise the loop above could skip the Job everywhere.
    assert f"{RELEASE}-migrate" in by_kind(renders["base+doks"], "Job")


def test_the_helm_commands_use_the_chart_the_release_and_real_values_files():
    text = runbook()
    commands = re.findall(r"^helm [^\n]*", text.replace("\\\n", " "), re.M)
    installs = [command for command in commands if command.startswith("helm upgrade --install")]

    assert len(installs) >= 2, commands
    for command in installs:
        words = command.split()
        assert words[3:5] == [RELEASE, "helm/todo-chatbot"], command
        files = [words[index + 1] for index, word in enumerate(words) if word == "-f"]
        assert files[0] == "helm/todo-chatbot/values.yaml", command
        for path in files:
            assert (ROOT / path).is_file(), f"{path} in {command!r} does not exist"
    for cloud in ("doks", "gke", "oke"):
        assert f"values-{cloud}.yaml" in text and (ROOT / "helm" / f"values-{cloud}.yaml").is_file()
    rollbacks = [command for command in commands if " rollback " in command or " history " in command]
    assert rollbacks and all(RELEASE in command.split() for command in rollbacks)


def test_every_command_runs_in_the_release_namespace():
    found = commands(runbook())
    assert len(found) > 10, found
    for command in found:
        words = command.split()
        if words[:3] == ["kubectl", "create", "namespace"]:
            assert words[3] == NAMESPACE, command
            continue
        assert "-n" in words and words[words.index("-n") + 1] == NAMESPACE, command


def test_the_cloud_steps_come_in_an_order_that_works():
    found = commands(runbook())

    def first(predicate, what):
        indexes = [i for i, command in enumerate(found) if predicate(command)]
        assert indexes, f"the runbook has no {what}"
        return indexes[0]

    namespace = first(lambda c: c.startswith(f"kubectl create namespace {NAMESPACE}"), "namespace creation")
    secret = first(lambda c: "create secret generic todo-chatbot-secrets" in c, "Secret creation")
    tls = first(lambda c: "create secret tls" in c, "TLS Secret creation")
    cloud = first(lambda c: c.startswith("helm upgrade --install") and "helm/values-" in c, "cloud install")
    # The cloud files name an existing Secret: the install fails (or its Pods never start) before it.
    assert namespace < secret < cloud and namespace < tls < cloud
    for command in found:
        if command.startswith("helm upgrade --install") and found.index(command) < namespace:
            assert "--create-namespace" in command, f"runs before the namespace exists: {command}"


def test_the_tls_secret_the_cloud_ingresses_need_is_created_or_issued(renders):
    text = runbook()
    for cloud in ("doks", "gke", "oke"):
        values = layered_values(LAYERINGS[f"base+{cloud}"])
        annotations = values["ingress"]["annotations"]
        for name in tls_secrets(renders[f"base+{cloud}"]):
            if "cert-manager.io/cluster-issuer" in annotations:
                continue
            assert re.search(rf"create secret tls {name}\b", text), f"{cloud}: nothing creates {name}"


def test_the_serve_commands_the_readme_names_are_the_charts(renders):
    chart_commands = {values["command"] for values in layered_values(LAYERINGS["base+doks"])["services"].values()}
    named = set(re.findall(r"`(?:todo-chatbot )?serve ([a-z][a-z-]*)`", (ROOT / "README.md").read_text()))
    assert named, "README.md names no `serve SERVICE`"
    assert not sorted(named - chart_commands), f"README names `serve` arguments the chart does not use: {named}"


def notes(values):
    import helm_python as helm

    rendered = helm.Chart.load(CHART).render(values, name=RELEASE, namespace=NAMESPACE, is_install=True,
                                             is_upgrade=False)
    return next(text for path, text in rendered.items() if path.endswith("NOTES.txt"))


@pytest.mark.parametrize("name", sorted(LAYERINGS))
def test_notes_name_only_objects_the_chart_renders(name, renders):
    values = layered_values(LAYERINGS[name], {"dapr": {"enabled": True}})
    text = notes(values)
    for command in commands(text):
        assert f"-n {NAMESPACE}" in command, command
    assert_named_objects_exist(text, {name: renders[name]})
    # The Job is gone once it succeeded, which is when NOTES are shown: named only as what stays
    # after a failure.
    if values["migrations"]["enabled"]:
        assert f"logs job/{RELEASE}-migrate" in text and "fails" in text
    else:
        assert "migrate" not in text
