import TodoCore

/// A JSON-RPC 2.0 error object: the standard codes for protocol problems, a message a developer
/// can act on and, for invalid params, which parameter was wrong.
///
/// Only protocol problems become these. A tool that fails (bad arguments, a task that does not
/// exist) answers with a result whose `isError` is true, so the model or user sees why.
public struct JSONRPCError: Error, Sendable, Equatable {
    public let code: Int
    public let message: String
    public let data: JSONValue?

    public init(code: Int, message: String, data: JSONValue? = nil) {
        self.code = code
        self.message = message
        self.data = data
    }

    public static let parseErrorCode = -32700
    public static let invalidRequestCode = -32600
    public static let methodNotFoundCode = -32601
    public static let invalidParamsCode = -32602
    public static let internalErrorCode = -32603
    /// From the range JSON-RPC leaves to servers: the caller may no longer act (their token
    /// expired or their account is gone). `data.code` holds the stable error code.
    public static let accessRefusedCode = -32001

    /// The message was not JSON.
    public static func parseError(_ message: String = "The message is not valid JSON") -> JSONRPCError {
        JSONRPCError(code: parseErrorCode, message: message)
    }

    /// The JSON is not a request, notification or response, or was sent when it is not allowed.
    public static func invalidRequest(_ message: String) -> JSONRPCError {
        JSONRPCError(code: invalidRequestCode, message: message)
    }

    /// A batch of `count` messages, over `limit`: refused whole, nothing in it is run.
    public static func batchTooLarge(_ count: Int, limit: Int) -> JSONRPCError {
        JSONRPCError(
            code: invalidRequestCode,
            message: "A batch may hold at most \(limit) messages; this one has \(count). Send it in smaller batches",
            data: .object(["maxBatchMessages": .number(Double(limit)), "messages": .number(Double(count))]))
    }

    public static func methodNotFound(_ method: String) -> JSONRPCError {
        JSONRPCError(
            code: methodNotFoundCode, message: "Method not found: \(method)", data: .object(["method": .string(method)])
        )
    }

    /// `params` (or the member `parameter` of it) is missing or has the wrong shape.
    public static func invalidParams(_ message: String, parameter: String? = nil) -> JSONRPCError {
        JSONRPCError(
            code: invalidParamsCode, message: message,
            data: parameter.map { .object(["parameter": .string($0)]) })
    }

    /// The caller may no longer act, for the reason `error` gives (its message and code only).
    public static func accessRefused(_ error: AppError) -> JSONRPCError {
        JSONRPCError(code: accessRefusedCode, message: error.message, data: .object(["code": .string(error.code)]))
    }

    /// Something failed on our side; `message` is safe for the client (no internals).
    public static func internalError(_ message: String = "Internal error") -> JSONRPCError {
        JSONRPCError(code: internalErrorCode, message: message)
    }

    /// The `error` member of a response.
    var json: JSONValue {
        var members: [String: JSONValue] = ["code": .number(Double(code)), "message": .string(message)]
        if let data { members["data"] = data }
        return .object(members)
    }
}
