import Foundation
import TodoCore
import TodoSQLite

extension Composition {
    /// The event log of the configured database for commands (`topic`, `group`), without the
    /// services: migrations applied when `database.auto_migrate` is set, standard topics created.
    /// Close the returned handle when done.
    public static func eventLog(settings: AppSettings) throws -> EventLogHandle {
        switch try DatabaseLocation.parse(settings.databaseURL) {
        case .sqlite(let path):
            let store = try SQLiteStore(path: path, busyTimeoutMilliseconds: settings.busyTimeoutMilliseconds)
            do {
                if settings.autoMigrate { try SQLiteMigrator(store: store).upgrade(to: nil) }
                let log = sqliteEventLog(store: store, settings: settings, clock: SystemTimeSource())
                try log.ensureTopics(EventTopics.standard(partitions: settings.eventPartitions))
                return EventLogHandle(log: log, store: store)
            } catch {
                store.close()
                throw error
            }
        }
    }

    /// The embedded log on `store` with the configured retention and poll interval.
    static func sqliteEventLog(store: SQLiteStore, settings: AppSettings, clock: any TimeSource) -> SQLiteEventLog {
        SQLiteEventLog(
            store: store,
            retention: RetentionPolicy(
                maxAge: TimeInterval(settings.eventRetentionHours) * 3600,
                maxMessagesPerPartition: settings.eventRetentionMaxMessages),
            pollInterval: TimeInterval(settings.eventPollIntervalMilliseconds) / 1000, clock: clock)
    }
}

/// An event log opened on its own, with the storage underneath it.
public struct EventLogHandle: Sendable {
    public let log: any EventLog
    let store: any Store

    /// Stops the log's consumers and closes its storage.
    public func close() {
        log.close()
        store.close()
    }
}
