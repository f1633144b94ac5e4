import Foundation
import TodoCore
import TodoHTTP
import TodoLogging

/// A real ``HTTPServer`` with ONE libmicrohttpd thread and a route registered as blocking, so a
/// test can hold a blocking handler on a ``Gate`` and see what else the server still answers.
struct BlockingTestServer {
    let server: HTTPServer
    let gate = Gate()
    /// Signalled each time a blocking handler returns.
    let handlerReturned = DispatchSemaphore(value: 0)
    let logs = MemoryLogSink()

    var port: Int { server.port }

    init(blockingThreads: Int = 4, blockingQueueLength: Int = 4) throws {
        let pipeline = HTTPPipeline.standard(
            router: Self.router(gate: gate, returned: handlerReturned),
            cors: CORSPolicy(allowedOrigins: ["https://app.example.com"]), maxBodyBytes: 1024)
        let configuration = HTTPServerConfiguration(
            host: "127.0.0.1", port: 0, threads: 1, maxBodyBytes: 1024, connectionTimeoutSeconds: 30,
            serviceName: "todo-test", blockingThreads: blockingThreads, blockingQueueLength: blockingQueueLength)
        server = HTTPServer(
            configuration: configuration, pipeline: pipeline, logger: Logger(service: "http-test", sink: logs))
        try server.start()
    }

    func connect() throws -> RawHTTPConnection {
        try RawHTTPConnection(port: port)
    }

    /// Access-log records of requests to `route`.
    func accessLog(route: String) -> [LogRecord] {
        logs.records.filter { $0.message == "request handled" && $0.metadata[LogKey.route] == route }
    }

    static func router(gate: Gate, returned: DispatchSemaphore) -> Router {
        var router = Router()
        router.get("/items/{id}") { request in
            .json(.object(["id": .string(request.pathParameters["id"] ?? "")]))
        }
        router.post("/slow", blocking: true) { request in
            defer { returned.signal() }
            gate.pass()
            return HTTPResponse.json(status: 201, try JSONValue.parse(request.body)).withHeader("X-Slow", "yes")
        }
        router.post("/slow-failure", blocking: true) { _ in
            throw AppError(.conflict, code: "slow_conflict", message: "The slow handler refused")
        }
        HealthRoutes(service: "http-test", checks: []).register(on: &router)
        return router
    }
}
