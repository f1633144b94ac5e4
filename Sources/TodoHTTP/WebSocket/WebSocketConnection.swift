/// A handle on one open WebSocket, usable from any thread. Every call only posts a command to
/// the connection's reactor (wslay is not thread-safe, so only the reactor touches the framing
/// state) and returns at once; after the connection closed, calls are dropped.
public final class WebSocketConnection: Sendable, Hashable, CustomStringConvertible {
    /// Unique within the server for its lifetime.
    public let id: UInt64
    /// The peer's IP address.
    public let remoteAddress: String
    let reactor: Reactor

    init(id: UInt64, remoteAddress: String, reactor: Reactor) {
        self.id = id
        self.remoteAddress = remoteAddress
        self.reactor = reactor
    }

    /// Queues a text message, which must be valid UTF-8. When the connection's send queue is
    /// full, the message is dropped and the connection closed with the configured overflow code.
    public func send(text bytes: [UInt8]) {
        reactor.post(.send(id, bytes, binary: false))
    }

    /// Queues a binary message, under the same limits as text.
    public func send(binary bytes: [UInt8]) {
        reactor.post(.send(id, bytes, binary: true))
    }

    /// Sends a close frame with `close`, then drops the socket once the peer answered or the
    /// close timeout passed. Messages queued before are sent first.
    public func close(_ close: WebSocketClose) {
        reactor.post(.close(id, close))
    }

    /// Closes the connection with `close` at `deadline` (to the reactor's tick), unless called
    /// again with a later deadline first. The way to end a session when its credentials expire.
    public func close(at deadline: ContinuousClock.Instant, with close: WebSocketClose) {
        reactor.post(.closeAt(id, deadline, close))
    }

    public static func == (lhs: WebSocketConnection, rhs: WebSocketConnection) -> Bool {
        lhs.id == rhs.id
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(id)
    }

    public var description: String { "websocket#\(id)" }
}
