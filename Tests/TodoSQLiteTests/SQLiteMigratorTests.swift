import Foundation
import Testing
import TodoCore
import TodoTestSupport

@testable import TodoSQLite

@Suite struct SQLiteMigratorTests {
    @Test func upgradeDowngradeUpgradeOnAPopulatedDatabase() throws {
        let database = TemporaryDatabase()
        defer { database.remove() }
        let store = try database.openStore()
        defer { store.close() }
        let clock = ManualTimeSource()
        let migrator = SQLiteMigrator(store: store, clock: clock)

        #expect(try migrator.current() == nil)
        #expect(try migrator.history().map(\.appliedAt) == [nil, nil, nil])
        #expect(try migrator.upgrade(to: nil) == ["0001_initial", "0002_event_log", "0003_task_series"])
        #expect(try migrator.upgrade(to: nil).isEmpty)
        #expect(try migrator.current() == "0003_task_series")
        #expect(try migrator.history().map(\.appliedAt) == [clock.now, clock.now, clock.now])

        let user = User(
            id: UUIDv7Generator().next(), email: "a@example.com", createdAt: clock.now, updatedAt: clock.now)
        try store.write { try $0.insert(user: user, passwordHash: "h") }

        #expect(try migrator.downgrade(steps: 3) == ["0003_task_series", "0002_event_log", "0001_initial"])
        #expect(try migrator.current() == nil)
        #expect(try tableNames(store).sorted() == ["schema_migrations"])
        #expect(throws: AppError.self) { try store.read { try $0.user(id: user.id) } }

        #expect(try migrator.migrate(to: "0001_initial") == ["0001_initial"])
        #expect(try migrator.current() == "0001_initial")
        #expect(try store.read { try $0.user(id: user.id) } == nil)
        try store.write { try $0.insert(user: user, passwordHash: "h") }
        #expect(try store.read { try $0.user(id: user.id) } == user)

        #expect(try migrator.migrate(to: "0003_task_series") == ["0002_event_log", "0003_task_series"])
        #expect(try migrator.migrate(to: "base") == ["0003_task_series", "0002_event_log", "0001_initial"])
        #expect(try migrator.downgrade(steps: 3).isEmpty)
    }

    @Test func taskSeriesRevisionKeepsTasksAndMarksRepeatingOnesFromTheSchedule() throws {
        let database = TemporaryDatabase()
        defer { database.remove() }
        let store = try database.openStore()
        defer { store.close() }
        let migrator = SQLiteMigrator(store: store)
        try migrator.upgrade(to: "0002_event_log")

        // A repeating task written before series existed, in the 0002 schema.
        let ids = UUIDv7Generator()
        let (userID, taskID) = (ids.next(), ids.next())
        try store.withWriteTransaction { connection in
            _ = try connection.execute(
                "INSERT INTO users VALUES (?, 'a@example.com', NULL, 'UTC', NULL, NULL, 'in_app', 'h', 0, 0)",
                [.text(userID)], step: "seed user")
            _ = try connection.execute(
                """
                INSERT INTO tasks VALUES (?, ?, 'Pay rent', 'pay rent', NULL, 'pay rent', 0, NULL, 0, '', 1000, NULL, \
                1000, 'FREQ=MONTHLY', '', 0, 0, 1)
                """, [.text(taskID), .text(userID)], step: "seed task")
        }

        try migrator.upgrade(to: nil)
        let task = try #require(try store.read { try $0.task(id: taskID, ownerID: userID) })
        #expect(task.recurrence == "FREQ=MONTHLY")
        #expect(task.recurrenceMode == .fromSchedule)
        #expect(task.seriesID == nil)

        #expect(try migrator.downgrade(steps: 1) == ["0003_task_series"])
        let titles = try store.withReadTransaction { connection in
            try connection.query("SELECT title FROM tasks", step: "read titles") { $0.text(0) }
        }
        #expect(titles == ["Pay rent"])
        #expect(try tableNames(store).contains("task_series") == false)
    }

    @Test func unknownRevisionIsABadRequest() throws {
        let database = TemporaryDatabase()
        defer { database.remove() }
        let store = try database.openStore()
        defer { store.close() }

        #expect {
            try SQLiteMigrator(store: store).upgrade(to: "9999_future")
        } throws: { error in
            (error as? AppError)?.code == "unknown_revision"
        }
    }

    /// The tables in the database, straight from `sqlite_master`.
    private func tableNames(_ store: SQLiteStore) throws -> [String] {
        try store.withReadTransaction { connection in
            try connection.query("SELECT name FROM sqlite_master WHERE type = 'table'", step: "list tables") {
                $0.text(0)
            }
        }
    }
}
