import Foundation
import Testing
import TodoCore
import TodoTestSupport

@testable import TodoPostgres

/// TLS as libpq negotiates it with the test server, which has TLS on with a self-signed
/// certificate for 127.0.0.1 (scripts/postgres.sh).
@Suite(.enabled(if: TestServer.isConfigured, TestServer.skipReason))
struct PostgresTLSTests {
    @Test func sslmodeRequireRunsOverTLS() throws {
        let store = try PostgresStore(configuration: PostgresConfiguration(url: try Self.url(sslmode: "require")))
        defer { store.close() }

        try store.withConnection { connection in
            #expect(connection.usesTLS)
            let ssl = try connection.execute("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()", step: "ssl")
            #expect(ssl.bool(0, 0))
        }
    }

    @Test(.enabled(if: TestServer.caFile != nil, "TODO_TEST_POSTGRES_CA names no CA file"))
    func verifyFullWithTheServersCAConnects() throws {
        let url = try Self.url(sslmode: "verify-full", rootCertificate: TestServer.caFile)
        let store = try PostgresStore(configuration: PostgresConfiguration(url: url))
        defer { store.close() }

        try store.ping()
        #expect(try store.withConnection { $0.usesTLS })
    }

    @Test(.enabled(if: TestServer.caFile != nil, "TODO_TEST_POSTGRES_CA names no CA file"))
    func verifyFullRefusesACertificateForAnotherName() throws {
        // The certificate names 127.0.0.1 only.
        let url = try Self.url(sslmode: "verify-full", rootCertificate: TestServer.caFile, host: "localhost")

        let error = try #require(throws: AppError.self) {
            try PostgresStore(configuration: PostgresConfiguration(url: url))
        }
        #expect(error.code == "database_unavailable")
        #expect(error.debugContext?.contains("does not match host name") == true)
    }

    @Test(.enabled(if: TestServer.caFile != nil, "TODO_TEST_POSTGRES_CA names no CA file"))
    func verifyFullRefusesACertificateFromAnotherCA() throws {
        let other = URL(fileURLWithPath: TestServer.caFile ?? "").deletingLastPathComponent()
            .appendingPathComponent("untrusted-ca.crt").path
        try #require(FileManager.default.fileExists(atPath: other), "scripts/postgres.sh writes \(other)")
        let url = try Self.url(sslmode: "verify-full", rootCertificate: other)

        let error = try #require(throws: AppError.self) {
            try PostgresStore(configuration: PostgresConfiguration(url: url))
        }
        #expect(error.code == "database_unavailable")
        #expect(error.debugContext?.contains("certificate verify failed") == true)
    }

    @Test func aServerWithoutTLSIsRefusedWhenTLSIsRequired() throws {
        let server = try PlainTextServer()
        defer { server.stop() }
        let url = TestServer.url {
            $0.host = "127.0.0.1"
            $0.port = Int(server.port)
            $0.queryItems = [
                URLQueryItem(name: "sslmode", value: "require"), URLQueryItem(name: "connect_timeout", value: "3"),
            ]
        }

        let error = try #require(throws: AppError.self) {
            try PostgresStore(configuration: PostgresConfiguration(url: url))
        }
        #expect(error.kind == .unavailable)
        #expect(error.debugContext?.contains("server does not support SSL, but SSL was required") == true)
    }

    @Test func aWrongPasswordNamesTheServerButNeverThePassword() throws {
        let password = "not-the-password-\(UUID().uuidString)"
        let url = TestServer.url { $0.password = password }

        let error = try #require(throws: AppError.self) {
            try PostgresStore(configuration: PostgresConfiguration(url: url))
        }
        #expect(error.code == "database_unavailable")
        #expect(error.message.contains("127.0.0.1"))
        #expect(!error.description.contains(password))
        #expect(error.debugContext?.contains("password authentication failed") == true)
    }

    /// The test URL with its query replaced by `sslmode` (and `sslrootcert`), optionally on another host.
    private static func url(sslmode: String, rootCertificate: String? = nil, host: String? = nil) throws -> String {
        TestServer.url { parts in
            if let host { parts.host = host }
            var items = [URLQueryItem(name: "sslmode", value: sslmode)]
            if let rootCertificate { items.append(URLQueryItem(name: "sslrootcert", value: rootCertificate)) }
            parts.queryItems = items
        }
    }
}
