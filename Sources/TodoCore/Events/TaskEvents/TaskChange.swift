import Foundation

/// One change to one task: the task before (nil when created) and after (nil when deleted).
public struct TaskChange: Sendable, Equatable {
    public var before: TodoTask?
    public var after: TodoTask?

    public init(before: TodoTask?, after: TodoTask?) {
        self.before = before
        self.after = after
    }

    /// The task as it is after the change, or as it was before a deletion.
    public var task: TodoTask? {
        after ?? before
    }

    /// The `task-events` type of this change. A change that completes or reopens the task is
    /// `completed` or `reopened` even when other fields changed too.
    public var type: TaskEventType {
        guard let before else { return .created }
        guard let after else { return .deleted }

        if after.completed != before.completed { return after.completed ? .completed : .reopened }
        return .updated
    }

    /// The API names of the fields the change set or altered, in a fixed order: for a new task the
    /// fields it sets beyond a blank task's defaults, none for a deletion. `due` also counts a moved
    /// deadline (an all-day task after its owner changed timezone), `recurrence` a task joining or
    /// leaving a series.
    public var changedFields: [String] {
        guard let after else { return [] }

        let base =
            before
            ?? TodoTask(
                id: after.id, ownerID: after.ownerID, title: "", createdAt: after.createdAt, updatedAt: after.createdAt)
        let candidates: [(String, Bool)] = [
            ("title", base.title != after.title),
            ("description", base.description != after.description),
            ("completed", base.completed != after.completed),
            ("priority", base.priority != after.priority),
            ("tags", base.tags != after.tags),
            ("due", base.due != after.due || base.deadline != after.deadline),
            (
                "recurrence",
                base.recurrence != after.recurrence || base.seriesID != after.seriesID
                    || base.occurrence != after.occurrence
            ),
            ("recurrence_mode", base.recurrenceMode != after.recurrenceMode),
            ("reminders", base.reminders != after.reminders),
        ]
        return candidates.filter(\.1).map(\.0)
    }
}
