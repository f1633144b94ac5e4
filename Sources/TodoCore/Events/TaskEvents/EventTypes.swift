/// The CloudEvents `type` of every event the product emits, by topic. docs/events.md describes
/// each and docs/schemas/events holds its JSON Schema, named after the type.
public enum TaskEventType: String, Sendable, CaseIterable {
    case created = "com.todochatbot.task.created"
    case updated = "com.todochatbot.task.updated"
    case completed = "com.todochatbot.task.completed"
    case reopened = "com.todochatbot.task.reopened"
    case deleted = "com.todochatbot.task.deleted"
}

/// Events on `task-updates`: what a live client needs to refresh one task.
public enum SyncEventType: String, Sendable, CaseIterable {
    /// The task exists with this content now (created, changed, completed or reopened).
    case changed = "com.todochatbot.sync.task.changed"
    /// The task is gone.
    case deleted = "com.todochatbot.sync.task.deleted"
}

/// Events on `reminders`.
public enum ReminderEventType: String, Sendable, CaseIterable {
    /// The task's complete set of pending reminders, replacing any earlier set.
    case scheduled = "com.todochatbot.reminder.scheduled"
    /// The task has no pending reminders any more (completed, deleted, or its reminders removed).
    case cancelled = "com.todochatbot.reminder.cancelled"
}

/// Events on `notifications`.
public enum NotificationEventType: String, Sendable, CaseIterable {
    /// A reminder was delivered in the app.
    case delivered = "com.todochatbot.notification.delivered"
}

/// What caused a change, carried into every event it emits: the correlation id of the request
/// (or of the event a consumer was handling) and the CloudEvents `source` of the emitter.
public struct ChangeContext: Sendable, Equatable {
    public var correlationID: String?
    public var source: String

    public init(correlationID: String?, source: String) {
        self.correlationID = correlationID
        self.source = source
    }

    /// A change made by no request in particular (a command-line tool, the demo data).
    public static let unattributed = ChangeContext(correlationID: nil, source: "/todo-chatbot")
}
