import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A request to another system, for ``HTTPClient``.
public struct OutboundRequest: Sendable {
    public var method: HTTPMethod
    public var url: String
    public var headers: HTTPHeaders
    public var body: [UInt8]
    /// Seconds until the request gives up, waiting for the connection and for the answer.
    public var timeout: TimeInterval
    /// The most body bytes read (decompressed); a longer answer is
    /// ``HTTPClientError/responseTooLarge(url:limit:)``.
    public var maxResponseBytes: Int

    /// 4 MiB: far more than any answer the product expects, far less than would hurt.
    public static let defaultMaxResponseBytes = 4 << 20

    public init(
        _ method: HTTPMethod, _ url: String, headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = [],
        timeout: TimeInterval = 30, maxResponseBytes: Int = OutboundRequest.defaultMaxResponseBytes
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
        self.maxResponseBytes = maxResponseBytes
    }

    /// URLSession's timeout for a request whose whole exchange may take `timeout` seconds:
    /// Foundation on Linux counts whole seconds (2.9 becomes 2), so it is set above the real
    /// bound, which ``HTTPClient`` keeps itself.
    static func sessionTimeout(for timeout: TimeInterval) -> TimeInterval {
        timeout.rounded(.up) + 1
    }

    /// Only http and https URLs are sent anywhere.
    func urlRequest() throws(HTTPClientError) -> URLRequest {
        guard let parsed = URL(string: url), ["http", "https"].contains(parsed.scheme?.lowercased() ?? ""),
            parsed.host?.isEmpty == false
        else { throw .invalidURL(url.redacted) }

        var request = URLRequest(url: parsed)
        request.httpMethod = method.rawValue
        request.timeoutInterval = Self.sessionTimeout(for: timeout)
        for field in headers { request.addValue(field.value, forHTTPHeaderField: field.name) }
        if !body.isEmpty { request.httpBody = Data(body) }
        return request
    }
}

/// The answer to an ``OutboundRequest``: any status, its header fields and the whole body.
public struct OutboundResponse: Sendable {
    public let status: Int
    public let headers: HTTPHeaders
    public let body: [UInt8]

    public init(status: Int, headers: HTTPHeaders, body: [UInt8]) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    public var isSuccess: Bool { (200..<300).contains(status) }
}

/// Why an ``OutboundRequest`` got no answer. Messages name the URL without its user info or
/// query, which may hold credentials.
public enum HTTPClientError: Error, Equatable, CustomStringConvertible {
    case invalidURL(String)
    case timedOut(url: String, after: TimeInterval)
    case unreachable(url: String, reason: String)
    case responseTooLarge(url: String, limit: Int)

    /// The `reason` of ``unreachable(url:reason:)`` when nothing listens at the address.
    public static let connectionRefused = "connection refused"

    public var description: String {
        switch self {
        case .invalidURL(let url): "'\(url)' is not an http(s) URL"
        case .timedOut(let url, let seconds): "\(url) did not answer within \(String(format: "%g", seconds)) s"
        case .unreachable(let url, let reason): "\(url) could not be reached: \(reason)"
        case .responseTooLarge(let url, let limit): "\(url) answered with more than \(limit) bytes"
        }
    }
}

extension String {
    /// The URL without any `user:password@` and query string, for messages and logs.
    var redacted: String {
        guard var components = URLComponents(string: self) else { return "(unparsable URL)" }
        components.user = nil
        components.password = nil
        components.query = nil
        return components.string ?? "(unparsable URL)"
    }
}
