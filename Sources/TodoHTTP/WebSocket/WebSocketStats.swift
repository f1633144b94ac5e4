import Synchronization

/// Counters of a ``WebSocketServer`` since it started. Updated by its reactors with relaxed
/// atomics; a snapshot is consistent per counter, not across counters.
public final class WebSocketStats: Sendable {
    /// The counters at one moment.
    public struct Snapshot: Sendable, Equatable {
        /// Connections open now.
        public var open: Int
        /// Connections opened since start.
        public var opened: Int
        /// Messages accepted into a connection's send queue.
        public var messagesSent: Int
        /// Messages not delivered: refused because the connection was closing, gone or over its
        /// send-queue limit, or still queued when it closed.
        public var messagesDropped: Int
        /// Messages received from peers.
        public var messagesReceived: Int
        /// Connections closed because their send queue overflowed (slow clients).
        public var sendQueueOverflows: Int
        /// Connections dropped because the peer stopped answering pings.
        public var heartbeatTimeouts: Int
        /// Connections closed since start, by who or what ended them.
        public var closed: [WebSocketCloseInfo.Initiator: Int]
    }

    private let open = Atomic<Int>(0)
    private let opened = Atomic<Int>(0)
    private let sent = Atomic<Int>(0)
    private let dropped = Atomic<Int>(0)
    private let received = Atomic<Int>(0)
    private let overflows = Atomic<Int>(0)
    private let heartbeatTimeouts = Atomic<Int>(0)
    private let closedByPeer = Atomic<Int>(0)
    private let closedByServer = Atomic<Int>(0)
    private let closedByHeartbeat = Atomic<Int>(0)
    private let closedByOverflow = Atomic<Int>(0)

    public init() {}

    public var snapshot: Snapshot {
        Snapshot(
            open: open.load(ordering: .relaxed), opened: opened.load(ordering: .relaxed),
            messagesSent: sent.load(ordering: .relaxed), messagesDropped: dropped.load(ordering: .relaxed),
            messagesReceived: received.load(ordering: .relaxed), sendQueueOverflows: overflows.load(ordering: .relaxed),
            heartbeatTimeouts: heartbeatTimeouts.load(ordering: .relaxed),
            closed: [
                .peer: closedByPeer.load(ordering: .relaxed), .server: closedByServer.load(ordering: .relaxed),
                .heartbeatTimeout: closedByHeartbeat.load(ordering: .relaxed),
                .sendQueueOverflow: closedByOverflow.load(ordering: .relaxed),
            ])
    }

    func connectionOpened() {
        open.add(1, ordering: .relaxed)
        opened.add(1, ordering: .relaxed)
    }

    func connectionClosed(by initiator: WebSocketCloseInfo.Initiator) {
        open.subtract(1, ordering: .relaxed)
        switch initiator {
        case .peer: closedByPeer.add(1, ordering: .relaxed)
        case .server: closedByServer.add(1, ordering: .relaxed)
        case .heartbeatTimeout: closedByHeartbeat.add(1, ordering: .relaxed)
        case .sendQueueOverflow: closedByOverflow.add(1, ordering: .relaxed)
        }
    }

    func messageSent() {
        sent.add(1, ordering: .relaxed)
    }

    func messagesDropped(_ count: Int = 1) {
        if count > 0 { dropped.add(count, ordering: .relaxed) }
    }

    func messageReceived() {
        received.add(1, ordering: .relaxed)
    }

    func sendQueueOverflowed() {
        overflows.add(1, ordering: .relaxed)
    }

    func heartbeatTimedOut() {
        heartbeatTimeouts.add(1, ordering: .relaxed)
    }
}
