import CMicroHTTPD
import TodoCore

/// Runs the handlers of routes registered as blocking off libmicrohttpd's threads.
///
/// On the connection's MHD thread, in the access handler's last call, the route is resolved (once:
/// the middleware chain then runs on the resolved request). A non-blocking route is answered there
/// as before. For a blocking one the connection is suspended (`MHD_suspend_connection`, allowed
/// only from the access handler) before the work is queued on the ``BlockingPool``, so the worker
/// can never resume a connection that is not suspended yet. When the pool is full the request is
/// answered 503 `server_busy` through the same middleware chain (ids, CORS, access log).
///
/// While suspended, a connection does not time out and MHD does not notice a client that hangs
/// up: the handler runs to its end, then the resumed connection fails to send and MHD closes it
/// and reports the completion as usual, which releases the request state.
final class BlockingDispatcher: Sendable {
    let pipeline: HTTPPipeline
    let pool: BlockingPool
    let suspended = SuspendedRequests()

    /// Nil when the pipeline has no blocking route: such a server keeps the plain path.
    init?(pipeline: HTTPPipeline, configuration: HTTPServerConfiguration) {
        guard !pipeline.router.blockingRoutes.isEmpty else { return nil }
        self.pipeline = pipeline
        self.pool = BlockingPool(
            threads: configuration.blockingThreads, queueLength: configuration.blockingQueueLength,
            name: "http-blocking")
    }

    /// The response to queue now, or nil when the request went to the pool and the connection is
    /// suspended (the response is then queued when MHD calls the access handler after the resume).
    func dispatch(_ request: HTTPRequest, connection: OpaquePointer, state: RequestState) -> HTTPResponse? {
        var request = request
        guard pipeline.router.resolve(&request) else { return run(request) }

        let suspendedRequest = SuspendedRequest(connection: connection)
        state.suspended = suspendedRequest
        MHD_suspend_connection(connection)
        suspended.add(suspendedRequest)

        let resolved = request
        let accepted = pool.submit { [self] in
            suspended.finish(suspendedRequest, with: run(resolved))
        }
        if !accepted {
            request.endpoint = Self.busy
            suspended.finish(suspendedRequest, with: run(request))
        }
        return nil
    }

    /// The middleware chain on a resolved request; errors escaping it go through ``ErrorRegistry``.
    private func run(_ request: HTTPRequest) -> HTTPResponse {
        do {
            return try pipeline.respond(resolved: request)
        } catch {
            return ErrorRegistry.response(for: error, logger: request.context.logger)
        }
    }

    /// The endpoint that replaces a blocking handler when the pool is full. The request never
    /// reached its handler, so it may be sent again.
    private static let busy: HTTPHandler = { _ in
        var response = HTTPResponse.error(
            .unavailable("The server is busy with slow requests; send the request again shortly", code: "server_busy"))
        response.headers.set("Retry-After", "5")
        return response
    }
}
