import CPostgres
import Foundation
import TodoCore

/// Owns one libpq connection (`PGconn`).
///
/// - Threading: a libpq connection is not thread-safe, so exactly one thread uses it at a time:
///   the pool hands each connection to one caller, and a consumer's claim connection belongs to
///   its loop thread.
/// - Lifetime: a failed open frees what libpq allocated before throwing; `PQfinish` runs in
///   ``close()`` or, at the latest, in `deinit`. Results are ``PostgresResult``s, cleared by theirs.
/// - Statements: SQL with values runs through `PQexecPrepared` (prepared on first use and cached
///   per connection, keyed by the SQL) or `PQexecParams`; values are never spliced into SQL.
///   `PQexec` runs only fixed text without values (migration scripts, `BEGIN`, `COMMIT`).
/// - Server notices (`… already exists, skipping`) are dropped instead of going to stderr.
final class PostgresConnection {
    /// Statements beyond this many run unnamed (`PQexecParams`) instead of being prepared.
    static let statementCacheCapacity = 64

    /// The server, without the password, for messages.
    let target: String
    private var handle: OpaquePointer?
    private var prepared: [String: String] = [:]

    /// Connects and applies the session settings (`statement_timeout`). Throws `unavailable`
    /// (`database_unavailable`) when the server cannot be reached, refuses the login or offers no
    /// TLS while the URL requires it.
    init(configuration: PostgresConfiguration, target: String) throws {
        self.target = target

        let parameters = configuration.connectionParameters
        let connection = Self.withCStrings(parameters.map(\.keyword)) { keywords in
            Self.withCStrings(parameters.map(\.value)) { values in PQconnectdbParams(keywords, values, 1) }
        }
        guard let connection, PQstatus(connection) == CONNECTION_OK else {
            let message = connection.map { String(cString: PQerrorMessage($0)) } ?? "out of memory"
            PQfinish(connection)
            throw PostgresFailure.connect(target, message: message)
        }
        handle = connection
        PQsetNoticeProcessor(connection, { _, _ in }, nil)

        guard configuration.statementTimeoutMilliseconds > 0 else { return }
        do {
            try execute(
                "SELECT set_config('statement_timeout', $1, false)",
                [.text(String(configuration.statementTimeoutMilliseconds))], step: "set statement timeout")
        } catch {
            close()
            throw error
        }
    }

    deinit {
        PQfinish(handle)
    }

    /// Closes the connection. Safe to call twice.
    func close() {
        PQfinish(handle)
        handle = nil
        prepared.removeAll()
    }

    // MARK: Running SQL

    /// Runs one statement with `values` bound to `$1…$n`; the result holds any rows.
    @discardableResult
    func execute(_ sql: String, _ values: [PostgresValue] = [], step: String) throws -> PostgresResult {
        guard let handle else { throw PostgresFailure.closed(target) }

        let name = try preparedName(for: sql, values: values, step: step)
        let raw = values.withParameters { count, types, pointers, lengths, formats in
            if let name {
                PQexecPrepared(handle, name, count, pointers, lengths, formats, 0)
            } else {
                PQexecParams(handle, sql, count, types, pointers, lengths, formats, 0)
            }
        }
        return try checked(raw, step: step, sql: sql)
    }

    /// Runs fixed SQL without values, possibly several `;`-separated statements.
    func executeScript(_ sql: String, step: String) throws {
        guard let handle else { throw PostgresFailure.closed(target) }
        _ = try checked(PQexec(handle, sql), step: step, sql: nil)
    }

    /// Runs `body` between `begin` and `COMMIT`; rolls back when `body` or the commit throws.
    func transaction<T>(begin: String, _ body: (PostgresConnection) throws -> T) throws -> T {
        try executeScript(begin, step: "begin transaction")
        return try finishTransaction(body)
    }

    /// Runs `body` in the transaction the caller began, then commits; rolls back when `body` or
    /// the commit throws.
    func finishTransaction<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        let result: T
        do {
            result = try body(self)
            try executeScript("COMMIT", step: "commit")
        } catch {
            rollback()
            throw error
        }
        return result
    }

    // MARK: State

    /// Whether the connection can serve another caller. Reads whatever the server sent while the
    /// connection sat idle first (`PQconsumeInput` does not block): a server that shut down or
    /// terminated this session has closed the socket, which libpq then reports as `CONNECTION_BAD`.
    func isReusable() -> Bool {
        guard let handle else { return false }
        _ = PQconsumeInput(handle)
        return PQstatus(handle) == CONNECTION_OK && PQtransactionStatus(handle) == PQTRANS_IDLE
    }

    /// Whether libpq still considers the connection open (it may be inside a transaction).
    var isConnected: Bool {
        handle.map { PQstatus($0) == CONNECTION_OK } ?? false
    }

    /// The server process serving this connection.
    var backendPID: Int32 {
        handle.map(PQbackendPID) ?? 0
    }

    /// Whether the connection runs over TLS.
    var usesTLS: Bool {
        handle.map { PQsslInUse($0) == 1 } ?? false
    }

    // MARK: Internals

    private func rollback() {
        // Skipped when the connection is gone: the server has ended the transaction already.
        guard isConnected else { return }
        _ = try? executeScript("ROLLBACK", step: "rollback")
    }

    private func preparedName(for sql: String, values: [PostgresValue], step: String) throws -> String? {
        if let name = prepared[sql] { return name }
        guard let handle, prepared.count < Self.statementCacheCapacity else { return nil }

        // Parameter types come from the first use; a NULL there leaves the type to the server.
        let name = "todo_\(prepared.count + 1)"
        let types = values.map(\.typeOID)
        try checked(PQprepare(handle, name, sql, Int32(types.count), types), step: "\(step): prepare", sql: sql)
            .clear()
        prepared[sql] = name
        return name
    }

    private func checked(_ raw: OpaquePointer?, step: String, sql: String?) throws -> PostgresResult {
        let status = raw.map(PQresultStatus)
        guard let raw, status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK else {
            defer { PQclear(raw) }
            guard let handle else { throw PostgresFailure.closed(target) }
            throw PostgresFailure.statement(raw, connection: handle, step: step, sql: sql)
        }
        return PostgresResult(handle: raw)
    }

    /// Calls `body` with a NULL-terminated array of C strings that lives only during the call.
    private static func withCStrings<T>(
        _ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>) -> T
    ) -> T {
        let copies = strings.map { strdup($0) }
        defer { for copy in copies { free(copy) } }
        let pointers = copies.map { $0.map { UnsafePointer($0) } } + [nil]
        return pointers.withUnsafeBufferPointer { body($0.baseAddress!) }
    }
}
