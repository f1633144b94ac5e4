import TodoLogging

/// The HTTP/1.1 listener: libmicrohttpd with an epoll thread pool (one worker per core unless
/// configured), keep-alive, and a synchronous ``HTTPHandler`` called on MHD's worker threads once
/// the whole request body has arrived.
///
/// Bodies are buffered up to ``HTTPServerConfiguration/maxBodyBytes``. A larger `Content-Length`
/// is answered at once; a larger chunked body is read to its end without being kept. Either way
/// the handler sees the request flagged and emptied, so ``BodyLimitMiddleware`` answers 413
/// `payload_too_large` with the usual ids and CORS headers. Handlers composed without that
/// middleware must not act on such a request: any answer other than 413 is replaced by the
/// transport's own 413 envelope. Errors escaping the handler go through ``ErrorRegistry``.
public final class HTTPServer: Sendable {
    private let core: ServerCore
    private let daemon: MHDDaemon

    public init(configuration: HTTPServerConfiguration, handler: @escaping HTTPHandler, logger: Logger) {
        core = ServerCore(configuration: configuration, handler: handler, logger: logger)
        daemon = MHDDaemon(configuration: configuration, logger: logger, context: core)
    }

    /// Binds the address and starts serving; port 0 picks a free port (see ``port``).
    public func start() throws {
        try daemon.start(
            MHDDaemon.Callbacks(
                access: ServerCallbacks.access, completed: ServerCallbacks.completed,
                uriLog: ServerCallbacks.uriLog))
    }

    /// The port actually bound; 0 before ``start()``.
    public var port: Int { daemon.port }

    /// Stops accepting connections, lets requests in progress finish for up to `gracePeriod`
    /// (their responses carry `Connection: close`), then closes every connection. Idempotent.
    public func shutdown(gracePeriod: Duration) {
        core.draining.store(true, ordering: .sequentiallyConsistent)
        daemon.shutdown(gracePeriod: gracePeriod) { core.inFlight.load(ordering: .sequentiallyConsistent) }
    }
}
