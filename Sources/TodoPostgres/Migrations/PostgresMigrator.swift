import Foundation
import TodoCore

/// Applies and reverts ``PostgresRevision``s, recording applied ones in `schema_migrations`
/// (`id`, `applied_at` in milliseconds), which the migrator creates itself: reverting every
/// revision leaves an empty `schema_migrations` and nothing else.
///
/// Every step runs in one transaction that first takes a transaction-scoped advisory lock, so
/// migrators in several processes (replicas starting together) run one after the other, and each
/// sees what the others applied.
public struct PostgresMigrator: SchemaMigrator {
    /// The key of the advisory lock every migration transaction holds.
    static let lockKey: Int64 = 0x746F_646F_6D69_6772

    private let store: PostgresStore
    private let clock: any TimeSource

    public init(store: PostgresStore, clock: any TimeSource = SystemTimeSource()) {
        self.store = store
        self.clock = clock
    }

    public func history() throws -> [MigrationStatus] {
        let applied = try store.withWriteTransaction { try Self.appliedRevisions($0) }
        return PostgresRevision.all.map { MigrationStatus(id: $0.id, summary: $0.summary, appliedAt: applied[$0.id]) }
    }

    public func current() throws -> String? {
        try history().last { $0.appliedAt != nil }?.id
    }

    @discardableResult
    public func upgrade(to target: String?) throws -> [String] {
        var revisions = PostgresRevision.all
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
            // Checked under the lock: another process may have applied it meanwhile.
            let didApply = try store.withWriteTransaction { connection in
                guard try Self.appliedRevisions(connection)[revision.id] == nil else { return false }
                try connection.executeScript(revision.up, step: "apply \(revision.id)")
                try connection.execute(
                    "INSERT INTO schema_migrations (id, applied_at) VALUES ($1, $2)",
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
                guard let revision = PostgresRevision.all.last(where: { applied[$0.id] != nil }) else { return nil }

                try connection.executeScript(revision.down, step: "revert \(revision.id)")
                try connection.execute(
                    "DELETE FROM schema_migrations WHERE id = $1", [.text(revision.id)],
                    step: "unrecord \(revision.id)")
                return revision.id
            }
            guard let revertedID else { break }
            reverted.append(revertedID)
        }
        return reverted
    }

    /// Takes the migration lock for the rest of the transaction, creates the bookkeeping table
    /// when missing, and reads it.
    private static func appliedRevisions(_ connection: PostgresConnection) throws -> [String: Date] {
        try connection.execute("SELECT pg_advisory_xact_lock($1)", [.integer(lockKey)], step: "lock migrations")
        try connection.executeScript(
            "CREATE TABLE IF NOT EXISTS schema_migrations (id TEXT PRIMARY KEY, applied_at BIGINT NOT NULL)",
            step: "create schema_migrations")

        let result = try connection.execute("SELECT id, applied_at FROM schema_migrations", step: "read migrations")
        var applied: [String: Date] = [:]
        for row in 0..<result.rowCount {
            applied[result.text(row, 0)] = Date(millisecondsSince1970: try result.int64(row, 1))
        }
        return applied
    }
}
