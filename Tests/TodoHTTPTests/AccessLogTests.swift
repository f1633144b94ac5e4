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
        let refused = client.send(HTTPMethod(rawValue: long), "/items")
        #expect(refused.status == 405)
        #expect(refused.body.count < 300, "the 405 message does not echo the whole token")
        #expect(client.send(.get, "/items").status == 200)

        let methods = sink.records.filter { $0.message == "request handled" }.map { $0.metadata[LogKey.method] }
        #expect(methods == [String(long.prefix(HTTPMethod.maxShownLength)) + "…", "GET"])
    }
}
