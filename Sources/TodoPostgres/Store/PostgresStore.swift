import Foundation
import TodoCore

/// The ``Store`` on a PostgreSQL server, through libpq and a bounded ``ConnectionPool``.
///
/// - Transactions: `read` runs in `REPEATABLE READ READ ONLY`, so a body sees one snapshot. `write`
///   runs in `READ COMMITTED`, and the lookups of a write body that precede an update (`user`,
///   `credentials`, `task`, `allDayTasks`, `series`, a series' tasks, a notification, preferences)
///   take row locks (`FOR UPDATE`): a concurrent write body that reads the same rows waits for this
///   one to commit and then sees its result, so no update is lost. Uniqueness is enforced by
///   constraints (`users_email_key` becomes `email_taken`, `tasks_series_occurrence`
///   `occurrence_exists`).
/// - Outages: a connection that broke while idle is replaced before use, and a transaction whose
///   `BEGIN` finds the connection gone is started once more on a fresh one (nothing was sent yet, so
///   nothing runs twice). Failures after that are `unavailable`; a write that reports success has
///   committed on the server.
/// - Threading: every call blocks its thread on libpq; never call from Swift's cooperative pool.
public final class PostgresStore: Store, Sendable {
    /// The server, without the password: `postgres://user@host:port/db`.
    public let target: String
    let configuration: PostgresConfiguration
    let pool: ConnectionPool
    /// Told after every committed write that appended event-log messages; see ``PostgresEventLog``.
    let commitObservers = CommitObservers()

    /// Connects once to check the URL, the credentials and TLS, keeping that connection in the
    /// pool. Throws `bad_request` (`invalid_database_url`) for a URL libpq cannot read and
    /// `unavailable` when the server cannot be reached. The schema is not touched; run
    /// ``PostgresMigrator`` for that.
    public init(configuration: PostgresConfiguration) throws {
        let target = try ConnectionTarget.describe(configuration.url)
        self.target = target
        self.configuration = configuration
        pool = ConnectionPool(
            target: target, capacity: configuration.poolSize, waitTimeout: configuration.poolTimeout
        ) { try PostgresConnection(configuration: configuration, target: target) }

        pool.checkIn(try pool.checkOut())
    }

    public func read<T>(_ body: (any StoreReader) throws -> T) throws -> T {
        try withReadTransaction { connection in
            try body(PostgresTransaction(connection: connection, locksRows: false))
        }
    }

    public func write<T>(_ body: (any StoreWriter) throws -> T) throws -> T {
        var appendedMessages = false
        let result = try withWriteTransaction { connection in
            let transaction = PostgresTransaction(connection: connection, locksRows: true)
            let result = try body(transaction)
            appendedMessages = transaction.appendedMessages > 0
            return result
        }

        // After the commit, so woken consumers find the messages (the outbox of the event log).
        if appendedMessages { commitObservers.notify() }
        return result
    }

    public func ping() throws {
        pool.checkIn(try checkOutLive { try $0.execute("SELECT 1", step: "ping") })
    }

    public func close() {
        pool.close()
    }

    // MARK: Raw connections (also used by the migrator and the event log)

    func withReadTransaction<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        try withTransaction(begin: "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", body)
    }

    func withWriteTransaction<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        try withTransaction(begin: "BEGIN", body)
    }

    /// Runs `body` on a pooled connection outside any transaction: each statement commits alone.
    func withConnection<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        let connection = try pool.checkOut()
        defer { pool.checkIn(connection) }
        return try body(connection)
    }

    private func withTransaction<T>(begin: String, _ body: (PostgresConnection) throws -> T) throws -> T {
        let connection = try checkOutLive { try $0.executeScript(begin, step: "begin transaction") }
        defer { pool.checkIn(connection) }
        return try connection.finishTransaction(body)
    }

    /// A pooled connection on which `first` succeeded. When `first` fails because the connection
    /// died between the pool's reuse check and now, `first` runs once more on a fresh connection;
    /// `first` must therefore be safe to repeat (`BEGIN`, a read).
    private func checkOutLive(_ first: (PostgresConnection) throws -> Void) throws -> PostgresConnection {
        let connection = try pool.checkOut()
        do {
            try first(connection)
            return connection
        } catch  where !connection.isConnected {
            pool.discard(connection)
        } catch {
            pool.checkIn(connection)
            throw error
        }

        let fresh = try pool.checkOut()
        do {
            try first(fresh)
            return fresh
        } catch {
            pool.checkIn(fresh)
            throw error
        }
    }
}
