import Foundation
import Testing
import TodoBackend
import TodoCore
import TodoLogging
import TodoMCP
import TodoTestSupport

@testable import TodoApp

/// The stdio MCP transport the `mcp` command serves, on a real SQLite database and the real token
/// service: a running session re-checks its token and account before each request that acts.
@Suite struct MCPStdioAccessTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mcp-access-\(UUID().uuidString)")
    let clock = ManualTimeSource()
    let logs = MemoryLogSink()

    private func composition() throws -> Composition {
        var arguments = Arguments([])
        var global = try GlobalOptions.parse(
            &arguments, environment: ["TODO_CONFIG": directory.appendingPathComponent("config.yaml").path])
        global.set("data_dir", to: directory.path, flag: "--data-dir")
        global.set("auth.scrypt_log_n", to: "10", flag: "--set")
        return try Composition(
            settings: try global.loadSettings(), logger: Logger(service: "test", sink: logs), clock: clock)
    }

    static let initialize = """
        {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25",\
        "capabilities":{},"clientInfo":{"name":"test","version":"1"}}}
        """
    static let initialized = #"{"jsonrpc":"2.0","method":"notifications/initialized"}"#
    static func addTask(id: Int) -> String {
        #"{"jsonrpc":"2.0","id":\#(id),"method":"tools/call","params":{"name":"add_task","arguments":{"title":"T"}}}"#
    }

    /// Serves `lines` and returns the replies, how serving ended and the lines left unread.
    private func serve(_ transport: MCPStdioTransport, _ lines: [String]) throws
        -> (replies: [JSONValue], ending: MCPStdioTransport.Ending, unread: Int)
    {
        var input = lines[...]
        var output: [UInt8] = []
        let ending = transport.serve(readLine: { input.popFirst() }, write: { output += $0 })
        let replies = try String(decoding: output, as: UTF8.self).split(separator: "\n").map {
            try JSONValue.parse(Array($0.utf8))
        }
        return (replies, ending, input.count)
    }

    @Test func anExpiredTokenEndsTheRunningSession() throws {
        let stack = try composition()
        defer {
            stack.close()
            try? FileManager.default.removeItem(at: directory)
        }
        let session = try stack.backend.accounts.signUp(
            SignUpInput.parse(["email": "mcp@example.com", "password": "correct horse battery"]))
        let logger = Logger(service: "test", sink: logs)
        let transport = stack.mcpStdioTransport(user: session.user, token: session.token.token, logger: logger)

        let before = try serve(transport, [Self.initialize, Self.initialized, Self.addTask(id: 2)])
        #expect(before.ending == .inputEnded)
        #expect(before.replies.last?["result"]?["isError"] == false)

        // Still inside the leeway: served.
        let lifetime = TimeInterval(stack.settings.tokenLifetimeSeconds)
        clock.advance(by: lifetime + TimeInterval(stack.tokens.leeway) - 1)
        #expect(try serve(transport, [Self.addTask(id: 3)]).replies.first?["result"]?["isError"] == false)

        clock.advance(by: 2)
        let after = try serve(transport, [#"{"jsonrpc":"2.0","id":4,"method":"ping"}"#, Self.addTask(id: 5), "unread"])
        #expect(after.replies.first?["result"] == .object([:]))
        #expect(after.replies.last?["id"] == 5)
        #expect(after.replies.last?["error"]?["code"] == -32001)
        #expect(after.replies.last?["error"]?["data"]?["code"] == "token_expired")
        #expect(after.unread == 1)
        guard case .accessEnded(let refusal) = after.ending else {
            Issue.record("serving went on after the token expired: \(after.ending)")
            return
        }
        #expect(refusal.code == "token_expired")
        #expect(try stack.backend.tasks.list(for: session.user, query: TaskQuery()).tasks.count == 2)
        #expect(
            logs.records.contains {
                $0.level == .warning && $0.metadata[LogKey.errorCode] == "token_expired"
            })
    }
}
