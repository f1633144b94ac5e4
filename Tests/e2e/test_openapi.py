"""The OpenAPI document served at /api/openapi.json: valid, complete, and true to the server."""

import uuid

import pytest
import requests
from openapi_spec_validator import validate

from conftest import PASSWORD, unique_email

# Every route the server must answer. The document must list exactly these operations.
EXPECTED_ROUTES = {
    ("GET", "/api/health"),
    ("GET", "/api/health/ready"),
    ("GET", "/health"),
    ("GET", "/health/ready"),
    ("GET", "/metrics"),
    ("GET", "/api/openapi.json"),
    ("POST", "/api/auth/signup"),
    ("POST", "/api/auth/login"),
    ("GET", "/api/me"),
    ("PATCH", "/api/me"),
    ("GET", "/api/tasks"),
    ("POST", "/api/tasks"),
    ("GET", "/api/tasks/{id}"),
    ("PATCH", "/api/tasks/{id}"),
    ("DELETE", "/api/tasks/{id}"),
    ("POST", "/api/tasks/{id}/complete"),
    ("POST", "/api/tasks/{id}/reopen"),
    ("GET", "/api/tags"),
    ("GET", "/api/notifications"),
    ("POST", "/api/notifications/{id}/read"),
    ("GET", "/api/me/notifications"),
    ("PUT", "/api/me/notifications"),
    ("POST", "/api/chat"),
    ("GET", "/api/conversations"),
    ("GET", "/api/conversations/{id}"),
    ("DELETE", "/api/conversations/{id}"),
    ("POST", "/mcp"),
    ("DELETE", "/mcp"),
}

HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"]


def documented_operations(document):
    operations = {}
    for path, item in document["paths"].items():
        for method, operation in item.items():
            if method.upper() in HTTP_METHODS:
                operations[(method.upper(), path)] = operation
    return operations


def resolve(document, node):
    """Follows a local `$ref` (responses and headers are referenced from components)."""
    while isinstance(node, dict) and "$ref" in node:
        target = document
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


def fill(path, task_id):
    return path.replace("{id}", task_id)


def test_document_is_a_valid_openapi_3_1_document(server, openapi_document):
    response = requests.get(server.url("/api/openapi.json"), timeout=10)

    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("application/json")
    assert "max-age" in response.headers["Cache-Control"]
    assert openapi_document["openapi"].startswith("3.1")
    validate(openapi_document)


def test_document_lists_exactly_the_routes_the_server_has(openapi_document):
    documented = set(documented_operations(openapi_document))

    assert documented - EXPECTED_ROUTES == set(), "documented but not expected"
    assert EXPECTED_ROUTES - documented == set(), "expected but not documented"


def test_document_declares_the_bearer_scheme_and_public_routes(openapi_document):
    scheme = openapi_document["components"]["securitySchemes"]["bearerAuth"]
    assert (scheme["type"], scheme["scheme"]) == ("http", "bearer")
    assert openapi_document["security"] == [{"bearerAuth": []}]

    public = {key for key, operation in documented_operations(openapi_document).items()
              if operation.get("security") == []}
    assert public == {
        ("GET", "/api/health"), ("GET", "/api/health/ready"), ("GET", "/health"), ("GET", "/health/ready"),
        ("GET", "/metrics"), ("GET", "/api/openapi.json"), ("POST", "/api/auth/signup"), ("POST", "/api/auth/login"),
    }


@pytest.mark.parametrize("method,path", sorted(EXPECTED_ROUTES))
def test_every_expected_route_is_answered(server, method, path):
    response = requests.request(method, server.url(fill(path, str(uuid.uuid4()))), timeout=10)

    assert response.status_code != 405, response.text
    if response.status_code == 404:
        assert response.json()["error"]["code"] != "route_not_found"


def test_other_methods_on_documented_paths_are_405_with_allow(server, openapi_document):
    for path, item in openapi_document["paths"].items():
        allowed = {method.upper() for method in item if method.upper() in HTTP_METHODS}
        expected_allow = allowed | {"OPTIONS"} | ({"HEAD"} if "GET" in allowed else set())
        for method in set(HTTP_METHODS) - allowed:
            response = requests.request(method, server.url(fill(path, str(uuid.uuid4()))), timeout=10)

            assert response.status_code == 405, f"{method} {path}: {response.status_code}"
            assert response.json()["error"]["code"] == "method_not_allowed"
            allow = {part.strip() for part in response.headers["Allow"].split(",")}
            assert allow == expected_allow, f"{method} {path}: Allow {allow}"


