import TodoCore

/// What the tools act with: the calling user (every tool is scoped to their tasks), the task
/// use cases, and what to name as the cause in the events a change emits.
public struct ToolContext: Sendable {
    public let user: User
    public let tasks: TaskService
    public let change: ChangeContext

    /// The source events name when a caller does not say: the chat service.
    public static let chatSource = "/chat"

    public init(
        user: User, tasks: TaskService,
        change: ChangeContext = ChangeContext(correlationID: nil, source: ToolContext.chatSource)
    ) {
        self.user = user
        self.tasks = tasks
        self.change = change
    }
}
