import TodoCore

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
