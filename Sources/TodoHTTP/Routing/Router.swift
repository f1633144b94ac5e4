import TodoCore

/// Maps method and path to a handler. Patterns are literal segments and `{name}` parameters
/// (`/api/tasks/{id}`); at each segment an exact match is tried before a parameter.
///
/// Register every route before handing the router to an ``HTTPPipeline``; it is a value, so the
/// pipeline keeps an immutable copy. Unknown paths answer 404 `route_not_found`, a known path
/// with another method 405 `method_not_allowed` with `Allow`. HEAD runs the GET handler (the
/// transport drops the body) and a plain OPTIONS answers 204 with `Allow`; CORS preflights are
/// answered earlier by ``CORSMiddleware``.
///
/// A route registered with `blocking: true` declares that its handler may wait for long (a call to
/// a language model): an ``HTTPServer`` serving the pipeline (`init(configuration:pipeline:logger:)`)
/// then runs it on its own blocking pool instead of a libmicrohttpd worker thread, so the other
/// requests on that thread are not held up. Served as a plain handler, or by ``InProcessClient``,
/// it runs inline like any other route.
public struct Router: Sendable {
    /// One registered route, as listed by ``routes``.
    public struct Route: Sendable, Hashable, CustomStringConvertible {
        public let method: HTTPMethod
        public let pattern: String

        public var description: String { "\(method.rawValue) \(pattern)" }
    }

    var root = RouteNode()
    /// Every registered route, in registration order.
    public private(set) var routes: [Route] = []
    /// The routes registered with `blocking: true`, in registration order.
    public private(set) var blockingRoutes: [Route] = []

    public init() {}

    public mutating func get(_ pattern: String, blocking: Bool = false, _ handler: @escaping HTTPHandler) {
        on(.get, pattern, blocking: blocking, handler)
    }

    public mutating func post(_ pattern: String, blocking: Bool = false, _ handler: @escaping HTTPHandler) {
        on(.post, pattern, blocking: blocking, handler)
    }

    public mutating func put(_ pattern: String, blocking: Bool = false, _ handler: @escaping HTTPHandler) {
        on(.put, pattern, blocking: blocking, handler)
    }

    public mutating func patch(_ pattern: String, blocking: Bool = false, _ handler: @escaping HTTPHandler) {
        on(.patch, pattern, blocking: blocking, handler)
    }

    public mutating func delete(_ pattern: String, blocking: Bool = false, _ handler: @escaping HTTPHandler) {
        on(.delete, pattern, blocking: blocking, handler)
    }

    /// Registers a handler; `blocking` marks one that may wait for long (see the type's notes). A
    /// malformed pattern or a second handler for the same method and pattern shape is a
    /// programming error and stops the process.
    public mutating func on(
        _ method: HTTPMethod, _ pattern: String, blocking: Bool = false, _ handler: @escaping HTTPHandler
    ) {
        guard let segments = RoutePattern.parse(pattern) else {
            preconditionFailure("Malformed route pattern '\(pattern)'")
        }

        let endpoint = RouteEndpoint(
            pattern: pattern, parameterNames: segments.compactMap(\.parameterName), blocking: blocking,
            handler: handler)
        root.insert(segments[...], method: method, endpoint: endpoint)
        routes.append(Route(method: method, pattern: pattern))
        if blocking { blockingRoutes.append(Route(method: method, pattern: pattern)) }
    }

    /// Chooses the handler for a request and records the route pattern and path parameters on it.
    /// Returns whether that handler was registered as blocking (never for 404, 405 and OPTIONS).
    @discardableResult
    func resolve(_ request: inout HTTPRequest) -> Bool {
        var values: [String] = []
        guard let segments = RoutePattern.pathSegments(request.rawPath),
            let node = root.match(segments[...], values: &values)
        else {
            request.endpoint = Self.routeNotFound
            return false
        }

        let method = request.method
        guard let endpoint = node.endpoints[method] ?? (method == .head ? node.endpoints[.get] : nil) else {
            request.context.route = node.endpoints.values.first?.pattern
            request.endpoint = Self.answerWithoutHandler(method: method, allow: node.allow)
            return false
        }
        request.context.route = endpoint.pattern
        if !endpoint.parameterNames.isEmpty {
            var parameters: [String: String] = [:]
            parameters.reserveCapacity(values.count)
            for (name, value) in zip(endpoint.parameterNames, values) {
                parameters[name] = value
            }
            request.pathParameters = parameters
        }
        request.endpoint = endpoint.handler
        return endpoint.blocking
    }

    /// 404 `route_not_found`: what a path no route matches gets, and a route that hides itself.
    static let notFound = AppError(.notFound, code: "route_not_found", message: "No route matches the requested path")

    private static let routeNotFound: HTTPHandler = { _ in .error(notFound) }

    private static func answerWithoutHandler(method: HTTPMethod, allow: String) -> HTTPHandler {
        if method == .options {
            return { _ in HTTPResponse(status: 204, headers: ["Allow": allow]) }
        }
        return { request in
            let error = AppError(
                .methodNotAllowed, code: "method_not_allowed",
                message: "Method \(request.method.shown) is not allowed for this path")
            return HTTPResponse.error(error).withHeader("Allow", allow)
        }
    }
}
