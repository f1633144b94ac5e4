"""The API tour (what the README shows with curl), driven through requests against the real server."""

import base64
import json
import uuid

import requests

from conftest import PASSWORD, assert_error, unique_email


def test_sign_up_log_in_and_read_the_profile(server, schema_check):
    email = unique_email("Ada").upper()
    signup = requests.post(
        server.url("/api/auth/signup"),
        json={"email": f"  {email} ", "password": PASSWORD, "name": "Ada", "timezone": "Europe/Berlin"},
        timeout=10)

    assert signup.status_code == 201, signup.text
    assert signup.headers["Cache-Control"] == "no-store"
    session = signup.json()
    schema_check(session, "Session")
    assert session["token_type"] == "bearer"
    assert session["user"]["email"] == email.lower()
    assert session["user"]["timezone"] == "Europe/Berlin"
    assert session["user"]["notification_channels"] == ["in_app"]

    again = requests.post(server.url("/api/auth/signup"), json={"email": email, "password": PASSWORD}, timeout=10)
    assert_error(again, 409, "email_taken")

    login = requests.post(server.url("/api/auth/login"), json={"email": email, "password": PASSWORD}, timeout=10)
    assert login.status_code == 200, login.text
    schema_check(login.json(), "Session")
    assert login.json()["user"]["id"] == session["user"]["id"]

    me = requests.get(
        server.url("/api/me"), headers={"Authorization": "Bearer " + login.json()["access_token"]}, timeout=10)
    assert me.status_code == 200
    schema_check(me.json(), "User")
    assert me.json() == session["user"]

    wrong = requests.post(server.url("/api/auth/login"), json={"email": email, "password": "not it!!"}, timeout=10)
    assert_error(wrong, 401, "invalid_credentials")
    assert wrong.headers["WWW-Authenticate"] == "Bearer"


def test_profile_changes(new_account, schema_check):
    ada = new_account("profile")

    changed = ada.patch("/api/me", json={
        "name": "  Ada L.  ", "timezone": "America/New_York", "quiet_hours_start": "22:00",
        "quiet_hours_end": "07:00", "notification_channels": ["browser", "in_app", "browser"],
    })
    assert changed.status_code == 200, changed.text
    schema_check(changed.json(), "User")
    assert changed.json()["name"] == "Ada L."
    assert changed.json()["quiet_hours_start"] == "22:00"
    assert changed.json()["notification_channels"] == ["browser", "in_app"]

    cleared = ada.patch("/api/me", json={"name": None, "quiet_hours_start": None, "quiet_hours_end": None})
    assert cleared.json()["name"] is None and cleared.json()["quiet_hours_end"] is None

    invalid = ada.patch("/api/me", json={"timezone": "Nowhere/Land", "quiet_hours_start": "25:00", "colour": 1})
    error = assert_error(invalid, 422, "validation_failed")
    fields = {field["field"] for field in error["details"]["fields"]}
    assert fields == {"timezone", "quiet_hours_start", "quiet_hours_end", "colour"}


def test_create_a_task_with_due_date_and_tags(new_account, schema_check):
    ada = new_account("create", timezone="Europe/Berlin")

    created = ada.post("/api/tasks", json={
        "title": "  Pay rent ", "description": "Transfer\nby Friday", "priority": "HIGH",
        "tags": ["#Home", "money", "home"], "due_at": "2030-03-03T09:00:00+01:00",
        "reminders": [{"minutes_before": 60}, {"at": "2030-03-02T18:00:00Z"}, {"minutes_before": 60}],
        "recurrence": "RRULE:freq=monthly;bymonthday=3",
    })

    assert created.status_code == 201, created.text
    task = created.json()
    schema_check(task, "Task")
    assert created.headers["Location"] == "/api/tasks/" + task["id"]
    assert created.headers["ETag"] == '"1"'
    assert task["title"] == "Pay rent"
    assert task["priority"] == "high"
    assert task["tags"] == ["Home", "money"]
    assert task["due_at"] == "2030-03-03T08:00:00Z"
    assert task["due_at_local"] == "2030-03-03T09:00:00+01:00"
    assert task["due_date"] is None
    assert task["timezone"] == "Europe/Berlin"
    assert task["reminders"] == [{"minutes_before": 60}, {"at": "2030-03-02T18:00:00Z"}]
    assert "FREQ=MONTHLY" in task["recurrence"]
    assert (task["completed"], task["completed_at"], task["version"]) == (False, None, 1)

    all_day = ada.create_task(title="Birthday", due_date="2030-07-01")
    assert (all_day["due_at"], all_day["due_at_local"], all_day["due_date"]) == (None, None, "2030-07-01")

    fetched = ada.get("/api/tasks/" + task["id"])
    assert fetched.status_code == 200
    assert fetched.json() == task
    assert fetched.headers["ETag"] == '"1"'


