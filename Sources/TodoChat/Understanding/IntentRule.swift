import TodoCore

/// One way of saying something: a ``WordPattern`` and what its captures mean.
struct IntentRule: Sendable {
    let pattern: WordPattern
    let intent: Intent
    let update: UpdateKind?
    let priority: Priority?
    let remindOnAdd: Bool
    /// The meaning of each capture, in order.
    let slots: [Slot]

    init(
        _ pattern: String, _ intent: Intent, _ slots: [Slot] = [], update: UpdateKind? = nil,
        priority: Priority? = nil, remindOnAdd: Bool = false
    ) {
        self.pattern = WordPattern(pattern)
        self.intent = intent
        self.update = update
        self.priority = priority
        self.remindOnAdd = remindOnAdd
        self.slots = slots
    }

    func match(_ tokens: [Token], whole: [Token]) -> RecognizedIntent? {
        guard let captures = pattern.match(tokens), captures.count == slots.count else { return nil }
        var filled: [Slot: [Token]] = [:]
        for (slot, capture) in zip(slots, captures) { filled[slot] = capture }
        return RecognizedIntent(
            intent: intent, update: update, priority: priority, remindOnAdd: remindOnAdd, slots: filled,
            tokens: whole)
    }
}
