import TodoCore

/// A request to run a tool: which one, with what arguments.
public struct ToolCall: Sendable, Equatable {
    public let tool: String
    public let arguments: JSONValue

    public init(tool: String, arguments: JSONValue) {
        self.tool = tool
        self.arguments = arguments
    }

    /// `{"tool": ..., "arguments": {...}}`, the shape dry runs print and conversations store.
    public var json: JSONValue {
        .object(["tool": .string(tool), "arguments": arguments])
    }

    /// Reads the shape ``json`` writes; nil for anything else.
    public init?(json: JSONValue) {
        guard let tool = json["tool"]?.stringValue, let arguments = json["arguments"], arguments.objectValue != nil
        else { return nil }
        self.init(tool: tool, arguments: arguments)
    }
}