def list_titles(account, **params):
    response = account.get("/api/tasks", params=params)
    assert response.status_code == 200, response.text
    return [task["title"] for task in response.json()["tasks"]]


def test_list_with_filters_sorting_and_cursor(new_account, schema_check):
    ada = new_account("list")
    ada.create_task(title="Alpha report", priority="urgent", tags=["Work"], due_at="2020-01-01T09:00:00Z")
    ada.create_task(title="beta groceries", priority="low", tags=["home"], due_at="2031-05-01T09:00:00Z")
    gamma = ada.create_task(title="Gamma taxes", priority="high", tags=["work", "money"], due_date="2030-04-15")
    ada.create_task(title="Delta someday", description="no REPORT due", tags=["work"])
    assert ada.post(f"/api/tasks/{gamma['id']}/complete").status_code == 200

    page = ada.get("/api/tasks")
    assert page.status_code == 200
    schema_check(page.json(), "TaskPage")
    assert page.json()["next_cursor"] is None
    # Default order: by deadline ascending, tasks without one last.
    assert [t["title"] for t in page.json()["tasks"]] == [
        "Alpha report", "Gamma taxes", "beta groceries", "Delta someday"]

    assert list_titles(ada, status="pending") == ["Alpha report", "beta groceries", "Delta someday"]
    assert list_titles(ada, status="completed") == ["Gamma taxes"]
    assert list_titles(ada, priority="high,urgent") == ["Alpha report", "Gamma taxes"]
    assert list_titles(ada, priority=["low", "urgent"]) == ["Alpha report", "beta groceries"]
    assert list_titles(ada, tag="WORK") == ["Alpha report", "Gamma taxes", "Delta someday"]
    assert list_titles(ada, tag=["work", "#money"]) == ["Gamma taxes"]
    assert list_titles(ada, due_before="2030-12-31T00:00:00Z") == ["Alpha report", "Gamma taxes"]
    assert list_titles(ada, due_after="2030-12-31T00:00:00+00:00") == ["beta groceries"]
    assert list_titles(ada, overdue="true") == ["Alpha report"]
    assert list_titles(ada, q="report") == ["Alpha report", "Delta someday"]
    assert list_titles(ada, sort="title", order="desc") == [
        "Gamma taxes", "Delta someday", "beta groceries", "Alpha report"]
    assert list_titles(ada, sort="priority", order="desc")[:2] == ["Alpha report", "Gamma taxes"]

    collected, cursor = [], None
    for _ in range(3):
        params = {"sort": "created", "limit": 2, **({"cursor": cursor} if cursor else {})}
        body = ada.get("/api/tasks", params=params).json()
        collected += [task["title"] for task in body["tasks"]]
        cursor = body["next_cursor"]
        if cursor is None:
            break
    assert collected == ["Alpha report", "beta groceries", "Gamma taxes", "Delta someday"]

    tags = ada.get("/api/tags")
    assert tags.status_code == 200
    schema_check(tags.json(), "TagList")
    counts = {tag["name"].lower(): (tag["task_count"], tag["pending_count"]) for tag in tags.json()["tags"]}
    assert counts == {"work": (3, 2), "home": (1, 1), "money": (1, 0)}

    bad = ada.get("/api/tasks", params={
        "status": "done", "limit": "500", "sort": "colour", "overdue": "maybe", "due_before": "tomorrow",
        "cursor": "garbage!", "colour": "red"})
    error = assert_error(bad, 422, "validation_failed")
    fields = {field["field"] for field in error["details"]["fields"]}
    assert fields == {"status", "limit", "sort", "overdue", "due_before", "cursor", "colour"}


