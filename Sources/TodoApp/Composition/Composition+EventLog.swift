import Foundation
import TodoCore
import TodoEvents
import TodoKafka
import TodoLogging
import TodoSQLite

extension Composition {
    /// The event log of the configured database for commands (`topic`, `group`), without the
    /// services: migrations applied when `database.auto_migrate` is set, standard topics created.
    /// Close the returned handle when done.
    public static func eventLog(settings: AppSettings) throws -> EventLogHandle {
        if settings.eventBroker == .kafka {
            let log = try kafkaEventLog(settings: settings, logger: Logger(service: "todo-chatbot", level: .warning))
            try log.ensureTopics(EventTopics.standard(partitions: settings.eventPartitions))
            return EventLogHandle(log: log) { log.close() }
        }
        switch try DatabaseLocation.parse(settings.databaseURL) {
        case .sqlite(let path):
            let store = try SQLiteStore(path: path, busyTimeoutMilliseconds: settings.busyTimeoutMilliseconds)
            do {
                if settings.autoMigrate { try SQLiteMigrator(store: store).upgrade(to: nil) }
                let log = sqliteEventLog(store: store, settings: settings, clock: SystemTimeSource())
                try log.ensureTopics(EventTopics.standard(partitions: settings.eventPartitions))
                return EventLogHandle(log: log) {
                    log.close()
                    store.close()
                }
            } catch {
                store.close()
                throw error
            }
        }
    }

    /// The embedded log on `store` with the configured retention and poll interval. With Kafka it
    /// is the outbox, and retention keeps whatever the relay has not published yet.
    static func sqliteEventLog(store: SQLiteStore, settings: AppSettings, clock: any TimeSource) -> SQLiteEventLog {
        SQLiteEventLog(
            store: store, retention: retentionPolicy(settings),
            pollInterval: TimeInterval(settings.eventPollIntervalMilliseconds) / 1000,
            retentionHold: settings.eventBroker == .kafka ? OutboxRelay.Options().group : nil, clock: clock)
    }

    static func retentionPolicy(_ settings: AppSettings) -> RetentionPolicy {
        RetentionPolicy(
            maxAge: TimeInterval(settings.eventRetentionHours) * 3600,
            maxMessagesPerPartition: settings.eventRetentionMaxMessages)
    }
}

/// An event log opened on its own, with whatever it runs on (a database, broker connections).
public struct EventLogHandle: Sendable {
    public let log: any EventLog
    private let closer: @Sendable () -> Void

    init(log: any EventLog, close: @escaping @Sendable () -> Void) {
        self.log = log
        self.closer = close
    }

    /// Stops the log's consumers and closes what it runs on.
    public func close() {
        closer()
    }
}
