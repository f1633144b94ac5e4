/// Replaces ``HTTPRequest/remoteAddress`` with the client's address from `X-Forwarded-For` when
/// the request came through one of `proxies`, so that the access log and the limits counted per
/// address see the user rather than the Ingress. Runs first, before anything reads the address.
public struct ClientAddressMiddleware: HTTPMiddleware {
    public let proxies: TrustedProxies

    public init(proxies: TrustedProxies) {
        self.proxies = proxies
    }

    public func handle(_ request: HTTPRequest, next: HTTPHandler) throws -> HTTPResponse {
        let forwarded = request.headers.values(for: "x-forwarded-for")
        guard !forwarded.isEmpty else { return try next(request) }

        var request = request
        request.remoteAddress = proxies.clientAddress(peer: request.remoteAddress, forwardedFor: forwarded)
        return try next(request)
    }
}