def test_complete_and_reopen(new_account):
    ada = new_account("complete")
    task = ada.create_task(title="Water plants")

    done = ada.post(f"/api/tasks/{task['id']}/complete")
    assert done.status_code == 200
    assert done.json()["completed"] is True and done.json()["completed_at"] is not None
    assert done.json()["version"] == 2 and done.headers["ETag"] == '"2"'

    again = ada.post(f"/api/tasks/{task['id']}/complete")
    assert again.json()["version"] == 2

    reopened = ada.post(f"/api/tasks/{task['id']}/reopen", headers={"If-Match": '"2"'})
    assert reopened.status_code == 200
    assert (reopened.json()["completed"], reopened.json()["completed_at"]) == (False, None)
    assert reopened.json()["version"] == 3


def test_patch_with_if_match(new_account):
    ada = new_account("patch")
    task = ada.create_task(title="Draft", tags=["a"], due_date="2030-01-01")

    patched = ada.patch(f"/api/tasks/{task['id']}", headers={"If-Match": '"1"'},
                        json={"title": "Final", "due_date": None, "tags": None, "version": 99})
    assert patched.status_code == 200, patched.text
    assert patched.headers["ETag"] == '"2"'
    body = patched.json()
    assert (body["title"], body["tags"], body["due_date"], body["version"]) == ("Final", [], None, 2)

    stale = ada.patch(f"/api/tasks/{task['id']}", headers={"If-Match": '"1"'}, json={"title": "Lost"})
    error = assert_error(stale, 412, "version_mismatch")
    assert error["details"]["current_version"] == 2

    weak = ada.patch(f"/api/tasks/{task['id']}", headers={"If-Match": 'W/"2"'}, json={"priority": "medium"})
    assert weak.status_code == 200 and weak.json()["version"] == 3

    unchanged = ada.patch(f"/api/tasks/{task['id']}", json={"priority": "medium"})
    assert unchanged.json()["version"] == 3

    garbage = ada.patch(f"/api/tasks/{task['id']}", headers={"If-Match": "soon"}, json={"title": "x"})
    assert_error(garbage, 400, "invalid_if_match")


def test_delete(new_account):
    ada = new_account("delete")
    task = ada.create_task(title="Temporary")

    stale = ada.delete(f"/api/tasks/{task['id']}", headers={"If-Match": '"5"'})
    assert_error(stale, 412, "version_mismatch")

    deleted = ada.delete(f"/api/tasks/{task['id']}", headers={"If-Match": '"1"'})
    assert deleted.status_code == 204 and deleted.content == b""

    assert_error(ada.get(f"/api/tasks/{task['id']}"), 404, "task_not_found")
    assert_error(ada.delete(f"/api/tasks/{task['id']}"), 404, "task_not_found")


def test_another_users_task_is_not_found(new_account):
    ada = new_account("owner")
    eve = new_account("intruder")
    task = ada.create_task(title="Private")
    path = f"/api/tasks/{task['id']}"

    assert_error(eve.get(path), 404, "task_not_found")
    assert_error(eve.patch(path, json={"title": "Mine now"}), 404, "task_not_found")
    assert_error(eve.post(path + "/complete"), 404, "task_not_found")
    assert_error(eve.delete(path), 404, "task_not_found")
    assert eve.get("/api/tasks").json()["tasks"] == []
    assert ada.get(path).json()["title"] == "Private"
    assert_error(ada.get("/api/tasks/not-a-task-id"), 404, "task_not_found")


def test_malformed_and_missing_bodies_are_400(new_account):
    ada = new_account("malformed")

    malformed = ada.post("/api/tasks", data='{"title": "unterminated',
                         headers={"Content-Type": "application/json"})
    assert_error(malformed, 400, "malformed_json")
    assert_error(ada.post("/api/tasks"), 400, "body_required")
    assert_error(ada.post("/api/tasks", json=["a list"]), 400, "body_not_object")


