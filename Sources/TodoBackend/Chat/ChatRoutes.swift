import Foundation
import TodoChat
import TodoCore
import TodoHTTP

/// `POST /api/chat` and `/api/conversations*`. Every route acts on the signed-in user's
/// conversations and tasks only; another user's conversation is a 404.
struct ChatRoutes {
    let chat: ChatService
    let auth: Authenticator

    static let defaultLimit = 20
    static let maximumLimit = 100

    func register(on router: inout Router) {
        // Blocking: with a language model one message may wait on it for many seconds, which
        // must not hold up the libmicrohttpd thread that other connections share.
        router.post(
            "/api/chat", blocking: true,
            auth.require { request, user in
                let input = try Self.chatInput(try request.jsonBody())
                let change = ChangeContext(
                    correlationID: request.changeContext.correlationID, source: ToolContext.chatSource)
                let exchange = try chat.send(
                    input.message, conversationID: input.conversationID, user: user, change: change)
                return .json(status: 200, ConversationJSON.exchange(exchange))
            })

        router.get(
            "/api/conversations",
            auth.require { request, user in
                let limit = try Self.limit(request.query("limit"))
                let cursor = try Self.cursor(request.query("cursor"))
                let page = try chat.list(for: user, limit: limit + 1, after: cursor)
                return .json(status: 200, ConversationJSON.page(page, limit: limit))
            })

        router.get(
            "/api/conversations/{id}",
            auth.require { request, user in
                let (conversation, messages) = try chat.get(request.pathParameters["id"] ?? "", for: user)
                return .json(status: 200, ConversationJSON.conversation(conversation, messages: messages))
            })

        router.delete(
            "/api/conversations/{id}",
            auth.require { request, user in
                try chat.delete(request.pathParameters["id"] ?? "", for: user)
                return .noContent
            })
    }

    /// `{"message": string, "conversation_id"?: string | null}`; other fields are `unknown_field`,
    /// as on every other route.
    static func chatInput(_ body: JSONValue) throws -> (message: String, conversationID: String?) {
        var problems = ValidationErrors()
        problems.addUnknownFields(of: try ValidationErrors.object(body), known: ["message", "conversation_id"])
        let message = body["message"]?.stringValue
        if message == nil { problems.add("message", code: "required", "message is required and must be a string") }

        var conversationID: String?
        switch body["conversation_id"] {
        case nil, .null?: break
        case .string(let id)? where !id.isEmpty: conversationID = id
        default: problems.add("conversation_id", code: "invalid_value", "conversation_id must be a string or null")
        }
        try problems.throwIfAny()
        return (message ?? "", conversationID)
    }

    private static func limit(_ text: String?) throws -> Int {
        guard let text else { return defaultLimit }
        guard let limit = Int(text), (1...maximumLimit).contains(limit) else {
            var problems = ValidationErrors()
            problems.add("limit", code: "out_of_range", "limit must be between 1 and \(maximumLimit)")
            throw problems.asError()
        }
        return limit
    }

    private static func cursor(_ text: String?) throws -> ConversationCursor? {
        guard let text else { return nil }
        guard let cursor = ConversationCursor(token: text) else {
            throw AppError.badRequest("The cursor is not one this API handed out", code: "invalid_cursor")
        }
        return cursor
    }
}
