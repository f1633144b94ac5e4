import Foundation
import TodoCore
import TodoTestSupport

@testable import TodoPostgres

/// A schema of its own on the test server for one test: stores opened through it see only this
/// schema (`search_path` in the URL's `options`), so tests run side by side on one database and
/// each starts empty. ``drop()`` removes the schema with everything in it.
final class TestSchema: Sendable {
    let name: String
    /// The test URL narrowed to this schema.
    let url: String

    init() throws {
        name = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        url = Self.url(TestServer.url ?? "", searchPath: name)
        try Self.withAdminConnection { try $0.executeScript("CREATE SCHEMA \(name)", step: "create test schema") }
    }

    func configuration(
        poolSize: Int = 4, poolTimeout: TimeInterval = 5, statementTimeoutMilliseconds: Int = 30_000
    ) -> PostgresConfiguration {
        PostgresConfiguration(
            url: url, poolSize: poolSize, poolTimeout: poolTimeout,
            statementTimeoutMilliseconds: statementTimeoutMilliseconds)
    }

    func openStore(poolSize: Int = 4) throws -> PostgresStore {
        try PostgresStore(configuration: configuration(poolSize: poolSize))
    }

    /// A store with every revision applied.
    func openMigratedStore(poolSize: Int = 4) throws -> PostgresStore {
        let store = try openStore(poolSize: poolSize)
        try PostgresMigrator(store: store).upgrade(to: nil)
        return store
    }

    func drop() {
        try? Self.withAdminConnection {
            try $0.executeScript("DROP SCHEMA \(name) CASCADE", step: "drop test schema")
        }
    }

    /// `url` with `options=-c search_path=<schema>` added to its query.
    static func url(_ url: String, searchPath: String) -> String {
        let separator = url.contains("?") ? "&" : "?"
        return url + separator + "options=-csearch_path%3D" + searchPath
    }

    /// A connection to the test database itself, outside every test schema.
    static func withAdminConnection<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        let configuration = PostgresConfiguration(url: TestServer.url ?? "")
        let connection = try PostgresConnection(
            configuration: configuration, target: try ConnectionTarget.describe(configuration.url))
        defer { connection.close() }
        return try body(connection)
    }
}
