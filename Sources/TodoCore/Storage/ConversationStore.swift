import Foundation

/// Chat conversation queries inside a transaction. Part of ``StoreReader``. Every lookup is
/// scoped by user: another user's conversation is indistinguishable from none.
public protocol ConversationReader {
    /// The user's conversations, most recently updated first (ties: larger id first), at most
    /// `limit`; `after` is where the previous page ended.
    func conversations(userID: String, limit: Int, after: ConversationCursor?) throws -> [Conversation]
    func conversation(id: String, userID: String) throws -> Conversation?
    /// The conversation's messages in position order; with `last`, only the last `last` of them
    /// (still oldest first). Empty for another user's conversation.
    func messages(conversationID: String, userID: String, last: Int?) throws -> [ConversationMessage]
}

/// Chat conversation changes inside a transaction. Part of ``StoreWriter``.
public protocol ConversationWriter {
    func insert(conversation: Conversation) throws
    /// Stores the title, message count and `updatedAt` of the user's conversation; false when
    /// the user has no such conversation.
    func update(conversation: Conversation) throws -> Bool
    /// Throws `conflict` (`message_position_taken`) when the conversation already has a message at
    /// `message.position`: two writers appended at once, and the caller should re-read and retry.
    func insert(message: ConversationMessage) throws
    /// Deletes the conversation with its messages; false when the user has no such conversation.
    func deleteConversation(id: String, userID: String) throws -> Bool
}
