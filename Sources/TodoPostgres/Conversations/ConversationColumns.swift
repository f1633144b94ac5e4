import Foundation
import TodoCore

/// The columns of `conversations` and `conversation_messages` in the order the readers take them.
enum ConversationColumns {
    static let names = "id, user_id, title, message_count, created_at, updated_at"
    static let messageNames = "m.conversation_id, m.position, m.id, m.role, m.text, m.turn, m.actions, m.created_at"

    static func conversations(from result: PostgresResult) throws -> [Conversation] {
        try (0..<result.rowCount).map { row in
            Conversation(
                id: result.text(row, 0), userID: result.text(row, 1), title: result.text(row, 2),
                messageCount: Int(try result.int64(row, 3)),
                createdAt: Date(millisecondsSince1970: try result.int64(row, 4)),
                updatedAt: Date(millisecondsSince1970: try result.int64(row, 5)))
        }
    }

    static func messages(from result: PostgresResult) throws -> [ConversationMessage] {
        try (0..<result.rowCount).map { row in
            ConversationMessage(
                id: result.text(row, 2), conversationID: result.text(row, 0), position: Int(try result.int64(row, 1)),
                role: ConversationMessage.Role(rawValue: result.text(row, 3)) ?? .assistant, text: result.text(row, 4),
                turn: json(result.optionalText(row, 5)), actions: json(result.optionalText(row, 6)),
                createdAt: Date(millisecondsSince1970: try result.int64(row, 7)))
        }
    }

    static func text(_ json: JSONValue) -> String {
        String(decoding: json.serialized(), as: UTF8.self)
    }

    /// A stored JSON column; nil when empty or unreadable.
    static func json(_ text: String?) -> JSONValue? {
        guard let text, !text.isEmpty else { return nil }
        return try? JSONValue.parse(Array(text.utf8))
    }
}
