"""Shared helpers for the deployment checks: paths, values layering and chart rendering."""

import os
import pathlib
import subprocess

import pytest
import yaml

ROOT = pathlib.Path(__file__).resolve().parents[2]
CHART = ROOT / "helm" / "todo-chatbot"
RELEASE = "todo-chatbot"
NAMESPACE = "todo"

# Every layering an operator runs, as in the runbook: base values, then one environment.
LAYERINGS = {
    "base+local": [CHART / "values.yaml", CHART / "values-local.yaml"],
    "base+doks": [CHART / "values.yaml", ROOT / "helm" / "values-doks.yaml"],
    "base+gke": [CHART / "values.yaml", ROOT / "helm" / "values-gke.yaml"],
    "base+oke": [CHART / "values.yaml", ROOT / "helm" / "values-oke.yaml"],
}
CLOUD_FILES = [ROOT / "helm" / f"values-{cloud}.yaml" for cloud in ("doks", "gke", "oke")]
COMPONENTS = ["backend", "frontend", "websocket", "recurring-task", "notification"]


def deep_merge(base, override):
    """Helm's -f layering: maps merge key by key, anything else is replaced by the later file."""
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = deep_merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def layered_values(files, extra=None):
    """The values of several -f files layered in order, then `extra` on top."""
    import helm_python as helm

    values = {}
    for path in files:
        values = deep_merge(values, helm.values_from_yaml(pathlib.Path(path).read_text()))
    return deep_merge(values, extra or {})


class UniqueKeyLoader(yaml.SafeLoader):
    """YAML that refuses a key twice in one mapping: PyYAML keeps the last silently, where the API
    server may keep either, so a template that writes a key twice is a bug."""

    def construct_mapping(self, node, deep=False):
        seen = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(None, None, f"duplicate key {key!r}", key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def render(values, config=None, upgrade=False):
    """Every rendered object (hooks included) of the chart with `values`, as parsed YAML.

    Offline rendering (`lookup` finds nothing) unless `config` is a helm Config for a cluster.
    """
    import helm_python as helm

    chart = helm.Chart.load(CHART)
    chart.validate_schema(values)
    options = dict(name=RELEASE, namespace=NAMESPACE, is_install=not upgrade, is_upgrade=upgrade)
    if config is None:
        templates = chart.render(values, **options)
    else:
        templates = config.render(chart, values, **options)
    objects = []
    for path, text in sorted(templates.items()):
        if path.endswith("NOTES.txt"):
            continue
        for document in yaml.load_all(text, Loader=UniqueKeyLoader):
            if document:
                objects.append(document)
    return objects


def by_kind(objects, kind):
    """Objects of one kind, by name."""
    return {o["metadata"]["name"]: o for o in objects if o["kind"] == kind}


@pytest.fixture(scope="session", params=sorted(LAYERINGS))
def layering(request):
    """(name, values, rendered objects) for each values layering."""
    values = layered_values(LAYERINGS[request.param])
    return request.param, values, render(values)


@pytest.fixture(scope="session")
def release_binary():
    """The todo-chatbot binary: TODO_RELEASE_BIN, else a release build with the Swift runtime linked in
    statically (as the Containerfile builds it), in .build/deploy-release."""
    configured = os.environ.get("TODO_RELEASE_BIN")
    if configured:
        return pathlib.Path(configured)
    scratch = ROOT / ".build" / "deploy-release"
    command = ["swift", "build", "-c", "release", "--static-swift-stdlib", "--product", "todo-chatbot"]
    build = subprocess.run(command + ["--scratch-path", str(scratch)], cwd=ROOT, capture_output=True, text=True)
    if build.returncode != 0:
        errors = [line for line in (build.stdout + build.stderr).splitlines() if "error:" in line]
        pytest.fail("release build failed:\n" + "\n".join(errors[:20] or [build.stderr[-2000:]]))
    bin_dir = subprocess.run(
        command[:4] + ["--show-bin-path", "--scratch-path", str(scratch)],
        cwd=ROOT, check=True, capture_output=True, text=True).stdout.strip()
    return pathlib.Path(bin_dir) / "todo-chatbot"