def test_unknown_paths_are_404_route_not_found(server):
    for path in ["/api/nothing", "/api/tasks/a/b/c", "/"]:
        response = requests.get(server.url(path), timeout=10)
        assert response.status_code == 404
        assert response.json()["error"]["code"] == "route_not_found"


def test_head_and_plain_options_follow_the_router(server):
    head = requests.head(server.url("/api/health"), timeout=10)
    options = requests.options(server.url("/api/tasks"), timeout=10)

    assert head.status_code == 200 and head.content == b""
    assert options.status_code == 204
    assert {part.strip() for part in options.headers["Allow"].split(",")} == {"GET", "HEAD", "POST", "OPTIONS"}


def probes(account, other_email):
    """Requests for every operation, happy and not: (method, path template, filled path, kwargs)."""
    auth = account.headers()
    task = account.create_task(title="Probe", due_date="2030-01-01", tags=["probe"])
    doomed = account.create_task(title="Doomed")
    missing = str(uuid.uuid4())
    json_headers = {**auth, "Content-Type": "application/json"}
    started = requests.post(account.server.url("/api/chat"), headers=auth, json={"message": "add probe the chat"},
                            timeout=10)
    assert started.status_code == 200, started.text
    conversation = started.json()["conversation_id"]

    def at(template, task_id=None):
        return fill(template, task_id or task["id"])

    return [
        ("GET", "/api/health", "/api/health", {}),
        ("GET", "/api/health/ready", "/api/health/ready", {}),
        ("GET", "/health", "/health", {}),
        ("GET", "/health/ready", "/health/ready", {}),
        ("GET", "/metrics", "/metrics", {}),
        ("GET", "/api/openapi.json", "/api/openapi.json", {}),
        ("POST", "/api/auth/signup", "/api/auth/signup",
         {"json": {"email": unique_email("probe"), "password": PASSWORD, "name": "Probe", "timezone": "Asia/Tokyo"}}),
        ("POST", "/api/auth/signup", "/api/auth/signup", {"json": {"email": other_email, "password": PASSWORD}}),
        ("POST", "/api/auth/signup", "/api/auth/signup", {"json": {"email": "nope", "password": "short"}}),
        ("POST", "/api/auth/signup", "/api/auth/signup",
         {"data": "{oops", "headers": {"Content-Type": "application/json"}}),
        ("POST", "/api/auth/signup", "/api/auth/signup", {"data": "hello", "headers": {"Content-Type": "text/plain"}}),
        ("POST", "/api/auth/login", "/api/auth/login", {"json": {"email": account.email, "password": PASSWORD}}),
        ("POST", "/api/auth/login", "/api/auth/login", {"json": {"email": other_email, "password": "wrong-password"}}),
        ("POST", "/api/auth/login", "/api/auth/login", {"json": {}}),
        ("GET", "/api/me", "/api/me", {"headers": auth}),
        ("GET", "/api/me", "/api/me", {}),
        ("PATCH", "/api/me", "/api/me", {"headers": auth, "json": {"name": "Probe Person"}}),
        ("PATCH", "/api/me", "/api/me", {"headers": auth, "json": {"timezone": "Mars/Olympus"}}),
        ("GET", "/api/tasks", "/api/tasks", {"headers": auth, "params": {"status": "pending", "limit": 5}}),
        ("GET", "/api/tasks", "/api/tasks", {"headers": auth, "params": {"limit": 0}}),
        ("GET", "/api/tasks", "/api/tasks", {}),
        ("POST", "/api/tasks", "/api/tasks", {"headers": auth, "json": {"title": "Probe 2", "priority": "high"}}),
        ("POST", "/api/tasks", "/api/tasks", {"headers": auth, "json": {}}),
        ("POST", "/api/tasks", "/api/tasks", {"headers": auth}),
        ("GET", "/api/tasks/{id}", at("/api/tasks/{id}"), {"headers": auth}),
        ("GET", "/api/tasks/{id}", at("/api/tasks/{id}", missing), {"headers": auth}),
        ("PATCH", "/api/tasks/{id}", at("/api/tasks/{id}"),
         {"headers": {**json_headers, "If-Match": '"1"'}, "json": {"priority": "low"}}),
        ("PATCH", "/api/tasks/{id}", at("/api/tasks/{id}"),
         {"headers": {**json_headers, "If-Match": '"1"'}, "json": {"priority": "urgent"}}),
        ("PATCH", "/api/tasks/{id}", at("/api/tasks/{id}"),
         {"headers": {**json_headers, "If-Match": "yesterday"}, "json": {"priority": "urgent"}}),
        ("POST", "/api/tasks/{id}/complete", at("/api/tasks/{id}/complete"), {"headers": auth}),
        ("POST", "/api/tasks/{id}/complete", at("/api/tasks/{id}/complete", missing), {"headers": auth}),
        ("POST", "/api/tasks/{id}/reopen", at("/api/tasks/{id}/reopen"), {"headers": auth}),
        ("POST", "/api/tasks/{id}/reopen", at("/api/tasks/{id}/reopen"), {"headers": {**auth, "If-Match": '"1"'}}),
        ("GET", "/api/tags", "/api/tags", {"headers": auth}),
        ("GET", "/api/tags", "/api/tags", {"headers": {"Authorization": "Bearer not-a-token"}}),
        ("GET", "/api/notifications", "/api/notifications", {"headers": auth, "params": {"unread": "true"}}),
        ("GET", "/api/notifications", "/api/notifications", {"headers": auth, "params": {"limit": 1000}}),
        ("POST", "/api/notifications/{id}/read", fill("/api/notifications/{id}/read", missing), {"headers": auth}),
        ("GET", "/api/me/notifications", "/api/me/notifications", {"headers": auth}),
        ("PUT", "/api/me/notifications", "/api/me/notifications",
         {"headers": auth, "json": {"in_app": True, "quiet_hours_start": "22:00", "quiet_hours_end": "07:00",
                                    "webhook": {"enabled": True, "url": "https://hooks.example.com/todo",
                                                "secret": "0123456789abcdef0123"}}}),
        ("PUT", "/api/me/notifications", "/api/me/notifications",
         {"headers": auth, "json": {"webhook": {"enabled": True, "url": "ftp://nope"}}}),
        ("POST", "/api/chat", "/api/chat", {"headers": auth, "json": {"message": "show my tasks"}}),
        ("POST", "/api/chat", "/api/chat",
         {"headers": auth, "json": {"message": "mark it done", "conversation_id": conversation}}),
        ("POST", "/api/chat", "/api/chat", {"headers": auth, "json": {"message": "x" * 2001}}),
        ("POST", "/api/chat", "/api/chat", {"headers": auth, "json": {"message": "hi", "conversation_id": missing}}),
        ("POST", "/api/chat", "/api/chat", {"headers": auth, "json": ["not", "an", "object"]}),
        ("POST", "/api/chat", "/api/chat", {"json": {"message": "hi"}}),
        ("GET", "/api/conversations", "/api/conversations", {"headers": auth, "params": {"limit": 1}}),
        ("GET", "/api/conversations", "/api/conversations", {"headers": auth, "params": {"limit": 0}}),
        ("GET", "/api/conversations", "/api/conversations", {"headers": auth, "params": {"cursor": "nonsense"}}),
        ("GET", "/api/conversations/{id}", fill("/api/conversations/{id}", conversation), {"headers": auth}),
        ("GET", "/api/conversations/{id}", fill("/api/conversations/{id}", missing), {"headers": auth}),
        ("DELETE", "/api/conversations/{id}", fill("/api/conversations/{id}", conversation), {"headers": auth}),
        ("DELETE", "/api/conversations/{id}", fill("/api/conversations/{id}", conversation), {"headers": auth}),
        ("DELETE", "/api/tasks/{id}", at("/api/tasks/{id}", doomed["id"]), {"headers": {**auth, "If-Match": '"7"'}}),
        ("DELETE", "/api/tasks/{id}", at("/api/tasks/{id}", doomed["id"]), {"headers": auth}),
        ("DELETE", "/api/tasks/{id}", at("/api/tasks/{id}", doomed["id"]), {"headers": auth}),
        *mcp_probes(account, missing),
    ]


