/// An error that crosses a layer boundary: a stable machine code, a message that is safe to show a
/// client, optional structured details, and debug context that is only ever logged.
///
/// Every failure that reaches a client is an `AppError`; one registry in TodoHTTP maps its ``Kind``
/// to an HTTP status. The `code` strings are part of the public API and never change meaning.
public struct AppError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The class of failure. It decides the HTTP status; `code` says precisely what happened.
    public enum Kind: String, Sendable, Equatable {
        case badRequest
        case unauthorized
        case forbidden
        case notFound
        case methodNotAllowed
        case conflict
        case preconditionFailed
        case payloadTooLarge
        case unsupportedMediaType
        case validation
        case rateLimited
        case unavailable
        case `internal`
    }

    public var kind: Kind
    public var code: String
    public var message: String
    public var details: JSONValue?
    /// Context for logs only (the failing step, an underlying error). Never sent to a client.
    public var debugContext: String?

    public init(
        _ kind: Kind, code: String, message: String, details: JSONValue? = nil, debugContext: String? = nil
    ) {
        self.kind = kind
        self.code = code
        self.message = message
        self.details = details
        self.debugContext = debugContext
    }

    public var description: String {
        var text = "\(kind.rawValue)/\(code): \(message)"
        if let debugContext { text += " [\(debugContext)]" }
        return text
    }
}

extension AppError {
    public static func notFound(_ what: String, code: String) -> AppError {
        AppError(.notFound, code: code, message: "\(what) not found")
    }

    public static func badRequest(_ message: String, code: String = "bad_request") -> AppError {
        AppError(.badRequest, code: code, message: message)
    }

    public static func unauthorized(_ message: String, code: String = "unauthorized") -> AppError {
        AppError(.unauthorized, code: code, message: message)
    }

    public static func conflict(_ message: String, code: String) -> AppError {
        AppError(.conflict, code: code, message: message)
    }

    /// A failure the client cannot fix; `context` names the failing step for the log.
    public static func `internal`(_ context: String) -> AppError {
        AppError(.internal, code: "internal_error", message: "An internal error occurred", debugContext: context)
    }

    public static func unavailable(_ message: String, code: String, context: String? = nil) -> AppError {
        AppError(.unavailable, code: code, message: message, debugContext: context)
    }
}
