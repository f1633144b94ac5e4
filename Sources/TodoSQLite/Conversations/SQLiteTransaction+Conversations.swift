import Foundation
import TodoCore

/// Chat conversations and their messages (see ``ConversationReader`` and ``ConversationWriter``).
extension SQLiteTransaction {
    func conversations(userID: String, limit: Int, after: ConversationCursor?) throws -> [Conversation] {
        var sql = "SELECT \(ConversationColumns.names) FROM conversations WHERE user_id = ?"
        var values: [SQLiteValue] = [.text(userID)]
        if let after {
            sql += " AND (updated_at < ? OR (updated_at = ? AND id < ?))"
            let millis = SQLiteValue.integer(after.updatedAt.millisecondsSince1970)
            values += [millis, millis, .text(after.id)]
        }
        sql += " ORDER BY updated_at DESC, id DESC LIMIT ?"
        values.append(.integer(Int64(limit)))
        return try connection.query(sql, values, step: "list conversations", ConversationColumns.conversation(from:))
    }

    func conversation(id: String, userID: String) throws -> Conversation? {
        try connection.query(
            "SELECT \(ConversationColumns.names) FROM conversations WHERE id = ? AND user_id = ?",
            [.text(id), .text(userID)], step: "load conversation", ConversationColumns.conversation(from:)
        ).first
    }

    func messages(conversationID: String, userID: String, last: Int?) throws -> [ConversationMessage] {
        // The newest `last` are picked in reverse and put back in order here.
        let sql = """
            SELECT \(MessageColumns.qualifiedNames) FROM conversation_messages m \
            JOIN conversations c ON c.id = m.conversation_id \
            WHERE m.conversation_id = ? AND c.user_id = ? ORDER BY m.position DESC LIMIT ?
            """
        let limit = Int64(last ?? Int(Int32.max))
        let newestFirst = try connection.query(
            sql, [.text(conversationID), .text(userID), .integer(limit)], step: "list conversation messages",
            MessageColumns.message(from:))
        return newestFirst.reversed()
    }

    func insert(conversation: Conversation) throws {
        try connection.execute(
            """
            INSERT INTO conversations (id, user_id, title, message_count, created_at, updated_at) \
            VALUES (?, ?, ?, ?, ?, ?)
            """,
            [
                .text(conversation.id), .text(conversation.userID), .text(conversation.title),
                .integer(Int64(conversation.messageCount)), .integer(conversation.createdAt.millisecondsSince1970),
                .integer(conversation.updatedAt.millisecondsSince1970),
            ], step: "insert conversation")
    }

    func update(conversation: Conversation) throws -> Bool {
        let changed = try connection.execute(
            "UPDATE conversations SET title = ?, message_count = ?, updated_at = ? WHERE id = ? AND user_id = ?",
            [
                .text(conversation.title), .integer(Int64(conversation.messageCount)),
                .integer(conversation.updatedAt.millisecondsSince1970), .text(conversation.id),
                .text(conversation.userID),
            ], step: "update conversation")
        return changed == 1
    }

    func insert(message: ConversationMessage) throws {
        let inserted = try connection.execute(
            """
            INSERT INTO conversation_messages (conversation_id, position, id, role, text, turn, actions, created_at) \
            VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (conversation_id, position) DO NOTHING
            """,
            [
                .text(message.conversationID), .integer(Int64(message.position)), .text(message.id),
                .text(message.role.rawValue), .text(message.text), .text(message.turn.map(MessageColumns.text)),
                .text(message.actions.map(MessageColumns.text)), .integer(message.createdAt.millisecondsSince1970),
            ], step: "insert conversation message")
        guard inserted == 1 else {
            throw AppError.conflict(
                "The conversation changed meanwhile; send the message again", code: "message_position_taken")
        }
    }

    func deleteConversation(id: String, userID: String) throws -> Bool {
        // Messages go explicitly too, so the result does not depend on foreign-key enforcement.
        guard try conversation(id: id, userID: userID) != nil else { return false }

        try connection.execute(
            "DELETE FROM conversation_messages WHERE conversation_id = ?", [.text(id)],
            step: "delete conversation messages")
        let deleted = try connection.execute(
            "DELETE FROM conversations WHERE id = ? AND user_id = ?", [.text(id), .text(userID)],
            step: "delete conversation")
        return deleted == 1
    }
}

enum ConversationColumns {
    static let names = "id, user_id, title, message_count, created_at, updated_at"

    static func conversation(from row: SQLiteStatement) -> Conversation {
        Conversation(
            id: row.text(0), userID: row.text(1), title: row.text(2), messageCount: Int(row.int64(3)),
            createdAt: Date(millisecondsSince1970: row.int64(4)), updatedAt: Date(millisecondsSince1970: row.int64(5)))
    }
}

enum MessageColumns {
    static let qualifiedNames =
        "m.conversation_id, m.position, m.id, m.role, m.text, m.turn, m.actions, m.created_at"

    static func text(_ json: JSONValue) -> String {
        String(decoding: json.serialized(), as: UTF8.self)
    }

    /// A stored JSON column; nil when empty or unreadable (the row predates a format change).
    static func json(_ text: String?) -> JSONValue? {
        guard let text, !text.isEmpty else { return nil }
        return try? JSONValue.parse(Array(text.utf8))
    }

    static func message(from row: SQLiteStatement) -> ConversationMessage {
        ConversationMessage(
            id: row.text(2), conversationID: row.text(0), position: Int(row.int64(1)),
            role: ConversationMessage.Role(rawValue: row.text(3)) ?? .assistant, text: row.text(4),
            turn: json(row.optionalText(5)), actions: json(row.optionalText(6)),
            createdAt: Date(millisecondsSince1970: row.int64(7)))
    }
}
