import TodoCore
import TodoHTTP

/// DNS-rebinding protection for `/mcp`: a request that carries an `Origin` must come from one of
/// the configured CORS origins (`*` allows any). Requests without `Origin` (command-line and
/// desktop clients) pass; the bearer token still guards them.
///
/// The CORS middleware only withholds the response headers from a foreign page; it still runs
/// the request. A page that a rebound DNS name puts on our host would then reach the endpoint,
/// so the endpoint refuses it itself, with 403 `origin_not_allowed`.
struct OriginPolicy: Sendable {
    let allowed: [String]

    func check(_ request: HTTPRequest) throws {
        guard let origin = request.headers["Origin"] else { return }
        guard !allowed.contains(origin), !allowed.contains("*") else { return }
        throw AppError(
            .forbidden, code: "origin_not_allowed", message: "Requests from origin \(origin) are not allowed")
    }
}
