import Foundation
import TodoCore
import TodoCrypto

/// The server side of the opening handshake (RFC 6455 §4.2): checks that a request asks for a
/// WebSocket and computes the `Sec-WebSocket-Accept` answer. Framing is wslay's job; this only
/// decides whether to switch protocols.
public enum WebSocketHandshake {
    /// The only protocol version there is (RFC 6455 §4.1).
    public static let version = "13"
    /// Appended to the client's key before hashing (RFC 6455 §1.3).
    static let acceptGUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"

    /// The client's `Sec-WebSocket-Key` when `request` is a valid opening handshake. Throws an
    /// `AppError` whose response (see ``rejection(_:)``) says what is wrong: `upgrade_required`
    /// (426) for a request that does not ask for a WebSocket or speaks another version,
    /// `invalid_handshake` (400) for a malformed one.
    public static func validate(_ request: HTTPRequest) throws(AppError) -> String {
        guard request.method == .get else {
            throw AppError(
                .methodNotAllowed, code: "method_not_allowed", message: "A WebSocket handshake must be a GET")
        }
        let upgrade = request.headers["Upgrade"].map(tokens) ?? []
        let connection = request.headers.values(for: "Connection").flatMap(tokens)
        guard upgrade.contains("websocket"), connection.contains("upgrade") else {
            throw upgradeRequired("This endpoint speaks WebSocket: send Upgrade: websocket and Connection: Upgrade")
        }
        guard request.headers["Sec-WebSocket-Version"]?.trimmingCharacters(in: .whitespaces) == version else {
            throw upgradeRequired("Only WebSocket version 13 is supported")
        }

        // The key is 16 random bytes in base64 (RFC 6455 §4.1, item 7).
        let key = request.headers["Sec-WebSocket-Key"]?.trimmingCharacters(in: .whitespaces) ?? ""
        guard key.utf8.count == 24, let decoded = Data(base64Encoded: key), decoded.count == 16 else {
            throw AppError.badRequest("Sec-WebSocket-Key must be 16 bytes in base64", code: "invalid_handshake")
        }
        return key
    }

    /// The `Sec-WebSocket-Accept` value for a client key: base64(SHA-1(key + GUID)).
    public static func acceptValue(forKey key: String) throws -> String {
        let digest = try SHA1.digest(Array((key + acceptGUID).utf8))
        return Data(digest).base64EncodedString()
    }

    /// The HTTP answer to a handshake that ``validate(_:)`` refused; a 426 names the version.
    public static func rejection(_ error: AppError) -> HTTPResponse {
        var response = HTTPResponse.error(error)
        if error.code == "upgrade_required" {
            response.status = 426
            response.headers.set("Upgrade", "websocket")
            response.headers.set("Sec-WebSocket-Version", version)
        }
        return response
    }

    private static func upgradeRequired(_ message: String) -> AppError {
        AppError(.badRequest, code: "upgrade_required", message: message)
    }

    /// The comma-separated tokens of a header value, lowercased.
    private static func tokens(_ value: String) -> [String] {
        value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
    }
}
