import TodoHTTP

/// Settings of the sync service.
public struct SyncConfiguration: Sendable, Equatable {
    /// Names this replica; its consumer group is `websocket.<replicaID>`, so every replica
    /// receives every update (see docs/websocket.md, "Scale-out").
    public var replicaID: String
    /// Reactor threads, heartbeats and send-queue limits of the WebSocket layer. Its overflow
    /// close is replaced by ``SyncCloseCode/slowConsumer``.
    public var webSocket: WebSocketConfiguration
    /// A resume that would replay more of the user's messages than this gets `refetch` instead;
    /// kept below the send-queue limit so a replay never overflows it.
    public var maxReplayMessages: Int
    /// A resume from further back than this many offsets of the partition (all users' messages)
    /// gets `refetch` without reading them.
    public var maxReplayScan: Int
    /// Threads that read the log for resumes (blocking reads, kept off the reactors).
    public var catchUpThreads: Int

    public init(
        replicaID: String, webSocket: WebSocketConfiguration = WebSocketConfiguration(), maxReplayMessages: Int = 256,
        maxReplayScan: Int = 10_000, catchUpThreads: Int = 2
    ) {
        self.replicaID = replicaID
        self.webSocket = webSocket
        self.webSocket.overflowClose = SyncCloseCode.slowConsumerClose
        self.maxReplayMessages = max(0, min(maxReplayMessages, webSocket.maxQueuedMessages / 2))
        self.maxReplayScan = max(1, maxReplayScan)
        self.catchUpThreads = max(1, catchUpThreads)
    }

    /// The consumer group of this replica.
    public var consumerGroup: String { "websocket.\(replicaID)" }
}
