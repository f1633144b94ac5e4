"""The WebSocket sync service end to end: the real binary (`serve backend websocket`), real clients
(the `websockets` package, and raw sockets for peers that misbehave), changes made through the
REST API. docs/websocket.md is the protocol these tests hold the service to."""

import json
import time

import pytest
import requests
from websockets.exceptions import ConnectionClosed

from conftest import sign_up, stop_server
from sync_stack import (
    RawSocket, assert_nothing_pending, forge_token, open_socket, receive, receive_ready, start_stack,
    stream_position, wait_for)


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    running = start_stack(tmp_path_factory.mktemp("sync"))
    try:
        yield running
    finally:
        stop_server(running)


def closed_with(ws, timeout=10):
    """Waits for the server to close `ws`; returns (code, reason) of the close frame it sent."""
    with pytest.raises(ConnectionClosed) as closed:
        while True:
            ws.recv(timeout=timeout)
    frame = closed.value.rcvd
    assert frame is not None, f"closed without a close frame: {closed.value}"
    return frame.code, frame.reason


def test_both_tabs_of_a_user_get_an_api_change_and_another_user_gets_nothing(stack):
    alice, bob = sign_up(stack, "alice"), sign_up(stack, "bob")
    with open_socket(stack, alice.token) as tab1, \
            open_socket(stack, headers={"Authorization": f"Bearer {alice.token}"}) as tab2, \
            open_socket(stack, bob.token) as other:
        for ws in (tab1, tab2, other):
            _, ready = receive_ready(ws)
            assert ready["v"] == 1
        task = alice.create_task(title="Water the plants", priority="high")

        for ws in (tab1, tab2):
            message = receive(ws)
            assert message["type"] == "task.changed"
            assert message["task_id"] == task["id"]
            assert message["task"] == task
            assert message["version"] == 1
            assert message["v"] == 1 and message["event_id"] and message["position"]
        assert_nothing_pending(other)


def test_a_task_added_through_the_chat_reaches_the_open_tab(stack):
    alice = sign_up(stack)
    with open_socket(stack, alice.token) as tab:
        receive_ready(tab)
        reply = alice.post("/api/chat", json={"message": "add water the ferns"}, headers={"X-Correlation-ID": "chat-7"})
        assert reply.status_code == 200, reply.text
        task_id = reply.json()["actions"][0]["result"]["task"]["id"]

        message = receive(tab)
        assert message["type"] == "task.changed"
        assert message["task"] == alice.get(f"/api/tasks/{task_id}").json()
        assert message["correlation_id"] == "chat-7"


def test_ready_names_the_user_and_the_position_to_resume_from(stack):
    alice = sign_up(stack)
    with open_socket(stack, alice.token) as ws:
        replayed, ready = receive_ready(ws)
        assert replayed == []
        assert ready["user_id"] == alice.user["id"]
        assert ready["replayed"] == 0
        assert ready["heartbeat_seconds"] == 1
        for stream in "un":
            partition, offset = stream_position(ready["position"], stream)
            assert partition >= 0 and offset >= 0


def test_update_complete_and_delete_arrive_in_order_with_versions(stack):
    alice = sign_up(stack)
    with open_socket(stack, alice.token) as ws:
        receive_ready(ws)
        task = alice.create_task(title="Draft")
        assert alice.patch(f"/api/tasks/{task['id']}", json={"title": "Final"}).status_code == 200
        assert alice.post(f"/api/tasks/{task['id']}/complete").status_code == 200
        assert alice.delete(f"/api/tasks/{task['id']}").status_code == 204

        messages = [receive(ws) for _ in range(4)]
        assert [m["type"] for m in messages] == ["task.changed"] * 3 + ["task.deleted"]
        assert [m["version"] for m in messages] == [1, 2, 3, 3]
        assert messages[1]["task"]["title"] == "Final"
        assert messages[2]["task"]["completed"] is True
        assert "task" not in messages[3]
        offsets = [stream_position(m["position"], "u")[1] for m in messages]
        assert offsets == sorted(offsets) and len(set(offsets)) == 4


def test_correlation_id_of_the_request_travels_with_the_message(stack):
    alice = sign_up(stack)
    with open_socket(stack, alice.token) as ws:
        receive_ready(ws)
        alice.post("/api/tasks", json={"title": "Tagged"}, headers={"X-Correlation-ID": "tab-7-save"})
        assert receive(ws)["correlation_id"] == "tab-7-save"


