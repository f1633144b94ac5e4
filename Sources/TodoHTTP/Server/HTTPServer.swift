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

    /// Serves a pipeline. Handlers of routes registered as blocking run on a pool of
    /// ``HTTPServerConfiguration/blockingThreads`` threads of the server's own while their
    /// connection is suspended, so they hold up no other connection; the response is sent from
    /// MHD's thread once they return. Without such routes this is `init(configuration:handler:logger:)`.
    public init(configuration: HTTPServerConfiguration, pipeline: HTTPPipeline, logger: Logger) {
        core = ServerCore(
            configuration: configuration, handler: pipeline.handler,
            blocking: BlockingDispatcher(pipeline: pipeline, configuration: configuration), logger: logger)
        daemon = MHDDaemon(configuration: configuration, logger: logger, context: core)
    }

    deinit {
        // A server released without shutdown: MHDDaemon stops the daemon, which must find no
        // connection suspended.
        _ = core.blocking?.suspended.abandonAll()
        core.blocking?.pool.stop()
    }

    /// Binds the address and starts serving; port 0 picks a free port (see ``port``).
    public func start() throws {
        try daemon.start(
            MHDDaemon.Callbacks(
                access: ServerCallbacks.access, completed: ServerCallbacks.completed,
                uriLog: ServerCallbacks.uriLog, suspendResume: core.blocking != nil))
    }

    /// The port actually bound; 0 before ``start()``.
    public var port: Int { daemon.port }

    /// Stops accepting connections, lets requests in progress finish for up to `gracePeriod`
    /// (their responses carry `Connection: close`), then closes every connection. Blocking
    /// handlers count as in progress until their response is sent; one still running when the
    /// grace period ends keeps its thread until it returns, but its connection is closed
    /// unanswered. Returns the requests still in progress when the grace period ended (0 after
    /// a clean drain and on later calls).
    @discardableResult
    public func shutdown(gracePeriod: Duration) -> Int {
        core.draining.store(true, ordering: .sequentiallyConsistent)
        let unfinished = daemon.shutdown(
            gracePeriod: gracePeriod, inFlight: { core.inFlight.load(ordering: .sequentiallyConsistent) },
            beforeStop: { abandonBlockingHandlers() })
        core.blocking?.pool.stop()
        return unfinished
    }

    private func abandonBlockingHandlers() {
        guard let abandoned = core.blocking?.suspended.abandonAll(), abandoned > 0 else { return }
        core.logger.warning(
            "closing connections of blocking handlers still running at shutdown", ["requests": String(abandoned)])
    }
}
