"""The task tools over MCP, driven by the official MCP Python SDK against the real binary:
stdio (`todo-chatbot mcp`) and Streamable HTTP (`/mcp` on the backend). Each transport adds,
lists and completes a task; the REST API and the event log confirm what happened; bad arguments
come back as tool errors; tokens are required and one user's token never reaches another's
tasks or session."""

import json
import sqlite3
import subprocess

import anyio
import httpx2
import requests
from mcp import Client, ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client
from mcp.shared.exceptions import MCPError
from mcp.client.streamable_http import streamable_http_client
from mcp.shared._httpx_utils import create_mcp_http_client

from conftest import assert_error, binary_path, run_cli, sign_up, start_server, stop_server

TOOL_NAMES = {"add_task", "list_tasks", "complete_task", "delete_task", "update_task", "set_reminder"}
ACCEPT = {"Accept": "application/json, text/event-stream"}


def initialize_request(version="2025-11-25", request_id=1):
    """A raw `initialize` request, for the tests that speak JSON-RPC without the SDK."""
    client = {"name": "raw", "version": "1"}
    return {"jsonrpc": "2.0", "id": request_id, "method": "initialize",
            "params": {"protocolVersion": version, "capabilities": {}, "clientInfo": client}}


def stdio_parameters(server, token):
    environment = dict(server.environment)
    environment["TODO_MCP_TOKEN"] = token
    arguments = [*server.cli_prefix[1:], "--log-level=info", "mcp"]
    return StdioServerParameters(command=str(binary_path()), args=arguments, env=environment)


async def with_stdio(server, token, work, errlog_path):
    with open(errlog_path, "w") as errlog:
        async with stdio_client(stdio_parameters(server, token), errlog=errlog) as (read, write):
            async with ClientSession(read, write) as session:
                return await work(session)


async def with_http(server, token, work):
    client = create_mcp_http_client(headers={"Authorization": f"Bearer {token}"})
    async with client:
        async with streamable_http_client(server.url("/mcp"), http_client=client) as (read, write):
            async with ClientSession(read, write) as session:
                return await work(session)


def run_over(transport, server, token, work, tmp_path):
    if transport == "stdio":
        return anyio.run(with_stdio, server, token, work, tmp_path / "mcp-stderr.log")
    return anyio.run(with_http, server, token, work)


def structured(result):
    """The JSON a tool returned, checked to be the same in the text block and structuredContent."""
    assert len(result.content) == 1 and result.content[0].type == "text"
    if not result.is_error:
        assert json.loads(result.content[0].text) == result.structured_content
    return result.structured_content


def task_events(server, task_id):
    output = run_cli(server, "topic", "consume", "task-events", "--json")
    events = [json.loads(json.loads(line)["value"]) for line in output.splitlines() if line.strip()]
    return [event for event in events if event["subject"] == f"tasks/{task_id}"]


def round_trip(transport, server, new_account, tmp_path):
    account = new_account("mcp-" + transport)

    async def work(session):
        initialized = await session.initialize()
        assert initialized.protocol_version == "2025-11-25"
        assert initialized.server_info.name == "todo-chatbot"
        assert initialized.capabilities.tools is not None
        await session.send_ping()

        tools = {tool.name: tool for tool in (await session.list_tools()).tools}
        assert set(tools) == TOOL_NAMES
        assert tools["add_task"].input_schema["required"] == ["title"]
        assert tools["add_task"].input_schema["additionalProperties"] is False
        assert tools["complete_task"].input_schema["properties"]["task_id"]["type"] == "string"

        added = structured(await session.call_tool("add_task", {"title": f"Water the plants ({transport})"}))
        task_id = added["task"]["id"]
        listed = structured(await session.call_tool("list_tasks", {}))
        assert [task["id"] for task in listed["tasks"]] == [task_id]
        completed = await session.call_tool("complete_task", {"task_id": task_id})
        assert not completed.is_error, completed.content[0].text
        return task_id

    task_id = run_over(transport, server, account.token, work, tmp_path)

    fetched = account.get(f"/api/tasks/{task_id}")
    assert fetched.status_code == 200, fetched.text
    assert fetched.json()["completed"] is True
    events = task_events(server, task_id)
    assert [event["type"].rsplit(".", 1)[1] for event in events] == ["created", "completed"]
    assert {event["source"] for event in events} == {"/mcp"}
    correlation_ids = [event.get("correlationid") for event in events]
    assert all(correlation_ids) and len(set(correlation_ids)) == 2, correlation_ids


