import Foundation
import Testing
import TodoChat
import TodoCore
import TodoMCP

/// `tools/list` and `tools/call` on a real SQLite file: results, tool errors as `isError`
/// results, events attributed to MCP, and each user confined to their own tasks.
@Suite struct MCPToolCallTests {
    @Test func listsEveryToolWithTheSchemaOfItsOneDefinition() throws {
        let harness = try MCPHarness()
        let session = harness.initializedSession()

        let tools = harness.send(#"{"jsonrpc":"2.0","id":1,"method":"tools/list"}"#, session: session)?["result"]?[
            "tools"]
        #expect(tools == TaskToolbox().descriptors)
        #expect(tools?.arrayValue?.count == 6)
        #expect(tools?.arrayValue?.first?["inputSchema"]?["required"] == ["title"])
    }

    @Test func addsListsAndCompletesATaskWithEventsFromMCP() throws {
        let harness = try MCPHarness()
        let session = harness.initializedSession()

        let added = call(harness, session, "add_task", ["title": "Water the plants", "priority": "high"])
        #expect(added["isError"] == false)
        let task = try #require(added["structuredContent"]?["task"])
        let id = try #require(task["id"]?.stringValue)
        let text = try #require(added["content"]?.arrayValue?.first)
        #expect(text["type"] == "text")
        #expect(try JSONValue.parse(Array((text["text"]?.stringValue ?? "").utf8)) == added["structuredContent"])

        let listed = call(harness, session, "list_tasks", [:])
        #expect(listed["structuredContent"]?["tasks"]?.arrayValue?.map { $0["id"] } == [.string(id)])

        let completed = call(harness, session, "complete_task", ["task_id": .string(id)], correlationID: "done-1")
        #expect(completed["isError"] == false)
        #expect(try harness.tasks.get(for: harness.alice, id: id).completed)

        let events = try harness.eventLog.read(topic: EventTopics.taskEvents, partition: 0, from: 0, limit: 10)
        let decoded = try events.map { try JSONValue.parse($0.value) }
        #expect(decoded.map { $0["type"]?.stringValue?.split(separator: ".").last } == ["created", "completed"])
        #expect(decoded.allSatisfy { $0["source"] == "/mcp" })
        #expect(decoded.last?["correlationid"] == "done-1")
    }

    @Test func reportsBadArgumentsAndUnknownToolsAsToolErrors() throws {
        let harness = try MCPHarness()
        let session = harness.initializedSession()

        let missing = call(harness, session, "add_task", ["priority": "high"])
        #expect(missing["isError"] == true)
        #expect(missing["structuredContent"]?["error"]?["code"] == "validation_failed")
        let message = missing["content"]?.arrayValue?.first?["text"]?.stringValue ?? ""
        #expect(message.contains("validation_failed") && message.contains("title"))

        let wrongType = call(harness, session, "add_task", ["title": 12])
        #expect(wrongType["isError"] == true)

        let unknown = harness.send(
            #"{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"fly_to_the_moon","arguments":{}}}"#,
            session: session)
        #expect(unknown?["error"]?["code"] == -32602)
        #expect(unknown?["error"]?["data"]?["parameter"] == "name")
        let absent = call(harness, session, "complete_task", ["task_id": "0190f0f0-0000-7000-8000-000000000000"])
        #expect(absent["structuredContent"]?["error"]?["code"] == "task_not_found")
        #expect(try harness.tasks.list(for: harness.alice, query: TaskQuery()).tasks.isEmpty)
    }

    @Test func actsOnlyForTheSessionsUser() throws {
        let harness = try MCPHarness()
        let aliceSession = harness.initializedSession()
        let bobSession = harness.initializedSession(for: harness.bob)

        let added = call(harness, aliceSession, "add_task", ["title": "Alice's secret"])
        let id = try #require(added["structuredContent"]?["task"]?["id"])

        let bobsList = call(harness, bobSession, "list_tasks", [:], as: harness.bob)
        #expect(bobsList["structuredContent"]?["tasks"] == [])
        let bobsTry = call(harness, bobSession, "delete_task", ["task_id": id], as: harness.bob)
        #expect(bobsTry["isError"] == true)
        let asSomeoneElse = call(
            harness, bobSession, "list_tasks", ["user_id": .string(harness.alice.id)], as: harness.bob)
        #expect(asSomeoneElse["isError"] == true)
        #expect(try harness.tasks.list(for: harness.alice, query: TaskQuery()).tasks.count == 1)
    }

    private func call(
        _ harness: MCPHarness, _ session: MCPSession, _ tool: String, _ arguments: JSONValue,
        as user: User? = nil, correlationID: String = "corr-1"
    ) -> JSONValue {
        let request: JSONValue = [
            "jsonrpc": "2.0", "id": 1, "method": "tools/call",
            "params": ["name": .string(tool), "arguments": arguments],
        ]
        let text = String(decoding: request.serialized(), as: UTF8.self)
        return harness.send(text, session: session, as: user, correlationID: correlationID)?["result"] ?? .null
    }
}
