import Foundation
import Testing

/// The PostgreSQL server the tests run against: `TODO_TEST_POSTGRES_URL` (scripts/test.sh starts a
/// throwaway cluster with scripts/postgres.sh and sets it). Without it every Postgres suite is
/// skipped with ``skipReason``; the TLS checks also need the cluster's CA in `TODO_TEST_POSTGRES_CA`.
enum TestServer {
    static let urlVariable = "TODO_TEST_POSTGRES_URL"
    static let caVariable = "TODO_TEST_POSTGRES_CA"

    static var url: String? {
        ProcessInfo.processInfo.environment[urlVariable].flatMap { $0.isEmpty ? nil : $0 }
    }

    static var isConfigured: Bool { url != nil }

    static let skipReason: Comment = """
        \(urlVariable) is not set, so the Postgres suites did not run. scripts/test.sh starts a server \
        and sets it; or export \(urlVariable)=postgres://user:pass@host:port/db?sslmode=require
        """

    /// The CA certificate of the test server, when the environment names one that exists.
    static var caFile: String? {
        guard let path = ProcessInfo.processInfo.environment[caVariable], !path.isEmpty,
            FileManager.default.fileExists(atPath: path)
        else { return nil }
        return path
    }

    /// The URL's parts, for tests that reach the server another way (a proxy, another host name).
    static var components: URLComponents {
        URLComponents(string: url ?? "") ?? URLComponents()
    }

    /// The test URL with `change` applied to its parts.
    static func url(_ change: (inout URLComponents) -> Void) -> String {
        var parts = components
        change(&parts)
        return parts.string ?? ""
    }
}
