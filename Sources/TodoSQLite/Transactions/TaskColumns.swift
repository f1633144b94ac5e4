import Foundation
import TodoCore

/// How a ``TodoTask`` maps to a `tasks` row.
///
/// - Instants are INTEGER milliseconds since the epoch.
/// - `tags` and `reminders` are text in the shared ``TaskFieldCoding``; `task_tags` holds the tag
///   keys for filtering and counting.
/// - A due instant is in `due_at`, an all-day due day in `due_date` (`YYYY-MM-DD`).
/// - `recurrence_mode` is a ``RecurrenceMode`` raw value; `series_id` and `occurrence` place the task
///   in its ``TaskSeries``.
enum TaskColumns {
    /// Every column, in the order of ``values(of:)`` and ``task(from:)``.
    static let names = """
        id, owner_id, title, title_key, description, search_text, completed, completed_at, priority, tags, due_at, \
        due_date, deadline, recurrence, reminders, created_at, updated_at, version, recurrence_mode, series_id, \
        occurrence
        """

    static let select = "SELECT \(names) FROM tasks"

    static func values(of task: TodoTask) -> [SQLiteValue] {
        var dueAt: Int64?
        var dueDate: String?
        switch task.due {
        case .instant(let instant): dueAt = instant.millisecondsSince1970
        case .allDay(let day): dueDate = day.description
        case nil: break
        }

        return [
            .text(task.id), .text(task.ownerID), .text(task.title), .text(TextSearch.fold(task.title)),
            .text(task.description), .text(task.searchText), .integer(task.completed ? 1 : 0),
            .integer(task.completedAt?.millisecondsSince1970), .integer(Int64(task.priority.rank)),
            .text(TaskFieldCoding.encode(tags: task.tags)), .integer(dueAt), .text(dueDate),
            .integer(task.deadline?.millisecondsSince1970), .text(task.recurrence),
            .text(TaskFieldCoding.encode(reminders: task.reminders)), .integer(task.createdAt.millisecondsSince1970),
            .integer(task.updatedAt.millisecondsSince1970), .integer(Int64(task.version)),
            .text(task.recurrenceMode?.rawValue), .text(task.seriesID), .integer(task.occurrence.map(Int64.init)),
        ]
    }

    static func task(from row: SQLiteStatement) throws -> TodoTask {
        let id = row.text(0)
        guard let priority = Priority(rank: Int(row.int64(8))) else {
            throw AppError.internal("decode task \(id): unknown priority rank \(row.int64(8))")
        }

        var due: Due?
        if let millis = row.optionalInt64(10) {
            due = .instant(Date(millisecondsSince1970: millis))
        } else if let text = row.optionalText(11) {
            guard let day = CalendarDate(text) else { throw AppError.internal("decode task \(id): invalid due date") }
            due = .allDay(day)
        }

        var mode: RecurrenceMode?
        if let text = row.optionalText(18) {
            guard let known = RecurrenceMode(rawValue: text) else {
                throw AppError.internal("decode task \(id): unknown recurrence mode")
            }
            mode = known
        }

        return TodoTask(
            id: id, ownerID: row.text(1), title: row.text(2), description: row.optionalText(4),
            completed: row.int64(6) != 0, completedAt: row.optionalInt64(7).map(Date.init(millisecondsSince1970:)),
            priority: priority, tags: TaskFieldCoding.decodeTags(row.text(9)),
            due: due, deadline: row.optionalInt64(12).map(Date.init(millisecondsSince1970:)),
            recurrence: row.optionalText(13), recurrenceMode: mode, seriesID: row.optionalText(19),
            occurrence: row.optionalInt64(20).map { Int($0) },
            reminders: try TaskFieldCoding.decodeReminders(row.text(14), taskID: id),
            createdAt: Date(millisecondsSince1970: row.int64(15)),
            updatedAt: Date(millisecondsSince1970: row.int64(16)), version: Int(row.int64(17)))
    }
}
