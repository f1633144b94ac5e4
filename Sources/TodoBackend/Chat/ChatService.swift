import Foundation
import TodoChat
import TodoCore

/// The chat use case behind `/api/chat`: loads the conversation's stored turns, lets the
/// ``ChatResponder`` answer (its tool calls change the user's tasks through ``TaskService``), and
/// appends the user's message and the reply to the conversation.
///
/// Nothing is kept in memory between requests. The tool calls commit in their own transactions
/// (``TaskService`` opens one per change, with its events), and the two messages are recorded in
/// one transaction right after; a crash between the two leaves the changes without their messages,
/// never messages claiming changes that did not happen.
public struct ChatService: Sendable {
    /// The stored messages read back for each new one: the last 20 turns.
    public static let historyMessages = 40

    private let store: any Store
    private let tasks: TaskService
    private let clock: any TimeSource
    private let ids: any IDGenerator
    private let limiter: WindowRateLimiter
    private let responder: any ChatAnswering

    /// `responder` answers the messages: the offline ``ChatResponder`` on `clock` when nil.
    public init(
        store: any Store, tasks: TaskService, clock: any TimeSource, ids: any IDGenerator, limiter: WindowRateLimiter,
        responder: (any ChatAnswering)? = nil
    ) {
        self.store = store
        self.tasks = tasks
        self.clock = clock
        self.ids = ids
        self.limiter = limiter
        self.responder = responder ?? ChatResponder(clock: clock)
    }

    /// One exchange: the conversation as stored after it, and what the responder did.
    public struct Exchange: Sendable {
        public let conversation: Conversation
        public let response: ChatResponse
    }

    /// Answers `message` in the user's conversation `conversationID`, or in a new one when nil.
    /// Throws 429 past the user's rate limit, 422 for an empty or over-long message and 404 for a
    /// conversation the user does not have.
    public func send(
        _ message: String, conversationID: String?, user: User, change: ChangeContext
    ) throws -> Exchange {
        try limiter.acquire(user.id, now: clock.now)
        let text = try ChatResponder.validated(message)

        let history = try conversationID.map { id in try turns(of: id, user: user) } ?? []
        let response = try responder.respond(to: text, history: history, user: user, tasks: tasks, change: change)

        let conversation = try store.write { writer in
            try record(response, in: conversationID, user: user, writer: writer)
        }
        return Exchange(conversation: conversation, response: response)
    }

    /// A page of the user's conversations, most recently active first.
    public func list(for user: User, limit: Int, after: ConversationCursor?) throws -> [Conversation] {
        try store.read { try $0.conversations(userID: user.id, limit: limit, after: after) }
    }

    /// The conversation with every message, oldest first.
    public func get(_ id: String, for user: User) throws -> (Conversation, [ConversationMessage]) {
        try store.read { reader in
            guard let conversation = try reader.conversation(id: id, userID: user.id) else {
                throw Self.notFound
            }
            return (conversation, try reader.messages(conversationID: id, userID: user.id, last: nil))
        }
    }

    public func delete(_ id: String, for user: User) throws {
        guard try store.write({ try $0.deleteConversation(id: id, userID: user.id) }) else { throw Self.notFound }
    }

    static let notFound = AppError.notFound("Conversation", code: "conversation_not_found")

    /// The stored turns the engine resumes from, oldest first.
    private func turns(of id: String, user: User) throws -> [ConversationTurn] {
        let messages = try store.read { reader in
            guard try reader.conversation(id: id, userID: user.id) != nil else { throw Self.notFound }
            return try reader.messages(conversationID: id, userID: user.id, last: Self.historyMessages)
        }
        return messages.compactMap { message in message.turn.flatMap(ConversationTurn.init(json:)) }
    }

    /// Appends the message and the reply, creating the conversation when `id` is nil. Positions
    /// come from the count read in this transaction, so a concurrent exchange fails cleanly.
    private func record(
        _ response: ChatResponse, in id: String?, user: User, writer: any StoreWriter
    ) throws -> Conversation {
        let now = clock.now
        var conversation: Conversation
        if let id {
            guard let stored = try writer.conversation(id: id, userID: user.id) else { throw Self.notFound }
            conversation = stored
        } else {
            conversation = Conversation(
                id: ids.next(), userID: user.id, title: Conversation.title(from: response.turn.message),
                createdAt: now, updatedAt: now)
            try writer.insert(conversation: conversation)
        }

        let position = conversation.messageCount
        try writer.insert(
            message: ConversationMessage(
                id: ids.next(), conversationID: conversation.id, position: position, role: .user,
                text: response.turn.message, createdAt: now))
        try writer.insert(
            message: ConversationMessage(
                id: ids.next(), conversationID: conversation.id, position: position + 1, role: .assistant,
                text: response.reply, turn: response.turn.json, actions: .array(response.actions.map(\.json)),
                createdAt: now))

        conversation.messageCount = position + 2
        conversation.updatedAt = now
        _ = try writer.update(conversation: conversation)
        return conversation
    }
}
