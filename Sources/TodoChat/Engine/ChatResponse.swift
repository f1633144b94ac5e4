import TodoCore

/// What one chat message produced: the reply, the actions taken, and the turn to store so that
/// the next message can refer back to it.
public struct ChatResponse: Sendable, Equatable {
    public var reply: String
    public var actions: [ChatAction]
    public var plan: ChatPlan
    public var turn: ConversationTurn
    /// Which engine answered.
    public var engine: ChatEngineKind
    /// Why a configured language model did not answer fully (`model_timeout`,
    /// `model_http_error`...): with ``engine`` `offline` the offline engine answered instead; with
    /// `model` the model stopped after some actions ran. Nil when nothing went wrong.
    public var engineError: String?

    public init(
        reply: String, actions: [ChatAction], plan: ChatPlan, turn: ConversationTurn,
        engine: ChatEngineKind = .offline, engineError: String? = nil
    ) {
        self.reply = reply
        self.actions = actions
        self.plan = plan
        self.turn = turn
        self.engine = engine
        self.engineError = engineError
    }
}
