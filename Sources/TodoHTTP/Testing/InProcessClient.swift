import TodoCore
import TodoLogging

/// Drives an ``HTTPHandler`` (normally an ``HTTPPipeline``) without sockets, for service tests.
///
/// Requests are built exactly as ``HTTPServer`` builds them: the target goes through the same
/// parsing (path and query decoding, ``RequestTarget``), a body gets a `Content-Length` header as
/// a real client would send, errors that escape the handler are mapped by the same code, and a
/// HEAD response loses its body as it would on the wire. Transport limits (the server's body
/// buffer) are not simulated: ``BodyLimitMiddleware`` in the pipeline still applies.
public struct InProcessClient: Sendable {
    private let handler: HTTPHandler
    private let logger: Logger
    private let remoteAddress: String

    public init(
        handler: @escaping HTTPHandler, logger: Logger = Logger(service: "in-process", sink: NullLogSink()),
        remoteAddress: String = "127.0.0.1"
    ) {
        self.handler = handler
        self.logger = logger
        self.remoteAddress = remoteAddress
    }

    /// Sends one request; `target` is the path with an optional query, as on the request line.
    public func send(
        _ method: HTTPMethod, _ target: String, headers: [(String, String)] = [], body: [UInt8] = []
    ) -> HTTPResponse {
        var fields = HTTPHeaders(headers)
        if !body.isEmpty && !fields.contains("Content-Length") {
            fields.add("Content-Length", String(body.count))
        }
        let request = HTTPRequest(
            method: method, target: target, headers: fields, body: body, remoteAddress: remoteAddress, logger: logger)

        var response = HandlerInvocation.respond(handler, to: request)
        if method == .head {
            response.body = []
        }
        return response
    }

    /// Sends `json` serialized as the body with `Content-Type: application/json` (unless
    /// `headers` name another content type).
    public func send(
        _ method: HTTPMethod, _ target: String, headers: [(String, String)] = [], json: JSONValue
    ) -> HTTPResponse {
        var fields = headers
        if !fields.contains(where: { HTTPHeaders.namesEqual($0.0, "Content-Type") }) {
            fields.append(("Content-Type", "application/json"))
        }
        return send(method, target, headers: fields, body: json.serialized())
    }
}

extension HTTPResponse {
    /// The body parsed as JSON; throws `AppError` (`invalid_json`-style) when it is not JSON.
    public func jsonBody() throws -> JSONValue {
        try JSONValue.parse(body)
    }
}
