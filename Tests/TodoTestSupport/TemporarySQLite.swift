import Foundation
import TodoCore
import TodoEvents
import TodoSQLite

/// A migrated SQLite file in a fresh temporary directory, with the embedded event log and its
/// standard topics (one partition each); closed and removed when released.
public final class TemporarySQLite: Sendable {
    public let directory: URL
    public let store: SQLiteStore
    public let eventLog: SQLiteEventLog

    /// `name` starts the directory's name, so a leftover one says which tests made it.
    public init(name: String, clock: any TimeSource) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        store = try SQLiteStore(path: directory.appendingPathComponent("todo.db").path)
        try SQLiteMigrator(store: store).upgrade(to: nil)
        eventLog = SQLiteEventLog(store: store, retention: RetentionPolicy(), clock: clock)
        try eventLog.ensureTopics(EventTopics.standard(partitions: 1))
    }

    deinit {
        eventLog.close()
        store.close()
        try? FileManager.default.removeItem(at: directory)
    }
}
