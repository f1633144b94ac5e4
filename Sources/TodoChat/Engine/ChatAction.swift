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

/// What one chat message produced: the reply, the actions taken, and the turn to store so that
/// the next message can refer back to it.
public struct ChatResponse: Sendable, Equatable {
    public let reply: String
    public let actions: [ChatAction]
    public let plan: ChatPlan
    public let turn: ConversationTurn

    public init(reply: String, actions: [ChatAction], plan: ChatPlan, turn: ConversationTurn) {
        self.reply = reply
        self.actions = actions
        self.plan = plan
        self.turn = turn
    }
}
