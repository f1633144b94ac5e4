import TodoCore

/// One exchange of a conversation as it is stored: the user's message, the reply, the tasks the
/// reply was about and any question it left open. The engine keeps no state of its own; the
/// caller passes the earlier turns back in.
public struct ConversationTurn: Sendable, Equatable {
    public var message: String
    public var reply: String
    /// The tasks the reply listed or acted on, in the order shown. "it", "the second one" and
    /// "them" in the next message refer to these.
    public var taskIDs: [String]
    /// Whether ``taskIDs`` were shown as a numbered list, which "task 3" counts in.
    public var listed: Bool
    public var pending: PendingAction?

    public init(
        message: String, reply: String, taskIDs: [String] = [], listed: Bool = false, pending: PendingAction? = nil
    ) {
        self.message = message
        self.reply = reply
        self.taskIDs = taskIDs
        self.listed = listed
        self.pending = pending
    }

    /// `{"message", "reply", "task_ids", "listed", "pending"}`, for storage.
    public var json: JSONValue {
        .object([
            "message": .string(message), "reply": .string(reply), "task_ids": .array(taskIDs.map(JSONValue.string)),
            "listed": .bool(listed), "pending": pending?.json ?? .null,
        ])
    }

    /// Reads what ``json`` wrote; nil when the message or reply is missing.
    public init?(json: JSONValue) {
        guard let message = json["message"]?.stringValue, let reply = json["reply"]?.stringValue else { return nil }
        self.init(
            message: message, reply: reply, taskIDs: json["task_ids"]?.arrayValue?.compactMap(\.stringValue) ?? [],
            listed: json["listed"]?.boolValue ?? false,
            pending: json["pending"].flatMap { $0.isNull ? nil : PendingAction(json: $0) })
    }
}
