import Foundation
import TodoCore

/// Reads tasks written by hand for dry runs and the chat corpus:
/// `{"id", "title", "priority"?, "tags"?, "due_at"? | "due_date"?, "recurrence"?, "completed"?}`,
/// pending ones in list order first. Missing ids and titles are an error.
public enum TaskSnapshot {
    /// The tasks of a JSON array (or of an object's `tasks` array), deadlines in `timeZone`.
    public static func tasks(from json: JSONValue, timeZone: TimeZone) throws(AppError) -> [TodoTask] {
        guard let items = json.arrayValue ?? json["tasks"]?.arrayValue else {
            throw AppError.badRequest("Expected an array of tasks, or an object with a \"tasks\" array")
        }
        let created = Date(timeIntervalSince1970: 1_772_000_000)
        return try items.enumerated().map { (index, item) throws(AppError) in
            guard let id = item["id"]?.stringValue, let title = item["title"]?.stringValue else {
                throw AppError.badRequest("Task \(index + 1) needs an id and a title")
            }
            var due: Due?
            if let text = item["due_at"]?.stringValue {
                guard let instant = RFC3339.parse(text) else { throw AppError.badRequest("Task \(id): bad due_at") }
                due = .instant(instant)
            } else if let text = item["due_date"]?.stringValue {
                guard let day = CalendarDate(text) else { throw AppError.badRequest("Task \(id): bad due_date") }
                due = .allDay(day)
            }
            let completed = item["completed"]?.boolValue ?? false
            return TodoTask(
                id: id, ownerID: "snapshot", title: title, completed: completed,
                completedAt: completed ? created : nil,
                priority: item["priority"]?.stringValue.flatMap(Priority.init(rawValue:)) ?? .none,
                tags: item["tags"]?.arrayValue?.compactMap(\.stringValue) ?? [], due: due,
                deadline: due?.deadline(in: timeZone), recurrence: item["recurrence"]?.stringValue,
                createdAt: created, updatedAt: created)
        }
    }
}
