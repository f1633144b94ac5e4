import CPostgres
import Foundation
import TodoCore

/// The one place that turns a libpq status into an `AppError`. Client-facing messages say only
/// what happened and what to do; the failing step, the server's primary message, its SQLSTATE and
/// the SQL (placeholders, never values) go to `debugContext`. libpq's full error text is not used
/// for statements, because its DETAIL lines quote row values (`Key (email)=(…)`).
enum PostgresFailure {
    /// A statement that did not succeed: `result` is what libpq returned (nil when it could not
    /// even build a result, e.g. after losing the connection).
    static func statement(_ result: OpaquePointer?, connection: OpaquePointer, step: String, sql: String?) -> AppError {
        let state = result.flatMap { field($0, "C") } ?? ""
        let message = result.flatMap { field($0, "M") } ?? oneLine(PQerrorMessage(connection))
        var context = "\(step): \(message)"
        if !state.isEmpty { context += " (sqlstate \(state))" }
        if let sql { context += " in `\(sql)`" }

        if PQstatus(connection) == CONNECTION_BAD || state.hasPrefix("08") || state.hasPrefix("53")
            || ["57P01", "57P02", "57P03"].contains(state)
        {
            return unavailable(context: context)
        }
        switch state {
        case "23505" where result.flatMap({ field($0, "n") }) == "users_email_key":
            return AppError(
                .conflict, code: "email_taken", message: "This email address is already registered",
                debugContext: context)
        case "23505" where result.flatMap({ field($0, "n") }) == "tasks_series_occurrence":
            return AppError(
                .conflict, code: "occurrence_exists", message: "This occurrence of the repeating task already exists",
                debugContext: context)
        case "57014":
            return .unavailable(
                "The database took too long to answer; try again shortly", code: "database_timeout", context: context)
        case "40001", "40P01", "55P03":
            return busy(context: context)
        default:
            return .internal(context)
        }
    }

    /// A connection that could not be opened; `target` is the URL without its password.
    static func connect(_ target: String, message: String) -> AppError {
        .unavailable(
            "The database at \(target) cannot be reached", code: "database_unavailable",
            context: "connect: \(oneLine(message))")
    }

    static func unavailable(context: String) -> AppError {
        .unavailable(
            "The database cannot be reached; try again shortly", code: "database_unavailable", context: context)
    }

    static func busy(context: String) -> AppError {
        .unavailable("The database is busy; try again shortly", code: "database_busy", context: context)
    }

    static func closed(_ target: String) -> AppError {
        .unavailable("The database at \(target) is closed", code: "database_closed")
    }

    // MARK: Internals

    private static func field(_ result: OpaquePointer, _ code: Unicode.Scalar) -> String? {
        PQresultErrorField(result, Int32(code.value)).map { String(cString: $0) }
    }

    /// libpq's messages run over several lines (one per address tried, hints indented); joined here
    /// into one line for the log.
    static func oneLine(_ text: String) -> String {
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
        let joined = lines.filter { !$0.isEmpty }.joined(separator: "; ")
        return joined.isEmpty ? "unknown libpq error" : joined
    }

    private static func oneLine(_ text: UnsafePointer<CChar>?) -> String {
        oneLine(text.map { String(cString: $0) } ?? "")
    }
}
