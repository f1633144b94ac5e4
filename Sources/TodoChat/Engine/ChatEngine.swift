import TodoCore

/// The offline English engine: normalize → recognize the intent → extract entities → resolve
/// references → plan. Planning is a pure function of the message and the ``PlanningContext``
/// (time, timezone, the user's tasks, the earlier turns); nothing is stored between calls.
public struct ChatEngine: Sendable {
    /// Messages longer than this are refused before they are read.
    public static let maximumMessageLength = 2000

    public init() {}

    /// What to do about `message`: an answer to the last turn's open question if it is one,
    /// otherwise the plan for what it asks.
    public func plan(_ message: String, in context: PlanningContext) -> ChatPlan {
        let recognized = understand(message)
        if let pending = context.conversation.pending,
            let answer = PendingAnswer(context: context).answer(pending, to: recognized)
        {
            return answer
        }
        return ActionPlanner(context: context).plan(recognized)
    }

    /// The first two stages, for inspection and tests.
    public func understand(_ message: String) -> RecognizedIntent {
        IntentRecognizer().recognize(MessageNormalizer().normalize(message))
    }
}
