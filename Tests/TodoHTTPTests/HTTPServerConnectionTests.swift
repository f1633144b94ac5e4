import Foundation
import Synchronization
import Testing
import TodoCore
import TodoLogging

@testable import TodoHTTP

@Suite("HTTPServer connections and lifecycle", .serialized)
struct HTTPServerConnectionTests {
    @Test func keepAlive_servesManyRequestsOnOneConnection() throws {
        let server = try TestServer()
        defer { server.stop() }
        let connection = try server.connect()

        for index in 0..<20 {
            let response = try connection.request("GET", "/items/\(index)")
            #expect(response.status == 200)
            #expect(response.json?["id"] == .string(String(index)))
            #expect(response.header("Connection")?.lowercased() != "close")
        }
    }

    @Test func pipelinedRequests_areAnsweredInOrder() throws {
        let server = try TestServer()
        defer { server.stop() }
        let connection = try server.connect()

        try connection.write(
            "GET /items/a HTTP/1.1\r\nHost: x\r\n\r\nGET /items/b HTTP/1.1\r\nHost: x\r\n\r\n")

        #expect(try connection.readResponse().json?["id"] == .string("a"))
        #expect(try connection.readResponse().json?["id"] == .string("b"))
    }

    @Test func concurrentClients_allGetAnswers() throws {
        let server = try TestServer()
        defer { server.stop() }
        let threads = 32
        let requestsPerThread = 50
        let answered = Atomic<Int>(0)
        let failures = Mutex<[String]>([])
        let group = DispatchGroup()

        for thread in 0..<threads {
            group.enter()
            Thread.detachNewThread {
                defer { group.leave() }
                do {
                    let connection = try server.connect()
                    for index in 0..<requestsPerThread {
                        let response = try connection.request("GET", "/items/\(thread)-\(index)")
                        if response.status == 200 && response.json?["id"] == .string("\(thread)-\(index)") {
                            answered.add(1, ordering: .relaxed)
                        }
                    }
                } catch {
                    failures.withLock { $0.append(String(describing: error)) }
                }
            }
        }

        #expect(group.wait(timeout: .now() + 120) == .success)
        #expect(failures.withLock { $0 }.isEmpty)
        #expect(answered.load(ordering: .relaxed) == threads * requestsPerThread)
    }

    @Test func gracefulShutdown_finishesInFlightRequestAndRefusesNewConnections() throws {
        let server = try TestServer()
        let port = server.port
        let slow = try server.connect()
        try slow.write("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(server.gate.waitUntilEntered())

        let stopped = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            server.server.shutdown(gracePeriod: .seconds(20))
            stopped.signal()
        }

        // Shutdown closes the listening socket first; poll until the kernel refuses, bounded.
        var refused = false
        for _ in 0..<2_000 where !refused {
            refused = RawHTTPConnection.isRefused(port: port)
            if !refused { usleep(5_000) }
        }
        #expect(refused)
        #expect(stopped.wait(timeout: .now() + 0.05) == .timedOut, "shutdown must wait for the slow request")

        server.gate.release()
        let response = try slow.readResponse()
        #expect(response.status == 200)
        #expect(response.json?["slow"] == .bool(true))
        #expect(response.header("Connection")?.lowercased() == "close")
        #expect(stopped.wait(timeout: .now() + 20) == .success)
        server.server.shutdown(gracePeriod: .seconds(1))
    }

    @Test func shutdown_closesIdleKeepAliveConnections() throws {
        let server = try TestServer()
        let connection = try server.connect()
        #expect(try connection.request("GET", "/items/1").status == 200)

        server.stop()

        #expect(connection.isClosedByPeer())
    }

    @Test func startingTwice_throwsAlreadyStarted() throws {
        let server = try TestServer()
        defer { server.stop() }

        #expect(throws: HTTPServerError.self) { try server.server.start() }
    }

    @Test func bindingAPortInUse_throwsAddressInUse() throws {
        let first = try TestServer()
        defer { first.stop() }
        let second = HTTPServer(
            configuration: HTTPServerConfiguration(host: "127.0.0.1", port: first.port),
            handler: { _ in .noContent }, logger: Logger(service: "http-test", sink: NullLogSink()))

        #expect(
            throws: HTTPServerError(
                .addressInUse, "cannot listen on 127.0.0.1:\(first.port): the address is already in use")
        ) {
            try second.start()
        }
    }

    @Test func bareServer_answersStatusOKToEverything() throws {
        let server = BareHTTPServer(
            configuration: HTTPServerConfiguration(host: "127.0.0.1", port: 0, threads: 1),
            logger: Logger(service: "http-test", sink: NullLogSink()))
        try server.start()
        defer { server.shutdown(gracePeriod: .seconds(1)) }
        let connection = try RawHTTPConnection(port: server.port)

        let get = try connection.request("GET", "/anything?x=1")
        let post = try connection.request("POST", "/else", body: Array("{\"a\":1}".utf8))

        #expect(server.port > 0)
        #expect(get.status == 200)
        #expect(get.text == #"{"status":"ok"}"#)
        #expect(post.status == 200)
        #expect(post.text == #"{"status":"ok"}"#)
    }
}
