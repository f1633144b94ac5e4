import CSQLite
import TodoCore

/// Owns one `sqlite3` handle opened with `SQLITE_OPEN_NOMUTEX`: SQLite does no locking of its own,
/// so exactly one thread may use a connection at a time. ``SQLiteStore`` guarantees that (the
/// writer behind a lock, readers checked out of a pool). Prepared statements are cached per
/// connection, keyed by their SQL.
final class SQLiteConnection {
    enum Role {
        case writer
        /// Opened with `PRAGMA query_only`, so a reader can never change the database.
        case reader
    }

    /// Statements beyond this many are finalized after use instead of cached.
    static let statementCacheCapacity = 64

    let path: String
    private var handle: OpaquePointer?
    private var statements: [String: SQLiteStatement] = [:]

    /// Opens (creating if needed) the database at `path` and applies the connection settings:
    /// WAL, `synchronous=NORMAL`, foreign keys and the busy timeout.
    init(path: String, role: Role, busyTimeoutMilliseconds: Int) throws {
        self.path = path

        var db: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        let status = sqlite3_open_v2(path, &db, flags, nil)
        guard status == SQLITE_OK, let db else {
            // sqlite3_open_v2 returns a handle even on failure; it must be closed all the same.
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(status))
            sqlite3_close_v2(db)
            throw Self.unavailable(path, context: "sqlite3_open_v2: \(message)")
        }
        handle = db

        sqlite3_extended_result_codes(db, 1)
        sqlite3_busy_timeout(db, Int32(clamping: max(0, busyTimeoutMilliseconds)))
        do {
            try configure(role: role)
        } catch let error as AppError where error.code == "database_busy" {
            close()
            throw error
        } catch let error as AppError {
            close()
            throw Self.unavailable(path, context: error.debugContext ?? error.message)
        }
    }

    deinit {
        close()
    }

    /// Finalizes every cached statement and closes the handle. Safe to call twice.
    func close() {
        for statement in statements.values { statement.finalize() }
        statements.removeAll()
        sqlite3_close_v2(handle)
        handle = nil
    }

    // MARK: Running SQL

    /// Runs one statement that returns no rows; returns how many rows it changed.
    @discardableResult
    func execute(_ sql: String, _ values: [SQLiteValue] = [], step: String) throws -> Int {
        try withStatement(sql) { statement in
            try statement.bind(values, step: step)
            while try statement.step(step) {}
            return Int(sqlite3_changes(handle))
        }
    }

    /// Runs one query and maps every row with `read`.
    func query<Row>(
        _ sql: String, _ values: [SQLiteValue] = [], step: String, _ read: (SQLiteStatement) throws -> Row
    ) throws -> [Row] {
        try withStatement(sql) { statement in
            try statement.bind(values, step: step)
            var rows: [Row] = []
            while try statement.step(step) { rows.append(try read(statement)) }
            return rows
        }
    }

    /// Runs several `;`-separated statements without parameters (migration scripts, pragmas).
    func executeScript(_ sql: String, step: String) throws {
        guard let handle else { throw SQLiteFailure.closed(path) }
        let status = sqlite3_exec(handle, sql, nil, nil, nil)
        guard status == SQLITE_OK else { throw SQLiteFailure.error(status, db: handle, step: step) }
    }

    /// Runs `body` between `begin` and `COMMIT`; rolls back when `body` or the commit throws.
    func transaction<T>(begin: String, _ body: (SQLiteConnection) throws -> T) throws -> T {
        try execute(begin, step: "begin transaction")

        let result: T
        do {
            result = try body(self)
            try execute("COMMIT", step: "commit")
        } catch {
            rollback()
            throw error
        }
        return result
    }

    // MARK: Internals

    private func rollback() {
        // Fails only when no transaction is open (SQLite may already have rolled back after an
        // I/O error); either way the connection is left outside a transaction.
        for statement in statements.values { statement.reset() }
        _ = try? execute("ROLLBACK", step: "rollback")
    }

    private func configure(role: Role) throws {
        let mode = try query("PRAGMA journal_mode=WAL", step: "enable WAL") { $0.text(0) }.first
        guard mode?.lowercased() == "wal" else {
            throw AppError.internal("enable WAL: journal_mode is \(mode ?? "unknown")")
        }
        try executeScript("PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;", step: "configure connection")
        if role == .reader {
            try executeScript("PRAGMA query_only=ON;", step: "configure reader")
        }
    }

    private func withStatement<T>(_ sql: String, _ body: (SQLiteStatement) throws -> T) throws -> T {
        let statement = try statements[sql] ?? prepare(sql)
        defer {
            statement.reset()
            if statements[sql] == nil {
                if statements.count < Self.statementCacheCapacity {
                    statements[sql] = statement
                } else {
                    statement.finalize()
                }
            }
        }
        return try body(statement)
    }

    private func prepare(_ sql: String) throws -> SQLiteStatement {
        guard let handle else { throw SQLiteFailure.closed(path) }
        var prepared: OpaquePointer?
        let status = sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &prepared, nil)
        guard status == SQLITE_OK, let prepared else {
            sqlite3_finalize(prepared)
            throw SQLiteFailure.error(status, db: handle, step: "prepare", sql: sql)
        }
        return SQLiteStatement(handle: prepared, sql: sql)
    }

    private static func unavailable(_ path: String, context: String) -> AppError {
        .unavailable("The database at \(path) cannot be opened", code: "database_unavailable", context: context)
    }
}
