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
