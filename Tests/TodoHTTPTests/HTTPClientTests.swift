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

    @Test func requests_nameTheProductAndItsVersion() throws {
        let server = try TestServer()
        defer { server.stop() }

        let response = try HTTPClient(reusesConnections: false).send(
            OutboundRequest(.get, "http://127.0.0.1:\(server.port)/whoami"))

        #expect(try JSONValue.parse(response.body)["user_agent"] == .string("todo-chatbot/\(Product.version)"))
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

    @Test func aFractionalTimeout_isKeptToTheFraction() throws {
        let server = try TestServer()
        defer { server.stop() }

        // Foundation on Linux counts its own timeout in whole seconds: left to it, 1.9 s would be
        // 1 s, and this answer after 1.2 s would time out.
        let request = OutboundRequest(.get, "http://127.0.0.1:\(server.port)/delay/1200", timeout: 1.9)
        let response = try HTTPClient(timeout: 1.9).send(request)

        #expect(response.status == 200)
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

    @Test func redirects_areNeverFollowed_soCredentialsStayWithTheirHost() throws {
        let server = try TestServer()
        defer { server.stop() }
        let elsewhere = try TestServer(handler: { _ in
            Issue.record("the redirect was followed")
            return HTTPResponse(status: 200)
        })
        defer { elsewhere.stop() }

        let target = "http://localhost:\(elsewhere.port)/steal"
        let response = try HTTPClient().send(
            OutboundRequest(
                .get, "http://127.0.0.1:\(server.port)/redirect?to=\(target)",
                headers: ["Authorization": "Bearer sk-secret"], timeout: 10))

        #expect(response.status == 307)
        #expect(response.headers["Location"] == target)
    }

    @Test func aBodyPastTheLimit_isRefused_andOneWithinItIsWhole() throws {
        let server = try TestServer()
        defer { server.stop() }
        let client = HTTPClient()

        let within = try client.send(
            OutboundRequest(.get, "http://127.0.0.1:\(server.port)/bytes/4096", maxResponseBytes: 4096))
        #expect(within.body.count == 4096)

        let url = "http://127.0.0.1:\(server.port)/bytes/300000"
        #expect(throws: HTTPClientError.responseTooLarge(url: url, limit: 4096)) {
            try client.send(OutboundRequest(.get, url, maxResponseBytes: 4096))
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
