import Foundation
import TodoCore

/// Where the data lives, read from `database.url`.
enum DatabaseLocation: Equatable {
    case sqlite(path: String)
    /// A libpq connection URL, passed on whole (its query parameters, such as `sslmode`, included).
    case postgres(url: String)

    /// Accepts `sqlite:///abs/path`, `sqlite://rel/path`, `sqlite:path`, `file:path`, and
    /// `postgres://…` or `postgresql://…` URLs.
    static func parse(_ url: String) throws -> DatabaseLocation {
        for prefix in ["sqlite://", "sqlite:", "file:"] where url.hasPrefix(prefix) {
            let path = String(url.dropFirst(prefix.count))
            guard !path.isEmpty else { break }
            return .sqlite(path: path)
        }
        for prefix in ["postgres://", "postgresql://"] where url.hasPrefix(prefix) && url.count > prefix.count {
            return .postgres(url: url)
        }
        throw AppError(
            .badRequest, code: "invalid_database_url",
            message: "database.url must look like sqlite:///path/to/todo.db or postgres://user:pass@host/db "
                + "(got a URL of another kind)")
    }
}