@pytest.mark.parametrize("make_token, code, reason", [
    (lambda stack, user: None, 4001, "missing_token"),
    (lambda stack, user: "not.a.token", 4001, "token_malformed"),
    (lambda stack, user: forge_token("another secret of at least thirty-two bytes", user), 4001, "token_key_unknown"),
    (lambda stack, user: forge_token(stack.secret(), user, issuer="someone-else"), 4001, "token_issuer_invalid"),
    (lambda stack, user: forge_token(stack.secret(), user, issued_at=int(time.time()) - 7200,
                                     expires_at=int(time.time()) - 3600), 4002, "token_expired"),
])
def test_bad_tokens_are_refused_with_documented_close_codes(stack, make_token, code, reason):
    alice = sign_up(stack)
    before = stack.stats()["connections_refused"]
    with open_socket(stack, make_token(stack, alice.user["id"])) as ws:
        assert closed_with(ws) == (code, reason)
    assert stack.stats()["connections_refused"] == before + 1


def test_token_with_a_forged_signature_is_refused(stack):
    alice = sign_up(stack)
    header, payload, _ = alice.token.split(".")
    with open_socket(stack, f"{header}.{payload}.{'A' * 43}") as ws:
        assert closed_with(ws) == (4001, "token_signature_invalid")


def test_connection_closes_when_its_token_expires_unless_a_fresh_one_is_sent(stack):
    alice = sign_up(stack)
    # Expired 27 s ago: still inside the 30 s leeway, so accepted, and due to close in about 3 s.
    now = int(time.time())
    short = forge_token(stack.secret(), alice.user["id"], issued_at=now - 60, expires_at=now - 27)
    with open_socket(stack, short) as stale, open_socket(stack, short) as refreshed:
        receive_ready(stale)
        receive_ready(refreshed)
        refreshed.send(json.dumps({"type": "auth", "token": alice.token}))
        answer = receive(refreshed)
        assert answer["type"] == "auth.ok"
        assert answer["token_expires_at"] == alice.session["expires_at"]

        assert closed_with(stale, timeout=15) == (4002, "token_expired")
        task = alice.create_task(title="After the old token")
        assert receive(refreshed)["task_id"] == task["id"]


def test_refresh_with_another_users_or_a_bad_token_is_refused_and_the_socket_stays(stack):
    alice, bob = sign_up(stack), sign_up(stack)
    with open_socket(stack, alice.token) as ws:
        receive_ready(ws)
        ws.send(json.dumps({"type": "auth", "token": bob.token}))
        assert receive(ws) == {"v": 1, "type": "error", "code": "token_subject_mismatch",
                               "message": "The token belongs to another user"}
        ws.send(json.dumps({"type": "auth", "token": "garbage"}))
        assert receive(ws)["code"] == "token_malformed"
        assert_nothing_pending(ws)


def test_reconnecting_with_a_position_gets_exactly_the_missed_updates(stack):
    alice, bob = sign_up(stack), sign_up(stack)
    with open_socket(stack, alice.token) as ws:
        receive_ready(ws)
        first = alice.create_task(title="Seen live")
        last_seen = receive(ws)
        assert last_seen["task_id"] == first["id"]

    missed = [alice.create_task(title=f"Missed {index}") for index in range(4)]
    bob.create_task(title="Not alice's")
    with open_socket(stack, alice.token, since=last_seen["position"]) as ws:
        replayed, ready = receive_ready(ws)
        assert [m["task_id"] for m in replayed] == [task["id"] for task in missed]
        assert ready["replayed"] == 4
        # Other users' events may share the partition, so `ready` may stand past the last replayed one.
        ready_partition, ready_offset = stream_position(ready["position"], "u")
        last_partition, last_offset = stream_position(replayed[-1]["position"], "u")
        assert ready_partition == last_partition and ready_offset >= last_offset

        live = alice.create_task(title="Live again")
        message = receive(ws)
        assert message["task_id"] == live["id"]
        assert_nothing_pending(ws)
    assert stack.stats()["replayed_messages"] >= 4


def test_resuming_from_the_latest_position_replays_nothing(stack):
    alice = sign_up(stack)
    with open_socket(stack, alice.token) as ws:
        _, ready = receive_ready(ws)
    with open_socket(stack, alice.token, since=ready["position"]) as ws:
        replayed, again = receive_ready(ws)
        assert replayed == [] and again["replayed"] == 0
        assert again["position"] == ready["position"]


@pytest.mark.parametrize("since, reason", [
    ("not-a-position", "position_invalid"), ("u0:0", "position_invalid"), ("u999:0,n999:0", "position_unknown"),
])
def test_unusable_position_is_answered_with_refetch(stack, since, reason):
    alice = sign_up(stack)
    with open_socket(stack, alice.token, since=since) as ws:
        before, ready = receive_ready(ws)
        assert [m["type"] for m in before] == ["refetch"]
        assert before[0]["reason"] == reason
        assert before[0]["position"] == ready["position"]
        task = alice.create_task(title="Live after refetch")
        assert receive(ws)["task_id"] == task["id"]


