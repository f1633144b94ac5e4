"""In-app notifications over the WebSocket: the notification service delivers a reminder, the sync
service pushes it to the user's open tabs (and to no one else's), and a tab that was away gets it
replayed from the log when it resumes."""

import datetime

import pytest

from conftest import sign_up, stop_server
from sync_stack import assert_nothing_pending, open_socket, receive, receive_ready, start_stack, stream_position


def instant(seconds_from_now):
    moment = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(seconds=seconds_from_now)
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    running = start_stack(tmp_path_factory.mktemp("notify"), services=("backend", "websocket", "notification"))
    try:
        yield running
    finally:
        stop_server(running)


def next_of_type(ws, kind, timeout=15):
    while True:
        message = receive(ws, timeout)
        if message["type"] == kind:
            return message


def test_a_delivered_reminder_is_pushed_to_the_users_tabs_only(stack):
    alice, bob = sign_up(stack, "alice"), sign_up(stack, "bob")
    with open_socket(stack, alice.token) as tab, open_socket(stack, bob.token) as other:
        receive_ready(tab)
        receive_ready(other)
        task = alice.create_task(title="Stand up", due_at=instant(3600), reminders=[{"at": instant(1)}])

        changed = next_of_type(tab, "task.changed")
        message = next_of_type(tab, "notification")
        assert message["task_id"] == task["id"]
        # The cursor moved in the notifications stream only.
        assert stream_position(message["position"], "n")[1] > stream_position(changed["position"], "n")[1]
        assert stream_position(message["position"], "u") == stream_position(changed["position"], "u")
        notification = message["notification"]
        assert notification["title"] == "Stand up" and notification["read"] is False
        listed = alice.get("/api/notifications").json()["notifications"]
        assert [n["id"] for n in listed] == [notification["id"]]
        assert_nothing_pending(other)


def test_a_reminder_delivered_while_away_is_replayed_on_resume(stack):
    alice = sign_up(stack)
    with open_socket(stack, alice.token) as tab:
        _, ready = receive_ready(tab)
    task = alice.create_task(title="While away", due_at=instant(3600), reminders=[{"at": instant(1)}])
    deadline = datetime.datetime.now() + datetime.timedelta(seconds=15)
    while not alice.get("/api/notifications").json()["notifications"]:
        assert datetime.datetime.now() < deadline, "the reminder was never delivered"

    with open_socket(stack, alice.token, since=ready["position"]) as tab:
        replayed, _ = receive_ready(tab)
        assert [m["type"] for m in replayed] == ["task.changed", "notification"]
        assert replayed[1]["task_id"] == task["id"]
