import TodoCore

/// Whatever answers chat messages: the offline ``ChatResponder``, or a language model's tool loop
/// that falls back to it. The chat service depends on this, and the composition root picks one.
///
/// Implementations keep nothing between messages, act for `user` only through `tasks`, and name
/// `change` as the cause of every change they make. Calls block.
public protocol ChatAnswering: Sendable {
    func respond(
        to message: String, history: [ConversationTurn], user: User, tasks: TaskService, change: ChangeContext
    ) throws -> ChatResponse
}

/// Which engine wrote a reply.
public enum ChatEngineKind: String, Sendable {
    /// The offline English engine.
    case offline
    /// A language model over an OpenAI-compatible Chat Completions API.
    case model
}
