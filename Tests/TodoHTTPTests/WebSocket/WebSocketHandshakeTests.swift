import Testing
import TodoCore
import TodoLogging
import TodoTestSupport

@testable import TodoHTTP

@Suite("WebSocket opening handshake")
struct WebSocketHandshakeTests {
    private func request(_ headers: [(String, String)], method: HTTPMethod = .get) -> HTTPRequest {
        HTTPRequest(
            method: method, target: "/ws", headers: HTTPHeaders(headers), remoteAddress: "127.0.0.1",
            logger: Logger(service: "test", sink: NullLogSink()))
    }

    /// The code of the AppError `body` throws; nil when it throws nothing.
    private func refusal(_ body: () throws -> String) -> String? {
        do {
            _ = try body()
            return nil
        } catch {
            return (error as? AppError)?.code ?? "not an AppError"
        }
    }

    private let valid: [(String, String)] = [
        ("Upgrade", "websocket"), ("Connection", "keep-alive, Upgrade"), ("Sec-WebSocket-Version", "13"),
        ("Sec-WebSocket-Key", RawWebSocketClient.sampleKey),
    ]

    @Test func acceptValue_matchesTheExampleOfRFC6455() throws {
        #expect(
            try WebSocketHandshake.acceptValue(forKey: "dGhlIHNhbXBsZSBub25jZQ==") == "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=")
    }

    @Test func validRequest_yieldsTheKey_withTokensInAnyCaseAndOrder() throws {
        var headers = valid
        headers[0] = ("Upgrade", "WebSocket")
        #expect(try WebSocketHandshake.validate(request(headers)) == RawWebSocketClient.sampleKey)
    }

    @Test func plainRequest_isAnswered426_namingTheVersion() {
        #expect(
            refusal { try WebSocketHandshake.validate(request([("Connection", "keep-alive")])) } == "upgrade_required")
        let response = WebSocketHandshake.rejection(.init(.badRequest, code: "upgrade_required", message: "x"))
        #expect(response.status == 426)
        #expect(response.headers["Sec-WebSocket-Version"] == "13")
    }

    @Test func otherVersion_isRefusedAsUpgradeRequired() {
        var headers = valid
        headers[2] = ("Sec-WebSocket-Version", "8")
        #expect(refusal { try WebSocketHandshake.validate(request(headers)) } == "upgrade_required")
    }

    @Test func keyThatIsNot16BytesOfBase64_isAnInvalidHandshake() {
        for key in ["", "short", "dGhlIHNhbXBsZSBub25jZQ", "!!!!!!!!!!!!!!!!!!!!!!=="] {
            var headers = valid
            headers[3] = ("Sec-WebSocket-Key", key)
            #expect(refusal { try WebSocketHandshake.validate(request(headers)) } == "invalid_handshake")
        }
    }

    @Test func post_isNotAHandshake() {
        #expect(refusal { try WebSocketHandshake.validate(request(valid, method: .post)) } == "method_not_allowed")
    }
}
