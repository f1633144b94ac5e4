import Foundation
import Synchronization
import Testing
import TodoCore
import TodoLogging

@testable import TodoHTTP

/// Routes registered as blocking run on the server's own pool while their connection is suspended.
/// Every server here has ONE libmicrohttpd thread, so anything answered while a blocking handler is
/// held on the gate proves that the handler does not occupy that thread.
@Suite("HTTPServer blocking routes", .serialized)
struct HTTPServerBlockingTests {
    private static let slowBody = Array(#"{"message":"hello"}"#.utf8)
    private static let json = [("Content-Type", "application/json")]

    @Test func heldBlockingHandler_leavesOtherRequestsAnswered() throws {
        let server = try BlockingTestServer()
        defer { server.server.shutdown(gracePeriod: .seconds(5)) }
        let slow = try server.connect()
        try slow.write(Self.slowRequest())
        #expect(server.gate.waitUntilEntered())

        let other = try server.connect()
        let item = try other.request("GET", "/items/7")
        let health = try other.request("GET", "/health")
        #expect(item.status == 200)
        #expect(item.json?["id"] == .string("7"))
        #expect(health.status == 200)

        server.gate.release()
        let response = try slow.readResponse()
        #expect(response.status == 201)
        #expect(response.json == (try JSONValue.parse(Self.slowBody)))
        #expect(response.header("X-Slow") == "yes")
        #expect(response.header("Content-Type")?.hasPrefix("application/json") == true)
        #expect(response.header("X-Request-ID")?.isEmpty == false)
        #expect(response.header("Connection")?.lowercased() != "close")

        // The same keep-alive connection serves the next request.
        let next = try slow.request("GET", "/items/8")
        #expect(next.status == 200)
        #expect(next.json?["id"] == .string("8"))
    }

    @Test func offloadedRequests_getIdsCORSAccessLogAndErrorMapping() throws {
        let server = try BlockingTestServer()
        defer { server.server.shutdown(gracePeriod: .seconds(5)) }
        let connection = try server.connect()

        let failure = try connection.request(
            "POST", "/slow-failure",
            headers: Self.json + [("Origin", "https://app.example.com"), ("X-Correlation-ID", "corr-blocking-1")],
            body: Self.slowBody)

        #expect(failure.status == 409)
        #expect(failure.errorCode == "slow_conflict")
        #expect(failure.header("X-Request-ID")?.isEmpty == false)
        #expect(failure.header("X-Correlation-ID") == "corr-blocking-1")
        #expect(failure.header("Access-Control-Allow-Origin") == "https://app.example.com")
        let logged = server.accessLog(route: "/slow-failure")
        #expect(logged.count == 1)
        #expect(logged.first?.metadata[LogKey.status] == "409")
        #expect(logged.first?.metadata[LogKey.requestID] == failure.header("X-Request-ID"))
    }

    @Test func fullBlockingPool_answers503ServerBusyWithRetryAfter() throws {
        let server = try BlockingTestServer(blockingThreads: 1, blockingQueueLength: 0)
        defer { server.server.shutdown(gracePeriod: .seconds(5)) }
        let held = try server.connect()
        try held.write(Self.slowRequest())
        #expect(server.gate.waitUntilEntered())

        let refused = try server.connect().request("POST", "/slow", headers: Self.json, body: Self.slowBody)

        #expect(refused.status == 503)
        #expect(refused.errorCode == "server_busy")
        #expect(refused.header("Retry-After") == "5")
        #expect(refused.header("X-Request-ID")?.isEmpty == false)
        #expect(server.accessLog(route: "/slow").contains { $0.metadata[LogKey.status] == "503" })
        server.gate.release()
        #expect(try held.readResponse().status == 201)
    }

    @Test func queuedBlockingRequest_runsOnceAThreadIsFree() throws {
        let server = try BlockingTestServer(blockingThreads: 1, blockingQueueLength: 1)
        defer { server.server.shutdown(gracePeriod: .seconds(5)) }
        let first = try server.connect()
        try first.write(Self.slowRequest())
        #expect(server.gate.waitUntilEntered())
        let second = try server.connect()
        try second.write(Self.slowRequest())

        server.gate.release()
        #expect(try first.readResponse().status == 201)
        #expect(server.gate.waitUntilEntered())
        server.gate.release()
        #expect(try second.readResponse().status == 201)
    }

    @Test func shutdown_waitsForHeldBlockingHandlerThenCompletes() throws {
        let server = try BlockingTestServer()
        let port = server.port
        let slow = try server.connect()
        try slow.write(Self.slowRequest())
        #expect(server.gate.waitUntilEntered())

        let unfinished = Mutex<Int?>(nil)
        let stopped = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            let count = server.server.shutdown(gracePeriod: .seconds(30))
            unfinished.withLock { $0 = count }
            stopped.signal()
        }
        // Shutdown closes the listening socket first; poll until the kernel refuses, bounded.
        var refused = false
        for _ in 0..<2_000 where !refused {
            refused = RawHTTPConnection.isRefused(port: port)
            if !refused { usleep(5_000) }
        }
        #expect(refused)

        // Had shutdown not waited, the connection would have been closed unanswered.
        server.gate.release()
        let response = try slow.readResponse()
        #expect(response.status == 201)
        #expect(response.header("Connection")?.lowercased() == "close")
        #expect(stopped.wait(timeout: .now() + 30) == .success)
        #expect(unfinished.withLock { $0 } == 0)
    }

    @Test func shutdownPastGracePeriod_closesHeldConnectionAndDropsLateResponse() throws {
        let server = try BlockingTestServer()
        let slow = try server.connect()
        try slow.write(Self.slowRequest())
        #expect(server.gate.waitUntilEntered())

        // The daemon stops with the handler still held: its connection must be resumed first
        // (libmicrohttpd aborts the process otherwise) and is closed unanswered.
        #expect(server.server.shutdown(gracePeriod: .zero) == 1)
        #expect(throws: RawHTTPConnection.Failure.self) { try slow.readResponse() }

        server.gate.release()
        #expect(server.handlerReturned.wait(timeout: .now() + 20) == .success)
        #expect(server.server.shutdown(gracePeriod: .seconds(1)) == 0)
    }

    @Test func clientHangingUpWhileHandlerHeld_leavesServerWorking() throws {
        let server = try BlockingTestServer()
        do {
            let leaving = try server.connect()
            try leaving.write(Self.slowRequest())
            withExtendedLifetime(leaving) { #expect(server.gate.waitUntilEntered()) }
        }  // The socket is closed here, while the handler is still held.

        server.gate.release()
        #expect(server.handlerReturned.wait(timeout: .now() + 20) == .success)

        let connection = try server.connect()
        #expect(try connection.request("GET", "/items/1").status == 200)
        try connection.write(Self.slowRequest())
        #expect(server.gate.waitUntilEntered())
        server.gate.release()
        #expect(try connection.readResponse().status == 201)

        // The dropped request completed too: nothing is left in flight to wait for.
        #expect(server.server.shutdown(gracePeriod: .seconds(30)) == 0)
    }

    @Test func router_listsBlockingRoutes() {
        let router = BlockingTestServer.router(gate: Gate(), returned: DispatchSemaphore(value: 0))

        #expect(router.blockingRoutes.map(\.description) == ["POST /slow", "POST /slow-failure"])
    }

    private static func slowRequest() -> [UInt8] {
        let head = "POST /slow HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        return Array((head + "Content-Length: \(slowBody.count)\r\n\r\n").utf8) + slowBody
    }
}
