/// Handles one request synchronously. Handlers run on libmicrohttpd's worker threads, never on
/// Swift's cooperative pool, so blocking database calls are allowed here.
public typealias HTTPHandler = @Sendable (HTTPRequest) throws -> HTTPResponse

/// A step around request handling: it may change the request, answer on its own, or call `next`
/// and change the response. ``HTTPPipeline`` composes a list of them in order, the first one
/// outermost.
public protocol HTTPMiddleware: Sendable {
    func handle(_ request: HTTPRequest, next: HTTPHandler) throws -> HTTPResponse
}
