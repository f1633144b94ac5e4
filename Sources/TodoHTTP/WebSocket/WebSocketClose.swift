/// A close code and reason, as sent in a close frame (RFC 6455 §5.5.1, §7.4).
public struct WebSocketClose: Sendable, Equatable, CustomStringConvertible {
    /// A close status code: the registered ones (1000–1015), or 3000–4999 for libraries and
    /// applications, which document their own.
    public struct Code: RawRepresentable, Sendable, Hashable {
        public let rawValue: UInt16

        public init(rawValue: UInt16) {
            self.rawValue = rawValue
        }

        public static let normal = Code(rawValue: 1000)
        public static let goingAway = Code(rawValue: 1001)
        public static let protocolError = Code(rawValue: 1002)
        public static let unsupportedData = Code(rawValue: 1003)
        /// Reported when the peer's close frame carried no code; never sent.
        public static let noStatus = Code(rawValue: 1005)
        /// Reported when the connection ended without a close handshake; never sent.
        public static let abnormal = Code(rawValue: 1006)
        public static let invalidPayload = Code(rawValue: 1007)
        public static let policyViolation = Code(rawValue: 1008)
        public static let messageTooBig = Code(rawValue: 1009)
        public static let internalError = Code(rawValue: 1011)
    }

    public var code: Code
    /// At most 123 bytes of UTF-8 (a close frame's payload is limited to 125); longer text is cut.
    public var reason: String

    public init(code: Code, reason: String = "") {
        self.code = code
        self.reason = reason
    }

    /// The reason as it goes on the wire: UTF-8, cut at a character boundary to fit 123 bytes.
    var reasonBytes: [UInt8] {
        var text = Substring(reason)
        while text.utf8.count > 123 { text.removeLast() }
        return Array(text.utf8)
    }

    public var description: String { reason.isEmpty ? "\(code.rawValue)" : "\(code.rawValue) \(reason)" }
}
