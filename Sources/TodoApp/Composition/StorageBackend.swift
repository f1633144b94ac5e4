import Foundation
import TodoCore
import TodoPostgres
import TodoSQLite

/// The storage adapter `database.url` selects, opened: the one place that knows both backends.
/// Everything above it sees only `Store`, `EventLog` and `SchemaMigrator`.
enum StorageBackend {
    case sqlite(SQLiteStore)
    case postgres(PostgresStore)

    /// Opens the database of `settings` (creating the SQLite file, or connecting to Postgres).
    static func open(settings: AppSettings) throws -> StorageBackend {
        switch try DatabaseLocation.parse(settings.databaseURL) {
        case .sqlite(let path):
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

    /// The event log in the same database, with the configured retention and poll interval.
    func eventLog(settings: AppSettings, clock: any TimeSource) -> any EventLog {
        let retention = RetentionPolicy(
            maxAge: TimeInterval(settings.eventRetentionHours) * 3600,
            maxMessagesPerPartition: settings.eventRetentionMaxMessages)
        let pollInterval = TimeInterval(settings.eventPollIntervalMilliseconds) / 1000
        switch self {
        case .sqlite(let store):
            return SQLiteEventLog(store: store, retention: retention, pollInterval: pollInterval, clock: clock)
        case .postgres(let store):
            return PostgresEventLog(store: store, retention: retention, pollInterval: pollInterval, clock: clock)
        }
    }
}
