import TodoCore

/// The reader and writer handed to `Store.read`/`Store.write` bodies: the queries of one open
/// transaction on one connection. Valid only until the body returns.
final class SQLiteTransaction: StoreWriter {
    let connection: SQLiteConnection

    init(connection: SQLiteConnection) {
        self.connection = connection
    }
}
