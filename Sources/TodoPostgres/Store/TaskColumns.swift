import Foundation
import TodoCore

/// How a ``TodoTask`` maps to a `tasks` row: the same columns as on SQLite, instants as BIGINT
/// milliseconds since the epoch, `completed` as BOOLEAN, tags and reminders in ``TaskFieldCoding``,
/// a due instant in `due_at` and an all-day due day in `due_date` (`YYYY-MM-DD`), the
/// ``RecurrenceMode`` as its raw value, and `series_id` and `occurrence` placing the task in its
/// ``TaskSeries``.
enum TaskColumns {
    /// Every column, in the order of ``values(of:)`` and ``task(from:row:)``.
    static let names = """
        id, owner_id, title, title_key, description, search_text, completed, completed_at, priority, tags, due_at, \
        due_date, deadline, recurrence, reminders, created_at, updated_at, version, recurrence_mode, series_id, \
        occurrence
        """

    /// How many columns ``names`` lists.
    static let count = 21

    static let select = "SELECT \(names) FROM tasks"

    static func values(of task: TodoTask) -> [PostgresValue] {
        var dueAt: Int64?
        var dueDate: String?
        switch task.due {
        case .instant(let instant): dueAt = instant.millisecondsSince1970
        case .allDay(let day): dueDate = day.description
        case nil: break
        }

        return [
            .text(task.id), .text(task.ownerID), .text(task.title), .text(TextSearch.fold(task.title)),
            .text(task.description), .text(task.searchText), .boolean(task.completed),
            .integer(task.completedAt?.millisecondsSince1970), .integer(Int64(task.priority.rank)),
            .text(TaskFieldCoding.encode(tags: task.tags)), .integer(dueAt), .text(dueDate),
            .integer(task.deadline?.millisecondsSince1970), .text(task.recurrence),
            .text(TaskFieldCoding.encode(reminders: task.reminders)), .integer(task.createdAt.millisecondsSince1970),
            .integer(task.updatedAt.millisecondsSince1970), .integer(Int64(task.version)),
            .text(task.recurrenceMode?.rawValue), .text(task.seriesID), .integer(task.occurrence.map(Int64.init)),
        ]
    }

    /// Every row of a result selected by ``select``.
    static func tasks(from result: PostgresResult) throws -> [TodoTask] {
        try (0..<result.rowCount).map { try task(from: result, row: $0) }
    }

    static func task(from result: PostgresResult, row: Int) throws -> TodoTask {
        let id = result.text(row, 0)
        let rank = try result.int64(row, 8)
        guard let priority = Priority(rank: Int(rank)) else {
            throw AppError.internal("decode task \(id): unknown priority rank \(rank)")
        }

        var due: Due?
        if let millis = try result.optionalInt64(row, 10) {
            due = .instant(Date(millisecondsSince1970: millis))
        } else if let text = result.optionalText(row, 11) {
            guard let day = CalendarDate(text) else { throw AppError.internal("decode task \(id): invalid due date") }
            due = .allDay(day)
        }

        var mode: RecurrenceMode?
        if let text = result.optionalText(row, 18) {
            guard let known = RecurrenceMode(rawValue: text) else {
                throw AppError.internal("decode task \(id): unknown recurrence mode")
            }
            mode = known
        }

        return TodoTask(
            id: id, ownerID: result.text(row, 1), title: result.text(row, 2),
            description: result.optionalText(row, 4), completed: result.bool(row, 6),
            completedAt: try result.optionalInt64(row, 7).map(Date.init(millisecondsSince1970:)), priority: priority,
            tags: TaskFieldCoding.decodeTags(result.text(row, 9)), due: due,
            deadline: try result.optionalInt64(row, 12).map(Date.init(millisecondsSince1970:)),
            recurrence: result.optionalText(row, 13), recurrenceMode: mode, seriesID: result.optionalText(row, 19),
            occurrence: try result.optionalInt64(row, 20).map { Int($0) },
            reminders: try TaskFieldCoding.decodeReminders(result.text(row, 14), taskID: id),
            createdAt: Date(millisecondsSince1970: try result.int64(row, 15)),
            updatedAt: Date(millisecondsSince1970: try result.int64(row, 16)), version: Int(try result.int64(row, 17)))
    }
}
