import TodoCore
import TodoLogging

/// The one place that maps failures to HTTP: `AppError.Kind` to a status, and any other error to a
/// generic 500 whose real cause only reaches the log.
public enum ErrorRegistry {
    /// The HTTP status for each kind of failure.
    public static func status(for kind: AppError.Kind) -> Int {
        switch kind {
        case .badRequest: 400
        case .unauthorized: 401
        case .forbidden: 403
        case .notFound: 404
        case .methodNotAllowed: 405
        case .conflict: 409
        case .preconditionFailed: 412
        case .payloadTooLarge: 413
        case .unsupportedMediaType: 415
        case .validation: 422
        case .rateLimited: 429
        case .unavailable: 503
        case .internal: 500
        }
    }

    /// The response for a thrown error. Server-side failures are logged at error level with their
    /// debug context; anything that is not an `AppError` is logged in full and answered with a
    /// generic `internal_error`, so its text never reaches the client.
    public static func response(for error: any Error, logger: Logger) -> HTTPResponse {
        guard let appError = error as? AppError else {
            logger.error(
                "unhandled error", [LogKey.error: String(describing: error), LogKey.errorCode: "internal_error"])
            return .error(.internal("unhandled error"))
        }

        if status(for: appError.kind) >= 500 {
            var extra = [LogKey.errorCode: appError.code]
            extra[LogKey.error] = appError.debugContext ?? appError.message
            logger.error("request failed", extra)
        } else if let context = appError.debugContext {
            logger.debug("request rejected", [LogKey.errorCode: appError.code, LogKey.error: context])
        }
        return .error(appError)
    }
}
