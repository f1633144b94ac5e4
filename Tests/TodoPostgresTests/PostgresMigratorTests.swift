import Foundation
import Synchronization
import Testing
import TodoCore
import TodoSQLite
import TodoTestSupport

@testable import TodoPostgres

@Suite(.enabled(if: TestServer.isConfigured, TestServer.skipReason))
struct PostgresMigratorTests {
    @Test func theRevisionsAreTheSameAsOnSQLite() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ids-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let sqlite = try SQLiteStore(path: directory.appendingPathComponent("todo.db").path)
        defer { sqlite.close() }
        let schema = try TestSchema()
        defer { schema.drop() }
        let postgres = try schema.openStore()
        defer { postgres.close() }

        let sqliteRevisions = try SQLiteMigrator(store: sqlite).history().map { [$0.id, $0.summary] }
        let postgresRevisions = try PostgresMigrator(store: postgres).history().map { [$0.id, $0.summary] }
        #expect(postgresRevisions == sqliteRevisions)
        #expect(!postgresRevisions.isEmpty)
    }

    @Test func upgradeDowngradeUpgradeOnAPopulatedDatabase() throws {
        let schema = try TestSchema()
        defer { schema.drop() }
        let store = try schema.openStore()
        defer { store.close() }
        let clock = ManualTimeSource()
        let migrator = PostgresMigrator(store: store, clock: clock)
        let ids = PostgresRevision.all.map(\.id)

        #expect(
            ids == [
                "0001_initial", "0002_event_log", "0003_task_series", "0004_notifications", "0005_conversations",
                "0006_reminder_correlation",
            ])
        #expect(try migrator.current() == nil)
        #expect(try migrator.history().map(\.appliedAt) == Array(repeating: nil, count: ids.count))
        #expect(try migrator.upgrade(to: nil) == ids)
        #expect(try migrator.upgrade(to: nil).isEmpty)
        #expect(try migrator.current() == ids.last)
        #expect(try migrator.history().map(\.appliedAt) == Array(repeating: clock.now, count: ids.count))

        // Populated: a user with a task, a message in the log, a delivered notification.
        let user = Samples.user("a@example.com")
        let task = Samples.task(user, "Survives the later revisions", tags: ["kept"])
        let notification = UserNotification(
            id: Samples.ids.next(), userID: user.id, taskID: task.id, reminderID: "\(task.id)@1", title: task.title,
            dueAt: nil, fireAt: Samples.epoch, deliveredAt: Samples.epoch, late: false)
        try store.write { writer in
            try writer.insert(user: user, passwordHash: "h")
            try writer.insert(task: task)
            try writer.insert(notification: notification)
        }
        let log = PostgresEventLog(store: store)
        defer { log.close() }
        try log.ensureTopics([TopicSpec(name: "t", partitions: 1)])
        try log.publish([OutgoingMessage(topic: "t", key: user.id, value: [1, 2, 3])])

        // Down to the log: the series and notification tables go, the rest stays.
        #expect(
            try migrator.migrate(to: "0002_event_log")
                == ["0006_reminder_correlation", "0005_conversations", "0004_notifications", "0003_task_series"])
        #expect(try tableNames(store).filter { !$0.hasPrefix("event_") } == Self.initialTables)
        // The store now asks for columns 0003 added, so the task is looked at directly.
        #expect(try titles(store) == [task.title])
        #expect(try log.read(topic: "t", partition: 0, from: 0, limit: 10).map(\.value) == [[1, 2, 3]])
        #expect(throws: AppError.self) { try store.read { try $0.notification(id: notification.id, userID: user.id) } }

        // Down to the first revision: the log goes too; up again: an empty log, no notifications.
        #expect(try migrator.migrate(to: "0001_initial") == ["0002_event_log"])
        #expect(try tableNames(store) == Self.initialTables)
        #expect(throws: AppError.self) { try log.topics() }
        #expect(try migrator.upgrade(to: nil) == Array(ids.dropFirst()))
        #expect(try store.read { try $0.task(id: task.id, ownerID: user.id) } == task)
        #expect(try log.topics().isEmpty)
        #expect(
            try store.read { try $0.notifications(userID: user.id, unreadOnly: false, limit: 10, before: nil) }
                .isEmpty)
        #expect(try store.read { try $0.user(id: user.id) } == user)

        // Down to base: nothing but the bookkeeping table; up again: empty and usable.
        #expect(try migrator.migrate(to: "base") == ids.reversed())
        #expect(try migrator.current() == nil)
        #expect(try tableNames(store) == ["schema_migrations"])
        #expect(throws: AppError.self) { try store.read { try $0.user(id: user.id) } }
        #expect(try migrator.migrate(to: ids[0]) == [ids[0]])
        #expect(try store.read { try $0.user(id: user.id) } == nil)
        try store.write { try $0.insert(user: user, passwordHash: "h") }
        #expect(try store.read { try $0.user(id: user.id) } == user)
        #expect(try migrator.upgrade(to: nil) == Array(ids.dropFirst()))
        #expect(try migrator.downgrade(steps: ids.count + 1) == ids.reversed())
        #expect(try migrator.downgrade(steps: 1).isEmpty)
    }

    private static let initialTables = ["schema_migrations", "task_tags", "tasks", "users"]

    @Test func migratorsInSeveralProcessesApplyEachRevisionOnce() throws {
        let schema = try TestSchema()
        defer { schema.drop() }
        let stores = try (0..<4).map { _ in try schema.openStore(poolSize: 1) }
        defer { for store in stores { store.close() } }

        let applied = Mutex<[String]>([])
        let failures = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: stores.count) { index in
            do {
                let ids = try PostgresMigrator(store: stores[index]).upgrade(to: nil)
                applied.withLock { $0 += ids }
            } catch {
                failures.withLock { $0.append("\(error)") }
            }
        }

        #expect(failures.withLock { $0 }.isEmpty)
        #expect(applied.withLock { $0 }.sorted() == PostgresRevision.all.map(\.id))
        #expect(try PostgresMigrator(store: stores[0]).current() == PostgresRevision.all.last?.id)
    }

    @Test func anUnknownRevisionIsABadRequest() throws {
        let schema = try TestSchema()
        defer { schema.drop() }
        let store = try schema.openStore()
        defer { store.close() }

        #expect {
            try PostgresMigrator(store: store).upgrade(to: "9999_future")
        } throws: { ($0 as? AppError)?.code == "unknown_revision" }
        #expect {
            try PostgresMigrator(store: store).migrate(to: "9999_future")
        } throws: { ($0 as? AppError)?.code == "unknown_revision" }
    }

    /// The titles of every task, straight from the table.
    private func titles(_ store: PostgresStore) throws -> [String] {
        try store.withConnection { connection in
            let result = try connection.execute("SELECT title FROM tasks ORDER BY id", step: "list titles")
            return (0..<result.rowCount).map { result.text($0, 0) }
        }
    }

    /// The tables of the test schema, by name.
    private func tableNames(_ store: PostgresStore) throws -> [String] {
        try store.withConnection { connection in
            let result = try connection.execute(
                """
                SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() \
                ORDER BY table_name
                """, step: "list tables")
            return (0..<result.rowCount).map { result.text($0, 0) }
        }
    }
}
