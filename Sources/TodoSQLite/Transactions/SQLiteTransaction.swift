import TodoCore

/// The reader and writer handed to `Store.read`/`Store.write` bodies: the queries of one open
/// transaction on one connection. Valid only until the body returns.
final class SQLiteTransaction: StoreWriter {
    let connection: SQLiteConnection
    /// Messages appended to the event log in this transaction; the store wakes consumers after
    /// committing when it is above zero.
    var appendedMessages = 0

    init(connection: SQLiteConnection) {
        self.connection = connection
    }
}
