import TodoHTTP
import TodoMetrics

/// The WebSocket sync service's metrics.
enum WebSocketMetrics {
    /// Connections open now, opened and closed (by reason) since start, and messages, from the
    /// WebSocket layer's own atomics.
    static func register(on registry: MetricsRegistry, webSockets stats: WebSocketStats) {
        registry.gauge("todo_websocket_connections", help: "WebSocket connections open now.") {
            [MetricSample(Double(stats.snapshot.open))]
        }
        registry.counter("todo_websocket_connections_opened_total", help: "WebSocket connections opened.") {
            [MetricSample(Double(stats.snapshot.opened))]
        }
        registry.counter(
            "todo_websocket_connections_closed_total",
            help: "WebSocket connections closed, by what ended them: the peer (close frame or socket), the "
                + "server (shutdown, token expiry), a heartbeat timeout, or a send queue overflow (slow client).",
            labels: ["reason"]
        ) {
            stats.snapshot.closed.map { MetricSample([closeReason($0.key)], Double($0.value)) }
        }
        registry.counter(
            "todo_websocket_messages_total",
            help: "WebSocket messages sent (queued to a connection), dropped (not delivered) and received.",
            labels: ["outcome"]
        ) {
            let snapshot = stats.snapshot
            return [
                MetricSample(["sent"], Double(snapshot.messagesSent)),
                MetricSample(["dropped"], Double(snapshot.messagesDropped)),
                MetricSample(["received"], Double(snapshot.messagesReceived)),
            ]
        }
    }

    static func closeReason(_ initiator: WebSocketCloseInfo.Initiator) -> String {
        switch initiator {
        case .peer: "peer"
        case .server: "server"
        case .heartbeatTimeout: "heartbeat_timeout"
        case .sendQueueOverflow: "send_queue_overflow"
        }
    }
}
