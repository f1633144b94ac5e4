"""Shared parts of the `events.broker=dapr` end-to-end tests: the settings that point a process at
the stand-in sidecar (dapr_standin.py), a fixture that runs one, and readers of what it received."""

import pytest
import requests

from conftest import free_port
from dapr_standin import DaprStandIn

PUBSUB = "todo-pubsub"


def dapr_environment(sidecar_port, **extra):
    return {"TODO_BROKER": "dapr", "DAPR_HTTP_PORT": str(sidecar_port), "TODO_DAPR_PUBSUB": PUBSUB, **extra}


@pytest.fixture
def sidecar():
    """A stand-in sidecar on a free port, closed after the test."""
    stand_in = DaprStandIn(free_port()).start()
    try:
        yield stand_in
    finally:
        stand_in.close()


def events_of(stand_in, topic, subject=None):
    found = [(m, m.json()) for m in stand_in.messages(topic) if m.content_type == "application/cloudevents+json"]
    return [(m, e) for m, e in found if subject is None or e.get("subject") == subject]


def ready(server):
    return requests.get(server.url("/health/ready"), timeout=10).json()
