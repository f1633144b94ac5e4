"""The recurring-task service as the binary runs it (`serve backend recurring-task`): completing a
repeating task through the API makes the service create exactly one next occurrence, with its
events, readiness showing the `recurring` group, and nothing more after a restart."""

import json
import time

import requests

from conftest import PASSWORD, run_cli, sign_up, start_server, stop_server


def wait_for(condition, timeout=20):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.1)
    return condition()


def recurring_ready(base):
    """The recurring-task readiness body once its consumer is a member with no lag."""
    response = requests.get(base + "/health/ready", timeout=5)
    if response.status_code != 200:
        return None
    consumers = response.json()["checks"]["event_log"]["details"].get("consumers", [])
    if consumers and consumers[0]["members"] >= 1 and consumers[0]["lag"] == 0:
        return response.json()
    return None


def test_completing_a_repeating_task_creates_exactly_one_next_occurrence(tmp_path, schema_check):
    # `recurring` is the name the Helm chart runs it by; its port comes from TODO_RECURRING_PORT.
    running = start_server(tmp_path, services=("backend", "recurring"))
    recurring = f"http://127.0.0.1:{running.ports['recurring']}"
    try:
        assert requests.get(recurring + "/health", timeout=5).json() == {"status": "ok", "service": "recurring-task"}
        account = sign_up(running, "repeat", timezone="America/New_York")
        first = account.create_task(
            title="Team sync", tags=["work"], due_at="2030-03-05T09:00:00-05:00",
            recurrence="FREQ=WEEKLY;BYDAY=TU", reminders=[{"minutes_before": 15}])
        assert (first["series_id"] is not None, first["occurrence"]) == (True, 1)

        headers = {"X-Correlation-ID": "recurring-e2e-1"}
        assert account.post(f"/api/tasks/{first['id']}/complete", headers=headers).status_code == 200
        tasks = wait_for(lambda: len(listing := account.get("/api/tasks?status=all").json()["tasks"]) == 2 and listing)
        assert tasks, running.log_tail()
        nxt = next(task for task in tasks if not task["completed"])
        schema_check(nxt, "Task")
        # 2030-03-10 is the US spring change: 09:00 stays 09:00, now at -04:00.
        assert nxt["due_at_local"] == "2030-03-12T09:00:00-04:00"
        assert (nxt["series_id"], nxt["occurrence"], nxt["title"]) == (first["series_id"], 2, "Team sync")
        assert nxt["reminders"] == [{"minutes_before": 15}]

        created = [json.loads(m["value"]) for m in consume(running, "task-events")]
        created = [event for event in created if event["subject"] == f"tasks/{nxt['id']}"]
        assert [(e["type"], e["source"], e["correlationid"]) for e in created] == [
            ("com.todochatbot.task.created", "/recurring", "recurring-e2e-1")]

        # Reopen and complete again: the series already moved on.
        assert account.post(f"/api/tasks/{first['id']}/reopen").status_code == 200
        assert account.post(f"/api/tasks/{first['id']}/complete").status_code == 200
        ready = wait_for(lambda: recurring_ready(recurring))
        assert ready, running.log_tail()
        assert ready["checks"]["event_log"]["details"]["consumers"][0]["group"] == "recurring"
        assert len(account.get("/api/tasks?status=all").json()["tasks"]) == 2

        report = json.loads(run_cli(running, "health", "--service", "recurring-task", "--json"))
        assert [(row["service"], row["ready"]) for row in report] == [("recurring-task", True)]
        # --port goes with either name of the service.
        for name in ("recurring-task", "recurring"):
            port = str(running.ports["recurring"])
            report = json.loads(run_cli(running, "health", "--service", name, "--port", port, "--json"))
            assert [(row["service"], row["ready"]) for row in report] == [("recurring-task", True)]
    finally:
        stop_server(running)

    # A restart resumes after what the group committed: no second instance.
    restarted = start_server(tmp_path, services=("backend", "recurring"))
    try:
        recurring = f"http://127.0.0.1:{restarted.ports['recurring']}"
        assert wait_for(lambda: recurring_ready(recurring)), restarted.log_tail()
        time.sleep(0.5)
        token = requests.post(restarted.url("/api/auth/login"), timeout=10,
                              json={"email": account.email, "password": PASSWORD}).json()["access_token"]
        tasks = requests.get(restarted.url("/api/tasks?status=all"), timeout=10,
                             headers={"Authorization": f"Bearer {token}"}).json()["tasks"]
        assert len(tasks) == 2
    finally:
        stop_server(restarted)


def consume(running, topic):
    output = run_cli(running, "topic", "consume", topic, "--json")
    return [json.loads(line) for line in output.splitlines() if line.strip()]
