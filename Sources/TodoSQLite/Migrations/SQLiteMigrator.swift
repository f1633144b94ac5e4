import Foundation
import TodoCore

/// Applies and reverts ``SQLiteRevision``s, recording applied ones in `schema_migrations`
/// (`id`, `applied_at` in milliseconds). The migrator creates that bookkeeping table itself, so
/// reverting every revision leaves an empty `schema_migrations` and nothing else.
public struct SQLiteMigrator: SchemaMigrator {
    private let store: SQLiteStore
    private let clock: any TimeSource

    public init(store: SQLiteStore, clock: any TimeSource = SystemTimeSource()) {
        self.store = store
        self.clock = clock
    }

    public func history() throws -> [MigrationStatus] {
        let applied = try store.withWriteTransaction { try Self.appliedRevisions($0) }
        return SQLiteRevision.all.map { MigrationStatus(id: $0.id, summary: $0.summary, appliedAt: applied[$0.id]) }
    }

    public func current() throws -> String? {
        try history().last { $0.appliedAt != nil }?.id
    }

    @discardableResult
    public func upgrade(to target: String?) throws -> [String] {
        var revisions = SQLiteRevision.all
        if let target {
            guard let index = revisions.firstIndex(where: { $0.id == target }) else {
                throw AppError(
                    .badRequest, code: "unknown_revision",
                    message: "Unknown revision '\(target)'; known: \(revisions.map(\.id).joined(separator: ", "))")
            }
            revisions = Array(revisions[...index])
        }

        var appliedNow: [String] = []
        for revision in revisions {
            // Checked inside the transaction: another process may have applied it meanwhile.
            let didApply = try store.withWriteTransaction { connection in
                guard try Self.appliedRevisions(connection)[revision.id] == nil else { return false }
                try connection.executeScript(revision.up, step: "apply \(revision.id)")
                try connection.execute(
                    "INSERT INTO schema_migrations (id, applied_at) VALUES (?, ?)",
                    [.text(revision.id), .integer(clock.now.millisecondsSince1970)], step: "record \(revision.id)")
                return true
            }
            if didApply { appliedNow.append(revision.id) }
        }
        return appliedNow
    }

    @discardableResult
    public func downgrade(steps: Int) throws -> [String] {
        var reverted: [String] = []
        for _ in 0..<max(0, steps) {
            let revertedID = try store.withWriteTransaction { connection -> String? in
                let applied = try Self.appliedRevisions(connection)
                guard let revision = SQLiteRevision.all.last(where: { applied[$0.id] != nil }) else { return nil }

                try connection.executeScript(revision.down, step: "revert \(revision.id)")
                try connection.execute(
                    "DELETE FROM schema_migrations WHERE id = ?", [.text(revision.id)], step: "unrecord \(revision.id)")
                return revision.id
            }
            guard let revertedID else { break }
            reverted.append(revertedID)
        }
        return reverted
    }

    private static func appliedRevisions(_ connection: SQLiteConnection) throws -> [String: Date] {
        try connection.executeScript(
            "CREATE TABLE IF NOT EXISTS schema_migrations (id TEXT PRIMARY KEY, applied_at INTEGER NOT NULL) STRICT",
            step: "create schema_migrations")
        let rows = try connection.query("SELECT id, applied_at FROM schema_migrations", step: "read migrations") {
            ($0.text(0), Date(millisecondsSince1970: $0.int64(1)))
        }
        return Dictionary(rows, uniquingKeysWith: { first, _ in first })
    }
}
