import Foundation
import Testing
import TodoCore
import TodoLogging
import TodoMCP

/// The stdio transport: one response line per request line, nothing for notifications and blank
/// lines, and serving ends when the client stops reading.
@Suite struct MCPStdioTransportTests {
    struct Gone: Error {}

    @Test func answersEachRequestLineWithOneLine() throws {
        let harness = try MCPHarness()
        let transport = MCPStdioTransport(
            server: harness.server, user: harness.alice, correlationIDs: { "stdio-1" },
            logger: Logger(service: "test", sink: NullLogSink()))
        let call =
            #"{"jsonrpc":"2.0","id":"t","method":"tools/call","params":"#
            + #"{"name":"add_task","arguments":{"title":"Hi"}}}"#
        var input = [
            "", MCPHarness.initialize(version: "2025-06-18"),
            #"{"jsonrpc":"2.0","method":"notifications/initialized"}"#, "{bad", call,
        ][...]
        var output: [UInt8] = []

        transport.serve(readLine: { input.popFirst() }, write: { output += $0 })

        let lines = String(decoding: output, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 4 && lines.last == "")
        let replies = try lines.dropLast().map { try JSONValue.parse(Array($0.utf8)) }
        #expect(replies[0]["result"]?["protocolVersion"] == "2025-06-18")
        #expect(replies[1]["error"]?["code"] == -32700)
        #expect(replies[2]["id"] == "t")
        #expect(replies[2]["result"]?["isError"] == false)
        #expect(try harness.tasks.list(for: harness.alice, query: TaskQuery()).tasks.map(\.title) == ["Hi"])
    }

    @Test func stopsReadingWhenTheClientStopsReading() throws {
        let harness = try MCPHarness()
        let transport = MCPStdioTransport(
            server: harness.server, user: harness.alice, correlationIDs: { "stdio-2" },
            logger: Logger(service: "test", sink: NullLogSink()))
        var input = Array(repeating: #"{"jsonrpc":"2.0","id":1,"method":"ping"}"#, count: 5)[...]

        transport.serve(readLine: { input.popFirst() }, write: { _ in throw Gone() })

        #expect(input.count == 4)
    }
}
