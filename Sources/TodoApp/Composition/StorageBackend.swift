import Foundation
import TodoCore
import TodoEvents
import TodoPostgres
import TodoSQLite

/// The storage adapter `database.url` selects, opened: the one place that knows both backends.
/// Everything above it sees only `Store`, `EventLog` and `SchemaMigrator`.
enum StorageBackend {
    case sqlite(SQLiteStore)
    case postgres(PostgresStore)

    /// Whether opening may create a SQLite file that is not there yet.
    enum Opening {
        /// Serving and `migrate up`: a first start creates the database.
        case createIfMissing
        /// Commands that inspect or revert: a mistyped path is an error, not a new empty file.
        case existingOnly
    }

    /// Opens the database of `settings` (the SQLite file, or a connection to Postgres).
    static func open(settings: AppSettings, _ opening: Opening = .createIfMissing) throws -> StorageBackend {
        switch try DatabaseLocation.parse(settings.databaseURL) {
        case .sqlite(let path):
            if opening == .existingOnly, path != ":memory:", !FileManager.default.fileExists(atPath: path) {
                throw AppError(
                    .notFound, code: "database_not_found",
                    message: "There is no database at \(path); check database.url or --data-dir, "
                        + "or create it with `todo-chatbot migrate up` or a first `todo-chatbot serve`")
            }
            return .sqlite(try SQLiteStore(path: path, busyTimeoutMilliseconds: settings.busyTimeoutMilliseconds))
        case .postgres(let url):
            return .postgres(try PostgresStore(configuration: postgresConfiguration(url: url, settings: settings)))
        }
    }

    static func postgresConfiguration(url: String, settings: AppSettings) -> PostgresConfiguration {
        PostgresConfiguration(
            url: url, poolSize: settings.poolSize,
            poolTimeout: TimeInterval(settings.poolTimeoutMilliseconds) / 1000,
            statementTimeoutMilliseconds: settings.statementTimeoutMilliseconds)
    }

    var store: any Store {
        switch self {
        case .sqlite(let store): store
        case .postgres(let store): store
        }
    }

    /// Where the data is, for logs: a path, or a Postgres URL without its password.
    var description: String {
        switch self {
        case .sqlite(let store): store.path
        case .postgres(let store): store.target
        }
    }

    func migrator(clock: any TimeSource = SystemTimeSource()) -> any SchemaMigrator {
        switch self {
        case .sqlite(let store): SQLiteMigrator(store: store, clock: clock)
        case .postgres(let store): PostgresMigrator(store: store, clock: clock)
        }
    }

    /// The event log in the same database, with the configured retention and poll interval. With
    /// Kafka it is the outbox: retention then keeps what the relay has not published.
    func eventLog(settings: AppSettings, clock: any TimeSource) -> any EventLog & ConsumerBackend {
        let retention = Composition.retentionPolicy(settings)
        let pollInterval = TimeInterval(settings.eventPollIntervalMilliseconds) / 1000
        let hold = settings.eventBroker == .kafka ? OutboxRelay.Options().group : nil
        switch self {
        case .sqlite(let store):
            return SQLiteEventLog(
                store: store, retention: retention, pollInterval: pollInterval, retentionHold: hold, clock: clock)
        case .postgres(let store):
            return PostgresEventLog(
                store: store, retention: retention, pollInterval: pollInterval, retentionHold: hold, clock: clock)
        }
    }

    /// Registers a callback run after every commit in this process that appended to `log`; what
    /// other processes append, the outbox relay finds by polling.
    static func observeAppends(of log: any EventLog, _ observer: @escaping @Sendable () -> Void) {
        (log as? SQLiteEventLog)?.observeAppends(observer)
        (log as? PostgresEventLog)?.observeAppends(observer)
    }
}
