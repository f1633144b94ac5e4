import TodoLogging

/// A complete HTTP request as handlers see it: the body is fully read before a handler runs.
///
/// The socket server and ``InProcessClient`` both build requests with
/// ``init(method:target:headers:body:remoteAddress:logger:startTime:)``, so target parsing and
/// header lookup cannot differ between the two.
public struct HTTPRequest: Sendable {
    public var method: HTTPMethod
    /// The percent-decoded path, without the query string.
    public var path: String
    /// The query string as received, without the `?`; empty when there is none.
    public var rawQuery: String
    /// The decoded query parameters, in order (`+` is a space).
    public var queryItems: [QueryItem]
    public var headers: HTTPHeaders
    public var body: [UInt8]
    /// The client's IP address as text: the peer's, or behind a trusted proxy the one its
    /// `X-Forwarded-For` names (``ClientAddressMiddleware``). What limits and logs count by.
    public var remoteAddress: String
    /// The address of the socket's other end, which no header changes: what a check of where a
    /// request physically comes from (the Dapr sidecar on loopback) must use.
    public let peerAddress: String
    /// Values of the `{name}` segments of the matched route pattern, percent-decoded.
    public var pathParameters: [String: String]
    public var context: RequestContext

    /// The path before percent-decoding; the router splits this, so that an encoded `/` stays
    /// inside one segment.
    let rawPath: String
    /// Set by the server when the body outgrew its buffer limit and was discarded.
    var bodyLimitExceeded: Bool
    /// The handler chosen by route resolution (see ``HTTPPipeline``).
    var endpoint: HTTPHandler?

    /// Builds a request from a request target (`/path?query`) as it appears on the request line.
    public init(
        method: HTTPMethod, target: String, headers: HTTPHeaders, body: [UInt8] = [], remoteAddress: String,
        logger: Logger, startTime: ContinuousClock.Instant = .now
    ) {
        let (rawPath, rawQuery) = RequestTarget.split(target)
        self.method = method
        self.rawPath = rawPath
        self.path = RequestTarget.percentDecoded(rawPath, plusAsSpace: false)
        self.rawQuery = rawQuery
        self.queryItems = rawQuery.isEmpty ? [] : RequestTarget.queryItems(rawQuery)
        self.headers = headers
        self.body = body
        self.remoteAddress = remoteAddress
        self.peerAddress = remoteAddress
        self.pathParameters = [:]
        self.context = RequestContext(logger: logger, startTime: startTime)
        self.bodyLimitExceeded = false
        self.endpoint = nil
    }

    /// The first value of the named query parameter.
    public func query(_ name: String) -> String? {
        queryItems.first { $0.name == name }?.value
    }

    /// Every value of the named query parameter, in order (`?tag=a&tag=b`).
    public func queryAll(_ name: String) -> [String] {
        queryItems.filter { $0.name == name }.map(\.value)
    }

    /// The `Content-Length` header as a number; nil when absent or not a valid length.
    public var contentLength: Int? {
        guard let text = headers["Content-Length"] else { return nil }
        guard let value = Int(text), value >= 0 else { return nil }
        return value
    }
}

/// One decoded `name=value` pair of a query string; a bare `name` has an empty value.
public struct QueryItem: Sendable, Equatable {
    public var name: String
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}