def mcp_probes(account, missing):
    """`/mcp` answered each way it can: a session opened and ended, and the refusals."""
    auth = {**account.headers(), "Accept": "application/json, text/event-stream"}
    client = {"name": "probe", "version": "1"}
    initialize = {"jsonrpc": "2.0", "id": 1, "method": "initialize",
                  "params": {"protocolVersion": "2025-11-25", "capabilities": {}, "clientInfo": client}}
    opened = requests.post(account.server.url("/mcp"), headers=auth, json=initialize, timeout=10)
    assert opened.status_code == 200, opened.text
    session = {**auth, "Mcp-Session-Id": opened.headers["Mcp-Session-Id"]}
    tools_list = {"jsonrpc": "2.0", "id": 2, "method": "tools/list"}
    initialized = {"jsonrpc": "2.0", "method": "notifications/initialized"}
    return [
        ("POST", "/mcp", "/mcp", {"headers": auth, "json": initialize}),
        ("POST", "/mcp", "/mcp", {"headers": session, "json": initialized}),
        ("POST", "/mcp", "/mcp", {"headers": session, "json": tools_list}),
        ("POST", "/mcp", "/mcp", {"headers": {**session, "MCP-Protocol-Version": "2024-11-05"}, "json": tools_list}),
        ("POST", "/mcp", "/mcp", {"headers": {**auth, "Content-Type": "application/json"}, "data": "{oops"}),
        ("POST", "/mcp", "/mcp", {"headers": auth, "json": tools_list}),
        ("POST", "/mcp", "/mcp", {"headers": {**auth, "Mcp-Session-Id": missing}, "json": tools_list}),
        ("POST", "/mcp", "/mcp", {"headers": {**auth, "Origin": "http://evil.example"}, "json": initialize}),
        ("POST", "/mcp", "/mcp", {"headers": {**auth, "Accept": "text/html"}, "json": initialize}),
        ("POST", "/mcp", "/mcp", {"headers": {**auth, "Content-Type": "text/plain"}, "data": "hello"}),
        ("POST", "/mcp", "/mcp", {"json": initialize}),
        ("DELETE", "/mcp", "/mcp", {"headers": session}),
        ("DELETE", "/mcp", "/mcp", {"headers": session}),
        ("DELETE", "/mcp", "/mcp", {"headers": auth}),
        ("DELETE", "/mcp", "/mcp", {}),
    ]


