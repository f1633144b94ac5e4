import Foundation
import TodoCore
import TodoLogging

extension Composition {
    /// The event log of the configured database for commands (`topic`, `group`), without the
    /// services: migrations applied when `database.auto_migrate` is set, standard topics created.
    /// A SQLite database must exist already. Close the returned handle when done.
    public static func eventLog(settings: AppSettings) throws -> EventLogHandle {
        if settings.eventBroker == .kafka {
            let log = try kafkaEventLog(settings: settings, logger: Logger(service: "todo-chatbot", level: .warning))
            try log.ensureTopics(EventTopics.standard(partitions: settings.eventPartitions))
            return EventLogHandle(log: log) { log.close() }
        }
        if settings.eventBroker == .dapr {
            // Dapr's API publishes and subscribes; it cannot list or read a broker's topics or groups.
            FileHandle.standardError.write(
                Data(
                    ("todo-chatbot: events.broker is dapr, and Dapr has no API to list the broker's topics or "
                        + "consumer groups; showing the outbox in the database instead (every event published, "
                        + "and the relay's progress as group outbox-relay)\n").utf8))
        }
        let storage = try StorageBackend.open(settings: settings, .existingOnly)
        do {
            if settings.autoMigrate { try storage.migrator().upgrade(to: nil) }
            let log = storage.eventLog(settings: settings, clock: SystemTimeSource())
            try log.ensureTopics(EventTopics.standard(partitions: settings.eventPartitions))
            return EventLogHandle(log: log) { [store = storage.store] in
                log.close()
                store.close()
            }
        } catch {
            storage.store.close()
            throw error
        }
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
