import Foundation

/// One message of a ``Conversation``: what the user wrote, or the assistant's reply with the
/// actions it took and the turn the chat engine resumes from.
public struct ConversationMessage: Sendable, Equatable {
    public enum Role: String, Sendable, CaseIterable {
        case user
        case assistant
    }

    public var id: String
    public var conversationID: String
    /// 0 for the first message; unique within the conversation.
    public var position: Int
    public var role: Role
    public var text: String
    /// The chat engine's stored turn (`ConversationTurn.json`), on assistant messages.
    public var turn: JSONValue?
    /// The tool calls the reply ran, `[{"tool", "arguments", "result"}]`, on assistant messages.
    public var actions: JSONValue?
    public var createdAt: Date

    public init(
        id: String, conversationID: String, position: Int, role: Role, text: String, turn: JSONValue? = nil,
        actions: JSONValue? = nil, createdAt: Date
    ) {
        self.id = id
        self.conversationID = conversationID
        self.position = position
        self.role = role
        self.text = text
        self.turn = turn
        self.actions = actions
        self.createdAt = createdAt
    }
}
