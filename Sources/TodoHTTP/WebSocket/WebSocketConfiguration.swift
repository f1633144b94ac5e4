/// Settings of a ``WebSocketServer``: its reactor threads, heartbeats, limits and the code a
/// connection is closed with when its send queue overflows.
public struct WebSocketConfiguration: Sendable, Equatable {
    /// Reactor threads; each owns a share of the connections (assigned round-robin).
    public var reactorThreads: Int
    /// A ping is sent after this long without hearing from the peer.
    public var pingInterval: Duration
    /// A peer that answers nothing this long after a ping is considered dead and dropped.
    public var pongTimeout: Duration
    /// After sending a close frame, how long to wait for the peer's before dropping the socket.
    public var closeTimeout: Duration
    /// How often the reactor checks heartbeats and deadlines; the precision of those timers.
    public var tickInterval: Duration
    /// The largest message accepted from a peer; a larger one is answered with close code 1009.
    public var maxMessageBytes: Int
    /// Messages waiting to be written to one connection, beyond which it is closed with
    /// ``overflowClose``.
    public var maxQueuedMessages: Int
    /// Bytes waiting to be written to one connection, beyond which it is closed with
    /// ``overflowClose``.
    public var maxQueuedBytes: Int
    /// SO_SNDBUF of every upgraded socket (the kernel doubles it for its bookkeeping). A fixed
    /// buffer turns off the kernel's autotuning, which on loopback grows it to megabytes and so
    /// would hide a client that stopped reading; nil keeps the kernel's choice.
    public var socketSendBufferBytes: Int?
    /// The close code and reason of a connection whose send queue overflowed.
    public var overflowClose: WebSocketClose
    /// The close code and reason sent to every connection when the server shuts down.
    public var shutdownClose: WebSocketClose

    public init(
        reactorThreads: Int = 1, pingInterval: Duration = .seconds(25), pongTimeout: Duration = .seconds(10),
        closeTimeout: Duration = .seconds(2), tickInterval: Duration = .milliseconds(500),
        maxMessageBytes: Int = 64 << 10, maxQueuedMessages: Int = 512, maxQueuedBytes: Int = 1 << 20,
        socketSendBufferBytes: Int? = 64 << 10,
        overflowClose: WebSocketClose = WebSocketClose(code: .policyViolation, reason: "send_queue_full"),
        shutdownClose: WebSocketClose = WebSocketClose(code: .goingAway, reason: "server_shutdown")
    ) {
        self.reactorThreads = reactorThreads
        self.pingInterval = pingInterval
        self.pongTimeout = pongTimeout
        self.closeTimeout = closeTimeout
        self.tickInterval = tickInterval
        self.maxMessageBytes = maxMessageBytes
        self.maxQueuedMessages = maxQueuedMessages
        self.maxQueuedBytes = maxQueuedBytes
        self.socketSendBufferBytes = socketSendBufferBytes
        self.overflowClose = overflowClose
        self.shutdownClose = shutdownClose
    }

    /// Checks the ranges the reactor relies on.
    func validate() throws(WebSocketError) {
        func check(_ condition: Bool, _ message: String) throws(WebSocketError) {
            if !condition { throw WebSocketError(.invalidConfiguration, message) }
        }
        try check((1...64).contains(reactorThreads), "reactorThreads \(reactorThreads) is outside 1...64")
        try check(pingInterval > .zero && pongTimeout > .zero, "pingInterval and pongTimeout must be positive")
        try check(closeTimeout > .zero, "closeTimeout must be positive")
        try check(
            tickInterval >= .milliseconds(1) && tickInterval <= .seconds(10), "tickInterval is outside 1 ms...10 s")
        try check(maxMessageBytes >= 125, "maxMessageBytes must be at least 125")
        try check(maxQueuedMessages >= 1 && maxQueuedBytes >= 1024, "the send queue limits are too small")
        try check((socketSendBufferBytes ?? 4096) >= 4096, "socketSendBufferBytes must be at least 4096")
    }
}
