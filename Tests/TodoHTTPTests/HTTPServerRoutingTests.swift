import Testing
import TodoCore

@testable import TodoHTTP

@Suite("HTTPServer routing over a real socket")
struct HTTPServerRoutingTests {
    @Test func pathParameters_reachTheHandler() throws {
        let server = try TestServer()
        defer { server.stop() }
        let connection = try server.connect()

        let response = try connection.request("GET", "/items/42")
        #expect(response.status == 200)
        #expect(response.json?["id"] == .string("42"))
        #expect(response.json?["route"] == .string("/items/{id}"))

        let nested = try connection.request("GET", "/items/42/notes/n-7")
        #expect(nested.json?["note"] == .string("n-7"))
    }

    @Test func unknownPath_is404RouteNotFound() throws {
        let server = try TestServer()
        defer { server.stop() }

        let response = try server.connect().request("GET", "/nowhere")

        #expect(response.status == 404)
        #expect(response.errorCode == "route_not_found")
        #expect(response.header("Content-Type") == HTTPResponse.jsonContentType)
    }

    @Test func knownPathWithOtherMethod_is405WithAllow() throws {
        let server = try TestServer()
        defer { server.stop() }

        let response = try server.connect().request("DELETE", "/items/1")

        #expect(response.status == 405)
        #expect(response.errorCode == "method_not_allowed")
        #expect(response.header("Allow") == "GET, HEAD, OPTIONS")
    }

    @Test func pathAndQuery_arePercentDecoded() throws {
        let server = try TestServer()
        defer { server.stop() }

        let response = try server.connect().request("GET", "/items/a%2Fb%20c%C3%A9?q=x+y%26z&empty&tag=%E2%9C%93")

        #expect(response.status == 200)
        #expect(response.json?["id"] == .string("a/b cé"))
        #expect(response.json?["path"] == .string("/items/a/b cé"))
        #expect(response.json?["query"]?["q"] == .string("x y&z"))
        #expect(response.json?["query"]?["empty"] == .string(""))
        #expect(response.json?["query"]?["tag"] == .string("✓"))
    }

    @Test func head_sendsHeadersWithoutBody() throws {
        let server = try TestServer()
        defer { server.stop() }
        let connection = try server.connect()

        let head = try connection.request("HEAD", "/items/9")
        let get = try connection.request("GET", "/items/9")

        #expect(head.status == 200)
        #expect(head.body.isEmpty)
        #expect(head.header("Content-Length") == String(get.body.count))
    }

    @Test func responses_carryServerHeaderAndClientAddress() throws {
        let server = try TestServer()
        defer { server.stop() }

        let response = try server.connect().request("GET", "/whoami")

        #expect(response.header("Server") == "todo-test")
        #expect(response.json?["address"] == .string("127.0.0.1"))
    }
}
