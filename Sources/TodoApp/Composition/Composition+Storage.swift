import TodoCore
import TodoLogging

extension Composition {
    /// Opens the configured database, applies pending migrations when `database.auto_migrate` is
    /// set (and otherwise refuses a schema that is behind), and creates the standard topics of its
    /// event log. Closes what it opened when a step fails.
    static func openStorage(
        settings: AppSettings, existingOnly: Bool = false, logger: Logger, clock: any TimeSource
    ) throws -> (any Store, any EventLog & ConsumerBackend) {
        let storage = try StorageBackend.open(settings: settings, existingOnly ? .existingOnly : .createIfMissing)
        logger.info("Opened the database", [LogKey.database: storage.description])

        let log = storage.eventLog(settings: settings, clock: clock)
        do {
            let migrator = storage.migrator(clock: clock)
            if settings.autoMigrate {
                let applied = try migrator.upgrade(to: nil)
                for revision in applied { logger.info("Applied migration", [LogKey.migration: revision]) }
            } else {
                try requireCurrentSchema(migrator)
            }
            try log.ensureTopics(EventTopics.standard(partitions: settings.eventPartitions))
        } catch {
            log.close()
            storage.store.close()
            throw error
        }
        return (storage.store, log)
    }
}