def test_wrong_content_type_is_415_even_before_authentication(server, new_account):
    ada = new_account("mediatype")

    wrong = ada.post("/api/tasks", data="title=Milk", headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert_error(wrong, 415, "unsupported_media_type")
    anonymous = requests.post(server.url("/api/tasks"), data="hello", headers={"Content-Type": "text/plain"},
                              timeout=10)
    assert_error(anonymous, 415, "unsupported_media_type")

    charset = ada.post("/api/tasks", data=json.dumps({"title": "Milk"}),
                       headers={"Content-Type": "Application/JSON; charset=utf-8"})
    assert charset.status_code == 201


def test_body_over_one_mebibyte_is_413(new_account):
    ada = new_account("large")
    body = json.dumps({"title": "Big", "description": "x" * (1024 * 1024)})

    response = ada.post("/api/tasks", data=body, headers={"Content-Type": "application/json"})
    error = assert_error(response, 413, "payload_too_large")
    assert error["details"]["limit_bytes"] == 1024 * 1024


def test_validation_lists_every_bad_field(new_account):
    ada = new_account("validation")

    response = ada.post("/api/tasks", json={
        "title": "   ", "priority": "huge", "tags": ["ok", "two words", 3], "due_at": "tomorrow",
        "reminders": [{"minutes_before": -1}, {"at": "noon"}, {"when": 1}], "recurrence": "FREQ=HOURLY",
        "completed": "yes", "colour": "red",
    })

    error = assert_error(response, 422, "validation_failed")
    fields = {(field["field"], field["code"]) for field in error["details"]["fields"]}
    assert fields == {
        ("title", "empty"), ("priority", "invalid_value"), ("tags[1]", "invalid_tag"), ("tags[2]", "invalid_type"),
        ("due_at", "invalid_datetime"), ("reminders[0].minutes_before", "invalid_value"),
        ("reminders[1].at", "invalid_datetime"), ("reminders[2]", "invalid_reminder"),
        ("recurrence", "invalid_rrule"), ("completed", "invalid_type"), ("colour", "unknown_field"),
    }
    assert error["message"] == f"{len(fields)} fields are invalid"

    missing = ada.post("/api/tasks", json={"description": "no title"})
    assert [f["field"] for f in assert_error(missing, 422, "validation_failed")["details"]["fields"]] == ["title"]

    both = ada.post("/api/tasks", json={"title": "t", "due_at": "2030-01-01T00:00:00Z", "due_date": "2030-01-01"})
    assert assert_error(both, 422, "validation_failed")["details"]["fields"][0]["field"] == "due_at"

    needs_due = ada.post("/api/tasks", json={"title": "t", "reminders": [{"minutes_before": 5}]})
    assert assert_error(needs_due, 422, "validation_failed")["details"]["fields"][0]["code"] == "requires_due"


def test_missing_or_garbage_tokens_are_401(server, new_account):
    ada = new_account("tokens")
    header, payload, signature = ada.token.split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    claims["sub"] = str(uuid.uuid4())
    forged = base64.urlsafe_b64encode(json.dumps(claims).encode()).decode().rstrip("=")

    cases = [
        ({}, "missing_token"),
        ({"Authorization": "Basic YWRhOnB3"}, "invalid_token"),
        ({"Authorization": "Bearer garbage"}, "token_malformed"),
        ({"Authorization": f"Bearer {header}.{forged}.{signature}"}, "token_signature_invalid"),
    ]
    for headers, code in cases:
        response = requests.get(server.url("/api/tasks"), headers=headers, timeout=10)
        assert_error(response, 401, code)
        assert response.headers["WWW-Authenticate"] == "Bearer"

    assert requests.get(server.url("/api/tasks"), headers=ada.headers(), timeout=10).status_code == 200


def test_correlation_id_is_echoed(server, new_account):
    ada = new_account("correlation")

    ok = ada.get("/api/tasks", headers={"X-Correlation-ID": "tour-123:abc"})
    assert ok.headers["X-Correlation-ID"] == "tour-123:abc"
    assert ok.headers["X-Request-ID"]

    failed = requests.get(server.url("/api/me"), headers={"X-Correlation-ID": "tour-err.1"}, timeout=10)
    assert failed.status_code == 401
    assert failed.headers["X-Correlation-ID"] == "tour-err.1"

    invalid = requests.get(server.url("/api/health"), headers={"X-Correlation-ID": "has spaces"}, timeout=10)
    assert invalid.headers["X-Correlation-ID"] == invalid.headers["X-Request-ID"]


def test_repeated_failed_logins_are_429(server, new_account):
    ada = new_account("ratelimit")

    def attempt(password):
        return requests.post(server.url("/api/auth/login"), json={"email": ada.email, "password": password},
                             timeout=10)

    for _ in range(5):
        assert_error(attempt("wrong password"), 401, "invalid_credentials")
    limited = attempt(PASSWORD)

    error = assert_error(limited, 429, "too_many_attempts")
    assert 1 <= error["details"]["retry_after"] <= 300
    assert int(limited.headers["Retry-After"]) == error["details"]["retry_after"]
