import CSQLite
import TodoCore

/// The one place that turns an SQLite result code into an `AppError`. The SQLite message and the
/// SQL go to `debugContext` only; bound values never appear anywhere.
enum SQLiteFailure {
    /// `SQLITE_CONSTRAINT_UNIQUE`, a macro Swift does not import.
    static let constraintUnique: Int32 = 2067

    static func error(_ code: Int32, db: OpaquePointer?, step: String, sql: String? = nil) -> AppError {
        let extended = db.map { sqlite3_extended_errcode($0) } ?? code
        let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(code))
        var context = "\(step): \(message) (sqlite code \(extended))"
        if let sql { context += " in `\(sql)`" }

        switch code & 0xFF {
        case SQLITE_BUSY, SQLITE_LOCKED:
            return .unavailable(
                "The database is busy; try again shortly", code: "database_busy", context: context)
        case SQLITE_CONSTRAINT where extended == constraintUnique && message.contains("users.email"):
            return AppError(
                .conflict, code: "email_taken", message: "This email address is already registered",
                debugContext: context)
        case SQLITE_CONSTRAINT where extended == constraintUnique && message.contains("tasks.series_id"):
            return AppError(
                .conflict, code: "occurrence_exists", message: "This occurrence of the repeating task already exists",
                debugContext: context)
        default:
            return .internal(context)
        }
    }

    static func closed(_ path: String) -> AppError {
        .unavailable("The database at \(path) is closed", code: "database_closed")
    }
}
