import TodoCore

/// The reader and writer handed to `Store.read`/`Store.write` bodies: the queries of one open
/// transaction on one connection. Valid only until the body returns.
final class PostgresTransaction: StoreWriter {
    let connection: PostgresConnection
    /// True in write transactions: single-row lookups lock what they return (see ``PostgresStore``).
    let locksRows: Bool
    /// Messages appended to the event log in this transaction; the store wakes consumers after
    /// committing when it is above zero.
    var appendedMessages = 0

    init(connection: PostgresConnection, locksRows: Bool) {
        self.connection = connection
        self.locksRows = locksRows
    }

    /// ` FOR UPDATE` in write transactions, nothing in reads.
    var lockClause: String {
        locksRows ? " FOR UPDATE" : ""
    }
}
