import Foundation
import Synchronization
import Testing
import TodoCore
import TodoPostgres
import TodoTestSupport

@Suite(.enabled(if: TestServer.isConfigured, TestServer.skipReason))
struct PostgresEventLogConformanceTests {
    /// Every log of a check on one store: consumers in one process.
    @Test(arguments: EventLogConformance.checks)
    func conformsOnOneStore(_ check: EventLogConformance.Check) throws {
        let schema = try TestSchema()
        defer { schema.drop() }
        let store = try schema.openMigratedStore()
        defer { store.close() }

        try check.run { setup in
            { PostgresEventLog(store: store, retention: setup.retention, clock: setup.clock) }
        }
    }

    /// Every log of a check on its own store (its own pool): stands in for separate processes,
    /// which see each other's messages, members and offsets by polling.
    @Test(arguments: EventLogConformance.checks)
    func conformsAcrossStores(_ check: EventLogConformance.Check) throws {
        let schema = try TestSchema()
        defer { schema.drop() }
        try schema.openMigratedStore().close()
        let stores = Mutex<[PostgresStore]>([])
        defer {
            stores.withLock { opened in
                for store in opened { store.close() }
            }
        }

        try check.run { setup in
            {
                let store = try schema.openStore()
                stores.withLock { $0.append(store) }
                return PostgresEventLog(store: store, retention: setup.retention, clock: setup.clock)
            }
        }
    }
}
