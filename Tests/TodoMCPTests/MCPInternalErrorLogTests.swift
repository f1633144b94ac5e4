import Foundation
import Testing
import TodoCore
import TodoLogging
import TodoMCP

/// A tool call that fails inside (not a refusal the client can fix) is answered with
/// `internal_error` and logged at error level with the tool and what failed, without the
/// call's arguments.
@Suite struct MCPInternalErrorLogTests {
    @Test func logsAnInternalToolFailureAtErrorLevel() throws {
        let harness = try MCPHarness()
        let logs = MemoryLogSink()
        let server = MCPServer(version: "1", tasks: harness.tasks, logger: Logger(service: "test", sink: logs))
        // A user with no row: storing a task for them breaks the foreign key, an internal failure.
        let ghost = User(
            id: UUIDv7Generator().next(), email: "ghost@example.com", timeZoneID: "UTC", createdAt: harness.clock.now,
            updatedAt: harness.clock.now)
        let session = MCPSession(id: "s", userID: ghost.id)
        func send(_ text: String) throws -> JSONValue? {
            server.respond(
                to: try MCPServer.decode(Array(text.utf8)).get(), session: session, user: ghost, correlationID: nil)
        }
        _ = try send(MCPHarness.initialize(version: "2025-11-25"))

        let reply = try send(
            #"{"jsonrpc":"2.0","id":2,"method":"tools/call","params":"#
                + #"{"name":"add_task","arguments":{"title":"Private plans"}}}"#)

        #expect(reply?["result"]?["isError"] == true)
        #expect(reply?["result"]?["structuredContent"]?["error"]?["code"] == "internal_error")
        let logged = try #require(logs.records.first { $0.level == .error })
        #expect(logged.metadata[LogKey.tool] == "add_task")
        #expect(logged.metadata[LogKey.errorCode] == "internal_error")
        #expect(logged.metadata[LogKey.error]?.isEmpty == false)
        let text = logs.records.map { "\($0.message) \($0.metadata)" }.joined()
        #expect(!text.contains("Private plans"))
        #expect(!logs.records.contains { $0.level == .debug && $0.message == "MCP tool called" })
    }
}
