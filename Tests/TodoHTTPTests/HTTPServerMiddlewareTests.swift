import Testing
import TodoCore

@testable import TodoHTTP

@Suite("HTTPServer with the standard middleware")
struct HTTPServerMiddlewareTests {
    @Test func requestID_isGeneratedAndCorrelationIDEchoed() throws {
        let server = try TestServer()
        defer { server.stop() }
        let connection = try server.connect()

        let offered = try connection.request("GET", "/items/1", headers: [("X-Correlation-ID", "trace-abc.1")])
        let generated = try connection.request("GET", "/items/2")
        let invalid = try connection.request("GET", "/nowhere", headers: [("X-Correlation-ID", "bad value!")])

        #expect(offered.header("X-Correlation-ID") == "trace-abc.1")
        let firstID = try #require(offered.header("X-Request-ID"))
        let secondID = try #require(generated.header("X-Request-ID"))
        #expect(firstID != secondID)
        #expect(generated.header("X-Correlation-ID") == secondID)
        #expect(invalid.status == 404)
        #expect(invalid.header("X-Correlation-ID") == invalid.header("X-Request-ID"))
    }

    @Test func corsPreflight_fromAllowedOrigin_is204() throws {
        let server = try TestServer()
        defer { server.stop() }
        let connection = try server.connect()

        let response = try connection.request(
            "OPTIONS", "/items/1",
            headers: [("Origin", "https://app.example.com"), ("Access-Control-Request-Method", "PATCH")])

        #expect(response.status == 204)
        #expect(response.header("Access-Control-Allow-Origin") == "https://app.example.com")
        #expect(response.header("Access-Control-Allow-Methods")?.contains("PATCH") == true)
        #expect(response.header("Access-Control-Max-Age") == "600")
    }

    @Test func corsPreflight_fromOtherOrigin_is403() throws {
        let server = try TestServer()
        defer { server.stop() }

        let response = try server.connect().request(
            "OPTIONS", "/items/1",
            headers: [("Origin", "https://evil.example"), ("Access-Control-Request-Method", "GET")])

        #expect(response.status == 403)
        #expect(response.errorCode == "cors_origin_not_allowed")
        #expect(response.header("Access-Control-Allow-Origin") == nil)
    }

    @Test func simpleCORSRequest_exposesHeaders() throws {
        let server = try TestServer()
        defer { server.stop() }

        let response = try server.connect().request("GET", "/items/1", headers: [("Origin", "https://app.example.com")])

        #expect(response.status == 200)
        #expect(response.header("Access-Control-Allow-Origin") == "https://app.example.com")
        #expect(response.header("Access-Control-Expose-Headers")?.contains("X-Request-ID") == true)
    }
}
