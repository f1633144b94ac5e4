import TodoCore

/// A tool's outcome as JSON: the structured result, or `{"error": {code, message, fields?}}`.
public struct ToolResult: Sendable, Equatable {
    public let value: JSONValue
    public let isError: Bool

    public init(value: JSONValue, isError: Bool) {
        self.value = value
        self.isError = isError
    }

    /// An error result. Only the safe parts of `error` are kept: debug context never leaves.
    public init(error: AppError) {
        var members: [String: JSONValue] = ["code": .string(error.code), "message": .string(error.message)]
        if let fields = error.details?["fields"] { members["fields"] = fields }
        self.init(value: .object(["error": .object(members)]), isError: true)
    }

    /// The error code of an error result.
    public var errorCode: String? {
        value["error"]?["code"]?.stringValue
    }
}
