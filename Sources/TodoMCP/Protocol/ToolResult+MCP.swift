import TodoChat
import TodoCore

extension ToolResult {
    /// The MCP `CallToolResult`: the JSON as a text block (for clients that read only text) and
    /// as `structuredContent`, with `isError` set for failures. A failure's text is its message,
    /// with each refused field, so a person or model can act on it without parsing JSON.
    var mcpResult: JSONValue {
        let text: String
        if isError, let error = value["error"] {
            text = Self.readable(error)
        } else {
            text = String(decoding: value.serialized(), as: UTF8.self)
        }
        return .object([
            "content": [["type": "text", "text": .string(text)]],
            "structuredContent": value,
            "isError": .bool(isError),
        ])
    }

    /// `message (code)`, then one `field: message` line per refused field.
    static func readable(_ error: JSONValue) -> String {
        let message = error["message"]?.stringValue ?? "The tool failed"
        var lines = ["\(message) (\(error["code"]?.stringValue ?? "error"))"]
        for field in error["fields"]?.arrayValue ?? [] {
            guard let name = field["field"]?.stringValue, let problem = field["message"]?.stringValue else { continue }
            lines.append("\(name): \(problem)")
        }
        return lines.joined(separator: "\n")
    }
}
