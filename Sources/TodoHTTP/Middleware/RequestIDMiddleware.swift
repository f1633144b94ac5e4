import TodoLogging

/// Gives each request an id and a correlation id, puts both into the request's logger and echoes
/// them as `X-Request-ID` and `X-Correlation-ID` on every response, errors included.
///
/// A client's `X-Correlation-ID` is kept when it is 1...128 characters of `[A-Za-z0-9._:-]`;
/// otherwise (absent or invalid) the request id serves as the correlation id.
public struct RequestIDMiddleware: HTTPMiddleware {
    public static let requestIDHeader = "X-Request-ID"
    public static let correlationIDHeader = "X-Correlation-ID"

    private let generator: RequestIDGenerator

    public init(generator: RequestIDGenerator) {
        self.generator = generator
    }

    public func handle(_ request: HTTPRequest, next: HTTPHandler) throws -> HTTPResponse {
        var request = request
        let requestID = generator.next()
        let offered = request.headers[Self.correlationIDHeader]
        let correlationID = offered.flatMap { Self.isValidCorrelationID($0) ? $0 : nil } ?? requestID
        request.context.requestID = requestID
        request.context.correlationID = correlationID
        request.context.logger = request.context.logger
            .with(LogKey.requestID, requestID)
            .with(LogKey.correlationID, correlationID)

        // Inner layers normally map errors themselves; catching here keeps the ids on the response
        // even when a pipeline is composed without ``ErrorMiddleware``.
        var response: HTTPResponse
        do {
            response = try next(request)
        } catch {
            response = ErrorRegistry.response(for: error, logger: request.context.logger)
        }
        response.headers.add(Self.requestIDHeader, requestID)
        response.headers.add(Self.correlationIDHeader, correlationID)
        return response
    }

    /// 1...128 characters, each a letter, digit, `.`, `_`, `:` or `-`.
    public static func isValidCorrelationID(_ value: String) -> Bool {
        let bytes = value.utf8
        guard (1...128).contains(bytes.count) else { return false }
        return bytes.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: ":"),
                UInt8(ascii: "-"):
                true
            default:
                false
            }
        }
    }
}
