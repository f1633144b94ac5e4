import Foundation
import TodoCore

/// Where the data lives, read from `database.url`.
enum DatabaseLocation: Equatable {
    case sqlite(path: String)

    /// Accepts `sqlite:///abs/path`, `sqlite://rel/path`, `sqlite:path` and `file:path`.
    /// Postgres URLs are recognized and refused with a clear message until the Postgres adapter
    /// exists.
    static func parse(_ url: String) throws -> DatabaseLocation {
        for prefix in ["sqlite://", "sqlite:", "file:"] where url.hasPrefix(prefix) {
            let path = String(url.dropFirst(prefix.count))
            guard !path.isEmpty else { break }
            return .sqlite(path: path)
        }
        if url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") {
            throw AppError(
                .unavailable, code: "backend_not_supported",
                message: "This build stores data in SQLite only; the Postgres adapter is not part of it yet")
        }
        throw AppError(
            .badRequest, code: "invalid_database_url",
            message: "database.url must look like sqlite:///path/to/todo.db (got a URL of another kind)")
    }
}
