import Testing
import TodoCore

@testable import TodoHTTP

@Suite("InProcessClient")
struct InProcessClientTests {
    private let client = InProcessClient(
        handler: HTTPPipeline.standard(
            router: TestServer.router(gate: Gate()), cors: CORSPolicy(allowedOrigins: ["*"]),
            maxBodyBytes: TestServer.maxBodyBytes
        ).handler)

    @Test func target_isParsedLikeTheServerDoes() throws {
        let response = client.send(.get, "/items/a%2Fb%20c?q=x+y%26z")

        #expect(response.status == 200)
        let json = try response.jsonBody()
        #expect(json["id"] == .string("a/b c"))
        #expect(json["path"] == .string("/items/a/b c"))
        #expect(json["query"]?["q"] == .string("x y&z"))
    }

    @Test func jsonConvenience_setsContentType() throws {
        let response = client.send(.post, "/echo", json: .object(["n": .number(3)]))

        #expect(response.status == 201)
        #expect(try response.jsonBody() == .object(["n": .number(3)]))
    }

    @Test func middleware_runsAsOnTheServer() throws {
        let wrongType = client.send(.post, "/echo", headers: [("Content-Type", "text/plain")], body: Array("x".utf8))
        let tooLarge = client.send(.post, "/echo", json: .string(String(repeating: "x", count: 2_000)))
        let missing = client.send(.get, "/missing")

        #expect(wrongType.status == 415)
        #expect(tooLarge.status == 413)
        #expect(missing.status == 404)
        #expect(missing.headers["X-Request-ID"] != nil)
    }

    @Test func head_dropsTheBody() {
        let response = client.send(.head, "/items/1")

        #expect(response.status == 200)
        #expect(response.body.isEmpty)
    }

    @Test func escapingError_becomesInternalError() throws {
        struct Broken: Error {}
        let failing = InProcessClient(handler: { _ in throw Broken() })

        let response = failing.send(.get, "/")

        #expect(response.status == 500)
        #expect(try response.jsonBody()["error"]?["code"] == .string("internal_error"))
    }
}
