"""`todo-chatbot chat --dry-run`: the plan for a message as JSON, against a fixed time and zone."""

import json
import os
import subprocess

from conftest import REPO_ROOT, SCRUBBED_ENVIRONMENT, binary_path

NOW = ["--now", "2026-03-07T21:00:00-05:00", "--tz", "America/New_York"]


def chat(*arguments, expect=0):
    environment = {key: value for key, value in os.environ.items() if key not in SCRUBBED_ENVIRONMENT}
    result = subprocess.run([str(binary_path()), "chat", *arguments], env=environment, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == expect, f"{arguments} exited {result.returncode}:\n{result.stdout}{result.stderr}"
    return result


def test_prints_the_planned_calls_across_the_dst_change():
    plan = json.loads(chat("--dry-run", *NOW, "remind me to call mom tomorrow at 9am").stdout)
    assert plan["kind"] == "act"
    assert plan["calls"] == [{"tool": "add_task", "arguments": {
        "title": "Call mom", "due_at": "2026-03-08T09:00:00-04:00", "reminders": [{"minutes_before": 0}]}}]
    assert plan["message"] is None and plan["pending"] is None


def test_resolves_references_against_a_task_file_and_asks_when_unsure():
    fixture = str(REPO_ROOT / "Fixtures" / "chat-corpus.json")
    plan = json.loads(chat("--dry-run", *NOW, "--tasks", fixture, "mark the call task done").stdout)
    assert plan["kind"] == "clarify" and plan["calls"] == []
    assert plan["pending"]["kind"] == "choose_task"
    assert plan["pending"]["candidates"] == ["t-mom", "t-dad"]


def test_answers_a_pending_question_from_stored_turns(tmp_path):
    context = tmp_path / "turns.json"
    context.write_text(json.dumps([{
        "message": "delete them", "reply": "Delete these 2 tasks?", "task_ids": ["a", "b"], "listed": False,
        "pending": {"kind": "confirm", "calls": [{"tool": "delete_task", "arguments": {"task_id": "a"}}]}}]))
    plan = json.loads(chat("--dry-run", *NOW, "--context", str(context), "yes").stdout)
    assert plan["calls"] == [{"tool": "delete_task", "arguments": {"task_id": "a"}}]


def test_documents_its_output_and_refuses_bad_input():
    assert "Usage: todo-chatbot chat" in chat("--help").stdout
    assert "choose_task" in chat("--help").stdout
    assert "--dry-run" in chat("hello", expect=2).stderr
    assert "IANA" in chat("--dry-run", "--tz", "Mars/Olympus", "hi", expect=2).stderr
    assert "RFC 3339" in chat("--dry-run", "--now", "tomorrow", "hi", expect=2).stderr
    assert "at most" in chat("--dry-run", "x" * 2001, expect=1).stderr
