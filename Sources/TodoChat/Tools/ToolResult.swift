import TodoCore

/// A tool's outcome as JSON: the structured result, or `{"error": {code, message, fields?}}`.
public struct ToolResult: Sendable, Equatable {
    public let value: JSONValue
    public let isError: Bool
    /// For an internal failure, what went wrong inside (the error's description), so the caller
    /// can log it; never part of ``value``, which goes to clients and models.
    public let diagnostic: String?

    public init(value: JSONValue, isError: Bool, diagnostic: String? = nil) {
        self.value = value
        self.isError = isError
        self.diagnostic = diagnostic
    }

    /// An error result. Only the safe parts of `error` are kept: debug context never leaves,
    /// except into ``diagnostic`` for an internal error.
    public init(error: AppError) {
        var members: [String: JSONValue] = ["code": .string(error.code), "message": .string(error.message)]
        if let fields = error.details?["fields"] { members["fields"] = fields }
        self.init(
            value: .object(["error": .object(members)]), isError: true,
            diagnostic: error.kind == .internal ? error.description : nil)
    }

    /// The error code of an error result.
    public var errorCode: String? {
        value["error"]?["code"]?.stringValue
    }
}
