/// One schema revision for SQLite: the same ids as every other adapter, SQL in this dialect.
/// `up` and `down` are scripts of `;`-separated statements; each runs in one transaction.
struct SQLiteRevision: Sendable {
    let id: String
    let summary: String
    let up: String
    let down: String

    /// Every revision, oldest first.
    static let all: [SQLiteRevision] = [
        .initial, .eventLog, .taskSeries, .notifications, .conversations, .reminderCorrelation,
    ]
}
