import Foundation
import Testing
import TodoCore
import TodoLogging
import TodoMCP

/// A batch over ``MCPServer/maxBatchMessages`` is refused whole with one `-32600` naming the
/// limit, and none of its calls runs, whichever transport carried it; one at the limit is served.
@Suite struct MCPBatchLimitTests {
    /// A batch of `count` `add_task` calls, numbered from 1.
    static func addTasks(_ count: Int) -> String {
        let calls = (1...count).map { index in
            #"{"jsonrpc":"2.0","id":\#(index),"method":"tools/call","params":"#
                + #"{"name":"add_task","arguments":{"title":"Batched \#(index)"}}}"#
        }
        return "[" + calls.joined(separator: ",") + "]"
    }

    static func expectRefusal(_ reply: JSONValue?) {
        #expect(reply?["id"] == .null)
        #expect(reply?["error"]?["code"] == -32600)
        #expect(reply?["error"]?["data"]?["maxBatchMessages"] == .number(Double(MCPServer.maxBatchMessages)))
        #expect(reply?["error"]?["message"]?.stringValue?.contains("at most 20 messages") == true)
    }

    @Test func theDispatcherRefusesAnOversizedBatchBeforeRunningAnyOfIt() throws {
        let harness = try MCPHarness()
        let session = harness.initializedSession(version: "2025-03-26")

        Self.expectRefusal(harness.send(Self.addTasks(MCPServer.maxBatchMessages + 1), session: session))
        #expect(try harness.tasks.list(for: harness.alice, query: TaskQuery()).tasks.isEmpty)

        let served = harness.send(Self.addTasks(MCPServer.maxBatchMessages), session: session)?.arrayValue ?? []
        #expect(served.count == MCPServer.maxBatchMessages)
        #expect(served.allSatisfy { $0["result"]?["isError"] == false })
        #expect(try harness.tasks.list(for: harness.alice, query: TaskQuery()).tasks.count == 20)
    }

    @Test func streamableHTTPAnswersAnOversizedBatchWithOneError() throws {
        let stack = try MCPHTTPEndpointTests.Stack()
        let token = try stack.token(stack.harness.alice)
        let opened = stack.post(MCPHarness.initialize(version: "2025-03-26"), token: token)
        let session = try #require(opened.headers["Mcp-Session-Id"])

        let refused = stack.post(Self.addTasks(MCPServer.maxBatchMessages + 1), token: token, session: session)

        #expect(refused.status == 200)
        Self.expectRefusal(try refused.jsonBody())
        #expect(try stack.harness.tasks.list(for: stack.harness.alice, query: TaskQuery()).tasks.isEmpty)
    }

    @Test func stdioAnswersAnOversizedBatchWithOneLine() throws {
        let harness = try MCPHarness()
        let transport = MCPStdioTransport(
            server: harness.server, user: harness.alice, correlationIDs: { "stdio-batch" },
            logger: Logger(service: "test", sink: NullLogSink()))
        var input = [MCPHarness.initialize(version: "2025-03-26"), Self.addTasks(MCPServer.maxBatchMessages + 1)][...]
        var output: [UInt8] = []

        transport.serve(readLine: { input.popFirst() }, write: { output += $0 })

        let lines = String(decoding: output, as: UTF8.self).split(separator: "\n")
        try #require(lines.count == 2)
        Self.expectRefusal(try JSONValue.parse(Array(lines[1].utf8)))
        #expect(try harness.tasks.list(for: harness.alice, query: TaskQuery()).tasks.isEmpty)
    }
}
