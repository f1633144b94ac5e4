import TodoLogging

/// Writes one line per request: method, route pattern, path (never the query string, which can
/// hold tokens), status, duration and client address; the request and correlation ids come
/// from the request's logger. 5xx responses are logged at error level, everything else at info.
/// Headers and bodies are never logged.
public struct AccessLogMiddleware: HTTPMiddleware {
    /// The metadata key of the request path (TodoLogging's `LogKey` has no entry for it yet).
    public static let pathKey = "http.path"
    /// The metadata key of the proxy a forwarded request came through (``HTTPRequest/peerAddress``).
    public static let peerKey = "client.peer"

    public init() {}

    public func handle(_ request: HTTPRequest, next: HTTPHandler) throws -> HTTPResponse {
        let response: HTTPResponse
        do {
            response = try next(request)
        } catch {
            response = ErrorRegistry.response(for: error, logger: request.context.logger)
        }

        let level: Logger.Level = response.status >= 500 ? .error : .info
        let logger = request.context.logger
        guard level >= logger.level else { return response }

        var metadata: [String: String] = [
            LogKey.method: request.method.shown,
            LogKey.route: request.context.route ?? "unmatched",
            Self.pathKey: request.path,
            LogKey.status: String(response.status),
            LogKey.durationMS: Self.milliseconds(since: request.context.startTime),
            LogKey.remoteAddress: request.remoteAddress,
        ]
        if let code = response.errorCode {
            metadata[LogKey.errorCode] = code
        }
        if request.peerAddress != request.remoteAddress {
            metadata[Self.peerKey] = request.peerAddress
        }
        logger.log(level, "request handled", metadata)
        return response
    }

    /// Elapsed time as milliseconds with three decimals, formatted without Foundation.
    static func milliseconds(since start: ContinuousClock.Instant) -> String {
        let elapsed = ContinuousClock.now - start
        let (seconds, attoseconds) = elapsed.components
        let micros = max(0, seconds * 1_000_000 + attoseconds / 1_000_000_000_000)
        let fraction = String(micros % 1000)
        return String(micros / 1000) + "." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }
}
