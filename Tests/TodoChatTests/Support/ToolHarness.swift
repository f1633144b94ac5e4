import Foundation
import TodoChat
import TodoCore
import TodoSQLite
import TodoTestSupport

/// A migrated SQLite file in a fresh temporary directory with the standard event-log topics, a user
/// in New York, and the task tools acting for that user, on a clock that stands at Thursday
/// 2026-03-05 10:00 local time.
final class ToolHarness: Sendable {
    static let start = RFC3339.parse("2026-03-05T10:00:00-05:00")!

    private let database: TemporarySQLite
    let directory: URL
    let store: SQLiteStore
    let eventLog: SQLiteEventLog
    let clock = ManualTimeSource(ToolHarness.start)
    let service: TaskService
    let user: User
    let toolbox = TaskToolbox()

    init(timeZoneID: String = "America/New_York") throws {
        database = try TemporarySQLite(name: "chat", clock: clock)
        directory = database.directory
        store = database.store
        eventLog = database.eventLog
        service = TaskService(store: store, clock: clock, ids: UUIDv7Generator(clock: clock))
        user = try Self.insertUser(into: store, email: "sam@example.com", timeZoneID: timeZoneID, at: Self.start)
    }

    var context: ToolContext { ToolContext(user: user, tasks: service) }

    /// Another account in the same database.
    func otherUser() throws -> User {
        try Self.insertUser(
            into: store, email: "other-\(UUID().uuidString)@example.com", timeZoneID: "UTC", at: clock.now)
    }

    /// Runs a tool for the harness user (or `user`).
    @discardableResult
    func run(_ tool: String, _ arguments: JSONValue, as user: User? = nil) -> ToolResult {
        let context = ToolContext(user: user ?? self.user, tasks: service)
        return toolbox.run(ToolCall(tool: tool, arguments: arguments), in: context)
    }

    /// Adds a task through add_task and returns its id.
    @discardableResult
    func add(_ arguments: JSONValue) -> String {
        run("add_task", arguments).value["task"]?["id"]?.stringValue ?? "add_task failed"
    }

    private static func insertUser(into store: SQLiteStore, email: String, timeZoneID: String, at now: Date) throws
        -> User
    {
        let user = User(
            id: UUIDv7Generator().next(), email: email, timeZoneID: timeZoneID, createdAt: now, updatedAt: now)
        try store.write { try $0.insert(user: user, passwordHash: "not-a-real-hash") }
        return user
    }
}
