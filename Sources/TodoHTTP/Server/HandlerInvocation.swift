import TodoCore

/// Calling a handler the same way in every transport (the socket server and ``InProcessClient``).
enum HandlerInvocation {
    /// The handler's response; an error that escapes it is answered through ``ErrorRegistry``
    /// (an `AppError` keeps its status and code, anything else becomes a 500 `internal_error`).
    static func respond(_ handler: HTTPHandler, to request: HTTPRequest) -> HTTPResponse {
        do {
            return try handler(request)
        } catch {
            return ErrorRegistry.response(for: error, logger: request.context.logger)
        }
    }

    /// The answer to a request that arrived after shutdown began: it never reached the handler,
    /// so the client may safely send it again (to another instance).
    static let shuttingDown: HTTPResponse = {
        var response = HTTPResponse.error(
            .unavailable("The server is shutting down; send the request again", code: "shutting_down"))
        response.headers.set("Retry-After", "1")
        return response
    }()

    /// The transport's own 413, for a flagged request that the handler did not reject.
    static func payloadTooLarge(limit: Int) -> HTTPResponse {
        HTTPResponse.error(
            AppError(
                .payloadTooLarge, code: "payload_too_large",
                message: "The request body exceeds the limit of \(limit) bytes",
                details: .object(["limit_bytes": .number(Double(limit))])))
    }
}
