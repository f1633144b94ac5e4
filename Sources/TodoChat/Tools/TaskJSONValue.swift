import Foundation
import TodoCore

/// A task as tool results show it: exactly the REST API's task JSON (``TaskJSON``), as a value, so
/// one client reads both and the shape has one definition.
enum TaskJSONValue {
    static func value(_ task: TodoTask, timeZone: TimeZone) -> JSONValue {
        TaskJSON.value(task, timeZone: timeZone)
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
}
