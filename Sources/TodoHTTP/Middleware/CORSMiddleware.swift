import TodoCore

/// Cross-origin access for browsers. A preflight (`OPTIONS` with `Origin` and
/// `Access-Control-Request-Method`) is answered here: 204 with the allowed methods, headers and
/// max age for an allowed origin, 403 `cors_origin_not_allowed` otherwise. Other responses get
/// `Access-Control-Allow-Origin` and `Access-Control-Expose-Headers` when the origin is allowed;
/// every response carries `Vary: Origin`.
public struct CORSMiddleware: HTTPMiddleware {
    private let policy: CORSPolicy
    private let allowMethods: String
    private let allowHeaders: String
    private let exposeHeaders: String
    private let maxAge: String

    public init(policy: CORSPolicy) {
        self.policy = policy
        allowMethods = policy.allowedMethods.map(\.rawValue).joined(separator: ", ")
        allowHeaders = policy.allowedHeaders.joined(separator: ", ")
        exposeHeaders = policy.exposedHeaders.joined(separator: ", ")
        maxAge = String(policy.maxAgeSeconds)
    }

    public func handle(_ request: HTTPRequest, next: HTTPHandler) throws -> HTTPResponse {
        guard let origin = request.headers["Origin"] else {
            return try next(request).withHeader("Vary", "Origin")
        }

        let allowedOrigin = policy.allowOriginValue(for: origin)
        if request.method == .options && request.headers.contains("Access-Control-Request-Method") {
            return preflight(allowedOrigin: allowedOrigin)
        }

        var response = try next(request)
        response.headers.add("Vary", "Origin")
        if let allowedOrigin {
            response.headers.add("Access-Control-Allow-Origin", allowedOrigin)
            response.headers.add("Access-Control-Expose-Headers", exposeHeaders)
        }
        return response
    }

    private func preflight(allowedOrigin: String?) -> HTTPResponse {
        guard let allowedOrigin else {
            let error = AppError(.forbidden, code: "cors_origin_not_allowed", message: "The origin is not allowed")
            return HTTPResponse.error(error).withHeader("Vary", "Origin")
        }

        var response = HTTPResponse(status: 204)
        response.headers.add("Vary", "Origin")
        response.headers.add("Access-Control-Allow-Origin", allowedOrigin)
        response.headers.add("Access-Control-Allow-Methods", allowMethods)
        response.headers.add("Access-Control-Allow-Headers", allowHeaders)
        response.headers.add("Access-Control-Max-Age", maxAge)
        return response
    }
}
