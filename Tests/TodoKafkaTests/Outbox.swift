import Foundation
import TodoCore
import TodoSQLite

/// A migrated SQLite database in a fresh directory, with its embedded log as an outbox: what the
/// store's transactions write, and what a relay drains.
final class Outbox: Sendable {
    let directory: URL
    let store: SQLiteStore
    let log: SQLiteEventLog

    init(retention: RetentionPolicy = RetentionPolicy(), topics: [TopicSpec]) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("kafka-outbox-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        store = try SQLiteStore(path: directory.appendingPathComponent("todo.db").path)
        try SQLiteMigrator(store: store).upgrade(to: nil)
        log = SQLiteEventLog(store: store, retention: retention, retentionHold: "outbox-relay")
        try log.ensureTopics(topics)
    }

    deinit {
        log.close()
        store.close()
        try? FileManager.default.removeItem(at: directory)
    }

    /// Writes `messages` in one store transaction, as a change and its events are written.
    func write(_ messages: [OutgoingMessage]) throws {
        try store.write { try $0.append(messages) }
    }
}
