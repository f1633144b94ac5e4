"""The chat API against the real binary and its SQLite file: `POST /api/chat` acts on the user's
tasks, conversations persist across requests (the server keeps no conversation state in memory,
so a restart changes nothing), other users see none of them, and messages are rate-limited."""

import json
import subprocess

from conftest import PASSWORD, assert_error, run_cli, sign_up, start_server, stop_server
from test_events import consume


def chat(account, message, conversation=None, **kwargs):
    body = {"message": message}
    if conversation:
        body["conversation_id"] = conversation
    return account.post("/api/chat", json=body, **kwargs)


def test_a_conversation_adds_then_completes_by_reference_and_is_stored(server, new_account, schema_check):
    account = new_account("chat")
    added = chat(account, "add buy milk tomorrow at 5pm", headers={"X-Correlation-ID": "chat-e2e-1"})
    assert added.status_code == 200, added.text
    schema_check(added.json(), "ChatReply")
    body = added.json()
    assert [action["tool"] for action in body["actions"]] == ["add_task"]
    task = body["actions"][0]["result"]["task"]
    assert task["title"] == "Buy milk" and task["due_at"] is not None
    conversation = body["conversation_id"]

    done = chat(account, "mark it done", conversation)
    assert done.status_code == 200, done.text
    assert done.json()["conversation_id"] == conversation
    assert [action["tool"] for action in done.json()["actions"]] == ["complete_task"]
    assert account.get(f"/api/tasks/{task['id']}").json()["completed"] is True

    stored = account.get(f"/api/conversations/{conversation}")
    assert stored.status_code == 200
    schema_check(stored.json(), "Conversation")
    messages = stored.json()["messages"]
    assert [(m["role"], m["text"]) for m in messages[::2]] == [
        ("user", "add buy milk tomorrow at 5pm"), ("user", "mark it done")]
    assert [m["text"] for m in messages[1::2]] == [body["reply"], done.json()["reply"]]

    listed = account.get("/api/conversations").json()
    assert [c["id"] for c in listed["conversations"]] == [conversation]
    assert listed["conversations"][0]["message_count"] == 4

    events = [json.loads(m["value"]) for m in consume(server, "task-events")]
    created = [e for e in events if e["type"].endswith("created") and e["data"]["task"]["id"] == task["id"]]
    assert len(created) == 1
    assert created[0]["correlationid"] == "chat-e2e-1" and created[0]["source"] == "/chat"


def test_a_question_is_answered_in_the_next_request(new_account):
    account = new_account("chat")
    account.create_task(title="Call mom")
    dad = account.create_task(title="Call dad")

    asked = chat(account, "delete the call task").json()
    assert asked["actions"] == [] and asked["question"] == asked["reply"]
    answered = chat(account, "dad", asked["conversation_id"]).json()
    assert answered["question"] is None
    assert [action["tool"] for action in answered["actions"]] == ["delete_task"]
    assert account.get(f"/api/tasks/{dad['id']}").status_code == 404


def test_another_users_conversation_is_404_and_delete_removes_only_the_conversation(new_account):
    ada = new_account("ada")
    bob = new_account("bob")
    conversation = chat(ada, "add water the plants").json()["conversation_id"]

    assert_error(bob.get(f"/api/conversations/{conversation}"), 404, "conversation_not_found")
    assert_error(bob.delete(f"/api/conversations/{conversation}"), 404, "conversation_not_found")
    assert_error(chat(bob, "mark it done", conversation), 404, "conversation_not_found")
    assert bob.get("/api/conversations").json()["conversations"] == []

    assert ada.delete(f"/api/conversations/{conversation}").status_code == 204
    assert_error(ada.get(f"/api/conversations/{conversation}"), 404, "conversation_not_found")
    assert [t["title"] for t in ada.get("/api/tasks").json()["tasks"]] == ["Water the plants"]


def test_an_over_long_message_is_422_and_stores_nothing(new_account):
    account = new_account("chat")
    error = assert_error(chat(account, "x" * 2001), 422, "validation_failed")
    assert error["details"]["fields"][0]["field"] == "message"
    assert error["details"]["fields"][0]["code"] == "too_long"
    assert account.get("/api/conversations").json()["conversations"] == []


def test_conversations_survive_a_restart_and_the_rate_limit_answers_429(tmp_path):
    environment = {"TODO_CHAT_RATE_LIMIT_MESSAGES": "2", "TODO_CHAT_RATE_LIMIT_WINDOW_SECONDS": "600"}
    stack = start_server(tmp_path, extra_environment=environment)
    try:
        account = sign_up(stack, "limited")
        conversation = chat(account, "add pay the rent").json()["conversation_id"]
        assert chat(account, "thanks", conversation).status_code == 200
        refused = chat(account, "add buy stamps", conversation)
        assert_error(refused, 429, "chat_rate_limited")
        assert 1 <= int(refused.headers["Retry-After"]) <= 600
        other = sign_up(stack, "unlimited")
        assert chat(other, "add buy stamps").status_code == 200
    finally:
        stop_server(stack)

    restarted = start_server(tmp_path, extra_environment=environment, log_name="restarted.log")
    try:
        account.server = restarted
        # The limiter's count is per process; the conversation is in the database.
        continued = chat(account, "mark it done", conversation)
        assert continued.status_code == 200, continued.text
        assert [action["tool"] for action in continued.json()["actions"]] == ["complete_task"]
        messages = account.get(f"/api/conversations/{conversation}").json()["messages"]
        assert len(messages) == 6
        assert run_cli(restarted, "migrate", "current").strip() == "0006_reminder_correlation"
    finally:
        stop_server(restarted)


def test_the_terminal_chat_talks_to_the_running_backend(server, new_account):
    account = new_account("terminal")
    environment = {**server.environment, "TODO_PASSWORD": PASSWORD}
    environment.pop("TODO_TOKEN", None)
    result = subprocess.run(
        [*server.cli_prefix, "chat", "--email", account.email, "--url", server.url("")],
        input="add buy milk\nmark it done\n/new\nmark it done\n/quit\nadd never sent\n", env=environment,
        capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr

    tasks = account.get("/api/tasks", params={"status": "all"}).json()["tasks"]
    assert [(t["title"], t["completed"]) for t in tasks] == [("Buy milk", True)]
    assert "Buy milk" in result.stdout
    conversations = account.get("/api/conversations").json()["conversations"]
    # "/new" started a second conversation, whose "mark it done" had nothing to refer to.
    assert sorted(c["message_count"] for c in conversations) == [2, 4]

    wrong = subprocess.run(
        [*server.cli_prefix, "chat", "--email", account.email, "--url", server.url("")], input="hi\n",
        env={**environment, "TODO_PASSWORD": "not the password"}, capture_output=True, text=True, timeout=60)
    assert wrong.returncode == 1 and "Log-in failed" in wrong.stderr
