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
        #expect(try migrator.history().map(\.appliedAt) == [nil, nil])
        #expect(try migrator.upgrade(to: nil) == ["0001_initial", "0002_event_log"])
        #expect(try migrator.upgrade(to: nil).isEmpty)
        #expect(try migrator.current() == "0002_event_log")
        #expect(try migrator.history().map(\.appliedAt) == [clock.now, clock.now])

        let user = User(
            id: UUIDv7Generator().next(), email: "a@example.com", createdAt: clock.now, updatedAt: clock.now)
        try store.write { try $0.insert(user: user, passwordHash: "h") }

        #expect(try migrator.downgrade(steps: 2) == ["0002_event_log", "0001_initial"])
        #expect(try migrator.current() == nil)
        #expect(try tableNames(store).sorted() == ["schema_migrations"])
        #expect(throws: AppError.self) { try store.read { try $0.user(id: user.id) } }

        #expect(try migrator.migrate(to: "0001_initial") == ["0001_initial"])
        #expect(try migrator.current() == "0001_initial")
        #expect(try store.read { try $0.user(id: user.id) } == nil)
        try store.write { try $0.insert(user: user, passwordHash: "h") }
        #expect(try store.read { try $0.user(id: user.id) } == user)

        #expect(try migrator.migrate(to: "0002_event_log") == ["0002_event_log"])
        #expect(try migrator.migrate(to: "base") == ["0002_event_log", "0001_initial"])
        #expect(try migrator.downgrade(steps: 3).isEmpty)
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