def test_stdio_adds_lists_and_completes_a_task_with_events(server, new_account, tmp_path):
    round_trip("stdio", server, new_account, tmp_path)
    assert "Serving MCP on stdio" in (tmp_path / "mcp-stderr.log").read_text()


def test_http_adds_lists_and_completes_a_task_with_events(server, new_account, tmp_path):
    round_trip("http", server, new_account, tmp_path)


def test_both_transports_publish_the_same_tools_and_schemas(server, new_account, tmp_path):
    account = new_account("mcp-schemas")

    async def work(session):
        await session.initialize()
        return [tool.model_dump(by_alias=True, exclude_none=True) for tool in (await session.list_tools()).tools]

    stdio_tools = run_over("stdio", server, account.token, work, tmp_path)
    http_tools = run_over("http", server, account.token, work, tmp_path)
    assert stdio_tools == http_tools
    assert {tool["name"] for tool in http_tools} == TOOL_NAMES
    for tool in http_tools:
        assert tool["description"] and tool["inputSchema"]["type"] == "object"


def test_the_sdks_high_level_client_falls_back_to_the_handshake(server, new_account):
    """`mcp.Client` probes the stateless `server/discover` first; this server answers it with an
    error, and the client falls back to `initialize`."""
    account = new_account("mcp-auto")

    async def work():
        async with Client(stdio_parameters(server, account.token)) as client:
            assert client.protocol_version == "2025-11-25"
            return await client.call_tool("add_task", {"title": "Through the high-level client"})

    result = anyio.run(work)
    assert not result.is_error
    assert [task["title"] for task in account.get("/api/tasks").json()["tasks"]] == ["Through the high-level client"]


def bad_arguments(transport, server, new_account, tmp_path):
    account = new_account("mcp-bad")

    async def work(session):
        await session.initialize()
        missing = await session.call_tool("add_task", {"priority": "high"})
        wrong_type = await session.call_tool("add_task", {"title": 12})
        try:
            await session.call_tool("fly_to_the_moon", {})
            unknown = None
        except MCPError as error:
            unknown = error.error
        listed = structured(await session.call_tool("list_tasks", {}))
        return missing, wrong_type, unknown, listed

    missing, wrong_type, unknown, listed = run_over(transport, server, account.token, work, tmp_path)
    for result in (missing, wrong_type):
        assert result.is_error
        assert result.structured_content["error"]["code"] == "validation_failed"
        assert "title" in result.content[0].text
    # A tool that does not exist is a protocol error, as MCP lists it.
    assert unknown is not None and unknown.code == -32602 and "fly_to_the_moon" in unknown.message
    assert listed["tasks"] == []


def test_stdio_reports_bad_arguments_as_tool_errors(server, new_account, tmp_path):
    bad_arguments("stdio", server, new_account, tmp_path)


def test_http_reports_bad_arguments_as_tool_errors(server, new_account, tmp_path):
    bad_arguments("http", server, new_account, tmp_path)


def test_stdio_writes_only_protocol_messages_to_stdout(server, new_account):
    account = new_account("mcp-raw")
    lines = [
        {"jsonrpc": "2.0", "id": "a", "method": "tools/list"},
        initialize_request("2024-11-05"),
        {"jsonrpc": "2.0", "method": "notifications/initialized"},
    ]
    text = "\n".join(json.dumps(line) for line in lines) + "\n{broken\n"
    environment = dict(server.environment, TODO_MCP_TOKEN=account.token)
    result = subprocess.run(
        [*server.cli_prefix, "--log-level=info", "mcp"], input=text, env=environment, capture_output=True, text=True,
        timeout=60)
    assert result.returncode == 0, result.stderr

    replies = [json.loads(line) for line in result.stdout.splitlines()]
    assert [reply["id"] for reply in replies] == ["a", 1, None]
    assert replies[0]["error"]["code"] == -32600
    assert replies[1]["result"]["protocolVersion"] == "2024-11-05"
    assert replies[2]["error"]["code"] == -32700
    logs = [json.loads(line) for line in result.stderr.splitlines()]
    assert any(log["message"] == "Serving MCP on stdio" for log in logs)
    assert account.token not in result.stderr


