import CPostgres
import TodoCore

/// What a connection URL points at, for messages and logs: `postgres://user@host:port/db`, never
/// the password or the query parameters.
enum ConnectionTarget {
    /// Throws `bad_request` (`invalid_database_url`) when libpq cannot parse `url`. libpq's own
    /// message is left out: it may quote the part it could not read, which may be the password.
    static func describe(_ url: String) throws -> String {
        var error: UnsafeMutablePointer<CChar>?
        guard let options = PQconninfoParse(url, &error) else {
            PQfreemem(error)
            throw AppError.badRequest(
                "database.url is not a connection URL libpq can read (postgres://user:password@host:port/db)",
                code: "invalid_database_url")
        }
        defer { PQconninfoFree(options) }

        var values: [String: String] = [:]
        var option = options
        while let keyword = option.pointee.keyword {
            if let value = option.pointee.val { values[String(cString: keyword)] = String(cString: value) }
            option += 1
        }

        let user = values["user"].map { $0 + "@" } ?? ""
        let host = values["host"] ?? values["hostaddr"] ?? "localhost"
        let port = values["port"].map { ":" + $0 } ?? ""
        return "postgres://\(user)\(host)\(port)/\(values["dbname"] ?? "")"
    }
}
