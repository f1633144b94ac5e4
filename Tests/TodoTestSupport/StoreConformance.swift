import Foundation
import Testing
import TodoCore

/// The behaviour every ``Store`` adapter must show, written once against the protocol. An adapter's
/// tests run each ``Check`` against a fresh, migrated, empty store:
///
/// ```swift
/// @Test(arguments: StoreConformance.checks)
/// func conformance(_ check: StoreConformance.Check) throws {
///     try check.run(makeStore: { try makeMigratedStore() })
/// }
/// ```
///
/// Nothing here knows which database is underneath.
public enum StoreConformance {
    /// One named behaviour.
    public struct Check: Sendable, CustomStringConvertible {
        public let name: String
        let body: @Sendable (any Store) throws -> Void

        public var description: String { name }

        /// Runs the check on a new store from `makeStore`, closing it afterwards.
        public func run(makeStore: () throws -> any Store) throws {
            let store = try makeStore()
            defer { store.close() }
            try body(store)
        }
    }

    /// Every check, in a stable order.
    public static let checks: [Check] = [
        Check(name: "users round-trip and credentials", body: usersRoundTrip),
        Check(name: "duplicate email is email_taken", body: duplicateEmailIsEmailTaken),
        Check(name: "tasks round-trip every field", body: tasksRoundTrip),
        Check(name: "tasks are scoped by owner", body: tasksAreScopedByOwner),
        Check(name: "updates check the version", body: updatesCheckTheVersion),
        Check(name: "delete removes the task and its tags", body: deleteRemovesTaskAndTags),
        Check(name: "a throwing write rolls back", body: throwingWriteRollsBack),
        Check(name: "list filters", body: listFilters),
        Check(name: "search folds case and escapes wildcards", body: searchFoldsCaseAndEscapesWildcards),
        Check(name: "pagination visits every task once in every sort", body: paginationVisitsEveryTaskOnce),
        Check(name: "tag usage counts", body: tagUsageCounts),
        Check(name: "all-day tasks", body: allDayTasks),
        Check(name: "series round-trip and updates check the version", body: seriesRoundTripAndVersionedUpdates),
        Check(name: "an occurrence exists once per series", body: occurrencesAreUniquePerSeries),
        Check(name: "series tasks come in occurrence order", body: seriesTasksInOccurrenceOrder),
        Check(name: "conversations round-trip with their messages", body: conversationsRoundTrip),
        Check(name: "conversations are scoped by user", body: conversationsAreScopedByUser),
        Check(name: "a message position is taken once", body: messagePositionsAreUnique),
        Check(
            name: "conversation pages visit each once, newest first", body: conversationPagesVisitEachOnceNewestFirst),
    ]

    /// Runs every check, each on its own fresh store.
    public static func runAll(makeStore: () throws -> any Store) throws {
        for check in checks { try check.run(makeStore: makeStore) }
    }
}
