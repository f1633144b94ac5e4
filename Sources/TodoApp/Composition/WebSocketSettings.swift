import TodoConfig

/// The settings of the WebSocket sync service (`websocket.*`).
public struct WebSocketSettings: Sendable {
    /// Empty means `<host name>-<port>` (see ``Composition``).
    public var replicaID: String
    public var maxConnections: Int
    public var reactorThreads: Int
    public var pingIntervalSeconds: Int
    public var pongTimeoutSeconds: Int
    public var maxQueuedMessages: Int
    public var maxQueuedBytes: Int
    /// libmicrohttpd's memory pool per connection, which it keeps until an upgraded socket closes.
    public var connectionMemoryBytes: Int

    init(resolved config: ResolvedConfig) throws(ConfigError) {
        replicaID = try config.string(.websocketReplicaID)
        maxConnections = try config.int(.websocketMaxConnections)
        reactorThreads = try config.int(.websocketReactorThreads)
        pingIntervalSeconds = try config.int(.websocketPingIntervalSeconds)
        pongTimeoutSeconds = try config.int(.websocketPongTimeoutSeconds)
        maxQueuedMessages = try config.int(.websocketMaxQueuedMessages)
        maxQueuedBytes = try config.int(.websocketMaxQueuedBytes)
        connectionMemoryBytes = try config.int(.websocketConnectionMemoryBytes)
    }
}
