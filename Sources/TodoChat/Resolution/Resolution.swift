import TodoCore

/// Which tasks a reference turned out to mean.
public enum Resolution: Sendable, Equatable {
    case one(TodoTask)
    /// A plural or "all" reference: every task it covers.
    case many([TodoTask])
    /// Several tasks fit a reference meant for one; the user has to pick.
    case ambiguous([TodoTask])
    /// Nothing fits; `phrase` is what the user said, for the reply.
    case notFound(phrase: String)
    /// The message did not say which task, and the conversation does not either.
    case unspecified
}

/// What the task is wanted for, which decides between a pending and a completed match.
public enum ResolutionPurpose: Sendable {
    /// Completing or changing: pending tasks first.
    case pending
    /// Reopening: completed tasks first.
    case completed
}
