import CSQLite
import TodoCore

/// Owns one prepared `sqlite3_stmt`. Used only by the connection that prepared it, on the thread
/// that currently holds that connection; finalized by `finalize()` or, at the latest, `deinit`.
final class SQLiteStatement {
    let sql: String
    private var handle: OpaquePointer?

    init(handle: OpaquePointer, sql: String) {
        self.handle = handle
        self.sql = sql
    }

    deinit {
        sqlite3_finalize(handle)
    }

    func finalize() {
        sqlite3_finalize(handle)
        handle = nil
    }

    /// Clears the previous run and binds `values` to parameters 1...n.
    func bind(_ values: [SQLiteValue], step: String) throws {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)

        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            let status: Int32
            switch value {
            case .null:
                status = sqlite3_bind_null(handle, index)
            case .integer(let number):
                status = sqlite3_bind_int64(handle, index, number)
            case .text(let text):
                let length = Int32(text.utf8.count)
                status = text.withCString { sqlite3_bind_text(handle, index, $0, length, csqlite_transient()) }
            case .blob(let bytes) where bytes.isEmpty:
                // sqlite3_bind_blob with no bytes would bind NULL; an empty blob is X''.
                status = sqlite3_bind_zeroblob(handle, index, 0)
            case .blob(let bytes):
                status = bytes.withUnsafeBytes {
                    sqlite3_bind_blob(handle, index, $0.baseAddress, Int32($0.count), csqlite_transient())
                }
            }
            guard status == SQLITE_OK else { throw failure(status, step: "\(step): bind \(index)") }
        }
    }

    /// Advances to the next row; false when the statement is done.
    func step(_ step: String) throws -> Bool {
        let status = sqlite3_step(handle)
        switch status {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw failure(status, step: step)
        }
    }

    /// Ends the current run so the statement holds no locks; bindings stay until the next `bind`.
    func reset() {
        sqlite3_reset(handle)
    }

    // MARK: Columns (0-based)

    func isNull(_ column: Int32) -> Bool {
        sqlite3_column_type(handle, column) == SQLITE_NULL
    }

    func int64(_ column: Int32) -> Int64 {
        sqlite3_column_int64(handle, column)
    }

    func optionalInt64(_ column: Int32) -> Int64? {
        isNull(column) ? nil : int64(column)
    }

    func text(_ column: Int32) -> String {
        guard let bytes = sqlite3_column_text(handle, column) else { return "" }
        let count = Int(sqlite3_column_bytes(handle, column))
        return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    }

    func optionalText(_ column: Int32) -> String? {
        isNull(column) ? nil : text(column)
    }

    func blob(_ column: Int32) -> [UInt8] {
        guard let bytes = sqlite3_column_blob(handle, column) else { return [] }
        let count = Int(sqlite3_column_bytes(handle, column))
        return Array(UnsafeRawBufferPointer(start: bytes, count: count))
    }

    private func failure(_ status: Int32, step: String) -> AppError {
        SQLiteFailure.error(status, db: handle.flatMap { sqlite3_db_handle($0) }, step: step, sql: sql)
    }
}
