import Foundation
import TodoCore
import TodoSQLite

/// A database file in a fresh directory under the system temporary directory, removed by `remove()`.
struct TemporaryDatabase {
    let directory: URL
    let path: String

    init() {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("todo-sqlite-\(UUID().uuidString)")
        path = directory.appendingPathComponent("data/todo.sqlite3").path
    }

    func openStore(busyTimeoutMilliseconds: Int = 5000) throws -> SQLiteStore {
        try SQLiteStore(path: path, busyTimeoutMilliseconds: busyTimeoutMilliseconds)
    }

    /// A store with every revision applied.
    func openMigratedStore() throws -> SQLiteStore {
        let store = try openStore()
        try SQLiteMigrator(store: store).upgrade(to: nil)
        return store
    }

    func remove() {
        try? FileManager.default.removeItem(at: directory)
    }
}
