import Foundation
import TodoCore

/// A task as tool results show it: the same members as the REST API's task JSON, so that one
/// client can read both. Instants are UTC; `due_at_local` repeats `due_at` at the owner's offset.
enum TaskJSONValue {
    static func value(_ task: TodoTask, timeZone: TimeZone) -> JSONValue {
        var members: [String: JSONValue] = [
            "id": .string(task.id), "title": .string(task.title), "description": optional(task.description),
            "completed": .bool(task.completed), "completed_at": optional(task.completedAt.map { RFC3339.format($0) }),
            "priority": .string(task.priority.rawValue), "tags": .array(task.tags.map(JSONValue.string)),
            "recurrence": optional(task.recurrence), "reminders": reminders(task.reminders),
            "created_at": .string(RFC3339.format(task.createdAt)),
            "updated_at": .string(RFC3339.format(task.updatedAt)),
            "version": .number(Double(task.version)), "timezone": .string(timeZone.displayIdentifier),
            "due_at": .null, "due_at_local": .null, "due_date": .null,
        ]
        switch task.due {
        case .instant(let instant):
            members["due_at"] = .string(RFC3339.format(instant))
            members["due_at_local"] = .string(RFC3339.format(instant, in: timeZone))
        case .allDay(let day):
            members["due_date"] = .string(day.description)
        case nil:
            break
        }
        return .object(members)
    }

    /// Reminders in the `{"minutes_before": n}` / `{"at": date-time}` shape tools accept.
    static func reminders(_ reminders: [Reminder]) -> JSONValue {
        .array(
            reminders.map { reminder in
                switch reminder {
                case .before(let minutes): .object(["minutes_before": .number(Double(minutes))])
                case .at(let instant): .object(["at": .string(RFC3339.format(instant))])
                }
            })
    }

    private static func optional(_ text: String?) -> JSONValue {
        text.map(JSONValue.string) ?? .null
    }
}
