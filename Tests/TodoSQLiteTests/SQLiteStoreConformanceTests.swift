import Testing
import TodoCore
import TodoSQLite
import TodoTestSupport

@Suite struct SQLiteStoreConformanceTests {
    @Test(arguments: StoreConformance.checks)
    func conformsToTheStoreContract(_ check: StoreConformance.Check) throws {
        let database = TemporaryDatabase()
        defer { database.remove() }

        try check.run { try database.openMigratedStore() }
    }
}