def test_every_operation_answers_with_a_documented_status_and_shape(
    server, openapi_document, schema_check, new_account
):
    account = new_account("probe")
    other = new_account("other")
    operations = documented_operations(openapi_document)
    seen = {}

    for method, template, path, kwargs in probes(account, other.email):
        response = requests.request(method, server.url(path), timeout=10, **kwargs)
        label = f"{method} {path} -> {response.status_code}"
        responses = operations[(method, template)]["responses"]

        assert str(response.status_code) in responses, f"{label} is not documented: {response.text[:300]}"
        documented = resolve(openapi_document, responses[str(response.status_code)])
        for name in documented.get("headers", {}):
            assert name in response.headers, f"{label}: missing header {name}"
        content = documented.get("content", {}).get("application/json")
        text = {media: body for media, body in documented.get("content", {}).items() if media.startswith("text/")}
        if content:
            assert response.headers["Content-Type"].startswith("application/json"), label
            schema_check(response.json(), content["schema"])
        elif text:
            assert response.headers["Content-Type"] in text, label
            assert response.text, label
        else:
            assert response.content == b"", label
        seen.setdefault((method, template), set()).add(response.status_code)

    assert set(seen) == EXPECTED_ROUTES
    # The probes reach the interesting statuses, not only the happy ones.
    reached = set().union(*seen.values())
    assert {200, 201, 204, 400, 401, 404, 409, 412, 415, 422} <= reached, reached
