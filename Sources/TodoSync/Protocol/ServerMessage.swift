import Foundation
import TodoCore

/// The messages the server sends besides events (docs/websocket.md). Every message is a JSON
/// object with the protocol version `v` and a `type`.
enum ServerMessage {
    /// The version of the message format; bumped only for incompatible changes.
    static let version = 1

    /// A writer with the object opened and `v` and `type` written.
    static func begin(_ type: String, capacity: Int = 160) -> JSONWriter {
        var json = JSONWriter(capacity: capacity)
        json.beginObject()
        json.key("v")
        json.int(version)
        json.key("type")
        json.string(type)
        return json
    }

    /// Sent once after the replay (if any): everything before `position` (a cursor over every
    /// stream) has been delivered, live messages follow.
    static func ready(
        userID: String, position: SyncCursor, replayed: Int, tokenExpiresAt: Date, heartbeatSeconds: Int
    ) -> [UInt8] {
        var json = begin("ready")
        json.key("user_id")
        json.string(userID)
        json.key("position")
        json.string(position.description)
        json.key("replayed")
        json.int(replayed)
        json.key("token_expires_at")
        json.string(RFC3339.format(tokenExpiresAt))
        json.key("heartbeat_seconds")
        json.int(heartbeatSeconds)
        json.endObject()
        return json.bytes
    }

    /// Sent instead of a replay when the requested position cannot be replayed: the client must
    /// reload its state through the API; live messages follow from `position`.
    static func refetch(reason: String, position: SyncCursor) -> [UInt8] {
        var json = begin("refetch")
        json.key("reason")
        json.string(reason)
        json.key("position")
        json.string(position.description)
        json.endObject()
        return json.bytes
    }

    /// The answer to an accepted `auth` message.
    static func authAccepted(tokenExpiresAt: Date) -> [UInt8] {
        var json = begin("auth.ok")
        json.key("token_expires_at")
        json.string(RFC3339.format(tokenExpiresAt))
        json.endObject()
        return json.bytes
    }

    /// The answer to a client message that was understood but refused; the connection stays open.
    static func error(code: String, message: String) -> [UInt8] {
        var json = begin("error")
        json.key("code")
        json.string(code)
        json.key("message")
        json.string(message)
        json.endObject()
        return json.bytes
    }

    /// The answer to a client's `ping`, for clients (browsers) that cannot send protocol pings.
    static let pong: [UInt8] = {
        var json = begin("pong")
        json.endObject()
        return json.bytes
    }()
}
