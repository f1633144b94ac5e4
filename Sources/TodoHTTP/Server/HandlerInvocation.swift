import Foundation
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

    /// The answer to a request whose body length cannot be known for sure: `Content-Length`
    /// headers that disagree or are not a number, or one beside `Transfer-Encoding`. Reading past
    /// such a body could run the rest as another request (request smuggling), so the connection
    /// is closed after this answer (RFC 9112 §6.3).
    static let ambiguousLength = HTTPResponse.error(
        .badRequest(
            "Send one Content-Length, a number of bytes, and no Transfer-Encoding beside it",
            code: "invalid_content_length"))

    /// The answer to an HTTP/1.1 request without `Host`, which RFC 9112 §3.2 requires to be 400.
    static let missingHost = HTTPResponse.error(
        .badRequest("An HTTP/1.1 request needs a Host header", code: "missing_host"))

    /// Whether `headers` frame the body unambiguously: every `Content-Length` the same decimal
    /// number (repeated identical values are allowed), and none beside `Transfer-Encoding`.
    static func hasUnambiguousLength(_ headers: HTTPHeaders) -> Bool {
        let values = headers.values(for: "Content-Length")
        guard !values.isEmpty else { return true }
        guard !headers.contains("Transfer-Encoding") else { return false }

        var length: Int?
        for item in values.flatMap({ $0.split(separator: ",", omittingEmptySubsequences: false) }) {
            let digits = item.trimmingCharacters(in: .whitespaces)
            guard !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let value = Int(digits),
                length == nil || length == value
            else { return false }
            length = value
        }
        return true
    }

    /// The transport's own 413, for a flagged request that the handler did not reject.
    static func payloadTooLarge(limit: Int) -> HTTPResponse {
        HTTPResponse.error(
            AppError(
                .payloadTooLarge, code: "payload_too_large",
                message: "The request body exceeds the limit of \(limit) bytes",
                details: .object(["limit_bytes": .number(Double(limit))])))
    }
}