def test_missing_more_than_a_replay_holds_is_answered_with_refetch(stack):
    alice = sign_up(stack)
    with open_socket(stack, alice.token) as ws:
        _, ready = receive_ready(ws)
    # The stack's send queue holds 16 messages, so a replay sends at most 8.
    for index in range(9):
        alice.create_task(title=f"While away {index}")
    with open_socket(stack, alice.token, since=ready["position"]) as ws:
        before, again = receive_ready(ws)
        assert [(m["type"], m["reason"]) for m in before] == [("refetch", "too_far_behind")]
        assert again["replayed"] == 0


def test_stalled_client_is_cut_off_while_the_users_other_tab_keeps_receiving(stack):
    alice = sign_up(stack)
    before = stack.stats()["slow_client_disconnects"]
    stalled = RawSocket(stack, alice.token)
    try:
        with open_socket(stack, alice.token) as healthy:
            receive_ready(healthy)
            wait_for(lambda: stack.stats()["users"] >= 1)
            created = []
            # 10 KB messages against a 16 KiB queue and a 4 KiB receive window: the stalled
            # socket overflows after a few dozen, the healthy one reads every one.
            for index in range(60):
                created.append(alice.create_task(title=f"Bulk {index}", description="x" * 9000)["id"])
                assert receive(healthy)["task_id"] == created[-1]
                if stack.stats()["slow_client_disconnects"] > before and index >= 20:
                    break
            assert stack.stats()["slow_client_disconnects"] == before + 1
            assert stalled.read_until_closed() > 0
            follow_up = alice.create_task(title="After the cut")
            assert receive(healthy)["task_id"] == follow_up["id"]
    finally:
        stalled.close()


def test_peer_that_stops_answering_pings_is_dropped(stack):
    alice = sign_up(stack)
    before = stack.stats()
    peer = RawSocket(stack, alice.token)
    try:
        assert wait_for(lambda: stack.stats()["heartbeat_timeouts"] > before["heartbeat_timeouts"], timeout=15)
        assert peer.read_until_closed() >= 0
    finally:
        peer.close()


def test_client_that_answers_pings_stays_connected_past_the_heartbeat(stack):
    alice = sign_up(stack)
    with open_socket(stack, alice.token) as ws:
        receive_ready(ws)
        time.sleep(3.5)  # several ping intervals of the stack (1 s) and pong timeouts (1 s)
        task = alice.create_task(title="Still connected")
        assert receive(ws)["task_id"] == task["id"]


def test_message_that_is_not_json_closes_with_4000_and_unknown_types_get_an_error(stack):
    alice = sign_up(stack)
    with open_socket(stack, alice.token) as ws:
        receive_ready(ws)
        ws.send(json.dumps({"type": "subscribe"}))
        assert receive(ws)["code"] == "unknown_type"
        ws.send("{not json")
        assert closed_with(ws) == (4000, "invalid_message")


def test_plain_http_on_the_websocket_route_is_426(stack):
    response = requests.get(stack.ws_http("/ws"), timeout=5)
    assert response.status_code == 426
    assert response.headers["Sec-WebSocket-Version"] == "13"
    assert response.json()["error"]["code"] == "upgrade_required"


def test_handshake_headers_beyond_the_connection_memory_are_refused_with_431(stack):
    alice = sign_up(stack)
    fits = {"Cookie": "c=" + "x" * 2500}
    with open_socket(stack, alice.token, headers=fits) as ws:
        receive_ready(ws)
    too_big = requests.get(stack.ws_http("/ws"), headers={"Cookie": "c=" + "x" * 6000}, timeout=5)
    assert too_big.status_code == 431


def test_stats_and_readiness_report_the_service(stack):
    alice = sign_up(stack)
    with open_socket(stack, alice.token) as ws:
        receive_ready(ws)
        stats = stack.stats()
        for key in ["connections", "users", "messages_sent", "messages_dropped", "slow_client_disconnects",
                    "uptime_seconds", "heartbeat_timeouts", "resumes", "refetches", "events_delivered"]:
            assert isinstance(stats[key], (int, float)), key
        assert stats["connections"] >= 1 and stats["users"] >= 1
        assert stats["service"] == "websocket"

    ready = stack.ready()
    assert ready.status_code == 200
    subscription = ready.json()["checks"]["subscription"]
    assert subscription["status"] == "up"
    assert subscription["details"]["group"].startswith("websocket.")
    assert subscription["details"]["lag"] >= 0
    assert subscription["details"]["partitions"] == {"task-updates": [0, 1, 2], "notifications": [0, 1, 2]}


def test_logs_never_carry_tokens(stack):
    alice = sign_up(stack)
    with open_socket(stack, alice.token) as ws:
        receive_ready(ws)
    log = stack.log_path.read_text()
    assert alice.token not in log
    assert alice.token.split(".")[2] not in log
