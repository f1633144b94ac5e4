import TodoCore

/// A tool call the engine ran, with its result: one element of a chat response's `actions`.
public struct ChatAction: Sendable, Equatable {
    public let call: ToolCall
    public let result: ToolResult

    public init(call: ToolCall, result: ToolResult) {
        self.call = call
        self.result = result
    }

    /// `{"tool", "arguments", "result"}`.
    public var json: JSONValue {
        .object(["tool": .string(call.tool), "arguments": call.arguments, "result": result.value])
    }
}
