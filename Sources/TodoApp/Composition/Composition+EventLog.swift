import Foundation
import TodoCore

extension Composition {
    /// The event log of the configured database for commands (`topic`, `group`), without the
    /// services: migrations applied when `database.auto_migrate` is set, standard topics created.
    /// Close the returned handle when done.
    public static func eventLog(settings: AppSettings) throws -> EventLogHandle {
        let storage = try StorageBackend.open(settings: settings)
        do {
            if settings.autoMigrate { try storage.migrator().upgrade(to: nil) }
            let log = storage.eventLog(settings: settings, clock: SystemTimeSource())
            try log.ensureTopics(EventTopics.standard(partitions: settings.eventPartitions))
            return EventLogHandle(log: log, store: storage.store)
        } catch {
            storage.store.close()
            throw error
        }
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
