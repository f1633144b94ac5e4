import Foundation
import Testing
import TodoCore
import TodoSQLite

@Suite struct SQLiteStoreFileTests {
    @Test func createsAPrivateDirectoryAndDatabaseFile() throws {
        let database = TemporaryDatabase()
        defer { database.remove() }

        let store = try database.openMigratedStore()
        defer { store.close() }

        let manager = FileManager.default
        let fileMode = try manager.attributesOfItem(atPath: database.path)[.posixPermissions] as? Int
        let directoryMode =
            try manager.attributesOfItem(
                atPath: (database.path as NSString).deletingLastPathComponent)[.posixPermissions] as? Int
        #expect(fileMode == 0o600)
        #expect(directoryMode == 0o700)
        #expect(manager.fileExists(atPath: database.path + "-wal"))
    }

    @Test func unopenablePathIsUnavailableAndNamesThePath() throws {
        let database = TemporaryDatabase()
        defer { database.remove() }
        // A directory where the database file should be.
        try FileManager.default.createDirectory(atPath: database.path, withIntermediateDirectories: true)

        do {
            _ = try database.openStore()
            Issue.record("opening a directory as a database succeeded")
        } catch let error as AppError {
            #expect(error.kind == .unavailable)
            #expect(error.message.contains(database.path))
        }
    }

    @Test func callsAfterCloseAreUnavailable() throws {
        let database = TemporaryDatabase()
        defer { database.remove() }
        let store = try database.openMigratedStore()
        try store.ping()

        store.close()

        for call in [{ try store.ping() }, { try store.write { _ in } }, { try store.read { _ in } }] {
            #expect {
                try call()
            } throws: { error in
                (error as? AppError)?.kind == .unavailable
            }
        }
        store.close()
    }

    @Test func sqliteDetailsStayOutOfTheClientMessage() throws {
        let database = TemporaryDatabase()
        defer { database.remove() }
        // Not migrated: the tables do not exist.
        let store = try database.openStore()
        defer { store.close() }

        do {
            _ = try store.read { try $0.user(id: "x") }
            Issue.record("reading a missing table succeeded")
        } catch let error as AppError {
            #expect(error.kind == .internal)
            #expect(!error.message.contains("users"))
            #expect(error.debugContext?.contains("no such table: users") == true)
        }
    }
}
