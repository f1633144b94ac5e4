import TodoChat
import TodoCore

/// Runs the tool calls of one model message for the authenticated user, and writes the tool
/// messages that answer them. Arguments never choose the user: the ``ToolContext`` does.
///
/// Nothing runs unless its arguments are one complete JSON object: text that does not parse, or
/// that was cut off (`finish_reason: length`), is answered with an error the model can correct.
struct ToolCallRunner {
    let toolbox: TaskToolbox
    let context: ToolContext

    /// What one call produced: the `role: tool` message, and the action when a tool ran.
    struct Outcome {
        let message: JSONValue
        let action: ChatAction?
    }

    func run(_ call: ModelToolCall, truncated: Bool) -> Outcome {
        if truncated {
            return refuse(call, code: "arguments_cut_off", "The arguments were cut off; send the call again, shorter")
        }
        guard let tool = toolbox.tool(named: call.name) else {
            let result = toolbox.run(ToolCall(tool: call.name, arguments: .object([:])), in: context)
            return Outcome(message: ModelMessage.tool(call.id, result: result.value), action: nil)
        }
        guard let text = call.arguments, let arguments = Self.arguments(text) else {
            return refuse(call, code: "invalid_arguments", "The arguments must be one JSON object; nothing was run")
        }

        let result = tool.call(arguments, in: context)
        let action = ChatAction(call: ToolCall(tool: call.name, arguments: arguments), result: result)
        return Outcome(message: ModelMessage.tool(call.id, result: result.value), action: action)
    }

    /// The arguments as an object; an empty string or `null` (which some servers send for no
    /// arguments) is `{}`.
    static func arguments(_ text: String) -> JSONValue? {
        if text.allSatisfy(\.isWhitespace) { return .object([:]) }
        guard let value = try? JSONValue.parse(Array(text.utf8)) else { return nil }
        if value == .null { return .object([:]) }
        return value.objectValue == nil ? nil : value
    }

    private func refuse(_ call: ModelToolCall, code: String, _ message: String) -> Outcome {
        let result = ToolResult(error: AppError(.badRequest, code: code, message: message))
        return Outcome(message: ModelMessage.tool(call.id, result: result.value), action: nil)
    }
}
