import TodoCore

/// The intent of a message and the words each part of it covers.
public struct RecognizedIntent: Sendable, Equatable {
    public var intent: Intent
    public var update: UpdateKind?
    /// A priority the wording itself sets ("prioritize" is high).
    public var priority: Priority?
    /// "remind me to ...": the task added should also remind.
    public var remindOnAdd: Bool
    public var slots: [Slot: [Token]]
    /// The whole message, normalized.
    public var tokens: [Token]

    public init(
        intent: Intent, update: UpdateKind? = nil, priority: Priority? = nil, remindOnAdd: Bool = false,
        slots: [Slot: [Token]] = [:], tokens: [Token]
    ) {
        self.intent = intent
        self.update = update
        self.priority = priority
        self.remindOnAdd = remindOnAdd
        self.slots = slots
        self.tokens = tokens
    }
}
