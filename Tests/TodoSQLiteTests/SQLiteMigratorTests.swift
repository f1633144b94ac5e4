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

        let ids = SQLiteRevision.all.map(\.id)
        #expect(ids.count >= 3)
        #expect(try migrator.current() == nil)
        #expect(try migrator.history().map(\.appliedAt) == Array(repeating: nil, count: ids.count))
        #expect(try migrator.upgrade(to: nil) == ids)
        #expect(try migrator.upgrade(to: nil).isEmpty)
        #expect(try migrator.current() == ids.last)
        #expect(try migrator.history().map(\.appliedAt) == Array(repeating: clock.now, count: ids.count))

        let user = User(
            id: UUIDv7Generator().next(), email: "a@example.com", createdAt: clock.now, updatedAt: clock.now)
        try store.write { try $0.insert(user: user, passwordHash: "h") }

        #expect(try migrator.downgrade(steps: 1) == [ids[ids.count - 1]])
        #expect(try migrator.current() == ids[ids.count - 2])
        #expect(try store.read { try $0.user(id: user.id) } == user)
        #expect(try migrator.downgrade(steps: ids.count) == Array(ids.dropLast().reversed()))
        #expect(try migrator.current() == nil)
        #expect(try tableNames(store).sorted() == ["schema_migrations"])
        #expect(throws: AppError.self) { try store.read { try $0.user(id: user.id) } }

        #expect(try migrator.migrate(to: ids[0]) == [ids[0]])
        #expect(try migrator.current() == ids[0])
        #expect(try store.read { try $0.user(id: user.id) } == nil)
        try store.write { try $0.insert(user: user, passwordHash: "h") }
        #expect(try store.read { try $0.user(id: user.id) } == user)

        #expect(try migrator.migrate(to: ids[1]) == [ids[1]])
        #expect(try migrator.upgrade(to: nil) == Array(ids.dropFirst(2)))
        #expect(try store.read { try $0.user(id: user.id) } == user)
        #expect(try migrator.migrate(to: "base") == ids.reversed())
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

        #expect(try migrator.migrate(to: "0002_event_log").last == "0003_task_series")
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
