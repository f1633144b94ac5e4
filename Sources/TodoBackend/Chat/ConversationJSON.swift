import Foundation
import TodoChat
import TodoCore

/// The JSON shapes of the chat API.
enum ConversationJSON {
    /// `{"conversation_id", "reply", "actions": [{"tool", "arguments", "result"}], "question", "engine",
    /// "engine_error"}`; `question` is the reply when it asks something (which task, when, or a yes),
    /// else null; `engine` is `offline` or `model`, and `engine_error` says why a configured model
    /// did not answer fully (see ``ChatResponse/engineError``).
    static func exchange(_ exchange: ChatService.Exchange) -> JSONValue {
        let response = exchange.response
        let asks = response.plan.kind == .clarify || response.plan.kind == .confirm
        return .object([
            "conversation_id": .string(exchange.conversation.id),
            "reply": .string(response.reply),
            "actions": .array(response.actions.map(\.json)),
            "question": asks ? .string(response.reply) : .null,
            "engine": .string(response.engine.rawValue),
            "engine_error": response.engineError.map(JSONValue.string) ?? .null,
        ])
    }

    /// `{"id", "title", "message_count", "created_at", "updated_at"}`.
    static func summary(_ conversation: Conversation) -> [String: JSONValue] {
        [
            "id": .string(conversation.id),
            "title": .string(conversation.title),
            "message_count": .number(Double(conversation.messageCount)),
            "created_at": .string(RFC3339.format(conversation.createdAt)),
            "updated_at": .string(RFC3339.format(conversation.updatedAt)),
        ]
    }

    /// `{"conversations": [summary], "next_cursor"}` from a page fetched with one extra row.
    static func page(_ page: [Conversation], limit: Int) -> JSONValue {
        let next = page.count > limit ? page[limit - 1] : nil
        return .object([
            "conversations": .array(page.prefix(limit).map { .object(summary($0)) }),
            "next_cursor": next.map { .string(ConversationCursor(updatedAt: $0.updatedAt, id: $0.id).token) } ?? .null,
        ])
    }

    /// The summary with `"messages": [{"id", "role", "text", "actions", "created_at"}]`, oldest first.
    static func conversation(_ conversation: Conversation, messages: [ConversationMessage]) -> JSONValue {
        var object = summary(conversation)
        object["messages"] = .array(
            messages.map { message in
                .object([
                    "id": .string(message.id),
                    "role": .string(message.role.rawValue),
                    "text": .string(message.text),
                    "actions": message.actions ?? .array([]),
                    "created_at": .string(RFC3339.format(message.createdAt)),
                ])
            })
        return .object(object)
    }
}
