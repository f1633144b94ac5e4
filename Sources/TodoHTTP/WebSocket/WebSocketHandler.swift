/// A complete message received from a peer. Text is valid UTF-8 (wslay checks it and closes
/// with 1007 otherwise).
public enum WebSocketMessage: Sendable, Equatable {
    case text([UInt8])
    case binary([UInt8])
}

/// How a connection ended, as its handler hears it.
public struct WebSocketCloseInfo: Sendable, Equatable {
    /// Who ended it.
    public enum Initiator: Sendable, Equatable {
        /// The peer sent a close frame, broke the protocol (answered with 1002, 1007 or 1009), or
        /// its socket closed or failed.
        case peer
        /// This server closed it: ``WebSocketConnection/close(_:)``, a deadline, shutdown.
        case server
        /// The peer stopped answering pings.
        case heartbeatTimeout
        /// The send queue overflowed (see ``WebSocketConfiguration/maxQueuedMessages``).
        case sendQueueOverflow
    }

    /// The code received from the peer, or the one sent when the server closed first;
    /// ``WebSocketClose/Code/abnormal`` when the socket ended without a close handshake.
    public var code: WebSocketClose.Code
    public var initiator: Initiator

    public init(code: WebSocketClose.Code, initiator: Initiator) {
        self.code = code
        self.initiator = initiator
    }
}

/// Receives the events of one connection. Every method runs on the connection's reactor thread,
/// one at a time, so it must return quickly and never block (no database or file I/O): hand
/// blocking work to another thread. Sending from inside a callback is fine.
public protocol WebSocketHandler: AnyObject, Sendable {
    /// The connection is registered with its reactor and can send.
    func webSocketDidOpen(_ connection: WebSocketConnection)
    /// A complete message arrived.
    func webSocket(_ connection: WebSocketConnection, didReceive message: WebSocketMessage)
    /// The connection is gone; later sends are dropped. Called exactly once after an open.
    func webSocketDidClose(_ connection: WebSocketConnection, _ info: WebSocketCloseInfo)
}
