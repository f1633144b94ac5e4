import Testing
import TodoCore

@testable import TodoHTTP

@Suite("HTTPServer request bodies")
struct HTTPServerBodyTests {
    private let jsonType = ("Content-Type", "application/json")

    @Test func jsonBody_isBufferedAndHandled() throws {
        let server = try TestServer()
        defer { server.stop() }

        let body = Array(#"{"title":"milk","done":false}"#.utf8)
        let response = try server.connect().request("POST", "/echo", headers: [jsonType], body: body)

        #expect(response.status == 201)
        #expect(response.json == .object(["title": .string("milk"), "done": .bool(false)]))
    }

    @Test func declaredLengthOverLimit_is413WithoutReadingTheBody() throws {
        let server = try TestServer()
        defer { server.stop() }
        let connection = try server.connect()

        // Only the head is sent: the answer must come without the server waiting for 10 MB.
        try connection.write(
            "POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: 10000000\r\n\r\n")
        let response = try connection.readResponse()

        #expect(response.status == 413)
        #expect(response.errorCode == "payload_too_large")
        #expect(response.header("X-Request-ID") != nil)
        #expect(response.json?["error"]?["details"]?["limit_bytes"] == .number(Double(TestServer.maxBodyBytes)))
    }

    /// Lengths that disagree, or a length beside `Transfer-Encoding`, are refused by this server;
    /// lengths that are not a number libmicrohttpd refuses itself, with its own page (400 or 413).
    @Test(arguments: [
        ("Content-Length: 2\r\nContent-Length: 61", "invalid_content_length"),
        ("Content-Length: 2\r\nTransfer-Encoding: chunked", "invalid_content_length"),
        ("Content-Length: 2, 61", nil), ("Content-Length: 0x2", nil), ("Content-Length: 99999999999999999999", nil),
    ])
    func anAmbiguousBodyLength_isRefusedAndNothingAfterItRuns(framing: String, code: String?) throws {
        let server = try TestServer()
        defer { server.stop() }
        let connection = try server.connect()

        // What follows the first length would be a second request if the server read on.
        try connection.write(
            "POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n\(framing)\r\n\r\n{}"
                + "GET /items/smuggled HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        let response = try connection.readResponse()

        #expect([400, 413].contains(response.status))
        if let code {
            #expect(response.status == 400 && response.errorCode == code)
        }
        #expect(response.header("Connection")?.lowercased() == "close")
        #expect(connection.isClosedByPeer(), "the bytes after the body are never read as a request")
    }

    @Test func anHTTP11RequestWithoutHost_is400_butHTTP10NeedsNone() throws {
        let server = try TestServer()
        defer { server.stop() }

        let bare = try server.connect()
        try bare.write("GET /items/1 HTTP/1.1\r\n\r\n")
        let refused = try bare.readResponse()
        #expect(refused.status == 400)
        #expect(refused.errorCode == "missing_host")

        let old = try server.connect()
        try old.write("GET /items/1 HTTP/1.0\r\n\r\n")
        #expect(try old.readResponse().status == 200)
    }

    @Test func repeatedIdenticalLengths_areOneLength() throws {
        let server = try TestServer()
        defer { server.stop() }
        let connection = try server.connect()

        try connection.write(
            "POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: 2\r\nContent-Length: 2\r\n\r\n{}")
        #expect(try connection.readResponse().status == 201)
    }

    @Test func chunkedBodyOverLimit_is413AndConnectionStaysUsable() throws {
        let server = try TestServer()
        defer { server.stop() }
        let connection = try server.connect()

        var request = "POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        request += "Transfer-Encoding: chunked\r\n\r\n"
        let chunk = String(repeating: "x", count: 512)
        for _ in 0..<8 {
            request += "200\r\n\(chunk)\r\n"
        }
        request += "0\r\n\r\n"
        try connection.write(request)
        let response = try connection.readResponse()

        #expect(response.status == 413)
        #expect(response.errorCode == "payload_too_large")
        let next = try connection.request("GET", "/items/after")
        #expect(next.status == 200)
    }

    @Test func chunkedBodyWithinLimit_isReassembled() throws {
        let server = try TestServer()
        defer { server.stop() }
        let connection = try server.connect()

        try connection.write(
            "POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n6\r\n{\"a\":[\r\n5\r\n1,2]}\r\n0\r\n\r\n")
        let response = try connection.readResponse()

        #expect(response.status == 201)
        #expect(response.json == .object(["a": .array([.number(1), .number(2)])]))
    }

    @Test func nonJSONContentType_is415() throws {
        let server = try TestServer()
        defer { server.stop() }

        let response = try server.connect().request(
            "POST", "/echo", headers: [("Content-Type", "text/plain")], body: Array("hello".utf8))

        #expect(response.status == 415)
        #expect(response.errorCode == "unsupported_media_type")
    }

    @Test func malformedJSON_is400() throws {
        let server = try TestServer()
        defer { server.stop() }

        let response = try server.connect().request(
            "POST", "/echo", headers: [("Content-Type", "application/json; charset=utf-8")], body: Array("{nope".utf8))

        #expect(response.status == 400)
        #expect(response.errorCode == "malformed_json")
    }

    @Test func escapingError_becomes500Envelope() throws {
        struct Broken: Error {}
        let server = try TestServer(handler: { _ in throw Broken() })
        defer { server.stop() }

        let response = try server.connect().request("GET", "/anything")

        #expect(response.status == 500)
        #expect(response.errorCode == "internal_error")
    }

    @Test func flaggedBodyNotRejectedByHandler_isStill413() throws {
        let server = try TestServer(handler: { _ in .json(.object(["accepted": .bool(true)])) })
        defer { server.stop() }

        let body = [UInt8](repeating: UInt8(ascii: "x"), count: TestServer.maxBodyBytes + 1)
        let response = try server.connect().request("POST", "/raw", body: body)

        #expect(response.status == 413)
        #expect(response.errorCode == "payload_too_large")
    }
}
