/// Settings of the HTTP listener.
public struct HTTPServerConfiguration: Sendable, Equatable {
    /// The address to bind: an IPv4 or IPv6 literal or a host name (`0.0.0.0`, `127.0.0.1`, `::`).
    public var host: String
    /// The TCP port; 0 picks a free one (read it back from ``HTTPServer/port``).
    public var port: Int
    /// Worker threads of libmicrohttpd's internal thread pool; 0 uses one per CPU core.
    public var threads: Int
    /// The largest request body buffered; larger bodies are answered with 413.
    public var maxBodyBytes: Int
    /// The most concurrent connections; further ones are closed at once by libmicrohttpd.
    public var connectionLimit: Int
    /// Idle seconds after which a connection (including a keep-alive one) is closed.
    public var connectionTimeoutSeconds: Int
    /// Per-connection memory of libmicrohttpd; it also bounds the size of the request headers.
    public var connectionMemoryLimitBytes: Int
    /// Sent as the `Server` header.
    public var serviceName: String
    /// Threads of the server's own pool for handlers of routes registered as blocking (they may
    /// wait for long, as on a language model); started on demand, none without such routes.
    public var blockingThreads: Int
    /// Blocking requests that may wait for a free blocking thread; beyond that they are answered
    /// 503 `server_busy` at once.
    public var blockingQueueLength: Int

    public init(
        host: String = "0.0.0.0", port: Int = 8080, threads: Int = 0, maxBodyBytes: Int = 1 << 20,
        connectionLimit: Int = 1024, connectionTimeoutSeconds: Int = 60, connectionMemoryLimitBytes: Int = 64 << 10,
        serviceName: String = "todo-chatbot", blockingThreads: Int = 16, blockingQueueLength: Int = 64
    ) {
        self.host = host
        self.port = port
        self.threads = threads
        self.maxBodyBytes = maxBodyBytes
        self.connectionLimit = connectionLimit
        self.connectionTimeoutSeconds = connectionTimeoutSeconds
        self.connectionMemoryLimitBytes = connectionMemoryLimitBytes
        self.serviceName = serviceName
        self.blockingThreads = blockingThreads
        self.blockingQueueLength = blockingQueueLength
    }

    /// The host and port as `host:port` (`[::1]:8080` for IPv6), for messages.
    public var address: String {
        host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }

    /// Checks the ranges libmicrohttpd accepts.
    func validate() throws(HTTPServerError) {
        func check(_ condition: Bool, _ message: String) throws(HTTPServerError) {
            if !condition { throw HTTPServerError(.invalidConfiguration, message) }
        }
        try check((0...65_535).contains(port), "port \(port) is outside 0...65535")
        try check((0...1024).contains(threads), "threads \(threads) is outside 0...1024")
        try check(maxBodyBytes >= 0, "maxBodyBytes must not be negative")
        try check(
            (1...1_000_000).contains(connectionLimit), "connectionLimit \(connectionLimit) is outside 1...1000000")
        try check(
            (0...86_400).contains(connectionTimeoutSeconds),
            "connectionTimeoutSeconds \(connectionTimeoutSeconds) is outside 0...86400")
        try check(
            (4096...(16 << 20)).contains(connectionMemoryLimitBytes),
            "connectionMemoryLimitBytes \(connectionMemoryLimitBytes) is outside 4 KiB...16 MiB")
        try check((1...1024).contains(blockingThreads), "blockingThreads \(blockingThreads) is outside 1...1024")
        try check(
            (0...100_000).contains(blockingQueueLength),
            "blockingQueueLength \(blockingQueueLength) is outside 0...100000")
    }
}
