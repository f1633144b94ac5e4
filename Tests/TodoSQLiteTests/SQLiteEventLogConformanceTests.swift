import Foundation
import Synchronization
import Testing
import TodoCore
import TodoSQLite
import TodoTestSupport

@Suite struct SQLiteEventLogConformanceTests {
    /// Every log of a check on one store: consumers in one process.
    @Test(arguments: EventLogConformance.checks)
    func conformsOnOneStore(_ check: EventLogConformance.Check) throws {
        let database = TemporaryDatabase()
        defer { database.remove() }
        let store = try database.openMigratedStore()
        defer { store.close() }

        try check.run { setup in
            { SQLiteEventLog(store: store, retention: setup.retention, clock: setup.clock) }
        }
    }

    /// Every log of a check on its own store of the same file: stands in for separate processes,
    /// which see each other's messages, members and offsets by polling.
    @Test(arguments: EventLogConformance.checks)
    func conformsAcrossStoresOfOneFile(_ check: EventLogConformance.Check) throws {
        let database = TemporaryDatabase()
        defer { database.remove() }
        let stores = Mutex<[SQLiteStore]>([])
        defer {
            stores.withLock { opened in
                for store in opened { store.close() }
            }
        }

        try check.run { setup in
            {
                let store = try database.openMigratedStore()
                stores.withLock { $0.append(store) }
                return SQLiteEventLog(store: store, retention: setup.retention, clock: setup.clock)
            }
        }
    }
}
