"""The README's "Deploying to Kubernetes" runbook against the chart: every Deployment, Job and
Secret it names is one the chart renders (or, for a Secret the operator creates, the one every
Deployment reads), and its helm commands name the chart, the release and values files that
exist, so the runbook cannot drift from what `helm upgrade` installs."""

import re

import pytest

from conftest import LAYERINGS, RELEASE, ROOT, by_kind, layered_values, render

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
    """The Secret names every Deployment's containers read through `secretKeyRef` or `secretRef`."""
    names = []
    for deployment in by_kind(objects, "Deployment").values():
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
    kinds = {"deployment": "Deployment", "job": "Job", "secret": "Secret", "svc": "Service"}
    for kind, name in sorted(named_objects(runbook()), key=str):
        for layering, objects in renders.items():
            if kind == "job" or (kind is None and name.endswith("-migrate")):
                # The migration hook runs where the chart applies migrations (not values-local.yaml).
                if not layered_values(LAYERINGS[layering])["migrations"]["enabled"]:
                    continue
                assert name in by_kind(objects, "Job"), f"{layering}: no Job {name}"
            elif kind == "secret" or (kind is None and name.endswith("-secrets")):
                rendered = name in by_kind(objects, "Secret")
                assert rendered or name in secrets_read_by_deployments(objects), (
                    f"{layering}: Secret {name} is neither rendered nor read by every Deployment")
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
