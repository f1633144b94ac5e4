import Foundation
import Testing
import TodoCore
import TodoHTTP

@Suite struct HealthTests {
    @Test func livenessAndReadinessAnswerOnBothPaths() throws {
        let backend = try BackendHarness()
        for path in ["/api/health", "/health"] {
            let reply = backend.send(.get, path)
            #expect(reply.status == 200, "\(path)")
            #expect(reply.json["status"] == "ok")
        }
        for path in ["/api/health/ready", "/health/ready"] {
            let reply = backend.send(.get, path)
            #expect(reply.status == 200, "\(path)")
        }
    }

    @Test func readinessNamesTheFailingCheck() throws {
        let backend = try BackendHarness()
        backend.store.close()

        let reply = backend.send(.get, "/api/health/ready")
        #expect(reply.status == 503)
        #expect(reply.text.contains("database"))
        #expect(backend.send(.get, "/api/health").status == 200)
    }

    @Test func theCorrelationIDIsEchoedOrGenerated() throws {
        let backend = try BackendHarness()
        let echoed = backend.send(.get, "/api/health", headers: [("X-Correlation-ID", "trace-abc-123")])
        #expect(echoed.headers["X-Correlation-ID"] == "trace-abc-123")
        let first = backend.send(.get, "/api/health").headers
        let second = backend.send(.get, "/api/health").headers
        #expect(first["X-Correlation-ID"] != nil)
        #expect(first["X-Correlation-ID"] != second["X-Correlation-ID"])
        #expect(first["X-Request-ID"] != second["X-Request-ID"])
    }

    @Test func theOpenAPIDocumentIsServed() throws {
        let backend = try BackendHarness()
        let reply = backend.send(.get, "/api/openapi.json")
        #expect(reply.status == 200)
        #expect(reply.json["openapi"]?.stringValue?.hasPrefix("3.1") == true)
    }
}
