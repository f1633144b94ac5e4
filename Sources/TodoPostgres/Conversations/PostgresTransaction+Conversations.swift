import Foundation
import TodoCore

/// Chat conversations and their messages (see ``ConversationReader`` and ``ConversationWriter``).
extension PostgresTransaction {
    func conversations(userID: String, limit: Int, after: ConversationCursor?) throws -> [Conversation] {
        var sql = "SELECT \(ConversationColumns.names) FROM conversations WHERE user_id = $1"
        var values: [PostgresValue] = [.text(userID)]
        if let after {
            values += [.integer(after.updatedAt.millisecondsSince1970), .text(after.id)]
            sql += " AND (updated_at < $2 OR (updated_at = $2 AND id < $3))"
        }
        values.append(.integer(Int64(limit)))
        sql += " ORDER BY updated_at DESC, id DESC LIMIT $\(values.count)"
        return try ConversationColumns.conversations(
            from: try connection.execute(sql, values, step: "list conversations"))
    }

    /// Locks the row in write transactions, so that appending messages takes turns.
    func conversation(id: String, userID: String) throws -> Conversation? {
        try ConversationColumns.conversations(
            from: try connection.execute(
                "SELECT \(ConversationColumns.names) FROM conversations WHERE id = $1 AND user_id = $2" + lockClause,
                [.text(id), .text(userID)], step: "load conversation")
        ).first
    }

    func messages(conversationID: String, userID: String, last: Int?) throws -> [ConversationMessage] {
        // The newest `last` are picked in reverse and put back in order here.
        let result = try connection.execute(
            """
            SELECT \(ConversationColumns.messageNames) FROM conversation_messages m \
            JOIN conversations c ON c.id = m.conversation_id \
            WHERE m.conversation_id = $1 AND c.user_id = $2 ORDER BY m.position DESC LIMIT $3
            """,
            [.text(conversationID), .text(userID), .integer(Int64(last ?? Int(Int32.max)))],
            step: "list conversation messages")
        return try ConversationColumns.messages(from: result).reversed()
    }

    func insert(conversation: Conversation) throws {
        try connection.execute(
            """
            INSERT INTO conversations (id, user_id, title, message_count, created_at, updated_at) \
            VALUES ($1, $2, $3, $4, $5, $6)
            """,
            [
                .text(conversation.id), .text(conversation.userID), .text(conversation.title),
                .integer(Int64(conversation.messageCount)), .integer(conversation.createdAt.millisecondsSince1970),
                .integer(conversation.updatedAt.millisecondsSince1970),
            ], step: "insert conversation")
    }

    func update(conversation: Conversation) throws -> Bool {
        try connection.execute(
            "UPDATE conversations SET title = $3, message_count = $4, updated_at = $5 WHERE id = $1 AND user_id = $2",
            [
                .text(conversation.id), .text(conversation.userID), .text(conversation.title),
                .integer(Int64(conversation.messageCount)), .integer(conversation.updatedAt.millisecondsSince1970),
            ], step: "update conversation"
        ).changedRows == 1
    }

    func insert(message: ConversationMessage) throws {
        let inserted = try connection.execute(
            """
            INSERT INTO conversation_messages (conversation_id, position, id, role, text, turn, actions, created_at) \
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (conversation_id, position) DO NOTHING
            """,
            [
                .text(message.conversationID), .integer(Int64(message.position)), .text(message.id),
                .text(message.role.rawValue), .text(message.text), .text(message.turn.map(ConversationColumns.text)),
                .text(message.actions.map(ConversationColumns.text)),
                .integer(message.createdAt.millisecondsSince1970),
            ], step: "insert conversation message")
        guard inserted.changedRows == 1 else {
            throw AppError.conflict(
                "The conversation changed meanwhile; send the message again", code: "message_position_taken")
        }
    }

    func deleteConversation(id: String, userID: String) throws -> Bool {
        // The messages go by the foreign key's cascade.
        try connection.execute(
            "DELETE FROM conversations WHERE id = $1 AND user_id = $2", [.text(id), .text(userID)],
            step: "delete conversation"
        ).changedRows == 1
    }
}
