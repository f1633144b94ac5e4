import Foundation
import TodoCore

/// What the server checks of a request's head before anything reads its body: the rules of
/// RFC 9112 that libmicrohttpd 0.9.75 does not enforce itself.
enum RequestFraming {
    /// The 400 for a head that breaks them, after which the connection must close; nil when the
    /// request may go on. `version` is the request line's (`HTTP/1.1`).
    static func refusal(headers: HTTPHeaders, version: String?) -> HTTPResponse? {
        if !hasUnambiguousLength(headers) { return ambiguousLength }
        // §3.2: an HTTP/1.1 request without Host is answered 400.
        if version == "HTTP/1.1", !headers.contains("Host") { return missingHost }
        return nil
    }

    /// The answer to a request whose body length cannot be known for sure: `Content-Length`
    /// headers that disagree or are not a number, or one beside `Transfer-Encoding`. Reading past
    /// such a body could run the rest as another request (request smuggling), so the connection
    /// is closed after this answer (RFC 9112 §6.3).
    private static let ambiguousLength = HTTPResponse.error(
        .badRequest(
            "Send one Content-Length, a number of bytes, and no Transfer-Encoding beside it",
            code: "invalid_content_length"))

    /// The answer to an HTTP/1.1 request without `Host`, which RFC 9112 §3.2 requires to be 400.
    private static let missingHost = HTTPResponse.error(
        .badRequest("An HTTP/1.1 request needs a Host header", code: "missing_host"))

    /// Whether `headers` frame the body unambiguously: every `Content-Length` the same decimal
    /// number (repeated identical values are allowed), and none beside `Transfer-Encoding`.
    private static func hasUnambiguousLength(_ headers: HTTPHeaders) -> Bool {
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
}
