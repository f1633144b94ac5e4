/// An HTTP request method. Methods are case-sensitive tokens (RFC 9110 §9.1); the common ones are
/// provided as constants, any other token is kept as received.
public struct HTTPMethod: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    public static let get = HTTPMethod(rawValue: "GET")
    public static let head = HTTPMethod(rawValue: "HEAD")
    public static let post = HTTPMethod(rawValue: "POST")
    public static let put = HTTPMethod(rawValue: "PUT")
    public static let patch = HTTPMethod(rawValue: "PATCH")
    public static let delete = HTTPMethod(rawValue: "DELETE")
    public static let options = HTTPMethod(rawValue: "OPTIONS")

    public var description: String { rawValue }

    /// The longest token ``shown`` keeps whole; a client may send kilobytes of one.
    public static let maxShownLength = 24

    /// The token cut to ``maxShownLength`` characters with `…` when longer: for logs and error
    /// messages, which would otherwise echo whatever a client sent.
    public var shown: String {
        rawValue.count > Self.maxShownLength ? String(rawValue.prefix(Self.maxShownLength)) + "…" : rawValue
    }

    /// Whether a request with this method normally carries a body whose media type matters.
    public var carriesContent: Bool {
        self == .post || self == .put || self == .patch
    }
}

extension HTTPMethod: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) {
        self.init(rawValue: value)
    }
}
