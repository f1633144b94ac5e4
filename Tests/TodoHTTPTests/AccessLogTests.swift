import Testing
import TodoCore
import TodoLogging

@testable import TodoHTTP

@Suite("The access log line")
struct AccessLogTests {
    @Test func aMethodTokenKilobytesLong_isLoggedCutShort() throws {
        var router = Router()
        router.get("/items") { _ in .text("items") }
        let sink = MemoryLogSink()
        let pipeline = HTTPPipeline.standard(router: router, cors: CORSPolicy(allowedOrigins: []), maxBodyBytes: 1024)
        let client = InProcessClient(handler: pipeline.handler, logger: Logger(service: "test", sink: sink))

        let long = String(repeating: "BREW", count: 2000)
        #expect(client.send(HTTPMethod(rawValue: long), "/items").status == 405)
        #expect(client.send(.get, "/items").status == 200)

        let methods = sink.records.filter { $0.message == "request handled" }.map { $0.metadata[LogKey.method] }
        #expect(methods == [String(long.prefix(AccessLogMiddleware.maxMethodLength)) + "…", "GET"])
    }
}
