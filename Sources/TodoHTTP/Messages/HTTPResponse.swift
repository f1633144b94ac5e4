import TodoCore

/// A complete HTTP response. `Content-Length` is computed by the transport; HEAD responses are
/// sent without their body by the transport as well, so a GET handler serves HEAD unchanged.
public struct HTTPResponse: Sendable {
    public var status: Int
    public var headers: HTTPHeaders
    public var body: [UInt8]

    /// The stable error code when this response carries an error envelope, for the access log.
    var errorCode: String?
    /// Set on a `101 Switching Protocols` response: the transport hands the socket over to it
    /// once the response is sent (see ``switchingProtocols(headers:handoff:)``).
    var upgrade: UpgradeHandoff?

    public init(status: Int, headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
        self.errorCode = nil
        self.upgrade = nil
    }

    /// `101 Switching Protocols` with `headers` (which must include `Upgrade`); after sending it
    /// the transport gives the socket to `handoff`. Transports without sockets (the in-process
    /// client) return the response and never call it.
    public static func switchingProtocols(headers: HTTPHeaders, handoff: UpgradeHandoff) -> HTTPResponse {
        var response = HTTPResponse(status: 101, headers: headers)
        response.upgrade = handoff
        return response
    }

    /// Whether this response hands the connection over to another protocol.
    public var isUpgrade: Bool { upgrade != nil }

    /// The media type of every JSON body this server writes.
    public static let jsonContentType = "application/json; charset=utf-8"

    /// A JSON response from bytes already serialized (for example by `JSONWriter`).
    public static func json(status: Int = 200, _ bytes: [UInt8]) -> HTTPResponse {
        var headers = HTTPHeaders(reservingCapacity: 6)
        headers.add("Content-Type", jsonContentType)
        return HTTPResponse(status: status, headers: headers, body: bytes)
    }

    /// A JSON response serialized from a value (object members in sorted key order).
    public static func json(status: Int = 200, _ value: JSONValue) -> HTTPResponse {
        json(status: status, value.serialized())
    }

    /// 204 with no body.
    public static var noContent: HTTPResponse {
        HTTPResponse(status: 204)
    }

    /// A plain-text response in UTF-8.
    public static func text(status: Int = 200, _ text: String) -> HTTPResponse {
        HTTPResponse(status: status, headers: ["Content-Type": "text/plain; charset=utf-8"], body: Array(text.utf8))
    }

    /// The error envelope `{"error": {"code", "message", "details"?}}` with the status that
    /// ``ErrorRegistry`` assigns to the error's kind. `debugContext` is never included.
    public static func error(_ error: AppError) -> HTTPResponse {
        var writer = JSONWriter(capacity: 128)
        writer.beginObject()
        writer.key("error")
        writer.beginObject()
        writer.key("code")
        writer.string(error.code)
        writer.key("message")
        writer.string(error.message)
        if let details = error.details {
            writer.key("details")
            writer.value(details)
        }
        writer.endObject()
        writer.endObject()

        var response = json(status: ErrorRegistry.status(for: error.kind), writer.bytes)
        if error.kind == .unauthorized {
            response.headers.add("WWW-Authenticate", "Bearer")
        }
        if error.kind == .rateLimited, let seconds = error.details?["retry_after"]?.intValue {
            response.headers.set("Retry-After", String(seconds))
        }
        response.errorCode = error.code
        return response
    }

    /// A copy with one more header field.
    public func withHeader(_ name: String, _ value: String) -> HTTPResponse {
        var copy = self
        copy.headers.add(name, value)
        return copy
    }
}
