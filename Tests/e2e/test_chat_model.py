"""Chat through a language model: the real binary pointed at a scripted OpenAI-compatible server.
A tool call the model makes adds a task the REST API then shows; with the model server gone, the
next message is answered by the offline engine and the reply says so. The API key travels only in
the Authorization header, never into the log."""

import json
import subprocess

import pytest

from conftest import binary_path, sign_up, start_server, stop_server
from scripted_model import DROP, ScriptedModel, text, tool_call

API_KEY = "sk-e2e-3c1d9a7f0b2e"


def add_task_then_confirm(body):
    """Calls add_task for a new message; once its result is back, says what was added."""
    last = body["messages"][-1]
    if last["role"] == "tool":
        added = json.loads(last["content"])["task"]
        return text(f"Added {added['title']}, due {added['due_date']}."), "stop"
    return tool_call("call_rent", "add_task",
                     {"title": "Pay rent", "due_date": "2030-01-15", "priority": "high"}), "tool_calls"


def test_a_model_tool_call_adds_a_task_and_a_lost_model_falls_back_offline(tmp_path, schema_check):
    with ScriptedModel(add_task_then_confirm) as model:
        environment = {
            "TODO_LLM_BASE_URL": model.base_url, "TODO_LLM_MODEL": "scripted-model", "LLM_API_KEY": API_KEY,
            "TODO_LLM_TIMEOUT_SECONDS": "5",
        }
        stack = start_server(tmp_path, extra_environment=environment)
        try:
            account = sign_up(stack, "model")
            answered = account.post("/api/chat", json={"message": "I need to pay the rent on the 15th"})
            assert answered.status_code == 200, answered.text
            schema_check(answered.json(), "ChatReply")
            body = answered.json()
            assert body["engine"] == "model" and body["engine_error"] is None
            assert body["reply"] == "Added Pay rent, due 2030-01-15."
            assert [action["tool"] for action in body["actions"]] == ["add_task"]

            tasks = account.get("/api/tasks").json()["tasks"]
            assert [(t["title"], t["due_date"], t["priority"]) for t in tasks] == [("Pay rent", "2030-01-15", "high")]

            first, second = model.requests
            assert first["headers"]["Authorization"] == f"Bearer {API_KEY}"
            assert first["body"]["model"] == "scripted-model"
            assert {tool["function"]["name"] for tool in first["body"]["tools"]} >= {"add_task", "list_tasks"}
            assert [m["role"] for m in second["body"]["messages"]][-2:] == ["assistant", "tool"]
            assert second["body"]["messages"][-1]["tool_call_id"] == "call_rent"

            model.stop()
            fallback = account.post(
                "/api/chat", json={"message": "add water the plants", "conversation_id": body["conversation_id"]})
            assert fallback.status_code == 200, fallback.text
            schema_check(fallback.json(), "ChatReply")
            assert fallback.json()["engine"] == "offline"
            assert fallback.json()["engine_error"] == "model_unreachable"
            assert "language model was unavailable" in fallback.json()["reply"]
            titles = sorted(t["title"] for t in account.get("/api/tasks").json()["tasks"])
            assert titles == ["Pay rent", "Water the plants"]

            stored = account.get(f"/api/conversations/{body['conversation_id']}").json()["messages"]
            assert [len(m["actions"]) for m in stored] == [0, 1, 0, 1]
        finally:
            stop_server(stack)

    log = stack.log_path.read_text()
    assert '"Model call"' in log and "scripted-model" in log
    assert API_KEY not in log
    assert "pay the rent" not in log


@pytest.mark.parametrize("keep_alive", [True, "ignore_close"])
def test_a_model_server_that_drops_a_kept_alive_connection_is_asked_once(tmp_path, keep_alive):
    """A model server that keeps connections open (even when asked to close them) and then dies
    inside a request: the message goes to the model once, the loss is reported as such (not as a
    timeout) and the offline engine answers."""
    answers = iter([(text("Hello!"), "stop"), DROP])
    with ScriptedModel(lambda body: next(answers, DROP), keep_alive=keep_alive) as model:
        environment = {"TODO_LLM_BASE_URL": model.base_url, "TODO_LLM_MODEL": "scripted-model",
                       "TODO_LLM_TIMEOUT_SECONDS": "20"}
        stack = start_server(tmp_path, extra_environment=environment)
        try:
            account = sign_up(stack, "model-drop")
            hello = account.post("/api/chat", json={"message": "hi"})
            assert hello.status_code == 200 and hello.json()["engine"] == "model", hello.text

            dropped = account.post("/api/chat", json={"message": "add buy stamps"})
            assert dropped.status_code == 200, dropped.text
            assert dropped.json()["engine"] == "offline"
            assert dropped.json()["engine_error"] == "model_unreachable"
            assert [t["title"] for t in account.get("/api/tasks").json()["tasks"]] == ["Buy stamps"]
            assert len(model.requests) == 2, [r["body"]["messages"][-1] for r in model.requests]
            # Each model call has a connection of its own.
            assert model.requests[0]["client"] != model.requests[1]["client"]
        finally:
            stop_server(stack)


def test_a_model_engine_without_a_model_name_refuses_to_start(tmp_path):
    environment = {"TODO_LLM_BASE_URL": "http://127.0.0.1:9/v1", "TODO_CONFIG": str(tmp_path / "config.yaml"),
                   "XDG_CONFIG_HOME": str(tmp_path / "xdg"), "PATH": "/usr/bin:/bin"}
    result = subprocess.run(
        [str(binary_path()), "--profile", "test", f"--data-dir={tmp_path / 'data'}", "serve", "backend"],
        env=environment, capture_output=True, text=True, timeout=60)

    assert result.returncode != 0
    assert "chat.model.name" in result.stderr + result.stdout
