import TodoCore

/// What a client may send (docs/websocket.md, "Client messages").
enum ClientMessage: Equatable {
    /// A fresh token for the same user, extending the connection past the old token's expiry.
    case auth(token: String)
    /// An application-level ping; answered with `pong`.
    case ping
    /// A JSON object with a `type` this version does not know; answered with an error.
    case unknown(type: String)

    /// Parses a text message; nil when it is not a JSON object with a string `type` (or `auth`
    /// lacks its token), which closes the connection with ``SyncCloseCode/invalidMessage``.
    static func parse(_ bytes: [UInt8]) -> ClientMessage? {
        guard let value = try? JSONValue.parse(bytes), let type = value["type"]?.stringValue else { return nil }
        switch type {
        case "auth":
            guard let token = value["token"]?.stringValue, !token.isEmpty else { return nil }
            return .auth(token: token)
        case "ping":
            return .ping
        default:
            return .unknown(type: type)
        }
    }
}
