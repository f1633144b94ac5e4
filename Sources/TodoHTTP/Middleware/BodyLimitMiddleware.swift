import TodoCore

/// Rejects bodies over `maxBytes` with 413 `payload_too_large`: from `Content-Length` when the
/// client sent one, else from the body the server buffered (the server stops buffering at its
/// own limit and flags the request, see ``HTTPServerConfiguration/maxBodyBytes``).
public struct BodyLimitMiddleware: HTTPMiddleware {
    public let maxBytes: Int

    public init(maxBytes: Int) {
        self.maxBytes = maxBytes
    }

    public func handle(_ request: HTTPRequest, next: HTTPHandler) throws -> HTTPResponse {
        let declared = request.contentLength ?? 0
        if request.bodyLimitExceeded || declared > maxBytes || request.body.count > maxBytes {
            throw AppError(
                .payloadTooLarge, code: "payload_too_large",
                message: "The request body exceeds the limit of \(maxBytes) bytes",
                details: .object(["limit_bytes": .number(Double(maxBytes))]))
        }
        return try next(request)
    }
}
