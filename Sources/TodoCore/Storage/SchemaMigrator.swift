import Foundation

/// Versioned schema changes, applied and reverted like alembic revisions. Every storage adapter
/// ships the same revision ids, each written for its own SQL dialect, and records what it applied
/// in the database itself.
public protocol SchemaMigrator: Sendable {
    /// Every known revision, oldest first, with when it was applied (nil when it was not).
    func history() throws -> [MigrationStatus]
    /// The newest applied revision, or nil for an empty database.
    func current() throws -> String?
    /// Applies every pending revision up to and including `target` (nil: all). Returns the ids applied.
    @discardableResult
    func upgrade(to target: String?) throws -> [String]
    /// Reverts the newest `steps` applied revisions, newest first. Returns the ids reverted.
    @discardableResult
    func downgrade(steps: Int) throws -> [String]
}

extension SchemaMigrator {
    /// Moves the schema to exactly `target` (up or down); `"base"` reverts everything.
    @discardableResult
    public func migrate(to target: String) throws -> [String] {
        let revisions = try history()
        if target == "base" {
            return try downgrade(steps: revisions.filter { $0.appliedAt != nil }.count)
        }
        guard let targetIndex = revisions.firstIndex(where: { $0.id == target }) else {
            throw AppError(
                .badRequest, code: "unknown_revision",
                message: "Unknown revision '\(target)'; known: \(revisions.map(\.id).joined(separator: ", "))")
        }
        let appliedCount = revisions.filter { $0.appliedAt != nil }.count
        if appliedCount > targetIndex + 1 {
            return try downgrade(steps: appliedCount - targetIndex - 1)
        }
        return try upgrade(to: target)
    }
}

public struct MigrationStatus: Sendable, Equatable {
    public var id: String
    public var summary: String
    public var appliedAt: Date?

    public init(id: String, summary: String, appliedAt: Date?) {
        self.id = id
        self.summary = summary
        self.appliedAt = appliedAt
    }
}
