import Foundation

/// How ``PostgresStore`` reaches its server and sizes its pool.
public struct PostgresConfiguration: Sendable {
    /// A libpq connection URL, e.g. `postgres://user:password@host:5432/db?sslmode=require`. Every
    /// libpq URI parameter works: `sslmode` (`require` as Neon needs, `verify-full` with
    /// `sslrootcert=/path/ca.crt`), `connect_timeout`, `application_name`, several hosts.
    public var url: String
    /// Most connections open at once (`database.pool_size`).
    public var poolSize: Int
    /// Longest wait for a free connection before a call fails with `database_busy`.
    public var poolTimeout: TimeInterval
    /// The server cancels a statement after this many milliseconds (`statement_timeout`); 0 never.
    public var statementTimeoutMilliseconds: Int
    /// Seconds to wait for a connection, unless the URL sets `connect_timeout`.
    public var connectTimeoutSeconds: Int

    public init(
        url: String, poolSize: Int = 10, poolTimeout: TimeInterval = 5, statementTimeoutMilliseconds: Int = 30_000,
        connectTimeoutSeconds: Int = 5
    ) {
        self.url = url
        self.poolSize = max(1, poolSize)
        self.poolTimeout = max(0, poolTimeout)
        self.statementTimeoutMilliseconds = max(0, statementTimeoutMilliseconds)
        self.connectTimeoutSeconds = max(1, connectTimeoutSeconds)
    }

    /// The keywords and values for `PQconnectdbParams` with `expand_dbname`: defaults first, so
    /// that the URL (expanded in place of `dbname`) overrides them, then what the adapter relies on.
    var connectionParameters: [(keyword: String, value: String)] {
        [
            ("connect_timeout", String(connectTimeoutSeconds)),
            ("fallback_application_name", "todo-chatbot"),
            // A server that vanishes without closing the socket is noticed in about half a minute
            // instead of the kernel's two hours.
            ("keepalives", "1"), ("keepalives_idle", "10"), ("keepalives_interval", "5"), ("keepalives_count", "3"),
            ("tcp_user_timeout", "20000"),
            ("dbname", url),
            // Every string this adapter sends and reads is UTF-8.
            ("client_encoding", "UTF8"),
        ]
    }
}
