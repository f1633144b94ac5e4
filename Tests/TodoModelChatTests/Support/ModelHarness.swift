import Foundation
import Testing
import TodoChat
import TodoCore
import TodoLogging
import TodoModelChat
import TodoSQLite
import TodoTestSupport

/// A migrated SQLite file with a user in New York, a scripted model server on loopback and the
/// model responder pointed at it, logging into memory. The clock stands at Thursday 2026-03-05
/// 10:00 New York time.
final class ModelHarness: Sendable {
    static let start = RFC3339.parse("2026-03-05T10:00:00-05:00")!
    static let apiKey = "sk-test-9f8e7d6c5b4a"

    private let database: TemporarySQLite
    let directory: URL
    let store: SQLiteStore
    let eventLog: SQLiteEventLog
    let clock = ManualTimeSource(ModelHarness.start)
    let tasks: TaskService
    let user: User
    let server: ScriptedModelServer
    let logs = MemoryLogSink()
    let responder: ModelChatResponder

    init(
        _ steps: [ScriptedModelServer.Step], requestTimeout: TimeInterval = 10, maxSteps: Int = 6,
        deadline: TimeInterval = 60
    ) throws {
        database = try TemporarySQLite(name: "model", clock: clock)
        directory = database.directory
        store = database.store
        eventLog = database.eventLog
        tasks = TaskService(store: store, clock: clock, ids: UUIDv7Generator(clock: clock))
        user = User(
            id: UUIDv7Generator().next(), email: "sam@example.com", timeZoneID: "America/New_York",
            createdAt: Self.start, updatedAt: Self.start)
        try store.write { [user] in try $0.insert(user: user, passwordHash: "not-a-real-hash") }

        server = try ScriptedModelServer(steps)
        let configuration = ModelConfiguration(
            baseURL: server.baseURL, model: "test-model", apiKey: Self.apiKey, requestTimeout: requestTimeout,
            maxSteps: maxSteps, deadline: deadline)
        responder = ModelChatResponder(
            configuration: configuration, clock: clock, logger: Logger(service: "model-test", level: .trace, sink: logs)
        )
    }

    deinit {
        server.stop()
    }

    /// Another account in the same database.
    func otherUser() throws -> User {
        let other = User(
            id: UUIDv7Generator().next(), email: "other@example.com", timeZoneID: "UTC", createdAt: Self.start,
            updatedAt: Self.start)
        try store.write { try $0.insert(user: other, passwordHash: "not-a-real-hash") }
        return other
    }

    /// Sends `message` as the user, with `history` as the stored turns.
    func send(_ message: String, history: [ConversationTurn] = []) throws -> ChatResponse {
        try responder.respond(
            to: message, history: history, user: user, tasks: tasks,
            change: ChangeContext(correlationID: "corr-123", source: ToolContext.chatSource))
    }

    /// Adds a task through add_task directly for the harness user (or `owner`), and returns its id.
    func add(_ arguments: JSONValue, as owner: User? = nil) throws -> String {
        let result = TaskToolbox().run(
            ToolCall(tool: "add_task", arguments: arguments), in: ToolContext(user: owner ?? user, tasks: tasks))
        return try #require(result.value["task"]?["id"]?.stringValue)
    }

    /// The user's tasks, pending and completed.
    func allTasks() throws -> [TodoTask] {
        var query = TaskQuery()
        query.status = .all
        return try tasks.list(for: user, query: query).tasks
    }

    /// Every log line as one text: message and metadata.
    var logText: String {
        logs.records.map { record in
            ([record.message] + record.metadata.map { "\($0.key)=\($0.value)" }).joined(separator: " ")
        }.joined(separator: "\n")
    }
}
