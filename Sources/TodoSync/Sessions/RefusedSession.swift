import TodoHTTP

/// The handler of a handshake whose token was refused: the socket is upgraded only to be closed
/// at once with a documented code and reason, because a browser cannot read the HTTP status of a
/// failed handshake.
final class RefusedSession: WebSocketHandler {
    let close: WebSocketClose

    init(close: WebSocketClose) {
        self.close = close
    }

    func webSocketDidOpen(_ connection: WebSocketConnection) {
        connection.close(close)
    }

    func webSocket(_ connection: WebSocketConnection, didReceive message: WebSocketMessage) {}

    func webSocketDidClose(_ connection: WebSocketConnection, _ info: WebSocketCloseInfo) {}
}
