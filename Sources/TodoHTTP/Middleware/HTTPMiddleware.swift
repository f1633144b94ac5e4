/// Handles one request synchronously. Handlers run on libmicrohttpd's worker threads, never on
/// Swift's cooperative pool, so blocking database calls are allowed here. One that may wait for
/// long (a remote call) belongs on a route registered with `blocking: true` (see ``Router``).
public typealias HTTPHandler = @Sendable (HTTPRequest) throws -> HTTPResponse

/// A step around request handling: it may change the request, answer on its own, or call `next`
/// and change the response. ``HTTPPipeline`` composes a list of them in order, the first one
/// outermost.
public protocol HTTPMiddleware: Sendable {
    func handle(_ request: HTTPRequest, next: HTTPHandler) throws -> HTTPResponse
}
