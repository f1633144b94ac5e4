import TodoCore

/// The last stage's output: what to do about a message.
public struct ChatPlan: Sendable, Equatable {
    public enum Kind: String, Sendable {
        /// Run ``calls`` now; the reply describes their results.
        case act
        /// Ask ``message`` (an ambiguous task, an unclear date) instead of guessing.
        case clarify
        /// Ask ``message`` before running ``calls`` (a destructive or many-task request, or a guess).
        case confirm
        /// Say ``message``; touch nothing.
        case reply
    }

    public var kind: Kind
    public var intent: Intent
    public var calls: [ToolCall]
    /// The question or reply; for `act` the reply is written after the calls ran.
    public var message: String?
    /// What answering the question will do.
    public var pending: PendingAction?
    /// The tasks the message was about or the question offered, in the order shown.
    public var taskIDs: [String]

    public init(
        _ kind: Kind, intent: Intent, calls: [ToolCall] = [], message: String? = nil, pending: PendingAction? = nil,
        taskIDs: [String] = []
    ) {
        self.kind = kind
        self.intent = intent
        self.calls = calls
        self.message = message
        self.pending = pending
        self.taskIDs = taskIDs
    }

    /// A plan that only answers.
    public static func reply(_ message: String, intent: Intent, taskIDs: [String] = []) -> ChatPlan {
        ChatPlan(.reply, intent: intent, message: message, taskIDs: taskIDs)
    }

    /// A plan that asks, optionally keeping what the answer will do.
    public static func clarify(
        _ question: String, intent: Intent, pending: PendingAction? = nil, taskIDs: [String] = []
    ) -> ChatPlan {
        ChatPlan(.clarify, intent: intent, message: question, pending: pending, taskIDs: taskIDs)
    }

    /// The plan as `todo-chatbot chat --dry-run` prints it:
    /// `{"kind", "intent", "calls": [{"tool", "arguments"}], "message", "pending", "task_ids"}`.
    public var json: JSONValue {
        .object([
            "kind": .string(kind.rawValue), "intent": .string(intent.rawValue), "calls": .array(calls.map(\.json)),
            "message": message.map(JSONValue.string) ?? .null, "pending": pending?.json ?? .null,
            "task_ids": .array(taskIDs.map(JSONValue.string)),
        ])
    }
}
