import Testing
import TodoCore
import TodoPostgres
import TodoTestSupport

@Suite(.enabled(if: TestServer.isConfigured, TestServer.skipReason))
struct PostgresStoreConformanceTests {
    @Test(arguments: StoreConformance.checks)
    func conformsToTheStoreContract(_ check: StoreConformance.Check) throws {
        let schema = try TestSchema()
        defer { schema.drop() }

        try check.run { try schema.openMigratedStore() }
    }
}
