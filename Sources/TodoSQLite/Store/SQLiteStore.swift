import Foundation
import TodoCore

/// The ``Store`` on one SQLite file in WAL mode.
///
/// Threading: one writer connection, used under `writerLock`, so writes from this process run one
/// at a time; each starts with `BEGIN IMMEDIATE`, which takes SQLite's write lock up front, so two
/// processes (or two stores on one file) wait for each other for up to the busy timeout instead
/// of failing mid-transaction. Reads run on a small pool of reader connections, each in a
/// `BEGIN`…`COMMIT` transaction, so a body sees one consistent snapshot. Every call blocks.
public final class SQLiteStore: Store, @unchecked Sendable {
    // @unchecked: `writer` is read and written only while `writerLock` is held; the pool locks itself.
    /// The database file.
    public let path: String
    private let writerLock = NSLock()
    private var writer: SQLiteConnection?
    private let readers: ReaderPool
    /// Told after every committed write that appended event-log messages; see ``SQLiteEventLog``.
    let commitObservers = CommitObservers()

    /// Opens (creating if needed) the database at `path`. The directory is created 0700 and the
    /// file 0600 when they do not exist. Throws `unavailable` when the file cannot be opened.
    /// The schema is not touched; run ``SQLiteMigrator`` for that.
    public init(path: String, busyTimeoutMilliseconds: Int = 5000, readerCount: Int = 4) throws {
        self.path = path
        try DatabaseFile.prepare(path)

        writer = try SQLiteConnection(path: path, role: .writer, busyTimeoutMilliseconds: busyTimeoutMilliseconds)
        readers = ReaderPool(path: path, capacity: readerCount) {
            try SQLiteConnection(path: path, role: .reader, busyTimeoutMilliseconds: busyTimeoutMilliseconds)
        }
    }

    public func read<T>(_ body: (any StoreReader) throws -> T) throws -> T {
        try withReadTransaction { connection in
            try body(SQLiteTransaction(connection: connection))
        }
    }

    public func write<T>(_ body: (any StoreWriter) throws -> T) throws -> T {
        var appendedMessages = false
        let result = try withWriteTransaction { connection in
            let transaction = SQLiteTransaction(connection: connection)
            let result = try body(transaction)
            appendedMessages = transaction.appendedMessages > 0
            return result
        }

        // After the commit, so woken consumers find the messages (the outbox of the event log).
        if appendedMessages { commitObservers.notify() }
        return result
    }

    public func ping() throws {
        _ = try withReadTransaction { connection in
            try connection.query("SELECT 1", step: "ping") { $0.int64(0) }
        }
    }

    public func close() {
        writerLock.withLock {
            writer?.close()
            writer = nil
        }
        readers.close()
    }

    // MARK: Transactions on raw connections (also used by the migrator)

    func withReadTransaction<T>(_ body: (SQLiteConnection) throws -> T) throws -> T {
        let connection = try readers.checkOut()
        defer { readers.checkIn(connection) }
        return try connection.transaction(begin: "BEGIN", body)
    }

    func withWriteTransaction<T>(_ body: (SQLiteConnection) throws -> T) throws -> T {
        writerLock.lock()
        defer { writerLock.unlock() }

        guard let writer else { throw SQLiteFailure.closed(path) }
        return try writer.transaction(begin: "BEGIN IMMEDIATE", body)
    }
}
