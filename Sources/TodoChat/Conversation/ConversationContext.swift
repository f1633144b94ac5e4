/// What earlier turns leave for the next one to resolve against.
public struct ConversationContext: Sendable, Equatable {
    /// Oldest first.
    public var turns: [ConversationTurn]

    public init(turns: [ConversationTurn] = []) {
        self.turns = turns
    }

    /// The question the last reply asked, if it asked one.
    public var pending: PendingAction? { turns.last?.pending }

    /// The tasks the conversation is most recently about: those of the latest turn that had any.
    public var recentTaskIDs: [String] {
        turns.last(where: { !$0.taskIDs.isEmpty })?.taskIDs ?? []
    }

    /// The latest numbered list shown, for "task 3".
    public var lastListing: [String]? {
        turns.last(where: \.listed)?.taskIDs
    }
}
