import TodoCore

/// Middleware composed around a router: the responder that ``HTTPServer`` and
/// ``InProcessClient`` drive.
///
/// The route is resolved before the first middleware runs, so every middleware (the access log,
/// authentication) sees the matched pattern in `request.context.route`; the matched handler
/// runs innermost. The chain of closures is built once, here, not per request.
public struct HTTPPipeline: Sendable {
    public let router: Router
    private let chain: HTTPHandler

    public init(router: Router, middleware: [any HTTPMiddleware]) {
        self.router = router
        var next: HTTPHandler = { request in
            guard let endpoint = request.endpoint else {
                throw AppError.internal("request reached the router's endpoint without being resolved")
            }
            return try endpoint(request)
        }
        for step in middleware.reversed() {
            let inner = next
            next = { request in try step.handle(request, next: inner) }
        }
        self.chain = next
    }

    /// Resolves the route and runs the middleware chain.
    public func respond(to request: HTTPRequest) throws -> HTTPResponse {
        var request = request
        router.resolve(&request)
        return try chain(request)
    }

    /// Runs the middleware chain on a request whose route ``Router/resolve(_:)`` already chose
    /// (the server resolves first to learn whether the handler is blocking).
    func respond(resolved request: HTTPRequest) throws -> HTTPResponse {
        try chain(request)
    }

    /// The pipeline as a handler, to pass to ``HTTPServer`` or ``InProcessClient``.
    public var handler: HTTPHandler {
        { request in try self.respond(to: request) }
    }

    /// The standard stack, outermost first: the client address behind `proxies`, request and
    /// correlation ids, request metrics (with `metrics`), access log, CORS, error mapping, body
    /// limit, JSON content type, then `additional` (authentication, rate limits), which therefore
    /// may throw `AppError`s and still get CORS headers and ids on the response, and be counted
    /// with the status the client sees.
    public static func standard(
        router: Router, cors: CORSPolicy, maxBodyBytes: Int, proxies: TrustedProxies = .none,
        requestIDs: RequestIDGenerator = RequestIDGenerator(), metrics: HTTPMetrics? = nil,
        additional: [any HTTPMiddleware] = []
    ) -> HTTPPipeline {
        var base: [any HTTPMiddleware] = proxies.isEmpty ? [] : [ClientAddressMiddleware(proxies: proxies)]
        base.append(RequestIDMiddleware(generator: requestIDs))
        if let metrics { base.append(HTTPMetricsMiddleware(metrics: metrics)) }
        base += [
            AccessLogMiddleware(),
            CORSMiddleware(policy: cors),
            ErrorMiddleware(),
            BodyLimitMiddleware(maxBytes: maxBodyBytes),
            JSONContentTypeMiddleware(),
        ]
        return HTTPPipeline(router: router, middleware: base + additional)
    }
}
