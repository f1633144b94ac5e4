"""A chat message waiting on a slow language model does not hold up the rest of the API: the chat
route is blocking, so its handler runs off libmicrohttpd's threads. The backend runs with ONE HTTP
thread (`http.threads=1`), so every answer given while the model call is held proves it."""

import socket
import threading
import time

from conftest import assert_error, sign_up, start_server, stop_server
from scripted_model import Held, ScriptedModel, text


def start_backend(tmp_path, model, **extra):
    environment = {
        "TODO_LLM_BASE_URL": model.base_url, "TODO_LLM_MODEL": "scripted-model", "LLM_API_KEY": "sk-held",
        "TODO_LLM_TIMEOUT_SECONDS": "60", "TODO_HTTP_THREADS": "1", **extra,
    }
    return start_server(tmp_path, extra_environment=environment)


def send_in_background(account, message):
    """Posts a chat message on its own thread; the result lands in the returned dict."""
    outcome = {}

    def send():
        try:
            outcome["response"] = account.post("/api/chat", json={"message": message}, timeout=60)
        except Exception as error:  # reported by the assertions below
            outcome["error"] = error

    thread = threading.Thread(target=send, daemon=True)
    thread.start()
    return thread, outcome


def answer_and_collect(held, thread, outcome):
    """Lets the held model call answer and returns the chat response it led to."""
    held.release()
    thread.join(60)
    assert "error" not in outcome, outcome.get("error")
    return outcome["response"]


def refuses_connections(port):
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1):
            return False
    except (ConnectionRefusedError, ConnectionResetError):
        # A connection still in the backlog when the listener closes is reset, not refused.
        return True


def test_a_chat_message_in_flight_leaves_health_and_tasks_answering(tmp_path):
    held = Held(lambda body: (text("Noted."), "stop"))
    with ScriptedModel(held) as model:
        stack = start_backend(tmp_path, model)
        try:
            account = sign_up(stack, "held")
            account.create_task(title="Water the plants")
            thread, outcome = send_in_background(account, "what is on my list?")
            assert held.entered.wait(30), "the model was never called"

            health = account.get("/api/health", timeout=10)
            tasks = account.get("/api/tasks", timeout=10)
            assert health.status_code == 200, health.text
            assert tasks.status_code == 200, tasks.text
            assert [task["title"] for task in tasks.json()["tasks"]] == ["Water the plants"]
            assert thread.is_alive(), "the chat message must still be waiting on the model"

            chat = answer_and_collect(held, thread, outcome)
            assert chat.status_code == 200, chat.text
            assert chat.json()["engine"] == "model"
            assert chat.json()["reply"] == "Noted."
            assert chat.headers.get("X-Request-ID")
        finally:
            held.release()
            stop_server(stack)


def test_shutdown_waits_for_a_chat_message_in_flight(tmp_path):
    held = Held(lambda body: (text("Done before stopping."), "stop"))
    with ScriptedModel(held) as model:
        stack = start_backend(tmp_path, model)
        try:
            account = sign_up(stack, "drain")
            thread, outcome = send_in_background(account, "hello")
            assert held.entered.wait(30), "the model was never called"

            stack.process.terminate()
            # Draining has begun once the listening socket is closed; only then let the model answer.
            for _ in range(600):
                if refuses_connections(stack.ports["backend"]):
                    break
                time.sleep(0.05)
            assert refuses_connections(stack.ports["backend"]), "the backend kept accepting after SIGTERM"
            assert thread.is_alive(), "shutdown must not cut the chat message short"
            chat = answer_and_collect(held, thread, outcome)
            assert chat.status_code == 200, chat.text
            assert chat.json()["reply"] == "Done before stopping."
            assert chat.headers.get("Connection", "").lower() == "close"
        finally:
            held.release()
            stop_server(stack)


def test_a_full_blocking_pool_answers_server_busy(tmp_path):
    held = Held(lambda body: (text("First."), "stop"))
    with ScriptedModel(held) as model:
        stack = start_backend(tmp_path, model, TODO_HTTP_BLOCKING_THREADS="1", TODO_HTTP_BLOCKING_QUEUE="0")
        try:
            account = sign_up(stack, "busy")
            thread, outcome = send_in_background(account, "first")
            assert held.entered.wait(30), "the model was never called"

            refused = account.post("/api/chat", json={"message": "second"})
            assert_error(refused, 503, "server_busy")
            assert refused.headers["Retry-After"] == "5"
            assert refused.headers.get("X-Request-ID")

            first = answer_and_collect(held, thread, outcome)
            assert first.status_code == 200, first.text
            conversations = account.get("/api/conversations").json()["conversations"]
            assert len(conversations) == 1, "the refused message must not have been handled"
        finally:
            held.release()
            stop_server(stack)
