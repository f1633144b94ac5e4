/// Where the page finds the other services, as `/config.json` tells it, so the same files work
/// on a laptop (separate ports) and behind an ingress (one origin, paths routed to services).
public struct FrontendConfig: Sendable, Equatable {
    /// The backend's base URL without a trailing slash (`http://127.0.0.1:8000`); empty means the
    /// page's own origin.
    public var apiBaseURL: String
    /// The WebSocket sync endpoint (`ws://127.0.0.1:8001/ws`); empty means `/ws` on the page's
    /// own origin.
    public var webSocketURL: String

    public init(apiBaseURL: String, webSocketURL: String) {
        self.apiBaseURL = apiBaseURL.hasSuffix("/") ? String(apiBaseURL.dropLast()) : apiBaseURL
        self.webSocketURL = webSocketURL
    }

    /// The origins the page may connect to besides its own, for the policy's `connect-src`.
    var connectSources: [String] {
        [apiBaseURL, webSocketURL].compactMap(Self.origin(of:))
    }

    /// `scheme://host[:port]` of an absolute URL; nil for an empty or relative one.
    static func origin(of url: String) -> String? {
        guard let schemeEnd = url.range(of: "://") else { return nil }
        let rest = url[schemeEnd.upperBound...]
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        guard !authority.isEmpty else { return nil }
        return String(url[..<schemeEnd.upperBound]) + authority
    }
}
