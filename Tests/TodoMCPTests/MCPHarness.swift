import Foundation
import TodoChat
import TodoCore
import TodoLogging
import TodoMCP
import TodoSQLite
import TodoTestSupport

/// A migrated SQLite file in a fresh temporary directory with the standard event topics, two
/// users, and an MCP server over them, on a clock that stands still.
final class MCPHarness: Sendable {
    private let database: TemporarySQLite
    let directory: URL
    let store: SQLiteStore
    let eventLog: SQLiteEventLog
    let clock = ManualTimeSource(RFC3339.parse("2026-03-05T10:00:00-05:00")!)
    let tasks: TaskService
    let server: MCPServer
    let alice: User
    let bob: User

    init() throws {
        database = try TemporarySQLite(name: "mcp", clock: clock)
        directory = database.directory
        store = database.store
        eventLog = database.eventLog
        tasks = TaskService(store: store, clock: clock, ids: UUIDv7Generator(clock: clock))
        server = MCPServer(version: "9.8.7", tasks: tasks, logger: Logger(service: "test", sink: NullLogSink()))
        alice = try Self.insertUser(into: store, email: "alice@example.com", at: clock.now)
        bob = try Self.insertUser(into: store, email: "bob@example.com", at: clock.now)
    }

    /// Sends the raw text of one message for `user` (Alice by default) and returns the response.
    func send(_ text: String, session: MCPSession, as user: User? = nil, correlationID: String = "corr-1")
        -> JSONValue?
    {
        switch MCPServer.decode(Array(text.utf8)) {
        case .failure(let error):
            return .object(["parseError": .number(Double(error.code))])
        case .success(let inbound):
            return server.respond(
                to: inbound, session: session, user: user ?? alice, correlationID: correlationID)
        }
    }

    /// A session of `user` that has completed the handshake at `version`.
    func initializedSession(version: String = "2025-11-25", for user: User? = nil) -> MCPSession {
        let session = MCPSession(id: UUID().uuidString, userID: (user ?? alice).id)
        _ = send(Self.initialize(version: version), session: session, as: user)
        _ = send(#"{"jsonrpc":"2.0","method":"notifications/initialized"}"#, session: session, as: user)
        return session
    }

    static func initialize(id: String = "1", version: String) -> String {
        """
        {"jsonrpc":"2.0","id":\(id),"method":"initialize","params":{"protocolVersion":"\(version)",\
        "capabilities":{},"clientInfo":{"name":"test","version":"1"}}}
        """
    }

    private static func insertUser(into store: SQLiteStore, email: String, at now: Date) throws -> User {
        let user = User(id: UUIDv7Generator().next(), email: email, timeZoneID: "UTC", createdAt: now, updatedAt: now)
        try store.write { try $0.insert(user: user, passwordHash: "not-a-real-hash") }
        return user
    }
}
