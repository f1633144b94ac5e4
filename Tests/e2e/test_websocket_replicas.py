"""Scale-out: two WebSocket service processes on one event log, each with its own consumer group,
so each receives every update and delivers those of the users connected to it."""

import pytest

from conftest import sign_up, stop_server
from sync_stack import assert_nothing_pending, open_socket, receive, receive_ready, start_stack


@pytest.fixture(scope="module")
def replicas(tmp_path_factory):
    root = tmp_path_factory.mktemp("replicas")
    first = start_stack(root / "first")
    try:
        second = start_stack(root / "second", services=("websocket",), data_dir=first.data_dir)
        try:
            yield first, second
        finally:
            stop_server(second)
    finally:
        stop_server(first)


def test_each_replica_has_its_own_consumer_group(replicas):
    first, second = replicas
    groups = [r.ready().json()["checks"]["subscription"]["details"]["group"] for r in replicas]
    assert groups[0] != groups[1]
    assert first.stats()["replica"] != second.stats()["replica"]


def test_a_change_reaches_the_users_connections_on_both_replicas_and_no_one_else(replicas):
    first, second = replicas
    alice, bob = sign_up(first, "alice"), sign_up(first, "bob")
    with open_socket(first, alice.token) as on_first, open_socket(second, alice.token) as on_second, \
            open_socket(second, bob.token) as bob_on_second:
        for ws in (on_first, on_second, bob_on_second):
            receive_ready(ws)
        task = alice.create_task(title="Seen everywhere")

        assert receive(on_first)["task_id"] == task["id"]
        assert receive(on_second)["task_id"] == task["id"]
        assert_nothing_pending(bob_on_second)
        assert second.stats()["events_delivered"] >= 1


def test_a_position_from_one_replica_resumes_on_the_other(replicas):
    first, second = replicas
    alice = sign_up(first)
    with open_socket(first, alice.token) as ws:
        receive_ready(ws)
        alice.create_task(title="Seen on the first")
        position = receive(ws)["position"]

    missed = [alice.create_task(title=f"Missed {index}")["id"] for index in range(3)]
    with open_socket(second, alice.token, since=position) as ws:
        replayed, ready = receive_ready(ws)
        assert [m["task_id"] for m in replayed] == missed
        assert ready["replayed"] == 3
