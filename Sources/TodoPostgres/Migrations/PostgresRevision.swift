/// One schema revision for PostgreSQL: the same ids as every other adapter (see `SQLiteRevision`),
/// SQL in this dialect. `up` and `down` are scripts of `;`-separated statements without values;
/// each runs in one transaction (PostgreSQL's DDL is transactional, so a failing script leaves
/// nothing behind).
struct PostgresRevision: Sendable {
    let id: String
    let summary: String
    let up: String
    let down: String

    /// Every revision, oldest first.
    static let all: [PostgresRevision] = [
        .initial, .eventLog, .taskSeries, .notifications, .conversations, .reminderCorrelation,
    ]
}