def test_stdio_skips_a_line_longer_than_the_body_limit_and_goes_on(server, new_account):
    account = new_account("mcp-long-line")
    huge = "a" * (3 << 20)
    text = json.dumps(initialize_request("2025-11-25")) + "\n" + huge + "\n" + json.dumps(
        {"jsonrpc": "2.0", "id": 2, "method": "ping"}) + "\n"
    environment = dict(server.environment, TODO_MCP_TOKEN=account.token)
    result = subprocess.run(
        [*server.cli_prefix, "--set", "http.max_body_bytes=1048576", "mcp"], input=text, env=environment,
        capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr

    replies = [json.loads(line) for line in result.stdout.splitlines()]
    assert [reply.get("id") for reply in replies] == [1, None, 2]
    assert replies[1]["error"]["code"] == -32600 and "at most 1048576 bytes" in replies[1]["error"]["message"]
    assert replies[2]["result"] == {}


def test_stdio_refuses_to_start_without_a_valid_token(server, new_account):
    environment = {key: value for key, value in server.environment.items() if key != "TODO_MCP_TOKEN"}

    def run(*arguments, env=environment):
        return subprocess.run(
            [*server.cli_prefix, "mcp", *arguments], input="", env=env, capture_output=True, text=True, timeout=60)

    missing = run()
    assert missing.returncode == 2 and missing.stdout == ""
    assert "access token is required" in missing.stderr

    forged = run("--token", "abc.def.ghi")
    assert forged.returncode == 1 and forged.stdout == ""
    assert "access token was refused" in forged.stderr

    account = new_account("mcp-gone")
    tampered = account.token[:-2] + ("AA" if not account.token.endswith("AA") else "BB")
    assert run(env=dict(environment, TODO_MCP_TOKEN=tampered)).returncode == 1

    database = next(server.data_dir.glob("*.db"))
    with sqlite3.connect(database) as connection:
        connection.execute("DELETE FROM users WHERE id = ?", (account.user["id"],))
    gone = run("--token", account.token)
    assert gone.returncode == 1 and gone.stdout == ""
    assert "account_not_found" in gone.stderr


def test_a_running_stdio_session_ends_when_the_account_is_deleted(server, new_account):
    """Each tools/call checks the account again: once it is gone the call gets a JSON-RPC error
    with `account_not_found`, a warning goes to stderr and the process exits with 1."""
    account = new_account("mcp-deleted")
    environment = dict(server.environment, TODO_MCP_TOKEN=account.token)
    process = subprocess.Popen(
        [*server.cli_prefix, "--log-level=info", "mcp"], env=environment, stdin=subprocess.PIPE,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    add = {"jsonrpc": "2.0", "method": "tools/call", "params": {"name": "add_task", "arguments": {"title": "Kept"}}}

    def exchange(message):
        process.stdin.write(json.dumps(message) + "\n")
        process.stdin.flush()
        return json.loads(process.stdout.readline())

    try:
        assert exchange(initialize_request())["id"] == 1
        assert exchange({**add, "id": 2})["result"]["isError"] is False

        database = next(server.data_dir.glob("*.db"))
        with sqlite3.connect(database) as connection:
            connection.execute("DELETE FROM users WHERE id = ?", (account.user["id"],))
        refused = exchange({**add, "id": 3})
        assert refused["id"] == 3 and refused["error"]["code"] == -32001, refused
        assert refused["error"]["data"]["code"] == "account_not_found"
        stdout, stderr = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert process.returncode == 1 and stdout == ""
    logs = [json.loads(line) for line in stderr.splitlines() if line.startswith("{")]
    assert any(log["level"] == "warning" and log.get("error.code") == "account_not_found" for log in logs), stderr
    assert "account_not_found" in stderr and account.token not in stderr


def test_stdio_refuses_a_data_directory_that_is_not_the_servers(server, new_account, tmp_path):
    """A mistyped --data-dir is named in a clear error, and nothing is created there."""
    account = new_account("mcp-typo")
    environment = dict(server.environment, TODO_MCP_TOKEN=account.token)
    options = [option for option in server.cli_prefix if not option.startswith("--data-dir=")]

    def run(data_dir):
        return subprocess.run(
            [*options, f"--data-dir={data_dir}", "mcp"], input="", env=environment, capture_output=True, text=True,
            timeout=60)

    typo = tmp_path / "dtaa"
    missing = run(typo)
    assert missing.returncode == 1 and missing.stdout == ""
    assert "database_not_found" in missing.stderr and str(typo / "todo.db") in missing.stderr, missing.stderr
    assert not typo.exists()

    no_secret = tmp_path / "copy"
    no_secret.mkdir()
    database = next(server.data_dir.glob("*.db"))
    with sqlite3.connect(database) as source, sqlite3.connect(no_secret / database.name) as copy:
        source.backup(copy)
    refused = run(no_secret)
    assert refused.returncode == 1 and refused.stdout == ""
    assert "jwt_secret_not_found" in refused.stderr and "check --data-dir" in refused.stderr, refused.stderr
    assert not (no_secret / "jwt-secret").exists()


def test_http_requires_a_bearer_token(server, new_account):
    initialize = initialize_request()
    headers = ACCEPT
    missing = requests.post(server.url("/mcp"), json=initialize, headers=headers, timeout=10)
    assert_error(missing, 401, "missing_token")
    assert missing.headers["WWW-Authenticate"] == "Bearer"

    forged = requests.post(
        server.url("/mcp"), json=initialize, headers={**headers, "Authorization": "Bearer abc.def.ghi"}, timeout=10)
    assert forged.status_code == 401 and forged.headers["WWW-Authenticate"] == "Bearer"

    async def work():
        client = create_mcp_http_client()
        async with client:
            async with streamable_http_client(server.url("/mcp"), http_client=client) as (read, write):
                async with ClientSession(read, write) as session:
                    await session.initialize()

    try:
        anyio.run(work)
    except Exception as error:  # the SDK reports the refusal as an MCP error or an exception group
        refusal = error
    else:
        raise AssertionError("the SDK client initialized without a token")
    assert "Server returned an error response" in repr(refusal), repr(refusal)


def test_one_users_token_never_reaches_another_users_tasks_or_session(server, new_account, tmp_path):
    alice, bob = new_account("mcp-alice"), new_account("mcp-bob")
    task_id = alice.create_task(title="Alice's surprise party")["id"]

    initialize = initialize_request()
    headers = ACCEPT
    opened = alice.post("/mcp", json=initialize, headers=headers)
    assert opened.status_code == 200, opened.text
    alice_session = opened.headers["Mcp-Session-Id"]
    call = {"jsonrpc": "2.0", "id": 2, "method": "tools/call", "params": {"name": "list_tasks", "arguments": {}}}
    hijack = bob.post("/mcp", json=call, headers={**headers, "Mcp-Session-Id": alice_session})
    assert_error(hijack, 404, "mcp_session_not_found")
    assert bob.delete("/mcp", headers={"Mcp-Session-Id": alice_session}).status_code == 404
    own = alice.post("/mcp", json=call, headers={**headers, "Mcp-Session-Id": alice_session})
    assert [task["id"] for task in own.json()["result"]["structuredContent"]["tasks"]] == [task_id]
    assert alice.delete("/mcp", headers={"Mcp-Session-Id": alice_session}).status_code == 204

    async def work(session):
        await session.initialize()
        listed = structured(await session.call_tool("list_tasks", {}))
        completing = await session.call_tool("complete_task", {"task_id": task_id})
        deleting = await session.call_tool("delete_task", {"task_id": task_id})
        as_alice = await session.call_tool("list_tasks", {"user_id": alice.user["id"]})
        return listed, completing, deleting, as_alice

    for transport in ("stdio", "http"):
        listed, completing, deleting, as_alice = run_over(transport, server, bob.token, work, tmp_path)
        assert listed["tasks"] == []
        assert completing.is_error and completing.structured_content["error"]["code"] == "task_not_found"
        assert deleting.is_error and deleting.structured_content["error"]["code"] == "task_not_found"
        assert as_alice.is_error

    task = alice.get(f"/api/tasks/{task_id}").json()
    assert task["completed"] is False


def test_http_refuses_an_oversized_batch_whole(server, new_account):
    """A 2025-03-26 session may batch, but at most 20 messages: 21 `add_task` calls get one
    -32600 naming the limit, and no task is added; 20 are served."""
    account = new_account("mcp-batch")
    headers = {**ACCEPT, **account.headers()}
    opened = requests.post(server.url("/mcp"), json=initialize_request("2025-03-26"), headers=headers, timeout=10)
    assert opened.status_code == 200, opened.text
    headers["Mcp-Session-Id"] = opened.headers["Mcp-Session-Id"]

    def batch(count):
        return [{"jsonrpc": "2.0", "id": index, "method": "tools/call",
                 "params": {"name": "add_task", "arguments": {"title": f"Batched {index}"}}}
                for index in range(1, count + 1)]

    refused = requests.post(server.url("/mcp"), json=batch(21), headers=headers, timeout=30)
    assert refused.status_code == 200, refused.text
    reply = refused.json()
    assert reply["id"] is None and reply["error"]["code"] == -32600
    assert reply["error"]["data"]["maxBatchMessages"] == 20 and "at most 20" in reply["error"]["message"]
    assert account.get("/api/tasks").json()["tasks"] == []

    served = requests.post(server.url("/mcp"), json=batch(20), headers=headers, timeout=30)
    assert [answer["id"] for answer in served.json()] == list(range(1, 21))
    assert len(account.get("/api/tasks", params={"limit": 100}).json()["tasks"]) == 20


class RoundRobin(httpx2.AsyncBaseTransport):
    """A load balancer in front of backend replicas: each request goes to the next port in turn."""

    def __init__(self, ports):
        self.ports = ports
        self.sent = []
        self.inner = httpx2.AsyncHTTPTransport()

    async def handle_async_request(self, request):
        port = self.ports[len(self.sent) % len(self.ports)]
        self.sent.append(port)
        request.url = request.url.copy_with(port=port)
        return await self.inner.handle_async_request(request)

    async def aclose(self):
        await self.inner.aclose()


def test_a_session_opened_on_one_replica_is_served_by_every_other(tmp_path):
    """Two backends on one database and key, behind a balancer that alternates per request: the
    official SDK's session runs across both, as it does behind an Ingress with several replicas."""
    first = start_server(tmp_path, log_name="first.log")
    second = start_server(tmp_path, log_name="second.log")
    try:
        account = sign_up(first, "mcp-replicas")
        balancer = RoundRobin([first.ports["backend"], second.ports["backend"]])

        async def work():
            client = httpx2.AsyncClient(
                headers={"Authorization": f"Bearer {account.token}"}, transport=balancer, timeout=30)
            async with client:
                async with streamable_http_client(first.url("/mcp"), http_client=client) as (read, write):
                    async with ClientSession(read, write) as session:
                        await session.initialize()
                        added = structured(await session.call_tool("add_task", {"title": "Fed by two replicas"}))
                        listed = structured(await session.call_tool("list_tasks", {}))
                        await session.send_ping()
                        return added, listed

        added, listed = anyio.run(work)
        assert [task["id"] for task in listed["tasks"]] == [added["task"]["id"]]
        assert set(balancer.sent) == {first.ports["backend"], second.ports["backend"]}, balancer.sent
    finally:
        stop_server(second)
        stop_server(first)
