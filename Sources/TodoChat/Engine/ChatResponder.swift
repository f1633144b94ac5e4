import Foundation
import TodoCore
import TodoDateText

/// Answers one chat message for one user: reads their tasks, plans with the ``ChatEngine``, runs
/// the planned calls through the shared ``TaskToolbox`` and writes the reply.
///
/// It keeps nothing between messages. The caller passes the stored earlier turns in and stores
/// the returned ``ChatResponse/turn``; the HTTP API and the terminal chat do exactly that.
/// Calls block on the store, like every ``TaskService`` call.
public struct ChatResponder: ChatAnswering {
    /// At most this many of the user's tasks are read to resolve references against.
    public static let taskLimit = 1000

    private let engine: ChatEngine
    private let toolbox: TaskToolbox
    private let clock: any TimeSource

    /// `clock` decides "now" for reading dates; the tool calls' own timestamps come from the
    /// ``TaskService``'s clock.
    public init(clock: any TimeSource, engine: ChatEngine = ChatEngine(), toolbox: TaskToolbox = TaskToolbox()) {
        self.clock = clock
        self.engine = engine
        self.toolbox = toolbox
    }

    /// `change` is what the events of any change name as its cause (the request's correlation id).
    public func respond(
        to message: String, history: [ConversationTurn], user: User, tasks: TaskService,
        change: ChangeContext = ChangeContext(correlationID: nil, source: ToolContext.chatSource)
    ) throws -> ChatResponse {
        let text = try Self.validated(message)
        let context = PlanningContext(
            now: clock.now, timeZone: user.timeZone, tasks: try snapshot(of: user, in: tasks),
            conversation: ConversationContext(turns: history))

        let plan = engine.plan(text, in: context)
        guard plan.kind == .act else {
            let reply = plan.message ?? ""
            let listed = plan.pending.map { if case .chooseTask = $0 { true } else { false } } ?? false
            let turn = ConversationTurn(
                message: text, reply: reply, taskIDs: plan.taskIDs, listed: listed, pending: plan.pending)
            return ChatResponse(reply: reply, actions: [], plan: plan, turn: turn)
        }

        let toolContext = ToolContext(user: user, tasks: tasks, change: change)
        let actions = plan.calls.map { ChatAction(call: $0, result: toolbox.run($0, in: toolContext)) }
        let reply = ReplyComposer(dates: context.dates).compose(actions)
        let turn = ConversationTurn(message: text, reply: reply.text, taskIDs: reply.taskIDs, listed: reply.listed)
        return ChatResponse(reply: reply.text, actions: actions, plan: plan, turn: turn)
    }

    /// The reply the offline engine writes for `actions` that ran for `user`, with the tasks it
    /// names in the order shown and whether they were a numbered list. A model's loop uses it
    /// for the turn it stores, and for its reply when the model stopped answering midway.
    public func describe(_ actions: [ChatAction], for user: User) -> (text: String, taskIDs: [String], listed: Bool) {
        let reply = ReplyComposer(dates: DateContext(now: clock.now, timeZone: user.timeZone)).compose(actions)
        return (reply.text, reply.taskIDs, reply.listed)
    }

    /// The message trimmed; empty and over-long messages are a 422 with a clear code.
    public static func validated(_ message: String) throws(AppError) -> String {
        let text = message.trimmingCharacters(in: .whitespacesAndNewlines)
        var problems = ValidationErrors()
        if text.isEmpty {
            problems.add("message", code: "empty", "The message is empty")
        } else if text.count > ChatEngine.maximumMessageLength {
            problems.add(
                "message", code: "too_long", "A message has at most \(ChatEngine.maximumMessageLength) characters")
        }
        try problems.throwIfAny()
        return text
    }

    /// The user's tasks as planning sees them: pending ones soonest due first, then the most
    /// recently completed.
    private func snapshot(of user: User, in tasks: TaskService) throws -> [TodoTask] {
        var pending: [TodoTask] = []
        var query = TaskQuery()
        query.status = .pending
        query.limit = TaskQuery.maximumLimit
        repeat {
            let page = try tasks.list(for: user, query: query)
            pending += page.tasks
            query.after = page.next
        } while query.after != nil && pending.count < Self.taskLimit

        var completed = TaskQuery()
        completed.status = .completed
        completed.sort = .updated
        completed.order = .desc
        completed.limit = TaskQuery.maximumLimit
        return pending + (try tasks.list(for: user, query: completed).tasks)
    }
}
