import Foundation
import Testing
import TodoCore

@testable import TodoHTTP

@Suite("HTTPClient against a real server on loopback")
struct HTTPClientTests {
    @Test func post_sendsHeadersAndBody_andReturnsTheAnswer() throws {
        let server = try TestServer()
        defer { server.stop() }

        let request = OutboundRequest(
            .post, "http://127.0.0.1:\(server.port)/echo", headers: ["Content-Type": "application/json"],
            body: Array(#"{"title":"milk"}"#.utf8), timeout: 10)
        let response = try HTTPClient().send(request)

        #expect(response.status == 201)
        #expect(response.isSuccess)
        #expect(try JSONValue.parse(response.body) == .object(["title": .string("milk")]))
        #expect(response.headers["x-request-id"] != nil)
    }

    @Test func errorStatus_isAResponse_notAThrow() throws {
        let server = try TestServer()
        defer { server.stop() }

        let response = try HTTPClient().send(OutboundRequest(.get, "http://127.0.0.1:\(server.port)/nowhere"))

        #expect(response.status == 404)
        #expect(!response.isSuccess)
    }

    @Test func handlerSlowerThanTheTimeout_timesOut() throws {
        let server = try TestServer()
        defer { server.stop() }
        defer { server.gate.release() }

        #expect(throws: HTTPClientError.timedOut(url: "http://127.0.0.1:\(server.port)/slow", after: 0.5)) {
            try HTTPClient().send(OutboundRequest(.get, "http://127.0.0.1:\(server.port)/slow", timeout: 0.5))
        }
        #expect(server.gate.waitUntilEntered())
    }

    @Test func closedPort_isUnreachable() throws {
        let port = try closedPort()

        do {
            _ = try HTTPClient().send(OutboundRequest(.get, "http://127.0.0.1:\(port)/", timeout: 5))
            Issue.record("a request to a closed port answered")
        } catch {
            guard case .unreachable(let url, _) = error else {
                Issue.record("expected unreachable, got \(error)")
                return
            }
            #expect(url == "http://127.0.0.1:\(port)/")
        }
    }

    @Test func nonHTTPURL_isRefusedBeforeSending() {
        #expect(throws: HTTPClientError.invalidURL("file:///etc/passwd")) {
            try HTTPClient().send(OutboundRequest(.get, "file:///etc/passwd"))
        }
    }

    @Test func credentialsInTheURL_neverReachTheError() {
        #expect(throws: HTTPClientError.invalidURL("ftp://example.com/v1")) {
            try HTTPClient().send(OutboundRequest(.get, "ftp://user:secret@example.com/v1?key=abc"))
        }
    }

    /// A port nothing listens on: bound, then released.
    private func closedPort() throws -> Int {
        let server = try TestServer()
        let port = server.port
        server.stop()
        return port
    }
}
