import Foundation
import TodoCore
import TodoHTTP
import TodoLogging

/// A blocking handler can wait on this until the test lets it go; the test can wait until the
/// handler has started. Replaces sleeps, so tests do not depend on timing.
final class Gate: Sendable {
    private let enteredSignal = DispatchSemaphore(value: 0)
    private let releaseSignal = DispatchSemaphore(value: 0)

    /// Called by the handler: reports that it runs, then blocks until ``release()``.
    func pass() {
        enteredSignal.signal()
        _ = releaseSignal.wait(timeout: .now() + 30)
    }

    func waitUntilEntered() -> Bool {
        enteredSignal.wait(timeout: .now() + 20) == .success
    }

    func release() {
        releaseSignal.signal()
    }
}

/// A real ``HTTPServer`` on 127.0.0.1 with a free port, serving the standard pipeline around a
/// few test routes.
struct TestServer {
    static let maxBodyBytes = 1024

    let server: HTTPServer
    let gate = Gate()

    var port: Int { server.port }

    init(handler: HTTPHandler? = nil) throws {
        let gate = self.gate
        let pipeline = HTTPPipeline.standard(
            router: Self.router(gate: gate), cors: CORSPolicy(allowedOrigins: ["https://app.example.com"]),
            maxBodyBytes: Self.maxBodyBytes)
        let configuration = HTTPServerConfiguration(
            host: "127.0.0.1", port: 0, threads: 2, maxBodyBytes: Self.maxBodyBytes, connectionTimeoutSeconds: 30,
            serviceName: "todo-test")
        server = HTTPServer(
            configuration: configuration, handler: handler ?? pipeline.handler,
            logger: Logger(service: "http-test", sink: NullLogSink()))
        try server.start()
    }

    func connect() throws -> RawHTTPConnection {
        try RawHTTPConnection(port: port)
    }

    func stop() {
        server.shutdown(gracePeriod: .seconds(5))
    }

    static func router(gate: Gate) -> Router {
        var router = Router()
        router.get("/items/{id}") { request in
            var query: [String: JSONValue] = [:]
            for item in request.queryItems {
                query[item.name] = .string(item.value)
            }
            return .json(
                .object([
                    "id": .string(request.pathParameters["id"] ?? ""), "path": .string(request.path),
                    "query": .object(query), "route": .string(request.context.route ?? ""),
                ]))
        }
        router.get("/items/{id}/notes/{note}") { request in
            .json(.object(["note": .string(request.pathParameters["note"] ?? "")]))
        }
        router.post("/echo") { request in
            .json(status: 201, try JSONValue.parse(request.body))
        }
        router.get("/whoami") { request in
            .json(
                .object([
                    "address": .string(request.remoteAddress),
                    "user_agent": .string(request.headers["User-Agent"] ?? ""),
                ]))
        }
        router.get("/redirect") { request in
            let target = request.queryItems.first { $0.name == "to" }?.value ?? "/"
            return HTTPResponse(status: 307, headers: ["Location": target])
        }
        router.get("/bytes/{count}") { request in
            let count = Int(request.pathParameters["count"] ?? "") ?? 0
            return HTTPResponse(
                status: 200, headers: ["Content-Type": "text/plain"], body: Array(repeating: 120, count: count))
        }
        router.get("/delay/{milliseconds}") { request in
            let milliseconds = Int(request.pathParameters["milliseconds"] ?? "") ?? 0
            Thread.sleep(forTimeInterval: Double(milliseconds) / 1000)
            return .json(.object(["delayed": .number(Double(milliseconds))]))
        }
        router.get("/slow") { _ in
            gate.pass()
            return .json(.object(["slow": .bool(true)]))
        }
        return router
    }
}

extension RawHTTPConnection.Response {
    var json: JSONValue? { try? JSONValue.parse(body) }

    var errorCode: String? { json?["error"]?["code"]?.stringValue }
}
